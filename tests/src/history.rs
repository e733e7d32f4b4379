//! A year of synthetic history (2024) for the statistics: coworkers every opening day, room
//! sessions, blocks, rentals in every state, members joining around midnight in Paris across both
//! clock changes, fees and renewals. Generated as rows, inserted as SQL before the worker starts
//! (every test app and the benchmark have it), and the figures the API should answer are computed
//! here from the rows themselves, without the worker's SQL.
//!
//! 2024 is clear of the demo data (which starts in late 2025, relative to today) and of the days
//! the other tests book (from tomorrow on). The synthetic members are deactivated and named
//! "Historique NN", so no list or search of the other tests meets them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};
use domain::stats::{CoworkingFigures, Figures, MemberFigures, RoomFigures};

/// The year the history covers.
pub const YEAR: i32 = 2024;

/// French public holidays of 2024 (service-public.fr: Easter Monday 1 April, Ascension 9 May, Whit
/// Monday 20 May), written here rather than taken from the domain, which the figures check.
pub const HOLIDAYS_2024: [(u32, u32); 11] = [
    (1, 1),
    (4, 1),
    (5, 1),
    (5, 8),
    (5, 9),
    (5, 20),
    (7, 14),
    (8, 15),
    (11, 1),
    (11, 11),
    (12, 25),
];

/// Members' ids start here (far above the demo's).
const FIRST_ID: i64 = 5001;
const MEMBERS: i64 = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Desk,
    Room,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Member,
    Rental,
    Block,
}

#[derive(Debug, Clone)]
pub struct Booking {
    pub place: Place,
    pub kind: Kind,
    pub member: Option<i64>,
    /// Index in [`History::rentals`].
    pub rental: Option<usize>,
    pub day: NaiveDate,
    pub period: Option<&'static str>,
    pub start: &'static str,
    pub end: &'static str,
    pub minutes: u32,
    pub cancelled: bool,
    pub checked_in: bool,
    pub no_show: bool,
}

#[derive(Debug, Clone)]
pub struct Rental {
    pub day: NaiveDate,
    pub period: &'static str,
    pub price_cents: i64,
    /// `approved`, `declined` or `cancelled`.
    pub status: &'static str,
}

