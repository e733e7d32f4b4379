//! The guests' and members' side of an event: a sign-up without an account, the private link (see,
//! change, cancel), and a member's one tap. Every change of seats goes through `writer::change`: the
//! seat book decides the newcomer's place and the promotions, written in one batch.

use chrono::{DateTime, Utc};
use domain::accounts::Checker;
use domain::events::{
    check_group, check_registration, Child, MyEvent, RegistrationCreated, RegistrationRequest,
    RegistrationStatus, RegistrationView, SeatsChange, SignupRules, SignupState,
};
use domain::seat_book::{self, Command, Placed, Refusal, SignUp};
use domain::{ApiMsg, Lang};
use serde_json::json;
use worker::D1Database;

use super::book::{self, Loaded, Plan};
use super::writer::{self, Seats};
use super::{mail, settings, view};
use crate::auth::{Caller, Member};
use crate::error::ApiError;
use crate::repo::events::{self as repo, EventRow, EventStatus, NewRegistration, RegistrationRow};
use crate::repo::{audit, outbox};
use crate::secrets::{random_token, token_hash};

/// Who signs up, from where.
pub struct Guest<'a> {
    /// The client address (its hash is kept with the sign-up).
    pub client: &'a str,
    /// The site's address, for the link in the email.
    pub site_url: &'a str,
    pub member: Option<&'a Member>,
    /// Live sign-ups one client address may hold at this event (the route's declared limit; a
    /// family is one sign-up). Members are accountable and often share the cantine's address: the
    /// limit is for guests.
    pub live_per_client: u32,
    /// The count of what the guest's mailbox received, written with the sign-up or its link sent
    /// again (none for a member's one tap).
    pub mailbox: Option<crate::routes::Tally>,
}

/// The answer to a sign-up.
pub enum SignedUp {
    /// A new sign-up, with its private link.
    Created(RegistrationCreated),
    /// The email was already signed up: its link went to that address; nothing changed.
    LinkSent,
}

fn signup_rules(e: &EventRow) -> SignupRules {
    SignupRules {
        max_per_signup: e.max_per_signup,
        ages: e.age_min.zip(e.age_max),
        asks_children: e.asks_children,
        seats_for: e.seats_for,
    }
}

fn check_open(e: &EventRow, now: DateTime<Utc>) -> Result<(), ApiError> {
    match domain::events::signup_state(
        e.signup_opens_utc,
        e.signup_closes_utc,
        e.status == EventStatus::Cancelled,
        now,
    ) {
        SignupState::Open => Ok(()),
        SignupState::NotYet => Err(ApiError::Conflict(ApiMsg::ErrSignupsNotOpen)),
        SignupState::Closed => Err(ApiError::Conflict(ApiMsg::ErrSignupsClosed)),
        SignupState::Cancelled => Err(ApiError::Conflict(ApiMsg::ErrEventCancelled)),
    }
}

