//! What the scheduled run does for events: reminders once, children's data erased after the
//! retention delay, the clubs' meetings made from their rules, and a repair that serves any
//! waiting list left with seats free.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use domain::events::{self as rules};
use domain::recurrence::MonthlyRule;
use domain::{paris, ApiMsg, Lang};
use serde_json::json;
use worker::D1Database;

use super::book::{self, Plan};
use super::writer::{self, Seats};
use super::{event, mail, settings};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::repo::events::{self as repo, EventRow};
use crate::repo::{audit, changes, outbox};
use crate::secrets::{random_token, token_hash};

/// Club meetings are made this many months ahead.
const MEETING_MONTHS: usize = 4;
/// A club meeting's seats (the meeting room's chairs).
const MEETING_SEATS: u32 = 20;

/// Reminders to everyone confirmed when it runs, each exactly once (the outbox's dedupe key and
/// `reminded_at` both say so).
pub async fn queue_reminders(
    db: &D1Database,
    site_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    let s = settings(db).await?;
    let (from, to) = rules::reminder_window(now, s.reminder_hours);
    let due = repo::due_reminders(db, from, to).await?;
    let mut events: HashMap<i64, EventRow> = HashMap::new();
    let mut statements = Vec::new();
    for d in &due {
        if let std::collections::hash_map::Entry::Vacant(slot) = events.entry(d.event_id) {
            slot.insert(event(db, d.event_id).await?);
        }
        let (Some(e), Some(r)) = (
            events.get(&d.event_id),
            repo::registration_by_id(db, d.id).await?,
        ) else {
            continue;
        };
        let bring = rules::fallback(e.bring_fr.clone(), e.bring_en.clone())
            .get(r.lang)
            .clone();
        // The way back to the sign-up: a new private link (the first one is kept hashed only).
        let token = random_token();
        let email = mail(
            e,
            &r.email,
            &r.name,
            r.lang,
            "event_reminder",
            (
                ApiMsg::EmailEventReminderSubject,
                ApiMsg::EmailEventReminderBody,
            ),
            &[
                ("seats", super::seats_words(r.seats, r.lang)),
                ("bring", bring),
                ("link", format!("{site_url}/inscription/{token}")),
            ],
        );
        statements.push(repo::mark_reminded(db, r.id, now)?);
        statements.push(repo::add_link(db, r.id, &token_hash(&token))?);
        statements.push(outbox::queue(
            db,
            &email,
            r.member_id,
            Some(&format!("event-reminder:{}", r.id)),
            now,
        )?);
    }
    if statements.is_empty() {
        return Ok(0);
    }
    let results = crate::repo::batch(db, statements, "queueing the events' reminders").await?;
    // Three statements a reminder: marked, its link, its email (counted).
    Ok(results.iter().skip(2).step_by(3).map(changes).sum())
}

/// Children's first names and ages erased the retention delay after the event; counts stay.
pub async fn erase_children(db: &D1Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    let days = settings(db).await?.retention_days;
    let today = paris::local_date(now);
    let last_day = today - Duration::days(i64::from(days));
    crate::repo::batch(
        db,
        repo::erase_children(db, last_day, now)?,
        "erasing children's data",
    )
    .await?;
    Ok(())
}

thread_local! {
    /// The Paris day this isolate last made the clubs' meetings.
    static MEETINGS_MADE_ON: std::cell::Cell<Option<NaiveDate>> = const { std::cell::Cell::new(None) };
}

/// The events whose free seats and waiting entries disagree (none, as long as every change went
/// through the seat book; a repair if one ever did not): the scheduled run settles each in its
/// object (`crate::routes::seats::settle`).
pub async fn unsettled(db: &D1Database, now: DateTime<Utc>) -> Result<Vec<i64>, ApiError> {
    repo::unsettled(db, now).await
}

/// Serve one event's waiting list with what is free. Answers how many groups were promoted.
pub async fn settle(
    db: &D1Database,
    seats: &Seats,
    id: i64,
    site_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    writer::change(db, seats, id, now, |loaded| {
        let decision = loaded.book.settle();
        if decision.promotions.is_empty() {
            return Ok(Plan::Answer(0));
        }
        let n = decision.promotions.len();
        Ok(Plan::Write(
            book::promotions(db, loaded, &decision.promotions, site_url, now)?,
            n,
        ))
    })
    .await
}

/// The agenda's and the site's reads make the clubs' meetings once a day per isolate (the scheduled run and a
/// changed rule make them too), not on every read.
pub async fn meetings_made_today(db: &D1Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    let today = paris::local_date(now);
    if MEETINGS_MADE_ON.with(|d| d.get()) == Some(today) {
        return Ok(());
    }
    ensure_meetings(db, now).await?;
    MEETINGS_MADE_ON.with(|d| d.set(Some(today)));
    Ok(())
}

/// The clubs' meetings of the coming months, made from each club's rule (once: a meeting staff
/// moved or cancelled keeps the day the rule gave it, so it is not made again).
pub async fn ensure_meetings(db: &D1Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    let clubs = crate::repo::site::clubs(db).await?;
    let from = paris::to_local(now);
    let mut statements = Vec::new();
    for club in &clubs {
        let rule = club.rule()?;
        for start in rule.next_occurrences(from, MEETING_MONTHS) {
            let end = start + Duration::minutes(i64::from(rule.duration_minutes));
            let (Some(start_utc), Some(end_utc)) = (rules::instant(start), rules::instant(end))
            else {
                continue;
            };
            statements.push(repo::meeting(
                db,
                &repo::Meeting {
                    club,
                    start,
                    end,
                    start_utc,
                    end_utc,
                    capacity: MEETING_SEATS,
                    opens: start_utc - Duration::days(60),
                },
            )?);
        }
    }
    if !statements.is_empty() {
        crate::repo::batch(db, statements, "making the clubs' meetings").await?;
    }
    Ok(())
}

/// Staff set a club's rule: future meetings nobody touched are made again from it.
pub async fn set_club_rule(
    db: &D1Database,
    slug: &str,
    rule: &MonthlyRule,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let clubs = crate::repo::accounts::club_slugs(db).await?;
    if !clubs.iter().any(|s| s == slug) {
        return Err(ApiError::NotFound);
    }
    MonthlyRule::new(rule.ordinal, rule.weekday, rule.time, rule.duration_minutes)
        .map_err(|_| ApiError::Validation(vec![("rule".into(), ApiMsg::SettingShape)]))?;
    crate::repo::batch(
        db,
        vec![
            repo::set_rule(db, slug, rule)?,
            repo::drop_untouched_meetings(db, slug, now)?,
            audit::record_after(
                db,
                now,
                caller,
                "club.rule",
                "club",
                slug,
                json!({ "rule": rule.describe(Lang::Fr) }),
            )?,
        ],
        "changing the club's rule",
    )
    .await?;
    ensure_meetings(db, now).await
}
