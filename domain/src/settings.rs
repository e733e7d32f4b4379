//! Configuration the cantine changes (opening hours, prices, budget) is data: stored as JSON in the
//! `settings` table, edited by staff, parsed and checked here.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::holidays;
use crate::i18n::{weekday_name, ApiMsg, Lang};
use crate::time::HhMm;
use wire_json::{FromJson, Json, ToJson};

/// Opening hours of one weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DayHours {
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    pub open: HhMm,
    pub close: HhMm,
}

/// The weekly opening hours; a weekday that is not listed is closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct OpeningHours(Vec<DayHours>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsError {
    Json(String),
    WeekdayOutOfRange(u8),
    WeekdayTwice(u8),
    CloseNotAfterOpen(u8),
    NegativeRate,
    /// A room rate above the highest the form takes (10,000 €).
    RateTooHigh,
    /// How far ahead members book: 1 to 366 days.
    HorizonRange,
    /// Booking rules whose times or durations contradict each other.
    InconsistentRules,
    Rna,
    Siret,
    /// Not an IBAN (length for its country, characters or check digits).
    Iban,
}

impl SettingsError {
    /// What is wrong, in the caller's language (the `Display` text is for logs).
    pub fn message(&self, lang: Lang) -> String {
        let day = |d: &u8| {
            chrono::Weekday::try_from(d.saturating_sub(1))
                .map(|w| weekday_name(w, lang).to_string())
                .unwrap_or_else(|_| d.to_string())
        };
        match self {
            SettingsError::Json(_) => ApiMsg::SettingShape.text(lang).to_string(),
            SettingsError::WeekdayOutOfRange(d) => ApiMsg::SettingWeekdayRange
                .text(lang)
                .replace("{n}", &d.to_string()),
            SettingsError::WeekdayTwice(d) => ApiMsg::SettingWeekdayTwice
                .text(lang)
                .replace("{day}", &day(d)),
            SettingsError::CloseNotAfterOpen(d) => ApiMsg::SettingCloseBeforeOpen
                .text(lang)
                .replace("{day}", &day(d)),
            SettingsError::NegativeRate => ApiMsg::SettingNegativeRate.text(lang).to_string(),
            SettingsError::RateTooHigh => ApiMsg::SettingRateTooHigh.text(lang).to_string(),
            SettingsError::HorizonRange => ApiMsg::SettingHorizonRange.text(lang).to_string(),
            SettingsError::InconsistentRules => {
                ApiMsg::SettingInconsistentRules.text(lang).to_string()
            }
            SettingsError::Rna => ApiMsg::SettingRna.text(lang).to_string(),
            SettingsError::Siret => ApiMsg::SettingSiret.text(lang).to_string(),
            SettingsError::Iban => ApiMsg::SettingIban.text(lang).to_string(),
        }
    }
}

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SettingsError::Json(e) => write!(f, "not valid JSON for this setting: {e}"),
            SettingsError::WeekdayOutOfRange(d) => {
                write!(f, "weekday {d} is not between 1 (Monday) and 7 (Sunday)")
            }
            SettingsError::WeekdayTwice(d) => write!(f, "weekday {d} is listed twice"),
            SettingsError::CloseNotAfterOpen(d) => {
                write!(f, "on weekday {d} closing time is not after opening time")
            }
            SettingsError::NegativeRate => write!(f, "a room rate cannot be negative"),
            SettingsError::RateTooHigh => write!(f, "a room rate is at most 10,000 euros"),
            SettingsError::HorizonRange => write!(f, "the booking horizon is 1 to 366 days"),
            SettingsError::InconsistentRules => write!(f, "inconsistent booking rules"),
            SettingsError::Rna => write!(f, "an RNA number is W and nine digits"),
            SettingsError::Siret => write!(f, "a SIRET is fourteen digits"),
            SettingsError::Iban => write!(f, "not a valid IBAN"),
        }
    }
}

