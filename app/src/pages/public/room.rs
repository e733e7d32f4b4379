//! `/salle`: renting the meeting room with its videoconference system.

use domain::i18n::format_euros;
use domain::wire::{ResourceKind, SiteContent};
use leptos::prelude::*;

use crate::i18n::{tr, use_i18n, use_title, I18n};
use crate::site::with_site;
use crate::text::{PublicText, SharedText};

#[component]
pub fn Room() -> impl IntoView {
    use_title(PublicText::RoomTitle);
    let i18n = use_i18n();
    view! {
        <h1>{tr(PublicText::RoomTitle)}</h1>
        <p class="lead">{tr(PublicText::RoomLead)}</p>
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
                        <li>{move || i18n.f(PublicText::RoomCapacity, &[("count", &capacity)])}</li>
                        <li>{tr(PublicText::RoomVisio)}</li>
                    </ul>
                </section>
            }
        })}
        <table class="rates">
            <caption>{tr(PublicText::Rates)}</caption>
            <thead>
                <tr>
                    <td></td>
                    <th scope="col">{tr(PublicText::HalfDay)}</th>
                    <th scope="col">{tr(PublicText::FullDay)}</th>
                </tr>
            </thead>
            <tbody>
                <tr>
                    <th scope="row">{tr(PublicText::MemberRate)}</th>
                    <td>{euros(rates.member_half_day_cents)}</td>
                    <td>{euros(rates.member_day_cents)}</td>
                </tr>
                <tr>
                    <th scope="row">{tr(PublicText::NonMemberRate)}</th>
                    <td>{euros(rates.non_member_half_day_cents)}</td>
                    <td>{euros(rates.non_member_day_cents)}</td>
                </tr>
            </tbody>
        </table>
        <p class="note">{tr(SharedText::VatNote)}</p>
        <p>{move || i18n.f(PublicText::RoomMembersNote, &[("quota", &crate::format::hours_minutes(site.booking_limits.room_weekly_quota_minutes))])}</p>
        <p><a href="/salle/demande" class="button">{tr(PublicText::AskForTheRoom)}</a></p>
        <p>{tr(PublicText::RoomContact)}</p>
        <p><a class="button button--secondary" href=mailto>{tr(PublicText::WriteToUs)}</a></p>
    }
}
