//! Staff edit the rules as data: checked values, closure days that the calendar follows.

use anyhow::{ensure, Context, Result};
use chrono::{Datelike, Duration, Utc};
use domain::paris;
use domain::wire::{ApiErrorBody, DayAvailability, SiteContent};
use kerne_tests::api_client::{expect_json, expect_status, DEMO_PASSWORD};
use kerne_tests::ensure_each;
use serde_json::{json, Value};

use crate::support::{anonymous, header, staff};
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
    ensure_each!(
        [
            err.fields.get("value").map(String::as_str)
                == Some("Le lundi, l'heure de fermeture doit être après l'heure d'ouverture."),
            err.message == "Certains champs sont invalides."
        ],
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
    ensure_each!(
        [
            in_english.fields.get("value").map(String::as_str)
                == Some("On Monday, the closing time must be after the opening time."),
            in_english.message == "Some fields are invalid."
        ],
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

/// Issue 37, items 4 and 10: the association's IBAN is a setting checked by its check digits and
/// shown where a transfer is asked for; a rate or a horizon out of range says its range; a change
/// is seen by the next read of the site (no minutes of browser cache) and the journal says the
/// value before and after.
pub async fn the_iban_and_limits_are_checked_seen_at_once_and_journalled(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let settings: Vec<Value> = staff.get_json("/api/staff/settings").await?;
    let value = |key: &str| -> Result<Value> {
        Ok(settings
            .iter()
            .find(|s| s["key"] == key)
            .with_context(|| key.to_string())?["value"]
            .clone())
    };
    let (legal, rates, rules) = (
        value("legal_identity")?,
        value("room_rates")?,
        value("booking_rules")?,
    );
    ensure!(
        legal["iban"] == "FR76 3000 6000 0112 3456 7890 189",
        "the demo association has its (fictitious) IBAN: {legal}"
    );
    let refused = |key: &'static str, body: Value, lang: &'static str| {
        let mut client = staff.clone();
        client.lang = lang;
        async move {
            let err: ApiErrorBody = expect_json(
                client
                    .put(&format!("/api/staff/settings/{key}"), &body)
                    .await?,
                422,
            )
            .await?;
            err.fields.get("value").cloned().context("no field error")
        }
    };
    let mut wrong = legal.clone();
    wrong["iban"] = json!("FR77 3000 6000 0112 3456 7890 189");
    let fr = refused("legal_identity", wrong.clone(), "fr").await?;
    let en = refused("legal_identity", wrong, "en").await?;
    ensure_each!(
        [
            fr.contains("IBAN n'est pas valide"),
            en.contains("IBAN is not valid")
        ],
        "{fr} / {en}"
    );
    let mut dear = rates.clone();
    dear["member_half_day_cents"] = json!(10_000_000);
    let fr = refused("room_rates", dear, "fr").await?;
    ensure!(fr.contains("10 000"), "100,000 € a half-day: {fr}");
    let mut far = rules.clone();
    far["horizon_days"] = json!(1000);
    let fr = refused("booking_rules", far, "fr").await?;
    ensure!(fr.contains("de 1 à 366 jours"), "a 1,000-day horizon: {fr}");
    ensure_each!(
        [
            value("legal_identity")? == legal,
            staff
                .get_json::<Vec<Value>>("/api/staff/settings")
                .await?
                .iter()
                .any(|s| s["key"] == "room_rates" && s["value"] == rates)
        ],
        "a refused value was stored"
    );

    // A browser holding the site's answer asks again and sees the change at once.
    let first = api.http.get(api.url("/api/site")).send().await?;
    let etag = header(&first, "etag")?;
    let site: SiteContent = serde_json::from_str(&first.text().await?)?;
    ensure!(
        site.transfer_iban.as_deref() == Some("FR76 3000 6000 0112 3456 7890 189"),
        "/api/site gives the IBAN in groups of four: {:?}",
        site.transfer_iban
    );
    let mut other = legal.clone();
    other["iban"] = json!("de44 5001 0517 5407 3249 31");
    expect_status(
        staff
            .put("/api/staff/settings/legal_identity", &other)
            .await?,
        200,
    )
    .await?;
    let again = crate::support::get_if_none_match(api, "/api/site", &etag).await?;
    ensure!(
        again.status() == 200,
        "the changed site answered {}",
        again.status()
    );
    let site: SiteContent = serde_json::from_str(&again.text().await?)?;
    ensure!(
        site.transfer_iban.as_deref() == Some("DE44 5001 0517 5407 3249 31"),
        "{:?}",
        site.transfer_iban
    );
    let audit: Vec<domain::wire::AuditEntry> = staff.get_json("/api/staff/audit").await?;
    let entry = audit
        .iter()
        .find(|a| a.action == "setting.change" && a.target_id == "legal_identity")
        .context("the change is journalled")?;
    ensure_each!(
        [
            entry
                .summary
                .fr
                .contains("IBAN FR76 3000 6000 0112 3456 7890 189"),
            entry.summary.fr.contains("→"),
            entry
                .summary
                .fr
                .contains("IBAN DE44 5001 0517 5407 3249 31")
        ],
        "{}",
        entry.summary.fr
    );
    expect_status(
        staff
            .put("/api/staff/settings/legal_identity", &legal)
            .await?,
        200,
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
    ensure_each!(
        [!closed[0].open, closed[0].slots.is_empty()],
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
