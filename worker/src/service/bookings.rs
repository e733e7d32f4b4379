//! A member's side of the calendar: the resources and their availability; booking a desk or the
//! room (one conditional INSERT, with its audit record when staff book for someone, in the same
//! batch; when it writes nothing, a read after it says why); cancelling; `.ics` files and the
//! private calendar feed.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use domain::accounts::Checker;
use domain::calendar::{check_booking, Schedule};
use domain::wire::{Booking, BookingRequest, BookingStatus, DayAvailability, ResourceInfo};
use domain::{paris, ApiMsg, Lang, Localized};
use serde::Deserialize;
use serde_json::json;
use worker::D1Database;

use crate::auth::Caller;
use crate::error::{ApiError, Context};
use crate::repo::bookings::{self as repo, Booker, BookingRow};
use crate::repo::parse_local;
use crate::repo::{audit, changes};
use crate::rights::Rights;
use crate::secrets::{random_token, token_hash};
use crate::service::calendar::{self as svc, day_start};

fn field(name: &str, msg: ApiMsg) -> ApiError {
    ApiError::field(name, msg)
}

/// The bookable resources, named in `lang` (and in both languages).
pub async fn resources(db: &D1Database, lang: Lang) -> Result<Vec<ResourceInfo>, ApiError> {
    let rows = repo::resources(db).await?;
    Ok(rows
        .into_iter()
        .map(|r| ResourceInfo {
            slug: r.slug,
            kind: r.kind,
            name: if lang == Lang::En {
                r.name_en.clone()
            } else {
                r.name_fr.clone()
            },
            names: Localized {
                fr: r.name_fr,
                en: r.name_en,
            },
            capacity: r.capacity,
            description: Localized {
                fr: r.description_fr,
                en: r.description_en,
            },
        })
        .collect())
}

