//! The booking calendar: resources, availability, members' bookings, `.ics` files and feeds,
//! and the staff's day sheet, check-in, blocks and occupancy.

use chrono::NaiveDate;
use domain::endpoints as ep;
use domain::wire::{
    BlockCreated, BlockRequest, BlockView, Booking, BookingRequest, CalendarFeed, Occupancy,
    StaffDay,
};
use domain::ApiMsg;
use serde::Deserialize;
use worker::Response;

use super::{handler, Ctx, Route};
use crate::auth::Access;
use crate::cache::{self, Scope};
use crate::error::{ApiError, Context};
use crate::http;
use crate::rights::Rights;
use crate::service::bookings::{self as service, BookingFor};
use crate::service::staff_calendar::{self as staff, Mark};

pub fn routes() -> Vec<Route> {
    use Access::*;
    vec![
        Route::new(
            ep::RESOURCES,
            "The bookable resources: the coworking desks and the meeting room.",
            "calendar",
            Public,
            handler!(resources),
        ),
        Route::new(
            ep::AVAILABILITY,
            "Bookable slots and places left, per day (Paris wall-clock times).",
            "calendar",
            Public,
            handler!(availability),
        )
        .query(&[
            ("resource", "resource slug", true),
            ("from", "YYYY-MM-DD", true),
            ("to", "YYYY-MM-DD (at most 31 days after from)", true),
        ]),
        Route::new(
            ep::CREATE_BOOKING,
            "Book a desk period or a room slot. Idempotency-Key makes retries safe. 409 when full.",
            "calendar",
            Member,
            handler!(create_booking),
        )
        .invalidates(&[Scope::Availability])
        .status(201),
        Route::new(
            ep::MY_BOOKINGS,
            "The caller's bookings, upcoming and of the last 30 days.",
            "calendar",
            Member,
            handler!(my_bookings),
        ),
        Route::new(
            ep::CANCEL_BOOKING,
            "Cancel one's booking (desks until the start, the room until 24 h before).",
            "calendar",
            Member,
            handler!(cancel_booking),
        )
        .invalidates(&[Scope::Availability]),
        Route::new(
            ep::BOOKING_ICS,
            "One booking as an iCalendar file.",
            "calendar",
            Member,
            handler!(booking_ics),
        ),
        Route::new(
            ep::CALENDAR_FEED,
            "A new private calendar feed URL (the previous one stops working).",
            "calendar",
            Member,
            handler!(new_calendar_feed),
        )
        .status(201),
        Route::new(
            ep::CALENDAR_FEED_ICS,
            "A member's private calendar feed (iCalendar), by its secret token.",
            "calendar",
            Public,
            handler!(calendar_feed),
        ),
        Route::new(
            ep::STAFF_DAY,
            "The day's sheet: coworkers (with check-in) and room bookings.",
            "staff",
            Staff,
            handler!(staff_day),
        )
        .query(&[("date", "YYYY-MM-DD, today by default", false)]),
        Route::new(
            ep::CHECK_IN,
            "Mark a coworker as arrived.",
            "staff",
            Staff,
            handler!(check_in),
        ),
        Route::new(
            ep::UNDO_CHECK_IN,
            "Undo a check-in or a no-show made by mistake: the booking is not pointed either way.",
            "staff",
            Staff,
            handler!(undo_check_in),
        ),
        Route::new(
            ep::MEMBER_BOOKINGS,
            "A member's bookings (upcoming and of the last 30 days), as the member sees them.",
            "staff",
            Staff,
            handler!(member_bookings),
        ),
        Route::new(
            ep::NO_SHOW,
            "Mark a booking as a no-show, once it has started (409 before).",
            "staff",
            Staff,
            handler!(no_show),
        ),
        Route::new(
            ep::STAFF_CANCEL,
            "Cancel any booking (no window).",
            "staff",
            Staff,
            handler!(staff_cancel),
        )
        .invalidates(&[Scope::Availability]),
        Route::new(
            ep::BLOCK,
            "Close a resource for a period; lists the bookings it covers.",
            "staff",
            Staff,
            handler!(block),
        )
        .invalidates(&[Scope::Availability])
        .status(201),
        Route::new(
            ep::BLOCKS,
            "Blocks in force, each with the bookings it covers and the email and phone of their people.",
            "staff",
            Staff,
            handler!(blocks),
        ),
        Route::new(
            ep::LIFT_BLOCK,
            "Lift a block: the resource can be booked again.",
            "staff",
            Staff,
            handler!(lift_block),
        )
        .invalidates(&[Scope::Availability]),
        Route::new(
            ep::OCCUPANCY,
            "Desks and room use per day, and returning coworkers.",
            "staff",
            Staff,
            handler!(occupancy),
        )
        .query(&[("from", "YYYY-MM-DD", true), ("to", "YYYY-MM-DD", true)]),
    ]
}

