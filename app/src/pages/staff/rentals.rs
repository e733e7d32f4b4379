//! `/gestion/locations`: room rental requests by status; approving books the room in the same step
//! (the API refuses with a message when the room was taken meanwhile), declining takes a reason.
//! `/gestion/locations/:id/devis`: a request's quote, as its requester sees and prints it.

use domain::endpoints as ep;
use domain::i18n::{format_date_long, format_euros};
use domain::wire::{DeclineRequest, RentalView};
use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

use crate::api::{self, ApiFailure, Request};
use crate::components::calendar::{hours, period_in_sentence};
use crate::components::form::{field_errors, ErrorSummary, Field};
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n};
use crate::pages::guest::rental_status::{quote_view, rental_status_label};
use crate::text::{SharedText, StaffText};

#[component]
pub fn StaffRentals() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffRentalsTitle content=|_| view! { <Rentals /> } /> }
}

/// (rental, reason): approves the rental (no reason) or declines it with the reason.
type Decision = Request<(i64, Option<String>)>;

fn decision() -> Decision {
    Action::new_local(move |(id, reason): &(i64, Option<String>)| {
        let (id, reason) = (*id, reason.clone());
        async move {
            match reason {
                Some(reason) => {
                    api::send(ep::DECLINE_RENTAL.at(&[&id]), &DeclineRequest { reason }).await
                }
                None => api::call(ep::APPROVE_RENTAL.at(&[&id])).await.map(drop),
            }
        }
    })
}

const STATUSES: &[(&str, SharedText)] = &[
    ("pending", SharedText::RentalPending),
    ("approved", SharedText::RentalApproved),
    ("declined", SharedText::RentalDeclined),
    ("cancelled", SharedText::RentalCancelled),
];

#[component]
fn Rentals() -> impl IntoView {
    let i18n = use_i18n();
    let status = RwSignal::new("pending".to_string());
    // One action for both decisions: a reason means "decline".
    let decision = decision();
    // The list is read again after a decision made, never after a refusal: the reason typed and
    // the open box stay, with the refusal in them.
    let decided = api::successes(decision);
    let list = LocalResource::new(move || {
        decided.get();
        let s = status.get();
        async move { api::call(ep::LIST_RENTALS.query(&[("status", &s)])).await }
    });
    let failure = api::failure_of(decision);
    // Which request the last decision was for: its refusal is drawn in that request's card.
    let tried = RwSignal::new(None::<i64>);
    crate::components::focus::focus_on_success(decision, "#decision-done");
    view! {
        <div class="field">
            <label for="r-status">{tr(StaffText::FieldStatus)}</label>
            <select id="r-status" on:change=move |ev| status.set(event_target_value(&ev))>
                {STATUSES.iter().map(|(v, l)| view! { <option value=*v>{tr(*l)}</option> }).collect_view()}
            </select>
        </div>
        <p class="notice-line" role="status" id="decision-done" tabindex="-1">{move || api::answer_of(decision).is_some().then(|| i18n.t(StaffText::DecisionSaved))}</p>
        {with_loaded(list, move |rentals: Vec<RentalView>| {
            if rentals.is_empty() {
                return view! { <p>{tr(StaffText::NoRentals)}</p> }.into_any();
            }
            view! { <ul class="cards">{rentals.into_iter().map(|r| rental_card(r, decision, tried, failure)).collect_view()}</ul> }.into_any()
        })}
    }
}

#[derive(Params, Debug, Clone, PartialEq)]
struct RentalPath {
    id: Option<String>,
}

#[component]
pub fn StaffRentalQuote() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffQuoteTitle content=|_| view! { <Quote /> } /> }
}

