//! The request and response bodies of the API: serialized by the worker, read by the app and the tests.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::Localized;
use crate::recurrence::MonthlyRule;
use crate::settings::{OpeningHours, RoomRates};
use crate::time::{HhMm, LocalDateTime};

/// A machine-readable error code; the `message` beside it is for people, in their language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    BadRequest,
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    Conflict,
    RateLimited,
    Internal,
    Unavailable,
}

/// The one error body of the API: `{"code": "...", "message": "...", "fields": {"email": "..."}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApiErrorBody {
    pub code: ErrorCode,
    pub message: String,
    /// For each invalid field of the request, what is wrong with it.
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
}

/// `GET /api/health`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Health {
    pub status: String,
    pub version: String,
    /// Now, RFC 3339 with the Europe/Paris offset.
    pub time: String,
    pub database: String,
}

/// `GET /api/site`: everything the public pages show, in one cacheable response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SiteContent {
    pub name: String,
    pub about: Localized<String>,
    pub founded_year: i32,
    pub member_count: u32,
    pub yearly_budget_cents: i64,
    pub general_assembly: NaiveDate,
    pub concierge: String,
    pub contact: Contact,
    pub today: Today,
    pub opening_hours: OpeningHours,
    pub room_rates: RoomRates,
    pub resources: Vec<Resource>,
    pub clubs: Vec<Club>,
    pub partners: Vec<Partner>,
    pub board: Vec<BoardMember>,
    pub upcoming_events: Vec<UpcomingEvent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contact {
    pub address: String,
    pub email: String,
    pub phone: String,
    pub website: String,
}

/// Today in Quimper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Today {
    pub date: NaiveDate,
    pub opening: TodayOpening,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum TodayOpening {
    Open { open: HhMm, close: HhMm },
    Closed,
    Holiday { name: Localized<String> },
    ClosureDay,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    Desk,
    Room,
}

/// A bookable resource: the coworking desks (capacity = number of desks) or the meeting room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Resource {
    pub slug: String,
    pub kind: ResourceKind,
    pub name: Localized<String>,
    pub capacity: u32,
    pub description: Localized<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Club {
    pub slug: String,
    pub name: Localized<String>,
    pub description: Localized<String>,
    pub rule: MonthlyRule,
    pub next_meetings: Vec<LocalDateTime>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Partner {
    pub slug: String,
    pub name: String,
    pub url: String,
    pub description: Localized<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BoardMember {
    pub name: String,
    pub role: Localized<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    ClubMeeting,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UpcomingEvent {
    pub kind: EventKind,
    /// The club, for a club meeting.
    pub club: Option<String>,
    pub title: Localized<String>,
    pub starts_at: LocalDateTime,
    pub ends_at: LocalDateTime,
}
