//! Bookings, blocks and rentals. A booking is one conditional INSERT: capacity, blocks, one desk
//! per member, the weekly room quota and an active membership are all checked by the statement
//! that writes, so simultaneous requests can never oversell a place.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use domain::calendar::{CheckedBooking, DeskPeriod, ResourceKind, Span};
use domain::wire::BookingStatus;
use serde::Deserialize;
use worker::wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use super::{
    all, column, day, first, parse_date, parse_instant, parse_local, stmt, stored_code, ts,
    DbResult,
};

fn int(v: i64) -> JsValue {
    JsValue::from_f64(v as f64)
}

fn local(t: chrono::NaiveDateTime) -> JsValue {
    JsValue::from_str(&t.format("%Y-%m-%dT%H:%M").to_string())
}

fn opt(v: Option<&str>) -> JsValue {
    v.map(JsValue::from_str).unwrap_or(JsValue::NULL)
}

column!(fn resource_kind: ResourceKind = "resources.kind", ResourceKind::parse);
column!(fn capacity: number u32 = "resources.capacity");

#[derive(Deserialize, Clone)]
pub struct ResourceRow {
    pub id: i64,
    pub slug: String,
    #[serde(deserialize_with = "resource_kind")]
    pub kind: ResourceKind,
    pub name_fr: String,
    pub name_en: String,
    pub description_fr: String,
    pub description_en: String,
    #[serde(deserialize_with = "capacity")]
    pub capacity: u32,
}

/// The active resources, desks first: read by the calendar and by the site content's batch.
pub const RESOURCES: &str =
    "SELECT id, slug, kind, name_fr, name_en, description_fr, description_en, capacity FROM resources WHERE active = 1 ORDER BY kind, slug";

pub async fn resources(db: &D1Database) -> DbResult<Vec<ResourceRow>> {
    all(db.prepare(RESOURCES), "the resources").await
}

pub async fn resource(db: &D1Database, slug: &str) -> DbResult<Option<ResourceRow>> {
    first(stmt(
        db,
        "SELECT id, slug, kind, name_fr, name_en, description_fr, description_en, capacity FROM resources WHERE slug = ?1 AND active = 1",
        &[slug.into()],
    )?, "the resource")
    .await
}

column!(pub(super) fn closure_date: NaiveDate = "closure_days.date", parse_date);

pub async fn closures(db: &D1Database, from: NaiveDate, to: NaiveDate) -> DbResult<Vec<NaiveDate>> {
    #[derive(Deserialize)]
    struct Row {
        #[serde(deserialize_with = "closure_date")]
        date: NaiveDate,
    }
    let rows: Vec<Row> = all(
        stmt(
            db,
            "SELECT date FROM closure_days WHERE date BETWEEN ?1 AND ?2",
            &[day(from), day(to)],
        )?,
        "the closure days",
    )
    .await?;
    Ok(rows.into_iter().map(|r| r.date).collect())
}

/// Who the booking is for, and who made it.
pub struct Booker<'a> {
    pub member_id: i64,
    pub booked_by: i64,
    pub idempotency_key: Option<&'a str>,
    pub today: NaiveDate,
    /// `None`: no weekly room quota applies (staff booking on a member's behalf).
    pub weekly_quota_minutes: Option<u32>,
}

