//! The search form of the directory and of the staff's member list: text, skill, club (and status).

use leptos::prelude::*;

use crate::api::MemberSearch;
use crate::i18n::{tr, use_i18n};
use crate::site::use_site;
use crate::text::AccountText;

/// Starts from `search` and fills it when submitted; `with_status` adds the staff's
/// membership-status filter and order.
#[component]
pub fn MemberSearchForm(
    search: RwSignal<MemberSearch>,
    #[prop(optional)] with_status: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let site = use_site().0;
    let start = search.get_untracked();
    let q = RwSignal::new(start.q);
    let skill = RwSignal::new(start.skill);
    let club = RwSignal::new(start.club);
    let status = RwSignal::new(start.status);
    let sort = RwSignal::new(start.sort);
    let lapsed = status.get_untracked() == "lapsed";
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let status = status.get_untracked();
        // The period only means something to the lapsed fees it came with.
        let (from, to) = if status == "lapsed" {
            let s = search.get_untracked();
            (s.from, s.to)
        } else {
            Default::default()
        };
        search.set(MemberSearch {
            q: q.get_untracked(),
            skill: skill.get_untracked(),
            club: club.get_untracked(),
            status,
            sort: sort.get_untracked(),
            from,
            to,
        });
    };
    let club_options = move || {
        site.get().and_then(Result::ok).map(|s| {
            s.clubs
                .into_iter()
                .map(|c| view! { <option value=c.slug.clone()>{move || i18n.pick(&c.name)}</option> })
                .collect_view()
        })
    };
    const STATUSES: &[(&str, AccountText)] = &[
        ("active", AccountText::StatusActive),
        ("ends_soon", AccountText::StatusEndsSoon),
        ("expired", AccountText::StatusExpired),
        ("none", AccountText::StatusNone),
        ("deactivated", AccountText::StatusDeactivated),
    ];
    view! {
        <form class="form search" role="search" on:submit=on_submit>
            <div class="field">
                <label for="s-q">{tr(AccountText::SearchText)}</label>
                <input id="s-q" type="search" bind:value=q />
            </div>
            <div class="field">
                <label for="s-skill">{tr(AccountText::FieldSkill)}</label>
                <input id="s-skill" type="text" bind:value=skill />
            </div>
            <div class="field">
                <label for="s-club">{tr(AccountText::FieldClub)}</label>
                <select id="s-club" bind:value=club>
                    <option value="">{tr(AccountText::AllClubs)}</option>
                    {club_options}
                </select>
            </div>
            {with_status.then(|| view! {
                <div class="field">
                    <label for="s-status">{tr(AccountText::FieldMembership)}</label>
                    <select id="s-status" aria-describedby="s-status-hint" bind:value=status>
                        <option value="">{tr(AccountText::AllStatuses)}</option>
                        {STATUSES.iter().map(|(v, l)| view! { <option value=*v>{tr(*l)}</option> }).collect_view()}
                        {lapsed.then(|| view! { <option value="lapsed">{tr(AccountText::StatusLapsed)}</option> })}
                    </select>
                    <p class="hint" id="s-status-hint">{tr(AccountText::AdherentMeans)}</p>
                </div>
                <div class="field">
                    <label for="s-sort">{tr(AccountText::FieldSort)}</label>
                    <select id="s-sort" bind:value=sort>
                        <option value="">{tr(AccountText::SortName)}</option>
                        <option value="end">{tr(AccountText::SortEnd)}</option>
                    </select>
                </div>
            })}
            <button type="submit" class="button">{tr(AccountText::Search)}</button>
        </form>
    }
}

/// "3 résultats", announced politely when a search comes back.
pub fn result_count(count: usize) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="result-count" aria-live="polite">
            {move || if count == 0 { i18n.t(AccountText::NoResults).to_string() } else { i18n.count(AccountText::ResultCountOne, AccountText::ResultCount, count as u64) }}
        </p>
    }
}

/// A club's name from its slug, in the current language (the slug if the club is unknown).
pub fn club_name(slug: &str) -> String {
    let i18n = use_i18n();
    let site = use_site().0;
    site.get_untracked()
        .and_then(Result::ok)
        .and_then(|s| {
            s.clubs
                .into_iter()
                .find(|c| c.slug == slug)
                .map(|c| i18n.pick(&c.name))
        })
        .unwrap_or_else(|| slug.to_string())
}
