//! Renting the meeting room without an account: request, private link, quote, staff decision.

use chrono::{Duration, NaiveDate};
use domain::accounts::{parse_name, parse_phone, parse_text, Checker, Email as EmailAddress};
use domain::calendar::{self, DeskPeriod, Horizon, ResourceKind, Schedule};
use domain::i18n::{format_date_long, format_euros};
use domain::time::LocalDateTime;
use domain::wire::{DeclineRequest, Quote, QuoteLine, RentalCreated, RentalRequest, RentalView};
use domain::{paris, ApiMsg, Lang, Localized};
use serde::Deserialize;
use serde_json::json;
use worker::wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement, Method, Response};

use super::{handler, Ctx, Route};
use crate::auth::Access;
use crate::cache::Scope;
use crate::error::{ApiError, Context};
use crate::mail::Email;
use crate::repo::{accounts, all, audit, changes, first, outbox, stmt, ts};
use crate::secrets::{random_token, token_hash};
use crate::service::calendar as svc;

pub fn routes() -> Vec<Route> {
    use Access::*;
    vec![
        Route::new(Method::Post, "/api/rentals", "request_rental", "A business asks for the meeting room (no account; 10 per client and hour); returns the private link's token and the price.", "rentals", Public, handler!(request_rental))
            .body::<RentalRequest>()
            .returns::<RentalCreated>(201),
        Route::new(Method::Get, "/api/rentals/{token}", "rental", "A rental request and its quote, by its private link.", "rentals", Public, handler!(rental))
            .returns::<RentalView>(200),
        Route::new(Method::Post, "/api/rentals/{token}/cancel", "cancel_rental", "The requester cancels (a booked room: until 24 h before).", "rentals", Public, handler!(cancel_rental))
        .invalidates(&[Scope::Availability])
            .no_content(204),
        Route::new(Method::Get, "/api/staff/rentals", "list_rentals", "Room rental requests, newest first.", "staff", Staff, handler!(list_rentals))
            .query(&[("status", "pending, approved, declined or cancelled", false)])
            .returns::<Vec<RentalView>>(200),
        Route::new(Method::Post, "/api/staff/rentals/{id}/approve", "approve_rental", "Approve: books the room in the same step; 409 if the slot was taken meanwhile.", "staff", Staff, handler!(approve_rental))
        .invalidates(&[Scope::Availability])
            .returns::<RentalView>(200),
        Route::new(Method::Post, "/api/staff/rentals/{id}/decline", "decline_rental", "Decline with a reason, emailed to the requester.", "staff", Staff, handler!(decline_rental))
            .body::<DeclineRequest>()
            .no_content(204),
    ]
}

/// Rental requests one client may send in an hour.
const MAX_RENTALS_PER_CLIENT: i64 = 10;

const COLUMNS: &str = "id, organisation, contact_name, email, phone, day, period, start_local, end_local, attendees, needs_visio, \
     message, lang, price_cents, status, decline_reason, created_at";

#[derive(Deserialize)]
struct RentalRow {
    id: i64,
    organisation: String,
    contact_name: String,
    email: String,
    phone: String,
    day: String,
    period: String,
    start_local: String,
    end_local: String,
    attendees: i64,
    needs_visio: i64,
    message: String,
    lang: String,
    price_cents: i64,
    status: String,
    decline_reason: Option<String>,
    created_at: String,
}

impl RentalRow {
    fn lang(&self) -> Lang {
        Lang::parse(&self.lang).unwrap_or_default()
    }

    fn period(&self) -> DeskPeriod {
        DeskPeriod::parse(&self.period).unwrap_or(DeskPeriod::Day)
    }

    fn date(&self) -> NaiveDate {
        NaiveDate::parse_from_str(&self.day, "%Y-%m-%d").unwrap_or_default()
    }

