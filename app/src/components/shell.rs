//! The page frame: skip link, header with a thumb-sized menu and the language switch, footer.

use domain::accounts::Role;
use domain::i18n::Text;
use domain::Lang;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::focus::focus_css;
use crate::components::session::use_session;
use crate::i18n::{tr, use_i18n};
use crate::site::with_site;
use crate::text::SharedText;

const NAV: &[(&str, SharedText)] = &[
    ("/", SharedText::NavHome),
    ("/coworking", SharedText::NavCoworking),
    ("/salle", SharedText::NavRoom),
    ("/clubs", SharedText::NavClubs),
    ("/e-education", SharedText::NavEducation),
    ("/entreprises", SharedText::NavBusiness),
    ("/agenda", SharedText::NavAgenda),
    ("/partenaires", SharedText::NavPartners),
    ("/association", SharedText::NavAbout),
];

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let location = use_location();
    // After each navigation (not the first page), focus moves to the new page's heading, so that a
    // keyboard or screen-reader user starts reading the page they chose, not the menu they left.
    Effect::new(move |before: Option<String>| {
        let path = location.pathname.get();
        if before.is_some_and(|b| b != path) {
            focus_page_start();
        }
        path
    });
    view! {
        <a
            class="skip-link"
            href="#contenu"
            on:click=move |ev| {
                // The router would take the hash as a navigation; move the focus ourselves.
                ev.prevent_default();
                focus_main();
            }
        >
            {tr(SharedText::SkipToContent)}
        </a>
        <Header />
        <main id="contenu" tabindex="-1">{children()}</main>
        <Footer />
    }
}

fn focus_main() {
    focus_css("#contenu");
}

/// Focus the page's `<h1>` once it is drawn (a page may draw it a frame later), else `<main>`.
fn focus_page_start() {
    request_animation_frame(|| {
        if let Some(h) = document().query_selector("main h1").ok().flatten() {
            let _ = h.set_attribute("tabindex", "-1");
        }
        if !focus_css("main h1") {
            focus_main();
        }
    });
}

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let session = use_session();
    // Escape closes the open menu and gives the focus back to its button (found in the document:
    // a `NodeRef` cost every bundle 0.3 KB brotli).
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            focus_css(".menu-toggle");
        }
    };
    let other = move || {
        if i18n.lang() == Lang::Fr {
            Lang::En
        } else {
            Lang::Fr
        }
    };

    view! {
        <header class="site-header" on:keydown=on_keydown>
            <div class="site-header__bar">
                <a href="/" class="brand">
                    <span class="brand__name">"Silicon Kerne"</span>
                    <span class="brand__tagline">{tr(SharedText::SiteTagline)}</span>
                </a>
                <div class="site-header__actions">
                    <button
                        type="button"
                        class="lang-switch"
                        lang=move || other().code()
                        on:click=move |_| i18n.set(other())
                    >
                        {tr(SharedText::SwitchLanguage)}
                    </button>
                    <button
                        type="button"
                        class="menu-toggle"
                        aria-controls="main-nav"
                        aria-expanded=move || open.get().to_string()
                        on:click=move |_| open.update(|o| *o = !*o)
                    >
                        <span class="menu-toggle__icon" aria-hidden="true"></span>
                        // The same word open or closed: `aria-expanded` says which, and the header
                        // keeps its width (a longer label broke the name onto four lines at 360 px).
                        {tr(SharedText::Menu)}
                    </button>
                </div>
            </div>
            <nav id="main-nav" class="main-nav" class:main-nav--open=move || open.get() aria-label=tr(SharedText::MainNavigation)>
                // A tap on a link navigates: close the menu so the new page is visible.
                <ul on:click=move |_| open.set(false)>
                    {NAV
                        .iter()
                        .map(|(href, msg)| view! { <li>{nav_link(href, *msg, false)}</li> })
                        .collect_view()}
                    {move || account_links(session.role())}
                </ul>
            </nav>
        </header>
    }
}

/// Join and log in, or the member's pages (and the staff's desk for staff and admins) and logging
/// out.
fn account_links(role: Option<Role>) -> impl IntoView {
    let links: &[(&str, SharedText)] = match role {
        None => &[
            ("/adherer", SharedText::NavJoin),
            ("/connexion", SharedText::NavLogin),
        ],
        Some(r) if r.is_staff() => &[
            ("/reserver", SharedText::NavBook),
            ("/mes-reservations", SharedText::NavMyBookings),
            ("/espace", SharedText::NavMyArea),
            ("/annuaire", SharedText::NavDirectory),
            ("/gestion", SharedText::NavStaff),
        ],
        Some(_) => &[
            ("/reserver", SharedText::NavBook),
            ("/mes-reservations", SharedText::NavMyBookings),
            ("/espace", SharedText::NavMyArea),
            ("/annuaire", SharedText::NavDirectory),
        ],
    };
    let items = links
        .iter()
        .map(|(href, ui)| view! { <li class="main-nav__account">{nav_link(href, *ui, false)}</li> })
        .collect_view();
    view! {
        {items}
        // A link, not a button with its request: the members' bundle ends the session
        // (`/espace/deconnexion`), and the guest bundle carries no code for it (0.9 KB brotli).
        {role.is_some().then(|| view! { <li class="main-nav__account">{nav_link("/espace/deconnexion", SharedText::LogOut, true)}</li> })}
    }
}

/// A menu link, marked `aria-current="page"` on the page it leads to and, unless `exact`, on the
/// pages under it. Other links are plain `<a>`: the router handles every same-site click.
pub fn nav_link(href: &'static str, label: impl Text, exact: bool) -> impl IntoView {
    let location = use_location();
    let current = move || {
        location
            .pathname
            .with(|path| leads_to(href, path, exact))
            .then_some("page")
    };
    view! { <a href=href aria-current=current>{tr(label)}</a> }
}

/// Whether a link to `href` leads to `path`: the same page, or (unless `exact`) a page below it.
pub fn leads_to(href: &str, path: &str, exact: bool) -> bool {
    let path = path
        .strip_suffix('/')
        .filter(|p| !p.is_empty())
        .unwrap_or(path);
    path == href
        || (!exact
            && href != "/"
            && path
                .strip_prefix(href)
                .is_some_and(|rest| rest.starts_with('/')))
}

#[component]
fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <h2 class="site-footer__title">{tr(SharedText::FooterContact)}</h2>
            {with_site(move |site| {
                let c = site.contact;
                let mailto = format!("mailto:{}", c.email);
                let tel = format!("tel:{}", c.phone.replace(' ', ""));
                view! {
                    <address class="site-footer__contact">
                        <p>{c.address}</p>
                        <p>{move || i18n.t(SharedText::Email)}" "<a href=mailto>{c.email.clone()}</a></p>
                        <p>{move || i18n.t(SharedText::Phone)}" "<a href=tel>{c.phone.clone()}</a></p>
                        <p>{move || i18n.t(SharedText::Website)}" "<a href=c.website.clone() rel="noopener">{c.website.clone()}</a></p>
                    </address>
                }
            })}
            <p class="site-footer__legal">{tr(SharedText::FooterAssociation)}</p>
        </footer>
    }
}
