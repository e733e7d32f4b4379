//! `/agenda`: the events of the next four months by month, filtered by kind and audience (kept in
//! the query string, `?type=…&public=…`, so a filtered agenda can be shared).

use chrono::{Datelike, Months};
use domain::events::{Audience, EventView};
use domain::i18n::month_name;
use domain::wire::EventKind;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::{audience_label, kind_label, place, seats_text, when};
use crate::api::{self, EventSearch};
use crate::components::status::with_loaded;
use crate::format::{today, today_iso};
use crate::i18n::{tr, use_i18n, use_title};
use crate::text::EventText;

#[component]
pub fn Agenda() -> impl IntoView {
    use_title(EventText::AgendaTitle);
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let kind = Memo::new(move |_| query.with(|q| q.get("type")).unwrap_or_default());
    let audience = Memo::new(move |_| query.with(|q| q.get("public")).unwrap_or_default());
    let from = today_iso();
    let to = today()
        .and_then(|d| d.checked_add_months(Months::new(4)))
        .map(|d| d.to_string())
        .unwrap_or_default();
    let events = LocalResource::new(move || {
        let search = EventSearch {
            from: from.clone(),
            to: to.clone(),
            kind: kind.get(),
            audience: audience.get(),
        };
        async move { api::events(&search, i18n.lang_untracked()).await }
    });
    // A filter changes the address (replacing it: the back button leaves the agenda).
    let set_filter = move |name: &'static str, value: String| {
        let (mut k, mut a) = (kind.get_untracked(), audience.get_untracked());
        if name == "type" {
            k = value;
        } else {
            a = value;
        }
        let mut qs = Vec::new();
        if !k.is_empty() {
            qs.push(format!("type={k}"));
        }
        if !a.is_empty() {
            qs.push(format!("public={a}"));
        }
        let path = if qs.is_empty() {
            "/agenda".to_string()
        } else {
            format!("/agenda?{}", qs.join("&"))
        };
        navigate(
            &path,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let set_kind = set_filter.clone();
    view! {
        <h1>{tr(EventText::AgendaTitle)}</h1>
        <p class="lead">{tr(EventText::AgendaLead)}</p>
        <section class="filters" aria-labelledby="filters-title">
            <h2 id="filters-title" class="visually-hidden">{tr(EventText::FiltersTitle)}</h2>
            <div class="field">
                <label for="a-kind">{tr(EventText::FieldKind)}</label>
                <select id="a-kind" on:change=move |ev| set_kind("type", event_target_value(&ev))>
                    <option value="" selected=move || kind.get().is_empty()>{tr(EventText::AllKinds)}</option>
                    {EventKind::ALL.into_iter().map(|k| view! {
                        <option value=k.as_str() selected=move || kind.get() == k.as_str()>{tr(kind_label(k))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="a-audience">{tr(EventText::FieldAudience)}</label>
                <select id="a-audience" on:change=move |ev| set_filter("public", event_target_value(&ev))>
                    <option value="" selected=move || audience.get().is_empty()>{tr(EventText::AllAudiences)}</option>
                    {Audience::ALL.into_iter().map(|a| view! {
                        <option value=a.as_str() selected=move || audience.get() == a.as_str()>{tr(audience_label(a))}</option>
                    }).collect_view()}
                </select>
            </div>
        </section>
        {with_loaded(events, move |list: Vec<EventView>| {
            if list.is_empty() {
                return view! { <p class="status" role="status">{tr(EventText::NoEvents)}</p> }.into_any();
            }
            by_month(list)
                .into_iter()
                .map(|((year, month), events)| {
                    let id = format!("month-{year}-{month}");
                    let labelled_by = id.clone();
                    view! {
                        <section class="agenda-month" aria-labelledby=labelled_by>
                            <h2 id=id class="agenda-month__title">{move || format!("{} {year}", month_name(month, i18n.lang()))}</h2>
                            <ul class="cards">{events.into_iter().map(event_card).collect_view()}</ul>
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

fn event_card(ev: EventView) -> impl IntoView {
    let i18n = use_i18n();
    let heading = format!("event-{}", ev.id);
    let labelled_by = heading.clone();
    let href = format!("/agenda/{}", ev.id);
    let title = ev.title.clone();
    let link_title = ev.title.clone();
    let (e1, e2, e3, e4) = (ev.clone(), ev.clone(), ev.clone(), ev.clone());
    let full = ev.seats_left == 0 || ev.cancelled;
    let partner = (!ev.partner.is_empty()).then(|| ev.partner.clone());
    view! {
        <li class="card event-card" aria-labelledby=labelled_by>
            <p class="event-card__kind">{move || i18n.t(kind_label(e1.kind))}</p>
            <h3 id=heading>{move || i18n.pick(&title)}</h3>
            <p class="event-card__when"><strong>{move || when(&e2, i18n.lang())}</strong></p>
            <p>{move || place(&e3, i18n)}</p>
            {partner.map(|p| view! { <p>{move || i18n.f(EventText::WithPartner, &[("partner", &p)])}</p> })}
            {ev.age_min.is_some().then(|| view! { <p>{move || super::ages(&e4, i18n)}</p> })}
            <p class="tag" class:tag--warning=full>{move || seats_text(&ev, i18n)}</p>
            <p><a href=href class="button">{move || i18n.f(EventText::SeeEvent, &[("title", &i18n.pick(&link_title))])}</a></p>
        </li>
    }
}
