//! Monthly recurrence of club meetings: "the second Thursday of every month at 18:30".

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use serde::{Deserialize, Serialize};

use crate::i18n::{weekday_name, Lang};
use crate::time::HhMm;
use wire_json::{FromJson, ToJson};

/// Which week of the month: 1–4, or -1 for the last one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MonthlyRule {
    /// 1, 2, 3, 4 or -1 (the last such weekday of the month).
    pub ordinal: i8,
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    pub time: HhMm,
    pub duration_minutes: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleError {
    Ordinal,
    Weekday,
    Duration,
}

fn iso_weekday(n: u8) -> Option<Weekday> {
    match n {
        1 => Some(Weekday::Mon),
        2 => Some(Weekday::Tue),
        3 => Some(Weekday::Wed),
        4 => Some(Weekday::Thu),
        5 => Some(Weekday::Fri),
        6 => Some(Weekday::Sat),
        7 => Some(Weekday::Sun),
        _ => None,
    }
}

impl MonthlyRule {
    pub fn new(
        ordinal: i8,
        weekday: u8,
        time: HhMm,
        duration_minutes: u32,
    ) -> Result<MonthlyRule, RuleError> {
        if !matches!(ordinal, 1..=4 | -1) {
            return Err(RuleError::Ordinal);
        }
        if iso_weekday(weekday).is_none() {
            return Err(RuleError::Weekday);
        }
        if duration_minutes == 0 || duration_minutes > 12 * 60 {
            return Err(RuleError::Duration);
        }
        Ok(MonthlyRule {
            ordinal,
            weekday,
            time,
            duration_minutes,
        })
    }

    /// The meeting day of a month.
    pub fn day_in_month(&self, year: i32, month: u32) -> Option<NaiveDate> {
        let weekday = iso_weekday(self.weekday)?;
        if self.ordinal > 0 {
            NaiveDate::from_weekday_of_month_opt(year, month, weekday, self.ordinal as u8)
        } else {
            let next_month_first = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)?
            };
            let last = next_month_first.pred_opt()?;
            let back =
                (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
            Some(last - Duration::days(i64::from(back)))
        }
    }

    /// The next `count` meetings starting at or after `from` (Paris wall-clock time).
    pub fn next_occurrences(&self, from: NaiveDateTime, count: usize) -> Vec<NaiveDateTime> {
        let (mut year, mut month) = (from.year(), from.month());
        let mut out = Vec::with_capacity(count);
        // A rule always has a meeting in each month, so 2×count months is a safe bound.
        for _ in 0..(count * 2 + 2) {
            if out.len() == count {
                break;
            }
            if let Some(day) = self.day_in_month(year, month) {
                let at = day.and_time(self.time.time());
                if at >= from {
                    out.push(at);
                }
            }
            (year, month) = if month == 12 {
                (year + 1, 1)
            } else {
                (year, month + 1)
            };
        }
        out
    }

    /// "le deuxième jeudi du mois à 18:30" / "on the second Thursday of the month at 18:30".
    pub fn describe(&self, lang: Lang) -> String {
        let day = iso_weekday(self.weekday)
            .map(|w| weekday_name(w, lang))
            .unwrap_or_default();
        let (fr, en) = match self.ordinal {
            1 => ("premier", "first"),
            2 => ("deuxième", "second"),
            3 => ("troisième", "third"),
            4 => ("quatrième", "fourth"),
            _ => ("dernier", "last"),
        };
        match lang {
            Lang::Fr => format!("le {fr} {day} du mois à {}", self.time),
            Lang::En => format!("on the {en} {day} of the month at {}", self.time),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(ordinal: i8, weekday: u8) -> MonthlyRule {
        MonthlyRule::new(ordinal, weekday, HhMm::new(18, 30).expect("t"), 120).expect("valid rule")
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").expect("literal")
    }

    #[test]
    fn second_thursday_of_the_next_months() {
        let got = rule(2, 4).next_occurrences(at("2026-11-29T10:00"), 3);
        assert_eq!(
            got,
            vec![
                at("2026-12-10T18:30"),
                at("2027-01-14T18:30"),
                at("2027-02-11T18:30")
            ]
        );
    }

    #[test]
    fn last_tuesday_and_same_day_after_the_meeting() {
        let r = rule(-1, 2);
        assert_eq!(
            r.day_in_month(2026, 12),
            NaiveDate::from_ymd_opt(2026, 12, 29)
        );
        assert_eq!(
            r.day_in_month(2027, 2),
            NaiveDate::from_ymd_opt(2027, 2, 23)
        );
        // The evening of the meeting, after it started: the next one is next month.
        assert_eq!(
            r.next_occurrences(at("2026-12-29T19:00"), 1),
            vec![at("2027-01-26T18:30")]
        );
    }

    #[test]
    fn refuses_impossible_rules_and_describes_valid_ones() {
        let t = HhMm::new(18, 30).expect("t");
        assert_eq!(MonthlyRule::new(5, 1, t, 60), Err(RuleError::Ordinal));
        assert_eq!(MonthlyRule::new(1, 0, t, 60), Err(RuleError::Weekday));
        assert_eq!(MonthlyRule::new(1, 1, t, 0), Err(RuleError::Duration));
        assert_eq!(
            rule(2, 4).describe(Lang::Fr),
            "le deuxième jeudi du mois à 18:30"
        );
        assert_eq!(
            rule(-1, 2).describe(Lang::En),
            "on the last Tuesday of the month at 18:30"
        );
    }
}