/// A sign-up: who may sign up (members-only events take a member's session), checked, placed by
/// the seat book (confirmed or waiting, after the waiting entries that fit), written with its
/// link, its children, the promotions, the rate-limit record and its email in one batch. An email
/// already signed up for this event gets its private link by email and nothing else.
pub async fn register(
    db: &D1Database,
    seats: &Seats,
    event_id: i64,
    req: &RegistrationRequest,
    who: &Guest<'_>,
    now: DateTime<Utc>,
) -> Result<SignedUp, ApiError> {
    let token = random_token();
    let hash = token_hash(&token);
    let nonce = random_token();
    let link = format!("/inscription/{token}");
    let client_hash = token_hash(who.client);
    // The delay a children's consent names is read only when the request gives one.
    let retention_days = match req.consent_children {
        true => Some(settings(db).await?.retention_days),
        false => None,
    };
    // A second try only when the same email signed up at the same moment (the UNIQUE index): the
    // read then finds it and sends its link.
    for _ in 0..2 {
        // Everything is checked on the event as the seat book holds it (in the event's object, the
        // aggregate in memory: no read of its own).
        let written = writer::change(db, seats, event_id, now, |loaded| {
            let e = &loaded.event;
            let member_id = crate::rights::signs_up_for(who.member, e.audience)?;
            let valid = check_registration(req, signup_rules(e)).map_err(ApiError::Validation)?;
            check_open(e, now)?;
            let mailbox_hash = token_hash(&domain::privacy::mailbox(valid.email.as_str()));
            let consent_version = retention_days
                .filter(|_| valid.consent_children)
                .map(domain::events::children_consent_version);
            let new = NewRegistration {
                event_id,
                token_hash: &hash,
                member_id,
                name: &valid.name,
                email: valid.email.as_str(),
                phone: &valid.phone,
                adults: valid.group.adults,
                children: valid.group.children,
                seats_requested: valid.group.seats(),
                accept_fewer: valid.accept_fewer,
                consent_children_at: valid.consent_children.then_some(now),
                consent_version: consent_version.as_deref(),
                consent_photos: valid.consent_photos,
                lang: req.lang,
                nonce: &nonce,
                client_hash: &client_hash,
                mailbox_hash: &mailbox_hash,
            };
            // The same address, the same member, or the same mailbox under another `+tag`: one
            // sign-up, whose link goes to the address it was made with.
            let existing = loaded
                .by_email(new.email)
                .or_else(|| member_id.and_then(|m| loaded.by_member(m)))
                .or_else(|| loaded.by_mailbox(&mailbox_hash));
            let tally = who
                .mailbox
                .as_ref()
                .map(|t| t.record(db, now))
                .transpose()?;
            if let Some(existing) = existing {
                let mut statements = send_link_again(db, loaded, existing, who.site_url, now)?;
                statements.extend(tally);
                return Ok(Plan::Keep(statements, SignedUp::LinkSent));
            }
            if member_id.is_none() && loaded.live_from_client(&client_hash) >= who.live_per_client {
                return Err(ApiError::TooMany(ApiMsg::ErrSignupsPerClient));
            }
            let seat_book::SignedUp { placed, decision } = loaded.book.sign_up(SignUp {
                seats: valid.group.seats(),
                accept_fewer: valid.accept_fewer,
                min_seats: domain::events::min_seats(
                    loaded.event.seats_for,
                    valid.group.adults,
                    valid.group.children,
                ),
            });
            let (status, seats, position) = match placed {
                Placed::Confirmed { seats } => (RegistrationStatus::Confirmed, seats, None),
                Placed::Waiting { position } => (RegistrationStatus::Waiting, 0, Some(position)),
            };
            // Confirmed with fewer seats than asked: the sign-up is the people those seats take
            // (an adult with the children named first); the others' names are not kept.
            let fewer = status == RegistrationStatus::Confirmed && seats < valid.group.seats();
            let (adults, children) = if fewer {
                domain::events::who_comes(loaded.event.seats_for, new.adults, new.children, seats)
            } else {
                (new.adults, new.children)
            };
            let kept = NewRegistration {
                adults,
                children,
                seats_requested: if fewer { seats } else { new.seats_requested },
                ..new
            };
            let named = &valid.group.named[..valid.group.named.len().min(children as usize)];
            let mut statements = repo::sign_up(db, &kept, status, seats, named)?;
            let promotes = !decision.promotions.is_empty();
            statements.extend(book::promotions(
                db,
                loaded,
                &decision.promotions,
                who.site_url,
                now,
            )?);
            statements.extend(tally);
            let body = match status {
                RegistrationStatus::Waiting => ApiMsg::EmailEventWaitingBody,
                _ => ApiMsg::EmailEventConfirmedBody,
            };
            let email = mail(
                &loaded.event,
                new.email,
                new.name,
                new.lang,
                "event_registration",
                (ApiMsg::EmailEventSubject, body),
                &[
                    ("link", format!("{}{link}", who.site_url)),
                    ("seats", super::seats_words(seats, new.lang)),
                    ("position", position.unwrap_or(0).to_string()),
                ],
            );
            statements.push(outbox::queue(db, &email, member_id, None, now)?);
            let created = SignedUp::Created(RegistrationCreated {
                status,
                seats: if status == RegistrationStatus::Waiting {
                    valid.group.seats()
                } else {
                    seats
                },
                position,
                link: link.clone(),
            });
            // A newcomer alone leaves the aggregate as it was plus its row; one that promotes
            // others (a list left unsettled by another path) has it read again.
            Ok(if promotes {
                Plan::Write(statements, created)
            } else {
                let row = kept.row(status, seats, now);
                Plan::Join(statements, created, Box::new(row))
            })
        })
        .await;
        match written {
            Err(err) if crate::repo::is_unique_violation(&err) => continue,
            other => return other,
        }
    }
    Err(ApiError::Conflict(ApiMsg::ErrBusy))
}

