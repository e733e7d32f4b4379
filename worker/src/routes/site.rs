//! `GET /api/site`

use worker::Response;

use super::Ctx;
use crate::error::ApiError;
use crate::http;
use crate::service;

pub async fn get(ctx: Ctx) -> Result<Response, ApiError> {
    let db = ctx.db()?;
    let content = service::site::load(&db, ctx.now).await?;
    // Public and the same for everyone: a short shared cache, revalidated by ETag. "Today" changes
    // at midnight, so a minute of staleness is the most we accept.
    http::cacheable_json(
        &ctx.req,
        &content,
        "public, max-age=60, stale-while-revalidate=300",
    )
}
