//! A request's change: read whole, decided by its aggregate (`domain::consultation`), written in
//! one batch under its version (`service::versioned`) — the request's new values, the offer, the
//! room or desk, the journal entry and every email the change causes, stored together or not at
//! all. Another writer in between makes it read and decide again.

use chrono::{DateTime, Utc};
use domain::consultation::{
    Actor, Case, Command, Decision, Notice, OfferStep, PlaceStep, Refusal, Slot,
};
use domain::consultations::{first_name, Place};
use domain::i18n::format_date_long;
use domain::{ApiMsg, Lang};
use serde_json::json;
use worker::D1Database;

use super::{about, by_id, field, place_words};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::mail::Email;
use crate::repo::accounts::{self, MemberRow};
use crate::repo::bookings::ResourceRow;
use crate::repo::consultations::{self as repo, ConsultationRow, TopicRow};
use crate::repo::versioned::{held, Aborted, Aggregate};
use crate::repo::{audit, outbox};
use crate::service::versioned::{self, Decided};

/// Who asks for the change, beside the actor: the session for the journal (none for the clock)
/// and the site's address for links in emails.
pub struct Context<'a> {
    pub caller: Option<&'a Caller>,
    pub site_url: &'a str,
}

/// A request after a command.
pub struct Moved {
    pub row: ConsultationRow,
    /// Whether the command changed it (the same command twice changes it once).
    pub changed: bool,
}

/// The request as read for a change, with its volunteer (who may have to be told).
struct Loaded {
    row: ConsultationRow,
    case: Case,
    volunteer: Option<MemberRow>,
}

async fn load(db: &D1Database, id: i64) -> Result<Loaded, ApiError> {
    let row = by_id(db, id).await?;
    let case = row.case()?;
    let volunteer = match row.volunteer_id {
        Some(v) => accounts::member_by_id(db, v).await?,
        None => None,
    };
    Ok(Loaded {
        row,
        case,
        volunteer,
    })
}

/// What the emails name that the request does not hold, read once per change.
struct Words {
    topics: Vec<TopicRow>,
    resources: Vec<ResourceRow>,
    /// The member an offer goes to.
    offered_to: Option<MemberRow>,
}

/// The answer a refusal gets.
pub fn refused(r: Refusal) -> ApiError {
    match r {
        Refusal::NotFound => ApiError::NotFound,
        Refusal::Taken => ApiError::Conflict(ApiMsg::ErrConsultationTaken),
        Refusal::Changed => ApiError::Conflict(ApiMsg::ErrConsultationChanged),
        Refusal::Step => ApiError::Conflict(ApiMsg::ErrConsultationStep),
        Refusal::NotYet => ApiError::Conflict(ApiMsg::ErrConsultationNotYet),
        Refusal::Field(name, msg) => field(name, msg),
    }
}

/// Make `command` as `actor` on request `id`: decided on the request as stored, written whole.
pub async fn change(
    db: &D1Database,
    id: i64,
    command: &Command,
    actor: Actor,
    ctx: &Context<'_>,
    now: DateTime<Utc>,
) -> Result<Moved, ApiError> {
    // Read only by the commands whose emails name them: an offer (its topics, its volunteer) and
    // an appointment (its room or desk); the scheduled run's lapsed offers read none.
    let (offer, appointment) = (
        matches!(command, Command::Assign { .. }),
        matches!(command, Command::Schedule(_) | Command::Remind),
    );
    let words = Words {
        topics: if offer {
            repo::topics(db).await?
        } else {
            vec![]
        },
        resources: if appointment {
            crate::repo::bookings::resources(db).await?
        } else {
            vec![]
        },
        offered_to: match command {
            Command::Assign { to, .. } => accounts::member_by_id(db, *to).await?,
            _ => None,
        },
    };
    let written = versioned::change(
        db,
        Aggregate::Consultation,
        id,
        "changing the consultation",
        || load(db, id),
        |l| l.row.version,
        |l| plan(db, l, command, actor, ctx, &words, now),
    )
    .await;
    let changed = match written {
        Err(e) if Aborted::of(&e) == Some(Aborted::RoomNotHeld) => {
            return Err(ApiError::Conflict(ApiMsg::ErrPlaceTaken))
        }
        other => other?,
    };
    Ok(Moved {
        row: by_id(db, id).await?,
        changed,
    })
}

