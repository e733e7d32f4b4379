//! Consultations, their topics, the volunteers and the library. A request's change is decided by
//! the aggregate (`domain::consultation`) and written here as decided values ([`write`] and the
//! offer and place statements), in one batch under the request's version
//! (`repo::versioned::bump`).

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use domain::consultation::{Case, Slot};
use domain::consultations::{
    Availability, BusinessSize, ConsultationStatus, LibraryKind, OfferAnswer, Place, Returned,
    Trade,
};
use domain::Lang;
use serde::Deserialize;
use worker::wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use crate::error::ApiError;

use super::{all, column, first, parse_instant, parse_list, parse_local, stmt, ts, DbResult};

fn int(v: i64) -> JsValue {
    JsValue::from_f64(v as f64)
}

fn opt_int(v: Option<i64>) -> JsValue {
    v.map(int).unwrap_or(JsValue::NULL)
}

/// A list bound as one JSON text, read in SQL with `json_each`.
fn json_list(values: &[String]) -> JsValue {
    serde_json::to_string(values).unwrap_or_default().into()
}

// ------------------------------------------------------------------ topics

const TOPICS: &str =
    "SELECT slug, label_fr, label_en, active FROM consultation_topics ORDER BY position, id";
const TOPIC_INSERT: &str =
    "INSERT INTO consultation_topics (slug, label_fr, label_en, active, position) \
     VALUES (?1, ?2, ?3, ?4, (SELECT COALESCE(MAX(position), 0) + 1 FROM consultation_topics))";
const TOPIC_UPDATE: &str =
    "UPDATE consultation_topics SET label_fr = ?2, label_en = ?3, active = ?4 WHERE slug = ?1";

#[derive(Deserialize, Clone)]
pub struct TopicRow {
    pub slug: String,
    pub label_fr: String,
    pub label_en: String,
    pub active: i64,
}

pub async fn topics(db: &D1Database) -> DbResult<Vec<TopicRow>> {
    all(stmt(db, TOPICS, &[])?, "the consultation topics").await
}

pub fn insert_topic(db: &D1Database, t: &TopicRow) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        TOPIC_INSERT,
        &[
            t.slug.as_str().into(),
            t.label_fr.as_str().into(),
            t.label_en.as_str().into(),
            int(t.active),
        ],
    )
}

pub fn update_topic(db: &D1Database, t: &TopicRow) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        TOPIC_UPDATE,
        &[
            t.slug.as_str().into(),
            t.label_fr.as_str().into(),
            t.label_en.as_str().into(),
            int(t.active),
        ],
    )
}

// ------------------------------------------------------------------ library

const ITEM_COLUMNS: &str = "i.id, i.slug, i.kind, i.audience, i.title, i.summary, i.body, i.title_en, i.summary_en, i.body_en, \
     i.url, i.published, i.updated_at, \
     (SELECT json_group_array(t.slug) FROM library_item_topics it JOIN consultation_topics t ON t.id = it.topic_id \
      WHERE it.item_id = i.id) AS topics";
const ITEM_INSERT: &str = "INSERT INTO library_items (slug, kind, audience, title, summary, body, url, published, updated_by, updated_at, \
     title_en, summary_en, body_en) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
const ITEM_UPDATE: &str = "UPDATE library_items SET kind = ?2, audience = ?3, title = ?4, summary = ?5, body = ?6, url = ?7, \
     published = ?8, updated_by = ?9, updated_at = ?10, title_en = ?11, summary_en = ?12, body_en = ?13 WHERE slug = ?1";
const ITEM_TOPICS_CLEAR: &str =
    "DELETE FROM library_item_topics WHERE item_id = (SELECT id FROM library_items WHERE slug = ?1)";
const ITEM_TOPICS_SET: &str = "INSERT INTO library_item_topics (item_id, topic_id) \
     SELECT i.id, t.id FROM library_items i JOIN consultation_topics t ON t.slug IN (SELECT value FROM json_each(?2)) \
     WHERE i.slug = ?1";

column!(fn item_kind: LibraryKind = "library_items.kind", LibraryKind::parse);
column!(fn item_audience: Option<Trade> = "library_items.audience", Trade::parse);
column!(fn slug_list: Vec<String> = "library_item_topics", parse_list);

#[derive(Deserialize, Clone)]
pub struct ItemRow {
    pub slug: String,
    #[serde(deserialize_with = "item_kind")]
    pub kind: LibraryKind,
    #[serde(deserialize_with = "item_audience")]
    pub audience: Option<Trade>,
    pub title: String,
    pub summary: String,
    pub body: String,
    /// Empty: written in French only.
    pub title_en: String,
    pub summary_en: String,
    pub body_en: String,
    pub url: String,
    pub published: i64,
    #[serde(deserialize_with = "updated")]
    pub updated_at: DateTime<Utc>,
    #[serde(deserialize_with = "slug_list")]
    pub topics: Vec<String>,
}

