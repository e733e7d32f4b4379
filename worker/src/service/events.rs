//! Events: publishing (the room held in the same step), sign-ups without an account, the private
//! link's changes, the waiting list served at once, check-in, reminders, retention and the clubs'
//! monthly meetings.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use domain::accounts::Checker;
use domain::events::{
    self as rules, check_event, check_group, check_registration, Child, EventInput,
    EventRegistrations, EventView, MyEvent, RegistrationCreated, RegistrationRequest,
    RegistrationStatus, RegistrationView, SeatsChange, SignupRules, SignupState, StaffRegistration,
};
use domain::i18n::format_date_long;
use domain::recurrence::MonthlyRule;
use domain::time::LocalDateTime;
use domain::{paris, ApiMsg, Lang, Localized};
use serde_json::json;
use worker::D1Database;

use crate::auth::Caller;
use crate::error::{ApiError, Context};
use crate::mail::Email;
use crate::repo::events::{self as repo, EventRow, EventStatus, NewRegistration, RegistrationRow};
use crate::repo::{audit, changes, outbox};
use crate::secrets::{random_token, token_hash};

/// Sign-ups one client may send in an hour: a class of 30 from one school network, twice over.
const MAX_SIGNUPS_PER_CLIENT: i64 = 60;
/// Club meetings are made this many months ahead.
const MEETING_MONTHS: usize = 4;
/// A club meeting's seats (the meeting room's chairs).
const MEETING_SEATS: u32 = 20;

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
        title: Localized {
            fr: e.title_fr.clone(),
            en: e.title_en.clone(),
        },
        description: Localized {
            fr: e.description_fr.clone(),
            en: e.description_en.clone(),
        },
        bring: Localized {
            fr: e.bring_fr.clone(),
            en: e.bring_en.clone(),
        },
        starts_at: LocalDateTime(e.start_local),
        ends_at: LocalDateTime(e.end_local),
        in_room: e.in_room,
        place: e.place.clone(),
        capacity: e.capacity,
        seats_left: e.capacity.saturating_sub(e.taken),
        waiting: e.waiting,
        max_per_signup: e.max_per_signup,
        age_min: e.age_min,
        age_max: e.age_max,
        partner: e.partner.clone(),
        asks_children: e.asks_children,
        signup_opens_at: LocalDateTime(paris::to_local(e.signup_opens_utc)),
        signup_closes_at: LocalDateTime(paris::to_local(e.signup_closes_utc)),
        signups: rules::signup_state(e.signup_opens_utc, e.signup_closes_utc, cancelled, now),
        club: e.club.clone(),
        cancelled,
    }
}

/// The agenda: published events (staff also see the cancelled ones).
pub async fn list(
    db: &D1Database,
    from: NaiveDate,
    to: NaiveDate,
    staff: bool,
    kind: &str,
    audience: &str,
    now: DateTime<Utc>,
) -> Result<Vec<EventView>, ApiError> {
    meetings_made_today(db, now).await?;
    Ok(repo::list(db, from, to, staff, kind, audience)
        .await?
        .iter()
        .map(|e| view(e, now))
        .collect())
}

pub async fn event(db: &D1Database, id: i64) -> Result<EventRow, ApiError> {
    repo::by_id(db, id).await?.ok_or(ApiError::NotFound)
}

fn place_text(e: &EventRow, lang: Lang) -> String {
    if e.in_room {
        ApiMsg::PlaceRoom.text(lang).to_string()
    } else {
        e.place.clone()
    }
}

fn title(e: &EventRow, lang: Lang) -> &str {
    match lang {
        Lang::Fr => &e.title_fr,
        Lang::En => &e.title_en,
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
        ("place", place_text(e, lang)),
    ];
    words.extend(extra.iter().map(|(k, v)| (*k, v.clone())));
    let args: Vec<(&str, &str)> = words.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Email::compose(to, kind, lang, subject, body, &args)
}

// ------------------------------------------------------------------ staff: publish, edit, cancel

