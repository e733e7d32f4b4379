//! Every endpoint of the API, described once: its method, its path, the JSON body it takes and the
//! answer it gives, as types. The worker's route table is built on these (adding who may call, the
//! limits and the documentation), and the app calls them through one generic function, so the two
//! cannot drift apart: a path or a type changed here changes both, and the compiler says where.
//!
//! A body of `()` is none; an answer of `()` is an empty one (204, 202), and [`File`] one the app
//! never reads: a file or a document it offers as a link.
//!
//! Not here yet: the query parameters (`?from=&to=`, a search's filters). The worker documents them
//! with its route (`Route::query`) and reads them into its own structs; the app names them in
//! `Call::query`. A typed query beside the body is the next step.

use std::fmt::Display;
use std::marker::PhantomData;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::assembly::{
    AnswerInput, AssemblyDoor, AssemblyInput, AssemblyView, BoardSeat, CandidacyInput, CloseInput,
    DoorCheck, Minutes, MyAssembly, MyAssemblyCard, PublishedBallot, RoleInput, StaffAssembly,
    VoteCast, VoteInput,
};
use crate::consultations::{
    AssignRequest, CloseRequest, ConsultationCreated, ConsultationRequest, ConsultationView,
    Feedback, GiveBackRequest, LibraryCard, LibraryDraft, LibraryInput, LibraryItem,
    MyConsultation, ScheduleRequest, StaffConsultation, Topic, TopicInput, Unsuitable,
    Volunteering, Volunteers,
};
use crate::events::{
    CheckIn, EventInput, EventRegistrations, EventView, MyEvent, RegistrationRequest,
    RegistrationView, SeatsChange, SignUpAnswer, StaffRegistration,
};
use crate::recurrence::MonthlyRule;
use crate::settings::{Setting, SettingValue};
use crate::stats::{Report, ReportText, Stats, TodayStats};
use crate::wire::{
    Application, ApplicationRequest, ApproveRequest, AuditEntry, BlockCreated, BlockRequest,
    BlockView, Booking, BookingRequest, CalendarFeed, ClosureDay, Created, DayAvailability,
    DeclineRequest, DirectoryEntry, Health, LoginRequest, Me, MemberDetail, MemberExport,
    MemberSummary, Occupancy, OutboxEmail, PasswordResetRequest, Payment, PaymentRequest,
    ProfileUpdate, RentalCreated, RentalDay, RentalRequest, RentalView, ResourceInfo, RoleRequest,
    SetPasswordRequest, SiteContent, StaffDay,
};

/// An HTTP method the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// The answer of an endpoint the app only links to (an iCalendar file, a CSV, a JSON export, the
/// OpenAPI document): the browser opens or saves it, nothing decodes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct File;

/// One endpoint: its method, its path with `{name}` segments, its operation's name, and (as types
/// only) the body `B` it takes and the answer `A` it gives.
pub struct Endpoint<B, A> {
    pub method: Method,
    pub path: &'static str,
    pub name: &'static str,
    types: PhantomData<fn(B) -> A>,
}

// By hand: a derive would ask `B` and `A` to be `Copy` too.
impl<B, A> Clone for Endpoint<B, A> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<B, A> Copy for Endpoint<B, A> {}

impl<B, A> Endpoint<B, A> {
    const fn new(method: Method, path: &'static str, name: &'static str) -> Self {
        Endpoint {
            method,
            path,
            name,
            types: PhantomData,
        }
    }

    /// A call to it with a query (see [`query_string`]): an endpoint without `{name}` segments.
    pub fn query(self, pairs: &[(&str, &str)]) -> Call<B, A> {
        self.at(&[]).query(pairs)
    }

    /// A call to it, its `{name}` segments filled in order with `args` (percent-encoded).
    pub fn at(self, args: &[&dyn Display]) -> Call<B, A> {
        Call {
            method: self.method,
            url: fill(self.path, args),
            types: PhantomData,
        }
    }
}

