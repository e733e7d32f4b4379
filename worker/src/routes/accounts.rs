//! Joining, logging in and out, single-use links, the member's own data and the directory.

use chrono::Duration;
use domain::accounts::{
    check_new_password, parse_name, parse_phone, parse_skills, parse_text, Checker,
    Email as EmailAddress, MemberListFilter,
};
use domain::endpoints as ep;
use domain::wire::{
    ApplicationRequest, DirectoryEntry, LoginRequest, MemberExport, PasswordResetRequest,
    ProfileUpdate, SetPasswordRequest,
};
use domain::{paris, ApiMsg};
use worker::Response;

use super::{handler, Ctx, Limit, Per, Route, DAY, HOUR, MINUTE};
use crate::auth::{self, Access, SESSION_ABSOLUTE, SESSION_IDLE};
use crate::cache::Scope;
use crate::error::{ApiError, Context};
use crate::http;
use crate::mail::Email;
use crate::repo::accounts::MemberStatus;
use crate::repo::{self, accounts, changes, outbox, sessions};
use crate::secrets::{hash_password, random_token, token_hash, verify_password};

pub fn routes() -> Vec<Route> {
    use Access::*;
    vec![
        Route::new(ep::APPLY, "Apply to join the association (no account needed). The same 202 whether or not the address has an account: its owner is told by email instead.", "accounts", Public, handler!(apply))
            .limits(const { &[Limit::refuse(Per::Client, 10, HOUR), Limit::quiet(Per::Mailbox, 3, DAY)] })
            .sends_email()
            .status(202),
        Route::new(ep::LOGIN, "Log in: sets the session cookie. Throttled per account and per client.", "auth", Public, handler!(login)),
        Route::new(ep::LOGOUT, "Log out: revokes the session server-side.", "auth", Public, handler!(logout))
            .with_caller(),
        Route::new(ep::ACCEPT_INVITATION, "Choose a password with the single-use invitation link (72 h); logs in.", "auth", Public, handler!(accept_invitation))
        .invalidates(&[Scope::Site]),
        Route::new(ep::CHECK_INVITATION, "Whether an invitation link can still be used: 204, or 404 when unknown, used or expired.", "auth", Public, handler!(check_invitation)),
        Route::new(ep::CHECK_PASSWORD_RESET, "Whether a password reset link can still be used: 204, or 404 when unknown, used or expired.", "auth", Public, handler!(check_password_reset)),
        Route::new(ep::REQUEST_PASSWORD_RESET, "Ask for a password reset link by email (always 202; one email per account per quarter of an hour, whoever asks).", "auth", Public, handler!(request_password_reset))
            .limits(const { &[Limit::refuse(Per::Client, 10, HOUR), Limit::quiet(Per::Mailbox, 1, 15 * MINUTE)] })
            .sends_email()
            .status(202),
        Route::new(ep::CONFIRM_PASSWORD_RESET, "Set a new password with the single-use reset link (1 h); revokes other sessions and logs in.", "auth", Public, handler!(confirm_password_reset)),
        Route::new(ep::SESSION, "The caller when logged in, else null: how the app learns who is there without a 401.", "me", Public, handler!(session))
            .with_caller(),
        Route::new(ep::ME, "The caller: identity, role, membership status, profile, clubs.", "me", Member, handler!(me)),
        Route::new(ep::UPDATE_PROFILE, "Edit one's profile and directory opt-in.", "me", Member, handler!(update_profile)),
        Route::new(ep::JOIN_CLUB, "Join a club.", "me", Member, handler!(join_club)),
        Route::new(ep::LEAVE_CLUB, "Leave a club.", "me", Member, handler!(leave_club)),
        Route::new(ep::EXPORT_ME, "Everything the portal holds about the caller, as a JSON download.", "me", Member, handler!(export_me)),
        Route::new(ep::DELETE_ME, "Erase one's account; payments are kept without identity.", "me", Member, handler!(delete_me))
        .invalidates(&[Scope::Site, Scope::Availability]),
        Route::new(ep::DIRECTORY, "Members who chose to appear in the directory, searchable by text, skill and club.", "directory", Member, handler!(directory))
            .query(&[("q", "text in name, company or bio", false), ("skill", "a skill (prefix)", false), ("club", "a club slug", false)]),
        Route::new(ep::DIRECTORY_ENTRY, "One directory profile (404 if the member did not opt in).", "directory", Member, handler!(directory_entry)),
    ]
}

