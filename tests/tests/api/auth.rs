//! Logging in and out: cookies, throttling, timing, cross-site refusal, revocation.

use std::time::{Duration, Instant};

use anyhow::{ensure, Context, Result};
use domain::wire::{ApiErrorBody, ErrorCode, Me};
use kerne_tests::api_client::{
    expect_json, expect_status, session_from, DEMO_PASSWORD, SESSION_COOKIE,
};
use kerne_tests::ensure_each;
use serde_json::json;

use crate::support::{admin, anonymous, new_member, unique};
use crate::Api;

pub async fn login_sets_a_strict_cookie_and_a_new_session_each_time(
    api: &'static Api,
) -> Result<()> {
    let anon = anonymous(api);
    let body = json!({ "email": "membre11@silicon-kerne.test", "password": DEMO_PASSWORD });
    let resp = anon.post("/api/auth/login", &body).await?;
    let cookie = resp
        .headers()
        .get("set-cookie")
        .context("no Set-Cookie")?
        .to_str()?
        .to_string();
    for part in [
        &format!("{SESSION_COOKIE}="),
        "HttpOnly",
        "Secure",
        "SameSite=Lax",
        "Path=/",
    ] {
        ensure!(
            cookie.contains(part),
            "the session cookie lacks {part}: {cookie}"
        );
    }
    ensure!(
        !cookie.contains("Domain="),
        "a __Host- cookie has no Domain: {cookie}"
    );
    let first = session_from(&resp).context("token")?;
    let me: Me = expect_json(resp, 200).await?;
    ensure_each!(
        [
            me.email == "membre11@silicon-kerne.test",
            me.membership.is_active()
        ],
        "{me:?}"
    );
    let second = session_from(&anon.post("/api/auth/login", &body).await?).context("token")?;
    // 32 random bytes, base64url: unguessable, and new at every login (no session fixation).
    ensure_each!(
        [first != second, first.len() >= 43],
        "each login gets a new random session id"
    );
    Ok(())
}

pub async fn wrong_password_and_unknown_email_look_alike(api: &'static Api) -> Result<()> {
    let anon = anonymous(api);
    let wrong = anon
        .post(
            "/api/auth/login",
            &json!({ "email": "membre12@silicon-kerne.test", "password": "pas le bon" }),
        )
        .await?;
    let wrong: ApiErrorBody = expect_json(wrong, 401).await?;
    let unknown = anon
        .post(
            "/api/auth/login",
            &json!({ "email": "personne@example.fr", "password": "pas le bon" }),
        )
        .await?;
    let unknown: ApiErrorBody = expect_json(unknown, 401).await?;
    ensure!(
        wrong == unknown,
        "the two failures must be indistinguishable: {wrong:?} vs {unknown:?}"
    );
    ensure!(wrong.message == "Adresse e-mail ou mot de passe incorrect.");
    // Timing: an unknown email is checked against a dummy Argon2id hash, so it is not much faster.
    let time = |email: &'static str| {
        let anon = anonymous(api);
        async move {
            let mut best = Duration::MAX;
            for _ in 0..3 {
                let t = Instant::now();
                anon.post(
                    "/api/auth/login",
                    &json!({ "email": email, "password": "pas le bon" }),
                )
                .await?;
                best = best.min(t.elapsed());
            }
            anyhow::Ok(best)
        }
    };
    let known = time("membre13@silicon-kerne.test").await?;
    let nobody = time("personne.du.tout@example.fr").await?;
    ensure!(
        nobody.as_secs_f64() >= known.as_secs_f64() * 0.5,
        "an unknown email answered in {nobody:?}, a wrong password in {known:?}: the difference tells who has an account"
    );
    Ok(())
}

