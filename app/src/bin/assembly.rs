//! The bundle of a voter's page of a general assembly (`/espace/assemblee/{id}`, the convocation's
//! link): its own, so that the members' daily pages do not carry it.

use app::app::{elsewhere_or_not_found, start, Bundle};
use app::pages::member::assembly;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(|| {
        view! {
            <Routes fallback=|| elsewhere_or_not_found(Bundle::Assembly)>
                <Route path=path!("/espace/assemblee/:id") view=assembly::AssemblyPage />
            </Routes>
        }
    });
}