impl ItemRow {
    /// Is there an English version? (Written whole or not at all: its title says.)
    pub fn in_english(&self) -> bool {
        !self.title_en.is_empty()
    }
}

/// Every resource by title; unpublished ones only for staff.
pub async fn items(db: &D1Database, with_unpublished: bool) -> DbResult<Vec<ItemRow>> {
    all(
        stmt(
            db,
            &format!("SELECT {ITEM_COLUMNS} FROM library_items i WHERE (?1 = 1 OR i.published = 1) ORDER BY i.title COLLATE NOCASE, i.id"),
            &[int(i64::from(with_unpublished))],
        )?,
        "the library",
    )
    .await
}

pub async fn item(db: &D1Database, slug: &str) -> DbResult<Option<ItemRow>> {
    first(
        stmt(
            db,
            &format!("SELECT {ITEM_COLUMNS} FROM library_items i WHERE i.slug = ?1"),
            &[slug.into()],
        )?,
        "the library resource",
    )
    .await
}

/// A resource as it is written.
pub struct NewItem<'a> {
    pub slug: &'a str,
    pub kind: LibraryKind,
    pub audience: Option<Trade>,
    pub title: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
    pub title_en: &'a str,
    pub summary_en: &'a str,
    pub body_en: &'a str,
    pub url: &'a str,
    pub published: bool,
    pub topics: &'a [String],
}

fn item_values(i: &NewItem<'_>, actor: i64, now: DateTime<Utc>) -> Vec<JsValue> {
    vec![
        i.slug.into(),
        i.kind.as_str().into(),
        i.audience
            .map(|a| a.as_str().into())
            .unwrap_or(JsValue::NULL),
        i.title.into(),
        i.summary.into(),
        i.body.into(),
        i.url.into(),
        int(i64::from(i.published)),
        int(actor),
        now.format("%Y-%m-%dT%H:%M:%SZ").to_string().into(),
        i.title_en.into(),
        i.summary_en.into(),
        i.body_en.into(),
    ]
}

/// The statements that store a resource (new or changed) with its topics, for one batch.
pub fn save_item(
    db: &D1Database,
    i: &NewItem<'_>,
    is_new: bool,
    actor: i64,
    now: DateTime<Utc>,
) -> DbResult<Vec<D1PreparedStatement>> {
    let values = item_values(i, actor, now);
    Ok(vec![
        stmt(db, if is_new { ITEM_INSERT } else { ITEM_UPDATE }, &values)?,
        stmt(db, ITEM_TOPICS_CLEAR, &[i.slug.into()])?,
        stmt(db, ITEM_TOPICS_SET, &[i.slug.into(), json_list(i.topics)])?,
    ])
}

// ------------------------------------------------------------------ consultations

const COLUMNS: &str = "c.id, c.status, c.business, c.trade, c.size, c.town, c.name, c.email, c.phone, c.goal, \
     c.mornings, c.afternoons, c.evenings, c.lang, c.consent_at, c.consent_version, c.volunteer_id, \
     m.name AS volunteer_name, c.assigned_at, c.accepted_at, c.returned, c.start_local, c.end_local, c.place, \
     c.scheduled_at, c.unsuitable, c.closed_at, c.close_note, c.decline_reason, c.feedback_useful, c.feedback_note, \
     c.erased_at, c.created_at, c.reminded_at, c.version, c.ics_sequence, r.slug AS resource, \
     (SELECT json_group_array(o.member_id) FROM consultation_offers o WHERE o.consultation_id = c.id) AS offered, \
     (SELECT json_group_array(t.slug) FROM consultation_topics_asked a JOIN consultation_topics t ON t.id = a.topic_id \
      WHERE a.consultation_id = c.id) AS topics, \
     (SELECT json_group_array(li.slug) FROM consultation_resources cr JOIN library_items li ON li.id = cr.item_id \
      WHERE cr.consultation_id = c.id) AS recommended, \
     r.name_fr AS resource_fr, r.name_en AS resource_en";
const FROM: &str = "FROM consultations c LEFT JOIN members m ON m.id = c.volunteer_id \
     LEFT JOIN bookings b ON b.consultation_id = c.id AND b.status = 'confirmed' LEFT JOIN resources r ON r.id = b.resource_id";

