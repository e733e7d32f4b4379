//! The one way an aggregate is changed outside a Durable Object — an event's seats
//! (`service::events::book`) and a consultation request (`service::consultations::moves`): read
//! it whole, decide the whole change in the domain, write it as one batch whose first statement
//! moves the version read (`repo::versioned::bump`); when another writer got there first the
//! batch rolls back whole and the change is read and decided again.

use std::future::Future;
use std::time::Duration as StdDuration;

use domain::ApiMsg;
use rand_core::{OsRng, RngCore};
use worker::{D1Database, D1PreparedStatement};

use crate::error::ApiError;
use crate::repo::versioned::{bump, Aborted, Aggregate};

/// How many times a write reads and decides again after losing a race. 60 guests racing for one
/// event's last seats all landed within 40 tries in `tests/tests/api/events.rs` (local D1, 2 cores,
/// before the event's object decided them); past this the person is asked to try again and
/// nothing is stored.
pub const MAX_TRIES: u32 = 80;

/// What a decision on the aggregate as read comes to.
pub struct Decided<T> {
    /// `None`: nothing to write.
    pub statements: Option<Vec<D1PreparedStatement>>,
    pub answer: T,
}

/// Read the aggregate `id` with `load`, decide with `plan`, and write what it decided under the
/// version read (`version`); again from the read after a race, [`MAX_TRIES`] times at most.
pub async fn change<L, T, F>(
    db: &D1Database,
    aggregate: Aggregate,
    id: i64,
    what: &str,
    mut load: impl FnMut() -> F,
    version: impl Fn(&L) -> i64,
    mut plan: impl FnMut(&L) -> Result<Decided<T>, ApiError>,
) -> Result<T, ApiError>
where
    F: Future<Output = Result<L, ApiError>>,
{
    for attempt in 0..MAX_TRIES {
        let loaded = load().await?;
        let Decided { statements, answer } = plan(&loaded)?;
        let Some(statements) = statements else {
            return Ok(answer);
        };
        let mut batch = vec![bump(db, aggregate, id, version(&loaded))?];
        batch.extend(statements);
        match crate::repo::batch(db, batch, what).await {
            Ok(_) => return Ok(answer),
            Err(e) if Aborted::of(&e) == Some(Aborted::Stale) => back_off(attempt).await,
            Err(e) => return Err(e),
        }
    }
    Err(ApiError::Conflict(ApiMsg::ErrBusy))
}

/// A random wait that grows with the tries, so racing writers spread out instead of colliding
/// again (at most ≈ 100 ms).
async fn back_off(attempt: u32) {
    let ceiling = 5 + 5 * attempt.min(19);
    let ms = OsRng.next_u32() % ceiling;
    worker::Delay::from(StdDuration::from_millis(u64::from(ms))).await;
}
