//! Limits on what anonymous clients may create (applications, rental requests).

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement};

use super::{first, stmt, ts, DbResult};
use crate::error::ApiError;

const COUNT: &str = "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM public_requests WHERE kind = ?1 AND client = ?2 AND at > ?3";
const RECORD: &str = "INSERT INTO public_requests (kind, client, at) VALUES (?1, ?2, ?3)";

#[derive(Deserialize)]
struct Count {
    n: i64,
    oldest: Option<String>,
}

/// 429 with the wait when `client` already created `max` things of `kind` within `window`.
pub async fn check(
    db: &D1Database,
    kind: &str,
    client: &str,
    now: DateTime<Utc>,
    max: i64,
    window: Duration,
) -> Result<(), ApiError> {
    let row: Option<Count> = first(
        stmt(
            db,
            COUNT,
            &[kind.into(), client.into(), ts(now - window).into()],
        )?,
        "the client's recent requests",
    )
    .await?;
    match row {
        Some(c) if c.n >= max => {
            let oldest = c
                .oldest
                .and_then(|o| DateTime::parse_from_rfc3339(&o).ok())
                .map(|o| o.with_timezone(&Utc))
                .unwrap_or(now);
            Err(ApiError::RateLimited {
                retry_after_secs: (oldest + window - now).num_seconds(),
            })
        }
        _ => Ok(()),
    }
}

/// Count one more creation (in the batch that creates it).
pub fn record(
    db: &D1Database,
    kind: &str,
    client: &str,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(db, RECORD, &[kind.into(), client.into(), ts(now).into()])
}
