//! The bundle for people without an account who do something: joining, logging in, asking for a
//! password link, asking for the meeting room, and every journey reached by a private link.

use app::app::{elsewhere_or_not_found, start, Bundle};
use app::pages::guest::*;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(|| {
        view! {
            <Routes fallback=|| elsewhere_or_not_found(Bundle::Guest)>
                <Route path=path!("/salle/demande") view=rental_request::RentalRequestPage />
                <Route path=path!("/location/:token") view=rental_status::RentalStatus />
                <Route path=path!("/adherer") view=join::Join />
                <Route path=path!("/connexion") view=login::Login />
                <Route path=path!("/mot-de-passe") view=password_forgot::PasswordForgot />
            </Routes>
        }
    });
}
