//! The staff's side of the calendar: the day's sheet, check-in, no-show and cancellation of any
//! booking, blocks and occupancy. Each change is one batch with its audit record; when it changes
//! nothing, a read after it chooses the message.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use domain::accounts::Checker;
use domain::calendar::{self, DeskPeriod, ResourceKind};
use domain::wire::{
    BlockCreated, BlockRequest, BlockView, BookingStatus, Occupancy, OccupancyDay, StaffBooking,
    StaffDay,
};
use domain::{paris, ApiMsg};
use serde::Deserialize;
use serde_json::json;
use worker::D1Database;

use crate::auth::Caller;
use crate::error::{ApiError, Context};
use crate::repo::bookings::{self as repo, BookingKind};
use crate::repo::{audit, changes};
use crate::service::bookings::local_times;
use crate::service::calendar::{self as svc, day_start};

/// What staff mark on a booking, and the audit action that records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    CheckIn,
    UndoCheckIn,
    NoShow,
    Cancel,
}

impl Mark {
    fn action(self) -> &'static str {
        match self {
            Mark::CheckIn => "booking.check_in",
            Mark::UndoCheckIn => "booking.undo_check_in",
            Mark::NoShow => "booking.no_show",
            Mark::Cancel => "booking.cancel",
        }
    }
}

/// The desks' places: the capacity of every active desk resource.
async fn desk_capacity(db: &D1Database) -> Result<u32, ApiError> {
    Ok(repo::resources(db)
        .await?
        .iter()
        .filter(|r| r.kind == ResourceKind::Desk)
        .map(|r| r.capacity)
        .sum())
}

/// The day's sheet: from midnight to midnight in Paris (23 or 25 hours on the days the clocks
/// change), coworkers and room bookings.
pub async fn day(
    db: &D1Database,
    date: NaiveDate,
    now: DateTime<Utc>,
) -> Result<StaffDay, ApiError> {
    let rows = repo::overlapping(
        db,
        None,
        day_start(date, now),
        day_start(date + Duration::days(1), now),
    )
    .await?;
    let (desks, rooms): (Vec<_>, Vec<_>) = rows
        .iter()
        .partition(|r| r.resource_kind == ResourceKind::Desk);
    Ok(StaffDay {
        date,
        desk_capacity: desk_capacity(db).await?,
        coworkers: desks
            .into_iter()
            .map(|b| svc::staff_booking(b, now))
            .collect(),
        room: rooms
            .into_iter()
            .map(|b| svc::staff_booking(b, now))
            .collect(),
    })
}

/// Check in, mark as no-show, or cancel any booking (no window), with its audit record.
pub async fn mark(
    db: &D1Database,
    id: i64,
    mark: Mark,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let today = paris::local_date(now);
    let update = match mark {
        Mark::CheckIn => repo::check_in(db, id, now, today),
        Mark::UndoCheckIn => repo::undo_check_in(db, id),
        Mark::NoShow => repo::no_show(db, id, now),
        Mark::Cancel => repo::cancel_any(db, id, now),
    }?;
    let audit = audit::record_after(
        db,
        now,
        caller,
        mark.action(),
        "booking",
        &id.to_string(),
        json!({}),
    )?;
    let results = db
        .batch(vec![update, audit])
        .await
        .context("changing the booking")?;
    if results.first().map(changes) == Some(1) {
        return Ok(());
    }
    // Say why: a booking of a day still to come cannot be checked in yet.
    let found = repo::by_id(db, id).await?;
    Err(match found {
        Some(b)
            if b.status == BookingStatus::Confirmed
                && b.kind == BookingKind::Member
                && mark == Mark::NoShow
                && b.start_local.date() <= today =>
        {
            ApiError::Conflict(ApiMsg::ErrNoShowBeforeStart)
        }
        Some(b)
            if b.status == BookingStatus::Confirmed
                && b.kind == BookingKind::Member
                && matches!(mark, Mark::CheckIn | Mark::NoShow) =>
        {
            ApiError::Conflict(ApiMsg::ErrCheckInDay)
        }
        _ => ApiError::NotFound,
    })
}

#[derive(Deserialize)]
struct IdRow {
    id: i64,
}

