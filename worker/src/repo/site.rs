//! The public content: settings, clubs, partners, board, resources, today's closure.

use chrono::NaiveDateTime;
use domain::events::EventKind;
use serde::Deserialize;
use worker::{D1Database, D1Type};

use super::{batch, column, parse_local, results_of, DbResult};
use crate::error::Context;

const SETTINGS: &str = "SELECT key, value FROM settings";
const TEXTS: &str = "SELECT key, fr, en FROM site_texts";
const CLUBS: &str = "SELECT id, slug, name_fr, name_en, description_fr, description_en, rule_ordinal, rule_weekday, rule_time, \
     duration_minutes FROM clubs WHERE active = 1 ORDER BY sort, slug";
const PARTNERS: &str =
    "SELECT slug, name, url, description_fr, description_en FROM partners WHERE active = 1 ORDER BY sort, name";
const BOARD: &str = "SELECT name, role_fr, role_en FROM board_members ORDER BY sort, name";
const CLOSURE: &str = "SELECT date FROM closure_days WHERE date = ?1";
/// The adhérents today (`?1`), as everywhere the portal counts members ([`super::adherent_on`]).
fn member_count() -> String {
    format!(
        "SELECT COUNT(*) AS n FROM members m WHERE {}",
        super::adherent_on("m", "?1")
    )
}

/// The next events a visitor can come to (published, not members-only), for the home page.
const NEXT_EVENTS: &str = "SELECT id, kind, title_fr, title_en, start_local, end_local FROM events \
     WHERE status = 'published' AND audience <> 'members' AND start_utc > ?1 ORDER BY start_utc, id LIMIT ?2";

/// Each club's next meeting as held: published, not over, in date order (a moved occurrence at
/// its new time, a cancelled one skipped).
const NEXT_MEETINGS: &str = "SELECT club_id, id, start_local FROM (SELECT club_id, id, start_local, \
     ROW_NUMBER() OVER (PARTITION BY club_id ORDER BY start_utc, id) AS n FROM events \
     WHERE kind = 'club_meeting' AND club_id IS NOT NULL AND status = 'published' AND end_utc > ?1) WHERE n = 1";

column!(fn event_kind: EventKind = "events.kind", EventKind::parse);
column!(fn event_local: NaiveDateTime = "events.start_local/end_local", parse_local);

#[derive(Deserialize)]
pub struct NextEventRow {
    pub id: i64,
    #[serde(deserialize_with = "event_kind")]
    pub kind: EventKind,
    pub title_fr: String,
    pub title_en: String,
    #[serde(deserialize_with = "event_local")]
    pub start_local: NaiveDateTime,
    #[serde(deserialize_with = "event_local")]
    pub end_local: NaiveDateTime,
}

#[derive(Deserialize)]
pub struct NextMeetingRow {
    pub club_id: i64,
    pub id: i64,
    #[serde(deserialize_with = "event_local")]
    pub start_local: NaiveDateTime,
}

#[derive(Deserialize)]
struct Count {
    n: i64,
}

#[derive(Deserialize)]
pub struct SettingRow {
    pub key: String,
    pub value: String,
}

#[derive(Deserialize)]
pub struct TextRow {
    pub key: String,
    pub fr: String,
    pub en: String,
}

#[derive(Deserialize)]
pub struct ClubRow {
    pub id: i64,
    pub slug: String,
    pub name_fr: String,
    pub name_en: String,
    pub description_fr: String,
    pub description_en: String,
    pub rule_ordinal: i64,
    pub rule_weekday: i64,
    pub rule_time: String,
    pub duration_minutes: i64,
}

impl ClubRow {
    /// The club's monthly meeting rule; a stored rule this version does not know is an error.
    pub fn rule(&self) -> DbResult<domain::recurrence::MonthlyRule> {
        let bad =
            || crate::error::ApiError::Internal(format!("club {} has an invalid rule", self.slug));
        let time = domain::time::HhMm::parse(&self.rule_time).map_err(|_| bad())?;
        domain::recurrence::MonthlyRule::new(
            i8::try_from(self.rule_ordinal).map_err(|_| bad())?,
            u8::try_from(self.rule_weekday).map_err(|_| bad())?,
            time,
            u32::try_from(self.duration_minutes).map_err(|_| bad())?,
        )
        .map_err(|_| bad())
    }
}

/// The active clubs, in the site's order.
pub async fn clubs(db: &D1Database) -> DbResult<Vec<ClubRow>> {
    super::all(db.prepare(CLUBS), "the clubs").await
}

#[derive(Deserialize)]
pub struct PartnerRow {
    pub slug: String,
    pub name: String,
    pub url: String,
    pub description_fr: String,
    pub description_en: String,
}

#[derive(Deserialize)]
pub struct BoardRow {
    pub name: String,
    pub role_fr: String,
    pub role_en: String,
}

pub use super::bookings::{ResourceRow, RESOURCES};

#[derive(Deserialize)]
pub struct DateRow {
    #[expect(dead_code, reason = "read to know the row exists")]
    pub date: String,
}

pub struct SiteRows {
    pub settings: Vec<SettingRow>,
    pub texts: Vec<TextRow>,
    pub clubs: Vec<ClubRow>,
    pub partners: Vec<PartnerRow>,
    pub board: Vec<BoardRow>,
    pub resources: Vec<ResourceRow>,
    pub closed_today: bool,
    pub member_count: i64,
    pub next_events: Vec<NextEventRow>,
    pub next_meetings: Vec<NextMeetingRow>,
}

/// Everything in one round trip to D1 (one batch, read in one consistent snapshot).
/// `today` is the Paris day, `now` the instant (UTC, stored form), `events` how many of the next
/// events to read.
pub async fn load(db: &D1Database, today: &str, now: &str, events: u32) -> DbResult<SiteRows> {
    let closure = db
        .prepare(CLOSURE)
        .bind_refs([&D1Type::Text(today)])
        .context("binding today's date")?;
    let next = db
        .prepare(NEXT_EVENTS)
        .bind_refs([&D1Type::Text(now), &D1Type::Integer(events as i32)])
        .context("binding the next events' bounds")?;
    let meetings = db
        .prepare(NEXT_MEETINGS)
        .bind_refs([&D1Type::Text(now)])
        .context("binding the meetings' bound")?;
    let members = db
        .prepare(member_count())
        .bind_refs([&D1Type::Text(today)])
        .context("binding today's date")?;
    let statements = vec![
        db.prepare(SETTINGS),
        db.prepare(TEXTS),
        db.prepare(CLUBS),
        db.prepare(PARTNERS),
        db.prepare(BOARD),
        db.prepare(RESOURCES),
        closure,
        members,
        next,
        meetings,
    ];
    let results = batch(db, statements, "loading the site content").await?;
    Ok(SiteRows {
        settings: results_of(&results, 0, "the settings")?,
        texts: results_of(&results, 1, "the site texts")?,
        clubs: results_of(&results, 2, "the clubs")?,
        partners: results_of(&results, 3, "the partners")?,
        board: results_of(&results, 4, "the board")?,
        resources: results_of(&results, 5, "the resources")?,
        closed_today: !results_of::<DateRow>(&results, 6, "today's closure")?.is_empty(),
        member_count: results_of::<Count>(&results, 7, "the member count")?
            .first()
            .map(|c| c.n)
            .unwrap_or(0),
        next_events: results_of(&results, 8, "the next events")?,
        next_meetings: results_of(&results, 9, "the clubs' next meetings")?,
    })
}
