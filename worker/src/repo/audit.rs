//! The audit log: written in the same batch as the change it records.

use chrono::{DateTime, Utc};
use domain::wire::AuditEntry;
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement};

use super::{all, stmt, ts, DbResult};
use crate::auth::Caller;

/// The audit row is written only when `guard_sql` (a boolean SQL expression over the values that
/// follow) holds, so that a batch whose main write changed nothing records nothing.
const RECORD: &str =
    "INSERT INTO audit_log (at, actor_id, actor_label, action, target_type, target_id, details) \
     SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE changes() > 0";
const LIST: &str = "SELECT id, at, actor_label, action, target_type, target_id, details FROM audit_log ORDER BY id DESC LIMIT 200";

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
    let actor_id = actor
        .id()
        .map(|id| id as f64)
        .map(Into::into)
        .unwrap_or(worker::wasm_bindgen::JsValue::NULL);
    stmt(
        db,
        RECORD,
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
struct Row {
    id: i64,
    at: String,
    actor_label: String,
    action: String,
    target_type: String,
    target_id: String,
    details: String,
}

pub async fn list(db: &D1Database) -> DbResult<Vec<AuditEntry>> {
    Ok(all::<Row>(db.prepare(LIST), "the audit log")
        .await?
        .into_iter()
        .map(|r| AuditEntry {
            id: r.id,
            at: r.at,
            actor: r.actor_label,
            action: r.action,
            target_type: r.target_type,
            target_id: r.target_id,
            details: r.details,
        })
        .collect())
}
