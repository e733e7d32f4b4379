//! `/inscription/:token`: a sign-up's private page (no account): where it stands (confirmed, or
//! waiting and at which position), the event, changing the seats, cancelling (which erases the
//! data), the `.ics`, the export of the data given, and when the children's data goes.

use domain::endpoints as ep;
use domain::events::{EventPhase, RegistrationStatus, RegistrationView, SeatsChange, SignupState};
use domain::i18n::format_date_long;
use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

use super::{event_facts, Group, GroupControls, SEAT_LABELS};
use crate::api::{self, Request};
use crate::components::calendar::failure_alert;
use crate::components::confirm::ConfirmButton;
use crate::components::form::{field_errors, ErrorSummary};
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n, use_title, I18n};
use crate::text::{SharedText, SignupText};

#[derive(Params, Debug, Clone, PartialEq)]
struct RegistrationPath {
    token: Option<String>,
}

/// "Confirmée — 3 places", "Liste d'attente — position 2", "Inscription annulée."
pub fn status_text(
    status: RegistrationStatus,
    seats: u32,
    position: Option<u32>,
    i18n: I18n,
) -> String {
    match status {
        RegistrationStatus::Confirmed => i18n.count(
            SignupText::ConfirmedOne,
            SignupText::ConfirmedOther,
            u64::from(seats),
        ),
        RegistrationStatus::Waiting => i18n.f(
            SignupText::WaitingPosition,
            &[("position", &position.unwrap_or(0).to_string())],
        ),
        RegistrationStatus::Cancelled => i18n.t(SignupText::RegistrationCancelled).to_string(),
    }
}

#[component]
pub fn RegistrationPage() -> impl IntoView {
    use_title(SignupText::RegistrationTitle);
    let token = use_params::<RegistrationPath>()
        .with_untracked(|p| p.as_ref().ok().and_then(|p| p.token.clone()))
        .unwrap_or_default();
    let token = StoredValue::new(token);
    let change: Request<SeatsChange, RegistrationView> =
        Action::new_local(move |req: &SeatsChange| {
            let (req, token) = (req.clone(), token.get_value());
            async move { api::send(ep::CHANGE_REGISTRATION.at(&[&token]), &req).await }
        });
    let cancel: Request<()> = Action::new_local(move |_: &()| {
        let token = token.get_value();
        async move { api::call(ep::CANCEL_REGISTRATION.at(&[&token])).await }
    });
    // Reloaded after a change that was saved, never after a refusal: the form keeps what was typed
    // beside the message saying what to fix.
    let saves = RwSignal::new(0u32);
    Effect::new(move |_| {
        if change.value().with(|v| matches!(v, Some(Ok(_)))) {
            saves.update(|n| *n += 1);
        }
    });
    let registration = LocalResource::new(move || {
        saves.get();
        let token = token.get_value();
        async move { api::call(ep::REGISTRATION.at(&[&token])).await }
    });
    // Once the saved seats are drawn again, the keyboard goes on from the message saying so.
    Effect::new(move |_| {
        registration.track();
        if saves.get_untracked() > 0 {
            crate::components::focus::focus_after_draw("#seats-saved");
        }
    });
    let cancelled = move || api::answer_of(cancel).is_some();
    // The answer replaces the button that had the focus: the notice takes it, in view.
    crate::components::focus::focus_on_success(cancel, "#cancelled-done");
    view! {
        <h1>{tr(SignupText::RegistrationTitle)}</h1>
        <Show when=move || !cancelled() fallback=cancelled_notice>
            {failure_alert(api::failure_of(cancel))}
            {with_loaded(registration, move |r: RegistrationView| registration_view(r, token, change, cancel))}
        </Show>
    }
}

/// What a cancelled sign-up's link says, right after cancelling and on every visit after: it is
/// cancelled and what was given is erased (nothing else is left to show).
fn cancelled_notice() -> impl IntoView {
    view! {
        <div class="notice" role="status" id="cancelled-done" tabindex="-1">
            <p>{tr(SignupText::CancelledDone)}</p>
            <p><a href="/agenda" class="button">{tr(SignupText::BackToAgenda)}</a></p>
        </div>
    }
}

