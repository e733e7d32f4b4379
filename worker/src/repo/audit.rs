//! The audit log: written in the same batch as the change it records.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement};

use super::{all, stmt, ts, DbResult};
use crate::auth::Caller;

/// The audit row is written only when `guard_sql` (a boolean SQL expression over the values that
/// follow) holds, so that a batch whose main write changed nothing records nothing.
const RECORD: &str =
    "INSERT INTO audit_log (at, actor_id, actor_label, action, target_type, target_id, details) \
     SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE changes() > 0";
/// The same, written whatever the statement before it did (in a batch that is all or nothing).
const RECORD_ALWAYS: &str =
    "INSERT INTO audit_log (at, actor_id, actor_label, action, target_type, target_id, details) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
/// The newest entries, each with the name of what it is about (a member, the member of a booking,
/// an applicant, a renter, a resource), as it is now: the sentence staff read names it.
const LIST: &str = "SELECT a.id, a.at, a.actor_label, a.action, a.target_type, a.target_id, a.details, \
     COALESCE(m.name, bm.name, ap.name, rt.organisation, r.name_fr, ev.title_fr, '') AS target_fr, \
     COALESCE(m.name, bm.name, ap.name, rt.organisation, r.name_en, ev.title_en, '') AS target_en \
     FROM audit_log a \
     LEFT JOIN members m ON a.target_type = 'member' AND m.id = CAST(a.target_id AS INTEGER) \
     LEFT JOIN bookings b ON a.target_type = 'booking' AND b.id = CAST(a.target_id AS INTEGER) \
     LEFT JOIN members bm ON bm.id = b.member_id \
     LEFT JOIN applications ap ON a.target_type = 'application' AND ap.id = CAST(a.target_id AS INTEGER) \
     LEFT JOIN rentals rt ON a.target_type = 'rental' AND rt.id = CAST(a.target_id AS INTEGER) \
     LEFT JOIN resources r ON a.target_type = 'resource' AND r.slug = a.target_id \
     LEFT JOIN events ev ON a.target_type = 'event' AND ev.id = CAST(a.target_id AS INTEGER) \
     ORDER BY a.id DESC LIMIT 200";

/// An audit row for the statement just before it in the batch: written only if that statement
/// changed something (SQLite's `changes()` refers to the previous statement of the connection).
pub fn record_after(
    db: &D1Database,
    now: DateTime<Utc>,
    actor: &Caller,
    action: &str,
    target_type: &str,
    target_id: &str,
    details: serde_json::Value,
) -> DbResult<D1PreparedStatement> {
    entry(
        db,
        RECORD,
        now,
        actor,
        (action, target_type, target_id),
        details,
    )
}

/// An audit row for a batch that lands whole or not at all (guarded by a version).
pub fn record(
    db: &D1Database,
    now: DateTime<Utc>,
    actor: &Caller,
    action: &str,
    target_type: &str,
    target_id: &str,
    details: serde_json::Value,
) -> DbResult<D1PreparedStatement> {
    entry(
        db,
        RECORD_ALWAYS,
        now,
        actor,
        (action, target_type, target_id),
        details,
    )
}

fn entry(
    db: &D1Database,
    sql: &str,
    now: DateTime<Utc>,
    actor: &Caller,
    (action, target_type, target_id): (&str, &str, &str),
    details: serde_json::Value,
) -> DbResult<D1PreparedStatement> {
    let actor_id = actor
        .id()
        .map(|id| id as f64)
        .map(Into::into)
        .unwrap_or(worker::wasm_bindgen::JsValue::NULL);
    stmt(
        db,
        sql,
        &[
            ts(now).into(),
            actor_id,
            actor.label().into(),
            action.into(),
            target_type.into(),
            target_id.into(),
            details.to_string().into(),
        ],
    )
}

#[derive(Deserialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor_label: String,
    pub action: String,
    pub target_type: String,
    pub target_id: String,
    pub details: String,
    /// The name of what the entry is about, in French and in English (empty once erased).
    pub target_fr: String,
    pub target_en: String,
}

pub async fn list(db: &D1Database) -> DbResult<Vec<AuditRow>> {
    all::<AuditRow>(db.prepare(LIST), "the audit log").await
}
