//! The figures staff and funders read: the period a figure covers, the period it is compared with,
//! and the shapes of the dashboard's answers. The worker computes the figures with SQL aggregates;
//! what is calendar arithmetic (opening minutes of a week, the Paris day of an instant) is here.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use wire_json::{FromJson, ToJson};

use crate::events::EventKind;
use crate::paris;
use crate::settings::OpeningHours;

/// The longest period a statistics request covers: two years and a day (a leap year's report
/// against the year before).
pub const MAX_DAYS: i64 = 732;

/// A range of Paris days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodError {
    /// `from` or `to` is not a `YYYY-MM-DD` date (the field's name).
    NotADate(&'static str),
    EndBeforeStart,
    TooLong,
}

impl Period {
    /// Checked construction: the end not before the start, at most [`MAX_DAYS`] days.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Period, PeriodError> {
        if to < from {
            return Err(PeriodError::EndBeforeStart);
        }
        if (to - from).num_days() + 1 > MAX_DAYS {
            return Err(PeriodError::TooLong);
        }
        Ok(Period { from, to })
    }

    /// From the query's `from` and `to`.
    pub fn parse(from: &str, to: &str) -> Result<Period, PeriodError> {
        let date = |s: &str, field| {
            NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                .map_err(|_| PeriodError::NotADate(field))
        };
        Period::new(date(from, "from")?, date(to, "to")?)
    }

    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The same dates a year earlier (29 February becomes the 28th).
    pub fn a_year_earlier(&self) -> Period {
        let back = |d: NaiveDate| {
            d.with_year(d.year() - 1)
                .or_else(|| NaiveDate::from_ymd_opt(d.year() - 1, d.month(), 28))
                .expect("the 28th exists in every month")
        };
        Period {
            from: back(self.from),
            to: back(self.to),
        }
    }

    /// Each day of the period, in order.
    pub fn each_day(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.from.iter_days().take_while(|d| *d <= self.to)
    }

    /// The Mondays of the ISO weeks the period touches, in order.
    pub fn mondays(&self) -> Vec<NaiveDate> {
        let mut monday = crate::calendar::week_start(self.from);
        let mut out = Vec::new();
        while monday <= self.to {
            out.push(monday);
            monday += Duration::days(7);
        }
        out
    }

    /// The calendar months (`YYYY-MM`) the period touches, in order.
    pub fn months(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for d in self.each_day() {
            let m = month_of(d);
            if out.last() != Some(&m) {
                out.push(m);
            }
        }
        out
    }

    /// The instants that bound the period's Paris days: from midnight in Paris on the first day
    /// (included) to midnight in Paris after the last (excluded), whatever the clock changes between.
    pub fn utc_bounds(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        let midnight = |d: NaiveDate| {
            paris::from_local(d.and_time(NaiveTime::MIN))
                .earliest()
                .expect("midnight exists in Paris: the clocks change at 02:00 and 03:00")
        };
        (midnight(self.from), midnight(self.to + Duration::days(1)))
    }
}

/// `YYYY-MM` of a date.
pub fn month_of(date: NaiveDate) -> String {
    date.format("%Y-%m").to_string()
}

/// The minutes the cantine is open on the days of `days` (public holidays and `closures` count as
/// closed): the denominator of the room's occupancy.
pub fn open_minutes(
    days: impl Iterator<Item = NaiveDate>,
    hours: &OpeningHours,
    closures: &[NaiveDate],
) -> u32 {
    days.filter_map(|d| crate::calendar::open_hours(d, hours, closures))
        .map(|(open, close)| close.minutes_since_midnight() - open.minutes_since_midnight())
        .sum()
}

/// A share in whole percent, rounded half up; none of nothing is 0 %.
pub fn percent(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        0
    } else {
        (part * 200 + whole) / (2 * whole)
    }
}

// ------------------------------------------------------------------ wire