/// A new private link for `existing`, emailed to its address (at most once an hour per sign-up:
/// the outbox's dedupe key drops the others, so nobody can flood a parent's inbox).
fn send_link_again(
    db: &D1Database,
    loaded: &Loaded,
    existing: &RegistrationRow,
    site_url: &str,
    now: DateTime<Utc>,
) -> Result<Vec<worker::D1PreparedStatement>, ApiError> {
    let token = random_token();
    let email = mail(
        &loaded.event,
        &existing.email,
        &existing.name,
        existing.lang,
        "event_link_again",
        (ApiMsg::EmailEventSubject, ApiMsg::EmailEventLinkAgainBody),
        &[("link", format!("{site_url}/inscription/{token}"))],
    );
    let key = format!(
        "event-link-again:{}:{}",
        existing.id,
        now.format("%Y-%m-%dT%H")
    );
    Ok(vec![
        repo::add_link(db, existing.id, &token_hash(&token))?,
        outbox::queue(db, &email, existing.member_id, Some(&key), now)?,
    ])
}

// ------------------------------------------------------------------ the private link

pub async fn by_token(db: &D1Database, token: &str) -> Result<RegistrationRow, ApiError> {
    repo::registration_by_token(db, &token_hash(token))
        .await?
        .ok_or(ApiError::NotFound)
}

/// The sign-up as its author sees it, with its place on the waiting list.
pub async fn registration_view(
    db: &D1Database,
    registration_id: i64,
    event_id: i64,
    now: DateTime<Utc>,
) -> Result<RegistrationView, ApiError> {
    let loaded = book::load(db, event_id, now).await?;
    let r = loaded
        .registration(registration_id)
        .ok_or(ApiError::NotFound)?;
    let e = &loaded.event;
    let named: Vec<Child> = repo::children_of(db, r.id)
        .await?
        .iter()
        .map(|c| c.child())
        .collect();
    let erase_on = if e.asks_children && r.children > 0 && r.children_erased_at.is_none() {
        let retention = settings(db).await?.retention_days;
        Some(domain::events::children_erased_on(e.end_local, retention))
    } else {
        None
    };
    Ok(RegistrationView {
        event: view(e, now),
        name: r.name.clone(),
        email: r.email.clone(),
        phone: r.phone.clone(),
        adults: r.adults,
        children: r.children,
        named_children: named,
        seats_requested: r.seats_requested,
        seats: r.seats,
        status: r.status,
        position: loaded.position(r),
        accept_fewer: r.accept_fewer,
        consent_photos: r.consent_photos,
        children_erased: r.children_erased_at.is_some(),
        erase_children_on: erase_on,
        created_at: r.created_at.clone(),
        phase: domain::events::event_phase(e.start_utc, e.end_utc, now),
        consent_children_at: r.consent_children_at.clone(),
        consent_version: r.consent_version.clone(),
    })
}

/// A changed sign-up may not change any more once the event started or was cancelled.
fn check_changeable(
    loaded: &Loaded,
    r: &RegistrationRow,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    if r.status == RegistrationStatus::Cancelled {
        return Err(ApiError::Conflict(ApiMsg::ErrRegistrationCancelled));
    }
    if loaded.event.start_utc <= now || loaded.event.status == EventStatus::Cancelled {
        return Err(ApiError::Conflict(ApiMsg::ErrEventStarted));
    }
    Ok(())
}

