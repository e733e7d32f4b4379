//! `/gestion/evenements`: the events (upcoming first, then past; cancelled ones marked) with their
//! seats and waiting list, and the form that publishes one. The form is the edit page's too.

use domain::endpoints as ep;
use std::collections::BTreeMap;

use chrono::Months;
use domain::events::EventKind;
use domain::events::{Audience, EventInput, EventView};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::{self, Request};
use crate::components::form::{field_error, field_errors, input_id, ErrorSummary, Field};
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::format::{now_local, today};
use crate::i18n::{tr, use_i18n};
use crate::pages::events::{audience_label, kind_label, place, when};
use crate::site::use_site;
use crate::text::{EventText, StaffText};

#[component]
pub fn StaffEvents() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffEventsTitle content=|_| view! { <Events /> } /> }
}

#[component]
fn Events() -> impl IntoView {
    let navigate = use_navigate();
    let publishing = RwSignal::new(false);
    let (from, to) = match today() {
        Some(d) => (
            d.checked_sub_months(Months::new(3))
                .unwrap_or(d)
                .to_string(),
            // The API reads at most 400 days at once: three months back, nine ahead.
            d.checked_add_months(Months::new(9))
                .unwrap_or(d)
                .to_string(),
        ),
        None => (String::new(), String::new()),
    };
    let list = LocalResource::new(move || {
        let (from, to) = (from.clone(), to.clone());
        async move { api::call(ep::STAFF_EVENTS.query(&[("from", &from), ("to", &to)])).await }
    });
    let blank = EventInput {
        kind: "children_workshop".into(),
        audience: "families".into(),
        in_room: true,
        capacity: 12,
        max_per_signup: 3,
        ..EventInput::default()
    };
    // A published event opens its own page.
    let on_saved = Callback::new(move |ev: EventView| {
        navigate(
            &format!("/gestion/evenements/{}", ev.id),
            Default::default(),
        );
    });
    view! {
        <div class="actions">
            <button type="button" class="button" aria-expanded=move || publishing.get().to_string()
                aria-controls="publish-event"
                on:click=move |_| publishing.update(|p| *p = !*p)>{tr(StaffText::PublishEvent)}</button>
        </div>
        <Show when=move || publishing.get()>
            <section class="card" id="publish-event" aria-labelledby="publish-title">
                <h2 id="publish-title">{tr(StaffText::PublishEvent)}</h2>
                <EventForm id=None initial=blank.clone() on_saved />
            </section>
        </Show>
        <super::club_rules::ClubRules />
        {with_loaded(list, move |events: Vec<EventView>| {
            if events.is_empty() {
                return view! { <p>{tr(StaffText::NoStaffEvents)}</p> }.into_any();
            }
            let now = now_local();
            let (mut upcoming, mut past): (Vec<EventView>, Vec<EventView>) =
                events.into_iter().partition(|e| now.is_none_or(|n| e.ends_at.0 >= n));
            upcoming.sort_by_key(|e| e.starts_at);
            past.sort_by_key(|e| std::cmp::Reverse(e.starts_at));
            view! {
                <section aria-labelledby="upcoming-title">
                    <h2 id="upcoming-title">{tr(StaffText::UpcomingEvents)}</h2>
                    <ul class="cards">{upcoming.into_iter().map(staff_event_card).collect_view()}</ul>
                </section>
                {(!past.is_empty()).then(|| view! {
                    <section aria-labelledby="past-title">
                        <h2 id="past-title">{tr(StaffText::PastEvents)}</h2>
                        <ul class="cards">{past.into_iter().map(staff_event_card).collect_view()}</ul>
                    </section>
                })}
            }
            .into_any()
        })}
    }
}

