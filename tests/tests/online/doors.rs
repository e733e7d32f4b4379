//! Logging in under attack, bodies that cannot be read, text that misleads, and the declared limits.

use anyhow::{ensure, Context, Result};
use domain::wire::ApiErrorBody;
use kerne_tests::api_client::{expect_json, expect_status, DEMO_PASSWORD};
use kerne_tests::ensure_each;
use reqwest::Method;
use serde_json::{json, Value};

use crate::inbox::{publish, workshop};
use crate::support::{anonymous, inbox, links_in, staff, unique};
use crate::Online;

const DEVICE_COOKIE: &str = "__Host-kerne_device";

/// The device cookie a login answer sets.
fn device_from(resp: &reqwest::Response) -> Option<String> {
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix(&format!("{DEVICE_COOKIE}=")))
        .map(|c| c.split(';').next().unwrap_or_default().to_string())
}

async fn log_in(
    o: &Online,
    email: &str,
    password: &str,
    device: Option<&str>,
) -> Result<reqwest::Response> {
    let mut req = anonymous(o)
        .request(Method::POST, "/api/auth/login")
        .json(&json!({ "email": email, "password": password }));
    if let Some(d) = device {
        req = req.header("Cookie", format!("{DEVICE_COOKIE}={d}"));
    }
    Ok(req.send().await?)
}

/// Fifty wrong passwords on one account from fifty addresses: a new device waits, the owner's
/// phone (it signed in before) logs in, and the reset link she receives lets her in and lifts the
/// lock for her other devices.
pub async fn others_failures_never_lock_the_owner_out(o: &'static Online) -> Result<()> {
    let owner = "membre23@silicon-kerne.test";
    let first = log_in(o, owner, DEMO_PASSWORD, None).await?;
    let phone = device_from(&first).context("a login sets a device cookie")?;
    let cookie = first
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(DEVICE_COOKIE))
        .unwrap_or_default()
        .to_string();
    ensure_each!(
        [
            cookie.contains("HttpOnly"),
            cookie.contains("Secure"),
            cookie.contains("SameSite")
        ],
        "the device cookie is not HttpOnly, Secure and SameSite: {cookie}"
    );
    expect_status(first, 200).await?;
    for i in 0..50 {
        expect_status(log_in(o, owner, &format!("devine {i}"), None).await?, 401).await?;
    }
    let new_device = log_in(o, owner, DEMO_PASSWORD, None).await?;
    ensure!(
        new_device.status().as_u16() == 429,
        "after 50 failures from everywhere, a new device answered {}",
        new_device.status()
    );
    expect_status(log_in(o, owner, DEMO_PASSWORD, Some(&phone)).await?, 200)
        .await
        .context("the owner's own phone was locked out by others' failures")?;
    // The reset link in her mailbox lets her in and lifts the lock.
    expect_status(
        anonymous(o)
            .post("/api/auth/password-reset", &json!({ "email": owner }))
            .await?,
        202,
    )
    .await?;
    let token = inbox(o, owner, 1)
        .await?
        .iter()
        .flat_map(links_in)
        .find_map(|l| l.split("token=").nth(1).map(str::to_string))
        .context("a reset link")?;
    expect_status(
        anonymous(o)
            .post(
                "/api/auth/password-reset/confirm",
                &json!({ "token": token, "password": DEMO_PASSWORD }),
            )
            .await?,
        200,
    )
    .await?;
    expect_status(log_in(o, owner, DEMO_PASSWORD, None).await?, 200)
        .await
        .context("after the reset link, a new device still waits")?;
    Ok(())
}

/// A body over the stated size is refused with 413 before it is read; one that is not UTF-8 with
/// 400 and a message saying so; nothing is stored.
pub async fn big_or_unreadable_bodies_are_refused_before_anything_is_stored(
    o: &'static Online,
) -> Result<()> {
    let email = format!("{}@example.fr", unique("gros-"));
    let big = json!({ "name": "x".repeat(1_000_000), "email": email, "consent": true });
    let resp = anonymous(o).post("/api/applications", &big).await?;
    let err: ApiErrorBody = expect_json(resp, 413).await?;
    ensure!(err.message.contains("trop volumineuse"), "{err:?}");
    let resp = anonymous(o)
        .request(Method::POST, "/api/applications")
        .header("Content-Type", "application/json")
        .body(b"{\"name\": \"Jean \xff\xfe\", \"email\": \"jean@example.fr\"}".to_vec())
        .send()
        .await?;
    let err: ApiErrorBody = expect_json(resp, 400).await?;
    ensure!(err.message.contains("UTF-8"), "{err:?}");
    let pending: Vec<domain::wire::Application> = staff(o)
        .await?
        .get_json("/api/staff/applications?status=pending")
        .await?;
    ensure!(
        !pending
            .iter()
            .any(|a| a.email == email || a.email == "jean@example.fr"),
        "a refused body was stored"
    );
    Ok(())
}

