//! The email outbox: every email is stored here first, then sent by the scheduled run.

use chrono::{DateTime, Utc};
use domain::wire::OutboxEmail;
use domain::Lang;
use serde::Deserialize;
use worker::wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use super::{all, column, run, stmt, stored_code, ts, DbResult};
use crate::mail::Email;

const QUEUE: &str = "INSERT OR IGNORE INTO outbox (to_email, member_id, kind, subject, body_text, body_html, lang, dedupe_key, created_at, urgent, about) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
/// Queued only if the application row carries this request's nonce (see applications.op_nonce).
const QUEUE_IF_APPLICATION: &str = "INSERT INTO outbox (to_email, member_id, kind, subject, body_text, body_html, lang, dedupe_key, created_at, urgent, about) \
     SELECT ?1, (SELECT member_id FROM applications WHERE op_nonce = ?12), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11 \
     WHERE EXISTS (SELECT 1 FROM applications WHERE op_nonce = ?12)";
/// Queued only if the rental row carries this request's nonce (see rentals.op_nonce).
const QUEUE_IF_RENTAL: &str =
    "INSERT INTO outbox (to_email, kind, subject, body_text, body_html, lang, created_at, urgent, about) \
     SELECT ?1, ?3, ?4, ?5, ?6, ?7, ?9, ?10, ?11 WHERE EXISTS (SELECT 1 FROM rentals WHERE op_nonce = ?12)";
/// Queued about the consultation whose private link has the hash `?12` (inserted in the same batch).
const QUEUE_ABOUT_CONSULTATION: &str = "INSERT INTO outbox (to_email, kind, subject, body_text, body_html, lang, created_at, urgent, about) \
     SELECT ?1, ?3, ?4, ?5, ?6, ?7, ?9, ?10, 'consultation:' || id FROM consultations WHERE token_hash = ?12";
/// The newest 200 emails (to `?1` only when it is not empty). A password reset for an account of
/// a higher role than the reader's (`?2`: 1 for an admin reader) is none of the reader's business.
const LIST: &str = "SELECT o.id, o.to_email, o.subject, o.body_text, o.lang, o.status, o.kind, o.created_at, o.sent_at FROM outbox o \
     LEFT JOIN members m ON m.id = o.member_id \
     WHERE (?1 = '' OR o.to_email = ?1) \
     AND (?2 = 1 OR o.kind <> 'password_reset' OR m.role IS NULL OR m.role <> 'admin') \
     ORDER BY o.id DESC LIMIT 200";
const FOR_MEMBER: &str =
    "SELECT id, to_email, subject, body_text, lang, status, kind, created_at, sent_at FROM outbox \
     WHERE member_id = ?1 OR to_email = ?2 ORDER BY id";
/// What the scheduled run sends: what people wait for first, then in order.
const PENDING: &str = "SELECT id, to_email, subject, body_text, body_html, attempts FROM outbox WHERE status = 'pending' AND attempts < 5 ORDER BY urgent DESC, id LIMIT ?1";
/// What a request just queued for someone waiting: sent before its answer.
const PENDING_URGENT: &str = "SELECT id, to_email, subject, body_text, body_html, attempts FROM outbox WHERE status = 'pending' AND urgent = 1 AND attempts = 0 ORDER BY id LIMIT ?1";
/// A try is claimed before the email is handed to the sender: of two senders that read the same
/// email (a request's and the scheduled run's), one sends it.
const CLAIM: &str = "UPDATE outbox SET attempts = attempts + 1 WHERE id = ?1 AND status = 'pending' AND attempts = ?2";
/// Erasing a person or what they asked for: their unsent emails go, the sent ones keep only that
/// they were sent (kind and dates, for the counts), without address, subject or body.
const DELETE_UNSENT_ABOUT: &str =
    "DELETE FROM outbox WHERE about = ?1 AND to_email = ?2 AND status <> 'sent'";
const BLANK_SENT_ABOUT: &str = "UPDATE outbox SET to_email = '', subject = '', body_text = '', body_html = '', member_id = NULL \
     WHERE about = ?1 AND to_email = ?2 AND status = 'sent'";
const DELETE_UNSENT_TO_MEMBER: &str =
    "DELETE FROM outbox WHERE (member_id = ?1 OR to_email = ?2) AND status <> 'sent'";
const BLANK_SENT_TO_MEMBER: &str = "UPDATE outbox SET to_email = '', subject = '', body_text = '', body_html = '', member_id = NULL \
     WHERE (member_id = ?1 OR to_email = ?2) AND status = 'sent'";
