//! E-education sessions, workshops, open days and club meetings: what an event is, who may sign up
//! and for how many seats, and the waiting list's rule — seats freed go at once to the entries that
//! fit, in sign-up order, so no seat stays empty while someone who fits is waiting.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::accounts::{parse_name, parse_phone, parse_text, Checker, Email, FieldErrors};
use crate::i18n::{Lang, Localized};
use crate::paris;
use crate::time::LocalDateTime;
use crate::ApiMsg;
use wire_json::{Codes, FromJson, ToJson};

/// The wording of the children's consent; stored beside each consent with its version, so a
/// later rewording never changes what a parent agreed to.
pub const CHILDREN_CONSENT_VERSION: &str = "2026-12-v2";

/// What is stored beside a consent: the wording's version and the delay it names ("kept until
/// {days} days after the workshop"), which is a setting staff can change.
pub fn children_consent_version(retention_days: u32) -> String {
    format!("{CHILDREN_CONSENT_VERSION};{retention_days}d")
}

/// The most seats an event may hold, and one sign-up may take.
pub const MAX_CAPACITY: u32 = 500;
/// The oldest age a child's workshop may name.
pub const MAX_CHILD_AGE: u32 = 17;

/// Who an event is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson, Codes)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Everyone,
    Teachers,
    Families,
    Members,
}

/// Who takes a seat: everyone who comes, the children (an adult comes with them without taking
/// one), or adults only (no children in the form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson, Codes)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SeatsFor {
    Everyone,
    Children,
    Adults,
}

impl SeatsFor {
    /// What an event of `kind` most often means: a children's workshop seats the children, a
    /// teacher training and a club meeting the adults.
    pub fn default_for(kind: EventKind) -> SeatsFor {
        match kind {
            EventKind::ChildrenWorkshop => SeatsFor::Children,
            EventKind::TeacherTraining | EventKind::ClubMeeting => SeatsFor::Adults,
            EventKind::OpenDay | EventKind::Other => SeatsFor::Everyone,
        }
    }
}

/// What an event is: the seats it counts and who may come follow from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson, Codes)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    TeacherTraining,
    ChildrenWorkshop,
    OpenDay,
    ClubMeeting,
    Other,
}

/// Where a sign-up stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson, Codes)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegistrationStatus {
    Confirmed,
    Waiting,
    Cancelled,
}

/// Whether sign-ups are open at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignupState {
    NotYet,
    Open,
    Closed,
    Cancelled,
}

/// Where an event stands in time. A sign-up can be changed or cancelled until the event starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventPhase {
    Upcoming,
    UnderWay,
    Over,
}

pub fn event_phase(start: DateTime<Utc>, end: DateTime<Utc>, now: DateTime<Utc>) -> EventPhase {
    if now < start {
        EventPhase::Upcoming
    } else if now < end {
        EventPhase::UnderWay
    } else {
        EventPhase::Over
    }
}

/// Check-in at the door is open on the event's days only (Paris calendar): from the morning of
/// its first day to the evening of its last, so a group is never pointed weeks ahead by mistake.
pub fn door_open(starts: NaiveDateTime, ends: NaiveDateTime, today: NaiveDate) -> bool {
    starts.date() <= today && today <= ends.date()
}

pub fn signup_state(
    opens: DateTime<Utc>,
    closes: DateTime<Utc>,
    cancelled: bool,
    now: DateTime<Utc>,
) -> SignupState {
    if cancelled {
        SignupState::Cancelled
    } else if now < opens {
        SignupState::NotYet
    } else if now < closes {
        SignupState::Open
    } else {
        SignupState::Closed
    }
}

/// The fewest seats with which a group can come: where everyone takes a seat, children come with
/// an adult, so a group of both needs two; elsewhere one.
pub fn min_seats(who: SeatsFor, adults: u32, children: u32) -> u32 {
    match who {
        SeatsFor::Everyone if adults > 0 && children > 0 => 2,
        _ => 1,
    }
}

/// Who `seats` confirm of a group of `adults` and `children` (fewer than it asked, after a partial
/// promotion): the adults and children that come, as (adults, children). Where everyone takes a
/// seat, one adult comes with as many children as the other seats hold (the children named first),
/// then more adults; where the children take the seats, the adults come with them.
pub fn who_comes(who: SeatsFor, adults: u32, children: u32, seats: u32) -> (u32, u32) {
    match who {
        SeatsFor::Everyone if adults == 0 => (0, children.min(seats)),
        SeatsFor::Everyone => {
            let kids = children.min(seats.saturating_sub(1));
            (adults.min(seats - kids), kids)
        }
        SeatsFor::Children => (adults, children.min(seats)),
        SeatsFor::Adults => (adults.min(seats), 0),
    }
}

