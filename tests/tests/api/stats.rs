//! The dashboard's figures against a year of synthetic history (`kerne_tests::history`), whose
//! expected figures are counted from the rows it inserted, not by the worker's SQL.

use anyhow::{ensure, Context, Result};
use chrono::{Datelike, Duration, NaiveDate, Utc};
use domain::accounts::{MembershipStatus, Role};
use domain::paris;
use domain::stats::{Figures, Report, Stats, TodayStats};
use domain::wire::{MemberSummary, StaffDay};
use kerne_tests::api_client::{expect_json, expect_status};
use kerne_tests::ensure_each;
use kerne_tests::history::{self, History};
use reqwest::Method;
use serde_json::json;

use crate::support::staff;
use crate::Api;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
}

fn check(what: &str, got: &Figures, expected: &Figures) -> Result<()> {
    ensure!(
        got == expected,
        "{what}: the API answered\n{got:#?}\nthe rows say\n{expected:#?}"
    );
    Ok(())
}

pub async fn the_figures_are_those_of_the_rows_across_the_clock_changes(
    api: &'static Api,
) -> Result<()> {
    let h: History = history::generate();
    let staff = staff(api).await?;
    let stats = |from: NaiveDate, to: NaiveDate| {
        let staff = staff.clone();
        async move {
            staff
                .get_json::<Stats>(&format!("/api/staff/stats?from={from}&to={to}"))
                .await
        }
    };
    // October (the clock goes back on the 27th), the week of the change, the spring one, a
    // quarter, one day; each beside the same dates a year earlier.
    for (from, to) in [
        (d(2024, 10, 1), d(2024, 10, 31)),
        (d(2024, 10, 21), d(2024, 11, 3)),
        (d(2024, 3, 25), d(2024, 4, 7)),
        (d(2024, 4, 1), d(2024, 6, 30)),
        (d(2024, 11, 1), d(2024, 11, 1)),
    ] {
        let s = stats(from, to).await?;
        check(&format!("{from}–{to}"), &s.current, &h.figures(from, to))?;
        // The year before lies outside the history's rows: the comparison's figures are those the
        // portal gives for that period asked on its own.
        let before = stats(s.previous_from, s.previous_to).await?;
        ensure!(
            s.previous == before.current,
            "the figures compared with {from}–{to} are not those of {}–{}",
            s.previous_from,
            s.previous_to
        );
        // One rule with the report: the same dates a year earlier.
        ensure_each!(
            [
                s.previous_from == from.with_year(from.year() - 1).context("a date")?,
                s.previous_to == to.with_year(to.year() - 1).context("a date")?
            ],
            "the period compared with {from}–{to} is {}–{}",
            s.previous_from,
            s.previous_to
        );
        // Each day's line, each week's and each month's totals, from the same rows.
        for day in &s.coworking_days {
            ensure!(
                (day.booked, day.checked_in) == h.day(day.date),
                "{}: {:?} coworkers (booked, came), the rows say {:?}",
                day.date,
                (day.booked, day.checked_in),
                h.day(day.date)
            );
        }
        let open_days = (0..=(to - from).num_days())
            .map(|i| from + Duration::days(i))
            .filter(|d| history::open(*d))
            .count();
        ensure!(
            s.coworking_days.len() == open_days,
            "{from}–{to}: {} days drawn, {open_days} open",
            s.coworking_days.len()
        );
        let week_minutes: u32 = s
            .room_weeks
            .iter()
            .map(|w| w.member_minutes + w.rental_minutes)
            .sum();
        let week_open: u32 = s.room_weeks.iter().map(|w| w.open_minutes).sum();
        ensure_each!(
            [
                week_minutes == s.current.room.member_minutes + s.current.room.rental_minutes,
                week_open == s.current.room.open_minutes
            ],
            "{from}–{to}: the weeks add up to {week_minutes} of {week_open} minutes"
        );
        let last = s.months.last().context("no month")?;
        ensure_each!(
            [
                last.cumulative_rental_cents == s.current.rental_income_cents,
                s.months.iter().map(|m| m.coworker_days).sum::<u32>()
                    == s.current.coworking.coworker_days
            ],
            "{from}–{to}: the months do not add up to the period"
        );
    }

    // Joining at 00:30 in Paris belongs to that Paris day: the member who joined at 23:30 UTC on
    // 31 October (00:30 on 1 November, winter time) counts in November, not October; the ones of
    // the night of the change (00:30 on 27 and 28 October) in October.
    let first_of_november = stats(d(2024, 11, 1), d(2024, 11, 1)).await?;
    ensure!(
        first_of_november.current.members.joined == 1,
        "joined on 1 November 2024: {}",
        first_of_november.current.members.joined
    );
    let change = stats(d(2024, 10, 27), d(2024, 10, 28)).await?;
    ensure!(
        change.current.members.joined == 2,
        "joined on 27–28 October 2024: {}",
        change.current.members.joined
    );
    let april = stats(d(2024, 4, 1), d(2024, 4, 1)).await?;
    ensure!(april.current.members.joined == 1, "joined on 1 April 2024");

    // The whole year (the period before is 2023: only the current figures are the history's).
    let year = stats(d(2024, 1, 1), d(2024, 12, 31)).await?;
    check(
        "2024",
        &year.current,
        &h.figures(d(2024, 1, 1), d(2024, 12, 31)),
    )?;
    ensure!(
        year.months.len() == 12,
        "{} months in 2024",
        year.months.len()
    );
    ensure_each!(
        [
            year.current.coworking.returning > 0,
            year.current.coworking.no_shows > 0,
            year.current.members.renewals_due > 0,
            year.current.room.rentals > 0
        ],
        "the year has every kind of figure: {:?}",
        year.current
    );
    Ok(())
}