/// Five wrong passwords on one account from one client: that client waits, with a Retry-After
/// within the window; the owner on her own phone still logs in, and other accounts are untouched.
pub async fn five_failures_lock_that_client_out_not_the_owner(api: &'static Api) -> Result<()> {
    let admin = admin(api).await?;
    let m = new_member(api, &admin).await?;
    let attacker = anonymous(api);
    for i in 0..5 {
        let r = attacker
            .post(
                "/api/auth/login",
                &json!({ "email": m.email, "password": format!("faux {i}") }),
            )
            .await?;
        expect_status(r, 401).await?;
    }
    // Even the right password, from the client that failed: it waits.
    let resp = attacker
        .post(
            "/api/auth/login",
            &json!({ "email": m.email, "password": crate::support::NEW_PASSWORD }),
        )
        .await?;
    let retry: i64 = resp
        .headers()
        .get("retry-after")
        .context("no Retry-After")?
        .to_str()?
        .parse()?;
    ensure!(
        (1..=900).contains(&retry),
        "Retry-After {retry} s is not within the 15-minute window"
    );
    let err: ApiErrorBody = expect_json(resp, 429).await?;
    ensure_each!(
        [
            err.code == ErrorCode::RateLimited,
            err.message.contains("Trop de tentatives")
        ],
        "{err:?}"
    );
    // The owner, from her own phone, is not locked out by someone else's failures.
    anonymous(api)
        .login(&m.email, crate::support::NEW_PASSWORD)
        .await
        .context("the owner was locked out by another client's failures")?;
    // Other accounts are not affected.
    anonymous(api)
        .login("membre14@silicon-kerne.test", DEMO_PASSWORD)
        .await?;
    Ok(())
}

pub async fn twenty_failures_from_one_client_are_throttled(api: &'static Api) -> Result<()> {
    let client = anonymous(api);
    for i in 0..20 {
        let email = format!("{}@example.fr", unique(&format!("essai{i}-")));
        expect_status(
            client
                .post(
                    "/api/auth/login",
                    &json!({ "email": email, "password": "rien" }),
                )
                .await?,
            401,
        )
        .await?;
    }
    let resp = client
        .post(
            "/api/auth/login",
            &json!({ "email": "membre15@silicon-kerne.test", "password": DEMO_PASSWORD }),
        )
        .await?;
    ensure!(
        resp.status() == 429,
        "the 21st attempt from the same client answered {}",
        resp.status()
    );
    ensure!(resp.headers().contains_key("retry-after"));
    anonymous(api)
        .login("membre15@silicon-kerne.test", DEMO_PASSWORD)
        .await
        .context("another client still logs in")?;
    Ok(())
}

pub async fn logout_and_deactivation_revoke_sessions(api: &'static Api) -> Result<()> {
    let member = anonymous(api)
        .login("membre16@silicon-kerne.test", DEMO_PASSWORD)
        .await?;
    expect_status(member.get("/api/me").await?, 200).await?;
    let resp = member.post("/api/auth/logout", &json!({})).await?;
    let cleared = resp
        .headers()
        .get("set-cookie")
        .context("logout clears the cookie")?
        .to_str()?
        .to_string();
    ensure!(cleared.contains("Max-Age=0"), "{cleared}");
    expect_status(resp, 204).await?;
    expect_status(member.get("/api/me").await?, 401)
        .await
        .context("the old cookie is dead server-side")?;

    let admin = admin(api).await?;
    let m = new_member(api, &admin).await?;
    expect_status(m.client.get("/api/me").await?, 200).await?;
    expect_status(
        admin
            .post(
                &format!("/api/staff/members/{}/deactivate", m.id),
                &json!({}),
            )
            .await?,
        204,
    )
    .await?;
    expect_status(m.client.get("/api/me").await?, 401)
        .await
        .context("deactivation ends open sessions")?;
    let again = anonymous(api)
        .post(
            "/api/auth/login",
            &json!({ "email": m.email, "password": crate::support::NEW_PASSWORD }),
        )
        .await?;
    expect_status(again, 401)
        .await
        .context("a deactivated member cannot log in")?;
    expect_status(
        admin
            .post(
                &format!("/api/staff/members/{}/deactivate", m.id),
                &json!({}),
            )
            .await?,
        404,
    )
    .await?;
    Ok(())
}

