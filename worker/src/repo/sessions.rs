//! Sessions (hashed ids with idle and absolute expiry) and login attempts.

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use worker::wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use domain::accounts::Role;

use crate::error::ApiError;

use super::{batch, column, first, results_of, run, stmt, ts, DbResult};

const FIND: &str = "SELECT s.member_id, m.name, m.email, m.role, s.last_seen_at FROM sessions s JOIN members m ON m.id = s.member_id \
     WHERE s.id_hash = ?1 AND s.expires_at > ?2 AND s.idle_expires_at > ?2 AND m.status = 'active'";
/// Slide the idle expiry; only when the stored last-seen time is older than ?4, so that of many
/// simultaneous requests one writes (the caller skips the statement entirely when it is recent).
const TOUCH: &str = "UPDATE sessions SET last_seen_at = ?2, idle_expires_at = ?3 WHERE id_hash = ?1 AND last_seen_at < ?4";
const CREATE: &str = "INSERT INTO sessions (id_hash, member_id, created_at, last_seen_at, idle_expires_at, expires_at) \
     VALUES (?1, ?2, ?3, ?3, ?4, ?5)";
const DELETE: &str = "DELETE FROM sessions WHERE id_hash = ?1";
const DELETE_FOR_MEMBER: &str = "DELETE FROM sessions WHERE member_id = ?1";

#[derive(Deserialize)]
pub struct SessionRow {
    pub member_id: i64,
    pub name: String,
    pub email: String,
    /// A role this version does not know is an error, never a lesser role.
    #[serde(deserialize_with = "role")]
    pub role: Role,
    last_seen_at: String,
}

column!(fn role: Role = "members.role", Role::parse);

impl SessionRow {
    /// When the session was last refreshed; `None` if the stored text is unreadable (refresh it).
    pub fn last_seen(&self) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(&self.last_seen_at)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }
}

pub async fn find(db: &D1Database, hash: &str, now: DateTime<Utc>) -> DbResult<Option<SessionRow>> {
    first(
        stmt(db, FIND, &[hash.into(), ts(now).into()])?,
        "the session",
    )
    .await
}

pub async fn touch(
    db: &D1Database,
    hash: &str,
    now: DateTime<Utc>,
    idle: Duration,
    refresh_after: Duration,
) -> DbResult<()> {
    let values: [JsValue; 4] = [
        hash.into(),
        ts(now).into(),
        ts(now + idle).into(),
        ts(now - refresh_after).into(),
    ];
    run(
        stmt(db, TOUCH, &values)?,
        "refreshing the session's last-seen time",
    )
    .await
    .map(|_| ())
}

pub fn create(
    db: &D1Database,
    hash: &str,
    member_id: i64,
    now: DateTime<Utc>,
    idle: Duration,
    absolute: Duration,
) -> DbResult<D1PreparedStatement> {
    let values: [JsValue; 5] = [
        hash.into(),
        (member_id as f64).into(),
        ts(now).into(),
        ts(now + idle).into(),
        ts(now + absolute).into(),
    ];
    stmt(db, CREATE, &values)
}

pub fn delete(db: &D1Database, hash: &str) -> DbResult<D1PreparedStatement> {
    stmt(db, DELETE, &[hash.into()])
}

pub fn delete_for_member(db: &D1Database, member_id: i64) -> DbResult<D1PreparedStatement> {
    stmt(db, DELETE_FOR_MEMBER, &[(member_id as f64).into()])
}

// ---------------------------------------------------------------- login throttling

const FAILURES_FOR_EMAIL: &str = "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM login_attempts \
     WHERE email = ?1 AND success = 0 AND at > ?2 \
     AND at > COALESCE((SELECT MAX(at) FROM login_attempts WHERE email = ?1 AND success = 1), '')";