/// 409 when the meeting room is held then by anything but this event.
async fn check_room(
    db: &D1Database,
    id: Option<i64>,
    e: &rules::ValidEvent,
) -> Result<(), ApiError> {
    if !e.in_room || e.cancelled {
        return Ok(());
    }
    let room = crate::repo::bookings::resources(db)
        .await?
        .into_iter()
        .find(|r| r.kind == domain::calendar::ResourceKind::Room)
        .ok_or(ApiError::NotFound)?;
    let taken =
        crate::repo::bookings::overlapping(db, Some(room.id), e.starts_utc, e.ends_utc).await?;
    let mine = match id {
        Some(id) => crate::repo::bookings::event_booking_ids(db, id).await?,
        None => Vec::new(),
    };
    if taken.iter().any(|b| !mine.contains(&b.id)) {
        return Err(ApiError::Validation(vec![(
            "in_room".into(),
            ApiMsg::ErrRoomTaken,
        )]));
    }
    Ok(())
}

pub async fn create(
    db: &D1Database,
    input: &EventInput,
    caller: &Caller,
    actor: i64,
    now: DateTime<Utc>,
) -> Result<EventView, ApiError> {
    let e = check_event(input, now, true).map_err(ApiError::Validation)?;
    check_club(db, &e).await?;
    check_room(db, None, &e).await?;
    let id = repo::insert(db, &e, actor)
        .await?
        .ok_or_else(|| ApiError::Internal("no event id".into()))?;
    let results = crate::repo::batch(
        db,
        vec![
            repo::hold_room(db, id, actor)?,
            audit::record_after(
                db,
                now,
                caller,
                "event.create",
                "event",
                &id.to_string(),
                json!({ "title": e.title.fr }),
            )?,
        ],
        "holding the room for the event",
    )
    .await?;
    if e.in_room && results.first().map(changes) != Some(1) {
        // Taken between the check and the hold: the event is not published.
        repo::withdraw(db, id).await?;
        return Err(ApiError::Conflict(ApiMsg::ErrRoomTaken));
    }
    Ok(view(&event(db, id).await?, now))
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

pub async fn update(
    db: &D1Database,
    id: i64,
    input: &EventInput,
    caller: &Caller,
    actor: i64,
    now: DateTime<Utc>,
) -> Result<EventView, ApiError> {
    let before = event(db, id).await?;
    if before.status == EventStatus::Cancelled {
        return Err(ApiError::Conflict(ApiMsg::ErrEventCancelled));
    }
    let e = check_event(input, now, false).map_err(ApiError::Validation)?;
    if e.capacity < before.taken {
        return Err(capacity_below(before.taken));
    }
    check_club(db, &e).await?;
    check_room(db, Some(id), &e).await?;
    let action = if e.cancelled {
        "event.cancel"
    } else {
        "event.update"
    };
    let results = crate::repo::batch(
        db,
        vec![
            repo::update(db, id, &e)?,
            repo::free_room(db, id, now)?,
            repo::hold_room(db, id, actor)?,
            audit::record_after(
                db,
                now,
                caller,
                action,
                "event",
                &id.to_string(),
                json!({ "title": e.title.fr }),
            )?,
        ],
        "changing the event",
    )
    .await?;
    if results.first().map(changes) != Some(1) {
        // Seats were confirmed meanwhile beyond the new capacity, or someone cancelled it.
        return Err(ApiError::Conflict(ApiMsg::ErrAlreadyDecided));
    }
    let after = event(db, id).await?;
    if e.cancelled {
        tell_cancelled(db, &after, now).await?;
    } else {
        settle(db, id, now).await?;
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
            fr: domain::i18n::fill(msg.text(Lang::Fr), &[("n", &n)]),
            en: domain::i18n::fill(msg.text(Lang::En), &[("n", &n)]),
        },
    )
}

