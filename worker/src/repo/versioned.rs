//! The version guard of the aggregates written as one batch each — an event's seats (migration
//! 0008) and a consultation request (migration 0012): the batch's first statement moves the
//! aggregate's version from the one read to the next, and the table's trigger aborts the whole
//! batch when another writer moved it first. Also the batch assertions those batches make
//! (`batch_checks`): what an aborted batch's message means, read in one place.

use worker::{D1Database, D1PreparedStatement};

use super::{stmt, DbResult};
use crate::error::ApiError;

/// An aggregate written under its version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregate {
    Event,
    Consultation,
}

impl Aggregate {
    const ALL: [Aggregate; 2] = [Aggregate::Event, Aggregate::Consultation];

    fn bump_sql(self) -> &'static str {
        match self {
            Aggregate::Event => "UPDATE events SET version = ?2 WHERE id = ?1",
            Aggregate::Consultation => "UPDATE consultations SET version = ?2 WHERE id = ?1",
        }
    }

    /// The message its trigger aborts a batch with.
    fn stale(self) -> &'static str {
        match self {
            Aggregate::Event => "stale event version",
            Aggregate::Consultation => "stale consultation version",
        }
    }
}

/// The version guard: first in every batch that changes the aggregate, from the version `read`.
pub fn bump(
    db: &D1Database,
    aggregate: Aggregate,
    id: i64,
    read: i64,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        aggregate.bump_sql(),
        &[(id as f64).into(), ((read + 1) as f64).into()],
    )
}

/// The message of a batch aborted because the room or desk it had to hold was taken (the
/// `room_held` check of migration 0008).
const ROOM_NOT_HELD: &str = "room not held";

/// Asserts, right after a statement that holds a room or desk, that it did (else the batch aborts).
pub fn held(db: &D1Database, needed: bool) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO batch_checks (room_held) VALUES (?1 = 0 OR changes() = 1)",
        &[f64::from(u8::from(needed)).into()],
    )
}

/// Why a batch of an aggregate was aborted, when it was one of its own guards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aborted {
    /// Another writer changed the aggregate since it was read: read again, decide again.
    Stale,
    /// The room or desk to hold is taken.
    RoomNotHeld,
}

impl Aborted {
    pub fn of(e: &ApiError) -> Option<Aborted> {
        let ApiError::Internal(detail) = e else {
            return None;
        };
        if Aggregate::ALL.iter().any(|a| detail.contains(a.stale())) {
            Some(Aborted::Stale)
        } else if detail.contains(ROOM_NOT_HELD) {
            Some(Aborted::RoomNotHeld)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_aborted_batch_says_which_guard_stopped_it() {
        let d1 = |m: &str| ApiError::Internal(format!("writing: D1_ERROR: {m}: SQLITE_CONSTRAINT"));
        assert_eq!(
            Aborted::of(&d1("stale event version")),
            Some(Aborted::Stale)
        );
        assert_eq!(
            Aborted::of(&d1("stale consultation version")),
            Some(Aborted::Stale)
        );
        assert_eq!(
            Aborted::of(&d1("room not held")),
            Some(Aborted::RoomNotHeld)
        );
        assert_eq!(Aborted::of(&d1("UNIQUE constraint failed")), None);
        assert_eq!(Aborted::of(&ApiError::NotFound), None);
    }
}
