//! Staff edit the rules as data: checked values, closure days that the calendar follows.

use anyhow::{ensure, Context, Result};
use chrono::{Datelike, Duration, Utc};
use domain::paris;
use domain::wire::{ApiErrorBody, DayAvailability, SiteContent};
use kerne_tests::api_client::{expect_json, expect_status, DEMO_PASSWORD};
use serde_json::{json, Value};

use crate::support::{anonymous, staff};
use crate::Api;

pub async fn settings_are_checked_before_they_are_stored(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let settings: Vec<Value> = staff.get_json("/api/staff/settings").await?;
    let hours = settings
        .iter()
        .find(|s| s["key"] == "opening_hours")
        .context("opening_hours")?["value"]
        .clone();
    let backwards = json!([{ "weekday": 1, "open": "18:00", "close": "09:00" }]);
    let err: ApiErrorBody = expect_json(
        staff
            .put("/api/staff/settings/opening_hours", &backwards)
            .await?,
        422,
    )
    .await?;
    // The whole refusal in the caller's language, naming the day.
    ensure!(
        err.fields.get("value").map(String::as_str)
            == Some("Le lundi, l'heure de fermeture doit être après l'heure d'ouverture.")
            && err.message == "Certains champs sont invalides.",
        "{err:?}"
    );
    let mut english = staff.clone();
    english.lang = "en";
    let in_english: ApiErrorBody = expect_json(
        english
            .put("/api/staff/settings/opening_hours", &backwards)
            .await?,
        422,
    )
    .await?;
    ensure!(
        in_english.fields.get("value").map(String::as_str)
            == Some("On Monday, the closing time must be after the opening time.")
            && in_english.message == "Some fields are invalid.",
        "{in_english:?}"
    );
    let rules = json!({ "horizon_days": 60, "room_slot_minutes": 7 });
    expect_status(
        staff
            .put("/api/staff/settings/booking_rules", &rules)
            .await?,
        422,
    )
    .await?;
    expect_status(
        staff
            .put("/api/staff/settings/secret_key", &json!(1))
            .await?,
        404,
    )
    .await?;
    let after: Vec<Value> = staff.get_json("/api/staff/settings").await?;
    ensure!(
        after
            .iter()
            .find(|s| s["key"] == "opening_hours")
            .map(|s| &s["value"])
            == Some(&hours),
        "a refused value was stored"
    );
    // A valid change takes effect at once, and is audited.
    expect_status(
        staff
            .put("/api/staff/settings/yearly_budget_cents", &json!(6_250_000))
            .await?,
        200,
    )
    .await?;
    let site: SiteContent = anonymous(api).get_json("/api/site").await?;
    ensure!(
        site.yearly_budget_cents == 6_250_000,
        "the site shows the new budget"
    );
    expect_status(
        staff
            .put("/api/staff/settings/opening_hours", &hours)
            .await?,
        200,
    )
    .await?;
    let member = anonymous(api)
        .login("membre45@silicon-kerne.test", DEMO_PASSWORD)
        .await?;
    expect_status(
        member
            .put("/api/staff/settings/yearly_budget_cents", &json!(1))
            .await?,
        403,
    )
    .await?;
    Ok(())
}

pub async fn a_closure_day_closes_the_calendar(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let today = paris::local_date(Utc::now());
    let day = (120..130)
        .map(|i| today + Duration::days(i))
        .find(|d| d.weekday() == chrono::Weekday::Wed)
        .context("a Wednesday")?;
    let path = format!("/api/availability?resource=coworking&from={day}&to={day}");
    let open: Vec<DayAvailability> = anonymous(api).get_json(&path).await?;
    let was_open = open[0].open;
    expect_status(
        staff
            .post(
                "/api/staff/closures",
                &json!({ "date": day.to_string(), "reason_fr": "Inventaire" }),
            )
            .await?,
        201,
    )
    .await?;
    let closed: Vec<DayAvailability> = anonymous(api).get_json(&path).await?;
    ensure!(
        !closed[0].open && closed[0].slots.is_empty(),
        "a closure day has no slots: {:?}",
        closed[0]
    );
    expect_status(
        staff.delete(&format!("/api/staff/closures/{day}")).await?,
        204,
    )
    .await?;
    let reopened: Vec<DayAvailability> = anonymous(api).get_json(&path).await?;
    ensure!(
        reopened[0].open == was_open,
        "removing the closure reopens the day"
    );
    expect_status(
        staff
            .post("/api/staff/closures", &json!({ "date": "bientôt" }))
            .await?,
        422,
    )
    .await?;
    Ok(())
}