const INSERT_MEMBER_BOOKING: &str = "INSERT INTO bookings \
     (resource_id, kind, member_id, day, start_local, end_local, start_utc, end_utc, period, minutes, week, booked_by, idempotency_key) \
     SELECT r.id, 'member', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12 FROM resources r \
     WHERE r.slug = ?1 AND r.active = 1 \
     AND EXISTS (SELECT 1 FROM members m WHERE m.id = ?2 AND m.status = 'active' AND m.membership_until >= ?13) \
     AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.resource_id = r.id AND b.status = 'confirmed' AND b.kind = 'block' \
                     AND b.start_utc < ?7 AND b.end_utc > ?6) \
     AND (SELECT COUNT(*) FROM bookings b WHERE b.resource_id = r.id AND b.status = 'confirmed' AND b.start_utc < ?15 AND b.end_utc > ?14) < (CASE r.kind WHEN 'room' THEN 1 ELSE r.capacity END) \
     AND (SELECT COUNT(*) FROM bookings b WHERE b.resource_id = r.id AND b.status = 'confirmed' AND b.start_utc < ?17 AND b.end_utc > ?16) < (CASE r.kind WHEN 'room' THEN 1 ELSE r.capacity END) \
     AND NOT EXISTS (SELECT 1 FROM bookings b JOIN resources r2 ON r2.id = b.resource_id WHERE b.member_id = ?2 AND b.status = 'confirmed' \
                     AND r2.kind = r.kind AND b.start_utc < ?7 AND b.end_utc > ?6) \
     AND (r.kind != 'room' OR (SELECT COALESCE(SUM(b.minutes), 0) FROM bookings b JOIN resources r2 ON r2.id = b.resource_id \
                     WHERE b.member_id = ?2 AND b.status = 'confirmed' AND r2.kind = 'room' AND b.week = ?10) + ?9 <= ?18 OR ?18 IS NULL) \
     RETURNING id";

/// The one statement that books: it writes only if every rule still holds at that moment.
pub fn insert_member_booking(
    db: &D1Database,
    slug: &str,
    b: &CheckedBooking,
    who: &Booker<'_>,
) -> DbResult<D1PreparedStatement> {
    let sp = &b.span;
    let u1 = b.units.first().copied().unwrap_or(*sp);
    let u2 = b.units.get(1).copied().unwrap_or(u1);
    let values = [
        slug.into(),
        int(who.member_id),
        day(sp.start_local.date()),
        local(sp.start_local),
        local(sp.end_local),
        ts(sp.start).into(),
        ts(sp.end).into(),
        opt(b.desk_period.map(DeskPeriod::as_str)),
        int(sp.minutes()),
        b.week.as_str().into(),
        int(who.booked_by),
        opt(who.idempotency_key),
        day(who.today),
        ts(u1.start).into(),
        ts(u1.end).into(),
        ts(u2.start).into(),
        ts(u2.end).into(),
        who.weekly_quota_minutes
            .map(|q| JsValue::from_f64(f64::from(q)))
            .unwrap_or(JsValue::NULL),
    ];
    stmt(db, INSERT_MEMBER_BOOKING, &values)
}

/// Why the conditional insert wrote nothing (read after the write, only to choose the message).
#[derive(Deserialize)]
pub struct Diagnosis {
    pub member_active: i64,
    pub blocked: i64,
    pub own_overlap: i64,
    pub quota_used: i64,
}

pub async fn diagnose(
    db: &D1Database,
    slug: &str,
    b: &CheckedBooking,
    who: &Booker<'_>,
) -> DbResult<Option<Diagnosis>> {
    let sql = "SELECT \
         (SELECT COUNT(*) FROM members m WHERE m.id = ?2 AND m.status = 'active' AND m.membership_until >= ?3) AS member_active, \
         (SELECT COUNT(*) FROM bookings b WHERE b.resource_id = r.id AND b.status = 'confirmed' AND b.kind = 'block' AND b.start_utc < ?5 AND b.end_utc > ?4) AS blocked, \
         (SELECT COUNT(*) FROM bookings b JOIN resources r2 ON r2.id = b.resource_id WHERE b.member_id = ?2 AND b.status = 'confirmed' \
             AND r2.kind = r.kind AND b.start_utc < ?5 AND b.end_utc > ?4) AS own_overlap, \
         (SELECT COALESCE(SUM(b.minutes), 0) FROM bookings b JOIN resources r2 ON r2.id = b.resource_id WHERE b.member_id = ?2 \
             AND b.status = 'confirmed' AND r2.kind = 'room' AND b.week = ?6) AS quota_used \
         FROM resources r WHERE r.slug = ?1";
    first(
        stmt(
            db,
            sql,
            &[
                slug.into(),
                int(who.member_id),
                day(who.today),
                ts(b.span.start).into(),
                ts(b.span.end).into(),
                b.week.as_str().into(),
            ],
        )?,
        "why the booking was refused",
    )
    .await
}

