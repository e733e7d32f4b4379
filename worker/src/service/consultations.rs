//! Consultations: the request (checked, stored, the link emailed), the requester's private link
//! (view, `.ics`, export, "does not suit", feedback, cancel and erase), the staff's board (assign,
//! schedule, close) and the volunteers' side (accept, give back, schedule, close). Each change is
//! one batch whose first statement is the move's conditional update; when it changed nothing, the
//! answer says why (409 with the reason, or 404 to someone who never had it).

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use domain::accounts::{
    parse_name, parse_phone, parse_required_text, parse_text, Checker, Email as EmailAddress,
};
use domain::calendar::{self, Horizon, ResourceKind, Schedule};
use domain::consultations::{
    self as rules, Appointment, AssignRequest, Availability, BusinessSize, CloseRequest,
    ConsultationCreated, ConsultationRequest, ConsultationStatus, ConsultationView, Feedback,
    LibraryCard, Move, MyConsultation, Offer, OfferAnswer, Person, Place, Requester, Returned,
    ScheduleRequest, StaffConsultation, Timeline, Topic, TopicInput, VolunteerLoad,
    VolunteerSuggestion, Volunteering, Volunteers,
};
use domain::i18n::format_date_long;
use domain::time::LocalDateTime;
use domain::{paris, ApiMsg, Lang, Localized};
use serde_json::json;
use worker::D1Database;

use crate::auth::{Caller, Member};
use crate::error::ApiError;
use crate::mail::Email;
use crate::repo::consultations::{self as repo, ConsultationRow, NewConsultation, Slot, TopicRow};
use crate::repo::{accounts, audit, batch, changes, is_unique_violation, outbox};
use crate::secrets::{random_token, token_hash};
use crate::service::calendar as svc;
use crate::service::library::{self, known_topics};

/// Requests one client may send in an hour, and one email address in a day.
/// Closed requests stay on the board and in a volunteer's list this long.
const CLOSED_SHOWN_DAYS: i64 = 90;

fn field(name: &str, msg: ApiMsg) -> ApiError {
    ApiError::Validation(vec![(name.to_string(), msg)])
}

// ------------------------------------------------------------------ topics

pub fn topic(row: &TopicRow) -> Topic {
    Topic {
        slug: row.slug.clone(),
        label: Localized {
            fr: row.label_fr.clone(),
            en: row.label_en.clone(),
        },
        active: row.active == 1,
    }
}

pub async fn topics(db: &D1Database) -> Result<Vec<Topic>, ApiError> {
    Ok(repo::topics(db).await?.iter().map(topic).collect())
}

/// Create (`slug` is `None`) or change a topic.
pub async fn save_topic(
    db: &D1Database,
    slug: Option<&str>,
    body: &TopicInput,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<Vec<Topic>, ApiError> {
    let known = repo::topics(db).await?;
    if let Some(s) = slug {
        if !known.iter().any(|k| k.slug == s) {
            return Err(ApiError::NotFound);
        }
    }
    let mut c = Checker::default();
    let new_slug = match slug {
        Some(s) => Some(s.to_string()),
        None => c.check("slug", library::parse_slug(&body.slug)),
    };
    let fr = c.check("label_fr", parse_name(&body.label_fr));
    let en = c.check("label_en", parse_name(&body.label_en));
    let row = c
        .finish(|| {
            Some(TopicRow {
                slug: new_slug?,
                label_fr: fr?,
                label_en: en?,
                active: i64::from(body.active),
            })
        })
        .map_err(ApiError::Validation)?;
    let write = if slug.is_some() {
        repo::update_topic(db, &row)?
    } else {
        repo::insert_topic(db, &row)?
    };
    let result = batch(
        db,
        vec![
            write,
            audit::record_after(
                db,
                now,
                caller,
                "consultation_topic.save",
                "consultation_topic",
                &row.slug,
                json!({ "label": row.label_fr }),
            )?,
        ],
        "saving the topic",
    )
    .await;
    match result {
        Err(e) if is_unique_violation(&e) => Err(field("slug", ApiMsg::ErrSlugTaken)),
        other => other.map(|_| ()),
    }?;
    topics(db).await
}

// ------------------------------------------------------------------ the request

/// Who asks: the count of what their mailbox received (written with the request), and the site's
/// address for the link.
pub struct Asker<'a> {
    pub mailbox: crate::routes::Tally,
    pub site_url: &'a str,
}

/// What an email about this request says it concerns: erasing the request removes them.
pub fn about(id: i64) -> String {
    format!("consultation:{id}")
}