pub async fn a_bad_period_is_refused_and_the_csv_opens_in_french_spreadsheets(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    for (query, field) in [
        ("from=2024-02-30&to=2024-03-01", "from"),
        ("from=2024-03-01&to=demain", "to"),
        ("from=2024-03-02&to=2024-03-01", "to"),
        ("from=2020-01-01&to=2024-03-01", "to"),
        ("to=2024-03-01", "from"),
    ] {
        let body =
            expect_status(staff.get(&format!("/api/staff/stats?{query}")).await?, 422).await?;
        ensure!(
            body["fields"][field]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{query}: no message for {field}: {body}"
        );
    }
    let mut english = staff.clone();
    english.lang = "en";
    let body = expect_status(
        english
            .get("/api/staff/stats?from=2024-03-02&to=2024-03-01")
            .await?,
        422,
    )
    .await?;
    ensure!(
        body["fields"]["to"] == "The period must end after it starts.",
        "in English: {body}"
    );

    let resp = staff
        .get("/api/staff/stats/months.csv?from=2024-01-01&to=2024-12-31")
        .await?;
    ensure!(
        resp.status() == 200,
        "months.csv answered {}",
        resp.status()
    );
    let content_type = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    ensure!(
        content_type.starts_with("text/csv"),
        "content type {content_type}"
    );
    let disposition = resp
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    ensure_each!(
        [
            disposition.contains("attachment"),
            disposition.contains(".csv")
        ],
        "{disposition}"
    );
    let bytes = resp.bytes().await?;
    ensure!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "no UTF-8 byte order mark"
    );
    let text = std::str::from_utf8(&bytes[3..]).context("UTF-8")?;
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    ensure!(
        lines.len() == 13,
        "{} lines for a heading and 12 months",
        lines.len()
    );
    ensure_each!(
        [
            lines[0].starts_with("Mois;Journées coworkers;"),
            !text.replace("\r\n", "").contains('\n')
        ],
        "heading or line ends: {:?}",
        lines[0]
    );
    let h = history::generate();
    let january = h.figures(d(2024, 1, 1), d(2024, 1, 31));
    let cells: Vec<&str> = lines[1].split(';').collect();
    ensure_each!(
        [
            cells[0] == "2024-01",
            cells[1] == january.coworking.coworker_days.to_string()
        ],
        "January's line: {:?}",
        lines[1]
    );
    ensure!(
        cells[6] == domain::stats::euros(january.rental_income_cents),
        "January's rental income {:?}",
        cells[6]
    );
    let room = staff
        .get("/api/staff/stats/room.csv?from=2024-10-21&to=2024-11-03")
        .await?
        .text()
        .await?;
    ensure_each!(
        [
            room.trim_start_matches('\u{feff}')
                .starts_with("Semaine du;"),
            room.contains("21/10/2024;")
        ],
        "room.csv: {room}"
    );
    let unknown = staff
        .get("/api/staff/stats/secrets.csv?from=2024-01-01&to=2024-01-31")
        .await?;
    ensure!(
        unknown.status() == 404,
        "an unknown series answered {}",
        unknown.status()
    );
    Ok(())
}

