//! Events and their sign-ups: reading an event with its sign-ups (the seat book's aggregate), and
//! the statements that write what the seat book decided (a sign-up, a resize, a cancellation, the
//! promotions). They write decided values only: the capacity is checked by the seat book
//! (`domain::seat_book`), and each batch of them starts by moving the event's version from the
//! one read (`repo::versioned::bump`), so a batch decided on a stale read writes nothing.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use domain::events::EventKind;
use domain::events::{Audience, Child, RegistrationStatus, SeatsFor, ValidEvent};
use domain::Lang;
use serde::Deserialize;
use worker::wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, D1Result};

use crate::error::ApiError;

use super::{all, column, day, first, parse_instant, parse_local, stmt, ts, DbResult};

fn int(v: i64) -> JsValue {
    JsValue::from_f64(v as f64)
}

fn num(v: u32) -> JsValue {
    JsValue::from_f64(f64::from(v))
}

fn opt(v: Option<u32>) -> JsValue {
    v.map(num).unwrap_or(JsValue::NULL)
}

fn local(t: NaiveDateTime) -> JsValue {
    JsValue::from_str(&t.format("%Y-%m-%dT%H:%M").to_string())
}

/// An event's row with the seats its confirmed sign-ups take and how many wait: counted here, in
/// the list's one query (an agenda of a hundred events reads no sign-up row), as
/// `SeatBook::taken` counts them over the sign-ups of one event loaded whole — the API tests
/// compare an event's `seats_left` in the list and on its page after every kind of change.
const EVENT_COLUMNS: &str = "SELECT e.id, e.kind, e.audience, e.title_fr, e.title_en, e.description_fr, e.description_en, e.bring_fr, e.bring_en, \
     e.start_local, e.end_local, e.start_utc, e.end_utc, e.in_room, e.place, e.capacity, e.max_per_signup, e.age_min, e.age_max, e.partner, \
     e.signup_opens_utc, e.signup_closes_utc, e.asks_children, e.seats_for, e.address, c.slug AS club, e.status, e.version, \
     COALESCE((SELECT SUM(r.seats) FROM registrations r WHERE r.event_id = e.id AND r.status = 'confirmed'), 0) AS taken, \
     (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'waiting') AS waiting \
     FROM events e LEFT JOIN clubs c ON c.id = e.club_id";

fn list_sql() -> String {
    format!(
        "{EVENT_COLUMNS} WHERE e.start_local >= ?1 AND e.start_local < ?2 AND (?3 = 1 OR e.status = 'published') \
         AND (?4 = '' OR e.kind = ?4) AND (?5 = '' OR e.audience = ?5) ORDER BY e.start_utc, e.id LIMIT 500"
    )
}

fn by_id_sql() -> String {
    format!("{EVENT_COLUMNS} WHERE e.id = ?1")
}

const INSERT: &str = "INSERT INTO events (kind, audience, title_fr, title_en, description_fr, description_en, bring_fr, bring_en, \
     start_local, end_local, start_utc, end_utc, in_room, place, capacity, max_per_signup, age_min, age_max, partner, \
     signup_opens_utc, signup_closes_utc, asks_children, club_id, created_by, status, op_nonce, seats_for, address) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, \
     (SELECT id FROM clubs WHERE slug = ?23), ?24, 'published', ?25, ?26, ?27)";

/// The whole event (the seat book has checked the capacity; the version guards the batch).
const UPDATE: &str = "UPDATE events SET kind = ?2, audience = ?3, title_fr = ?4, title_en = ?5, description_fr = ?6, description_en = ?7, \
     bring_fr = ?8, bring_en = ?9, start_local = ?10, end_local = ?11, start_utc = ?12, end_utc = ?13, in_room = ?14, place = ?15, \
     capacity = ?16, max_per_signup = ?17, age_min = ?18, age_max = ?19, partner = ?20, signup_opens_utc = ?21, \
     signup_closes_utc = ?22, asks_children = ?23, club_id = (SELECT id FROM clubs WHERE slug = ?24), \
     status = CASE WHEN ?25 = 1 THEN 'cancelled' ELSE status END, seats_for = ?26, address = ?27 \
     WHERE id = ?1 AND status = 'published'";