/// Check a request, store it and email its private link; every refused field is named and
/// nothing is stored then.
pub async fn request(
    db: &D1Database,
    body: &ConsultationRequest,
    who: &Asker<'_>,
    now: DateTime<Utc>,
) -> Result<ConsultationCreated, ApiError> {
    let known = repo::topics(db).await?;
    let mut c = Checker::default();
    let business = c.check("business", parse_name(&body.business));
    let trade = c.check(
        "trade",
        rules::Trade::parse(body.trade.trim()).ok_or(ApiMsg::FieldTrade),
    );
    let size = match body.size.trim() {
        "" => Some(None),
        s => c.check(
            "size",
            BusinessSize::parse(s)
                .map(Some)
                .ok_or(ApiMsg::FieldBusinessSize),
        ),
    };
    let town = c.check("town", parse_name(&body.town));
    let name = c.check("name", parse_name(&body.name));
    let email = c.check("email", EmailAddress::parse(&body.email));
    let phone = c.check("phone", parse_phone(&body.phone));
    let topics = c.check(
        "topics",
        known_topics(&body.topics, &known, true)
            .filter(|t| !t.is_empty())
            .ok_or(ApiMsg::FieldTopics),
    );
    let goal = c.check("goal", parse_required_text(&body.goal, 2000));
    let availability: Option<Vec<Availability>> = body
        .availability
        .iter()
        .map(|a| Availability::parse(a.trim()))
        .collect();
    let availability = c.check(
        "availability",
        availability
            .filter(|a| !a.is_empty())
            .ok_or(ApiMsg::FieldAvailability),
    );
    if !body.consent {
        c.fail("consent", ApiMsg::FieldConsultationConsent);
    }
    let (business, trade, size, town, name, email, phone, topics, goal, availability) = c
        .finish(|| {
            Some((
                business?,
                trade?,
                size?,
                town?,
                name?,
                email?,
                phone?,
                topics?,
                goal?,
                availability?,
            ))
        })
        .map_err(ApiError::Validation)?;
    let token = random_token();
    let hash = token_hash(&token);
    let consent = rules::consent_version(repo::retention_days(db).await?);
    let mut statements = repo::insert(
        db,
        &NewConsultation {
            token_hash: &hash,
            business: &business,
            trade,
            size,
            town: &town,
            name: &name,
            email: email.as_str(),
            phone: &phone,
            goal: &goal,
            availability: &availability,
            lang: body.lang,
            consent_version: &consent,
            topics: &topics,
        },
        now,
    )?;
    statements.push(who.mailbox.record(db, now)?);
    let link = format!("/consultation/{token}");
    let mail = Email::compose(
        email.as_str(),
        "consultation_received",
        body.lang,
        ApiMsg::EmailConsultationSubject,
        ApiMsg::EmailConsultationBody,
        &[
            ("name", &name),
            ("business", &business),
            ("link", &format!("{}{link}", who.site_url)),
        ],
    );
    // About the request just inserted: its id is read in the same batch.
    statements.push(outbox::queue_about_consultation(db, &mail, &hash, now)?);
    batch(db, statements, "storing the consultation request").await?;
    Ok(ConsultationCreated {
        status: ConsultationStatus::New,
        link,
    })
}

pub async fn by_token(db: &D1Database, token: &str) -> Result<ConsultationRow, ApiError> {
    repo::by_token(db, &token_hash(token))
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn by_id(db: &D1Database, id: i64) -> Result<ConsultationRow, ApiError> {
    repo::by_id(db, id).await?.ok_or(ApiError::NotFound)
}

fn appointment(row: &ConsultationRow, address: &str) -> Option<Appointment> {
    let (start, end, place) = (row.start_local?, row.end_local?, row.place?);
    let at_cantine = place == Place::Cantine;
    Some(Appointment {
        start: LocalDateTime(start),
        end: LocalDateTime(end),
        place,
        resource: match (&row.resource_fr, &row.resource_en) {
            (Some(fr), Some(en)) => Some(Localized {
                fr: fr.clone(),
                en: en.clone(),
            }),
            _ => None,
        },
        address: if at_cantine {
            address.to_string()
        } else {
            String::new()
        },
    })
}

fn feedback(row: &ConsultationRow) -> Option<Feedback> {
    row.feedback_useful.map(|u| Feedback {
        useful: u == 1,
        comment: row.feedback_note.clone(),
    })
}

/// The private link's page.
pub async fn view(db: &D1Database, row: &ConsultationRow) -> Result<ConsultationView, ApiError> {
    let cfg = svc::config(db).await?;
    let all_topics = repo::topics(db).await?;
    let items = crate::repo::consultations::items(db, false).await?;
    let cards: Vec<LibraryCard> = items.iter().map(library::card).collect();
    let recommended: Vec<LibraryCard> = cards
        .iter()
        .filter(|c| row.recommended.contains(&c.slug))
        .cloned()
        .collect();
    let related: Vec<LibraryCard> = cards
        .iter()
        .filter(|c| !row.recommended.contains(&c.slug))
        .filter(|c| c.topics.iter().any(|t| row.topics.contains(t)))
        .filter(|c| c.audience.is_none_or(|a| a == row.trade))
        .take(6)
        .cloned()
        .collect();
    let retention = repo::retention_days(db).await?;
    let closed_on = row.closed_at.map(paris::local_date);
    Ok(ConsultationView {
        status: row.status,
        business: row.business.clone(),
        trade: row.trade,
        size: row.size,
        town: row.town.clone(),
        name: row.name.clone(),
        email: row.email.clone(),
        phone: row.phone.clone(),
        topics: all_topics
            .iter()
            .filter(|t| row.topics.contains(&t.slug))
            .map(topic)
            .collect(),
        goal: row.goal.clone(),
        availability: row.availability(),
        timeline: Timeline {
            received: paris::local_date(row.created_at),
            assigned: row.accepted_at.map(paris::local_date),
            scheduled: row.scheduled_at.map(paris::local_date),
            done: (row.status == ConsultationStatus::Done)
                .then_some(row.closed_at)
                .flatten()
                .map(paris::local_date),
        },
        volunteer: row
            .accepted_at
            .as_ref()
            .and(row.volunteer_name.as_deref())
            .map(rules::first_name),
        appointment: appointment(row, &cfg.address),
        unsuitable: row.unsuitable.clone(),
        decline_reason: row.decline_reason.clone(),
        note: row.close_note.clone(),
        recommended,
        related,
        feedback: feedback(row),
        consented_on: paris::local_date(row.consent_at),
        consent_version: row.consent_version.clone(),
        erase_on: closed_on.map(|d| rules::erase_on(d, retention)),
    })
}

fn place_words(place: Place, lang: Lang) -> &'static str {
    match place {
        Place::Cantine => ApiMsg::PlaceCantine.text(lang),
        Place::Phone => ApiMsg::PlacePhone.text(lang),
        Place::Video => ApiMsg::PlaceVideo.text(lang),
    }
}

