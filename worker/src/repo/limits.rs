//! The counts behind the routes' declared limits (`routes::Limit`): one row per counted call, keyed
//! by the route and what it counts, with a hashed key (a client address, a mailbox, a link).

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement};

use super::{changes, first, run, stmt, ts, DbResult};

/// Count one more call only while fewer than `?5` were counted since `?4`: one statement, so two
/// calls at once cannot both take the last place.
const TAKE: &str = "INSERT INTO public_requests (kind, client, at) \
     SELECT ?1, ?2, ?3 WHERE (SELECT COUNT(*) FROM public_requests WHERE kind = ?1 AND client = ?2 AND at > ?4) < ?5";
const COUNT: &str = "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM public_requests WHERE kind = ?1 AND client = ?2 AND at > ?3";
const RECORD: &str = "INSERT INTO public_requests (kind, client, at) VALUES (?1, ?2, ?3)";
const PRUNE: &str = "DELETE FROM public_requests WHERE at < ?1";

/// Count a call of `kind` for `key`: `None` when it fits within `max` per `window`, else the
/// seconds until the oldest counted call leaves the window.
pub async fn take(
    db: &D1Database,
    kind: &str,
    key: &str,
    now: DateTime<Utc>,
    max: u32,
    window: Duration,
) -> DbResult<Option<i64>> {
    let since = ts(now - window);
    let taken = run(
        stmt(
            db,
            TAKE,
            &[
                kind.into(),
                key.into(),
                ts(now).into(),
                since.as_str().into(),
                f64::from(max).into(),
            ],
        )?,
        "counting a limited call",
    )
    .await?;
    if changes(&taken) == 1 {
        return Ok(None);
    }
    // Refused: the wait is read as `over` reads it (a place freed meanwhile: the whole window).
    Ok(Some(
        over(db, kind, key, now, max, window)
            .await?
            .unwrap_or(window.num_seconds().max(1)),
    ))
}

/// Is `key` already at `max` within `window`? The seconds until a place frees if so.
pub async fn over(
    db: &D1Database,
    kind: &str,
    key: &str,
    now: DateTime<Utc>,
    max: u32,
    window: Duration,
) -> DbResult<Option<i64>> {
    let since = ts(now - window);
    let count: Option<Count> = first(
        stmt(db, COUNT, &[kind.into(), key.into(), since.into()])?,
        "the counted calls",
    )
    .await?;
    let counted = Counted {
        kind,
        key,
        max,
        window,
    };
    Ok(wait(count.as_ref(), &counted, now))
}

/// What one limit counts: `max` calls of `kind` for `key` within `window`.
pub struct Counted<'a> {
    pub kind: &'a str,
    pub key: &'a str,
    pub max: u32,
    pub window: Duration,
}

/// [`take`] for each of `takes`, then [`over`] for `target`, in one round trip: the refusal of
/// the first take refused (the seconds to wait), and the target's.
pub async fn take_then_over(
    db: &D1Database,
    takes: &[Counted<'_>],
    target: &Counted<'_>,
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
    batch.push(count(target)?);
    let results = super::batch(db, batch, "counting a limited call").await?;
    let waited = |i: usize, c: &Counted<'_>| -> DbResult<Option<i64>> {
        let rows: Vec<Count> = super::results_of(&results, i, "the counted calls")?;
        Ok(wait(rows.first(), c, now))
    };
    for (n, c) in takes.iter().enumerate() {
        let taken = results.get(2 * n).map(changes).unwrap_or(0);
        if taken != 1 {
            // Refused: the wait as `over` reads it (a place freed meanwhile: the whole window).
            let wait = waited(2 * n + 1, c)?.unwrap_or(c.window.num_seconds().max(1));
            return Ok((Some(wait), None));
        }
    }
    Ok((None, waited(2 * takes.len(), target)?))
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
