//! `/salle/demande`: a business asks for the meeting room (no account). The price shows as soon as
//! a period is chosen; the answer is the private link to follow the request.

use domain::endpoints as ep;
use domain::i18n::format_euros;
use domain::wire::{RentalCreated, RentalDay, RentalRequest};
use leptos::prelude::*;

use crate::api::{self, Request};
use crate::components::form::{field_error, field_errors, input_id, ErrorSummary, Field};
use crate::components::session::use_session;
use crate::i18n::{tr, use_i18n, use_title};
use crate::site::use_site;
use crate::text::{GuestText, SharedText};

const LABELS: &[(&str, SharedText)] = &[
    ("organisation", SharedText::FieldOrganisation),
    ("contact_name", SharedText::FieldName),
    ("email", SharedText::FieldEmail),
    ("phone", SharedText::FieldPhone),
    ("date", SharedText::FieldDate),
    ("period", SharedText::FieldPeriod),
    ("attendees", SharedText::FieldAttendees),
    ("message", SharedText::FieldMessage),
];

const PERIODS: &[(&str, SharedText)] = &[
    ("morning", SharedText::PeriodMorning),
    ("afternoon", SharedText::PeriodAfternoon),
    ("day", SharedText::PeriodDay),
];

#[component]
pub fn RentalRequestPage() -> impl IntoView {
    use_title(GuestText::RentalRequestTitle);
    let i18n = use_i18n();
    let site = use_site().0;
    let organisation = RwSignal::new(String::new());
    let contact_name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let period = RwSignal::new(String::new());
    let attendees = RwSignal::new(String::new());
    let needs_visio = RwSignal::new(true);
    let message = RwSignal::new(String::new());
    let send: Request<RentalRequest, RentalCreated> = Action::new_local(|req: &RentalRequest| {
        let req = req.clone();
        async move { api::send(ep::REQUEST_RENTAL, &req).await }
    });
    let failure = api::failure_of(send);
    let errors = field_errors(failure);
    let session = use_session();
    // A member with a current fee pays the member rate (the server applies it to their request).
    let is_member = move || session.me().is_some_and(|m| m.membership.is_active());
    // What is free on the chosen day, before a period is picked. A task writing a signal, not a
    // `LocalResource`: each resource's async machinery costs the guest bundle kilobytes.
    let free = RwSignal::new(None::<RentalDay>);
    Effect::new(move |_| {
        let day = date.get();
        free.set(None);
        if day.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let found = api::call(ep::RENTAL_DAYS.query(&[("from", &day), ("to", &day)]))
                .await
                .ok()
                .and_then(|d| d.into_iter().next());
            // Only the answer for the date still chosen.
            if date.get_untracked() == day {
                free.set(found);
            }
        });
    });
    let is_free = move |value: &str| {
        free.get().map(|d| match value {
            "morning" => d.morning,
            "afternoon" => d.afternoon,
            _ => d.morning && d.afternoon,
        })
    };
    let rates = move || site.get().and_then(Result::ok).map(|s| s.room_rates);
    // The non-member price of the chosen period, live; members pay the member rate.
    let price = move || {
        let r = rates()?;
        let (non_member, member) = match period.get().as_str() {
            "" => return None,
            "day" => (r.non_member_day_cents, r.member_day_cents),
            _ => (r.non_member_half_day_cents, r.member_half_day_cents),
        };
        let lang = i18n.lang();
        if is_member() {
            return Some((
                format_euros(member, lang),
                i18n.t(GuestText::MemberRateApplied).to_string(),
            ));
        }
        Some((
            format_euros(non_member, lang),
            i18n.f(
                GuestText::MembersPayLess,
                &[("price", &format_euros(member, lang))],
            ),
        ))
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        api::start(
            send,
            RentalRequest {
                organisation: organisation.get_untracked(),
                contact_name: contact_name.get_untracked(),
                email: email.get_untracked(),
                phone: phone.get_untracked(),
                date: date.get_untracked(),
                period: period.get_untracked(),
                attendees: attendees.get_untracked().trim().parse().unwrap_or(0),
                needs_visio: needs_visio.get_untracked(),
                message: message.get_untracked(),
                lang: i18n.lang_untracked(),
            },
        );
    };
    let sent = move || api::answer_of(send);
    view! {
        <h1>{tr(GuestText::RentalRequestTitle)}</h1>
        <Show when=move || sent().is_none() fallback=move || sent().map(|RentalCreated { token, price_cents, .. }| {
                let href = format!("/location/{token}");
                view! {
                    <div class="notice" role="status">
                        <h2>{tr(GuestText::RentalSentTitle)}</h2>
                        <p>{move || i18n.f(GuestText::RentalSentText, &[("price", &format_euros(price_cents, i18n.lang()))])}</p>
                        <p><a href=href class="button">{tr(GuestText::FollowRequest)}</a></p>
                    </div>
                }
                .into_any()
            })>
            <p class="lead">{tr(GuestText::RentalRequestLead)}</p>
            {move || session.me().is_some().then(|| view! {
                <div class="notice" role="note">
                    <p>{tr(GuestText::MemberBooksRoom)}</p>
                    <p><a href="/reserver?ressource=salle-reunion" class="button button--secondary">{tr(SharedText::NavBook)}</a></p>
                </div>
            })}
            <form class="form" novalidate on:submit=on_submit>
                <ErrorSummary failure labels=LABELS />
                <Field name="organisation" label=SharedText::FieldOrganisation value=organisation errors autocomplete="organization" required=true />
                <Field name="contact_name" label=SharedText::FieldName value=contact_name errors autocomplete="name" required=true />
                <Field name="email" label=SharedText::FieldEmail value=email errors kind="email" autocomplete="email" required=true />
                <Field name="phone" label=SharedText::FieldPhone value=phone errors kind="tel" autocomplete="tel" />
                <Field name="date" label=SharedText::FieldDate value=date errors kind="date" required=true />
                <fieldset class="field" id=input_id("period")>
                    <legend>{tr(SharedText::FieldPeriod)}</legend>
                    <p class="field__hint" aria-live="polite">
                        {move || match free.get() {
                            None => i18n.t(GuestText::ChooseDateFirst),
                            Some(d) if d.past => i18n.t(GuestText::DayPast),
                            Some(d) if d.closed => i18n.t(GuestText::DayClosed),
                            Some(d) if !d.morning && !d.afternoon => i18n.t(GuestText::RoomNotFreeThatDay),
                            Some(_) => i18n.t(GuestText::TakenPeriodsDisabled),
                        }}
                    </p>
                    {PERIODS.iter().map(|&(value, label)| {
                        let id = format!("period-{value}");
                        let taken = move || is_free(value) == Some(false);
                        view! {
                            <div class="check">
                                <input type="radio" name="period" id=id.clone() value=value
                                    prop:checked=move || period.get() == value
                                    disabled=taken
                                    on:change=move |_| period.set(value.to_string()) />
                                <label for=id>
                                    {tr(label)}
                                    // Why a period cannot be chosen: the day is past or closed, or it is taken.
                                    {move || free.get().map(|d| {
                                        let why = if d.past {
                                            GuestText::PeriodPast
                                        } else if d.closed {
                                            GuestText::PeriodClosed
                                        } else if is_free(value) == Some(true) {
                                            GuestText::PeriodFree
                                        } else {
                                            GuestText::PeriodTaken
                                        };
                                        view! { <span class="note">{move || i18n.t(why)}</span> }
                                    })}
                                </label>
                            </div>
                        }
                    }).collect_view()}
                    {field_error(errors, "period")}
                </fieldset>
                <div class="price" aria-live="polite">
                    {move || price().map(|(price, members)| view! {
                        <p class="price__total">{move || i18n.t(SharedText::Price)}" "<strong>{price}</strong></p>
                        <p class="note">{members}</p>
                    })}
                    <p class="note">{tr(SharedText::VatNote)}</p>
                </div>
                <Field name="attendees" label=SharedText::FieldAttendees value=attendees errors kind="number" inputmode="numeric" required=true />
                <div class="check">
                    <input type="checkbox" id="f-needs_visio" prop:checked=move || needs_visio.get()
                        on:change=move |ev| needs_visio.set(event_target_checked(&ev)) />
                    <label for="f-needs_visio">{tr(GuestText::FieldNeedsVisio)}</label>
                </div>
                <Field name="message" label=SharedText::FieldMessage value=message errors multiline=true />
                <button type="submit" class="button" aria-disabled=move || send.pending().get().to_string()>{tr(GuestText::SendRentalRequest)}</button>
            </form>
            </Show>
    }
}