column!(fn status: ConsultationStatus = "consultations.status", ConsultationStatus::parse);
column!(fn trade: Trade = "consultations.trade", Trade::parse);
column!(fn size: Option<BusinessSize> = "consultations.size", BusinessSize::parse);
column!(fn lang: Lang = "consultations.lang", Lang::parse);
column!(fn returned: Option<Returned> = "consultations.returned", Returned::parse);
column!(fn place: Option<Place> = "consultations.place", Place::parse);
column!(fn local: Option<NaiveDateTime> = "consultations.start_local/end_local", parse_local);
column!(fn instant: DateTime<Utc> = "consultations.created_at/consent_at", parse_instant);
column!(fn maybe_instant: Option<DateTime<Utc>> = "consultations.assigned_at/accepted_at/scheduled_at/closed_at", parse_instant);
column!(fn offered: DateTime<Utc> = "consultation_offers.offered_at", parse_instant);
column!(fn updated: DateTime<Utc> = "library_items.updated_at", parse_instant);
column!(fn asked: Vec<String> = "consultation_topics_asked", parse_list);
column!(fn recommended: Vec<String> = "consultation_resources", parse_list);
column!(fn offered_to: Vec<i64> = "consultation_offers.member_id", |s: &str| serde_json::from_str(s).ok());

#[derive(Deserialize, Clone)]
pub struct ConsultationRow {
    pub id: i64,
    #[serde(deserialize_with = "status")]
    pub status: ConsultationStatus,
    pub business: String,
    #[serde(deserialize_with = "trade")]
    pub trade: Trade,
    #[serde(deserialize_with = "size")]
    pub size: Option<BusinessSize>,
    pub town: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub goal: String,
    pub mornings: i64,
    pub afternoons: i64,
    pub evenings: i64,
    #[serde(deserialize_with = "lang")]
    pub lang: Lang,
    #[serde(deserialize_with = "instant")]
    pub consent_at: DateTime<Utc>,
    pub consent_version: String,
    pub volunteer_id: Option<i64>,
    pub volunteer_name: Option<String>,
    #[serde(deserialize_with = "maybe_instant")]
    pub assigned_at: Option<DateTime<Utc>>,
    #[serde(deserialize_with = "maybe_instant")]
    pub accepted_at: Option<DateTime<Utc>>,
    #[serde(deserialize_with = "returned")]
    pub returned: Option<Returned>,
    #[serde(deserialize_with = "local")]
    pub start_local: Option<NaiveDateTime>,
    #[serde(deserialize_with = "local")]
    pub end_local: Option<NaiveDateTime>,
    #[serde(deserialize_with = "place")]
    pub place: Option<Place>,
    #[serde(deserialize_with = "maybe_instant")]
    pub scheduled_at: Option<DateTime<Utc>>,
    pub unsuitable: Option<String>,
    #[serde(deserialize_with = "maybe_instant")]
    pub closed_at: Option<DateTime<Utc>>,
    pub close_note: String,
    pub decline_reason: String,
    pub feedback_useful: Option<i64>,
    pub feedback_note: String,
    pub erased_at: Option<String>,
    #[serde(deserialize_with = "instant")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "asked")]
    pub topics: Vec<String>,
    #[serde(deserialize_with = "recommended")]
    pub recommended: Vec<String>,
    pub resource_fr: Option<String>,
    pub resource_en: Option<String>,
    #[serde(deserialize_with = "maybe_instant")]
    pub reminded_at: Option<DateTime<Utc>>,
    pub version: i64,
    pub ics_sequence: i64,
    /// The room or desk the appointment holds (its slug).
    pub resource: Option<String>,
    #[serde(deserialize_with = "offered_to")]
    pub offered: Vec<i64>,
}

impl ConsultationRow {
    pub fn availability(&self) -> Vec<Availability> {
        [
            (self.mornings, Availability::Mornings),
            (self.afternoons, Availability::Afternoons),
            (self.evenings, Availability::Evenings),
        ]
        .into_iter()
        .filter(|(on, _)| *on == 1)
        .map(|(_, a)| a)
        .collect()
    }

    /// The request as its moves see it.
    pub fn case(&self) -> DbResult<Case> {
        let slot = match (self.start_local, self.end_local, self.place) {
            (Some(start), Some(end), Some(place)) => Some(Slot {
                start,
                end,
                place,
                resource: self.resource.clone(),
            }),
            (None, None, None) => None,
            _ => {
                return Err(ApiError::Internal(format!(
                    "consultation {}: an appointment without its start, end or place",
                    self.id
                )))
            }
        };
        Ok(Case {
            status: self.status,
            volunteer: self.volunteer_id,
            assigned_at: self.assigned_at,
            accepted_at: self.accepted_at,
            returned: self.returned,
            slot,
            scheduled_at: self.scheduled_at,
            unsuitable: self.unsuitable.clone(),
            closed_at: self.closed_at,
            close_note: self.close_note.clone(),
            decline_reason: self.decline_reason.clone(),
            reminded_at: self.reminded_at,
            sequence: u32::try_from(self.ics_sequence).map_err(|_| {
                ApiError::Internal(format!("consultation {}: a negative ics_sequence", self.id))
            })?,
            erased: self.erased_at.is_some(),
            offered: self.offered.clone(),
        })
    }
}

