//! Consultations: the request (`request`), the requester's private link (`link`), the staff's
//! board (`board`) and the volunteers' side (`volunteers`). Every change of a request is decided by
//! its aggregate (`domain::consultation`) and written whole by `moves`; `scheduled` is what the
//! Cron Trigger does (offers left unanswered, reminders, erasure after the retention delay).

mod board;
mod link;
mod moves;
mod request;
mod scheduled;
mod volunteers;

pub use board::{assign, board, close, schedule, staff_one, volunteers};
pub use link::{cancel, give_feedback, ics, unsuitable, view};
pub use moves::Context;
pub use request::{about, request, Asker};
pub use scheduled::{erase_expired, expire_offers, queue_reminders};
pub use volunteers::{accept, give_back, my_list, my_one, set_volunteering, volunteering};

use chrono::{DateTime, Utc};
use domain::accounts::{parse_name, Checker};
use domain::consultations::{
    self as rules, Appointment, ConsultationStatus, Feedback, Place, Topic, TopicInput,
};
use domain::time::LocalDateTime;
use domain::{paris, ApiMsg, Lang, Localized};
use serde_json::json;
use worker::D1Database;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::repo::consultations::{self as repo, ConsultationRow, TopicRow};
use crate::repo::{audit, batch, is_unique_violation};
use crate::secrets::token_hash;
use crate::service::library;

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

fn place_words(place: Place, lang: Lang) -> &'static str {
    match place {
        Place::Cantine => ApiMsg::PlaceCantine.text(lang),
        Place::Phone => ApiMsg::PlacePhone.text(lang),
        Place::Video => ApiMsg::PlaceVideo.text(lang),
    }
}

/// The last day to answer an offer not yet accepted.
fn answer_by(row: &ConsultationRow) -> Option<chrono::NaiveDate> {
    if row.status != ConsultationStatus::Assigned || row.accepted_at.is_some() {
        return None;
    }
    Some(rules::answer_by(paris::local_date(row.assigned_at?)))
}
