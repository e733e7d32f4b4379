//! `/gestion/membres`: every member, searchable by name or email, skill, club and membership status.

use domain::wire::MemberSummary;
use leptos::prelude::*;

use crate::api::{self, MemberSearch};
use crate::components::search::{result_count, MemberSearchForm};
use crate::components::staff::{role_label, StaffFrame};
use crate::components::status::with_loaded;
use crate::format;
use crate::i18n::use_i18n;
use crate::text::{AccountText, StaffText};

#[component]
pub fn StaffMembers() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffMembersTitle content=|_| view! { <MemberList /> } /> }
}

#[component]
fn MemberList() -> impl IntoView {
    let i18n = use_i18n();
    let search = RwSignal::new(MemberSearch::default());
    let results = LocalResource::new(move || {
        let s = search.get();
        let lang = i18n.lang_untracked();
        async move { api::members(&s, lang).await }
    });
    view! {
        <MemberSearchForm search with_status=true />
        {with_loaded(results, |members: Vec<MemberSummary>| view! {
            {result_count(members.len())}
            <ul class="rows">{members.into_iter().map(member_row).collect_view()}</ul>
        })}
    }
}

fn member_row(m: MemberSummary) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/gestion/membres/{}", m.id);
    let status = m.membership;
    let active = m.active;
    let role = m.role;
    view! {
        <li class="row">
            <a href=href class="row__title">{m.name}</a>
            <span class="row__meta">{m.email}</span>
            <span class="row__meta">
                {move || if active { format::membership(status, i18n.lang()) } else { i18n.t(AccountText::StatusDeactivated).to_string() }}
                {move || (role != domain::accounts::Role::Member).then(|| format!(" · {}", i18n.t(role_label(role))))}
            </span>
        </li>
    }
}