/// A new group size from the private link: fewer seats always, more when they are free; freed
/// seats go to the waiting list in the same batch.
pub async fn change(
    db: &D1Database,
    seats: &Seats,
    token: &str,
    body: &SeatsChange,
    site_url: &str,
    now: DateTime<Utc>,
) -> Result<RegistrationView, ApiError> {
    let found = by_token(db, token).await?;
    writer::change(db, seats, found.event_id, now, |loaded| {
        let r = loaded.registration(found.id).ok_or(ApiError::NotFound)?;
        check_changeable(loaded, r, now)?;
        let mut c = Checker::default();
        let group = check_group(
            &mut c,
            body.adults,
            &body.children,
            signup_rules(&loaded.event),
        );
        let group = c.finish(|| group).map_err(ApiError::Validation)?;
        let decision = loaded
            .book
            .decide(Command::Resize {
                id: r.id,
                seats: group.seats(),
            })
            .map_err(|refusal| match refusal {
                Refusal::NoSeatsForMore => ApiError::Conflict(ApiMsg::ErrNoSeatsForMore),
                _ => ApiError::NotFound,
            })?;
        let seats = decision.changed.map(|e| e.seats).unwrap_or(r.seats);
        let named = (loaded.event.asks_children && r.children_erased_at.is_none())
            .then_some(group.named.as_slice());
        let mut statements = repo::resize(
            db,
            r.id,
            (group.adults, group.children, group.seats()),
            seats,
            named,
        )?;
        statements.extend(book::promotions(
            db,
            loaded,
            &decision.promotions,
            site_url,
            now,
        )?);
        Ok(Plan::Write(statements, ()))
    })
    .await?;
    registration_view(db, found.id, found.event_id, now).await
}

/// Cancel from the private link: what the person gave is erased and the seats go to the waiting
/// list, in one batch.
pub async fn cancel(
    db: &D1Database,
    seats: &Seats,
    token: &str,
    site_url: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let r = by_token(db, token).await?;
    cancel_with(db, seats, r.event_id, r.id, site_url, now, None).await
}

/// Staff cancel a sign-up for a family who phoned or came by: the same as the family's own
/// cancel (what they gave is erased, the seats go to the waiting list), audited without the
/// family's name, and the family emailed in their language with the way to sign up again.
pub async fn cancel_for_family(
    db: &D1Database,
    seats: &Seats,
    id: i64,
    caller: &Caller,
    site_url: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let r = repo::registration_by_id(db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if r.status == RegistrationStatus::Cancelled {
        return Err(ApiError::Conflict(ApiMsg::ErrRegistrationCancelled));
    }
    let told = StaffCancel { caller, site_url };
    cancel_with(db, seats, r.event_id, id, site_url, now, Some(told)).await
}

struct StaffCancel<'a> {
    caller: &'a Caller,
    site_url: &'a str,
}

async fn cancel_with(
    db: &D1Database,
    seats: &Seats,
    event_id: i64,
    id: i64,
    site_url: &str,
    now: DateTime<Utc>,
    staff: Option<StaffCancel<'_>>,
) -> Result<(), ApiError> {
    writer::change(db, seats, event_id, now, |loaded| {
        let r = loaded.registration(id).ok_or(ApiError::NotFound)?;
        if r.status == RegistrationStatus::Cancelled {
            return Ok(Plan::Answer(()));
        }
        if loaded.event.start_utc <= now {
            return Err(ApiError::Conflict(ApiMsg::ErrEventStarted));
        }
        let decision = loaded
            .book
            .decide(Command::Cancel { id })
            .map_err(|_| ApiError::NotFound)?;
        let mut statements = repo::cancel(db, id, now)?;
        // The person's emails about this event go with what they gave.
        statements.extend(outbox::erase_about(db, &super::about(event_id), &r.email)?);
        if let Some(staff) = &staff {
            let seats = if r.status == RegistrationStatus::Waiting {
                r.seats_requested
            } else {
                r.seats
            };
            statements.push(audit::record(
                db,
                now,
                staff.caller,
                "registration.cancel",
                "event",
                &event_id.to_string(),
                json!({ "title": loaded.event.title_fr, "seats": seats }),
            )?);
            if !r.email.is_empty() {
                let link = format!("{}/agenda/{event_id}", staff.site_url);
                let email = mail(
                    &loaded.event,
                    &r.email,
                    &r.name,
                    r.lang,
                    "signup_cancelled",
                    (
                        ApiMsg::EmailSignupCancelledByStaffSubject,
                        ApiMsg::EmailSignupCancelledByStaffBody,
                    ),
                    &[("link", link)],
                );
                let key = format!("signup-cancelled:{id}");
                statements.push(outbox::queue(db, &email, r.member_id, Some(&key), now)?);
            }
        }
        statements.extend(book::promotions(
            db,
            loaded,
            &decision.promotions,
            site_url,
            now,
        )?);
        Ok(Plan::Write(statements, ()))
    })
    .await
}