/// Holds the room for an event (a block with the event's title), unless something holds it then.
/// The event is named by its id (`?1`) or, in the batch that creates it, by its nonce (`?3`).
const HOLD_ROOM: &str = "INSERT INTO bookings (resource_id, kind, event_id, day, start_local, end_local, start_utc, end_utc, minutes, week, reason, booked_by) \
     SELECT r.id, 'block', ev.id, substr(ev.start_local, 1, 10), ev.start_local, ev.end_local, ev.start_utc, ev.end_utc, \
            CAST((julianday(ev.end_utc) - julianday(ev.start_utc)) * 1440 AS INTEGER), '', ev.title_fr, ?2 \
     FROM events ev JOIN resources r ON r.kind = 'room' AND r.active = 1 \
     WHERE (ev.id = ?1 OR ev.op_nonce = ?3) AND ev.status = 'published' AND ev.in_room = 1 \
     AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.resource_id = r.id AND b.status = 'confirmed' AND (b.event_id IS NULL OR b.event_id <> ev.id) \
                     AND b.start_utc < ev.end_utc AND b.end_utc > ev.start_utc) \
     LIMIT 1";
/// Frees the room an event held (cancelled, moved elsewhere, or before holding it again).
const FREE_ROOM: &str = "UPDATE bookings SET status = 'cancelled', cancelled_at = ?2 WHERE event_id = ?1 AND status = 'confirmed'";
/// The audit entry of a new event, named by the nonce of the batch that creates it.
const AUDIT_CREATED: &str =
    "INSERT INTO audit_log (at, actor_id, actor_label, action, target_type, target_id, details) \
     SELECT ?1, ?2, ?3, 'event.create', 'event', CAST(id AS TEXT), ?4 FROM events WHERE op_nonce = ?5";

const REG_COLUMNS: &str = "SELECT r.id, r.event_id, r.member_id, r.name, r.email, r.phone, r.adults, r.children, r.seats_requested, r.seats, \
     r.accept_fewer, r.status, r.consent_photos, r.consent_children_at, r.consent_version, r.children_erased_at, \
     r.lang, r.present, r.created_at, r.client_hash, r.mailbox_hash FROM registrations r";

/// A sign-up, with the status and seats the seat book decided.
const SIGN_UP: &str = "INSERT INTO registrations (event_id, member_id, name, email, phone, adults, children, seats_requested, seats, \
     accept_fewer, status, consent_children_at, consent_version, consent_photos, lang, op_nonce, client_hash, mailbox_hash) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) RETURNING id";
/// The private link of the sign-up the request holding `?2` wrote.
const LINK_NEW: &str = "INSERT INTO registration_links (token_hash, registration_id) SELECT ?1, id FROM registrations WHERE op_nonce = ?2";
/// One more private link to a sign-up (sent to its email, never to the caller).
const LINK_MORE: &str =
    "INSERT INTO registration_links (token_hash, registration_id) VALUES (?1, ?2)";
const CHILD: &str = "INSERT INTO registration_children (registration_id, n, first_name, age) \
     SELECT id, ?2, ?3, ?4 FROM registrations WHERE op_nonce = ?1";
const CLEAR_CHILDREN: &str = "DELETE FROM registration_children WHERE registration_id = (SELECT id FROM registrations WHERE op_nonce = ?1)";
const CHILDREN_OF: &str = "SELECT registration_id, first_name, age FROM registration_children \
     WHERE registration_id IN (SELECT id FROM registrations WHERE event_id = ?1) ORDER BY registration_id, n";
const CHILDREN_OF_ONE: &str =
    "SELECT registration_id, first_name, age FROM registration_children WHERE registration_id = ?1 ORDER BY n";

/// A new group size, with the seats the seat book decided.
const RESIZE: &str = "UPDATE registrations SET adults = ?2, children = ?3, seats_requested = ?4, seats = ?5, op_nonce = ?6 \
     WHERE id = ?1 AND status IN ('confirmed', 'waiting')";
/// Cancel, erasing what the person gave (counts stay for the statistics).
const CANCEL: &str =
    "UPDATE registrations SET status = 'cancelled', seats = 0, name = '', email = '', phone = '', \
     client_hash = NULL, mailbox_hash = NULL, cancelled_at = ?2 WHERE id = ?1 AND status IN ('confirmed', 'waiting')";
const DELETE_CHILDREN: &str = "DELETE FROM registration_children WHERE registration_id = ?1";
/// A waiting entry confirmed for the seats the seat book gave it.
const PROMOTE: &str = "UPDATE registrations SET status = 'confirmed', seats = ?2, promoted_at = ?3 WHERE id = ?1 AND status = 'waiting'";
/// A waiting entry confirmed with fewer seats than it asked: the group becomes who they take.
const PROMOTE_FEWER: &str = "UPDATE registrations SET status = 'confirmed', seats = ?2, seats_requested = ?2, promoted_at = ?3, \
     adults = ?4, children = ?5 WHERE id = ?1 AND status = 'waiting'";
