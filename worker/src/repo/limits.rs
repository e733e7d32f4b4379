//! The counts behind the routes' declared limits (`routes::Limit`): one row per counted call, keyed
//! by the route and what it counts, with a hashed key (a client address, a mailbox, a link).

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement};

use super::{changes, run, stmt, ts, DbResult};

/// Count one more call only while fewer than `?5` were counted since `?4`: one statement, so two
/// calls at once cannot both take the last place.
const TAKE: &str = "INSERT INTO public_requests (kind, client, at) \
     SELECT ?1, ?2, ?3 WHERE (SELECT COUNT(*) FROM public_requests WHERE kind = ?1 AND client = ?2 AND at > ?4) < ?5";
const COUNT: &str = "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM public_requests WHERE kind = ?1 AND client = ?2 AND at > ?3";
const RECORD: &str = "INSERT INTO public_requests (kind, client, at) VALUES (?1, ?2, ?3)";
const PRUNE: &str = "DELETE FROM public_requests WHERE at < ?1";

/// What one limit counts: `max` calls of `kind` for `key` within `window`.
pub struct Counted<'a> {
    pub kind: &'a str,
    pub key: &'a str,
    pub max: u32,
    pub window: Duration,
}

/// Count one call for each of `takes` (only while fewer than its `max` were counted within its
/// window: one statement, so two calls at once cannot both take the last place), then read how
/// many `target` counted, in one round trip. Answers the seconds to wait for the first take
/// refused (a place freed meanwhile: the whole window), else the target's.
pub async fn take_then_over(
    db: &D1Database,
    takes: &[Counted<'_>],
    target: Option<&Counted<'_>>,
    now: DateTime<Utc>,
) -> DbResult<(Option<i64>, Option<i64>)> {
    let count = |c: &Counted<'_>| {
        stmt(
            db,
            COUNT,
            &[c.kind.into(), c.key.into(), ts(now - c.window).into()],
        )
    };
    let mut batch = Vec::new();
    for c in takes {
        batch.push(stmt(
            db,
            TAKE,
            &[
                c.kind.into(),
                c.key.into(),
                ts(now).into(),
                ts(now - c.window).into(),
                f64::from(c.max).into(),
            ],
        )?);
        batch.push(count(c)?);
    }
    if let Some(target) = target {
        batch.push(count(target)?);
    }
    if batch.is_empty() {
        // Nothing to count (a route without limits): no round trip.
        return Ok((None, None));
    }
    let results = super::batch(db, batch, "counting a limited call").await?;
    let waited = |i: usize, c: &Counted<'_>| -> DbResult<Option<i64>> {
        let rows: Vec<Count> = super::results_of(&results, i, "the counted calls")?;
        Ok(wait(rows.first(), c, now))
    };
    for (n, c) in takes.iter().enumerate() {
        let taken = results.get(2 * n).map(changes).unwrap_or(0);
        if taken != 1 {
            // Refused: the wait its count says (a place freed meanwhile: the whole window).
            let wait = waited(2 * n + 1, c)?.unwrap_or(c.window.num_seconds().max(1));
            return Ok((Some(wait), None));
        }
    }
    match target {
        Some(target) => Ok((None, waited(2 * takes.len(), target)?)),
        None => Ok((None, None)),
    }
}

#[derive(Deserialize)]
struct Count {
    n: i64,
    oldest: Option<String>,
}

/// The seconds until a place frees when `count` is at the limit.
fn wait(count: Option<&Count>, c: &Counted<'_>, now: DateTime<Utc>) -> Option<i64> {
    count.filter(|n| n.n >= i64::from(c.max)).map(|n| {
        n.oldest
            .as_deref()
            .and_then(super::parse_instant)
            .map(|o| (o + c.window - now).num_seconds())
            .unwrap_or(c.window.num_seconds())
            .max(1)
    })
}

/// Count one thing done (in the batch that does it).
pub fn record(
    db: &D1Database,
    kind: &str,
    key: &str,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(db, RECORD, &[kind.into(), key.into(), ts(now).into()])
}

/// Forget counts older than any window (the scheduled run).
pub async fn prune(db: &D1Database, before: DateTime<Utc>) -> DbResult<()> {
    run(
        stmt(db, PRUNE, &[ts(before).into()])?,
        "forgetting old counts",
    )
    .await
    .map(|_| ())
}
