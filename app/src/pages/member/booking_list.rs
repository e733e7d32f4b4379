//! `/mes-reservations`: the member's bookings (upcoming, then past and cancelled), cancelling with a
//! confirmation, an `.ics` file per booking, and the private calendar feed for phone calendars.

use domain::endpoints as ep;
use domain::wire::{Booking, BookingStatus, CalendarFeed};
use leptos::prelude::*;

use crate::api::ApiFailure;
use crate::api::{self, Request};
use crate::components::calendar::{
    day_label, failure_alert, failure_lines, hours, is_upcoming, period_label,
};
use crate::components::offline::OfflineNotice;
use crate::components::session::{guarded, Audience};
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n, use_title};
use crate::text::{AccountText, MemberText, SharedText};

#[component]
pub fn MyBookings() -> impl IntoView {
    use_title(SharedText::NavMyBookings);
    view! {
        <h1>{tr(SharedText::NavMyBookings)}</h1>
        {guarded(Audience::Members, |_| view! {
            <p><a href="/reserver" class="button">{tr(SharedText::BookTitle)}</a></p>
            <BookingLists />
            <CalendarFeedCard />
        })}
    }
}

#[component]
fn BookingLists() -> impl IntoView {
    let i18n = use_i18n();
    let cancel: Request<i64> =
        Action::new_local(move |id: &i64| api::call(ep::CANCEL_BOOKING.at(&[id])));
    let cancelled = api::successes(cancel);
    let list = LocalResource::new(move || {
        cancelled.get();
        api::call(ep::MY_BOOKINGS)
    });
    let failure = api::failure_of(cancel);
    // Which booking the last "Oui, annuler" was for: its refusal is drawn in that booking's
    // question, where the person is, and takes the focus.
    let tried = RwSignal::new(None::<i64>);
    crate::components::focus::focus_on_success(cancel, "#booking-done");
    crate::components::focus::focus_on_failure(cancel, "#cancel-refused");
    let card = move |b: Booking| booking_card(b, cancel, tried, failure);
    view! {
        <p class="notice-line" role="status" id="booking-done" tabindex="-1">
            {move || api::answer_of(cancel).is_some().then(|| i18n.t(MemberText::BookingCancelled))}
        </p>
        <OfflineNotice />
        {with_loaded(list, move |bookings: Vec<Booking>| {
            let (upcoming, past): (Vec<_>, Vec<_>) = bookings.into_iter().partition(is_upcoming);
            let empty = upcoming.is_empty();
            view! {
                <section aria-labelledby="upcoming-title">
                    <h2 id="upcoming-title">{tr(MemberText::Upcoming)}</h2>
                    {empty.then(|| view! { <p>{tr(MemberText::NoUpcomingBookings)}</p> })}
                    <ul class="cards">{upcoming.into_iter().map(card).collect_view()}</ul>
                </section>
                {(!past.is_empty()).then(|| view! {
                    <section aria-labelledby="past-title">
                        <h2 id="past-title">{tr(MemberText::PastBookings)}</h2>
                        <ul class="cards">{past.into_iter().map(card).collect_view()}</ul>
                    </section>
                })}
            }
        })}
    }
}

