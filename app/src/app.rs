//! What every bundle shares: language, site data, session, the page frame, and the rule saying
//! which bundle serves which path.

use domain::endpoints as ep;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;

use crate::address::{is_first_path, remember_first_path};
use crate::api;
use crate::components::session::Session;
use crate::components::shell::Shell;
use crate::components::status::Loading;
use crate::i18n::I18n;
use crate::pages::guest::not_found::NotFound;
use crate::site::SiteData;

/// The twelve bundles. The same rule is written in `scripts/boot.js`, which picks the bundle a
/// page load starts; the budget tests (`tests/tests/browser/budget.rs`) check that they agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// The pages anyone reads.
    Public,
    /// What people without an account do: join, log in, ask for the room, private links.
    Guest,
    Member,
    Staff,
    /// The pages that list events for people without an account: the agenda and e-education.
    Agenda,
    /// People without an account who come to an event (parents, teachers): its page and its
    /// sign-up form.
    Events,
    /// The private link of a sign-up (see it, change the seats, cancel).
    Signup,
    /// Businesses: what the cantine offers them with the request form, and the library.
    Business,
    /// A consultation request's private link (its own bundle: with it the business bundle was
    /// 210 KB brotli, over the guests' 200 KB, measured by the budget test).
    Consultation,
    /// A member who volunteers for consultations: their topics and the requests offered to them
    /// (its own bundle: the forms made the members' bundle 34 KB brotli heavier, measured by the
    /// budget test).
    Volunteer,
    /// A voter's page of a general assembly (its own bundle: the members' bundle had 2.7 KB left
    /// of its budget).
    Assembly,
    /// The staff's pages of the general assembly (its own bundle: in the staff's, they took it
    /// over its budget).
    AssemblyStaff,
}

/// The journeys of people without an account (a form, a private link).
const GUEST_PREFIXES: &[&str] = &[
    "/adherer",
    "/connexion",
    "/mot-de-passe",
    "/salle/demande",
    "/location",
];

/// The pages that list events (the agenda bundle).
const AGENDA_PAGES: &[&str] = &["/agenda", "/e-education"];
/// An event's page with its form (`/agenda/{id}`).
const EVENT_PAGES: &str = "/agenda/";
/// The private links of sign-ups.
const SIGNUP_PREFIX: &str = "/inscription";

/// The pages for businesses.
const BUSINESS_PREFIXES: &[&str] = &["/entreprises", "/ressources"];
/// The private links of consultation requests.
const CONSULTATION_PREFIX: &str = "/consultation";

/// The volunteers' page (under the members' area).
const VOLUNTEER_PAGE: &str = "/espace/consultations";
/// A voter's page of a general assembly (under the members' area).
const ASSEMBLY_PAGES: &str = "/espace/assemblee";
/// The staff's pages of the general assembly (under the back-office).
const ASSEMBLY_STAFF_PAGES: &str = "/gestion/assemblees";

/// The members' pages, and the two where a member sets a password from an email's link.
const MEMBER_PREFIXES: &[&str] = &[
    "/espace",
    "/reserver",
    "/mes-reservations",
    "/annuaire",
    "/invitation",
    "/mot-de-passe/nouveau",
];

impl Bundle {
    /// The bundle that serves `path`.
    pub fn serving(path: &str) -> Bundle {
        let under = |prefix: &str| {
            path.strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        if under(ASSEMBLY_STAFF_PAGES) {
            Bundle::AssemblyStaff
        } else if under("/gestion") {
            Bundle::Staff
        } else if under(VOLUNTEER_PAGE) {
            Bundle::Volunteer
        } else if under(ASSEMBLY_PAGES) {
            Bundle::Assembly
        } else if MEMBER_PREFIXES.iter().any(|p| under(p)) {
            Bundle::Member
        } else if AGENDA_PAGES.contains(&path) {
            Bundle::Agenda
        } else if path.starts_with(EVENT_PAGES) {
            Bundle::Events
        } else if under(SIGNUP_PREFIX) {
            Bundle::Signup
        } else if BUSINESS_PREFIXES.iter().any(|p| under(p)) {
            Bundle::Business
        } else if under(CONSULTATION_PREFIX) {
            Bundle::Consultation
        } else if GUEST_PREFIXES.iter().any(|p| under(p)) {
            Bundle::Guest
        } else {
            Bundle::Public
        }
    }
}

/// Starts the app of one bundle: the shared frame around that bundle's routes.
pub fn start<V: IntoView + 'static>(routes: impl FnOnce() -> V + Send + 'static) {
    console_error_panic_hook::set_once();
    remember_first_path();
    // The static splash in index.html covers the time the wasm takes to load; the app replaces it.
    if let Some(splash) = document().get_element_by_id("boot-splash") {
        splash.remove();
    }
    leptos::mount::mount_to_body(move || {
        let i18n = I18n::init();
        provide_context(i18n);
        // The content carries both languages, so switching language does not refetch it.
        let site = LocalResource::new(move || api::call(ep::SITE));
        provide_context(SiteData(site));
        provide_context(Session::init());
        view! {
            <Router>
                <Shell>{routes()}</Shell>
            </Router>
        }
    });
}

/// The fallback of every bundle's routes: a path another bundle serves is loaded as a page (the
/// router took the click), any other path is not found.
pub fn elsewhere_or_not_found(this: Bundle) -> AnyView {
    let location = use_location();
    let path = location.pathname.get_untracked();
    // The page load itself started at this path: the boot script chose this bundle for it, and
    // loading the page again would loop.
    let loaded_here = is_first_path(&path);
    if Bundle::serving(&path) != this && !loaded_here {
        // The router keeps the query without its `?` (and the hash with its `#`, or not).
        let (search, hash) = (
            location.search.get_untracked(),
            location.hash.get_untracked(),
        );
        let search = if search.is_empty() {
            String::new()
        } else {
            format!("?{}", search.trim_start_matches('?'))
        };
        let hash = if hash.is_empty() {
            String::new()
        } else {
            format!("#{}", hash.trim_start_matches('#'))
        };
        let target = format!("{path}{search}{hash}");
        let _ = window().location().replace(&target);
        view! { <Loading /> }.into_any()
    } else {
        view! { <NotFound /> }.into_any()
    }
}