/// A call to an endpoint whose `{name}` segments are filled: its method and its address.
pub struct Call<B, A> {
    pub method: Method,
    pub url: String,
    types: PhantomData<fn(B) -> A>,
}

/// An endpoint with no `{name}` segment is called at its path.
impl<B, A> From<Endpoint<B, A>> for Call<B, A> {
    fn from(endpoint: Endpoint<B, A>) -> Self {
        endpoint.at(&[])
    }
}

impl<B, A> Call<B, A> {
    /// With `?name=value&…` from the pairs whose value is not blank (see [`query_string`]).
    pub fn query(mut self, pairs: &[(&str, &str)]) -> Self {
        self.url.push_str(&query_string(pairs));
        self
    }
}

/// `?name=value&…` from the pairs whose value is not blank, values trimmed and percent-encoded:
/// the empty fields of a search form ask for nothing. Empty when every value is blank. The app's
/// page addresses that keep a search are written with it too.
pub fn query_string(pairs: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (name, value) in pairs {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        out.push(if out.is_empty() { '?' } else { '&' });
        out.push_str(name);
        out.push('=');
        out.extend(utf8_percent_encode(value, COMPONENT));
    }
    out
}

/// What `encodeURIComponent` leaves as it is: letters, digits and `-_.!~*'()`.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// `path` with its `{name}` segments (or `{name}.csv`: the part before the suffix) replaced in
/// order by `args`; one function for every endpoint, not one per type.
fn fill(path: &str, args: &[&dyn Display]) -> String {
    let mut args = args.iter();
    let mut url = String::with_capacity(path.len() + 16);
    for (i, segment) in path.split('/').enumerate() {
        if i > 0 {
            url.push('/');
        }
        match segment.strip_prefix('{').and_then(|s| s.split_once('}')) {
            Some((_, suffix)) => {
                let arg = args.next().map(|a| a.to_string()).unwrap_or_default();
                url.extend(utf8_percent_encode(&arg, COMPONENT));
                url.push_str(suffix);
            }
            None => url.push_str(segment),
        }
    }
    url
}

// ---------------------------------------------------------------- The site

pub const HEALTH: Endpoint<(), Health> = Endpoint::new(Method::Get, "/api/health", "health");
pub const SITE: Endpoint<(), SiteContent> = Endpoint::new(Method::Get, "/api/site", "site");
pub const OPENAPI: Endpoint<(), File> = Endpoint::new(Method::Get, "/api/openapi.json", "openapi");
// ---------------------------------------------------------------- Accounts, the session and the directory

pub const APPLY: Endpoint<ApplicationRequest, ()> =
    Endpoint::new(Method::Post, "/api/applications", "apply");
pub const LOGIN: Endpoint<LoginRequest, Me> =
    Endpoint::new(Method::Post, "/api/auth/login", "login");
pub const LOGOUT: Endpoint<(), ()> = Endpoint::new(Method::Post, "/api/auth/logout", "logout");
pub const ACCEPT_INVITATION: Endpoint<SetPasswordRequest, Me> =
    Endpoint::new(Method::Post, "/api/auth/invitation", "accept_invitation");
pub const CHECK_INVITATION: Endpoint<(), ()> = Endpoint::new(
    Method::Get,
    "/api/auth/invitation/{token}",
    "check_invitation",
);
pub const CHECK_PASSWORD_RESET: Endpoint<(), ()> = Endpoint::new(
    Method::Get,
    "/api/auth/password-reset/{token}",
    "check_password_reset",
);
pub const REQUEST_PASSWORD_RESET: Endpoint<PasswordResetRequest, ()> = Endpoint::new(
    Method::Post,
    "/api/auth/password-reset",
    "request_password_reset",
);
pub const CONFIRM_PASSWORD_RESET: Endpoint<SetPasswordRequest, Me> = Endpoint::new(
    Method::Post,
    "/api/auth/password-reset/confirm",
    "confirm_password_reset",
);
pub const SESSION: Endpoint<(), Option<Me>> = Endpoint::new(Method::Get, "/api/session", "session");
pub const ME: Endpoint<(), Me> = Endpoint::new(Method::Get, "/api/me", "me");
pub const UPDATE_PROFILE: Endpoint<ProfileUpdate, Me> =
    Endpoint::new(Method::Put, "/api/me/profile", "update_profile");
