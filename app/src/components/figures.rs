//! The figures' shared parts, for the statistics and the funders' report: the period (presets
//! one tap away, the chooser, its words), the comparison tables and the figures they list (each
//! a label and how it is read), the number formats of the charts, the income chart, and the
//! tables of a chart's numbers.

use chrono::{Datelike, Duration, NaiveDate};
use domain::calendar::week_start;
use domain::consultations::ConsultationFigures;
use domain::endpoints::{Call, Endpoint};
use domain::i18n::{format_euros, format_percent, Lang};
use domain::stats::{self, Figures, MonthFigures};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use wire_json::FromJson;

use crate::api;
use crate::components::calendar::{iso, parse_date};
use crate::components::chart::Serie;
use crate::components::status::with_loaded;
use crate::format::hours_minutes;
use crate::i18n::{tr, use_i18n, I18n};
use crate::site::use_site;
use crate::text::StaffText;

/// A period: first and last day.
pub type Range = (NaiveDate, NaiveDate);

/// A call about a period: `?from=…&to=…`.
pub fn in_period<B, A>(call: impl Into<Call<B, A>>, (from, to): Range) -> Call<B, A> {
    call.into()
        .query(&[("from", &from.to_string()), ("to", &to.to_string())])
}

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

/// A figure of a period: its label, and how it is read from a period's figures.
pub type Figure = (StaffText, fn(&Figures) -> Value);

/// The comparison lines of `figures`: each one's value now and in the other period.
pub fn lines(figures: &[Figure], now: &Figures, before: &Figures) -> Vec<Line> {
    figures
        .iter()
        .map(|(label, read)| (*label, read(now), read(before)))
        .collect()
}

/// The room's share of its opening hours that was used (members and rentals).
fn room_share(f: &Figures) -> i64 {
    stats::percent(
        i64::from(f.room.member_minutes) + i64::from(f.room.rental_minutes),
        i64::from(f.room.open_minutes),
    )
}

pub const COWORKING: &[Figure] = &[
    (StaffText::FigureDeskBookings, |f| {
        Value::Count(f.coworking.bookings)
    }),
    (StaffText::FigureCoworkerDays, |f| {
        Value::Count(f.coworking.coworker_days)
    }),
    (StaffText::FigureCoworkers, |f| {
        Value::Count(f.coworking.coworkers)
    }),
    (StaffText::FigureReturning, |f| {
        Value::Count(f.coworking.returning)
    }),
    (StaffText::FigureNoShows, |f| {
        Value::Count(f.coworking.no_shows)
    }),
];

pub const ROOM: &[Figure] = &[
    (StaffText::FigureOccupancy, |f| {
        Value::Percent(room_share(f))
    }),
    (StaffText::FigureMemberHours, |f| {
        Value::Minutes(f.room.member_minutes)
    }),
    (StaffText::FigureRentalHours, |f| {
        Value::Minutes(f.room.rental_minutes)
    }),
    (StaffText::FigureRentals, |f| Value::Count(f.room.rentals)),
];

pub const MEMBERS: &[Figure] = &[
    (StaffText::FigureActive, |f| Value::Count(f.members.active)),
    (StaffText::FigureJoined, |f| Value::Count(f.members.joined)),
    (StaffText::FigureRenewals, |f| {
        Value::Count(f.members.renewals_due)
    }),
    (StaffText::FigureFees, |f| Value::Count(f.members.fees)),
];

pub const MONEY: &[Figure] = &[
    (StaffText::FigureRentalIncome, |f| {
        Value::Cents(f.rental_income_cents)
    }),
    (StaffText::FigureFeesAmount, |f| {
        Value::Cents(f.members.fees_cents)
    }),
];

/// The e-education programme, for the funders: sessions held, teachers trained, children signed
/// up to the workshops held, and who came out of the seats confirmed.
pub const EDUCATION: &[Figure] = &[
    (StaffText::FigureSessions, |f| {
        Value::Count(f.education().sessions)
    }),
    (StaffText::FigureTeachersTrained, |f| {
        Value::Count(f.education().teachers_trained)
    }),
    (StaffText::FigureChildren, |f| {
        Value::Count(f.education().children)
    }),
    (StaffText::FigureAttendance, |f| {
        Value::Percent(i64::from(f.education().attendance_percent().unwrap_or(0)))
    }),
];

/// Consultations: received, then where they stand, the wait, the feedback.
pub const CONSULTATIONS: &[Figure] = &[
    (StaffText::FigureReceived, |f| {
        Value::Count(f.consultations.received)
    }),
    (StaffText::FigureStillNew, |f| {
        Value::Count(f.consultations.new)
    }),
    (StaffText::FigureOffered, |f| {
        Value::Count(f.consultations.assigned)
    }),
    (StaffText::FigureScheduled, |f| {
        Value::Count(f.consultations.scheduled)
    }),
    (StaffText::FigureDone, |f| {
        Value::Count(f.consultations.done)
    }),
    (StaffText::FigureDeclined, |f| {
        Value::Count(f.consultations.declined)
    }),
    (StaffText::FigureCancelled, |f| {
        Value::Count(f.consultations.cancelled)
    }),
    (StaffText::FigureMedianWait, |f| {
        Value::Maybe(f.consultations.median_days_to_appointment)
    }),
    (StaffText::FigureUseful, |f| useful(&f.consultations)),
];

/// How many found their consultation useful, among those who said (none said: "—").
fn useful(c: &ConsultationFigures) -> Value {
    Value::Maybe((c.feedbacks > 0).then_some(c.useful))
}

/// The income chart, month by month: the rentals, their running total, and the year's target as
/// a line (in whole euros).
pub fn income_chart(
    months: &[MonthFigures],
    target_cents: i64,
    i18n: I18n,
) -> (Vec<Serie>, (String, i64)) {
    let series = vec![
        Serie {
            name: i18n.t(StaffText::SerieRental).into(),
            values: months.iter().map(|m| m.rental_cents / 100).collect(),
            class: "serie-1",
        },
        Serie {
            name: i18n.t(StaffText::SerieCumulative).into(),
            values: months
                .iter()
                .map(|m| m.cumulative_rental_cents / 100)
                .collect(),
            class: "serie-2",
        },
    ];
    let target = (
        i18n.t(StaffText::FigureTarget).to_string(),
        target_cents / 100,
    );
    (series, target)
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
pub fn numbers(head: Vec<StaffText>, rows: Vec<Vec<String>>, csv: String) -> impl IntoView {
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
pub fn for_period<T, V>(
    period: Memo<Option<Range>>,
    endpoint: Endpoint<(), T>,
    draw: fn(T) -> V,
) -> impl IntoView
where
    T: FromJson + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let data = LocalResource::new(move || {
        let p = period.get();
        async move {
            match p {
                Some(range) => api::call(in_period(endpoint, range)).await.map(Some),
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
