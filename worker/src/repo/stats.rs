//! The dashboard's figures: SQL aggregates over indexed columns (`bookings.day`, `payments.paid_on`,
//! `rentals.day`, `members.created_at`), never rows loaded into the worker. A period's statements
//! run in one batch: D1 answers one query at a time, and one round trip holds them all.
//!
//! Attendance is a check-in on a confirmed booking: a cancelled booking, a block or a no-show
//! never counts (a no-show has no check-in: marking one clears it).

use chrono::{DateTime, NaiveDate, Utc};
use domain::accounts::renewal_notice_end;
use domain::stats::{CoworkingFigures, EventFigures, MemberFigures, Period, TodayStats};
use serde::Deserialize;
use worker::wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, D1Result};

use super::bookings::{booking_day, closure_date};
use super::{batch, column, day, first, results_of, stmt, DbResult};
use crate::error::ApiError;

/// `members.created_at` is written `YYYY-MM-DDTHH:MM:SSZ`; its bounds are written the same way so
/// that they compare as text.
fn instant(t: DateTime<Utc>) -> JsValue {
    JsValue::from_str(&t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// A member's desk booking that stands (confirmed), on a day of the period (`?1`–`?2`).
const DESK: &str = "FROM bookings b JOIN resources r ON r.id = b.resource_id \
     WHERE r.kind = 'desk' AND b.kind = 'member' AND b.status = 'confirmed' AND b.day BETWEEN ?1 AND ?2";

/// The room's bookings that stand (members' and rentals; blocks are not use).
const ROOM: &str = "FROM bookings b JOIN resources r ON r.id = b.resource_id \
     WHERE r.kind = 'room' AND b.kind IN ('member', 'rental') AND b.status = 'confirmed' AND b.day BETWEEN ?1 AND ?2";

#[derive(Debug, Deserialize)]
pub struct RoomRow {
    pub member_minutes: u32,
    pub rental_minutes: u32,
    pub rentals: u32,
    pub rental_income_cents: i64,
}

#[derive(Debug, Deserialize)]
pub struct DayRow {
    #[serde(deserialize_with = "booking_day")]
    pub date: NaiveDate,
    pub booked: u32,
    pub checked_in: u32,
    pub no_shows: u32,
}

#[derive(Debug, Deserialize)]
pub struct WeekRow {
    #[serde(deserialize_with = "booking_day")]
    pub monday: NaiveDate,
    pub member_minutes: u32,
    pub rental_minutes: u32,
}

#[derive(Debug, Deserialize)]
pub struct MonthRow {
    /// `YYYY-MM`
    pub month: String,
    pub rental_cents: i64,
    pub fees_cents: i64,
    pub room_member_minutes: u32,
    pub room_rental_minutes: u32,
}

/// The events held in a period (`?1`–`?2`, their Paris start day; over at `?3`), by kind: sessions,
/// confirmed groups, seats and children, people checked in, groups left waiting.
const EVENTS: &str = "SELECT e.kind AS kind, COUNT(DISTINCT e.id) AS sessions, \
     COUNT(CASE WHEN r.status = 'confirmed' THEN 1 END) AS signups, \
     COALESCE(SUM(CASE WHEN r.status = 'confirmed' THEN r.seats END), 0) AS seats, \
     COALESCE(SUM(CASE WHEN r.status = 'confirmed' THEN r.children END), 0) AS children, \
     COALESCE(SUM(CASE WHEN r.status = 'confirmed' THEN r.present END), 0) AS attended, \
     COUNT(CASE WHEN r.status = 'waiting' THEN 1 END) AS waiting \
     FROM events e LEFT JOIN registrations r ON r.event_id = e.id \
     WHERE e.status = 'published' AND substr(e.start_local, 1, 10) BETWEEN ?1 AND ?2 AND e.end_utc <= ?3 \
     GROUP BY e.kind";

/// The statements of one period's figures, in the order [`Figures::read`] reads them.
fn figure_statements(
    db: &D1Database,
    p: Period,
    now: DateTime<Utc>,
) -> DbResult<Vec<D1PreparedStatement>> {
    let (lo, hi) = p.utc_bounds();
    let range = [day(p.from), day(p.to)];
    let coworking = format!(
        "SELECT COUNT(*) AS bookings, \
         COUNT(DISTINCT CASE WHEN b.checked_in_at IS NOT NULL THEN b.member_id || ' ' || b.day END) AS coworker_days, \
         COUNT(DISTINCT CASE WHEN b.checked_in_at IS NOT NULL THEN b.member_id END) AS coworkers, \
         (SELECT COUNT(*) FROM (SELECT b.member_id {DESK} AND b.checked_in_at IS NOT NULL \
            GROUP BY b.member_id HAVING COUNT(DISTINCT b.day) >= 4)) AS \"returning\", \
         COALESCE(SUM(b.no_show), 0) AS no_shows {DESK}"
    );
    let room = format!(
        "SELECT COALESCE(SUM(CASE WHEN b.kind = 'member' THEN b.minutes END), 0) AS member_minutes, \
         COALESCE(SUM(CASE WHEN b.kind = 'rental' THEN b.minutes END), 0) AS rental_minutes, \
         (SELECT COUNT(*) FROM rentals WHERE status = 'approved' AND day BETWEEN ?1 AND ?2) AS rentals, \
         (SELECT COALESCE(SUM(price_cents), 0) FROM rentals WHERE status = 'approved' AND day BETWEEN ?1 AND ?2) AS rental_income_cents \
         {ROOM}"
    );
    // Active: the adhérents on the period's last day (the one definition, `adherent_on`).
    // Renewals due: a fee ran out during the period and no later one was paid by its end (the
    // staff's list shows who, `MemberListFilter::Lapsed`).
    let members = format!(
        "SELECT \
         (SELECT COUNT(*) FROM members m WHERE {}) AS active, \
         (SELECT COUNT(*) FROM members WHERE created_at >= ?3 AND created_at < ?4) AS joined, \
         (SELECT COUNT(*) FROM members m WHERE {}) AS renewals_due, \
         (SELECT COUNT(*) FROM payments WHERE paid_on BETWEEN ?1 AND ?2) AS fees, \
         (SELECT COALESCE(SUM(amount_cents), 0) FROM payments WHERE paid_on BETWEEN ?1 AND ?2) AS fees_cents",
        super::adherent_on("m", "?2"),
        super::lapsed_between("m", "?1", "?2"),
    );
    Ok(vec![
        stmt(db, &coworking, &range)?,
        stmt(db, &room, &range)?,
        stmt(
            db,
            &members,
            &[day(p.from), day(p.to), instant(lo), instant(hi)],
        )?,
        stmt(db, EVENTS, &[day(p.from), day(p.to), super::ts(now).into()])?,
    ])
}

/// One period's figures, as read: coworking and members in the domain's own shapes (the columns
/// are named as their fields), the room with its rentals' income beside it.
pub struct Figures {
    pub coworking: CoworkingFigures,
    pub room: RoomRow,
    pub members: MemberFigures,
    /// The kinds of events held (only those with a session), in the domain's shape (the columns
    /// are named as its fields; an unknown kind is an error).
    pub events: Vec<EventFigures>,
}

/// The one row of the `i`-th result of a batch.
fn one<T: serde::de::DeserializeOwned>(results: &[D1Result], i: usize, what: &str) -> DbResult<T> {
    results_of::<T>(results, i, what)?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::Internal(format!("reading {what}: no row")))
}

impl Figures {
    const STATEMENTS: usize = 4;

    fn read(results: &[D1Result], at: usize) -> DbResult<Figures> {
        Ok(Figures {
            coworking: one(results, at, "the coworking figures")?,
            room: one(results, at + 1, "the room figures")?,
            members: one(results, at + 2, "the member figures")?,
            events: results_of(results, at + 3, "the events held")?,
        })
    }
}

#[derive(Debug, Deserialize)]
pub struct SettingRow {
    pub key: String,
    /// JSON text.
    pub value: String,
}

#[derive(Debug, Deserialize)]
pub struct ClosureRow {
    #[serde(deserialize_with = "closure_date")]
    pub date: NaiveDate,
}

/// Everything the statistics of a period and of the period compared with need, in one batch.
pub struct Read {
    pub current: Figures,
    pub previous: Figures,
    pub days: Vec<DayRow>,
    pub weeks: Vec<WeekRow>,
    pub months: Vec<MonthRow>,
    /// `opening_hours` and `rental_target_cents`.
    pub settings: Vec<SettingRow>,
    /// Closure days of both periods.
    pub closures: Vec<ClosureRow>,
    /// The report's text for `current` (read in the same batch: one round trip for the report).
    pub text: Option<String>,
    /// The first day anything was recorded (a booking, a rental, a fee): before it the figures
    /// are zeros for want of records, not of activity.
    pub records_from: Option<NaiveDate>,
}

#[derive(Debug, Deserialize)]
struct FirstRow {
    #[serde(deserialize_with = "first_record")]
    first: Option<NaiveDate>,
}

column!(fn first_record: Option<NaiveDate> = "the first record's day", super::parse_date);

/// The first day of the records: bookings and rentals held, fees paid.
const RECORDS_FROM: &str = "SELECT MIN(d) AS first FROM ( \
     SELECT MIN(day) AS d FROM bookings WHERE kind IN ('member', 'rental') \
     UNION ALL SELECT MIN(day) FROM rentals \
     UNION ALL SELECT MIN(paid_on) FROM payments)";

pub async fn read(
    db: &D1Database,
    current: Period,
    previous: Period,
    now: DateTime<Utc>,
) -> DbResult<Read> {
    let range = [day(current.from), day(current.to)];
    let days = format!(
        "SELECT b.day AS date, COUNT(DISTINCT b.member_id) AS booked, \
         COUNT(DISTINCT CASE WHEN b.checked_in_at IS NOT NULL THEN b.member_id END) AS checked_in, \
         COALESCE(SUM(b.no_show), 0) AS no_shows {DESK} GROUP BY b.day ORDER BY b.day"
    );
    let weeks = format!(
        "SELECT date(b.day, '-6 days', 'weekday 1') AS monday, \
         COALESCE(SUM(CASE WHEN b.kind = 'member' THEN b.minutes END), 0) AS member_minutes, \
         COALESCE(SUM(CASE WHEN b.kind = 'rental' THEN b.minutes END), 0) AS rental_minutes \
         {ROOM} GROUP BY monday ORDER BY monday"
    );
    // Rentals by the month they are held in, fees by the month they were paid, room use by the
    // month of its day.
    let months = format!(
        "SELECT month, SUM(rental_cents) AS rental_cents, SUM(fees_cents) AS fees_cents, \
           SUM(member_minutes) AS room_member_minutes, SUM(rental_minutes) AS room_rental_minutes FROM ( \
           SELECT substr(day, 1, 7) AS month, price_cents AS rental_cents, 0 AS fees_cents, 0 AS member_minutes, 0 AS rental_minutes \
             FROM rentals WHERE status = 'approved' AND day BETWEEN ?1 AND ?2 \
           UNION ALL \
           SELECT substr(paid_on, 1, 7), 0, amount_cents, 0, 0 FROM payments WHERE paid_on BETWEEN ?1 AND ?2 \
           UNION ALL \
           SELECT substr(b.day, 1, 7), 0, 0, CASE WHEN b.kind = 'member' THEN b.minutes ELSE 0 END, \
                  CASE WHEN b.kind = 'rental' THEN b.minutes ELSE 0 END {ROOM} \
         ) GROUP BY month ORDER BY month"
    );
    let mut statements = figure_statements(db, current, now)?;
    statements.extend(figure_statements(db, previous, now)?);
    statements.push(stmt(db, &days, &range)?);
    statements.push(stmt(db, &weeks, &range)?);
    statements.push(stmt(db, &months, &range)?);
    statements.push(db.prepare(
        "SELECT key, value FROM settings WHERE key IN ('opening_hours', 'rental_target_cents')",
    ));
    statements.push(stmt(
        db,
        "SELECT date FROM closure_days WHERE date BETWEEN ?1 AND ?2 OR date BETWEEN ?3 AND ?4",
        &[
            day(current.from),
            day(current.to),
            day(previous.from),
            day(previous.to),
        ],
    )?);
    statements.push(stmt(
        db,
        "SELECT body FROM report_texts WHERE period_from = ?1 AND period_to = ?2",
        &range,
    )?);
    statements.push(db.prepare(RECORDS_FROM));
    let results = batch(db, statements, "reading the statistics").await?;
    let series = 2 * Figures::STATEMENTS;
    Ok(Read {
        current: Figures::read(&results, 0)?,
        previous: Figures::read(&results, Figures::STATEMENTS)?,
        days: results_of(&results, series, "the coworking days")?,
        weeks: results_of(&results, series + 1, "the room weeks")?,
        months: results_of(&results, series + 2, "the months")?,
        settings: results_of(&results, series + 3, "the statistics' settings")?,
        closures: results_of(&results, series + 4, "the closure days")?,
        text: results_of::<TextRow>(&results, series + 5, "the report's text")?
            .into_iter()
            .next()
            .map(|r| r.body),
        records_from: results_of::<FirstRow>(&results, series + 6, "the first record")?
            .into_iter()
            .next()
            .and_then(|r| r.first),
    })
}

/// Today's counts, in one statement (the period `?1`–`?2` of [`DESK`] and [`ROOM`] is the one day;
/// `?3` the last day of the renewal notice).
pub async fn today(db: &D1Database, date: NaiveDate) -> DbResult<TodayStats> {
    let desk = |half: &str, came: bool| {
        format!(
            "(SELECT COUNT(DISTINCT b.member_id) {DESK} AND b.period IN ('{half}', 'day'){})",
            if came {
                " AND b.checked_in_at IS NOT NULL"
            } else {
                ""
            }
        )
    };
    let sql = format!(
        "SELECT ?1 AS date, \
         (SELECT COALESCE(SUM(capacity), 0) FROM resources WHERE kind = 'desk' AND active = 1) AS desk_capacity, \
         {} AS desks_morning, {} AS desks_afternoon, {} AS checked_in_morning, {} AS checked_in_afternoon, \
         (SELECT COUNT(*) {ROOM}) AS room_bookings, \
         (SELECT COALESCE(SUM(b.minutes), 0) {ROOM}) AS room_minutes, \
         (SELECT COUNT(*) FROM applications WHERE status = 'pending') AS pending_applications, \
         (SELECT COUNT(*) FROM rentals WHERE status = 'pending' AND day >= ?1) AS pending_rentals, \
         (SELECT COUNT(*) FROM outbox WHERE status = 'pending') AS outbox_pending, \
         (SELECT COUNT(*) FROM outbox WHERE status = 'failed') AS outbox_failed, \
         (SELECT COUNT(*) FROM members m WHERE {}) AS renewals_soon, \
         (SELECT COUNT(*) FROM consultations WHERE status = 'new') AS consultations_new, \
         (SELECT COUNT(*) FROM consultations WHERE status = 'scheduled' AND substr(start_local, 1, 10) = ?1) AS consultations_today",
        desk("morning", false),
        desk("afternoon", false),
        desk("morning", true),
        desk("afternoon", true),
        super::ends_between("m", "?1", "?3"),
    );
    let notice = renewal_notice_end(date);
    first(
        stmt(db, &sql, &[day(date), day(date), day(notice)])?,
        "today's figures",
    )
    .await?
    .ok_or_else(|| ApiError::Internal("today's figures: no row".into()))
}

// ---------------------------------------------------------------- the report's text

#[derive(Debug, Deserialize)]
struct TextRow {
    body: String,
}

pub fn set_report_text(
    db: &D1Database,
    p: Period,
    body: &str,
    by: i64,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO report_texts (period_from, period_to, body, updated_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5) \
         ON CONFLICT (period_from, period_to) DO UPDATE SET body = excluded.body, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        &[
            day(p.from),
            day(p.to),
            body.into(),
            JsValue::from_f64(by as f64),
            super::ts(now).into(),
        ],
    )
}
