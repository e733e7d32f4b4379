//! Renting the meeting room: the request (checked against the calendar, priced, stored, emailed),
//! the requester's cancellation and the staff's decision. Each decision is one `batch`.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use domain::accounts::{parse_name, parse_phone, parse_text, Checker, Email as EmailAddress};
use domain::calendar::{self, DeskPeriod, Horizon, ResourceKind, Schedule};
use domain::i18n::{format_date_long, format_euros};
use domain::time::LocalDateTime;
use domain::wire::{
    Quote, QuoteIssuer, QuoteLine, RentalCreated, RentalDay, RentalRequest, RentalView,
};
use domain::{paris, ApiMsg, Lang, Localized};
use serde_json::json;
use worker::D1Database;

use crate::auth::Caller;
use crate::error::{ApiError, Context};
use crate::mail::Email;
use crate::repo::rentals::{self as repo, NewRental, RentalRow, RentalStatus};
use crate::repo::{accounts, audit, changes, outbox};
use crate::secrets::{random_token, token_hash};
use crate::service::calendar as svc;

/// Who issues the quotes, from the settings.
pub fn issuer(cfg: &svc::CalendarConfig) -> QuoteIssuer {
    QuoteIssuer {
        name: "Silicon Kerne".into(),
        address: cfg.contact.address.clone(),
        email: cfg.contact.email.clone(),
        phone: cfg.contact.phone.clone(),
        rna: cfg.legal.rna.clone(),
        siret: cfg.legal.siret.clone(),
        iban: cfg.legal.iban.clone(),
    }
}

/// A quote holds for this many days after it is issued.
const QUOTE_VALID_DAYS: i64 = 30;

pub fn view(row: &RentalRow, issuer: &QuoteIssuer) -> RentalView {
    let period = row.period;
    let label = if period == DeskPeriod::Day {
        ApiMsg::QuoteRoomDay
    } else {
        ApiMsg::QuoteRoomHalfDay
    };
    // The quote is dated the day the request was stored (UTC, as the stored instant).
    // The day in Quimper (a request sent at 00:35 on Monday is issued on Monday, not Sunday UTC).
    let issued_on = domain::paris::local_date(row.created_at);
    let line = QuoteLine {
        label: Localized {
            fr: label.text(Lang::Fr).into(),
            en: label.text(Lang::En).into(),
        },
        quantity: 1,
        unit_cents: row.price_cents,
        total_cents: row.price_cents,
    };
    RentalView {
        id: row.id,
        organisation: row.organisation.clone(),
        contact_name: row.contact_name.clone(),
        email: row.email.clone(),
        phone: row.phone.clone(),
        date: row.day,
        period,
        start: LocalDateTime(row.start_local),
        end: LocalDateTime(row.end_local),
        attendees: row.attendees,
        needs_visio: row.needs_visio == 1,
        message: row.message.clone(),
        status: row.status.as_str().into(),
        price_cents: row.price_cents,
        decline_reason: row.decline_reason.clone(),
        quote: Quote {
            number: format!("SK-{}-{:04}", issued_on.format("%Y"), row.id),
            issued_on,
            valid_until: issued_on + Duration::days(QUOTE_VALID_DAYS),
            issuer: issuer.clone(),
            lines: vec![line],
            total_cents: row.price_cents,
        },
        // As the column's default writes it.
        created_at: row.created_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    }
}

fn words(row: &RentalRow) -> Vec<(&'static str, String)> {
    let lang = row.lang;
    let period = match row.period {
        DeskPeriod::Morning => ApiMsg::PeriodMorning,
        DeskPeriod::Afternoon => ApiMsg::PeriodAfternoon,
        DeskPeriod::Day => ApiMsg::PeriodDay,
    };
    vec![
        ("name", row.contact_name.clone()),
        ("organisation", row.organisation.clone()),
        ("date", format_date_long(row.day, lang)),
        ("period", period.text(lang).to_string()),
        ("price", format_euros(row.price_cents, lang)),
    ]
}

fn mail(
    row: &RentalRow,
    kind: &'static str,
    subject: ApiMsg,
    body: ApiMsg,
    extra: &[(&str, String)],
) -> Email {
    let mut words = words(row);
    words.extend(extra.iter().map(|(k, v)| (*k, v.clone())));
    let args: Vec<(&str, &str)> = words.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Email::compose(&row.email, kind, row.lang, subject, body, &args)
}

/// A rental by its private link's token.
pub async fn by_token(db: &D1Database, token: &str) -> Result<RentalRow, ApiError> {
    repo::by_token(db, &token_hash(token))
        .await?
        .ok_or(ApiError::NotFound)
}

/// A rental by its id (staff).
pub async fn by_id(db: &D1Database, id: i64) -> Result<RentalRow, ApiError> {
    repo::by_id(db, id).await?.ok_or(ApiError::NotFound)
}

pub async fn list(db: &D1Database, status: &str) -> Result<Vec<RentalView>, ApiError> {
    let issuer = issuer(&svc::config(db).await?);
    Ok(repo::list(db, status)
        .await?
        .iter()
        .map(|r| view(r, &issuer))
        .collect())
}

