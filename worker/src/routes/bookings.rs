//! The booking calendar: resources, availability, members' bookings, `.ics` files and feeds,
//! and the staff's day sheet, check-in, blocks and occupancy.

use chrono::{Duration, NaiveDate};
use domain::accounts::Checker;
use domain::calendar::{self, DeskPeriod, ResourceKind};
use domain::wire::BookingStatus;
use domain::wire::{
    BlockCreated, BlockRequest, Booking, BookingRequest, CalendarFeed, DayAvailability, Occupancy,
    OccupancyDay, ResourceInfo, StaffDay,
};
use domain::{paris, ApiMsg, Lang, Localized};
use serde::Deserialize;
use serde_json::json;
use worker::{Method, Response};

use super::{handler, Ctx, Route};
use crate::auth::Access;
use crate::cache::{self, Scope};
use crate::error::{ApiError, Context};
use crate::repo::bookings::{self as repo, BookingKind};
use crate::repo::{audit, changes};
use crate::rights::Rights;
use crate::secrets::{random_token, token_hash};
use crate::service::bookings::local_times;
use crate::service::calendar as svc;

pub fn routes() -> Vec<Route> {
    use Access::*;
    vec![
        Route::new(
            Method::Get,
            "/api/resources",
            "resources",
            "The bookable resources: the coworking desks and the meeting room.",
            "calendar",
            Public,
            handler!(resources),
        )
        .returns::<Vec<ResourceInfo>>(200),
        Route::new(
            Method::Get,
            "/api/availability",
            "availability",
            "Bookable slots and places left, per day (Paris wall-clock times).",
            "calendar",
            Public,
            handler!(availability),
        )
        .query(&[
            ("resource", "resource slug", true),
            ("from", "YYYY-MM-DD", true),
            ("to", "YYYY-MM-DD (at most 31 days after from)", true),
        ])
        .returns::<Vec<DayAvailability>>(200),
        Route::new(
            Method::Post,
            "/api/bookings",
            "create_booking",
            "Book a desk period or a room slot. Idempotency-Key makes retries safe. 409 when full.",
            "calendar",
            Member,
            handler!(create_booking),
        )
        .invalidates(&[Scope::Availability])
        .body::<BookingRequest>()
        .returns::<Booking>(201),
        Route::new(
            Method::Get,
            "/api/bookings",
            "my_bookings",
            "The caller's bookings, upcoming and of the last 30 days.",
            "calendar",
            Member,
            handler!(my_bookings),
        )
        .returns::<Vec<Booking>>(200),
        Route::new(
            Method::Delete,
            "/api/bookings/{id}",
            "cancel_booking",
            "Cancel one's booking (desks until the start, the room until 24 h before).",
            "calendar",
            Member,
            handler!(cancel_booking),
        )
        .invalidates(&[Scope::Availability])
        .no_content(204),
        Route::new(
            Method::Get,
            "/api/bookings/{id}/ics",
            "booking_ics",
            "One booking as an iCalendar file.",
            "calendar",
            Member,
            handler!(booking_ics),
        ),
        Route::new(
            Method::Post,
            "/api/me/calendar-feed",
            "calendar_feed",
            "A new private calendar feed URL (the previous one stops working).",
            "calendar",
            Member,
            handler!(new_calendar_feed),
        )
        .returns::<CalendarFeed>(201),
        Route::new(
            Method::Get,
            "/api/calendar/{token}",
            "calendar_feed_ics",
            "A member's private calendar feed (iCalendar), by its secret token.",
            "calendar",
            Public,
            handler!(calendar_feed),
        ),
        Route::new(
            Method::Get,
            "/api/staff/day",
            "staff_day",
            "The day's sheet: coworkers (with check-in) and room bookings.",
            "staff",
            Staff,
            handler!(staff_day),
        )
        .query(&[("date", "YYYY-MM-DD, today by default", false)])
        .returns::<StaffDay>(200),
        Route::new(
            Method::Post,
            "/api/staff/bookings/{id}/check-in",
            "check_in",
            "Mark a coworker as arrived.",
            "staff",
            Staff,
            handler!(check_in),
        )
        .no_content(204),
        Route::new(
            Method::Post,
            "/api/staff/bookings/{id}/no-show",
            "no_show",
            "Mark a booking as a no-show.",
            "staff",
            Staff,
            handler!(no_show),
        )
        .no_content(204),
        Route::new(
            Method::Post,
            "/api/staff/bookings/{id}/cancel",
            "staff_cancel",
            "Cancel any booking (no window).",
            "staff",
            Staff,
            handler!(staff_cancel),
        )
        .invalidates(&[Scope::Availability])
        .no_content(204),
        Route::new(
            Method::Post,
            "/api/staff/blocks",
            "block",
            "Close a resource for a period; lists the bookings it covers.",
            "staff",
            Staff,
            handler!(block),
        )
        .invalidates(&[Scope::Availability])
        .body::<BlockRequest>()
        .returns::<BlockCreated>(201),
        Route::new(
            Method::Get,
            "/api/staff/occupancy",
            "occupancy",
            "Desks and room use per day, and returning coworkers.",
            "staff",
            Staff,
            handler!(occupancy),
        )
        .query(&[("from", "YYYY-MM-DD", true), ("to", "YYYY-MM-DD", true)])
        .returns::<Occupancy>(200),
    ]
}

