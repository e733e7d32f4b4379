//! Reading back the iCalendar files the portal writes, with the icalendar crate's parser.

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};

pub struct Event {
    pub uid: String,
    pub summary: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

fn instant(d: Option<DatePerhapsTime>) -> Result<DateTime<Utc>> {
    match d.context("no date")? {
        DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(t)) => Ok(t),
        other => anyhow::bail!("expected a UTC date-time, got {other:?}"),
    }
}

pub fn events(ics: &str) -> Result<Vec<Event>> {
    let prodids = ics.lines().filter(|l| l.starts_with("PRODID")).count();
    anyhow::ensure!(
        prodids == 1,
        "{prodids} PRODID lines (a file has one):\n{ics}"
    );
    let cal: Calendar = ics
        .parse()
        .map_err(|e| anyhow::anyhow!("not an iCalendar file: {e}\n{ics}"))?;
    cal.components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .map(|e| {
            Ok(Event {
                uid: e.get_uid().unwrap_or_default().to_string(),
                summary: e.get_summary().unwrap_or_default().to_string(),
                start: instant(e.get_start())?,
                end: instant(e.get_end())?,
            })
        })
        .collect()
}

pub fn single_event(ics: &str) -> Result<Event> {
    let mut all = events(ics)?;
    anyhow::ensure!(all.len() == 1, "expected one event, got {}", all.len());
    all.pop().context("one event")
}
