//! French public holidays (metropolitan France), computed: the fixed ones and those that follow Easter.

use chrono::{Datelike, Duration, NaiveDate};

use crate::i18n::{Lang, Localized};

/// A public holiday: the cantine is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: Localized<&'static str>,
}

/// Easter Sunday (Gregorian calendar), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a valid date")
}

/// The eleven public holidays of a year, in date order.
pub fn public_holidays(year: i32) -> Vec<Holiday> {
    let fixed = |m, d| NaiveDate::from_ymd_opt(year, m, d).expect("fixed holiday");
    let easter = easter_sunday(year);
    let named = |date, fr, en| Holiday {
        date,
        name: Localized { fr, en },
    };
    let mut days = vec![
        named(fixed(1, 1), "Jour de l'an", "New Year's Day"),
        named(
            easter + Duration::days(1),
            "Lundi de Pâques",
            "Easter Monday",
        ),
        named(fixed(5, 1), "Fête du travail", "Labour Day"),
        named(fixed(5, 8), "Victoire 1945", "Victory in Europe Day"),
        named(easter + Duration::days(39), "Ascension", "Ascension Day"),
        named(
            easter + Duration::days(50),
            "Lundi de Pentecôte",
            "Whit Monday",
        ),
        named(fixed(7, 14), "Fête nationale", "Bastille Day"),
        named(fixed(8, 15), "Assomption", "Assumption Day"),
        named(fixed(11, 1), "Toussaint", "All Saints' Day"),
        named(fixed(11, 11), "Armistice 1918", "Armistice Day"),
        named(fixed(12, 25), "Noël", "Christmas Day"),
    ];
    days.sort_by_key(|h| h.date);
    days
}

/// The holiday on a date, if any.
pub fn holiday_on(date: NaiveDate) -> Option<Holiday> {
    public_holidays(date.year())
        .into_iter()
        .find(|h| h.date == date)
}

/// The holiday's name in a language.
pub fn holiday_name(h: &Holiday, lang: Lang) -> &'static str {
    h.name.get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_of_known_years() {
        assert_eq!(
            easter_sunday(2026),
            NaiveDate::from_ymd_opt(2026, 4, 5).expect("date")
        );
        assert_eq!(
            easter_sunday(2027),
            NaiveDate::from_ymd_opt(2027, 3, 28).expect("date")
        );
        assert_eq!(
            easter_sunday(2038),
            NaiveDate::from_ymd_opt(2038, 4, 25).expect("date")
        );
    }

    #[test]
    fn whit_monday_2026_is_the_25th_of_may() {
        let h = holiday_on(NaiveDate::from_ymd_opt(2026, 5, 25).expect("date")).expect("a holiday");
        assert_eq!(h.name.fr, "Lundi de Pentecôte");
        assert!(holiday_on(NaiveDate::from_ymd_opt(2026, 5, 26).expect("date")).is_none());
    }

    /// Every holiday of the independent reference list 2025–2035, and nothing else.
    #[test]
    fn matches_the_reference_list() {
        let csv = crate::test_support::reference_data("jours-feries-metropole.csv");
        let expected: Vec<(NaiveDate, String)> = csv
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let (d, n) = l.split_once(',').expect("date,nom");
                (
                    NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date"),
                    n.to_string(),
                )
            })
            .collect();
        let computed: Vec<(NaiveDate, String)> = (2025..=2035)
            .flat_map(public_holidays)
            .map(|h| (h.date, h.name.fr.to_string()))
            .collect();
        assert_eq!(computed, expected);
    }
}
