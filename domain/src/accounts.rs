//! Members, applications and membership: the values people type, checked once at the edge, and
//! the rules of the yearly membership.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::i18n::ApiMsg;
use wire_json::{Codes, FromJson, ToJson};

/// What is wrong with which field of a request: field name → message.
pub type FieldErrors = Vec<(String, ApiMsg)>;

/// Collects field errors while parsing a request, so people see every problem at once.
#[derive(Default)]
pub struct Checker {
    pub errors: FieldErrors,
}

impl Checker {
    pub fn check<T>(&mut self, field: &str, result: Result<T, ApiMsg>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(m) => {
                self.errors.push((field.to_string(), m));
                None
            }
        }
    }

    pub fn fail(&mut self, field: &str, msg: ApiMsg) {
        self.errors.push((field.to_string(), msg));
    }

    /// `Ok` with the parsed value when no field failed.
    pub fn finish<T>(self, value: impl FnOnce() -> Option<T>) -> Result<T, FieldErrors> {
        if self.errors.is_empty() {
            value().ok_or_else(|| vec![("request".into(), ApiMsg::ErrValidation)])
        } else {
            Err(self.errors)
        }
    }
}

/// An email address, trimmed and lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(s: &str) -> Result<Email, ApiMsg> {
        let s = s.trim().to_lowercase();
        if s.is_empty() {
            return Err(ApiMsg::FieldRequired);
        }
        let Some((local, domain)) = s.split_once('@') else {
            return Err(ApiMsg::FieldEmail);
        };
        let ok = !local.is_empty()
            && s.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !s.contains(char::is_whitespace)
            && !domain.contains('@');
        if ok {
            Ok(Email(s))
        } else {
            Err(ApiMsg::FieldEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A person's name: 1 to 100 characters on one line, nothing that reorders or hides what staff
/// read (control characters, bidirectional overrides: see `privacy::is_misleading`).
pub fn parse_name(s: &str) -> Result<String, ApiMsg> {
    let s = s.trim();
    if s.is_empty() {
        return Err(ApiMsg::FieldRequired);
    }
    if s.chars().any(crate::privacy::is_misleading) {
        return Err(ApiMsg::FieldMisleadingChars);
    }
    if s.chars().count() > 100 {
        return Err(ApiMsg::FieldTooLong100);
    }
    Ok(s.to_string())
}

/// The message for a text over `max` characters: it says the limit. Every limit this portal sets
/// has its sentence (the test below lists them); another would get the sentence without a number.
pub fn too_long(max: usize) -> ApiMsg {
    match max {
        100 => ApiMsg::FieldTooLong100,
        120 => ApiMsg::FieldTooLong120,
        200 => ApiMsg::FieldTooLong200,
        400 => ApiMsg::FieldTooLong400,
        500 => ApiMsg::FieldTooLong500,
        1000 => ApiMsg::FieldTooLong1000,
        2000 => ApiMsg::FieldTooLong2000,
        4000 => ApiMsg::FieldTooLong4000,
        20_000 => ApiMsg::FieldTooLong20000,
        _ => ApiMsg::FieldTooLong,
    }
}

/// Optional free text of at most `max` characters (a company, a bio, a reason): line breaks are
/// kept, other control characters and bidirectional overrides refused.
pub fn parse_text(s: &str, max: usize) -> Result<String, ApiMsg> {
    let s = s.trim();
    if s.chars().any(crate::privacy::is_misleading_in_text) {
        return Err(ApiMsg::FieldMisleadingChars);
    }
    if s.chars().count() > max {
        return Err(too_long(max));
    }
    Ok(s.to_string())
}

/// Required free text of at most `max` characters (a goal, a reason someone must give).
pub fn parse_required_text(s: &str, max: usize) -> Result<String, ApiMsg> {
    let s = parse_text(s, max)?;
    if s.is_empty() {
        Err(ApiMsg::FieldRequired)
    } else {
        Ok(s)
    }
}

/// A required date, `YYYY-MM-DD` (what a date input sends): empty says it is required, anything
/// else that it is not a date.
pub fn parse_day(s: &str) -> Result<NaiveDate, ApiMsg> {
    let s = s.trim();
    if s.is_empty() {
        return Err(ApiMsg::FieldDateRequired);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| ApiMsg::FieldDate)
}

/// A French or international phone number, optional: digits, spaces, dots, dashes, a leading +.
pub fn parse_phone(s: &str) -> Result<String, ApiMsg> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let allowed = s
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " .-()".contains(c) || (i == 0 && c == '+'));
    if allowed && (8..=15).contains(&digits) {
        Ok(s.to_string())
    } else {
        Err(ApiMsg::FieldPhone)
    }
}

