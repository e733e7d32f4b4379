//! `/gestion/membres`: every member, searchable by name or email, skill, club and membership status.

use domain::endpoints as ep;
use domain::wire::MemberSummary;
use leptos::prelude::*;

use leptos_router::hooks::use_query_map;

use crate::address::replace_address;
use crate::api::{self, MemberSearch};
use crate::components::calendar::parse_date;
use crate::components::figures::range_text;
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

/// The filters start from the address (the dashboard's and the statistics' counts link here with
/// theirs) and each search replaces it, so a reload or a shared link keeps the list.
#[component]
fn MemberList() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().get_untracked();
    let param = |name: &str| query.get(name).unwrap_or_default();
    let search = RwSignal::new(MemberSearch {
        q: param("q"),
        skill: param("skill"),
        club: param("club"),
        status: param("status"),
        sort: param("sort"),
        from: param("from"),
        to: param("to"),
    });
    Effect::new(move |before: Option<()>| {
        let s = search.get();
        if before.is_some() {
            replace_address(&format!("/gestion/membres{}", ep::query_string(&s.staff())));
        }
    });
    let results = LocalResource::new(move || {
        let s = search.get();
        async move { api::call(ep::LIST_MEMBERS.query(&s.staff())).await }
    });
    // Lapsed fees come from the statistics with their period: say which.
    let period = move || {
        let s = search.get();
        let (from, to) = (parse_date(&s.from)?, parse_date(&s.to)?);
        (s.status == "lapsed").then(|| {
            i18n.f(
                StaffText::LapsedPeriod,
                &[("range", &range_text(from, to, i18n.lang()))],
            )
        })
    };
    view! {
        {move || period().map(|text| view! { <p class="lead">{text}</p> })}
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