fn staff_event_card(ev: EventView) -> impl IntoView {
    let i18n = use_i18n();
    let heading = format!("staff-event-{}", ev.id);
    let labelled_by = heading.clone();
    let title = ev.title.clone();
    let (e1, e2) = (ev.clone(), ev.clone());
    let confirmed = ev.capacity.saturating_sub(ev.seats_left).to_string();
    let capacity = ev.capacity.to_string();
    let waiting = ev.waiting;
    let kind = ev.kind;
    let edit = format!("/gestion/evenements/{}", ev.id);
    let signups = format!("/gestion/evenements/{}/inscrits", ev.id);
    view! {
        <li class="card event-card" aria-labelledby=labelled_by class:event-card--cancelled=ev.cancelled>
            <h3 id=heading>{move || i18n.pick(&title)}</h3>
            <p>
                <span class="tag">{move || i18n.t(kind_label(kind))}</span>
                {ev.cancelled.then(|| view! { <span class="tag tag--warning">{tr(EventText::Cancelled)}</span> })}
            </p>
            <p><strong>{move || when(&e1, i18n.lang())}</strong>" · "{move || place(&e2, i18n)}</p>
            <p>
                {move || i18n.f(StaffText::EventSeatsConfirmed, &[("confirmed", &confirmed), ("capacity", &capacity)])}
                {(waiting > 0).then(|| view! { " · "{move || i18n.f(StaffText::EventWaiting, &[("count", &waiting.to_string())])} })}
            </p>
            <div class="actions">
                <a href=signups class="button">{tr(StaffText::EventSignups)}</a>
                <a href=edit class="button button--secondary">{tr(StaffText::EditEvent)}</a>
            </div>
        </li>
    }
}

/// The staff's form of an event, filled from what the API shows.
pub fn input_of(ev: &EventView) -> EventInput {
    let other = |fr: &String, en: &String| if en == fr { String::new() } else { en.clone() };
    EventInput {
        kind: ev.kind.as_str().into(),
        title_fr: ev.title.fr.clone(),
        title_en: other(&ev.title.fr, &ev.title.en),
        description_fr: ev.description.fr.clone(),
        description_en: other(&ev.description.fr, &ev.description.en),
        bring_fr: ev.bring.fr.clone(),
        bring_en: other(&ev.bring.fr, &ev.bring.en),
        audience: ev.audience.as_str().into(),
        starts_at: ev.starts_at.to_string(),
        ends_at: ev.ends_at.to_string(),
        in_room: ev.in_room,
        place: ev.place.clone(),
        address: ev.address.clone(),
        capacity: ev.capacity,
        max_per_signup: ev.max_per_signup,
        age_min: ev.age_min,
        age_max: ev.age_max,
        partner: ev.partner.clone(),
        signup_opens_at: ev.signup_opens_at.to_string(),
        signup_closes_at: ev.signup_closes_at.to_string(),
        asks_children: ev.asks_children,
        seats_for: ev.seats_for.as_str().into(),
        club: ev.club.clone().unwrap_or_default(),
        cancelled: ev.cancelled,
    }
}

const LABELS: &[(&str, StaffText)] = &[
    ("kind", StaffText::FieldKind),
    ("title_fr", StaffText::FieldTitleFr),
    ("title_en", StaffText::FieldTitleEn),
    ("audience", StaffText::FieldAudience),
    ("seats_for", StaffText::FieldSeatsFor),
    ("asks_children", StaffText::FieldAsksChildren),
    ("starts_at", StaffText::FieldStartsAt),
    ("ends_at", StaffText::FieldEndsAt),
    ("place", StaffText::FieldPlace),
    ("address", StaffText::FieldAddress),
    ("capacity", StaffText::FieldCapacity),
    ("max_per_signup", StaffText::FieldMaxPerSignup),
    ("age_min", StaffText::FieldAgeMin),
    ("age_max", StaffText::FieldAgeMax),
    ("partner", StaffText::FieldPartner),
    ("signup_opens_at", StaffText::FieldSignupOpens),
    ("signup_closes_at", StaffText::FieldSignupCloses),
    ("club", StaffText::FieldClub),
];

fn text(s: &str) -> RwSignal<String> {
    RwSignal::new(s.to_string())
}

fn opt_number(n: Option<u32>) -> RwSignal<String> {
    RwSignal::new(n.map(|n| n.to_string()).unwrap_or_default())
}

fn parse_opt(s: &str) -> Option<u32> {
    s.trim().parse().ok()
}

