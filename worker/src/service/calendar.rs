//! The calendar's configuration (opening hours, rules, prices: staff-edited settings) and the
//! conversion of bookings into wire types, availability and iCalendar files.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use domain::calendar::{self, BookingRules, DeskPeriod};
use domain::settings::{LegalIdentity, OpeningHours, RoomRates};
use domain::time::LocalDateTime;
use domain::wire::{
    Booking, BookingStatus, Contact, DayAvailability, ResourceKind, SlotAvailability, StaffBooking,
};
use domain::{paris, Localized};
use worker::D1Database;

use crate::error::{ApiError, Context};
use crate::repo::bookings::{BookingKind, BookingRow, ResourceRow};

pub struct CalendarConfig {
    pub hours: OpeningHours,
    pub rules: BookingRules,
    pub rates: RoomRates,
    pub address: String,
    pub contact: Contact,
    pub legal: LegalIdentity,
}

pub async fn config(db: &D1Database) -> Result<CalendarConfig, ApiError> {
    let rows = crate::repo::settings::calendar(db).await?;
    let get = |k: &str| {
        rows.iter()
            .find(|r| r.key == k)
            .map(|r| &r.value)
            .ok_or_else(|| ApiError::Internal(format!("setting {k} missing")))
    };
    let contact =
        serde_json::from_value::<Contact>(get("contact")?.clone()).context("setting contact")?;
    Ok(CalendarConfig {
        hours: OpeningHours::parse_json(&get("opening_hours")?.to_string())
            .context("setting opening_hours")?,
        rules: BookingRules::parse_json(&get("booking_rules")?.to_string())
            .context("setting booking_rules")?,
        rates: RoomRates::parse_json(&get("room_rates")?.to_string())
            .context("setting room_rates")?,
        address: contact.address.clone(),
        contact,
        legal: LegalIdentity::parse_json(&get("legal_identity")?.to_string())
            .context("setting legal_identity")?,
    })
}

/// The instant a Paris day begins (midnight is never in a daylight-saving gap in Europe/Paris).
pub fn day_start(date: NaiveDate, fallback: DateTime<Utc>) -> DateTime<Utc> {
    date.and_hms_opt(0, 0, 0)
        .and_then(|t| paris::from_local(t).earliest())
        .unwrap_or(fallback)
}

pub fn booking(row: &BookingRow, now: DateTime<Utc>, rules: &BookingRules) -> Booking {
    let kind = row.resource_kind;
    let start = row.start_utc;
    let confirmed = row.status == BookingStatus::Confirmed;
    Booking {
        id: row.id,
        resource: row.resource.clone(),
        resource_kind: kind,
        resource_name: Localized {
            fr: row.name_fr.clone(),
            en: row.name_en.clone(),
        },
        start: LocalDateTime(row.start_local),
        end: LocalDateTime(row.end_local),
        starts_at: paris::format_rfc3339(start),
        ends_at: paris::format_rfc3339(row.end_utc),
        period: row.period,
        status: row.status,
        can_cancel: confirmed
            && row.consultation_id.is_none()
            && calendar::can_cancel(kind, start, now, rules),
        checked_in: row.checked_in_at.is_some(),
        blocked: false,
    }
}

/// Mark the confirmed bookings that a block covers (same resource, overlapping times).
pub fn mark_blocked(bookings: &mut [Booking], rows: &[BookingRow], blocks: &[BookingRow]) {
    for (booking, row) in bookings.iter_mut().zip(rows) {
        booking.blocked = row.status == BookingStatus::Confirmed
            && blocks.iter().any(|b| {
                b.kind == BookingKind::Block
                    && b.resource == row.resource
                    && b.start_utc < row.end_utc
                    && row.start_utc < b.end_utc
            });
    }
}

pub fn staff_booking(row: &BookingRow, now: DateTime<Utc>) -> StaffBooking {
    StaffBooking {
        id: row.id,
        kind: row.kind.as_str().into(),
        resource: row.resource.clone(),
        member_id: row.member_id,
        label: row.label.clone(),
        start: LocalDateTime(row.start_local),
        end: LocalDateTime(row.end_local),
        period: row.period,
        checked_in: row.checked_in_at.is_some(),
        no_show: row.no_show == 1,
        started: row.start_utc <= now,
        email: row.contact_email.clone(),
        phone: row.contact_phone.clone(),
    }
}

