//! Consultations for SME owners and artisans: a business asks (no account), staff offer the request
//! to a member who volunteers on its topics, the volunteer accepts and sets an appointment, and the
//! request is closed. What a move may do is written once here ([`Move`]), and the whole change a
//! command makes is decided by the aggregate in [`crate::consultation`].
//! Also: the fair suggestion of volunteers, the retention of personal fields, and the wire types of
//! the request, its private link, the staff's board, the volunteers' list and the library.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Localized};
use crate::time::LocalDateTime;
use wire_json::{Codes, FromJson, ToJson};

/// The wording of the data policy a requester accepts; stored beside each consent with the delay
/// it named ([`consent_version`]), so a later change of the setting never changes what was agreed.
pub const CONSENT_VERSION: &str = "2026-12-consultations-v1";

/// What is stored beside a consent: the wording's version and the retention delay it named.
pub fn consent_version(retention_days: u32) -> String {
    format!("{CONSENT_VERSION};{retention_days}d")
}
/// How long a volunteer has to answer an offer, in working days (weekdays that are not public
/// holidays), before the request comes back to the board.
pub const ANSWER_WORKING_DAYS: u32 = 3;
/// The personal fields' default retention after a request is closed (a setting).
pub const DEFAULT_RETENTION_DAYS: u32 = 730;
/// The most topics one request or one volunteer names.
pub const MAX_TOPICS: usize = 10;

/// What kind of business asks.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    FromJson,
    ToJson,
    Codes,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Trade {
    Artisan,
    Shop,
    Sme,
    Liberal,
    Association,
    Other,
}

/// How many people work there: 1, 2–9, 10–49, 50 or more.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    FromJson,
    ToJson,
    Codes,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BusinessSize {
    Solo,
    Small,
    Medium,
    Large,
}

/// When the requester is available, on weekdays.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    FromJson,
    ToJson,
    Codes,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Availability {
    Mornings,
    Afternoons,
    Evenings,
}

/// Where the appointment is held.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    FromJson,
    ToJson,
    Codes,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Place {
    Cantine,
    Phone,
    Video,
}

/// Where a request stands.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    FromJson,
    ToJson,
    Codes,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConsultationStatus {
    New,
    Assigned,
    Scheduled,
    Done,
    Declined,
    Cancelled,
}

/// Why a request came back to the board.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    FromJson,
    ToJson,
    Codes,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Returned {
    Declined,
    Unanswered,
}

/// What a library resource is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    FromJson,
    ToJson,
    Codes,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LibraryKind {
    Guide,
    Checklist,
    Link,
}

/// How an offer to a volunteer ended.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    FromJson,
    ToJson,
    Codes,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfferAnswer {
    Accepted,
    Declined,
    Withdrawn,
    Unanswered,
}

impl ConsultationStatus {
    /// Still to be dealt with (new, assigned, scheduled).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ConsultationStatus::New | ConsultationStatus::Assigned | ConsultationStatus::Scheduled
        )
    }
}

/// Every change a request can go through, and who makes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Staff offer it to a volunteer, or give it to another one.
    Assign,
    /// The volunteer it is offered to takes it.
    Accept,
    /// The volunteer it is offered to (or who had it) gives it back, with a reason.
    GiveBack,
    /// Nobody answered the offer in time: back to the board.
    Expire,
    /// The volunteer who accepted it, or staff, set (or move) the appointment.
    Schedule,
    /// The requester says the appointment does not suit: a new one is to be set.
    Unsuitable,
    /// It took place (staff or the volunteer), with a note.
    Complete,
    /// Staff decline it, with a reason the requester reads.
    Decline,
    /// The requester cancels it.
    Cancel,
}

impl Move {
    pub const ALL: [Move; 9] = [
        Move::Assign,
        Move::Accept,
        Move::GiveBack,
        Move::Expire,
        Move::Schedule,
        Move::Unsuitable,
        Move::Complete,
        Move::Decline,
        Move::Cancel,
    ];

