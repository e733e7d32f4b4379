//! Events, by job: `book` reads and writes an event's seats as one aggregate; this module publishes
//! and edits events (the room held in the same batch, every change audited); `signups` is the
//! guests' and members' side (sign up, the private link); `door` is the staff's list, CSV and
//! check-in; `scheduled` the reminders, the children's data retention and the clubs' meetings.

pub mod book;
pub mod door;
pub mod scheduled;
pub mod signups;
pub mod writer;

pub use door::{check_in, csv, registrations, undo_check_in};
pub use scheduled::{
    ensure_meetings, erase_children, meetings_made_today, queue_reminders, set_club_rule,
};
pub use signups::{
    by_token, cancel, cancel_for_family, change, come, member_signups, my_events, register,
    registration_view, stay_away, Guest, SignedUp,
};

use chrono::{DateTime, NaiveDate, Utc};
use domain::events::{self as rules, check_event, EventInput, EventView, RegistrationStatus};
use domain::i18n::{fill, format_date_long};
use domain::seat_book::{serves_freed_seats, Command, Refusal};
use domain::time::LocalDateTime;
use domain::{paris, ApiMsg, Lang, Localized};
use serde_json::json;
use worker::D1Database;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::mail::Email;
use crate::repo::events::{self as repo, EventRow, EventStatus};
use crate::repo::versioned::Aborted;
use crate::repo::{audit, outbox};
use crate::secrets::random_token;
use book::Plan;

/// Reminder delay and children's data retention, from the settings.
pub struct EventSettings {
    pub reminder_hours: u32,
    pub retention_days: u32,
}

pub async fn settings(db: &D1Database) -> Result<EventSettings, ApiError> {
    let rows = repo::settings(db).await?;
    let get = |key: &str| -> Result<u32, ApiError> {
        rows.iter()
            .find(|r| r.key == key)
            .and_then(|r| r.value.parse().ok())
            .ok_or_else(|| ApiError::Internal(format!("setting {key} is missing or not a number")))
    };
    Ok(EventSettings {
        reminder_hours: get("event_reminder_hours")?,
        retention_days: get("children_retention_days")?,
    })
}

pub fn view(e: &EventRow, now: DateTime<Utc>) -> EventView {
    let cancelled = e.status == EventStatus::Cancelled;
    EventView {
        id: e.id,
        kind: e.kind,
        audience: e.audience,
        title: rules::fallback(e.title_fr.clone(), e.title_en.clone()),
        description: rules::fallback(e.description_fr.clone(), e.description_en.clone()),
        bring: rules::fallback(e.bring_fr.clone(), e.bring_en.clone()),
        in_french_only: rules::InFrenchOnly::of([
            (&e.title_fr, &e.title_en),
            (&e.description_fr, &e.description_en),
            (&e.bring_fr, &e.bring_en),
        ]),
        starts_at: LocalDateTime(e.start_local),
        ends_at: LocalDateTime(e.end_local),
        in_room: e.in_room,
        place: e.place.clone(),
        address: e.address.clone(),
        capacity: e.capacity,
        seats_left: e.capacity.saturating_sub(e.taken),
        waiting: e.waiting,
        max_per_signup: e.max_per_signup,
        age_min: e.age_min,
        age_max: e.age_max,
        partner: e.partner.clone(),
        asks_children: e.asks_children,
        seats_for: e.seats_for,
        signup_opens_at: LocalDateTime(paris::to_local(e.signup_opens_utc)),
        signup_closes_at: LocalDateTime(paris::to_local(e.signup_closes_utc)),
        signups: rules::signup_state(e.signup_opens_utc, e.signup_closes_utc, cancelled, now),
        club: e.club.clone(),
        cancelled,
    }
}

/// What the agenda is filtered by (typed at the edge).
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    pub kind: Option<domain::events::EventKind>,
    pub audience: Option<rules::Audience>,
}