#[derive(Debug, Clone)]
pub struct Member {
    pub id: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct Payment {
    pub member: i64,
    pub amount_cents: i64,
    pub paid_on: NaiveDate,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
}

pub struct History {
    pub members: Vec<Member>,
    pub bookings: Vec<Booking>,
    pub rentals: Vec<Rental>,
    pub payments: Vec<Payment>,
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// Open in 2024: a weekday (the site's hours are Monday to Friday, 09:00–18:00) that is not a
/// public holiday.
pub fn open(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
        && !HOLIDAYS_2024.contains(&(d.month(), d.day()))
}

/// The Paris date of an instant, from the offsets of 2024 (UTC+2 from 31 March 01:00 UTC to
/// 27 October 01:00 UTC, UTC+1 otherwise), written out here rather than taken from the domain.
pub fn paris_date(t: DateTime<Utc>) -> NaiveDate {
    let summer_from = Utc
        .with_ymd_and_hms(2024, 3, 31, 1, 0, 0)
        .single()
        .expect("a valid value of the history");
    let summer_to = Utc
        .with_ymd_and_hms(2024, 10, 27, 1, 0, 0)
        .single()
        .expect("a valid value of the history");
    let offset = if t >= summer_from && t < summer_to {
        2
    } else {
        1
    };
    (t + Duration::hours(offset)).date_naive()
}

fn add_year(d: NaiveDate) -> NaiveDate {
    d.with_year(d.year() + 1)
        .unwrap_or_else(|| date(d.year() + 1, 2, 28))
}

/// The history, the same on every run.
pub fn generate() -> History {
    let at = |y, m, d, h, min| {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("a valid value of the history")
    };
    // Members joining through the year at 10:00 UTC, and four around midnight in Paris: the first
    // minutes of 1 April (summer time), 27 October (the night of the change), 28 October and
    // 1 November (winter time) — each belongs to its Paris day, not its UTC one.
    let special = [
        at(2024, 3, 31, 22, 30),
        at(2024, 10, 26, 22, 30),
        at(2024, 10, 27, 23, 30),
        at(2024, 10, 31, 23, 30),
    ];
    let mut members = Vec::new();
    let mut payments = Vec::new();
    for i in 0..MEMBERS {
        let id = FIRST_ID + i;
        let created_at = if (i as usize) < special.len() {
            special[i as usize]
        } else if i >= 30 {
            // Joined in 2023; their fee runs out during 2024.
            at(2023, 1 + (i - 30) as u32, 10, 10, 0)
        } else {
            at(2024, 1, 1, 10, 0) + Duration::days(i * 11)
        };
        members.push(Member { id, created_at });
        let paid_on = paris_date(created_at);
        let period_end = add_year(paid_on) - Duration::days(1);
        payments.push(Payment {
            member: id,
            amount_cents: 3000,
            paid_on,
            period_start: paid_on,
            period_end,
        });
        // Half of those from 2023 renew, a few days before their fee runs out.
        if i >= 30 && i % 2 == 0 {
            let renewed = period_end - Duration::days(3);
            payments.push(Payment {
                member: id,
                amount_cents: 3500,
                paid_on: renewed,
                period_start: period_end + Duration::days(1),
                period_end: add_year(period_end),
            });
        }
    }

    let mut bookings = Vec::new();
    let mut rentals = Vec::new();
    let mut k: i64 = 0;
    let mut d = date(YEAR, 1, 1);
    while d.year() == YEAR {
        if open(d) {
            k += 1;
            // Coworkers: about eight a day.
            for m in 0..MEMBERS {
                if (m * 7 + k * 3) % 5 != 0 {
                    continue;
                }
                let s = m + k;
                let (period, start, end, minutes) = match s % 3 {
                    0 => ("morning", "09:00", "13:00", 240),
                    1 => ("afternoon", "13:00", "18:00", 300),
                    _ => ("day", "09:00", "18:00", 540),
                };
                let cancelled = s % 17 == 0;
                let no_show = !cancelled && s % 11 == 0;
                // A cancelled booking keeps the check-in it had: it must not count all the same.
                let checked_in = cancelled || (!no_show && s % 13 != 0);
                bookings.push(Booking {
                    place: Place::Desk,
                    kind: Kind::Member,
                    member: Some(FIRST_ID + m),
                    rental: None,
                    day: d,
                    period: Some(period),
                    start,
                    end,
                    minutes,
                    cancelled,
                    checked_in,
                    no_show,
                });
                // Some come back for the afternoon on a booking of its own: still one coworker-day.
                if period == "morning" && s % 7 == 0 {
                    bookings.push(Booking {
                        place: Place::Desk,
                        kind: Kind::Member,
                        member: Some(FIRST_ID + m),
                        rental: None,
                        day: d,
                        period: Some("afternoon"),
                        start: "13:00",
                        end: "18:00",
                        minutes: 300,
                        cancelled: false,
                        checked_in: true,
                        no_show: false,
                    });
                }
            }
            match d.weekday() {
                Weekday::Tue | Weekday::Thu => bookings.push(Booking {
                    place: Place::Room,
                    kind: Kind::Member,
                    member: Some(FIRST_ID + k % MEMBERS),
                    rental: None,
                    day: d,
                    period: None,
                    start: "14:00",
                    end: "16:00",
                    minutes: 120,
                    cancelled: k % 9 == 0,
                    checked_in: false,
                    no_show: false,
                }),
                Weekday::Mon if d.day() <= 7 => bookings.push(Booking {
                    place: Place::Room,
                    kind: Kind::Block,
                    member: None,
                    rental: None,
                    day: d,
                    period: None,
                    start: "09:00",
                    end: "13:00",
                    minutes: 240,
                    cancelled: false,
                    checked_in: false,
                    no_show: false,
                }),
                Weekday::Fri if k % 3 == 0 => {
                    let (period, end, minutes, price) = if k % 2 == 0 {
                        ("morning", "13:00", 240, 9000)
                    } else {
                        ("day", "18:00", 540, 15000)
                    };
                    let status = if k % 7 == 0 {
                        "declined"
                    } else if k % 11 == 0 {
                        "cancelled"
                    } else {
                        "approved"
                    };
                    rentals.push(Rental {
                        day: d,
                        period,
                        price_cents: price,
                        status,
                    });
                    if status != "declined" {
                        bookings.push(Booking {
                            place: Place::Room,
                            kind: Kind::Rental,
                            member: None,
                            rental: Some(rentals.len() - 1),
                            day: d,
                            period: Some(period),
                            start: "09:00",
                            end,
                            minutes,
                            cancelled: status == "cancelled",
                            checked_in: false,
                            no_show: false,
                        });
                    }
                }
                _ => {}
            }
        }
        d += Duration::days(1);
    }
    History {
        members,
        bookings,
        rentals,
        payments,
    }
}

/// `INSERT INTO <table> VALUES …` for `rows`, 200 rows a statement: one statement a row made
/// loading the history take 5.6 s per test app (`time npx wrangler d1 execute … --file`).
fn insert(out: &mut String, table: &str, rows: impl Iterator<Item = String>) {
    let rows: Vec<String> = rows.collect();
    for chunk in rows.chunks(200) {
        writeln!(out, "INSERT INTO {table} VALUES\n{};", chunk.join(",\n"))
            .expect("writing to a String");
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` of a Paris wall-clock time of 2024.
fn utc_of(day: NaiveDate, hm: &str) -> String {
    let (h, m) = hm.split_once(':').expect("HH:MM");
    let local = day
        .and_hms_opt(
            h.parse().expect("a valid value of the history"),
            m.parse().expect("a valid value of the history"),
            0,
        )
        .expect("a valid value of the history");
    let summer = local
        >= date(2024, 3, 31)
            .and_hms_opt(3, 0, 0)
            .expect("a valid value of the history")
        && local
            < date(2024, 10, 27)
                .and_hms_opt(2, 0, 0)
                .expect("a valid value of the history");
    let t = local - Duration::hours(if summer { 2 } else { 1 });
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl History {
    /// The SQL that inserts the history (after the migrations and the demo seeds).
    pub fn sql(&self) -> String {
        let mut out =
            String::from("-- Synthetic history for the statistics tests (tests/src/history.rs).\n");
        let members = self.members.iter().map(|m| {
            let n = m.id - FIRST_ID;
            format!(
                "({}, 'historique-{n:02}@silicon-kerne.test', 'Historique {n:02}', 'deactivated', '{}')",
                m.id,
                m.created_at.format("%Y-%m-%dT%H:%M:%SZ")
            )
        });
        insert(
            &mut out,
            "members (id, email, name, status, created_at)",
            members,
        );
        let payments = self.payments.iter().map(|p| {
            format!(
                "({}, {}, '{}', 'cash', '{}', '{}', 1)",
                p.member, p.amount_cents, p.paid_on, p.period_start, p.period_end
            )
        });
        insert(
            &mut out,
            "payments (member_id, amount_cents, paid_on, method, period_start, period_end, recorded_by)",
            payments,
        );
        let rentals = self.rentals.iter().enumerate().map(|(i, r)| {
            let end = if r.period == "morning" {
                "13:00"
            } else {
                "18:00"
            };
            format!(
                "({id}, 'Historique {i}', 'Contact', 'historique@example.fr', '{d}', '{p}', '{d}T09:00', '{d}T{end}', '{s}', '{e}', 8, {price}, '{status}', 'historique-{i}')",
                id = 50_000 + i,
                d = r.day,
                p = r.period,
                s = utc_of(r.day, "09:00"),
                e = utc_of(r.day, end),
                price = r.price_cents,
                status = r.status,
            )
        });
        insert(
            &mut out,
            "rentals (id, organisation, contact_name, email, day, period, start_local, end_local, start_utc, end_utc, attendees, price_cents, status, token_hash)",
            rentals,
        );
        let bookings = self.bookings.iter().map(|b| {
            let resource = match b.place {
                Place::Desk => "(SELECT id FROM resources WHERE slug = 'coworking')",
                Place::Room => "(SELECT id FROM resources WHERE slug = 'salle-reunion')",
            };
            let kind = match b.kind {
                Kind::Member => "member",
                Kind::Rental => "rental",
                Kind::Block => "block",
            };
            let opt = |v: Option<String>| v.unwrap_or_else(|| "NULL".into());
            format!(
                "({resource}, '{kind}', {member}, {rental}, '{d}', '{d}T{s}', '{d}T{e}', '{su}', '{eu}', {period}, {minutes}, '', '{status}', {checked}, {no_show})",
                member = opt(b.member.map(|m| m.to_string())),
                rental = opt(b.rental.map(|i| (50_000 + i).to_string())),
                d = b.day,
                s = b.start,
                e = b.end,
                su = utc_of(b.day, b.start),
                eu = utc_of(b.day, b.end),
                period = opt(b.period.map(|p| format!("'{p}'"))),
                minutes = b.minutes,
                status = if b.cancelled { "cancelled" } else { "confirmed" },
                checked = if b.checked_in { format!("'{}'", utc_of(b.day, "09:05")) } else { "NULL".into() },
                no_show = u8::from(b.no_show),
            )
        });
        insert(
            &mut out,
            "bookings (resource_id, kind, member_id, rental_id, day, start_local, end_local, start_utc, end_utc, period, minutes, week, status, checked_in_at, no_show)",
            bookings,
        );
        out
    }

    /// The figures of `from`–`to`, counted from the rows.
    pub fn figures(&self, from: NaiveDate, to: NaiveDate) -> Figures {
        let within = |d: NaiveDate| d >= from && d <= to;
        let desk: Vec<&Booking> = self
            .bookings
            .iter()
            .filter(|b| {
                b.place == Place::Desk && b.kind == Kind::Member && !b.cancelled && within(b.day)
            })
            .collect();
        let mut days_of: BTreeMap<i64, BTreeSet<NaiveDate>> = BTreeMap::new();
        for b in desk.iter().filter(|b| b.checked_in) {
            days_of
                .entry(b.member.expect("a valid value of the history"))
                .or_default()
                .insert(b.day);
        }
        let room = |kind: Kind| -> u32 {
            self.bookings
                .iter()
                .filter(|b| {
                    b.place == Place::Room && b.kind == kind && !b.cancelled && within(b.day)
                })
                .map(|b| b.minutes)
                .sum()
        };
        let approved: Vec<&Rental> = self
            .rentals
            .iter()
            .filter(|r| r.status == "approved" && within(r.day))
            .collect();
        let mut open_minutes = 0;
        let mut d = from;
        while d <= to {
            if d.year() == YEAR && open(d) {
                open_minutes += 540;
            } else if d.year() != YEAR {
                panic!("the history covers {YEAR} only");
            }
            d += Duration::days(1);
        }
        let active: BTreeSet<i64> = self
            .payments
            .iter()
            .filter(|p| p.period_start <= to && p.period_end >= to)
            .map(|p| p.member)
            .collect();
        let due: BTreeSet<i64> =
            self.payments
                .iter()
                .filter(|p| within(p.period_end))
                .filter(|p| {
                    !self.payments.iter().any(|q| {
                        q.member == p.member && q.period_end > p.period_end && q.paid_on <= to
                    })
                })
                .map(|p| p.member)
                .collect();
        let fees: Vec<&Payment> = self.payments.iter().filter(|p| within(p.paid_on)).collect();
        Figures {
            coworking: CoworkingFigures {
                bookings: desk.len() as u32,
                coworker_days: days_of.values().map(|d| d.len() as u32).sum(),
                coworkers: days_of.len() as u32,
                returning: days_of.values().filter(|d| d.len() >= 4).count() as u32,
                no_shows: desk.iter().filter(|b| b.no_show).count() as u32,
            },
            room: RoomFigures {
                open_minutes,
                member_minutes: room(Kind::Member),
                rental_minutes: room(Kind::Rental),
                rentals: approved.len() as u32,
            },
            members: MemberFigures {
                active: active.len() as u32,
                joined: self
                    .members
                    .iter()
                    .filter(|m| within(paris_date(m.created_at)))
                    .count() as u32,
                renewals_due: due.len() as u32,
                fees: fees.len() as u32,
                fees_cents: fees.iter().map(|p| p.amount_cents).sum(),
            },
            rental_income_cents: approved.iter().map(|r| r.price_cents).sum(),
            // The synthetic years hold no events (the demo's are counted in `stats.rs`).
            events: domain::events::EventKind::ALL
                .iter()
                .map(|&k| domain::stats::EventFigures::none(k))
                .collect(),
            // Nor consultations (the demo's are counted in `consultations.rs`).
            consultations: Default::default(),
        }
    }

    /// Coworkers booked and checked in on a day (one per member, whatever the half-days).
    pub fn day(&self, d: NaiveDate) -> (u32, u32) {
        let of_day: Vec<&Booking> = self
            .bookings
            .iter()
            .filter(|b| {
                b.place == Place::Desk && b.kind == Kind::Member && !b.cancelled && b.day == d
            })
            .collect();
        let booked: BTreeSet<i64> = of_day.iter().filter_map(|b| b.member).collect();
        let came: BTreeSet<i64> = of_day
            .iter()
            .filter(|b| b.checked_in)
            .filter_map(|b| b.member)
            .collect();
        (booked.len() as u32, came.len() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_history_has_every_case_the_figures_must_tell_apart() {
        let h = generate();
        let desk = |f: &dyn Fn(&Booking) -> bool| {
            h.bookings
                .iter()
                .filter(|b| b.place == Place::Desk && f(b))
                .count()
        };
        assert!(
            desk(&|b| b.cancelled && b.checked_in) > 10,
            "cancelled bookings with a check-in"
        );
        assert!(desk(&|b| b.no_show) > 10, "no-shows");
        assert!(
            desk(&|b| !b.cancelled && !b.no_show && !b.checked_in) > 10,
            "bookings nobody marked"
        );
        assert!(h.rentals.iter().any(|r| r.status == "declined"));
        assert!(h.rentals.iter().any(|r| r.status == "cancelled"));
        assert!(h.bookings.iter().any(|b| b.kind == Kind::Block));
        // A member joining at 00:30 in Paris on 1 November, 23:30 UTC the day before.
        assert_eq!(
            paris_date(
                Utc.with_ymd_and_hms(2024, 10, 31, 23, 30, 0)
                    .single()
                    .expect("a valid value of the history")
            ),
            date(2024, 11, 1)
        );
        assert_eq!(
            paris_date(
                Utc.with_ymd_and_hms(2024, 3, 31, 22, 30, 0)
                    .single()
                    .expect("a valid value of the history")
            ),
            date(2024, 4, 1)
        );
        assert_eq!(utc_of(date(2024, 7, 1), "09:00"), "2024-07-01T07:00:00Z");
        assert_eq!(utc_of(date(2024, 12, 2), "09:00"), "2024-12-02T08:00:00Z");
        let year = h.figures(date(2024, 1, 1), date(2024, 12, 31));
        assert!(year.members.renewals_due > 0 && year.members.joined > 0);
        assert!(year.coworking.returning > 0);
    }
}
