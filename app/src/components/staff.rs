//! The frame of the staff pages: title, a small sub-navigation, and the staff-only gate.

use domain::accounts::Role;
use domain::ui_text::Ui;
use domain::wire::Me;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::session::{guarded, Audience};
use crate::i18n::{tr, use_title};

#[component]
pub fn StaffFrame<F, V>(title: Ui, content: F) -> impl IntoView
where
    F: Fn(Me) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    use_title(title);
    view! {
        <h1>{tr(title)}</h1>
        <nav class="subnav" aria-label=tr(Ui::StaffNavigation)>
            <ul>
                <li><A href="/gestion/jour">{tr(Ui::StaffDay)}</A></li>
                <li><A href="/gestion/reservations">{tr(Ui::StaffBookings)}</A></li>
                <li><A href="/gestion/occupation">{tr(Ui::StaffOccupancy)}</A></li>
                <li><A href="/gestion/locations">{tr(Ui::StaffRentals)}</A></li>
                <li><A href="/gestion" exact=true>{tr(Ui::StaffApplications)}</A></li>
                <li><A href="/gestion/membres">{tr(Ui::StaffMembers)}</A></li>
                <li><A href="/gestion/courriels">{tr(Ui::StaffOutbox)}</A></li>
                <li><A href="/gestion/journal">{tr(Ui::StaffAudit)}</A></li>
            </ul>
        </nav>
        {guarded(Audience::Staff, content)}
    }
}

pub fn role_label(role: Role) -> Ui {
    match role {
        Role::Member => Ui::RoleMember,
        Role::Staff => Ui::RoleStaff,
        Role::Admin => Ui::RoleAdmin,
    }
}