fn field(name: &str, msg: ApiMsg) -> ApiError {
    ApiError::field(name, msg)
}

pub async fn resources(ctx: Ctx) -> Result<Response, ApiError> {
    let lang = http::request_lang(&ctx.req);
    let list = service::resources(&ctx.db()?, lang).await?;
    http::json(&list, 200)
}

#[derive(Deserialize, Default)]
struct Range {
    #[serde(default)]
    resource: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

fn parse_range(from: &str, to: &str, max_days: i64) -> Result<(NaiveDate, NaiveDate), ApiError> {
    let parse = |s: &str, name: &str| {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| field(name, ApiMsg::FieldDate))
    };
    let (from, to) = (parse(from, "from")?, parse(to, "to")?);
    if to < from || (to - from).num_days() > max_days {
        return Err(field("to", ApiMsg::FieldDateRange));
    }
    Ok((from, to))
}

pub async fn availability(ctx: Ctx) -> Result<Response, ApiError> {
    let q: Range = ctx.query()?;
    let (from, to) = parse_range(&q.from, &q.to, 31)?;
    let db = ctx.db()?;
    // The same for every caller (it carries no one's own bookings): shared through the cache until
    // a booking, cancellation, block or setting changes it.
    let compute = service::availability(&db, q.resource.trim(), from, to, ctx.now);
    cache::shared_json(&ctx.req, Scope::Availability, "no-store", compute).await
}

pub async fn create_booking(mut ctx: Ctx) -> Result<Response, ApiError> {
    let key = ctx
        .req
        .headers()
        .get("Idempotency-Key")
        .ok()
        .flatten()
        .filter(|k| !k.trim().is_empty() && k.len() <= 200);
    let body: BookingRequest = ctx.json().await?;
    let db = ctx.db()?;
    let caller = ctx.member()?.clone();
    // Who the booking is for, how far ahead and under which quota: asked of the caller's rights.
    let rights = Rights::of(&caller);
    let member_id = rights.books_for(body.member_id)?;
    let who = BookingFor {
        rights,
        member_id,
        booked_by: caller.id,
    };
    let booking = service::create_booking(&db, &body, who, &ctx.caller, key, ctx.now).await?;
    http::json(&booking, 201)
}

pub async fn my_bookings(ctx: Ctx) -> Result<Response, ApiError> {
    let list: Vec<Booking> = service::of_member(&ctx.db()?, ctx.member()?.id, ctx.now).await?;
    http::json(&list, 200)
}

pub async fn cancel_booking(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    service::cancel_own(&ctx.db()?, id, ctx.member()?.id, ctx.now).await?;
    http::empty(204)
}

/// An `.ics` download (shared by the events' routes).
pub(crate) fn ics_response(body: String, filename: &str) -> Result<Response, ApiError> {
    let mut resp = Response::ok(body).context("writing the answer")?;
    http::set_header(&mut resp, "Content-Type", "text/calendar; charset=utf-8")?;
    http::set_header(
        &mut resp,
        "Content-Disposition",
        &format!("attachment; filename=\"{filename}\""),
    )?;
    Ok(resp)
}