fn registration_view(
    r: RegistrationView,
    token: StoredValue<String>,
    change: Request<SeatsChange, RegistrationView>,
    cancel: Request<()>,
) -> AnyView {
    if r.status == RegistrationStatus::Cancelled {
        return cancelled_notice().into_any();
    }
    let i18n = use_i18n();
    let (status, seats, position) = (r.status, r.seats, r.position);
    let requested = r.seats_requested;
    let title = r.event.title.clone();
    let active = status != RegistrationStatus::Cancelled;
    // Nothing changes once the event has started (the API refuses it too).
    let upcoming = r.phase == EventPhase::Upcoming;
    let can_change =
        active && upcoming && r.event.signups == SignupState::Open && !r.children_erased;
    let phase_note = match r.phase {
        EventPhase::Upcoming => None,
        EventPhase::UnderWay => Some(SignupText::EventUnderWay),
        EventPhase::Over => Some(SignupText::EventOver),
    };
    let erase_on = r.erase_children_on;
    let erased = r.children_erased;
    let has_children = r.children > 0 || !r.named_children.is_empty();
    let group = Group::new(&r.event, r.adults, r.children, &r.named_children);
    let failure = api::failure_of(change);
    let errors = field_errors(failure);
    let saved = move || api::answer_of(change).is_some();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        api::start(
            change,
            SeatsChange {
                adults: group.adults_untracked(),
                children: group.children_untracked(),
            },
        );
    };
    let ics = ep::REGISTRATION_ICS.at(&[&token.get_value()]).url;
    let export = ep::EXPORT_REGISTRATION.at(&[&token.get_value()]).url;
    view! {
        <section class="card" aria-labelledby="registration-status">
            <h2 id="registration-status" class=format!("registration-status registration-status--{}", status.as_str())>
                {move || status_text(status, seats, position, i18n)}
            </h2>
            {phase_note.map(|note| view! { <p class="notice" role="status">{tr(note)}</p> })}
            {(status == RegistrationStatus::Waiting && upcoming).then(|| view! {
                <p>{move || i18n.f(SignupText::WaitingNote, &[("count", &requested.to_string())])}</p>
            })}
            <dl class="facts-list">
                <dt>{tr(SignupText::SignedUpAs)}</dt>
                <dd>{r.name.clone()}" · "{r.email.clone()}</dd>
            </dl>
            {has_children.then(|| match (erased, erase_on) {
                (true, _) => Some(view! { <p class="note">{tr(SignupText::ChildrenErased)}</p> }.into_any()),
                (false, Some(date)) => Some(view! {
                    <p class="note">{move || i18n.f(SignupText::EraseChildrenOn, &[("date", &format_date_long(date, i18n.lang()))])}</p>
                }.into_any()),
                _ => None,
            })}
            <div class="actions">
                {(active && upcoming).then(|| view! {
                    <a href=ics download="" class="button button--secondary">{tr(SignupText::DownloadIcs)}</a>
                })}
                <a href=export download="" class="button button--secondary">{tr(SignupText::ExportData)}</a>
            </div>
        </section>
        <section class="card" aria-labelledby="registration-event">
            <h2 id="registration-event">{move || i18n.pick(&title)}</h2>
            {event_facts(&r.event)}
        </section>
        {can_change.then(|| view! {
            <section class="card" aria-labelledby="change-seats">
                <h2 id="change-seats">{tr(SignupText::ChangeSeatsTitle)}</h2>
                <p class="field__hint">{tr(SignupText::ChangeSeatsHint)}</p>
                <form class="form" novalidate on:submit=on_submit>
                    <ErrorSummary failure labels=SEAT_LABELS />
                    <GroupControls group errors />
                    <p class="notice-line" role="status" id="seats-saved" tabindex="-1">{move || saved().then(|| i18n.t(SignupText::SeatsSaved))}</p>
                    <button type="submit" class="button" aria-disabled=move || change.pending().get().to_string()>{tr(SignupText::SaveSeats)}</button>
                </form>
            </section>
        })}
        {(active && upcoming).then(|| view! {
            <section class="card" aria-labelledby="cancel-registration-q">
                <h2 class="visually-hidden">{tr(SharedText::Cancel)}</h2>
                <ConfirmButton
                    label=SignupText::CancelRegistration
                    question=SignupText::CancelRegistrationQuestion
                    yes=SignupText::CancelRegistrationYes
                    no=SignupText::KeepRegistration
                    id="cancel-registration-q"
                    pending=cancel.pending()
                    on_yes=move |_| api::start(cancel, ())
                />
            </section>
        })}
    }
    .into_any()
}