// ------------------------------------------------------------------ members

fn my_event(loaded: &Loaded, member_id: i64, now: DateTime<Utc>) -> MyEvent {
    let r = loaded.by_member(member_id);
    MyEvent {
        event: view(&loaded.event, now),
        coming: r.is_some(),
        status: r.map(|r| r.status),
        position: r.and_then(|r| loaded.position(r)),
    }
}

/// The next meetings of the member's clubs and the events they signed up for: two reads (which
/// events, then those events), and the waiting list read only for an event they wait for.
pub async fn my_events(
    db: &D1Database,
    member_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<MyEvent>, ApiError> {
    super::scheduled::meetings_made_today(db, now).await?;
    let rows = repo::my_events(db, member_id, now).await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.event_id).collect();
    let events = repo::by_ids(db, &ids).await?;
    let mut out = Vec::new();
    for e in &events {
        let status = rows
            .iter()
            .find(|r| r.event_id == e.id)
            .and_then(|r| r.status);
        let position = if status == Some(RegistrationStatus::Waiting) {
            let loaded = book::load(db, e.id, now).await?;
            loaded.by_member(member_id).and_then(|r| loaded.position(r))
        } else {
            None
        };
        out.push(MyEvent {
            event: view(e, now),
            coming: status.is_some(),
            status,
            position,
        });
    }
    Ok(out)
}

/// A member comes: one seat, counted like anyone's.
pub async fn come(
    db: &D1Database,
    seats: &Seats,
    event_id: i64,
    member: &Member,
    site_url: &str,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<MyEvent, ApiError> {
    let loaded = book::load(db, event_id, now).await?;
    if loaded.by_member(member.id).is_none() {
        let req = RegistrationRequest {
            name: member.name.clone(),
            email: member.email.clone(),
            adults: 1,
            lang,
            ..RegistrationRequest::default()
        };
        let who = Guest {
            client: "",
            site_url,
            member: Some(member),
            live_per_client: u32::MAX,
            mailbox: None,
        };
        register(db, seats, event_id, &req, &who, now).await?;
    }
    Ok(my_event(
        &book::load(db, event_id, now).await?,
        member.id,
        now,
    ))
}

pub async fn stay_away(
    db: &D1Database,
    seats: &Seats,
    event_id: i64,
    member_id: i64,
    site_url: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let loaded = book::load(db, event_id, now).await?;
    match loaded.by_member(member_id) {
        Some(r) => cancel_with(db, seats, event_id, r.id, site_url, now, None).await,
        None => Ok(()),
    }
}

/// Every event a member signed up to from their area, for their export.
pub async fn member_signups(
    db: &D1Database,
    member_id: i64,
) -> Result<Vec<domain::events::MemberSignup>, ApiError> {
    Ok(repo::of_member(db, member_id)
        .await?
        .into_iter()
        .map(|r| domain::events::MemberSignup {
            event_id: r.event_id,
            title: domain::events::fallback(r.title_fr, r.title_en),
            starts_at: domain::time::LocalDateTime(r.start_local),
            status: r.status,
            seats: r.seats,
            signed_up_at: r.created_at,
        })
        .collect())
}
