//! `GET /api/health`

use domain::paris;
use domain::wire::Health;
use worker::Response;

use super::Ctx;
use crate::error::{ApiError, Context};
use crate::repo;

pub async fn get(ctx: Ctx) -> Result<Response, ApiError> {
    let db = ctx.db()?;
    repo::ping(&db).await.context("database check")?;
    let body = Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        time: paris::format_rfc3339(ctx.now),
        database: "ok".into(),
    };
    let mut resp = Response::from_json(&body)?;
    resp.headers_mut().set("Cache-Control", "no-store")?;
    Ok(resp)
}
