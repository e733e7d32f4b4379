//! The settings the cantine edits (stored as JSON text) and its closure days.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;
use worker::{D1Database, D1PreparedStatement};

use super::{all, stmt, ts, DbResult};

const EDITABLE: &str = "SELECT key, value, updated_at FROM settings WHERE key IN ('opening_hours', 'booking_rules', 'room_rates', 'yearly_budget_cents', 'membership_fee_cents', 'legal_identity', 'rental_target_cents', 'event_reminder_hours', 'children_retention_days', 'consultation_retention_days', 'assembly_statutes') ORDER BY key";
const ONE: &str = "SELECT key, value, updated_at FROM settings WHERE key = ?1";
const CALENDAR: &str = "SELECT key, value, updated_at FROM settings WHERE key IN ('opening_hours', 'booking_rules', 'room_rates', 'contact', 'legal_identity')";
const UPDATE: &str =
    "UPDATE settings SET value = ?2, updated_at = ?3, updated_by = ?4 WHERE key = ?1";
const CLOSURES: &str = "SELECT date, reason_fr, reason_en FROM closure_days ORDER BY date";
const ADD_CLOSURE: &str = "INSERT INTO closure_days (date, reason_fr, reason_en) VALUES (?1, ?2, ?3) \
     ON CONFLICT (date) DO UPDATE SET reason_fr = excluded.reason_fr, reason_en = excluded.reason_en";
const REMOVE_CLOSURE: &str = "DELETE FROM closure_days WHERE date = ?1";

/// A stored setting; its value is JSON (text that is not JSON is an error naming the column).
#[derive(Deserialize)]
pub struct SettingRow {
    pub key: String,
    #[serde(deserialize_with = "json_value")]
    pub value: Value,
    pub updated_at: String,
}

fn json_value<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
    let s = String::deserialize(d)?;
    serde_json::from_str(&s)
        .map_err(|_| serde::de::Error::custom(super::unknown("settings.value", &s)))
}

#[derive(Deserialize)]
pub struct ClosureRow {
    pub date: String,
    pub reason_fr: String,
    pub reason_en: String,
}

/// One setting's stored value (what a change replaces, for the journal).
pub async fn value(db: &D1Database, key: &str) -> DbResult<Option<SettingRow>> {
    super::first(stmt(db, ONE, &[key.into()])?, "the setting").await
}

/// The settings staff may edit, by key.
pub async fn editable(db: &D1Database) -> DbResult<Vec<SettingRow>> {
    all(db.prepare(EDITABLE), "the editable settings").await
}

/// The settings the calendar runs on: opening hours, booking rules, room rates, contact, and the
/// association's identifiers for quotes.
pub async fn calendar(db: &D1Database) -> DbResult<Vec<SettingRow>> {
    all(db.prepare(CALENDAR), "the calendar's settings").await
}

pub fn update(
    db: &D1Database,
    key: &str,
    value: &str,
    actor: i64,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        UPDATE,
        &[
            key.into(),
            value.into(),
            ts(now).into(),
            (actor as f64).into(),
        ],
    )
}

pub async fn closures(db: &D1Database) -> DbResult<Vec<ClosureRow>> {
    all(db.prepare(CLOSURES), "the closure days").await
}

pub fn add_closure(
    db: &D1Database,
    date: &str,
    reason_fr: &str,
    reason_en: &str,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        ADD_CLOSURE,
        &[date.into(), reason_fr.into(), reason_en.into()],
    )
}

pub fn remove_closure(db: &D1Database, date: &str) -> DbResult<D1PreparedStatement> {
    stmt(db, REMOVE_CLOSURE, &[date.into()])
}
