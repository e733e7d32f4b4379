//! The bundle for people without an account: the public site, joining, logging in, and every
//! journey reached by a private link.

use app::app::{elsewhere_or_not_found, start, Bundle};
use app::pages::guest::*;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(|| {
        view! {
            <Routes fallback=|| elsewhere_or_not_found(Bundle::Guest)>
                <Route path=path!("/") view=home::Home />
                <Route path=path!("/coworking") view=coworking::Coworking />
                <Route path=path!("/salle") view=room::Room />
                <Route path=path!("/salle/demande") view=rental_request::RentalRequestPage />
                <Route path=path!("/location/:token") view=rental_status::RentalStatus />
                <Route path=path!("/clubs") view=clubs::Clubs />
                <Route path=path!("/e-education") view=education::Education />
                <Route path=path!("/partenaires") view=partners::Partners />
                <Route path=path!("/association") view=about::About />
                <Route path=path!("/adherer") view=join::Join />
                <Route path=path!("/connexion") view=login::Login />
                <Route path=path!("/mot-de-passe") view=password_forgot::PasswordForgot />
            </Routes>
        }
    });
}
