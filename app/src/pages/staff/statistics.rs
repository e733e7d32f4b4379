//! `/gestion/statistiques`: the figures of a period beside those of the period before, each section
//! with its chart, the chart's numbers as a table, and the series as CSV. The period is in the
//! address (`?from=&to=`), so a link or a reload shows the same figures.

use chrono::{Datelike, Duration, NaiveDate};
use domain::calendar::week_start;
use domain::i18n::{format_euros, format_percent, Lang};
use domain::stats::{self, Figures, Stats};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};

use crate::api;
use crate::app::use_site;
use crate::components::calendar::{iso, parse_date};
use crate::components::chart::{BarChart, LineChart, Serie};
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::format::hours_minutes;
use crate::format::today;
use crate::i18n::{tr, use_i18n};
use crate::text::StaffText;

#[component]
pub fn StaffStatistics() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffStatsTitle content=|_| view! { <Statistics /> } /> }
}

/// A period: first and last day.
pub type Range = (NaiveDate, NaiveDate);

/// The periods one tap away, from today.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    Month,
    Weeks,
    Year,
    LastYear,
    Custom,
}

impl Preset {
    const ALL: [Preset; 5] = [
        Preset::Month,
        Preset::Weeks,
        Preset::Year,
        Preset::LastYear,
        Preset::Custom,
    ];

    fn key(self) -> &'static str {
        match self {
            Preset::Month => "month",
            Preset::Weeks => "weeks",
            Preset::Year => "year",
            Preset::LastYear => "last-year",
            Preset::Custom => "custom",
        }
    }

    fn label(self) -> StaffText {
        match self {
            Preset::Month => StaffText::PeriodMonth,
            Preset::Weeks => StaffText::PeriodWeeks,
            Preset::Year => StaffText::PeriodYear,
            Preset::LastYear => StaffText::PeriodLastYear,
            Preset::Custom => StaffText::PeriodCustom,
        }
    }

    /// The period this preset names on `today` (none for other dates).
    pub fn range(self, today: NaiveDate) -> Option<Range> {
        let jan_1 = |y| NaiveDate::from_ymd_opt(y, 1, 1);
        match self {
            Preset::Month => Some((today.with_day(1)?, today)),
            Preset::Weeks => Some((week_start(today) - Duration::weeks(11), today)),
            Preset::Year => Some((jan_1(today.year())?, today)),
            Preset::LastYear => Some((
                jan_1(today.year() - 1)?,
                NaiveDate::from_ymd_opt(today.year() - 1, 12, 31)?,
            )),
            Preset::Custom => None,
        }
    }

    fn of(range: Range, today: NaiveDate) -> Preset {
        Preset::ALL
            .into_iter()
            .find(|p| p.range(today) == Some(range))
            .unwrap_or(Preset::Custom)
    }
}

/// The period in the address, or `default` of today.
pub fn use_period(default: Preset) -> Memo<Option<Range>> {
    let site = use_site().0;
    let query = use_query_map();
    Memo::new(move |_| {
        let asked =
            query.with(|q| Some((parse_date(&q.get("from")?)?, parse_date(&q.get("to")?)?)));
        asked.filter(|(f, t)| f <= t).or_else(|| {
            let today = site.get().and_then(Result::ok)?.today.date;
            default.range(today)
        })
    })
}