pub const JOIN_CLUB: Endpoint<(), Me> =
    Endpoint::new(Method::Put, "/api/me/clubs/{slug}", "join_club");
pub const LEAVE_CLUB: Endpoint<(), Me> =
    Endpoint::new(Method::Delete, "/api/me/clubs/{slug}", "leave_club");
pub const EXPORT_ME: Endpoint<(), MemberExport> =
    Endpoint::new(Method::Get, "/api/me/export", "export_me");
pub const DELETE_ME: Endpoint<(), ()> = Endpoint::new(Method::Delete, "/api/me", "delete_me");
pub const DIRECTORY: Endpoint<(), Vec<DirectoryEntry>> =
    Endpoint::new(Method::Get, "/api/directory", "directory");
pub const DIRECTORY_ENTRY: Endpoint<(), DirectoryEntry> =
    Endpoint::new(Method::Get, "/api/directory/{id}", "directory_entry");

// ---------------------------------------------------------------- The booking calendar

pub const RESOURCES: Endpoint<(), Vec<ResourceInfo>> =
    Endpoint::new(Method::Get, "/api/resources", "resources");
pub const AVAILABILITY: Endpoint<(), Vec<DayAvailability>> =
    Endpoint::new(Method::Get, "/api/availability", "availability");
pub const CREATE_BOOKING: Endpoint<BookingRequest, Booking> =
    Endpoint::new(Method::Post, "/api/bookings", "create_booking");
pub const MY_BOOKINGS: Endpoint<(), Vec<Booking>> =
    Endpoint::new(Method::Get, "/api/bookings", "my_bookings");
pub const CANCEL_BOOKING: Endpoint<(), ()> =
    Endpoint::new(Method::Delete, "/api/bookings/{id}", "cancel_booking");
pub const BOOKING_ICS: Endpoint<(), File> =
    Endpoint::new(Method::Get, "/api/bookings/{id}/ics", "booking_ics");
pub const CALENDAR_FEED: Endpoint<(), CalendarFeed> =
    Endpoint::new(Method::Post, "/api/me/calendar-feed", "calendar_feed");
pub const CALENDAR_FEED_ICS: Endpoint<(), File> =
    Endpoint::new(Method::Get, "/api/calendar/{token}", "calendar_feed_ics");
pub const STAFF_DAY: Endpoint<(), StaffDay> =
    Endpoint::new(Method::Get, "/api/staff/day", "staff_day");
pub const CHECK_IN: Endpoint<(), ()> = Endpoint::new(
    Method::Post,
    "/api/staff/bookings/{id}/check-in",
    "check_in",
);
pub const UNDO_CHECK_IN: Endpoint<(), ()> = Endpoint::new(
    Method::Delete,
    "/api/staff/bookings/{id}/check-in",
    "undo_check_in",
);
pub const MEMBER_BOOKINGS: Endpoint<(), Vec<Booking>> = Endpoint::new(
    Method::Get,
    "/api/staff/members/{id}/bookings",
    "member_bookings",
);
pub const NO_SHOW: Endpoint<(), ()> =
    Endpoint::new(Method::Post, "/api/staff/bookings/{id}/no-show", "no_show");
pub const STAFF_CANCEL: Endpoint<(), ()> = Endpoint::new(
    Method::Post,
    "/api/staff/bookings/{id}/cancel",
    "staff_cancel",
);
pub const BLOCK: Endpoint<BlockRequest, BlockCreated> =
    Endpoint::new(Method::Post, "/api/staff/blocks", "block");
pub const BLOCKS: Endpoint<(), Vec<BlockView>> =
    Endpoint::new(Method::Get, "/api/staff/blocks", "blocks");
pub const LIFT_BLOCK: Endpoint<(), ()> =
    Endpoint::new(Method::Delete, "/api/staff/blocks/{id}", "lift_block");
