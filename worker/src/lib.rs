//! Silicon Kerne's Cloudflare Worker: the entry point. It serves `/api/*` (static assets are served
//! by the platform from `dist/`), turns every error into the one JSON error body, and puts the
//! security headers on every response.

use chrono::{DateTime, Utc};
use worker::{event, Context, Env, Request, Response};

mod error;
mod http;
mod repo;
mod routes;
mod service;

fn now() -> DateTime<Utc> {
    let millis = i64::try_from(worker::Date::now().as_millis()).unwrap_or(0);
    DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> worker::Result<Response> {
    let lang = http::request_lang(&req);
    let resp = match routes::dispatch(req, env, lang, now()).await {
        Ok(resp) => resp,
        Err(e) => e.into_response(lang)?,
    };
    Ok(http::with_security_headers(resp, lang))
}
