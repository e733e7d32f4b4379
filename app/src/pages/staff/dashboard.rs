//! `/gestion`: the cantine today at a glance, each figure a link to the page where it is handled.

use domain::endpoints as ep;
use domain::events::EventView;
use domain::stats::TodayStats;
use leptos::prelude::*;

use crate::api;
use crate::components::calendar::day_label;
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::format::hours_minutes;
use crate::format::{in_days_iso, today, today_iso};
use crate::i18n::{tr, use_i18n};
use crate::pages::events::when;
use crate::text::StaffText;

#[component]
pub fn StaffDashboard() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffDashboardTitle content=|_| view! { <Glance /><NextAssembly /><WeekEvents /> } /> }
}

/// The next general assembly, convened or being prepared: its day, its voters and quorum, a link
/// to it (the door and the votes are there on the day).
#[component]
fn NextAssembly() -> impl IntoView {
    let i18n = use_i18n();
    let all = LocalResource::new(move || api::call(ep::ASSEMBLIES));
    move || {
        let today = today();
        let next = all
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|a| a.status != domain::assembly::AssemblyStatus::Closed)
            .filter(|a| today.is_none_or(|t| a.starts_at.0.date() >= t))
            .min_by_key(|a| a.starts_at);
        next.map(|a| {
            let href = format!("/gestion/assemblees/{}", a.id);
            let line = i18n.f(
                StaffText::GlanceAssembly,
                &[
                    ("date", &day_label(a.starts_at.0.date(), i18n.lang())),
                    ("voters", &a.voters.to_string()),
                    ("quorum", &a.quorum.to_string()),
                ],
            );
            view! {
                <section class="stats-section" aria-labelledby="next-assembly-title">
                    <h2 id="next-assembly-title">{tr(StaffText::GlanceAssemblyTitle)}</h2>
                    <p><a href=href>{line}</a></p>
                </section>
            }
        })
    }
}

/// Today's events and the rest of the week's, each with its seats taken and its waiting list, a
/// link to its sign-ups (where the door's check-in is).
#[component]
fn WeekEvents() -> impl IntoView {
    let i18n = use_i18n();
    let (from, to) = (today_iso(), in_days_iso(6));
    let events = LocalResource::new(move || {
        let (from, to) = (from.clone(), to.clone());
        async move { api::call(ep::STAFF_EVENTS.query(&[("from", &from), ("to", &to)])).await }
    });
    let today = today();
    view! {
        <section class="stats-section" aria-labelledby="week-events-title">
            <h2 id="week-events-title">{tr(StaffText::GlanceEventsTitle)}</h2>
            {with_loaded(events, move |list: Vec<EventView>| {
                let list: Vec<EventView> = list.into_iter().filter(|e| !e.cancelled).collect();
                if list.is_empty() {
                    return view! { <p>{i18n.t(StaffText::GlanceNoEvents)}</p> }.into_any();
                }
                let (now, later): (Vec<EventView>, Vec<EventView>) = list
                    .into_iter()
                    .partition(|e| Some(e.starts_at.0.date()) == today);
                let lang = i18n.lang();
                let rows = |events: Vec<EventView>| {
                    events
                        .into_iter()
                        .map(|e| {
                            let href = format!("/gestion/evenements/{}/inscrits", e.id);
                            let taken = e.capacity.saturating_sub(e.seats_left);
                            let seats = i18n.f(
                                StaffText::GlanceEventSeats,
                                &[
                                    ("taken", &i18n.count(StaffText::SeatsTakenOne, StaffText::SeatsTakenOther, u64::from(taken))),
                                    ("capacity", &e.capacity.to_string()),
                                    ("waiting", &e.waiting.to_string()),
                                ],
                            );
                            view! {
                                <li class="row">
                                    <a class="row__title" href=href>{i18n.pick(&e.title)}</a>
                                    <span class="row__meta">{when(&e, lang)}" · "{seats}</span>
                                </li>
                            }
                        })
                        .collect_view()
                };
                view! {
                    <h3>{i18n.t(StaffText::GlanceToday)}</h3>
                    {if now.is_empty() {
                        view! { <p>{i18n.t(StaffText::GlanceNoEventToday)}</p> }.into_any()
                    } else {
                        view! { <ul class="rows">{rows(now)}</ul> }.into_any()
                    }}
                    {(!later.is_empty()).then(|| view! {
                        <h3>{i18n.t(StaffText::GlanceThisWeek)}</h3>
                        <ul class="rows">{rows(later)}</ul>
                    })}
                }
                .into_any()
            })}
        </section>
    }
}

