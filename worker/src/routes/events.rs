//! Events and sign-ups: the agenda, the sign-up without an account, the private link, the staff's
//! pages and the members' one tap. Handlers parse and answer; the flows are `service::events`.

use chrono::{Duration, NaiveDate};
use domain::endpoints as ep;
use domain::events::EventKind;
use domain::events::{
    Audience, CheckIn, EventInput, LinkSent, LinkSentStatus, RegistrationRequest, SeatsChange,
};
use domain::recurrence::MonthlyRule;
use domain::{paris, ApiMsg};
use serde::Deserialize;
use worker::Response;

use super::{handler, Ctx, EventOf, Limit, Per, Route, DAY, HOUR};
use crate::auth::Access;
use crate::cache::Scope;
use crate::error::{ApiError, Context};
use crate::http;
use crate::service::events::{self as service, Filter, Guest, SignedUp};

pub fn routes() -> Vec<Route> {
    use Access::*;
    vec![
        Route::new(ep::EVENTS, "Published events starting from `from` to `to` (at most 400 days; default: the next four months), by start; local times in Europe/Paris. An unknown `kind` or `audience` is a 422.", "events", Public, handler!(list))
            .query(&[("from", "first day, YYYY-MM-DD", false), ("to", "last day, YYYY-MM-DD", false), ("kind", "teacher_training, children_workshop, open_day, club_meeting or other", false), ("audience", "everyone, teachers, families or members", false)]),
        Route::new(ep::EVENT, "One published event.", "events", Public, handler!(get)),
        Route::new(ep::EVENT_ICS, "The event as an iCalendar file.", "events", Public, handler!(event_ics)),
        Route::new(ep::REGISTER, "Sign up without an account (a members-only event takes a member's session, 403 otherwise): confirmed if the seats are free and no waiting group that fits is owed them, else on the waiting list (201, with the private link). An address already signed up for this event, or another `+tag` of its mailbox, gets 202: nothing changes, and that sign-up's private link is emailed to the address it was made with, never answered.", "events", Public, handler!(register))
            .decided_in(EventOf::Path("id"))
            .with_caller()
            .limits(const { &[Limit::refuse(Per::Client, 60, HOUR), Limit::live(Per::ClientAtEvent, 3), Limit::live(Per::Mailbox, 1), Limit::refuse(Per::Mailbox, 10, DAY)] })
            .sends_email()
            .status(201)
            .also_returns::<LinkSent>(202),
        Route::new(ep::REGISTRATION, "A sign-up by its private link: status, position on the waiting list, the event.", "events", Public, handler!(registration)),
        Route::new(ep::CHANGE_REGISTRATION, "Change the number of seats: fewer always, more while seats are free; freed seats go to the waiting list at once.", "events", Public, handler!(change))
            .decided_in(EventOf::Token("token")),
        Route::new(ep::CANCEL_REGISTRATION, "Cancel the sign-up and erase what was given; the seats go to the waiting list at once.", "events", Public, handler!(cancel))
            .decided_in(EventOf::Token("token")),
        Route::new(ep::REGISTRATION_ICS, "The signed-up event as an iCalendar file.", "events", Public, handler!(registration_ics)),
        Route::new(ep::EXPORT_REGISTRATION, "Everything the sign-up holds, as a JSON file.", "events", Public, handler!(export)),
        Route::new(ep::MY_EVENTS, "The next meetings of the member's clubs and the events they signed up for.", "me", Member, handler!(my_events)),
        Route::new(ep::COME_TO_EVENT, "The member comes (one seat, counted like anyone's).", "me", Member, handler!(come))
            .decided_in(EventOf::Path("id")),
        Route::new(ep::STAY_AWAY_FROM_EVENT, "The member no longer comes.", "me", Member, handler!(stay_away))
            .decided_in(EventOf::Path("id")),
        Route::new(ep::STAFF_EVENTS, "Events from `from` to `to`, cancelled ones included.", "staff", Staff, handler!(staff_list))
            .query(&[("from", "first day, YYYY-MM-DD", false), ("to", "last day, YYYY-MM-DD", false)]),
        Route::new(ep::CREATE_EVENT, "Publish an event; in the meeting room, the room is held in the same step (422 if taken).", "staff", Staff, handler!(create))
            .invalidates(&[Scope::Availability, Scope::Site])
            .status(201),
        Route::new(ep::UPDATE_EVENT, "Edit the whole event (a raised capacity serves the waiting list; below the seats confirmed is refused) or cancel it (`cancelled`: everyone is emailed).", "staff", Staff, handler!(update))
            .decided_in(EventOf::Path("id"))
            .invalidates(&[Scope::Availability, Scope::Site]),
        Route::new(ep::EVENT_REGISTRATIONS, "The sign-ups: confirmed, then waiting in order, then cancelled, with seats, adults, children and attendance.", "staff", Staff, handler!(registrations)),
        Route::new(ep::EVENT_REGISTRATIONS_CSV, "The sign-ups as CSV for French spreadsheets (UTF-8 with BOM, `;`, RFC 4180 quoting).", "staff", Staff, handler!(registrations_csv)),
        Route::new(ep::CHECK_IN_REGISTRATION, "At the door: how many of the group came (at most its confirmed seats).", "staff", Staff, handler!(check_in)),
        Route::new(ep::UNDO_REGISTRATION_CHECK_IN, "Undo a check-in made by mistake: the group is not pointed yet.", "staff", Staff, handler!(undo_check_in)),
        Route::new(ep::CANCEL_REGISTRATION_FOR_FAMILY, "Cancel a sign-up for a family who phoned or came by: what they gave is erased, the seats go to the waiting list at once, the family is emailed and the staff's audit log says who did it (409 if already cancelled or the event has started).", "staff", Staff, handler!(cancel_for_family))
            .decided_in(EventOf::Registration("id"))
            .sends_email()
            .invalidates(&[Scope::Site]),
        Route::new(ep::SET_CLUB_RULE, "A club's monthly meeting rule; future meetings nobody signed up to are made again from it.", "staff", Staff, handler!(set_rule))
            .invalidates(&[Scope::Availability, Scope::Site]),
    ]
}