/// The period chooser: a preset or two dates; showing puts the period in the address.
#[component]
pub fn PeriodForm(period: Memo<Option<Range>>) -> impl IntoView {
    let site = use_site().0;
    let navigate = use_navigate();
    let path = use_location().pathname;
    let today = Memo::new(move |_| site.get().and_then(Result::ok).map(|s| s.today.date));
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let preset = RwSignal::new(Preset::Custom);
    Effect::new(move |_| {
        if let (Some((f, t)), Some(today)) = (period.get(), today.get()) {
            from.set(iso(f));
            to.set(iso(t));
            preset.set(Preset::of((f, t), today));
        }
    });
    let choose = move |key: String| {
        let Some(p) = Preset::ALL.into_iter().find(|p| p.key() == key) else {
            return;
        };
        preset.set(p);
        if let Some((f, t)) = today.get_untracked().and_then(|d| p.range(d)) {
            from.set(iso(f));
            to.set(iso(t));
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (f, t) = (from.get_untracked(), to.get_untracked());
        if parse_date(&f).is_some() && parse_date(&t).is_some() {
            navigate(
                &format!("{}?from={f}&to={t}", path.get_untracked()),
                Default::default(),
            );
        }
    };
    view! {
        <form class="period-form card" on:submit=on_submit>
            <div class="field">
                <label for="p-preset">{tr(StaffText::PeriodChoice)}</label>
                <select id="p-preset" on:change=move |ev| choose(event_target_value(&ev))>
                    {Preset::ALL.into_iter().map(|p| view! {
                        <option value=p.key() selected=move || preset.get() == p>{tr(p.label())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field-pair">
                <div class="field">
                    <label for="p-from">{tr(StaffText::PeriodFrom)}</label>
                    <input id="p-from" type="date" required bind:value=from on:input=move |_| preset.set(Preset::Custom) />
                </div>
                <div class="field">
                    <label for="p-to">{tr(StaffText::PeriodTo)}</label>
                    <input id="p-to" type="date" required bind:value=to on:input=move |_| preset.set(Preset::Custom) />
                </div>
            </div>
            <button type="submit" class="button">{tr(StaffText::PeriodShow)}</button>
        </form>
    }
}

/// "du 1 octobre 2026 au 31 octobre 2026"
pub fn range_text(from: NaiveDate, to: NaiveDate, lang: Lang) -> String {
    let date = |d: NaiveDate| {
        format!(
            "{} {} {}",
            domain::i18n::day_of_month(d.day(), lang),
            domain::i18n::month_name(d.month(), lang),
            d.year()
        )
    };
    domain::i18n::fill(
        StaffText::PeriodRange.text(lang),
        &[("from", &date(from)), ("to", &date(to))],
    )
}

/// A figure's value in words: a count, a duration, euros or a share.
#[derive(Clone, Copy)]
pub enum Value {
    Count(u32),
    Minutes(u32),
    Cents(i64),
    Percent(i64),
    /// A figure there may be none of (a median of nothing): "—".
    Maybe(Option<u32>),
}

impl Value {
    pub fn text(self, lang: Lang) -> String {
        match self {
            Value::Count(n) => n.to_string(),
            Value::Minutes(m) => hours_minutes(m),
            Value::Cents(c) => format_euros(c, lang),
            Value::Percent(p) => format_percent(p, lang),
            Value::Maybe(v) => v.map_or_else(|| "—".into(), |v| v.to_string()),
        }
    }
}

/// One line of a comparison table: the figure, this period's value, the other period's.
pub type Line = (StaffText, Value, Value);

/// The figures of two periods side by side.
pub fn compare_table(caption: StaffText, other: StaffText, lines: Vec<Line>) -> impl IntoView {
    linked_table(caption, other, lines, Vec::new())
}

/// When the records start after `first_shown` (the first day of the compared period), a line that
/// says so: the zeros before are for want of records, not of activity.
pub fn records_note(
    records_from: Option<NaiveDate>,
    first_shown: NaiveDate,
) -> Option<impl IntoView> {
    let i18n = use_i18n();
    let from = records_from.filter(|d| *d > first_shown)?;
    Some(view! {
        <p class="hint records-note">
            {move || i18n.f(StaffText::RecordsFrom, &[("date", &domain::i18n::format_date_long(from, i18n.lang()))])}
        </p>
    })
}

/// A table of figures whose current counts in `links` open the list of what they count.
pub fn linked_table(
    caption: StaffText,
    other: StaffText,
    lines: Vec<Line>,
    links: Vec<(StaffText, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="figures">
            <caption class="visually-hidden">{tr(caption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr(StaffText::ColumnFigure)}</th>
                    <th scope="col">{tr(StaffText::ColumnPeriod)}</th>
                    <th scope="col">{tr(other)}</th>
                </tr>
            </thead>
            <tbody>
                {lines.into_iter().map(|(label, now, before)| {
                    let href = links.iter().find(|(l, _)| *l == label).map(|(_, h)| h.clone());
                    let now_text = move || now.text(i18n.lang());
                    view! {
                        <tr>
                            <th scope="row">{tr(label)}</th>
                            <td>{match href {
                                Some(href) => view! { <a href=href>{now_text}</a> }.into_any(),
                                None => now_text.into_any(),
                            }}</td>
                            <td>{move || before.text(i18n.lang())}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

fn room_share(f: &Figures) -> i64 {
    stats::percent(
        i64::from(f.room.member_minutes) + i64::from(f.room.rental_minutes),
        i64::from(f.room.open_minutes),
    )
}

pub fn coworking_lines(now: &Figures, before: &Figures) -> Vec<Line> {
    let (a, b) = (&now.coworking, &before.coworking);
    vec![
        (
            StaffText::FigureDeskBookings,
            Value::Count(a.bookings),
            Value::Count(b.bookings),
        ),
        (
            StaffText::FigureCoworkerDays,
            Value::Count(a.coworker_days),
            Value::Count(b.coworker_days),
        ),
        (
            StaffText::FigureCoworkers,
            Value::Count(a.coworkers),
            Value::Count(b.coworkers),
        ),
        (
            StaffText::FigureReturning,
            Value::Count(a.returning),
            Value::Count(b.returning),
        ),
        (
            StaffText::FigureNoShows,
            Value::Count(a.no_shows),
            Value::Count(b.no_shows),
        ),
    ]
}

pub fn room_lines(now: &Figures, before: &Figures) -> Vec<Line> {
    let (a, b) = (&now.room, &before.room);
    vec![
        (
            StaffText::FigureOccupancy,
            Value::Percent(room_share(now)),
            Value::Percent(room_share(before)),
        ),
        (
            StaffText::FigureMemberHours,
            Value::Minutes(a.member_minutes),
            Value::Minutes(b.member_minutes),
        ),
        (
            StaffText::FigureRentalHours,
            Value::Minutes(a.rental_minutes),
            Value::Minutes(b.rental_minutes),
        ),
        (
            StaffText::FigureRentals,
            Value::Count(a.rentals),
            Value::Count(b.rentals),
        ),
    ]
}

pub fn member_lines(now: &Figures, before: &Figures) -> Vec<Line> {
    let (a, b) = (&now.members, &before.members);
    vec![
        (
            StaffText::FigureActive,
            Value::Count(a.active),
            Value::Count(b.active),
        ),
        (
            StaffText::FigureJoined,
            Value::Count(a.joined),
            Value::Count(b.joined),
        ),
        (
            StaffText::FigureRenewals,
            Value::Count(a.renewals_due),
            Value::Count(b.renewals_due),
        ),
        (
            StaffText::FigureFees,
            Value::Count(a.fees),
            Value::Count(b.fees),
        ),
    ]
}

pub fn money_lines(now: &Figures, before: &Figures) -> Vec<Line> {
    vec![
        (
            StaffText::FigureRentalIncome,
            Value::Cents(now.rental_income_cents),
            Value::Cents(before.rental_income_cents),
        ),
        (
            StaffText::FigureFeesAmount,
            Value::Cents(now.members.fees_cents),
            Value::Cents(before.members.fees_cents),
        ),
    ]
}

/// The e-education programme, for the funders: sessions held, teachers trained, children signed
/// up to the workshops held, and who came out of the seats confirmed.
pub fn education_lines(now: &Figures, before: &Figures) -> Vec<Line> {
    let (a, b) = (now.education(), before.education());
    let rate = |e: domain::stats::EducationFigures| {
        Value::Percent(i64::from(e.attendance_percent().unwrap_or(0)))
    };
    vec![
        (
            StaffText::FigureSessions,
            Value::Count(a.sessions),
            Value::Count(b.sessions),
        ),
        (
            StaffText::FigureTeachersTrained,
            Value::Count(a.teachers_trained),
            Value::Count(b.teachers_trained),
        ),
        (
            StaffText::FigureChildren,
            Value::Count(a.children),
            Value::Count(b.children),
        ),
        (StaffText::FigureAttendance, rate(a), rate(b)),
    ]
}

/// The events held, a row per kind (its name heads the row): sessions, groups and seats
/// confirmed, attendance, groups left waiting.
fn events_table(figures: &Figures, i18n: crate::i18n::I18n) -> impl IntoView {
    let head = [
        StaffText::ColumnKind,
        StaffText::FigureSessions,
        StaffText::ColumnSignups,
        StaffText::ColumnSeats,
        StaffText::FigureAttendance,
        StaffText::ColumnWaiting,
    ];
    let rows = figures
        .events
        .iter()
        .map(|f| {
            let cells = [
                f.sessions.to_string(),
                f.signups.to_string(),
                f.seats.to_string(),
                f.attendance_percent()
                    .map(|p| format_percent(i64::from(p), i18n.lang_untracked()))
                    .unwrap_or_else(|| "—".into()),
                f.waiting.to_string(),
            ];
            view! {
                <tr>
                    <th scope="row">{i18n.t(crate::pages::events::kind_label(f.kind))}</th>
                    {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="figures figures--compact">
            <caption>{i18n.t(StaffText::EventsByKind)}</caption>
            <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{i18n.t(h)}</th> }).collect_view()}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// "26/10"
pub fn short_date(d: NaiveDate) -> String {
    format!("{:02}/{:02}", d.day(), d.month())
}

/// "2026-10" → "10/2026"
pub fn month_label(month: &str) -> String {
    match month.split_once('-') {
        Some((y, m)) => format!("{m}/{y}"),
        None => month.to_string(),
    }
}

pub fn whole(v: i64, _: Lang) -> String {
    v.to_string()
}

pub fn share(v: i64, lang: Lang) -> String {
    format_percent(v, lang)
}

/// Whole euros, grouped as each language writes them ("10 000 €", "€10,000").
pub fn euros(v: i64, lang: Lang) -> String {
    format_euros(v.saturating_mul(100), lang)
}

/// A table of a chart's numbers, folded under its chart.
fn numbers(head: Vec<StaffText>, rows: Vec<Vec<String>>, csv: String) -> impl IntoView {
    view! {
        <details class="numbers">
            <summary>{tr(StaffText::ShowNumbers)}</summary>
            <div class="table-wrap" tabindex="0">{figures_table("figures", None, head, rows)}</div>
        </details>
        <p><a class="button button--secondary" href=csv download="">{tr(StaffText::DownloadCsv)}</a></p>
    }
}

/// The answer of `fetch` for the period in the address (`default` of today without one), drawn
/// by `draw`, again in the other language when it changes (the charts' words are not signals).
pub fn for_period<T, Fut, V>(
    period: Memo<Option<Range>>,
    fetch: fn(NaiveDate, NaiveDate, Lang) -> Fut,
    draw: fn(T) -> V,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, api::ApiFailure>> + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let data = LocalResource::new(move || {
        let p = period.get();
        async move {
            match p {
                Some((f, t)) => fetch(f, t, i18n.lang_untracked()).await.map(Some),
                None => Ok(None),
            }
        }
    });
    with_loaded(data, move |answer: Option<T>| {
        answer.map(|a| {
            move || {
                i18n.lang();
                draw(a.clone())
            }
        })
    })
}

/// A table of figures: its caption if any, its column headings and its rows of cells.
pub fn figures_table(
    class: &'static str,
    caption: Option<StaffText>,
    head: Vec<StaffText>,
    rows: Vec<Vec<String>>,
) -> impl IntoView {
    view! {
        <table class=class>
            {caption.map(|c| view! { <caption>{tr(c)}</caption> })}
            <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{tr(h)}</th> }).collect_view()}</tr></thead>
            <tbody>
                {rows.into_iter().map(|r| view! {
                    <tr>{r.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn Statistics() -> impl IntoView {
    let period = use_period(Preset::Weeks);
    view! {
        <PeriodForm period />
        {for_period(period, api::stats, stats_view)}
    }
}

fn stats_view(s: Stats) -> impl IntoView {
    let i18n = use_i18n();
    let (from, to, pf, pt) = (s.from, s.to, s.previous_from, s.previous_to);
    let other = StaffText::ColumnLastYear;
    let csv = |series: &str| api::stats_csv_href(series, from, to);
    let day_labels: Vec<String> = s
        .coworking_days
        .iter()
        .map(|d| short_date(d.date))
        .collect();
    let coworking_chart = vec![
        Serie {
            name: i18n.t(StaffText::SerieBooked).into(),
            values: s
                .coworking_days
                .iter()
                .map(|d| i64::from(d.booked))
                .collect(),
            class: "serie-1",
        },
        Serie {
            name: i18n.t(StaffText::SerieCame).into(),
            values: s
                .coworking_days
                .iter()
                .map(|d| i64::from(d.checked_in))
                .collect(),
            class: "serie-2",
        },
    ];
    let day_rows = s
        .coworking_days
        .iter()
        .map(|d| {
            vec![
                short_date(d.date),
                d.booked.to_string(),
                d.checked_in.to_string(),
                d.no_shows.to_string(),
            ]
        })
        .collect();
    let week_labels: Vec<String> = s.room_weeks.iter().map(|w| short_date(w.monday)).collect();
    let room_chart = vec![Serie {
        name: i18n.t(StaffText::SerieOccupancy).into(),
        values: s.room_weeks.iter().map(|w| w.occupancy()).collect(),
        class: "serie-1",
    }];
    let week_rows = s
        .room_weeks
        .iter()
        .map(|w| {
            vec![
                short_date(w.monday),
                hours_minutes(w.open_minutes),
                hours_minutes(w.member_minutes),
                hours_minutes(w.rental_minutes),
                share(w.occupancy(), i18n.lang_untracked()),
            ]
        })
        .collect();
    let month_labels: Vec<String> = s.months.iter().map(|m| month_label(&m.month)).collect();
    let money_chart = vec![
        Serie {
            name: i18n.t(StaffText::SerieRental).into(),
            values: s.months.iter().map(|m| m.rental_cents / 100).collect(),
            class: "serie-1",
        },
        Serie {
            name: i18n.t(StaffText::SerieCumulative).into(),
            values: s
                .months
                .iter()
                .map(|m| m.cumulative_rental_cents / 100)
                .collect(),
            class: "serie-2",
        },
    ];
    let lang = i18n.lang_untracked();
    let month_rows = s
        .months
        .iter()
        .map(|m| {
            vec![
                month_label(&m.month),
                format_euros(m.rental_cents, lang),
                format_euros(m.cumulative_rental_cents, lang),
                format_euros(m.fees_cents, lang),
            ]
        })
        .collect();
    let target = (
        i18n.t(StaffText::FigureTarget).to_string(),
        s.rental_target_cents / 100,
    );
    let current = s.current.clone();
    // Who the members' counts are: the adhérents of today's list when the period ends today, and
    // the fees that ran out in the period.
    let mut member_links = vec![(
        StaffText::FigureRenewals,
        format!(
            "/gestion/membres?status=lapsed&from={}&to={}",
            iso(from),
            iso(to)
        ),
    )];
    if Some(to) == today() {
        member_links.push((
            StaffText::FigureActive,
            "/gestion/membres?status=active".to_string(),
        ));
    }
    view! {
        <p class="lead">
            {move || i18n.f(StaffText::PeriodIs, &[("range", &range_text(from, to, i18n.lang()))])}" "
            {move || i18n.f(StaffText::ComparedWithLastYear, &[("range", &range_text(pf, pt, i18n.lang()))])}
        </p>
        {records_note(s.records_from, pf)}
        <section class="stats-section" aria-labelledby="s-coworking">
            <h2 id="s-coworking">{tr(StaffText::SectionCoworking)}</h2>
            {compare_table(StaffText::SectionCoworking, other, coworking_lines(&s.current, &s.previous))}
            <LineChart title=i18n.t(StaffText::ChartCoworking).into() labels=day_labels series=coworking_chart format=whole />
            {numbers(vec![StaffText::ColumnDate, StaffText::SerieBooked, StaffText::SerieCame, StaffText::ColumnNoShows], day_rows, csv("coworking"))}
        </section>
        <section class="stats-section" aria-labelledby="s-room">
            <h2 id="s-room">{tr(StaffText::SectionRoom)}</h2>
            {compare_table(StaffText::SectionRoom, other, room_lines(&s.current, &s.previous))}
            <LineChart title=i18n.t(StaffText::ChartRoom).into() labels=week_labels series=room_chart format=share ceiling=100 />
            {numbers(vec![StaffText::ColumnWeek, StaffText::ColumnOpenHours, StaffText::ColumnMemberHours, StaffText::ColumnRentalHours, StaffText::SerieOccupancy], week_rows, csv("room"))}
        </section>
        <section class="stats-section" aria-labelledby="s-members">
            <h2 id="s-members">{tr(StaffText::SectionMembers)}</h2>
            {linked_table(StaffText::SectionMembers, other, member_lines(&s.current, &s.previous), member_links)}
            <p class="hint">{tr(StaffText::AdherentsMeans)}</p>
        </section>
        <section class="stats-section" aria-labelledby="s-events">
            <h2 id="s-events">{tr(StaffText::SectionEvents)}</h2>
            {compare_table(StaffText::SectionEvents, other, education_lines(&s.current, &s.previous))}
            <div class="table-wrap" tabindex="0">{move || events_table(&current, i18n)}</div>
        </section>
        <section class="stats-section" aria-labelledby="s-consultations">
            <h2 id="s-consultations">{tr(StaffText::SectionConsultations)}</h2>
            {compare_table(StaffText::SectionConsultations, other, crate::pages::staff::consultation_figures::lines(&s.current, &s.previous))}
            <p class="hint">{tr(StaffText::ConsultationsMeans)}</p>
            <crate::pages::staff::consultation_figures::Tallies figures=s.current.consultations.clone() />
        </section>
        <section class="stats-section" aria-labelledby="s-money">
            <h2 id="s-money">{tr(StaffText::SectionMoney)}</h2>
            {compare_table(StaffText::SectionMoney, other, money_lines(&s.current, &s.previous))}
            <BarChart title=i18n.t(StaffText::ChartMoney).into() labels=month_labels series=money_chart format=euros target />
            {numbers(vec![StaffText::ColumnMonth, StaffText::SerieRental, StaffText::SerieCumulative, StaffText::SerieFees], month_rows, csv("months"))}
        </section>
    }
}