/// Places left on each slot of each day from `from` to `to`, for the resource `slug`.
pub async fn availability(
    db: &D1Database,
    slug: &str,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Vec<DayAvailability>, ApiError> {
    let resource = repo::resource(db, slug)
        .await?
        .ok_or_else(|| field("resource", ApiMsg::FieldUnknownResource))?;
    let cfg = svc::config(db).await?;
    let (start, end) = (day_start(from, now), day_start(to + Duration::days(1), now));
    let bookings = repo::overlapping(db, Some(resource.id), start, end).await?;
    let closures = repo::closures(db, from, to).await?;
    Ok(svc::availability(
        &resource, from, to, &bookings, &closures, &cfg, now,
    ))
}

/// A member's bookings, upcoming and of the last 30 days.
pub async fn of_member(
    db: &D1Database,
    member_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<Booking>, ApiError> {
    let cfg = svc::config(db).await?;
    let rows = repo::of_member(db, member_id, now - Duration::days(30)).await?;
    bookings_with_blocks(db, &rows, now, &cfg).await
}

/// The member's bookings as they see them, those that a block covers marked.
async fn bookings_with_blocks(
    db: &D1Database,
    rows: &[BookingRow],
    now: DateTime<Utc>,
    cfg: &svc::CalendarConfig,
) -> Result<Vec<Booking>, ApiError> {
    let mut list: Vec<Booking> = rows
        .iter()
        .map(|r| svc::booking(r, now, &cfg.rules))
        .collect();
    let from = rows.iter().map(|r| r.start_utc).min();
    let to = rows.iter().map(|r| r.end_utc).max();
    if let (Some(from), Some(to)) = (from, to) {
        let blocks = repo::overlapping(db, None, from, to).await?;
        svc::mark_blocked(&mut list, rows, &blocks);
    }
    Ok(list)
}

/// Everything about a member's bookings, for their data export: every booking with its check-in,
/// and whether a calendar feed exists.
pub async fn export_of_member(
    db: &D1Database,
    member_id: i64,
    now: DateTime<Utc>,
) -> Result<(Vec<Booking>, bool), ApiError> {
    let cfg = svc::config(db).await?;
    let rows = repo::history_of_member(db, member_id).await?;
    let bookings = bookings_with_blocks(db, &rows, now, &cfg).await?;
    Ok((bookings, repo::has_calendar_feed(db, member_id).await?))
}

/// A member cancels their own booking while its window is open (desks until the start, the room
/// until the notice period); cancelling it again is no error.
pub async fn cancel_own(
    db: &D1Database,
    id: i64,
    member_id: i64,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let cfg = svc::config(db).await?;
    let cutoff = now + Duration::hours(i64::from(cfg.rules.room_cancel_notice_hours));
    let result = repo::cancel_own(db, id, member_id, now, cutoff)?
        .run()
        .await
        .context("cancelling the booking")?;
    if changes(&result) == 1 {
        return Ok(());
    }
    match repo::owned(db, id, member_id).await? {
        None => Err(ApiError::NotFound),
        Some(b) if b.status == BookingStatus::Cancelled => Ok(()),
        Some(b) if b.consultation_id.is_some() => {
            Err(ApiError::Conflict(ApiMsg::ErrHeldForConsultation))
        }
        Some(_) => Err(ApiError::Conflict(ApiMsg::RuleCancelTooLate)),
    }
}

/// The calendar name of every `.ics` file.
const ICS_NAME: &str = "Silicon Kerne";

/// One of a member's bookings as an iCalendar file.
pub async fn own_ics(
    db: &D1Database,
    id: i64,
    member_id: i64,
    now: DateTime<Utc>,
) -> Result<String, ApiError> {
    let row = repo::owned(db, id, member_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let cfg = svc::config(db).await?;
    Ok(svc::ics(&[row], now, &cfg.address, ICS_NAME))
}

/// A new secret token for a member's calendar feed (we keep its hash: the previous one stops
/// working).
pub async fn new_feed_token(db: &D1Database, member_id: i64) -> Result<String, ApiError> {
    let token = random_token();
    repo::set_calendar_token(db, member_id, &token_hash(&token))?
        .run()
        .await
        .context("storing the feed's token")?;
    Ok(token)
}

/// The calendar feed of the member whose feed token this is, as an iCalendar file.
pub async fn feed_ics(
    db: &D1Database,
    token: &str,
    now: DateTime<Utc>,
) -> Result<String, ApiError> {
    let member = repo::member_by_calendar_token(db, &token_hash(token))
        .await?
        .ok_or(ApiError::NotFound)?;
    let rows = repo::of_member(db, member, now - Duration::days(30)).await?;
    let cfg = svc::config(db).await?;
    Ok(svc::ics(&rows, now, &cfg.address, ICS_NAME))
}

/// The `start` and `end` of a request, as Paris wall-clock times; an unreadable one is a field error.
pub(crate) fn local_times(
    checker: &mut Checker,
    start: &str,
    end: &str,
) -> (Option<chrono::NaiveDateTime>, Option<chrono::NaiveDateTime>) {
    // Empty (or a time without its date, "T09:00"): required, not malformed.
    let mut read = |name: &str, s: &str| {
        let s = s.trim();
        let missing = s.is_empty() || s.starts_with('T');
        checker.check(
            name,
            parse_local(s).ok_or(if missing {
                ApiMsg::FieldDateTimeRequired
            } else {
                ApiMsg::FieldDateTime
            }),
        )
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
        if let Some(existing) = repo::by_idempotency_key(db, member_id, k).await? {
            let cfg = svc::config(db).await?;
            return Ok(svc::booking(&existing, now, &cfg.rules));
        }
    }
    let resource = repo::resource(db, body.resource.trim())
        .await?
        .ok_or_else(|| field("resource", ApiMsg::FieldUnknownResource))?;
    let mut checker = Checker::default();
    let (start, end) = local_times(&mut checker, &body.start, &body.end);
    let (start, end) = checker
        .finish(|| Some((start?, end?)))
        .map_err(ApiError::Validation)?;
    let cfg = svc::config(db).await?;
    let closures = repo::closures(db, start.date(), start.date()).await?;
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
    let mut batch = vec![repo::insert_member_booking(
        db,
        &resource.slug,
        &checked,
        &who,
    )?];
    if member_id != booked_by {
        batch.push(audit::record_after(
            db,
            now,
            caller_id,
            "booking.on_behalf",
            "member",
            &member_id.to_string(),
            json!({
                "resource": resource.slug, "start": body.start, "end": body.end
            }),
        )?);
    }
    let inserted = match crate::repo::batch(db, batch, "booking").await {
        Ok(results) => results
            .first()
            .and_then(|r| r.results::<IdRow>().ok())
            .and_then(|mut v| v.pop()),
        // Two retries with one Idempotency-Key at the same moment: the index keeps one.
        Err(e) if crate::repo::is_unique_violation(&e) => None,
        Err(e) => return Err(e),
    };
    if let Some(IdRow { id }) = inserted {
        let row = repo::by_id(db, id)
            .await?
            .ok_or_else(|| ApiError::Internal("new booking missing".into()))?;
        return Ok(svc::booking(&row, now, &cfg.rules));
    }
    // Nothing was written: say why.
    if let Some(k) = &key {
        if let Some(existing) = repo::by_idempotency_key(db, member_id, k).await? {
            return Ok(svc::booking(&existing, now, &cfg.rules));
        }
    }
    let d = repo::diagnose(db, &resource.slug, &checked, &who)
        .await?
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
