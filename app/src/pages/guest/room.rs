//! `/salle`: renting the meeting room with its videoconference system.

use domain::i18n::format_euros;
use domain::wire::{ResourceKind, SiteContent};
use leptos::prelude::*;

use crate::components::status::with_site;
use crate::i18n::{tr, use_i18n, use_title, I18n};
use crate::text::GuestText;

#[component]
pub fn Room() -> impl IntoView {
    use_title(GuestText::RoomTitle);
    let i18n = use_i18n();
    view! {
        <h1>{tr(GuestText::RoomTitle)}</h1>
        <p class="lead">{tr(GuestText::RoomLead)}</p>
        {with_site(move |site| room_content(i18n, site))}
    }
}

fn room_content(i18n: I18n, site: SiteContent) -> impl IntoView {
    let room = site
        .resources
        .iter()
        .find(|r| r.kind == ResourceKind::Room)
        .cloned();
    let rates = site.room_rates;
    let email = site.contact.email.clone();
    let mailto = format!("mailto:{email}");
    let euros = move |cents: i64| move || format_euros(cents, i18n.lang());
    view! {
        {room.map(|r| {
            let capacity = r.capacity.to_string();
            let description = r.description;
            view! {
                <section class="card">
                    <p>{move || i18n.pick(&description)}</p>
                    <ul class="facts">
                        <li>{move || i18n.f(GuestText::RoomCapacity, &[("count", &capacity)])}</li>
                        <li>{tr(GuestText::RoomVisio)}</li>
                    </ul>
                </section>
            }
        })}
        <table class="rates">
            <caption>{tr(GuestText::Rates)}</caption>
            <thead>
                <tr>
                    <td></td>
                    <th scope="col">{tr(GuestText::HalfDay)}</th>
                    <th scope="col">{tr(GuestText::FullDay)}</th>
                </tr>
            </thead>
            <tbody>
                <tr>
                    <th scope="row">{tr(GuestText::MemberRate)}</th>
                    <td>{euros(rates.member_half_day_cents)}</td>
                    <td>{euros(rates.member_day_cents)}</td>
                </tr>
                <tr>
                    <th scope="row">{tr(GuestText::NonMemberRate)}</th>
                    <td>{euros(rates.non_member_half_day_cents)}</td>
                    <td>{euros(rates.non_member_day_cents)}</td>
                </tr>
            </tbody>
        </table>
        <p class="note">{tr(GuestText::VatNote)}</p>
        <p><a href="/salle/demande" class="button">{tr(GuestText::AskForTheRoom)}</a></p>
        <p>{tr(GuestText::RoomContact)}</p>
        <p><a class="button button--secondary" href=mailto>{tr(GuestText::WriteToUs)}</a></p>
    }
}