/// The agenda: published events (staff also see the cancelled ones).
pub async fn list(
    db: &D1Database,
    from: NaiveDate,
    to: NaiveDate,
    staff: bool,
    filter: Filter,
    now: DateTime<Utc>,
) -> Result<Vec<EventView>, ApiError> {
    scheduled::meetings_made_today(db, now).await?;
    Ok(repo::list(
        db,
        from,
        to,
        staff,
        filter.kind.map(|k| k.as_str()).unwrap_or(""),
        filter.audience.map(|a| a.as_str()).unwrap_or(""),
    )
    .await?
    .iter()
    .map(|e| view(e, now))
    .collect())
}

pub async fn event(db: &D1Database, id: i64) -> Result<EventRow, ApiError> {
    repo::by_id(db, id).await?.ok_or(ApiError::NotFound)
}

/// Where the event is, as an email or a calendar says it: the meeting room at the cantine's
/// address, or the place with its street and town.
fn place_text(e: &EventRow, lang: Lang, cantine: &str) -> String {
    let (name, address) = if e.in_room {
        (ApiMsg::PlaceRoom.text(lang), cantine)
    } else {
        (e.place.as_str(), e.address.as_str())
    };
    if address.is_empty() {
        name.to_string()
    } else {
        format!("{name}, {address}")
    }
}

/// The event's title in `lang` (English falls back to French).
fn title(e: &EventRow, lang: Lang) -> &str {
    match lang {
        Lang::En if !e.title_en.is_empty() => &e.title_en,
        _ => &e.title_fr,
    }
}

/// An email about a sign-up, with the event's words.
fn mail(
    e: &EventRow,
    to: &str,
    name: &str,
    lang: Lang,
    kind: &'static str,
    (subject, body): (ApiMsg, ApiMsg),
    extra: &[(&str, String)],
) -> Email {
    let mut words: Vec<(&str, String)> = vec![
        ("name", name.to_string()),
        ("title", title(e, lang).to_string()),
        ("date", format_date_long(e.start_local.date(), lang)),
        ("time", e.start_local.format("%H:%M").to_string()),
        ("place", place_text(e, lang, "")),
    ];
    words.extend(extra.iter().map(|(k, v)| (*k, v.clone())));
    let args: Vec<(&str, &str)> = words.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Email::compose(to, kind, lang, subject, body, &args).about(about(e.id))
}

/// A number of seats in words: "1 place", "3 places" ("1 seat", "3 seats").
pub fn seats_words(n: u32, lang: Lang) -> String {
    let one = if n == 1 {
        ApiMsg::SeatsOne
    } else {
        ApiMsg::SeatsMany
    };
    domain::i18n::fill(one.text(lang), &[("n", &n.to_string())])
}

/// What an email about this event says it concerns (`crate::mail::Email::about`): erasing a
/// sign-up removes the emails about its event to its address.
pub fn about(event_id: i64) -> String {
    format!("event:{event_id}")
}

// ------------------------------------------------------------------ staff: publish, edit, cancel

/// The 409 naming what holds the meeting room during the event (a member's booking, a rental, a
/// block), or `None` when the room is free then.
async fn room_holder(
    db: &D1Database,
    id: Option<i64>,
    e: &rules::ValidEvent,
) -> Result<Option<ApiError>, ApiError> {
    if !e.in_room || e.cancelled {
        return Ok(None);
    }
    let mine = match id {
        Some(id) => crate::repo::bookings::event_booking_ids(db, id).await?,
        None => Vec::new(),
    };
    room_held_by(db, e.starts_utc, e.ends_utc, &mine).await
}

/// The 409 naming what holds the meeting room between `starts` and `ends` besides the bookings
/// `mine` (a member's booking, a rental, a block), or `None` when the room is free then.
pub async fn room_held_by(
    db: &D1Database,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
    mine: &[i64],
) -> Result<Option<ApiError>, ApiError> {
    let room = crate::service::rentals::room(db).await?;
    let taken = crate::repo::bookings::overlapping(db, Some(room.id), starts, ends).await?;
    Ok(taken.iter().find(|b| !mine.contains(&b.id)).map(|b| {
        let text = |lang: Lang| {
            fill(
                ApiMsg::ErrRoomHeldBy.text(lang),
                &[
                    ("date", &format_date_long(b.start_local.date(), lang)),
                    ("from", &b.start_local.format("%H:%M").to_string()),
                    ("to", &b.end_local.format("%H:%M").to_string()),
                    ("what", &b.label),
                ],
            )
        };
        ApiError::ConflictText(Localized {
            fr: text(Lang::Fr),
            en: text(Lang::En),
        })
    }))
}