/// The children beyond those who have a seat (their names are not kept).
const DROP_CHILDREN_FROM: &str =
    "DELETE FROM registration_children WHERE registration_id = ?1 AND n >= ?2";
/// How many of a confirmed group came: at most its confirmed seats.
const CHECK_IN: &str = "UPDATE registrations SET present = ?2, checked_in_at = ?3 WHERE id = ?1 AND status = 'confirmed' AND ?2 <= seats";
const UNDO_CHECK_IN: &str =
    "UPDATE registrations SET present = NULL, checked_in_at = NULL WHERE id = ?1";

/// Confirmed sign-ups of published events starting within the reminder delay, not yet reminded.
const DUE_REMINDERS: &str = "SELECT r.id, r.event_id FROM registrations r JOIN events e ON e.id = r.event_id \
     WHERE r.status = 'confirmed' AND r.reminded_at IS NULL AND r.email <> '' AND e.status = 'published' \
     AND e.start_utc > ?1 AND e.start_utc <= ?2 ORDER BY r.id LIMIT 500";
const MARK_REMINDED: &str = "UPDATE registrations SET reminded_at = ?2 WHERE id = ?1 AND reminded_at IS NULL AND status = 'confirmed'";
/// Children's names and ages of events whose last day is at least the retention delay ago.
const ERASE_CHILDREN: &str = "DELETE FROM registration_children WHERE registration_id IN \
     (SELECT r.id FROM registrations r JOIN events e ON e.id = r.event_id WHERE substr(e.end_local, 1, 10) <= ?1)";
const MARK_ERASED: &str = "UPDATE registrations SET children_erased_at = ?2 \
     WHERE children_erased_at IS NULL AND children > 0 AND event_id IN \
     (SELECT id FROM events WHERE asks_children = 1 AND substr(end_local, 1, 10) <= ?1)";

const MEETING: &str = "INSERT OR IGNORE INTO events (kind, audience, title_fr, title_en, description_fr, description_en, start_local, end_local, \
     start_utc, end_utc, in_room, place, capacity, max_per_signup, signup_opens_utc, signup_closes_utc, asks_children, club_id, occurrence_of, seats_for) \
     VALUES ('club_meeting', 'members', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, '', ?9, 1, ?10, ?7, 0, ?11, ?12, 'adults')";
const SET_RULE: &str = "UPDATE clubs SET rule_ordinal = ?2, rule_weekday = ?3, rule_time = ?4, duration_minutes = ?5 WHERE slug = ?1";
/// Future meetings the rule made that nobody signed up to and staff did not move: the new rule remakes them.
const DROP_UNTOUCHED_MEETINGS: &str = "DELETE FROM events WHERE club_id = (SELECT id FROM clubs WHERE slug = ?1) AND occurrence_of IS NOT NULL \
     AND start_utc > ?2 AND status = 'published' AND substr(start_local, 1, 10) = occurrence_of \
     AND NOT EXISTS (SELECT 1 FROM registrations WHERE event_id = events.id) \
     AND NOT EXISTS (SELECT 1 FROM bookings WHERE event_id = events.id)";

const MY_EVENTS: &str = "SELECT e.id AS event_id, r.status AS status FROM events e \
     LEFT JOIN registrations r ON r.event_id = e.id AND r.member_id = ?1 AND r.status <> 'cancelled' \
     WHERE e.start_utc > ?2 AND e.status = 'published' AND (r.id IS NOT NULL OR e.club_id IN (SELECT club_id FROM member_clubs WHERE member_id = ?1)) \
     ORDER BY e.start_utc LIMIT 30";

column!(fn kind: EventKind = "events.kind", EventKind::parse);
column!(fn audience: Audience = "events.audience", Audience::parse);
column!(fn local_time: NaiveDateTime = "events.start_local/end_local", parse_local);
column!(fn instant: DateTime<Utc> = "events.*_utc", parse_instant);
column!(fn capacity: number u32 = "events.capacity");
column!(fn seats_col: number u32 = "registrations.seats");
column!(fn status: RegistrationStatus = "registrations.status", RegistrationStatus::parse);
column!(fn reg_lang: Lang = "registrations.lang", Lang::parse);
column!(fn seats_for: SeatsFor = "events.seats_for", SeatsFor::parse);

pub(super) fn flag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    match i64::deserialize(d)? {
        0 => Ok(false),
        1 => Ok(true),
        n => Err(serde::de::Error::custom(super::unknown(
            "a 0/1 column",
            &n.to_string(),
        ))),
    }
}

/// A number that may be NULL (ages, attendance).
fn opt_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    match Option::<i64>::deserialize(d)? {
        None => Ok(None),
        Some(n) => u32::try_from(n)
            .map(Some)
            .map_err(|_| serde::de::Error::custom(super::unknown("a count", &n.to_string()))),
    }
}