/// The appointment as an iCalendar file.
pub async fn ics(
    db: &D1Database,
    row: &ConsultationRow,
    now: DateTime<Utc>,
) -> Result<String, ApiError> {
    use icalendar::{Calendar, Component, Event, EventLike};
    let (Some(start), Some(end), Some(place)) = (row.start_local, row.end_local, row.place) else {
        return Err(ApiError::NotFound);
    };
    let cfg = svc::config(db).await?;
    let at = |t: NaiveDateTime| paris::from_local(t).earliest().ok_or(ApiError::NotFound);
    let lang = row.lang;
    let location = if place == Place::Cantine {
        format!("Silicon Kerne — {}", cfg.address)
    } else {
        place_words(place, lang).to_string()
    };
    let mut cal = Calendar::empty();
    cal.append_property(icalendar::Property::new("VERSION", "2.0"));
    cal.append_property(icalendar::Property::new(
        "PRODID",
        "-//Silicon Kerne//Portail//FR",
    ));
    let mut ev = Event::new();
    let who = row
        .volunteer_name
        .as_deref()
        .map(rules::first_name)
        .unwrap_or_default();
    ev.uid(&format!("consultation-{}@silicon-kerne.net", row.id))
        .summary(&match lang {
            Lang::Fr => format!("Consultation Silicon Kerne avec {who}"),
            Lang::En => format!("Silicon Kerne consultation with {who}"),
        })
        .location(&location)
        .starts(at(start)?)
        .ends(at(end)?)
        .timestamp(now);
    cal.push(ev.done());
    Ok(cal.done().to_string())
}

/// The requester's words: the appointment does not suit. Back to "assigned"; the room or desk
/// is freed and the volunteer told.
pub async fn unsuitable(
    db: &D1Database,
    token: &str,
    message: &str,
    site_url: &str,
    now: DateTime<Utc>,
) -> Result<ConsultationView, ApiError> {
    let row = by_token(db, token).await?;
    let message = parse_required_text(message, 1000).map_err(|m| field("message", m))?;
    let nonce = random_token();
    let results = batch(
        db,
        vec![
            repo::unsuitable(db, row.id, &nonce, &message)?,
            repo::free_place(db, row.id, &nonce, now)?,
        ],
        "noting that the appointment does not suit",
    )
    .await?;
    if results.first().map(changes) != Some(1) {
        return Err(ApiError::Conflict(ApiMsg::ErrConsultationStep));
    }
    let link = format!("{site_url}/espace/consultations");
    tell_volunteer(
        db,
        &row,
        "consultation_unsuitable",
        ApiMsg::EmailConsultationUnsuitableBody,
        &[("message", &message), ("link", &link)],
        now,
    )
    .await?;
    view(db, &by_id(db, row.id).await?).await
}

/// Queue one email on its own, once the change it tells of is stored.
async fn send(
    db: &D1Database,
    mail: &Email,
    member: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    crate::repo::run(
        outbox::queue(db, mail, member, None, now)?,
        "queueing the consultation's email",
    )
    .await
    .map(drop)
}

/// Tell the request's volunteer (if it has one) that it changed: `body` with their name, the
/// business and `extra`.
async fn tell_volunteer(
    db: &D1Database,
    row: &ConsultationRow,
    kind: &'static str,
    body: ApiMsg,
    extra: &[(&str, &str)],
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let Some(v) = volunteer_of(db, row).await? else {
        return Ok(());
    };
    let mut args = vec![
        ("name", v.name.as_str()),
        ("business", row.business.as_str()),
    ];
    args.extend_from_slice(extra);
    let mail = Email::compose(
        &v.email,
        kind,
        v.lang,
        ApiMsg::EmailConsultationChangedSubject,
        body,
        &args,
    );
    send(db, &mail, Some(v.id), now).await
}

async fn volunteer_of(
    db: &D1Database,
    row: &ConsultationRow,
) -> Result<Option<accounts::MemberRow>, ApiError> {
    Ok(match row.volunteer_id {
        Some(id) => accounts::member_by_id(db, id).await?,
        None => None,
    })
}

