//! Helpers of the online tests: clients from addresses of their own, staff, and the mailbox.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use kerne_tests::api_client::{ApiClient, DEMO_PASSWORD};
use kerne_tests::mail_sink::Received;

use crate::Online;

pub const CONCIERGE: &str = "concierge@silicon-kerne.test";
pub const STAFF: &str = "staff@silicon-kerne.test";

/// A value unique to this run and call.
pub fn unique(prefix: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    let n = N.fetch_add(1, Ordering::SeqCst);
    format!("{prefix}{}{n}", std::process::id() % 10_000)
}

/// A client address nobody else uses (`CF-Connecting-IP`).
pub fn fresh_ip() -> String {
    static N: AtomicU32 = AtomicU32::new(1);
    let n = N.fetch_add(1, Ordering::SeqCst);
    format!("10.{}.{}.{}", 200 + n / 65_536 % 50, n / 256 % 256, n % 256)
}

pub fn anonymous(o: &Online) -> ApiClient {
    ApiClient::anonymous(&o.app).with_ip(&fresh_ip())
}

pub async fn admin(o: &Online) -> Result<ApiClient> {
    anonymous(o).login(CONCIERGE, DEMO_PASSWORD).await
}

pub async fn staff(o: &Online) -> Result<ApiClient> {
    anonymous(o).login(STAFF, DEMO_PASSWORD).await
}

/// Any run of 32 or more URL-safe characters: what a private link's token looks like.
pub fn has_token(text: &str) -> bool {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .any(|run| run.len() >= 32)
}

/// The emails `to` has received, once at least `n` arrived (they leave before the answer, so a
/// short wait covers only the sink's own bookkeeping).
pub async fn inbox(o: &Online, to: &str, n: usize) -> Result<Vec<Received>> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let got = o.mail.to(to);
        if got.len() >= n {
            return Ok(got);
        }
        if Instant::now() > deadline {
            bail!(
                "{to} received {} email(s), expected at least {n}: {got:?}",
                got.len()
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Every address an email's text holds.
pub fn links_in(email: &Received) -> Vec<&str> {
    email
        .text
        .split_whitespace()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .collect()
}
