//! `/gestion/rapport`: the activity report of a period, against the same dates a year earlier, as
//! one page that prints on two A4 sheets at most (the print stylesheet drops the site's frame and
//! the controls): the figures, the months as charts and a table, and the text staff write.

use domain::endpoints as ep;
use domain::i18n::format_euros;
use domain::stats::Report;
use leptos::prelude::*;

use super::consultation_figures::Tallies;
use crate::api;
use crate::components::chart::{BarChart, LineChart, Serie};
use crate::components::figures::{
    compare_table, euros, figures_table, for_period, in_period, income_chart, lines, month_label,
    range_text, records_note, share, use_period, whole, PeriodForm, Preset, CONSULTATIONS,
    COWORKING, EDUCATION, MEMBERS, MONEY, ROOM,
};
use crate::components::form::{ErrorSummary, NO_LABELS};
use crate::components::staff::StaffFrame;
use crate::format::hours_minutes;
use crate::i18n::{tr, use_i18n};
use crate::text::StaffText;

#[component]
pub fn StaffReport() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffReportTitle content=|_| view! { <ReportPage /> } /> }
}

#[component]
fn ReportPage() -> impl IntoView {
    let period = use_period(Preset::Year);
    view! {
        <div class="no-print">
            <PeriodForm period />
        </div>
        {for_period(period, ep::REPORT, report_view)}
    }
}

fn report_view(r: Report) -> impl IntoView {
    let i18n = use_i18n();
    let s = r.stats;
    let (from, to, pf, pt) = (s.from, s.to, s.previous_from, s.previous_to);
    let other = StaffText::ColumnLastYear;
    let labels: Vec<String> = s.months.iter().map(|m| month_label(&m.month)).collect();
    let coworker_days = vec![Serie {
        name: i18n.t(StaffText::FigureCoworkerDays).into(),
        values: s
            .months
            .iter()
            .map(|m| i64::from(m.coworker_days))
            .collect(),
        class: "serie-1",
    }];
    let occupancy = vec![Serie {
        name: i18n.t(StaffText::SerieOccupancy).into(),
        values: s.months.iter().map(|m| m.room_occupancy()).collect(),
        class: "serie-1",
    }];
    let (income, target) = income_chart(&s.months, s.rental_target_cents, i18n);
    let lang = i18n.lang_untracked();
    let rows: Vec<Vec<String>> = s
        .months
        .iter()
        .map(|m| {
            vec![
                month_label(&m.month),
                m.coworker_days.to_string(),
                hours_minutes(m.room_member_minutes + m.room_rental_minutes),
                share(m.room_occupancy(), lang),
                format_euros(m.rental_cents, lang),
                format_euros(m.fees_cents, lang),
            ]
        })
        .collect();
    let head = [
        StaffText::ColumnMonth,
        StaffText::FigureCoworkerDays,
        StaffText::ColumnRoomHours,
        StaffText::SerieOccupancy,
        StaffText::SerieRental,
        StaffText::SerieFees,
    ];
    // Every figure of the period, in one table: members first, as the funders read them.
    let figures: Vec<_> = [MEMBERS, COWORKING, ROOM, MONEY, EDUCATION, CONSULTATIONS]
        .into_iter()
        .flat_map(|table| lines(table, &s.current, &s.previous))
        .collect();
    let consultations = s.current.consultations.clone();
    view! {
        <article class="report">
            <header class="report__head">
                <p class="report__title">{tr(StaffText::ReportHeading)}</p>
                <p class="lead">
                    {move || i18n.f(StaffText::PeriodIs, &[("range", &range_text(from, to, i18n.lang()))])}" "
                    {move || i18n.f(StaffText::ComparedWithLastYear, &[("range", &range_text(pf, pt, i18n.lang()))])}
                </p>
                {records_note(s.records_from, pf)}
            </header>
            <section aria-labelledby="r-figures">
                <h2 id="r-figures">{tr(StaffText::ReportInFigures)}</h2>
                {compare_table(StaffText::ReportInFigures, other, figures)}
                <p class="hint">{tr(StaffText::AdherentsMeans)}</p>
            </section>
            <section aria-labelledby="r-consultations">
                <h2 id="r-consultations">{tr(StaffText::SectionConsultations)}</h2>
                <Tallies figures=consultations />
            </section>
            <section class="report__charts" aria-labelledby="r-charts">
                <h2 id="r-charts">{tr(StaffText::ReportCharts)}</h2>
                <div class="report__grid">
                    <BarChart title=i18n.t(StaffText::ChartCoworkerDays).into() labels=labels.clone() series=coworker_days format=whole />
                    <LineChart title=i18n.t(StaffText::ChartRoomMonths).into() labels=labels.clone() series=occupancy format=share ceiling=100 />
                    <BarChart title=i18n.t(StaffText::ChartMoney).into() labels series=income format=euros target />
                </div>
                <div class="table-wrap" tabindex="0">
                    {figures_table("figures figures--compact", Some(StaffText::ReportCharts), head.to_vec(), rows)}
                </div>
            </section>
            <ReportText from to text=r.text />
        </article>
        <p class="no-print">
            <button type="button" class="button" on:click=|_| { let _ = window().print(); }>{tr(StaffText::ReportPrint)}</button>
        </p>
    }
}

/// The text as it prints (paragraphs), and the form that edits it (not printed).
#[component]
fn ReportText(from: chrono::NaiveDate, to: chrono::NaiveDate, text: String) -> impl IntoView {
    let saved = RwSignal::new(text.clone());
    let draft = RwSignal::new(text);
    let save = Action::new_local(move |text: &String| {
        let text = text.clone();
        async move {
            let r = api::send(
                in_period(ep::SET_REPORT_TEXT, (from, to)),
                &domain::stats::ReportText { text: text.clone() },
            )
            .await;
            if r.is_ok() {
                saved.set(text.trim().to_string());
            }
            r
        }
    });
    let failure = api::failure_of(save);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(draft.get_untracked());
    };
    // Without a text, the section is the form alone: not printed, heading included.
    view! {
        <section aria-labelledby="r-words" class:no-print=move || saved.get().trim().is_empty()>
        <h2 id="r-words">{tr(StaffText::ReportWords)}</h2>
        <div class="report__text">
            {move || {
                let text = saved.get();
                if text.trim().is_empty() {
                    view! { <p class="no-print row__meta">{tr(StaffText::ReportNoText)}</p> }.into_any()
                } else {
                    text.split("\n\n")
                        .map(|p| view! { <p>{p.to_string()}</p> })
                        .collect_view()
                        .into_any()
                }
            }}
        </div>
        <form class="no-print" on:submit=on_submit>
            <ErrorSummary failure labels=NO_LABELS />
            <div class="field">
                <label for="f-text">{tr(StaffText::ReportTextLabel)}</label>
                <textarea id="f-text" rows="6" maxlength="4000" bind:value=draft></textarea>
            </div>
            <button type="submit" class="button">{tr(StaffText::ReportTextSave)}</button>
            <p class="notice-line" role="status">
                {move || api::answer_of(save).map(|_| tr(StaffText::ReportTextSaved))}
            </p>
        </form>
        </section>
    }
}
