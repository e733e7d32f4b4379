//! `/gestion/statistiques`: the figures of a period beside those of the period before, each section
//! with its chart, the chart's numbers as a table, and the series as CSV. The period is in the
//! address (`?from=&to=`), so a link or a reload shows the same figures.

use domain::endpoints as ep;
use domain::i18n::{format_euros, format_percent};
use domain::stats::{Figures, Stats};
use leptos::prelude::*;

use super::consultation_figures::Tallies;
use crate::components::calendar::iso;
use crate::components::chart::{BarChart, LineChart, Serie};
use crate::components::figures::{
    compare_table, euros, for_period, in_period, income_chart, lines, linked_table, month_label,
    numbers, range_text, records_note, share, short_date, use_period, whole, PeriodForm, Preset,
    CONSULTATIONS, COWORKING, EDUCATION, MEMBERS, MONEY, ROOM,
};
use crate::components::staff::StaffFrame;
use crate::format::{hours_minutes, today};
use crate::i18n::{tr, use_i18n};
use crate::text::StaffText;

#[component]
pub fn StaffStatistics() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffStatsTitle content=|_| view! { <Statistics /> } /> }
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

#[component]
fn Statistics() -> impl IntoView {
    let period = use_period(Preset::Weeks);
    view! {
        <PeriodForm period />
        {for_period(period, ep::STATS, stats_view)}
    }
}

fn stats_view(s: Stats) -> impl IntoView {
    let i18n = use_i18n();
    let (from, to, pf, pt) = (s.from, s.to, s.previous_from, s.previous_to);
    let other = StaffText::ColumnLastYear;
    let csv = |series: &str| in_period(ep::STATS_CSV.at(&[&series]), (from, to)).url;
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
    let (money_chart, target) = income_chart(&s.months, s.rental_target_cents, i18n);
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
            {compare_table(StaffText::SectionCoworking, other, lines(COWORKING, &s.current, &s.previous))}
            <LineChart title=i18n.t(StaffText::ChartCoworking).into() labels=day_labels series=coworking_chart format=whole />
            {numbers(vec![StaffText::ColumnDate, StaffText::SerieBooked, StaffText::SerieCame, StaffText::ColumnNoShows], day_rows, csv("coworking"))}
        </section>
        <section class="stats-section" aria-labelledby="s-room">
            <h2 id="s-room">{tr(StaffText::SectionRoom)}</h2>
            {compare_table(StaffText::SectionRoom, other, lines(ROOM, &s.current, &s.previous))}
            <LineChart title=i18n.t(StaffText::ChartRoom).into() labels=week_labels series=room_chart format=share ceiling=100 />
            {numbers(vec![StaffText::ColumnWeek, StaffText::ColumnOpenHours, StaffText::ColumnMemberHours, StaffText::ColumnRentalHours, StaffText::SerieOccupancy], week_rows, csv("room"))}
        </section>
        <section class="stats-section" aria-labelledby="s-members">
            <h2 id="s-members">{tr(StaffText::SectionMembers)}</h2>
            {linked_table(StaffText::SectionMembers, other, lines(MEMBERS, &s.current, &s.previous), member_links)}
            <p class="hint">{tr(StaffText::AdherentsMeans)}</p>
        </section>
        <section class="stats-section" aria-labelledby="s-events">
            <h2 id="s-events">{tr(StaffText::SectionEvents)}</h2>
            {compare_table(StaffText::SectionEvents, other, lines(EDUCATION, &s.current, &s.previous))}
            <div class="table-wrap" tabindex="0">{move || events_table(&current, i18n)}</div>
        </section>
        <section class="stats-section" aria-labelledby="s-consultations">
            <h2 id="s-consultations">{tr(StaffText::SectionConsultations)}</h2>
            {compare_table(StaffText::SectionConsultations, other, lines(CONSULTATIONS, &s.current, &s.previous))}
            <p class="hint">{tr(StaffText::ConsultationsMeans)}</p>
            <Tallies figures=s.current.consultations.clone() />
        </section>
        <section class="stats-section" aria-labelledby="s-money">
            <h2 id="s-money">{tr(StaffText::SectionMoney)}</h2>
            {compare_table(StaffText::SectionMoney, other, lines(MONEY, &s.current, &s.previous))}
            <BarChart title=i18n.t(StaffText::ChartMoney).into() labels=month_labels series=money_chart format=euros target />
            {numbers(vec![StaffText::ColumnMonth, StaffText::SerieRental, StaffText::SerieCumulative, StaffText::SerieFees], month_rows, csv("months"))}
        </section>
    }
}
