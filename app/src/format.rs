//! How dates, instants and membership read on screen.

use crate::text::AccountText;
use chrono::{Datelike, NaiveDateTime, Timelike};
use domain::accounts::MembershipStatus;
use domain::i18n::{fill, format_date_long, month_name, weekday_name};
use domain::Lang;

/// An RFC 3339 instant from the API, as Quimper's wall clock: "mardi 8 décembre, 18:30".
pub fn instant(rfc3339: &str, lang: Lang) -> String {
    match wire_json::parse_instant(rfc3339) {
        Some(t) => datetime_short(domain::paris::to_local(t), lang),
        None => rfc3339.to_string(),
    }
}

/// "mardi 8 décembre, 18:30" / "Tuesday 8 December, 18:30": the same text as
/// `domain::i18n::format_datetime_short`, with the time written by hand: chrono's `%H:%M` would
/// bring its whole format-string interpreter into the app.
pub fn datetime_short(at: NaiveDateTime, lang: Lang) -> String {
    let d = at.date();
    let (weekday, month) = (weekday_name(d.weekday(), lang), month_name(d.month(), lang));
    format!(
        "{weekday} {} {month}, {:02}:{:02}",
        domain::i18n::day_of_month(d.day(), lang),
        at.hour(),
        at.minute()
    )
}

/// "Adhésion active jusqu'au mardi 8 décembre 2026", "expirée depuis le …", "aucune cotisation".
pub fn membership(status: MembershipStatus, lang: Lang) -> String {
    match status {
        MembershipStatus::Active { until } => fill(
            AccountText::MembershipActive.text(lang),
            &[("date", &format_date_long(until, lang))],
        ),
        MembershipStatus::Expired { since } => fill(
            AccountText::MembershipExpired.text(lang),
            &[("date", &format_date_long(since, lang))],
        ),
        MembershipStatus::None => AccountText::MembershipNone.text(lang).to_string(),
    }
}

/// Cents as staff type euros, for a field to edit: "30", "12,50" (the inverse of [`euros_to_cents`]).
pub fn cents_to_euros(cents: i64) -> String {
    if cents % 100 == 0 {
        (cents / 100).to_string()
    } else {
        format!("{},{:02}", cents / 100, cents % 100)
    }
}

/// "12,50" or "12.50" or "30" euros → cents; `None` for anything else.
pub fn euros_to_cents(text: &str) -> Option<i64> {
    let t: String = text
        .trim()
        .trim_end_matches('€')
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let t = t.replace(',', ".");
    let (units, cents) = match t.split_once('.') {
        Some((u, c)) if !c.is_empty() && c.len() <= 2 && c.chars().all(|d| d.is_ascii_digit()) => (
            u,
            if c.len() == 1 {
                format!("{c}0")
            } else {
                c.to_string()
            },
        ),
        Some(_) => return None,
        None => (t.as_str(), "00".to_string()),
    };
    if units.is_empty() || !units.chars().all(|d| d.is_ascii_digit()) || units.len() > 7 {
        return None;
    }
    Some(units.parse::<i64>().ok()? * 100 + cents.parse::<i64>().ok()?)
}

/// An instant given as milliseconds since 1970 (JavaScript's clock), on Quimper's wall clock, to
/// the minute. The portal's times are Paris times whatever the device's zone: a phone abroad or
/// a browser left in UTC must not take an event of today for tomorrow's (the door's check-in stayed
/// shut from midnight in Paris to midnight UTC).
fn in_quimper(millis: f64) -> Option<NaiveDateTime> {
    let instant = chrono::DateTime::<chrono::Utc>::from_timestamp_millis(millis as i64)?;
    domain::paris::to_local(instant)
        .with_second(0)?
        .with_nanosecond(0)
}

/// An HTTP date ("Sat, 05 Dec 2026 10:15:00 GMT") on Quimper's wall clock, to the minute.
pub fn http_date_local(text: &str) -> Option<NaiveDateTime> {
    in_quimper(js_sys::Date::new(&text.into()).get_time())
}

/// Today in Quimper, as a date: the browser's `Intl` says it (`toLocaleDateString` in Paris's
/// zone, in a locale that writes `YYYY-MM-DD`). Not the domain's Paris clock: linked into the
/// agenda's bundle through its first day, that cost 1.4 KB brotli (152,194 B against its 151,000 B
/// budget, the budget test on 2026-12-08; the agenda now leaves its window to the server).
pub fn today() -> Option<chrono::NaiveDate> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"timeZone".into(), &"Europe/Paris".into()).ok()?;
    let text = String::from(js_sys::Date::new_0().to_locale_date_string("sv-SE", &options));
    let mut parts = text.split('-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    chrono::NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// Now on Quimper's wall clock, to the minute.
pub fn now_local() -> Option<NaiveDateTime> {
    in_quimper(js_sys::Date::now())
}

/// Today in Quimper, `YYYY-MM-DD`.
pub fn today_iso() -> String {
    iso(&today_js())
}

/// Today in Quimper as a JavaScript date (midnight, the browser's zone: only its day is read).
fn today_js() -> js_sys::Date {
    match today() {
        Some(t) => js_sys::Date::new_with_year_month_day(
            t.year() as u32,
            t.month0() as i32,
            t.day() as i32,
        ),
        None => js_sys::Date::new_0(),
    }
}

/// The day `days` from today in Quimper, `YYYY-MM-DD`.
pub fn in_days_iso(days: u32) -> String {
    let d = today_js();
    d.set_date(d.get_date() + days);
    iso(&d)
}

fn iso(d: &js_sys::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// "30 min", "1 h", "1 h 30" (the worker's journal writes durations the same way).
pub use domain::i18n::hours_minutes;
