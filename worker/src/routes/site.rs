//! `GET /api/site`

use worker::Response;

use super::Ctx;
use crate::cache::{self, Scope};
use crate::error::ApiError;
use crate::service;

pub async fn get(ctx: Ctx) -> Result<Response, ApiError> {
    let db = ctx.db()?;
    // Public and the same for everyone: kept in the data centre's cache until a write that changes
    // it (see crate::cache), and a short shared cache for browsers, revalidated by ETag. "Today"
    // changes at midnight, so a minute of staleness is the most we accept.
    cache::shared_json(
        &ctx.req,
        Scope::Site,
        "public, max-age=60, stale-while-revalidate=300",
        service::site::load(&db, ctx.now),
    )
    .await
}