pub async fn the_report_compares_with_last_year_and_keeps_its_text(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let period = "from=2024-09-01&to=2024-11-30";
    let text = "Une année \"riche\" ; merci au Conseil départemental.\n\nEt aux bénévoles.";
    expect_status(
        staff
            .send(
                Method::PUT,
                &format!("/api/staff/report/text?{period}"),
                Some(&json!({ "text": text })),
            )
            .await?,
        204,
    )
    .await?;
    // Too long: refused, and the text stays as it was.
    expect_status(
        staff
            .send(
                Method::PUT,
                &format!("/api/staff/report/text?{period}"),
                Some(&json!({ "text": "é".repeat(4001) })),
            )
            .await?,
        422,
    )
    .await?;
    let report: Report = expect_json(
        staff.get(&format!("/api/staff/report?{period}")).await?,
        200,
    )
    .await?;
    ensure!(report.text == text, "the report's text: {:?}", report.text);
    ensure_each!(
        [
            report.stats.previous_from == d(2023, 9, 1),
            report.stats.previous_to == d(2023, 11, 30)
        ],
        "compared with {}–{}",
        report.stats.previous_from,
        report.stats.previous_to
    );
    let h = history::generate();
    check(
        "the report",
        &report.stats.current,
        &h.figures(d(2024, 9, 1), d(2024, 11, 30)),
    )?;
    // Another period has a text of its own.
    let other: Report = expect_json(
        staff
            .get("/api/staff/report?from=2024-01-01&to=2024-03-31")
            .await?,
        200,
    )
    .await?;
    ensure!(
        other.text.is_empty(),
        "another period's text: {:?}",
        other.text
    );
    Ok(())
}

pub async fn today_counts_the_day_sheet_and_what_waits(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let today: TodayStats = staff.get_json("/api/staff/stats/today").await?;
    let date = paris::local_date(Utc::now());
    ensure!(
        today.date == date,
        "today is {}, the API says {}",
        date,
        today.date
    );
    // The tests book from tomorrow on: today's desks are the demo's, the same on the day sheet.
    let sheet: StaffDay = staff
        .get_json(&format!("/api/staff/day?date={date}"))
        .await?;
    let half = |p: domain::calendar::DeskPeriod, came: bool| {
        let mut ids: Vec<i64> = sheet
            .coworkers
            .iter()
            .filter(|b| {
                b.kind == "member"
                    && (b.period == Some(p) || b.period == Some(domain::calendar::DeskPeriod::Day))
            })
            .filter(|b| !came || b.checked_in)
            .filter_map(|b| b.member_id)
            .collect();
        ids.sort();
        ids.dedup();
        ids.len() as u32
    };
    use domain::calendar::DeskPeriod::{Afternoon, Morning};
    ensure!(
        (
            today.desks_morning,
            today.checked_in_morning,
            today.desks_afternoon,
            today.checked_in_afternoon
        ) == (
            half(Morning, false),
            half(Morning, true),
            half(Afternoon, false),
            half(Afternoon, true)
        ),
        "today's desks {today:?} against the day sheet"
    );
    ensure!(today.desk_capacity == sheet.desk_capacity, "desk capacity");
    ensure!(
        today.pending_rentals >= 1,
        "the demo's rental request to answer: {today:?}"
    );
    Ok(())
}