/// The batch that writes what `command` decides on `l` (nothing when it decides nothing).
fn plan(
    db: &D1Database,
    l: &Loaded,
    command: &Command,
    actor: Actor,
    ctx: &Context<'_>,
    words: &Words,
    now: DateTime<Utc>,
) -> Result<Decided<bool>, ApiError> {
    let Decision::Change(change) = l.case.decide(command, actor, now).map_err(refused)? else {
        return Ok(Decided {
            statements: None,
            answer: false,
        });
    };
    let id = l.row.id;
    let by = match actor {
        Actor::Staff(m) | Actor::Volunteer(m) => Some(m),
        Actor::Requester | Actor::Clock => None,
    };
    let mut out = vec![repo::write(db, id, &change.after, change.erase, now)?];
    match &change.offer {
        OfferStep::None => {}
        OfferStep::Answer(answer, reason) => {
            out.push(repo::answer_offer(db, id, *answer, reason, now)?)
        }
        OfferStep::Open(to) => {
            out.push(repo::answer_offer(
                db,
                id,
                domain::consultations::OfferAnswer::Withdrawn,
                "",
                now,
            )?);
            out.push(repo::open_offer(db, id, *to, by, now)?);
        }
    }
    match &change.place {
        PlaceStep::Keep => {}
        PlaceStep::Free => out.push(repo::free_place(db, id, now)?),
        PlaceStep::Hold(resource) => {
            out.push(repo::free_place(db, id, now)?);
            out.push(repo::hold_place(db, id, resource, by)?);
            out.push(held(db, true)?);
        }
    }
    if let Some(message) = &change.said {
        out.push(repo::said(db, id, message, now)?);
    }
    if !change.recommend.is_empty() {
        out.push(repo::recommend(db, id, &change.recommend)?);
    }
    if let Some(caller) = ctx.caller {
        let (action, details) = journal(command, words);
        out.push(audit::record_after(
            db,
            now,
            caller,
            action,
            "consultation",
            &id.to_string(),
            details,
        )?);
    }
    if change.erase {
        // The requester's emails about it go with it (unsent deleted, sent ones blanked).
        out.extend(outbox::erase_about(db, &about(id), &l.row.email)?);
        out.push(repo::forget_said(db, Some(id))?);
    }
    for notice in &change.notices {
        for (mail, member, dedupe) in emails(notice, l, &change.after, ctx, words) {
            out.push(outbox::queue(db, &mail, member, dedupe.as_deref(), now)?);
        }
    }
    Ok(Decided {
        statements: Some(out),
        answer: true,
    })
}

/// The journal's entry for a command.
fn journal(command: &Command, words: &Words) -> (&'static str, serde_json::Value) {
    match command {
        Command::Assign { .. } => (
            "consultation.assign",
            json!({ "member": words.offered_to.as_ref().map(|m| m.name.clone()) }),
        ),
        Command::Accept => ("consultation.accept", json!({})),
        Command::GiveBack { reason } => ("consultation.give_back", json!({ "reason": reason })),
        Command::Expire { .. } => ("consultation.expire", json!({})),
        Command::Schedule(slot) => (
            "consultation.schedule",
            json!({
                "start": slot.start.format("%Y-%m-%dT%H:%M").to_string(),
                "end": slot.end.format("%Y-%m-%dT%H:%M").to_string(),
                "place": slot.place.as_str(),
                "resource": slot.resource,
            }),
        ),
        Command::Unsuitable { .. } => ("consultation.unsuitable", json!({})),
        Command::Complete { .. } => ("consultation.close", json!({ "outcome": "done" })),
        Command::Decline { .. } => ("consultation.close", json!({ "outcome": "declined" })),
        Command::Cancel => ("consultation.erase", json!({})),
        Command::Remind => ("consultation.remind", json!({})),
    }
}

/// Where an appointment is, as a person reads it: by phone, by video, or at the cantine in the
/// room or desk held.
pub fn where_words(slot: &Slot, resources: &[ResourceRow], lang: Lang) -> String {
    let place = place_words(slot.place, lang);
    let named = slot
        .resource
        .as_ref()
        .and_then(|slug| resources.iter().find(|r| &r.slug == slug))
        .map(|r| match lang {
            Lang::Fr => r.name_fr.clone(),
            Lang::En => r.name_en.clone(),
        });
    match (slot.place, named) {
        (Place::Cantine, Some(name)) => format!("{place}, {name}"),
        _ => place.to_string(),
    }
}

