//! Pieces of the booking calendar shared by the home page, `/reserver` and the staff pages: dates,
//! the desk period buttons, the "confirm this booking" panel and the alert region for refusals.

use chrono::{Datelike, NaiveDate, TimeDelta, Timelike};
use domain::calendar::DeskPeriod;
use domain::endpoints as ep;
use domain::i18n::{month_name, weekday_name};
use domain::time::LocalDateTime;
use domain::wire::{Booking, BookingRequest, BookingStatus, DayAvailability};
use domain::Lang;
use leptos::prelude::*;

use crate::api::{self, ApiFailure};
use crate::components::focus::{focus_after_draw, focus_css, focus_on_failure, focus_on_success};
use crate::i18n::{tr, use_i18n};
use crate::text::{AccountText, SharedText};

/// The coworking desks and the meeting room, as the API names them.
pub const DESKS: &str = "coworking";
pub const ROOM: &str = "salle-reunion";

// Dates and times are written by hand: chrono's `%`-format strings would weigh on the app.

/// `YYYY-MM-DD` → a date (what `<input type=date>` and the query string hold).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    wire_json::parse_date(text.trim()).ok()
}

/// A date as `YYYY-MM-DD`.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

pub fn shift(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_signed(TimeDelta::days(days))
        .unwrap_or(date)
}

/// "mardi 9 décembre" / "Tuesday 9 December": a day of this year, and with its year another
/// year's ("mardi 9 mars 2027").
pub fn day_label(date: NaiveDate, lang: Lang) -> String {
    let label = format!(
        "{} {} {}",
        weekday_name(date.weekday(), lang),
        domain::i18n::day_of_month(date.day(), lang),
        month_name(date.month(), lang)
    );
    // Another year's date says which ("mardi 9 mars 2027").
    match crate::format::today() {
        Some(today) if today.year() != date.year() => format!("{label} {}", date.year()),
        _ => label,
    }
}

/// A booking still to come (confirmed, not over): the member area's next bookings and the list's
/// "À venir".
pub fn is_upcoming(b: &Booking) -> bool {
    b.status == BookingStatus::Confirmed
        && wire_json::parse_instant(&b.ends_at)
            .is_none_or(|t| t.timestamp_millis() as f64 > js_sys::Date::now())
}

/// "09:00–13:00"
pub fn hours(start: &LocalDateTime, end: &LocalDateTime) -> String {
    format!("{}–{}", hh_mm(start), hh_mm(end))
}

/// "14:30"
pub fn hh_mm(at: &LocalDateTime) -> String {
    format!("{:02}:{:02}", at.0.hour(), at.0.minute())
}

pub fn period_label(period: Option<DeskPeriod>) -> SharedText {
    match period {
        Some(DeskPeriod::Morning) => SharedText::PeriodMorning,
        Some(DeskPeriod::Afternoon) => SharedText::PeriodAfternoon,
        _ => SharedText::PeriodDay,
    }
}

/// A period's name inside a sentence ("lundi 18 janvier, matinée"): its first letter in lower case
/// (ASCII: every period's name starts with one, and Unicode case tables would cost the bundles).
pub fn period_in_sentence(period: Option<DeskPeriod>) -> impl Fn() -> String + Copy {
    let i18n = use_i18n();
    move || {
        let name = i18n.t(period_label(period));
        let mut chars = name.chars();
        chars
            .next()
            .map(|c| c.to_ascii_lowercase().to_string() + chars.as_str())
            .unwrap_or_default()
    }
}

/// A fresh key per booking attempt: the retries of one attempt share it, so they book once.
pub fn attempt_key() -> String {
    format!(
        "{:x}-{:x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e15) as u64
    )
}

/// What the person is about to book, said in words, with the key of this attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub request: BookingRequest,
    pub what: String,
    pub key: String,
}

/// Booking what was chosen (with the attempt's key); its value is the booking made.
pub type BookAction = api::Request<Choice, Booking>;

/// Books the choice it is given; once booked, nothing is chosen any more.
pub fn book_action(chosen: RwSignal<Option<Choice>>) -> BookAction {
    Action::new_local(move |choice: &Choice| {
        let choice = choice.clone();
        async move {
            let booking =
                api::send_once(ep::CREATE_BOOKING, &choice.request, Some(&choice.key)).await?;
            chosen.try_set(None);
            Ok(booking)
        }
    })
}

/// The lines of a refusal: the rule each field broke, or the API's message (409: full, taken…).
pub fn failure_lines(failure: &ApiFailure, lang: Lang) -> Vec<String> {
    match failure {
        ApiFailure::Api { body, .. } if !body.fields.is_empty() => {
            body.fields.values().cloned().collect()
        }
        ApiFailure::Api { body, .. } => vec![body.message.clone()],
        ApiFailure::Network(_) => vec![SharedText::NetworkError.text(lang).to_string()],
    }
}

/// An alert region that is always in the page (so screen readers announce what appears in it).
pub fn failure_alert(failure: Signal<Option<ApiFailure>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div role="alert" class="alert-region">
            {move || failure.get().map(|f| {
                let lines = failure_lines(&f, i18n.lang());
                view! {
                    <div class="form-errors">
                        {lines.into_iter().map(|l| view! { <p class="form-errors__title">{l}</p> }).collect_view()}
                    </div>
                }
            })}
        </div>
    }
}

