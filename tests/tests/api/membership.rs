//! Fees and periods, renewal reminders, the profile, clubs, the directory, export and erasure.

use anyhow::{ensure, Context, Result};
use chrono::{Duration, Utc};
use domain::accounts::MembershipStatus;
use domain::paris;
use domain::wire::{
    ApiErrorBody, DirectoryEntry, Me, MemberDetail, MemberExport, MemberSummary, OutboxEmail,
    Payment,
};
use kerne_tests::api_client::{expect_json, expect_status, DEMO_PASSWORD};
use kerne_tests::ensure_each;
use serde_json::json;

use crate::support::{admin, anonymous, new_member, staff, NEW_PASSWORD};
use crate::Api;

fn today() -> chrono::NaiveDate {
    paris::local_date(Utc::now())
}

pub async fn a_payment_sets_a_year_and_bad_input_stores_nothing(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let admin = admin(api).await?;
    let m = new_member(api, &admin).await?;
    let path = format!("/api/staff/members/{}/payments", m.id);
    let bad = json!({ "amount_cents": -5, "paid_on": (today() + Duration::days(2)).to_string(), "method": "bitcoin" });
    let err: ApiErrorBody = expect_json(staff.post(&path, &bad).await?, 422).await?;
    for f in ["amount_cents", "paid_on", "method"] {
        ensure!(
            err.fields.contains_key(f),
            "no error for {f}: {:?}",
            err.fields
        );
    }
    ensure!(err.fields["paid_on"].contains("futur"), "{:?}", err.fields);
    let garbled: ApiErrorBody = expect_json(
        staff
            .post(
                &path,
                &json!({ "amount_cents": 3000, "paid_on": "30/11/2026", "method": "cash" }),
            )
            .await?,
        422,
    )
    .await?;
    ensure!(
        garbled.fields["paid_on"].contains("AAAA-MM-JJ"),
        "{:?}",
        garbled.fields
    );
    let detail: MemberDetail = staff
        .get_json(&format!("/api/staff/members/{}", m.id))
        .await?;
    ensure_each!(
        [
            detail.payments.is_empty(),
            detail.member.membership == MembershipStatus::None
        ],
        "nothing was stored: {detail:?}"
    );

    let paid_on = today() - Duration::days(10);
    let p: Payment = expect_json(staff.post(&path, &json!({ "amount_cents": 3000, "paid_on": paid_on.to_string(), "method": "cheque" })).await?, 201).await?;
    let (start, end) = domain::accounts::membership_period(paid_on, None);
    ensure_each!(
        [p.period_start == start, p.period_end == end],
        "period {p:?}"
    );
    // Paying again early: the new year follows the current one.
    let renewal: Payment = expect_json(
        staff
            .post(
                &path,
                &json!({ "amount_cents": 3000, "paid_on": today().to_string(), "method": "card" }),
            )
            .await?,
        201,
    )
    .await?;
    ensure!(
        renewal.period_start == end + Duration::days(1),
        "an early renewal starts after the current period: {renewal:?}"
    );
    let me: Me = m.client.get_json("/api/me").await?;
    ensure!(
        me.membership
            == MembershipStatus::Active {
                until: renewal.period_end
            },
        "{:?}",
        me.membership
    );
    let audit: Vec<domain::wire::AuditEntry> = staff.get_json("/api/staff/audit").await?;
    ensure!(
        audit
            .iter()
            .filter(|a| a.action == "member.payment" && a.target_id == m.id.to_string())
            .count()
            == 2,
        "both payments audited"
    );
    Ok(())
}