/// `GET /api/staff/stats/today`: the cantine today, each a count that links to its page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TodayStats {
    pub date: NaiveDate,
    pub desk_capacity: u32,
    /// Coworkers booked on a desk for the morning (a whole-day booking counts in both halves).
    pub desks_morning: u32,
    pub desks_afternoon: u32,
    /// Of those, checked in at the desk.
    pub checked_in_morning: u32,
    pub checked_in_afternoon: u32,
    /// The meeting room's bookings today (members' and rentals, not blocks).
    pub room_bookings: u32,
    pub room_minutes: u32,
    pub pending_applications: u32,
    /// Room rental requests waiting for an answer.
    pub pending_rentals: u32,
    /// Emails waiting to be sent, and those that failed.
    pub outbox_pending: u32,
    pub outbox_failed: u32,
    /// Open accounts whose fee ends within the renewal notice
    /// ([`crate::accounts::RENEWAL_NOTICE_DAYS`]).
    pub renewals_soon: u32,
    /// Consultation requests to triage (new), and appointments today.
    pub consultations_new: u32,
    pub consultations_today: u32,
}

/// Coworking in a period. Attendance is a check-in: a cancelled booking or a no-show never counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CoworkingFigures {
    /// Desk bookings (a morning, an afternoon or a whole day each).
    pub bookings: u32,
    /// Days a coworker came (one per coworker and day, checked in).
    pub coworker_days: u32,
    /// Coworkers who came at least once.
    pub coworkers: u32,
    /// Coworkers who came on four days or more.
    pub returning: u32,
    pub no_shows: u32,
}

/// The meeting room in a period: minutes booked against minutes open.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoomFigures {
    pub open_minutes: u32,
    pub member_minutes: u32,
    pub rental_minutes: u32,
    /// Rentals confirmed for a day of the period.
    pub rentals: u32,
}

/// Members: with a fee covering the period's last day, admitted during it, whose fee ran out during
/// it without a new one, and the fees received.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemberFigures {
    pub active: u32,
    pub joined: u32,
    pub renewals_due: u32,
    pub fees: u32,
    pub fees_cents: i64,
}

/// The events of one kind held during a period (published, started on a day of it, over): who
/// signed up, and who came. Attendance is a check-in at the door, as for the desks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EventFigures {
    pub kind: EventKind,
    /// Sessions held.
    pub sessions: u32,
    /// Groups confirmed.
    pub signups: u32,
    /// Seats confirmed, and the children among them.
    pub seats: u32,
    pub children: u32,
    /// People checked in at the door.
    pub attended: u32,
    /// Groups still on the waiting list when the session was held.
    pub waiting: u32,
}

impl EventFigures {
    pub fn none(kind: EventKind) -> EventFigures {
        EventFigures {
            kind,
            sessions: 0,
            signups: 0,
            seats: 0,
            children: 0,
            attended: 0,
            waiting: 0,
        }
    }

    /// Who came, out of the seats confirmed, in whole percent (none without seats).
    pub fn attendance_percent(&self) -> Option<u32> {
        attendance(self.attended, self.seats)
    }
}

/// Who came out of the seats confirmed, rounded as every share here ([`percent`]); none without
/// seats.
fn attendance(attended: u32, seats: u32) -> Option<u32> {
    (seats > 0)
        .then(|| u32::try_from(percent(i64::from(attended), i64::from(seats))).unwrap_or(u32::MAX))
}

/// The e-education programme in a period, for the funders' report: teacher trainings, children's
/// workshops and parents' open days together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EducationFigures {
    pub sessions: u32,
    /// Teachers and youth workers who came to a training.
    pub teachers_trained: u32,
    /// Children signed up to the workshops held.
    pub children: u32,
    pub attended: u32,
    pub seats: u32,
}

impl EducationFigures {
    pub fn attendance_percent(&self) -> Option<u32> {
        attendance(self.attended, self.seats)
    }
}

/// One period's figures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Figures {
    pub coworking: CoworkingFigures,
    pub room: RoomFigures,
    pub members: MemberFigures,
    /// Income from room rentals held on a day of the period.
    pub rental_income_cents: i64,
    /// Events held, one entry per kind (in `EventKind::ALL`'s order, empty kinds included).
    pub events: Vec<EventFigures>,
    /// Consultations for businesses received in the period.
    pub consultations: crate::consultations::ConsultationFigures,
}

