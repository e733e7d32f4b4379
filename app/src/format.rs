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

/// A JavaScript date in the browser's wall clock, to the minute (one date read once: the day and
/// the time cannot straddle midnight).
fn wall_clock(d: &js_sys::Date) -> Option<NaiveDateTime> {
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())?
        .and_hms_opt(d.get_hours(), d.get_minutes(), 0)
}

/// An HTTP date ("Sat, 05 Dec 2026 10:15:00 GMT") in the browser's wall clock, to the minute.
pub fn http_date_local(text: &str) -> Option<NaiveDateTime> {
    wall_clock(&js_sys::Date::new(&text.into()))
}

/// Today in the browser's calendar, as a date.
pub fn today() -> Option<chrono::NaiveDate> {
    wall_clock(&js_sys::Date::new_0()).map(|t| t.date())
}

/// Now in the browser's wall clock, to the minute.
pub fn now_local() -> Option<NaiveDateTime> {
    wall_clock(&js_sys::Date::new_0())
}

/// Today in the browser's calendar, `YYYY-MM-DD` (the phones and the desk PC are in Quimper).
pub fn today_iso() -> String {
    in_months_iso(0)
}

/// The day `days` from today in the browser's calendar, `YYYY-MM-DD`.
pub fn in_days_iso(days: u32) -> String {
    let d = js_sys::Date::new_0();
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

/// The same day `months` from today in the browser's calendar, `YYYY-MM-DD` (JavaScript's date
/// rolls an overflowing day into the next month: 31 January + 1 month is 3 March, which is what
/// an agenda's end needs). Not chrono's: its month arithmetic and `Display` cost the agenda
/// bundle 0.3 KB brotli (measured after wasm-opt, brotli q11), which was over its 150 KB budget.
pub fn in_months_iso(months: u32) -> String {
    let d = js_sys::Date::new_0();
    if months > 0 {
        d.set_month(d.get_month() + months);
    }
    iso(&d)
}

/// "30 min", "1 h", "1 h 30" (the worker's journal writes durations the same way).
pub use domain::i18n::hours_minutes;
