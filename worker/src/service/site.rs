//! Builds the public site content from the stored rows and today's date.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use domain::settings::{DayOpening, OpeningHours, RoomRates};
use domain::time::LocalDateTime;
use domain::wire::{
    BoardMember, Club, ClubMeeting, Contact, Partner, Resource, SiteContent, Today, TodayOpening,
    UpcomingEvent,
};
use domain::{paris, Localized};
use worker::D1Database;

use crate::error::{ApiError, Context};
use crate::repo::site::{self, SiteRows};

/// How many upcoming events the home page lists (those a visitor can come to), and meetings per
/// club.
const UPCOMING_EVENTS: u32 = 3;
const MEETINGS_PER_CLUB: usize = 3;

pub async fn load(db: &D1Database, now: DateTime<Utc>) -> Result<SiteContent, ApiError> {
    // The clubs' next meetings are read from the agenda: make them first (once a day).
    super::events::meetings_made_today(db, now).await?;
    let today = paris::local_date(now);
    let rows = site::load(
        db,
        &today.format("%Y-%m-%d").to_string(),
        &crate::repo::ts(now),
        UPCOMING_EVENTS,
    )
    .await?;
    build(rows, now)
}

fn setting<'a>(settings: &'a HashMap<String, String>, key: &str) -> Result<&'a str, ApiError> {
    settings
        .get(key)
        .map(String::as_str)
        .ok_or_else(|| ApiError::Internal(format!("setting {key} is missing")))
}

fn parse_setting<T: serde::de::DeserializeOwned>(
    settings: &HashMap<String, String>,
    key: &str,
) -> Result<T, ApiError> {
    serde_json::from_str(setting(settings, key)?).context(&format!("setting {key}"))
}

fn localized(fr: String, en: String) -> Localized<String> {
    Localized { fr, en }
}

pub fn build(rows: SiteRows, now: DateTime<Utc>) -> Result<SiteContent, ApiError> {
    let member_count = rows.member_count;
    let settings: HashMap<String, String> = rows
        .settings
        .into_iter()
        .map(|r| (r.key, r.value))
        .collect();
    let texts: HashMap<String, Localized<String>> = rows
        .texts
        .into_iter()
        .map(|r| (r.key, localized(r.fr, r.en)))
        .collect();

    let opening_hours = OpeningHours::parse_json(setting(&settings, "opening_hours")?)
        .context("setting opening_hours")?;
    let room_rates =
        RoomRates::parse_json(setting(&settings, "room_rates")?).context("setting room_rates")?;
    let local_now = paris::to_local(now);
    let today: NaiveDate = local_now.date();
    let closures = if rows.closed_today {
        vec![today]
    } else {
        vec![]
    };
    let opening = match opening_hours.on(today, &closures) {
        DayOpening::Open { open, close } => TodayOpening::Open { open, close },
        DayOpening::ClosedWeekday => TodayOpening::Closed,
        DayOpening::ClosureDay => TodayOpening::ClosureDay,
        DayOpening::Holiday(h) => TodayOpening::Holiday {
            name: localized(h.name.fr.into(), h.name.en.into()),
        },
    };

    let meetings: HashMap<i64, ClubMeeting> = rows
        .next_meetings
        .into_iter()
        .map(|m| {
            (
                m.club_id,
                ClubMeeting {
                    id: m.id,
                    starts_at: LocalDateTime(m.start_local),
                },
            )
        })
        .collect();
    let mut clubs = Vec::with_capacity(rows.clubs.len());
    for c in rows.clubs {
        let rule = c.rule()?;
        let next_meetings = rule
            .next_occurrences(local_now, MEETINGS_PER_CLUB)
            .into_iter()
            .map(LocalDateTime)
            .collect();
        clubs.push(Club {
            slug: c.slug,
            name: localized(c.name_fr, c.name_en),
            description: localized(c.description_fr, c.description_en),
            rule,
            next_meetings,
            next_meeting: meetings.get(&c.id).cloned(),
        });
    }

    let upcoming_events: Vec<UpcomingEvent> = rows
        .next_events
        .into_iter()
        .map(|e| UpcomingEvent {
            id: e.id,
            kind: e.kind,
            club: None,
            title: domain::events::fallback(e.title_fr, e.title_en),
            starts_at: LocalDateTime(e.start_local),
            ends_at: LocalDateTime(e.end_local),
        })
        .collect();

    let resources = rows
        .resources
        .into_iter()
        .map(|r| Resource {
            slug: r.slug,
            kind: r.kind,
            name: localized(r.name_fr, r.name_en),
            capacity: r.capacity,
            description: localized(r.description_fr, r.description_en),
        })
        .collect();

    Ok(SiteContent {
        name: "Silicon Kerne".into(),
        about: texts.get("about").cloned().unwrap_or_default(),
        founded_year: parse_setting(&settings, "founded_year")?,
        member_count: u32::try_from(member_count).unwrap_or(0),
        yearly_budget_cents: parse_setting(&settings, "yearly_budget_cents")?,
        membership_fee_cents: parse_setting(&settings, "membership_fee_cents")?,
        general_assembly: parse_setting(&settings, "general_assembly_date")?,
        concierge: parse_setting(&settings, "concierge_name")?,
        contact: parse_setting::<Contact>(&settings, "contact")?,
        today: Today {
            date: today,
            opening,
        },
        opening_hours,
        room_rates,
        resources,
        clubs,
        partners: rows
            .partners
            .into_iter()
            .map(|p| Partner {
                slug: p.slug,
                name: p.name,
                url: p.url,
                description: localized(p.description_fr, p.description_en),
            })
            .collect(),
        board: rows
            .board
            .into_iter()
            .map(|b| BoardMember {
                name: b.name,
                role: localized(b.role_fr, b.role_en),
            })
            .collect(),
        upcoming_events,
        children_retention_days: parse_setting(&settings, "children_retention_days")?,
        consultation_retention_days: parse_setting(&settings, "consultation_retention_days")?,
        transfer_iban: {
            let legal: domain::settings::LegalIdentity =
                parse_setting(&settings, "legal_identity")?;
            legal.iban_print()
        },
        booking_limits: {
            let rules: domain::calendar::BookingRules = parse_setting(&settings, "booking_rules")?;
            domain::wire::BookingLimits {
                horizon_days: rules.horizon_days,
                room_weekly_quota_minutes: rules.room_weekly_quota_minutes,
            }
        },
    })
}
