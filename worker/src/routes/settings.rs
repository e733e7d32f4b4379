//! What the cantine changes is data: opening hours, booking rules, room prices, budget, closure days.

use domain::calendar::BookingRules;
use domain::endpoints as ep;
use domain::settings::{LegalIdentity, OpeningHours, RoomRates, Setting, SettingsError};
use domain::wire::ClosureDay;
use domain::ApiMsg;
use serde_json::{json, Value};
use wire_json::Json;
use worker::Response;

use super::{handler, Ctx, Route};
use crate::auth::Access;
use crate::cache::Scope;
use crate::error::{ApiError, Context};
use crate::http;
use crate::repo::settings as repo;
use crate::repo::{audit, changes, ts};

/// The settings staff may edit, each checked by the domain before it is stored.
const EDITABLE: &[&str] = &[
    "opening_hours",
    "booking_rules",
    "room_rates",
    "yearly_budget_cents",
    "membership_fee_cents",
    "legal_identity",
    "rental_target_cents",
    "event_reminder_hours",
    "children_retention_days",
    "consultation_retention_days",
    "assembly_statutes",
];

pub fn routes() -> Vec<Route> {
    use Access::*;
    vec![
        Route::new(
            ep::SETTINGS,
            "The editable settings: opening hours, booking rules, room rates, budget, membership fee, the yearly room-rental target, the association's RNA and SIRET.",
            "staff",
            Staff,
            handler!(list),
        ),
        Route::new(
            ep::SET_SETTING,
            "Change a setting; the value is checked (e.g. closing after opening).",
            "staff",
            Staff,
            handler!(set),
        )
        .invalidates(&[Scope::Site, Scope::Availability]),
        Route::new(
            ep::CLOSURES,
            "Closure days added by staff (public holidays are computed).",
            "staff",
            Staff,
            handler!(closures),
        ),
        Route::new(
            ep::ADD_CLOSURE,
            "Close the cantine on a day.",
            "staff",
            Staff,
            handler!(add_closure),
        )
        .invalidates(&[Scope::Site, Scope::Availability])
        .status(201),
        Route::new(
            ep::REMOVE_CLOSURE,
            "Open again on a closure day.",
            "staff",
            Staff,
            handler!(remove_closure),
        )
        .invalidates(&[Scope::Site, Scope::Availability]),
    ]
}