    /// The states this move starts from.
    pub fn from(self) -> &'static [ConsultationStatus] {
        use ConsultationStatus::*;
        match self {
            Move::Assign => &[New, Assigned],
            Move::Accept | Move::Expire => &[Assigned],
            Move::GiveBack => &[Assigned, Scheduled],
            Move::Schedule => &[Assigned, Scheduled],
            Move::Unsuitable => &[Scheduled],
            Move::Complete => &[Assigned, Scheduled],
            Move::Decline | Move::Cancel => &[New, Assigned, Scheduled],
        }
    }

    /// The state it leads to.
    pub fn to(self) -> ConsultationStatus {
        use ConsultationStatus::*;
        match self {
            Move::Assign | Move::Accept | Move::Unsuitable => Assigned,
            Move::GiveBack | Move::Expire => New,
            Move::Schedule => Scheduled,
            Move::Complete => Done,
            Move::Decline => Declined,
            Move::Cancel => Cancelled,
        }
    }

    /// Whether the move can start from `status`.
    pub fn allowed_from(self, status: ConsultationStatus) -> bool {
        self.from().contains(&status)
    }

    /// Whether the move can be made at `now` (Paris time) on a request in `status` whose
    /// appointment, if one is set, starts at `appointment`: a request is done only once its
    /// appointment has begun (a volunteer could mark it done a week before).
    pub fn allowed_at(
        self,
        status: ConsultationStatus,
        appointment: Option<chrono::NaiveDateTime>,
        now: chrono::NaiveDateTime,
    ) -> bool {
        self.allowed_from(status)
            && (self != Move::Complete || appointment.is_none_or(|start| start <= now))
    }
}

/// The working day `n` working days after `day` (weekends and French public holidays skipped).
pub fn add_working_days(day: NaiveDate, n: u32) -> NaiveDate {
    let mut d = day;
    let mut left = n;
    while left > 0 {
        d += Duration::days(1);
        if is_working_day(d) {
            left -= 1;
        }
    }
    d
}

pub fn is_working_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && crate::holidays::holiday_on(d).is_none()
}

/// The last day a volunteer may answer an offer made on `offered_on`: after it, the request
/// comes back to the board.
pub fn answer_by(offered_on: NaiveDate) -> NaiveDate {
    add_working_days(offered_on, ANSWER_WORKING_DAYS)
}

/// The day a closed request's personal fields are erased.
pub fn erase_on(closed_on: NaiveDate, retention_days: u32) -> NaiveDate {
    closed_on + Duration::days(i64::from(retention_days))
}

/// The first day of the month of `day` (a volunteer's monthly cap counts from it).
pub fn month_start(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// A volunteer as the suggestion sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolunteerLoad {
    pub member_id: i64,
    pub name: String,
    pub topics: Vec<String>,
    /// Consultations they have or are offered, still open.
    pub open: u32,
    /// Offers made to them this month that they did not decline.
    pub this_month: u32,
    pub monthly_cap: u32,
}

