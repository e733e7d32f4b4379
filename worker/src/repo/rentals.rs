//! Room rentals without an account: the request, its private link (we keep the token's hash), the
//! staff decision. An approval books the room in the same batch as it changes the rental.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use domain::calendar::{DeskPeriod, Span};
use domain::Lang;
use serde::Deserialize;
use worker::wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use super::{
    all, column, first, parse_date, parse_instant, parse_local, stmt, stored_code, ts, DbResult,
};

fn int(v: i64) -> JsValue {
    JsValue::from_f64(v as f64)
}

const BY_TOKEN: &str = "SELECT id, organisation, contact_name, email, phone, day, period, start_local, end_local, attendees, needs_visio, \
     message, lang, price_cents, status, decline_reason, created_at FROM rentals WHERE token_hash = ?1";
const BY_ID: &str = "SELECT id, organisation, contact_name, email, phone, day, period, start_local, end_local, attendees, needs_visio, \
     message, lang, price_cents, status, decline_reason, created_at FROM rentals WHERE id = ?1";
const LIST: &str = "SELECT id, organisation, contact_name, email, phone, day, period, start_local, end_local, attendees, needs_visio, \
     message, lang, price_cents, status, decline_reason, created_at FROM rentals WHERE (?1 = '' OR status = ?1) ORDER BY id DESC LIMIT 300";
const INSERT: &str = "INSERT INTO rentals (organisation, contact_name, email, phone, day, period, start_local, end_local, start_utc, end_utc, \
     attendees, needs_visio, message, lang, price_cents, token_hash, op_nonce) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) RETURNING id";
/// Pending: any time before it starts. Approved: until the notice period.
const CANCEL: &str = "UPDATE rentals SET status = 'cancelled' WHERE id = ?1 AND ((status = 'pending' AND start_utc > ?2) OR (status = 'approved' AND start_utc > ?3))";
/// Frees the room of a cancelled rental (in the same batch as [`CANCEL`]).
const FREE_ROOM: &str = "UPDATE bookings SET status = 'cancelled', cancelled_at = ?2 WHERE rental_id = ?1 AND status = 'confirmed' \
     AND EXISTS (SELECT 1 FROM rentals WHERE id = ?1 AND status = 'cancelled')";
/// Books the room for a pending rental: nothing if the room is taken or blocked at that time, or
/// the rental is no longer pending.
const BOOK_ROOM: &str = "INSERT INTO bookings (resource_id, kind, rental_id, day, start_local, end_local, start_utc, end_utc, period, minutes, week, booked_by) \
     SELECT r.id, 'rental', rt.id, rt.day, rt.start_local, rt.end_local, rt.start_utc, rt.end_utc, rt.period, \
            CAST((julianday(rt.end_utc) - julianday(rt.start_utc)) * 1440 AS INTEGER), '', ?2 \
     FROM rentals rt JOIN resources r ON r.kind = 'room' AND r.active = 1 \
     WHERE rt.id = ?1 AND rt.status = 'pending' \
     AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.resource_id = r.id AND b.status = 'confirmed' \
                     AND b.start_utc < rt.end_utc AND b.end_utc > rt.start_utc) \
     LIMIT 1";
/// Approved only if [`BOOK_ROOM`] booked the room just before, in the same batch.
const APPROVE: &str = "UPDATE rentals SET status = 'approved', decided_by = ?2, decided_at = ?3, op_nonce = ?4 \
     WHERE id = ?1 AND status = 'pending' AND EXISTS (SELECT 1 FROM bookings WHERE rental_id = ?1 AND status = 'confirmed')";
const DECLINE: &str = "UPDATE rentals SET status = 'declined', decline_reason = ?2, decided_by = ?3, decided_at = ?4 WHERE id = ?1 AND status = 'pending'";

stored_code! {
    /// Where a rental stands.
    pub enum RentalStatus in "rentals.status" {
        Pending = "pending",
        Approved = "approved",
        Declined = "declined",
        Cancelled = "cancelled",
    }
}

column!(fn day: NaiveDate = "rentals.day", parse_date);
column!(fn period: DeskPeriod = "rentals.period", DeskPeriod::parse);
column!(fn local: NaiveDateTime = "rentals.start_local/end_local", parse_local);
column!(fn lang: Lang = "rentals.lang", Lang::parse);
column!(fn created: DateTime<Utc> = "rentals.created_at", parse_instant);
column!(fn attendees: number u32 = "rentals.attendees");

