//! `ToJson` writes exactly what serde writes, and `FromJson` reads exactly what serde writes, for
//! every type that derives them.
//!
//! For each type: realistic values (every variant, options set and unset, defaults, awkward strings
//! and integer bounds) are written with `json::to_string`, which must give byte for byte the text of
//! `serde_json::to_string`; that text (and `serde_json::to_string_pretty`'s) is read back with
//! `json::from_str`, and compared with the original and with `serde_json::from_str` of the same text.
//! Hand-written texts then cover what serde reads but never writes in that form (missing defaulted or
//! optional fields, unknown fields, members in another order), and texts both must refuse.
//!
//! `every_from_json_type_round_trips` also scans the domain's sources for `FromJson` and `ToJson`
//! derives and impls and fails if one of those types has no sample values here: add them when adding
//! a wire type.

use std::any::type_name;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;

use chrono::{Datelike, NaiveDate};
use serde::de::DeserializeOwned;
use serde::Serialize;

use domain::accounts::{MembershipStatus, PaymentMethod, Reminder, Role};
use domain::assembly::{
    AnswerInput, AssemblyDoor, AssemblyInput, AssemblyKind, AssemblyStatus, AssemblyView,
    BoardRole, BoardSeat, CandidacyInput, CandidateVoices, Choice, CloseInput, DoorCheck,
    DoorVoter, Intent, ItemInput, ItemKind, ItemResult, ItemView, Majority, Minutes, MyAssembly,
    MyAssemblyCard, NoVote, OpenVote, ProxyLine, ProxyOffer, ProxyStatus, PublishedBallot, Quorum,
    RoleInput, StaffAssembly, Statutes, Voice, VoteCast, VoteInput, VoteStatus, VoterAnswer,
};
use domain::calendar::{BookingRules, DeskPeriod};
use domain::consultations::*;
use domain::events::*;
use domain::i18n::{Lang, Localized};
use domain::recurrence::MonthlyRule;
use domain::settings::{DayHours, OpeningHours, RoomRates, Setting, SettingValue};
use domain::stats::*;
use domain::time::{HhMm, LocalDateTime};
use domain::wire::*;
use wire_json::{self as json, FromJson, ToJson};

/// The types given sample values, by name (generic arguments dropped): those checked both ways,
/// and those with one half only (read by the app only; written by the app only).
#[derive(Default)]
struct Coverage {
    both_ways: BTreeSet<String>,
    read_only: BTreeSet<String>,
    written_only: BTreeSet<String>,
}

impl Coverage {
    /// The types checked for `FromJson`, and for `ToJson`.
    fn of(&self, to_json: bool) -> BTreeSet<String> {
        let half = if to_json {
            &self.written_only
        } else {
            &self.read_only
        };
        self.both_ways.union(half).cloned().collect()
    }
}

/// The type names that the domain's sources derive or implement a trait for.
#[derive(Default)]
struct InSources {
    from_json: BTreeSet<String>,
    to_json: BTreeSet<String>,
}

/// `domain::i18n::Localized<alloc::string::String>` → `Localized`.
fn short_name<T>() -> String {
    let full = type_name::<T>();
    let base = full.split('<').next().unwrap_or(full);
    base.rsplit("::").next().unwrap_or(base).to_string()
}

/// Writes each value with `ToJson` and with serde, which must give the same text; reads it back with
/// `FromJson` and with serde; all must agree. (A type with one half only has
/// [`read_as_serde_wrote`], or a check of its own.)
fn round_trip<T>(coverage: &mut Coverage, values: &[T])
where
    T: Serialize + DeserializeOwned + FromJson + ToJson + PartialEq + Debug,
{
    assert!(!values.is_empty(), "{}: no sample values", type_name::<T>());
    coverage.both_ways.insert(short_name::<T>());
    for value in values {
        let ours = json::to_string(value);
        let by_serde = serde_json::to_string(value).expect("serde serializes the wire types");
        assert_eq!(
            ours,
            by_serde,
            "{}: ToJson and serde write different texts",
            type_name::<T>()
        );
        let back: T = json::from_str(&ours)
            .unwrap_or_else(|e| panic!("{}: FromJson refused {ours}: {e}", type_name::<T>()));
        assert_eq!(&back, value, "{}: {ours}", type_name::<T>());
        for text in serde_texts_read_back(value) {
            let by_serde: T = serde_json::from_str(&text).expect("serde reads what it wrote");
            assert_eq!(&by_serde, value, "{}: {text}", type_name::<T>());
        }
    }
}

/// What serde writes of `value`, compact and pretty: `FromJson` reads each back to the same
/// value. The texts, for more checks.
fn serde_texts_read_back<T>(value: &T) -> [String; 2]
where
    T: Serialize + FromJson + PartialEq + Debug,
{
    let texts = [
        serde_json::to_string(value),
        serde_json::to_string_pretty(value),
    ]
    .map(|text| text.expect("serde serializes the wire types"));
    for text in &texts {
        let ours: T = json::from_str(text)
            .unwrap_or_else(|e| panic!("{}: FromJson refused {text}: {e}", type_name::<T>()));
        assert_eq!(&ours, value, "{}: {text}", type_name::<T>());
    }
    texts
}

/// The half of [`round_trip`] for an answer only the app reads and only the worker writes (it has
/// `Serialize` and `FromJson`, nothing else): what serde writes, `FromJson` reads back the same.
fn read_as_serde_wrote<T>(coverage: &mut Coverage, values: &[T])
where
    T: Serialize + FromJson + PartialEq + Debug,
{
    assert!(!values.is_empty(), "{}: no sample values", type_name::<T>());
    coverage.read_only.insert(short_name::<T>());
    for value in values {
        serde_texts_read_back(value);
    }
}

/// Texts that serde reads: `FromJson` must read them to the same value.
fn accepted_like_serde<T>(texts: &[&str])
where
    T: DeserializeOwned + FromJson + PartialEq + Debug,
{
    for text in texts {
        let by_serde: T = serde_json::from_str(text)
            .unwrap_or_else(|e| panic!("{}: serde refused {text}: {e}", type_name::<T>()));
        let ours: T = json::from_str(text)
            .unwrap_or_else(|e| panic!("{}: FromJson refused {text}: {e}", type_name::<T>()));
        assert_eq!(ours, by_serde, "{}: {text}", type_name::<T>());
    }
}

/// Texts that serde refuses: `FromJson` must refuse them too.
fn refused_like_serde<T>(texts: &[&str])
where
    T: DeserializeOwned + FromJson + Debug,
{
    for text in texts {
        let by_serde = serde_json::from_str::<T>(text);
        assert!(
            by_serde.is_err(),
            "{}: serde accepted {text}: {by_serde:?}",
            type_name::<T>()
        );
        let ours = json::from_str::<T>(text);
        assert!(
            ours.is_err(),
            "{}: FromJson accepted {text} that serde refuses: {ours:?}",
            type_name::<T>()
        );
    }
}