pub const OCCUPANCY: Endpoint<(), Occupancy> =
    Endpoint::new(Method::Get, "/api/staff/occupancy", "occupancy");

// ---------------------------------------------------------------- Consultations and the library

pub const CONSULTATION_TOPICS: Endpoint<(), Vec<Topic>> = Endpoint::new(
    Method::Get,
    "/api/consultation-topics",
    "consultation_topics",
);
pub const LIBRARY: Endpoint<(), Vec<LibraryCard>> =
    Endpoint::new(Method::Get, "/api/library", "library");
pub const LIBRARY_ITEM: Endpoint<(), LibraryItem> =
    Endpoint::new(Method::Get, "/api/library/{slug}", "library_item");
pub const REQUEST_CONSULTATION: Endpoint<ConsultationRequest, ConsultationCreated> =
    Endpoint::new(Method::Post, "/api/consultations", "request_consultation");
pub const CONSULTATION: Endpoint<(), ConsultationView> =
    Endpoint::new(Method::Get, "/api/consultations/{token}", "consultation");
pub const CANCEL_CONSULTATION: Endpoint<(), ()> = Endpoint::new(
    Method::Delete,
    "/api/consultations/{token}",
    "cancel_consultation",
);
pub const CONSULTATION_ICS: Endpoint<(), File> = Endpoint::new(
    Method::Get,
    "/api/consultations/{token}/ics",
    "consultation_ics",
);
pub const EXPORT_CONSULTATION: Endpoint<(), ConsultationView> = Endpoint::new(
    Method::Get,
    "/api/consultations/{token}/export",
    "export_consultation",
);
pub const CONSULTATION_UNSUITABLE: Endpoint<Unsuitable, ConsultationView> = Endpoint::new(
    Method::Post,
    "/api/consultations/{token}/unsuitable",
    "consultation_unsuitable",
);
pub const CONSULTATION_FEEDBACK: Endpoint<Feedback, ConsultationView> = Endpoint::new(
    Method::Post,
    "/api/consultations/{token}/feedback",
    "consultation_feedback",
);
pub const STAFF_CONSULTATIONS: Endpoint<(), Vec<StaffConsultation>> = Endpoint::new(
    Method::Get,
    "/api/staff/consultations",
    "staff_consultations",
);
pub const STAFF_CONSULTATION: Endpoint<(), StaffConsultation> = Endpoint::new(
    Method::Get,
    "/api/staff/consultations/{id}",
    "staff_consultation",
);
pub const CONSULTATION_VOLUNTEERS: Endpoint<(), Volunteers> = Endpoint::new(
    Method::Get,
    "/api/staff/consultations/{id}/volunteers",
    "consultation_volunteers",
);
pub const ASSIGN_CONSULTATION: Endpoint<AssignRequest, StaffConsultation> = Endpoint::new(
    Method::Post,
    "/api/staff/consultations/{id}/assign",
    "assign_consultation",
);
pub const SCHEDULE_CONSULTATION: Endpoint<ScheduleRequest, StaffConsultation> = Endpoint::new(
    Method::Post,
    "/api/staff/consultations/{id}/schedule",
    "schedule_consultation",
);
pub const CLOSE_CONSULTATION: Endpoint<CloseRequest, StaffConsultation> = Endpoint::new(
    Method::Post,
    "/api/staff/consultations/{id}/close",
    "close_consultation",
);
pub const CREATE_CONSULTATION_TOPIC: Endpoint<TopicInput, Vec<Topic>> = Endpoint::new(
    Method::Post,
    "/api/staff/consultation-topics",
    "create_consultation_topic",
);
pub const UPDATE_CONSULTATION_TOPIC: Endpoint<TopicInput, Vec<Topic>> = Endpoint::new(
    Method::Put,
    "/api/staff/consultation-topics/{slug}",
    "update_consultation_topic",
);
pub const STAFF_LIBRARY: Endpoint<(), Vec<LibraryCard>> =
    Endpoint::new(Method::Get, "/api/staff/library", "staff_library");
