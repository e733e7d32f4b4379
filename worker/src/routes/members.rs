//! Staff pages' API: applications, members, fees, roles, the outbox and the audit log.

use chrono::{Duration, NaiveDate};
use domain::accounts::{membership_period, parse_text, Checker, MemberListFilter, PaymentMethod};
use domain::endpoints as ep;
use domain::wire::{
    Application, ApproveRequest, AuditEntry, Created, DeclineRequest, MemberDetail, MemberSummary,
    Payment, PaymentRequest, RoleRequest,
};
use domain::{paris, ApiMsg};
use serde_json::json;
use worker::Response;

use super::{handler, Ctx, Route};
use crate::auth::Access;
use crate::cache::Scope;
use crate::error::ApiError;
use crate::http;
use crate::mail::Email;
use crate::repo::accounts::MemberStatus;
use crate::repo::{accounts, audit, changes, outbox, sessions};
use crate::secrets::{random_token, token_hash};

pub fn routes() -> Vec<Route> {
    use Access::*;
    vec![
        Route::new(ep::LIST_APPLICATIONS, "Membership applications, newest first.", "staff", Staff, handler!(list_applications))
            .query(&[("status", "pending, approved or declined", false)]),
        Route::new(ep::APPROVE_APPLICATION, "Approve: creates the member and emails a single-use invitation (72 h); with `fee`, records the first fee paid at the desk (checked before anything is stored).", "staff", Staff, handler!(approve_application))
            .sends_email()
        .invalidates(&[Scope::Site])
            .status(201),
        Route::new(ep::DECLINE_APPLICATION, "Decline with a reason, emailed to the applicant.", "staff", Staff, handler!(decline_application)),
        Route::new(ep::LIST_MEMBERS, "Members, searchable by text, skill, club and membership status.", "staff", Staff, handler!(list_members))
            .query(&[
                ("q", "text in name, email, company or bio", false),
                ("skill", "a skill (prefix)", false),
                ("club", "a club slug", false),
                ("status", "active (the adhérents today), ends_soon (fee ends within 30 days), expired, none, deactivated, or lapsed (a fee ran out between from and to, not renewed by to)", false),
                ("sort", "empty for by name, end for by the fee's end, soonest first", false),
                ("from", "first day of the lapsed period (YYYY-MM-DD)", false),
                ("to", "last day of the lapsed period (YYYY-MM-DD)", false),
            ]),
        Route::new(ep::MEMBER_DETAIL, "A member with their payments (an erased member: an anonymous row, payments kept for the accounts).", "staff", Staff, handler!(member_detail)),
        Route::new(ep::RECORD_PAYMENT, "Record a yearly fee; extends the membership by a year.", "staff", Staff, handler!(record_payment))
            // The home page counts the adhérents, whose fees decide who they are.
            .invalidates(&[Scope::Site])
            .status(201),
        Route::new(ep::DEACTIVATE_MEMBER, "Deactivate an account; its sessions are revoked.", "staff", Staff, handler!(deactivate_member))
        .invalidates(&[Scope::Site, Scope::Availability]),
        Route::new(ep::SET_ROLE, "Change a member's role (one active admin always remains).", "staff", Admin, handler!(set_role))
        .invalidates(&[Scope::Site]),
        Route::new(ep::OUTBOX, "The email outbox, newest first, the last 200 (to one address with `to`; locally, emails are read here).", "staff", Staff, handler!(list_outbox))
            .query(&[("to", "an email address", false)]),
        Route::new(ep::AUDIT_LOG, "Who changed what, newest first.", "staff", Staff, handler!(list_audit)),
    ]
}

#[derive(serde::Deserialize, Default)]
struct StatusFilter {
    #[serde(default)]
    status: String,
}

pub async fn list_applications(ctx: Ctx) -> Result<Response, ApiError> {
    let f: StatusFilter = ctx.query()?;
    let rows = accounts::applications(&ctx.db()?, f.status.trim()).await?;
    let list: Vec<Application> = rows.iter().map(|a| a.wire()).collect();
    http::json(&list, 200)
}

