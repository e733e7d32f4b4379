//! `/agenda`: the events of the next four months by month, filtered by kind and audience (kept in
//! the query string, `?type=…&public=…`, so a filtered agenda can be shared).

use chrono::Datelike;
use domain::endpoints as ep;
use domain::events::EventKind;
use domain::events::{Audience, EventView};
use domain::i18n::month_name;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{audience_label, kind_label, place, seats_text, when};
use crate::api;
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n, use_title, I18n};
use crate::text::EventText;

#[component]
pub fn Agenda() -> impl IntoView {
    use_title(EventText::AgendaTitle);
    let i18n = use_i18n();
    // The filters start from the address and then live in the page; each choice replaces the
    // address (the back button leaves the agenda) without a navigation of the router (measured:
    // the router's navigation made the agenda bundle 1.1 KB brotli heavier).
    let query = use_query_map().get_untracked();
    let kind = RwSignal::new(query.get("type").unwrap_or_default());
    let audience = RwSignal::new(query.get("public").unwrap_or_default());
    // The server's window (today in Quimper and the next four months), of a kind and an audience.
    let events = LocalResource::new(move || {
        let (kind, audience) = (kind.get(), audience.get());
        api::call(ep::EVENTS.query(&[("kind", &kind), ("audience", &audience)]))
    });
    let set_filter = move |filter: RwSignal<String>, value: String| {
        filter.set(value);
        let mut qs = Vec::new();
        for (name, value) in [
            ("type", kind.get_untracked()),
            ("public", audience.get_untracked()),
        ] {
            if !value.is_empty() {
                qs.push(format!("{name}={value}"));
            }
        }
        let path = if qs.is_empty() {
            "/agenda".to_string()
        } else {
            format!("/agenda?{}", qs.join("&"))
        };
        crate::address::replace_address(&path);
    };
    let (kind_now, audience_now) = (kind.get_untracked(), audience.get_untracked());
    view! {
        <h1>{tr(EventText::AgendaTitle)}</h1>
        <p class="lead">{tr(EventText::AgendaLead)}</p>
        <section class="filters" aria-labelledby="filters-title">
            <h2 id="filters-title" class="visually-hidden">{tr(EventText::FiltersTitle)}</h2>
            <div class="field">
                <label for="a-kind">{tr(EventText::FieldKind)}</label>
                <select id="a-kind" on:change=move |ev| set_filter(kind, event_target_value(&ev))>
                    <option value="" selected=kind_now.is_empty()>{tr(EventText::AllKinds)}</option>
                    {EventKind::ALL.into_iter().map(|k| view! {
                        <option value=k.as_str() selected=kind_now == k.as_str()>{tr(kind_label(k))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="a-audience">{tr(EventText::FieldAudience)}</label>
                <select id="a-audience" on:change=move |ev| set_filter(audience, event_target_value(&ev))>
                    <option value="" selected=audience_now.is_empty()>{tr(EventText::AllAudiences)}</option>
                    {Audience::ALL.into_iter().map(|a| view! {
                        <option value=a.as_str() selected=audience_now == a.as_str()>{tr(audience_label(a))}</option>
                    }).collect_view()}
                </select>
            </div>
        </section>
        // The list renders once per language (reading it tracks it), without a closure per text:
        // measured, closures per field made the agenda bundle 2.6 KB brotli heavier.
        {with_loaded(events, move |list: Vec<EventView>| {
            if list.is_empty() {
                return view! { <p class="status" role="status">{i18n.t(EventText::NoEvents)}</p> }.into_any();
            }
            by_month(list)
                .into_iter()
                .map(|((year, month), events)| {
                    let id = format!("month-{year}-{month}");
                    let labelled_by = id.clone();
                    let title = format!("{} {year}", month_name(month, i18n.lang()));
                    view! {
                        <section class="agenda-month" aria-labelledby=labelled_by>
                            <h2 id=id class="agenda-month__title">{title}</h2>
                            <ul class="cards">{events.into_iter().map(|ev| event_card(ev, i18n)).collect_view()}</ul>
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        })}
    }
}

/// The events (already by start) grouped by (year, month).
fn by_month(list: Vec<EventView>) -> Vec<((i32, u32), Vec<EventView>)> {
    let mut out: Vec<((i32, u32), Vec<EventView>)> = Vec::new();
    for ev in list {
        let d = ev.starts_at.0.date();
        let key = (d.year(), d.month());
        match out.last_mut() {
            Some((k, evs)) if *k == key => evs.push(ev),
            _ => out.push((key, vec![ev])),
        }
    }
    out
}

/// An event in a list of cards: kind, title, when, where, partner, ages, seats and its link, in
/// the language read here (call it where a language change renders the list again).
pub fn event_card(ev: EventView, i18n: I18n) -> impl IntoView {
    let heading = format!("event-{}", ev.id);
    let labelled_by = heading.clone();
    let href = format!("/agenda/{}", ev.id);
    let title = i18n.pick(&ev.title);
    let link = i18n.f(EventText::SeeEvent, &[("title", &title)]);
    let full = ev.seats_left == 0 || ev.cancelled;
    let partner = (!ev.partner.is_empty())
        .then(|| i18n.f(EventText::WithPartner, &[("partner", &ev.partner)]));
    let lang = i18n.lang();
    view! {
        <li class="card event-card" aria-labelledby=labelled_by>
            <p class="event-card__kind">{i18n.t(kind_label(ev.kind))}</p>
            <h3 id=heading>{title}</h3>
            <p class="event-card__when"><strong>{when(&ev, lang)}</strong></p>
            <p>{place(&ev, i18n)}</p>
            {partner.map(|p| view! { <p>{p}</p> })}
            {super::ages(&ev, i18n).map(|a| view! { <p>{a}</p> })}
            <p class="tag" class:tag--warning=full>{seats_text(&ev, i18n)}</p>
            <p><a href=href class="button">{link}</a></p>
        </li>
    }
}