#[derive(Deserialize, Clone)]
pub struct EventRow {
    pub id: i64,
    #[serde(deserialize_with = "kind")]
    pub kind: EventKind,
    #[serde(deserialize_with = "audience")]
    pub audience: Audience,
    pub title_fr: String,
    pub title_en: String,
    pub description_fr: String,
    pub description_en: String,
    pub bring_fr: String,
    pub bring_en: String,
    #[serde(deserialize_with = "local_time")]
    pub start_local: NaiveDateTime,
    #[serde(deserialize_with = "local_time")]
    pub end_local: NaiveDateTime,
    #[serde(deserialize_with = "instant")]
    pub start_utc: DateTime<Utc>,
    #[serde(deserialize_with = "instant")]
    pub end_utc: DateTime<Utc>,
    #[serde(deserialize_with = "flag")]
    pub in_room: bool,
    pub place: String,
    #[serde(deserialize_with = "capacity")]
    pub capacity: u32,
    #[serde(deserialize_with = "capacity")]
    pub max_per_signup: u32,
    #[serde(deserialize_with = "opt_number")]
    pub age_min: Option<u32>,
    #[serde(deserialize_with = "opt_number")]
    pub age_max: Option<u32>,
    pub partner: String,
    #[serde(deserialize_with = "instant")]
    pub signup_opens_utc: DateTime<Utc>,
    #[serde(deserialize_with = "instant")]
    pub signup_closes_utc: DateTime<Utc>,
    #[serde(deserialize_with = "flag")]
    pub asks_children: bool,
    #[serde(deserialize_with = "seats_for")]
    pub seats_for: SeatsFor,
    pub address: String,
    pub club: Option<String>,
    pub status: EventStatus,
    #[serde(deserialize_with = "capacity")]
    pub taken: u32,
    #[serde(deserialize_with = "capacity")]
    pub waiting: u32,
    pub version: i64,
}

super::stored_code! {
    /// Whether an event happens.
    pub enum EventStatus in "events.status" {
        Published = "published",
        Cancelled = "cancelled",
    }
}

#[derive(Deserialize, Clone)]
pub struct RegistrationRow {
    pub id: i64,
    pub event_id: i64,
    pub member_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub phone: String,
    #[serde(deserialize_with = "seats_col")]
    pub adults: u32,
    #[serde(deserialize_with = "seats_col")]
    pub children: u32,
    #[serde(deserialize_with = "seats_col")]
    pub seats_requested: u32,
    #[serde(deserialize_with = "seats_col")]
    pub seats: u32,
    #[serde(deserialize_with = "flag")]
    pub accept_fewer: bool,
    #[serde(deserialize_with = "status")]
    pub status: RegistrationStatus,
    #[serde(deserialize_with = "flag")]
    pub consent_photos: bool,
    pub consent_children_at: Option<String>,
    pub consent_version: Option<String>,
    pub children_erased_at: Option<String>,
    #[serde(deserialize_with = "reg_lang")]
    pub lang: Lang,
    #[serde(deserialize_with = "opt_number")]
    pub present: Option<u32>,
    pub created_at: String,
    /// Hashes of the client and mailbox it came from (none for sign-ups before migration 0010).
    pub client_hash: Option<String>,
    pub mailbox_hash: Option<String>,
}

#[derive(Deserialize)]
pub struct ChildRow {
    pub registration_id: i64,
    pub first_name: String,
    #[serde(deserialize_with = "seats_col")]
    pub age: u32,
}

impl ChildRow {
    pub fn child(&self) -> Child {
        Child {
            first_name: self.first_name.clone(),
            age: self.age,
        }
    }
}

#[derive(Deserialize)]
struct Id {
    id: i64,
}

/// Events starting from `from` to `to` (Paris days, inclusive).
pub async fn list(
    db: &D1Database,
    from: NaiveDate,
    to: NaiveDate,
    with_cancelled: bool,
    kind: &str,
    audience: &str,
) -> DbResult<Vec<EventRow>> {
    let end = to.succ_opt().unwrap_or(to);
    all(
        stmt(
            db,
            &list_sql(),
            &[
                day(from),
                day(end),
                int(i64::from(with_cancelled)),
                kind.into(),
                audience.into(),
            ],
        )?,
        "the events",
    )
    .await
}

pub async fn by_id(db: &D1Database, id: i64) -> DbResult<Option<EventRow>> {
    first(stmt(db, &by_id_sql(), &[int(id)])?, "the event").await
}