#[derive(Deserialize, Default)]
struct Range {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    audience: String,
}

fn field(name: &str, msg: ApiMsg) -> ApiError {
    ApiError::Validation(vec![(name.to_string(), msg)])
}

/// The days asked for; by default from today to four months ahead.
fn range(ctx: &Ctx, q: &Range) -> Result<(NaiveDate, NaiveDate), ApiError> {
    let today = paris::local_date(ctx.now);
    let day = |s: &str, name: &str, default: NaiveDate| {
        if s.trim().is_empty() {
            Ok(default)
        } else {
            domain::accounts::parse_day(s).map_err(|m| field(name, m))
        }
    };
    let from = day(&q.from, "from", today)?;
    let to = day(&q.to, "to", from + Duration::days(122))?;
    if to < from {
        return Err(field("to", ApiMsg::StatsEndBeforeStart));
    }
    if (to - from).num_days() > 400 {
        return Err(field("to", ApiMsg::ErrRangeTooLong));
    }
    Ok((from, to))
}

/// The kind and audience asked for: empty is any, an unknown word is a 422 naming the field.
fn filter(q: &Range) -> Result<Filter, ApiError> {
    let kind = match q.kind.trim() {
        "" => None,
        k => Some(EventKind::parse(k).ok_or_else(|| field("kind", ApiMsg::FieldEventKind))?),
    };
    let audience = match q.audience.trim() {
        "" => None,
        a => Some(Audience::parse(a).ok_or_else(|| field("audience", ApiMsg::FieldAudience))?),
    };
    Ok(Filter { kind, audience })
}

pub async fn list(ctx: Ctx) -> Result<Response, ApiError> {
    let q: Range = ctx.query()?;
    let (from, to) = range(&ctx, &q)?;
    let filter = filter(&q)?;
    let list = service::list(&ctx.db()?, from, to, false, filter, ctx.now).await?;
    http::json(&list, 200)
}

pub async fn staff_list(ctx: Ctx) -> Result<Response, ApiError> {
    let q: Range = ctx.query()?;
    let (from, to) = range(&ctx, &q)?;
    let list = service::list(&ctx.db()?, from, to, true, Filter::default(), ctx.now).await?;
    http::json(&list, 200)
}

/// The event of the path, published or cancelled (a cancelled one says so).
async fn event_of_path(ctx: &Ctx) -> Result<crate::repo::events::EventRow, ApiError> {
    service::event(&ctx.db()?, ctx.id_param("id")?).await
}

pub async fn get(ctx: Ctx) -> Result<Response, ApiError> {
    let e = event_of_path(&ctx).await?;
    http::json(&service::view(&e, ctx.now), 200)
}

use super::bookings::ics_response;

async fn address(ctx: &Ctx) -> Result<String, ApiError> {
    Ok(crate::service::calendar::config(&ctx.db()?).await?.address)
}

pub async fn event_ics(ctx: Ctx) -> Result<Response, ApiError> {
    let e = event_of_path(&ctx).await?;
    ics_response(
        service::ics(&e, ctx.now, &address(&ctx).await?, None),
        &format!("silicon-kerne-{}.ics", e.id),
    )
}

pub async fn register(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: RegistrationRequest = ctx.json().await?;
    let site = ctx.site()?;
    // What one mailbox receives from sign-ups across every event (a family signs up to a few).
    let mailbox = ctx
        .tally(Per::Mailbox, &domain::privacy::mailbox(&body.email))
        .await?;
    let guest = Guest {
        client: &ctx.client,
        site_url: &site.url,
        member: ctx.caller.member(),
        live_per_client: ctx.live_limit(Per::ClientAtEvent)?,
        mailbox: Some(mailbox),
    };
    match service::register(&ctx.db()?, &ctx.seats, id, &body, &guest, ctx.now).await? {
        SignedUp::Created(created) => http::json(&created, 201),
        SignedUp::LinkSent => http::json(
            &LinkSent {
                status: LinkSentStatus::LinkSent,
            },
            202,
        ),
    }
}