pub async fn simultaneous_payments_extend_once(api: &'static Api) -> Result<()> {
    let admin = admin(api).await?;
    let m = new_member(api, &admin).await?;
    let path = format!("/api/staff/members/{}/payments", m.id);
    let body = json!({ "amount_cents": 3000, "paid_on": today().to_string(), "method": "cash" });
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let (admin, path, body) = (admin.clone(), path.clone(), body.clone());
        tasks.push(tokio::spawn(async move {
            admin.post(&path, &body).await.map(|r| r.status().as_u16())
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await??);
    }
    let created = statuses.iter().filter(|s| **s == 201).count();
    let conflicts = statuses.iter().filter(|s| **s == 409).count();
    // A 503 (local workerd restarting under load) leaves it unknown whether that one was written.
    let unknown = statuses.iter().filter(|s| **s == 503).count();
    ensure_each!(
        [created >= 1, created + conflicts + unknown == 10],
        "statuses {statuses:?}"
    );
    let detail: MemberDetail = admin
        .get_json(&format!("/api/staff/members/{}", m.id))
        .await?;
    let stored = detail.payments.len();
    ensure_each!(
        [stored >= created, stored <= created + unknown],
        "{stored} payments stored for {created} successes ({unknown} unknown)"
    );
    // Each stored payment extends the previous one: no two cover the same days.
    for w in detail.payments.windows(2) {
        ensure!(
            w[1].period_start == w[0].period_end + Duration::days(1),
            "overlapping periods: {:?}",
            detail.payments
        );
    }
    Ok(())
}

async fn reminders_to(
    admin: &kerne_tests::api_client::ApiClient,
    email: &str,
) -> Result<Vec<OutboxEmail>> {
    let outbox: Vec<OutboxEmail> = admin.get_json("/api/staff/outbox").await?;
    Ok(outbox
        .into_iter()
        .filter(|e| e.to == email && e.kind == "renewal_reminder")
        .collect())
}

pub async fn renewal_reminders_are_sent_once_and_never_after_renewal(
    api: &'static Api,
) -> Result<()> {
    let admin = admin(api).await?;
    let m = new_member(api, &admin).await?;
    let path = format!("/api/staff/members/{}/payments", m.id);
    // A year paid 340 days ago ends in about 24 days: the 30-day reminder is due.
    let paid = today() - Duration::days(340);
    let p: Payment = expect_json(
        admin
            .post(
                &path,
                &json!({ "amount_cents": 3000, "paid_on": paid.to_string(), "method": "cash" }),
            )
            .await?,
        201,
    )
    .await?;
    api.app.run_scheduled().await?;
    api.app.run_scheduled().await?;
    let sent = reminders_to(&admin, &m.email).await?;
    ensure!(
        sent.len() == 1,
        "{} reminders after two scheduled runs",
        sent.len()
    );
    ensure!(
        sent[0].status == "sent",
        "the scheduled run sends what it queues: {}",
        sent[0].status
    );
    // Where to pay by transfer (the IBAN itself may be another test's for a moment).
    ensure_each!(
        [
            sent[0].body_text.contains("Virement : IBAN "),
            sent[0].body_text.contains("au nom de Silicon Kerne")
        ],
        "the reminder gives the bank details: {}",
        sent[0].body_text
    );
    let until = domain::i18n::format_date_long(p.period_end, domain::Lang::Fr);
    ensure!(
        sent[0].subject.contains(&until),
        "the reminder names the end date {until}: {}",
        sent[0].subject
    );
    // Renewed: no further reminder.
    expect_status(
        admin
            .post(
                &path,
                &json!({ "amount_cents": 3000, "paid_on": today().to_string(), "method": "card" }),
            )
            .await?,
        201,
    )
    .await?;
    api.app.run_scheduled().await?;
    ensure!(
        reminders_to(&admin, &m.email).await?.len() == 1,
        "a renewed member got another reminder"
    );
    // Seeded members: one ends in 3 days (the 7-day reminder), one ended 5 days ago (expiry).
    let soon = reminders_to(&admin, "membre81@silicon-kerne.test").await?;
    ensure_each!(
        [soon.len() == 1, soon[0].subject.contains("se termine")],
        "{soon:?}"
    );
    let expired = reminders_to(&admin, "membre87@silicon-kerne.test").await?;
    ensure_each!(
        [
            expired.len() == 1,
            expired[0].subject.contains("a pris fin")
        ],
        "{expired:?}"
    );
    ensure!(
        reminders_to(&admin, "membre90@silicon-kerne.test")
            .await?
            .is_empty(),
        "no reminder for a membership ended 200 days ago"
    );
    ensure!(
        reminders_to(&admin, "membre01@silicon-kerne.test")
            .await?
            .is_empty(),
        "no reminder for a membership far from its end"
    );
    Ok(())
}

pub async fn profile_edits_are_checked_and_clubs_joined_and_left(api: &'static Api) -> Result<()> {
    let member = anonymous(api)
        .login("membre20@silicon-kerne.test", DEMO_PASSWORD)
        .await?;
    let before: Me = member.get_json("/api/me").await?;
    let bad = json!({ "name": "", "phone": "123", "company": "", "skills": ["x"], "bio": "", "in_directory": true, "lang": "fr" });
    let err: ApiErrorBody = expect_json(member.put("/api/me/profile", &bad).await?, 422).await?;
    ensure_each!(
        [
            err.fields.contains_key("name"),
            err.fields.contains_key("phone")
        ],
        "{:?}",
        err.fields
    );
    let unchanged: Me = member.get_json("/api/me").await?;
    ensure!(unchanged == before, "a refused edit changed the profile");
    let good = json!({ "name": "Morgane Test", "phone": "02 98 11 22 33", "company": "Ker Pixel", "skills": ["Rust", "UX", "rust"],
                        "bio": "Développeuse.", "in_directory": true, "lang": "en" });
    let me: Me = expect_json(member.put("/api/me/profile", &good).await?, 200).await?;
    ensure_each!(
        [
            me.name == "Morgane Test",
            me.skills == vec!["rust".to_string(), "ux".to_string()],
            me.lang == domain::Lang::En
        ],
        "{me:?}"
    );
    let joined: Me = expect_json(
        member.put("/api/me/clubs/developpeurs", &json!({})).await?,
        200,
    )
    .await?;
    ensure!(joined.clubs.contains(&"developpeurs".to_string()));
    let left: Me = expect_json(member.delete("/api/me/clubs/developpeurs").await?, 200).await?;
    ensure!(!left.clubs.contains(&"developpeurs".to_string()));
    expect_status(
        member.put("/api/me/clubs/club-fantome", &json!({})).await?,
        404,
    )
    .await?;
    Ok(())
}

pub async fn the_directory_shows_only_those_who_opted_in(api: &'static Api) -> Result<()> {
    let member = anonymous(api)
        .login("membre21@silicon-kerne.test", DEMO_PASSWORD)
        .await?;
    let graphic: Vec<DirectoryEntry> = member.get_json("/api/directory?skill=graph").await?;
    ensure!(
        !graphic.is_empty(),
        "someone in the directory knows graphisme"
    );
    ensure!(
        graphic
            .iter()
            .all(|e| e.skills.iter().any(|s| s.starts_with("graph"))),
        "the skill filter filters"
    );
    let all: Vec<DirectoryEntry> = member.get_json("/api/directory").await?;
    // membre04 (id 6) did not opt in (every fourth demo member keeps to themselves).
    ensure!(
        !all.iter().any(|e| e.email == "membre04@silicon-kerne.test"),
        "a member who did not opt in is listed"
    );
    let staff = staff(api).await?;
    let hidden: Vec<MemberSummary> = staff.get_json("/api/staff/members?q=membre04@").await?;
    let hidden = hidden.first().context("staff still see membre04")?;
    expect_status(
        member.get(&format!("/api/directory/{}", hidden.id)).await?,
        404,
    )
    .await?;
    let club: Vec<DirectoryEntry> = member.get_json("/api/directory?club=e-commerce").await?;
    // Not empty (an empty answer would pass the filter's check), and narrower than everyone.
    ensure!(
        !club.is_empty(),
        "someone in the directory is in the e-commerce club"
    );
    ensure!(club.len() < all.len(), "the club filter kept everyone");
    let outside: Vec<&str> = club
        .iter()
        .filter(|e| !e.clubs.iter().any(|c| c == "e-commerce"))
        .map(|e| e.email.as_str())
        .collect();
    ensure!(
        outside.is_empty(),
        "not in the club yet listed: {outside:?}"
    );
    expect_status(anonymous(api).get("/api/directory").await?, 401).await?;
    Ok(())
}

pub async fn a_member_exports_then_erases_their_data(api: &'static Api) -> Result<()> {
    let admin = admin(api).await?;
    let m = new_member(api, &admin).await?;
    expect_status(
        admin
            .post(
                &format!("/api/staff/members/{}/payments", m.id),
                &json!({ "amount_cents": 3000, "paid_on": today().to_string(), "method": "cash" }),
            )
            .await?,
        201,
    )
    .await?;
    let resp = m.client.get("/api/me/export").await?;
    ensure!(resp
        .headers()
        .get("content-disposition")
        .is_some_and(|v| v.to_str().unwrap_or("").contains("attachment")));
    let export: MemberExport = expect_json(resp, 200).await?;
    ensure_each!(
        [
            export.profile.email == m.email,
            export.payments.len() == 1,
            !export.applications.is_empty(),
            !export.emails.is_empty()
        ],
        "{export:?}"
    );
    expect_status(m.client.delete("/api/me").await?, 204).await?;
    expect_status(m.client.get("/api/me").await?, 401).await?;
    expect_status(
        anonymous(api)
            .post(
                "/api/auth/login",
                &json!({ "email": m.email, "password": NEW_PASSWORD }),
            )
            .await?,
        401,
    )
    .await?;
    // Staff still see the fee for the accounts, on a row that no longer says who paid it.
    let kept: MemberDetail = admin
        .get_json(&format!("/api/staff/members/{}", m.id))
        .await?;
    ensure!(
        kept.payments.len() == 1,
        "the payment is kept for the accounts: {kept:?}"
    );
    ensure_each!(
        [
            kept.member.name.is_empty(),
            kept.member.email.ends_with("@invalid"),
            !kept.member.active
        ],
        "identity remains: {kept:?}"
    );
    ensure_each!(
        [
            kept.member.phone.is_empty(),
            kept.member.skills.is_empty(),
            kept.bio.is_empty()
        ],
        "personal data remains: {kept:?}"
    );
    let outbox: Vec<OutboxEmail> = admin.get_json("/api/staff/outbox").await?;
    ensure!(
        !outbox
            .iter()
            .any(|e| e.to == m.email || e.body_text.contains(&m.email)),
        "emails to the erased member remain"
    );
    let applications: Vec<domain::wire::Application> =
        admin.get_json("/api/staff/applications").await?;
    ensure!(
        !applications.iter().any(|a| a.email == m.email),
        "the application still names the erased member"
    );
    let found: Vec<MemberSummary> = admin
        .get_json(&format!("/api/staff/members?q={}", m.email))
        .await?;
    ensure!(
        found.is_empty(),
        "the erased member is still found by email"
    );
    Ok(())
}