// ------------------------------------------------------------------ retention and reminders

/// The day children's first names and ages are erased: `days` after the event's last day.
pub fn children_erased_on(ends: NaiveDateTime, days: u32) -> NaiveDate {
    ends.date() + Duration::days(i64::from(days))
}

/// The starts whose reminder is due at `now`: after `now`, and at most `hours` ahead — the range
/// the scheduled run reads (`start > from AND start <= to`).
pub fn reminder_window(now: DateTime<Utc>, hours: u32) -> (DateTime<Utc>, DateTime<Utc>) {
    (now, now + Duration::hours(i64::from(hours)))
}

/// When the reminder goes: `hours` before the start (the window above, seen from the event).
pub fn reminder_due(starts: DateTime<Utc>, hours: u32, now: DateTime<Utc>) -> bool {
    let (from, to) = reminder_window(now, hours);
    starts > from && starts <= to
}

/// The instant of a Paris wall-clock time; the hour skipped in March is refused.
pub fn instant(local: NaiveDateTime) -> Option<DateTime<Utc>> {
    paris::from_local(local).earliest()
}

// ------------------------------------------------------------------ what staff publish

/// `POST /api/staff/events`, `PATCH /api/staff/events/{id}`: the whole event as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct EventInput {
    /// `teacher_training`, `children_workshop`, `open_day`, `club_meeting` or `other`.
    pub kind: String,
    pub title_fr: String,
    pub title_en: String,
    pub description_fr: String,
    pub description_en: String,
    /// What to bring, in French (English optional).
    pub bring_fr: String,
    pub bring_en: String,
    /// `everyone`, `teachers`, `families` or `members`.
    pub audience: String,
    /// Paris wall clock, `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    pub ends_at: String,
    /// In the meeting room (booked in the same step), or elsewhere, named in `place`.
    pub in_room: bool,
    pub place: String,
    /// The place's street and town, when it is not the meeting room (required then).
    pub address: String,
    pub capacity: u32,
    pub max_per_signup: u32,
    /// For a children's workshop.
    pub age_min: Option<u32>,
    pub age_max: Option<u32>,
    pub partner: String,
    /// Paris wall clock; empty opens them now.
    pub signup_opens_at: String,
    /// Paris wall clock; empty closes them when the event starts.
    pub signup_closes_at: String,
    /// Children's first names and ages are asked (with the adult's consent).
    pub asks_children: bool,
    /// Who takes a seat: `everyone`, `children` or `adults`; empty takes the kind's usual
    /// (`children` for a children's workshop, `adults` for a teacher training or a club meeting).
    pub seats_for: String,
    /// The club, for a club meeting (its slug).
    pub club: String,
    /// Cancel the event (`PATCH`): everyone signed up and waiting is told.
    pub cancelled: bool,
}

/// An event as checked, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEvent {
    pub kind: EventKind,
    pub title: Localized<String>,
    pub description: Localized<String>,
    pub bring: Localized<String>,
    pub audience: Audience,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub starts_utc: DateTime<Utc>,
    pub ends_utc: DateTime<Utc>,
    pub in_room: bool,
    pub place: String,
    pub address: String,
    pub capacity: u32,
    pub max_per_signup: u32,
    pub ages: Option<(u32, u32)>,
    pub partner: String,
    pub signup_opens: DateTime<Utc>,
    pub signup_closes: DateTime<Utc>,
    pub asks_children: bool,
    pub seats_for: SeatsFor,
    pub club: String,
    pub cancelled: bool,
}

/// A Paris wall-clock field (`YYYY-MM-DDTHH:MM`) and its instant; the hour skipped in March is
/// refused. Shared by the events' and the assemblies' forms.
pub(crate) fn local_field(
    c: &mut Checker,
    field: &str,
    s: &str,
) -> Option<(NaiveDateTime, DateTime<Utc>)> {
    let s = s.trim();
    if s.is_empty() {
        c.fail(field, ApiMsg::FieldDateTimeRequired);
        return None;
    }
    let Ok(local) = LocalDateTime::parse(s) else {
        c.fail(field, ApiMsg::FieldDateTime);
        return None;
    };
    match instant(local.0) {
        Some(at) => Some((local.0, at)),
        None => {
            c.fail(field, ApiMsg::EventClockGap);
            None
        }
    }
}

/// Check what staff wrote. A new event must start in the future; an edited one may keep its past.
/// How far ahead an event can be published: two years (a date in 9999 is a typing slip).
pub const EVENT_HORIZON_DAYS: i64 = 731;

