use anyhow::{ensure, Result};
use chrono::{DateTime, Utc};
use domain::paris;
use domain::wire::Health;
use kerne_tests::ensure_each;

use kerne_tests::api_client::decode;

use crate::Api;

pub async fn reports_ok_with_database_and_paris_time(api: &'static Api) -> Result<()> {
    let resp = api.http.get(api.url("/api/health")).send().await?;
    ensure!(resp.status() == 200, "health answered {}", resp.status());
    ensure!(
        resp.headers()["cache-control"] == "no-store",
        "health must not be cached"
    );
    let health: Health = decode(&resp.text().await?, "/api/health")?;
    ensure_each!(
        [health.status == "ok", health.database == "ok"],
        "unhealthy: {health:?}"
    );
    ensure!(
        health.version == env!("CARGO_PKG_VERSION"),
        "version {} is not the workspace's",
        health.version
    );
    let time = DateTime::parse_from_rfc3339(&health.time)?;
    let now = Utc::now();
    ensure!(
        (time.with_timezone(&Utc) - now).num_seconds().abs() < 60,
        "health time {time} is not now ({now})"
    );
    let expected_offset = paris::offset_at(now).local_minus_utc();
    ensure!(
        time.offset().local_minus_utc() == expected_offset,
        "time {} is not in Europe/Paris (expected offset {expected_offset} s)",
        health.time
    );
    Ok(())
}