/// Volunteers to offer a request to: those with at least one of its topics, under their monthly
/// cap, who have not already given it back; the fewest open consultations first, then the most
/// topics in common, then the fewest this month, then by name. Each says why (`matched`, `open`,
/// `this_month` of `monthly_cap`).
pub fn suggest(
    topics: &[String],
    volunteers: &[VolunteerLoad],
    gave_back: &[i64],
) -> Vec<VolunteerSuggestion> {
    let mut out: Vec<VolunteerSuggestion> = volunteers
        .iter()
        .filter(|v| v.this_month < v.monthly_cap && !gave_back.contains(&v.member_id))
        .filter_map(|v| {
            let matched: Vec<String> = topics
                .iter()
                .filter(|t| v.topics.contains(t))
                .cloned()
                .collect();
            (!matched.is_empty()).then(|| VolunteerSuggestion {
                member_id: v.member_id,
                name: v.name.clone(),
                matched,
                open: v.open,
                this_month: v.this_month,
                monthly_cap: v.monthly_cap,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.open
            .cmp(&b.open)
            .then(b.matched.len().cmp(&a.matched.len()))
            .then(a.this_month.cmp(&b.this_month))
            .then(a.name.cmp(&b.name))
    });
    out
}

/// The first name of a full name, which is all a requester learns of their volunteer.
pub fn first_name(full: &str) -> String {
    full.split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

// ------------------------------------------------------------------ wire types

/// A topic of the list (`GET /api/consultation-topics`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Topic {
    pub slug: String,
    pub label: Localized<String>,
    /// Hidden topics stay on old requests and resources; the form no longer offers them.
    pub active: bool,
}

/// `POST /api/staff/consultation-topics` and `PUT /api/staff/consultation-topics/{slug}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct TopicInput {
    /// Only when creating: lower-case letters, digits and dashes.
    pub slug: String,
    pub label_fr: String,
    pub label_en: String,
    pub active: bool,
}

/// `POST /api/consultations`: what a business asks (strings are checked by the server, which
/// names each refused field).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ConsultationRequest {
    pub business: String,
    /// artisan, shop, sme, liberal, association or other.
    pub trade: String,
    /// solo, small (2–9), medium (10–49) or large (50+); empty when not given.
    pub size: String,
    pub town: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    /// Topic slugs.
    pub topics: Vec<String>,
    pub goal: String,
    /// mornings, afternoons, evenings.
    pub availability: Vec<String>,
    pub consent: bool,
    pub lang: Lang,
}

/// `201` to `POST /api/consultations`: `link` is the private page's path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConsultationCreated {
    pub status: ConsultationStatus,
    pub link: String,
}

/// A library resource in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LibraryCard {
    pub slug: String,
    pub kind: LibraryKind,
    /// `None`: every business.
    pub audience: Option<Trade>,
    /// In French, the resource's own language.
    pub title: String,
    pub summary: String,
    /// Its title and summary in English; `None`: written in French only.
    pub en: Option<CardText>,
    /// An outside guide it points to (France Num…); empty for the cantine's own.
    pub url: String,
    pub topics: Vec<String>,
}

/// A resource's title and summary in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CardText {
    pub title: String,
    pub summary: String,
}

impl LibraryCard {
    /// The title and summary to show a reader of `lang`, and whether they are in French because
    /// no English was written (the page then says so, and marks the text `lang="fr"`).
    pub fn text(&self, lang: Lang) -> (&str, &str, bool) {
        match (&self.en, lang) {
            (Some(en), Lang::En) => (&en.title, &en.summary, false),
            (None, Lang::En) => (&self.title, &self.summary, true),
            _ => (&self.title, &self.summary, false),
        }
    }
}

/// `GET /api/library/{slug}`: the resource with its body as sanitised HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LibraryItem {
    pub card: LibraryCard,
    /// Rendered from Markdown by the server and sanitised: no script, no event handler, no
    /// `javascript:` link.
    pub html: String,
    /// The English text, rendered and sanitised the same way; `None`: written in French only.
    pub html_en: Option<String>,
    /// The day it was last changed (Paris).
    pub updated_on: NaiveDate,
}

/// A resource as staff edit it: its Markdown source and whether it is published.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct LibraryInput {
    /// Lower-case letters, digits and dashes; the page's address.
    pub slug: String,
    /// guide, checklist or link.
    pub kind: String,
    /// A trade, or empty for every business.
    pub audience: String,
    pub title: String,
    pub summary: String,
    /// Markdown.
    pub body: String,
    /// The same in English: all empty for a resource written in French only; else the title and
    /// the summary, and the text when the French has one.
    pub title_en: String,
    pub summary_en: String,
    pub body_en: String,
    pub url: String,
    pub topics: Vec<String>,
    pub published: bool,
}