/// The batch aborted because the room could not be held (taken between the check and the write):
/// say by what.
async fn room_lost(
    db: &D1Database,
    id: Option<i64>,
    e: &rules::ValidEvent,
    err: ApiError,
) -> ApiError {
    if Aborted::of(&err) != Some(Aborted::RoomNotHeld) {
        return err;
    }
    match room_holder(db, id, e).await {
        Ok(Some(conflict)) => conflict,
        Ok(None) => ApiError::Conflict(ApiMsg::ErrRoomTaken),
        Err(read) => read,
    }
}

fn audit_details(e: &rules::ValidEvent) -> String {
    json!({ "title": e.title.fr }).to_string()
}

/// Publish: the event, its room hold (or nothing at all when the room is taken) and its audit
/// entry in one batch.
pub async fn create(
    db: &D1Database,
    input: &EventInput,
    caller: &Caller,
    actor: i64,
    now: DateTime<Utc>,
) -> Result<EventView, ApiError> {
    let e = check_event(input, now, true).map_err(ApiError::Validation)?;
    check_club(db, &e).await?;
    if let Some(conflict) = room_holder(db, None, &e).await? {
        return Err(conflict);
    }
    let nonce = random_token();
    let label = caller.label();
    let details = audit_details(&e);
    let statements = repo::create(
        db,
        &e,
        actor,
        &nonce,
        repo::AuditBy {
            now,
            actor_id: caller.id(),
            actor_label: &label,
            details: &details,
        },
    )?;
    if let Err(err) = crate::repo::batch(db, statements, "publishing the event").await {
        return Err(room_lost(db, None, &e, err).await);
    }
    let created = repo::by_nonce(db, &nonce)
        .await?
        .ok_or_else(|| ApiError::Internal("the new event is not there".into()))?;
    Ok(view(&created, now))
}

async fn check_club(db: &D1Database, e: &rules::ValidEvent) -> Result<(), ApiError> {
    if e.club.is_empty() {
        return Ok(());
    }
    let clubs = crate::repo::accounts::club_slugs(db).await?;
    if clubs.contains(&e.club) {
        Ok(())
    } else {
        Err(ApiError::Validation(vec![(
            "club".into(),
            ApiMsg::FieldUnknownClub,
        )]))
    }
}

/// Edit or cancel: the event, its room (freed and held again, or the whole batch refused), the
/// waiting list served with a raised capacity, everyone told of a cancellation, and the audit
/// entry — one batch under the event's version.
pub async fn update(
    db: &D1Database,
    book_seats: &writer::Seats,
    id: i64,
    input: &EventInput,
    caller: &Caller,
    site_url: &str,
    now: DateTime<Utc>,
) -> Result<EventView, ApiError> {
    let actor = caller.member().ok_or(ApiError::Unauthorized)?.id;
    event(db, id).await?;
    let e = check_event(input, now, false).map_err(ApiError::Validation)?;
    check_club(db, &e).await?;
    if let Some(conflict) = room_holder(db, Some(id), &e).await? {
        return Err(conflict);
    }
    let action = if e.cancelled {
        "event.cancel"
    } else {
        "event.update"
    };
    let written = writer::change(db, book_seats, id, now, |loaded| {
        if loaded.event.status == EventStatus::Cancelled {
            return Err(ApiError::Conflict(ApiMsg::ErrEventCancelled));
        }
        let mut seats = loaded.book.clone();
        seats.serving = serves_freed_seats(!e.cancelled, e.signup_closes, now);
        let decision = seats
            .decide(Command::SetCapacity {
                capacity: e.capacity,
            })
            .map_err(|r| match r {
                Refusal::CapacityBelowTaken { taken } => capacity_below(taken),
                _ => ApiError::Conflict(ApiMsg::ErrAlreadyDecided),
            })?;
        let mut statements = repo::update(db, id, &e, actor, now)?;
        if e.cancelled {
            statements.extend(tell_cancelled(db, loaded, now)?);
        } else {
            statements.extend(book::promotions(
                db,
                loaded,
                &decision.promotions,
                site_url,
                now,
            )?);
        }
        statements.push(audit::record(
            db,
            now,
            caller,
            action,
            "event",
            &id.to_string(),
            json!({ "title": e.title.fr }),
        )?);
        Ok(Plan::Write(statements, ()))
    })
    .await;
    if let Err(err) = written {
        return Err(room_lost(db, Some(id), &e, err).await);
    }
    Ok(view(&event(db, id).await?, now))
}

