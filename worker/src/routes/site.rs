//! `GET /api/site`

use worker::Response;

use super::Ctx;
use crate::cache::{self, Scope};
use crate::error::ApiError;
use crate::service;

pub async fn get(ctx: Ctx) -> Result<Response, ApiError> {
    let db = ctx.db()?;
    // Public and the same for everyone: kept in the data centre's cache until a write that changes
    // it (see crate::cache). Browsers ask again each time with their ETag (a 304 from that cache,
    // no D1 read): a price or an opening hour the concierge changes is seen at the next page,
    // not minutes later (it was `max-age=60, stale-while-revalidate=300`: up to six minutes).
    cache::shared_json(
        &ctx.req,
        Scope::Site,
        "public, no-cache",
        service::site::load(&db, ctx.now),
    )
    .await
}