/// The week as the opening hours are kept and shown, Monday first (1 = Monday … 7 = Sunday).
pub const WEEK: [chrono::Weekday; 7] = [
    chrono::Weekday::Mon,
    chrono::Weekday::Tue,
    chrono::Weekday::Wed,
    chrono::Weekday::Thu,
    chrono::Weekday::Fri,
    chrono::Weekday::Sat,
    chrono::Weekday::Sun,
];

impl OpeningHours {
    /// Checked construction: weekdays 1–7, each at most once, closing after opening.
    pub fn new(mut days: Vec<DayHours>) -> Result<OpeningHours, SettingsError> {
        days.sort_by_key(|d| d.weekday);
        for (i, d) in days.iter().enumerate() {
            if !(1..=7).contains(&d.weekday) {
                return Err(SettingsError::WeekdayOutOfRange(d.weekday));
            }
            if i > 0 && days[i - 1].weekday == d.weekday {
                return Err(SettingsError::WeekdayTwice(d.weekday));
            }
            if d.close <= d.open {
                return Err(SettingsError::CloseNotAfterOpen(d.weekday));
            }
        }
        Ok(OpeningHours(days))
    }

    pub fn parse_json(json: &str) -> Result<OpeningHours, SettingsError> {
        let days: Vec<DayHours> =
            serde_json::from_str(json).map_err(|e| SettingsError::Json(e.to_string()))?;
        OpeningHours::new(days)
    }

    pub fn days(&self) -> &[DayHours] {
        &self.0
    }

    /// Hours of a weekday (1 = Monday), if open that weekday.
    pub fn for_weekday(&self, weekday: u8) -> Option<DayHours> {
        self.0.iter().copied().find(|d| d.weekday == weekday)
    }

    /// Whether and when the cantine opens on a date: closed on public holidays and closure days.
    pub fn on(&self, date: NaiveDate, closures: &[NaiveDate]) -> DayOpening {
        if let Some(h) = holidays::holiday_on(date) {
            return DayOpening::Holiday(h);
        }
        if closures.contains(&date) {
            return DayOpening::ClosureDay;
        }
        let weekday = date.weekday().number_from_monday() as u8;
        match self.for_weekday(weekday) {
            Some(h) => DayOpening::Open {
                open: h.open,
                close: h.close,
            },
            None => DayOpening::ClosedWeekday,
        }
    }
}

/// What a given day looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOpening {
    Open { open: HhMm, close: HhMm },
    ClosedWeekday,
    Holiday(holidays::Holiday),
    ClosureDay,
}

/// Room rental prices, in euro cents (tax included: the association does not charge VAT).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoomRates {
    pub member_half_day_cents: i64,
    pub member_day_cents: i64,
    pub non_member_half_day_cents: i64,
    pub non_member_day_cents: i64,
}

impl RoomRates {
    /// The highest rate the cantine would ask for the room (a day for a company): 10,000 €.
    pub const MAX_CENTS: i64 = 1_000_000;

    pub fn parse_json(json: &str) -> Result<RoomRates, SettingsError> {
        let r: RoomRates =
            serde_json::from_str(json).map_err(|e| SettingsError::Json(e.to_string()))?;
        let all = [
            r.member_half_day_cents,
            r.member_day_cents,
            r.non_member_half_day_cents,
            r.non_member_day_cents,
        ];
        if all.iter().any(|c| *c < 0) {
            return Err(SettingsError::NegativeRate);
        }
        if all.iter().any(|c| *c > RoomRates::MAX_CENTS) {
            return Err(SettingsError::RateTooHigh);
        }
        Ok(r)
    }
}

/// Who issues the quotes: the association's identifiers (either may be empty until it has one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LegalIdentity {
    /// Répertoire national des associations: `W` and nine digits.
    #[serde(default)]
    pub rna: String,
    /// Fourteen digits, shown in groups of 3, 3, 3 and 5.
    #[serde(default)]
    pub siret: String,
    /// Where members pay their fee and companies a rental by transfer, kept as people read and
    /// copy it, in groups of four ("FR76 3000 6000 …"); empty until it is set. Checked and
    /// written so once, here: every page, email and quote shows it as it is stored.
    #[serde(default)]
    pub iban: String,
}