const BOOKING_COLUMNS: &str = "b.id, b.kind, b.member_id, b.rental_id, b.consultation_id, b.start_local, b.end_local, b.start_utc, b.end_utc, b.period, \
     b.status, b.checked_in_at, b.no_show, b.reason, r.slug AS resource, r.kind AS resource_kind, r.name_fr, r.name_en, \
     COALESCE(m.name, rt.organisation, b.reason, '') AS label, \
     COALESCE(m.email, rt.email, '') AS contact_email, COALESCE(m.phone, rt.phone, '') AS contact_phone";
const BOOKING_FROM: &str = "FROM bookings b JOIN resources r ON r.id = b.resource_id LEFT JOIN members m ON m.id = b.member_id \
     LEFT JOIN rentals rt ON rt.id = b.rental_id";

stored_code! {
    /// Whose a booking is: a member's, a rental's (the room), or a block staff put on a resource.
    pub enum BookingKind in "bookings.kind" {
        Member = "member",
        Rental = "rental",
        Block = "block",
    }
}

column!(fn booking_status: BookingStatus = "bookings.status", BookingStatus::parse);
column!(pub(super) fn booking_day: NaiveDate = "bookings.day", parse_date);
column!(fn booking_local: NaiveDateTime = "bookings.start_local/end_local", parse_local);
column!(fn booking_instant: DateTime<Utc> = "bookings.start_utc/end_utc", parse_instant);
column!(fn booking_period: Option<DeskPeriod> = "bookings.period", DeskPeriod::parse);

#[derive(Deserialize, Clone)]
pub struct BookingRow {
    pub id: i64,
    pub kind: BookingKind,
    pub member_id: Option<i64>,
    #[expect(
        dead_code,
        reason = "read with the row; staff pages link rentals by the label today"
    )]
    pub rental_id: Option<i64>,
    /// A desk held for a consultation's appointment (in the volunteer's name).
    pub consultation_id: Option<i64>,
    #[serde(deserialize_with = "booking_local")]
    pub start_local: NaiveDateTime,
    #[serde(deserialize_with = "booking_local")]
    pub end_local: NaiveDateTime,
    #[serde(deserialize_with = "booking_instant")]
    pub start_utc: DateTime<Utc>,
    #[serde(deserialize_with = "booking_instant")]
    pub end_utc: DateTime<Utc>,
    #[serde(deserialize_with = "booking_period")]
    pub period: Option<DeskPeriod>,
    #[serde(deserialize_with = "booking_status")]
    pub status: BookingStatus,
    pub checked_in_at: Option<String>,
    pub no_show: i64,
    #[expect(dead_code, reason = "the label carries a block's reason")]
    pub reason: String,
    pub resource: String,
    #[serde(deserialize_with = "resource_kind")]
    pub resource_kind: ResourceKind,
    pub name_fr: String,
    pub name_en: String,
    pub label: String,
    /// How to reach whose booking it is (the member or the renter); empty for a block.
    pub contact_email: String,
    pub contact_phone: String,
}

pub async fn by_id(db: &D1Database, id: i64) -> DbResult<Option<BookingRow>> {
    first(
        stmt(
            db,
            &format!("SELECT {BOOKING_COLUMNS} {BOOKING_FROM} WHERE b.id = ?1"),
            &[int(id)],
        )?,
        "the booking",
    )
    .await
}

/// A member's own booking (the owner is in the WHERE: someone else's is simply not found).
pub async fn owned(db: &D1Database, id: i64, member_id: i64) -> DbResult<Option<BookingRow>> {
    first(
        stmt(
            db,
            &format!(
                "SELECT {BOOKING_COLUMNS} {BOOKING_FROM} WHERE b.id = ?1 AND b.member_id = ?2"
            ),
            &[int(id), int(member_id)],
        )?,
        "the member's booking",
    )
    .await
}