pub async fn booking_ics(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let ics = service::own_ics(&ctx.db()?, id, ctx.member()?.id, ctx.now).await?;
    ics_response(ics, &format!("silicon-kerne-{id}.ics"))
}

pub async fn new_calendar_feed(ctx: Ctx) -> Result<Response, ApiError> {
    let token = service::new_feed_token(&ctx.db()?, ctx.member()?.id).await?;
    let feed = CalendarFeed {
        url: ctx.site()?.link(&format!("/api/calendar/{token}.ics")),
    };
    http::json(&feed, 201)
}

pub async fn calendar_feed(ctx: Ctx) -> Result<Response, ApiError> {
    let token = ctx
        .param("token")
        .unwrap_or_default()
        .trim_end_matches(".ics")
        .to_string();
    let ics = service::feed_ics(&ctx.db()?, &token, ctx.now).await?;
    let mut resp = ics_response(ics, "silicon-kerne.ics")?;
    http::set_header(&mut resp, "Content-Disposition", "inline")?;
    Ok(resp)
}

#[derive(Deserialize, Default)]
struct DateQuery {
    #[serde(default)]
    date: String,
}

pub async fn staff_day(ctx: Ctx) -> Result<Response, ApiError> {
    let q: DateQuery = ctx.query()?;
    let date = if q.date.trim().is_empty() {
        domain::paris::local_date(ctx.now)
    } else {
        NaiveDate::parse_from_str(q.date.trim(), "%Y-%m-%d")
            .map_err(|_| field("date", ApiMsg::FieldDate))?
    };
    let day: StaffDay = staff::day(&ctx.db()?, date, ctx.now).await?;
    http::json(&day, 200)
}

async fn mark(ctx: Ctx, mark: Mark) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    staff::mark(&ctx.db()?, id, mark, &ctx.caller, ctx.now).await?;
    http::empty(204)
}

pub async fn check_in(ctx: Ctx) -> Result<Response, ApiError> {
    mark(ctx, Mark::CheckIn).await
}

pub async fn undo_check_in(ctx: Ctx) -> Result<Response, ApiError> {
    mark(ctx, Mark::UndoCheckIn).await
}

pub async fn member_bookings(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let db = ctx.db()?;
    crate::repo::accounts::member_by_id(&db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let list: Vec<Booking> = service::of_member(&db, id, ctx.now).await?;
    http::json(&list, 200)
}

pub async fn blocks(ctx: Ctx) -> Result<Response, ApiError> {
    let list: Vec<BlockView> = staff::blocks(&ctx.db()?, ctx.now).await?;
    http::json(&list, 200)
}

pub async fn lift_block(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    staff::lift_block(&ctx.db()?, id, &ctx.caller, ctx.now).await?;
    http::empty(204)
}

pub async fn no_show(ctx: Ctx) -> Result<Response, ApiError> {
    mark(ctx, Mark::NoShow).await
}

pub async fn staff_cancel(ctx: Ctx) -> Result<Response, ApiError> {
    mark(ctx, Mark::Cancel).await
}

pub async fn block(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: BlockRequest = ctx.json().await?;
    let actor = ctx.member()?.id;
    let created: BlockCreated =
        staff::block(&ctx.db()?, &body, &ctx.caller, actor, ctx.now).await?;
    http::json(&created, 201)
}

pub async fn occupancy(ctx: Ctx) -> Result<Response, ApiError> {
    let q: Range = ctx.query()?;
    let (from, to) = parse_range(&q.from, &q.to, 92)?;
    let occupancy: Occupancy = staff::occupancy(&ctx.db()?, from, to).await?;
    http::json(&occupancy, 200)
}