/// Skills as tags: trimmed, lower-cased, deduplicated, at most 15 of at most 40 characters.
pub fn parse_skills(tags: &[String]) -> Result<Vec<String>, ApiMsg> {
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        let t = t.trim().to_lowercase();
        if t.is_empty() {
            continue;
        }
        if t.chars().count() > 40 || t.chars().any(char::is_control) {
            return Err(ApiMsg::FieldSkills);
        }
        if !out.contains(&t) {
            out.push(t);
        }
    }
    if out.len() > 15 {
        return Err(ApiMsg::FieldSkills);
    }
    Ok(out)
}

pub const PASSWORD_MIN_CHARS: usize = 10;

/// A new password: at least 10 characters (length beats rules), at most 200.
pub fn check_new_password(p: &str) -> Result<(), ApiMsg> {
    let n = p.chars().count();
    if n < PASSWORD_MIN_CHARS {
        Err(ApiMsg::FieldPasswordShort)
    } else if n > 200 {
        Err(ApiMsg::FieldTooLong200)
    } else {
        Ok(())
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    FromJson,
    ToJson,
    Codes,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Member,
    Staff,
    Admin,
}

impl Role {
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Staff | Role::Admin)
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, FromJson, ToJson, Codes,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    Cash,
    Cheque,
    Transfer,
    Card,
}

/// Where a member stands, on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum MembershipStatus {
    /// Paid until this day, inclusive.
    Active { until: NaiveDate },
    /// The last paid period ended on this day.
    Expired { since: NaiveDate },
    /// Never paid.
    None,
}

impl MembershipStatus {
    pub fn on(until: Option<NaiveDate>, today: NaiveDate) -> MembershipStatus {
        match until {
            Some(until) if until >= today => MembershipStatus::Active { until },
            Some(until) => MembershipStatus::Expired { since: until },
            None => MembershipStatus::None,
        }
    }

    pub fn is_active(self) -> bool {
        matches!(self, MembershipStatus::Active { .. })
    }
}

/// How many days before a fee ends the concierge is asked to see to its renewal.
pub const RENEWAL_NOTICE_DAYS: u32 = 30;

/// The last day of the renewal notice from `today`: fees ending by then are to renew.
pub fn renewal_notice_end(today: NaiveDate) -> NaiveDate {
    today + Duration::days(i64::from(RENEWAL_NOTICE_DAYS))
}

/// Which accounts the staff's member list shows (`?status=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberListFilter {
    /// Every account.
    #[default]
    #[serde(rename = "")]
    All,
    /// The adhérents today: people whose fee covers the day, staff accounts aside (a closed
    /// account counts until its fee ends). The one definition of a member the portal counts with (the home page, the
    /// statistics, the report and this list): the worker spells it once, `repo::adherent_on`.
    Active,
    /// Open accounts whose fee ends within [`RENEWAL_NOTICE_DAYS`] from today.
    EndsSoon,
    /// Open accounts whose last fee has ended.
    Expired,
    /// Open accounts that never paid.
    None,
    /// Accounts closed by staff.
    Deactivated,
    /// Fees that ran out between `from` and `to` with no later fee paid by `to`: the statistics'
    /// "renewals due" of that period, person by person.
    Lapsed,
}

