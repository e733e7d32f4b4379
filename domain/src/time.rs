//! Wall-clock times of day written `HH:MM`, as staff type them and as the wire carries them.

use std::fmt;

use chrono::{Datelike, NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use wire_json::{self as json, DecodeError, FromJson, Json, ToJson};

/// A time of day to the minute, e.g. opening at `09:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HhMm(NaiveTime);

impl HhMm {
    pub fn parse(s: &str) -> Result<HhMm, TimeError> {
        match s.trim().as_bytes() {
            [h1, h2, b':', m1, m2] => {
                let (hour, minute) = (two_digits(*h1, *h2)?, two_digits(*m1, *m2)?);
                HhMm::new(hour, minute).ok_or(TimeError::Format)
            }
            _ => Err(TimeError::Format),
        }
    }

    pub fn new(hour: u32, minute: u32) -> Option<HhMm> {
        NaiveTime::from_hms_opt(hour, minute, 0).map(HhMm)
    }

    pub fn time(self) -> NaiveTime {
        self.0
    }

    pub fn minutes_since_midnight(self) -> u32 {
        self.0.hour() * 60 + self.0.minute()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeError {
    /// Not of the form `HH:MM` with a valid hour and minute.
    Format,
}

// Parsing and printing by hand rather than with chrono's `%`-format strings: the app ships this code
// to phones, and chrono's format-string interpreter weighs several times more than these few lines.

/// The value of two ASCII digits, e.g. `b'0', b'9'` → 9.
fn two_digits(tens: u8, units: u8) -> Result<u32, TimeError> {
    if tens.is_ascii_digit() && units.is_ascii_digit() {
        Ok(u32::from(tens - b'0') * 10 + u32::from(units - b'0'))
    } else {
        Err(TimeError::Format)
    }
}

/// `HH:MM`.
fn write_hh_mm(f: &mut fmt::Formatter<'_>, t: NaiveTime) -> fmt::Result {
    write!(f, "{:02}:{:02}", t.hour(), t.minute())
}

impl fmt::Display for HhMm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_hh_mm(f, self.0)
    }
}

impl Serialize for HhMm {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for HhMm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        HhMm::parse(&s)
            .map_err(|_| serde::de::Error::custom(format!("expected a time HH:MM, got {s:?}")))
    }
}

/// The app's encoder (see `crate::json`): the same `Display` as serde's `Serialize` above, so the
/// same text.
impl ToJson for HhMm {
    fn write_json(&self, out: &mut String) {
        json::write_str(out, &self.to_string());
    }
}

/// The app's decoder (see `crate::json`): the same `parse` as serde's `Deserialize` above.
impl FromJson for HhMm {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let s = v.as_str()?;
        HhMm::parse(s).map_err(|_| DecodeError::invalid("expected a time HH:MM", s))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for HhMm {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "HhMm".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$", "examples": ["09:00"] })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_hh_mm() {
        assert_eq!(
            HhMm::parse("09:00").map(|t| t.to_string()),
            Ok("09:00".to_string())
        );
        assert_eq!(
            HhMm::parse(" 18:30 ").map(|t| t.minutes_since_midnight()),
            Ok(18 * 60 + 30)
        );
        for bad in ["9:00", "24:00", "12:60", "12h30", "", "12:00:00"] {
            assert_eq!(
                HhMm::parse(bad),
                Err(TimeError::Format),
                "{bad:?} should be refused"
            );
        }
    }
}

/// A Paris wall-clock date and time to the minute, written `YYYY-MM-DDTHH:MM` on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime(pub chrono::NaiveDateTime);

impl LocalDateTime {
    pub const FORMAT: &'static str = "%Y-%m-%dT%H:%M";

    pub fn parse(s: &str) -> Result<LocalDateTime, TimeError> {
        match s.as_bytes() {
            [y1, y2, y3, y4, b'-', mo1, mo2, b'-', d1, d2, b'T', h1, h2, b':', mi1, mi2] => {
                let year = two_digits(*y1, *y2)? * 100 + two_digits(*y3, *y4)?;
                let date = chrono::NaiveDate::from_ymd_opt(
                    year as i32,
                    two_digits(*mo1, *mo2)?,
                    two_digits(*d1, *d2)?,
                );
                let time = HhMm::new(two_digits(*h1, *h2)?, two_digits(*mi1, *mi2)?);
                date.zip(time)
                    .map(|(d, t)| LocalDateTime(d.and_time(t.0)))
                    .ok_or(TimeError::Format)
            }
            _ => Err(TimeError::Format),
        }
    }
}

