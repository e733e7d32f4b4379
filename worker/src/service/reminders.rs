//! Renewal reminders, queued by the scheduled run: 30 and 7 days before the end of a membership
//! and on expiry, each at most once per period (the outbox's dedupe key), never after a renewal
//! (a renewal moves the end date, and with it the reminder that is due).

use chrono::{DateTime, Duration, Utc};
use domain::accounts::{due_reminder, Reminder};
use domain::i18n::{fill, format_date_long};
use domain::{paris, ApiMsg};
use worker::D1Database;

use crate::error::ApiError;
use crate::mail::Email;
use crate::repo::{accounts, outbox};

pub async fn queue_due(db: &D1Database, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let today = paris::local_date(now);
    // Where to pay by transfer, said in the email when the association has set its IBAN.
    let iban = crate::service::calendar::config(db)
        .await?
        .legal
        .iban_print();
    let candidates =
        accounts::renewal_candidates(db, today - Duration::days(30), today + Duration::days(30))
            .await?;
    let mut statements = Vec::new();
    for m in candidates {
        let Some(until) = m.until() else { continue };
        let Some(reminder) = due_reminder(until, today) else {
            continue;
        };
        let lang = m.lang;
        let (subject, body) = match reminder {
            Reminder::ThirtyDays | Reminder::SevenDays => (
                ApiMsg::EmailRenewalSoonSubject,
                ApiMsg::EmailRenewalSoonBody,
            ),
            Reminder::Expired => (ApiMsg::EmailExpiredSubject, ApiMsg::EmailExpiredBody),
        };
        let until_text = format_date_long(until, lang);
        let transfer = iban
            .as_deref()
            .map(|iban| fill(ApiMsg::EmailTransferLine.text(lang), &[("iban", iban)]))
            .unwrap_or_default();
        let mail = Email::compose(
            &m.email,
            "renewal_reminder",
            lang,
            subject,
            body,
            &[
                ("name", &m.name),
                ("until", &until_text),
                ("transfer", &transfer),
            ],
        );
        let key = format!("renewal:{}:{}:{}", m.id, until, reminder.key());
        statements.push(outbox::queue(db, &mail, Some(m.id), Some(&key), now)?);
    }
    if statements.is_empty() {
        return Ok(0);
    }
    let results = crate::repo::batch(db, statements, "queueing renewal reminders").await?;
    Ok(results.iter().map(crate::repo::changes).sum())
}
