//! The root: language, site data and the routes.

use domain::wire::SiteContent;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api;
use crate::components::session::Session;
use crate::components::shell::Shell;
use crate::data::{load, Data};
use crate::i18n::I18n;
use crate::pages;

/// The public content, fetched once and shared by every page.
#[derive(Clone, Copy)]
pub struct SiteData(pub Data<SiteContent>);

pub fn use_site() -> SiteData {
    expect_context::<SiteData>()
}

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::init();
    provide_context(i18n);
    // The content carries both languages, so switching language does not refetch it.
    let site = load(move || api::site(i18n.lang_untracked()));
    provide_context(SiteData(site));
    provide_context(Session::init(i18n));

    view! {
        <Router>
            <Shell>
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::Home />
                    <Route path=path!("/coworking") view=pages::coworking::Coworking />
                    <Route path=path!("/salle") view=pages::room::Room />
                    <Route path=path!("/clubs") view=pages::clubs::Clubs />
                    <Route path=path!("/e-education") view=pages::education::Education />
                    <Route path=path!("/partenaires") view=pages::partners::Partners />
                    <Route path=path!("/association") view=pages::about::About />
                    <Route path=path!("/adherer") view=pages::join::Join />
                    <Route path=path!("/connexion") view=pages::login::Login />
                    <Route path=path!("/mot-de-passe") view=pages::password_forgot::PasswordForgot />
                    <Route path=path!("/mot-de-passe/nouveau") view=pages::password_new::PasswordNew />
                    <Route path=path!("/invitation") view=pages::invitation::Invitation />
                    <Route path=path!("/espace") view=pages::member_area::MemberArea />
                    <Route path=path!("/annuaire") view=pages::directory::Directory />
                    <Route path=path!("/gestion") view=pages::staff_applications::StaffApplications />
                    <Route path=path!("/gestion/membres") view=pages::staff_members::StaffMembers />
                    <Route path=path!("/gestion/membres/:id") view=pages::staff_member::StaffMember />
                    <Route path=path!("/gestion/courriels") view=pages::staff_outbox::StaffOutbox />
                    <Route path=path!("/gestion/journal") view=pages::staff_audit::StaffAudit />
                    <Route path=path!("/reserver") view=pages::booking::Booking />
                    <Route path=path!("/mes-reservations") view=pages::booking_list::MyBookings />
                    <Route path=path!("/salle/demande") view=pages::rental_request::RentalRequestPage />
                    <Route path=path!("/location/:token") view=pages::rental_status::RentalStatus />
                    <Route path=path!("/gestion/jour") view=pages::staff_day::StaffDayPage />
                    <Route path=path!("/gestion/reservations") view=pages::staff_bookings::StaffBookings />
                    <Route path=path!("/gestion/occupation") view=pages::staff_occupancy::StaffOccupancy />
                    <Route path=path!("/gestion/locations") view=pages::staff_rentals::StaffRentals />
                </Routes>
            </Shell>
        </Router>
    }
}