    fn view(&self) -> RentalView {
        let period = self.period();
        let label = if period == DeskPeriod::Day {
            ApiMsg::QuoteRoomDay
        } else {
            ApiMsg::QuoteRoomHalfDay
        };
        let issued_on =
            NaiveDate::parse_from_str(self.created_at.get(..10).unwrap_or_default(), "%Y-%m-%d")
                .unwrap_or_default();
        let line = QuoteLine {
            label: Localized {
                fr: label.text(Lang::Fr).into(),
                en: label.text(Lang::En).into(),
            },
            quantity: 1,
            unit_cents: self.price_cents,
            total_cents: self.price_cents,
        };
        RentalView {
            id: self.id,
            organisation: self.organisation.clone(),
            contact_name: self.contact_name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            date: self.date(),
            period,
            start: LocalDateTime(svc::parse_local(&self.start_local).unwrap_or_default()),
            end: LocalDateTime(svc::parse_local(&self.end_local).unwrap_or_default()),
            attendees: u32::try_from(self.attendees).unwrap_or(0),
            needs_visio: self.needs_visio == 1,
            message: self.message.clone(),
            status: self.status.clone(),
            price_cents: self.price_cents,
            decline_reason: self.decline_reason.clone(),
            quote: Quote {
                number: format!("SK-{}-{:04}", issued_on.format("%Y"), self.id),
                issued_on,
                lines: vec![line],
                total_cents: self.price_cents,
            },
            created_at: self.created_at.clone(),
        }
    }

    fn words(&self) -> Vec<(&'static str, String)> {
        let lang = self.lang();
        let period = match self.period() {
            DeskPeriod::Morning => ApiMsg::PeriodMorning,
            DeskPeriod::Afternoon => ApiMsg::PeriodAfternoon,
            DeskPeriod::Day => ApiMsg::PeriodDay,
        };
        vec![
            ("name", self.contact_name.clone()),
            ("organisation", self.organisation.clone()),
            ("date", format_date_long(self.date(), lang)),
            ("period", period.text(lang).to_string()),
            ("price", format_euros(self.price_cents, lang)),
        ]
    }
}

fn int(v: i64) -> JsValue {
    JsValue::from_f64(v as f64)
}

fn field(name: &str, msg: ApiMsg) -> ApiError {
    ApiError::Validation(vec![(name.to_string(), msg)])
}

async fn by_token(db: &D1Database, token: &str) -> Result<RentalRow, ApiError> {
    let row: Option<RentalRow> = first(stmt(
        db,
        &format!("SELECT {COLUMNS} FROM rentals WHERE token_hash = ?1"),
        &[token_hash(token).into()],
    )?)
    .await?;
    row.ok_or(ApiError::NotFound)
}

async fn by_id(db: &D1Database, id: i64) -> Result<RentalRow, ApiError> {
    let row: Option<RentalRow> = first(stmt(
        db,
        &format!("SELECT {COLUMNS} FROM rentals WHERE id = ?1"),
        &[int(id)],
    )?)
    .await?;
    row.ok_or(ApiError::NotFound)
}

fn link(ctx: &Ctx, token: &str) -> Result<String, ApiError> {
    Ok(format!(
        "{}/location/{token}",
        ctx.req
            .url()
            .context("request url")?
            .origin()
            .ascii_serialization()
    ))
}

fn mail(
    row: &RentalRow,
    kind: &'static str,
    subject: ApiMsg,
    body: ApiMsg,
    extra: &[(&str, String)],
) -> Email {
    let mut words = row.words();
    words.extend(extra.iter().map(|(k, v)| (*k, v.clone())));
    let args: Vec<(&str, &str)> = words.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Email::compose(&row.email, kind, row.lang(), subject, body, &args)
}