pub async fn approve_application(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: ApproveRequest = ctx.json_or_default().await?;
    // The first fee, when paid at the desk, is checked before anything is written.
    let fee = body
        .fee
        .as_ref()
        .map(|f| check_payment(f, paris::local_date(ctx.now)))
        .transpose()?;
    let db = ctx.db()?;
    let actor = ctx.member()?.id;
    // Read only to write the email's words; whether the approval happens is decided by the batch.
    let application = accounts::application(&db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let nonce = random_token();
    let token = random_token();
    let link = ctx.site()?.link(&format!("/invitation?token={token}"));
    let mail = Email::compose(
        &application.email,
        "invitation",
        application.lang,
        ApiMsg::EmailInvitationSubject,
        ApiMsg::EmailInvitationBody,
        &[("name", &application.name), ("link", &link)],
    );
    let mut batch = accounts::approve(&db, id, actor, ctx.now, &nonce)?;
    // Right after the decision: recorded only if this request made it.
    batch.insert(
        1,
        audit::record_after(
            &db,
            ctx.now,
            &ctx.caller,
            "application.approve",
            "application",
            &id.to_string(),
            json!({ "email": application.email }),
        )?,
    );
    batch.push(accounts::invitation_token_for_application(
        &db,
        &token_hash(&token),
        &nonce,
        ctx.now + Duration::hours(72),
    )?);
    batch.push(outbox::queue_if_application(&db, &mail, &nonce, ctx.now)?);
    let results = match crate::repo::batch(&db, batch, "approving an application").await {
        // The email already belongs to a member (e.g. approved twice through two applications).
        Err(e) if crate::repo::is_unique_violation(&e) => {
            return Err(ApiError::Conflict(ApiMsg::ErrMemberExists))
        }
        other => other?,
    };
    if results.first().map(changes) != Some(1) {
        return Err(ApiError::Conflict(ApiMsg::ErrAlreadyDecided));
    }
    let member = accounts::member_by_email(&db, &application.email)
        .await?
        .ok_or(ApiError::Internal("approved member missing".into()))?;
    if let Some(fee) = fee {
        store_payment(&ctx, member.id, fee).await?;
    }
    http::json(&Created { id: member.id }, 201)
}

pub async fn decline_application(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: DeclineRequest = ctx.json().await?;
    let reason = match parse_text(&body.reason, 1000) {
        Ok(r) if !r.is_empty() => r,
        Ok(_) => {
            return Err(ApiError::Validation(vec![(
                "reason".into(),
                ApiMsg::FieldRequired,
            )]))
        }
        Err(m) => return Err(ApiError::Validation(vec![("reason".into(), m)])),
    };
    let db = ctx.db()?;
    let actor = ctx.member()?.id;
    let application = accounts::application(&db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let nonce = random_token();
    let mail = Email::compose(
        &application.email,
        "application_declined",
        application.lang,
        ApiMsg::EmailDeclinedSubject,
        ApiMsg::EmailDeclinedBody,
        &[("name", &application.name), ("reason", &reason)],
    );
    let results = crate::repo::batch(
        &db,
        vec![
            accounts::decline(&db, id, actor, &reason, ctx.now, &nonce)?,
            audit::record_after(
                &db,
                ctx.now,
                &ctx.caller,
                "application.decline",
                "application",
                &id.to_string(),
                json!({ "reason": reason }),
            )?,
            outbox::queue_if_application(&db, &mail, &nonce, ctx.now)?,
        ],
        "declining an application",
    )
    .await?;
    if results.first().map(changes) != Some(1) {
        return Err(ApiError::Conflict(ApiMsg::ErrAlreadyDecided));
    }
    http::empty(204)
}

pub async fn list_members(ctx: Ctx) -> Result<Response, ApiError> {
    let mut f: accounts::MemberFilter = ctx.query()?;
    if f.status == MemberListFilter::Lapsed {
        f.lapsed = Some(super::stats::period_of(&f.from, &f.to)?);
    }
    let today = paris::local_date(ctx.now);
    let rows = accounts::search(&ctx.db()?, &f, today, false).await?;
    let list: Vec<MemberSummary> = rows.iter().map(|r| r.summary(today)).collect();
    http::json(&list, 200)
}

pub async fn member_detail(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let db = ctx.db()?;
    let row = accounts::member_by_id_for_accounts(&db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let detail = MemberDetail {
        member: row.summary(paris::local_date(ctx.now)),
        bio: row.bio.clone(),
        in_directory: row.in_directory == 1,
        created_at: row.created_at.clone(),
        payments: accounts::payments(&db, id).await?,
    };
    http::json(&detail, 200)
}

/// A fee as staff type it: an amount, a day not in the future, a method.
fn check_payment(
    body: &PaymentRequest,
    today: NaiveDate,
) -> Result<(i64, NaiveDate, PaymentMethod), ApiError> {
    let mut c = Checker::default();
    let amount = c.check(
        "amount_cents",
        if (0..=1_000_000).contains(&body.amount_cents) {
            Ok(body.amount_cents)
        } else {
            Err(ApiMsg::FieldAmount)
        },
    );
    let paid_on = c.check(
        "paid_on",
        domain::accounts::parse_day(&body.paid_on).and_then(|d| {
            if d > today {
                Err(ApiMsg::FieldDateFuture)
            } else {
                Ok(d)
            }
        }),
    );
    let method = c.check(
        "method",
        PaymentMethod::parse(body.method.trim()).ok_or(ApiMsg::FieldPaymentMethod),
    );
    c.finish(|| Some((amount?, paid_on?, method?)))
        .map_err(ApiError::Validation)
}

/// Store a checked fee: the membership runs a year from the payment (or from its current end).
async fn store_payment(
    ctx: &Ctx,
    id: i64,
    (amount, paid_on, method): (i64, NaiveDate, PaymentMethod),
) -> Result<Payment, ApiError> {
    let db = ctx.db()?;
    let member = accounts::member_by_id(&db, id)
        .await?
        .filter(|m| m.status == MemberStatus::Active)
        .ok_or(ApiError::NotFound)?;
    let previous = member.until();
    let period = membership_period(paid_on, previous);
    let payment = accounts::NewPayment {
        member_id: id,
        previous_until: previous,
        amount_cents: amount,
        paid_on,
        method,
        period,
        recorded_by: ctx.member()?.id,
    };
    let mut batch = accounts::record_payment(&db, &payment)?;
    batch.push(audit::record_after(
        &db,
        ctx.now,
        &ctx.caller,
        "member.payment",
        "member",
        &id.to_string(),
        json!({ "amount_cents": amount, "paid_on": paid_on, "method": method.as_str(), "until": period.1 }),
    )?);
    let results = crate::repo::batch(&db, batch, "recording a payment").await?;
    if results.get(1).map(changes) != Some(1) {
        // Another payment moved the end date between our read and our write: nothing was written.
        return Err(ApiError::Conflict(ApiMsg::ErrConflict));
    }
    let payment_id = results
        .get(1)
        .and_then(|r| r.meta().ok().flatten())
        .and_then(|m| m.last_row_id)
        .unwrap_or_default();
    Ok(Payment {
        id: payment_id,
        amount_cents: amount,
        paid_on,
        method,
        period_start: period.0,
        period_end: period.1,
        recorded_by: ctx.member()?.name.clone(),
    })
}

pub async fn record_payment(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: PaymentRequest = ctx.json().await?;
    let fee = check_payment(&body, paris::local_date(ctx.now))?;
    let payment = store_payment(&ctx, id, fee).await?;
    // A fee that now covers the day of an assembly already convened calls its payer too.
    crate::service::assemblies::convene_late(&ctx.db()?, id, &ctx.site()?.url, ctx.now).await?;
    http::json(&payment, 201)
}

pub async fn deactivate_member(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let db = ctx.db()?;
    let results = crate::repo::batch(
        &db,
        vec![
            accounts::deactivate(&db, id)?,
            audit::record_after(
                &db,
                ctx.now,
                &ctx.caller,
                "member.deactivate",
                "member",
                &id.to_string(),
                json!({}),
            )?,
            sessions::delete_for_member(&db, id)?,
        ],
        "deactivating a member",
    )
    .await?;
    if results.first().map(changes) != Some(1) {
        return Err(ApiError::NotFound);
    }
    http::empty(204)
}

pub async fn set_role(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: RoleRequest = ctx.json().await?;
    let db = ctx.db()?;
    let results = crate::repo::batch(
        &db,
        vec![
            accounts::set_role(&db, id, body.role)?,
            audit::record_after(
                &db,
                ctx.now,
                &ctx.caller,
                "member.role",
                "member",
                &id.to_string(),
                json!({ "role": body.role.as_str() }),
            )?,
        ],
        "changing a role",
    )
    .await?;
    if results.first().map(changes) != Some(1) {
        // Say why: no such active member, or the last administrator.
        return match accounts::member_by_id(&db, id).await? {
            Some(m) if m.status == MemberStatus::Active => {
                Err(ApiError::Conflict(ApiMsg::ErrLastAdmin))
            }
            _ => Err(ApiError::NotFound),
        };
    }
    http::empty(204)
}

#[derive(serde::Deserialize, Default)]
struct OutboxFilter {
    #[serde(default)]
    to: String,
}

pub async fn list_outbox(ctx: Ctx) -> Result<Response, ApiError> {
    let f: OutboxFilter = ctx.query()?;
    let to = f.to.trim().to_lowercase();
    let secrets = if ctx.site()?.shows_secrets() {
        outbox::Secrets::Shown
    } else {
        outbox::Secrets::Masked
    };
    let reader_is_admin = ctx.member()?.role == domain::accounts::Role::Admin;
    http::json(
        &outbox::list(&ctx.db()?, &to, reader_is_admin, secrets).await?,
        200,
    )
}

pub async fn list_audit(ctx: Ctx) -> Result<Response, ApiError> {
    let rows = audit::list(&ctx.db()?).await?;
    let entries: Vec<AuditEntry> = rows.iter().map(crate::service::audit::entry).collect();
    http::json(&entries, 200)
}