impl fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0.date();
        // `%Y`: four digits for years 0..=9999, a sign and as many digits as needed otherwise.
        if (0..=9999).contains(&d.year()) {
            write!(f, "{:04}", d.year())?;
        } else {
            write!(f, "{:+}", d.year())?;
        }
        write!(f, "-{:02}-{:02}T", d.month(), d.day())?;
        write_hh_mm(f, self.0.time())
    }
}

impl Serialize for LocalDateTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for LocalDateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        LocalDateTime::parse(&s)
            .map_err(|_| serde::de::Error::custom(format!("expected YYYY-MM-DDTHH:MM, got {s:?}")))
    }
}

/// The app's encoder (see `crate::json`): the same `Display` as serde's `Serialize` above, so the
/// same text.
impl ToJson for LocalDateTime {
    fn write_json(&self, out: &mut String) {
        json::write_str(out, &self.to_string());
    }
}

/// The app's decoder (see `crate::json`): the same `parse` as serde's `Deserialize` above.
impl FromJson for LocalDateTime {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let s = v.as_str()?;
        LocalDateTime::parse(s)
            .map_err(|_| DecodeError::invalid("expected a date and time YYYY-MM-DDTHH:MM", s))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for LocalDateTime {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LocalDateTime".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "Europe/Paris wall-clock time",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$",
            "examples": ["2026-12-10T18:30"]
        })
    }
}

#[cfg(test)]
mod local_tests {
    use super::*;

    #[test]
    fn local_date_times_round_trip() {
        let t = LocalDateTime::parse("2026-10-25T02:30").expect("valid");
        assert_eq!(t.to_string(), "2026-10-25T02:30");
        assert_eq!(
            serde_json::to_string(&t).expect("json"),
            "\"2026-10-25T02:30\""
        );
        for bad in [
            "2026-10-25 02:30",
            "2026-13-01T10:00",
            "2026-10-25T02:30:00",
            "tomorrow",
        ] {
            assert!(
                LocalDateTime::parse(bad).is_err(),
                "{bad:?} should be refused"
            );
        }
    }

    /// The hand-written parsing and printing agree with chrono's `%`-formats they replace.
    #[test]
    fn hand_written_formats_agree_with_chrono() {
        for minutes in 0..24 * 60 {
            let t = HhMm::new(minutes / 60, minutes % 60).expect("valid");
            let chrono_text = t.time().format("%H:%M").to_string();
            assert_eq!(t.to_string(), chrono_text);
            assert_eq!(HhMm::parse(&chrono_text), Ok(t));
        }
        let day = chrono::NaiveDate::from_ymd_opt(2024, 2, 29).expect("leap day");
        for (date, time) in [
            (day, "00:00"),
            (day, "23:59"),
            (
                chrono::NaiveDate::from_ymd_opt(7, 1, 9).expect("d"),
                "09:05",
            ),
        ] {
            let t = LocalDateTime(date.and_time(HhMm::parse(time).expect("t").time()));
            let chrono_text = t.0.format(LocalDateTime::FORMAT).to_string();
            assert_eq!(t.to_string(), chrono_text);
            assert_eq!(LocalDateTime::parse(&chrono_text), Ok(t));
        }
        for input in [
            "2026-02-29T10:00",
            "2026-02-28T24:00",
            "2026-00-10T10:00",
            "2026-01-32T10:00",
            "2026-1-010T10:00",
            "x026-01-01T10:00",
        ] {
            let by_chrono =
                chrono::NaiveDateTime::parse_from_str(input, LocalDateTime::FORMAT).ok();
            assert_eq!(
                LocalDateTime::parse(input).ok().map(|t| t.0),
                by_chrono,
                "{input:?}"
            );
        }
        for input in [
            "00:00",
            "23:59",
            "7:30",
            "07:3",
            "0a:00",
            "-1:00",
            "12:00 ",
            "١٢:٠٠",
        ] {
            let by_chrono = chrono::NaiveTime::parse_from_str(input.trim(), "%H:%M")
                .ok()
                .filter(|_| input.trim().len() == 5);
            assert_eq!(
                HhMm::parse(input).ok().map(HhMm::time),
                by_chrono,
                "{input:?}"
            );
        }
    }
}
