//! The bundle of an event's page and its sign-up form, for people without an account (parents,
//! teachers, youth workers). Apart from the guest bundle, which is near its download budget; the
//! agenda is a public page and a sign-up's private link has its own bundle (measured: the three
//! in one fetched 205.9 KB brotli a page, over the 200 KB budget).

use app::app::{elsewhere_or_not_found, start, Bundle};
use app::pages::events::event;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(|| {
        view! {
            <Routes fallback=|| elsewhere_or_not_found(Bundle::Events)>
                <Route path=path!("/agenda/:id") view=event::EventPage />
            </Routes>
        }
    });
}
