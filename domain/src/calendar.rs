//! The booking calendar's rules: which slots exist on a day, whether a request breaks a rule, how
//! Paris wall-clock times become instants (across both daylight-saving changes), room prices.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::i18n::ApiMsg;
use crate::paris::{self, LocalTime};
use crate::settings::{DayOpening, OpeningHours, RoomRates, SettingsError};
use crate::time::HhMm;
use wire_json::{Codes, FromJson, ToJson};

/// The rules of the calendar, stored as the `booking_rules` setting and edited by staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BookingRules {
    /// How many days ahead a member may book.
    pub horizon_days: u32,
    pub desk_morning: (HhMm, HhMm),
    pub desk_afternoon: (HhMm, HhMm),
    pub room_slot_minutes: u32,
    pub room_min_minutes: u32,
    pub room_max_minutes: u32,
    /// At most this many minutes of meeting room per member and ISO week.
    pub room_weekly_quota_minutes: u32,
    /// A room booking can be cancelled until this many hours before it starts (desks: until the start).
    pub room_cancel_notice_hours: u32,
}

impl Default for BookingRules {
    fn default() -> Self {
        let t = |h, m| HhMm::new(h, m).expect("constant time");
        BookingRules {
            horizon_days: 60,
            desk_morning: (t(9, 0), t(13, 0)),
            desk_afternoon: (t(13, 0), t(18, 0)),
            room_slot_minutes: 30,
            room_min_minutes: 30,
            room_max_minutes: 240,
            room_weekly_quota_minutes: 360,
            room_cancel_notice_hours: 24,
        }
    }
}

impl BookingRules {
    pub fn parse_json(json: &str) -> Result<BookingRules, SettingsError> {
        let r: BookingRules =
            serde_json::from_str(json).map_err(|e| SettingsError::Json(e.to_string()))?;
        let grid_ok = r.room_slot_minutes > 0
            && 60u32.is_multiple_of(r.room_slot_minutes)
            && r.room_min_minutes >= r.room_slot_minutes
            && r.room_max_minutes >= r.room_min_minutes
            && r.room_min_minutes.is_multiple_of(r.room_slot_minutes);
        let desks_ok = r.desk_morning.0 < r.desk_morning.1
            && r.desk_morning.1 <= r.desk_afternoon.0
            && r.desk_afternoon.0 < r.desk_afternoon.1;
        if r.horizon_days == 0 || r.horizon_days > 366 {
            return Err(SettingsError::HorizonRange);
        }
        if !grid_ok || !desks_ok {
            return Err(SettingsError::InconsistentRules);
        }
        Ok(r)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson, Codes)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    Desk,
    Room,
}

/// The half-days of the coworking space.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, FromJson, ToJson, Codes,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeskPeriod {
    Morning,
    Afternoon,
    Day,
}

impl DeskPeriod {
    /// Local start and end of the period on a date.
    pub fn bounds(self, date: NaiveDate, rules: &BookingRules) -> (NaiveDateTime, NaiveDateTime) {
        let at = |t: HhMm| date.and_time(t.time());
        match self {
            DeskPeriod::Morning => (at(rules.desk_morning.0), at(rules.desk_morning.1)),
            DeskPeriod::Afternoon => (at(rules.desk_afternoon.0), at(rules.desk_afternoon.1)),
            DeskPeriod::Day => (at(rules.desk_morning.0), at(rules.desk_afternoon.1)),
        }
    }
}

/// A span of time, both as the Paris wall clock shows it and as instants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start_local: NaiveDateTime,
    pub end_local: NaiveDateTime,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Span {
    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }

    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Local to instant for the start of a span: a skipped time does not exist (None); of a doubled
/// time, the first occurrence.
fn start_instant(local: NaiveDateTime) -> Option<DateTime<Utc>> {
    paris::from_local(local).earliest()
}