const MARK_SENT: &str =
    "UPDATE outbox SET status = 'sent', sent_at = ?2 WHERE id = ?1 AND status = 'pending'";
const MARK_FAILED: &str = "UPDATE outbox SET last_error = ?2, \
     status = CASE WHEN attempts >= 5 THEN 'failed' ELSE 'pending' END WHERE id = ?1";

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
        f64::from(u8::from(crate::mail::is_urgent(e.kind))).into(),
        e.about
            .as_deref()
            .map(JsValue::from_str)
            .unwrap_or(JsValue::NULL),
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

/// Queue the email about the consultation just inserted with the link hash `token_hash`.
pub fn queue_about_consultation(
    db: &D1Database,
    e: &Email,
    token_hash: &str,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    queue_if_changed_by(db, QUEUE_ABOUT_CONSULTATION, e, token_hash, now)
}

/// The conditional insert `sql` (one of the `QUEUE_IF_*`), its last value the request's nonce.
fn queue_if_changed_by(
    db: &D1Database,
    sql: &str,
    e: &Email,
    nonce: &str,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    // ?1…?11 as `QUEUE`, then the nonce as ?12.
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
            secret_shown: false,
        }
    }
}

/// How a stored email is read back: its private links masked, unless the site shows them
/// (`config::Site::shows_secrets`: a local run that sends nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Secrets {
    Masked,
    Shown,
}

fn read(row: Row, secrets: Secrets) -> OutboxEmail {
    let mut email: OutboxEmail = row.into();
    if let Some(masked) = domain::privacy::mask_secrets(&email.body_text) {
        match secrets {
            Secrets::Masked => email.body_text = masked,
            Secrets::Shown => email.secret_shown = true,
        }
    }
    email
}

/// The newest 200 emails, to `to` only when it is not empty, as `reader_is_admin` may read them.
pub async fn list(
    db: &D1Database,
    to: &str,
    reader_is_admin: bool,
    secrets: Secrets,
) -> DbResult<Vec<OutboxEmail>> {
    let admin = f64::from(u8::from(reader_is_admin));
    Ok(
        all::<Row>(stmt(db, LIST, &[to.into(), admin.into()])?, "the outbox")
            .await?
            .into_iter()
            .map(|r| read(r, secrets))
            .collect(),
    )
}

/// A member's own emails, for their export: private links masked (a stolen session must not
/// yield a working reset link).
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
    .map(|r| read(r, Secrets::Masked))
    .collect())
}

/// Erase the emails about `about` to `to` (see [`BLANK_SENT_ABOUT`]), in the batch that erases it.
pub fn erase_about(db: &D1Database, about: &str, to: &str) -> DbResult<[D1PreparedStatement; 2]> {
    Ok([
        stmt(db, DELETE_UNSENT_ABOUT, &[about.into(), to.into()])?,
        stmt(db, BLANK_SENT_ABOUT, &[about.into(), to.into()])?,
    ])
}

/// Erase every email to a member (by id or address), in the batch that erases the member.
pub fn erase_member(
    db: &D1Database,
    member_id: i64,
    email: &str,
) -> DbResult<[D1PreparedStatement; 2]> {
    let id = member_id as f64;
    Ok([
        stmt(db, DELETE_UNSENT_TO_MEMBER, &[id.into(), email.into()])?,
        stmt(db, BLANK_SENT_TO_MEMBER, &[id.into(), email.into()])?,
    ])
}

#[derive(Deserialize)]
pub struct Pending {
    pub id: i64,
    pub to_email: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub attempts: i64,
}

/// Claim a try at sending `e`: false when another sender already did.
pub async fn claim(db: &D1Database, e: &Pending) -> DbResult<bool> {
    let s = stmt(
        db,
        CLAIM,
        &[(e.id as f64).into(), (e.attempts as f64).into()],
    )?;
    Ok(super::changes(&run(s, "claiming an email to send").await?) == 1)
}

pub async fn pending(db: &D1Database, limit: u32) -> DbResult<Vec<Pending>> {
    all(
        stmt(db, PENDING, &[f64::from(limit).into()])?,
        "the emails to send",
    )
    .await
}

/// The urgent emails not tried yet (see [`PENDING_URGENT`]).
pub async fn pending_urgent(db: &D1Database, limit: u32) -> DbResult<Vec<Pending>> {
    all(
        stmt(db, PENDING_URGENT, &[f64::from(limit).into()])?,
        "the emails to send at once",
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
