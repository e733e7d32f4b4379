//! Renting the room without an account: request, price, private link, quote, staff decision.

use anyhow::{ensure, Context, Result};
use chrono::{Duration, NaiveDate, Utc};
use domain::calendar::{desk_periods, BookingRules, DeskPeriod};
use domain::paris;
use domain::wire::{ApiErrorBody, DayAvailability, RentalCreated, RentalView, SiteContent};
use kerne_tests::api_client::{expect_json, expect_status};
use kerne_tests::ensure_each;
use serde_json::json;

use crate::support::{admin, anonymous, last_email, staff, unique};
use crate::Api;

/// Open days far enough ahead (30–58 days) to be away from the members' booking tests.
async fn far_open_day(api: &Api, n: usize) -> Result<NaiveDate> {
    let site: SiteContent = anonymous(api).get_json("/api/site").await?;
    let today = paris::local_date(Utc::now());
    (30..90)
        .map(|i| today + Duration::days(i))
        .filter(|d| {
            !desk_periods(*d, &site.opening_hours, &[], &BookingRules::default()).is_empty()
        })
        .nth(n)
        .context("open days")
}

fn request(email: &str, date: NaiveDate, period: &str) -> serde_json::Value {
    json!({ "organisation": "Menuiserie Le Meur", "contact_name": "Hervé Le Meur", "email": email, "phone": "02 98 12 34 56",
            "date": date.to_string(), "period": period, "attendees": 8, "needs_visio": true, "message": "Réunion clients", "lang": "fr" })
}

pub async fn a_bad_request_lists_its_fields_and_stores_nothing(api: &'static Api) -> Result<()> {
    let email = format!("{}@example.fr", unique("location-"));
    let body = json!({ "organisation": "", "contact_name": "X", "email": email.replace('@', ""), "date": "2026-13-40", "period": "soir", "attendees": 0 });
    let err: ApiErrorBody =
        expect_json(anonymous(api).post("/api/rentals", &body).await?, 422).await?;
    for f in ["organisation", "email", "date", "period", "attendees"] {
        ensure!(
            err.fields.contains_key(f),
            "no error for {f}: {:?}",
            err.fields
        );
    }
    let saturday = (1..9)
        .map(|i| paris::local_date(Utc::now()) + Duration::days(i))
        .find(|d| chrono::Datelike::weekday(d) == chrono::Weekday::Sat)
        .context("sat")?;
    let closed: ApiErrorBody = expect_json(
        anonymous(api)
            .post("/api/rentals", &request(&email, saturday, "day"))
            .await?,
        422,
    )
    .await?;
    ensure!(
        closed
            .fields
            .get("date")
            .is_some_and(|m| m.contains("fermée")),
        "{closed:?}"
    );
    let staff = staff(api).await?;
    let all: Vec<RentalView> = staff.get_json("/api/staff/rentals").await?;
    ensure!(
        !all.iter().any(|r| r.email == email),
        "a refused request was stored"
    );
    Ok(())
}