/// The event the batch holding `nonce` created.
pub async fn by_nonce(db: &D1Database, nonce: &str) -> DbResult<Option<EventRow>> {
    first(
        stmt(
            db,
            &format!("{EVENT_COLUMNS} WHERE e.op_nonce = ?1"),
            &[nonce.into()],
        )?,
        "the new event",
    )
    .await
}

/// Events by id, in start order.
pub async fn by_ids(db: &D1Database, ids: &[i64]) -> DbResult<Vec<EventRow>> {
    let list = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    all(
        stmt(
            db,
            &format!("{EVENT_COLUMNS} WHERE e.id IN (SELECT value FROM json_each(?1)) ORDER BY e.start_utc, e.id"),
            &[list.into()],
        )?,
        "the events",
    )
    .await
}

fn event_values(e: &ValidEvent) -> Vec<JsValue> {
    vec![
        e.kind.as_str().into(),
        e.audience.as_str().into(),
        e.title.fr.as_str().into(),
        e.title.en.as_str().into(),
        e.description.fr.as_str().into(),
        e.description.en.as_str().into(),
        e.bring.fr.as_str().into(),
        e.bring.en.as_str().into(),
        local(e.starts),
        local(e.ends),
        ts(e.starts_utc).into(),
        ts(e.ends_utc).into(),
        int(i64::from(e.in_room)),
        e.place.as_str().into(),
        num(e.capacity),
        num(e.max_per_signup),
        opt(e.ages.map(|a| a.0)),
        opt(e.ages.map(|a| a.1)),
        e.partner.as_str().into(),
        ts(e.signup_opens).into(),
        ts(e.signup_closes).into(),
        int(i64::from(e.asks_children)),
        e.club.as_str().into(),
    ]
}

/// The statements that publish an event (named by `nonce` until it has an id), hold the room when
/// it is in the room (or abort), and audit it: one batch.
pub fn create(
    db: &D1Database,
    e: &ValidEvent,
    actor: i64,
    nonce: &str,
    audit: AuditBy<'_>,
) -> DbResult<Vec<D1PreparedStatement>> {
    let mut v = event_values(e);
    v.push(int(actor));
    v.push(nonce.into());
    v.push(e.seats_for.as_str().into());
    v.push(e.address.as_str().into());
    Ok(vec![
        stmt(db, INSERT, &v)?,
        stmt(db, HOLD_ROOM, &[JsValue::NULL, int(actor), nonce.into()])?,
        super::versioned::held(db, e.in_room)?,
        stmt(
            db,
            AUDIT_CREATED,
            &[
                ts(audit.now).into(),
                audit.actor_id.map(int).unwrap_or(JsValue::NULL),
                audit.actor_label.into(),
                audit.details.into(),
                nonce.into(),
            ],
        )?,
    ])
}

/// Who writes an audit entry, when, with what details (JSON).
pub struct AuditBy<'a> {
    pub now: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub actor_label: &'a str,
    pub details: &'a str,
}

/// The whole event changed, the room freed and held again (or the batch aborts when the event needs
/// it and cannot have it).
pub fn update(
    db: &D1Database,
    id: i64,
    e: &ValidEvent,
    actor: i64,
    now: DateTime<Utc>,
) -> DbResult<Vec<D1PreparedStatement>> {
    let mut v = vec![int(id)];
    v.extend(event_values(e));
    v.push(int(i64::from(e.cancelled)));
    v.push(e.seats_for.as_str().into());
    v.push(e.address.as_str().into());
    let needs_room = e.in_room && !e.cancelled;
    Ok(vec![
        stmt(db, UPDATE, &v)?,
        stmt(db, FREE_ROOM, &[int(id), ts(now).into()])?,
        stmt(db, HOLD_ROOM, &[int(id), int(actor), JsValue::NULL])?,
        super::versioned::held(db, needs_room)?,
    ])
}

/// The event and all its sign-ups, read together (one round trip, one snapshot).
pub async fn load(db: &D1Database, id: i64) -> DbResult<Option<(EventRow, Vec<RegistrationRow>)>> {
    let results = super::batch(
        db,
        vec![
            stmt(db, &by_id_sql(), &[int(id)])?,
            stmt(
                db,
                &format!("{REG_COLUMNS} WHERE r.event_id = ?1 ORDER BY r.id"),
                &[int(id)],
            )?,
        ],
        "reading the event and its sign-ups",
    )
    .await?;
    let mut events: Vec<EventRow> = super::results_of(&results, 0, "the event")?;
    let regs: Vec<RegistrationRow> = super::results_of(&results, 1, "the event's sign-ups")?;
    Ok(events.pop().map(|e| (e, regs)))
}