pub fn check_event(
    input: &EventInput,
    now: DateTime<Utc>,
    new: bool,
) -> Result<ValidEvent, FieldErrors> {
    let mut c = Checker::default();
    let kind = c.check(
        "kind",
        EventKind::parse(input.kind.trim()).ok_or(ApiMsg::FieldEventKind),
    );
    let audience = c.check(
        "audience",
        Audience::parse(input.audience.trim()).ok_or(ApiMsg::FieldAudience),
    );
    let title_fr = c.check(
        "title_fr",
        parse_text(&input.title_fr, 120).and_then(required),
    );
    let title_en = c.check("title_en", parse_text(&input.title_en, 120));
    let description_fr = c.check("description_fr", parse_text(&input.description_fr, 4000));
    let description_en = c.check("description_en", parse_text(&input.description_en, 4000));
    let bring_fr = c.check("bring_fr", parse_text(&input.bring_fr, 500));
    let bring_en = c.check("bring_en", parse_text(&input.bring_en, 500));
    let partner = c.check("partner", parse_text(&input.partner, 120));
    let place = c.check("place", parse_text(&input.place, 200));
    if !input.in_room && place.as_ref().is_some_and(String::is_empty) {
        c.fail("place", ApiMsg::FieldPlace);
    }
    // Away from the cantine, families need the street and the town to find the place.
    let address = c.check("address", parse_text(&input.address, 200));
    if !input.in_room && address.as_ref().is_some_and(String::is_empty) {
        c.fail("address", ApiMsg::FieldAddress);
    }
    let starts = local_field(&mut c, "starts_at", &input.starts_at);
    let ends = local_field(&mut c, "ends_at", &input.ends_at);
    if let (Some((s, su)), Some((e, eu))) = (starts, ends) {
        if eu <= su || e.date() != s.date() && (e - s) > Duration::days(7) {
            c.fail("ends_at", ApiMsg::FieldEventEnd);
        }
        if new && su <= now {
            c.fail("starts_at", ApiMsg::FieldEventPast);
        }
        if su > now + Duration::days(EVENT_HORIZON_DAYS) {
            c.fail("starts_at", ApiMsg::FieldEventHorizon);
        }
    }
    if input.capacity == 0 || input.capacity > MAX_CAPACITY {
        c.fail("capacity", ApiMsg::FieldCapacity);
    }
    if input.max_per_signup == 0 || input.max_per_signup > input.capacity.max(1) {
        c.fail("max_per_signup", ApiMsg::FieldMaxPerSignup);
    }
    let ages = match (input.age_min, input.age_max) {
        (None, None) => None,
        (Some(lo), Some(hi)) if lo <= hi && hi <= MAX_CHILD_AGE => Some((lo, hi)),
        _ => {
            c.fail("age_max", ApiMsg::FieldAgeRange);
            None
        }
    };
    let opens = if input.signup_opens_at.trim().is_empty() {
        Some(now)
    } else {
        local_field(&mut c, "signup_opens_at", &input.signup_opens_at).map(|(_, u)| u)
    };
    let closes = if input.signup_closes_at.trim().is_empty() {
        starts.map(|(_, u)| u)
    } else {
        local_field(&mut c, "signup_closes_at", &input.signup_closes_at).map(|(_, u)| u)
    };
    if let (Some(o), Some(cl), Some((_, su))) = (opens, closes, starts) {
        if (new && su > now && cl <= o) || cl > su {
            c.fail("signup_closes_at", ApiMsg::FieldSignupWindow);
        }
    }
    let seats_for = match (input.seats_for.trim(), kind) {
        ("", Some(k)) => Some(SeatsFor::default_for(k)),
        ("", None) => None,
        (s, _) => c.check("seats_for", SeatsFor::parse(s).ok_or(ApiMsg::FieldSeatsFor)),
    };
    if seats_for == Some(SeatsFor::Adults) && input.asks_children {
        c.fail("asks_children", ApiMsg::FieldAdultsOnlyNoChildren);
    }
    let club = input.club.trim().to_string();
    if kind == Some(EventKind::ClubMeeting) && club.is_empty() {
        c.fail("club", ApiMsg::FieldUnknownClub);
    }
    c.finish(|| {
        let (starts, starts_utc) = starts?;
        let (ends, ends_utc) = ends?;
        let title_fr = title_fr?;
        let title_en = title_en?;
        let description_fr = description_fr?;
        let description_en = description_en?;
        let bring_fr = bring_fr?;
        let bring_en = bring_en?;
        Some(ValidEvent {
            kind: kind?,
            // Stored as written: an English text left empty reads as the French, marked so.
            title: Localized {
                fr: title_fr,
                en: title_en,
            },
            description: Localized {
                fr: description_fr,
                en: description_en,
            },
            bring: Localized {
                fr: bring_fr,
                en: bring_en,
            },
            audience: audience?,
            starts,
            ends,
            starts_utc,
            ends_utc,
            in_room: input.in_room,
            place: if input.in_room { String::new() } else { place? },
            address: if input.in_room {
                String::new()
            } else {
                address?
            },
            capacity: input.capacity,
            max_per_signup: input.max_per_signup,
            ages,
            partner: partner?,
            signup_opens: opens?,
            signup_closes: closes?,
            asks_children: input.asks_children,
            seats_for: seats_for?,
            club,
            cancelled: input.cancelled,
        })
    })
}

