//! Helpers shared by the API tests: demo accounts, fresh members, reading the outbox.

use std::sync::atomic::{AtomicU32, Ordering};

use anyhow::{Context, Result};
use domain::wire::{Application, Created, OutboxEmail};
use kerne_tests::api_client::{expect_json, expect_status, ApiClient, DEMO_PASSWORD};
use serde_json::json;

use crate::Api;

pub const CONCIERGE: &str = "concierge@silicon-kerne.test";
pub const STAFF: &str = "staff@silicon-kerne.test";

/// A response header's value, or an error naming the header and the address.
pub fn header(resp: &reqwest::Response, name: &str) -> Result<String> {
    Ok(resp
        .headers()
        .get(name)
        .with_context(|| format!("no {name} header on {}", resp.url()))?
        .to_str()?
        .to_string())
}

/// `GET path` as a browser holding `etag` asks again.
pub async fn get_if_none_match(api: &Api, path: &str, etag: &str) -> Result<reqwest::Response> {
    Ok(api
        .http
        .get(api.url(path))
        .header("If-None-Match", etag)
        .send()
        .await?)
}

/// A value unique to this run and call: emails and IPs that no other test uses.
pub fn unique(prefix: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    let n = N.fetch_add(1, Ordering::SeqCst);
    format!("{prefix}{}{n}", std::process::id() % 10_000)
}

/// A client address of its own, so login throttling in one test does not affect another.
pub fn fresh_ip() -> String {
    static N: AtomicU32 = AtomicU32::new(1);
    let n = N.fetch_add(1, Ordering::SeqCst);
    format!("10.{}.{}.{}", 1 + n / 65_536 % 250, n / 256 % 256, n % 256)
}

pub fn anonymous(api: &Api) -> ApiClient {
    ApiClient::anonymous(&api.app).with_ip(&fresh_ip())
}

pub async fn admin(api: &Api) -> Result<ApiClient> {
    anonymous(api).login(CONCIERGE, DEMO_PASSWORD).await
}

pub async fn staff(api: &Api) -> Result<ApiClient> {
    anonymous(api).login(STAFF, DEMO_PASSWORD).await
}

pub fn application(name: &str, email: &str) -> serde_json::Value {
    json!({
        "name": name, "email": email, "phone": "06 12 34 56 78", "company": "Atelier test",
        "skills": ["Graphisme", "print"], "motivation": "Travailler avec d'autres graphistes.",
        "clubs": ["graphistes"], "consent": true, "lang": "fr"
    })
}

/// The newest email of a kind to an address.
pub async fn last_email(admin: &ApiClient, to: &str, kind: &str) -> Result<OutboxEmail> {
    let outbox: Vec<OutboxEmail> = admin
        .get_json(&format!("/api/staff/outbox?to={to}"))
        .await?;
    outbox
        .into_iter()
        .find(|e| e.to == to && e.kind == kind)
        .with_context(|| format!("no {kind} email to {to} in the outbox"))
}

/// The token of the link an email carries (`…?token=XYZ`).
pub fn token_in(email: &OutboxEmail) -> Result<String> {
    let start = email
        .body_text
        .find("token=")
        .context("no link with a token in the email")?
        + "token=".len();
    Ok(email.body_text[start..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string())
}

pub struct NewMember {
    pub id: i64,
    pub email: String,
    pub client: ApiClient,
}

pub const NEW_PASSWORD: &str = "un mot de passe solide";

/// An applicant admitted by staff: their email, member id, and the invitation's token.
pub struct Admitted {
    pub email: String,
    pub member_id: i64,
    pub token: String,
}

/// Apply without an account (from `anon`): the answer is a bare 202 (it says nothing of whether
/// the address has an account), so the application's id is read as staff read it.
pub async fn apply(anon: &ApiClient, admin: &ApiClient, name: &str, email: &str) -> Result<i64> {
    expect_status(
        anon.post("/api/applications", &application(name, email))
            .await?,
        202,
    )
    .await?;
    let pending: Vec<Application> = admin
        .get_json("/api/staff/applications?status=pending")
        .await?;
    pending
        .iter()
        .find(|a| a.email == email)
        .map(|a| a.id)
        .with_context(|| format!("no pending application from {email} for staff"))
}

/// Apply without an account (from `anon`), then be approved by staff: the invitation is in the outbox.
pub async fn apply_and_admit(anon: &ApiClient, admin: &ApiClient, name: &str) -> Result<Admitted> {
    let email = format!("{}@example.fr", unique("membre-test-"));
    let id = apply(anon, admin, name, &email).await?;
    let member: Created = expect_json(
        admin
            .post(&format!("/api/staff/applications/{id}/approve"), &json!({}))
            .await?,
        201,
    )
    .await?;
    let token = token_in(&last_email(admin, &email, "invitation").await?)?;
    Ok(Admitted {
        email,
        member_id: member.id,
        token,
    })
}

/// A member created the way people are: application, approval, invitation link, password.
pub async fn new_member(api: &Api, admin: &ApiClient) -> Result<NewMember> {
    let anon = anonymous(api);
    let Admitted {
        email,
        member_id,
        token,
    } = apply_and_admit(&anon, admin, "Nouvel Adhérent").await?;
    let resp = anon
        .post(
            "/api/auth/invitation",
            &json!({ "token": token, "password": NEW_PASSWORD }),
        )
        .await?;
    let client = anon.with_session_from(&resp)?;
    expect_status(resp, 200).await?;
    Ok(NewMember {
        id: member_id,
        email,
        client,
    })
}
