//! What the Cron Trigger does with consultations.

use chrono::{DateTime, Duration, Utc};
use domain::paris;
use worker::D1Database;

use super::moves::{self, Context};
use crate::error::ApiError;
use crate::repo::consultations::{self as repo};
use domain::consultation::{Actor, Command};

/// Offers left unanswered past [`rules::answer_by`] come back to the board (marked
/// "unanswered"), and the volunteer loses access; how many.
pub async fn expire_offers(db: &D1Database, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let command = Command::Expire {
        today: paris::local_date(now),
    };
    let ctx = Context {
        caller: None,
        site_url: "",
    };
    let mut n = 0;
    for id in repo::unanswered(db).await? {
        let moved = moves::change(db, id, &command, Actor::Clock, &ctx, now).await?;
        n += usize::from(moved.changed);
    }
    Ok(n)
}

/// The day before an appointment (within 24 hours of it), the requester and the volunteer are
/// reminded, once; how many requests were.
pub async fn queue_reminders(db: &D1Database, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let ctx = Context {
        caller: None,
        site_url: "",
    };
    let mut n = 0;
    for id in repo::to_remind(db, now, now + Duration::hours(24)).await? {
        let moved = moves::change(db, id, &Command::Remind, Actor::Clock, &ctx, now).await?;
        n += usize::from(moved.changed);
    }
    Ok(n)
}

/// Closed requests past their retention delay lose their personal fields.
pub async fn erase_expired(db: &D1Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    let days = repo::retention_days(db).await?;
    crate::repo::batch(
        db,
        vec![
            repo::erase_closed_before(db, now - Duration::days(i64::from(days)), now)?,
            repo::forget_said(db, None)?,
        ],
        "erasing the requests past their retention delay",
    )
    .await?;
    Ok(())
}
