//! The bundle of a sign-up's private link (`/inscription/{token}`): the sign-up as it stands, a
//! change of seats, the calendar file, the export and the cancellation.

use app::app::{elsewhere_or_not_found, start, Bundle};
use app::pages::events::registration;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(|| {
        view! {
            <Routes fallback=|| elsewhere_or_not_found(Bundle::Signup)>
                <Route path=path!("/inscription/:token") view=registration::RegistrationPage />
            </Routes>
        }
    });
}
