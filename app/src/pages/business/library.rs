//! `/ressources`: the library, searched by words and filtered by topic (both kept in the address,
//! `?sujet=…&q=…`, so a filtered list can be shared), and `/ressources/:slug`: one resource, its
//! body rendered and sanitised by the server.

use domain::consultations::{LibraryCard, LibraryItem, Topic};
use domain::endpoints as ep;
use domain::i18n::format_date_long;
use domain::Lang;
use leptos::prelude::*;
use leptos_router::hooks::{use_params, use_query_map};
use leptos_router::params::Params;

use super::{resource_card, words};
use crate::api;
use crate::components::consult::{kind_label, topic_names, trade_label};
use crate::components::status::{with_loaded, Loading};
use crate::i18n::{tr, use_i18n, use_title};
use crate::text::BusinessText;

#[component]
pub fn LibraryPage() -> impl IntoView {
    use_title(BusinessText::LibraryTitle);
    let i18n = use_i18n();
    let query = use_query_map().get_untracked();
    let topic = RwSignal::new(query.get("sujet").unwrap_or_default());
    let words = RwSignal::new(query.get("q").unwrap_or_default());
    let typed = RwSignal::new(words.get_untracked());
    let topics =
        LocalResource::new(move || async move { api::call(ep::CONSULTATION_TOPICS).await });
    let list = LocalResource::new(move || {
        let (topic, words) = (topic.get(), words.get());
        async move { api::call(ep::LIBRARY.query(&[("topic", &topic), ("q", &words)])).await }
    });
    let remember = move || {
        let mut qs = Vec::new();
        for (name, value) in [
            ("sujet", topic.get_untracked()),
            ("q", words.get_untracked()),
        ] {
            if !value.trim().is_empty() {
                qs.push(format!(
                    "{name}={}",
                    js_sys::encode_uri_component(value.trim())
                ));
            }
        }
        let path = if qs.is_empty() {
            "/ressources".to_string()
        } else {
            format!("/ressources?{}", qs.join("&"))
        };
        crate::address::replace_address(&path);
    };
    // Clearing the box (its ✕ or the last letter deleted) shows every resource again at once.
    Effect::new(move |_| {
        if typed.with(|t| t.trim().is_empty()) && !words.with_untracked(String::is_empty) {
            words.set(String::new());
            remember();
        }
    });
    let chosen = topic.get_untracked();
    view! {
        <h1>{tr(BusinessText::LibraryTitle)}</h1>
        <p class="lead">{tr(BusinessText::LibraryLead)}</p>
        <form class="filters" role="search" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            words.set(typed.get_untracked());
            remember();
        }>
            <div class="field">
                <label for="l-q">{tr(BusinessText::Search)}</label>
                <input id="l-q" type="search" bind:value=typed />
            </div>
            <div class="field">
                <label for="l-topic">{tr(BusinessText::Topic)}</label>
                <select id="l-topic" on:change=move |ev| {
                    // The words in the box go with the topic: a box cleared is no longer searched.
                    words.set(typed.get_untracked());
                    topic.set(event_target_value(&ev));
                    remember();
                }>
                    <option value="" selected=chosen.is_empty()>{tr(BusinessText::AllTopics)}</option>
                    {move || topics.get().and_then(Result::ok).map(|list: Vec<Topic>| {
                        let chosen = chosen.clone();
                        list.into_iter().map(|t| {
                            let selected = t.slug == chosen;
                            view! { <option value=t.slug.clone() selected=selected>{i18n.pick(&t.label)}</option> }
                        }).collect_view()
                    })}
                </select>
            </div>
            <button type="submit" class="button">{tr(BusinessText::Search)}</button>
        </form>
        {with_loaded(list, move |cards: Vec<LibraryCard>| {
            // The link to ask for a consultation comes with the list: below the loading line it
            // was pushed down in view on a wide screen (a layout shift of 0.028 at 1280 px,
            // measured by the budget test).
            let ask = view! { <p><a href="/entreprises#demande" class="button button--secondary">{tr(BusinessText::AskConsultation)}</a></p> };
            if cards.is_empty() {
                return view! { <p class="status" role="status">{i18n.t(BusinessText::NoResource)}</p>{ask} }.into_any();
            }
            let count = i18n.count(BusinessText::ResultsOne, BusinessText::ResultsOther, cards.len() as u64);
            view! {
                <div role="status"><h2>{count}</h2></div>
                <ul class="cards">{cards.into_iter().map(|c| resource_card(c, i18n)).collect_view()}</ul>
                {ask}
            }.into_any()
        })}
    }
}

#[derive(Params, Debug, Clone, PartialEq)]
struct ItemPath {
    slug: Option<String>,
}

#[component]
pub fn ResourcePage() -> impl IntoView {
    use_title(BusinessText::LibraryTitle);
    let i18n = use_i18n();
    let slug = use_params::<ItemPath>()
        .with_untracked(|p| p.as_ref().ok().and_then(|p| p.slug.clone()))
        .unwrap_or_default();
    let item = LocalResource::new(move || {
        let slug = slug.clone();
        async move { api::call(ep::LIBRARY_ITEM.at(&[&slug])).await }
    });
    let topics =
        LocalResource::new(move || async move { api::call(ep::CONSULTATION_TOPICS).await });
    view! {
        // The resource comes with its topics' names and the link back, all at once: the names arriving
        // later made the note a line longer and pushed the text down (a layout shift of 0.025 at
        // 360 px, measured by the budget test), and the link below the loading line moved in view.
        {with_loaded(item, move |r: LibraryItem| {
            let Some(names) = topics.get() else {
                return view! { <Loading /> }.into_any();
            };
            let c = r.card;
            let trade = c.audience.map(|t| i18n.f(BusinessText::ForTrade, &[("trade", i18n.t(trade_label(t)))]));
            let updated = i18n.f(BusinessText::Updated, &[("date", &format_date_long(r.updated_on, i18n.lang()))]);
            let slugs = c.topics.clone();
            let url = c.url.clone();
            // In English, a resource written in French only is shown in French, and says so.
            let (title, summary, lang) = words(&c, i18n);
            let french_only = lang.is_some();
            let html = match (i18n.lang(), r.html_en) {
                (Lang::En, Some(en)) => en,
                _ => r.html,
            };
            view! {
                <article class="resource">
                    <p class="event-card__kind">{i18n.t(kind_label(c.kind))}{trade.map(|t| format!(" · {t}"))}</p>
                    <h1 lang=lang>{title}</h1>
                    <p class="lead" lang=lang>{summary}</p>
                    {french_only.then(|| view! { <p class="note">{i18n.t(BusinessText::OnlyInFrench)}</p> })}
                    <p class="note">
                        {names.ok().map(|t| topic_names(&slugs, &t, i18n))}
                        " · "{updated}
                    </p>
                    <div class="prose" lang=lang inner_html=html></div>
                    {(!url.is_empty()).then(|| view! {
                        <p><a href=url class="button" rel="noopener noreferrer" target="_blank">{i18n.t(BusinessText::OpenGuide)}</a></p>
                    })}
                </article>
                <aside class="card" aria-labelledby="help-title">
                    <h2 id="help-title">{i18n.t(BusinessText::NeedHelp)}</h2>
                    <p><a href="/entreprises#demande" class="button">{i18n.t(BusinessText::AskConsultation)}</a></p>
                </aside>
                <p><a href="/ressources">{tr(BusinessText::BackToLibrary)}</a></p>
            }
            .into_any()
        })}
    }
}
