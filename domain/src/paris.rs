//! Europe/Paris wall-clock time.
//!
//! The cantine only ever lives in one time zone, so instead of shipping the whole tz database to
//! phones we encode the European Union rule that has governed Europe/Paris since 1996: summer time
//! (UTC+2) from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC, UTC+1
//! otherwise. The tests check it against an independent tzdb export (`domain/tests/data`).

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday,
};

/// Where a local wall-clock time falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalTime {
    /// One instant: the ordinary case.
    Single(DateTime<Utc>),
    /// The October change: the hour 02:00–03:00 happens twice (first in summer time, then in winter time).
    Ambiguous {
        earlier: DateTime<Utc>,
        later: DateTime<Utc>,
    },
    /// The March change: the hour 02:00–03:00 does not exist.
    Gap,
}

impl LocalTime {
    /// The instant to use when a rule needs one: the earlier of a doubled hour, none for a skipped one.
    pub fn earliest(self) -> Option<DateTime<Utc>> {
        match self {
            LocalTime::Single(t) => Some(t),
            LocalTime::Ambiguous { earlier, .. } => Some(earlier),
            LocalTime::Gap => None,
        }
    }
}

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .expect("month in 1..=12");
    let last = first_of_next
        .pred_opt()
        .expect("not the first day of the calendar");
    let back = last.weekday().num_days_from_sunday();
    last - Duration::days(i64::from(back))
}

/// The two instants of the year when Europe/Paris changes its offset: (start of summer time, end).
pub fn transitions(year: i32) -> (DateTime<Utc>, DateTime<Utc>) {
    let at_one_utc =
        |d: NaiveDate| Utc.from_utc_datetime(&d.and_hms_opt(1, 0, 0).expect("valid time"));
    (
        at_one_utc(last_sunday(year, 3)),
        at_one_utc(last_sunday(year, 10)),
    )
}

/// UTC offset of Europe/Paris at an instant.
pub fn offset_at(instant: DateTime<Utc>) -> FixedOffset {
    let (spring, autumn) = transitions(instant.year());
    let hours = if instant >= spring && instant < autumn {
        2
    } else {
        1
    };
    FixedOffset::east_opt(hours * 3600).expect("offset within a day")
}

/// The Paris wall-clock time of an instant.
pub fn to_local(instant: DateTime<Utc>) -> NaiveDateTime {
    instant.naive_utc() + Duration::seconds(i64::from(offset_at(instant).local_minus_utc()))
}

/// The instant(s) of a Paris wall-clock time.
pub fn from_local(local: NaiveDateTime) -> LocalTime {
    let candidates: Vec<DateTime<Utc>> = [2i64, 1]
        .iter()
        .map(|h| Utc.from_utc_datetime(&(local - Duration::hours(*h))))
        .filter(|utc| to_local(*utc) == local)
        .collect();
    match candidates.as_slice() {
        [] => LocalTime::Gap,
        [one] => LocalTime::Single(*one),
        [a, b, ..] => LocalTime::Ambiguous {
            earlier: *a.min(b),
            later: *a.max(b),
        },
    }
}

/// Today's date in Paris at an instant.
pub fn local_date(instant: DateTime<Utc>) -> NaiveDate {
    to_local(instant).date()
}

/// RFC 3339 with the Paris offset, e.g. `2026-10-25T02:30:00+01:00`.
pub fn format_rfc3339(instant: DateTime<Utc>) -> String {
    instant.with_timezone(&offset_at(instant)).to_rfc3339()
}

/// Is this the day of a change of offset? Used by the calendar to warn people.
pub fn is_transition_day(date: NaiveDate) -> bool {
    let (spring, autumn) = transitions(date.year());
    spring.date_naive() == date || autumn.date_naive() == date
}

/// Day of the week, Monday first, as used by the opening hours.
pub fn weekday(date: NaiveDate) -> Weekday {
    date.weekday()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").expect("test literal")
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("test literal")
            .with_timezone(&Utc)
    }

    #[test]
    fn winter_and_summer_offsets() {
        assert_eq!(
            offset_at(utc("2026-01-15T12:00:00Z")).local_minus_utc(),
            3600
        );
        assert_eq!(
            offset_at(utc("2026-07-15T12:00:00Z")).local_minus_utc(),
            7200
        );
        assert_eq!(
            to_local(utc("2026-07-15T07:00:00Z")),
            local("2026-07-15T09:00")
        );
    }

    #[test]
    fn march_2026_half_past_two_does_not_exist() {
        assert_eq!(from_local(local("2026-03-29T02:30")), LocalTime::Gap);
        assert_eq!(
            from_local(local("2026-03-29T01:59")).earliest(),
            Some(utc("2026-03-29T00:59:00Z"))
        );
        assert_eq!(
            from_local(local("2026-03-29T03:00")).earliest(),
            Some(utc("2026-03-29T01:00:00Z"))
        );
    }

    #[test]
    fn october_2026_half_past_two_happens_twice() {
        assert_eq!(
            from_local(local("2026-10-25T02:30")),
            LocalTime::Ambiguous {
                earlier: utc("2026-10-25T00:30:00Z"),
                later: utc("2026-10-25T01:30:00Z")
            }
        );
        assert_eq!(
            format_rfc3339(utc("2026-10-25T01:30:00Z")),
            "2026-10-25T02:30:00+01:00"
        );
    }

    #[test]
    fn march_2027_and_october_2027() {
        assert_eq!(from_local(local("2027-03-28T02:00")), LocalTime::Gap);
        assert!(matches!(
            from_local(local("2027-10-31T02:00")),
            LocalTime::Ambiguous { .. }
        ));
        assert!(is_transition_day(
            NaiveDate::from_ymd_opt(2027, 10, 31).expect("date")
        ));
    }

    /// Every change of offset in the independent tzdb export, 2025–2035.
    #[test]
    fn matches_the_reference_tzdb_export() {
        let csv = crate::test_support::reference_data("dst-europe-paris.csv");
        let mut rows = 0;
        for line in csv.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split(',').collect();
            let instant = utc(&cols[0].replace('Z', ":00Z"));
            let before =
                NaiveDateTime::parse_from_str(cols[1], "%Y-%m-%dT%H:%M:%S").expect("local_before");
            let after = local(cols[2]);
            let offset = |s: &str| if s == "+02:00" { 7200 } else { 3600 };
            assert_eq!(
                offset_at(instant - Duration::seconds(1)).local_minus_utc(),
                offset(cols[3]),
                "offset before {line}"
            );
            assert_eq!(
                offset_at(instant).local_minus_utc(),
                offset(cols[4]),
                "offset after {line}"
            );
            assert_eq!(
                to_local(instant - Duration::seconds(1)),
                before,
                "last local time before {line}"
            );
            assert_eq!(to_local(instant), after, "first local time after {line}");
            rows += 1;
        }
        assert_eq!(rows, 22, "the export covers 11 years of two changes");
    }
}