/// Who asks, from where, and where their private link will point.
pub struct Requester<'a> {
    /// The count of what the requester's mailbox received, written with the request.
    pub mailbox: crate::routes::Tally,
    /// The site's address, for the link in the email.
    pub site_url: &'a str,
    /// The member sending it, when logged in.
    pub member_id: Option<i64>,
}

/// The room's span for a period of a day, if the cantine is open then and it has not started;
/// rentals may be planned up to a year ahead.
async fn rental_span(
    db: &D1Database,
    day: NaiveDate,
    period: DeskPeriod,
    cfg: &svc::CalendarConfig,
    now: DateTime<Utc>,
) -> Result<Result<calendar::Span, ApiMsg>, ApiError> {
    let closures = crate::repo::bookings::closures(db, day, day).await?;
    Ok(span_if_open(day, period, cfg, &closures, now))
}

fn span_if_open(
    day: NaiveDate,
    period: DeskPeriod,
    cfg: &svc::CalendarConfig,
    closures: &[NaiveDate],
    now: DateTime<Utc>,
) -> Result<calendar::Span, ApiMsg> {
    let (s, e) = period.bounds(day, &cfg.rules);
    let rules = domain::calendar::BookingRules {
        horizon_days: 366,
        ..cfg.rules.clone()
    };
    calendar::check_booking(
        ResourceKind::Desk,
        s,
        e,
        now,
        Schedule {
            hours: &cfg.hours,
            closures,
            rules: &rules,
        },
        Horizon::Rules,
    )
    .map(|b| b.span)
    .map_err(|r| r.message())
}

/// Whether a confirmed booking, block or approved rental holds the room during the span.
async fn room_taken(
    db: &D1Database,
    room_id: i64,
    span: &calendar::Span,
) -> Result<bool, ApiError> {
    Ok(
        !crate::repo::bookings::overlapping(db, Some(room_id), span.start, span.end)
            .await?
            .is_empty(),
    )
}

/// The most days one look at the room's free half-days covers.
pub const FREE_DAYS_MAX: i64 = 62;