impl LegalIdentity {
    pub fn parse_json(json: &str) -> Result<LegalIdentity, SettingsError> {
        let id: LegalIdentity =
            serde_json::from_str(json).map_err(|e| SettingsError::Json(e.to_string()))?;
        let rna = id.rna.trim().to_ascii_uppercase();
        let siret: String = id.siret.chars().filter(|c| !c.is_whitespace()).collect();
        let rna_ok = rna.is_empty()
            || (rna.len() == 10
                && rna.starts_with('W')
                && rna[1..].bytes().all(|b| b.is_ascii_digit()));
        if !rna_ok {
            return Err(SettingsError::Rna);
        }
        if !(siret.is_empty() || (siret.len() == 14 && siret.bytes().all(|b| b.is_ascii_digit()))) {
            return Err(SettingsError::Siret);
        }
        let iban = match id.iban.trim() {
            "" => String::new(),
            text => {
                // People copy it in groups of four, in lower case, or with the bank's dashes.
                let compact: String = text
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric())
                    .map(|c| c.to_ascii_uppercase())
                    .collect();
                let parsed: iban::Iban = compact.parse().map_err(|_| SettingsError::Iban)?;
                parsed.to_string()
            }
        };
        Ok(LegalIdentity { rna, siret, iban })
    }

    /// The IBAN to show ("FR76 3000 6000 0112 3456 7890 189"); `None` until the association has
    /// set one.
    pub fn iban_print(&self) -> Option<String> {
        (!self.iban.is_empty()).then(|| self.iban.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULT: &str = r#"[{"weekday":1,"open":"09:00","close":"18:00"},{"weekday":2,"open":"09:00","close":"18:00"},
        {"weekday":3,"open":"09:00","close":"18:00"},{"weekday":4,"open":"09:00","close":"18:00"},
        {"weekday":5,"open":"09:00","close":"18:00"}]"#;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn default_hours_are_weekdays_nine_to_six() {
        let hours = OpeningHours::parse_json(DEFAULT).expect("valid");
        assert_eq!(hours.days().len(), 5);
        let open = DayOpening::Open {
            open: HhMm::new(9, 0).expect("t"),
            close: HhMm::new(18, 0).expect("t"),
        };
        assert_eq!(hours.on(date(2026, 12, 1), &[]), open, "a Tuesday");
        assert_eq!(
            hours.on(date(2026, 12, 5), &[]),
            DayOpening::ClosedWeekday,
            "a Saturday"
        );
        assert!(
            matches!(hours.on(date(2026, 12, 25), &[]), DayOpening::Holiday(_)),
            "Christmas"
        );
        assert_eq!(
            hours.on(date(2026, 12, 24), &[date(2026, 12, 24)]),
            DayOpening::ClosureDay
        );
    }

    #[test]
    fn refuses_inconsistent_hours() {
        let twice = r#"[{"weekday":1,"open":"09:00","close":"18:00"},{"weekday":1,"open":"10:00","close":"12:00"}]"#;
        assert_eq!(
            OpeningHours::parse_json(twice),
            Err(SettingsError::WeekdayTwice(1))
        );
        let backwards = r#"[{"weekday":2,"open":"18:00","close":"09:00"}]"#;
        assert_eq!(
            OpeningHours::parse_json(backwards),
            Err(SettingsError::CloseNotAfterOpen(2))
        );
        let sunday8 = r#"[{"weekday":8,"open":"09:00","close":"18:00"}]"#;
        assert_eq!(
            OpeningHours::parse_json(sunday8),
            Err(SettingsError::WeekdayOutOfRange(8))
        );
        assert_eq!(
            SettingsError::CloseNotAfterOpen(2).message(Lang::Fr),
            "Le mardi, l'heure de fermeture doit être après l'heure d'ouverture."
        );
        assert_eq!(
            SettingsError::CloseNotAfterOpen(2).message(Lang::En),
            "On Tuesday, the closing time must be after the opening time."
        );
        assert!(SettingsError::WeekdayTwice(7)
            .message(Lang::Fr)
            .contains("dimanche"));
        assert!(matches!(
            OpeningHours::parse_json(r#"[{"weekday":1,"open":"9h","close":"18:00"}]"#),
            Err(SettingsError::Json(_))
        ));
    }

    #[test]
    fn a_rate_is_between_nothing_and_ten_thousand_euros() {
        let rates = |c: i64| {
            format!(
                r#"{{"member_half_day_cents":{c},"member_day_cents":5000,"non_member_half_day_cents":6000,"non_member_day_cents":10000}}"#
            )
        };
        assert!(RoomRates::parse_json(&rates(3000)).is_ok());
        assert_eq!(
            RoomRates::parse_json(&rates(10_000_000)),
            Err(SettingsError::RateTooHigh)
        );
        assert_eq!(
            RoomRates::parse_json(&rates(-1)),
            Err(SettingsError::NegativeRate)
        );
    }

    #[test]
    fn legal_identity_is_checked_and_tidied() {
        let ok = LegalIdentity::parse_json(r#"{"rna":"w291012345","siret":"123 456 789 00012"}"#);
        assert_eq!(
            ok,
            Ok(LegalIdentity {
                rna: "W291012345".into(),
                siret: "12345678900012".into(),
                iban: String::new(),
            })
        );
        // An IBAN is kept in groups of four, however it was typed, and its check digits count.
        let with_iban = LegalIdentity::parse_json(r#"{"iban":"fr76-3000-6000-0112-3456-7890189"}"#)
            .expect("a valid IBAN");
        assert_eq!(with_iban.iban, "FR76 3000 6000 0112 3456 7890 189");
        assert_eq!(
            with_iban.iban_print().as_deref(),
            Some("FR76 3000 6000 0112 3456 7890 189")
        );
        for wrong in ["FR77 3000 6000 0112 3456 7890 189", "FR76 3000", "IBAN"] {
            assert_eq!(
                LegalIdentity::parse_json(&format!(r#"{{"iban":"{wrong}"}}"#)),
                Err(SettingsError::Iban),
                "{wrong}"
            );
        }
        assert_eq!(LegalIdentity::default().iban_print(), None);
        assert_eq!(
            LegalIdentity::parse_json(r#"{}"#),
            Ok(LegalIdentity::default())
        );
        assert_eq!(
            LegalIdentity::parse_json(r#"{"rna":"291012345"}"#),
            Err(SettingsError::Rna)
        );
        assert_eq!(
            LegalIdentity::parse_json(r#"{"siret":"1234"}"#),
            Err(SettingsError::Siret)
        );
    }

    #[test]
    fn room_rates_must_not_be_negative() {
        let ok = r#"{"member_half_day_cents":3000,"member_day_cents":5000,"non_member_half_day_cents":9000,"non_member_day_cents":15000}"#;
        assert_eq!(
            RoomRates::parse_json(ok).map(|r| r.non_member_day_cents),
            Ok(15000)
        );
        let bad = ok.replace("3000", "-1");
        assert_eq!(
            RoomRates::parse_json(&bad),
            Err(SettingsError::NegativeRate)
        );
    }
}

/// One editable setting as `GET /api/staff/settings` gives it: its key, its value as stored (the
/// page reads it into the domain's type for that key), and when it last changed.
#[derive(Debug, Clone, PartialEq, Serialize, FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Setting {
    pub key: String,
    pub value: Json,
    pub updated_at: String,
}

/// A setting's new value: the JSON text of the domain's type for its key, checked by the server
/// against that type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingValue(pub String);

impl ToJson for SettingValue {
    fn write_json(&self, out: &mut String) {
        out.push_str(&self.0);
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for SettingValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SettingValue".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "description": "The value, of the type its key takes." })
    }
}
