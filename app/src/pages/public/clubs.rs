//! `/clubs`: the monthly clubs and their next meetings.

use domain::wire::Club;
use leptos::prelude::*;

use crate::i18n::{tr, use_i18n, use_title, I18n};
use crate::site::with_site;
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
        next_meeting,
        ..
    } = club;
    // The meeting as held (with its page) when it is in the agenda, else the rule's next date.
    let next = next_meeting
        .map(|m| (m.starts_at.0, Some(format!("/agenda/{}", m.id))))
        .or_else(|| next_meetings.first().map(|t| (t.0, None)));
    let heading_id = format!("club-{slug}");
    let labelled_by = heading_id.clone();
    view! {
        <section class="card club" aria-labelledby=labelled_by>
            <h2 id=heading_id>{move || i18n.pick(&name)}</h2>
            <p>{move || i18n.pick(&description)}</p>
            <p class="club__rule">{move || i18n.f(PublicText::MeetsEvery, &[("rule", &rule.describe(i18n.lang()))])}</p>
            {next.map(|(at, href)| {
                let text = move || i18n.f(PublicText::NextMeeting, &[("date", &crate::format::datetime_short(at, i18n.lang()))]);
                view! {
                    <p class="club__next">
                        {match href {
                            Some(href) => view! { <a href=href>{text}</a> }.into_any(),
                            None => text.into_any(),
                        }}
                    </p>
                }
            })}
        </section>
    }
}