fn required(s: String) -> Result<String, ApiMsg> {
    if s.is_empty() {
        Err(ApiMsg::FieldRequired)
    } else {
        Ok(s)
    }
}

/// English falls back to French (what staff wrote, or rows written before the rule).
pub fn fallback(fr: String, en: String) -> Localized<String> {
    let en = if en.is_empty() { fr.clone() } else { en };
    Localized { fr, en }
}

// ------------------------------------------------------------------ what a guest sends

/// A child signed up for a workshop.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Child {
    pub first_name: String,
    pub age: u32,
}

/// `POST /api/events/{id}/registrations`
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct RegistrationRequest {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub adults: u32,
    /// One entry per child; first names and ages are kept only when the event asks for them.
    pub children: Vec<Child>,
    /// The adult is the children's legal guardian and agrees to keep their data until the
    /// retention delay after the workshop.
    pub consent_children: bool,
    /// Optional: photos may show the children.
    pub consent_photos: bool,
    /// When the group does not fit: take the seats that are free rather than wait for all of them.
    pub accept_fewer: bool,
    pub lang: Lang,
}

/// `PATCH /api/registrations/{token}`
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct SeatsChange {
    pub adults: u32,
    pub children: Vec<Child>,
}

/// What an event asks of a sign-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignupRules {
    pub max_per_signup: u32,
    pub ages: Option<(u32, u32)>,
    pub asks_children: bool,
    pub seats_for: SeatsFor,
}

/// The seats a group asks for, checked: adults and children (names kept only when asked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub adults: u32,
    pub children: u32,
    /// Empty unless the event asks for children's names.
    pub named: Vec<Child>,
    /// The seats they take, by the event's rule (`SeatsFor`).
    pub seats: u32,
}

impl Group {
    pub fn seats(&self) -> u32 {
        self.seats
    }
}

/// The seats `adults` and `children` take at an event seating `who`.
pub fn seats_taken(who: SeatsFor, adults: u32, children: u32) -> u32 {
    match who {
        SeatsFor::Everyone => adults.saturating_add(children),
        SeatsFor::Children => children,
        SeatsFor::Adults => adults,
    }
}

/// Check the seats of a sign-up or of a change.
pub fn check_group(
    c: &mut Checker,
    adults: u32,
    children: &[Child],
    rules: SignupRules,
) -> Option<Group> {
    let count = u32::try_from(children.len()).unwrap_or(u32::MAX);
    let seats = seats_taken(rules.seats_for, adults, count);
    // The field that is wrong: the children alone over the limit are the children's list.
    if count > rules.max_per_signup {
        c.fail("children", ApiMsg::FieldSeats);
        return None;
    }
    match rules.seats_for {
        // An adult alone does not take a children's seat; an adult comes with the children.
        SeatsFor::Children if count == 0 => {
            c.fail("children", ApiMsg::FieldChildRequired);
            return None;
        }
        SeatsFor::Children if adults == 0 => {
            c.fail("adults", ApiMsg::FieldAdultRequired);
            return None;
        }
        // The adults who come with the children are a handful, not a crowd.
        SeatsFor::Children if adults > rules.max_per_signup => {
            c.fail("adults", ApiMsg::FieldSeats);
            return None;
        }
        SeatsFor::Adults if count > 0 => {
            c.fail("children", ApiMsg::FieldAdultsOnly);
            return None;
        }
        _ => {}
    }
    if seats == 0 || seats > rules.max_per_signup {
        c.fail("adults", ApiMsg::FieldSeats);
        return None;
    }
    if rules.asks_children && count > 0 && adults == 0 {
        c.fail("adults", ApiMsg::FieldAdultRequired);
        return None;
    }
    let mut named = Vec::new();
    let mut ok = true;
    for (i, child) in children.iter().enumerate() {
        if !rules.asks_children {
            continue;
        }
        match parse_name(&child.first_name) {
            Ok(first_name) => named.push(Child {
                first_name,
                age: child.age,
            }),
            Err(m) => {
                c.fail(&format!("children.{i}.first_name"), m);
                ok = false;
            }
        }
        if let Some((lo, hi)) = rules.ages {
            if child.age < lo || child.age > hi {
                c.fail(&format!("children.{i}.age"), ApiMsg::FieldChildAge);
                ok = false;
            }
        }
    }
    ok.then_some(Group {
        adults,
        children: count,
        named,
        seats,
    })
}

