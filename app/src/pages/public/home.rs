//! `/`: what the cantine is, today's opening, next events, partners. Members are offered to book
//! (the quick booking itself is on their area, `/espace`, in the members' bundle).

use domain::wire::{SiteContent, TodayOpening};
use leptos::prelude::*;

use crate::components::session::use_session;
use crate::i18n::{tr, use_i18n, use_title, I18n};
use crate::site::with_site;
use crate::text::{PublicText, SharedText};

#[component]
pub fn Home() -> impl IntoView {
    use_title(SharedText::NavHome);
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <section class="hero">
            <h1>"Silicon Kerne"</h1>
            <p class="hero__tagline">{tr(SharedText::SiteTagline)}</p>
            <p class="lead">{tr(PublicText::HomeLead)}</p>
            <div class="actions">
                <a href="/coworking" class="button">{tr(PublicText::DiscoverCoworking)}</a>
                // Members book, visitors are invited to join; nothing until the session is known.
                {move || match (session.known(), session.role()) {
                    (false, _) => None,
                    (true, Some(_)) => Some(view! { <a href="/reserver" class="button button--secondary">{tr(SharedText::BookTitle)}</a> }.into_any()),
                    (true, None) => Some(view! { <a href="/adherer" class="button button--secondary">{tr(SharedText::NavJoin)}</a> }.into_any()),
                }}
            </div>
        </section>
        {with_site(move |site| home_content(i18n, site))}
    }
}

fn today_text(i18n: I18n, opening: &TodayOpening) -> String {
    match opening {
        TodayOpening::Open { open, close } => i18n.f(
            PublicText::OpenToday,
            &[("open", &open.to_string()), ("close", &close.to_string())],
        ),
        TodayOpening::Holiday { name } => {
            i18n.f(PublicText::ClosedHoliday, &[("name", &i18n.pick(name))])
        }
        TodayOpening::Closed | TodayOpening::ClosureDay => {
            i18n.t(PublicText::ClosedToday).to_string()
        }
    }
}

fn home_content(i18n: I18n, site: SiteContent) -> impl IntoView {
    let opening = site.today.opening.clone();
    let is_open = matches!(opening, TodayOpening::Open { .. });
    let desks: u32 = site
        .resources
        .iter()
        .filter(|r| r.kind == domain::wire::ResourceKind::Desk)
        .map(|r| r.capacity)
        .sum();
    let members = site.member_count;
    let events = site.upcoming_events.clone();
    let partners = site.partners.clone();
    view! {
        <section class="card today" aria-labelledby="today-title">
            <h2 id="today-title">{tr(PublicText::Today)}</h2>
            <p class="today__status" class:today__status--open=is_open>{move || today_text(i18n, &opening)}</p>
            <ul class="facts">
                <li>{move || i18n.f(PublicText::DesksCount, &[("count", &desks.to_string())])}</li>
                <li>{move || i18n.f(PublicText::MembersCount, &[("count", &members.to_string())])}</li>
            </ul>
        </section>
        <section aria-labelledby="events-title">
            <h2 id="events-title">{tr(PublicText::UpcomingEvents)}</h2>
            {if events.is_empty() {
                view! { <p>{tr(PublicText::NoUpcomingEvents)}</p> }.into_any()
            } else {
                view! {
                    <ul class="event-list">
                        {events
                            .into_iter()
                            .map(|e| {
                                let when = e.starts_at.0;
                                let title = e.title.clone();
                                let kind = e.kind;
                                let href = format!("/agenda/{}", e.id);
                                view! {
                                    <li class="event">
                                        <span class="event__when">{move || crate::format::datetime_short(when, i18n.lang())}</span>
                                        <span class="event__title">
                                            <a href=href>{move || i18n.pick(&title)}</a>
                                            " · "{move || i18n.t(crate::pages::events::kind_label(kind))}
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <p><a href="/agenda">{tr(PublicText::SeeAgenda)}</a></p>
                }
                    .into_any()
            }}
        </section>
        // Businesses are the cantine's third public: say so here, not only in the menu.
        <section class="card" aria-labelledby="business-title">
            <h2 id="business-title">{tr(PublicText::HomeBusinessTitle)}</h2>
            <p>{tr(PublicText::HomeBusinessText)}</p>
            <p><a href="/entreprises#demande" class="button button--secondary">{tr(PublicText::HomeBusinessLink)}</a></p>
        </section>
        <section aria-labelledby="partners-title">
            <h2 id="partners-title">{tr(PublicText::OurPartners)}</h2>
            <ul class="partner-chips">
                {partners.into_iter().map(|p| view! { <li>{p.name}</li> }).collect_view()}
            </ul>
            <p><a href="/partenaires">{tr(PublicText::AllPartners)}</a></p>
        </section>
    }
}