impl Figures {
    /// The e-education kinds added up.
    pub fn education(&self) -> EducationFigures {
        let mut e = EducationFigures {
            sessions: 0,
            teachers_trained: 0,
            children: 0,
            attended: 0,
            seats: 0,
        };
        for f in self.events.iter().filter(|f| {
            matches!(
                f.kind,
                EventKind::TeacherTraining | EventKind::ChildrenWorkshop | EventKind::OpenDay
            )
        }) {
            e.sessions += f.sessions;
            e.attended += f.attended;
            e.seats += f.seats;
            if f.kind == EventKind::TeacherTraining {
                e.teachers_trained += f.attended;
            }
            if f.kind == EventKind::ChildrenWorkshop {
                e.children += f.children;
            }
        }
        e
    }
}

/// One day of the coworking series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CoworkingDay {
    pub date: NaiveDate,
    /// Coworkers with a desk booked.
    pub booked: u32,
    pub checked_in: u32,
    pub no_shows: u32,
}

/// One ISO week of the room series (the days of the week inside the period only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoomWeek {
    pub monday: NaiveDate,
    pub open_minutes: u32,
    pub member_minutes: u32,
    pub rental_minutes: u32,
}

impl RoomWeek {
    /// The share of the opening hours booked, in whole percent.
    pub fn occupancy(&self) -> i64 {
        percent(
            i64::from(self.member_minutes) + i64::from(self.rental_minutes),
            i64::from(self.open_minutes),
        )
    }
}

/// One calendar month of the period (the days of the month inside the period only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MonthFigures {
    /// `YYYY-MM`
    pub month: String,
    /// Days a coworker came (checked in), one per coworker and day.
    pub coworker_days: u32,
    pub room_open_minutes: u32,
    pub room_member_minutes: u32,
    pub room_rental_minutes: u32,
    pub rental_cents: i64,
    /// Rental income from the period's first month to this one.
    pub cumulative_rental_cents: i64,
    pub fees_cents: i64,
}

impl MonthFigures {
    /// The share of the opening hours the room was booked, in whole percent.
    pub fn room_occupancy(&self) -> i64 {
        percent(
            i64::from(self.room_member_minutes) + i64::from(self.room_rental_minutes),
            i64::from(self.room_open_minutes),
        )
    }
}

/// `GET /api/staff/stats?from=&to=`: a period's figures beside those of the period compared with,
/// and the series the charts draw.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Stats {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The period compared with: the same dates a year earlier (the statistics and the report alike).
    pub previous_from: NaiveDate,
    pub previous_to: NaiveDate,
    pub current: Figures,
    pub previous: Figures,
    pub coworking_days: Vec<CoworkingDay>,
    pub room_weeks: Vec<RoomWeek>,
    pub months: Vec<MonthFigures>,
    /// The yearly room-rental income target (a setting).
    pub rental_target_cents: i64,
    /// The first day anything was recorded: before it, figures are zeros for want of records.
    pub records_from: Option<NaiveDate>,
}

/// `GET /api/staff/report?from=&to=`: the activity report, compared with the same dates a year
/// earlier, and the text staff wrote for it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    pub stats: Stats,
    pub text: String,
}

/// `PUT /api/staff/report/text?from=&to=`
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ReportText {
    pub text: String,
}

/// The most a report's text holds.
pub const REPORT_TEXT_MAX: usize = 4000;

/// The series `GET /api/staff/stats/{series}.csv` serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    Coworking,
    Room,
    Months,
}

impl Series {
    pub const ALL: [Series; 3] = [Series::Coworking, Series::Room, Series::Months];

