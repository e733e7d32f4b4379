//! The agenda bundle: the pages that list events for people without an account (the agenda and
//! e-education with its next dates). Apart from the public bundle, so that the home page and the
//! agenda each stay under 150 KB brotli (measured: the agenda in the public bundle made every
//! public page fetch 164.9 KB).

use app::app::{elsewhere_or_not_found, start, Bundle};
use app::pages::events::{agenda, education};
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(|| {
        view! {
            <Routes fallback=|| elsewhere_or_not_found(Bundle::Agenda)>
                <Route path=path!("/agenda") view=agenda::Agenda />
                <Route path=path!("/e-education") view=education::Education />
            </Routes>
        }
    });
}
