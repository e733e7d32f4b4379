//! What reaches a person's inbox, and what staff can read of it.

use anyhow::{ensure, Context, Result};
use chrono::{Duration, Utc};
use domain::consultations::ConsultationCreated;
use domain::events::{EventView, RegistrationCreated};
use domain::paris;
use domain::wire::{OutboxEmail, RentalDay};
use kerne_tests::api_client::{expect_json, expect_status};
use kerne_tests::ensure_each;
use reqwest::Method;
use serde_json::{json, Value};

use crate::support::{admin, anonymous, has_token, inbox, links_in, staff, unique, CONCIERGE};
use crate::{Online, SITE};

/// Staff read the outbox as it is online: every private link masked, and a reset for an account
/// above their own role not listed at all; the concierge (admin) sees her own reset, masked too.
/// The person who asked gets the working link in her mailbox.
pub async fn staff_never_read_a_private_link_nor_an_admins_reset(o: &'static Online) -> Result<()> {
    expect_status(
        anonymous(o)
            .post("/api/auth/password-reset", &json!({ "email": CONCIERGE }))
            .await?,
        202,
    )
    .await?;
    let received = inbox(o, CONCIERGE, 1).await?;
    let link = received
        .iter()
        .flat_map(links_in)
        .find(|l| l.contains("/mot-de-passe/nouveau?token="))
        .context("the concierge's mailbox has no reset link")?;
    ensure!(
        link.starts_with(&format!("{SITE}/")),
        "the reset link is not on the configured address: {link}"
    );
    let token = link.split("token=").nth(1).context("a token")?;
    // The link in the mailbox works (checked without spending it).
    expect_status(
        anonymous(o)
            .get(&format!("/api/auth/password-reset/{token}"))
            .await?,
        204,
    )
    .await
    .context("the mailed reset link does not work")?;

    let staff = staff(o).await?;
    let seen_by_staff: Vec<OutboxEmail> = staff
        .get_json(&format!("/api/staff/outbox?to={CONCIERGE}"))
        .await?;
    ensure!(
        !seen_by_staff.iter().any(|e| e.kind == "password_reset"),
        "a staff member can read the admin's password reset: {seen_by_staff:?}"
    );
    let seen_by_admin: Vec<OutboxEmail> = admin(o)
        .await?
        .get_json(&format!("/api/staff/outbox?to={CONCIERGE}"))
        .await?;
    let own = seen_by_admin
        .iter()
        .find(|e| e.kind == "password_reset")
        .context("the admin does not see her own reset email")?;
    ensure_each!(
        [
            !own.body_text.contains(token),
            own.body_text.contains("••••••"),
            !own.secret_shown
        ],
        "the reset link is shown back in the outbox: {own:?}"
    );
    // Nothing in the whole outbox gives a private link away, whatever its kind.
    let everything: Vec<OutboxEmail> = staff.get_json("/api/staff/outbox").await?;
    let leaking: Vec<&OutboxEmail> = everything
        .iter()
        .filter(|e| has_token(&e.body_text))
        .collect();
    ensure!(
        leaking.is_empty(),
        "{} email(s) show a private link to staff, e.g. {:?}",
        leaking.len(),
        leaking.first()
    );
    Ok(())
}

/// Fifty resets for one member from one client, then thirty from thirty clients: the client is
/// stopped at its limit, the member receives one email, and another member's reset arrives at
/// once (no scheduled run is ever triggered in this test).
pub async fn a_reset_flood_sends_one_email_and_others_get_theirs_at_once(
    o: &'static Online,
) -> Result<()> {
    let victim = "membre20@silicon-kerne.test";
    let attacker = anonymous(o);
    let mut statuses = Vec::new();
    for _ in 0..50 {
        let r = attacker
            .post("/api/auth/password-reset", &json!({ "email": victim }))
            .await?;
        statuses.push(r.status().as_u16());
    }
    let accepted = statuses.iter().filter(|s| **s == 202).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    ensure_each!(
        [accepted == 10, refused == 40],
        "one client: {accepted} accepted, {refused} refused (statuses {statuses:?})"
    );
    for _ in 0..30 {
        expect_status(
            anonymous(o)
                .post("/api/auth/password-reset", &json!({ "email": victim }))
                .await?,
            202,
        )
        .await
        .context("another client asking is answered as usual")?;
    }
    let genuine = "membre21@silicon-kerne.test";
    expect_status(
        anonymous(o)
            .post("/api/auth/password-reset", &json!({ "email": genuine }))
            .await?,
        202,
    )
    .await?;
    let got = inbox(o, genuine, 1)
        .await
        .context("a genuine reset did not leave at once")?;
    ensure!(got.len() == 1, "{genuine} got {} emails", got.len());
    let flooded = o.mail.to(victim);
    ensure!(
        flooded.len() == 1,
        "80 resets asked for {victim} sent {} emails",
        flooded.len()
    );
    Ok(())
}