/// `GET /api/staff/library/{slug}`: the source, and the page as it is rendered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LibraryDraft {
    pub input: LibraryInput,
    pub html: String,
    /// The English text rendered (empty when there is none).
    pub html_en: String,
}

/// The appointment, as the requester and the volunteer see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Appointment {
    pub start: LocalDateTime,
    pub end: LocalDateTime,
    pub place: Place,
    /// At the cantine: the room or desk held, and the address.
    pub resource: Option<Localized<String>>,
    pub address: String,
}

/// The requester's timeline: the day (Paris) each step happened (`None`: not yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Timeline {
    pub received: NaiveDate,
    /// A volunteer accepted it.
    pub assigned: Option<NaiveDate>,
    pub scheduled: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
}

/// The requester's feedback, once done.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Feedback {
    pub useful: bool,
    pub comment: String,
}

/// `POST /api/consultations/{token}/unsuitable`: why the appointment does not suit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Unsuitable {
    pub message: String,
}

/// Something the requester said about the appointment (it did not suit), and the day (Paris).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Said {
    pub on: NaiveDate,
    pub message: String,
}

/// `GET /api/consultations/{token}`: the request as its author sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConsultationView {
    pub status: ConsultationStatus,
    pub business: String,
    pub trade: Trade,
    pub size: Option<BusinessSize>,
    pub town: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub topics: Vec<Topic>,
    pub goal: String,
    pub availability: Vec<Availability>,
    pub timeline: Timeline,
    /// The volunteer's first name, once they accepted.
    pub volunteer: Option<String>,
    pub appointment: Option<Appointment>,
    /// What the requester said when the appointment did not suit (until a new one is set).
    pub unsuitable: Option<String>,
    /// Everything the requester said when an appointment did not suit, oldest first.
    pub said: Vec<Said>,
    /// Why staff declined it.
    pub decline_reason: String,
    /// The volunteer's note, once done.
    pub note: String,
    /// What the volunteer recommends, once done.
    pub recommended: Vec<LibraryCard>,
    /// Resources on the request's topics.
    pub related: Vec<LibraryCard>,
    pub feedback: Option<Feedback>,
    /// The day the data policy was accepted (Paris).
    pub consented_on: NaiveDate,
    pub consent_version: String,
    /// When the personal fields will be erased (once closed).
    pub erase_on: Option<NaiveDate>,
}

/// An offer to a volunteer, as staff see it in the request's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Offer {
    pub member_id: i64,
    pub name: String,
    pub offered_on: NaiveDate,
    pub answer: Option<OfferAnswer>,
    pub reason: String,
}

/// A request on the staff's board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffConsultation {
    pub id: i64,
    pub status: ConsultationStatus,
    pub business: String,
    pub trade: Trade,
    pub size: Option<BusinessSize>,
    pub town: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub topics: Vec<String>,
    pub goal: String,
    pub availability: Vec<Availability>,
    /// The volunteer it is offered to or who has it.
    pub volunteer: Option<Person>,
    /// The volunteer accepted it.
    pub accepted: bool,
    /// The day the offer lapses if the volunteer does not answer.
    pub answer_by: Option<NaiveDate>,
    pub returned: Option<Returned>,
    pub appointment: Option<Appointment>,
    pub unsuitable: Option<String>,
    pub decline_reason: String,
    pub note: String,
    pub feedback: Option<Feedback>,
    pub offers: Vec<Offer>,
    /// The day it was received (Paris).
    pub received_on: NaiveDate,
    /// Personal fields erased (retention or the requester's request).
    pub erased: bool,
}

/// A member, by id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Person {
    pub id: i64,
    pub name: String,
}

/// How to reach a requester.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Requester {
    pub name: String,
    pub email: String,
    pub phone: String,
}

/// A volunteer staff may offer a request to, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VolunteerSuggestion {
    pub member_id: i64,
    pub name: String,
    /// The request's topics they cover.
    pub matched: Vec<String>,
    pub open: u32,
    pub this_month: u32,
    pub monthly_cap: u32,
}