pub async fn give_feedback(
    db: &D1Database,
    token: &str,
    body: &Feedback,
    now: DateTime<Utc>,
) -> Result<ConsultationView, ApiError> {
    let row = by_token(db, token).await?;
    let comment = parse_text(&body.comment, 1000).map_err(|m| field("comment", m))?;
    let result = crate::repo::run(
        repo::feedback(db, row.id, body.useful, &comment, now)?,
        "storing the feedback",
    )
    .await?;
    if changes(&result) != 1 {
        return Err(ApiError::Conflict(ApiMsg::ErrConsultationStep));
    }
    view(db, &by_id(db, row.id).await?).await
}

/// Cancel (when open) and erase the personal fields now; the volunteer is told.
pub async fn cancel(
    db: &D1Database,
    token: &str,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let row = by_token(db, token).await?;
    let nonce = random_token();
    let was_open = row.status.is_open();
    let mut statements = vec![
        repo::cancel_and_erase(db, row.id, &nonce, now)?,
        repo::free_place(db, row.id, &nonce, now)?,
        repo::answer_offer(db, row.id, &nonce, OfferAnswer::Withdrawn, "", now)?,
        audit::record_after(
            db,
            now,
            caller,
            "consultation.erase",
            "consultation",
            &row.id.to_string(),
            json!({}),
        )?,
    ];
    // The requester's emails about it go with it (unsent deleted, sent ones blanked).
    statements.extend(outbox::erase_about(db, &about(row.id), &row.email)?);
    let results = batch(db, statements, "cancelling and erasing the request").await?;
    if results.first().map(changes) != Some(1) {
        return Err(ApiError::NotFound);
    }
    if was_open {
        tell_volunteer(
            db,
            &row,
            "consultation_cancelled",
            ApiMsg::EmailConsultationCancelledBody,
            &[],
            now,
        )
        .await?;
    }
    Ok(())
}

// ------------------------------------------------------------------ staff

fn answer_by(row: &ConsultationRow) -> Option<chrono::NaiveDate> {
    if row.status != ConsultationStatus::Assigned || row.accepted_at.is_some() {
        return None;
    }
    Some(rules::answer_by(paris::local_date(row.assigned_at?)))
}

fn staff_view(row: &ConsultationRow, offers: Vec<Offer>, address: &str) -> StaffConsultation {
    StaffConsultation {
        id: row.id,
        status: row.status,
        business: row.business.clone(),
        trade: row.trade,
        size: row.size,
        town: row.town.clone(),
        name: row.name.clone(),
        email: row.email.clone(),
        phone: row.phone.clone(),
        topics: row.topics.clone(),
        goal: row.goal.clone(),
        availability: row.availability(),
        volunteer: row.volunteer_id.map(|id| Person {
            id,
            name: row.volunteer_name.clone().unwrap_or_default(),
        }),
        accepted: row.accepted_at.is_some(),
        answer_by: answer_by(row),
        returned: row.returned,
        appointment: appointment(row, address),
        unsuitable: row.unsuitable.clone(),
        decline_reason: row.decline_reason.clone(),
        note: row.close_note.clone(),
        feedback: feedback(row),
        offers,
        received_on: paris::local_date(row.created_at),
        erased: row.erased_at.is_some(),
    }
}

async fn staff_views(
    db: &D1Database,
    rows: &[ConsultationRow],
) -> Result<Vec<StaffConsultation>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let offers = repo::offers(db, &ids).await?;
    let address = svc::config(db).await?.address;
    Ok(rows
        .iter()
        .map(|r| {
            let mine = offers
                .iter()
                .filter(|o| o.consultation_id == r.id)
                .map(|o| Offer {
                    member_id: o.member_id,
                    name: o.name.clone(),
                    offered_on: paris::local_date(o.offered_at),
                    answer: o.answer,
                    reason: o.reason.clone(),
                })
                .collect();
            staff_view(r, mine, &address)
        })
        .collect())
}

pub async fn board(
    db: &D1Database,
    status: Option<ConsultationStatus>,
    now: DateTime<Utc>,
) -> Result<Vec<StaffConsultation>, ApiError> {
    let rows = repo::board(db, status, now - Duration::days(CLOSED_SHOWN_DAYS)).await?;
    staff_views(db, &rows).await
}

pub async fn staff_one(db: &D1Database, id: i64) -> Result<StaffConsultation, ApiError> {
    let row = by_id(db, id).await?;
    Ok(staff_views(db, &[row]).await?.remove(0))
}

