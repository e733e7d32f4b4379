//! `GET /api/health`

use domain::paris;
use domain::wire::Health;
use worker::Response;

use super::Ctx;
use crate::error::ApiError;
use crate::http;
use crate::repo;

pub async fn get(ctx: Ctx) -> Result<Response, ApiError> {
    let db = ctx.db()?;
    repo::ping(&db).await?;
    let body = Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        time: paris::format_rfc3339(ctx.now),
        database: "ok".into(),
    };
    let mut resp = http::json(&body, 200)?;
    http::set_header(&mut resp, "Cache-Control", "no-store")?;
    Ok(resp)
}