/// Events held in the last quarter (the demo's past sessions and the test data's past workshop),
/// by kind, and the report's e-education figures: the same counts as the staff's own lists of
/// each event's sign-ups.
pub async fn events_held_are_counted_by_kind_as_their_lists_say(api: &'static Api) -> Result<()> {
    use domain::events::EventKind;
    use domain::events::{EventRegistrations, EventView, RegistrationStatus};
    use domain::stats::EventFigures;
    let staff = staff(api).await?;
    let today = paris::local_date(Utc::now());
    let (from, to) = (today - Duration::days(90), today);
    let stats: Stats = staff
        .get_json(&format!("/api/staff/stats?from={from}&to={to}"))
        .await?;
    let listed: Vec<EventView> = staff
        .get_json(&format!("/api/staff/events?from={from}&to={to}"))
        .await?;
    let now = paris::to_local(Utc::now());
    let mut expected: Vec<EventFigures> = EventKind::ALL
        .iter()
        .map(|&k| EventFigures::none(k))
        .collect();
    for e in listed.iter().filter(|e| {
        !e.cancelled
            && e.ends_at.0 <= now
            && e.starts_at.0.date() >= from
            && e.starts_at.0.date() <= to
    }) {
        let f = expected
            .iter_mut()
            .find(|f| f.kind == e.kind)
            .context("a kind")?;
        f.sessions += 1;
        let regs: EventRegistrations = staff
            .get_json(&format!("/api/staff/events/{}/registrations", e.id))
            .await?;
        for r in &regs.registrations {
            match r.status {
                RegistrationStatus::Confirmed => {
                    f.signups += 1;
                    f.seats += r.seats;
                    f.children += r.children;
                    f.attended += r.present.unwrap_or(0);
                }
                RegistrationStatus::Waiting => f.waiting += 1,
                RegistrationStatus::Cancelled => {}
            }
        }
    }
    ensure!(
        stats.current.events == expected,
        "the statistics say\n{:#?}\nthe lists say\n{expected:#?}",
        stats.current.events
    );
    // The demo's history has past workshops and a past training, checked in at the door.
    let workshops = &expected[EventKind::ALL
        .iter()
        .position(|k| *k == EventKind::ChildrenWorkshop)
        .context("workshops")?];
    ensure_each!(
        [workshops.sessions >= 1, workshops.attended >= 1],
        "no workshop held in the demo's history: {workshops:?}"
    );
    // The funders' report over the same dates adds up the programme's three kinds.
    let report: Report = staff
        .get_json(&format!("/api/staff/report?from={from}&to={to}"))
        .await?;
    let e = report.stats.current.education();
    let of = |k: EventKind| {
        expected
            .iter()
            .find(|f| f.kind == k)
            .cloned()
            .unwrap_or(EventFigures::none(k))
    };
    let (training, kids, open) = (
        of(EventKind::TeacherTraining),
        of(EventKind::ChildrenWorkshop),
        of(EventKind::OpenDay),
    );
    ensure_each!(
        [
            e.sessions == training.sessions + kids.sessions + open.sessions,
            e.teachers_trained == training.attended,
            e.children == kids.children,
            e.attended == training.attended + kids.attended + open.attended,
            e.seats == training.seats + kids.seats + open.seats
        ],
        "the report's e-education figures {e:?} disagree with the lists"
    );
    Ok(())
}

