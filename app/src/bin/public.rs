//! The public bundle: the pages anyone reads (the home page, coworking, the meeting room, clubs,
//! partners, the association), without the forms' code. The agenda and e-education, which list
//! events, are the agenda bundle.

use app::app::{elsewhere_or_not_found, start, Bundle};
use app::pages::public::*;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(|| {
        view! {
            <Routes fallback=|| elsewhere_or_not_found(Bundle::Public)>
                <Route path=path!("/") view=home::Home />
                <Route path=path!("/coworking") view=coworking::Coworking />
                <Route path=path!("/salle") view=room::Room />
                <Route path=path!("/clubs") view=clubs::Clubs />
                <Route path=path!("/partenaires") view=partners::Partners />
                <Route path=path!("/association") view=about::About />
            </Routes>
        }
    });
}