pub async fn by_idempotency_key(
    db: &D1Database,
    member_id: i64,
    key: &str,
) -> DbResult<Option<BookingRow>> {
    first(stmt(
        db,
        &format!("SELECT {BOOKING_COLUMNS} {BOOKING_FROM} WHERE b.member_id = ?1 AND b.idempotency_key = ?2"),
        &[int(member_id), key.into()],
    )?, "the booking of this idempotency key")
    .await
}

/// A member's bookings from `since` on (upcoming first).
pub async fn of_member(
    db: &D1Database,
    member_id: i64,
    since: DateTime<Utc>,
) -> DbResult<Vec<BookingRow>> {
    all(stmt(
        db,
        &format!("SELECT {BOOKING_COLUMNS} {BOOKING_FROM} WHERE b.member_id = ?1 AND b.end_utc > ?2 ORDER BY b.start_utc LIMIT 500"),
        &[int(member_id), ts(since).into()],
    )?, "the member's bookings")
    .await
}

/// Every booking a member has made, past and cancelled included (their data export).
pub async fn history_of_member(db: &D1Database, member_id: i64) -> DbResult<Vec<BookingRow>> {
    all(stmt(
        db,
        &format!("SELECT {BOOKING_COLUMNS} {BOOKING_FROM} WHERE b.member_id = ?1 ORDER BY b.start_utc"),
        &[int(member_id)],
    )?, "the member's booking history")
    .await
}

/// Whether the member has a private calendar feed (its address is never stored, only a hash).
pub async fn has_calendar_feed(db: &D1Database, member_id: i64) -> DbResult<bool> {
    #[derive(Deserialize)]
    struct Row {
        feed: i64,
    }
    let row: Option<Row> = first(
        stmt(
            db,
            "SELECT calendar_token_hash IS NOT NULL AS feed FROM members WHERE id = ?1",
            &[int(member_id)],
        )?,
        "whether the member has a calendar feed",
    )
    .await?;
    Ok(row.is_some_and(|r| r.feed == 1))
}

/// Confirmed bookings of a resource (or all resources) overlapping [from, to).
pub async fn overlapping(
    db: &D1Database,
    resource_id: Option<i64>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> DbResult<Vec<BookingRow>> {
    all(stmt(
        db,
        &format!(
            "SELECT {BOOKING_COLUMNS} {BOOKING_FROM} WHERE b.status = 'confirmed' AND (?1 IS NULL OR b.resource_id = ?1) \
             AND b.start_utc < ?3 AND b.end_utc > ?2 ORDER BY b.start_utc, label"
        ),
        &[resource_id.map(int).unwrap_or(JsValue::NULL), ts(from).into(), ts(to).into()],
    )?, "the bookings of the range")
    .await
}

#[derive(Deserialize)]
struct BookingId {
    id: i64,
}

/// The bookings an event holds (its room).
pub async fn event_booking_ids(db: &D1Database, event_id: i64) -> DbResult<Vec<i64>> {
    Ok(all::<BookingId>(
        stmt(
            db,
            "SELECT id FROM bookings WHERE event_id = ?1 AND status = 'confirmed'",
            &[int(event_id)],
        )?,
        "the event's bookings",
    )
    .await?
    .into_iter()
    .map(|b| b.id)
    .collect())
}

/// Cancel a member's own booking while its cancellation window is open (not a desk held for a
/// consultation: its appointment moves it).
pub fn cancel_own(
    db: &D1Database,
    id: i64,
    member_id: i64,
    now: DateTime<Utc>,
    room_cutoff: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    let sql = "UPDATE bookings SET status = 'cancelled', cancelled_at = ?3 WHERE id = ?1 AND member_id = ?2 AND status = 'confirmed' \
         AND consultation_id IS NULL AND start_utc > CASE (SELECT kind FROM resources WHERE id = bookings.resource_id) WHEN 'room' THEN ?4 ELSE ?3 END";
    stmt(
        db,
        sql,
        &[
            int(id),
            int(member_id),
            ts(now).into(),
            ts(room_cutoff).into(),
        ],
    )
}

pub fn cancel_any(db: &D1Database, id: i64, now: DateTime<Utc>) -> DbResult<D1PreparedStatement> {
    stmt(db, "UPDATE bookings SET status = 'cancelled', cancelled_at = ?2 WHERE id = ?1 AND status = 'confirmed'", &[int(id), ts(now).into()])
}

pub fn check_in(
    db: &D1Database,
    id: i64,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE bookings SET checked_in_at = ?2, no_show = 0 WHERE id = ?1 AND status = 'confirmed' AND kind = 'member' AND day <= ?3",
        &[int(id), ts(now).into(), day(today)],
    )
}