fn booking_card(
    b: Booking,
    cancel: Request<i64>,
    tried: RwSignal<Option<i64>>,
    failure: Signal<Option<ApiFailure>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let confirming = RwSignal::new(false);
    let id = b.id;
    let heading = format!("booking-{id}");
    let labelled_by = heading.clone();
    let date = b.start.0.date();
    let span = hours(&b.start, &b.end);
    let period = b.period.map(|p| period_label(Some(p)));
    let name = b.resource_name.clone();
    let cancelled = b.status == BookingStatus::Cancelled;
    let can_cancel = b.can_cancel && !cancelled;
    let question = format!("booking-{id}-question");
    view! {
        <li class="card booking" class:booking--cancelled=cancelled aria-labelledby=labelled_by>
            <h3 id=heading>{move || i18n.pick(&name)}</h3>
            <p class="booking__when">
                {move || day_label(date, i18n.lang())}", "{span.clone()}
                {period.map(|p| view! { " · "{tr(p)} })}
            </p>
            {cancelled.then(|| view! { <p class="tag">{tr(MemberText::Cancelled)}</p> })}
            {b.checked_in.then(|| view! { <p class="tag">{tr(AccountText::CheckedIn)}</p> })}
            {b.blocked.then(|| view! { <p class="tag tag--warning" role="note">{tr(MemberText::BookingBlocked)}</p> })}
            <div class="actions">
                {(!cancelled).then(|| view! {
                    <a class="button button--secondary" href=ep::BOOKING_ICS.at(&[&id]).url download=format!("silicon-kerne-{id}.ics")>
                        {tr(MemberText::AddToCalendar)}
                    </a>
                })}
                {can_cancel.then(|| view! {
                    <button type="button" class="button button--danger" aria-expanded=move || confirming.get().to_string()
                        on:click=move |_| confirming.update(|c| *c = !*c)>
                        {tr(MemberText::CancelBooking)}
                    </button>
                })}
            </div>
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" aria-labelledby=question.clone()>
                    <p id=question.clone()><strong>{tr(MemberText::CancelBookingQuestion)}</strong></p>
                    <div role="alert" class="alert-region">
                        {move || (tried.get() == Some(id)).then(|| failure.get()).flatten().map(|f| view! {
                            <div id="cancel-refused" class="form-errors" tabindex="-1">
                                {failure_lines(&f, i18n.lang()).into_iter().map(|l| view! { <p class="form-errors__title">{l}</p> }).collect_view()}
                            </div>
                        })}
                    </div>
                    <div class="actions">
                        <button type="button" class="button button--danger" aria-disabled=move || cancel.pending().get().to_string()
                            on:click=move |_| { tried.set(Some(id)); api::start(cancel, id) }>
                            {tr(MemberText::CancelBookingYes)}
                        </button>
                        <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>{tr(SharedText::KeepBooking)}</button>
                    </div>
                </div>
                </Show>
        </li>
    }
}

/// The private feed: generated on demand, shown once, with how to subscribe.
#[component]
fn CalendarFeedCard() -> impl IntoView {
    let i18n = use_i18n();
    let create: Request<(), CalendarFeed> =
        Action::new_local(move |_: &()| api::call(ep::CALENDAR_FEED));
    let copied = RwSignal::new(false);
    let failure = api::failure_of(create);
    // The link is what the member came for: the focus goes to it (it was left on the body).
    crate::components::focus::focus_on_success(create, "#feed-url");
    view! {
        <section class="card" aria-labelledby="feed-title">
            <h2 id="feed-title">{tr(MemberText::FeedTitle)}</h2>
            <p>{tr(MemberText::FeedLead)}</p>
            <p class="note">{tr(MemberText::FeedHowTo)}</p>
            <button type="button" class="button" aria-disabled=move || create.pending().get().to_string()
                on:click=move |_| {
                    copied.set(false);
                    api::start(create, ());
                }>
                {tr(MemberText::FeedCreate)}
            </button>
            {failure_alert(failure)}
            <div aria-live="polite">
                {move || match api::answer_of(create) {
                    Some(CalendarFeed { url }) => {
                        let to_copy = url.clone();
                        Some(view! {
                            <div class="field feed">
                                <label for="feed-url">{tr(MemberText::FeedUrl)}</label>
                                <input id="feed-url" type="text" readonly value=url />
                                <p class="note">{tr(MemberText::FeedShownOnce)}</p>
                                <button type="button" class="button button--secondary" on:click=move |_| copied.set(copy_text(&to_copy))>
                                    {move || i18n.t(if copied.get() { MemberText::Copied } else { MemberText::Copy })}
                                </button>
                            </div>
                        })
                    }
                    _ => None,
                }}
            </div>
        </section>
    }
}

/// `navigator.clipboard.writeText(text)`, reached through `Reflect` (no web-sys feature for one call).
fn copy_text(text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let get =
        |target: &wasm_bindgen::JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).ok();
    let clipboard = get(&window().into(), "navigator").and_then(|n| get(&n, "clipboard"));
    let write = clipboard
        .as_ref()
        .and_then(|c| get(c, "writeText"))
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match (clipboard, write) {
        (Some(c), Some(f)) => f.call1(&c, &text.into()).is_ok(),
        _ => false,
    }
}