/// The order of the staff's member list (`?sort=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberListOrder {
    /// By name.
    #[default]
    #[serde(rename = "")]
    Name,
    /// By the end of the fee, soonest first (never paid last).
    End,
}

/// The same day one year later; 29 February becomes 1 March, so a year paid on a leap day ends
/// on 28 February.
fn plus_one_year(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year() + 1, d.month(), d.day())
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(d.year() + 1, 3, 1).expect("1 March exists"))
}

/// The period a yearly payment covers: a year from the payment, or, for a renewal paid before the
/// end of the current period, the year following the current period (nobody loses days by paying early).
pub fn membership_period(
    paid_on: NaiveDate,
    current_until: Option<NaiveDate>,
) -> (NaiveDate, NaiveDate) {
    let start = match current_until {
        Some(until) if until >= paid_on => until + Duration::days(1),
        _ => paid_on,
    };
    (start, plus_one_year(start) - Duration::days(1))
}

/// Renewal reminders: 30 days before, 7 days before, and on expiry; each once per period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[serde(rename_all = "snake_case")]
pub enum Reminder {
    ThirtyDays,
    SevenDays,
    Expired,
}

impl Reminder {
    pub fn key(self) -> &'static str {
        match self {
            Reminder::ThirtyDays => "d30",
            Reminder::SevenDays => "d7",
            Reminder::Expired => "expired",
        }
    }
}

