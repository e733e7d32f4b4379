//! The words of consultations, shared by the business pages, the volunteers' page and the staff's
//! board: a code's label, an appointment in a sentence, topic slugs as their names.

use domain::consultations::{
    Appointment, Availability, BusinessSize, CloseRequest, ConsultationStatus, LibraryCard,
    LibraryKind, Move, Place, ScheduleRequest, Topic, Trade,
};
use domain::endpoints as ep;
use domain::i18n::format_date_long;
use domain::Lang;
use leptos::prelude::*;

use crate::api::{self, ApiFailure};
use crate::components::form::{refused_here, ErrorSummary};
use crate::i18n::{tr, use_i18n, I18n};
use crate::text::ConsultText;

pub fn trade_label(t: Trade) -> ConsultText {
    match t {
        Trade::Artisan => ConsultText::TradeArtisan,
        Trade::Shop => ConsultText::TradeShop,
        Trade::Sme => ConsultText::TradeSme,
        Trade::Liberal => ConsultText::TradeLiberal,
        Trade::Association => ConsultText::TradeAssociation,
        Trade::Other => ConsultText::TradeOther,
    }
}

pub fn size_label(s: BusinessSize) -> ConsultText {
    match s {
        BusinessSize::Solo => ConsultText::SizeSolo,
        BusinessSize::Small => ConsultText::SizeSmall,
        BusinessSize::Medium => ConsultText::SizeMedium,
        BusinessSize::Large => ConsultText::SizeLarge,
    }
}

pub fn availability_label(a: Availability) -> ConsultText {
    match a {
        Availability::Mornings => ConsultText::Mornings,
        Availability::Afternoons => ConsultText::Afternoons,
        Availability::Evenings => ConsultText::Evenings,
    }
}

pub fn kind_label(k: LibraryKind) -> ConsultText {
    match k {
        LibraryKind::Guide => ConsultText::KindGuide,
        LibraryKind::Checklist => ConsultText::KindChecklist,
        LibraryKind::Link => ConsultText::KindLink,
    }
}

pub fn status_label(s: ConsultationStatus) -> ConsultText {
    match s {
        ConsultationStatus::New => ConsultText::StatusNew,
        ConsultationStatus::Assigned => ConsultText::StatusAssigned,
        ConsultationStatus::Scheduled => ConsultText::StatusScheduled,
        ConsultationStatus::Done => ConsultText::StatusDone,
        ConsultationStatus::Declined => ConsultText::StatusDeclined,
        ConsultationStatus::Cancelled => ConsultText::StatusCancelled,
    }
}

pub fn place_label(p: Place) -> ConsultText {
    match p {
        Place::Cantine => ConsultText::AtCantine,
        Place::Phone => ConsultText::PlacePhone,
        Place::Video => ConsultText::PlaceVideo,
    }
}