pub async fn by_token(db: &D1Database, hash: &str) -> DbResult<Option<ConsultationRow>> {
    first(
        stmt(
            db,
            &format!("SELECT {COLUMNS} {FROM} WHERE c.token_hash = ?1"),
            &[hash.into()],
        )?,
        "the consultation by its link",
    )
    .await
}

pub async fn by_id(db: &D1Database, id: i64) -> DbResult<Option<ConsultationRow>> {
    first(
        stmt(
            db,
            &format!("SELECT {COLUMNS} {FROM} WHERE c.id = ?1"),
            &[int(id)],
        )?,
        "the consultation",
    )
    .await
}

/// The staff's board: open requests first (oldest first), then the closed ones of the last
/// `closed_days` days; an empty status lists every state.
pub async fn board(
    db: &D1Database,
    status: Option<ConsultationStatus>,
    closed_since: DateTime<Utc>,
) -> DbResult<Vec<ConsultationRow>> {
    all(
        stmt(
            db,
            &format!(
                "SELECT {COLUMNS} {FROM} WHERE (?1 IS NULL OR c.status = ?1) \
                 AND (c.status IN ('new', 'assigned', 'scheduled') OR c.closed_at >= ?2) \
                 ORDER BY CASE c.status WHEN 'new' THEN 0 WHEN 'assigned' THEN 1 WHEN 'scheduled' THEN 2 ELSE 3 END, \
                 COALESCE(c.start_utc, c.created_at), c.id LIMIT 500"
            ),
            &[
                status.map(|s| s.as_str().into()).unwrap_or(JsValue::NULL),
                ts(closed_since).into(),
            ],
        )?,
        "the consultations",
    )
    .await
}

/// A volunteer's: those offered to them or that they have, open or closed in the last 90 days.
pub async fn of_volunteer(
    db: &D1Database,
    member_id: i64,
    closed_since: DateTime<Utc>,
) -> DbResult<Vec<ConsultationRow>> {
    all(
        stmt(
            db,
            &format!(
                "SELECT {COLUMNS} {FROM} WHERE c.volunteer_id = ?1 \
                 AND (c.status IN ('assigned', 'scheduled') OR (c.status = 'done' AND c.closed_at >= ?2)) \
                 ORDER BY CASE c.status WHEN 'assigned' THEN 0 WHEN 'scheduled' THEN 1 ELSE 2 END, \
                 COALESCE(c.start_utc, c.created_at), c.id"
            ),
            &[int(member_id), ts(closed_since).into()],
        )?,
        "the volunteer's consultations",
    )
    .await
}

const INSERT: &str = "INSERT INTO consultations (token_hash, business, trade, size, town, name, email, phone, goal, \
     mornings, afternoons, evenings, lang, consent_at, consent_version) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
const INSERT_TOPICS: &str = "INSERT INTO consultation_topics_asked (consultation_id, topic_id) \
     SELECT c.id, t.id FROM consultations c JOIN consultation_topics t ON t.slug IN (SELECT value FROM json_each(?2)) \
     WHERE c.token_hash = ?1";

/// A request as it is stored.
pub struct NewConsultation<'a> {
    pub token_hash: &'a str,
    pub business: &'a str,
    pub trade: Trade,
    pub size: Option<BusinessSize>,
    pub town: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub phone: &'a str,
    pub goal: &'a str,
    pub availability: &'a [Availability],
    pub lang: Lang,
    pub consent_version: &'a str,
    pub topics: &'a [String],
}

/// The statements storing a request and its topics.
pub fn insert(
    db: &D1Database,
    c: &NewConsultation<'_>,
    now: DateTime<Utc>,
) -> DbResult<Vec<D1PreparedStatement>> {
    let has = |a| int(i64::from(c.availability.contains(&a)));
    Ok(vec![
        stmt(
            db,
            INSERT,
            &[
                c.token_hash.into(),
                c.business.into(),
                c.trade.as_str().into(),
                c.size.map(|s| s.as_str().into()).unwrap_or(JsValue::NULL),
                c.town.into(),
                c.name.into(),
                c.email.into(),
                c.phone.into(),
                c.goal.into(),
                has(Availability::Mornings),
                has(Availability::Afternoons),
                has(Availability::Evenings),
                c.lang.code().into(),
                ts(now).into(),
                c.consent_version.into(),
            ],
        )?,
        stmt(
            db,
            INSERT_TOPICS,
            &[c.token_hash.into(), json_list(c.topics)],
        )?,
    ])
}

