//! Silicon Kerne's Cloudflare Worker: the entry point. It serves `/api/*` (static assets are served
//! by the platform from `dist/`), turns every error into the one JSON error body, and puts the
//! security headers on every response.

use chrono::{DateTime, Utc};
use worker::{
    console_error, console_log, event, Context, Env, Request, Response, ScheduleContext,
    ScheduledEvent,
};

mod auth;
mod cache;
mod config;
mod error;
mod http;
mod mail;
mod repo;
mod rights;
mod routes;
mod secrets;
mod service;
mod spreadsheet;

fn now() -> DateTime<Utc> {
    let millis = i64::try_from(worker::Date::now().as_millis()).unwrap_or(0);
    DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

/// A panic's message goes to the log instead of a bare "unreachable" trap.
#[event(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> worker::Result<Response> {
    let lang = http::request_lang(&req);
    let resp = match routes::dispatch(req, env, now()).await {
        Ok(resp) => resp,
        Err(e) => e.into_response(lang)?,
    };
    Ok(http::with_security_headers(resp, lang))
}

/// The Cron Trigger: queue the renewal reminders that are due, then send what the outbox holds.
#[event(scheduled)]
async fn scheduled(_event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    match run_scheduled(&env, now()).await {
        Ok((queued, sent)) => {
            console_log!("scheduled run: {queued} reminders queued, {sent} emails sent")
        }
        Err(e) => console_error!("scheduled run failed: {e:?}"),
    }
}

async fn run_scheduled(env: &Env, now: DateTime<Utc>) -> Result<(usize, usize), error::ApiError> {
    let db = config::db(env)?;
    let site = config::Site::from_env(env)?;
    let queued = service::reminders::queue_due(&db, now).await?
        + service::events::queue_reminders(&db, &site.url, now).await?
        + service::consultations::queue_reminders(&db, now).await?;
    service::events::erase_children(&db, now).await?;
    let returned = service::consultations::expire_offers(&db, now).await?;
    if returned > 0 {
        console_log!(
            "scheduled run: {returned} unanswered consultation offer(s) back on the board"
        );
    }
    service::consultations::erase_expired(&db, now).await?;
    service::events::ensure_meetings(&db, now).await?;
    let settled = routes::seats::settle_all(env, &db, now).await?;
    if settled > 0 {
        console_log!("scheduled run: repair promoted {settled} waiting group(s)");
    }
    repo::limits::prune(&db, now - chrono::Duration::days(2)).await?;
    let sent = service::email::send_pending(env, &db, now).await?;
    Ok((queued, sent))
}