pub const CREATE_LIBRARY_ITEM: Endpoint<LibraryInput, LibraryDraft> =
    Endpoint::new(Method::Post, "/api/staff/library", "create_library_item");
pub const PREVIEW_LIBRARY_ITEM: Endpoint<LibraryInput, LibraryDraft> = Endpoint::new(
    Method::Post,
    "/api/staff/library-preview",
    "preview_library_item",
);
pub const LIBRARY_DRAFT: Endpoint<(), LibraryDraft> =
    Endpoint::new(Method::Get, "/api/staff/library/{slug}", "library_draft");
pub const UPDATE_LIBRARY_ITEM: Endpoint<LibraryInput, LibraryDraft> = Endpoint::new(
    Method::Put,
    "/api/staff/library/{slug}",
    "update_library_item",
);
pub const MY_CONSULTATIONS: Endpoint<(), Vec<MyConsultation>> =
    Endpoint::new(Method::Get, "/api/me/consultations", "my_consultations");
pub const ACCEPT_CONSULTATION: Endpoint<(), MyConsultation> = Endpoint::new(
    Method::Post,
    "/api/me/consultations/{id}/accept",
    "accept_consultation",
);
pub const DECLINE_CONSULTATION: Endpoint<GiveBackRequest, ()> = Endpoint::new(
    Method::Post,
    "/api/me/consultations/{id}/decline",
    "decline_consultation",
);
pub const MY_SCHEDULE_CONSULTATION: Endpoint<ScheduleRequest, MyConsultation> = Endpoint::new(
    Method::Post,
    "/api/me/consultations/{id}/schedule",
    "my_schedule_consultation",
);
pub const MY_CLOSE_CONSULTATION: Endpoint<CloseRequest, MyConsultation> = Endpoint::new(
    Method::Post,
    "/api/me/consultations/{id}/close",
    "my_close_consultation",
);
pub const MY_VOLUNTEERING: Endpoint<(), Volunteering> =
    Endpoint::new(Method::Get, "/api/me/volunteering", "my_volunteering");
pub const SET_MY_VOLUNTEERING: Endpoint<Volunteering, Volunteering> =
    Endpoint::new(Method::Put, "/api/me/volunteering", "set_my_volunteering");

// ---------------------------------------------------------------- Events and their sign-ups

pub const EVENTS: Endpoint<(), Vec<EventView>> =
    Endpoint::new(Method::Get, "/api/events", "events");
pub const EVENT: Endpoint<(), EventView> = Endpoint::new(Method::Get, "/api/events/{id}", "event");
pub const EVENT_ICS: Endpoint<(), File> =
    Endpoint::new(Method::Get, "/api/events/{id}/ics", "event_ics");
pub const REGISTER: Endpoint<RegistrationRequest, SignUpAnswer> =
    Endpoint::new(Method::Post, "/api/events/{id}/registrations", "register");
pub const REGISTRATION: Endpoint<(), RegistrationView> =
    Endpoint::new(Method::Get, "/api/registrations/{token}", "registration");
pub const CHANGE_REGISTRATION: Endpoint<SeatsChange, RegistrationView> = Endpoint::new(
    Method::Patch,
    "/api/registrations/{token}",
    "change_registration",
);
pub const CANCEL_REGISTRATION: Endpoint<(), ()> = Endpoint::new(
    Method::Delete,
    "/api/registrations/{token}",
    "cancel_registration",
);
pub const REGISTRATION_ICS: Endpoint<(), File> = Endpoint::new(
    Method::Get,
    "/api/registrations/{token}/ics",
    "registration_ics",
);
pub const EXPORT_REGISTRATION: Endpoint<(), RegistrationView> = Endpoint::new(
    Method::Get,
    "/api/registrations/{token}/export",
    "export_registration",
);
pub const MY_EVENTS: Endpoint<(), Vec<MyEvent>> =
    Endpoint::new(Method::Get, "/api/me/events", "my_events");
pub const COME_TO_EVENT: Endpoint<(), MyEvent> =
    Endpoint::new(Method::Put, "/api/me/events/{id}", "come_to_event");