    pub fn as_str(self) -> &'static str {
        match self {
            Series::Coworking => "coworking",
            Series::Room => "room",
            Series::Months => "months",
        }
    }

    pub fn parse(s: &str) -> Option<Series> {
        Series::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The column headings, in French (the CSV is opened by the association's spreadsheets).
    pub fn headings(self) -> &'static [&'static str] {
        match self {
            Series::Coworking => &["Date", "Coworkers réservés", "Venus", "Absents"],
            Series::Room => &[
                "Semaine du",
                "Heures d'ouverture",
                "Heures adhérents",
                "Heures location",
                "Occupation (%)",
            ],
            Series::Months => &[
                "Mois",
                "Journées coworkers",
                "Heures d'ouverture",
                "Heures salle adhérents",
                "Heures salle location",
                "Occupation salle (%)",
                "Locations (€)",
                "Locations cumulées (€)",
                "Cotisations (€)",
            ],
        }
    }

    /// The rows of the series, as the cells of a spreadsheet in French: dates `JJ/MM/AAAA`,
    /// decimals with a comma.
    pub fn rows(self, stats: &Stats) -> Vec<Vec<String>> {
        let date = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
        match self {
            Series::Coworking => stats
                .coworking_days
                .iter()
                .map(|d| {
                    vec![
                        date(d.date),
                        d.booked.to_string(),
                        d.checked_in.to_string(),
                        d.no_shows.to_string(),
                    ]
                })
                .collect(),
            Series::Room => stats
                .room_weeks
                .iter()
                .map(|w| {
                    vec![
                        date(w.monday),
                        hours(w.open_minutes),
                        hours(w.member_minutes),
                        hours(w.rental_minutes),
                        w.occupancy().to_string(),
                    ]
                })
                .collect(),
            Series::Months => stats
                .months
                .iter()
                .map(|m| {
                    vec![
                        m.month.clone(),
                        m.coworker_days.to_string(),
                        hours(m.room_open_minutes),
                        hours(m.room_member_minutes),
                        hours(m.room_rental_minutes),
                        m.room_occupancy().to_string(),
                        euros(m.rental_cents),
                        euros(m.cumulative_rental_cents),
                        euros(m.fees_cents),
                    ]
                })
                .collect(),
        }
    }
}

/// Minutes as hours with a decimal comma: 90 → `1,5`, 120 → `2`.
pub fn hours(minutes: u32) -> String {
    let tenths = (minutes * 10 + 30) / 60;
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{},{}", tenths / 10, tenths % 10)
    }
}

