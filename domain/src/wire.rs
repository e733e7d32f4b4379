//! The request and response bodies of the API: serialized by the worker, read by the app and the tests.
//!
//! Every type here derives `Serialize`/`Deserialize` and `ToJson`/`FromJson` (the app's small writer
//! and reader, `crate::json`) side by side; both pairs read the same `#[serde]` attributes. A new wire
//! type must also get sample values in `domain/tests/from_json.rs`, which checks that `ToJson` writes exactly
//! what serde writes and `FromJson` reads it: its test `every_from_json_type_round_trips` fails for a
//! type that derives `FromJson` or `ToJson` without them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::events::EventKind;
use crate::i18n::Localized;
use crate::recurrence::MonthlyRule;
use crate::settings::{OpeningHours, RoomRates};
use crate::time::{HhMm, LocalDateTime};
use wire_json::{Codes, FromJson, ToJson};

/// A machine-readable error code; the `message` beside it is for people, in their language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson, Codes)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    BadRequest,
    Validation,
    Unauthorized,
    Forbidden,
    CrossSite,
    NotFound,
    MethodNotAllowed,
    Conflict,
    Gone,
    UnsupportedMediaType,
    TooLarge,
    RateLimited,
    Internal,
    Unavailable,
}

/// The one error body of the API: `{"code": "...", "message": "...", "fields": {"email": "..."}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApiErrorBody {
    pub code: ErrorCode,
    pub message: String,
    /// For each invalid field of the request, what is wrong with it.
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
}

/// `GET /api/health`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Health {
    pub status: String,
    pub version: String,
    /// Now, RFC 3339 with the Europe/Paris offset.
    pub time: String,
    pub database: String,
}

/// `GET /api/site`: everything the public pages show, in one cacheable response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SiteContent {
    pub name: String,
    pub about: Localized<String>,
    pub founded_year: i32,
    pub member_count: u32,
    pub yearly_budget_cents: i64,
    /// The yearly membership fee.
    pub membership_fee_cents: i64,
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
    /// How long after a workshop the children's first names and ages are kept (the consent a
    /// parent ticks names it).
    pub children_retention_days: u32,
    /// How long after a consultation is closed the requester's contact details are kept (the
    /// consent of the request form names it).
    pub consultation_retention_days: u32,
    /// What a member may book, said before anyone is refused.
    pub booking_limits: BookingLimits,
    /// The association's IBAN in groups of four, for a fee or a rental paid by transfer; `None`
    /// until staff set it.
    pub transfer_iban: Option<String>,
}

/// The members' booking limits, from the calendar's rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BookingLimits {
    /// How many days ahead a member may book (today + this many days is the last day).
    pub horizon_days: u32,
    /// The room, per member and per week (Monday to Sunday), in minutes.
    pub room_weekly_quota_minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contact {
    pub address: String,
    pub email: String,
    pub phone: String,
    pub website: String,
}

/// Today in Quimper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Today {
    pub date: NaiveDate,
    pub opening: TodayOpening,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum TodayOpening {
    Open { open: HhMm, close: HhMm },
    Closed,
    Holiday { name: Localized<String> },
    ClosureDay,
}

// The calendar owns the resource kinds (it decides by them); the wire re-exports them for its users.
pub use crate::calendar::ResourceKind;

/// A bookable resource: the coworking desks (capacity = number of desks) or the meeting room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Resource {
    pub slug: String,
    pub kind: ResourceKind,
    pub name: Localized<String>,
    pub capacity: u32,
    pub description: Localized<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Club {
    pub slug: String,
    pub name: Localized<String>,
    pub description: Localized<String>,
    pub rule: MonthlyRule,
    /// The rule's next dates.
    pub next_meetings: Vec<LocalDateTime>,
    /// The next meeting as it is held (an occurrence moved or cancelled by staff counts as such),
    /// when it is already in the agenda: its page is `/agenda/{id}`.
    pub next_meeting: Option<ClubMeeting>,
}