#[derive(Deserialize)]
pub struct RentalRow {
    pub id: i64,
    pub organisation: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    #[serde(deserialize_with = "day")]
    pub day: NaiveDate,
    #[serde(deserialize_with = "period")]
    pub period: DeskPeriod,
    #[serde(deserialize_with = "local")]
    pub start_local: NaiveDateTime,
    #[serde(deserialize_with = "local")]
    pub end_local: NaiveDateTime,
    #[serde(deserialize_with = "attendees")]
    pub attendees: u32,
    pub needs_visio: i64,
    pub message: String,
    #[serde(deserialize_with = "lang")]
    pub lang: Lang,
    pub price_cents: i64,
    pub status: RentalStatus,
    pub decline_reason: Option<String>,
    #[serde(deserialize_with = "created")]
    pub created_at: DateTime<Utc>,
}

pub async fn by_token(db: &D1Database, hash: &str) -> DbResult<Option<RentalRow>> {
    first(
        stmt(db, BY_TOKEN, &[hash.into()])?,
        "the rental by its link",
    )
    .await
}

pub async fn by_id(db: &D1Database, id: i64) -> DbResult<Option<RentalRow>> {
    first(stmt(db, BY_ID, &[int(id)])?, "the rental").await
}

/// Newest first; an empty status lists them all.
pub async fn list(db: &D1Database, status: &str) -> DbResult<Vec<RentalRow>> {
    all(stmt(db, LIST, &[status.into()])?, "the rentals").await
}

/// A new rental request, as it is stored.
pub struct NewRental<'a> {
    pub organisation: &'a str,
    pub contact_name: &'a str,
    pub email: &'a str,
    pub phone: &'a str,
    pub period: DeskPeriod,
    pub span: &'a Span,
    pub attendees: u32,
    pub needs_visio: bool,
    pub message: &'a str,
    pub lang: Lang,
    pub price_cents: i64,
    pub token_hash: &'a str,
    pub nonce: &'a str,
}

#[derive(Deserialize)]
struct Id {
    id: i64,
}

/// Store a request; its id.
pub async fn insert(db: &D1Database, r: &NewRental<'_>) -> DbResult<Option<i64>> {
    let values = [
        r.organisation.into(),
        r.contact_name.into(),
        r.email.into(),
        r.phone.into(),
        r.span.start_local.format("%Y-%m-%d").to_string().into(),
        r.period.as_str().into(),
        r.span
            .start_local
            .format("%Y-%m-%dT%H:%M")
            .to_string()
            .into(),
        r.span.end_local.format("%Y-%m-%dT%H:%M").to_string().into(),
        ts(r.span.start).into(),
        ts(r.span.end).into(),
        f64::from(r.attendees).into(),
        int(i64::from(r.needs_visio)),
        r.message.into(),
        r.lang.code().into(),
        int(r.price_cents),
        r.token_hash.into(),
        r.nonce.into(),
    ];
    Ok(
        first::<Id>(stmt(db, INSERT, &values)?, "the new rental's id")
            .await?
            .map(|r| r.id),
    )
}

/// The requester cancels, while the rental's window is open.
pub fn cancel(
    db: &D1Database,
    id: i64,
    now: DateTime<Utc>,
    approved_cutoff: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        CANCEL,
        &[int(id), ts(now).into(), ts(approved_cutoff).into()],
    )
}

/// Frees the room of a rental cancelled earlier in the same batch.
pub fn free_room(db: &D1Database, id: i64, now: DateTime<Utc>) -> DbResult<D1PreparedStatement> {
    stmt(db, FREE_ROOM, &[int(id), ts(now).into()])
}

pub fn book_room(db: &D1Database, id: i64, actor: i64) -> DbResult<D1PreparedStatement> {
    stmt(db, BOOK_ROOM, &[int(id), int(actor)])
}

pub fn approve(
    db: &D1Database,
    id: i64,
    actor: i64,
    now: DateTime<Utc>,
    nonce: &str,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        APPROVE,
        &[int(id), int(actor), ts(now).into(), nonce.into()],
    )
}

pub fn decline(
    db: &D1Database,
    id: i64,
    reason: &str,
    actor: i64,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        DECLINE,
        &[int(id), reason.into(), int(actor), ts(now).into()],
    )
}
