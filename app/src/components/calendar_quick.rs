//! The member area's quick booking: desks free today and on the next open day, one tap
//! on a period, one tap to confirm.

use domain::endpoints as ep;
use domain::wire::{Booking, DayAvailability};
use leptos::prelude::*;

use crate::api;
use crate::components::calendar::{
    book_action, day_label, desk_periods, hours, is_upcoming, iso, shift, BookAction, Choice,
    ConfirmBooking, DESKS,
};
use crate::components::session::use_session;
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n};
use crate::site::use_site;
use crate::text::MemberText;

/// Nothing for visitors; for members, today (while a period is still bookable) and the next open day.
#[component]
pub fn QuickBook() -> impl IntoView {
    let session = use_session();
    let member = Memo::new(move |_| session.me().is_some());
    move || member.get().then(|| view! { <QuickBookCard /> })
}

#[component]
fn QuickBookCard() -> impl IntoView {
    let i18n = use_i18n();
    let site = use_site().0;
    let chosen = RwSignal::new(None::<Choice>);
    let action = book_action(chosen);
    let days = LocalResource::new(move || {
        action.version().get();
        let today = site.get().and_then(Result::ok).map(|s| s.today.date);
        async move {
            let Some(today) = today else {
                return Ok(Vec::new());
            };
            // Ten days always hold the next open day, even across a long weekend with a holiday.
            api::call(ep::AVAILABILITY.query(&[
                ("resource", DESKS),
                ("from", &iso(today)),
                ("to", &iso(shift(today, 10))),
            ]))
            .await
        }
    });
    view! {
        <section class="card quick-book" aria-labelledby="quick-book-title">
            <h2 id="quick-book-title">{tr(MemberText::QuickBookTitle)}</h2>
            {with_loaded(days, move |days: Vec<DayAvailability>| {
                let mut shown = Vec::new();
                let mut iter = days.into_iter();
                if let Some(today) = iter.next() {
                    if today.open && today.slots.iter().any(|s| s.free > 0) {
                        shown.push((MemberText::Today, today));
                    }
                }
                if let Some(next) = iter.find(|d| d.open) {
                    shown.push((MemberText::NextOpenDay, next));
                }
                shown
                    .into_iter()
                    .map(|(title, day)| {
                        let date = day.date;
                        view! {
                            <h3>{tr(title)}" · "{move || day_label(date, i18n.lang())}</h3>
                            {desk_periods(day, chosen)}
                        }
                    })
                    .collect_view()
            })}
            <ConfirmBooking chosen action />
            <p><a href="/reserver">{tr(MemberText::MoreDays)}</a></p>
        </section>
        <NextBookings action />
    }
}

/// The member's next three bookings (a booking just made included), and the way to all of them.
#[component]
fn NextBookings(action: BookAction) -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(move || {
        action.version().get();
        api::call(ep::MY_BOOKINGS)
    });
    view! {
        <section class="card" aria-labelledby="next-bookings-title">
            <h2 id="next-bookings-title">{tr(MemberText::NextBookingsTitle)}</h2>
            {with_loaded(list, move |bookings: Vec<Booking>| {
                let next: Vec<Booking> = bookings.into_iter().filter(is_upcoming).take(3).collect();
                if next.is_empty() {
                    return view! { <p>{tr(MemberText::NoUpcomingBookings)}</p> }.into_any();
                }
                view! {
                    <ul class="rows">
                        {next.into_iter().map(|b| {
                            let date = b.start.0.date();
                            let span = hours(&b.start, &b.end);
                            let name = b.resource_name.clone();
                            view! {
                                <li class="row">
                                    <span class="row__title">{move || i18n.pick(&name)}</span>
                                    <span class="row__meta">{move || day_label(date, i18n.lang())}", "{span.clone()}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            })}
            <p><a href="/mes-reservations">{tr(MemberText::AllMyBookings)}</a></p>
        </section>
    }
}