/// Cents as euros with a decimal comma: 12050 → `120,50`.
pub fn euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    format!("{sign}{},{:02}", c / 100, c % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::DayHours;
    use crate::time::HhMm;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a valid period of the tests")
    }

    #[test]
    fn a_year_earlier_keeps_the_dates_and_moves_the_29th_of_february() {
        let p = Period::new(d(2028, 2, 1), d(2028, 2, 29)).expect("a valid period of the tests");
        assert_eq!(
            p.a_year_earlier(),
            Period {
                from: d(2027, 2, 1),
                to: d(2027, 2, 28)
            }
        );
    }

    #[test]
    fn a_period_is_refused_backwards_too_long_or_not_dates() {
        assert_eq!(
            Period::new(d(2026, 3, 2), d(2026, 3, 1)),
            Err(PeriodError::EndBeforeStart)
        );
        assert_eq!(
            Period::new(d(2024, 1, 1), d(2026, 1, 2)),
            Err(PeriodError::TooLong)
        );
        assert!(Period::new(d(2024, 1, 1), d(2026, 1, 1)).is_ok());
        assert_eq!(
            Period::parse("2026-02-30", "2026-03-01"),
            Err(PeriodError::NotADate("from"))
        );
        assert_eq!(
            Period::parse("2026-02-01", "mars"),
            Err(PeriodError::NotADate("to"))
        );
    }

    #[test]
    fn weeks_and_months_are_those_the_period_touches() {
        let p = Period::new(d(2026, 9, 30), d(2026, 10, 12)).expect("a valid period of the tests");
        assert_eq!(
            p.mondays(),
            vec![d(2026, 9, 28), d(2026, 10, 5), d(2026, 10, 12)]
        );
        assert_eq!(
            p.months(),
            vec!["2026-09".to_string(), "2026-10".to_string()]
        );
        assert_eq!(p.each_day().count(), 13);
    }

    #[test]
    fn paris_days_are_bounded_by_paris_midnights_across_both_clock_changes() {
        // October 2026: summer time (UTC+2) on the 1st, winter time (UTC+1) after the 25th.
        let october =
            Period::new(d(2026, 10, 1), d(2026, 10, 31)).expect("a valid period of the tests");
        let (from, to) = october.utc_bounds();
        assert_eq!(from.to_rfc3339(), "2026-09-30T22:00:00+00:00");
        assert_eq!(to.to_rfc3339(), "2026-10-31T23:00:00+00:00");
        // The March change day is 23 hours long.
        let change =
            Period::new(d(2026, 3, 29), d(2026, 3, 29)).expect("a valid period of the tests");
        let (from, to) = change.utc_bounds();
        assert_eq!((to - from).num_hours(), 23);
        // The October one, 25.
        let change =
            Period::new(d(2026, 10, 25), d(2026, 10, 25)).expect("a valid period of the tests");
        let (from, to) = change.utc_bounds();
        assert_eq!((to - from).num_hours(), 25);
    }

    #[test]
    fn open_minutes_leave_out_weekends_holidays_and_closures() {
        let hours = OpeningHours::new(
            (1..=5)
                .map(|weekday| DayHours {
                    weekday,
                    open: HhMm::new(9, 0).expect("a valid period of the tests"),
                    close: HhMm::new(18, 0).expect("a valid period of the tests"),
                })
                .collect(),
        )
        .expect("a valid period of the tests");
        // The week of 11 November 2026 (a Wednesday, Armistice Day), with the Friday closed.
        let week =
            Period::new(d(2026, 11, 9), d(2026, 11, 15)).expect("a valid period of the tests");
        assert_eq!(
            open_minutes(week.each_day(), &hours, &[d(2026, 11, 13)]),
            3 * 540
        );
        assert_eq!(open_minutes(week.each_day(), &hours, &[]), 4 * 540);
    }

    #[test]
    fn percents_round_half_up_and_nothing_open_is_zero() {
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(5, 0), 0);
        assert_eq!(percent(540, 540), 100);
    }

    #[test]
    fn spreadsheet_cells_are_written_the_french_way() {
        assert_eq!(hours(90), "1,5");
        assert_eq!(hours(120), "2");
        assert_eq!(hours(0), "0");
        assert_eq!(euros(12050), "120,50");
        assert_eq!(euros(5), "0,05");
        assert_eq!(euros(-300), "-3,00");
        assert_eq!(Series::parse("room"), Some(Series::Room));
        assert_eq!(Series::parse("today"), None);
        for s in Series::ALL {
            let stats = Stats {
                coworking_days: vec![CoworkingDay {
                    date: d(2026, 10, 26),
                    booked: 5,
                    checked_in: 4,
                    no_shows: 1,
                }],
                room_weeks: vec![RoomWeek {
                    monday: d(2026, 10, 26),
                    open_minutes: 2700,
                    member_minutes: 90,
                    rental_minutes: 240,
                }],
                months: vec![MonthFigures {
                    month: "2026-10".into(),
                    coworker_days: 120,
                    room_open_minutes: 11880,
                    room_member_minutes: 600,
                    room_rental_minutes: 240,
                    rental_cents: 15000,
                    cumulative_rental_cents: 30000,
                    fees_cents: 6000,
                }],
                ..Stats::default()
            };
            let rows = s.rows(&stats);
            assert_eq!(rows.len(), 1);
            assert_eq!(rows[0].len(), s.headings().len(), "{s:?}");
        }
    }
}

#[cfg(test)]
mod event_figures_tests {
    use super::*;

    fn kind(
        kind: EventKind,
        sessions: u32,
        seats: u32,
        children: u32,
        attended: u32,
    ) -> EventFigures {
        EventFigures {
            sessions,
            seats,
            children,
            attended,
            ..EventFigures::none(kind)
        }
    }

    #[test]
    fn the_programme_adds_up_its_three_kinds_and_leaves_club_meetings_out() {
        let figures = Figures {
            events: vec![
                kind(EventKind::ClubMeeting, 3, 30, 0, 25),
                kind(EventKind::TeacherTraining, 2, 6, 0, 5),
                kind(EventKind::ChildrenWorkshop, 2, 16, 10, 13),
                kind(EventKind::OpenDay, 1, 5, 3, 0),
            ],
            ..Figures::default()
        };
        let e = figures.education();
        assert_eq!(
            (
                e.sessions,
                e.teachers_trained,
                e.children,
                e.attended,
                e.seats
            ),
            (5, 5, 10, 18, 27)
        );
        // 18 of 27 is 66.7 %: rounded as the other shares.
        assert_eq!(e.attendance_percent(), Some(67));
        assert_eq!(Figures::default().education().attendance_percent(), None);
        assert_eq!(
            kind(EventKind::OpenDay, 1, 3, 0, 3).attendance_percent(),
            Some(100)
        );
    }
}
