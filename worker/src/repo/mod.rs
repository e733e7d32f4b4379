//! SQL, as constants, with typed rows. Every value is bound, never formatted into SQL. Writes that
//! must happen together are one `batch` (one transaction); a write that depends on the current
//! state says so in its own `WHERE`, never in a read made before it.

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use worker::{D1Database, D1PreparedStatement, D1Result};

pub mod accounts;
pub mod audit;
pub mod bookings;
pub mod limits;
pub mod outbox;
pub mod rentals;
pub mod sessions;
pub mod settings;
pub mod site;

const PING: &str = "SELECT 1 AS ok";

#[derive(serde::Deserialize)]
struct Ping {
    ok: i64,
}

/// Is the database there and answering?
pub async fn ping(db: &D1Database) -> worker::Result<()> {
    let row: Option<Ping> = db.prepare(PING).first(None).await?;
    match row {
        Some(Ping { ok: 1 }) => Ok(()),
        _ => Err(worker::Error::RustError(
            "the database did not answer SELECT 1".into(),
        )),
    }
}

/// Instants are stored as UTC RFC 3339 text with a fixed width, so they sort as text.
pub fn ts(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// A statement with bound values.
pub fn stmt(
    db: &D1Database,
    sql: &str,
    values: &[worker::wasm_bindgen::JsValue],
) -> worker::Result<D1PreparedStatement> {
    db.prepare(sql).bind(values)
}

/// How many rows a write changed.
pub fn changes(result: &D1Result) -> usize {
    result
        .meta()
        .ok()
        .flatten()
        .and_then(|m| m.changes)
        .unwrap_or(0)
}

pub async fn all<T: DeserializeOwned>(s: D1PreparedStatement) -> worker::Result<Vec<T>> {
    s.all().await?.results()
}

pub async fn first<T: DeserializeOwned>(s: D1PreparedStatement) -> worker::Result<Option<T>> {
    s.first(None).await
}

/// A stored value this version of the code does not know: an error naming the column and the
/// value, so that the log says what is in the database (never read as some default).
pub fn unknown(column: &str, value: &str) -> worker::Error {
    worker::Error::RustError(format!(
        "{column} holds {value:?}, which this version does not know"
    ))
}

/// Is this D1 error a UNIQUE constraint violation? (Used to turn races into clear 409s.)
pub fn is_unique_violation(e: &worker::Error) -> bool {
    e.to_string().contains("UNIQUE constraint failed")
}

/// Parse a JSON array of strings stored in a TEXT column.
pub fn json_list(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}