/// "Le matin, En soirée".
pub fn availability_words(list: &[Availability], i18n: I18n) -> String {
    list.iter()
        .map(|a| i18n.t(availability_label(*a)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "mardi 15 décembre, 14:00–15:00".
pub fn when(a: &Appointment, lang: Lang) -> String {
    format!(
        "{}, {}–{}",
        format_date_long(a.start.0.date(), lang),
        a.start.0.format("%H:%M"),
        a.end.0.format("%H:%M")
    )
}

/// Where, in words: "À Silicon Kerne — Salle de réunion — 18 rue …", "Par téléphone".
pub fn place(a: &Appointment, i18n: I18n) -> String {
    let mut out = i18n.t(place_label(a.place)).to_string();
    if let Some(r) = &a.resource {
        out.push_str(" — ");
        out.push_str(&i18n.pick(r));
    }
    if !a.address.is_empty() {
        out.push_str(" — ");
        out.push_str(&a.address);
    }
    out
}

/// The names of topic slugs, in the list's order ("Site internet, Facturation…").
pub fn topic_names(slugs: &[String], topics: &[Topic], i18n: I18n) -> String {
    topics
        .iter()
        .filter(|t| slugs.contains(&t.slug))
        .map(|t| i18n.pick(&t.label))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A form's title: an `h2` on its own page, an `h4` inside a card.
fn title(nested: bool, id: String, text: ConsultText) -> AnyView {
    if nested {
        view! { <h4 id=id>{tr(text)}</h4> }.into_any()
    } else {
        view! { <h2 id=id>{tr(text)}</h2> }.into_any()
    }
}

/// Set or move an appointment: the day, the times (half-hours), the place, and at the cantine the
/// room or a desk (the server holds it in the same step, or says it is taken).
#[component]
pub fn ScheduleForm(
    /// The request's id, in the form's element ids (a volunteer's page shows several).
    key: i64,
    /// Inside a request's card (whose title is an `h3`): the form's title is an `h4`.
    #[prop(optional)]
    nested: bool,
    current: Option<Appointment>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] on_send: Callback<ScheduleRequest>,
    /// The server's refusal of this form's last sending (a room taken, a time past), drawn in the
    /// form, where the person is, with what they chose still in the fields.
    #[prop(into)]
    refusal: Signal<Option<ApiFailure>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Checked here: no day (the server would name the start and the end, twice).
    let no_day = RwSignal::new(None::<ApiFailure>);
    let shown = Signal::derive(move || {
        no_day
            .get()
            .or_else(|| refusal.get().map(|f| in_this_form(f, key)))
    });
    let (day, start, end, at) = match &current {
        Some(a) => (
            a.start.0.format("%Y-%m-%d").to_string(),
            a.start.0.format("%H:%M").to_string(),
            a.end.0.format("%H:%M").to_string(),
            a.place.as_str().to_string(),
        ),
        None => (
            String::new(),
            "10:00".into(),
            "11:00".into(),
            "cantine".into(),
        ),
    };
    let (day, start, end, at) = (
        RwSignal::new(day),
        RwSignal::new(start),
        RwSignal::new(end),
        RwSignal::new(at),
    );
    let resource = RwSignal::new(String::from("salle-reunion"));
    view! {
        // A group, not a region: a volunteer's page holds one such form per request, and regions
        // of the same name are landmarks a screen reader cannot tell apart.
        <div class="card" role="group" aria-labelledby=format!("cs-schedule-{key}")>
            {title(nested, format!("cs-schedule-{key}"), ConsultText::ScheduleTitle)}
            <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let d = day.get_untracked();
                if d.is_empty() {
                    let lang = i18n.lang_untracked();
                    no_day.set(Some(refused_here(lang, vec![(format!("cs-day-{key}"), ConsultText::ChooseDay.text(lang).into())])));
                    return;
                }
                no_day.set(None);
                let place = at.get_untracked();
                on_send.run(ScheduleRequest {
                    start: format!("{d}T{}", start.get_untracked()),
                    end: format!("{d}T{}", end.get_untracked()),
                    resource: if place == "cantine" { resource.get_untracked() } else { String::new() },
                    place,
                });
            }>
                <ErrorSummary failure=shown labels=crate::components::form::NO_LABELS ids="" />
                <div class="field"><label for=format!("cs-day-{key}")>{tr(ConsultText::Day)}</label><input id=format!("cs-day-{key}") type="date" bind:value=day /></div>
                <div class="field"><label for=format!("cs-start-{key}")>{tr(ConsultText::Start)}</label><input id=format!("cs-start-{key}") type="time" step="1800" bind:value=start /></div>
                <div class="field"><label for=format!("cs-end-{key}")>{tr(ConsultText::End)}</label><input id=format!("cs-end-{key}") type="time" step="1800" bind:value=end /></div>
                <fieldset class="field" id=format!("cs-place-{key}") tabindex="-1">
                    <legend>{tr(ConsultText::Place)}</legend>
                    {Place::ALL.iter().map(|p| {
                        let value = p.as_str();
                        let id = format!("cs-place-{key}-{value}");
                        view! {
                            <div class="check">
                                <input type="radio" name=format!("cs-place-{key}") id=id.clone() prop:checked=move || at.get() == value on:change=move |_| at.set(value.to_string()) />
                                <label for=id>{tr(place_label(*p))}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <Show when=move || at.get() == "cantine">
                    <div class="field">
                        <label for=format!("cs-resource-{key}")>{tr(ConsultText::RoomOrDesk)}</label>
                        <select id=format!("cs-resource-{key}") on:change=move |ev| resource.set(event_target_value(&ev))>
                            <option value="salle-reunion" selected=move || resource.get() == "salle-reunion">{move || i18n.t(ConsultText::Room)}</option>
                            <option value="coworking" selected=move || resource.get() == "coworking">{move || i18n.t(ConsultText::Desk)}</option>
                        </select>
                    </div>
                </Show>
                <button type="submit" class="button" aria-disabled=move || pending.get().to_string()>{tr(ConsultText::Schedule)}</button>
            </form>
        </div>
    }
}

/// A refusal of the schedule form as its summary links it: each field the server names (`start`,
/// `end`, `place`, `resource`) is this form's own input.
fn in_this_form(failure: ApiFailure, key: i64) -> ApiFailure {
    match failure {
        ApiFailure::Api { status, mut body } => {
            body.fields = std::mem::take(&mut body.fields)
                .into_iter()
                .map(|(name, text)| (format!("cs-{name}-{key}"), text))
                .collect();
            ApiFailure::Api { status, body }
        }
        other => other,
    }
}

/// Whether a request can be closed as done now: at its step, and once its appointment (if any)
/// has begun, by the browser's clock (the server decides with its own).
pub fn done_yet(status: ConsultationStatus, appointment: Option<&Appointment>) -> bool {
    let now = crate::format::now_local();
    now.is_some_and(|now| Move::Complete.allowed_at(status, appointment.map(|a| a.start.0), now))
}

/// Close a request: done, with a note the requester reads and resources from the library to
/// recommend; or (staff only) declined, the note being the reason.
#[component]
pub fn CloseForm(
    /// The request's id, in the form's element ids.
    key: i64,
    /// Inside a request's card: the form's title is an `h4`.
    #[prop(optional)]
    nested: bool,
    allow_decline: bool,
    /// Whether "done" is offered (not before the appointment has begun).
    done_allowed: bool,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] on_send: Callback<CloseRequest>,
) -> impl IntoView {
    let i18n = use_i18n();
    let library = LocalResource::new(move || async move {
        api::call(ep::LIBRARY.query(&[("topic", ""), ("q", "")])).await
    });
    // Staff choose between done and declined: neither is chosen for them. A volunteer only
    // closes as done.
    let outcome = RwSignal::new(if allow_decline {
        String::new()
    } else {
        "done".to_string()
    });
    let note = RwSignal::new(String::new());
    let picked = RwSignal::new(Vec::<String>::new());
    let unchosen = RwSignal::new(None::<crate::api::ApiFailure>);
    let outcomes: Vec<(&str, ConsultText)> = [
        ("done", ConsultText::OutcomeDone),
        ("declined", ConsultText::OutcomeDeclined),
    ]
    .into_iter()
    .filter(|(value, _)| done_allowed || *value != "done")
    .collect();
    view! {
        <div class="card" role="group" aria-labelledby=format!("cs-close-{key}")>
            {title(nested, format!("cs-close-{key}"), ConsultText::CloseTitle)}
            <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                if outcome.with_untracked(String::is_empty) {
                    let lang = i18n.lang_untracked();
                    unchosen.set(Some(refused_here(lang, vec![(format!("cs-outcome-{key}"), ConsultText::ChooseOutcome.text(lang).into())])));
                    return;
                }
                unchosen.set(None);
                on_send.run(CloseRequest { outcome: outcome.get_untracked(), note: note.get_untracked(), resources: picked.get_untracked() });
            }>
                <ErrorSummary failure=Signal::derive(move || unchosen.get()) labels=crate::components::form::NO_LABELS ids="" />
                {allow_decline.then(|| view! {
                    <fieldset class="field" id=format!("cs-outcome-{key}") tabindex="-1">
                        <legend class="visually-hidden">{tr(ConsultText::CloseTitle)}</legend>
                        {outcomes.into_iter().map(|(value, label)| {
                            let id = format!("cs-outcome-{key}-{value}");
                            view! {
                                <div class="check">
                                    <input type="radio" name=format!("cs-outcome-{key}") id=id.clone() prop:checked=move || outcome.get() == value on:change=move |_| outcome.set(value.to_string()) />
                                    <label for=id>{tr(label)}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                })}
                <div class="field">
                    <label for=format!("cs-note-{key}")>{move || i18n.t(if allow_decline { ConsultText::Note } else { ConsultText::DoneNote })}</label>
                    <textarea id=format!("cs-note-{key}") rows="3" bind:value=note></textarea>
                </div>
                <Show when=move || outcome.get() == "done">
                    <fieldset class="field">
                        <legend>{tr(ConsultText::Recommended)}</legend>
                        {move || library.get().and_then(Result::ok).map(|list: Vec<LibraryCard>| list.into_iter().map(|r| {
                            let id = format!("cs-res-{key}-{}", r.slug);
                            let slug = r.slug.clone();
                            view! {
                                <div class="check">
                                    <input type="checkbox" id=id.clone() on:change=move |ev| {
                                        let (on, slug) = (event_target_checked(&ev), slug.clone());
                                        picked.update(|p| { p.retain(|s| *s != slug); if on { p.push(slug); } });
                                    } />
                                    <label for=id>{r.text(i18n.lang()).0.to_string()}</label>
                                </div>
                            }
                        }).collect_view())}
                    </fieldset>
                </Show>
                <button type="submit" class="button" aria-disabled=move || pending.get().to_string()>{tr(ConsultText::Close)}</button>
            </form>
        </div>
    }
}