/// Places left on each slot of each day, from the confirmed bookings overlapping the range.
pub fn availability(
    resource: &ResourceRow,
    from: NaiveDate,
    to: NaiveDate,
    bookings: &[BookingRow],
    closures: &[NaiveDate],
    cfg: &CalendarConfig,
    now: DateTime<Utc>,
) -> Vec<DayAvailability> {
    // Desks: as many bookings as desks. The room: one booking at a time (its capacity is its seats).
    let capacity = match resource.kind {
        ResourceKind::Desk => resource.capacity,
        ResourceKind::Room => 1,
    };
    let spans: Vec<(DateTime<Utc>, DateTime<Utc>, bool)> = bookings
        .iter()
        .map(|b| (b.start_utc, b.end_utc, b.kind == BookingKind::Block))
        .collect();
    let free_on = |start: DateTime<Utc>, end: DateTime<Utc>| -> u32 {
        let over = spans.iter().filter(|(s, e, _)| *s < end && start < *e);
        let mut taken = 0u32;
        for (_, _, block) in over {
            if *block {
                return 0;
            }
            taken += 1;
        }
        capacity.saturating_sub(taken)
    };
    let mut days = Vec::new();
    let mut date = from;
    while date <= to {
        let mut slots = Vec::new();
        match resource.kind {
            ResourceKind::Desk => {
                let periods = calendar::desk_periods(date, &cfg.hours, closures, &cfg.rules);
                let half = |p: DeskPeriod| {
                    periods
                        .iter()
                        .find(|(k, _)| *k == p)
                        .map(|(_, s)| free_on(s.start, s.end))
                };
                for (p, sp) in &periods {
                    let free = match p {
                        DeskPeriod::Day => half(DeskPeriod::Morning)
                            .unwrap_or(0)
                            .min(half(DeskPeriod::Afternoon).unwrap_or(0)),
                        _ => free_on(sp.start, sp.end),
                    };
                    let started = sp.start < now;
                    slots.push(SlotAvailability {
                        start: LocalDateTime(sp.start_local),
                        end: LocalDateTime(sp.end_local),
                        free: if started { 0 } else { free },
                        period: Some(*p),
                        started,
                    });
                }
            }
            ResourceKind::Room => {
                for sp in calendar::room_grid(date, &cfg.hours, closures, &cfg.rules) {
                    let started = sp.start < now;
                    slots.push(SlotAvailability {
                        start: LocalDateTime(sp.start_local),
                        end: LocalDateTime(sp.end_local),
                        free: if started {
                            0
                        } else {
                            free_on(sp.start, sp.end)
                        },
                        period: None,
                        started,
                    });
                }
            }
        }
        days.push(DayAvailability {
            date,
            open: !slots.is_empty(),
            slots,
        });
        date += Duration::days(1);
    }
    days
}

/// An iCalendar file for bookings. Times are written in UTC (`…Z`): every calendar shows them in
/// its own zone, and there is no VTIMEZONE to get wrong across daylight-saving changes.
pub fn ics(rows: &[BookingRow], now: DateTime<Utc>, address: &str, name: &str) -> String {
    use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
    // `Calendar::empty`, not `new`: `new` brings the library's own PRODID, and a file has one.
    let mut cal = Calendar::empty();
    cal.append_property(icalendar::Property::new("VERSION", "2.0"));
    cal.append_property(icalendar::Property::new(
        "PRODID",
        "-//Silicon Kerne//Portail//FR",
    ));
    cal.append_property(icalendar::Property::new("CALSCALE", "GREGORIAN"));
    cal.name(name);
    cal.append_property(icalendar::Property::new(
        "REFRESH-INTERVAL;VALUE=DURATION",
        "PT1H",
    ));
    for row in rows {
        let title = format!("{} — Silicon Kerne", row.name_fr);
        let mut event = Event::new();
        event
            .uid(&format!("booking-{}@silicon-kerne.net", row.id))
            .summary(&title)
            .location(address)
            .starts(row.start_utc)
            .ends(row.end_utc)
            .timestamp(now)
            .status(match row.status {
                BookingStatus::Confirmed => EventStatus::Confirmed,
                BookingStatus::Cancelled => EventStatus::Cancelled,
            });
        cal.push(event.done());
    }
    cal.done().to_string()
}