fn application(name: &str) -> Value {
    json!({ "name": name, "email": format!("{}@example.fr", unique("texte-")), "phone": "", "company": "",
            "skills": [], "motivation": "", "clubs": [], "consent": true, "lang": "fr" })
}

async fn refused_field(resp: reqwest::Response, field: &str) -> Result<String> {
    let err: ApiErrorBody = expect_json(resp, 422).await?;
    err.fields
        .get(field)
        .cloned()
        .with_context(|| format!("the refusal does not name {field}: {err:?}"))
}

/// Names that would read as something else (a right-to-left override, a line break) are refused
/// for that reason, a length names its limit, and dates far away are refused for their date.
pub async fn misleading_text_and_far_dates_are_refused_with_their_reason(
    o: &'static Online,
) -> Result<()> {
    for name in ["Jean\u{202E}gnp.exe", "Jean\nDupont", "Jean\u{2066}Dupont"] {
        let msg = refused_field(
            anonymous(o)
                .post("/api/applications", &application(name))
                .await?,
            "name",
        )
        .await?;
        ensure!(msg.contains("inverse le sens"), "{name:?}: {msg}");
    }
    let msg = refused_field(
        anonymous(o)
            .post("/api/applications", &application(&"x".repeat(101)))
            .await?,
        "name",
    )
    .await?;
    ensure!(
        msg.contains("100 caractères"),
        "the limit is not said: {msg}"
    );
    let msg = refused_field(
        anonymous(o)
            .get("/api/events?from=2026-01-01&to=9999-12-31")
            .await?,
        "to",
    )
    .await?;
    ensure!(
        msg.contains("400 jours"),
        "a far end is refused for its span: {msg}"
    );
    let e = publish(o, &workshop("Atelier (mille enfants)", 49, 20)).await?;
    let kids: Vec<Value> = (0..1000)
        .map(|_| json!({ "first_name": "Lou", "age": 9 }))
        .collect();
    let body = json!({ "name": "Anne", "email": format!("{}@example.fr", unique("mille-")), "phone": "",
        "adults": 1, "children": kids, "consent_children": true, "consent_photos": false,
        "accept_fewer": false, "lang": "fr" });
    refused_field(
        anonymous(o)
            .post(&format!("/api/events/{}/registrations", e.id), &body)
            .await?,
        "children",
    )
    .await?;
    let mut far = workshop("Atelier en 9999", 50, 10);
    far["starts_at"] = json!("9999-12-01T14:00");
    far["ends_at"] = json!("9999-12-01T16:00");
    let msg = refused_field(
        staff(o).await?.post("/api/staff/events", &far).await?,
        "starts_at",
    )
    .await?;
    ensure!(msg.contains("deux ans"), "{msg}");
    Ok(())
}

/// The limits are part of each route's description: the OpenAPI document lists them.
pub async fn every_limit_is_declared_in_the_openapi_document(o: &'static Online) -> Result<()> {
    let doc: Value = anonymous(o).get("/api/openapi.json").await?.json().await?;
    for (path, per) in [
        ("/api/auth/password-reset", "per mailbox"),
        ("/api/applications", "per mailbox"),
        ("/api/rentals", "per mailbox"),
        ("/api/consultations", "per mailbox"),
        (
            "/api/events/{id}/registrations",
            "per client address and event",
        ),
    ] {
        let limits = doc["paths"][path]["post"]["x-limits"]
            .as_array()
            .with_context(|| format!("{path} declares no limits"))?;
        let words: Vec<&str> = limits.iter().filter_map(Value::as_str).collect();
        ensure_each!(
            [
                words.iter().any(|w| w.contains("per client address")),
                words.iter().any(|w| w.contains(per))
            ],
            "{path}: {words:?}"
        );
    }
    Ok(())
}