/// The type names in the domain's sources that derive or implement `FromJson` and `ToJson` (the
/// building blocks of `json.rs` aside: they have their own tests there).
fn json_types_in_sources() -> InSources {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut names = InSources::default();
    for entry in std::fs::read_dir(&dir).expect("domain/src is readable") {
        let path = entry.expect("a directory entry").path();
        let file = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if !file.ends_with(".rs") || file == "json.rs" {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("a readable source file");
        let (mut from_json_pending, mut to_json_pending) = (false, false);
        // A derive may span several lines (rustfmt breaks long ones).
        let mut in_derive = false;
        for line in source.lines().map(str::trim) {
            in_derive |= line.starts_with("#[derive(");
            if in_derive {
                from_json_pending |= line.contains("FromJson");
                to_json_pending |= line.contains("ToJson");
                in_derive = !line.ends_with(")]");
            }
            let type_name = |rest: &str| {
                rest.split([' ', '<', '(', '{', ';'])
                    .next()
                    .unwrap_or_default()
                    .to_string()
            };
            if let Some(rest) = line.strip_prefix("impl FromJson for ") {
                names.from_json.insert(type_name(rest));
            }
            if let Some(rest) = line.strip_prefix("impl ToJson for ") {
                names.to_json.insert(type_name(rest));
            }
            let item = line.strip_prefix("pub ").unwrap_or(line);
            if let Some(rest) = item
                .strip_prefix("struct ")
                .or_else(|| item.strip_prefix("enum "))
            {
                if from_json_pending {
                    names.from_json.insert(type_name(rest));
                }
                if to_json_pending {
                    names.to_json.insert(type_name(rest));
                }
                (from_json_pending, to_json_pending) = (false, false);
            }
        }
    }
    names
}

// ------------------------------------------------------------------ sample values

/// Text that exercises the escapes serde writes: quotes, backslashes, controls, non-ASCII, astral.
const AWKWARD: &str = "Crêpes & « café » \"quoted\" \\ back\\slash / </script>\n\ttab \u{1}\u{1f}\u{7f} \u{2028} 🦀 Kerne";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

fn hm(s: &str) -> HhMm {
    HhMm::parse(s).expect("a valid time")
}

fn at(s: &str) -> LocalDateTime {
    LocalDateTime::parse(s).expect("a valid local date-time")
}

fn loc(fr: &str, en: &str) -> Localized<String> {
    Localized {
        fr: fr.to_string(),
        en: en.to_string(),
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn opening_hours() -> OpeningHours {
    OpeningHours::new(
        (1..=5)
            .map(|weekday| DayHours {
                weekday,
                open: hm("09:00"),
                close: if weekday == 5 {
                    hm("17:30")
                } else {
                    hm("18:00")
                },
            })
            .collect(),
    )
    .expect("valid opening hours")
}

fn room_rates() -> RoomRates {
    RoomRates {
        member_half_day_cents: 0,
        member_day_cents: 1_000,
        non_member_half_day_cents: 6_000,
        non_member_day_cents: 10_000,
    }
}

fn monthly_rule() -> MonthlyRule {
    MonthlyRule {
        ordinal: 2,
        weekday: 4,
        time: hm("18:30"),
        duration_minutes: 120,
    }
}

fn me() -> Me {
    Me {
        id: 42,
        email: "anne.le.gall@example.bzh".into(),
        name: "Anne Le Gall".into(),
        role: Role::Member,
        lang: Lang::Fr,
        membership: MembershipStatus::Active {
            until: date(2027, 3, 14),
        },
        phone: "+33 2 98 00 00 00".into(),
        company: "Ti Kod".into(),
        skills: strings(&["rust", "électronique", "impression 3d"]),
        bio: AWKWARD.into(),
        in_directory: true,
        clubs: strings(&["rust-quimper", "arduino"]),
    }
}

fn member_summary(id: i64, membership: MembershipStatus, active: bool) -> MemberSummary {
    MemberSummary {
        id,
        name: "Yann Kervella".into(),
        email: "yann@example.org".into(),
        phone: String::new(),
        company: String::new(),
        skills: vec![],
        clubs: strings(&["arduino"]),
        role: Role::Staff,
        membership,
        active,
    }
}

fn payment(id: i64, method: PaymentMethod) -> Payment {
    Payment {
        id,
        amount_cents: 2_000,
        paid_on: date(2026, 2, 28),
        method,
        period_start: date(2026, 2, 28),
        period_end: date(2027, 2, 27),
        recorded_by: "Maïwenn (staff)".into(),
    }
}

fn application(status: ApplicationStatus, decline_reason: Option<&str>) -> Application {
    Application {
        id: 7,
        name: "Gwenaël Riou".into(),
        email: "gwen@example.fr".into(),
        phone: "06 12 34 56 78".into(),
        company: String::new(),
        skills: strings(&["kicad"]),
        motivation: AWKWARD.into(),
        clubs: vec![],
        lang: Lang::En,
        status,
        created_at: "2026-01-05T10:12:00Z".into(),
        decline_reason: decline_reason.map(str::to_string),
    }
}

fn outbox_email(sent_at: Option<&str>) -> OutboxEmail {
    OutboxEmail {
        id: 3,
        to: "anne.le.gall@example.bzh".into(),
        subject: "Votre adhésion expire dans 30 jours".into(),
        body_text: "Bonjour Anne,\n\nVotre adhésion…\n\n-- \nSilicon Kerne".into(),
        lang: Lang::Fr,
        status: if sent_at.is_some() { "sent" } else { "pending" }.into(),
        kind: "reminder_30".into(),
        created_at: "2026-02-12T08:00:00Z".into(),
        sent_at: sent_at.map(str::to_string),
        secret_shown: sent_at.is_none(),
    }
}

fn staff_booking(id: i64, member_id: Option<i64>, period: Option<DeskPeriod>) -> StaffBooking {
    StaffBooking {
        id,
        kind: if member_id.is_some() {
            "member"
        } else {
            "block"
        }
        .into(),
        resource: "coworking".into(),
        member_id,
        label: "Anne Le Gall".into(),
        start: at("2026-10-25T02:30"),
        end: at("2026-10-25T13:00"),
        period,
        checked_in: member_id.is_some(),
        no_show: false,
        started: false,
        email: if member_id.is_some() {
            "anne@exemple.fr"
        } else {
            ""
        }
        .into(),
        phone: if member_id.is_some() {
            "06 12 34 56 78"
        } else {
            ""
        }
        .into(),
    }
}

fn quote(lines: Vec<QuoteLine>) -> Quote {
    let total_cents = lines.iter().map(|l| l.total_cents).sum();
    Quote {
        number: "D-2026-0012".into(),
        issued_on: date(2026, 3, 1),
        valid_until: date(2026, 3, 31),
        issuer: QuoteIssuer {
            name: "Silicon Kerne".into(),
            address: "12 rue du Numérique, 29000 Quimper".into(),
            email: "contact@silicon-kerne.net".into(),
            phone: "02 98 00 00 00".into(),
            rna: "W291012345".into(),
            siret: String::new(),
            iban: "FR76 3000 6000 0112 3456 7890 189".into(),
        },
        lines,
        total_cents,
    }
}

fn quote_line(quantity: u32, unit_cents: i64) -> QuoteLine {
    QuoteLine {
        label: loc("Salle, journée", "Room, full day"),
        quantity,
        unit_cents,
        total_cents: i64::from(quantity) * unit_cents,
    }
}

fn site_content(opening: TodayOpening, upcoming: Vec<UpcomingEvent>) -> SiteContent {
    SiteContent {
        name: "Silicon Kerne".into(),
        about: loc(AWKWARD, "A third place for makers in Quimper."),
        founded_year: 2014,
        member_count: 87,
        yearly_budget_cents: 4_200_000,
        membership_fee_cents: 3000,
        general_assembly: date(2026, 6, 20),
        concierge: "Maïwenn".into(),
        contact: Contact {
            address: "1 rue de la Forge\n29000 Quimper".into(),
            email: "bonjour@silicon-kerne.bzh".into(),
            phone: "02 98 00 00 00".into(),
            website: "https://silicon-kerne.bzh".into(),
        },
        today: Today {
            date: date(2026, 5, 1),
            opening,
        },
        opening_hours: opening_hours(),
        room_rates: room_rates(),
        resources: vec![Resource {
            slug: "coworking".into(),
            kind: ResourceKind::Desk,
            name: loc("Coworking", "Coworking"),
            capacity: 12,
            description: loc("Douze postes", "Twelve desks"),
        }],
        clubs: vec![Club {
            slug: "rust-quimper".into(),
            name: loc("Rust Quimper", "Rust Quimper"),
            description: loc("", ""),
            rule: monthly_rule(),
            next_meetings: vec![at("2026-05-14T18:30"), at("2026-06-11T18:30")],
            next_meeting: Some(ClubMeeting {
                id: 912,
                starts_at: at("2026-05-21T18:30"),
            }),
        }],
        partners: vec![Partner {
            slug: "ville".into(),
            name: "Ville de Quimper".into(),
            url: "https://www.quimper.bzh".into(),
            description: loc("Partenaire", "Partner"),
        }],
        board: vec![BoardMember {
            name: "Loïc".into(),
            role: loc("Président", "Chair"),
        }],
        upcoming_events: upcoming,
        children_retention_days: 30,
        consultation_retention_days: 730,
        booking_limits: domain::wire::BookingLimits {
            horizon_days: 60,
            room_weekly_quota_minutes: 360,
        },
        transfer_iban: Some("FR76 3000 6000 0112 3456 7890 189".into()),
    }
}

fn upcoming_event(club: Option<&str>) -> UpcomingEvent {
    UpcomingEvent {
        id: 903,
        kind: EventKind::ClubMeeting,
        club: club.map(str::to_string),
        title: loc("Soirée Rust", "Rust evening"),
        starts_at: at("2026-05-14T18:30"),
        ends_at: at("2026-05-14T20:30"),
    }
}

// ------------------------------------------------------------------ the round trips

fn building_blocks(c: &mut Coverage) {
    round_trip(c, &[hm("00:00"), hm("09:05"), hm("23:59")]);
    round_trip(
        c,
        &[
            at("2026-03-29T02:30"),
            at("0001-01-01T00:00"),
            at("9999-12-31T23:59"),
        ],
    );
    round_trip(c, &[Lang::Fr, Lang::En]);
    round_trip(c, &[loc("", ""), loc(AWKWARD, "plain")]);
    round_trip(
        c,
        &[Localized {
            fr: 1u32,
            en: u32::MAX,
        }],
    );
    round_trip(
        c,
        &[Localized {
            fr: Some(Lang::En),
            en: None,
        }],
    );
    round_trip(
        c,
        &[
            monthly_rule(),
            MonthlyRule {
                ordinal: -1,
                weekday: 7,
                time: hm("00:00"),
                duration_minutes: 0,
            },
        ],
    );
    round_trip(
        c,
        &[DayHours {
            weekday: 1,
            open: hm("09:00"),
            close: hm("18:00"),
        }],
    );
    round_trip(
        c,
        &[
            opening_hours(),
            OpeningHours::new(vec![]).expect("no opening is valid"),
        ],
    );
    round_trip(c, &[room_rates()]);
    round_trip(
        c,
        &[
            BookingRules::default(),
            BookingRules {
                horizon_days: 366,
                desk_morning: (hm("08:00"), hm("12:30")),
                ..BookingRules::default()
            },
        ],
    );
    round_trip(
        c,
        &[DeskPeriod::Morning, DeskPeriod::Afternoon, DeskPeriod::Day],
    );
    round_trip(c, &[Role::Member, Role::Staff, Role::Admin]);
    round_trip(
        c,
        &[
            PaymentMethod::Cash,
            PaymentMethod::Cheque,
            PaymentMethod::Transfer,
            PaymentMethod::Card,
        ],
    );
    round_trip(
        c,
        &[
            MembershipStatus::Active {
                until: date(2026, 12, 31),
            },
            MembershipStatus::Expired {
                since: date(2024, 2, 29),
            },
            MembershipStatus::None,
        ],
    );
    round_trip(
        c,
        &[Reminder::ThirtyDays, Reminder::SevenDays, Reminder::Expired],
    );
}

fn public_site(c: &mut Coverage) {
    round_trip(c, &ErrorCode::ALL);
    round_trip(
        c,
        &[
            domain::wire::BookingLimits::default(),
            domain::wire::BookingLimits {
                horizon_days: 366,
                room_weekly_quota_minutes: u32::MAX,
            },
        ],
    );
    round_trip(
        c,
        &[
            ApiErrorBody {
                code: ErrorCode::NotFound,
                message: "Introuvable".into(),
                fields: BTreeMap::new(),
            },
            ApiErrorBody {
                code: ErrorCode::Validation,
                message: AWKWARD.into(),
                fields: [
                    ("email".to_string(), "Adresse invalide".to_string()),
                    ("é \"x\"".to_string(), AWKWARD.to_string()),
                ]
                .into(),
            },
        ],
    );
    round_trip(
        c,
        &[Health {
            status: "ok".into(),
            version: "0.1.0".into(),
            time: "2026-05-01T10:00:00+02:00".into(),
            database: "ok".into(),
        }],
    );
    let opening_variants = [
        TodayOpening::Open {
            open: hm("09:00"),
            close: hm("18:00"),
        },
        TodayOpening::Closed,
        TodayOpening::Holiday {
            name: loc("Fête du Travail", "Labour Day"),
        },
        TodayOpening::ClosureDay,
    ];
    round_trip(c, &opening_variants);
    round_trip(
        c,
        &opening_variants.clone().map(|opening| Today {
            date: date(2026, 5, 1),
            opening,
        }),
    );
    round_trip(
        c,
        &[
            site_content(TodayOpening::Closed, vec![]),
            site_content(
                opening_variants[0].clone(),
                vec![upcoming_event(Some("rust-quimper")), upcoming_event(None)],
            ),
        ],
    );
    let s = site_content(TodayOpening::ClosureDay, vec![]);
    round_trip(c, std::slice::from_ref(&s.contact));
    round_trip(c, &[ResourceKind::Desk, ResourceKind::Room]);
    round_trip(
        c,
        &[
            s.resources[0].clone(),
            Resource {
                slug: "salle".into(),
                kind: ResourceKind::Room,
                name: loc("Salle", "Room"),
                capacity: 1,
                description: loc("", ""),
            },
        ],
    );
    round_trip(
        c,
        &[
            s.clubs[0].clone(),
            Club {
                next_meetings: vec![],
                next_meeting: None,
                ..s.clubs[0].clone()
            },
        ],
    );
    round_trip(
        c,
        &[ClubMeeting {
            id: 1,
            starts_at: at("2026-12-10T18:30"),
        }],
    );
    round_trip(c, &[s.partners[0].clone()]);
    round_trip(c, &[s.board[0].clone()]);
    round_trip(c, &EventKind::ALL);
    round_trip(c, &[upcoming_event(Some("arduino")), upcoming_event(None)]);
}

fn accounts_and_membership(c: &mut Coverage) {
    round_trip(
        c,
        &[
            LoginRequest::default(),
            LoginRequest {
                email: "anne.le.gall@example.bzh".into(),
                password: AWKWARD.into(),
            },
        ],
    );
    round_trip(
        c,
        &[
            me(),
            Me {
                role: Role::Admin,
                lang: Lang::En,
                membership: MembershipStatus::None,
                skills: vec![],
                clubs: vec![],
                in_directory: false,
                ..me()
            },
            Me {
                membership: MembershipStatus::Expired {
                    since: date(2025, 1, 1),
                },
                id: i64::MAX,
                ..me()
            },
        ],
    );
    round_trip(
        c,
        &[
            ApplicationRequest::default(),
            ApplicationRequest {
                name: "Gwenaël Riou".into(),
                email: "gwen@example.fr".into(),
                phone: "06 12 34 56 78".into(),
                company: "Breizh Bits".into(),
                skills: strings(&["kicad", "soudure"]),
                motivation: AWKWARD.into(),
                clubs: strings(&["arduino"]),
                consent: true,
                lang: Lang::En,
            },
        ],
    );
    round_trip(
        c,
        &[
            ApplicationStatus::Pending,
            ApplicationStatus::Approved,
            ApplicationStatus::Declined,
        ],
    );
    round_trip(
        c,
        &[
            application(ApplicationStatus::Pending, None),
            application(ApplicationStatus::Declined, Some("Dossier incomplet")),
            application(ApplicationStatus::Approved, Some("")),
        ],
    );
    round_trip(
        c,
        &[
            DeclineRequest::default(),
            DeclineRequest {
                reason: AWKWARD.into(),
            },
        ],
    );
    round_trip(
        c,
        &[
            SetPasswordRequest::default(),
            SetPasswordRequest {
                token: "tok_3f9a".into(),
                password: "correct horse battery".into(),
            },
        ],
    );
    round_trip(
        c,
        &[
            PasswordResetRequest::default(),
            PasswordResetRequest {
                email: "yann@example.org".into(),
            },
        ],
    );
    round_trip(
        c,
        &[
            member_summary(1, MembershipStatus::None, true),
            member_summary(
                2,
                MembershipStatus::Active {
                    until: date(2026, 9, 30),
                },
                false,
            ),
            member_summary(
                i64::MIN,
                MembershipStatus::Expired {
                    since: date(2000, 1, 1),
                },
                true,
            ),
        ],
    );
    round_trip(
        c,
        &[
            MemberDetail {
                member: member_summary(
                    2,
                    MembershipStatus::Active {
                        until: date(2026, 9, 30),
                    },
                    true,
                ),
                bio: AWKWARD.into(),
                in_directory: true,
                created_at: "2024-09-01T12:00:00Z".into(),
                payments: vec![
                    payment(1, PaymentMethod::Cash),
                    payment(2, PaymentMethod::Card),
                ],
            },
            MemberDetail {
                member: member_summary(3, MembershipStatus::None, true),
                bio: String::new(),
                in_directory: false,
                created_at: "2026-01-01T00:00:00Z".into(),
                payments: vec![],
            },
        ],
    );
    round_trip(
        c,
        &[
            PaymentRequest {
                amount_cents: 2_000,
                paid_on: "2026-03-01".into(),
                method: "cheque".into(),
            },
            PaymentRequest {
                amount_cents: 0,
                paid_on: String::new(),
                method: String::new(),
            },
            PaymentRequest {
                amount_cents: -5,
                paid_on: "not a date".into(),
                method: "bitcoin".into(),
            },
        ],
    );
    round_trip(
        c,
        &[
            payment(1, PaymentMethod::Transfer),
            Payment {
                amount_cents: i64::MAX,
                ..payment(9, PaymentMethod::Cheque)
            },
        ],
    );
    round_trip(
        c,
        &[
            RoleRequest { role: Role::Staff },
            RoleRequest { role: Role::Member },
        ],
    );
    round_trip(
        c,
        &[
            ProfileUpdate::default(),
            ProfileUpdate {
                name: "Anne".into(),
                phone: "+33 6 00 00 00 00".into(),
                company: "Ti Kod".into(),
                skills: strings(&["rust"]),
                bio: AWKWARD.into(),
                in_directory: true,
                lang: Lang::En,
            },
        ],
    );
    round_trip(
        c,
        &[DirectoryEntry {
            id: 42,
            name: "Anne Le Gall".into(),
            email: "anne.le.gall@example.bzh".into(),
            company: "Ti Kod".into(),
            skills: strings(&["rust", "électronique"]),
            bio: AWKWARD.into(),
            clubs: vec![],
        }],
    );
    round_trip(
        c,
        &[
            outbox_email(None),
            outbox_email(Some("2026-02-12T08:00:05Z")),
        ],
    );
    round_trip(
        c,
        &[AuditEntry {
            id: 1,
            at: "2026-02-12T08:00:00Z".into(),
            actor: "Maïwenn".into(),
            action: "payment.record".into(),
            target_type: "member".into(),
            target_id: "42".into(),
            details: "{\"amount_cents\":2000}".into(),
            summary: loc(
                "Maïwenn a enregistré une cotisation.",
                "Maïwenn recorded a fee.",
            ),
        }],
    );
    round_trip(
        c,
        &[
            MemberExport {
                exported_at: "2026-05-01T10:00:00+02:00".into(),
                profile: me(),
                payments: vec![payment(1, PaymentMethod::Cash)],
                applications: vec![application(ApplicationStatus::Approved, None)],
                emails: vec![
                    outbox_email(None),
                    outbox_email(Some("2026-02-12T08:00:05Z")),
                ],
                bookings: vec![],
                clubs: vec![],
                calendar_feed: true,
                events: vec![domain::events::MemberSignup {
                    event_id: 912,
                    title: Localized {
                        fr: "Graphistes".into(),
                        en: "Graphic designers".into(),
                    },
                    starts_at: at("2026-05-05T18:30"),
                    status: domain::events::RegistrationStatus::Confirmed,
                    seats: 1,
                    signed_up_at: "2026-05-01T10:00:00Z".into(),
                }],
            },
            MemberExport {
                exported_at: String::new(),
                profile: me(),
                payments: vec![],
                applications: vec![],
                emails: vec![],
                bookings: vec![],
                clubs: vec![],
                calendar_feed: false,
                events: vec![],
            },
        ],
    );
    round_trip(
        c,
        &[domain::events::MemberSignup {
            event_id: 1,
            title: Localized {
                fr: "Réunion".into(),
                en: "Meeting".into(),
            },
            starts_at: at("2026-12-10T18:30"),
            status: domain::events::RegistrationStatus::Cancelled,
            seats: 0,
            signed_up_at: String::new(),
        }],
    );
    round_trip(
        c,
        &[
            Created { id: 0 },
            Created { id: i64::MAX },
            Created { id: i64::MIN },
            Created { id: -1 },
        ],
    );
}

fn booking_calendar(c: &mut Coverage) {
    round_trip(
        c,
        &[ResourceInfo {
            slug: "salle".into(),
            kind: ResourceKind::Room,
            name: "Salle de réunion".into(),
            names: loc("Salle de réunion", "Meeting room"),
            capacity: 1,
            description: loc(AWKWARD, ""),
        }],
    );
    let slots = vec![
        SlotAvailability {
            start: at("2026-10-25T09:00"),
            end: at("2026-10-25T13:00"),
            free: 12,
            period: Some(DeskPeriod::Morning),
            started: false,
        },
        SlotAvailability {
            start: at("2026-10-25T09:00"),
            end: at("2026-10-25T09:30"),
            free: 0,
            period: None,
            started: true,
        },
        SlotAvailability {
            start: at("2026-10-25T09:00"),
            end: at("2026-10-25T18:00"),
            free: u32::MAX,
            period: Some(DeskPeriod::Day),
            started: false,
        },
    ];
    round_trip(c, &slots);
    round_trip(
        c,
        &[
            DayAvailability {
                date: date(2026, 10, 25),
                open: true,
                slots: slots.clone(),
            },
            DayAvailability {
                date: date(2026, 12, 25),
                open: false,
                slots: vec![],
            },
        ],
    );
    round_trip(
        c,
        &[
            BookingRequest::default(),
            BookingRequest {
                resource: "coworking".into(),
                start: "2026-10-25T09:00".into(),
                end: "2026-10-25T13:00".into(),
                member_id: None,
            },
            BookingRequest {
                resource: "salle".into(),
                start: "x".into(),
                end: "y".into(),
                member_id: Some(42),
            },
        ],
    );
    round_trip(c, &[BookingStatus::Confirmed, BookingStatus::Cancelled]);
    round_trip(
        c,
        &[RentalDay {
            date: date(2026, 12, 11),
            morning: false,
            afternoon: true,
            past: false,
            closed: false,
        }],
    );
    round_trip(
        c,
        &[BlockView {
            block: staff_booking(9, None, None),
            affected: vec![staff_booking(10, Some(42), Some(DeskPeriod::Morning))],
        }],
    );
    round_trip(
        c,
        &[
            ApproveRequest { fee: None },
            ApproveRequest {
                fee: Some(PaymentRequest {
                    amount_cents: 3000,
                    paid_on: "2026-12-02".into(),
                    method: "cash".into(),
                }),
            },
        ],
    );
    round_trip(c, &[quote(vec![]).issuer]);
    round_trip(
        c,
        &[
            ClosureDay {
                date: "2026-12-24".into(),
                reason_fr: "Réveillon".into(),
                reason_en: "Christmas Eve".into(),
            },
            ClosureDay::default(),
        ],
    );
    round_trip(
        c,
        &[domain::settings::LegalIdentity {
            rna: "W291012345".into(),
            siret: "12345678900012".into(),
            iban: "FR76 3000 6000 0112 3456 7890 189".into(),
        }],
    );
    let booking = Booking {
        id: 5,
        resource: "coworking".into(),
        resource_kind: ResourceKind::Desk,
        resource_name: loc("Coworking", "Coworking"),
        start: at("2026-03-29T09:00"),
        end: at("2026-03-29T13:00"),
        starts_at: "2026-03-29T09:00:00+02:00".into(),
        ends_at: "2026-03-29T13:00:00+02:00".into(),
        period: Some(DeskPeriod::Morning),
        status: BookingStatus::Confirmed,
        can_cancel: true,
        checked_in: false,
        blocked: true,
    };
    round_trip(
        c,
        &[
            booking.clone(),
            Booking {
                period: None,
                status: BookingStatus::Cancelled,
                can_cancel: false,
                checked_in: true,
                resource_kind: ResourceKind::Room,
                ..booking
            },
        ],
    );
    round_trip(
        c,
        &[CalendarFeed {
            url: "https://silicon-kerne.bzh/api/calendar/feed/abc.ics?lang=fr&x=\"y\"".into(),
        }],
    );
    let staff_bookings = vec![
        staff_booking(1, Some(42), Some(DeskPeriod::Day)),
        staff_booking(2, None, None),
        staff_booking(3, Some(7), Some(DeskPeriod::Afternoon)),
    ];
    round_trip(c, &staff_bookings);
    round_trip(
        c,
        &[
            StaffDay {
                date: date(2026, 10, 25),
                desk_capacity: 12,
                coworkers: staff_bookings.clone(),
                room: vec![staff_booking(4, None, None)],
            },
            StaffDay {
                date: date(2026, 10, 26),
                desk_capacity: 0,
                coworkers: vec![],
                room: vec![],
            },
        ],
    );
    round_trip(
        c,
        &[
            BlockRequest::default(),
            BlockRequest {
                resource: "salle".into(),
                start: "2026-07-14T00:00".into(),
                end: "2026-07-15T00:00".into(),
                reason: AWKWARD.into(),
            },
        ],
    );
    round_trip(
        c,
        &[
            BlockCreated {
                id: 9,
                affected: staff_bookings,
            },
            BlockCreated {
                id: 10,
                affected: vec![],
            },
        ],
    );
    let day = OccupancyDay {
        date: date(2026, 3, 29),
        open: true,
        desks_morning: 10,
        desks_afternoon: 7,
        desk_capacity: 12,
        room_minutes: 240,
        checked_in: 15,
    };
    round_trip(
        c,
        &[
            day.clone(),
            OccupancyDay {
                open: false,
                desks_morning: 0,
                desks_afternoon: 0,
                room_minutes: 0,
                checked_in: 0,
                ..day.clone()
            },
        ],
    );
    round_trip(
        c,
        &[
            Occupancy {
                days: vec![day.clone(), day],
                returning_coworkers: 3,
                distinct_coworkers: 11,
            },
            Occupancy {
                days: vec![],
                returning_coworkers: 0,
                distinct_coworkers: 0,
            },
        ],
    );
}

fn events(c: &mut Coverage) {
    round_trip(c, &Audience::ALL);
    round_trip(c, &domain::events::SeatsFor::ALL);
    round_trip(
        c,
        &[
            domain::events::InFrenchOnly::default(),
            domain::events::InFrenchOnly {
                title: true,
                description: true,
                bring: false,
            },
        ],
    );
    round_trip(
        c,
        &[
            RegistrationStatus::Confirmed,
            RegistrationStatus::Waiting,
            RegistrationStatus::Cancelled,
        ],
    );
    round_trip(
        c,
        &[
            SignupState::NotYet,
            SignupState::Open,
            SignupState::Closed,
            SignupState::Cancelled,
        ],
    );
    round_trip(
        c,
        &[EventPhase::Upcoming, EventPhase::UnderWay, EventPhase::Over],
    );
    let child = Child {
        first_name: "Maël \"Zoé\"".into(),
        age: 9,
    };
    round_trip(c, &[child.clone(), Child::default()]);
    round_trip(
        c,
        &[
            EventInput::default(),
            EventInput {
                kind: "children_workshop".into(),
                title_fr: "Atelier « code »".into(),
                starts_at: "2026-12-16T14:00".into(),
                capacity: 12,
                max_per_signup: 3,
                age_min: Some(8),
                age_max: Some(12),
                in_room: true,
                asks_children: true,
                cancelled: true,
                ..EventInput::default()
            },
        ],
    );
    round_trip(
        c,
        &[
            RegistrationRequest::default(),
            RegistrationRequest {
                name: "Anne".into(),
                email: "anne@example.fr".into(),
                adults: 1,
                children: vec![child.clone(), Child::default()],
                consent_children: true,
                consent_photos: true,
                accept_fewer: true,
                lang: Lang::En,
                ..RegistrationRequest::default()
            },
        ],
    );
    round_trip(
        c,
        &[
            SeatsChange::default(),
            SeatsChange {
                adults: u32::MAX,
                children: vec![child.clone()],
            },
        ],
    );
    let at = LocalDateTime(date(2026, 12, 16).and_hms_opt(14, 0, 0).expect("t"));
    let event = EventView {
        id: 7,
        kind: EventKind::ChildrenWorkshop,
        audience: Audience::Families,
        title: Localized {
            fr: "Atelier".into(),
            en: "Workshop".into(),
        },
        description: Localized::default(),
        bring: Localized {
            fr: "Un goûter\n".into(),
            en: "".into(),
        },
        in_french_only: domain::events::InFrenchOnly {
            title: false,
            description: true,
            bring: false,
        },
        starts_at: at,
        ends_at: at,
        in_room: false,
        place: "Médiathèque".into(),
        address: "12 rue de Kerfeunteun, 29000 Quimper".into(),
        capacity: 12,
        seats_left: 0,
        waiting: 2,
        max_per_signup: 3,
        age_min: Some(8),
        age_max: None,
        partner: "Les Petits Débrouillards".into(),
        asks_children: true,
        seats_for: domain::events::SeatsFor::Children,
        signup_opens_at: at,
        signup_closes_at: at,
        signups: SignupState::Open,
        club: None,
        cancelled: false,
    };
    let club_event = EventView {
        club: Some("dev".into()),
        kind: EventKind::ClubMeeting,
        cancelled: true,
        ..event.clone()
    };
    round_trip(c, &[event.clone(), club_event.clone()]);
    round_trip(c, &[LinkSentStatus::LinkSent]);
    round_trip(
        c,
        &[LinkSent {
            status: LinkSentStatus::LinkSent,
        }],
    );
    round_trip(
        c,
        &[
            RegistrationCreated {
                status: RegistrationStatus::Waiting,
                seats: 3,
                position: Some(2),
                link: "/inscription/abc".into(),
            },
            RegistrationCreated {
                status: RegistrationStatus::Confirmed,
                seats: 1,
                position: None,
                link: String::new(),
            },
        ],
    );
    let view = RegistrationView {
        event: event.clone(),
        name: "Anne".into(),
        email: "anne@example.fr".into(),
        phone: String::new(),
        adults: 1,
        children: 2,
        named_children: vec![child.clone()],
        seats_requested: 3,
        seats: 2,
        status: RegistrationStatus::Confirmed,
        position: None,
        accept_fewer: true,
        consent_photos: false,
        children_erased: false,
        erase_children_on: Some(date(2027, 1, 15)),
        created_at: "2026-12-02T10:00:00Z".into(),
        phase: EventPhase::Upcoming,
        consent_children_at: Some("2026-12-02T10:00:00Z".into()),
        consent_version: Some(children_consent_version(30)),
    };
    round_trip(
        c,
        &[
            view.clone(),
            RegistrationView {
                position: Some(1),
                erase_children_on: None,
                children_erased: true,
                phase: EventPhase::Over,
                consent_children_at: None,
                consent_version: None,
                ..view
            },
        ],
    );
    let staff = StaffRegistration {
        id: 3,
        name: "Anne".into(),
        email: "anne@example.fr".into(),
        phone: "02 98 00 00 00".into(),
        adults: 1,
        children: 2,
        named_children: vec![child],
        seats_requested: 3,
        seats: 3,
        status: RegistrationStatus::Confirmed,
        position: None,
        accept_fewer: false,
        consent_photos: true,
        present: Some(3),
        member: false,
        created_at: "2026-12-02T10:00:00Z".into(),
    };
    round_trip(
        c,
        &[
            staff.clone(),
            StaffRegistration {
                present: None,
                position: Some(4),
                member: true,
                ..staff.clone()
            },
        ],
    );
    round_trip(
        c,
        &[EventRegistrations {
            event: event.clone(),
            registrations: vec![staff],
            seats_confirmed: 3,
            adults: 1,
            children: 2,
            present: 3,
        }],
    );
    round_trip(c, &[CheckIn::default(), CheckIn { present: 4 }]);
    round_trip(
        c,
        &[
            MyEvent {
                event: club_event,
                coming: true,
                status: Some(RegistrationStatus::Confirmed),
                position: None,
            },
            MyEvent {
                event,
                coming: false,
                status: None,
                position: Some(1),
            },
        ],
    );
}

fn statistics(c: &mut Coverage) {
    round_trip(
        c,
        &[
            TodayStats::default(),
            TodayStats {
                date: date(2026, 10, 25),
                desk_capacity: 12,
                desks_morning: 9,
                desks_afternoon: 7,
                checked_in_morning: 8,
                checked_in_afternoon: 0,
                room_bookings: 2,
                room_minutes: 240,
                pending_applications: 3,
                pending_rentals: 1,
                outbox_pending: 4,
                outbox_failed: u32::MAX,
                renewals_soon: 5,
                consultations_new: 3,
                consultations_today: 1,
            },
        ],
    );
    let figures = Figures {
        coworking: CoworkingFigures {
            bookings: 310,
            coworker_days: 250,
            coworkers: 41,
            returning: 18,
            no_shows: 12,
        },
        room: RoomFigures {
            open_minutes: 9720,
            member_minutes: 1200,
            rental_minutes: 960,
            rentals: 4,
        },
        members: MemberFigures {
            active: 90,
            joined: 6,
            renewals_due: 3,
            fees: 7,
            fees_cents: 21000,
        },
        rental_income_cents: i64::MAX,
        events: vec![
            EventFigures {
                kind: EventKind::ChildrenWorkshop,
                sessions: 2,
                signups: 7,
                seats: 16,
                children: 9,
                attended: 13,
                waiting: 1,
            },
            EventFigures::none(EventKind::OpenDay),
        ],
        consultations: ConsultationFigures {
            received: 12,
            new: 2,
            assigned: 1,
            scheduled: 3,
            done: 5,
            declined: 1,
            cancelled: 0,
            median_days_to_appointment: Some(6),
            feedbacks: 4,
            useful: 3,
            by_topic: vec![Tally {
                key: "website".into(),
                count: 7,
            }],
            by_trade: vec![],
            by_town: vec![Tally {
                key: "Ergué-Gabéric".into(),
                count: u32::MAX,
            }],
        },
    };
    round_trip(
        c,
        &[
            figures.consultations.clone(),
            ConsultationFigures::default(),
        ],
    );
    round_trip(c, &figures.consultations.by_town);
    round_trip(c, &[figures.coworking.clone(), CoworkingFigures::default()]);
    round_trip(c, &[figures.room.clone(), RoomFigures::default()]);
    round_trip(c, &[figures.members.clone(), MemberFigures::default()]);
    round_trip(c, &figures.events);
    round_trip(c, &[figures.clone(), Figures::default()]);
    let day = CoworkingDay {
        date: date(2026, 3, 29),
        booked: 8,
        checked_in: 7,
        no_shows: 1,
    };
    round_trip(c, std::slice::from_ref(&day));
    let week = RoomWeek {
        monday: date(2026, 3, 23),
        open_minutes: 2700,
        member_minutes: 600,
        rental_minutes: 0,
    };
    round_trip(c, std::slice::from_ref(&week));
    let month = MonthFigures {
        month: "2026-03".into(),
        coworker_days: 0,
        room_open_minutes: 11880,
        room_member_minutes: u32::MAX,
        room_rental_minutes: 240,
        rental_cents: 30000,
        cumulative_rental_cents: 90000,
        fees_cents: -1,
    };
    round_trip(c, std::slice::from_ref(&month));
    let stats = Stats {
        from: date(2026, 3, 1),
        to: date(2026, 3, 31),
        previous_from: date(2026, 1, 29),
        previous_to: date(2026, 2, 28),
        current: figures.clone(),
        previous: Figures::default(),
        coworking_days: vec![day.clone(), day],
        room_weeks: vec![week],
        months: vec![month],
        rental_target_cents: 600000,
        records_from: Some(date(2025, 11, 3)),
    };
    round_trip(c, &[stats.clone(), Stats::default()]);
    round_trip(
        c,
        &[
            Report {
                stats,
                text: "Une année \"riche\" :\nmerci au Conseil départemental.".into(),
            },
            Report::default(),
        ],
    );
    round_trip(
        c,
        &[
            ReportText::default(),
            ReportText {
                text: "Bilan — 2026".into(),
            },
        ],
    );
}

fn consultations(c: &mut Coverage) {
    round_trip(c, &Trade::ALL);
    round_trip(c, &BusinessSize::ALL);
    round_trip(c, &Availability::ALL);
    round_trip(c, &Place::ALL);
    round_trip(c, &ConsultationStatus::ALL);
    round_trip(c, &Returned::ALL);
    round_trip(c, &LibraryKind::ALL);
    round_trip(c, &OfferAnswer::ALL);
    round_trip(
        c,
        &[domain::consultations::Said {
            on: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("a day"),
            message: "Le jeudi, « chantier » à Briec".into(),
        }],
    );
    let topic = Topic {
        slug: "online-shop".into(),
        label: Localized {
            fr: "Courriel et lettres d'information « ça »".into(),
            en: "Email \\ newsletters".into(),
        },
        active: false,
    };
    round_trip(c, std::slice::from_ref(&topic));
    round_trip(
        c,
        &[
            TopicInput::default(),
            TopicInput {
                slug: "crm".into(),
                label_fr: "Fichier clients".into(),
                label_en: "Customers".into(),
                active: true,
            },
        ],
    );
    round_trip(
        c,
        &[
            ConsultationRequest::default(),
            ConsultationRequest {
                business: "Boulangerie Le Goff".into(),
                trade: "artisan".into(),
                size: "small".into(),
                town: "Quimper".into(),
                name: "Yann Le Goff".into(),
                email: "yann@example.fr".into(),
                phone: "02 98 00 00 00".into(),
                topics: vec!["online-shop".into(), "maps-listings".into()],
                goal: "Prendre les commandes de pain\nen ligne.".into(),
                availability: vec!["mornings".into()],
                consent: true,
                lang: Lang::En,
            },
        ],
    );
    round_trip(
        c,
        &[ConsultationCreated {
            status: ConsultationStatus::New,
            link: "/consultation/abc".into(),
        }],
    );
    let card = LibraryCard {
        slug: "fiche-google".into(),
        kind: LibraryKind::Link,
        audience: Some(Trade::Shop),
        title: "Votre fiche sur les cartes".into(),
        summary: "En 20 minutes.".into(),
        en: Some(CardText {
            title: "Your listing on maps".into(),
            summary: "In 20 minutes.".into(),
        }),
        url: "https://www.francenum.gouv.fr/".into(),
        topics: vec!["maps-listings".into()],
    };
    let own = LibraryCard {
        audience: None,
        en: None,
        url: String::new(),
        topics: vec![],
        ..card.clone()
    };
    round_trip(
        c,
        &[CardText {
            title: "Back up".into(),
            summary: "3-2-1".into(),
        }],
    );
    round_trip(c, &[card.clone(), own.clone()]);
    round_trip(
        c,
        &[LibraryItem {
            card: card.clone(),
            html: "<p>Un <a href=\"https://x.fr\" rel=\"noopener\">lien</a></p>".into(),
            html_en: Some("<p>A link</p>".into()),
            updated_on: date(2026, 12, 5),
        }],
    );
    let input = LibraryInput {
        slug: "sauvegardes".into(),
        kind: "checklist".into(),
        audience: String::new(),
        title: "Sauvegarder".into(),
        summary: "3-2-1".into(),
        body: "# Titre\n- [ ] un".into(),
        title_en: "Back up".into(),
        summary_en: "3-2-1".into(),
        body_en: "# Title\n- [ ] one".into(),
        url: String::new(),
        topics: vec!["security-backups".into()],
        published: true,
    };
    round_trip(c, &[LibraryInput::default(), input.clone()]);
    round_trip(
        c,
        &[LibraryDraft {
            input,
            html: "<h1>Titre</h1>".into(),
            html_en: String::new(),
        }],
    );
    let at = LocalDateTime(date(2026, 12, 16).and_hms_opt(14, 0, 0).expect("t"));
    let appointment = Appointment {
        start: at,
        end: at,
        place: Place::Cantine,
        resource: Some(Localized {
            fr: "Salle de réunion".into(),
            en: "Meeting room".into(),
        }),
        address: "Quimper".into(),
    };
    let by_phone = Appointment {
        place: Place::Phone,
        resource: None,
        address: String::new(),
        ..appointment.clone()
    };
    round_trip(c, &[appointment.clone(), by_phone]);
    let timeline = Timeline {
        received: date(2026, 12, 1),
        assigned: Some(date(2026, 12, 2)),
        scheduled: None,
        done: None,
    };
    round_trip(c, std::slice::from_ref(&timeline));
    let feedback = Feedback {
        useful: true,
        comment: "Merci !".into(),
    };
    round_trip(c, &[Feedback::default(), feedback.clone()]);
    round_trip(
        c,
        &[
            Unsuitable::default(),
            Unsuitable {
                message: "Plutôt le matin".into(),
            },
        ],
    );
    round_trip(
        c,
        &[ConsultationView {
            status: ConsultationStatus::Done,
            business: "Boulangerie".into(),
            trade: Trade::Artisan,
            size: None,
            town: "Quimper".into(),
            name: "Yann".into(),
            email: "y@x.fr".into(),
            phone: String::new(),
            topics: vec![topic],
            goal: "Vendre".into(),
            availability: vec![Availability::Mornings, Availability::Evenings],
            timeline,
            volunteer: Some("Anne".into()),
            appointment: Some(appointment.clone()),
            unsuitable: None,
            said: vec![domain::consultations::Said {
                on: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("a day"),
                message: "Plutôt le matin".into(),
            }],
            decline_reason: String::new(),
            note: "Voir la fiche".into(),
            recommended: vec![card.clone()],
            related: vec![own],
            feedback: Some(feedback.clone()),
            consented_on: date(2026, 12, 1),
            consent_version: CONSENT_VERSION.into(),
            erase_on: Some(date(2028, 12, 1)),
        }],
    );
    let offer = Offer {
        member_id: 7,
        name: "Anne".into(),
        offered_on: date(2026, 12, 2),
        answer: Some(OfferAnswer::Declined),
        reason: "En congé".into(),
    };
    round_trip(c, std::slice::from_ref(&offer));
    let person = Person {
        id: 7,
        name: "Anne Guéguen".into(),
    };
    round_trip(c, std::slice::from_ref(&person));
    let requester = Requester {
        name: "Yann".into(),
        email: "y@x.fr".into(),
        phone: String::new(),
    };
    round_trip(c, std::slice::from_ref(&requester));
    round_trip(
        c,
        &[StaffConsultation {
            id: 3,
            status: ConsultationStatus::Assigned,
            business: "Plomberie".into(),
            trade: Trade::Artisan,
            size: Some(BusinessSize::Solo),
            town: "Ergué-Gabéric".into(),
            name: "Loïc".into(),
            email: "l@x.fr".into(),
            phone: "06".into(),
            topics: vec!["invoicing".into()],
            goal: "Factures".into(),
            availability: vec![],
            volunteer: Some(person),
            accepted: false,
            answer_by: Some(date(2026, 12, 9)),
            returned: Some(Returned::Unanswered),
            appointment: None,
            unsuitable: Some("Pas le lundi".into()),
            decline_reason: String::new(),
            note: String::new(),
            feedback: None,
            offers: vec![offer],
            received_on: date(2026, 12, 1),
            erased: false,
        }],
    );
    let suggestion = VolunteerSuggestion {
        member_id: 7,
        name: "Anne".into(),
        matched: vec!["website".into()],
        open: 0,
        this_month: 1,
        monthly_cap: u32::MAX,
    };
    round_trip(c, std::slice::from_ref(&suggestion));
    round_trip(
        c,
        &[Volunteers {
            suggested: vec![suggestion.clone()],
            all: vec![suggestion],
        }],
    );
    round_trip(
        c,
        &[
            AssignRequest::default(),
            AssignRequest {
                member_id: 7,
                replaces: Some(8),
            },
        ],
    );
    round_trip(
        c,
        &[
            ScheduleRequest::default(),
            ScheduleRequest {
                start: "2026-12-16T14:00".into(),
                end: "2026-12-16T15:00".into(),
                place: "cantine".into(),
                resource: "salle".into(),
            },
        ],
    );
    round_trip(
        c,
        &[
            CloseRequest::default(),
            CloseRequest {
                outcome: "done".into(),
                note: "Vu ensemble".into(),
                resources: vec!["sauvegardes".into()],
            },
        ],
    );
    round_trip(
        c,
        &[
            GiveBackRequest::default(),
            GiveBackRequest {
                reason: "Pas dispo".into(),
            },
        ],
    );
    round_trip(
        c,
        &[MyConsultation {
            id: 3,
            status: ConsultationStatus::Scheduled,
            accepted: true,
            answer_by: None,
            business: "Plomberie".into(),
            trade: Trade::Artisan,
            size: None,
            town: "Quimper".into(),
            topics: vec!["invoicing".into()],
            goal: "Factures".into(),
            availability: vec![Availability::Afternoons],
            requester: Some(requester),
            appointment: Some(appointment),
            unsuitable: None,
            note: String::new(),
        }],
    );
    round_trip(
        c,
        &[
            Volunteering::default(),
            Volunteering {
                volunteer: true,
                topics: vec!["website".into()],
                monthly_cap: 3,
            },
        ],
    );
}

fn room_rental(c: &mut Coverage) {
    round_trip(
        c,
        &[
            RentalRequest::default(),
            RentalRequest {
                organisation: "Breizh Bits SARL".into(),
                contact_name: "Gwenaël Riou".into(),
                email: "gwen@example.fr".into(),
                phone: "02 98 11 22 33".into(),
                date: "2026-06-02".into(),
                period: "day".into(),
                attendees: 14,
                needs_visio: true,
                message: AWKWARD.into(),
                lang: Lang::En,
            },
        ],
    );
    round_trip(
        c,
        &[RentalCreated {
            id: 1,
            token: "r_8c1d".into(),
            price_cents: 10_000,
        }],
    );
    round_trip(
        c,
        &[quote_line(1, 10_000), quote_line(0, 0), quote_line(3, -500)],
    );
    round_trip(
        c,
        &[
            quote(vec![quote_line(1, 10_000), quote_line(2, 1_500)]),
            quote(vec![]),
        ],
    );
    let view = RentalView {
        id: 1,
        organisation: "Breizh Bits SARL".into(),
        contact_name: "Gwenaël Riou".into(),
        email: "gwen@example.fr".into(),
        phone: "02 98 11 22 33".into(),
        date: date(2026, 6, 2),
        period: DeskPeriod::Day,
        start: at("2026-06-02T09:00"),
        end: at("2026-06-02T18:00"),
        attendees: 14,
        needs_visio: true,
        message: AWKWARD.into(),
        status: "pending".into(),
        price_cents: 10_000,
        decline_reason: None,
        quote: quote(vec![quote_line(1, 10_000)]),
        created_at: "2026-05-01T08:00:00Z".into(),
    };
    round_trip(
        c,
        &[
            view.clone(),
            RentalView {
                status: "declined".into(),
                decline_reason: Some("Salle déjà réservée".into()),
                period: DeskPeriod::Morning,
                ..view
            },
        ],
    );
}

/// The answers the app reads and the worker writes with serde, and the one body the app writes as
/// it is (a setting's value).
fn answers_read_only(c: &mut Coverage) {
    read_as_serde_wrote(
        c,
        &[
            SignUpAnswer::Created(RegistrationCreated {
                status: RegistrationStatus::Waiting,
                seats: 3,
                position: Some(2),
                link: "/inscription/abc".into(),
            }),
            SignUpAnswer::LinkSent(LinkSent {
                status: LinkSentStatus::LinkSent,
            }),
        ],
    );
    read_as_serde_wrote(
        c,
        &[
            Setting {
                key: "opening_hours".into(),
                value: json::parse(&serde_json::to_string(&opening_hours()).expect("hours"))
                    .expect("the hours' text"),
                updated_at: "2026-12-07T08:00:00Z".into(),
            },
            Setting {
                key: "membership_fee_cents".into(),
                value: json::Json::Int(2_000),
                updated_at: String::new(),
            },
        ],
    );
    let text = serde_json::to_string(&room_rates()).expect("rates");
    assert_eq!(json::to_string(&SettingValue(text.clone())), text);
    c.written_only.insert("SettingValue".into());
}

fn general_assembly(c: &mut Coverage) {
    round_trip(c, &AssemblyKind::ALL);
    round_trip(c, &AssemblyStatus::ALL);
    round_trip(c, &ItemKind::ALL);
    round_trip(c, &Majority::ALL);
    round_trip(c, &Intent::ALL);
    round_trip(c, &ProxyStatus::ALL);
    round_trip(c, &NoVote::ALL);
    let statutes = Statutes {
        quorum_percent: 25,
        proxies_per_member: 2,
        remote_voting: true,
        notice_days: 15,
    };
    round_trip(
        c,
        &[
            statutes,
            Statutes {
                quorum_percent: 0,
                proxies_per_member: u32::MAX,
                remote_voting: false,
                notice_days: 31,
            },
        ],
    );
    let item_input = ItemInput {
        kind: "resolution".into(),
        title_fr: "Approbation des comptes".into(),
        title_en: AWKWARD.into(),
        body_fr: "**Produits** et *charges*".into(),
        body_en: String::new(),
        majority: "two_thirds".into(),
        seats: Some(10),
    };
    round_trip(c, &[ItemInput::default(), item_input.clone()]);
    round_trip(
        c,
        &[
            AssemblyInput::default(),
            AssemblyInput {
                kind: "ordinary".into(),
                starts_at: "2027-06-24T18:00".into(),
                ends_at: "2027-06-24T20:00".into(),
                in_room: true,
                place: AWKWARD.into(),
                candidacy_until: "2027-06-14".into(),
                items: vec![item_input, ItemInput::default()],
            },
        ],
    );
    round_trip(
        c,
        &[
            AnswerInput::default(),
            AnswerInput {
                intent: "proxy".into(),
                proxy_to: Some(42),
            },
        ],
    );
    round_trip(
        c,
        &[CandidacyInput::default(), CandidacyInput { stand: true }],
    );
    let person = domain::assembly::Person {
        id: 7,
        name: "Gwenaël Riou".into(),
    };
    round_trip(c, std::slice::from_ref(&person));
    let item = ItemView {
        id: 3,
        position: 1,
        kind: ItemKind::Election,
        title: Localized {
            fr: "Élection du conseil".into(),
            en: "Election of the board".into(),
        },
        body_html: Localized {
            fr: "<p>Dix sièges</p>".into(),
            en: String::new(),
        },
        in_french_only: true,
        majority: None,
        seats: Some(10),
    };
    round_trip(
        c,
        &[
            item.clone(),
            ItemView {
                kind: ItemKind::Resolution,
                majority: Some(Majority::Absolute),
                seats: None,
                in_french_only: false,
                ..item.clone()
            },
        ],
    );
    let day = NaiveDate::from_ymd_opt(2027, 6, 24).expect("a day");
    let view = AssemblyView {
        id: 1,
        kind: AssemblyKind::Ordinary,
        status: AssemblyStatus::Convened,
        starts_at: LocalDateTime::parse("2027-06-24T18:00").expect("a time"),
        ends_at: LocalDateTime::parse("2027-06-24T20:00").expect("a time"),
        in_room: false,
        place: AWKWARD.into(),
        candidacy_until: day,
        statutes,
        convene_by: day,
        convened_at: Some("2026-12-06T10:00:00Z".into()),
        voters: 36,
        quorum: 9,
        items: vec![item],
    };
    round_trip(
        c,
        &[
            view.clone(),
            AssemblyView {
                convened_at: None,
                items: vec![],
                ..view.clone()
            },
        ],
    );
    let answer = VoterAnswer {
        member: person.clone(),
        intent: Some(Intent::Proxy),
        proxy_to: Some(person.clone()),
        proxy_status: Some(ProxyStatus::Accepted),
        candidate: true,
    };
    round_trip(
        c,
        &[
            answer.clone(),
            VoterAnswer {
                intent: None,
                proxy_to: None,
                proxy_status: None,
                candidate: false,
                ..answer.clone()
            },
        ],
    );
    round_trip(
        c,
        &[StaffAssembly {
            assembly: view.clone(),
            answers: vec![answer],
            expected_voices: 8,
        }],
    );
    round_trip(
        c,
        &[MyAssemblyCard {
            id: 1,
            kind: AssemblyKind::Extraordinary,
            starts_at: view.starts_at,
            may_vote: false,
            intent: Some(Intent::Remote),
            proxies_to_answer: 2,
        }],
    );
    let offer = ProxyOffer {
        giver: person.clone(),
        status: ProxyStatus::Asked,
    };
    round_trip(c, std::slice::from_ref(&offer));
    round_trip(c, &Choice::ALL);
    round_trip(c, &VoteStatus::ALL);
    let quorum = Quorum {
        voters: 36,
        needed: 9,
        present: 7,
        represented: 2,
        reached: true,
    };
    round_trip(c, &[quorum]);
    let voices = CandidateVoices {
        candidate: person.clone(),
        voices: 12,
        elected: true,
    };
    round_trip(c, std::slice::from_ref(&voices));
    let result = ItemResult {
        item: view.items[0].clone(),
        status: VoteStatus::Closed,
        cast: 6,
        yes: 4,
        no: 1,
        abstain: 1,
        passed: Some(true),
        candidates: vec![voices],
        blank: 1,
        tied: vec![person.clone()],
        seats_left: 1,
    };
    round_trip(
        c,
        &[
            result.clone(),
            ItemResult {
                status: VoteStatus::Open,
                passed: None,
                candidates: vec![],
                tied: vec![],
                ..result.clone()
            },
        ],
    );
    let voice = Voice {
        of: person.clone(),
        cast: false,
    };
    round_trip(c, std::slice::from_ref(&voice));
    let open_vote = OpenVote {
        item: view.items[0].clone(),
        voices: vec![voice],
    };
    round_trip(c, std::slice::from_ref(&open_vote));
    let door_voter = DoorVoter {
        member: person.clone(),
        intent: Some(Intent::Present),
        checked_in: true,
        holds: vec![person.clone()],
    };
    round_trip(c, std::slice::from_ref(&door_voter));
    let door = AssemblyDoor {
        assembly: view.clone(),
        open: true,
        quorum,
        voters: vec![door_voter],
        items: vec![result.clone()],
    };
    let minutes_view = view.clone();
    round_trip(c, &[DoorCheck::default(), DoorCheck { present: true }]);
    round_trip(
        c,
        &[
            VoteInput::default(),
            VoteInput {
                voice_of: 7,
                choice: "yes".into(),
                candidates: vec![7, 9],
            },
        ],
    );
    round_trip(
        c,
        &[
            VoteCast { receipt: None },
            VoteCast {
                receipt: Some("k3x9".into()),
            },
        ],
    );
    round_trip(
        c,
        &[PublishedBallot {
            receipt: "k3x9".into(),
            candidates: vec![person.clone()],
        }],
    );
    round_trip(
        c,
        &[
            MyAssembly {
                assembly: view.clone(),
                no_vote: Some(NoVote::FeeEnds),
                fee_until: Some(day),
                answers_open: true,
                candidacy_open: false,
                intent: Some(Intent::Proxy),
                proxy_to: Some(person.clone()),
                proxy_status: Some(ProxyStatus::Refused),
                candidate: true,
                offers: vec![offer],
                can_hold: vec![person.clone()],
                candidates: vec![person.clone()],
                door_open: true,
                checked_in: true,
                open_vote: Some(open_vote.clone()),
                results: vec![result.clone()],
            },
            MyAssembly {
                assembly: view,
                no_vote: None,
                fee_until: None,
                answers_open: false,
                candidacy_open: true,
                intent: None,
                proxy_to: None,
                proxy_status: None,
                candidate: false,
                offers: vec![],
                can_hold: vec![],
                candidates: vec![],
                door_open: false,
                checked_in: false,
                open_vote: None,
                results: vec![],
            },
        ],
    );
    round_trip(c, &[door]);
    round_trip(c, &BoardRole::ALL);
    round_trip(
        c,
        &[
            CloseInput::default(),
            CloseInput {
                chair: "Anne Le Gall".into(),
                secretary: AWKWARD.into(),
            },
        ],
    );
    round_trip(
        c,
        &[
            RoleInput::default(),
            RoleInput {
                role: "treasurer".into(),
            },
        ],
    );
    round_trip(
        c,
        &[BoardSeat {
            id: 7,
            name: "Maëlle Cornec".into(),
            role: BoardRole::Treasurer,
        }],
    );
    let line = ProxyLine {
        giver: minutes_person(),
        holder: minutes_person(),
    };
    round_trip(c, std::slice::from_ref(&line));
    round_trip(
        c,
        &[Minutes {
            assembly: minutes_view.clone(),
            quorum,
            present: vec![minutes_person()],
            remote: vec![],
            proxies: vec![line],
            results: vec![result],
            chair: "Anne Le Gall".into(),
            secretary: String::new(),
            closed_at: Some("2026-06-25T20:05:00Z".into()),
        }],
    );
}

fn minutes_person() -> domain::assembly::Person {
    domain::assembly::Person {
        id: 12,
        name: "Erwan Le Bihan".into(),
    }
}

#[test]
fn every_from_json_type_round_trips() {
    let mut coverage = Coverage::default();
    answers_read_only(&mut coverage);
    building_blocks(&mut coverage);
    public_site(&mut coverage);
    accounts_and_membership(&mut coverage);
    booking_calendar(&mut coverage);
    room_rental(&mut coverage);
    statistics(&mut coverage);
    events(&mut coverage);
    consultations(&mut coverage);
    general_assembly(&mut coverage);

    let in_sources = json_types_in_sources();
    for (name, types, to_json) in [
        ("FromJson", &in_sources.from_json, false),
        ("ToJson", &in_sources.to_json, true),
    ] {
        let covered = coverage.of(to_json);
        assert!(
            types.len() >= 60,
            "the source scan found only {types:?} for {name}"
        );
        let untested: Vec<_> = types.difference(&covered).collect();
        assert!(
            untested.is_empty(),
            "these types derive or implement {name} but have no sample values in domain/tests/from_json.rs: {untested:?}"
        );
        let unknown: Vec<_> = covered.difference(types).collect();
        assert!(
            unknown.is_empty(),
            "the source scan missed {unknown:?} for {name}"
        );
    }
}

// ------------------------------------------------------------------ texts serde reads but does not write

#[test]
fn missing_defaults_and_options_and_unknown_fields_read_like_serde() {
    // Container `#[serde(default)]`: every field may be missing; unknown fields are skipped.
    accepted_like_serde::<LoginRequest>(&[
        "{}",
        r#"{"email":"a@b.fr"}"#,
        r#"{"password":"p","email":"a@b.fr","remember":true,"extra":[1,{"deep":[null,"x"]}],"n":-3}"#,
    ]);
    accepted_like_serde::<ApplicationRequest>(&[
        r#"{"consent":true}"#,
        r#"{"lang":"en","clubs":[],"skills":["a","b"]}"#,
    ]);
    accepted_like_serde::<BookingRequest>(&[
        "{}",
        r#"{"member_id":null}"#,
        r#"{"member_id":7,"resource":"salle"}"#,
        r#"{"resource":"coworking","start":"2026-01-01T09:00","end":"2026-01-01T13:00","unknown":{}}"#,
    ]);
    accepted_like_serde::<RentalRequest>(&[
        r#"{"attendees":3,"needs_visio":false}"#,
        r#"{"organisation":"X","lang":"fr"}"#,
    ]);
    accepted_like_serde::<ProfileUpdate>(&["{}", r#"{"in_directory":true}"#]);
    accepted_like_serde::<DeclineRequest>(&[
        "{}",
        r#"{"reason":"caf\u00e9 \ud83e\udd80 \/ \b\f\n\r\t \"q\" \\"}"#,
    ]);
    accepted_like_serde::<SetPasswordRequest>(&[r#"{"token":"t"}"#]);
    accepted_like_serde::<PasswordResetRequest>(&[r#"{"email":"x","password":"ignored"}"#]);
    accepted_like_serde::<BlockRequest>(&[r#"{"resource":"salle"}"#]);
    // Field `#[serde(default)]`.
    accepted_like_serde::<PaymentRequest>(&[
        "{}",
        r#"{"amount_cents":2000}"#,
        r#"{"method":"cash","paid_on":"2026-01-01","note":"x"}"#,
    ]);
    accepted_like_serde::<ApiErrorBody>(&[
        r#"{"code":"not_found","message":"x"}"#,
        r#"{"message":"x","code":"validation","fields":{"email":"bad","email":"worse"},"trace":null}"#,
    ]);
    // `Option` fields: missing or null is `None`.
    accepted_like_serde::<UpcomingEvent>(&[
        r#"{"id":901,"kind":"club_meeting","title":{"fr":"a","en":"b"},"starts_at":"2026-01-01T10:00","ends_at":"2026-01-01T11:00"}"#,
        r#"{"kind":"club_meeting","id":902,"club":null,"title":{"en":"b","fr":"a","de":"c"},"starts_at":"2026-01-01T10:00","ends_at":"2026-01-01T11:00"}"#,
    ]);
    accepted_like_serde::<SlotAvailability>(&[
        r#"{"start":"2026-01-01T10:00","end":"2026-01-01T11:00","free":0,"started":false}"#,
    ]);
    accepted_like_serde::<OutboxEmail>(&[
        r#"{"id":1,"to":"a","subject":"s","body_text":"b","lang":"en","status":"sent","kind":"k","created_at":"c"}"#,
    ]);
    // Tagged enums: the tag anywhere among the members, unknown members skipped.
    accepted_like_serde::<TodayOpening>(&[
        r#"{"status":"closed"}"#,
        r#"{"status":"closure_day","open":"09:00"}"#,
        r#"{"open":"09:00","close":"18:00","status":"open"}"#,
        r#"{"name":{"fr":"Noël","en":"Christmas"},"status":"holiday","since":1}"#,
    ]);
    accepted_like_serde::<MembershipStatus>(&[
        r#"{"status":"none","until":"2026-01-01"}"#,
        r#"{"until":"2026-01-01","status":"active"}"#,
        r#"{"status":"expired","since":"2025-12-31","until":"nonsense"}"#,
    ]);
    // Values serde does not check either: a transparent newtype is just its content.
    accepted_like_serde::<OpeningHours>(&[
        "[]",
        r#"[{"weekday":9,"open":"18:00","close":"09:00"},{"weekday":9,"open":" 09:00 ","close":"10:00"}]"#,
    ]);
    accepted_like_serde::<MonthlyRule>(&[
        r#"{"ordinal":-128,"weekday":255,"time":"23:59","duration_minutes":4294967295}"#,
    ]);
    accepted_like_serde::<Created>(&[
        r#"{"id":-9223372036854775808}"#,
        r#"{"id":9223372036854775807}"#,
        "\t{ \"id\" :\r\n 0 }\n",
    ]);
    accepted_like_serde::<BookingRules>(&[
        r#"{"horizon_days":1,"desk_morning":["09:00","13:00"],"desk_afternoon":[ "13:00" , "18:00" ],"room_slot_minutes":30,"room_min_minutes":30,"room_max_minutes":60,"room_weekly_quota_minutes":0,"room_cancel_notice_hours":0}"#,
    ]);
}

#[test]
fn texts_serde_refuses_are_refused() {
    refused_like_serde::<LoginRequest>(&[
        r#"{"email":null}"#,
        r#"{"email":1}"#,
        r#"{"email":"a","email":"b"}"#,
        "null",
        r#""x""#,
        r#"{"email":"a"} x"#,
        r#"{"email":"a",}"#,
    ]);
    refused_like_serde::<PaymentRequest>(&[
        r#"{"amount_cents":null}"#,
        r#"{"amount_cents":"5"}"#,
        r#"{"amount_cents":1.5}"#,
        r#"{"amount_cents":1e3}"#,
        r#"{"amount_cents":-0}"#,
        r#"{"amount_cents":9223372036854775808}"#,
        r#"{"amount_cents":-9223372036854775809}"#,
        r#"{"amount_cents":01}"#,
    ]);
    refused_like_serde::<ApiErrorBody>(&[
        r#"{"code":"not_found"}"#,
        r#"{"code":"NotFound","message":"m"}"#,
        r#"{"code":"nope","message":"m"}"#,
        r#"{"code":null,"message":"m"}"#,
        r#"{"code":"not_found","message":"m","fields":{"email":1}}"#,
        r#"{"code":"not_found","message":"m","fields":null}"#,
    ]);
    refused_like_serde::<Lang>(&[r#""FR""#, r#""Fr""#, "0", "null", r#"{"fr":1}"#, r#""""#]);
    refused_like_serde::<TodayOpening>(&[
        "{}",
        r#""closed""#,
        r#"{"status":"weird"}"#,
        r#"{"status":"open","open":"09:00"}"#,
        r#"{"status":"open","open":"9:00","close":"18:00"}"#,
        r#"{"status":"closed","status":"closed"}"#,
        r#"{"status":"open","open":"09:00","open":"09:00","close":"18:00"}"#,
        r#"{"status":null}"#,
        r#"{"status":1}"#,
    ]);
    refused_like_serde::<MembershipStatus>(&[
        r#"{"status":"active"}"#,
        r#"{"status":"active","until":"2026-02-30"}"#,
    ]);
    refused_like_serde::<Today>(&[
        r#"{"date":"2026-13-01","opening":{"status":"closed"}}"#,
        r#"{"date":"2026-00-10","opening":{"status":"closed"}}"#,
        r#"{"date":"20260101","opening":{"status":"closed"}}"#,
        r#"{"date":"","opening":{"status":"closed"}}"#,
        r#"{"date":20260101,"opening":{"status":"closed"}}"#,
    ]);
    refused_like_serde::<MonthlyRule>(&[
        r#"{"ordinal":128,"weekday":1,"time":"18:30","duration_minutes":60}"#,
        r#"{"ordinal":1,"weekday":256,"time":"18:30","duration_minutes":60}"#,
        r#"{"ordinal":1,"weekday":-1,"time":"18:30","duration_minutes":60}"#,
        r#"{"ordinal":1,"weekday":1,"time":"18:30","duration_minutes":4294967296}"#,
        r#"{"ordinal":1,"weekday":1,"time":"24:00","duration_minutes":60}"#,
    ]);
    let mut site =
        serde_json::to_value(site_content(TodayOpening::Closed, vec![])).expect("a value");
    site["founded_year"] = serde_json::json!(2_147_483_648_i64);
    refused_like_serde::<SiteContent>(&[&site.to_string()]);
    site["founded_year"] = serde_json::json!(-2_147_483_648_i64);
    accepted_like_serde::<SiteContent>(&[&site.to_string()]);
    refused_like_serde::<BookingRules>(&[
        r#"{"horizon_days":1,"desk_morning":["09:00"],"desk_afternoon":["13:00","18:00"],"room_slot_minutes":30,"room_min_minutes":30,"room_max_minutes":60,"room_weekly_quota_minutes":0,"room_cancel_notice_hours":0}"#,
        r#"{"horizon_days":1,"desk_morning":["09:00","13:00","14:00"],"desk_afternoon":["13:00","18:00"],"room_slot_minutes":30,"room_min_minutes":30,"room_max_minutes":60,"room_weekly_quota_minutes":0,"room_cancel_notice_hours":0}"#,
    ]);
    refused_like_serde::<OpeningHours>(&["{}", r#"[{"weekday":1,"open":"09:00"}]"#]);
    refused_like_serde::<Vec<LocalDateTime>>(&[
        r#"["2026-01-01 10:00"]"#,
        r#"["2026-01-01T10:00:00"]"#,
        "[1]",
    ]);
    refused_like_serde::<DeclineRequest>(&[
        r#"{"reason":"\ud800"}"#,
        r#"{"reason":"\udc00"}"#,
        r#"{"reason":"\x"}"#,
        "{\"reason\":\"tab\there\"}",
        r#"{"reason":"unterminated}"#,
    ]);
}

/// Where `FromJson` is stricter than serde, on texts serde never writes (see `json.rs`).
#[test]
fn documented_strictness_beyond_serde() {
    // Floats and huge integers, even in a member that serde would skip.
    assert!(serde_json::from_str::<Created>(r#"{"id":1,"score":1.5}"#).is_ok());
    assert!(json::from_str::<Created>(r#"{"id":1,"score":1.5}"#).is_err());
    assert!(json::from_str::<Created>(r#"{"id":1,"big":18446744073709551615}"#).is_err());
    // Structs from arrays, unit variants from `{"variant": null}`.
    assert!(serde_json::from_str::<RoleRequest>(r#"["staff"]"#).is_ok());
    assert!(json::from_str::<RoleRequest>(r#"["staff"]"#).is_err());
    assert!(serde_json::from_str::<Role>(r#"{"staff":null}"#).is_ok());
    assert!(json::from_str::<Role>(r#"{"staff":null}"#).is_err());
    // Dates: chrono's parser takes more than chrono writes; FromJson takes what chrono writes.
    for lenient in ["2026-1-05", " 2026-01-05", "+2026-01-05"] {
        assert!(
            json::from_str::<NaiveDate>(&format!("\"{lenient}\"")).is_err(),
            "{lenient}"
        );
    }
}

#[test]
fn dates_are_read_as_chrono_writes_them() {
    let mut d = date(0, 1, 1);
    let mut n = 0;
    while d <= date(9999, 12, 31) {
        let text = serde_json::to_string(&d).expect("a date serializes");
        assert_eq!(json::from_str::<NaiveDate>(&text), Ok(d), "{text}");
        // Every day of a few years, then one day in 97 (a prime: the days of the month and the months vary).
        d = if d.year() < 3 || (1999..2031).contains(&d.year()) {
            d.succ_opt()
        } else {
            d.checked_add_days(chrono::Days::new(97))
        }
        .expect("within chrono's range");
        n += 1;
    }
    assert!(n > 12_000, "{n}");
    for bad in [
        "2026-02-29",
        "2025-02-29",
        "2026-04-31",
        "2026-13-01",
        "2026-01-00",
        "2026-01-32",
        "2026/01/01",
        "2026-01-01T00:00",
    ] {
        let text = format!("\"{bad}\"");
        assert!(serde_json::from_str::<NaiveDate>(&text).is_err(), "{bad}");
        assert!(json::from_str::<NaiveDate>(&text).is_err(), "{bad}");
    }
    assert_eq!(
        json::from_str::<NaiveDate>("\"2024-02-29\""),
        Ok(date(2024, 2, 29))
    );
}

#[test]
fn decoding_errors_say_where_and_what() {
    let message = |r: Result<SiteContent, json::DecodeError>| {
        r.err().map(|e| e.to_string()).unwrap_or_default()
    };
    let mut site =
        serde_json::to_value(site_content(TodayOpening::Closed, vec![])).expect("a value");
    site["clubs"][0]["name"]["fr"] = serde_json::Value::Null;
    assert_eq!(
        message(json::from_str(&site.to_string())),
        "clubs[0].name.fr: expected a string, found null"
    );
    site["clubs"] = serde_json::json!([]);
    site["today"]["opening"] =
        serde_json::json!({"status": "open", "open": "09:00", "close": "25:00"});
    assert_eq!(
        message(json::from_str(&site.to_string())),
        "today.opening.close: expected a time HH:MM, found \"25:00\""
    );
    site["today"]["opening"] = serde_json::json!({"status": "ajar"});
    assert_eq!(
        message(json::from_str(&site.to_string())),
        "today.opening.status: unknown variant, found \"ajar\""
    );
    site["today"]["opening"] = serde_json::json!({"status": "closed"});
    site.as_object_mut().expect("an object").remove("contact");
    assert_eq!(
        message(json::from_str(&site.to_string())),
        "contact: missing field"
    );
    site["contact"] = serde_json::json!(null);
    site["member_count"] = serde_json::json!(-1);
    assert_eq!(
        message(json::from_str(&site.to_string())),
        "member_count: expected an integer that fits a u32, found -1"
    );

    let message = |r: Result<ApiErrorBody, json::DecodeError>| {
        r.err().map(|e| e.to_string()).unwrap_or_default()
    };
    assert_eq!(
        message(json::from_str(
            r#"{"code":"gone","message":"m","fields":{"a b":2}}"#
        )),
        r#"fields["a b"]: expected a string, found an integer"#
    );
    assert_eq!(
        message(json::from_str(
            r#"{"code":"gone","message":"m","message":"n"}"#
        )),
        "message: duplicate field"
    );
    assert_eq!(
        message(json::from_str(r#"{"code":"gone","message":"m"#)),
        "unterminated string at byte 27"
    );
    assert_eq!(
        message(json::from_str("[]")),
        "expected an object, found an array"
    );
}

/// `ToJson` writes what serde writes for the times too where `FromJson` cannot read them back (years
/// outside 0..=9999, which the wire never carries): both go through the same `Display`.
#[test]
fn times_outside_the_readable_years_are_written_like_serde() {
    let at_year = |year| LocalDateTime(date(year, 7, 14).and_time(hm("18:30").time()));
    let mut values = vec![
        LocalDateTime(chrono::NaiveDateTime::MIN),
        LocalDateTime(chrono::NaiveDateTime::MAX),
    ];
    values.extend([-262_000, -10_000, -1, 0, 9_999, 10_000, 262_000].map(at_year));
    for value in &values {
        let by_serde = serde_json::to_string(value).expect("serde serializes it");
        assert_eq!(json::to_string(value), by_serde, "{value:?}");
    }
    assert_eq!(json::to_string(&at_year(-1)), r#""-1-07-14T18:30""#);
    assert_eq!(
        json::to_string(&[hm("00:00"), hm("23:59")]),
        r#"["00:00","23:59"]"#
    );
}