/// One definition of an adhérent (a person whose fee covers the day, staff accounts aside):
/// the home page's count, the statistics' (and so the report's) for a period ending today, and
/// the staff's list filtered on adhérents agree, and match what the whole list says of each
/// account. Other tests admit members and record fees meanwhile: a few tries for one calm moment.
pub async fn the_home_the_statistics_and_the_list_count_the_same_members(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let today = paris::local_date(Utc::now());
    let from = today - Duration::days(29);
    let mut last = String::new();
    for _ in 0..5 {
        let site: domain::wire::SiteContent = staff.get_json("/api/site").await?;
        let stats: Stats = staff
            .get_json(&format!("/api/staff/stats?from={from}&to={today}"))
            .await?;
        let report: Report = staff
            .get_json(&format!("/api/staff/report?from={from}&to={today}"))
            .await?;
        let listed: Vec<MemberSummary> = staff.get_json("/api/staff/members?status=active").await?;
        let everyone: Vec<MemberSummary> = staff.get_json("/api/staff/members").await?;
        let by_hand = everyone
            .iter()
            .filter(|m| m.role == Role::Member && m.membership.is_active())
            .count() as u32;
        let counts = [
            site.member_count,
            stats.current.members.active,
            report.stats.current.members.active,
            listed.len() as u32,
            by_hand,
        ];
        ensure!(
            listed
                .iter()
                .all(|m| m.role == Role::Member && m.membership.is_active()),
            "the adhérents' list holds someone who is not one"
        );
        if counts.iter().all(|c| *c == counts[0]) {
            ensure!(counts[0] > 50, "the demo has {} adhérents", counts[0]);
            return Ok(());
        }
        last = format!("home, statistics, report, list, by hand: {counts:?}");
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    anyhow::bail!("the member counts disagree: {last}")
}

/// Who must renew: the list of fees ending within 30 days, soonest first, is the dashboard's
/// count; the list of fees that ran out in a period is the statistics' "renewals due" of it.
pub async fn who_must_renew_is_listed_soonest_first_as_counted(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let today = paris::local_date(Utc::now());
    let last = today + Duration::days(i64::from(domain::accounts::RENEWAL_NOTICE_DAYS));
    let soon: Vec<MemberSummary> = staff
        .get_json("/api/staff/members?status=ends_soon&sort=end")
        .await?;
    let ends: Vec<NaiveDate> = soon
        .iter()
        .map(|m| match m.membership {
            MembershipStatus::Active { until } => Ok(until),
            other => Err(anyhow::anyhow!("{} is listed as {other:?}", m.name)),
        })
        .collect::<Result<_>>()?;
    ensure!(!ends.is_empty(), "no demo member must renew within 30 days");
    ensure!(
        ends.windows(2).all(|w| w[0] <= w[1]),
        "not soonest first: {ends:?}"
    );
    ensure!(
        ends.iter().all(|e| *e >= today && *e <= last),
        "an end outside {today}–{last}: {ends:?}"
    );
    let glance: TodayStats = staff.get_json("/api/staff/stats/today").await?;
    ensure!(
        glance.renewals_soon == soon.len() as u32,
        "the dashboard counts {} renewals, the list shows {}",
        glance.renewals_soon,
        soon.len()
    );
    // The synthetic history's year: each lapsed fee of a quarter, person by person.
    let (from, to) = (d(2024, 4, 1), d(2024, 6, 30));
    let stats: Stats = staff
        .get_json(&format!("/api/staff/stats?from={from}&to={to}"))
        .await?;
    let lapsed: Vec<MemberSummary> = staff
        .get_json(&format!(
            "/api/staff/members?status=lapsed&from={from}&to={to}"
        ))
        .await?;
    ensure_each!(
        [
            stats.current.members.renewals_due > 0,
            lapsed.len() as u32 == stats.current.members.renewals_due
        ],
        "the statistics count {} renewals due, the list shows {}",
        stats.current.members.renewals_due,
        lapsed.len()
    );
    // A lapsed list needs its period; an unknown filter is refused, not an empty list.
    let resp = staff.get("/api/staff/members?status=lapsed").await?;
    expect_status(resp, 422).await?;
    let resp = staff.get("/api/staff/members?status=bientot").await?;
    expect_status(resp, 400).await?;
    Ok(())
}