/// A sign-up as checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRegistration {
    pub name: String,
    pub email: Email,
    pub phone: String,
    pub group: Group,
    pub consent_children: bool,
    pub consent_photos: bool,
    pub accept_fewer: bool,
}

/// Check a guest's sign-up against the event's rules; every field's error at once.
pub fn check_registration(
    req: &RegistrationRequest,
    rules: SignupRules,
) -> Result<ValidRegistration, FieldErrors> {
    let mut c = Checker::default();
    let name = c.check("name", parse_name(&req.name));
    let email = c.check("email", Email::parse(&req.email));
    let phone = c.check("phone", parse_phone(&req.phone));
    let group = check_group(&mut c, req.adults, &req.children, rules);
    if rules.asks_children && !req.children.is_empty() && !req.consent_children {
        c.fail("consent_children", ApiMsg::FieldChildrenConsent);
    }
    c.finish(|| {
        Some(ValidRegistration {
            name: name?,
            email: email?,
            phone: phone?,
            consent_children: req.consent_children
                && rules.asks_children
                && !req.children.is_empty(),
            consent_photos: req.consent_photos,
            group: group?,
            accept_fewer: req.accept_fewer,
        })
    })
}

// ------------------------------------------------------------------ what the API answers

/// An event as the agenda shows it (`GET /api/events`, `GET /api/events/{id}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EventView {
    pub id: i64,
    pub kind: EventKind,
    pub audience: Audience,
    /// English falls back to French.
    pub title: Localized<String>,
    pub description: Localized<String>,
    pub bring: Localized<String>,
    /// The texts whose English is the French (staff wrote none).
    pub in_french_only: InFrenchOnly,
    /// Paris wall clock.
    pub starts_at: LocalDateTime,
    pub ends_at: LocalDateTime,
    pub in_room: bool,
    /// The place's name when it is not the meeting room.
    pub place: String,
    /// Its street and town (empty in the meeting room, or for events published before it was asked).
    pub address: String,
    pub capacity: u32,
    pub seats_left: u32,
    /// Groups on the waiting list.
    pub waiting: u32,
    pub max_per_signup: u32,
    pub age_min: Option<u32>,
    pub age_max: Option<u32>,
    pub partner: String,
    pub asks_children: bool,
    pub seats_for: SeatsFor,
    pub signup_opens_at: LocalDateTime,
    pub signup_closes_at: LocalDateTime,
    pub signups: SignupState,
    /// The club's slug, for a club meeting.
    pub club: Option<String>,
    pub cancelled: bool,
}

/// Which of an event's texts staff wrote no English for: English shows the French, and says so.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InFrenchOnly {
    pub title: bool,
    pub description: bool,
    pub bring: bool,
}

impl InFrenchOnly {
    /// From the French and English texts as staff wrote them.
    pub fn of(texts: [(&str, &str); 3]) -> InFrenchOnly {
        let missing = |(fr, en): (&str, &str)| !fr.is_empty() && en.is_empty();
        InFrenchOnly {
            title: missing(texts[0]),
            description: missing(texts[1]),
            bring: missing(texts[2]),
        }
    }
}

/// `201` to `POST /api/events/{id}/registrations`: the new sign-up and its private link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegistrationCreated {
    pub status: RegistrationStatus,
    pub seats: u32,
    /// The place on the waiting list.
    pub position: Option<u32>,
    /// The private page's path (`/inscription/{token}`).
    pub link: String,
}

/// What a sign-up answers: `201` and the new sign-up, or `202` and nothing but that the link went to
/// the address (see [`LinkSent`]). Told apart by their bodies, as the app reads them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum SignUpAnswer {
    Created(RegistrationCreated),
    LinkSent(LinkSent),
}

impl FromJson for SignUpAnswer {
    fn from_json(v: &wire_json::Json) -> Result<Self, wire_json::DecodeError> {
        match LinkSent::from_json(v) {
            Ok(sent) => Ok(SignUpAnswer::LinkSent(sent)),
            Err(_) => RegistrationCreated::from_json(v).map(SignUpAnswer::Created),
        }
    }
}

