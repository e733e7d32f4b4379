//! The staff dashboard: today at a glance, the figures of a period, their CSV series, and the
//! activity report with its text.

use domain::endpoints as ep;
use domain::stats::{Period, PeriodError, ReportText, Series};
use domain::ApiMsg;
use serde::Deserialize;
use worker::Response;

use super::{handler, Ctx, Route};
use crate::auth::Access;
use crate::error::{ApiError, Context};
use crate::http;
use crate::service::stats as service;

const PERIOD: &[(&str, &str, bool)] = &[
    ("from", "First day, YYYY-MM-DD (Paris).", true),
    (
        "to",
        "Last day, YYYY-MM-DD (Paris), at most two years after `from`.",
        true,
    ),
];

pub fn routes() -> Vec<Route> {
    use Access::*;
    vec![
        Route::new(
            ep::STATS_TODAY,
            "Today at a glance: desks booked and checked in per half-day, the room's bookings, applications and rentals to answer, emails waiting.",
            "staff",
            Staff,
            handler!(today),
        ),
        Route::new(
            ep::STATS,
            "A period's figures (coworking, room, members, money) beside the same dates a year earlier (as the report), and the series the charts draw.",
            "staff",
            Staff,
            handler!(stats),
        )
        .query(PERIOD),
        Route::new(
            ep::STATS_CSV,
            "One series as CSV for French spreadsheets (UTF-8 with BOM, `;`, RFC 4180): `coworking` (per day), `room` (per week), `months` (per month).",
            "staff",
            Staff,
            handler!(csv),
        )
        .query(PERIOD),
        Route::new(
            ep::REPORT,
            "The activity report of a period: its figures against the same dates a year earlier, the series, and the text staff wrote.",
            "staff",
            Staff,
            handler!(report),
        )
        .query(PERIOD),
        Route::new(
            ep::SET_REPORT_TEXT,
            "Write the text of a period's activity report (plain text, 4,000 characters at most).",
            "staff",
            Staff,
            handler!(set_text),
        )
        .query(PERIOD),
    ]
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PeriodQuery {
    from: String,
    to: String,
}

/// The period of the query; a refusal names the field.
fn period(ctx: &Ctx) -> Result<Period, ApiError> {
    let q: PeriodQuery = ctx.query()?;
    period_of(&q.from, &q.to)
}

/// A period typed as `from` and `to`; a refusal names the field.
pub fn period_of(from: &str, to: &str) -> Result<Period, ApiError> {
    Period::parse(from, to).map_err(|e| match e {
        PeriodError::NotADate(field) => ApiError::field(field, ApiMsg::StatsNotADate),
        PeriodError::EndBeforeStart => ApiError::field("to", ApiMsg::StatsEndBeforeStart),
        PeriodError::TooLong => ApiError::field("to", ApiMsg::StatsTooLong),
    })
}

pub async fn today(ctx: Ctx) -> Result<Response, ApiError> {
    let today = service::today(&ctx.db()?, ctx.now).await?;
    http::json(&today, 200)
}

pub async fn stats(ctx: Ctx) -> Result<Response, ApiError> {
    let p = period(&ctx)?;
    let stats = service::stats(&ctx.db()?, p, p.a_year_earlier(), ctx.now).await?;
    http::json(&stats, 200)
}

pub async fn csv(ctx: Ctx) -> Result<Response, ApiError> {
    let series = ctx
        .param("series")
        .and_then(Series::parse)
        .ok_or(ApiError::NotFound)?;
    let p = period(&ctx)?;
    let stats = service::stats(&ctx.db()?, p, p.a_year_earlier(), ctx.now).await?;
    let body = service::csv(series, &stats)?;
    let mut resp = Response::from_bytes(body).context("writing the answer")?;
    http::set_header(&mut resp, "Content-Type", "text/csv; charset=utf-8")?;
    http::set_header(
        &mut resp,
        "Content-Disposition",
        &format!(
            "attachment; filename=\"silicon-kerne-{}-{}-{}.csv\"",
            series.as_str(),
            p.from,
            p.to
        ),
    )?;
    Ok(resp)
}

pub async fn report(ctx: Ctx) -> Result<Response, ApiError> {
    let p = period(&ctx)?;
    let report = service::report(&ctx.db()?, p, ctx.now).await?;
    http::json(&report, 200)
}

pub async fn set_text(mut ctx: Ctx) -> Result<Response, ApiError> {
    let p = period(&ctx)?;
    let body: ReportText = ctx.json().await?;
    let text = body.text.trim();
    if text.chars().count() > domain::stats::REPORT_TEXT_MAX {
        return Err(ApiError::field("text", ApiMsg::ReportTextTooLong));
    }
    service::set_report_text(&ctx.db()?, &ctx.caller, p, text, ctx.now).await?;
    http::empty(204)
}