/// A checked sign-up, as it is stored.
#[derive(Clone, Copy)]
pub struct NewRegistration<'a> {
    pub event_id: i64,
    pub token_hash: &'a str,
    pub member_id: Option<i64>,
    pub name: &'a str,
    pub email: &'a str,
    pub phone: &'a str,
    pub adults: u32,
    pub children: u32,
    /// The seats the group takes by the event's rule (`domain::events::seats_taken`).
    pub seats_requested: u32,
    pub accept_fewer: bool,
    pub consent_children_at: Option<DateTime<Utc>>,
    /// The consent's wording and the delay it named (`domain::events::children_consent_version`),
    /// with `consent_children_at`.
    pub consent_version: Option<&'a str>,
    pub consent_photos: bool,
    pub lang: Lang,
    pub nonce: &'a str,
    /// Hashes of the client it came from and of the mailbox it reaches (for the route's limits).
    pub client_hash: &'a str,
    pub mailbox_hash: &'a str,
}

/// The sign-up with the seats and status decided, its private link and its children's rows.
/// Its first statement is the insert, answering the new id ([`inserted_id`]).
pub fn sign_up(
    db: &D1Database,
    r: &NewRegistration<'_>,
    status: RegistrationStatus,
    seats: u32,
    named: &[Child],
) -> DbResult<Vec<D1PreparedStatement>> {
    let consent_at = r.consent_children_at.map(|t| JsValue::from_str(&ts(t)));
    let mut out = vec![
        stmt(
            db,
            SIGN_UP,
            &[
                int(r.event_id),
                r.member_id.map(int).unwrap_or(JsValue::NULL),
                r.name.into(),
                r.email.into(),
                r.phone.into(),
                num(r.adults),
                num(r.children),
                num(r.seats_requested),
                num(seats),
                int(i64::from(r.accept_fewer)),
                status.as_str().into(),
                consent_at.clone().unwrap_or(JsValue::NULL),
                consent_at
                    .and(r.consent_version)
                    .map(JsValue::from_str)
                    .unwrap_or(JsValue::NULL),
                int(i64::from(r.consent_photos)),
                r.lang.code().into(),
                r.nonce.into(),
                r.client_hash.into(),
                r.mailbox_hash.into(),
            ],
        )?,
        stmt(db, LINK_NEW, &[r.token_hash.into(), r.nonce.into()])?,
    ];
    out.extend(children(db, r.nonce, named)?);
    Ok(out)
}

impl NewRegistration<'_> {
    /// The row [`sign_up`] writes, as reading it back would give it (but for its id, which the
    /// insert answers: [`inserted_id`]), so that the event's writer can decide the next sign-up
    /// before this one is written.
    pub fn row(
        &self,
        status: RegistrationStatus,
        seats: u32,
        now: DateTime<Utc>,
    ) -> RegistrationRow {
        RegistrationRow {
            id: 0,
            event_id: self.event_id,
            member_id: self.member_id,
            name: self.name.to_string(),
            email: self.email.to_string(),
            phone: self.phone.to_string(),
            adults: self.adults,
            children: self.children,
            seats_requested: self.seats_requested,
            seats,
            accept_fewer: self.accept_fewer,
            status,
            consent_photos: self.consent_photos,
            consent_children_at: self.consent_children_at.map(ts),
            consent_version: self
                .consent_children_at
                .and(self.consent_version)
                .map(str::to_string),
            children_erased_at: None,
            lang: self.lang,
            present: None,
            // The column's default, to the second.
            created_at: now.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            client_hash: Some(self.client_hash.to_string()),
            mailbox_hash: Some(self.mailbox_hash.to_string()),
        }
    }
}

#[derive(Deserialize)]
struct IdRow {
    id: i64,
}

/// The id the database gave the sign-up whose insert is the `i`-th statement of a batch.
pub fn inserted_id(results: &[D1Result], i: usize) -> DbResult<i64> {
    super::results_of::<IdRow>(results, i, "a new sign-up's id")?
        .first()
        .map(|r| r.id)
        .ok_or_else(|| {
            ApiError::Internal(format!("statement {i} of the batch inserted no sign-up"))
        })
}

/// One more private link to sign-up `id`.
pub fn add_link(db: &D1Database, id: i64, token_hash: &str) -> DbResult<D1PreparedStatement> {
    stmt(db, LINK_MORE, &[token_hash.into(), int(id)])
}