/// Writes the request as the aggregate decided it (`domain::consultation::Case`): every column a
/// move changes, set to the decided value — no state, person or step is chosen here. `erase`
/// blanks the personal fields in the same write. Runs after the version guard, in its batch.
pub fn write(
    db: &D1Database,
    id: i64,
    c: &Case,
    erase_now: bool,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    let local = |t: NaiveDateTime| JsValue::from(t.format("%Y-%m-%dT%H:%M").to_string());
    let at = |t: Option<DateTime<Utc>>| t.map(|t| JsValue::from(ts(t))).unwrap_or(JsValue::NULL);
    let slot = c.slot.as_ref();
    let instants = match slot {
        Some(s) => Some(s.instants().ok_or_else(|| {
            ApiError::Internal(format!(
                "writing consultation {id}: a local time that does not exist"
            ))
        })?),
        None => None,
    };
    let mut values = vec![
        int(id),
        c.status.as_str().into(),
        opt_int(c.volunteer),
        at(c.assigned_at),
        at(c.accepted_at),
        c.returned
            .map(|r| r.as_str().into())
            .unwrap_or(JsValue::NULL),
        slot.map(|s| local(s.start)).unwrap_or(JsValue::NULL),
        slot.map(|s| local(s.end)).unwrap_or(JsValue::NULL),
        at(instants.map(|i| i.0)),
        at(instants.map(|i| i.1)),
        slot.map(|s| s.place.as_str().into())
            .unwrap_or(JsValue::NULL),
        at(c.scheduled_at),
        c.unsuitable
            .as_deref()
            .map(JsValue::from)
            .unwrap_or(JsValue::NULL),
        at(c.closed_at),
        c.close_note.as_str().into(),
        c.decline_reason.as_str().into(),
        at(c.reminded_at),
        int(i64::from(c.sequence)),
    ];
    // `?19`, the erasure's instant, only when the statement names it.
    let erasing = if erase_now {
        values.push(ts(now).into());
        format!(", {}", erase("?19"))
    } else {
        String::new()
    };
    stmt(
        db,
        &format!(
            "UPDATE consultations SET status = ?2, volunteer_id = ?3, assigned_at = ?4, accepted_at = ?5, returned = ?6, \
             start_local = ?7, end_local = ?8, start_utc = ?9, end_utc = ?10, place = ?11, scheduled_at = ?12, \
             unsuitable = ?13, closed_at = ?14, close_note = ?15, decline_reason = ?16, reminded_at = ?17, \
             ics_sequence = ?18{erasing} WHERE id = ?1"
        ),
        &values,
    )
}

/// What the requester said (the appointment did not suit), kept beside the request.
pub fn said(
    db: &D1Database,
    id: i64,
    message: &str,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO consultation_messages (consultation_id, said_at, message) VALUES (?1, ?2, ?3)",
        &[int(id), ts(now).into(), message.into()],
    )
}

/// What the requester said goes with the personal fields: of this request, or (`None`) of every
/// request erased.
pub fn forget_said(db: &D1Database, id: Option<i64>) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "DELETE FROM consultation_messages WHERE consultation_id IN \
         (SELECT id FROM consultations WHERE erased_at IS NOT NULL AND (?1 IS NULL OR id = ?1))",
        &[opt_int(id)],
    )
}

#[derive(Deserialize)]
pub struct SaidRow {
    #[serde(deserialize_with = "said_at")]
    pub said_at: DateTime<Utc>,
    pub message: String,
}

column!(fn said_at: DateTime<Utc> = "consultation_messages.said_at", parse_instant);

/// What the requester said about request `id`, oldest first.
pub async fn said_of(db: &D1Database, id: i64) -> DbResult<Vec<SaidRow>> {
    all(
        stmt(
            db,
            "SELECT said_at, message FROM consultation_messages WHERE consultation_id = ?1 ORDER BY id",
            &[int(id)],
        )?,
        "what the requester said",
    )
    .await
}

/// The open offer ends (withdrawn, declined, unanswered, accepted), if there is one.
pub fn answer_offer(
    db: &D1Database,
    id: i64,
    answer: OfferAnswer,
    reason: &str,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE consultation_offers SET answer = ?2, reason = ?3, answered_at = ?4 \
         WHERE consultation_id = ?1 AND answer IS NULL",
        &[
            int(id),
            answer.as_str().into(),
            reason.into(),
            ts(now).into(),
        ],
    )
}

/// A new offer to `member_id`, made by `by`.
pub fn open_offer(
    db: &D1Database,
    id: i64,
    member_id: i64,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO consultation_offers (consultation_id, member_id, offered_by, offered_at) VALUES (?1, ?2, ?3, ?4)",
        &[int(id), int(member_id), opt_int(by), ts(now).into()],
    )
}