/// `GET /api/session`: who is there, without a 401: null for a visitor, for a session that ended and
/// for a garbled cookie; the member for a live session; never cached.
pub async fn the_session_says_who_is_there_without_an_error(api: &'static Api) -> Result<()> {
    let resp = anonymous(api).get("/api/session").await?;
    ensure!(
        resp.headers()
            .get("cache-control")
            .is_some_and(|v| v == "no-store"),
        "the session answer must not be cached"
    );
    let visitor: Option<Me> = expect_json(resp, 200).await?;
    ensure!(visitor.is_none(), "a visitor is nobody: {visitor:?}");

    let member = anonymous(api)
        .login("membre18@silicon-kerne.test", DEMO_PASSWORD)
        .await?;
    let me: Option<Me> = expect_json(member.get("/api/session").await?, 200).await?;
    ensure!(
        me.as_ref()
            .is_some_and(|m| m.email == "membre18@silicon-kerne.test"),
        "the logged-in member: {me:?}"
    );

    expect_status(member.post("/api/auth/logout", &json!({})).await?, 204).await?;
    let after: Option<Me> = expect_json(member.get("/api/session").await?, 200).await?;
    ensure!(after.is_none(), "after logging out: {after:?}");

    let resp = reqwest::Client::new()
        .get(format!("{}/api/session", api.app.base_url))
        .header("Cookie", format!("{SESSION_COOKIE}=not-a-session"))
        .send()
        .await?;
    let garbled: Option<Me> = expect_json(resp, 200).await?;
    ensure!(garbled.is_none(), "a garbled cookie is nobody: {garbled:?}");
    Ok(())
}

pub async fn cross_site_and_non_json_writes_are_refused(api: &'static Api) -> Result<()> {
    let member = anonymous(api)
        .login("membre17@silicon-kerne.test", DEMO_PASSWORD)
        .await?;
    let profile = json!({ "name": "Pirate", "phone": "", "company": "", "skills": [], "bio": "", "in_directory": false, "lang": "fr" });
    let url = format!("{}/api/me/profile", api.app.base_url);
    let cookie = format!(
        "{SESSION_COOKIE}={}",
        member.session.clone().unwrap_or_default()
    );
    let http = reqwest::Client::new();
    let cases = [
        (
            "another Origin",
            http.put(&url)
                .header("Origin", "https://evil.example")
                .header("Cookie", &cookie)
                .json(&profile),
        ),
        (
            "cross-site fetch",
            http.put(&url)
                .header("Sec-Fetch-Site", "cross-site")
                .header("Cookie", &cookie)
                .json(&profile),
        ),
        (
            "no Origin at all",
            http.put(&url).header("Cookie", &cookie).json(&profile),
        ),
        (
            "Origin of this site but cross-site fetch",
            http.put(&url)
                .header("Origin", &api.app.base_url)
                .header("Sec-Fetch-Site", "cross-site")
                .header("Cookie", &cookie)
                .json(&profile),
        ),
    ];
    for (what, req) in cases {
        let err: ApiErrorBody = expect_json(req.send().await?, 403)
            .await
            .with_context(|| what.to_string())?;
        ensure!(err.code == ErrorCode::CrossSite, "{what}: {err:?}");
    }
    // A form post from this site would still not be JSON.
    let form = member
        .request(reqwest::Method::PUT, "/api/me/profile")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("name=Pirate")
        .send()
        .await?;
    expect_status(form, 415).await?;
    let login_elsewhere = http
        .post(format!("{}/api/auth/login", api.app.base_url))
        .header("Origin", "https://evil.example")
        .json(&json!({}))
        .send()
        .await?;
    expect_status(login_elsewhere, 403).await?;
    let me: Me = member.get_json("/api/me").await?;
    ensure!(me.name != "Pirate", "a refused request changed the profile");
    Ok(())
}
