//! The staff back-office bundle, under `/gestion`.

use app::app::{elsewhere_or_not_found, start, Bundle};
use app::pages::staff::*;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(|| {
        view! {
            <Routes fallback=|| elsewhere_or_not_found(Bundle::Staff)>
                <Route path=path!("/gestion") view=dashboard::StaffDashboard />
                <Route path=path!("/gestion/adhesions") view=applications::StaffApplications />
                <Route path=path!("/gestion/statistiques") view=statistics::StaffStatistics />
                <Route path=path!("/gestion/rapport") view=report::StaffReport />
                <Route path=path!("/gestion/membres") view=members::StaffMembers />
                <Route path=path!("/gestion/membres/:id") view=member::StaffMember />
                <Route path=path!("/gestion/courriels") view=outbox::StaffOutbox />
                <Route path=path!("/gestion/journal") view=audit::StaffAudit />
                <Route path=path!("/gestion/jour") view=day::StaffDayPage />
                <Route path=path!("/gestion/reservations") view=bookings::StaffBookings />
                <Route path=path!("/gestion/occupation") view=occupancy::StaffOccupancy />
                <Route path=path!("/gestion/locations") view=rentals::StaffRentals />
                <Route path=path!("/gestion/locations/:id/devis") view=rentals::StaffRentalQuote />
                <Route path=path!("/gestion/evenements") view=events::StaffEvents />
                <Route path=path!("/gestion/evenements/:id") view=event_edit::StaffEventEdit />
                <Route path=path!("/gestion/evenements/:id/inscrits") view=event_registrations::StaffEventRegistrations />
                <Route path=path!("/gestion/blocages") view=blocks::StaffBlocks />
                <Route path=path!("/gestion/reglages") view=settings::StaffSettings />
                <Route path=path!("/gestion/consultations") view=consultations::StaffConsultations />
                <Route path=path!("/gestion/consultations/:id") view=consultations::StaffConsultation />
                <Route path=path!("/gestion/ressources") view=library::StaffLibrary />
                <Route path=path!("/gestion/ressources/:slug") view=library::StaffResource />
            </Routes>
        }
    });
}