/// Everyone signed up or waiting is told the event is cancelled.
async fn tell_cancelled(db: &D1Database, e: &EventRow, now: DateTime<Utc>) -> Result<(), ApiError> {
    let mut statements = Vec::new();
    for r in repo::registrations(db, e.id).await? {
        if r.status == RegistrationStatus::Cancelled || r.email.is_empty() {
            continue;
        }
        let email = mail(
            e,
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
    if !statements.is_empty() {
        crate::repo::batch(db, statements, "telling everyone the event is cancelled").await?;
    }
    Ok(())
}

// ------------------------------------------------------------------ the waiting list

/// Serve the waiting list with the free seats (the rule is `domain::events::promotions`). Each
/// promotion checks in its own statement that the seats are still free, so racing writers never
/// overfill; the loop ends when the list, read afresh, has no one who fits.
pub async fn settle(db: &D1Database, event_id: i64, now: DateTime<Utc>) -> Result<u32, ApiError> {
    let mut promoted = 0;
    for _ in 0..10 {
        let e = event(db, event_id).await?;
        if e.status != EventStatus::Published || e.signup_closes_utc <= now {
            break;
        }
        let waiting: Vec<rules::Waiting> = repo::waiting(db, event_id)
            .await?
            .into_iter()
            .map(|w| rules::Waiting {
                id: w.id,
                seats: w.seats_requested,
                accept_fewer: w.accept_fewer,
            })
            .collect();
        let plan = rules::promotions(e.capacity.saturating_sub(e.taken), &waiting);
        if plan.is_empty() {
            break;
        }
        let people: HashMap<i64, RegistrationRow> = repo::registrations(db, event_id)
            .await?
            .into_iter()
            .map(|r| (r.id, r))
            .collect();
        let mut statements = Vec::new();
        let mut promotes = Vec::new();
        for p in &plan {
            let nonce = random_token();
            promotes.push(statements.len());
            statements.push(repo::promote(db, event_id, p.id, p.seats, now, &nonce)?);
            if let Some(r) = people.get(&p.id).filter(|r| !r.email.is_empty()) {
                let email = mail(
                    &e,
                    &r.email,
                    &r.name,
                    r.lang,
                    "event_promoted",
                    (ApiMsg::EmailEventSubject, ApiMsg::EmailEventPromotedBody),
                    &[("seats", p.seats.to_string())],
                );
                statements.push(outbox::queue_if_registration(
                    db,
                    &email,
                    r.member_id,
                    &nonce,
                    now,
                )?);
            }
        }
        let results = crate::repo::batch(db, statements, "serving the waiting list").await?;
        let done: usize = promotes
            .iter()
            .filter_map(|i| results.get(*i))
            .map(changes)
            .sum();
        if done == 0 {
            break;
        }
        promoted += u32::try_from(done).unwrap_or(0);
    }
    Ok(promoted)
}

// ------------------------------------------------------------------ a guest signs up

/// Who signs up, from where.
pub struct Guest<'a> {
    pub client: &'a str,
    pub origin: &'a str,
    pub member_id: Option<i64>,
}

fn signup_rules(e: &EventRow) -> SignupRules {
    SignupRules {
        max_per_signup: e.max_per_signup,
        ages: e.age_min.zip(e.age_max),
        asks_children: e.asks_children,
    }
}

fn check_open(e: &EventRow, now: DateTime<Utc>) -> Result<(), ApiError> {
    match rules::signup_state(
        e.signup_opens_utc,
        e.signup_closes_utc,
        e.status == EventStatus::Cancelled,
        now,
    ) {
        SignupState::Open => Ok(()),
        SignupState::NotYet => Err(ApiError::Conflict(ApiMsg::ErrSignupsNotOpen)),
        SignupState::Closed => Err(ApiError::Conflict(ApiMsg::ErrSignupsClosed)),
        SignupState::Cancelled => Err(ApiError::Conflict(ApiMsg::ErrEventCancelled)),
    }
}

/// A sign-up: checked, placed in one statement (confirmed or waiting), its children and the rate
/// limit in the same batch, then the email with the private link. The same email on the same event
/// changes the first sign-up (and gives it a new link) instead of adding one.
pub async fn register(
    db: &D1Database,
    event_id: i64,
    req: &RegistrationRequest,
    who: &Guest<'_>,
    now: DateTime<Utc>,
) -> Result<(RegistrationCreated, bool), ApiError> {
    let e = event(db, event_id).await?;
    if e.status == EventStatus::Cancelled && who.member_id.is_none() {
        return Err(ApiError::Conflict(ApiMsg::ErrEventCancelled));
    }
    crate::repo::limits::check(
        db,
        "registration",
        who.client,
        now,
        MAX_SIGNUPS_PER_CLIENT,
        Duration::hours(1),
    )
    .await?;
    let valid = check_registration(req, signup_rules(&e)).map_err(ApiError::Validation)?;
    check_open(&e, now)?;
    let token = random_token();
    let hash = token_hash(&token);
    let nonce = random_token();
    let new = NewRegistration {
        event_id,
        token_hash: &hash,
        member_id: who.member_id,
        name: &valid.name,
        email: valid.email.as_str(),
        phone: &valid.phone,
        adults: valid.group.adults,
        children: valid.group.children,
        accept_fewer: valid.accept_fewer,
        consent_children_at: valid.consent_children.then_some(now),
        consent_photos: valid.consent_photos,
        lang: req.lang,
        nonce: &nonce,
    };
    let existing = repo::registration_by_email(db, event_id, valid.email.as_str()).await?;
    let replaced = existing.is_some();
    let mut statements = match &existing {
        Some(r) => vec![repo::replace(
            db,
            &repo::Replacement {
                id: r.id,
                event_id,
                new: &new,
            },
        )?],
        None => vec![repo::sign_up(db, &new, now)?],
    };
    statements.extend(repo::children(db, &nonce, &valid.group.named)?);
    statements.push(crate::repo::limits::record(
        db,
        "registration",
        who.client,
        now,
    )?);
    let results = match crate::repo::batch(db, statements, "signing up").await {
        Err(err) if crate::repo::is_unique_violation(&err) => {
            // The same email signed up at the same moment: the first one stands.
            return Err(ApiError::Conflict(ApiMsg::ErrAlreadyDecided));
        }
        other => other?,
    };
    if results.first().map(changes) != Some(1) {
        return Err(match existing {
            Some(_) => ApiError::Conflict(ApiMsg::ErrNoSeatsForMore),
            None => check_open(&event(db, event_id).await?, now)
                .err()
                .unwrap_or(ApiError::Conflict(ApiMsg::ErrSignupsClosed)),
        });
    }
    settle(db, event_id, now).await?;
    let r = repo::registration_by_token(db, &hash)
        .await?
        .ok_or_else(|| ApiError::Internal("the new sign-up is not there".into()))?;
    let link = format!("/inscription/{token}");
    let position = (r.status == RegistrationStatus::Waiting).then_some(r.rank);
    let body = match (replaced, r.status) {
        (true, _) => ApiMsg::EmailEventChangedBody,
        (false, RegistrationStatus::Waiting) => ApiMsg::EmailEventWaitingBody,
        _ => ApiMsg::EmailEventConfirmedBody,
    };
    let e = event(db, event_id).await?;
    let email = mail(
        &e,
        &r.email,
        &r.name,
        r.lang,
        "event_registration",
        (ApiMsg::EmailEventSubject, body),
        &[
            ("link", format!("{}{link}", who.origin)),
            ("seats", r.seats.to_string()),
            ("position", r.rank.to_string()),
        ],
    );
    crate::repo::run(
        outbox::queue(db, &email, r.member_id, None, now)?,
        "queueing the sign-up's email",
    )
    .await?;
    Ok((
        RegistrationCreated {
            status: r.status,
            seats: if r.status == RegistrationStatus::Waiting {
                r.seats_requested
            } else {
                r.seats
            },
            position,
            link,
        },
        replaced,
    ))
}

// ------------------------------------------------------------------ the private link

pub async fn by_token(db: &D1Database, token: &str) -> Result<RegistrationRow, ApiError> {
    repo::registration_by_token(db, &token_hash(token))
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn registration_view(
    db: &D1Database,
    r: &RegistrationRow,
    now: DateTime<Utc>,
) -> Result<RegistrationView, ApiError> {
    let e = event(db, r.event_id).await?;
    let named: Vec<Child> = repo::children_of(db, r.id)
        .await?
        .iter()
        .map(|c| c.child())
        .collect();
    let retention = settings(db).await?.retention_days;
    Ok(RegistrationView {
        event: view(&e, now),
        name: r.name.clone(),
        email: r.email.clone(),
        phone: r.phone.clone(),
        adults: r.adults,
        children: r.children,
        named_children: named,
        seats_requested: r.seats_requested,
        seats: r.seats,
        status: r.status,
        position: (r.status == RegistrationStatus::Waiting).then_some(r.rank),
        accept_fewer: r.accept_fewer,
        consent_photos: r.consent_photos,
        children_erased: r.children_erased_at.is_some(),
        erase_children_on: (e.asks_children && r.children > 0 && r.children_erased_at.is_none())
            .then(|| rules::children_erased_on(e.end_local, retention)),
        created_at: r.created_at.clone(),
    })
}

/// A new group size from the private link: fewer seats always, more when they are free.
pub async fn change(
    db: &D1Database,
    token: &str,
    body: &SeatsChange,
    now: DateTime<Utc>,
) -> Result<RegistrationView, ApiError> {
    let r = by_token(db, token).await?;
    if r.status == RegistrationStatus::Cancelled {
        return Err(ApiError::Conflict(ApiMsg::ErrRegistrationCancelled));
    }
    let e = event(db, r.event_id).await?;
    if e.start_utc <= now || e.status == EventStatus::Cancelled {
        return Err(ApiError::Conflict(ApiMsg::ErrEventStarted));
    }
    let mut c = Checker::default();
    let group = check_group(&mut c, body.adults, &body.children, signup_rules(&e));
    let group = c.finish(|| group).map_err(ApiError::Validation)?;
    let nonce = random_token();
    let mut statements = vec![repo::change(db, &r, group.adults, group.children, &nonce)?];
    if e.asks_children && r.children_erased_at.is_none() {
        statements.extend(repo::children(db, &nonce, &group.named)?);
    }
    let results = crate::repo::batch(db, statements, "changing the sign-up").await?;
    if results.first().map(changes) != Some(1) {
        return Err(ApiError::Conflict(ApiMsg::ErrNoSeatsForMore));
    }
    settle(db, r.event_id, now).await?;
    let r = repo::registration_by_id(db, r.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    registration_view(db, &r, now).await
}

/// Cancel from the private link: the seats go to the waiting list at once, and what the person
/// gave is erased.
pub async fn cancel(db: &D1Database, token: &str, now: DateTime<Utc>) -> Result<(), ApiError> {
    let r = by_token(db, token).await?;
    cancel_registration(db, &r, now).await
}

async fn cancel_registration(
    db: &D1Database,
    r: &RegistrationRow,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    if r.status == RegistrationStatus::Cancelled {
        return Ok(());
    }
    let e = event(db, r.event_id).await?;
    if e.start_utc <= now {
        return Err(ApiError::Conflict(ApiMsg::ErrEventStarted));
    }
    crate::repo::batch(db, repo::cancel(db, r.id, now)?, "cancelling the sign-up").await?;
    settle(db, r.event_id, now).await?;
    Ok(())
}

/// The event's calendar file (times in UTC, like the bookings' feed).
pub fn ics(e: &EventRow, now: DateTime<Utc>, address: &str) -> String {
    use icalendar::{Calendar, Component, Event, EventLike, EventStatus as IcsStatus};
    let mut cal = Calendar::empty();
    cal.append_property(icalendar::Property::new("VERSION", "2.0"));
    cal.append_property(icalendar::Property::new(
        "PRODID",
        "-//Silicon Kerne//Portail//FR",
    ));
    let place = if e.in_room {
        format!("{} — {address}", ApiMsg::PlaceRoom.text(Lang::Fr))
    } else {
        e.place.clone()
    };
    let mut ev = Event::new();
    ev.uid(&format!("event-{}@silicon-kerne.net", e.id))
        .summary(&e.title_fr)
        .description(&e.description_fr)
        .location(&place)
        .starts(e.start_utc)
        .ends(e.end_utc)
        .timestamp(now)
        .status(if e.status == EventStatus::Cancelled {
            IcsStatus::Cancelled
        } else {
            IcsStatus::Confirmed
        });
    cal.push(ev.done());
    cal.done().to_string()
}

// ------------------------------------------------------------------ staff: the list and the door

fn staff_row(r: &RegistrationRow, children: &[repo::ChildRow]) -> StaffRegistration {
    StaffRegistration {
        id: r.id,
        name: r.name.clone(),
        email: r.email.clone(),
        phone: r.phone.clone(),
        adults: r.adults,
        children: r.children,
        named_children: children
            .iter()
            .filter(|c| c.registration_id == r.id)
            .map(|c| c.child())
            .collect(),
        seats_requested: r.seats_requested,
        seats: r.seats,
        status: r.status,
        position: (r.status == RegistrationStatus::Waiting).then_some(r.rank),
        accept_fewer: r.accept_fewer,
        consent_photos: r.consent_photos,
        present: r.present,
        member: r.member_id.is_some(),
        created_at: r.created_at.clone(),
    }
}

pub async fn registrations(
    db: &D1Database,
    event_id: i64,
    now: DateTime<Utc>,
) -> Result<EventRegistrations, ApiError> {
    let e = event(db, event_id).await?;
    let rows = repo::registrations(db, event_id).await?;
    let children = repo::children_of_event(db, event_id).await?;
    let confirmed = rows
        .iter()
        .filter(|r| r.status == RegistrationStatus::Confirmed);
    Ok(EventRegistrations {
        event: view(&e, now),
        seats_confirmed: confirmed.clone().map(|r| r.seats).sum(),
        adults: confirmed.clone().map(|r| r.adults).sum(),
        children: confirmed.clone().map(|r| r.children).sum(),
        present: confirmed.filter_map(|r| r.present).sum(),
        registrations: rows.iter().map(|r| staff_row(r, &children)).collect(),
    })
}

/// The sign-ups as a spreadsheet French Excel and LibreOffice open as they are: UTF-8 with a BOM,
/// `;` between cells, RFC 4180 quoting.
pub fn csv(list: &EventRegistrations) -> Result<Vec<u8>, ApiError> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let status = |s: RegistrationStatus| match s {
            RegistrationStatus::Confirmed => "confirmé",
            RegistrationStatus::Waiting => "liste d'attente",
            RegistrationStatus::Cancelled => "annulé",
        };
        w.write_record([
            "Nom",
            "E-mail",
            "Téléphone",
            "Statut",
            "Position",
            "Places",
            "Adultes",
            "Enfants",
            "Prénoms des enfants",
            "Photos",
            "Présents",
        ])
        .context("writing the CSV")?;
        for r in &list.registrations {
            let children = r
                .named_children
                .iter()
                .map(|c| format!("{} ({} ans)", c.first_name, c.age))
                .collect::<Vec<_>>()
                .join(", ");
            w.write_record([
                r.name.as_str(),
                r.email.as_str(),
                r.phone.as_str(),
                status(r.status),
                &r.position.map(|p| p.to_string()).unwrap_or_default(),
                &(if r.status == RegistrationStatus::Waiting {
                    r.seats_requested
                } else {
                    r.seats
                })
                .to_string(),
                &r.adults.to_string(),
                &r.children.to_string(),
                &children,
                if r.consent_photos { "oui" } else { "non" },
                &r.present.map(|p| p.to_string()).unwrap_or_default(),
            ])
            .context("writing the CSV")?;
        }
        w.flush().context("writing the CSV")?;
    }
    Ok(out)
}

pub async fn check_in(
    db: &D1Database,
    id: i64,
    present: u32,
    now: DateTime<Utc>,
) -> Result<StaffRegistration, ApiError> {
    let r = repo::registration_by_id(db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if r.status != RegistrationStatus::Confirmed {
        return Err(ApiError::Conflict(ApiMsg::ErrRegistrationCancelled));
    }
    if present > r.seats_requested {
        return Err(ApiError::Validation(vec![(
            "present".into(),
            ApiMsg::FieldSeats,
        )]));
    }
    crate::repo::run(
        repo::check_in(db, id, present, now)?,
        "checking the sign-up in",
    )
    .await?;
    let r = repo::registration_by_id(db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(staff_row(&r, &repo::children_of(db, id).await?))
}

// ------------------------------------------------------------------ members

pub async fn my_events(
    db: &D1Database,
    member_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<MyEvent>, ApiError> {
    ensure_meetings(db, now).await?;
    let mut out = Vec::new();
    for row in repo::my_events(db, member_id, now).await? {
        let e = event(db, row.event_id).await?;
        let r = match row.registration_id {
            Some(id) => repo::registration_by_id(db, id).await?,
            None => None,
        };
        out.push(MyEvent {
            event: view(&e, now),
            coming: r.is_some(),
            status: r.as_ref().map(|r| r.status),
            position: r
                .as_ref()
                .filter(|r| r.status == RegistrationStatus::Waiting)
                .map(|r| r.rank),
        });
    }
    Ok(out)
}

/// A member comes: one seat, counted like anyone's.
pub async fn come(
    db: &D1Database,
    event_id: i64,
    member: &crate::auth::Member,
    client: &str,
    origin: &str,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<MyEvent, ApiError> {
    if repo::registration_by_member(db, event_id, member.id)
        .await?
        .is_none()
    {
        let req = RegistrationRequest {
            name: member.name.clone(),
            email: member.email.clone(),
            adults: 1,
            lang,
            ..RegistrationRequest::default()
        };
        register(
            db,
            event_id,
            &req,
            &Guest {
                client,
                origin,
                member_id: Some(member.id),
            },
            now,
        )
        .await?;
    }
    let e = event(db, event_id).await?;
    let r = repo::registration_by_member(db, event_id, member.id).await?;
    Ok(MyEvent {
        event: view(&e, now),
        coming: r.is_some(),
        status: r.as_ref().map(|r| r.status),
        position: r
            .as_ref()
            .filter(|r| r.status == RegistrationStatus::Waiting)
            .map(|r| r.rank),
    })
}

pub async fn stay_away(
    db: &D1Database,
    event_id: i64,
    member_id: i64,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    match repo::registration_by_member(db, event_id, member_id).await? {
        Some(r) => cancel_registration(db, &r, now).await,
        None => {
            event(db, event_id).await?;
            Ok(())
        }
    }
}

// ------------------------------------------------------------------ the scheduled run

/// Reminders to everyone confirmed when it runs, each exactly once (the outbox's dedupe key and
/// `reminded_at` both say so).
pub async fn queue_reminders(db: &D1Database, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let s = settings(db).await?;
    let due =
        repo::due_reminders(db, now, now + Duration::hours(i64::from(s.reminder_hours))).await?;
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
        let bring = match r.lang {
            Lang::Fr => &e.bring_fr,
            Lang::En => &e.bring_en,
        };
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
            &[("seats", r.seats.to_string()), ("bring", bring.clone())],
        );
        statements.push(repo::mark_reminded(db, r.id, now)?);
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
    Ok(results.iter().skip(1).step_by(2).map(changes).sum())
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

/// The agenda's reads make the clubs' meetings once a day per isolate (the scheduled run and a
/// changed rule make them too), not on every read.
async fn meetings_made_today(db: &D1Database, now: DateTime<Utc>) -> Result<(), ApiError> {
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