/// `202` to `POST /api/events/{id}/registrations` when the email is already signed up for this
/// event: nothing changed, and that sign-up's private link was emailed to the address (never
/// given to the caller).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LinkSent {
    /// Always `link_sent`.
    pub status: LinkSentStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LinkSentStatus {
    LinkSent,
}

/// `GET /api/registrations/{token}`: the sign-up as its author sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegistrationView {
    pub event: EventView,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub adults: u32,
    pub children: u32,
    /// Empty once erased, or when the event does not ask.
    pub named_children: Vec<Child>,
    /// The seats asked for.
    pub seats_requested: u32,
    /// The seats confirmed (0 while waiting).
    pub seats: u32,
    pub status: RegistrationStatus,
    pub position: Option<u32>,
    pub accept_fewer: bool,
    pub consent_photos: bool,
    /// The children's data was erased after the retention delay.
    pub children_erased: bool,
    /// When the children's data will be erased.
    pub erase_children_on: Option<NaiveDate>,
    pub created_at: String,
    /// Nothing can change once the event has started.
    pub phase: EventPhase,
    /// The guardian's consent for the children's data: when, and the wording's version with the
    /// delay it named (`children_consent_version`).
    pub consent_children_at: Option<String>,
    pub consent_version: Option<String>,
}

/// One sign-up on the staff's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffRegistration {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub adults: u32,
    pub children: u32,
    pub named_children: Vec<Child>,
    pub seats_requested: u32,
    pub seats: u32,
    pub status: RegistrationStatus,
    pub position: Option<u32>,
    pub accept_fewer: bool,
    pub consent_photos: bool,
    /// How many came, once checked in at the door.
    pub present: Option<u32>,
    /// Signed up from a member's area.
    pub member: bool,
    pub created_at: String,
}

/// `GET /api/staff/events/{id}/registrations`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EventRegistrations {
    pub event: EventView,
    /// Confirmed first, then waiting in order, then cancelled.
    pub registrations: Vec<StaffRegistration>,
    pub seats_confirmed: u32,
    pub adults: u32,
    pub children: u32,
    pub present: u32,
}

/// `POST /api/staff/registrations/{id}/check-in`
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct CheckIn {
    /// How many of the group came (0 marks the group absent).
    pub present: u32,
}

/// An event a member signed up to, as their export lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemberSignup {
    pub event_id: i64,
    pub title: Localized<String>,
    /// Paris wall clock.
    pub starts_at: LocalDateTime,
    pub status: RegistrationStatus,
    pub seats: u32,
    pub signed_up_at: String,
}