/// The children's rows of the sign-up the request holding `nonce` wrote (nothing if it wrote none).
pub fn children(
    db: &D1Database,
    nonce: &str,
    named: &[Child],
) -> DbResult<Vec<D1PreparedStatement>> {
    let mut out = vec![stmt(db, CLEAR_CHILDREN, &[nonce.into()])?];
    for (n, c) in named.iter().enumerate() {
        out.push(stmt(
            db,
            CHILD,
            &[
                nonce.into(),
                int(n as i64),
                c.first_name.as_str().into(),
                num(c.age),
            ],
        )?);
    }
    Ok(out)
}

/// A group's new size with the seats decided; its children's rows replaced when `named` is given.
pub fn resize(
    db: &D1Database,
    id: i64,
    (adults, children, requested): (u32, u32, u32),
    seats: u32,
    named: Option<&[Child]>,
) -> DbResult<Vec<D1PreparedStatement>> {
    let nonce = crate::secrets::random_token();
    let mut out = vec![stmt(
        db,
        RESIZE,
        &[
            int(id),
            num(adults),
            num(children),
            num(requested),
            num(seats),
            nonce.as_str().into(),
        ],
    )?];
    if let Some(named) = named {
        out.extend(self::children(db, &nonce, named)?);
    }
    Ok(out)
}

pub fn cancel(db: &D1Database, id: i64, now: DateTime<Utc>) -> DbResult<Vec<D1PreparedStatement>> {
    Ok(vec![
        stmt(db, CANCEL, &[int(id), ts(now).into()])?,
        stmt(db, DELETE_CHILDREN, &[int(id)])?,
    ])
}

/// Confirm a waiting entry with fewer seats than it asked, as the `(adults, children)` they take.
pub fn promote_fewer(
    db: &D1Database,
    id: i64,
    seats: u32,
    (adults, children): (u32, u32),
    now: DateTime<Utc>,
) -> DbResult<Vec<D1PreparedStatement>> {
    Ok(vec![
        stmt(
            db,
            PROMOTE_FEWER,
            &[
                int(id),
                num(seats),
                ts(now).into(),
                num(adults),
                num(children),
            ],
        )?,
        stmt(db, DROP_CHILDREN_FROM, &[int(id), num(children)])?,
    ])
}

pub fn promote(
    db: &D1Database,
    id: i64,
    seats: u32,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(db, PROMOTE, &[int(id), num(seats), ts(now).into()])
}

pub async fn registration_by_token(
    db: &D1Database,
    hash: &str,
) -> DbResult<Option<RegistrationRow>> {
    first(
        stmt(
            db,
            &format!("{REG_COLUMNS} JOIN registration_links l ON l.registration_id = r.id WHERE l.token_hash = ?1"),
            &[hash.into()],
        )?,
        "the sign-up by its link",
    )
    .await
}

pub async fn registration_by_id(db: &D1Database, id: i64) -> DbResult<Option<RegistrationRow>> {
    first(
        stmt(db, &format!("{REG_COLUMNS} WHERE r.id = ?1"), &[int(id)])?,
        "the sign-up",
    )
    .await
}

/// The sign-ups a member made from their area, newest event first (their export).
const OF_MEMBER: &str = "SELECT r.event_id, e.title_fr, e.title_en, e.start_local, r.status, r.seats, r.created_at \
     FROM registrations r JOIN events e ON e.id = r.event_id WHERE r.member_id = ?1 ORDER BY e.start_utc DESC, r.id";

#[derive(Deserialize)]
pub struct MemberSignupRow {
    pub event_id: i64,
    pub title_fr: String,
    pub title_en: String,
    #[serde(deserialize_with = "local_time")]
    pub start_local: NaiveDateTime,
    #[serde(deserialize_with = "status")]
    pub status: RegistrationStatus,
    #[serde(deserialize_with = "seats_col")]
    pub seats: u32,
    pub created_at: String,
}

pub async fn of_member(db: &D1Database, member_id: i64) -> DbResult<Vec<MemberSignupRow>> {
    all(
        stmt(db, OF_MEMBER, &[int(member_id)])?,
        "the member's sign-ups",
    )
    .await
}

pub async fn children_of_event(db: &D1Database, event_id: i64) -> DbResult<Vec<ChildRow>> {
    all(stmt(db, CHILDREN_OF, &[int(event_id)])?, "the children").await
}

pub async fn children_of(db: &D1Database, id: i64) -> DbResult<Vec<ChildRow>> {
    all(stmt(db, CHILDREN_OF_ONE, &[int(id)])?, "the children").await
}

pub fn check_in(
    db: &D1Database,
    id: i64,
    present: u32,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(db, CHECK_IN, &[int(id), num(present), ts(now).into()])
}

pub fn undo_check_in(db: &D1Database, id: i64) -> DbResult<D1PreparedStatement> {
    stmt(db, UNDO_CHECK_IN, &[int(id)])
}