/// The room or desk an appointment held is freed.
pub fn free_place(db: &D1Database, id: i64, now: DateTime<Utc>) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE bookings SET status = 'cancelled', cancelled_at = ?2 WHERE consultation_id = ?1 AND status = 'confirmed'",
        &[int(id), ts(now).into()],
    )
}

/// Holds the room (a block, as events do) or a desk (a booking in the volunteer's name, within the
/// space's capacity) for the appointment the batch just wrote; nothing if it is taken or closed
/// then — the batch's `repo::versioned::held` check that follows then aborts it.
pub fn hold_place(
    db: &D1Database,
    id: i64,
    resource: &str,
    actor: Option<i64>,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO bookings (resource_id, kind, member_id, consultation_id, day, start_local, end_local, start_utc, end_utc, \
         minutes, week, reason, booked_by) \
         SELECT r.id, CASE r.kind WHEN 'room' THEN 'block' ELSE 'member' END, \
                CASE r.kind WHEN 'room' THEN NULL ELSE c.volunteer_id END, c.id, substr(c.start_local, 1, 10), \
                c.start_local, c.end_local, c.start_utc, c.end_utc, \
                CAST((julianday(c.end_utc) - julianday(c.start_utc)) * 1440 AS INTEGER), '', \
                CASE r.kind WHEN 'room' THEN 'Consultation' ELSE '' END, ?3 \
         FROM consultations c JOIN resources r ON r.slug = ?2 AND r.active = 1 \
         WHERE c.id = ?1 \
         AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.resource_id = r.id AND b.status = 'confirmed' \
                         AND (r.kind = 'room' OR b.kind = 'block') AND b.start_utc < c.end_utc AND b.end_utc > c.start_utc) \
         AND (SELECT COUNT(*) FROM bookings b WHERE b.resource_id = r.id AND b.status = 'confirmed' \
              AND b.start_utc < c.end_utc AND b.end_utc > c.start_utc) < r.capacity",
        &[int(id), resource.into(), opt_int(actor)],
    )
}

pub fn recommend(db: &D1Database, id: i64, slugs: &[String]) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT OR IGNORE INTO consultation_resources (consultation_id, item_id) \
         SELECT ?1, li.id FROM library_items li WHERE li.slug IN (SELECT value FROM json_each(?2))",
        &[int(id), json_list(slugs)],
    )
}

/// The requester's feedback, once, when done.
pub fn feedback(
    db: &D1Database,
    id: i64,
    useful: bool,
    comment: &str,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE consultations SET feedback_useful = ?2, feedback_note = ?3, feedback_at = ?4, version = version + 1 \
         WHERE id = ?1 AND status = 'done' AND feedback_at IS NULL AND erased_at IS NULL",
        &[int(id), int(i64::from(useful)), comment.into(), ts(now).into()],
    )
}

/// What erasing blanks; `now` is the parameter holding the instant.
fn erase(now: &str) -> String {
    format!(
        "token_hash = NULL, business = '', name = '', email = '', phone = '', goal = '', unsuitable = NULL, \
         close_note = '', decline_reason = '', feedback_note = '', erased_at = {now}"
    )
}

/// Closed requests whose retention ended on or before `closed_before`: erased.
pub fn erase_closed_before(
    db: &D1Database,
    closed_before: DateTime<Utc>,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        &format!(
            "UPDATE consultations SET {}, version = version + 1 \
             WHERE erased_at IS NULL AND status IN ('done', 'declined', 'cancelled') AND closed_at < ?1",
            erase("?2")
        ),
        &[ts(closed_before).into(), ts(now).into()],
    )
}

column!(fn answer: Option<OfferAnswer> = "consultation_offers.answer", OfferAnswer::parse);

#[derive(Deserialize)]
pub struct OfferRow {
    pub consultation_id: i64,
    pub member_id: i64,
    pub name: String,
    #[serde(deserialize_with = "offered")]
    pub offered_at: DateTime<Utc>,
    #[serde(deserialize_with = "answer")]
    pub answer: Option<OfferAnswer>,
    pub reason: String,
}

/// The offers of the requests `ids`, oldest first.
pub async fn offers(db: &D1Database, ids: &[i64]) -> DbResult<Vec<OfferRow>> {
    all(
        stmt(
            db,
            "SELECT o.consultation_id, o.member_id, m.name, o.offered_at, o.answer, o.reason \
             FROM consultation_offers o JOIN members m ON m.id = o.member_id \
             WHERE o.consultation_id IN (SELECT value FROM json_each(?1)) ORDER BY o.id",
            &[serde_json::to_string(ids).unwrap_or_default().into()],
        )?,
        "the offers",
    )
    .await
}

