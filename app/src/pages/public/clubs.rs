//! `/clubs`: the monthly clubs and their next meetings.

use domain::wire::Club;
use leptos::prelude::*;

use crate::components::status::with_site;
use crate::i18n::{tr, use_i18n, use_title, I18n};
use crate::text::PublicText;

#[component]
pub fn Clubs() -> impl IntoView {
    use_title(PublicText::ClubsTitle);
    let i18n = use_i18n();
    view! {
        <h1>{tr(PublicText::ClubsTitle)}</h1>
        <p class="lead">{tr(PublicText::ClubsLead)}</p>
        {with_site(move |site| {
            view! { <div class="club-list">{site.clubs.into_iter().map(|c| club_card(i18n, c)).collect_view()}</div> }
        })}
    }
}

fn club_card(i18n: I18n, club: Club) -> impl IntoView {
    let Club {
        slug,
        name,
        description,
        rule,
        next_meetings,
        ..
    } = club;
    let next = next_meetings.first().map(|t| t.0);
    let heading_id = format!("club-{slug}");
    let labelled_by = heading_id.clone();
    view! {
        <section class="card club" aria-labelledby=labelled_by>
            <h2 id=heading_id>{move || i18n.pick(&name)}</h2>
            <p>{move || i18n.pick(&description)}</p>
            <p class="club__rule">{move || i18n.f(PublicText::MeetsEvery, &[("rule", &rule.describe(i18n.lang()))])}</p>
            {next.map(|at| {
                view! {
                    <p class="club__next">
                        {move || i18n.f(PublicText::NextMeeting, &[("date", &crate::format::datetime_short(at, i18n.lang()))])}
                    </p>
                }
            })}
        </section>
    }
}