/// Close a resource for a period (with its audit record); the bookings it covers are listed, for
/// staff to tell the people concerned.
pub async fn block(
    db: &D1Database,
    body: &BlockRequest,
    caller: &Caller,
    actor: i64,
    now: DateTime<Utc>,
) -> Result<BlockCreated, ApiError> {
    let resource = repo::resource(db, body.resource.trim())
        .await?
        .ok_or_else(|| ApiError::field("resource", ApiMsg::FieldUnknownResource))?;
    let mut checker = Checker::default();
    let (start, end) = local_times(&mut checker, &body.start, &body.end);
    let reason = body.reason.trim().to_string();
    if reason.is_empty() || reason.chars().count() > 200 {
        checker.fail("reason", ApiMsg::FieldRequired);
    }
    let (start, end) = checker
        .finish(|| Some((start?, end?)))
        .map_err(ApiError::Validation)?;
    let sp = calendar::span(start, end)
        .ok_or_else(|| ApiError::field("start", ApiMsg::RuleNonexistentTime))?;
    if sp.end <= sp.start {
        return Err(ApiError::field("end", ApiMsg::RuleEndAfterStart));
    }
    let results = db
        .batch(vec![
            repo::insert_block(db, resource.id, &sp, &reason, actor)?,
            audit::record_after(
                db,
                now,
                caller,
                "resource.block",
                "resource",
                &resource.slug,
                json!({
                    "start": body.start, "end": body.end, "reason": reason
                }),
            )?,
        ])
        .await
        .context("blocking the resource")?;
    let id = results
        .first()
        .map(|r| r.results::<IdRow>())
        .transpose()
        .context("reading the new block's id")?
        .and_then(|mut v| v.pop())
        .map(|r| r.id)
        .ok_or_else(|| ApiError::Internal("the new block has no id".into()))?;
    let affected = repo::overlapping(db, Some(resource.id), sp.start, sp.end)
        .await?
        .iter()
        .filter(|b| b.kind != BookingKind::Block)
        .map(|b| svc::staff_booking(b, now))
        .collect::<Vec<StaffBooking>>();
    Ok(BlockCreated { id, affected })
}

/// The blocks still in force, each with the bookings it covers and how to reach their people.
pub async fn blocks(db: &D1Database, now: DateTime<Utc>) -> Result<Vec<BlockView>, ApiError> {
    let blocks = repo::blocks_from(db, now).await?;
    // One read of every booking the blocks span, shared out below (not one read per block).
    let (Some(from), Some(to)) = (
        blocks.iter().map(|b| b.start_utc).min(),
        blocks.iter().map(|b| b.end_utc).max(),
    ) else {
        return Ok(Vec::new());
    };
    let bookings = repo::overlapping(db, None, from, to).await?;
    Ok(blocks
        .iter()
        .map(|b| BlockView {
            block: svc::staff_booking(b, now),
            affected: bookings
                .iter()
                .filter(|r| {
                    r.kind != BookingKind::Block
                        && r.resource == b.resource
                        && r.start_utc < b.end_utc
                        && b.start_utc < r.end_utc
                })
                .map(|r| svc::staff_booking(r, now))
                .collect(),
        })
        .collect())
}

/// Lift a block (with its audit record): the resource is bookable again.
pub async fn lift_block(
    db: &D1Database,
    id: i64,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let block = repo::by_id(db, id)
        .await?
        .filter(|b| b.kind == BookingKind::Block && b.status == BookingStatus::Confirmed)
        .ok_or(ApiError::NotFound)?;
    let results = db
        .batch(vec![
            repo::lift_block(db, id, now)?,
            audit::record_after(
                db,
                now,
                caller,
                "resource.unblock",
                "resource",
                &block.resource,
                json!({
                    "start": block.start_local.format("%Y-%m-%dT%H:%M").to_string(),
                    "end": block.end_local.format("%Y-%m-%dT%H:%M").to_string(),
                    "reason": block.label,
                }),
            )?,
        ])
        .await
        .context("lifting the block")?;
    if results.first().map(changes) == Some(1) {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

/// Desks and room use per day from `from` to `to`, and how many coworkers came more than once.
pub async fn occupancy(
    db: &D1Database,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Occupancy, ApiError> {
    let cfg = svc::config(db).await?;
    let rows = repo::occupancy(db, from, to).await?;
    let closures = repo::closures(db, from, to).await?;
    let desk_capacity = desk_capacity(db).await?;
    let mut days = Vec::new();
    let mut per_member: HashMap<i64, HashSet<NaiveDate>> = HashMap::new();
    let mut date = from;
    while date <= to {
        let of_day: Vec<_> = rows.iter().filter(|r| r.day == date).collect();
        let desk = |half: DeskPeriod| {
            of_day
                .iter()
                .filter(|r| {
                    r.resource_kind == ResourceKind::Desk
                        && (r.period == Some(half) || r.period == Some(DeskPeriod::Day))
                })
                .count()
        };
        for r in of_day
            .iter()
            .filter(|r| r.resource_kind == ResourceKind::Desk)
        {
            if let Some(m) = r.member_id {
                per_member.entry(m).or_default().insert(date);
            }
        }
        days.push(OccupancyDay {
            date,
            open: calendar::open_hours(date, &cfg.hours, &closures).is_some(),
            desks_morning: desk(DeskPeriod::Morning) as u32,
            desks_afternoon: desk(DeskPeriod::Afternoon) as u32,
            desk_capacity,
            room_minutes: of_day
                .iter()
                .filter(|r| r.resource_kind == ResourceKind::Room)
                .map(|r| r.minutes)
                .sum::<i64>() as u32,
            checked_in: of_day
                .iter()
                .filter(|r| r.checked_in == 1 && r.kind == BookingKind::Member)
                .count() as u32,
        });
        date += Duration::days(1);
    }
    Ok(Occupancy {
        days,
        returning_coworkers: per_member.values().filter(|d| d.len() > 1).count() as u32,
        distinct_coworkers: per_member.len() as u32,
    })
}