/// A no-show, once the booking has started (never at 00:45 for the afternoon).
pub fn no_show(db: &D1Database, id: i64, now: DateTime<Utc>) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE bookings SET checked_in_at = NULL, no_show = 1 WHERE id = ?1 AND status = 'confirmed' AND kind = 'member' AND start_utc <= ?2",
        &[int(id), ts(now).into()],
    )
}

/// Undo a check-in made by mistake (the booking stays confirmed).
pub fn undo_check_in(db: &D1Database, id: i64) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE bookings SET checked_in_at = NULL, no_show = 0 WHERE id = ?1 AND status = 'confirmed' AND kind = 'member' AND (checked_in_at IS NOT NULL OR no_show = 1)",
        &[int(id)],
    )
}

/// Lift a block: it is cancelled, and the resource is free again.
pub fn lift_block(db: &D1Database, id: i64, now: DateTime<Utc>) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE bookings SET status = 'cancelled', cancelled_at = ?2 WHERE id = ?1 AND kind = 'block' AND status = 'confirmed'",
        &[int(id), ts(now).into()],
    )
}

/// Blocks still in force that end after `from`, soonest first.
pub async fn blocks_from(db: &D1Database, from: DateTime<Utc>) -> DbResult<Vec<BookingRow>> {
    all(stmt(
        db,
        &format!("SELECT {BOOKING_COLUMNS} {BOOKING_FROM} WHERE b.kind = 'block' AND b.status = 'confirmed' AND b.end_utc > ?1 ORDER BY b.start_utc LIMIT 200"),
        &[ts(from).into()],
    )?, "the blocks to come")
    .await
}

pub fn insert_block(
    db: &D1Database,
    resource_id: i64,
    span: &Span,
    reason: &str,
    actor: i64,
) -> DbResult<D1PreparedStatement> {
    let Span {
        start_local,
        end_local,
        start,
        end,
    } = *span;
    let sql = "INSERT INTO bookings (resource_id, kind, day, start_local, end_local, start_utc, end_utc, minutes, week, reason, booked_by) \
         VALUES (?1, 'block', ?2, ?3, ?4, ?5, ?6, ?7, '', ?8, ?9) RETURNING id";
    stmt(
        db,
        sql,
        &[
            int(resource_id),
            day(start_local.date()),
            local(start_local),
            local(end_local),
            ts(start).into(),
            ts(end).into(),
            int((end - start).num_minutes()),
            reason.into(),
            int(actor),
        ],
    )
}

// ---------------------------------------------------------------- calendar feed

pub fn set_calendar_token(
    db: &D1Database,
    member_id: i64,
    hash: &str,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE members SET calendar_token_hash = ?2 WHERE id = ?1 AND status = 'active'",
        &[int(member_id), hash.into()],
    )
}

pub async fn member_by_calendar_token(db: &D1Database, hash: &str) -> DbResult<Option<i64>> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
    }
    let row: Option<Row> = first(
        stmt(
            db,
            "SELECT id FROM members WHERE calendar_token_hash = ?1 AND status = 'active'",
            &[hash.into()],
        )?,
        "the calendar feed's member",
    )
    .await?;
    Ok(row.map(|r| r.id))
}

