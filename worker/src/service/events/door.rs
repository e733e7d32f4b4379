//! The staff's side of an event's sign-ups: the list (confirmed, waiting in order, cancelled), the
//! CSV for French spreadsheets, and check-in at the door.

use chrono::{DateTime, Utc};
use domain::events::{EventRegistrations, RegistrationStatus, StaffRegistration};
use domain::i18n::{fill, format_date_long};
use domain::{paris, ApiMsg, Lang, Localized};
use worker::D1Database;

use super::book::{self, Loaded};
use super::view;
use crate::error::ApiError;
use crate::repo::events::{self as repo, ChildRow, EventRow, RegistrationRow};

/// A sign-up as the door's list shows it. The family's own view (`signups::registration_view`)
/// is mapped apart, like each audience's view of a consultation: what each reader may see is said
/// where its view is made.
fn staff_row(loaded: &Loaded, r: &RegistrationRow, children: &[ChildRow]) -> StaffRegistration {
    StaffRegistration {
        id: r.id,
        name: r.name.clone(),
        email: r.email.clone(),
        phone: r.phone.clone(),
        adults: r.adults,
        children: r.children,
        named_children: children
            .iter()
            .filter(|c| c.registration_id == r.id)
            .map(|c| c.child())
            .collect(),
        seats_requested: r.seats_requested,
        seats: r.seats,
        status: r.status,
        position: loaded.position(r),
        accept_fewer: r.accept_fewer,
        consent_photos: r.consent_photos,
        present: r.present,
        member: r.member_id.is_some(),
        created_at: r.created_at.clone(),
    }
}

fn order(s: RegistrationStatus) -> u8 {
    match s {
        RegistrationStatus::Confirmed => 0,
        RegistrationStatus::Waiting => 1,
        RegistrationStatus::Cancelled => 2,
    }
}

pub async fn registrations(
    db: &D1Database,
    event_id: i64,
    now: DateTime<Utc>,
) -> Result<EventRegistrations, ApiError> {
    let loaded = book::load(db, event_id, now).await?;
    let children = repo::children_of_event(db, event_id).await?;
    let mut rows: Vec<&RegistrationRow> = loaded.registrations.iter().collect();
    rows.sort_by_key(|r| (order(r.status), r.id));
    let confirmed = rows
        .iter()
        .filter(|r| r.status == RegistrationStatus::Confirmed);
    Ok(EventRegistrations {
        event: view(&loaded.event, now),
        seats_confirmed: confirmed.clone().map(|r| r.seats).sum(),
        adults: confirmed.clone().map(|r| r.adults).sum(),
        children: confirmed.clone().map(|r| r.children).sum(),
        present: confirmed.filter_map(|r| r.present).sum(),
        registrations: rows
            .iter()
            .map(|r| staff_row(&loaded, r, &children))
            .collect(),
    })
}

