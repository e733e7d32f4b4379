//! The email outbox: every email is stored here first, then sent by the scheduled run.

use chrono::{DateTime, Utc};
use domain::wire::OutboxEmail;
use domain::Lang;
use serde::Deserialize;
use worker::wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use super::{all, column, run, stmt, stored_code, ts, DbResult};
use crate::mail::Email;

const QUEUE: &str = "INSERT OR IGNORE INTO outbox (to_email, member_id, kind, subject, body_text, body_html, lang, dedupe_key, created_at) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
/// Queued only if the application row carries this request's nonce (see applications.op_nonce).
const QUEUE_IF_APPLICATION: &str = "INSERT INTO outbox (to_email, member_id, kind, subject, body_text, body_html, lang, dedupe_key, created_at) \
     SELECT ?1, (SELECT member_id FROM applications WHERE op_nonce = ?10), ?3, ?4, ?5, ?6, ?7, ?8, ?9 \
     WHERE EXISTS (SELECT 1 FROM applications WHERE op_nonce = ?10)";
/// Queued only if the rental row carries this request's nonce (see rentals.op_nonce).
const QUEUE_IF_RENTAL: &str =
    "INSERT INTO outbox (to_email, kind, subject, body_text, body_html, lang, created_at) \
     SELECT ?1, ?3, ?4, ?5, ?6, ?7, ?9 WHERE EXISTS (SELECT 1 FROM rentals WHERE op_nonce = ?10)";
const LIST: &str = "SELECT id, to_email, subject, body_text, lang, status, kind, created_at, sent_at FROM outbox WHERE (?1 = '' OR to_email = ?1) ORDER BY id DESC LIMIT 200";
const FOR_MEMBER: &str =
    "SELECT id, to_email, subject, body_text, lang, status, kind, created_at, sent_at FROM outbox \
     WHERE member_id = ?1 OR to_email = ?2 ORDER BY id";
const PENDING: &str = "SELECT id, to_email, subject, body_text, body_html FROM outbox WHERE status = 'pending' AND attempts < 5 ORDER BY id LIMIT ?1";
const MARK_SENT: &str = "UPDATE outbox SET status = 'sent', sent_at = ?2, attempts = attempts + 1 WHERE id = ?1 AND status = 'pending'";
const MARK_FAILED: &str = "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, \
     status = CASE WHEN attempts + 1 >= 5 THEN 'failed' ELSE 'pending' END WHERE id = ?1";

fn values(
    e: &Email,
    member_id: Option<i64>,
    dedupe_key: Option<&str>,
    now: DateTime<Utc>,
) -> Vec<JsValue> {
    vec![
        e.to.as_str().into(),
        member_id
            .map(|id| JsValue::from_f64(id as f64))
            .unwrap_or(JsValue::NULL),
        e.kind.into(),
        e.subject.as_str().into(),
        e.text.as_str().into(),
        e.html.as_str().into(),
        e.lang.code().into(),
        dedupe_key.map(JsValue::from_str).unwrap_or(JsValue::NULL),
        ts(now).into(),
    ]
}

/// Queue an email; with a dedupe key, a second email with the same key is silently not queued.
pub fn queue(
    db: &D1Database,
    e: &Email,
    member_id: Option<i64>,
    dedupe_key: Option<&str>,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(db, QUEUE, &values(e, member_id, dedupe_key, now))
}

/// Queue an email only if the application row was changed by the request holding `nonce`.
pub fn queue_if_application(
    db: &D1Database,
    e: &Email,
    nonce: &str,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    queue_if_changed_by(db, QUEUE_IF_APPLICATION, e, nonce, now)
}

/// Queue an email only if the rental row was changed by the request holding `nonce`.
pub fn queue_if_rental(
    db: &D1Database,
    e: &Email,
    nonce: &str,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    queue_if_changed_by(db, QUEUE_IF_RENTAL, e, nonce, now)
}

/// The conditional insert `sql` (one of the `QUEUE_IF_*`), its last value the request's nonce.
fn queue_if_changed_by(
    db: &D1Database,
    sql: &str,
    e: &Email,
    nonce: &str,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    let mut v = values(e, None, None, now);
    v.push(nonce.into());
    stmt(db, sql, &v)
}

stored_code! {
    /// Where an email stands: waiting (or retried), sent, or given up after five tries.
    pub enum OutboxStatus in "outbox.status" {
        Pending = "pending",
        Sent = "sent",
        Failed = "failed",
    }
}

column!(fn lang: Lang = "outbox.lang", Lang::parse);

#[derive(Deserialize)]
struct Row {
    id: i64,
    to_email: String,
    subject: String,
    body_text: String,
    #[serde(deserialize_with = "lang")]
    lang: Lang,
    status: OutboxStatus,
    kind: String,
    created_at: String,
    sent_at: Option<String>,
}

impl From<Row> for OutboxEmail {
    fn from(r: Row) -> Self {
        OutboxEmail {
            id: r.id,
            to: r.to_email,
            subject: r.subject,
            body_text: r.body_text,
            lang: r.lang,
            status: r.status.as_str().into(),
            kind: r.kind,
            created_at: r.created_at,
            sent_at: r.sent_at,
        }
    }
}

/// The newest 200 emails, to `to` only when it is not empty.
pub async fn list(db: &D1Database, to: &str) -> DbResult<Vec<OutboxEmail>> {
    Ok(all::<Row>(stmt(db, LIST, &[to.into()])?, "the outbox")
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

pub async fn for_member(
    db: &D1Database,
    member_id: i64,
    email: &str,
) -> DbResult<Vec<OutboxEmail>> {
    Ok(all::<Row>(
        stmt(db, FOR_MEMBER, &[(member_id as f64).into(), email.into()])?,
        "the member's emails",
    )
    .await?
    .into_iter()
    .map(Into::into)
    .collect())
}

#[derive(Deserialize)]
pub struct Pending {
    pub id: i64,
    pub to_email: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
}

pub async fn pending(db: &D1Database, limit: u32) -> DbResult<Vec<Pending>> {
    all(
        stmt(db, PENDING, &[f64::from(limit).into()])?,
        "the emails to send",
    )
    .await
}

pub async fn mark_sent(db: &D1Database, id: i64, now: DateTime<Utc>) -> DbResult<()> {
    let s = stmt(db, MARK_SENT, &[(id as f64).into(), ts(now).into()])?;
    run(s, "marking an email sent").await.map(|_| ())
}

pub async fn mark_failed(db: &D1Database, id: i64, error: &str) -> DbResult<()> {
    let s = stmt(db, MARK_FAILED, &[(id as f64).into(), error.into()])?;
    run(s, "counting an email's failure").await.map(|_| ())
}