pub const STAY_AWAY_FROM_EVENT: Endpoint<(), ()> = Endpoint::new(
    Method::Delete,
    "/api/me/events/{id}",
    "stay_away_from_event",
);
pub const STAFF_EVENTS: Endpoint<(), Vec<EventView>> =
    Endpoint::new(Method::Get, "/api/staff/events", "staff_events");
pub const CREATE_EVENT: Endpoint<EventInput, EventView> =
    Endpoint::new(Method::Post, "/api/staff/events", "create_event");
pub const UPDATE_EVENT: Endpoint<EventInput, EventView> =
    Endpoint::new(Method::Patch, "/api/staff/events/{id}", "update_event");
pub const EVENT_REGISTRATIONS: Endpoint<(), EventRegistrations> = Endpoint::new(
    Method::Get,
    "/api/staff/events/{id}/registrations",
    "event_registrations",
);
pub const EVENT_REGISTRATIONS_CSV: Endpoint<(), File> = Endpoint::new(
    Method::Get,
    "/api/staff/events/{id}/registrations.csv",
    "event_registrations_csv",
);
pub const CHECK_IN_REGISTRATION: Endpoint<CheckIn, StaffRegistration> = Endpoint::new(
    Method::Post,
    "/api/staff/registrations/{id}/check-in",
    "check_in_registration",
);
pub const UNDO_REGISTRATION_CHECK_IN: Endpoint<(), StaffRegistration> = Endpoint::new(
    Method::Delete,
    "/api/staff/registrations/{id}/check-in",
    "undo_registration_check_in",
);
pub const CANCEL_REGISTRATION_FOR_FAMILY: Endpoint<(), ()> = Endpoint::new(
    Method::Delete,
    "/api/staff/registrations/{id}",
    "cancel_registration_for_family",
);
pub const SET_CLUB_RULE: Endpoint<MonthlyRule, ()> =
    Endpoint::new(Method::Put, "/api/staff/clubs/{slug}/rule", "set_club_rule");

// ---------------------------------------------------------------- Members, for staff

pub const LIST_APPLICATIONS: Endpoint<(), Vec<Application>> =
    Endpoint::new(Method::Get, "/api/staff/applications", "list_applications");
pub const APPROVE_APPLICATION: Endpoint<ApproveRequest, Created> = Endpoint::new(
    Method::Post,
    "/api/staff/applications/{id}/approve",
    "approve_application",
);
pub const DECLINE_APPLICATION: Endpoint<DeclineRequest, ()> = Endpoint::new(
    Method::Post,
    "/api/staff/applications/{id}/decline",
    "decline_application",
);
pub const LIST_MEMBERS: Endpoint<(), Vec<MemberSummary>> =
    Endpoint::new(Method::Get, "/api/staff/members", "list_members");
pub const MEMBER_DETAIL: Endpoint<(), MemberDetail> =
    Endpoint::new(Method::Get, "/api/staff/members/{id}", "member_detail");
pub const RECORD_PAYMENT: Endpoint<PaymentRequest, Payment> = Endpoint::new(
    Method::Post,
    "/api/staff/members/{id}/payments",
    "record_payment",
);
pub const DEACTIVATE_MEMBER: Endpoint<(), ()> = Endpoint::new(
    Method::Post,
    "/api/staff/members/{id}/deactivate",
    "deactivate_member",
);
pub const SET_ROLE: Endpoint<RoleRequest, ()> =
    Endpoint::new(Method::Put, "/api/staff/members/{id}/role", "set_role");
pub const OUTBOX: Endpoint<(), Vec<OutboxEmail>> =
    Endpoint::new(Method::Get, "/api/staff/outbox", "outbox");
pub const AUDIT_LOG: Endpoint<(), Vec<AuditEntry>> =
    Endpoint::new(Method::Get, "/api/staff/audit", "audit_log");

// ---------------------------------------------------------------- Renting the room