pub async fn list(ctx: Ctx) -> Result<Response, ApiError> {
    let rows = repo::editable(&ctx.db()?).await?;
    let list: Vec<Setting> = rows
        .into_iter()
        .map(|r| {
            Ok(Setting {
                value: Json::try_from(&r.value)
                    .map_err(|e| ApiError::Internal(format!("setting {}: {e}", r.key)))?,
                key: r.key,
                updated_at: r.updated_at,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    http::json(&list, 200)
}

/// Check a value with the domain's parser for its key; the error names what is wrong.
fn validate(key: &str, value: &Value) -> Result<String, ApiError> {
    let text = value.to_string();
    let invalid = |e: SettingsError| ApiError::field_text("value", |lang| e.message(lang));
    match key {
        "opening_hours" => OpeningHours::parse_json(&text)
            .map(|_| text.clone())
            .map_err(invalid),
        "booking_rules" => BookingRules::parse_json(&text)
            .map(|_| text.clone())
            .map_err(invalid),
        "room_rates" => RoomRates::parse_json(&text)
            .map(|_| text.clone())
            .map_err(invalid),
        "legal_identity" => LegalIdentity::parse_json(&text)
            .map(|id| serde_json::json!(id).to_string())
            .map_err(invalid),
        "membership_fee_cents" => match value.as_i64() {
            Some(n) if (0..=100_000).contains(&n) => Ok(text),
            _ => Err(ApiError::field("value", ApiMsg::SettingFee)),
        },
        "rental_target_cents" => match value.as_i64() {
            Some(n) if (0..=100_000_000).contains(&n) => Ok(text),
            _ => Err(ApiError::field("value", ApiMsg::SettingTarget)),
        },
        "event_reminder_hours" => match value.as_i64() {
            Some(n) if (1..=168).contains(&n) => Ok(text),
            _ => Err(ApiError::field("value", ApiMsg::SettingReminderHours)),
        },
        "children_retention_days" => match value.as_i64() {
            Some(n) if (1..=365).contains(&n) => Ok(text),
            _ => Err(ApiError::field("value", ApiMsg::SettingRetentionDays)),
        },
        "consultation_retention_days" => match value.as_i64() {
            Some(n) if (30..=3650).contains(&n) => Ok(text),
            _ => Err(ApiError::field(
                "value",
                ApiMsg::SettingConsultationRetention,
            )),
        },
        "assembly_statutes" => domain::assembly::Statutes::parse_json(&text)
            .map(|s| serde_json::json!(s).to_string())
            .map_err(|e| ApiError::field("value", e.msg())),
        "yearly_budget_cents" => match value.as_i64() {
            Some(n) if (0..=100_000_000).contains(&n) => Ok(text),
            _ => Err(ApiError::field("value", ApiMsg::SettingBudget)),
        },
        _ => Err(ApiError::NotFound),
    }
}

pub async fn set(mut ctx: Ctx) -> Result<Response, ApiError> {
    let key = ctx.param("key").unwrap_or_default().to_string();
    if !EDITABLE.contains(&key.as_str()) {
        return Err(ApiError::NotFound);
    }
    let value: Value = ctx.json().await?;
    let text = validate(&key, &value)?;
    let db = ctx.db()?;
    let actor = ctx.member()?.id;
    // The journal says what the value was and what it became (as stored, once tidied).
    let before = repo::value(&db, &key).await?.map(|r| r.value);
    let after: Value = serde_json::from_str(&text).context("the checked value")?;
    // The answer's value, made before anything is written: a value it cannot carry stores nothing.
    let stored = Json::try_from(&after)
        .map_err(|e| ApiError::Internal(format!("setting {key} as checked: {e}")))?;
    db.batch(vec![
        repo::update(&db, &key, &text, actor, ctx.now)?,
        audit::record_after(
            &db,
            ctx.now,
            &ctx.caller,
            "setting.change",
            "setting",
            &key,
            json!({ "before": before, "after": after }),
        )?,
    ])
    .await
    .context("changing the setting")?;
    Response::from_json(&Setting {
        key,
        value: stored,
        updated_at: ts(ctx.now),
    })
    .context("writing the answer")
}

pub async fn closures(ctx: Ctx) -> Result<Response, ApiError> {
    let rows: Vec<ClosureDay> = repo::closures(&ctx.db()?)
        .await?
        .into_iter()
        .map(|r| ClosureDay {
            date: r.date,
            reason_fr: r.reason_fr,
            reason_en: r.reason_en,
        })
        .collect();
    http::json(&rows, 200)
}

pub async fn add_closure(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: ClosureDay = ctx.json().await?;
    let date = domain::accounts::parse_day(&body.date)
        .map_err(|m| ApiError::Validation(vec![("date".into(), m)]))?;
    let day = ClosureDay {
        date: date.format("%Y-%m-%d").to_string(),
        reason_fr: body.reason_fr.trim().into(),
        reason_en: body.reason_en.trim().into(),
    };
    let db = ctx.db()?;
    db.batch(vec![
        repo::add_closure(&db, &day.date, &day.reason_fr, &day.reason_en)?,
        audit::record_after(
            &db,
            ctx.now,
            &ctx.caller,
            "closure.add",
            "closure_day",
            &day.date,
            json!({ "reason": day.reason_fr }),
        )?,
    ])
    .await
    .context("adding the closure day")?;
    http::json(&day, 201)
}

pub async fn remove_closure(ctx: Ctx) -> Result<Response, ApiError> {
    let date = ctx.param("date").unwrap_or_default().to_string();
    let db = ctx.db()?;
    let results = db
        .batch(vec![
            repo::remove_closure(&db, &date)?,
            audit::record_after(
                &db,
                ctx.now,
                &ctx.caller,
                "closure.remove",
                "closure_day",
                &date,
                json!({}),
            )?,
        ])
        .await
        .context("removing the closure day")?;
    if results.first().map(changes) != Some(1) {
        return Err(ApiError::NotFound);
    }
    http::empty(204)
}