/// The quote of one request, to read on the phone or print (read from the list of every status:
/// the list already carries each quote).
#[component]
fn Quote() -> impl IntoView {
    let id: i64 = use_params::<RentalPath>()
        .with_untracked(|p| p.as_ref().ok().and_then(|p| p.id.clone()))
        .and_then(|id| id.parse().ok())
        .unwrap_or(0);
    let list = LocalResource::new(move || api::call(ep::LIST_RENTALS.query(&[("status", "")])));
    view! {
        {with_loaded(list, move |rentals: Vec<RentalView>| {
            match rentals.into_iter().find(|r| r.id == id) {
                None => view! { <p>{tr(StaffText::NoSuchQuote)}</p> }.into_any(),
                Some(r) => view! {
                    <div class="actions no-print">
                        <a class="button button--secondary" href="/gestion/locations">{tr(StaffText::BackToRentals)}</a>
                        <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{tr(StaffText::PrintQuote)}</button>
                    </div>
                    {quote_view(&r)}
                }.into_any(),
            }
        })}
    }
}

const REASON: &[(&str, StaffText)] = &[("reason", StaffText::FieldDeclineReason)];

fn rental_card(
    r: RentalView,
    decision: Decision,
    tried: RwSignal<Option<i64>>,
    failure: Signal<Option<ApiFailure>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let declining = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let id = r.id;
    let heading = format!("rental-{id}");
    let labelled_by = heading.clone();
    let date = r.date;
    let span = hours(&r.start, &r.end);
    let price = r.price_cents;
    let pending = r.status == "pending";
    let mailto = format!("mailto:{}", r.email);
    let mine = Signal::derive(move || (tried.get() == Some(id)).then(|| failure.get()).flatten());
    let errors = field_errors(mine);
    view! {
        <li class="card rental" aria-labelledby=labelled_by data-organisation=r.organisation.clone()>
            <h2 id=heading>{r.organisation.clone()}</h2>
            <p class="tag">{tr(rental_status_label(&r.status))}</p>
            <dl class="facts-list">
                <dt>{tr(SharedText::FieldDate)}</dt>
                <dd>{move || format_date_long(date, i18n.lang())}", "{period_in_sentence(Some(r.period))}" ("{span.clone()}")"</dd>
                <dt>{tr(SharedText::FieldName)}</dt><dd>{r.contact_name.clone()}" · "<a href=mailto>{r.email.clone()}</a>" "{r.phone.clone()}</dd>
                <dt>{tr(SharedText::FieldAttendees)}</dt><dd>{r.attendees}{r.needs_visio.then(|| view! { " · "{tr(StaffText::WithVisio)} })}</dd>
                <dt>{tr(SharedText::Price)}</dt><dd>{move || format_euros(price, i18n.lang())}</dd>
            </dl>
            {(!r.message.is_empty()).then(|| view! { <blockquote class="motivation">{r.message.clone()}</blockquote> })}
            // The quote the requester received, to read or print (not for a declined or cancelled one).
            {(pending || r.status == "approved").then(|| view! {
                <p><a href=format!("/gestion/locations/{id}/devis")>{move || i18n.f(StaffText::SeeQuote, &[("number", &r.quote.number)])}</a></p>
            })}
            {pending.then(|| view! {
                <Show when=move || !declining.get()>
                    <ErrorSummary failure=mine labels=REASON />
                </Show>
                <div class="actions">
                    <button type="button" class="button" aria-disabled=move || decision.pending().get().to_string()
                        on:click=move |_| { tried.set(Some(id)); api::start(decision, (id, None)) }>{tr(StaffText::Approve)}</button>
                    <button type="button" class="button button--secondary" aria-expanded=move || declining.get().to_string()
                        on:click=move |_| declining.update(|d| *d = !*d)>{tr(StaffText::Decline)}</button>
                </div>
                <Show when=move || declining.get()>
                    <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        tried.set(Some(id));
                        api::start(decision, (id, Some(reason.get_untracked())));
                    }>
                        <ErrorSummary failure=mine labels=REASON />
                        <Field name="reason" label=StaffText::FieldDeclineReason value=reason errors multiline=true required=true />
                        <button type="submit" class="button button--danger" aria-disabled=move || decision.pending().get().to_string()>{tr(StaffText::ConfirmDecline)}</button>
                    </form>
                    </Show>
            })}
        </li>
    }
}
