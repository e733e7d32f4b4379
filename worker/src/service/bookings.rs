//! Booking a desk or the room: one conditional INSERT (with its audit record when staff book for
//! someone, in the same batch); when it writes nothing, a read after it says why.

use chrono::{DateTime, Utc};
use domain::accounts::Checker;
use domain::calendar::{check_booking, Schedule};
use domain::wire::{Booking, BookingRequest};
use domain::{paris, ApiMsg};
use serde::Deserialize;
use serde_json::json;
use worker::D1Database;

use crate::auth::Caller;
use crate::error::{ApiError, Context};
use crate::repo::audit;
use crate::repo::bookings::{self as repo, Booker};
use crate::repo::parse_local;
use crate::rights::Rights;
use crate::service::calendar as svc;

fn field(name: &str, msg: ApiMsg) -> ApiError {
    ApiError::Validation(vec![(name.to_string(), msg)])
}

/// The `start` and `end` of a request, as Paris wall-clock times; an unreadable one is a field error.
pub(crate) fn local_times(
    checker: &mut Checker,
    start: &str,
    end: &str,
) -> (Option<chrono::NaiveDateTime>, Option<chrono::NaiveDateTime>) {
    let mut read = |name: &str, s: &str| {
        checker.check(name, parse_local(s.trim()).ok_or(ApiMsg::FieldDateTime))
    };
    (read("start", start), read("end", end))
}

#[derive(Deserialize)]
struct IdRow {
    id: i64,
}

/// Whose booking it is, as the route asked of the caller's rights, and who makes it.
pub struct BookingFor {
    pub rights: Rights,
    pub member_id: i64,
    pub booked_by: i64,
}

/// Book for `member_id` (the caller, or the member staff asked for: `Rights::books_for`).
/// With an idempotency key, a retry
/// answers the booking made the first time.
pub async fn create_booking(
    db: &D1Database,
    body: &BookingRequest,
    who: BookingFor,
    caller_id: &Caller,
    key: Option<String>,
    now: DateTime<Utc>,
) -> Result<Booking, ApiError> {
    let BookingFor {
        rights,
        member_id,
        booked_by,
    } = who;
    if let Some(k) = &key {
        if let Some(existing) = repo::by_idempotency_key(db, member_id, k)
            .await
            .context("reading for the booking")?
        {
            let cfg = svc::config(db).await?;
            return Ok(svc::booking(&existing, now, &cfg.rules));
        }
    }
    let resource = repo::resource(db, body.resource.trim())
        .await
        .context("reading for the booking")?
        .ok_or_else(|| field("resource", ApiMsg::FieldUnknownResource))?;
    let mut checker = Checker::default();
    let (start, end) = local_times(&mut checker, &body.start, &body.end);
    let (start, end) = checker
        .finish(|| Some((start?, end?)))
        .map_err(ApiError::Validation)?;
    let cfg = svc::config(db).await?;
    let closures = repo::closures(db, start.date(), start.date())
        .await
        .context("reading for the booking")?;
    let kind = resource.kind;
    let checked = check_booking(
        kind,
        start,
        end,
        now,
        Schedule {
            hours: &cfg.hours,
            closures: &closures,
            rules: &cfg.rules,
        },
        rights.horizon(),
    )
    .map_err(|r| field(r.field(), r.message()))?;
    let today = paris::local_date(now);
    let who = Booker {
        member_id,
        booked_by,
        idempotency_key: key.as_deref(),
        today,
        weekly_quota_minutes: rights.room_quota(member_id, cfg.rules.room_weekly_quota_minutes),
    };
    let mut batch = vec![
        repo::insert_member_booking(db, &resource.slug, &checked, &who)
            .context("preparing the booking")?,
    ];
    if member_id != booked_by {
        batch.push(
            audit::record_after(
                db,
                now,
                caller_id,
                "booking.on_behalf",
                "member",
                &member_id.to_string(),
                json!({
                    "resource": resource.slug, "start": body.start, "end": body.end
                }),
            )
            .context("preparing the audit record")?,
        );
    }
    let inserted = match db.batch(batch).await {
        Ok(results) => results
            .first()
            .and_then(|r| r.results::<IdRow>().ok())
            .and_then(|mut v| v.pop()),
        // Two retries with one Idempotency-Key at the same moment: the index keeps one.
        Err(e) if crate::repo::is_unique_violation(&e) => None,
        Err(e) => return Err(ApiError::Internal(format!("booking: {e}"))),
    };
    if let Some(IdRow { id }) = inserted {
        let row = repo::by_id(db, id)
            .await
            .context("reading for the booking")?
            .ok_or_else(|| ApiError::Internal("new booking missing".into()))?;
        return Ok(svc::booking(&row, now, &cfg.rules));
    }
    // Nothing was written: say why.
    if let Some(k) = &key {
        if let Some(existing) = repo::by_idempotency_key(db, member_id, k)
            .await
            .context("reading for the booking")?
        {
            return Ok(svc::booking(&existing, now, &cfg.rules));
        }
    }
    let d = repo::diagnose(db, &resource.slug, &checked, &who)
        .await
        .context("reading for the booking")?
        .ok_or(ApiError::NotFound)?;
    Err(if d.member_active == 0 {
        field("member", ApiMsg::RuleMembershipInactive)
    } else if d.blocked > 0 {
        ApiError::Conflict(ApiMsg::ErrBlocked)
    } else if d.own_overlap > 0 && kind == domain::wire::ResourceKind::Desk {
        ApiError::Conflict(ApiMsg::RuleOneDeskAtATime)
    } else if kind == domain::wire::ResourceKind::Room
        && who
            .weekly_quota_minutes
            .is_some_and(|q| d.quota_used + checked.span.minutes() > i64::from(q))
    {
        field("end", ApiMsg::RuleWeeklyQuota)
    } else if kind == domain::wire::ResourceKind::Room {
        ApiError::Conflict(ApiMsg::ErrRoomTaken)
    } else {
        ApiError::Conflict(ApiMsg::ErrFull)
    })
}
