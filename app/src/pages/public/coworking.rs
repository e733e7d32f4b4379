//! `/coworking`: the space, its desks and opening hours.

use domain::i18n::{format_euros, weekday_name};
use domain::settings::WEEK;
use domain::wire::{ResourceKind, SiteContent};
use leptos::prelude::*;

use crate::i18n::{tr, use_i18n, use_title, I18n};
use crate::site::with_site;
use crate::text::{PublicText, SharedText};

#[component]
pub fn Coworking() -> impl IntoView {
    use_title(PublicText::CoworkingTitle);
    let i18n = use_i18n();
    view! {
        <h1>{tr(PublicText::CoworkingTitle)}</h1>
        <p class="lead">{tr(PublicText::CoworkingLead)}</p>
        {with_site(move |site| coworking_content(i18n, site))}
    }
}

/// The weekly opening hours as a table, Monday first; also used by the room page.
pub fn opening_hours_table(i18n: I18n, site: &SiteContent) -> impl IntoView {
    let hours = site.opening_hours.clone();
    view! {
        <table class="hours">
            <caption>{tr(PublicText::OpeningHours)}</caption>
            <tbody>
                {WEEK
                    .iter()
                    .map(|day| {
                        let day = *day;
                        let h = hours.for_weekday(day.number_from_monday() as u8);
                        view! {
                            <tr>
                                <th scope="row">{move || weekday_name(day, i18n.lang())}</th>
                                <td>
                                    {move || match h {
                                        Some(h) => i18n.f(PublicText::HoursRange, &[("open", &h.open.to_string()), ("close", &h.close.to_string())]),
                                        None => i18n.t(PublicText::Closed).to_string(),
                                    }}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <p class="note">{tr(PublicText::ClosedOnHolidays)}</p>
    }
}

fn coworking_content(i18n: I18n, site: SiteContent) -> impl IntoView {
    let desk = site
        .resources
        .iter()
        .find(|r| r.kind == ResourceKind::Desk)
        .cloned();
    view! {
        {desk.map(|d| {
            let count = d.capacity.to_string();
            let (name, description) = (d.name, d.description);
            view! {
                <section class="card">
                    <h2>{move || i18n.pick(&name)}</h2>
                    <p>{move || i18n.pick(&description)}</p>
                    <p>{move || i18n.f(PublicText::CoworkingDesks, &[("count", &count)])}</p>
                </section>
            }
        })}
        {opening_hours_table(i18n, &site)}
        // What membership costs and includes, before someone applies (the fee is a setting).
        <p class="card">{move || i18n.f(PublicText::FeeIncludes, &[("fee", &format_euros(site.membership_fee_cents, i18n.lang())), ("quota", &crate::format::hours_minutes(site.booking_limits.room_weekly_quota_minutes))])}</p>
        // With the data, not after it: below the loading line they were pushed down in view on a
        // wide screen (a layout shift of 0.026 at 1280 px, measured by the budget test).
        <p>{tr(PublicText::CoworkingHowTo)}</p>
        <p><a href="/adherer" class="button">{tr(SharedText::NavJoin)}</a></p>
    }
}