fn token(ctx: &Ctx) -> String {
    ctx.param("token").unwrap_or_default().to_string()
}

pub async fn registration(ctx: Ctx) -> Result<Response, ApiError> {
    let db = ctx.db()?;
    let r = service::by_token(&db, &token(&ctx)).await?;
    let view = service::registration_view(&db, r.id, r.event_id, ctx.now).await?;
    http::json(&view, 200)
}

pub async fn export(ctx: Ctx) -> Result<Response, ApiError> {
    let db = ctx.db()?;
    let r = service::by_token(&db, &token(&ctx)).await?;
    let view = service::registration_view(&db, r.id, r.event_id, ctx.now).await?;
    let mut resp = http::json(&view, 200)?;
    http::set_header(
        &mut resp,
        "Content-Disposition",
        "attachment; filename=\"silicon-kerne-inscription.json\"",
    )?;
    Ok(resp)
}

pub async fn change(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: SeatsChange = ctx.json().await?;
    let site = ctx.site()?;
    let view = service::change(
        &ctx.db()?,
        &ctx.seats,
        &token(&ctx),
        &body,
        &site.url,
        ctx.now,
    )
    .await?;
    http::json(&view, 200)
}

pub async fn cancel(ctx: Ctx) -> Result<Response, ApiError> {
    let site = ctx.site()?;
    service::cancel(&ctx.db()?, &ctx.seats, &token(&ctx), &site.url, ctx.now).await?;
    http::empty(204)
}

pub async fn registration_ics(ctx: Ctx) -> Result<Response, ApiError> {
    let db = ctx.db()?;
    let r = service::by_token(&db, &token(&ctx)).await?;
    let e = service::event(&db, r.event_id).await?;
    ics_response(
        service::ics(&e, ctx.now, &address(&ctx).await?, Some((r.status, r.lang))),
        &format!("silicon-kerne-{}.ics", e.id),
    )
}

pub async fn my_events(ctx: Ctx) -> Result<Response, ApiError> {
    let list = service::my_events(&ctx.db()?, ctx.member()?.id, ctx.now).await?;
    http::json(&list, 200)
}

pub async fn come(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let site = ctx.site()?;
    let lang = http::request_lang(&ctx.req);
    let mine = service::come(
        &ctx.db()?,
        &ctx.seats,
        id,
        ctx.member()?,
        &site.url,
        lang,
        ctx.now,
    )
    .await?;
    http::json(&mine, 200)
}

pub async fn stay_away(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let site = ctx.site()?;
    service::stay_away(
        &ctx.db()?,
        &ctx.seats,
        id,
        ctx.member()?.id,
        &site.url,
        ctx.now,
    )
    .await?;
    http::empty(204)
}

pub async fn create(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: EventInput = ctx.json().await?;
    let actor = ctx.member()?.id;
    let view = service::create(&ctx.db()?, &body, &ctx.caller, actor, ctx.now).await?;
    http::json(&view, 201)
}

pub async fn update(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: EventInput = ctx.json().await?;
    let site = ctx.site()?;
    let view = service::update(
        &ctx.db()?,
        &ctx.seats,
        id,
        &body,
        &ctx.caller,
        &site.url,
        ctx.now,
    )
    .await?;
    http::json(&view, 200)
}

pub async fn registrations(ctx: Ctx) -> Result<Response, ApiError> {
    let list = service::registrations(&ctx.db()?, ctx.id_param("id")?, ctx.now).await?;
    http::json(&list, 200)
}

pub async fn registrations_csv(ctx: Ctx) -> Result<Response, ApiError> {
    let list = service::registrations(&ctx.db()?, ctx.id_param("id")?, ctx.now).await?;
    let lang = http::request_lang(&ctx.req);
    let mut resp =
        Response::from_bytes(service::csv(&list, lang)?).context("writing the answer")?;
    http::set_header(&mut resp, "Content-Type", "text/csv; charset=utf-8")?;
    http::set_header(
        &mut resp,
        "Content-Disposition",
        &format!(
            "attachment; filename=\"silicon-kerne-inscrits-{}-{}.csv\"",
            list.event.starts_at.0.date(),
            list.event.id
        ),
    )?;
    Ok(resp)
}

pub async fn check_in(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: CheckIn = ctx.json().await?;
    let row = service::check_in(&ctx.db()?, id, body.present, ctx.now).await?;
    http::json(&row, 200)
}

pub async fn undo_check_in(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let row = service::undo_check_in(&ctx.db()?, id, ctx.now).await?;
    http::json(&row, 200)
}

pub async fn cancel_for_family(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let site = ctx.site()?;
    service::cancel_for_family(&ctx.db()?, &ctx.seats, id, &ctx.caller, &site.url, ctx.now).await?;
    http::empty(204)
}

pub async fn set_rule(mut ctx: Ctx) -> Result<Response, ApiError> {
    let slug = ctx.param("slug").unwrap_or_default().to_string();
    let rule: MonthlyRule = ctx.json().await?;
    service::set_club_rule(&ctx.db()?, &slug, &rule, &ctx.caller, ctx.now).await?;
    http::empty(204)
}