/// Who staff may offer a request to: the suggestions (matching topics, fair share, under their
/// cap, not someone who gave it back), then every volunteer.
pub async fn volunteers(
    db: &D1Database,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Volunteers, ApiError> {
    let row = by_id(db, id).await?;
    let month = repo::day_start(rules::month_start(paris::local_date(now)));
    let loads: Vec<VolunteerLoad> = repo::volunteers(db, &month)
        .await?
        .into_iter()
        .map(|v| VolunteerLoad {
            member_id: v.id,
            name: v.name,
            topics: v.topics,
            open: u32::try_from(v.open).unwrap_or(0),
            this_month: u32::try_from(v.this_month).unwrap_or(0),
            monthly_cap: u32::try_from(v.volunteer_cap).unwrap_or(0),
        })
        .collect();
    let gave_back: Vec<i64> = repo::offers(db, &[id])
        .await?
        .iter()
        .filter(|o| {
            matches!(
                o.answer,
                Some(OfferAnswer::Declined | OfferAnswer::Unanswered)
            )
        })
        .map(|o| o.member_id)
        .collect();
    let suggested = rules::suggest(&row.topics, &loads, &gave_back);
    let all = loads
        .iter()
        .map(|v| VolunteerSuggestion {
            member_id: v.member_id,
            name: v.name.clone(),
            matched: row
                .topics
                .iter()
                .filter(|t| v.topics.contains(t))
                .cloned()
                .collect(),
            open: v.open,
            this_month: v.this_month,
            monthly_cap: v.monthly_cap,
        })
        .collect();
    Ok(Volunteers { suggested, all })
}

/// Why a move changed nothing: the request moved on (409), or it is not there (404).
async fn refused(db: &D1Database, id: i64, step: ApiMsg) -> ApiError {
    match repo::by_id(db, id).await {
        Ok(Some(_)) => ApiError::Conflict(step),
        Ok(None) => ApiError::NotFound,
        Err(e) => e,
    }
}

/// Who acts for the cantine: the session, the member, and the site's address for links in emails.
pub struct Acting<'a> {
    pub caller: &'a Caller,
    pub actor: i64,
    pub site_url: &'a str,
}

/// Offer a request to `body.member_id` (or give it to them instead of `body.replaces`).
pub async fn assign(
    db: &D1Database,
    id: i64,
    body: &AssignRequest,
    who: &Acting<'_>,
    now: DateTime<Utc>,
) -> Result<StaffConsultation, ApiError> {
    let row = by_id(db, id).await?;
    let Some(volunteer) = accounts::member_by_id(db, body.member_id).await? else {
        return Err(field("member_id", ApiMsg::FieldVolunteer));
    };
    let nonce = random_token();
    let results = batch(
        db,
        vec![
            repo::assign(db, id, &nonce, body.member_id, body.replaces, now)?,
            repo::answer_offer(db, id, &nonce, OfferAnswer::Withdrawn, "", now)?,
            repo::open_offer(db, id, &nonce, body.member_id, who.actor, now)?,
            audit::record_after(
                db,
                now,
                who.caller,
                "consultation.assign",
                "consultation",
                &id.to_string(),
                json!({ "member": volunteer.name }),
            )?,
        ],
        "offering the request to a volunteer",
    )
    .await?;
    if results.first().map(changes) != Some(1) {
        if volunteer.status.as_str() != "active" {
            return Err(field("member_id", ApiMsg::FieldVolunteer));
        }
        return Err(if row.status.is_open() {
            ApiError::Conflict(ApiMsg::ErrConsultationChanged)
        } else {
            ApiError::Conflict(ApiMsg::ErrConsultationStep)
        });
    }
    let topics = topic_words(db, &row.topics, volunteer.lang).await?;
    let by = format_date_long(rules::answer_by(paris::local_date(now)), volunteer.lang);
    let mail = Email::compose(
        &volunteer.email,
        "consultation_offer",
        volunteer.lang,
        ApiMsg::EmailConsultationOfferSubject,
        ApiMsg::EmailConsultationOfferBody,
        &[
            ("name", &volunteer.name),
            ("business", &row.business),
            ("town", &row.town),
            ("topics", &topics),
            ("by", &by),
            ("link", &format!("{}/espace/consultations", who.site_url)),
        ],
    );
    send(db, &mail, Some(volunteer.id), now).await?;
    staff_one(db, id).await
}