#[derive(Deserialize)]
pub struct DueReminder {
    pub id: i64,
    pub event_id: i64,
}

pub async fn due_reminders(
    db: &D1Database,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> DbResult<Vec<DueReminder>> {
    all(
        stmt(db, DUE_REMINDERS, &[ts(now).into(), ts(until).into()])?,
        "the reminders due",
    )
    .await
}

pub fn mark_reminded(
    db: &D1Database,
    id: i64,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(db, MARK_REMINDED, &[int(id), ts(now).into()])
}

/// Erase the children's data of events that ended on or before `last_day`.
pub fn erase_children(
    db: &D1Database,
    last_day: NaiveDate,
    now: DateTime<Utc>,
) -> DbResult<Vec<D1PreparedStatement>> {
    Ok(vec![
        stmt(db, ERASE_CHILDREN, &[day(last_day)])?,
        stmt(db, MARK_ERASED, &[day(last_day), ts(now).into()])?,
    ])
}

/// One meeting of a club, made from its rule (nothing if the rule already made it).
pub struct Meeting<'a> {
    pub club: &'a super::site::ClubRow,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub start_utc: DateTime<Utc>,
    pub end_utc: DateTime<Utc>,
    pub capacity: u32,
    pub opens: DateTime<Utc>,
}

pub fn meeting(db: &D1Database, m: &Meeting<'_>) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        MEETING,
        &[
            m.club.name_fr.as_str().into(),
            m.club.name_en.as_str().into(),
            m.club.description_fr.as_str().into(),
            m.club.description_en.as_str().into(),
            local(m.start),
            local(m.end),
            ts(m.start_utc).into(),
            ts(m.end_utc).into(),
            num(m.capacity),
            ts(m.opens).into(),
            int(m.club.id),
            day(m.start.date()),
        ],
    )
}

pub fn set_rule(
    db: &D1Database,
    slug: &str,
    rule: &domain::recurrence::MonthlyRule,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        SET_RULE,
        &[
            slug.into(),
            int(i64::from(rule.ordinal)),
            int(i64::from(rule.weekday)),
            rule.time.to_string().into(),
            num(rule.duration_minutes),
        ],
    )
}

pub fn drop_untouched_meetings(
    db: &D1Database,
    slug: &str,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(db, DROP_UNTOUCHED_MEETINGS, &[slug.into(), ts(now).into()])
}

#[derive(Deserialize)]
pub struct MyEventRow {
    pub event_id: i64,
    /// The member's sign-up, if any (never a cancelled one).
    #[serde(deserialize_with = "maybe_status")]
    pub status: Option<RegistrationStatus>,
}

fn maybe_status<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<RegistrationStatus>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => RegistrationStatus::parse(&s)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(super::unknown("registrations.status", &s))),
    }
}

/// Events whose waiting list may be owed seats: those whose freed seats are still given out
/// (`domain::seat_book::serves_freed_seats`, here in SQL: published, sign-ups open), with someone
/// waiting and seats free. A filter only: the seat book decides who, if anyone, fits.
const UNSETTLED: &str = "SELECT e.id FROM events e WHERE e.status = 'published' AND e.signup_closes_utc > ?1 \
     AND EXISTS (SELECT 1 FROM registrations w WHERE w.event_id = e.id AND w.status = 'waiting') \
     AND e.capacity > COALESCE((SELECT SUM(r.seats) FROM registrations r WHERE r.event_id = e.id AND r.status = 'confirmed'), 0) \
     LIMIT 100";

pub async fn unsettled(db: &D1Database, now: DateTime<Utc>) -> DbResult<Vec<i64>> {
    Ok(all::<Id>(
        stmt(db, UNSETTLED, &[ts(now).into()])?,
        "the unsettled events",
    )
    .await?
    .into_iter()
    .map(|r| r.id)
    .collect())
}

pub async fn my_events(
    db: &D1Database,
    member_id: i64,
    now: DateTime<Utc>,
) -> DbResult<Vec<MyEventRow>> {
    all(
        stmt(db, MY_EVENTS, &[int(member_id), ts(now).into()])?,
        "the member's events",
    )
    .await
}

const EVENT_SETTINGS: &str =
    "SELECT key, value FROM settings WHERE key IN ('event_reminder_hours', 'children_retention_days')";

#[derive(Deserialize)]
pub struct SettingRow {
    pub key: String,
    pub value: String,
}

/// The reminder delay (hours) and the children's data retention (days).
pub async fn settings(db: &D1Database) -> DbResult<Vec<SettingRow>> {
    all(db.prepare(EVENT_SETTINGS), "the events' settings").await
}
