//! `/gestion/evenements/:id`: edit an event with the same form as publishing (raising the capacity
//! promotes from the waiting list; the API refuses a capacity below the seats taken), or cancel it
//! (everyone signed up and waiting gets an email).

use domain::endpoints as ep;
use domain::events::{EventInput, EventRegistrations, EventView};
use leptos::prelude::*;

use super::events::{input_of, EventForm};
use crate::api::{self, Request};
use crate::components::calendar::failure_alert;
use crate::components::confirm::ConfirmButton;
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n};
use crate::pages::events::when;
use crate::text::StaffText;

#[component]
pub fn StaffEventEdit() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffEventTitle content=|_| view! { <EditEvent /> } /> }
}

#[component]
fn EditEvent() -> impl IntoView {
    let i18n = use_i18n();
    let id = crate::address::id_in_path();
    let cancel: Request<EventInput, EventView> = Action::new_local(move |req: &EventInput| {
        let req = req.clone();
        async move { api::send(ep::UPDATE_EVENT.at(&[&id]), &req).await }
    });
    let data = LocalResource::new(move || {
        cancel.version().get();
        async move { api::call(ep::EVENT_REGISTRATIONS.at(&[&id])).await }
    });
    view! {
        {failure_alert(api::failure_of(cancel))}
        {with_loaded(data, move |r: EventRegistrations| {
            let ev = r.event;
            let input = input_of(&ev);
            let cancelled = ev.cancelled;
            let signups = format!("/gestion/evenements/{id}/inscrits");
            // The header shows what was saved last, not what the page loaded with.
            let shown = RwSignal::new(ev);
            view! {
                <h2>{move || shown.with(|e| i18n.pick(&e.title))}</h2>
                <p>{move || shown.with(|e| when(e, i18n.lang()))}" · "<a href=signups>{tr(StaffText::EventSignups)}</a></p>
                {cancelled.then(|| view! { <p class="notice" role="status">{tr(StaffText::EventIsCancelled)}</p> })}
                <EventForm id=Some(id) initial=input.clone() on_saved=move |saved: EventView| shown.set(saved) />
                {(!cancelled).then(|| {
                    let input = input.clone();
                    view! {
                        <ConfirmButton
                            label=StaffText::CancelEvent
                            question=StaffText::CancelEventQuestion
                            yes=StaffText::CancelEventYes
                            id="cancel-event-q"
                            pending=cancel.pending()
                            on_yes=move |_| api::start(cancel, EventInput { cancelled: true, ..input.clone() })
                        />
                    }
                })}
            }
        })}
    }
}
