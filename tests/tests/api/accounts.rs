//! Joining: applications, approval, invitation links, declines, password resets.

use anyhow::{ensure, Context, Result};
use domain::wire::{ApiErrorBody, Application, AuditEntry, Created, ErrorCode, Me};
use kerne_tests::api_client::{expect_json, expect_status, DEMO_PASSWORD};
use kerne_tests::ensure_each;
use serde_json::json;

use crate::support::{
    admin, anonymous, application, last_email, new_member, token_in, unique, NEW_PASSWORD,
};
use crate::Api;

pub async fn bad_application_lists_every_field_and_stores_nothing(api: &'static Api) -> Result<()> {
    let email = format!("{}@example", unique("mauvais-"));
    let body = json!({
        "name": "", "email": email, "phone": "appelez-moi", "skills": [], "motivation": "x",
        "clubs": ["club-inconnu"], "consent": false
    });
    let err: ApiErrorBody =
        expect_json(anonymous(api).post("/api/applications", &body).await?, 422).await?;
    for field in ["name", "email", "phone", "clubs", "consent"] {
        ensure!(
            err.fields.contains_key(field),
            "no error for {field}: {:?}",
            err.fields
        );
    }
    ensure!(
        err.fields["consent"].contains("politique de données"),
        "consent message in French: {}",
        err.fields["consent"]
    );
    let mut english = anonymous(api);
    english.lang = "en";
    let en: ApiErrorBody =
        expect_json(english.post("/api/applications", &body).await?, 422).await?;
    ensure!(
        en.fields["email"] == "This email address is not valid.",
        "English field message: {:?}",
        en.fields
    );
    let all: Vec<Application> = admin(api)
        .await?
        .get_json("/api/staff/applications")
        .await?;
    ensure!(
        !all.iter().any(|a| a.email.starts_with(&email)),
        "an invalid application was stored"
    );
    Ok(())
}

/// Applying says the same whoever the address belongs to: a second application or a member's
/// address gets the same bare 202 as a new one (nobody learns who is a member); the member is told
/// by email instead, and nothing more is stored.
pub async fn a_second_application_or_a_member_email_answers_as_any_other(
    api: &'static Api,
) -> Result<()> {
    let email = format!("{}@example.fr", unique("doublon-"));
    let anon = anonymous(api);
    let admin = admin(api).await?;
    let first = crate::support::apply(&anon, &admin, "Anne Doublon", &email).await?;
    ensure!(first > 0);
    // Same address, other case and spaces: still the same person, the same answer.
    let again = application("Anne Doublon", &format!("  {}  ", email.to_uppercase()));
    let resp = anon.post("/api/applications", &again).await?;
    let (again_status, again_body) = (resp.status().as_u16(), resp.text().await?);
    let member = "membre07@silicon-kerne.test";
    let resp = anon
        .post("/api/applications", &application("X", member))
        .await?;
    let (member_status, member_body) = (resp.status().as_u16(), resp.text().await?);
    let resp = anon
        .post(
            "/api/applications",
            &application("X", &format!("{}@example.fr", unique("inconnu-"))),
        )
        .await?;
    let (new_status, new_body) = (resp.status().as_u16(), resp.text().await?);
    ensure_each!([(again_status, member_status, new_status) == (202, 202, 202), again_body == new_body, member_body == new_body], "a member's address, a second application and a new one must answer alike: \
         {again_status} {again_body:?} / {member_status} {member_body:?} / {new_status} {new_body:?}");
    let told = last_email(&admin, member, "account_exists").await?;
    ensure_each!(
        [
            told.body_text.contains("/connexion"),
            told.subject.contains("déjà un compte")
        ],
        "the member is told by email, with the way to log in: {told:?}"
    );
    let confirmation = last_email(&admin, &email, "application_received").await?;
    ensure!(
        confirmation.subject.contains("demande d'adhésion")
            && confirmation.body_text.contains("Anne Doublon")
    );
    let all: Vec<Application> = admin.get_json("/api/staff/applications").await?;
    let n = all.iter().filter(|a| a.email == email).count();
    ensure!(n == 1, "exactly one application is stored, not {n}");
    Ok(())
}

pub async fn approval_invites_once_and_the_link_works_once(api: &'static Api) -> Result<()> {
    let admin = admin(api).await?;
    let email = format!("{}@example.fr", unique("invite-"));
    let anon = anonymous(api);
    let app = Created {
        id: crate::support::apply(&anon, &admin, "Yann Invité", &email).await?,
    };
    let member: Created = expect_json(
        admin
            .post(
                &format!("/api/staff/applications/{}/approve", app.id),
                &json!({}),
            )
            .await?,
        201,
    )
    .await?;
    let twice: ApiErrorBody = expect_json(
        admin
            .post(
                &format!("/api/staff/applications/{}/approve", app.id),
                &json!({}),
            )
            .await?,
        409,
    )
    .await?;
    ensure!(twice.message.contains("déjà été traitée"), "{twice:?}");
    let invitation = last_email(&admin, &email, "invitation").await?;
    ensure!(
        invitation.body_text.contains("/invitation?token="),
        "the invitation carries a link: {}",
        invitation.body_text
    );
    let token = token_in(&invitation)?;

    let short: ApiErrorBody = expect_json(
        anon.post(
            "/api/auth/invitation",
            &json!({ "token": token, "password": "court" }),
        )
        .await?,
        422,
    )
    .await?;
    ensure!(
        short
            .fields
            .get("password")
            .is_some_and(|m| m.contains("10 caractères")),
        "{short:?}"
    );
    let resp = anon
        .post(
            "/api/auth/invitation",
            &json!({ "token": token, "password": NEW_PASSWORD }),
        )
        .await?;
    let client = anon.with_session_from(&resp)?;
    let me: Me = expect_json(resp, 200).await?;
    ensure_each!(
        [
            me.id == member.id,
            me.email == email,
            me.clubs == vec!["graphistes".to_string()]
        ],
        "{me:?}"
    );
    let me_again: Me = client.get_json("/api/me").await?;
    ensure!(
        me_again.id == member.id,
        "the invitation logged the member in"
    );
    let reused: ApiErrorBody = expect_json(
        anon.post(
            "/api/auth/invitation",
            &json!({ "token": token, "password": NEW_PASSWORD }),
        )
        .await?,
        410,
    )
    .await?;
    ensure!(reused.code == ErrorCode::Gone, "{reused:?}");
    anon.login(&email, NEW_PASSWORD).await?;
    let audit: Vec<AuditEntry> = admin.get_json("/api/staff/audit").await?;
    ensure!(
        audit.iter().any(|a| a.action == "application.approve"
            && a.target_id == app.id.to_string()
            && a.actor.contains("concierge@")),
        "the approval is in the audit log"
    );
    ensure!(
        audit
            .iter()
            .filter(|a| a.action == "application.approve" && a.target_id == app.id.to_string())
            .count()
            == 1,
        "audited once"
    );
    Ok(())
}