/// A club's meeting in the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClubMeeting {
    pub id: i64,
    pub starts_at: LocalDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Partner {
    pub slug: String,
    pub name: String,
    pub url: String,
    pub description: Localized<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BoardMember {
    pub name: String,
    pub role: Localized<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
/// An event a visitor can come to, on the home page (its page is `/agenda/{id}`).
pub struct UpcomingEvent {
    pub id: i64,
    pub kind: EventKind,
    /// The club, for a club meeting.
    pub club: Option<String>,
    pub title: Localized<String>,
    pub starts_at: LocalDateTime,
    pub ends_at: LocalDateTime,
}

// ------------------------------------------------------------------ accounts and membership

use crate::accounts::{MembershipStatus, PaymentMethod, Role};
use crate::i18n::Lang;

/// `POST /api/auth/login`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

/// `GET /api/me`: the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Me {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub lang: Lang,
    pub membership: MembershipStatus,
    pub phone: String,
    pub company: String,
    pub skills: Vec<String>,
    pub bio: String,
    pub in_directory: bool,
    /// Slugs of the clubs the member belongs to.
    pub clubs: Vec<String>,
}

/// `POST /api/applications`: a visitor applies to join (no account yet).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ApplicationRequest {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub company: String,
    pub skills: Vec<String>,
    pub motivation: String,
    /// Slugs of the clubs that interest the applicant.
    pub clubs: Vec<String>,
    /// Consent to the association's data policy: required.
    pub consent: bool,
    pub lang: Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    Pending,
    Approved,
    Declined,
}

/// An application, as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Application {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub company: String,
    pub skills: Vec<String>,
    pub motivation: String,
    pub clubs: Vec<String>,
    pub lang: Lang,
    pub status: ApplicationStatus,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub decline_reason: Option<String>,
}

/// `POST /api/staff/applications/{id}/decline`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct DeclineRequest {
    pub reason: String,
}

/// `POST /api/auth/invitation` and `POST /api/auth/password-reset/confirm`: a single-use token
/// from an email, and the password the person chooses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct SetPasswordRequest {
    pub token: String,
    pub password: String,
}

/// `POST /api/auth/password-reset`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct PasswordResetRequest {
    pub email: String,
}

/// A member in staff lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemberSummary {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub company: String,
    pub skills: Vec<String>,
    pub clubs: Vec<String>,
    pub role: Role,
    pub membership: MembershipStatus,
    /// False once staff deactivated the account.
    pub active: bool,
}

/// `GET /api/members/{id}` (staff): a member with their payments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemberDetail {
    pub member: MemberSummary,
    pub bio: String,
    pub in_directory: bool,
    pub created_at: String,
    pub payments: Vec<Payment>,
}

/// `POST /api/members/{id}/payments` (staff): a yearly membership fee received.
/// `POST /api/staff/applications/{id}/approve`: optionally, the first fee, paid at the desk.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApproveRequest {
    #[serde(default)]
    pub fee: Option<PaymentRequest>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PaymentRequest {
    #[serde(default)]
    pub amount_cents: i64,
    /// `YYYY-MM-DD`; not in the future.
    #[serde(default)]
    pub paid_on: String,
    /// `cash`, `cheque`, `transfer` or `card`.
    #[serde(default)]
    pub method: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Payment {
    pub id: i64,
    pub amount_cents: i64,
    pub paid_on: NaiveDate,
    pub method: PaymentMethod,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub recorded_by: String,
}

/// `PUT /api/members/{id}/role` (admin)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoleRequest {
    pub role: Role,
}

/// `PUT /api/me/profile`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ProfileUpdate {
    pub name: String,
    pub phone: String,
    pub company: String,
    pub skills: Vec<String>,
    pub bio: String,
    pub in_directory: bool,
    pub lang: Lang,
}

/// A member who chose to appear in the directory, as other members see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DirectoryEntry {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub company: String,
    pub skills: Vec<String>,
    pub bio: String,
    pub clubs: Vec<String>,
}

/// An email of the outbox, as staff read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OutboxEmail {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub body_text: String,
    pub lang: Lang,
    /// `pending`, `sent` or `failed`.
    pub status: String,
    pub kind: String,
    pub created_at: String,
    pub sent_at: Option<String>,
    /// The body shows a private link, because this portal runs locally and sends no email (staff
    /// can only follow the link from here). Online, every private link reads `••••••`.
    #[serde(default)]
    pub secret_shown: bool,
}

/// One line of the audit log: who did what to whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target_type: String,
    pub target_id: String,
    pub details: String,
    /// The entry as one sentence, in French and in English.
    pub summary: Localized<String>,
}