/// Local to instant for the end of a span: of a doubled time, the last occurrence, so that a span
/// over the October change keeps its real length; a time in the March gap ends the span when the
/// clocks jump (read with the winter offset, UTC+1).
fn end_instant(local: NaiveDateTime) -> Option<DateTime<Utc>> {
    match paris::from_local(local) {
        LocalTime::Single(t) => Some(t),
        LocalTime::Ambiguous { later, .. } => Some(later),
        LocalTime::Gap => Some(chrono::TimeZone::from_utc_datetime(
            &Utc,
            &(local - Duration::hours(1)),
        )),
    }
}

pub fn span(start_local: NaiveDateTime, end_local: NaiveDateTime) -> Option<Span> {
    Some(Span {
        start_local,
        end_local,
        start: start_instant(start_local)?,
        end: end_instant(end_local)?,
    })
}

/// The opening hours of a date, if open.
pub fn open_hours(
    date: NaiveDate,
    hours: &OpeningHours,
    closures: &[NaiveDate],
) -> Option<(HhMm, HhMm)> {
    match hours.on(date, closures) {
        DayOpening::Open { open, close } => Some((open, close)),
        _ => None,
    }
}

/// The desk periods bookable on a date (those within the opening hours).
pub fn desk_periods(
    date: NaiveDate,
    hours: &OpeningHours,
    closures: &[NaiveDate],
    rules: &BookingRules,
) -> Vec<(DeskPeriod, Span)> {
    let Some((open, close)) = open_hours(date, hours, closures) else {
        return Vec::new();
    };
    [DeskPeriod::Morning, DeskPeriod::Afternoon, DeskPeriod::Day]
        .into_iter()
        .filter_map(|p| {
            let (s, e) = p.bounds(date, rules);
            let inside = s.time() >= open.time() && e.time() <= close.time();
            if inside {
                span(s, e).map(|sp| (p, sp))
            } else {
                None
            }
        })
        .collect()
}

/// The room's grid on a date: slots of `room_slot_minutes` from opening to closing, in wall-clock
/// time. A slot that starts in the March gap does not exist; the October doubled hour gives its
/// wall-clock slots once (the calendar shows the day as people read their clocks).
pub fn room_grid(
    date: NaiveDate,
    hours: &OpeningHours,
    closures: &[NaiveDate],
    rules: &BookingRules,
) -> Vec<Span> {
    let Some((open, close)) = open_hours(date, hours, closures) else {
        return Vec::new();
    };
    let step = Duration::minutes(i64::from(rules.room_slot_minutes));
    let mut slots = Vec::new();
    let mut t = date.and_time(open.time());
    let end = date.and_time(close.time());
    while t + step <= end {
        if let Some(s) = span(t, t + step) {
            if s.end > s.start {
                slots.push(s);
            }
        }
        t += step;
    }
    slots
}

/// Why a booking request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleBreak {
    EndNotAfterStart,
    NotSameDay,
    Closed,
    InThePast,
    TooFarAhead,
    OutsideHours,
    NotADeskPeriod,
    NotOnGrid,
    TooShort,
    TooLong,
    NonexistentTime,
}

impl RuleBreak {
    pub fn message(self) -> ApiMsg {
        match self {
            RuleBreak::EndNotAfterStart => ApiMsg::RuleEndAfterStart,
            RuleBreak::NotSameDay => ApiMsg::RuleSameDay,
            RuleBreak::Closed => ApiMsg::RuleClosed,
            RuleBreak::InThePast => ApiMsg::RulePast,
            RuleBreak::TooFarAhead => ApiMsg::RuleHorizon,
            RuleBreak::OutsideHours => ApiMsg::RuleOutsideHours,
            RuleBreak::NotADeskPeriod => ApiMsg::RuleDeskPeriod,
            RuleBreak::NotOnGrid => ApiMsg::RuleGrid,
            RuleBreak::TooShort => ApiMsg::RuleTooShort,
            RuleBreak::TooLong => ApiMsg::RuleTooLong,
            RuleBreak::NonexistentTime => ApiMsg::RuleNonexistentTime,
        }
    }