pub async fn request_rental(mut ctx: Ctx) -> Result<Response, ApiError> {
    let body: RentalRequest = ctx.json().await?;
    let db = ctx.db()?;
    let client = crate::auth::client_key(&ctx.req);
    crate::repo::limits::check(
        &db,
        "rental",
        &client,
        ctx.now,
        MAX_RENTALS_PER_CLIENT,
        Duration::hours(1),
    )
    .await?;
    let cfg = svc::config(&db).await?;
    let mut c = Checker::default();
    let organisation = c.check("organisation", parse_name(&body.organisation));
    let contact = c.check("contact_name", parse_name(&body.contact_name));
    let email = c.check("email", EmailAddress::parse(&body.email));
    let phone = c.check("phone", parse_phone(&body.phone));
    let message = c.check("message", parse_text(&body.message, 2000));
    let period = c.check(
        "period",
        DeskPeriod::parse(body.period.trim()).ok_or(ApiMsg::FieldPeriod),
    );
    let date = c.check(
        "date",
        NaiveDate::parse_from_str(body.date.trim(), "%Y-%m-%d").map_err(|_| ApiMsg::FieldDate),
    );
    let room = crate::repo::bookings::resources(&db)
        .await?
        .into_iter()
        .find(|r| r.kind == "room")
        .ok_or(ApiError::NotFound)?;
    if body.attendees == 0 || i64::from(body.attendees) > room.capacity {
        c.fail("attendees", ApiMsg::FieldAttendees);
    }
    // The day must be open and the period's start not past; rentals may be planned up to a year ahead.
    let span = match (date, period) {
        (Some(d), Some(p)) => {
            let closures = crate::repo::bookings::closures(&db, d, d).await?;
            let (s, e) = p.bounds(d, &cfg.rules);
            let rules = domain::calendar::BookingRules {
                horizon_days: 366,
                ..cfg.rules.clone()
            };
            match calendar::check_booking(
                ResourceKind::Desk,
                s,
                e,
                ctx.now,
                Schedule {
                    hours: &cfg.hours,
                    closures: &closures,
                    rules: &rules,
                },
                Horizon::Rules,
            ) {
                Ok(b) => Some(b.span),
                Err(r) => {
                    c.fail("date", r.message());
                    None
                }
            }
        }
        _ => None,
    };
    let (organisation, contact, email, phone, message, period, span) = c
        .finish(|| {
            Some((
                organisation?,
                contact?,
                email?,
                phone?,
                message?,
                period?,
                span?,
            ))
        })
        .map_err(ApiError::Validation)?;
    let is_member = accounts::member_by_email(&db, email.as_str())
        .await?
        .is_some_and(|m| {
            domain::accounts::MembershipStatus::on(m.until(), paris::local_date(ctx.now))
                .is_active()
        });
    let price = calendar::rental_price_cents(period, is_member, &cfg.rates);
    let token = random_token();
    let nonce = random_token();
    let insert = "INSERT INTO rentals (organisation, contact_name, email, phone, day, period, start_local, end_local, start_utc, end_utc, \
         attendees, needs_visio, message, lang, price_cents, token_hash, op_nonce) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) RETURNING id";
    let values = [
        organisation.as_str().into(),
        contact.as_str().into(),
        email.as_str().into(),
        phone.as_str().into(),
        span.start_local.format("%Y-%m-%d").to_string().into(),
        period.as_str().into(),
        span.start_local.format("%Y-%m-%dT%H:%M").to_string().into(),
        span.end_local.format("%Y-%m-%dT%H:%M").to_string().into(),
        ts(span.start).into(),
        ts(span.end).into(),
        f64::from(body.attendees).into(),
        int(body.needs_visio as i64),
        message.as_str().into(),
        body.lang.code().into(),
        int(price),
        token_hash(&token).into(),
        nonce.as_str().into(),
    ];
    #[derive(Deserialize)]
    struct Id {
        id: i64,
    }
    let id = stmt(&db, insert, &values)?
        .first::<Id>(None)
        .await?
        .map(|r| r.id)
        .ok_or_else(|| ApiError::Internal("no rental id".into()))?;
    crate::repo::limits::record(&db, "rental", &client, ctx.now)?
        .run()
        .await?;
    let row = by_id(&db, id).await?;
    let email = mail(
        &row,
        "rental_received",
        ApiMsg::EmailRentalSubject,
        ApiMsg::EmailRentalBody,
        &[("link", link(&ctx, &token)?)],
    );
    outbox::queue(&db, &email, None, None, ctx.now)?
        .run()
        .await?;
    Ok(Response::from_json(&RentalCreated {
        id,
        token,
        price_cents: price,
    })?
    .with_status(201))
}