/// The instant a Paris day begins (midnight is never in a daylight-saving gap in Europe/Paris).
fn day_start(
    date: NaiveDate,
    fallback: chrono::DateTime<chrono::Utc>,
) -> chrono::DateTime<chrono::Utc> {
    date.and_hms_opt(0, 0, 0)
        .and_then(|t| paris::from_local(t).earliest())
        .unwrap_or(fallback)
}

fn field(name: &str, msg: ApiMsg) -> ApiError {
    ApiError::Validation(vec![(name.to_string(), msg)])
}

pub async fn resources(ctx: Ctx) -> Result<Response, ApiError> {
    let lang = crate::http::request_lang(&ctx.req);
    let rows = repo::resources(&ctx.db()?).await?;
    let list: Vec<ResourceInfo> = rows
        .into_iter()
        .map(|r| ResourceInfo {
            slug: r.slug,
            kind: r.kind,
            name: if lang == Lang::En {
                r.name_en.clone()
            } else {
                r.name_fr.clone()
            },
            names: Localized {
                fr: r.name_fr,
                en: r.name_en,
            },
            capacity: r.capacity,
            description: Localized {
                fr: r.description_fr,
                en: r.description_en,
            },
        })
        .collect();
    Ok(Response::from_json(&list)?)
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
    let compute = async {
        let resource = repo::resource(&db, q.resource.trim())
            .await
            .context("reading the resource")?
            .ok_or_else(|| field("resource", ApiMsg::FieldUnknownResource))?;
        let cfg = svc::config(&db).await?;
        let (start, end) = (
            day_start(from, ctx.now),
            day_start(to + Duration::days(1), ctx.now),
        );
        let bookings = repo::overlapping(&db, Some(resource.id), start, end)
            .await
            .context("reading the bookings of the range")?;
        let closures = repo::closures(&db, from, to)
            .await
            .context("reading closure days")?;
        Ok(svc::availability(
            &resource, from, to, &bookings, &closures, &cfg, ctx.now,
        ))
    };
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
    let who = crate::service::bookings::BookingFor {
        rights,
        member_id,
        booked_by: caller.id,
    };
    let booking =
        crate::service::bookings::create_booking(&db, &body, who, &ctx.caller, key, ctx.now)
            .await?;
    Ok(Response::from_json(&booking)
        .context("writing the answer")?
        .with_status(201))
}

#[derive(Deserialize)]
struct IdRow {
    id: i64,
}

pub async fn my_bookings(ctx: Ctx) -> Result<Response, ApiError> {
    let db = ctx.db()?;
    let cfg = svc::config(&db).await?;
    let rows = repo::of_member(&db, ctx.member()?.id, ctx.now - Duration::days(30)).await?;
    let list: Vec<Booking> = rows
        .iter()
        .map(|r| svc::booking(r, ctx.now, &cfg.rules))
        .collect();
    Ok(Response::from_json(&list)?)
}

pub async fn cancel_booking(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let db = ctx.db()?;
    let member = ctx.member()?.id;
    let cfg = svc::config(&db).await?;
    let cutoff = ctx.now + Duration::hours(i64::from(cfg.rules.room_cancel_notice_hours));
    let result = repo::cancel_own(&db, id, member, ctx.now, cutoff)?
        .run()
        .await?;
    if changes(&result) == 1 {
        return Ok(Response::empty()?.with_status(204));
    }
    match repo::owned(&db, id, member).await? {
        None => Err(ApiError::NotFound),
        Some(b) if b.status == BookingStatus::Cancelled => Ok(Response::empty()?.with_status(204)),
        Some(_) => Err(ApiError::Conflict(ApiMsg::RuleCancelTooLate)),
    }
}