fn json_with_cookie<T: serde::Serialize>(body: &T, cookie: &str) -> Result<Response, ApiError> {
    let mut resp = http::json(body, 200)?;
    http::set_header(&mut resp, "Set-Cookie", cookie)?;
    Ok(resp)
}

pub async fn apply(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: ApplicationRequest = ctx.json().await?;
    let db = ctx.db()?;
    let known_clubs = accounts::club_slugs(&db).await?;
    let mut c = Checker::default();
    let name = c.check("name", parse_name(&body.name));
    let email = c.check("email", EmailAddress::parse(&body.email));
    let phone = c.check("phone", parse_phone(&body.phone));
    let company = c.check("company", parse_text(&body.company, 120));
    let skills = c.check("skills", parse_skills(&body.skills));
    let motivation = c.check("motivation", parse_text(&body.motivation, 2000));
    if body.clubs.iter().any(|s| !known_clubs.contains(s)) {
        c.fail("clubs", ApiMsg::FieldUnknownClub);
    }
    if !body.consent {
        c.fail("consent", ApiMsg::FieldConsent);
    }
    let (name, email, phone, company, skills, motivation) = c
        .finish(|| Some((name?, email?, phone?, company?, skills?, motivation?)))
        .map_err(ApiError::Validation)?;
    // Past the mailbox's allowance: the same answer, nothing stored, nothing sent.
    let Some(tally) = ctx
        .check(Per::Mailbox, &domain::privacy::mailbox(email.as_str()))
        .await?
    else {
        return http::empty(202);
    };
    let application = accounts::NewApplication {
        email: email.as_str(),
        name: &name,
        phone: &phone,
        company: &company,
        skills: &skills,
        motivation: &motivation,
        clubs: &body.clubs,
        lang: body.lang,
    };
    let nonce = random_token();
    let confirmation = Email::compose(
        email.as_str(),
        "application_received",
        body.lang,
        ApiMsg::EmailApplicationSubject,
        ApiMsg::EmailApplicationBody,
        &[("name", &name)],
    );
    let batch = vec![
        accounts::apply(&db, &application, ctx.now, &nonce)?,
        outbox::queue_if_application(&db, &confirmation, &nonce, ctx.now)?,
        tally.record(&db, ctx.now)?,
    ];
    let results = match crate::repo::batch(&db, batch, "saving an application").await {
        // An application from this address is already waiting for staff: nothing more to do.
        Err(e) if repo::is_unique_violation(&e) => return http::empty(202),
        other => other?,
    };
    let inserted = results
        .first()
        .ok_or_else(|| ApiError::Internal("empty batch result".into()))?;
    if changes(inserted) == 0 {
        // The address has an account: its owner learns it by email, the caller nothing.
        if let Some(member) = accounts::member_by_email(&db, email.as_str()).await? {
            let link = ctx.site()?.link("/connexion");
            let mail = Email::compose(
                &member.email,
                "account_exists",
                member.lang,
                ApiMsg::EmailAccountExistsSubject,
                ApiMsg::EmailAccountExistsBody,
                &[("name", &member.name), ("link", &link)],
            );
            crate::repo::batch(
                &db,
                vec![
                    outbox::queue(&db, &mail, Some(member.id), None, ctx.now)?,
                    tally.record(&db, ctx.now)?,
                ],
                "telling a member someone applied with their address",
            )
            .await?;
        }
    }
    http::empty(202)
}

const THROTTLE_WINDOW: Duration = Duration::minutes(15);
/// Wrong passwords on one account from one client: that client waits (the owner elsewhere does not).
const MAX_FAILURES_PER_ACCOUNT_AND_CLIENT: i64 = 5;
/// Wrong passwords from one client on any accounts: that client waits.
const MAX_FAILURES_PER_CLIENT: i64 = 20;
/// Wrong passwords on one account from everywhere (a guessing campaign spread over many
/// addresses): new devices wait; a device that signed in to the account before never does.
const MAX_FAILURES_PER_ACCOUNT: i64 = 50;