    /// Which field of the request the rule is about.
    pub fn field(self) -> &'static str {
        match self {
            RuleBreak::EndNotAfterStart
            | RuleBreak::NotSameDay
            | RuleBreak::TooShort
            | RuleBreak::TooLong => "end",
            _ => "start",
        }
    }
}

/// A request that passed the calendar's rules, ready for the conditional insert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedBooking {
    pub span: Span,
    /// The spans whose occupancy must stay under capacity (each half-day a desk booking covers;
    /// the booking itself for the room).
    pub units: Vec<Span>,
    pub desk_period: Option<DeskPeriod>,
    /// ISO week of the booking (for the room's weekly quota), e.g. `2026-W49`.
    pub week: String,
}

/// The Monday that starts the week of `date`: a week starts on Monday in France.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - chrono::Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

pub fn iso_week(date: NaiveDate) -> String {
    let w = date.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// What a day's bookable times depend on: the opening hours, the closure days, the rules.
#[derive(Debug, Clone, Copy)]
pub struct Schedule<'a> {
    pub hours: &'a OpeningHours,
    pub closures: &'a [NaiveDate],
    pub rules: &'a BookingRules,
}

/// How far ahead a booking may be made: the rules' horizon, or any day (staff plan ahead).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Horizon {
    Rules,
    Unbounded,
}

/// Check a request for `kind` from `start` to `end` (Paris wall clock) made at `now`.
/// With [`Horizon::Unbounded`] a booking may exceed the horizon, never the other rules.
pub fn check_booking(
    kind: ResourceKind,
    start: NaiveDateTime,
    end: NaiveDateTime,
    now: DateTime<Utc>,
    schedule: Schedule<'_>,
    horizon: Horizon,
) -> Result<CheckedBooking, RuleBreak> {
    let Schedule {
        hours,
        closures,
        rules,
    } = schedule;
    if end <= start {
        return Err(RuleBreak::EndNotAfterStart);
    }
    let date = start.date();
    if end.date() != date {
        return Err(RuleBreak::NotSameDay);
    }
    let sp = span(start, end).ok_or(RuleBreak::NonexistentTime)?;
    if sp.start < now {
        return Err(RuleBreak::InThePast);
    }
    let today = paris::local_date(now);
    if horizon == Horizon::Rules && (date - today).num_days() > i64::from(rules.horizon_days) {
        return Err(RuleBreak::TooFarAhead);
    }
    let (open, close) = open_hours(date, hours, closures).ok_or(RuleBreak::Closed)?;
    if start.time() < open.time() || end.time() > close.time() {
        return Err(RuleBreak::OutsideHours);
    }
    match kind {
        ResourceKind::Desk => {
            let period = [DeskPeriod::Morning, DeskPeriod::Afternoon, DeskPeriod::Day]
                .into_iter()
                .find(|p| p.bounds(date, rules) == (start, end))
                .ok_or(RuleBreak::NotADeskPeriod)?;
            let units = match period {
                DeskPeriod::Day => [DeskPeriod::Morning, DeskPeriod::Afternoon]
                    .into_iter()
                    .filter_map(|p| {
                        let (s, e) = p.bounds(date, rules);
                        span(s, e)
                    })
                    .collect(),
                _ => vec![sp],
            };
            Ok(CheckedBooking {
                span: sp,
                units,
                desk_period: Some(period),
                week: iso_week(date),
            })
        }
        ResourceKind::Room => {
            let step = i64::from(rules.room_slot_minutes);
            let on_grid = |t: NaiveDateTime| {
                let from_open = (t - date.and_time(open.time())).num_minutes();
                from_open % step == 0 && t.and_utc().timestamp() % 60 == 0
            };
            if !on_grid(start) || !on_grid(end) {
                return Err(RuleBreak::NotOnGrid);
            }
            let minutes = (end - start).num_minutes();
            if minutes < i64::from(rules.room_min_minutes) {
                return Err(RuleBreak::TooShort);
            }
            if minutes > i64::from(rules.room_max_minutes) {
                return Err(RuleBreak::TooLong);
            }
            Ok(CheckedBooking {
                span: sp,
                units: vec![sp],
                desk_period: None,
                week: iso_week(date),
            })
        }
    }
}