/// The sign-ups as a spreadsheet French Excel and LibreOffice open as they are: UTF-8 with a BOM,
/// `;` between cells, RFC 4180 quoting; column titles and words in the staff's language.
pub fn csv(list: &EventRegistrations, lang: Lang) -> Result<Vec<u8>, ApiError> {
    let t = |m: ApiMsg| m.text(lang);
    let mut w = crate::spreadsheet::Spreadsheet::new();
    {
        let status = |s: RegistrationStatus| match s {
            RegistrationStatus::Confirmed => t(ApiMsg::CsvConfirmed),
            RegistrationStatus::Waiting => t(ApiMsg::CsvWaiting),
            RegistrationStatus::Cancelled => t(ApiMsg::CsvCancelled),
        };
        w.row([
            t(ApiMsg::CsvName),
            t(ApiMsg::CsvEmail),
            t(ApiMsg::CsvPhone),
            t(ApiMsg::CsvStatus),
            t(ApiMsg::CsvPosition),
            t(ApiMsg::CsvSeats),
            t(ApiMsg::CsvAdults),
            t(ApiMsg::CsvChildren),
            t(ApiMsg::CsvChildNames),
            t(ApiMsg::CsvPhotos),
            t(ApiMsg::CsvPresent),
            t(ApiMsg::CsvEvent),
            t(ApiMsg::CsvDate),
        ])?;
        let title = list.event.title.get(lang);
        let date = format_date_long(list.event.starts_at.0.date(), lang);
        let time = list.event.starts_at.0.format("%H:%M").to_string();
        let when = format!("{date} {time}");
        // A cancelled sign-up's name and address are erased with it: nothing to list.
        for r in list
            .registrations
            .iter()
            .filter(|r| r.status != RegistrationStatus::Cancelled)
        {
            let children = r
                .named_children
                .iter()
                .map(|c| {
                    fill(
                        t(ApiMsg::CsvChildAge),
                        &[("first_name", &c.first_name), ("age", &c.age.to_string())],
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            w.row([
                r.name.as_str(),
                r.email.as_str(),
                &domain::privacy::spreadsheet_phone(&r.phone),
                status(r.status),
                &r.position.map(|p| p.to_string()).unwrap_or_default(),
                &(if r.status == RegistrationStatus::Waiting {
                    r.seats_requested
                } else {
                    r.seats
                })
                .to_string(),
                &r.adults.to_string(),
                &r.children.to_string(),
                &children,
                if r.consent_photos {
                    t(ApiMsg::CsvYes)
                } else {
                    t(ApiMsg::CsvNo)
                },
                &r.present.map(|p| p.to_string()).unwrap_or_default(),
                title.as_str(),
                &when,
            ])?;
        }
    }
    w.finish()
}

/// Check-in is open on the event's days only: any other day is a 409 naming the day it opens.
fn door_is_open(e: &EventRow, now: DateTime<Utc>) -> Result<(), ApiError> {
    if domain::events::door_open(e.start_local, e.end_local, paris::to_local(now).date()) {
        return Ok(());
    }
    let day = |lang| format_date_long(e.start_local.date(), lang);
    let text = |lang| fill(ApiMsg::ErrDoorNotOpen.text(lang), &[("date", &day(lang))]);
    Err(ApiError::ConflictText(Localized {
        fr: text(Lang::Fr),
        en: text(Lang::En),
    }))
}

/// At the door: how many of a confirmed group came (at most its confirmed seats).
pub async fn check_in(
    db: &D1Database,
    id: i64,
    present: u32,
    now: DateTime<Utc>,
) -> Result<StaffRegistration, ApiError> {
    let r = repo::registration_by_id(db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if r.status != RegistrationStatus::Confirmed {
        return Err(ApiError::Conflict(ApiMsg::ErrRegistrationCancelled));
    }
    door_is_open(&super::event(db, r.event_id).await?, now)?;
    if present > r.seats {
        return Err(ApiError::Validation(vec![(
            "present".into(),
            ApiMsg::FieldSeats,
        )]));
    }
    crate::repo::run(
        repo::check_in(db, id, present, now)?,
        "checking the sign-up in",
    )
    .await?;
    row_of(db, r.event_id, id, now).await
}

/// Undo a check-in made by mistake: the group is back to "not pointed yet".
pub async fn undo_check_in(
    db: &D1Database,
    id: i64,
    now: DateTime<Utc>,
) -> Result<StaffRegistration, ApiError> {
    let r = repo::registration_by_id(db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    door_is_open(&super::event(db, r.event_id).await?, now)?;
    crate::repo::run(repo::undo_check_in(db, id)?, "undoing the check-in").await?;
    row_of(db, r.event_id, id, now).await
}

async fn row_of(
    db: &D1Database,
    event_id: i64,
    id: i64,
    now: DateTime<Utc>,
) -> Result<StaffRegistration, ApiError> {
    let loaded = book::load(db, event_id, now).await?;
    let r = loaded.registration(id).ok_or(ApiError::NotFound)?;
    Ok(staff_row(&loaded, r, &repo::children_of(db, id).await?))
}
