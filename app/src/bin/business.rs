//! The bundle of the pages for businesses: `/entreprises` (what the cantine offers and the request
//! form) and the library (`/ressources`).

use app::app::{elsewhere_or_not_found, start, Bundle};
use app::pages::business::{library, offer};
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(|| {
        view! {
            <Routes fallback=|| elsewhere_or_not_found(Bundle::Business)>
                <Route path=path!("/entreprises") view=offer::OfferPage />
                <Route path=path!("/ressources") view=library::LibraryPage />
                <Route path=path!("/ressources/:slug") view=library::ResourcePage />
            </Routes>
        }
    });
}
