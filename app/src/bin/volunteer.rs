//! The bundle of a member who volunteers for consultations (`/espace/consultations`): their topics
//! and monthly cap, and the requests offered to them.

use app::app::{elsewhere_or_not_found, start, Bundle};
use app::pages::member::volunteering;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(|| {
        view! {
            <Routes fallback=|| elsewhere_or_not_found(Bundle::Volunteer)>
                <Route path=path!("/espace/consultations") view=volunteering::VolunteeringPage />
            </Routes>
        }
    });
}