/// Can a booking starting at `start` still be cancelled by its member at `now`?
pub fn can_cancel(
    kind: ResourceKind,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
    rules: &BookingRules,
) -> bool {
    match kind {
        ResourceKind::Desk => now < start,
        ResourceKind::Room => {
            now <= start - Duration::hours(i64::from(rules.room_cancel_notice_hours))
        }
    }
}

/// The price of renting the room for a desk-like period.
pub fn rental_price_cents(period: DeskPeriod, member: bool, rates: &RoomRates) -> i64 {
    match (period, member) {
        (DeskPeriod::Day, true) => rates.member_day_cents,
        (DeskPeriod::Day, false) => rates.non_member_day_cents,
        (_, true) => rates.member_half_day_cents,
        (_, false) => rates.non_member_half_day_cents,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_week_starts_on_monday() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 12, day).expect("a date");
        // Wednesday 2 December 2026, Monday 30 November; a Monday is its own start; Sunday 6 → 30.
        assert_eq!(
            week_start(d(2)),
            NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date")
        );
        assert_eq!(week_start(d(7)), d(7));
        assert_eq!(week_start(d(13)), d(7));
    }

    use super::*;
    use crate::settings::DayHours;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").expect("literal")
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("literal")
            .with_timezone(&Utc)
    }

    fn weekdays() -> OpeningHours {
        let h = |w| DayHours {
            weekday: w,
            open: HhMm::new(9, 0).expect("t"),
            close: HhMm::new(18, 0).expect("t"),
        };
        OpeningHours::new((1..=5).map(h).collect()).expect("valid")
    }

    /// Opening hours on Sunday night, only to exercise the daylight-saving changes.
    fn sunday_night() -> OpeningHours {
        OpeningHours::new(vec![DayHours {
            weekday: 7,
            open: HhMm::new(1, 0).expect("t"),
            close: HhMm::new(4, 0).expect("t"),
        }])
        .expect("valid")
    }

    const NOW: &str = "2026-11-29T10:00:00Z"; // a Sunday

    fn check(kind: ResourceKind, s: &str, e: &str) -> Result<CheckedBooking, RuleBreak> {
        check_booking(
            kind,
            t(s),
            t(e),
            utc(NOW),
            Schedule {
                hours: &weekdays(),
                closures: &[d(2026, 12, 24)],
                rules: &BookingRules::default(),
            },
            Horizon::Rules,
        )
    }

    #[test]
    fn desk_periods_of_an_open_day_and_none_on_closed_days() {
        let rules = BookingRules::default();
        let p = desk_periods(d(2026, 11, 30), &weekdays(), &[], &rules);
        assert_eq!(
            p.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            vec![DeskPeriod::Morning, DeskPeriod::Afternoon, DeskPeriod::Day]
        );
        assert_eq!(
            p[0].1.start,
            utc("2026-11-30T08:00:00Z"),
            "09:00 in winter is 08:00 UTC"
        );
        assert!(
            desk_periods(d(2026, 12, 5), &weekdays(), &[], &rules).is_empty(),
            "Saturday"
        );
        assert!(
            desk_periods(d(2026, 12, 25), &weekdays(), &[], &rules).is_empty(),
            "Christmas"
        );
        assert!(
            desk_periods(d(2027, 3, 29), &weekdays(), &[], &rules).is_empty(),
            "Easter Monday 2027"
        );
        assert!(
            desk_periods(d(2026, 12, 24), &weekdays(), &[d(2026, 12, 24)], &rules).is_empty(),
            "a closure day"
        );
    }

    #[test]
    fn room_grid_is_eighteen_half_hours() {
        let grid = room_grid(d(2026, 11, 30), &weekdays(), &[], &BookingRules::default());
        assert_eq!(grid.len(), 18);
        assert_eq!(grid[0].start_local, t("2026-11-30T09:00"));
        assert_eq!(grid[17].end_local, t("2026-11-30T18:00"));
        // In summer the same wall-clock time is an hour earlier in UTC.
        let june = room_grid(d(2027, 6, 1), &weekdays(), &[], &BookingRules::default());
        assert_eq!(june[0].start, utc("2027-06-01T07:00:00Z"));
    }

    #[test]
    fn the_march_2027_gap_has_no_slots_and_the_october_2026_hour_keeps_its_length() {
        let rules = BookingRules::default();
        let march = room_grid(d(2027, 3, 28), &sunday_night(), &[], &rules);
        let starts: Vec<String> = march
            .iter()
            .map(|s| s.start_local.format("%H:%M").to_string())
            .collect();
        assert_eq!(
            starts,
            vec!["01:00", "01:30", "03:00", "03:30"],
            "02:00 and 02:30 do not exist on 28 March 2027"
        );
        assert_eq!(
            march[1].end, march[2].start,
            "01:30–02:00 ends when 03:00 begins"
        );
        let october = room_grid(d(2026, 10, 25), &sunday_night(), &[], &rules);
        assert_eq!(october.len(), 6, "01:00 to 04:00 in wall-clock half-hours");
        // 02:30–03:00 on 25 October 2026 starts in summer time and ends in winter time: 90 real minutes.
        let doubled = october
            .iter()
            .find(|s| s.start_local == t("2026-10-25T02:30"))
            .expect("slot");
        assert_eq!(doubled.start, utc("2026-10-25T00:30:00Z"));
        assert_eq!(doubled.end, utc("2026-10-25T02:00:00Z"));
        assert_eq!(doubled.minutes(), 90);
        let same_day_2027 = room_grid(d(2027, 10, 31), &sunday_night(), &[], &rules);
        assert_eq!(same_day_2027.len(), 6);
    }

    #[test]
    fn a_booking_in_the_march_gap_is_refused_as_a_nonexistent_time() {
        let r = check_booking(
            ResourceKind::Room,
            t("2027-03-28T02:30"),
            t("2027-03-28T03:30"),
            utc("2027-03-01T10:00:00Z"),
            Schedule {
                hours: &sunday_night(),
                closures: &[],
                rules: &BookingRules::default(),
            },
            Horizon::Rules,
        );
        assert_eq!(r, Err(RuleBreak::NonexistentTime));
    }

    #[test]
    fn desk_requests_must_be_a_period() {
        let ok = check(ResourceKind::Desk, "2026-11-30T09:00", "2026-11-30T18:00").expect("a day");
        assert_eq!(ok.desk_period, Some(DeskPeriod::Day));
        assert_eq!(ok.units.len(), 2, "a day takes a desk in both half-days");
        assert_eq!(
            check(ResourceKind::Desk, "2026-11-30T13:00", "2026-11-30T18:00")
                .map(|b| b.desk_period),
            Ok(Some(DeskPeriod::Afternoon))
        );
        assert_eq!(
            check(ResourceKind::Desk, "2026-11-30T10:00", "2026-11-30T12:00"),
            Err(RuleBreak::NotADeskPeriod)
        );
    }

    #[test]
    fn every_rule_refuses_what_it_should() {
        use RuleBreak::*;
        let cases = [
            ("2026-11-30T10:00", "2026-11-30T10:00", EndNotAfterStart),
            ("2026-11-30T17:00", "2026-12-01T10:00", NotSameDay),
            ("2026-12-05T10:00", "2026-12-05T11:00", Closed),
            ("2026-12-24T10:00", "2026-12-24T11:00", Closed),
            ("2026-12-25T10:00", "2026-12-25T11:00", Closed),
            ("2026-11-27T10:00", "2026-11-27T11:00", InThePast),
            ("2027-01-29T10:00", "2027-01-29T11:00", TooFarAhead),
            ("2026-11-30T08:00", "2026-11-30T09:00", OutsideHours),
            ("2026-11-30T17:30", "2026-11-30T18:30", OutsideHours),
            ("2026-11-30T10:15", "2026-11-30T11:15", NotOnGrid),
            ("2026-11-30T10:00", "2026-11-30T14:30", TooLong),
        ];
        for (s, e, expected) in cases {
            assert_eq!(check(ResourceKind::Room, s, e), Err(expected), "{s}–{e}");
        }
        let ok =
            check(ResourceKind::Room, "2026-11-30T14:00", "2026-11-30T16:00").expect("two hours");
        assert_eq!(ok.span.minutes(), 120);
        assert_eq!(ok.week, "2026-W49");
        // 60 days ahead is allowed, 61 is not.
        assert!(check(ResourceKind::Room, "2027-01-28T10:00", "2027-01-28T11:00").is_ok());
        // Staff plan beyond the horizon.
        let staff = check_booking(
            ResourceKind::Room,
            t("2027-03-01T10:00"),
            t("2027-03-01T11:00"),
            utc(NOW),
            Schedule {
                hours: &weekdays(),
                closures: &[],
                rules: &BookingRules::default(),
            },
            Horizon::Unbounded,
        );
        assert!(staff.is_ok());
    }

    #[test]
    fn short_rooms_are_refused_when_the_minimum_is_longer_than_the_grid() {
        let rules = BookingRules {
            room_min_minutes: 60,
            ..BookingRules::default()
        };
        let r = check_booking(
            ResourceKind::Room,
            t("2026-11-30T10:00"),
            t("2026-11-30T10:30"),
            utc(NOW),
            Schedule {
                hours: &weekdays(),
                closures: &[],
                rules: &rules,
            },
            Horizon::Rules,
        );
        assert_eq!(r, Err(RuleBreak::TooShort));
    }

    #[test]
    fn stored_kinds_and_periods_read_back_and_unknown_ones_are_refused() {
        for k in [ResourceKind::Desk, ResourceKind::Room] {
            assert_eq!(ResourceKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(
            ResourceKind::parse("sofa"),
            None,
            "an unknown kind must not become a desk"
        );
        assert_eq!(DeskPeriod::parse("evening"), None);
    }

    #[test]
    fn cancellation_windows() {
        let rules = BookingRules::default();
        let start = utc("2026-12-01T08:00:00Z");
        assert!(can_cancel(
            ResourceKind::Desk,
            start,
            utc("2026-12-01T07:59:00Z"),
            &rules
        ));
        assert!(!can_cancel(ResourceKind::Desk, start, start, &rules));
        assert!(can_cancel(
            ResourceKind::Room,
            start,
            utc("2026-11-30T08:00:00Z"),
            &rules
        ));
        assert!(!can_cancel(
            ResourceKind::Room,
            start,
            utc("2026-11-30T08:01:00Z"),
            &rules
        ));
    }

    #[test]
    fn rental_prices_follow_the_rates() {
        let rates = RoomRates {
            member_half_day_cents: 3000,
            member_day_cents: 5000,
            non_member_half_day_cents: 9000,
            non_member_day_cents: 15000,
        };
        assert_eq!(rental_price_cents(DeskPeriod::Morning, false, &rates), 9000);
        assert_eq!(rental_price_cents(DeskPeriod::Day, false, &rates), 15000);
        assert_eq!(
            rental_price_cents(DeskPeriod::Afternoon, true, &rates),
            3000
        );
    }

    #[test]
    fn rules_are_checked_when_staff_edit_them() {
        let ok = serde_json::to_string(&BookingRules::default()).expect("json");
        assert_eq!(BookingRules::parse_json(&ok), Ok(BookingRules::default()));
        let bad = ok.replace("\"room_slot_minutes\":30", "\"room_slot_minutes\":7");
        assert_eq!(
            BookingRules::parse_json(&bad),
            Err(SettingsError::InconsistentRules)
        );
        // A horizon out of range says so, not something about slots that are not on the form.
        let far = ok.replace("\"horizon_days\":60", "\"horizon_days\":1000");
        assert_eq!(
            BookingRules::parse_json(&far),
            Err(SettingsError::HorizonRange)
        );
    }
}