/// Failures on one account from one client, since the account's last success.
const FAILURES_FOR_PAIR: &str = "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM login_attempts \
     WHERE email = ?1 AND client = ?3 AND success = 0 AND at > ?2 \
     AND at > COALESCE((SELECT MAX(at) FROM login_attempts WHERE email = ?1 AND success = 1), '')";
const FAILURES_FOR_CLIENT: &str =
    "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM login_attempts WHERE client = ?1 AND success = 0 AND at > ?2";
const RECORD: &str =
    "INSERT INTO login_attempts (at, email, client, success) VALUES (?1, ?2, ?3, ?4)";
const PRUNE: &str = "DELETE FROM login_attempts WHERE at < ?1";

#[derive(Deserialize)]
pub struct Failures {
    pub n: i64,
    pub oldest: Option<String>,
}

/// Recent failed logins: on the account from anywhere, from the client on any account, and on
/// the account from this client.
pub struct RecentFailures {
    pub account: Failures,
    pub client: Failures,
    pub account_from_client: Failures,
}

pub async fn failures(
    db: &D1Database,
    email: &str,
    client: &str,
    since: DateTime<Utc>,
) -> DbResult<RecentFailures> {
    let statements = vec![
        stmt(db, FAILURES_FOR_EMAIL, &[email.into(), ts(since).into()])?,
        stmt(db, FAILURES_FOR_CLIENT, &[client.into(), ts(since).into()])?,
        stmt(
            db,
            FAILURES_FOR_PAIR,
            &[email.into(), ts(since).into(), client.into()],
        )?,
    ];
    let results = batch(db, statements, "counting failed logins").await?;
    let read = |i: usize| -> DbResult<Failures> {
        results_of::<Failures>(&results, i, "the failed logins")?
            .pop()
            .ok_or_else(|| ApiError::Internal("counting failed logins: no count".into()))
    };
    Ok(RecentFailures {
        account: read(0)?,
        client: read(1)?,
        account_from_client: read(2)?,
    })
}

// ---------------------------------------------------------------- devices that signed in before

const DEVICE_KNOWN: &str =
    "SELECT COUNT(*) AS n FROM known_devices d JOIN members m ON m.id = d.member_id \
     WHERE d.device_hash = ?1 AND m.email = ?2";
const DEVICE_REMEMBER: &str = "INSERT INTO known_devices (device_hash, member_id, last_used_at) VALUES (?1, ?2, ?3) \
     ON CONFLICT (device_hash) DO UPDATE SET member_id = excluded.member_id, last_used_at = excluded.last_used_at";
const DEVICE_PRUNE: &str = "DELETE FROM known_devices WHERE last_used_at < ?1";

#[derive(Deserialize)]
struct Count {
    n: i64,
}

/// Has this device (its cookie's hash) signed in to the account with this email before?
pub async fn device_known(db: &D1Database, device_hash: &str, email: &str) -> DbResult<bool> {
    let c: Option<Count> = first(
        stmt(db, DEVICE_KNOWN, &[device_hash.into(), email.into()])?,
        "the known devices",
    )
    .await?;
    Ok(c.is_some_and(|c| c.n > 0))
}

pub fn remember_device(
    db: &D1Database,
    device_hash: &str,
    member_id: i64,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        DEVICE_REMEMBER,
        &[
            device_hash.into(),
            (member_id as f64).into(),
            ts(now).into(),
        ],
    )
}

pub fn prune_devices(db: &D1Database, before: DateTime<Utc>) -> DbResult<D1PreparedStatement> {
    stmt(db, DEVICE_PRUNE, &[ts(before).into()])
}

pub fn record_attempt(
    db: &D1Database,
    now: DateTime<Utc>,
    email: &str,
    client: &str,
    success: bool,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        RECORD,
        &[
            ts(now).into(),
            email.into(),
            client.into(),
            (success as i32 as f64).into(),
        ],
    )
}

pub fn prune_attempts(db: &D1Database, before: DateTime<Utc>) -> DbResult<D1PreparedStatement> {
    stmt(db, PRUNE, &[ts(before).into()])
}
