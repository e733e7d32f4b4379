//! Sending: the scheduled run takes what the outbox holds and sends it through the configured sender
//! (emails are composed in `crate::mail` and stored in the outbox first).

use serde_json::json;
use worker::{Env, Fetch, Headers, Method, Request, RequestInit};

use crate::repo::{outbox, DbResult};

/// Where emails go, chosen by the `EMAIL_SENDER` variable.
enum Sender {
    /// Local runs and tests: nothing leaves the machine; staff read the outbox in the staff pages.
    OutboxOnly,
    /// Production: an HTTP email API (Resend-compatible JSON), its key a wrangler secret.
    Http {
        url: String,
        key: String,
        from: String,
    },
}

fn sender(env: &Env) -> Sender {
    let var = |name: &str| env.var(name).ok().map(|v| v.to_string());
    match var("EMAIL_SENDER").as_deref() {
        Some("http") => Sender::Http {
            url: var("EMAIL_API_URL").unwrap_or_default(),
            key: env
                .secret("EMAIL_API_KEY")
                .map(|s| s.to_string())
                .unwrap_or_default(),
            from: var("EMAIL_FROM")
                .unwrap_or_else(|| "Silicon Kerne <contact@silicon-kerne.net>".into()),
        },
        _ => Sender::OutboxOnly,
    }
}

async fn send_http(url: &str, key: &str, from: &str, e: &outbox::Pending) -> worker::Result<()> {
    let headers = Headers::new();
    headers.set("Authorization", &format!("Bearer {key}"))?;
    headers.set("Content-Type", "application/json")?;
    let body = json!({ "from": from, "to": [e.to_email], "subject": e.subject, "text": e.body_text, "html": e.body_html });
    let mut init = RequestInit::new();
    init.with_method(Method::Post)
        .with_headers(headers)
        .with_body(Some(body.to_string().into()));
    let resp = Fetch::Request(Request::new_with_init(url, &init)?)
        .send()
        .await?;
    if (200..300).contains(&resp.status_code()) {
        Ok(())
    } else {
        Err(worker::Error::RustError(format!(
            "email API answered {}",
            resp.status_code()
        )))
    }
}

/// Emails the scheduled run sends at most per run (every 15 minutes: 400 an hour), what people
/// wait for first. Emails a person waits for do not wait for it: their route sends them at once.
const PER_RUN: u32 = 100;

/// Send what the outbox holds; each email is marked sent, or its failure counted (5 tries).
pub async fn send_pending(
    env: &Env,
    db: &worker::D1Database,
    now: chrono::DateTime<chrono::Utc>,
) -> DbResult<usize> {
    let emails = outbox::pending(db, PER_RUN).await?;
    send(env, db, emails, now).await
}

/// Send now the urgent emails not tried yet (what the request that just succeeded queued: a
/// link someone is waiting for), ahead of the queue others can fill. What fails stays queued.
pub async fn send_urgent(
    env: &Env,
    site: &crate::config::Site,
    db: &worker::D1Database,
    now: chrono::DateTime<chrono::Utc>,
) -> DbResult<usize> {
    if !site.sends_email {
        // Nothing leaves the machine: the email waits in the outbox for staff to read.
        return Ok(0);
    }
    let emails = outbox::pending_urgent(db, 10).await?;
    send(env, db, emails, now).await
}

async fn send(
    env: &Env,
    db: &worker::D1Database,
    emails: Vec<outbox::Pending>,
    now: chrono::DateTime<chrono::Utc>,
) -> DbResult<usize> {
    let sender = sender(env);
    let mut sent = 0;
    for e in emails {
        if !outbox::claim(db, &e).await? {
            continue;
        }
        let result = match &sender {
            Sender::OutboxOnly => Ok(()),
            Sender::Http { url, key, from } => send_http(url, key, from, &e).await,
        };
        match result {
            Ok(()) => {
                outbox::mark_sent(db, e.id, now).await?;
                sent += 1;
            }
            Err(err) => outbox::mark_failed(db, e.id, &err.to_string()).await?,
        }
    }
    Ok(sent)
}