fn ics_response(body: String, filename: &str) -> Result<Response, ApiError> {
    let mut resp = Response::ok(body)?;
    let h = resp.headers_mut();
    h.set("Content-Type", "text/calendar; charset=utf-8")?;
    h.set(
        "Content-Disposition",
        &format!("attachment; filename=\"{filename}\""),
    )?;
    Ok(resp)
}

pub async fn booking_ics(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let db = ctx.db()?;
    let row = repo::owned(&db, id, ctx.member()?.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let cfg = svc::config(&db).await?;
    ics_response(
        svc::ics(&[row], ctx.now, &cfg.address, "Silicon Kerne"),
        &format!("silicon-kerne-{id}.ics"),
    )
}

pub async fn new_calendar_feed(ctx: Ctx) -> Result<Response, ApiError> {
    let token = random_token();
    let db = ctx.db()?;
    repo::set_calendar_token(&db, ctx.member()?.id, &token_hash(&token))?
        .run()
        .await?;
    let origin = ctx
        .req
        .url()
        .context("request url")?
        .origin()
        .ascii_serialization();
    let feed = CalendarFeed {
        url: format!("{origin}/api/calendar/{token}.ics"),
    };
    Ok(Response::from_json(&feed)?.with_status(201))
}

pub async fn calendar_feed(ctx: Ctx) -> Result<Response, ApiError> {
    let token = ctx
        .param("token")
        .unwrap_or_default()
        .trim_end_matches(".ics")
        .to_string();
    let db = ctx.db()?;
    let member = repo::member_by_calendar_token(&db, &token_hash(&token))
        .await?
        .ok_or(ApiError::NotFound)?;
    let rows = repo::of_member(&db, member, ctx.now - Duration::days(30)).await?;
    let cfg = svc::config(&db).await?;
    let mut resp = ics_response(
        svc::ics(&rows, ctx.now, &cfg.address, "Silicon Kerne"),
        "silicon-kerne.ics",
    )?;
    resp.headers_mut().set("Content-Disposition", "inline")?;
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
        paris::local_date(ctx.now)
    } else {
        NaiveDate::parse_from_str(q.date.trim(), "%Y-%m-%d")
            .map_err(|_| field("date", ApiMsg::FieldDate))?
    };
    let db = ctx.db()?;
    // From midnight to midnight in Paris: 23 or 25 hours on the days the clocks change.
    let rows = repo::overlapping(
        &db,
        None,
        day_start(date, ctx.now),
        day_start(date + Duration::days(1), ctx.now),
    )
    .await?;
    let desk_capacity = repo::resources(&db)
        .await?
        .iter()
        .filter(|r| r.kind == ResourceKind::Desk)
        .map(|r| r.capacity)
        .sum::<u32>();
    let (desks, rooms): (Vec<_>, Vec<_>) = rows
        .iter()
        .partition(|r| r.resource_kind == ResourceKind::Desk);
    let day = StaffDay {
        date,
        desk_capacity,
        coworkers: desks.into_iter().map(svc::staff_booking).collect(),
        room: rooms.into_iter().map(svc::staff_booking).collect(),
    };
    Ok(Response::from_json(&day)?)
}

async fn mark(ctx: Ctx, action: &str) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let db = ctx.db()?;
    let today = paris::local_date(ctx.now);
    let update = match action {
        "booking.check_in" => repo::check_in(&db, id, ctx.now, today)?,
        "booking.no_show" => repo::no_show(&db, id, today)?,
        _ => repo::cancel_any(&db, id, ctx.now)?,
    };
    let results = db
        .batch(vec![
            update,
            audit::record_after(
                &db,
                ctx.now,
                &ctx.caller,
                action,
                "booking",
                &id.to_string(),
                json!({}),
            )?,
        ])
        .await?;
    if results.first().map(changes) != Some(1) {
        // Say why: a booking of a day still to come cannot be checked in yet.
        return Err(match repo::by_id(&db, id).await? {
            Some(b)
                if b.status == BookingStatus::Confirmed
                    && b.kind == BookingKind::Member
                    && action != "booking.cancel" =>
            {
                ApiError::Conflict(ApiMsg::ErrCheckInDay)
            }
            _ => ApiError::NotFound,
        });
    }
    Ok(Response::empty()?.with_status(204))
}

