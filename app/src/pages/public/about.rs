//! `/association`: the association, its figures, its board and concierge.

use domain::i18n::{format_date_long, format_euros};
use domain::wire::SiteContent;
use leptos::prelude::*;

use crate::i18n::{tr, use_i18n, use_title, I18n};
use crate::site::with_site;
use crate::text::PublicText;

#[component]
pub fn About() -> impl IntoView {
    use_title(PublicText::AboutTitle);
    let i18n = use_i18n();
    view! {
        <h1>{tr(PublicText::AboutTitle)}</h1>
        {with_site(move |site| about_content(i18n, site))}
    }
}

fn about_content(i18n: I18n, site: SiteContent) -> impl IntoView {
    let about = site.about.clone();
    let board_count = site.board.len().to_string();
    let assembly = site.general_assembly;
    let (members, founded, budget) = (
        site.member_count,
        site.founded_year,
        site.yearly_budget_cents,
    );
    let concierge = site.concierge.clone();
    view! {
        <p class="lead">{move || i18n.pick(&about)}</p>
        <section class="card" aria-labelledby="figures-title">
            <h2 id="figures-title">{tr(PublicText::KeyFigures)}</h2>
            <ul class="facts">
                <li>{move || i18n.f(PublicText::MembersCount, &[("count", &members.to_string())])}</li>
                <li>{move || i18n.f(PublicText::FoundedYear, &[("year", &founded.to_string())])}</li>
                <li>{move || i18n.f(PublicText::YearlyBudget, &[("amount", &format_euros(budget, i18n.lang()))])}</li>
            </ul>
        </section>
        <section aria-labelledby="board-title">
            <h2 id="board-title">{tr(PublicText::Board)}</h2>
            <p>
                {move || {
                    i18n.f(PublicText::BoardLead, &[("count", &board_count), ("date", &format_date_long(assembly, i18n.lang()))])
                }}
            </p>
            <ul class="board">
                {site
                    .board
                    .into_iter()
                    .map(|b| {
                        let role = b.role;
                        view! {
                            <li>
                                <span class="board__name">{b.name}</span>
                                <span class="board__role">{move || i18n.pick(&role)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
        <section aria-labelledby="concierge-title">
            <h2 id="concierge-title">{tr(PublicText::Concierge)}</h2>
            <p>{concierge}</p>
        </section>
    }
}
