//! The dashboard, the statistics over a period and the activity report: the aggregates of
//! `repo::stats` put into the shapes the staff pages draw, with the calendar arithmetic (opening
//! minutes, empty days and weeks) done by the domain.

use chrono::{DateTime, NaiveDate, Utc};
use domain::consultations::{ConsultationFact, ConsultationFigures};
use domain::events::EventKind;
use domain::paris;
use domain::settings::OpeningHours;
use domain::stats::{
    self, CoworkingDay, EventFigures, Figures, MonthFigures, Period, Report, RoomFigures, RoomWeek,
    Series, Stats, TodayStats,
};
use serde_json::json;
use worker::D1Database;

use crate::auth::Caller;
use crate::error::{ApiError, Context};
use crate::repo::stats as repo;
use crate::repo::{audit, batch};

/// Today at a glance.
pub async fn today(db: &D1Database, now: DateTime<Utc>) -> Result<TodayStats, ApiError> {
    repo::today(db, paris::local_date(now)).await
}

/// The figures of `current` beside those of `previous`, and the series of `current`.
pub async fn stats(
    db: &D1Database,
    current: Period,
    previous: Period,
    now: DateTime<Utc>,
) -> Result<Stats, ApiError> {
    Ok(with_text(db, current, previous, now).await?.0)
}

/// The statistics and the report's text of `current`, from one batch.
async fn with_text(
    db: &D1Database,
    current: Period,
    previous: Period,
    now: DateTime<Utc>,
) -> Result<(Stats, String), ApiError> {
    let read = repo::read(db, current, previous, now).await?;
    let setting = |key: &str| {
        read.settings
            .iter()
            .find(|s| s.key == key)
            .map(|s| s.value.as_str())
            .ok_or_else(|| ApiError::Internal(format!("setting {key} missing")))
    };
    let hours =
        OpeningHours::parse_json(setting("opening_hours")?).context("setting opening_hours")?;
    let rental_target_cents: i64 = setting("rental_target_cents")?
        .trim()
        .parse()
        .map_err(|e| ApiError::Internal(format!("setting rental_target_cents: {e}")))?;
    let closures: Vec<NaiveDate> = read.closures.iter().map(|c| c.date).collect();
    let open_in = |p: Period| stats::open_minutes(p.each_day(), &hours, &closures);
    // Consultations: the requests of both periods (a day wider on each side than any Paris
    // offset; the domain keeps those whose Paris day is inside).
    let (first, last) = (current.from.min(previous.from), current.to.max(previous.to));
    let midnight = |d: NaiveDate| d.and_time(chrono::NaiveTime::MIN).and_utc();
    let facts: Vec<ConsultationFact> = crate::repo::consultations::facts(
        db,
        midnight(first - chrono::Duration::days(1)),
        midnight(last + chrono::Duration::days(2)),
    )
    .await?
    .into_iter()
    .map(|r| ConsultationFact {
        received: paris::local_date(r.created_at),
        status: r.status,
        trade: r.trade,
        town: r.town,
        topics: r.topics,
        appointment: r.start_local.map(|t| t.date()),
        useful: r.feedback_useful.map(|u| u == 1),
    })
    .collect();
    let figures = |f: repo::Figures, p: Period| Figures {
        consultations: ConsultationFigures::of(&facts, p.from, p.to),
        coworking: f.coworking,
        room: RoomFigures {
            open_minutes: open_in(p),
            member_minutes: f.room.member_minutes,
            rental_minutes: f.room.rental_minutes,
            rentals: f.room.rentals,
        },
        members: f.members,
        rental_income_cents: f.room.rental_income_cents,
        events: EventKind::ALL
            .iter()
            .map(|&kind| {
                f.events
                    .iter()
                    .find(|r| r.kind == kind)
                    .cloned()
                    .unwrap_or_else(|| EventFigures::none(kind))
            })
            .collect(),
    };

    // Every opening day is a point of the line, booked or not; a day booked while closed (a staff
    // booking on a Saturday) is one too.
    let coworking_days = current
        .each_day()
        .filter_map(|date| {
            let row = read.days.iter().find(|d| d.date == date);
            let open = domain::calendar::open_hours(date, &hours, &closures).is_some();
            match row {
                Some(r) => Some(CoworkingDay {
                    date,
                    booked: r.booked,
                    checked_in: r.checked_in,
                    no_shows: r.no_shows,
                }),
                None if open => Some(CoworkingDay {
                    date,
                    booked: 0,
                    checked_in: 0,
                    no_shows: 0,
                }),
                None => None,
            }
        })
        .collect();
    let room_weeks = current
        .mondays()
        .into_iter()
        .map(|monday| {
            let row = read.weeks.iter().find(|w| w.monday == monday);
            let days = (0..7)
                .map(|i| monday + chrono::Duration::days(i))
                .filter(|d| *d >= current.from && *d <= current.to);
            RoomWeek {
                monday,
                open_minutes: stats::open_minutes(days, &hours, &closures),
                member_minutes: row.map_or(0, |r| r.member_minutes),
                rental_minutes: row.map_or(0, |r| r.rental_minutes),
            }
        })
        // A week whose days in the period are all closed (a period starting on a Sunday) says nothing.
        .filter(|w: &RoomWeek| w.open_minutes > 0 || w.member_minutes + w.rental_minutes > 0)
        .collect();
    let mut cumulative = 0;
    let months = current
        .months()
        .into_iter()
        .map(|month| {
            let row = read.months.iter().find(|m| m.month == month);
            let rental_cents = row.map_or(0, |r| r.rental_cents);
            cumulative += rental_cents;
            let in_month = || current.each_day().filter(|d| stats::month_of(*d) == month);
            MonthFigures {
                coworker_days: read
                    .days
                    .iter()
                    .filter(|d| stats::month_of(d.date) == month)
                    .map(|d| d.checked_in)
                    .sum(),
                room_open_minutes: stats::open_minutes(in_month(), &hours, &closures),
                room_member_minutes: row.map_or(0, |r| r.room_member_minutes),
                room_rental_minutes: row.map_or(0, |r| r.room_rental_minutes),
                rental_cents,
                cumulative_rental_cents: cumulative,
                fees_cents: row.map_or(0, |r| r.fees_cents),
                month,
            }
        })
        .collect();
    let stats = Stats {
        from: current.from,
        to: current.to,
        previous_from: previous.from,
        previous_to: previous.to,
        current: figures(read.current, current),
        previous: figures(read.previous, previous),
        coworking_days,
        room_weeks,
        months,
        rental_target_cents,
        records_from: read.records_from,
    };
    Ok((stats, read.text.unwrap_or_default()))
}