/// Requests offered and not answered yet, for the rule that sends them back to the board.
pub async fn unanswered(db: &D1Database) -> DbResult<Vec<i64>> {
    ids(
        stmt(
            db,
            "SELECT id FROM consultations WHERE status = 'assigned' AND accepted_at IS NULL",
            &[],
        )?,
        "the unanswered offers",
    )
    .await
}

/// Appointments starting in (`after`, `until`] whose reminder has not gone.
pub async fn to_remind(
    db: &D1Database,
    after: DateTime<Utc>,
    until: DateTime<Utc>,
) -> DbResult<Vec<i64>> {
    ids(
        stmt(
            db,
            "SELECT id FROM consultations WHERE status = 'scheduled' AND reminded_at IS NULL \
             AND start_utc > ?1 AND start_utc <= ?2 ORDER BY start_utc",
            &[ts(after).into(), ts(until).into()],
        )?,
        "the appointments to remind",
    )
    .await
}

async fn ids(statement: D1PreparedStatement, what: &str) -> DbResult<Vec<i64>> {
    #[derive(Deserialize)]
    struct Id {
        id: i64,
    }
    Ok(all::<Id>(statement, what)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect())
}

/// A request as the figures read it: no person in it.
#[derive(Deserialize)]
pub struct FactRow {
    #[serde(deserialize_with = "instant")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "status")]
    pub status: ConsultationStatus,
    #[serde(deserialize_with = "trade")]
    pub trade: Trade,
    pub town: String,
    #[serde(deserialize_with = "local")]
    pub start_local: Option<NaiveDateTime>,
    pub feedback_useful: Option<i64>,
    #[serde(deserialize_with = "asked")]
    pub topics: Vec<String>,
}