pub async fn login(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: LoginRequest = ctx.json().await?;
    let db = ctx.db()?;
    let email = body.email.trim().to_lowercase();
    let client = ctx.client.clone();
    let device = auth::device_token(&ctx.req);
    let since = ctx.now - THROTTLE_WINDOW;
    let failures = sessions::failures(&db, &email, &client, since).await?;
    let known_device = match (&device, failures.account.n >= MAX_FAILURES_PER_ACCOUNT) {
        (Some(d), true) => sessions::device_known(&db, &token_hash(d), &email).await?,
        _ => false,
    };
    let account_limit = if known_device {
        i64::MAX
    } else {
        MAX_FAILURES_PER_ACCOUNT
    };
    let blocked = [
        (
            failures.account_from_client,
            MAX_FAILURES_PER_ACCOUNT_AND_CLIENT,
        ),
        (failures.client, MAX_FAILURES_PER_CLIENT),
        (failures.account, account_limit),
    ]
    .into_iter()
    .filter(|(f, max)| f.n >= *max)
    .filter_map(|(f, _)| f.oldest)
    .filter_map(|oldest| crate::repo::parse_instant(&oldest))
    .map(|oldest| (oldest + THROTTLE_WINDOW - ctx.now).num_seconds())
    .max();
    if let Some(retry_after_secs) = blocked {
        return Err(ApiError::RateLimited { retry_after_secs });
    }
    let member = accounts::member_by_email(&db, &email).await?;
    let hash = member.as_ref().and_then(|m| m.password_hash.as_deref());
    if !verify_password(&body.password, hash) {
        let attempt = sessions::record_attempt(&db, ctx.now, &email, &client, false)?;
        repo::run(attempt, "recording a failed login").await?;
        return Err(ApiError::LoginFailed);
    }
    let member = member.ok_or(ApiError::LoginFailed)?;
    let token = random_token();
    let device = device.unwrap_or_else(random_token);
    crate::repo::batch(
        &db,
        vec![
            sessions::create(
                &db,
                &token_hash(&token),
                member.id,
                ctx.now,
                SESSION_IDLE,
                SESSION_ABSOLUTE,
            )?,
            sessions::record_attempt(&db, ctx.now, &email, &client, true)?,
            sessions::prune_attempts(&db, ctx.now - Duration::days(1))?,
            sessions::remember_device(&db, &token_hash(&device), member.id, ctx.now)?,
            sessions::prune_devices(&db, ctx.now - auth::DEVICE_LIFETIME)?,
        ],
        "opening the session",
    )
    .await?;
    let mut resp = json_with_cookie(
        &member.me(paris::local_date(ctx.now)),
        &auth::session_cookie(&token),
    )?;
    resp.headers_mut()
        .append("Set-Cookie", &auth::device_cookie(&device))
        .context("setting the device cookie")?;
    Ok(resp)
}

pub async fn logout(ctx: Ctx) -> Result<Response, ApiError> {
    if let Some(m) = ctx.caller.member() {
        let delete = sessions::delete(&ctx.db()?, &m.session_hash)?;
        repo::run(delete, "ending the session").await?;
    }
    let mut resp = http::empty(204)?;
    http::set_header(&mut resp, "Set-Cookie", &auth::clear_session_cookie())?;
    Ok(resp)
}

