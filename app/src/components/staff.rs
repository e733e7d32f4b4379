//! The frame of the staff pages: title, the back-office's menu by section, and the staff-only gate.

use domain::accounts::Role;
use domain::wire::Me;
use leptos::prelude::*;

use leptos_router::hooks::use_location;

use crate::components::focus::focus_css;
use crate::components::session::{gate, Audience, Content};
use crate::components::shell::{leads_to, nav_link};
use crate::i18n::{tr, use_i18n, use_title};
use crate::text::StaffText;

/// The dashboard: its link leads to itself alone, not to every page under `/gestion`.
const DASHBOARD: &str = "/gestion";

/// The back-office in sections named by what the concierge is doing, each with its pages. On a
/// phone the menu is one button (where you are) that opens every section: any page is two taps
/// away. On a laptop every section and page shows at once: one click.
const SECTIONS: &[(StaffText, &[(&str, StaffText)])] = &[
    (
        StaffText::MenuToday,
        &[
            (DASHBOARD, StaffText::StaffDashboard),
            ("/gestion/jour", StaffText::StaffDay),
        ],
    ),
    (
        StaffText::MenuBookings,
        &[
            ("/gestion/reservations", StaffText::StaffCalendar),
            ("/gestion/occupation", StaffText::StaffOccupancy),
            ("/gestion/blocages", StaffText::StaffBlocks),
            ("/gestion/locations", StaffText::StaffRentals),
        ],
    ),
    (
        StaffText::MenuMembers,
        &[
            ("/gestion/adhesions", StaffText::StaffApplications),
            ("/gestion/membres", StaffText::StaffMembers),
        ],
    ),
    (
        StaffText::MenuEvents,
        &[("/gestion/evenements", StaffText::StaffEvents)],
    ),
    (
        StaffText::MenuConsultations,
        &[
            ("/gestion/consultations", StaffText::StaffConsultations),
            ("/gestion/ressources", StaffText::StaffLibrary),
        ],
    ),
    (
        StaffText::MenuAssociation,
        &[("/gestion/assemblees", StaffText::StaffAssemblies)],
    ),
    (
        StaffText::MenuFigures,
        &[
            ("/gestion/statistiques", StaffText::StaffStats),
            ("/gestion/rapport", StaffText::StaffReport),
        ],
    ),
    (
        StaffText::MenuSettings,
        &[
            ("/gestion/reglages", StaffText::StaffSettings),
            ("/gestion/courriels", StaffText::StaffOutbox),
            ("/gestion/journal", StaffText::StaffAudit),
        ],
    ),
];

/// The section and page a staff path belongs to: the longest page address that leads to it, as
/// the menu's links mark themselves (`/gestion/membres/12` is under "Adhérents"; `/gestion`
/// itself only for the dashboard).
fn whereabouts(path: &str) -> Option<(StaffText, StaffText)> {
    SECTIONS
        .iter()
        .flat_map(|(section, pages)| {
            pages
                .iter()
                .map(move |(href, page)| (*href, *section, *page))
        })
        .filter(|(href, _, _)| leads_to(href, path, *href == DASHBOARD))
        .max_by_key(|(href, _, _)| href.len())
        .map(|(_, section, page)| (section, page))
}

#[component]
pub fn StaffFrame<F, V>(title: StaffText, content: F) -> impl IntoView
where
    F: Fn(Me) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    frame(title, Box::new(move |me| content(me).into_any()))
}

/// The frame itself, compiled once for every staff page.
fn frame(title: StaffText, content: Content) -> impl IntoView {
    use_title(title);
    // The staff menu is part of what only staff see: a visitor gets the login, not the menu.
    let framed: Content = Box::new(move |me| view! { <StaffMenu /> {content(me)} }.into_any());
    view! {
        <h1>{tr(title)}</h1>
        {gate(Audience::Staff, framed)}
    }
}

#[component]
fn StaffMenu() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let open = RwSignal::new(false);
    let here = move || location.pathname.with(|p| whereabouts(p));
    // Escape closes the open menu and gives the focus back to its button, as the site's menu does.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            focus_css(".staff-nav__toggle");
        }
    };
    let sections = SECTIONS
        .iter()
        .enumerate()
        .map(|(i, (section, pages))| {
            let id = format!("staff-section-{i}");
            let current = move || here().is_some_and(|(s, _)| s == *section);
            view! {
                <li class="staff-nav__section" class:staff-nav__section--current=current>
                    <span class="staff-nav__name" id=id.clone()>{tr(*section)}</span>
                    <ul aria-labelledby=id>
                        {pages
                            .iter()
                            .map(|&(href, label)| view! { <li>{nav_link(href, label, href == DASHBOARD)}</li> })
                            .collect_view()}
                    </ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="staff-nav" aria-label=tr(StaffText::StaffNavigation) on:keydown=on_keydown>
            <button
                type="button"
                class="staff-nav__toggle"
                aria-controls="staff-sections"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="staff-nav__label">{tr(StaffText::StaffNavigation)}</span>
                <span class="staff-nav__here">
                    {move || {
                        here()
                            .map(|(s, p)| format!("{} › {}", i18n.t(s), i18n.t(p)))
                            .unwrap_or_default()
                    }}
                </span>
            </button>
            // A tap on a link navigates: close the menu so the page shows.
            <ul id="staff-sections" class="staff-nav__sections" class:staff-nav__sections--open=move || open.get() on:click=move |_| open.set(false)>
                {sections}
            </ul>
        </nav>
    }
}

pub fn role_label(role: Role) -> StaffText {
    match role {
        Role::Member => StaffText::RoleMember,
        Role::Staff => StaffText::RoleStaff,
        Role::Admin => StaffText::RoleAdmin,
    }
}
