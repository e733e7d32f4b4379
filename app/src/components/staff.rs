//! The frame of the staff pages: title, a small sub-navigation, and the staff-only gate.

use domain::accounts::Role;
use domain::ui_text::Ui;
use domain::wire::Me;
use leptos::prelude::*;

use crate::components::session::{gate, Audience, Content};
use crate::components::shell::nav_link;
use crate::i18n::{tr, use_title};

const STAFF_NAV: &[(&str, Ui)] = &[
    ("/gestion/jour", Ui::StaffDay),
    ("/gestion/reservations", Ui::StaffBookings),
    ("/gestion/occupation", Ui::StaffOccupancy),
    ("/gestion/locations", Ui::StaffRentals),
    ("/gestion", Ui::StaffApplications),
    ("/gestion/membres", Ui::StaffMembers),
    ("/gestion/courriels", Ui::StaffOutbox),
    ("/gestion/journal", Ui::StaffAudit),
];

#[component]
pub fn StaffFrame<F, V>(title: Ui, content: F) -> impl IntoView
where
    F: Fn(Me) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    frame(title, Box::new(move |me| content(me).into_any()))
}

/// The frame itself, compiled once for every staff page.
fn frame(title: Ui, content: Content) -> impl IntoView {
    use_title(title);
    view! {
        <h1>{tr(title)}</h1>
        <nav class="subnav" aria-label=tr(Ui::StaffNavigation)>
            <ul>
                {STAFF_NAV.iter().map(|(href, label)| view! { <li>{nav_link(href, *label, *href == "/gestion")}</li> }).collect_view()}
            </ul>
        </nav>
        {gate(Audience::Staff, content)}
    }
}

pub fn role_label(role: Role) -> Ui {
    match role {
        Role::Member => Ui::RoleMember,
        Role::Staff => Ui::RoleStaff,
        Role::Admin => Ui::RoleAdmin,
    }
}
