//! The volunteers' side: their requests, accepting or giving one back, and their volunteering.

use chrono::{DateTime, Duration, Utc};
use domain::accounts::{parse_required_text, Checker};
use domain::consultations::{self as rules, MyConsultation, Requester, Volunteering};
use domain::{paris, ApiMsg};
use worker::D1Database;

use super::moves::{self, Context};
use super::{answer_by, appointment, by_id, field, CLOSED_SHOWN_DAYS};
use crate::error::ApiError;
use crate::repo::batch;
use crate::repo::consultations::{self as repo, ConsultationRow};
use crate::service::calendar as svc;
use crate::service::library::known_topics;
use domain::consultation::{Actor, Command};

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

/// The volunteer it is offered to takes it (twice is the same answer).
pub async fn accept(
    db: &D1Database,
    id: i64,
    me: Actor,
    ctx: &Context<'_>,
    now: DateTime<Utc>,
) -> Result<MyConsultation, ApiError> {
    let moved = moves::change(db, id, &Command::Accept, me, ctx, now).await?;
    Ok(mine(&moved.row, &svc::config(db).await?.address))
}

/// The volunteer gives it back (before or after accepting), with a reason staff read; it returns
/// to the board, and what an appointment held is freed.
pub async fn give_back(
    db: &D1Database,
    id: i64,
    me: Actor,
    reason: &str,
    ctx: &Context<'_>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let reason = parse_required_text(reason, 500).map_err(|m| field("reason", m))?;
    moves::change(db, id, &Command::GiveBack { reason }, me, ctx, now).await?;
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