pub async fn rental(ctx: Ctx) -> Result<Response, ApiError> {
    let row = by_token(&ctx.db()?, ctx.param("token").unwrap_or_default()).await?;
    Ok(Response::from_json(&row.view())?)
}

pub async fn cancel_rental(ctx: Ctx) -> Result<Response, ApiError> {
    let db = ctx.db()?;
    let row = by_token(&db, ctx.param("token").unwrap_or_default()).await?;
    let cfg = svc::config(&db).await?;
    let cutoff = ts(ctx.now + Duration::hours(i64::from(cfg.rules.room_cancel_notice_hours)));
    // Pending: any time before it starts. Approved: until the notice period, and the room is freed in the same batch.
    let cancel = "UPDATE rentals SET status = 'cancelled' WHERE id = ?1 AND ((status = 'pending' AND start_utc > ?2) OR (status = 'approved' AND start_utc > ?3))";
    let free = "UPDATE bookings SET status = 'cancelled', cancelled_at = ?2 WHERE rental_id = ?1 AND status = 'confirmed' \
         AND EXISTS (SELECT 1 FROM rentals WHERE id = ?1 AND status = 'cancelled')";
    let results = db
        .batch(vec![
            stmt(
                &db,
                cancel,
                &[int(row.id), ts(ctx.now).into(), cutoff.into()],
            )?,
            stmt(&db, free, &[int(row.id), ts(ctx.now).into()])?,
        ])
        .await?;
    if results.first().map(changes) == Some(1) || row.status == "cancelled" {
        return Ok(Response::empty()?.with_status(204));
    }
    Err(ApiError::Conflict(ApiMsg::ErrRentalCannotCancel))
}

#[derive(Deserialize, Default)]
struct StatusFilter {
    #[serde(default)]
    status: String,
}

pub async fn list_rentals(ctx: Ctx) -> Result<Response, ApiError> {
    let f: StatusFilter = ctx.query()?;
    let rows: Vec<RentalRow> = all(stmt(
        &ctx.db()?,
        &format!("SELECT {COLUMNS} FROM rentals WHERE (?1 = '' OR status = ?1) ORDER BY id DESC LIMIT 300"),
        &[f.status.trim().into()],
    )?)
    .await?;
    let list: Vec<RentalView> = rows.iter().map(RentalRow::view).collect();
    Ok(Response::from_json(&list)?)
}

/// Book the room for a pending rental: one conditional insert; nothing if the room is taken or
/// blocked at that time, or the rental is no longer pending.
fn book_room(db: &D1Database, id: i64, actor: i64) -> worker::Result<D1PreparedStatement> {
    let sql = "INSERT INTO bookings (resource_id, kind, rental_id, day, start_local, end_local, start_utc, end_utc, period, minutes, week, booked_by) \
         SELECT r.id, 'rental', rt.id, rt.day, rt.start_local, rt.end_local, rt.start_utc, rt.end_utc, rt.period, \
                CAST((julianday(rt.end_utc) - julianday(rt.start_utc)) * 1440 AS INTEGER), '', ?2 \
         FROM rentals rt JOIN resources r ON r.kind = 'room' AND r.active = 1 \
         WHERE rt.id = ?1 AND rt.status = 'pending' \
         AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.resource_id = r.id AND b.status = 'confirmed' \
                         AND b.start_utc < rt.end_utc AND b.end_utc > rt.start_utc) \
         LIMIT 1";
    stmt(db, sql, &[int(id), int(actor)])
}