// ---------------------------------------------------------------- occupancy

#[derive(Deserialize)]
pub struct OccupancyRow {
    #[serde(deserialize_with = "booking_day")]
    pub day: NaiveDate,
    pub member_id: Option<i64>,
    pub kind: BookingKind,
    #[serde(deserialize_with = "resource_kind")]
    pub resource_kind: ResourceKind,
    #[serde(deserialize_with = "booking_period")]
    pub period: Option<DeskPeriod>,
    pub minutes: i64,
    pub checked_in: i64,
}

pub async fn occupancy(
    db: &D1Database,
    from: NaiveDate,
    to: NaiveDate,
) -> DbResult<Vec<OccupancyRow>> {
    let sql = "SELECT b.day, b.member_id, b.kind, r.kind AS resource_kind, b.period, b.minutes, (b.checked_in_at IS NOT NULL) AS checked_in \
         FROM bookings b JOIN resources r ON r.id = b.resource_id WHERE b.status = 'confirmed' AND b.kind != 'block' AND b.day BETWEEN ?1 AND ?2";
    all(
        stmt(db, sql, &[day(from), day(to)])?,
        "the occupancy of the range",
    )
    .await
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::repo::test_rows::{assert_refused, read};

    fn booking() -> Value {
        json!({
            "id": 1, "kind": "member", "member_id": 7, "rental_id": null,
            "start_local": "2026-03-30T09:00", "end_local": "2026-03-30T13:00",
            "start_utc": "2026-03-30T07:00:00.000Z", "end_utc": "2026-03-30T11:00:00.000Z",
            "period": "morning", "status": "confirmed", "checked_in_at": null, "no_show": 0,
            "reason": "", "resource": "open-space", "resource_kind": "desk",
            "name_fr": "Open space", "name_en": "Open space", "label": "Anne", "contact_email": "anne@exemple.fr", "contact_phone": "",
        })
    }

    #[test]
    fn a_booking_row_is_read_into_its_kinds_and_times() {
        let b: BookingRow = read(&booking(), &[]).expect("a stored booking");
        assert_eq!(b.kind, BookingKind::Member);
        assert_eq!(b.status, BookingStatus::Confirmed);
        assert_eq!(b.resource_kind, ResourceKind::Desk);
        assert_eq!(b.period, Some(DeskPeriod::Morning));
        assert_eq!(b.start_utc.to_rfc3339(), "2026-03-30T07:00:00+00:00");
        let block: BookingRow = read(
            &booking(),
            &[("kind", json!("block")), ("period", Value::Null)],
        )
        .expect("a block without a period");
        assert_eq!(block.kind, BookingKind::Block);
        assert_eq!(block.period, None, "NULL stays no period");
    }

    #[test]
    fn an_unknown_stored_booking_value_is_an_error_never_a_desk_or_a_cancellation() {
        assert_refused::<BookingRow>(
            &booking(),
            &[
                ("kind", "bookings.kind", json!("holiday")),
                ("status", "bookings.status", json!("pending")),
                ("resource_kind", "resources.kind", json!("studio")),
                ("period", "bookings.period", json!("evening")),
                ("start_local", "bookings.start_local", json!("lundi 9h")),
                ("end_utc", "bookings.start_utc/end_utc", json!("soon")),
            ],
        );
    }

    #[test]
    fn an_unknown_resource_kind_or_a_negative_capacity_is_an_error() {
        let resource = json!({
            "id": 1, "slug": "salle", "kind": "room", "name_fr": "", "name_en": "",
            "description_fr": "", "description_en": "", "capacity": 12,
        });
        let room: ResourceRow = read(&resource, &[]).expect("a stored resource");
        assert_eq!((room.kind, room.capacity), (ResourceKind::Room, 12));
        assert_refused::<ResourceRow>(
            &resource,
            &[
                ("kind", "resources.kind", json!("studio")),
                ("capacity", "resources.capacity", json!(-3)),
            ],
        );
    }
}