/// The reminder due today for a membership ending `until`, if any. Only the most urgent one is
/// due: someone at five days gets the seven-day reminder, not the thirty-day one as well. A
/// membership that ended more than 30 days ago gets nothing (no reminders for long-gone members).
pub fn due_reminder(until: NaiveDate, today: NaiveDate) -> Option<Reminder> {
    let days_left = (until - today).num_days();
    match days_left {
        31.. => None,
        8..=30 => Some(Reminder::ThirtyDays),
        0..=7 => Some(Reminder::SevenDays),
        -30..=-1 => Some(Reminder::Expired),
        _ => None,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_empty_date_is_required_not_malformed() {
        assert_eq!(parse_day(""), Err(ApiMsg::FieldDateRequired));
        assert_eq!(parse_day("  "), Err(ApiMsg::FieldDateRequired));
        assert_eq!(parse_day("12/01/2027"), Err(ApiMsg::FieldDate));
        assert_eq!(
            parse_day("2027-01-12"),
            Ok(NaiveDate::from_ymd_opt(2027, 1, 12).expect("a date"))
        );
    }

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Anne.LeGall@Example.FR ").map(|e| e.as_str().to_string()),
            Ok("anne.legall@example.fr".into())
        );
        for bad in [
            "anne",
            "anne@",
            "@example.fr",
            "anne@example",
            "anne@@example.fr",
            "an ne@example.fr",
            "anne@.fr",
        ] {
            assert_eq!(Email::parse(bad), Err(ApiMsg::FieldEmail), "{bad:?}");
        }
        assert_eq!(Email::parse("  "), Err(ApiMsg::FieldRequired));
    }

    #[test]
    fn names_phones_skills_and_passwords() {
        assert_eq!(parse_name(" Maëlle Cornec "), Ok("Maëlle Cornec".into()));
        assert_eq!(parse_name(""), Err(ApiMsg::FieldRequired));
        assert_eq!(parse_name(&"x".repeat(101)), Err(ApiMsg::FieldTooLong100));
        // Every limit the portal sets says its number, in both languages.
        for max in [100, 120, 200, 400, 500, 1000, 2000, 4000, 20_000] {
            let msg = too_long(max);
            assert_ne!(
                msg,
                ApiMsg::FieldTooLong,
                "{max} has no sentence of its own"
            );
            let digits = max.to_string();
            for lang in crate::Lang::ALL {
                let text = msg.text(lang).replace(['\u{a0}', '\u{202f}', ' ', ','], "");
                assert!(
                    text.contains(&digits),
                    "{lang:?}: {text} does not say {max}"
                );
            }
        }
        // A line break in a name is refused for what it is, not for its length.
        assert_eq!(
            parse_name("Jean\nDupont"),
            Err(ApiMsg::FieldMisleadingChars)
        );
        assert_eq!(
            parse_name("Jean\u{202E}gnp.exe"),
            Err(ApiMsg::FieldMisleadingChars)
        );
        assert_eq!(
            parse_text("Ligne 1\nLigne 2", 100).as_deref(),
            Ok("Ligne 1\nLigne 2")
        );
        assert_eq!(
            parse_text("Atelier\u{202E}", 100),
            Err(ApiMsg::FieldMisleadingChars)
        );
        assert_eq!(parse_phone("02 98 00 00 00"), Ok("02 98 00 00 00".into()));
        assert_eq!(
            parse_phone("+33 6 12 34 56 78"),
            Ok("+33 6 12 34 56 78".into())
        );
        assert_eq!(parse_phone("call me"), Err(ApiMsg::FieldPhone));
        assert_eq!(parse_phone("123"), Err(ApiMsg::FieldPhone));
        assert_eq!(
            parse_skills(&["Rust".into(), " rust ".into(), "".into(), "SEO".into()]),
            Ok(vec!["rust".into(), "seo".into()])
        );
        let many: Vec<String> = (0..16).map(|i| format!("skill{i}")).collect();
        assert_eq!(parse_skills(&many), Err(ApiMsg::FieldSkills));
        assert_eq!(check_new_password("court"), Err(ApiMsg::FieldPasswordShort));
        assert_eq!(check_new_password("dix-caract"), Ok(()));
    }

    #[test]
    fn a_payment_covers_a_year_and_early_renewals_lose_no_days() {
        assert_eq!(
            membership_period(d(2026, 3, 10), None),
            (d(2026, 3, 10), d(2027, 3, 9))
        );
        // Lapsed: the new year starts on the payment day.
        assert_eq!(
            membership_period(d(2026, 3, 10), Some(d(2026, 1, 31))),
            (d(2026, 3, 10), d(2027, 3, 9))
        );
        // Paid early: the new year follows the current one.
        assert_eq!(
            membership_period(d(2026, 12, 1), Some(d(2026, 12, 20))),
            (d(2026, 12, 21), d(2027, 12, 20))
        );
        // Leap day.
        assert_eq!(
            membership_period(d(2028, 2, 29), None),
            (d(2028, 2, 29), d(2029, 2, 28))
        );
    }

    #[test]
    fn membership_status_on_a_day() {
        let today = d(2026, 11, 29);
        assert_eq!(
            MembershipStatus::on(Some(today), today),
            MembershipStatus::Active { until: today }
        );
        assert_eq!(
            MembershipStatus::on(Some(d(2026, 11, 28)), today),
            MembershipStatus::Expired {
                since: d(2026, 11, 28)
            }
        );
        assert_eq!(MembershipStatus::on(None, today), MembershipStatus::None);
    }

    #[test]
    fn reminders_fall_due_once_per_window() {
        let until = d(2026, 12, 31);
        assert_eq!(due_reminder(until, d(2026, 11, 30)), None, "31 days before");
        assert_eq!(
            due_reminder(until, d(2026, 12, 1)),
            Some(Reminder::ThirtyDays)
        );
        assert_eq!(
            due_reminder(until, d(2026, 12, 23)),
            Some(Reminder::ThirtyDays),
            "8 days before"
        );
        assert_eq!(
            due_reminder(until, d(2026, 12, 24)),
            Some(Reminder::SevenDays)
        );
        assert_eq!(
            due_reminder(until, d(2026, 12, 31)),
            Some(Reminder::SevenDays),
            "last day still active"
        );
        assert_eq!(due_reminder(until, d(2027, 1, 1)), Some(Reminder::Expired));
        assert_eq!(due_reminder(until, d(2027, 1, 30)), Some(Reminder::Expired));
        assert_eq!(due_reminder(until, d(2027, 1, 31)), None, "long expired");
    }
}