/// `GET /api/me/events`: the member's club meetings to come, and whether they come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MyEvent {
    pub event: EventView,
    pub coming: bool,
    pub status: Option<RegistrationStatus>,
    pub position: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_childrens_workshop_seats_the_children_and_an_adult_comes_with_them() {
        let workshop = SignupRules {
            max_per_signup: 3,
            ages: Some((8, 12)),
            asks_children: true,
            seats_for: SeatsFor::Children,
        };
        let kid = |n: &str| Child {
            first_name: n.into(),
            age: 9,
        };
        let group = |adults, kids: &[Child]| {
            let mut c = Checker::default();
            let g = check_group(&mut c, adults, kids, workshop);
            (g, c.finish(|| Some(())).err())
        };
        // One adult and two children: two seats.
        let (g, _) = group(1, &[kid("Lou"), kid("Noé")]);
        assert_eq!(g.map(|g| g.seats()), Some(2));
        // An adult alone takes no children's seat.
        let (g, e) = group(1, &[]);
        assert!(g.is_none());
        assert_eq!(
            e.map(|e| e.into_iter().collect::<Vec<_>>()),
            Some(vec![("children".to_string(), ApiMsg::FieldChildRequired)])
        );
        // Children come with an adult.
        assert!(group(0, &[kid("Lou")]).0.is_none());
        // A teacher training seats adults and has no children.
        let training = SignupRules {
            seats_for: SeatsFor::Adults,
            asks_children: false,
            ..workshop
        };
        let mut c = Checker::default();
        assert!(check_group(&mut c, 1, &[Child::default()], training).is_none());
        assert_eq!(seats_taken(SeatsFor::Adults, 2, 0), 2);
        assert_eq!(seats_taken(SeatsFor::Everyone, 1, 2), 3);
    }

    #[test]
    fn the_door_opens_on_the_events_days_only() {
        let at = |d: u32, h: u32| {
            NaiveDate::from_ymd_opt(2026, 12, d)
                .and_then(|d| d.and_hms_opt(h, 0, 0))
                .unwrap_or_default()
        };
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).unwrap_or_default();
        // A Wednesday afternoon workshop: the morning of the 16th yes, the 5th and the 17th no.
        assert!(door_open(at(16, 14), at(16, 16), day(16)));
        assert!(!door_open(at(16, 14), at(16, 16), day(5)));
        assert!(!door_open(at(16, 14), at(16, 16), day(17)));
        // An evening that runs past midnight: both days.
        assert!(door_open(at(16, 22), at(17, 1), day(17)));
    }

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").expect("literal")
    }

    #[test]
    fn children_data_is_erased_thirty_days_after_the_workshop() {
        assert_eq!(
            children_erased_on(local("2026-12-16T14:00"), 30),
            NaiveDate::from_ymd_opt(2027, 1, 15).expect("date")
        );
        // An event ending after midnight counts from its last day.
        assert_eq!(
            children_erased_on(local("2027-02-28T23:30"), 1),
            NaiveDate::from_ymd_opt(2027, 3, 1).expect("date")
        );
    }

    #[test]
    fn the_reminder_is_due_within_its_window_only() {
        let starts = Utc
            .with_ymd_and_hms(2026, 12, 16, 13, 0, 0)
            .single()
            .expect("t");
        assert!(!reminder_due(starts, 48, starts - Duration::hours(49)));
        assert!(reminder_due(starts, 48, starts - Duration::hours(48)));
        assert!(reminder_due(starts, 48, starts - Duration::minutes(1)));
        assert!(!reminder_due(starts, 48, starts));
    }

    #[test]
    fn monthly_meetings_keep_their_paris_hour_across_both_clock_changes() {
        use crate::recurrence::MonthlyRule;
        use crate::time::HhMm;
        let rule = MonthlyRule::new(2, 4, HhMm::new(18, 30).expect("t"), 120).expect("rule");
        let dates = rule.next_occurrences(local("2027-02-01T00:00"), 10);
        let utc: Vec<String> = dates
            .iter()
            .map(|d| {
                instant(*d)
                    .expect("not in the gap")
                    .format("%m-%dT%H:%M")
                    .to_string()
            })
            .collect();
        // 18:30 in Paris is 17:30 UTC in winter, 16:30 UTC in summer (from 28 March, to 31 October 2027).
        assert_eq!(
            utc,
            [
                "02-11T17:30",
                "03-11T17:30",
                "04-08T16:30",
                "05-13T16:30",
                "06-10T16:30",
                "07-08T16:30",
                "08-12T16:30",
                "09-09T16:30",
                "10-14T16:30",
                "11-11T17:30"
            ]
        );
        // The skipped hour in March is no instant at all: an event cannot start then.
        assert_eq!(instant(local("2027-03-28T02:30")), None);
    }

    fn event_input() -> EventInput {
        EventInput {
            kind: "children_workshop".into(),
            title_fr: "Atelier code".into(),
            audience: "families".into(),
            starts_at: "2026-12-16T14:00".into(),
            ends_at: "2026-12-16T16:00".into(),
            in_room: true,
            capacity: 12,
            max_per_signup: 3,
            age_min: Some(8),
            age_max: Some(12),
            asks_children: true,
            ..EventInput::default()
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, 10, 0, 0)
            .single()
            .expect("t")
    }

    fn fields(r: Result<ValidEvent, FieldErrors>) -> Vec<String> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|(f, _)| f)
            .collect()
    }

    #[test]
    fn an_event_is_checked_field_by_field() {
        let ok = check_event(&event_input(), now(), true);
        assert!(
            ok.as_ref()
                .is_ok_and(|e| e.title.en.is_empty() && e.signup_opens == now()),
            "{ok:?}"
        );
        let bad = EventInput {
            kind: "party".into(),
            title_fr: " ".into(),
            ends_at: "2026-12-16T13:00".into(),
            capacity: 0,
            age_min: Some(12),
            age_max: Some(8),
            in_room: false,
            ..event_input()
        };
        assert_eq!(
            fields(check_event(&bad, now(), true)),
            [
                "kind",
                "title_fr",
                "place",
                "address",
                "ends_at",
                "capacity",
                "max_per_signup",
                "age_max"
            ]
        );
        let past = EventInput {
            starts_at: "2026-12-01T14:00".into(),
            ends_at: "2026-12-01T16:00".into(),
            ..event_input()
        };
        assert_eq!(fields(check_event(&past, now(), true)), ["starts_at"]);
        let far = EventInput {
            starts_at: "9999-12-01T14:00".into(),
            ends_at: "9999-12-01T16:00".into(),
            ..event_input()
        };
        assert_eq!(
            check_event(&far, now(), true).err(),
            Some(vec![("starts_at".to_string(), ApiMsg::FieldEventHorizon)]),
            "an event in 9999 is refused for its date"
        );
        assert!(check_event(&past, now(), false).is_ok());
        let late = EventInput {
            signup_closes_at: "2026-12-17T10:00".into(),
            ..event_input()
        };
        assert_eq!(
            fields(check_event(&late, now(), true)),
            ["signup_closes_at"]
        );
    }

    fn rules() -> SignupRules {
        SignupRules {
            max_per_signup: 3,
            ages: Some((8, 12)),
            asks_children: true,
            seats_for: SeatsFor::Everyone,
        }
    }

    fn reg() -> RegistrationRequest {
        RegistrationRequest {
            name: "Anne Le Gall".into(),
            email: "anne@example.fr".into(),
            adults: 1,
            children: vec![
                Child {
                    first_name: "Lou".into(),
                    age: 9,
                },
                Child {
                    first_name: "Yann".into(),
                    age: 11,
                },
            ],
            consent_children: true,
            ..RegistrationRequest::default()
        }
    }

    fn reg_fields(r: Result<ValidRegistration, FieldErrors>) -> Vec<(String, ApiMsg)> {
        r.err().unwrap_or_default()
    }

    #[test]
    fn a_family_sign_up_is_checked_seat_by_seat() {
        let ok = check_registration(&reg(), rules());
        assert!(
            ok.as_ref()
                .is_ok_and(|r| r.group.seats() == 3 && r.group.named.len() == 2),
            "{ok:?}"
        );
        let no_consent = RegistrationRequest {
            consent_children: false,
            ..reg()
        };
        assert_eq!(
            reg_fields(check_registration(&no_consent, rules())),
            [("consent_children".to_string(), ApiMsg::FieldChildrenConsent)]
        );
        let too_many = RegistrationRequest { adults: 2, ..reg() };
        assert_eq!(
            reg_fields(check_registration(&too_many, rules())),
            [("adults".to_string(), ApiMsg::FieldSeats)]
        );
        // A thousand children: the children's list is what is wrong, not the adults.
        let a_thousand = RegistrationRequest {
            children: vec![
                Child {
                    first_name: "Lou".into(),
                    age: 9,
                };
                1000
            ],
            ..reg()
        };
        assert_eq!(
            reg_fields(check_registration(&a_thousand, rules())),
            [("children".to_string(), ApiMsg::FieldSeats)]
        );
        let too_young = RegistrationRequest {
            children: vec![Child {
                first_name: "Lou".into(),
                age: 6,
            }],
            ..reg()
        };
        assert_eq!(
            reg_fields(check_registration(&too_young, rules())),
            [("children.0.age".to_string(), ApiMsg::FieldChildAge)]
        );
        let nameless = RegistrationRequest {
            children: vec![Child {
                first_name: "".into(),
                age: 9,
            }],
            ..reg()
        };
        assert_eq!(
            reg_fields(check_registration(&nameless, rules())),
            [("children.0.first_name".to_string(), ApiMsg::FieldRequired)]
        );
        let alone = RegistrationRequest { adults: 0, ..reg() };
        assert_eq!(
            reg_fields(check_registration(&alone, rules())),
            [("adults".to_string(), ApiMsg::FieldAdultRequired)]
        );
    }

    #[test]
    fn children_of_an_event_that_does_not_ask_are_counted_not_named() {
        let open_day = SignupRules {
            max_per_signup: 6,
            ages: None,
            asks_children: false,
            seats_for: SeatsFor::Everyone,
        };
        let r = check_registration(
            &RegistrationRequest {
                consent_children: false,
                ..reg()
            },
            open_day,
        );
        assert!(
            r.as_ref().is_ok_and(|r| r.group.children == 2
                && r.group.named.is_empty()
                && !r.consent_children),
            "{r:?}"
        );
    }

    #[test]
    fn signups_open_and_close_on_time() {
        let t = now();
        let h = Duration::hours(1);
        assert_eq!(
            signup_state(t + h, t + h + h, false, t),
            SignupState::NotYet
        );
        assert_eq!(signup_state(t - h, t + h, false, t), SignupState::Open);
        assert_eq!(
            signup_state(t - h - h, t - h, false, t),
            SignupState::Closed
        );
        assert_eq!(signup_state(t - h, t + h, true, t), SignupState::Cancelled);
    }
}
