//! Wall-clock times of day written `HH:MM`, as staff type them and as the wire carries them.

use std::fmt;

use chrono::{NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A time of day to the minute, e.g. opening at `09:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HhMm(NaiveTime);

impl HhMm {
    pub fn parse(s: &str) -> Result<HhMm, TimeError> {
        let s = s.trim();
        let valid_shape = s.len() == 5 && s.as_bytes()[2] == b':';
        if !valid_shape {
            return Err(TimeError::Format);
        }
        NaiveTime::parse_from_str(s, "%H:%M").map(HhMm).map_err(|_| TimeError::Format)
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

impl fmt::Display for HhMm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%H:%M"))
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
        HhMm::parse(&s).map_err(|_| serde::de::Error::custom(format!("expected a time HH:MM, got {s:?}")))
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
        assert_eq!(HhMm::parse("09:00").map(|t| t.to_string()), Ok("09:00".to_string()));
        assert_eq!(HhMm::parse(" 18:30 ").map(|t| t.minutes_since_midnight()), Ok(18 * 60 + 30));
        for bad in ["9:00", "24:00", "12:60", "12h30", "", "12:00:00"] {
            assert_eq!(HhMm::parse(bad), Err(TimeError::Format), "{bad:?} should be refused");
        }
    }
}

/// A Paris wall-clock date and time to the minute, written `YYYY-MM-DDTHH:MM` on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime(pub chrono::NaiveDateTime);

impl LocalDateTime {
    pub const FORMAT: &'static str = "%Y-%m-%dT%H:%M";

    pub fn parse(s: &str) -> Result<LocalDateTime, TimeError> {
        if s.len() != 16 {
            return Err(TimeError::Format);
        }
        chrono::NaiveDateTime::parse_from_str(s, Self::FORMAT).map(LocalDateTime).map_err(|_| TimeError::Format)
    }
}

impl fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format(Self::FORMAT))
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
        LocalDateTime::parse(&s).map_err(|_| serde::de::Error::custom(format!("expected YYYY-MM-DDTHH:MM, got {s:?}")))
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
        assert_eq!(serde_json::to_string(&t).expect("json"), "\"2026-10-25T02:30\"");
        for bad in ["2026-10-25 02:30", "2026-13-01T10:00", "2026-10-25T02:30:00", "tomorrow"] {
            assert!(LocalDateTime::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }
}