pub async fn check_in(ctx: Ctx) -> Result<Response, ApiError> {
    mark(ctx, "booking.check_in").await
}

pub async fn no_show(ctx: Ctx) -> Result<Response, ApiError> {
    mark(ctx, "booking.no_show").await
}

pub async fn staff_cancel(ctx: Ctx) -> Result<Response, ApiError> {
    mark(ctx, "booking.cancel").await
}

pub async fn block(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: BlockRequest = ctx.json().await?;
    let db = ctx.db()?;
    let resource = repo::resource(&db, body.resource.trim())
        .await?
        .ok_or_else(|| field("resource", ApiMsg::FieldUnknownResource))?;
    let mut checker = Checker::default();
    let (start, end) = local_times(&mut checker, &body.start, &body.end);
    let reason = body.reason.trim().to_string();
    if reason.is_empty() || reason.chars().count() > 200 {
        checker.fail("reason", ApiMsg::FieldRequired);
    }
    let (start, end) = checker
        .finish(|| Some((start?, end?)))
        .map_err(ApiError::Validation)?;
    let sp =
        calendar::span(start, end).ok_or_else(|| field("start", ApiMsg::RuleNonexistentTime))?;
    if sp.end <= sp.start {
        return Err(field("end", ApiMsg::RuleEndAfterStart));
    }
    let actor = ctx.member()?.id;
    let results = db
        .batch(vec![
            repo::insert_block(&db, resource.id, &sp, &reason, actor)?,
            audit::record_after(
                &db,
                ctx.now,
                &ctx.caller,
                "resource.block",
                "resource",
                &resource.slug,
                json!({
                    "start": body.start, "end": body.end, "reason": reason
                }),
            )?,
        ])
        .await?;
    let id = results
        .first()
        .and_then(|r| r.results::<IdRow>().ok())
        .and_then(|mut v| v.pop())
        .map(|r| r.id)
        .unwrap_or_default();
    let affected = repo::overlapping(&db, Some(resource.id), sp.start, sp.end)
        .await?
        .iter()
        .filter(|b| b.kind != BookingKind::Block)
        .map(svc::staff_booking)
        .collect();
    Ok(Response::from_json(&BlockCreated { id, affected })?.with_status(201))
}

pub async fn occupancy(ctx: Ctx) -> Result<Response, ApiError> {
    let q: Range = ctx.query()?;
    let (from, to) = parse_range(&q.from, &q.to, 92)?;
    let db = ctx.db()?;
    let cfg = svc::config(&db).await?;
    let rows = repo::occupancy(&db, from, to).await?;
    let closures = repo::closures(&db, from, to).await?;
    let desk_capacity = repo::resources(&db)
        .await?
        .iter()
        .filter(|r| r.kind == ResourceKind::Desk)
        .map(|r| r.capacity)
        .sum::<u32>();
    let mut days = Vec::new();
    let mut per_member: std::collections::HashMap<i64, std::collections::HashSet<NaiveDate>> =
        Default::default();
    let mut date = from;
    while date <= to {
        let of_day: Vec<_> = rows.iter().filter(|r| r.day == date).collect();
        let desk = |half: DeskPeriod| {
            of_day
                .iter()
                .filter(|r| {
                    r.resource_kind == ResourceKind::Desk
                        && (r.period == Some(half) || r.period == Some(DeskPeriod::Day))
                })
                .count()
        };
        for r in of_day
            .iter()
            .filter(|r| r.resource_kind == ResourceKind::Desk)
        {
            if let Some(m) = r.member_id {
                per_member.entry(m).or_default().insert(date);
            }
        }
        days.push(OccupancyDay {
            date,
            open: calendar::open_hours(date, &cfg.hours, &closures).is_some(),
            desks_morning: desk(DeskPeriod::Morning) as u32,
            desks_afternoon: desk(DeskPeriod::Afternoon) as u32,
            desk_capacity,
            room_minutes: of_day
                .iter()
                .filter(|r| r.resource_kind == ResourceKind::Room)
                .map(|r| r.minutes)
                .sum::<i64>() as u32,
            checked_in: of_day
                .iter()
                .filter(|r| r.checked_in == 1 && r.kind == BookingKind::Member)
                .count() as u32,
        });
        date += Duration::days(1);
    }
    let occupancy = Occupancy {
        days,
        returning_coworkers: per_member.values().filter(|d| d.len() > 1).count() as u32,
        distinct_coworkers: per_member.len() as u32,
    };
    Ok(Response::from_json(&occupancy)?)
}