/// The activity report: the period against the same dates a year earlier, and its text.
pub async fn report(
    db: &D1Database,
    period: Period,
    now: DateTime<Utc>,
) -> Result<Report, ApiError> {
    let (stats, text) = with_text(db, period, period.a_year_earlier(), now).await?;
    Ok(Report { stats, text })
}

/// Staff write the report's text; the journal says who and for which period.
pub async fn set_report_text(
    db: &D1Database,
    caller: &Caller,
    period: Period,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let by = caller.member().ok_or(ApiError::Unauthorized)?.id;
    batch(
        db,
        vec![
            repo::set_report_text(db, period, text, by, now)?,
            audit::record_after(
                db,
                now,
                caller,
                "report.text",
                "report",
                &format!("{}/{}", period.from, period.to),
                json!({ "from": period.from.to_string(), "to": period.to.to_string() }),
            )?,
        ],
        "saving the report's text",
    )
    .await?;
    Ok(())
}

/// A series as a CSV file that French Excel and LibreOffice open as they are: UTF-8 with a byte
/// order mark, `;` between cells, RFC 4180 quoting and line ends.
pub fn csv(series: Series, stats: &Stats) -> Result<Vec<u8>, ApiError> {
    let mut w = crate::spreadsheet::Spreadsheet::new();
    w.row(series.headings())?;
    for row in series.rows(stats) {
        w.row(&row)?;
    }
    w.finish()
}
