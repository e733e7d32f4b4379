//! Renting the meeting room without an account: request, private link, quote, staff decision.
//! Handlers parse and answer; the flows are `service::rentals`.

use domain::accounts::parse_required_text;
use domain::endpoints as ep;
use domain::wire::{DeclineRequest, RentalRequest};
use domain::ApiMsg;
use serde::Deserialize;
use worker::Response;

use super::{handler, Ctx, Limit, Per, Route, DAY, HOUR};
use crate::auth::Access;
use crate::cache::Scope;
use crate::error::ApiError;
use crate::http;
use crate::service::rentals::{self as service, Requester};

pub fn routes() -> Vec<Route> {
    use Access::*;
    vec![
        Route::new(ep::REQUEST_RENTAL, "A business asks for the meeting room (no account); returns the private link's token and the price.", "rentals", Public, handler!(request_rental))
            .with_caller()
            .limits(const { &[Limit::refuse(Per::Client, 10, HOUR), Limit::refuse(Per::Mailbox, 3, DAY)] })
            .sends_email()
            .status(201),
        Route::new(ep::RENTAL_DAYS, "For each day from `from` to `to` (at most 62 days), whether the meeting room can be rented in the morning and in the afternoon.", "rentals", Public, handler!(rental_days))
            .query(&[("from", "first day, YYYY-MM-DD", true), ("to", "last day, YYYY-MM-DD", true)]),
        Route::new(ep::RENTAL, "A rental request and its quote, by its private link.", "rentals", Public, handler!(rental)),
        Route::new(ep::CANCEL_RENTAL, "The requester cancels (a booked room: until 24 h before).", "rentals", Public, handler!(cancel_rental))
        .invalidates(&[Scope::Availability]),
        Route::new(ep::LIST_RENTALS, "Room rental requests, newest first.", "staff", Staff, handler!(list_rentals))
            .query(&[("status", "pending, approved, declined or cancelled", false)]),
        Route::new(ep::APPROVE_RENTAL, "Approve: books the room in the same step; 409 if the slot was taken meanwhile.", "staff", Staff, handler!(approve_rental))
        .invalidates(&[Scope::Availability]),
        Route::new(ep::DECLINE_RENTAL, "Decline with a reason, emailed to the requester.", "staff", Staff, handler!(decline_rental)),
    ]
}

fn field(name: &str, msg: ApiMsg) -> ApiError {
    ApiError::Validation(vec![(name.to_string(), msg)])
}

pub async fn request_rental(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: RentalRequest = ctx.json().await?;
    let db = ctx.db()?;
    let mailbox = ctx
        .tally(Per::Mailbox, &domain::privacy::mailbox(&body.email))
        .await?;
    let site = ctx.site()?;
    let who = Requester {
        mailbox,
        site_url: &site.url,
        member_id: ctx.caller.member().map(|m| m.id),
    };
    let created = service::request(&db, &body, &who, ctx.now).await?;
    http::json(&created, 201)
}

#[derive(Deserialize)]
struct DayRange {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

pub async fn rental_days(ctx: Ctx) -> Result<Response, ApiError> {
    let q: DayRange = ctx.query()?;
    let from = domain::accounts::parse_day(&q.from).map_err(|m| field("from", m))?;
    let to = domain::accounts::parse_day(&q.to).map_err(|m| field("to", m))?;
    if to < from || (to - from).num_days() > service::FREE_DAYS_MAX {
        return Err(field("to", ApiMsg::FieldDateRange));
    }
    let days = service::free_half_days(&ctx.db()?, from, to, ctx.now).await?;
    http::json(&days, 200)
}

pub async fn rental(ctx: Ctx) -> Result<Response, ApiError> {
    let db = ctx.db()?;
    let row = service::by_token(&db, ctx.param("token").unwrap_or_default()).await?;
    let issuer = service::issuer(&crate::service::calendar::config(&db).await?);
    http::json(&service::view(&row, &issuer), 200)
}

pub async fn cancel_rental(ctx: Ctx) -> Result<Response, ApiError> {
    service::cancel(&ctx.db()?, ctx.param("token").unwrap_or_default(), ctx.now).await?;
    http::empty(204)
}

#[derive(Deserialize, Default)]
struct StatusFilter {
    #[serde(default)]
    status: String,
}

pub async fn list_rentals(ctx: Ctx) -> Result<Response, ApiError> {
    let f: StatusFilter = ctx.query()?;
    let list = service::list(&ctx.db()?, f.status.trim()).await?;
    http::json(&list, 200)
}

pub async fn approve_rental(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let db = ctx.db()?;
    let actor = ctx.member()?.id;
    let view = service::approve(&db, id, &ctx.caller, actor, ctx.now).await?;
    http::json(&view, 200)
}

pub async fn decline_rental(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: DeclineRequest = ctx.json().await?;
    // Empty: required; too long: says the limit (never "required" for 5,000 characters).
    let reason = parse_required_text(&body.reason, 1000).map_err(|m| field("reason", m))?;
    let db = ctx.db()?;
    let actor = ctx.member()?.id;
    service::decline(&db, id, &reason, &ctx.caller, actor, ctx.now).await?;
    http::empty(204)
}