fn at(days: i64, hhmm: &str) -> String {
    format!(
        "{}T{hhmm}",
        paris::local_date(Utc::now()) + Duration::days(days)
    )
}

/// A family workshop staff publish for a test, `days` ahead.
pub fn workshop(title: &str, days: i64, capacity: u32) -> Value {
    json!({ "kind": "children_workshop", "title_fr": title, "audience": "families", "description_fr": "Programmer un petit robot.",
            "bring_fr": "Un goûter", "starts_at": at(days, "14:00"), "ends_at": at(days, "16:00"), "in_room": false,
            "place": "Médiathèque d'Ergué-Gabéric", "address": "Rue Jean Moulin, 29500 Ergué-Gabéric", "capacity": capacity, "max_per_signup": 3, "age_min": 8, "age_max": 12,
            "partner": "Les Petits Débrouillards", "asks_children": true, "seats_for": "everyone" })
}

pub async fn publish(o: &Online, body: &Value) -> Result<EventView> {
    expect_json(staff(o).await?.post("/api/staff/events", body).await?, 201).await
}

pub fn family(name: &str, email: &str, phone: &str) -> Value {
    json!({ "name": name, "email": email, "phone": phone, "adults": 1,
            "children": [{ "first_name": "Lou", "age": 9 }],
            "consent_children": true, "consent_photos": false, "accept_fewer": false, "lang": "fr" })
}