async fn topic_words(db: &D1Database, slugs: &[String], lang: Lang) -> Result<String, ApiError> {
    Ok(repo::topics(db)
        .await?
        .iter()
        .filter(|t| slugs.contains(&t.slug))
        .map(|t| {
            if lang == Lang::En {
                t.label_en.clone()
            } else {
                t.label_fr.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(", "))
}

/// The longest appointment, in minutes.
const MAX_APPOINTMENT_MINUTES: i64 = 240;

/// Set (or move) the appointment: by staff (`volunteer` is `None`) or by the volunteer who
/// accepted it. At the cantine the room or desk is held in the same batch, or nothing is stored.
pub async fn schedule(
    db: &D1Database,
    id: i64,
    body: &ScheduleRequest,
    volunteer: Option<i64>,
    actor: i64,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<ConsultationRow, ApiError> {
    let row = by_id(db, id).await?;
    // A volunteer's move on someone else's request: not theirs to read the fields of.
    if let Some(me) = volunteer {
        if row.volunteer_id != Some(me) {
            return Err(mine_or_not(db, id, me).await);
        }
    }
    let mut c = Checker::default();
    let start = c.check(
        "start",
        LocalDateTime::parse(body.start.trim())
            .map(|t| t.0)
            .map_err(|_| ApiMsg::FieldDateTime),
    );
    let end = c.check(
        "end",
        LocalDateTime::parse(body.end.trim())
            .map(|t| t.0)
            .map_err(|_| ApiMsg::FieldDateTime),
    );
    let place = c.check(
        "place",
        Place::parse(body.place.trim()).ok_or(ApiMsg::FieldConsultationPlace),
    );
    let resource = body.resource.trim().to_string();
    if let (Some(s), Some(e)) = (start, end) {
        let minutes = (e - s).num_minutes();
        if e <= s || e.date() != s.date() || minutes > MAX_APPOINTMENT_MINUTES {
            c.fail("end", ApiMsg::FieldAppointmentEnd);
        }
    }
    let mut room_or_desk = None;
    if place == Some(Place::Cantine) {
        let resources = crate::repo::bookings::resources(db).await?;
        match resources.iter().find(|r| r.slug == resource) {
            None => c.fail("resource", ApiMsg::FieldConsultationResource),
            Some(r) => room_or_desk = Some(r.slug.clone()),
        }
        // Within the opening hours of an open day, like a room booking.
        if let (Some(s), Some(e)) = (start, end) {
            let cfg = svc::config(db).await?;
            let closures = crate::repo::bookings::closures(db, s.date(), s.date()).await?;
            let rules = domain::calendar::BookingRules {
                horizon_days: 366,
                ..cfg.rules.clone()
            };
            if let Err(why) = calendar::check_booking(
                ResourceKind::Room,
                s,
                e,
                now,
                Schedule {
                    hours: &cfg.hours,
                    closures: &closures,
                    rules: &rules,
                },
                Horizon::Rules,
            ) {
                c.fail("start", why.message());
            }
        }
    }
    let (start, end, place) = c
        .finish(|| Some((start?, end?, place?)))
        .map_err(ApiError::Validation)?;
    let (Some(start_utc), Some(end_utc)) = (
        paris::from_local(start).earliest(),
        paris::from_local(end).earliest(),
    ) else {
        return Err(field("start", ApiMsg::RuleNonexistentTime));
    };
    if start_utc <= now {
        return Err(field("start", ApiMsg::FieldEventPast));
    }
    let nonce = random_token();
    let mut statements = vec![
        repo::schedule(
            db,
            id,
            &Slot {
                start_local: start,
                end_local: end,
                start: start_utc,
                end: end_utc,
                place,
                volunteer,
                nonce: &nonce,
            },
            now,
        )?,
        repo::free_place(db, id, &nonce, now)?,
    ];
    if let Some(slug) = &room_or_desk {
        statements.push(repo::hold_place(db, id, &nonce, slug, actor)?);
        statements.push(repo::place_held(db, id, &nonce)?);
    }
    statements.push(repo::answer_offer(
        db,
        id,
        &nonce,
        OfferAnswer::Accepted,
        "",
        now,
    )?);
    statements.push(audit::record_after(
        db,
        now,
        caller,
        "consultation.schedule",
        "consultation",
        &id.to_string(),
        json!({ "start": body.start, "place": place.as_str() }),
    )?);
    let results = match batch(db, statements, "setting the appointment").await {
        Err(ApiError::Internal(detail)) if detail.contains("room not held") => {
            return Err(ApiError::Conflict(ApiMsg::ErrPlaceTaken))
        }
        other => other?,
    };
    if results.first().map(changes) != Some(1) {
        return Err(match volunteer {
            Some(me) if row.volunteer_id != Some(me) => mine_or_not(db, id, me).await,
            _ => refused(db, id, ApiMsg::ErrConsultationStep).await,
        });
    }
    let row = by_id(db, id).await?;
    // The requester hears of it (their link is theirs alone: the email sends them back to it).
    if let (Some(s), Some(p)) = (row.start_local, row.place) {
        let lang = row.lang;
        let who = row
            .volunteer_name
            .as_deref()
            .map(rules::first_name)
            .unwrap_or_default();
        let mail = Email::compose(
            &row.email,
            "consultation_scheduled",
            lang,
            ApiMsg::EmailConsultationScheduledSubject,
            ApiMsg::EmailConsultationScheduledBody,
            &[
                ("name", &row.name),
                ("volunteer", &who),
                ("date", &format_date_long(s.date(), lang)),
                ("time", &s.format("%H:%M").to_string()),
                ("place", place_words(p, lang)),
            ],
        )
        .about(about(row.id));
        send(db, &mail, None, now).await?;
    }
    Ok(row)
}

/// A volunteer's move that changed nothing: someone else has it now (409) if it was ever offered
/// to them, else it is none of theirs (404).
async fn mine_or_not(db: &D1Database, id: i64, me: i64) -> ApiError {
    match repo::was_offered(db, id, me).await {
        Ok(true) => ApiError::Conflict(ApiMsg::ErrConsultationTaken),
        Ok(false) => ApiError::NotFound,
        Err(e) => e,
    }
}

/// Done (with a note and recommended resources) or declined (the note is the reason); by staff
/// (`volunteer` is `None`, either outcome) or by the volunteer who has it (done only).
pub async fn close(
    db: &D1Database,
    id: i64,
    body: &CloseRequest,
    volunteer: Option<i64>,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<ConsultationRow, ApiError> {
    let row = by_id(db, id).await?;
    // A volunteer's move on someone else's request: not theirs to read the fields of.
    if let Some(me) = volunteer {
        if row.volunteer_id != Some(me) {
            return Err(mine_or_not(db, id, me).await);
        }
    }
    let outcome = match (body.outcome.trim(), volunteer) {
        ("done", _) => Move::Complete,
        ("declined", None) => Move::Decline,
        _ => return Err(field("outcome", ApiMsg::FieldOutcome)),
    };
    // Done only once the appointment has begun (the step itself is checked by the write).
    let local_now = domain::paris::to_local(now);
    if outcome.allowed_from(row.status)
        && !outcome.allowed_at(row.status, row.start_local, local_now)
    {
        return Err(ApiError::Conflict(ApiMsg::ErrConsultationNotYet));
    }
    // A refusal says why: the requester reads it.
    let note = if outcome == Move::Decline {
        parse_required_text(&body.note, 2000)
    } else {
        parse_text(&body.note, 2000)
    }
    .map_err(|m| field("note", m))?;
    let nonce = random_token();
    let results = batch(
        db,
        vec![
            repo::close(db, id, &nonce, outcome, &note, volunteer, now)?,
            repo::recommend(db, id, &nonce, &body.resources)?,
            repo::answer_offer(db, id, &nonce, OfferAnswer::Withdrawn, "", now)?,
            audit::record_after(
                db,
                now,
                caller,
                "consultation.close",
                "consultation",
                &id.to_string(),
                json!({ "outcome": body.outcome.trim() }),
            )?,
        ],
        "closing the request",
    )
    .await?;
    if results.first().map(changes) != Some(1) {
        return Err(match volunteer {
            Some(me) if row.volunteer_id != Some(me) => mine_or_not(db, id, me).await,
            _ => refused(db, id, ApiMsg::ErrConsultationStep).await,
        });
    }
    if outcome == Move::Decline {
        // A declined request frees what an appointment held.
        crate::repo::run(repo::free_place(db, id, &nonce, now)?, "freeing the room").await?;
    }
    let lang = row.lang;
    let (body_msg, reason) = match outcome {
        Move::Decline => (ApiMsg::EmailConsultationDeclinedBody, note.clone()),
        _ => (ApiMsg::EmailConsultationDoneBody, String::new()),
    };
    let mail = Email::compose(
        &row.email,
        "consultation_closed",
        lang,
        ApiMsg::EmailConsultationClosedSubject,
        body_msg,
        &[
            ("name", &row.name),
            ("business", &row.business),
            ("reason", &reason),
        ],
    )
    .about(about(row.id));
    send(db, &mail, None, now).await?;
    by_id(db, id).await
}

// ------------------------------------------------------------------ volunteers

pub fn mine(row: &ConsultationRow, address: &str) -> MyConsultation {
    let accepted = row.accepted_at.is_some();
    MyConsultation {
        id: row.id,
        status: row.status,
        accepted,
        answer_by: answer_by(row),
        business: row.business.clone(),
        trade: row.trade,
        size: row.size,
        town: row.town.clone(),
        topics: row.topics.clone(),
        goal: row.goal.clone(),
        availability: row.availability(),
        requester: accepted.then(|| Requester {
            name: row.name.clone(),
            email: row.email.clone(),
            phone: row.phone.clone(),
        }),
        appointment: appointment(row, address),
        unsuitable: row.unsuitable.clone(),
        note: row.close_note.clone(),
    }
}

pub async fn my_list(
    db: &D1Database,
    me: i64,
    now: DateTime<Utc>,
) -> Result<Vec<MyConsultation>, ApiError> {
    let address = svc::config(db).await?.address;
    Ok(
        repo::of_volunteer(db, me, now - Duration::days(CLOSED_SHOWN_DAYS))
            .await?
            .iter()
            .map(|r| mine(r, &address))
            .collect(),
    )
}

/// A request of this volunteer's (offered or accepted): anyone else's is a 404.
pub async fn my_one(db: &D1Database, id: i64, me: i64) -> Result<MyConsultation, ApiError> {
    let row = by_id(db, id).await?;
    if row.volunteer_id != Some(me) {
        return Err(ApiError::NotFound);
    }
    Ok(mine(&row, &svc::config(db).await?.address))
}

pub async fn accept(
    db: &D1Database,
    id: i64,
    me: &Member,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<MyConsultation, ApiError> {
    let nonce = random_token();
    let results = batch(
        db,
        vec![
            repo::accept(db, id, &nonce, me.id, now)?,
            repo::answer_offer(db, id, &nonce, OfferAnswer::Accepted, "", now)?,
            audit::record_after(
                db,
                now,
                caller,
                "consultation.accept",
                "consultation",
                &id.to_string(),
                json!({}),
            )?,
        ],
        "accepting the consultation",
    )
    .await?;
    if results.first().map(changes) != Some(1) {
        let row = repo::by_id(db, id).await?;
        return match row {
            // Accepted already by this volunteer: the same answer again.
            Some(r) if r.volunteer_id == Some(me.id) && r.accepted_at.is_some() => {
                my_one(db, id, me.id).await
            }
            Some(r) if r.volunteer_id == Some(me.id) => {
                Err(ApiError::Conflict(ApiMsg::ErrConsultationStep))
            }
            _ => Err(mine_or_not(db, id, me.id).await),
        };
    }
    my_one(db, id, me.id).await
}

/// The volunteer gives it back (before or after accepting), with a reason staff read; it returns
/// to the board, and what an appointment held is freed.
pub async fn give_back(
    db: &D1Database,
    id: i64,
    me: &Member,
    reason: &str,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let reason = parse_required_text(reason, 500).map_err(|m| field("reason", m))?;
    let nonce = random_token();
    let results = batch(
        db,
        vec![
            repo::give_back(db, id, &nonce, me.id, Returned::Declined)?,
            repo::answer_offer(db, id, &nonce, OfferAnswer::Declined, &reason, now)?,
            repo::free_place(db, id, &nonce, now)?,
            audit::record_after(
                db,
                now,
                caller,
                "consultation.give_back",
                "consultation",
                &id.to_string(),
                json!({ "reason": reason }),
            )?,
        ],
        "giving the consultation back",
    )
    .await?;
    if results.first().map(changes) != Some(1) {
        return Err(mine_or_not(db, id, me.id).await);
    }
    Ok(())
}

pub async fn volunteering(
    db: &D1Database,
    me: i64,
    now: DateTime<Utc>,
) -> Result<Volunteering, ApiError> {
    let month = repo::day_start(rules::month_start(paris::local_date(now)));
    let row = repo::volunteer(db, me, &month)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Volunteering {
        volunteer: row.volunteer == 1,
        topics: row.topics,
        monthly_cap: u32::try_from(row.volunteer_cap).unwrap_or(1),
    })
}

pub async fn set_volunteering(
    db: &D1Database,
    me: i64,
    body: &Volunteering,
    now: DateTime<Utc>,
) -> Result<Volunteering, ApiError> {
    let known = repo::topics(db).await?;
    let mut c = Checker::default();
    let topics = c.check(
        "topics",
        known_topics(&body.topics, &known, false)
            .filter(|t| !body.volunteer || !t.is_empty())
            .ok_or(if body.volunteer {
                ApiMsg::FieldVolunteerTopics
            } else {
                ApiMsg::FieldTopics
            }),
    );
    if !(1..=20).contains(&body.monthly_cap) {
        c.fail("monthly_cap", ApiMsg::FieldMonthlyCap);
    }
    let topics = c.finish(|| topics).map_err(ApiError::Validation)?;
    batch(
        db,
        repo::set_volunteering(db, me, body.volunteer, body.monthly_cap, &topics)?,
        "saving the volunteering",
    )
    .await?;
    volunteering(db, me, now).await
}

// ------------------------------------------------------------------ the Cron Trigger

/// Offers left unanswered past [`rules::answer_by`] come back to the board (marked
/// "unanswered"), and the volunteer loses access; how many.
pub async fn expire_offers(db: &D1Database, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let today = paris::local_date(now);
    let mut n = 0;
    for p in repo::unanswered(db).await? {
        if rules::answer_by(paris::local_date(p.assigned_at)) >= today {
            continue;
        }
        let nonce = random_token();
        let results = batch(
            db,
            vec![
                repo::give_back(db, p.id, &nonce, p.volunteer_id, Returned::Unanswered)?,
                repo::answer_offer(db, p.id, &nonce, OfferAnswer::Unanswered, "", now)?,
            ],
            "sending an unanswered offer back to the board",
        )
        .await?;
        n += results.first().map(changes).unwrap_or(0);
    }
    Ok(n)
}

/// The day before an appointment (within 24 hours of it), the requester and the volunteer are
/// reminded, once; how many emails were queued.
pub async fn queue_reminders(db: &D1Database, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let mut queued = 0;
    for row in repo::to_remind(db, now, now + Duration::hours(24)).await? {
        let result = crate::repo::run(
            repo::reminded(db, row.id, now)?,
            "marking the reminder sent",
        )
        .await?;
        if changes(&result) != 1 {
            continue;
        }
        let (Some(start), Some(place)) = (row.start_local, row.place) else {
            continue;
        };
        let mut people = vec![(row.email.clone(), row.name.clone(), row.lang, None)];
        if let Some(v) = volunteer_of(db, &row).await? {
            people.push((v.email.clone(), v.name.clone(), v.lang, Some(v.id)));
        }
        for (to, name, lang, member) in people {
            let mail = Email::compose(
                &to,
                "consultation_reminder",
                lang,
                ApiMsg::EmailConsultationReminderSubject,
                ApiMsg::EmailConsultationReminderBody,
                &[
                    ("name", &name),
                    ("business", &row.business),
                    ("date", &format_date_long(start.date(), lang)),
                    ("time", &start.format("%H:%M").to_string()),
                    ("place", place_words(place, lang)),
                ],
            )
            .about(about(row.id));
            send(db, &mail, member, now).await?;
            queued += 1;
        }
    }
    Ok(queued)
}

/// Closed requests past their retention delay lose their personal fields.
pub async fn erase_expired(db: &D1Database, now: DateTime<Utc>) -> Result<(), ApiError> {
    let days = repo::retention_days(db).await?;
    crate::repo::run(
        repo::erase_closed_before(db, now - Duration::days(i64::from(days)), now)?,
        "erasing the requests past their retention delay",
    )
    .await?;
    Ok(())
}