pub async fn approve_rental(ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let db = ctx.db()?;
    let row = by_id(&db, id).await?;
    let actor = ctx.member()?.id;
    let nonce = random_token();
    let decided = "UPDATE rentals SET status = 'approved', decided_by = ?2, decided_at = ?3, op_nonce = ?4 \
         WHERE id = ?1 AND status = 'pending' AND EXISTS (SELECT 1 FROM bookings WHERE rental_id = ?1 AND status = 'confirmed')";
    // Only the requester knows their link's token (we keep its hash): the email sends them back to it.
    let email = mail(
        &row,
        "rental_approved",
        ApiMsg::EmailRentalApprovedSubject,
        ApiMsg::EmailRentalApprovedBody,
        &[],
    );
    let queue = "INSERT INTO outbox (to_email, kind, subject, body_text, body_html, lang, created_at) \
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE EXISTS (SELECT 1 FROM rentals WHERE op_nonce = ?8)";
    let results = db
        .batch(vec![
            book_room(&db, id, actor)?,
            audit::record_after(
                &db,
                ctx.now,
                &ctx.caller,
                "rental.approve",
                "rental",
                &id.to_string(),
                json!({ "organisation": row.organisation }),
            )?,
            stmt(
                &db,
                decided,
                &[
                    int(id),
                    int(actor),
                    ts(ctx.now).into(),
                    nonce.as_str().into(),
                ],
            )?,
            stmt(
                &db,
                queue,
                &[
                    email.to.as_str().into(),
                    email.kind.into(),
                    email.subject.as_str().into(),
                    email.text.as_str().into(),
                    email.html.as_str().into(),
                    email.lang.code().into(),
                    ts(ctx.now).into(),
                    nonce.as_str().into(),
                ],
            )?,
        ])
        .await?;
    if results.first().map(changes) != Some(1) {
        return Err(if row.status != "pending" {
            ApiError::Conflict(ApiMsg::ErrAlreadyDecided)
        } else {
            ApiError::Conflict(ApiMsg::ErrRoomTaken)
        });
    }
    Ok(Response::from_json(&by_id(&db, id).await?.view())?)
}

pub async fn decline_rental(mut ctx: Ctx) -> Result<Response, ApiError> {
    let id = ctx.id_param("id")?;
    let body: DeclineRequest = ctx.json().await?;
    let reason = parse_text(&body.reason, 1000)
        .ok()
        .filter(|r| !r.is_empty())
        .ok_or_else(|| field("reason", ApiMsg::FieldRequired))?;
    let db = ctx.db()?;
    let row = by_id(&db, id).await?;
    let email = mail(
        &row,
        "rental_declined",
        ApiMsg::EmailRentalDeclinedSubject,
        ApiMsg::EmailRentalDeclinedBody,
        &[("reason", reason.clone())],
    );
    let decline = "UPDATE rentals SET status = 'declined', decline_reason = ?2, decided_by = ?3, decided_at = ?4 WHERE id = ?1 AND status = 'pending'";
    let results = db
        .batch(vec![
            stmt(
                &db,
                decline,
                &[
                    int(id),
                    reason.as_str().into(),
                    int(ctx.member()?.id),
                    ts(ctx.now).into(),
                ],
            )?,
            audit::record_after(
                &db,
                ctx.now,
                &ctx.caller,
                "rental.decline",
                "rental",
                &id.to_string(),
                json!({ "reason": reason }),
            )?,
        ])
        .await?;
    if results.first().map(changes) != Some(1) {
        return Err(ApiError::Conflict(ApiMsg::ErrAlreadyDecided));
    }
    outbox::queue(&db, &email, None, None, ctx.now)?
        .run()
        .await?;
    Ok(Response::empty()?.with_status(204))
}