pub async fn decline_needs_a_reason_and_tells_the_applicant(api: &'static Api) -> Result<()> {
    let admin = admin(api).await?;
    let email = format!("{}@example.fr", unique("refus-"));
    let app = Created {
        id: crate::support::apply(&anonymous(api), &admin, "Paul Refusé", &email).await?,
    };
    let path = format!("/api/staff/applications/{}/decline", app.id);
    let err: ApiErrorBody =
        expect_json(admin.post(&path, &json!({ "reason": "  " })).await?, 422).await?;
    ensure!(err.fields.contains_key("reason"));
    expect_status(
        admin
            .post(
                &path,
                &json!({ "reason": "Nous sommes complets ce trimestre." }),
            )
            .await?,
        204,
    )
    .await?;
    expect_status(
        admin.post(&path, &json!({ "reason": "encore" })).await?,
        409,
    )
    .await?;
    let mail = last_email(&admin, &email, "application_declined").await?;
    ensure!(
        mail.body_text.contains("complets ce trimestre"),
        "the reason is in the email"
    );
    let declined: Vec<Application> = admin
        .get_json("/api/staff/applications?status=declined")
        .await?;
    ensure!(declined.iter().any(|a| a.id == app.id
        && a.decline_reason.as_deref() == Some("Nous sommes complets ce trimestre.")));
    Ok(())
}

pub async fn password_reset_is_single_use_and_revokes_old_sessions(
    api: &'static Api,
) -> Result<()> {
    let admin = admin(api).await?;
    let m = new_member(api, &admin).await?;
    let anon = anonymous(api);
    expect_status(
        anon.post("/api/auth/password-reset", &json!({ "email": m.email }))
            .await?,
        202,
    )
    .await?;
    let unknown = format!("{}@example.fr", unique("inconnu-"));
    expect_status(
        anon.post("/api/auth/password-reset", &json!({ "email": unknown }))
            .await?,
        202,
    )
    .await?;
    ensure!(
        last_email(&admin, &unknown, "password_reset")
            .await
            .is_err(),
        "no email to an unknown address"
    );
    let mail = last_email(&admin, &m.email, "password_reset").await?;
    ensure!(
        mail.body_text.contains("/mot-de-passe/nouveau?token="),
        "{}",
        mail.body_text
    );
    let token = token_in(&mail)?;
    let resp = anon
        .post(
            "/api/auth/password-reset/confirm",
            &json!({ "token": token, "password": "nouveau mot de passe" }),
        )
        .await?;
    expect_status(resp, 200).await?;
    // The session from before the reset is gone; the old password no longer works; the new one does.
    expect_status(m.client.get("/api/me").await?, 401).await?;
    let old = anon
        .post(
            "/api/auth/login",
            &json!({ "email": m.email, "password": NEW_PASSWORD }),
        )
        .await?;
    expect_status(old, 401).await?;
    anon.login(&m.email, "nouveau mot de passe").await?;
    let reused = anon
        .post(
            "/api/auth/password-reset/confirm",
            &json!({ "token": token, "password": "encore un autre" }),
        )
        .await?;
    expect_status(reused, 410).await?;
    // A demo member can still log in with the demo password (nothing else was touched).
    anon.login("membre09@silicon-kerne.test", DEMO_PASSWORD)
        .await?;
    Ok(())
}

pub async fn one_client_cannot_flood_the_applications(api: &'static Api) -> Result<()> {
    let client = anonymous(api);
    for i in 0..10 {
        let email = format!("{}@example.fr", unique(&format!("vague{i}-")));
        expect_status(
            client
                .post("/api/applications", &application("Vague", &email))
                .await?,
            202,
        )
        .await?;
    }
    let resp = client
        .post(
            "/api/applications",
            &application("Vague", &format!("{}@example.fr", unique("une-de-trop-"))),
        )
        .await?;
    ensure!(
        resp.headers().contains_key("retry-after"),
        "a 429 says when to come back"
    );
    let err: ApiErrorBody = expect_json(resp, 429).await?;
    ensure!(err.code == ErrorCode::RateLimited, "{err:?}");
    let other = anonymous(api)
        .post(
            "/api/applications",
            &application("Autre", &format!("{}@example.fr", unique("autre-"))),
        )
        .await?;
    expect_status(other, 202)
        .await
        .context("another client still applies")?;
    Ok(())
}
