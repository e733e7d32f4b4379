//! The root: language, site data and the routes.

use domain::wire::SiteContent;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api::{self, ApiFailure};
use crate::components::shell::Shell;
use crate::i18n::I18n;
use crate::pages;

/// The public content, fetched once and shared by every page.
#[derive(Clone, Copy)]
pub struct SiteData(pub LocalResource<Result<SiteContent, ApiFailure>>);

pub fn use_site() -> SiteData {
    expect_context::<SiteData>()
}

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::init();
    provide_context(i18n);
    // The content carries both languages, so switching language does not refetch it.
    let site = LocalResource::new(move || api::site(i18n.lang_untracked()));
    provide_context(SiteData(site));

    view! {
        <Router>
            <Shell>
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::Home />
                    <Route path=path!("/coworking") view=pages::coworking::Coworking />
                    <Route path=path!("/salle") view=pages::room::Room />
                    <Route path=path!("/clubs") view=pages::clubs::Clubs />
                    <Route path=path!("/e-education") view=pages::education::Education />
                    <Route path=path!("/partenaires") view=pages::partners::Partners />
                    <Route path=path!("/association") view=pages::about::About />
                    <Route path=path!("/adherer") view=pages::join::Join />
                </Routes>
            </Shell>
        </Router>
    }
}