/// `GET /api/staff/consultations/{id}/volunteers`: the suggestions, then every volunteer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Volunteers {
    pub suggested: Vec<VolunteerSuggestion>,
    /// Every volunteer (anyone can be chosen), by name.
    pub all: Vec<VolunteerSuggestion>,
}

/// `POST /api/staff/consultations/{id}/assign`. `replaces`: the volunteer the staff saw on it
/// (none for a new request): if someone else changed it meanwhile, the answer is a 409.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct AssignRequest {
    pub member_id: i64,
    pub replaces: Option<i64>,
}

/// `POST …/schedule`: the appointment, Paris wall clock; at the cantine, `resource` is the slug
/// of the room or desk to hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ScheduleRequest {
    /// YYYY-MM-DDTHH:MM
    pub start: String,
    pub end: String,
    /// cantine, phone or video.
    pub place: String,
    pub resource: String,
}

/// `POST …/close`: `outcome` is `done` (with the volunteer's or staff's note) or `declined` (the
/// note is the reason the requester reads).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct CloseRequest {
    pub outcome: String,
    pub note: String,
    /// Library slugs recommended to the requester.
    pub resources: Vec<String>,
}

/// `POST /api/me/consultations/{id}/decline`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct GiveBackRequest {
    pub reason: String,
}

/// A request as its volunteer sees it: the requester's contact only once accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MyConsultation {
    pub id: i64,
    pub status: ConsultationStatus,
    pub accepted: bool,
    pub answer_by: Option<NaiveDate>,
    pub business: String,
    pub trade: Trade,
    pub size: Option<BusinessSize>,
    pub town: String,
    pub topics: Vec<String>,
    pub goal: String,
    pub availability: Vec<Availability>,
    /// The requester's name, email and phone, once accepted.
    pub requester: Option<Requester>,
    pub appointment: Option<Appointment>,
    pub unsuitable: Option<String>,
    pub note: String,
}

/// `GET`/`PUT /api/me/volunteering`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Volunteering {
    pub volunteer: bool,
    pub topics: Vec<String>,
    pub monthly_cap: u32,
}

// ------------------------------------------------------------------ figures

/// How many requests had one value (a topic, a trade, a town).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tally {
    pub key: String,
    pub count: u32,
}

/// Consultations over a period: the requests received in it, where they stand now, how long they
/// waited for an appointment, and what they were about (the statistics and the funders' report).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConsultationFigures {
    pub received: u32,
    pub new: u32,
    pub assigned: u32,
    pub scheduled: u32,
    pub done: u32,
    pub declined: u32,
    pub cancelled: u32,
    /// The median number of days from a request to its appointment (those that got one).
    pub median_days_to_appointment: Option<u32>,
    /// Feedback given, and how many said it was useful.
    pub feedbacks: u32,
    pub useful: u32,
    /// Most first; a topic's key is its slug, a trade's its code, a town as first written.
    pub by_topic: Vec<Tally>,
    pub by_trade: Vec<Tally>,
    pub by_town: Vec<Tally>,
}

/// One request as the figures see it (never its people).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsultationFact {
    pub received: NaiveDate,
    pub status: ConsultationStatus,
    pub trade: Trade,
    pub town: String,
    pub topics: Vec<String>,
    /// The appointment's day, when one was set.
    pub appointment: Option<NaiveDate>,
    pub useful: Option<bool>,
}

/// `values` counted, most first, then by key; keys compared without case or surrounding spaces,
/// the first spelling kept.
fn tally<'a>(values: impl Iterator<Item = &'a str>) -> Vec<Tally> {
    let mut out: Vec<Tally> = Vec::new();
    for v in values {
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        match out
            .iter_mut()
            .find(|t| t.key.to_lowercase() == v.to_lowercase())
        {
            Some(t) => t.count += 1,
            None => out.push(Tally {
                key: v.to_string(),
                count: 1,
            }),
        }
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));
    out
}