/// `GET /api/me/export`: everything the portal holds about the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemberExport {
    pub exported_at: String,
    pub profile: Me,
    pub payments: Vec<Payment>,
    pub applications: Vec<Application>,
    pub emails: Vec<OutboxEmail>,
    /// Every booking, past, cancelled and checked in included.
    pub bookings: Vec<Booking>,
    /// The clubs the member belongs to, by name.
    pub clubs: Vec<Club>,
    /// Whether a private calendar feed exists (its address is shown only once, never stored).
    pub calendar_feed: bool,
    /// The events the member signed up to from their area (club meetings), past ones included.
    pub events: Vec<crate::events::MemberSignup>,
}

/// `POST /api/…` answers that created something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Created {
    pub id: i64,
}

// ------------------------------------------------------------------ booking calendar

use crate::calendar::DeskPeriod;

/// `GET /api/resources`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ResourceInfo {
    pub slug: String,
    pub kind: ResourceKind,
    /// In the request's language.
    pub name: String,
    pub names: Localized<String>,
    pub capacity: u32,
    pub description: Localized<String>,
}

/// One bookable slot and the places left on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SlotAvailability {
    pub start: LocalDateTime,
    pub end: LocalDateTime,
    /// Places left: desks for the coworking space, 0 or 1 for the room (0 once it has started).
    pub free: u32,
    /// For desks: morning, afternoon or day.
    pub period: Option<DeskPeriod>,
    /// It has already started (no place is offered, and it is not "full" either).
    pub started: bool,
}

/// Free half-hours in a row from slot `i` of a day's room slots, up to the room's 4 hours: how
/// long a booking starting there can be.
pub fn free_run(slots: &[SlotAvailability], i: usize) -> usize {
    let mut n = 0;
    while i + n < slots.len()
        && n < 8
        && slots[i + n].free > 0
        && (n == 0 || slots[i + n - 1].end == slots[i + n].start)
    {
        n += 1;
    }
    n
}

/// `GET /api/availability`: one entry per day of the range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DayAvailability {
    pub date: NaiveDate,
    pub open: bool,
    pub slots: Vec<SlotAvailability>,
}

/// `POST /api/bookings`: Paris wall-clock times `YYYY-MM-DDTHH:MM`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct BookingRequest {
    pub resource: String,
    pub start: String,
    pub end: String,
    /// Staff only: book on behalf of this member.
    pub member_id: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    Confirmed,
    Cancelled,
}

impl BookingStatus {
    /// The status stored in a database row; `None` for anything else (never guessed).
    pub fn parse(s: &str) -> Option<BookingStatus> {
        match s {
            "confirmed" => Some(BookingStatus::Confirmed),
            "cancelled" => Some(BookingStatus::Cancelled),
            _ => None,
        }
    }
}

/// A member's booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Booking {
    pub id: i64,
    pub resource: String,
    pub resource_kind: ResourceKind,
    pub resource_name: Localized<String>,
    pub start: LocalDateTime,
    pub end: LocalDateTime,
    /// Instants, RFC 3339 with the Paris offset of each.
    pub starts_at: String,
    pub ends_at: String,
    pub period: Option<DeskPeriod>,
    pub status: BookingStatus,
    /// Whether the member may still cancel it (desks until the start, the room until 24 h before).
    pub can_cancel: bool,
    pub checked_in: bool,
    /// Staff closed the place during this booking (works, an event): the member should rebook.
    pub blocked: bool,
}

/// `POST /api/me/calendar-feed`: the private feed URL (shown once; a new one revokes the old).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CalendarFeed {
    pub url: String,
}

/// A booking as staff see it on the day's sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffBooking {
    pub id: i64,
    /// `member`, `rental` or `block`.
    pub kind: String,
    pub resource: String,
    pub member_id: Option<i64>,
    /// The member's name, the renting organisation, or the reason of a block.
    pub label: String,
    pub start: LocalDateTime,
    pub end: LocalDateTime,
    pub period: Option<DeskPeriod>,
    pub checked_in: bool,
    pub no_show: bool,
    /// Whether it has started (a no-show is noted only then).
    #[serde(default)]
    pub started: bool,
    /// How to reach the member or the renter (empty for a block), to warn them of a change.
    pub email: String,
    pub phone: String,
}

/// `GET /api/staff/day?date=`: who is coworking, what is booked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffDay {
    pub date: NaiveDate,
    pub desk_capacity: u32,
    pub coworkers: Vec<StaffBooking>,
    pub room: Vec<StaffBooking>,
}

/// `POST /api/staff/blocks`: close a resource for a period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct BlockRequest {
    pub resource: String,
    pub start: String,
    pub end: String,
    pub reason: String,
}