/// A request's `Host` (and a matching `Origin`) name another site: the links mailed still start
/// with the configured address, for a reset and for a sign-up's link sent again.
pub async fn links_come_from_the_configured_address_whatever_the_host(
    o: &'static Online,
) -> Result<()> {
    let member = "membre22@silicon-kerne.test";
    let forged = |path: &str, body: &Value| {
        anonymous(o)
            .request(Method::POST, path)
            .header("Host", "evil.example")
            .header("Origin", "http://evil.example")
            .json(body)
            .send()
    };
    let r = forged("/api/auth/password-reset", &json!({ "email": member })).await?;
    ensure!(
        r.status().as_u16() == 202 || r.status().as_u16() == 403,
        "a reset with a forged Host answered {}",
        r.status()
    );
    // Asked the ordinary way too, so there is a link to look at whatever the forged one did.
    let r = anonymous(o)
        .post("/api/auth/password-reset", &json!({ "email": member }))
        .await?;
    expect_status(r, 202).await?;
    let parent = format!("{}@example.fr", unique("parent-hote-"));
    let e = publish(o, &workshop("Atelier (adresse du site)", 45, 10)).await?;
    let path = format!("/api/events/{}/registrations", e.id);
    let _: RegistrationCreated = expect_json(
        anonymous(o)
            .post(&path, &family("Anne Hôte", &parent, ""))
            .await?,
        201,
    )
    .await?;
    let again = forged(&path, &family("Anne Hôte", &parent, "")).await?;
    ensure!(
        [202, 403].contains(&again.status().as_u16()),
        "{}",
        again.status()
    );
    let mut links: Vec<String> = inbox(o, member, 1)
        .await?
        .iter()
        .chain(inbox(o, &parent, 1).await?.iter())
        .flat_map(|m| {
            links_in(m)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    links.sort();
    ensure!(!links.is_empty(), "no link was mailed");
    for link in &links {
        ensure_each!(
            [
                link.starts_with(&format!("{SITE}/")),
                !link.contains("evil.example")
            ],
            "a mailed link is not on the configured address: {link}"
        );
    }
    Ok(())
}

/// A requester erases a consultation request, a parent cancels a sign-up: the emails about them
/// to that address are gone from the outbox (unsent deleted, sent ones blanked) in the same step.
pub async fn erasing_a_request_or_a_sign_up_takes_its_emails_along(
    o: &'static Online,
) -> Result<()> {
    let admin = admin(o).await?;
    let requester = format!("{}@example.fr", unique("efface-"));
    let business = unique("Plomberie Efface ");
    let created: ConsultationCreated = expect_json(
        anonymous(o)
            .post("/api/consultations", &consultation(&business, &requester))
            .await?,
        201,
    )
    .await?;
    inbox(o, &requester, 1).await?;
    let before: Vec<OutboxEmail> = admin
        .get_json(&format!("/api/staff/outbox?to={requester}"))
        .await?;
    ensure!(!before.is_empty(), "the request's email is in the outbox");
    let token = created
        .link
        .strip_prefix("/consultation/")
        .context("a private link")?;
    expect_status(
        anonymous(o)
            .delete(&format!("/api/consultations/{token}"))
            .await?,
        204,
    )
    .await?;
    let after: Vec<OutboxEmail> = admin
        .get_json(&format!("/api/staff/outbox?to={requester}"))
        .await?;
    let all: Vec<OutboxEmail> = admin.get_json("/api/staff/outbox").await?;
    ensure_each!(
        [
            after.is_empty(),
            !all.iter().any(|e| e.body_text.contains(&business))
        ],
        "the erased request's emails are still readable: {after:?}"
    );

    let parent = format!("{}@example.fr", unique("annule-"));
    let e = publish(o, &workshop("Atelier (effacement)", 46, 10)).await?;
    let signed: RegistrationCreated = expect_json(
        anonymous(o)
            .post(
                &format!("/api/events/{}/registrations", e.id),
                &family("Brieuc Efface", &parent, ""),
            )
            .await?,
        201,
    )
    .await?;
    inbox(o, &parent, 1).await?;
    let token = signed
        .link
        .strip_prefix("/inscription/")
        .context("a private link")?;
    expect_status(
        anonymous(o)
            .delete(&format!("/api/registrations/{token}"))
            .await?,
        204,
    )
    .await?;
    let after: Vec<OutboxEmail> = admin
        .get_json(&format!("/api/staff/outbox?to={parent}"))
        .await?;
    let all: Vec<OutboxEmail> = admin.get_json("/api/staff/outbox").await?;
    ensure_each!(
        [
            after.is_empty(),
            !all.iter().any(|e| e.body_text.contains("Brieuc Efface"))
        ],
        "the cancelled sign-up's emails are still readable: {after:?}"
    );
    Ok(())
}

pub fn consultation(business: &str, email: &str) -> Value {
    json!({
        "business": business, "trade": "artisan", "size": "solo", "town": "Quimper",
        "name": "Yann Le Goff", "email": email, "phone": "06 12 34 56 78",
        "topics": ["invoicing", "website"], "goal": "Faire mes factures sans y passer le dimanche.",
        "availability": ["mornings", "evenings"], "consent": true, "lang": "fr"
    })
}

/// Room rentals and consultation requests from many clients to one mailbox (under `+tags`): three
/// a day reach it, the fourth is refused.
pub async fn rentals_and_consultations_count_what_one_mailbox_receives(
    o: &'static Online,
) -> Result<()> {
    let today = paris::local_date(Utc::now());
    let days: Vec<RentalDay> = anonymous(o)
        .get_json(&format!(
            "/api/rental-days?from={}&to={}",
            today + Duration::days(61),
            today + Duration::days(90)
        ))
        .await?;
    let free: Vec<String> = days
        .iter()
        .filter(|d| d.afternoon)
        .map(|d| d.date.to_string())
        .take(4)
        .collect();
    ensure!(free.len() == 4, "four free afternoons: {days:?}");
    let local = unique("loueur-");
    let mut statuses = Vec::new();
    for (i, day) in free.iter().enumerate() {
        let body = json!({ "organisation": "Menuiserie Le Meur", "contact_name": "Hervé Le Meur",
            "email": format!("{local}+{i}@example.fr"), "phone": "02 98 12 34 56", "date": day, "period": "afternoon",
            "attendees": 8, "needs_visio": true, "message": "Réunion clients", "lang": "fr" });
        statuses.push(
            anonymous(o)
                .post("/api/rentals", &body)
                .await?
                .status()
                .as_u16(),
        );
    }
    ensure!(
        statuses == [201, 201, 201, 429],
        "rentals to one mailbox from four clients: {statuses:?}"
    );
    let mailed: usize = (0..4)
        .map(|i| o.mail.to(&format!("{local}+{i}@example.fr")).len())
        .sum();
    ensure!(mailed == 3, "the mailbox received {mailed} rental emails");

    let local = unique("artisan-");
    let mut statuses = Vec::new();
    for i in 0..4 {
        let email = format!("{local}+{i}@example.fr");
        statuses.push(
            anonymous(o)
                .post(
                    "/api/consultations",
                    &consultation(&unique("Atelier "), &email),
                )
                .await?
                .status()
                .as_u16(),
        );
    }
    ensure!(
        statuses == [201, 201, 201, 429],
        "consultation requests to one mailbox from four clients: {statuses:?}"
    );
    Ok(())
}
