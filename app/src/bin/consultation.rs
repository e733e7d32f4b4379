//! The bundle of a consultation request's private link (`/consultation/{token}`): its timeline,
//! the appointment, the resources, the feedback, and the requester's data.

use app::app::{elsewhere_or_not_found, start, Bundle};
use app::pages::business::status;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(|| {
        view! {
            <Routes fallback=|| elsewhere_or_not_found(Bundle::Consultation)>
                <Route path=path!("/consultation/:token") view=status::StatusPage />
            </Routes>
        }
    });
}