/// The requests received from `from` (inclusive) to `to` (exclusive).
pub async fn facts(
    db: &D1Database,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<Vec<FactRow>> {
    all(
        stmt(
            db,
            "SELECT c.created_at, c.status, c.trade, c.town, c.start_local, c.feedback_useful, \
             (SELECT json_group_array(t.slug) FROM consultation_topics_asked a JOIN consultation_topics t ON t.id = a.topic_id \
              WHERE a.consultation_id = c.id) AS topics \
             FROM consultations c WHERE c.created_at >= ?1 AND c.created_at < ?2",
            &[ts(from).into(), ts(to).into()],
        )?,
        "the requests of the period",
    )
    .await
}

// ------------------------------------------------------------------ volunteers

#[derive(Deserialize)]
pub struct VolunteerRow {
    pub id: i64,
    pub name: String,
    pub volunteer: i64,
    pub volunteer_cap: i64,
    #[serde(deserialize_with = "slug_list")]
    pub topics: Vec<String>,
    pub open: i64,
    pub this_month: i64,
}

const VOLUNTEER_COLUMNS: &str = "m.id, m.name, m.volunteer, m.volunteer_cap, \
     (SELECT json_group_array(t.slug) FROM volunteer_topics vt JOIN consultation_topics t ON t.id = vt.topic_id \
      WHERE vt.member_id = m.id) AS topics, \
     (SELECT COUNT(*) FROM consultations c WHERE c.volunteer_id = m.id AND c.status IN ('assigned', 'scheduled')) AS open, \
     (SELECT COUNT(*) FROM consultation_offers o WHERE o.member_id = m.id AND o.offered_at >= ?1 \
      AND (o.answer IS NULL OR o.answer = 'accepted')) AS this_month";

/// Open accounts that volunteer, by name, with their load since `month_start`.
pub async fn volunteers(db: &D1Database, month_start: &str) -> DbResult<Vec<VolunteerRow>> {
    all(
        stmt(
            db,
            &format!("SELECT {VOLUNTEER_COLUMNS} FROM members m WHERE m.volunteer = 1 AND m.status = 'active' ORDER BY m.name"),
            &[month_start.into()],
        )?,
        "the volunteers",
    )
    .await
}

pub async fn volunteer(
    db: &D1Database,
    member_id: i64,
    month_start: &str,
) -> DbResult<Option<VolunteerRow>> {
    first(
        stmt(
            db,
            &format!("SELECT {VOLUNTEER_COLUMNS} FROM members m WHERE m.id = ?2"),
            &[month_start.into(), int(member_id)],
        )?,
        "the member's volunteering",
    )
    .await
}

/// The statements that store a member's volunteering.
pub fn set_volunteering(
    db: &D1Database,
    member_id: i64,
    on: bool,
    cap: u32,
    topics: &[String],
) -> DbResult<Vec<D1PreparedStatement>> {
    Ok(vec![
        stmt(
            db,
            "UPDATE members SET volunteer = ?2, volunteer_cap = ?3 WHERE id = ?1",
            &[int(member_id), int(i64::from(on)), int(i64::from(cap))],
        )?,
        stmt(
            db,
            "DELETE FROM volunteer_topics WHERE member_id = ?1",
            &[int(member_id)],
        )?,
        stmt(
            db,
            "INSERT INTO volunteer_topics (member_id, topic_id) SELECT ?1, id FROM consultation_topics \
             WHERE slug IN (SELECT value FROM json_each(?2))",
            &[int(member_id), json_list(topics)],
        )?,
    ])
}

#[derive(Deserialize)]
struct Setting {
    value: String,
}

/// The retention delay of closed requests, in days (the `consultation_retention_days` setting).
pub async fn retention_days(db: &D1Database) -> DbResult<u32> {
    let row: Option<Setting> = first(
        stmt(
            db,
            "SELECT value FROM settings WHERE key = 'consultation_retention_days'",
            &[],
        )?,
        "the consultations' retention delay",
    )
    .await?;
    let value = row.map(|r| r.value).unwrap_or_default();
    value.trim().parse().map_err(|_| {
        crate::error::ApiError::Internal(
            super::unknown("settings.consultation_retention_days", &value).to_string(),
        )
    })
}

/// The day a Paris date starts, as stored instants compare (UTC midnight of that day is close
/// enough for a monthly cap: it counts from the first of the month).
pub fn day_start(day: NaiveDate) -> String {
    format!("{}T00:00:00.000Z", day.format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests {
    use super::super::test_rows::read;
    use super::*;
    use serde_json::json;

    fn row() -> serde_json::Value {
        let mut row = json!({
            "id": 1, "status": "assigned", "business": "Boulangerie", "trade": "artisan", "size": null,
            "town": "Quimper", "name": "Yann", "email": "y@x.fr", "phone": "", "goal": "Vendre",
            "mornings": 1, "afternoons": 0, "evenings": 1, "lang": "fr", "consent_at": "2026-12-01T09:00:00.000Z",
            "consent_version": "v1", "volunteer_id": 4, "volunteer_name": "Anne Guéguen",
            "assigned_at": "2026-12-02T09:00:00.000Z", "accepted_at": null, "returned": null,
            "start_local": null, "end_local": null, "place": null, "scheduled_at": null, "unsuitable": null,
            "closed_at": null, "close_note": "", "decline_reason": "", "feedback_useful": null, "feedback_note": "",
            "erased_at": null, "created_at": "2026-12-01T09:00:00Z", "topics": "[\"website\"]",
            "recommended": "[]", "resource": null, "resource_fr": null, "resource_en": null
        });
        let more =
            json!({ "reminded_at": null, "version": 3, "ics_sequence": 0, "offered": "[4]" });
        if let (Some(row), Some(more)) = (row.as_object_mut(), more.as_object()) {
            row.extend(more.clone());
        }
        row
    }

    #[test]
    fn a_request_row_reads_and_unknown_codes_are_errors() {
        let r: ConsultationRow = read(&row(), &[]).expect("reads");
        assert_eq!(r.status, ConsultationStatus::Assigned);
        assert_eq!(r.topics, vec!["website"]);
        assert_eq!(
            r.availability(),
            vec![Availability::Mornings, Availability::Evenings]
        );
        for (column, value) in [
            ("status", json!("maybe")),
            ("trade", json!("plumber")),
            ("size", json!("huge")),
            ("place", json!("cafe")),
            ("returned", json!("lost")),
            ("start_local", json!("soon")),
        ] {
            let e = read::<ConsultationRow>(&row(), &[(column, value)]).err();
            assert!(e.is_some_and(|e| e.contains("does not know")), "{column}");
        }
    }

    #[test]
    fn a_request_reads_as_the_case_its_moves_decide_on() {
        let r: ConsultationRow = read(
            &row(),
            &[
                ("status", json!("scheduled")),
                ("accepted_at", json!("2026-12-02T10:00:00.000Z")),
                ("start_local", json!("2026-12-10T14:00")),
                ("end_local", json!("2026-12-10T15:00")),
                ("place", json!("cantine")),
                ("resource", json!("salle-reunion")),
                ("ics_sequence", json!(2)),
                ("offered", json!("[4,9]")),
            ],
        )
        .expect("reads");
        let case = r.case().expect("a case");
        assert_eq!(case.status, ConsultationStatus::Scheduled);
        assert_eq!(case.volunteer, Some(4));
        assert_eq!(case.offered, vec![4, 9]);
        assert_eq!(case.sequence, 2);
        let slot = case.slot.expect("the appointment");
        assert_eq!(
            (slot.place, slot.resource.as_deref()),
            (Place::Cantine, Some("salle-reunion"))
        );
        // Half an appointment is a broken row, never a request without one.
        let half: ConsultationRow =
            read(&row(), &[("start_local", json!("2026-12-10T14:00"))]).expect("reads");
        assert!(half.case().is_err());
    }
}