/// The median of whole numbers (the lower middle one for an even count).
pub fn median(mut values: Vec<u32>) -> Option<u32> {
    values.sort_unstable();
    let n = values.len();
    (n > 0).then(|| values[(n - 1) / 2])
}

impl ConsultationFigures {
    /// The figures of the requests received from `from` to `to`.
    pub fn of(facts: &[ConsultationFact], from: NaiveDate, to: NaiveDate) -> ConsultationFigures {
        let inside: Vec<&ConsultationFact> = facts
            .iter()
            .filter(|f| f.received >= from && f.received <= to)
            .collect();
        let count = |s: ConsultationStatus| {
            u32::try_from(inside.iter().filter(|f| f.status == s).count()).unwrap_or(u32::MAX)
        };
        let n = |k: usize| u32::try_from(k).unwrap_or(u32::MAX);
        ConsultationFigures {
            received: n(inside.len()),
            new: count(ConsultationStatus::New),
            assigned: count(ConsultationStatus::Assigned),
            scheduled: count(ConsultationStatus::Scheduled),
            done: count(ConsultationStatus::Done),
            declined: count(ConsultationStatus::Declined),
            cancelled: count(ConsultationStatus::Cancelled),
            median_days_to_appointment: median(
                inside
                    .iter()
                    .filter_map(|f| f.appointment.map(|a| (a - f.received).num_days()))
                    .filter_map(|d| u32::try_from(d).ok())
                    .collect(),
            ),
            feedbacks: n(inside.iter().filter(|f| f.useful.is_some()).count()),
            useful: n(inside.iter().filter(|f| f.useful == Some(true)).count()),
            by_topic: tally(
                inside
                    .iter()
                    .flat_map(|f| f.topics.iter().map(String::as_str)),
            ),
            by_trade: tally(inside.iter().map(|f| f.trade.as_str())),
            by_town: tally(inside.iter().map(|f| f.town.as_str())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resource_in_french_only_is_read_in_french_and_says_so() {
        let french = LibraryCard {
            slug: "sauvegardes".into(),
            kind: LibraryKind::Guide,
            audience: None,
            title: "Sauvegarder".into(),
            summary: "Trois copies.".into(),
            en: None,
            url: String::new(),
            topics: vec![],
        };
        assert_eq!(
            french.text(Lang::Fr),
            ("Sauvegarder", "Trois copies.", false)
        );
        assert_eq!(
            french.text(Lang::En),
            ("Sauvegarder", "Trois copies.", true)
        );
        let both = LibraryCard {
            en: Some(CardText {
                title: "Back up".into(),
                summary: "Three copies.".into(),
            }),
            ..french
        };
        assert_eq!(both.text(Lang::En), ("Back up", "Three copies.", false));
        assert_eq!(both.text(Lang::Fr), ("Sauvegarder", "Trois copies.", false));
    }

    #[test]
    fn a_request_is_done_only_once_its_appointment_has_begun() {
        let at = |d: u32, h: u32| {
            NaiveDate::from_ymd_opt(2026, 12, d)
                .and_then(|d| d.and_hms_opt(h, 0, 0))
                .expect("a time")
        };
        let (monday_14, tuesday_9) = (at(14, 14), at(15, 9));
        let scheduled = ConsultationStatus::Scheduled;
        assert!(!Move::Complete.allowed_at(scheduled, Some(monday_14), at(7, 10)));
        assert!(Move::Complete.allowed_at(scheduled, Some(monday_14), at(14, 14)));
        assert!(Move::Complete.allowed_at(scheduled, Some(monday_14), tuesday_9));
        // Without an appointment (settled by phone), and for every other move, time does not count.
        assert!(Move::Complete.allowed_at(ConsultationStatus::Assigned, None, at(7, 10)));
        assert!(Move::Schedule.allowed_at(scheduled, Some(monday_14), at(7, 10)));
        assert!(!Move::Complete.allowed_at(ConsultationStatus::Done, None, tuesday_9));
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a test date")
    }

    #[test]
    fn every_move_starts_only_from_its_states() {
        use ConsultationStatus::*;
        // (move, the states it is allowed from), written out by hand.
        let allowed: [(Move, &[ConsultationStatus]); 9] = [
            (Move::Assign, &[New, Assigned]),
            (Move::Accept, &[Assigned]),
            (Move::GiveBack, &[Assigned, Scheduled]),
            (Move::Expire, &[Assigned]),
            (Move::Schedule, &[Assigned, Scheduled]),
            (Move::Unsuitable, &[Scheduled]),
            (Move::Complete, &[Assigned, Scheduled]),
            (Move::Decline, &[New, Assigned, Scheduled]),
            (Move::Cancel, &[New, Assigned, Scheduled]),
        ];
        for (m, states) in allowed {
            for s in ConsultationStatus::ALL {
                assert_eq!(m.allowed_from(s), states.contains(&s), "{m:?} from {s:?}");
            }
        }
        // Closed requests never move again.
        for m in Move::ALL {
            for s in [Done, Declined, Cancelled] {
                assert!(!m.allowed_from(s), "{m:?} moved a closed request");
            }
        }
    }

    #[test]
    fn open_requests_are_the_three_before_closing() {
        use ConsultationStatus::*;
        assert!(!Done.is_open() && !Declined.is_open() && !Cancelled.is_open());
        assert!(New.is_open() && Assigned.is_open() && Scheduled.is_open());
    }

    #[test]
    fn codes_read_back_what_they_write_and_refuse_the_rest() {
        for t in Trade::ALL {
            assert_eq!(Trade::parse(t.as_str()), Some(t));
        }
        for s in ConsultationStatus::ALL {
            assert_eq!(ConsultationStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(Trade::parse("plumber"), None);
        assert_eq!(Place::parse("Cantine"), None);
        assert_eq!(
            serde_json::to_string(&BusinessSize::Medium).expect("serde writes codes"),
            "\"medium\""
        );
    }

    #[test]
    fn an_offer_lapses_after_three_working_days() {
        // Friday 4 December 2026: Monday, Tuesday, Wednesday.
        assert_eq!(answer_by(d("2026-12-04")), d("2026-12-09"));
        // Wednesday 23 December: Thursday 24, (Christmas) Monday 28, Tuesday 29.
        assert_eq!(answer_by(d("2026-12-23")), d("2026-12-29"));
        // An offer made on a Saturday counts from Monday.
        assert_eq!(answer_by(d("2026-12-05")), d("2026-12-09"));
        assert!(!is_working_day(d("2027-05-01")));
    }

    #[test]
    fn personal_fields_go_after_the_retention_delay() {
        assert_eq!(erase_on(d("2026-12-05"), 730), d("2028-12-04"));
        assert_eq!(erase_on(d("2026-12-05"), 1), d("2026-12-06"));
        assert_eq!(month_start(d("2026-12-31")), d("2026-12-01"));
    }

    fn v(id: i64, name: &str, topics: &[&str], open: u32, month: u32, cap: u32) -> VolunteerLoad {
        VolunteerLoad {
            member_id: id,
            name: name.into(),
            topics: topics.iter().map(|t| t.to_string()).collect(),
            open,
            this_month: month,
            monthly_cap: cap,
        }
    }

    #[test]
    fn suggestions_match_a_topic_and_share_the_work_fairly() {
        let topics = vec!["website".to_string(), "online-shop".to_string()];
        let volunteers = [
            v(1, "Anne", &["website"], 2, 2, 4),
            v(2, "Bruno", &["website", "online-shop"], 2, 1, 4),
            v(3, "Chloé", &["online-shop"], 0, 0, 2),
            v(4, "Denis", &["invoicing"], 0, 0, 4),
            v(5, "Elen", &["website"], 0, 3, 3),
            v(6, "Fañch", &["website"], 1, 1, 4),
            v(7, "Gwen", &["online-shop"], 0, 0, 2),
        ];
        let got = suggest(&topics, &volunteers, &[7]);
        let ids: Vec<i64> = got.iter().map(|s| s.member_id).collect();
        // Denis has no topic in common, Elen is at her cap, Gwen gave it back already; fewest
        // open first, then more topics in common (Bruno before Anne), then by name.
        assert_eq!(ids, vec![3, 6, 2, 1]);
        assert_eq!(got[2].matched, vec!["website", "online-shop"]);
        assert_eq!(
            (got[0].open, got[0].this_month, got[0].monthly_cap),
            (0, 0, 2)
        );
        assert!(suggest(&["other".into()], &volunteers, &[]).is_empty());
    }

    #[test]
    fn a_requester_learns_only_the_first_name() {
        assert_eq!(first_name("Anne Guéguen"), "Anne");
        assert_eq!(first_name("  "), "");
    }

    fn fact(
        received: &str,
        status: ConsultationStatus,
        trade: Trade,
        town: &str,
        topics: &[&str],
        appointment: Option<&str>,
        useful: Option<bool>,
    ) -> ConsultationFact {
        ConsultationFact {
            received: d(received),
            status,
            trade,
            town: town.into(),
            topics: topics.iter().map(|t| t.to_string()).collect(),
            appointment: appointment.map(d),
            useful,
        }
    }

    #[test]
    fn figures_count_the_period_and_the_median_wait() {
        use ConsultationStatus::*;
        let facts = [
            fact(
                "2026-11-02",
                Done,
                Trade::Artisan,
                "Quimper",
                &["website", "invoicing"],
                Some("2026-11-09"),
                Some(true),
            ),
            fact(
                "2026-11-03",
                Done,
                Trade::Shop,
                "quimper ",
                &["website"],
                Some("2026-11-05"),
                Some(false),
            ),
            fact(
                "2026-11-10",
                Scheduled,
                Trade::Artisan,
                "Briec",
                &["invoicing"],
                Some("2026-11-30"),
                None,
            ),
            fact(
                "2026-11-20",
                New,
                Trade::Sme,
                "Briec",
                &["website"],
                None,
                None,
            ),
            fact(
                "2026-11-25",
                Cancelled,
                Trade::Artisan,
                "Quimper",
                &["other"],
                None,
                None,
            ),
            // Outside the period.
            fact(
                "2026-10-31",
                Done,
                Trade::Artisan,
                "Quimper",
                &["website"],
                Some("2026-11-01"),
                Some(true),
            ),
        ];
        let f = ConsultationFigures::of(&facts, d("2026-11-01"), d("2026-11-30"));
        assert_eq!(
            (
                f.received,
                f.new,
                f.scheduled,
                f.done,
                f.cancelled,
                f.declined,
                f.assigned
            ),
            (5, 1, 1, 2, 1, 0, 0)
        );
        // Waits of 7, 2 and 20 days: the median is 7.
        assert_eq!(f.median_days_to_appointment, Some(7));
        assert_eq!((f.feedbacks, f.useful), (2, 1));
        let pairs = |t: &[Tally]| {
            t.iter()
                .map(|t| (t.key.clone(), t.count))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            pairs(&f.by_topic),
            vec![
                ("website".into(), 3),
                ("invoicing".into(), 2),
                ("other".into(), 1)
            ]
        );
        assert_eq!(
            pairs(&f.by_trade),
            vec![("artisan".into(), 3), ("shop".into(), 1), ("sme".into(), 1)]
        );
        // Towns are counted whatever their case; the first spelling is kept.
        assert_eq!(
            pairs(&f.by_town),
            vec![("Quimper".into(), 3), ("Briec".into(), 2)]
        );
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![4, 1]), Some(1));
        assert_eq!(
            ConsultationFigures::of(&facts, d("2025-01-01"), d("2025-01-31"))
                .median_days_to_appointment,
            None
        );
    }
}