/// The 422 saying how many seats are already confirmed, in French and English.
fn capacity_below(taken: u32) -> ApiError {
    let n = taken.to_string();
    let msg = ApiMsg::FieldCapacityBelowTaken;
    ApiError::ValidationText(
        "capacity".into(),
        Localized {
            fr: fill(msg.text(Lang::Fr), &[("n", &n)]),
            en: fill(msg.text(Lang::En), &[("n", &n)]),
        },
    )
}

/// Everyone signed up or waiting is told the event is cancelled (in the cancelling batch).
fn tell_cancelled(
    db: &D1Database,
    loaded: &book::Loaded,
    now: DateTime<Utc>,
) -> Result<Vec<worker::D1PreparedStatement>, ApiError> {
    let mut statements = Vec::new();
    for r in &loaded.registrations {
        if r.status == domain::events::RegistrationStatus::Cancelled || r.email.is_empty() {
            continue;
        }
        let email = mail(
            &loaded.event,
            &r.email,
            &r.name,
            r.lang,
            "event_cancelled",
            (
                ApiMsg::EmailEventCancelledSubject,
                ApiMsg::EmailEventCancelledBody,
            ),
            &[],
        );
        let key = format!("event-cancelled:{}", r.id);
        statements.push(outbox::queue(db, &email, r.member_id, Some(&key), now)?);
    }
    Ok(statements)
}

/// The event's calendar file (times in UTC, like the bookings' feed). For a sign-up's link, its
/// status says what the person holds — a waiting family's entry is tentative, a cancelled one
/// cancelled — in the sign-up's language; its UID stays the event's and its SEQUENCE is the
/// event's version, which every change of seats or of the event raises, so a calendar that
/// imports it again updates the entry it has.
pub fn ics(
    e: &EventRow,
    now: DateTime<Utc>,
    address: &str,
    sign_up: Option<(RegistrationStatus, Lang)>,
) -> String {
    use icalendar::{Calendar, Component, Event, EventLike, EventStatus as IcsStatus};
    let mut cal = Calendar::empty();
    cal.append_property(icalendar::Property::new("VERSION", "2.0"));
    cal.append_property(icalendar::Property::new(
        "PRODID",
        "-//Silicon Kerne//Portail//FR",
    ));
    let lang = sign_up.map(|(_, l)| l).unwrap_or(Lang::Fr);
    let place = place_text(e, lang, address);
    let title = rules::fallback(e.title_fr.clone(), e.title_en.clone());
    let description = rules::fallback(e.description_fr.clone(), e.description_en.clone());
    let status = match (e.status, sign_up.map(|(s, _)| s)) {
        (EventStatus::Cancelled, _) | (_, Some(RegistrationStatus::Cancelled)) => {
            IcsStatus::Cancelled
        }
        (_, Some(RegistrationStatus::Waiting)) => IcsStatus::Tentative,
        _ => IcsStatus::Confirmed,
    };
    let mut ev = Event::new();
    ev.uid(&format!("event-{}@silicon-kerne.net", e.id))
        .summary(title.get(lang))
        .description(description.get(lang))
        .location(&place)
        .starts(e.start_utc)
        .ends(e.end_utc)
        .timestamp(now)
        .status(status)
        .add_property("SEQUENCE", e.version.max(0).to_string());
    cal.push(ev.done());
    cal.done().to_string()
}