/// Spend a single-use token and set the password in one batch; logs in on success.
async fn set_password_with_token(mut ctx: Ctx, purpose: &str) -> Result<Response, ApiError> {
    let body: SetPasswordRequest = ctx.json().await?;
    let mut c = Checker::default();
    c.check("password", check_new_password(&body.password));
    if body.token.trim().is_empty() {
        c.fail("token", ApiMsg::FieldRequired);
    }
    c.finish(|| Some(())).map_err(ApiError::Validation)?;
    let db = ctx.db()?;
    let phc = hash_password(&body.password).map_err(ApiError::Internal)?;
    let Some(spent) =
        accounts::spend_token(&db, &token_hash(body.token.trim()), purpose, ctx.now).await?
    else {
        return Err(ApiError::Gone(ApiMsg::ErrTokenInvalid));
    };
    let session = random_token();
    crate::repo::batch(
        &db,
        vec![
            accounts::set_password(&db, spent.member_id, &phc)?,
            // A new password ends every other session (a reset after a leak must lock the thief out).
            sessions::delete_for_member(&db, spent.member_id)?,
            sessions::create(
                &db,
                &token_hash(&session),
                spent.member_id,
                ctx.now,
                SESSION_IDLE,
                SESSION_ABSOLUTE,
            )?,
        ],
        "setting the password",
    )
    .await?;
    let member = accounts::member_by_id(&db, spent.member_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    // The link proved the owner: the failed logins before it no longer count against anyone.
    let client = ctx.client.clone();
    let cleared = sessions::record_attempt(&db, ctx.now, &member.email, &client, true)?;
    repo::run(cleared, "clearing the failed logins").await?;
    json_with_cookie(
        &member.me(paris::local_date(ctx.now)),
        &auth::session_cookie(&session),
    )
}

pub async fn accept_invitation(ctx: Ctx) -> Result<Response, ApiError> {
    set_password_with_token(ctx, "invitation").await
}

async fn check_token(ctx: Ctx, purpose: &str) -> Result<Response, ApiError> {
    let token = ctx.param("token").unwrap_or_default();
    if accounts::token_usable(&ctx.db()?, &token_hash(token), purpose, ctx.now).await? {
        http::empty(204)
    } else {
        Err(ApiError::NotFound)
    }
}

pub async fn check_invitation(ctx: Ctx) -> Result<Response, ApiError> {
    check_token(ctx, "invitation").await
}

pub async fn check_password_reset(ctx: Ctx) -> Result<Response, ApiError> {
    check_token(ctx, "password_reset").await
}

pub async fn confirm_password_reset(ctx: Ctx) -> Result<Response, ApiError> {
    set_password_with_token(ctx, "password_reset").await
}

pub async fn request_password_reset(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: PasswordResetRequest = ctx.json().await?;
    let email = EmailAddress::parse(&body.email)
        .map_err(|m| ApiError::Validation(vec![("email".into(), m)]))?;
    let db = ctx.db()?;
    // One email per mailbox and quarter of an hour, whoever asks: past it the same answer, and the
    // link sent before still works. Counted before the account is looked up, for everyone alike.
    let Some(tally) = ctx
        .check(Per::Mailbox, &domain::privacy::mailbox(email.as_str()))
        .await?
    else {
        return http::empty(202);
    };
    // Whether or not the account exists, the answer is the same: no one learns who is a member.
    if let Some(member) = accounts::member_by_email(&db, email.as_str()).await? {
        let token = random_token();
        let link = ctx
            .site()?
            .link(&format!("/mot-de-passe/nouveau?token={token}"));
        let mail = Email::compose(
            &member.email,
            "password_reset",
            member.lang,
            ApiMsg::EmailResetSubject,
            ApiMsg::EmailResetBody,
            &[("name", &member.name), ("link", &link)],
        );
        crate::repo::batch(
            &db,
            vec![
                accounts::reset_token(
                    &db,
                    &token_hash(&token),
                    member.id,
                    ctx.now + Duration::hours(1),
                )?,
                outbox::queue(&db, &mail, Some(member.id), None, ctx.now)?,
                tally.record(&db, ctx.now)?,
            ],
            "storing the reset link and its email",
        )
        .await?;
    } else {
        repo::run(tally.record(&db, ctx.now)?, "counting a reset asked").await?;
    }
    http::empty(202)
}

async fn current(ctx: &Ctx) -> Result<accounts::MemberRow, ApiError> {
    let id = ctx.member()?.id;
    accounts::member_by_id(&ctx.db()?, id)
        .await?
        .ok_or(ApiError::Unauthorized)
}

/// `null` for a visitor (or a session that ended), the caller otherwise; never cached.
pub async fn session(ctx: Ctx) -> Result<Response, ApiError> {
    let me = match ctx.caller.member() {
        Some(member) => accounts::member_by_id(&ctx.db()?, member.id)
            .await?
            .map(|row| row.me(paris::local_date(ctx.now))),
        None => None,
    };
    http::json(&me, 200)
}

pub async fn me(ctx: Ctx) -> Result<Response, ApiError> {
    let row = current(&ctx).await?;
    http::json(&row.me(paris::local_date(ctx.now)), 200)
}

pub async fn update_profile(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: ProfileUpdate = ctx.json().await?;
    let mut c = Checker::default();
    let name = c.check("name", parse_name(&body.name));
    let phone = c.check("phone", parse_phone(&body.phone));
    let company = c.check("company", parse_text(&body.company, 120));
    let skills = c.check("skills", parse_skills(&body.skills));
    let bio = c.check("bio", parse_text(&body.bio, 1000));
    let (name, phone, company, skills, bio) = c
        .finish(|| Some((name?, phone?, company?, skills?, bio?)))
        .map_err(ApiError::Validation)?;
    let db = ctx.db()?;
    let id = ctx.member()?.id;
    let values = accounts::ProfileValues {
        name: &name,
        phone: &phone,
        company: &company,
        skills: &skills,
        bio: &bio,
        in_directory: body.in_directory,
        lang: body.lang,
    };
    repo::run(
        accounts::update_profile(&db, id, &values)?,
        "updating the profile",
    )
    .await?;
    me(ctx).await
}

async fn club_change(ctx: Ctx, join: bool) -> Result<Response, ApiError> {
    let slug = ctx.param("slug").unwrap_or_default().to_string();
    let db = ctx.db()?;
    if !accounts::club_exists(&db, &slug).await? {
        return Err(ApiError::NotFound);
    }
    let id = ctx.member()?.id;
    let change = if join {
        accounts::join_club(&db, id, &slug)?
    } else {
        accounts::leave_club(&db, id, &slug)?
    };
    repo::run(change, "changing the member's clubs").await?;
    me(ctx).await
}

pub async fn join_club(ctx: Ctx) -> Result<Response, ApiError> {
    club_change(ctx, true).await
}

pub async fn leave_club(ctx: Ctx) -> Result<Response, ApiError> {
    club_change(ctx, false).await
}

pub async fn export_me(ctx: Ctx) -> Result<Response, ApiError> {
    let row = current(&ctx).await?;
    let db = ctx.db()?;
    let (bookings, calendar_feed) =
        crate::service::bookings::export_of_member(&db, row.id, ctx.now).await?;
    let clubs = crate::service::site::load(&db, ctx.now)
        .await?
        .clubs
        .into_iter()
        .filter(|c| row.clubs.contains(&c.slug))
        .collect();
    let export = MemberExport {
        exported_at: repo::ts(ctx.now),
        profile: row.me(paris::local_date(ctx.now)),
        payments: accounts::payments(&db, row.id).await?,
        applications: accounts::applications_of(&db, row.id, &row.email)
            .await?
            .iter()
            .map(|a| a.wire())
            .collect(),
        emails: outbox::for_member(&db, row.id, &row.email).await?,
        bookings,
        clubs,
        calendar_feed,
        events: crate::service::events::member_signups(&db, row.id).await?,
    };
    let mut resp = http::json(&export, 200)?;
    http::set_header(
        &mut resp,
        "Content-Disposition",
        "attachment; filename=\"silicon-kerne-mes-donnees.json\"",
    )?;
    Ok(resp)
}

pub async fn delete_me(ctx: Ctx) -> Result<Response, ApiError> {
    let row = current(&ctx).await?;
    let db = ctx.db()?;
    crate::repo::batch(
        &db,
        accounts::erase(&db, row.id, &row.email)?,
        "erasing the member",
    )
    .await?;
    let mut resp = http::empty(204)?;
    http::set_header(&mut resp, "Set-Cookie", &auth::clear_session_cookie())?;
    Ok(resp)
}

pub async fn directory(ctx: Ctx) -> Result<Response, ApiError> {
    let filter: accounts::MemberFilter = ctx.query()?;
    let filter = accounts::MemberFilter {
        status: MemberListFilter::All,
        ..filter
    };
    let rows = accounts::search(&ctx.db()?, &filter, paris::local_date(ctx.now), true).await?;
    let entries: Vec<DirectoryEntry> = rows.iter().map(|r| r.directory_entry()).collect();
    http::json(&entries, 200)
}

pub async fn directory_entry(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let me = ctx.member()?.id;
    let row = accounts::member_by_id(&ctx.db()?, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    // Someone who did not opt in is private: not found, as if absent (oneself excepted).
    if row.id != me && !(row.in_directory == 1 && row.status == MemberStatus::Active) {
        return Err(ApiError::NotFound);
    }
    http::json(&row.directory_entry(), 200)
}