pub const REQUEST_RENTAL: Endpoint<RentalRequest, RentalCreated> =
    Endpoint::new(Method::Post, "/api/rentals", "request_rental");
pub const RENTAL_DAYS: Endpoint<(), Vec<RentalDay>> =
    Endpoint::new(Method::Get, "/api/rental-days", "rental_days");
pub const RENTAL: Endpoint<(), RentalView> =
    Endpoint::new(Method::Get, "/api/rentals/{token}", "rental");
pub const CANCEL_RENTAL: Endpoint<(), ()> =
    Endpoint::new(Method::Post, "/api/rentals/{token}/cancel", "cancel_rental");
pub const LIST_RENTALS: Endpoint<(), Vec<RentalView>> =
    Endpoint::new(Method::Get, "/api/staff/rentals", "list_rentals");
pub const APPROVE_RENTAL: Endpoint<(), RentalView> = Endpoint::new(
    Method::Post,
    "/api/staff/rentals/{id}/approve",
    "approve_rental",
);
pub const DECLINE_RENTAL: Endpoint<DeclineRequest, ()> = Endpoint::new(
    Method::Post,
    "/api/staff/rentals/{id}/decline",
    "decline_rental",
);

// ---------------------------------------------------------------- Settings

pub const SETTINGS: Endpoint<(), Vec<Setting>> =
    Endpoint::new(Method::Get, "/api/staff/settings", "settings");
pub const SET_SETTING: Endpoint<SettingValue, Setting> =
    Endpoint::new(Method::Put, "/api/staff/settings/{key}", "set_setting");
pub const CLOSURES: Endpoint<(), Vec<ClosureDay>> =
    Endpoint::new(Method::Get, "/api/staff/closures", "closures");
pub const ADD_CLOSURE: Endpoint<ClosureDay, ClosureDay> =
    Endpoint::new(Method::Post, "/api/staff/closures", "add_closure");
pub const REMOVE_CLOSURE: Endpoint<(), ()> = Endpoint::new(
    Method::Delete,
    "/api/staff/closures/{date}",
    "remove_closure",
);

// ---------------------------------------------------------------- Statistics and the annual report

pub const STATS_TODAY: Endpoint<(), TodayStats> =
    Endpoint::new(Method::Get, "/api/staff/stats/today", "stats_today");
pub const STATS: Endpoint<(), Stats> = Endpoint::new(Method::Get, "/api/staff/stats", "stats");
pub const STATS_CSV: Endpoint<(), File> =
    Endpoint::new(Method::Get, "/api/staff/stats/{series}.csv", "stats_csv");
pub const REPORT: Endpoint<(), Report> = Endpoint::new(Method::Get, "/api/staff/report", "report");
pub const SET_REPORT_TEXT: Endpoint<ReportText, ()> =
    Endpoint::new(Method::Put, "/api/staff/report/text", "set_report_text");

// ---------------------------------------------------------------- The general assembly

pub const ASSEMBLIES: Endpoint<(), Vec<AssemblyView>> =
    Endpoint::new(Method::Get, "/api/staff/assemblies", "assemblies");
pub const CREATE_ASSEMBLY: Endpoint<AssemblyInput, AssemblyView> =
    Endpoint::new(Method::Post, "/api/staff/assemblies", "create_assembly");
pub const STAFF_ASSEMBLY: Endpoint<(), StaffAssembly> =
    Endpoint::new(Method::Get, "/api/staff/assemblies/{id}", "staff_assembly");
pub const CONVENE_ASSEMBLY: Endpoint<(), AssemblyView> = Endpoint::new(
    Method::Post,
    "/api/staff/assemblies/{id}/convene",
    "convene_assembly",
);
pub const MY_ASSEMBLIES: Endpoint<(), Vec<MyAssemblyCard>> =
    Endpoint::new(Method::Get, "/api/me/assemblies", "my_assemblies");
pub const MY_ASSEMBLY: Endpoint<(), MyAssembly> =
    Endpoint::new(Method::Get, "/api/me/assemblies/{id}", "my_assembly");
