//! The requester's private link: the request as they see it, its calendar file, "does not suit",
//! feedback, and cancelling (which erases).

use chrono::{DateTime, NaiveDateTime, Utc};
use domain::accounts::{parse_required_text, parse_text};
use domain::consultations::{
    self as rules, ConsultationStatus, ConsultationView, Feedback, LibraryCard, Place, Said,
    Timeline,
};
use domain::{paris, ApiMsg, Lang};
use worker::D1Database;

use super::moves::{self, where_words, Context};
use super::{appointment, by_id, by_token, feedback, field, place_words, topic};
use crate::error::ApiError;
use crate::repo::changes;
use crate::repo::consultations::{self as repo, ConsultationRow};
use crate::rights;
use crate::service::calendar as svc;
use crate::service::library;
use domain::consultation::Command;

/// The private link's page.
pub async fn view(db: &D1Database, row: &ConsultationRow) -> Result<ConsultationView, ApiError> {
    let cfg = svc::config(db).await?;
    let all_topics = repo::topics(db).await?;
    let items = crate::repo::consultations::items(db, false).await?;
    let cards: Vec<LibraryCard> = items.iter().map(library::card).collect();
    let recommended: Vec<LibraryCard> = cards
        .iter()
        .filter(|c| row.recommended.contains(&c.slug))
        .cloned()
        .collect();
    // On the request's topics, whatever trade a resource was written for (the only one on online
    // booking is for liberal professions, and an artisan asks about it too); those for the
    // requester's trade or for every business first.
    let mut related: Vec<LibraryCard> = cards
        .iter()
        .filter(|c| !row.recommended.contains(&c.slug))
        .filter(|c| c.topics.iter().any(|t| row.topics.contains(t)))
        .cloned()
        .collect();
    related.sort_by_key(|c| c.audience.is_some_and(|a| a != row.trade));
    related.truncate(6);
    let retention = repo::retention_days(db).await?;
    let closed_on = row.closed_at.map(paris::local_date);
    Ok(ConsultationView {
        status: row.status,
        business: row.business.clone(),
        trade: row.trade,
        size: row.size,
        town: row.town.clone(),
        name: row.name.clone(),
        email: row.email.clone(),
        phone: row.phone.clone(),
        topics: all_topics
            .iter()
            .filter(|t| row.topics.contains(&t.slug))
            .map(topic)
            .collect(),
        goal: row.goal.clone(),
        availability: row.availability(),
        timeline: Timeline {
            received: paris::local_date(row.created_at),
            assigned: row.accepted_at.map(paris::local_date),
            scheduled: row.scheduled_at.map(paris::local_date),
            done: (row.status == ConsultationStatus::Done)
                .then_some(row.closed_at)
                .flatten()
                .map(paris::local_date),
        },
        volunteer: row
            .accepted_at
            .as_ref()
            .and(row.volunteer_name.as_deref())
            .map(rules::first_name),
        appointment: appointment(row, &cfg.address),
        unsuitable: row.unsuitable.clone(),
        said: repo::said_of(db, row.id)
            .await?
            .into_iter()
            .map(|s| Said {
                on: paris::local_date(s.said_at),
                message: s.message,
            })
            .collect(),
        decline_reason: row.decline_reason.clone(),
        note: row.close_note.clone(),
        recommended,
        related,
        feedback: feedback(row),
        consented_on: paris::local_date(row.consent_at),
        consent_version: row.consent_version.clone(),
        erase_on: closed_on.map(|d| rules::erase_on(d, retention)),
    })
}

/// The appointment as an iCalendar file.
pub async fn ics(
    db: &D1Database,
    row: &ConsultationRow,
    now: DateTime<Utc>,
) -> Result<String, ApiError> {
    use icalendar::{Calendar, Component, Event, EventLike};
    let (Some(start), Some(end), Some(place)) = (row.start_local, row.end_local, row.place) else {
        return Err(ApiError::NotFound);
    };
    let cfg = svc::config(db).await?;
    let at = |t: NaiveDateTime| paris::from_local(t).earliest().ok_or(ApiError::NotFound);
    let lang = row.lang;
    // Where, as the emails say it: the room or desk held, and the address.
    let case = row.case()?;
    let resources = crate::repo::bookings::resources(db).await?;
    let location = match case.slot.as_ref() {
        Some(slot) if place == Place::Cantine => {
            format!("{} — {}", where_words(slot, &resources, lang), cfg.address)
        }
        _ => place_words(place, lang).to_string(),
    };
    let mut cal = Calendar::empty();
    cal.append_property(icalendar::Property::new("VERSION", "2.0"));
    cal.append_property(icalendar::Property::new(
        "PRODID",
        "-//Silicon Kerne//Portail//FR",
    ));
    let mut ev = Event::new();
    let who = row
        .volunteer_name
        .as_deref()
        .map(rules::first_name)
        .unwrap_or_default();
    // One UID for the request's appointment, whatever its moves: SEQUENCE says which version this
    // is, so a calendar replaces the one it imported instead of adding a second.
    ev.uid(&format!("consultation-{}@silicon-kerne.net", row.id))
        .add_property("SEQUENCE", row.ics_sequence.to_string())
        .summary(&match lang {
            Lang::Fr => format!("Consultation Silicon Kerne avec {who}"),
            Lang::En => format!("Silicon Kerne consultation with {who}"),
        })
        .location(&location)
        .starts(at(start)?)
        .ends(at(end)?)
        .timestamp(now);
    cal.push(ev.done());
    Ok(cal.done().to_string())
}

/// The requester's words: the appointment does not suit. Back to "assigned"; the room or desk
/// is freed and the volunteer told.
pub async fn unsuitable(
    db: &D1Database,
    token: &str,
    message: &str,
    ctx: &Context<'_>,
    now: DateTime<Utc>,
) -> Result<ConsultationView, ApiError> {
    let row = by_token(db, token).await?;
    let message = parse_required_text(message, 1000).map_err(|m| field("message", m))?;
    let command = Command::Unsuitable { message };
    let moved = moves::change(db, row.id, &command, rights::link_holder(), ctx, now).await?;
    view(db, &moved.row).await
}

pub async fn give_feedback(
    db: &D1Database,
    token: &str,
    body: &Feedback,
    now: DateTime<Utc>,
) -> Result<ConsultationView, ApiError> {
    let row = by_token(db, token).await?;
    let comment = parse_text(&body.comment, 1000).map_err(|m| field("comment", m))?;
    let result = crate::repo::run(
        repo::feedback(db, row.id, body.useful, &comment, now)?,
        "storing the feedback",
    )
    .await?;
    if changes(&result) != 1 {
        return Err(ApiError::Conflict(ApiMsg::ErrConsultationStep));
    }
    view(db, &by_id(db, row.id).await?).await
}

/// Cancel (when open) and erase the personal fields now; the volunteer is told.
pub async fn cancel(
    db: &D1Database,
    token: &str,
    ctx: &Context<'_>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let row = by_token(db, token).await?;
    moves::change(
        db,
        row.id,
        &Command::Cancel,
        rights::link_holder(),
        ctx,
        now,
    )
    .await?;
    Ok(())
}