#[component]
fn Glance() -> impl IntoView {
    let i18n = use_i18n();
    let today = LocalResource::new(move || api::call(ep::STATS_TODAY));
    with_loaded(today, move |t: TodayStats| {
        let date = t.date;
        let capacity = t.desk_capacity.to_string();
        let (came_am, came_pm) = (
            t.checked_in_morning.to_string(),
            t.checked_in_afternoon.to_string(),
        );
        let room_time = hours_minutes(t.room_minutes);
        // (figure, its words for one and for several, where it is handled, whether it asks for
        // action): "1 demande de location à traiter", "2 demandes …".
        let line = move |n: u32, words: Signal<String>, href: &'static str, urgent: bool| {
            view! {
                <li class="glance__item" class:glance__item--todo=(urgent && n > 0)>
                    <a class="glance__link" href=href>
                        <strong class="glance__count">{n}</strong>
                        <span class="glance__words">{words}</span>
                    </a>
                </li>
            }
        };
        let (morning, afternoon) = (u64::from(t.desks_morning), u64::from(t.desks_afternoon));
        let cap = capacity.clone();
        let am = Signal::derive(move || {
            let words = i18n.count(
                StaffText::GlanceDesksMorningOne,
                StaffText::GlanceDesksMorning,
                morning,
            );
            domain::i18n::fill(&words, &[("capacity", &cap), ("came", &came_am)])
        });
        let pm = Signal::derive(move || {
            let words = i18n.count(
                StaffText::GlanceDesksAfternoonOne,
                StaffText::GlanceDesksAfternoon,
                afternoon,
            );
            domain::i18n::fill(&words, &[("capacity", &capacity), ("came", &came_pm)])
        });
        let room_bookings = u64::from(t.room_bookings);
        let room = Signal::derive(move || {
            let words = i18n.count(
                StaffText::GlanceRoomOne,
                StaffText::GlanceRoom,
                room_bookings,
            );
            domain::i18n::fill(&words, &[("time", &room_time)])
        });
        let words = |one: StaffText, other: StaffText, n: u32| {
            Signal::derive(move || i18n.count(one, other, u64::from(n)))
        };
        view! {
            <p class="lead">{move || i18n.f(StaffText::GlanceLead, &[("date", &day_label(date, i18n.lang()))])}</p>
            <ul class="glance">
                {line(t.desks_morning, am, "/gestion/jour", false)}
                {line(t.desks_afternoon, pm, "/gestion/jour", false)}
                {line(t.room_bookings, room, "/gestion/jour", false)}
                {line(t.pending_applications, words(StaffText::GlanceApplicationsOne, StaffText::GlanceApplications, t.pending_applications), "/gestion/adhesions", true)}
                {line(t.pending_rentals, words(StaffText::GlanceRentalsOne, StaffText::GlanceRentals, t.pending_rentals), "/gestion/locations", true)}
                {line(t.renewals_soon, words(StaffText::GlanceRenewalsOne, StaffText::GlanceRenewals, t.renewals_soon), "/gestion/membres?status=ends_soon&sort=end", true)}
                {line(t.consultations_new, words(StaffText::GlanceConsultationsOne, StaffText::GlanceConsultations, t.consultations_new), "/gestion/consultations", true)}
                {line(t.consultations_today, words(StaffText::GlanceAppointmentsOne, StaffText::GlanceAppointments, t.consultations_today), "/gestion/consultations", false)}
                {line(t.outbox_pending, words(StaffText::GlanceOutboxOne, StaffText::GlanceOutbox, t.outbox_pending), "/gestion/courriels", false)}
                {(t.outbox_failed > 0).then(|| line(t.outbox_failed, words(StaffText::GlanceOutboxFailedOne, StaffText::GlanceOutboxFailed, t.outbox_failed), "/gestion/courriels", true))}
            </ul>
            <p>
                {tr(StaffText::GlanceMore)}" "
                <a href="/gestion/statistiques">{tr(StaffText::StaffStatsTitle)}</a>" · "
                <a href="/gestion/rapport">{tr(StaffText::StaffReportTitle)}</a>
            </p>
        }
    })
}