pub const ANSWER_ASSEMBLY: Endpoint<AnswerInput, MyAssembly> = Endpoint::new(
    Method::Put,
    "/api/me/assemblies/{id}/answer",
    "answer_assembly",
);
pub const STAND_FOR_BOARD: Endpoint<CandidacyInput, MyAssembly> = Endpoint::new(
    Method::Put,
    "/api/me/assemblies/{id}/candidacy",
    "stand_for_board",
);
pub const ACCEPT_PROXY: Endpoint<(), MyAssembly> = Endpoint::new(
    Method::Post,
    "/api/me/assemblies/{id}/proxies/{giver}/accept",
    "accept_proxy",
);
pub const REFUSE_PROXY: Endpoint<(), MyAssembly> = Endpoint::new(
    Method::Post,
    "/api/me/assemblies/{id}/proxies/{giver}/refuse",
    "refuse_proxy",
);

pub const ASSEMBLY_DOOR: Endpoint<(), AssemblyDoor> = Endpoint::new(
    Method::Get,
    "/api/staff/assemblies/{id}/door",
    "assembly_door",
);
pub const CHECK_IN_VOTER: Endpoint<DoorCheck, AssemblyDoor> = Endpoint::new(
    Method::Put,
    "/api/staff/assemblies/{id}/door/{member}",
    "check_in_voter",
);
pub const OPEN_VOTE: Endpoint<(), AssemblyDoor> = Endpoint::new(
    Method::Post,
    "/api/staff/assemblies/{id}/items/{item}/open",
    "open_vote",
);
pub const CLOSE_VOTE: Endpoint<(), AssemblyDoor> = Endpoint::new(
    Method::Post,
    "/api/staff/assemblies/{id}/items/{item}/close",
    "close_vote",
);
pub const JOIN_ASSEMBLY: Endpoint<(), MyAssembly> = Endpoint::new(
    Method::Post,
    "/api/me/assemblies/{id}/join",
    "join_assembly",
);
pub const CAST_VOTE: Endpoint<VoteInput, VoteCast> = Endpoint::new(
    Method::Post,
    "/api/me/assemblies/{id}/items/{item}/vote",
    "cast_vote",
);
pub const BALLOTS: Endpoint<(), Vec<PublishedBallot>> = Endpoint::new(
    Method::Get,
    "/api/assemblies/{id}/items/{item}/ballots",
    "ballots",
);

pub const CLOSE_ASSEMBLY: Endpoint<CloseInput, Minutes> = Endpoint::new(
    Method::Post,
    "/api/staff/assemblies/{id}/close",
    "close_assembly",
);
pub const MINUTES: Endpoint<(), Minutes> =
    Endpoint::new(Method::Get, "/api/staff/assemblies/{id}/minutes", "minutes");
pub const BOARD: Endpoint<(), Vec<BoardSeat>> =
    Endpoint::new(Method::Get, "/api/staff/board", "board");
pub const SET_BOARD_ROLE: Endpoint<RoleInput, Vec<BoardSeat>> =
    Endpoint::new(Method::Put, "/api/staff/board/{id}", "set_board_role");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_fills_the_segments_in_order_and_encodes_what_needs_it() {
        assert_eq!(
            CONSULTATION_UNSUITABLE.at(&[&"a b/c"]).url,
            "/api/consultations/a%20b%2Fc/unsuitable"
        );
        assert_eq!(
            STATS_CSV.at(&[&"events"]).url,
            "/api/staff/stats/events.csv"
        );
        assert_eq!(MEMBER_DETAIL.at(&[&42]).url, "/api/staff/members/42");
    }

    #[test]
    fn a_query_leaves_blank_values_out_and_encodes_the_rest() {
        let call =
            Call::from(DIRECTORY).query(&[("q", " été & co "), ("skill", " "), ("club", "rust")]);
        assert_eq!(
            call.url,
            "/api/directory?q=%C3%A9t%C3%A9%20%26%20co&club=rust"
        );
        assert_eq!(
            Call::from(DIRECTORY).query(&[("q", "")]).url,
            "/api/directory"
        );
    }
}