/// One button per desk period of a day, with the places left; a tap asks for confirmation.
pub fn desk_periods(day: DayAvailability, chosen: RwSignal<Option<Choice>>) -> impl IntoView {
    let i18n = use_i18n();
    if !day.open || day.slots.is_empty() {
        return view! { <p class="note">{tr(AccountText::ClosedThatDay)}</p> }.into_any();
    }
    let date = day.date;
    view! {
        <ul class="periods">
            {day.slots.into_iter().map(|slot| {
                let label = period_label(slot.period);
                let span = hours(&slot.start, &slot.end);
                let (free, started) = (slot.free, slot.started);
                let start = slot.start.to_string();
                let end = slot.end.to_string();
                let selected = {
                    let start = start.clone();
                    let end = end.clone();
                    move || chosen.with(|c| c.as_ref().is_some_and(|c| c.request.start == start && c.request.end == end))
                };
                let span2 = span.clone();
                let on_click = move |_| {
                    let lang = i18n.lang_untracked();
                    let what = format!("{}, {} ({})", day_label(date, lang), label.text(lang), span2);
                    chosen.set(Some(Choice {
                        request: BookingRequest { resource: DESKS.into(), start: start.clone(), end: end.clone(), member_id: None },
                        what: i18n.f(AccountText::DeskOn, &[("when", &what)]),
                        key: attempt_key(),
                    }));
                };
                view! {
                    <li>
                        <button type="button" class="period" aria-pressed=move || selected().to_string() disabled=free == 0 on:click=on_click>
                            <span class="period__name">{tr(label)}" "<span class="period__hours">{span.clone()}</span></span>
                            <span class="period__free">
                                {move || if started { i18n.t(AccountText::Started).to_string() } else if free == 0 { i18n.t(AccountText::Full).to_string() } else { i18n.count(AccountText::PlacesLeftOne, AccountText::PlacesLeft, u64::from(free)) }}
                            </span>
                        </button>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The question before booking ("Réserver … ?"), the refusal if any, and the confirmation after,
/// with a link to the bookings: the caller's own, or (staff booking on behalf) that member's page.
#[component]
pub fn ConfirmBooking(
    chosen: RwSignal<Option<Choice>>,
    action: BookAction,
    #[prop(optional, into)] for_member: Option<Signal<Option<i64>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let failure = api::failure_of(action);
    // The question sits at the bottom of the screen (sticky) and takes the focus the moment a
    // slot is chosen; the booking made takes it after "Confirmer", and a refusal is drawn in the
    // question itself and takes it too, so the keyboard never drops to the page's body and the
    // eye finds the answer where it was. A refusal belongs to the slot it refused: choosing
    // another slot, another day or "Annuler" takes it away.
    Effect::new(move |before: Option<Option<String>>| {
        let what = chosen.with(|c| c.as_ref().map(|c| c.what.clone()));
        if before.as_ref().is_some_and(|b| *b != what) {
            if action.value().with_untracked(|v| matches!(v, Some(Err(_)))) {
                action.value().set(None);
            }
            if what.is_some() {
                focus_after_draw(".confirm-booking .button");
            }
        }
        what
    });
    focus_on_success(action, "#booked");
    focus_on_failure(action, "#booking-refused");
    // "Annuler" gives the focus back to the slot that was chosen.
    let cancel = move |_| {
        focus_css(".period[aria-pressed='true'], .time[aria-pressed='true']");
        chosen.set(None);
    };
    view! {
        <div aria-live="polite" class="confirm-region">
            {move || chosen.get().map(|c| {
                let what = c.what.clone();
                let c = StoredValue::new(c);
                view! {
                    <div class="card confirm-booking">
                        <p id="confirm-what"><strong>{what}</strong></p>
                        <div role="alert" class="alert-region">
                            {move || failure.get().map(|f| view! {
                                <div id="booking-refused" class="form-errors" tabindex="-1">
                                    {failure_lines(&f, i18n.lang()).into_iter().map(|l| view! { <p class="form-errors__title">{l}</p> }).collect_view()}
                                </div>
                            })}
                        </div>
                        <div class="actions">
                            <button type="button" class="button" aria-describedby="confirm-what" aria-disabled=move || action.pending().get().to_string()
                                on:click=move |_| api::start(action, c.get_value())>
                                {tr(AccountText::ConfirmBooking)}
                            </button>
                            <button type="button" class="button button--secondary" on:click=cancel>{tr(SharedText::Cancel)}</button>
                        </div>
                    </div>
                }
            })}
            {move || match api::answer_of(action) {
                Some(b) => {
                    let when = format!("{}, {}", day_label(b.start.0.date(), i18n.lang()), hours(&b.start, &b.end));
                    let name = i18n.pick(&b.resource_name);
                    Some(view! {
                        <div class="notice">
                            <p id="booked" tabindex="-1"><strong>{move || i18n.t(AccountText::Booked)}</strong>" "{name}", "{when}</p>
                            {match for_member.and_then(|m| m.get_untracked()) {
                                Some(id) => view! { <p><a href=format!("/gestion/membres/{id}")>{tr(AccountText::TheirBookings)}</a></p> }.into_any(),
                                None => view! { <p><a href="/mes-reservations">{tr(SharedText::NavMyBookings)}</a></p> }.into_any(),
                            }}
                        </div>
                    })
                }
                _ => None,
            }}
        </div>
    }
}
