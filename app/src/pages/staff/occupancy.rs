//! `/gestion/occupation`: desks and room use from this week's Monday over four weeks, as a list of
//! days with bars (and the numbers in words), plus how many coworkers came back.

use chrono::Datelike;
use domain::endpoints as ep;
use domain::wire::Occupancy;
use leptos::prelude::*;

use crate::api;
use crate::components::calendar::{day_label, iso, shift};
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::i18n::use_i18n;
use crate::site::use_site;
use crate::text::StaffText;

#[component]
pub fn StaffOccupancy() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffOccupancyTitle content=|_| view! { <OccupancyList /> } /> }
}

#[component]
fn OccupancyList() -> impl IntoView {
    let i18n = use_i18n();
    let site = use_site().0;
    let data = LocalResource::new(move || {
        let today = site.get().and_then(Result::ok).map(|s| s.today.date);
        async move {
            let Some(today) = today else { return Ok(None) };
            let monday = shift(today, -i64::from(today.weekday().num_days_from_monday()));
            api::call(
                ep::OCCUPANCY.query(&[("from", &iso(monday)), ("to", &iso(shift(monday, 27)))]),
            )
            .await
            .map(Some)
        }
    });
    with_loaded(data, move |o: Option<Occupancy>| {
        o.map(|o| {
            let (returning, distinct) = (o.returning_coworkers.to_string(), o.distinct_coworkers.to_string());
            view! {
                <p class="lead">{move || i18n.f(StaffText::ReturningCoworkers, &[("returning", &returning), ("distinct", &distinct)])}</p>
                <ul class="occupancy">
                    {o.days.into_iter().filter(|d| d.open).map(|d| {
                        let date = d.date;
                        let capacity = d.desk_capacity.max(1);
                        // Set through the CSSOM (`style:`), which the CSP allows, not as a `style` attribute.
                        let pct = |n: u32| format!("{}%", (n.min(capacity) * 100) / capacity);
                        let (am, pm, cap) = (d.desks_morning.to_string(), d.desks_afternoon.to_string(), d.desk_capacity.to_string());
                        let room = crate::format::hours_minutes(d.room_minutes);
                        let arrived = d.checked_in.to_string();
                        let monday = date.weekday().num_days_from_monday() == 0;
                        view! {
                            <li class="occupancy__day" class:occupancy__day--monday=monday>
                                <p class="occupancy__date">{move || day_label(date, i18n.lang())}</p>
                                <div class="bar" aria-hidden="true"><span style:width=pct(d.desks_morning)></span></div>
                                <div class="bar" aria-hidden="true"><span style:width=pct(d.desks_afternoon)></span></div>
                                <p class="row__meta">
                                    {move || i18n.f(StaffText::OccupancyLine, &[("morning", &am), ("afternoon", &pm), ("capacity", &cap), ("room", &room), ("arrived", &arrived)])}
                                </p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })
    })
}
