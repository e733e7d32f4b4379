//! The staff's board: the requests, who to offer one to, and the moves made from it (offer,
//! appointment, close) — the appointment and the close are the volunteer's too.

use chrono::{DateTime, Duration, Utc};
use domain::accounts::{parse_required_text, parse_text, Checker};
use domain::calendar::{self, Horizon, ResourceKind, Schedule};
use domain::consultations::{
    self as rules, AssignRequest, CloseRequest, ConsultationStatus, Offer, OfferAnswer, Person,
    Place, ScheduleRequest, StaffConsultation, VolunteerLoad, VolunteerSuggestion, Volunteers,
};
use domain::time::LocalDateTime;
use domain::{paris, ApiMsg};
use worker::D1Database;

use super::moves::{self, refused, Context};
use super::{answer_by, appointment, by_id, feedback, field, CLOSED_SHOWN_DAYS};
use crate::error::ApiError;
use crate::repo::accounts;
use crate::repo::consultations::{self as repo, ConsultationRow};
use crate::service::calendar as svc;
use domain::consultation::{Actor, Command, Slot};

// ------------------------------------------------------------------ staff

/// The request as staff see it: everything. Each audience's view of a request is mapped field by
/// field in its own function (this one, `link::view` for the requester, `volunteers::mine` for the
/// volunteer), on purpose: what each may read (the requester's contact only once a volunteer
/// accepted, the staff's note never to the requester) is said where its view is made, rather than
/// hidden in a shared mapper that one day gives a field to the wrong reader.
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

/// Offer a request to `body.member_id` (or give it to them instead of `body.replaces`).
pub async fn assign(
    db: &D1Database,
    id: i64,
    body: &AssignRequest,
    staff: Actor,
    ctx: &Context<'_>,
    now: DateTime<Utc>,
) -> Result<StaffConsultation, ApiError> {
    // An unknown request is a 404 before its volunteer is looked at.
    by_id(db, id).await?;
    let Some(volunteer) = accounts::member_by_id(db, body.member_id).await? else {
        return Err(field("member_id", ApiMsg::FieldVolunteer));
    };
    let command = Command::Assign {
        to: volunteer.id,
        active: volunteer.status.as_str() == "active",
        replaces: body.replaces,
    };
    moves::change(db, id, &command, staff, ctx, now).await?;
    staff_one(db, id).await
}

/// Set (or move) the appointment: by staff or by the volunteer who accepted it. At the cantine,
/// within its opening hours, the room or desk is held in the same batch, or nothing is stored.
pub async fn schedule(
    db: &D1Database,
    id: i64,
    body: &ScheduleRequest,
    actor: Actor,
    ctx: &Context<'_>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    // Someone else's request: not theirs to read the fields of.
    by_id(db, id).await?.case()?.sees(actor).map_err(refused)?;
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
    let mut resource = None;
    if place == Some(Place::Cantine) {
        let wanted = body.resource.trim();
        let resources = crate::repo::bookings::resources(db).await?;
        match resources.iter().find(|r| r.slug == wanted) {
            None => c.fail("resource", ApiMsg::FieldConsultationResource),
            Some(r) => resource = Some(r.slug.clone()),
        }
        // Within the opening hours of an open day, like a room booking (at any distance ahead:
        // the members' booking horizon is not the volunteers').
        if let (Some(s), Some(e)) = (start, end) {
            let cfg = svc::config(db).await?;
            let closures = crate::repo::bookings::closures(db, s.date(), s.date()).await?;
            let open = calendar::check_booking(
                ResourceKind::Room,
                s,
                e,
                now,
                Schedule {
                    hours: &cfg.hours,
                    closures: &closures,
                    rules: &cfg.rules,
                },
                Horizon::Unbounded,
            );
            if let Err(why) = open {
                c.fail("start", why.message());
            }
        }
    }
    let slot = c
        .finish(|| {
            Some(Slot {
                start: start?,
                end: end?,
                place: place?,
                resource,
            })
        })
        .map_err(ApiError::Validation)?;
    moves::change(db, id, &Command::Schedule(slot), actor, ctx, now).await?;
    Ok(())
}

/// Done (with a note and recommended resources) or declined (the note is the reason): by staff,
/// either outcome, or by the volunteer who has it, done only.
pub async fn close(
    db: &D1Database,
    id: i64,
    body: &CloseRequest,
    actor: Actor,
    ctx: &Context<'_>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    // Someone else's request: not theirs to read the fields of.
    by_id(db, id).await?.case()?.sees(actor).map_err(refused)?;
    let command = match body.outcome.trim() {
        "done" => Command::Complete {
            note: parse_text(&body.note, 2000).map_err(|m| field("note", m))?,
            resources: body.resources.clone(),
        },
        // A refusal says why: the requester reads it.
        "declined" => Command::Decline {
            reason: parse_required_text(&body.note, 2000).map_err(|m| field("note", m))?,
        },
        _ => return Err(field("outcome", ApiMsg::FieldOutcome)),
    };
    moves::change(db, id, &command, actor, ctx, now).await?;
    Ok(())
}
