//! `/annuaire`: members who chose to appear, searchable by skill and club (members only).

use domain::endpoints as ep;
use domain::wire::DirectoryEntry;
use leptos::prelude::*;

use crate::api::{self, MemberSearch};
use crate::components::search::{club_name, result_count, MemberSearchForm};
use crate::components::session::{guarded, Audience};
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_title};
use crate::text::{MemberText, SharedText};

#[component]
pub fn Directory() -> impl IntoView {
    use_title(SharedText::NavDirectory);
    view! {
        <h1>{tr(SharedText::NavDirectory)}</h1>
        {guarded(Audience::Members, |_| view! { <DirectorySearch /> })}
    }
}

#[component]
fn DirectorySearch() -> impl IntoView {
    let search = RwSignal::new(MemberSearch::default());
    let results = LocalResource::new(move || {
        let s = search.get();
        async move { api::call(ep::DIRECTORY.query(&s.directory())).await }
    });
    view! {
        <p class="lead">{tr(MemberText::DirectoryLead)}</p>
        <MemberSearchForm search />
        {with_loaded(results, |entries: Vec<DirectoryEntry>| view! {
            {result_count(entries.len())}
            <ul class="cards">{entries.into_iter().map(entry_card).collect_view()}</ul>
        })}
    }
}

fn entry_card(e: DirectoryEntry) -> impl IntoView {
    let mailto = format!("mailto:{}", e.email);
    let clubs = e
        .clubs
        .iter()
        .map(|c| club_name(c))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="card member-card">
            <h2>{e.name}</h2>
            {(!e.company.is_empty()).then(|| view! { <p class="member-card__company">{e.company}</p> })}
            {(!e.skills.is_empty()).then(|| view! {
                <ul class="tags" aria-label=tr(SharedText::FieldSkills)>{e.skills.into_iter().map(|s| view! { <li class="tag">{s}</li> }).collect_view()}</ul>
            })}
            {(!e.bio.is_empty()).then(|| view! { <p>{e.bio}</p> })}
            {(!clubs.is_empty()).then(|| view! { <p class="note">{tr(MemberText::ClubsLabel)}" "{clubs}</p> })}
            <p><a href=mailto>{e.email}</a></p>
        </li>
    }
}