/// For each day of [from, to], whether the room can be rented each half-day: open, not started,
/// and not held by a booking, a block or an approved rental.
pub async fn free_half_days(
    db: &D1Database,
    from: NaiveDate,
    to: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Vec<RentalDay>, ApiError> {
    let cfg = svc::config(db).await?;
    let room = room(db).await?;
    let closures = crate::repo::bookings::closures(db, from, to).await?;
    let taken = crate::repo::bookings::overlapping(
        db,
        Some(room.id),
        // A day wider on each side than any Paris offset: the overlap test below is exact.
        (from - Duration::days(1))
            .and_time(chrono::NaiveTime::MIN)
            .and_utc(),
        (to + Duration::days(2))
            .and_time(chrono::NaiveTime::MIN)
            .and_utc(),
    )
    .await?;
    let free = |day: NaiveDate, period: DeskPeriod| {
        span_if_open(day, period, &cfg, &closures, now).is_ok_and(|span| {
            !taken
                .iter()
                .any(|b| b.start_utc < span.end && span.start < b.end_utc)
        })
    };
    let today = domain::paris::local_date(now);
    let mut days = Vec::new();
    let mut day = from;
    while day <= to {
        days.push(RentalDay {
            date: day,
            morning: free(day, DeskPeriod::Morning),
            afternoon: free(day, DeskPeriod::Afternoon),
            past: day < today,
            closed: !matches!(
                cfg.hours.on(day, &closures),
                domain::settings::DayOpening::Open { .. }
            ),
        });
        day += Duration::days(1);
    }
    Ok(days)
}

/// The meeting room (rentals and events held in it).
pub async fn room(db: &D1Database) -> Result<crate::repo::bookings::ResourceRow, ApiError> {
    crate::repo::bookings::resources(db)
        .await?
        .into_iter()
        .find(|r| r.kind == ResourceKind::Room)
        .ok_or(ApiError::NotFound)
}

/// Check a request against the calendar, price it, store it and queue the requester's email.
pub async fn request(
    db: &D1Database,
    body: &RentalRequest,
    who: &Requester<'_>,
    now: DateTime<Utc>,
) -> Result<RentalCreated, ApiError> {
    let cfg = svc::config(db).await?;
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
    let date = c.check("date", domain::accounts::parse_day(&body.date));
    let room = room(db).await?;
    if body.attendees == 0 || body.attendees > room.capacity {
        c.fail("attendees", ApiMsg::FieldAttendees);
    }
    // The day must be open, the period's start not past and the room free then.
    let span = match (date, period) {
        (Some(d), Some(p)) => match rental_span(db, d, p, &cfg, now).await? {
            Ok(span) if room_taken(db, room.id, &span).await? => {
                c.fail("period", ApiMsg::RentalTaken);
                None
            }
            Ok(span) => Some(span),
            Err(msg) => {
                c.fail("date", msg);
                None
            }
        },
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
    // The member rate for an active member: the one logged in, or the one whose email this is.
    let today = paris::local_date(now);
    let logged_in = match who.member_id {
        Some(id) => accounts::member_by_id(db, id).await?,
        None => None,
    };
    let by_email = accounts::member_by_email(db, email.as_str()).await?;
    let is_member = logged_in
        .iter()
        .chain(by_email.iter())
        .any(|m| domain::accounts::MembershipStatus::on(m.until(), today).is_active());
    let price = calendar::rental_price_cents(period, is_member, &cfg.rates);
    let token = random_token();
    let nonce = random_token();
    let hash = token_hash(&token);
    let id = repo::insert(
        db,
        &NewRental {
            organisation: organisation.as_str(),
            contact_name: contact.as_str(),
            email: email.as_str(),
            phone: phone.as_str(),
            period,
            span: &span,
            attendees: body.attendees,
            needs_visio: body.needs_visio,
            message: message.as_str(),
            lang: body.lang,
            price_cents: price,
            token_hash: &hash,
            nonce: &nonce,
        },
    )
    .await?
    .ok_or_else(|| ApiError::Internal("no rental id".into()))?;
    let row = by_id(db, id).await?;
    let email = mail(
        &row,
        "rental_received",
        ApiMsg::EmailRentalSubject,
        ApiMsg::EmailRentalBody,
        &[("link", format!("{}/location/{token}", who.site_url))],
    );
    crate::repo::batch(
        db,
        vec![
            who.mailbox.record(db, now)?,
            outbox::queue(db, &email, None, None, now)?,
        ],
        "queueing the rental's email",
    )
    .await?;
    Ok(RentalCreated {
        id,
        token,
        price_cents: price,
    })
}

/// The requester cancels by their link: a pending rental any time before it starts, an approved
/// one until the notice period, and the room is freed in the same batch.
pub async fn cancel(db: &D1Database, token: &str, now: DateTime<Utc>) -> Result<(), ApiError> {
    let row = by_token(db, token).await?;
    let cfg = svc::config(db).await?;
    let cutoff = now + Duration::hours(i64::from(cfg.rules.room_cancel_notice_hours));
    let results = db
        .batch(vec![
            repo::cancel(db, row.id, now, cutoff)?,
            repo::free_room(db, row.id, now)?,
        ])
        .await
        .context("cancelling the rental")?;
    if results.first().map(changes) == Some(1) || row.status == RentalStatus::Cancelled {
        return Ok(());
    }
    Err(ApiError::Conflict(ApiMsg::ErrRentalCannotCancel))
}

/// Approve a pending rental: the room is booked, the rental marked approved, the decision audited
/// and the requester's email queued, in one batch; 409 if the room was taken meanwhile.
pub async fn approve(
    db: &D1Database,
    id: i64,
    caller: &Caller,
    actor: i64,
    now: DateTime<Utc>,
) -> Result<RentalView, ApiError> {
    let row = by_id(db, id).await?;
    let nonce = random_token();
    // Only the requester knows their link's token (we keep its hash): the email sends them back to it.
    let email = mail(
        &row,
        "rental_approved",
        ApiMsg::EmailRentalApprovedSubject,
        ApiMsg::EmailRentalApprovedBody,
        &[],
    );
    let results = db
        .batch(vec![
            repo::book_room(db, id, actor)?,
            audit::record_after(
                db,
                now,
                caller,
                "rental.approve",
                "rental",
                &id.to_string(),
                json!({ "organisation": row.organisation }),
            )?,
            repo::approve(db, id, actor, now, &nonce)?,
            outbox::queue_if_rental(db, &email, &nonce, now)?,
        ])
        .await
        .context("approving the rental")?;
    if results.first().map(changes) != Some(1) {
        return Err(if row.status != RentalStatus::Pending {
            ApiError::Conflict(ApiMsg::ErrAlreadyDecided)
        } else {
            ApiError::Conflict(ApiMsg::ErrRoomTaken)
        });
    }
    let issuer = issuer(&svc::config(db).await?);
    Ok(view(&by_id(db, id).await?, &issuer))
}

/// Decline a pending rental with a reason, audited in the same batch, then email the requester.
pub async fn decline(
    db: &D1Database,
    id: i64,
    reason: &str,
    caller: &Caller,
    actor: i64,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let row = by_id(db, id).await?;
    let email = mail(
        &row,
        "rental_declined",
        ApiMsg::EmailRentalDeclinedSubject,
        ApiMsg::EmailRentalDeclinedBody,
        &[("reason", reason.to_string())],
    );
    let results = db
        .batch(vec![
            repo::decline(db, id, reason, actor, now)?,
            audit::record_after(
                db,
                now,
                caller,
                "rental.decline",
                "rental",
                &id.to_string(),
                json!({ "reason": reason }),
            )?,
        ])
        .await
        .context("declining the rental")?;
    if results.first().map(changes) != Some(1) {
        return Err(ApiError::Conflict(ApiMsg::ErrAlreadyDecided));
    }
    outbox::queue(db, &email, None, None, now)?
        .run()
        .await
        .context("queueing the decline email")?;
    Ok(())
}