/// A labelled `<select>` of `options` (value, label) bound to `value`, with its error.
fn select_field(
    name: &'static str,
    label: StaffText,
    value: RwSignal<String>,
    options: Vec<(String, Signal<String>)>,
    errors: Signal<BTreeMap<String, String>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=input_id(name)>{tr(label)}</label>
            <select id=input_id(name) name=name
                aria-invalid=move || errors.with(|e| e.contains_key(name)).then_some("true")
                on:change=move |ev| value.set(event_target_value(&ev))>
                {options.into_iter().map(|(v, l)| {
                    let selected = {
                        let v = v.clone();
                        move || value.get() == v
                    };
                    view! { <option value=v selected=selected>{move || l.get()}</option> }
                }).collect_view()}
            </select>
            {field_error(errors, name)}
        </div>
    }
}

/// Every field of an event: `POST` when `id` is `None`, else `PATCH` of the whole event.
#[component]
pub fn EventForm(
    id: Option<i64>,
    initial: EventInput,
    #[prop(into)] on_saved: Callback<EventView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let site = use_site().0;
    let i = &initial;
    let kind = text(&i.kind);
    let title_fr = text(&i.title_fr);
    let title_en = text(&i.title_en);
    let description_fr = text(&i.description_fr);
    let description_en = text(&i.description_en);
    let bring_fr = text(&i.bring_fr);
    let bring_en = text(&i.bring_en);
    let audience = text(&i.audience);
    let starts_at = text(&i.starts_at);
    let ends_at = text(&i.ends_at);
    let in_room = RwSignal::new(i.in_room);
    let place = text(&i.place);
    let address = text(&i.address);
    let capacity = text(&i.capacity.to_string());
    let max_per_signup = text(&i.max_per_signup.to_string());
    let age_min = opt_number(i.age_min);
    let age_max = opt_number(i.age_max);
    let partner = text(&i.partner);
    let signup_opens_at = text(&i.signup_opens_at);
    let signup_closes_at = text(&i.signup_closes_at);
    let asks_children = RwSignal::new(i.asks_children);
    let seats_for = text(&i.seats_for);
    let club = text(&i.club);
    let cancelled = i.cancelled;
    let save: Request<EventInput, EventView> = Action::new_local(move |req: &EventInput| {
        let req = req.clone();
        let call = match id {
            None => ep::CREATE_EVENT.into(),
            Some(id) => ep::UPDATE_EVENT.at(&[&id]),
        };
        async move { api::send(call, &req).await }
    });
    let failure = api::failure_of(save);
    let errors = field_errors(failure);
    Effect::new(move |_| {
        if let Some(ev) = api::answer_of(save) {
            on_saved.run(ev);
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let number = |s: RwSignal<String>| s.get_untracked().trim().parse().unwrap_or(0);
        api::start(
            save,
            EventInput {
                kind: kind.get_untracked(),
                title_fr: title_fr.get_untracked(),
                title_en: title_en.get_untracked(),
                description_fr: description_fr.get_untracked(),
                description_en: description_en.get_untracked(),
                bring_fr: bring_fr.get_untracked(),
                bring_en: bring_en.get_untracked(),
                audience: audience.get_untracked(),
                starts_at: starts_at.get_untracked(),
                ends_at: ends_at.get_untracked(),
                in_room: in_room.get_untracked(),
                place: place.get_untracked(),
                address: address.get_untracked(),
                capacity: number(capacity),
                max_per_signup: number(max_per_signup),
                age_min: parse_opt(&age_min.get_untracked()),
                age_max: parse_opt(&age_max.get_untracked()),
                partner: partner.get_untracked(),
                signup_opens_at: signup_opens_at.get_untracked(),
                signup_closes_at: signup_closes_at.get_untracked(),
                asks_children: asks_children.get_untracked(),
                seats_for: seats_for.get_untracked(),
                club: if kind.get_untracked() == "club_meeting" {
                    club.get_untracked()
                } else {
                    String::new()
                },
                cancelled,
            },
        );
    };
    let kinds = EventKind::ALL
        .into_iter()
        .map(|k| {
            let l = kind_label(k);
            (
                k.as_str().to_string(),
                Signal::derive(move || i18n.t(l).to_string()),
            )
        })
        .collect();
    let audiences = Audience::ALL
        .into_iter()
        .map(|a| {
            let l = audience_label(a);
            (
                a.as_str().to_string(),
                Signal::derive(move || i18n.t(l).to_string()),
            )
        })
        .collect();
    let seats_for_options = [
        ("", StaffText::SeatsForKind),
        ("everyone", StaffText::SeatsForEveryone),
        ("children", StaffText::SeatsForChildren),
        ("adults", StaffText::SeatsForAdults),
    ]
    .into_iter()
    .map(|(v, l)| (v.to_string(), Signal::derive(move || i18n.t(l).to_string())))
    .collect();
    let clubs = move || {
        let mut options = vec![(
            String::new(),
            Signal::derive(move || i18n.t(StaffText::ChooseClub).to_string()),
        )];
        if let Some(Ok(site)) = site.get() {
            options.extend(site.clubs.into_iter().map(|c| {
                let name = c.name.clone();
                (c.slug, Signal::derive(move || i18n.pick(&name)))
            }));
        }
        select_field("club", StaffText::FieldClub, club, options, errors)
    };
    view! {
        <form class="form" novalidate on:submit=on_submit>
            <ErrorSummary failure labels=LABELS />
            {select_field("kind", StaffText::FieldKind, kind, kinds, errors)}
            <Show when=move || kind.get() == "club_meeting">{clubs}</Show>
            <Field name="title_fr" label=StaffText::FieldTitleFr value=title_fr errors required=true />
            <Field name="title_en" label=StaffText::FieldTitleEn value=title_en errors />
            <Field name="description_fr" label=StaffText::FieldDescriptionFr value=description_fr errors multiline=true />
            <Field name="description_en" label=StaffText::FieldDescriptionEn value=description_en errors multiline=true />
            <Field name="bring_fr" label=StaffText::FieldBringFr value=bring_fr errors />
            <Field name="bring_en" label=StaffText::FieldBringEn value=bring_en errors />
            {select_field("audience", StaffText::FieldAudience, audience, audiences, errors)}
            <Field name="starts_at" label=StaffText::FieldStartsAt value=starts_at errors kind="datetime-local" required=true />
            <Field name="ends_at" label=StaffText::FieldEndsAt value=ends_at errors kind="datetime-local" required=true />
            <div class="check">
                <input type="checkbox" id="f-in_room" prop:checked=move || in_room.get()
                    on:change=move |ev| in_room.set(event_target_checked(&ev)) />
                <label for="f-in_room">{tr(StaffText::FieldInRoom)}</label>
            </div>
            {field_error(errors, "in_room")}
            <Show when=move || !in_room.get()>
                <Field name="place" label=StaffText::FieldPlace value=place errors required=true />
                <Field name="address" label=StaffText::FieldAddress value=address errors required=true autocomplete="off" />
            </Show>
            <Field name="capacity" label=StaffText::FieldCapacity value=capacity errors kind="number" inputmode="numeric" required=true />
            <Field name="max_per_signup" label=StaffText::FieldMaxPerSignup value=max_per_signup errors kind="number" inputmode="numeric" required=true />
            <Field name="age_min" label=StaffText::FieldAgeMin value=age_min errors kind="number" inputmode="numeric" />
            <Field name="age_max" label=StaffText::FieldAgeMax value=age_max errors kind="number" inputmode="numeric" />
            {select_field("seats_for", StaffText::FieldSeatsFor, seats_for, seats_for_options, errors)}
            <div class="check">
                <input type="checkbox" id="f-asks_children" prop:checked=move || asks_children.get()
                    on:change=move |ev| asks_children.set(event_target_checked(&ev)) />
                <label for="f-asks_children">{tr(StaffText::FieldAsksChildren)}</label>
            </div>
            <Field name="partner" label=StaffText::FieldPartner value=partner errors />
            <Field name="signup_opens_at" label=StaffText::FieldSignupOpens value=signup_opens_at errors kind="datetime-local" />
            <Field name="signup_closes_at" label=StaffText::FieldSignupCloses value=signup_closes_at errors kind="datetime-local" />
            <p class="notice-line" role="status">{move || api::answer_of(save).is_some().then(|| i18n.t(StaffText::EventSaved))}</p>
            <button type="submit" class="button" aria-disabled=move || save.pending().get().to_string()>{tr(StaffText::SaveEvent)}</button>
        </form>
    }
}