pub async fn a_business_gets_a_quote_and_staff_approve_it_into_the_calendar(
    api: &'static Api,
) -> Result<()> {
    let email = format!("{}@example.fr", unique("entreprise-"));
    let date = far_open_day(api, 0).await?;
    let site: SiteContent = anonymous(api).get_json("/api/site").await?;
    let created: RentalCreated = expect_json(
        anonymous(api)
            .post("/api/rentals", &request(&email, date, "morning"))
            .await?,
        201,
    )
    .await?;
    ensure!(
        created.price_cents == site.room_rates.non_member_half_day_cents,
        "non-member half-day price: {created:?}"
    );
    let view: RentalView = anonymous(api)
        .get_json(&format!("/api/rentals/{}", created.token))
        .await?;
    ensure_each!(
        [
            view.status == "pending",
            view.period == DeskPeriod::Morning,
            view.quote.total_cents == created.price_cents
        ],
        "{view:?}"
    );
    ensure_each!(
        [
            view.quote.number.starts_with("SK-"),
            view.quote.lines.len() == 1
        ],
        "{:?}",
        view.quote
    );
    // Issued on the day it is in Quimper, not the server's UTC day (issue 37).
    ensure!(
        view.quote.issued_on == domain::paris::local_date(chrono::Utc::now()),
        "issued on {}",
        view.quote.issued_on
    );
    let admin = admin(api).await?;
    let mail = last_email(&admin, &email, "rental_received").await?;
    ensure!(
        mail.body_text
            .contains(&format!("/location/{}", created.token)),
        "the email carries the private link"
    );
    expect_status(anonymous(api).get("/api/rentals/not-a-token").await?, 404).await?;

    let other: RentalCreated = expect_json(
        anonymous(api)
            .post(
                "/api/rentals",
                &request(&format!("{}@example.fr", unique("autre-")), date, "day"),
            )
            .await?,
        201,
    )
    .await?;
    let staff = staff(api).await?;
    let approved: RentalView = expect_json(
        staff
            .post(
                &format!("/api/staff/rentals/{}/approve", created.id),
                &json!({}),
            )
            .await?,
        200,
    )
    .await?;
    ensure!(approved.status == "approved", "{approved:?}");
    let day: Vec<DayAvailability> = anonymous(api)
        .get_json(&format!(
            "/api/availability?resource=salle-reunion&from={date}&to={date}"
        ))
        .await?;
    let morning_free: u32 = day[0]
        .slots
        .iter()
        .filter(|s| s.start.0.format("%H:%M").to_string().as_str() < "13:00")
        .map(|s| s.free)
        .sum();
    ensure!(
        morning_free == 0,
        "the approved rental booked the whole morning"
    );
    expect_status(
        staff
            .post(
                &format!("/api/staff/rentals/{}/approve", created.id),
                &json!({}),
            )
            .await?,
        409,
    )
    .await?;

    // Once the morning is booked, a request for that day is refused at once, on its period.
    let refused: ApiErrorBody = expect_json(
        anonymous(api)
            .post(
                "/api/rentals",
                &request(&format!("{}@example.fr", unique("tard-")), date, "day"),
            )
            .await?,
        422,
    )
    .await?;
    ensure!(
        refused
            .fields
            .get("period")
            .is_some_and(|m| m.contains("déjà prise")),
        "{refused:?}"
    );
    let free: Vec<domain::wire::RentalDay> = anonymous(api)
        .get_json(&format!("/api/rental-days?from={date}&to={date}"))
        .await?;
    ensure_each!(
        [free.len() == 1, !free[0].morning, free[0].afternoon],
        "the morning shows as taken, the afternoon as free: {free:?}"
    );
    // A request sent before that approval cannot be approved: it fails cleanly and stays pending.
    let taken: ApiErrorBody = expect_json(
        staff
            .post(
                &format!("/api/staff/rentals/{}/approve", other.id),
                &json!({}),
            )
            .await?,
        409,
    )
    .await?;
    ensure!(taken.message.contains("déjà réservée"), "{taken:?}");
    let still: RentalView = anonymous(api)
        .get_json(&format!("/api/rentals/{}", other.token))
        .await?;
    ensure!(still.status == "pending", "{still:?}");
    expect_status(
        staff
            .post(
                &format!("/api/staff/rentals/{}/decline", other.id),
                &json!({ "reason": "" }),
            )
            .await?,
        422,
    )
    .await?;
    // A reason too long says the limit, not "required" (issue 37).
    let long = expect_status(
        staff
            .post(
                &format!("/api/staff/rentals/{}/decline", other.id),
                &json!({ "reason": "x".repeat(5000) }),
            )
            .await?,
        422,
    )
    .await?;
    ensure!(
        long["fields"]["reason"]
            .as_str()
            .is_some_and(|m| m.contains("1 000 caractères au plus")),
        "{long}"
    );
    expect_status(
        staff
            .post(
                &format!("/api/staff/rentals/{}/decline", other.id),
                &json!({ "reason": "La salle est prise ce jour-là." }),
            )
            .await?,
        204,
    )
    .await?;
    let declined = last_email(&admin, &still.email, "rental_declined").await?;
    ensure!(
        declined.body_text.contains("La salle est prise"),
        "{}",
        declined.body_text
    );

    // The requester cancels: the room is free again.
    expect_status(
        anonymous(api)
            .post(
                &format!("/api/rentals/{}/cancel", created.token),
                &json!({}),
            )
            .await?,
        204,
    )
    .await?;
    let day: Vec<DayAvailability> = anonymous(api)
        .get_json(&format!(
            "/api/availability?resource=salle-reunion&from={date}&to={date}"
        ))
        .await?;
    ensure!(
        day[0].slots.iter().all(|s| s.free == 1),
        "the room is free after the cancellation"
    );
    Ok(())
}

pub async fn two_approvals_of_overlapping_rentals_at_once_book_once(
    api: &'static Api,
) -> Result<()> {
    let date = far_open_day(api, 1).await?;
    let staff = staff(api).await?;
    let mut ids = Vec::new();
    for period in ["day", "afternoon", "morning", "day"] {
        let c: RentalCreated = expect_json(
            anonymous(api)
                .post(
                    "/api/rentals",
                    &request(&format!("{}@example.fr", unique("course-")), date, period),
                )
                .await?,
            201,
        )
        .await?;
        ids.push(c.id);
    }
    let mut tasks = Vec::new();
    for id in ids {
        let s = staff.clone();
        tasks.push(tokio::spawn(async move {
            s.post(&format!("/api/staff/rentals/{id}/approve"), &json!({}))
                .await
                .map(|r| r.status().as_u16())
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await??);
    }
    let ok = statuses.iter().filter(|s| **s == 200).count();
    // Morning and afternoon do not overlap each other, but both overlap the days.
    ensure_each!(
        [
            (1..=2).contains(&ok),
            statuses.iter().all(|s| *s == 200 || *s == 409)
        ],
        "{statuses:?}"
    );
    let approved: Vec<RentalView> = staff.get_json("/api/staff/rentals?status=approved").await?;
    let on_day: Vec<_> = approved.iter().filter(|r| r.date == date).collect();
    ensure!(
        on_day.len() == ok,
        "{} approved for {ok} successes",
        on_day.len()
    );
    if ok == 2 {
        ensure!(
            on_day.iter().all(|r| r.period != DeskPeriod::Day),
            "two approvals can only be the two half-days"
        );
    }
    Ok(())
}
