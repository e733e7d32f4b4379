//! The frame of the staff pages: title, a small sub-navigation, and the staff-only gate.

use domain::accounts::Role;
use domain::wire::Me;
use leptos::prelude::*;

use crate::components::session::{gate, Audience, Content};
use crate::components::shell::nav_link;
use crate::i18n::{tr, use_title};
use crate::text::StaffText;

const STAFF_NAV: &[(&str, StaffText)] = &[
    ("/gestion", StaffText::StaffDashboard),
    ("/gestion/jour", StaffText::StaffDay),
    ("/gestion/reservations", StaffText::StaffBookings),
    ("/gestion/occupation", StaffText::StaffOccupancy),
    ("/gestion/blocages", StaffText::StaffBlocks),
    ("/gestion/locations", StaffText::StaffRentals),
    ("/gestion/evenements", StaffText::StaffEvents),
    ("/gestion/adhesions", StaffText::StaffApplications),
    ("/gestion/membres", StaffText::StaffMembers),
    ("/gestion/courriels", StaffText::StaffOutbox),
    ("/gestion/journal", StaffText::StaffAudit),
    ("/gestion/statistiques", StaffText::StaffStats),
    ("/gestion/rapport", StaffText::StaffReport),
    ("/gestion/reglages", StaffText::StaffSettings),
];

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
    let framed: Content = Box::new(move |me| {
        view! {
            <nav class="subnav" aria-label=tr(StaffText::StaffNavigation)>
                <ul>
                    {STAFF_NAV.iter().map(|&(href, label)| view! { <li>{nav_link(href, label, href == "/gestion")}</li> }).collect_view()}
                </ul>
            </nav>
            {content(me)}
        }
        .into_any()
    });
    view! {
        <h1>{tr(title)}</h1>
        {gate(Audience::Staff, framed)}
    }
}

pub fn role_label(role: Role) -> StaffText {
    match role {
        Role::Member => StaffText::RoleMember,
        Role::Staff => StaffText::RoleStaff,
        Role::Admin => StaffText::RoleAdmin,
    }
}