fn topic_words(topics: &[TopicRow], slugs: &[String], lang: Lang) -> String {
    topics
        .iter()
        .filter(|t| slugs.contains(&t.slug))
        .map(|t| match lang {
            Lang::En => t.label_en.clone(),
            Lang::Fr => t.label_fr.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The emails a notice sends: each with the member it goes to (none for the requester) and, for
/// the reminders, the key that keeps it to one.
fn emails(
    notice: &Notice,
    l: &Loaded,
    after: &Case,
    ctx: &Context<'_>,
    words: &Words,
) -> Vec<(Email, Option<i64>, Option<String>)> {
    let row = &l.row;
    let requester = |kind: &'static str, subject: ApiMsg, body: ApiMsg, args: &[(&str, &str)]| {
        let mut all = vec![
            ("name", row.name.as_str()),
            ("business", row.business.as_str()),
        ];
        all.extend_from_slice(args);
        Email::compose(&row.email, kind, row.lang, subject, body, &all).about(about(row.id))
    };
    let volunteer_first = l
        .volunteer
        .as_ref()
        .map(|v| first_name(&v.name))
        .unwrap_or_default();
    let to_volunteer = |kind: &'static str, body: ApiMsg, extra: &[(&str, &str)]| {
        l.volunteer.as_ref().map(|v| {
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
            (mail, Some(v.id), None)
        })
    };
    let space = format!("{}/espace/consultations", ctx.site_url);
    match notice {
        Notice::Offered { to, answer_by } => {
            let Some(v) = words.offered_to.as_ref().filter(|v| v.id == *to) else {
                return vec![];
            };
            let mail = Email::compose(
                &v.email,
                "consultation_offer",
                v.lang,
                ApiMsg::EmailConsultationOfferSubject,
                ApiMsg::EmailConsultationOfferBody,
                &[
                    ("name", &v.name),
                    ("business", &row.business),
                    ("town", &row.town),
                    ("topics", &topic_words(&words.topics, &row.topics, v.lang)),
                    ("by", &format_date_long(*answer_by, v.lang)),
                    ("link", &space),
                ],
            );
            vec![(mail, Some(v.id), None)]
        }
        Notice::Scheduled { replaces } => {
            let Some(slot) = after.slot.as_ref() else {
                return vec![];
            };
            let lang = row.lang;
            let date = format_date_long(slot.start.date(), lang);
            let time = slot.start.format("%H:%M").to_string();
            let place = where_words(slot, &words.resources, lang);
            let now_args = [
                ("volunteer", volunteer_first.as_str()),
                ("date", date.as_str()),
                ("time", time.as_str()),
                ("place", place.as_str()),
            ];
            let mail = match replaces {
                None => requester(
                    "consultation_scheduled",
                    ApiMsg::EmailConsultationScheduledSubject,
                    ApiMsg::EmailConsultationScheduledBody,
                    &now_args,
                ),
                Some(old) => {
                    let old_date = format_date_long(old.start.date(), lang);
                    let old_time = old.start.format("%H:%M").to_string();
                    let old_place = where_words(old, &words.resources, lang);
                    let mut args = now_args.to_vec();
                    args.extend([
                        ("old_date", old_date.as_str()),
                        ("old_time", old_time.as_str()),
                        ("old_place", old_place.as_str()),
                    ]);
                    requester(
                        "consultation_scheduled",
                        ApiMsg::EmailConsultationMovedSubject,
                        ApiMsg::EmailConsultationMovedBody,
                        &args,
                    )
                }
            };
            vec![(mail, None, None)]
        }
        Notice::Unsuitable { .. } => {
            let message = after.unsuitable.clone().unwrap_or_default();
            to_volunteer(
                "consultation_unsuitable",
                ApiMsg::EmailConsultationUnsuitableBody,
                &[("message", &message), ("link", &space)],
            )
            .into_iter()
            .collect()
        }
        Notice::Cancelled { .. } => to_volunteer(
            "consultation_cancelled",
            ApiMsg::EmailConsultationCancelledBody,
            &[],
        )
        .into_iter()
        .collect(),
        Notice::Closed { declined } => {
            let (body, reason) = if *declined {
                (
                    ApiMsg::EmailConsultationDeclinedBody,
                    after.decline_reason.as_str(),
                )
            } else {
                (ApiMsg::EmailConsultationDoneBody, "")
            };
            let mail = requester(
                "consultation_closed",
                ApiMsg::EmailConsultationClosedSubject,
                body,
                &[("reason", reason)],
            );
            vec![(mail, None, None)]
        }
        Notice::Reminder => {
            let Some(slot) = after.slot.as_ref() else {
                return vec![];
            };
            let at = slot.start.format("%Y-%m-%dT%H:%M").to_string();
            let mut people = vec![(row.email.clone(), row.name.clone(), row.lang, None)];
            if let Some(v) = &l.volunteer {
                people.push((v.email.clone(), v.name.clone(), v.lang, Some(v.id)));
            }
            people
                .into_iter()
                .map(|(to, name, lang, member)| {
                    let mail = Email::compose(
                        &to,
                        "consultation_reminder",
                        lang,
                        ApiMsg::EmailConsultationReminderSubject,
                        ApiMsg::EmailConsultationReminderBody,
                        &[
                            ("name", &name),
                            ("business", &row.business),
                            ("date", &format_date_long(slot.start.date(), lang)),
                            ("time", &slot.start.format("%H:%M").to_string()),
                            ("place", &where_words(slot, &words.resources, lang)),
                        ],
                    )
                    .about(about(row.id));
                    let who = member.map_or("requester".to_string(), |m: i64| m.to_string());
                    (
                        mail,
                        member,
                        Some(format!("consultation-reminder:{}:{at}:{who}", row.id)),
                    )
                })
                .collect()
        }
    }
}