/// The block, and the bookings it covers (staff warn these people).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BlockCreated {
    pub id: i64,
    pub affected: Vec<StaffBooking>,
}

/// `GET /api/staff/blocks`: a block in force, and the bookings it covers, with how to reach each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BlockView {
    pub block: StaffBooking,
    pub affected: Vec<StaffBooking>,
}

/// Occupancy of one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OccupancyDay {
    pub date: NaiveDate,
    pub open: bool,
    pub desks_morning: u32,
    pub desks_afternoon: u32,
    pub desk_capacity: u32,
    pub room_minutes: u32,
    pub checked_in: u32,
}

/// `GET /api/staff/occupancy?from=&to=`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Occupancy {
    pub days: Vec<OccupancyDay>,
    /// Members who booked a desk on more than one day of the range.
    pub returning_coworkers: u32,
    pub distinct_coworkers: u32,
}

// ------------------------------------------------------------------ room rental

/// `POST /api/rentals`: a business asks for the room (no account).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct RentalRequest {
    pub organisation: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    /// `YYYY-MM-DD`
    pub date: String,
    /// `morning`, `afternoon` or `day`.
    pub period: String,
    pub attendees: u32,
    pub needs_visio: bool,
    pub message: String,
    pub lang: Lang,
}

/// A day the cantine closes, added by staff (public holidays are computed, never stored).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClosureDay {
    /// `YYYY-MM-DD`
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub reason_fr: String,
    #[serde(default)]
    pub reason_en: String,
}

/// `GET /api/rental-days`: whether the meeting room can be rented on a day, each half-day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RentalDay {
    pub date: NaiveDate,
    pub morning: bool,
    pub afternoon: bool,
    /// Before today: nothing can be asked for (the form says so, not "already taken").
    pub past: bool,
    /// The cantine is closed that day (a weekend, a public holiday, a closure day).
    pub closed: bool,
}

/// The answer to a rental request: the private link's token (also sent by email) and the price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RentalCreated {
    pub id: i64,
    pub token: String,
    pub price_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuoteLine {
    pub label: Localized<String>,
    pub quantity: u32,
    pub unit_cents: i64,
    pub total_cents: i64,
}

/// A quote the requester can print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    pub number: String,
    pub issued_on: NaiveDate,
    /// The offer holds until this day (30 days after it is issued).
    pub valid_until: NaiveDate,
    pub issuer: QuoteIssuer,
    pub lines: Vec<QuoteLine>,
    pub total_cents: i64,
}

/// Who issues the quote, as a French quote names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuoteIssuer {
    pub name: String,
    pub address: String,
    pub email: String,
    pub phone: String,
    /// Empty until the association has one.
    pub rna: String,
    pub siret: String,
    /// Where to pay by transfer, in groups of four; empty until it is set.
    pub iban: String,
}

/// A rental request as its requester (by private link) and staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RentalView {
    pub id: i64,
    pub organisation: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub date: NaiveDate,
    pub period: DeskPeriod,
    pub start: LocalDateTime,
    pub end: LocalDateTime,
    pub attendees: u32,
    pub needs_visio: bool,
    pub message: String,
    /// `pending`, `approved`, `declined` or `cancelled`.
    pub status: String,
    pub price_cents: i64,
    pub decline_reason: Option<String>,
    pub quote: Quote,
    pub created_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_stops_at_a_taken_slot_and_at_four_hours() {
        let at = |h: u32, m: u32| {
            LocalDateTime(
                NaiveDate::from_ymd_opt(2026, 12, 8)
                    .and_then(|d| d.and_hms_opt(h, m, 0))
                    .expect("valid"),
            )
        };
        let slot = |i: u32, free: u32| SlotAvailability {
            start: at(9 + i / 2, (i % 2) * 30),
            end: at(9 + i.div_ceil(2), ((i + 1) % 2) * 30),
            free,
            period: None,
            started: false,
        };
        let slots: Vec<_> = (0..18).map(|i| slot(i, u32::from(i != 3))).collect();
        assert_eq!(free_run(&slots, 0), 3);
        assert_eq!(free_run(&slots, 4), 8);
        assert_eq!(free_run(&slots, 3), 0);
        // A gap between two slots ends the run too.
        let gap = [slot(0, 1), slot(2, 1)];
        assert_eq!(free_run(&gap, 0), 1);
    }
}
