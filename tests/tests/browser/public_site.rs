use anyhow::{ensure, Result};
use fantoccini::Locator;
use kerne_tests::browser::Page;
use kerne_tests::ensure_each;

use crate::support::with_page;
use crate::Ctx;

/// Every public page, with its heading in French and in English.
const PAGES: &[(&str, &str, &str)] = &[
    ("/", "Silicon Kerne", "Silicon Kerne"),
    ("/coworking", "Le coworking", "Coworking"),
    (
        "/salle",
        "Louer la salle de réunion",
        "Rent the meeting room",
    ),
    ("/clubs", "Les clubs", "Clubs"),
    ("/e-education", "E-éducation", "E-education"),
    ("/agenda", "Agenda", "Agenda"),
    (
        "/agenda/904",
        "Makey Makey : la banane qui joue du piano",
        "Makey Makey: the banana piano",
    ),
    ("/partenaires", "Nos partenaires", "Our partners"),
    ("/association", "L'association", "About the association"),
    ("/adherer", "Adhérer à Silicon Kerne", "Join Silicon Kerne"),
    (
        "/cette-page-n-existe-pas",
        "Page introuvable",
        "Page not found",
    ),
];

async fn open_menu(page: &Page) -> Result<()> {
    let toggle = page.client.find(Locator::Css("button.menu-toggle")).await?;
    ensure!(
        toggle.attr("aria-expanded").await?.as_deref() == Some("false"),
        "the menu starts closed"
    );
    toggle.click().await?;
    ensure!(
        toggle.attr("aria-expanded").await?.as_deref() == Some("true"),
        "the menu button says it is open"
    );
    Ok(())
}

pub async fn home_shows_the_cantine_and_its_partners(ctx: &'static Ctx) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.goto(&ctx.url("/")).await?;
            page.wait_for_heading("Silicon Kerne").await?;
            ensure!(page.html_lang().await? == "fr", "French by default");
            let text = page.text().await?;
            ensure!(
                text.contains("La cantine numérique de Quimper"),
                "tagline missing"
            );
            ensure!(
                text.contains("Appnexus"),
                "the partner Appnexus is not on the home page"
            );
            ensure!(text.contains("Aujourd'hui"), "no today card");
            // What a visitor can come to, each a link to its page (never a members-only meeting).
            ensure!(
                !text.contains("Réunion du club"),
                "the home offers a members-only meeting to a visitor"
            );
            page.wait_for(
                Locator::Css("section[aria-labelledby=events-title] li.event a[href^='/agenda/']"),
                "an upcoming event's link on the home page",
            )
            .await?
            .click()
            .await?;
            page.wait_for(Locator::Css("#signup-title"), "the event's sign-up")
                .await?;
            page.goto(&ctx.url("/")).await?;
            page.wait_for_heading("Silicon Kerne").await?;
            page.wait_for(
                Locator::Css(".hero a[href='/adherer']"),
                "the home page's invitation to join, for a visitor",
            )
            .await?;
            ensure!(
                page.console_errors().await?.is_empty(),
                "console errors: {:?}",
                page.console_errors().await?
            );
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

pub async fn menu_leads_to_clubs_and_e_education(ctx: &'static Ctx) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.goto(&ctx.url("/")).await?;
            page.wait_for_heading("Silicon Kerne").await?;
            open_menu(&page).await?;
            page.click_text("#main-nav a", "Clubs").await?;
            page.wait_for_heading("Les clubs").await?;
            ensure!(page.client.current_url().await?.path() == "/clubs");
            let text = page.text().await?;
            ensure_each!(
                [text.contains("E-commerce"), text.contains("Graphistes")],
                "both clubs are listed"
            );
            ensure!(
                text.contains("Prochaine réunion"),
                "the next meeting is shown"
            );
            // Each club's next meeting is a link to its page in the agenda.
            let clubs = page
                .client
                .find_all(Locator::Css("section.club"))
                .await?
                .len();
            let links = page
                .client
                .find_all(Locator::Css("section.club .club__next a[href^='/agenda/']"))
                .await?
                .len();
            ensure_each!(
                [clubs >= 2, links == clubs],
                "{links} of {clubs} clubs link their next meeting"
            );
            let nav_hidden = page
                .client
                .execute(
                    "return getComputedStyle(document.getElementById('main-nav')).display",
                    vec![],
                )
                .await?;
            ensure!(
                nav_hidden == "none",
                "the menu closes after navigating (display: {nav_hidden})"
            );
            open_menu(&page).await?;
            page.click_text("#main-nav a", "E-éducation").await?;
            page.wait_for_heading("E-éducation").await?;
            ensure!(page.text().await?.contains("Petits Débrouillards"));
            // The children's workshops part lists its next dates, each a card with its page,
            // and links to all of them in the agenda.
            let kids = "section[aria-labelledby=part-children_workshop]";
            page.wait_for(
                Locator::Css(&format!("{kids} li.event-card a[href^='/agenda/']")),
                "a children's workshop on /e-education",
            )
            .await?;
            page.client
                .find(Locator::Css(&format!(
                    "{kids} a[href='/agenda?type=children_workshop']"
                )))
                .await?;
            // The menu is closed again, so read the link's text content rather than its visible text.
            let current = page
                .client
                .execute(
                    "return document.querySelector('#main-nav a[aria-current=page]')?.textContent",
                    vec![],
                )
                .await?;
            ensure!(
                current == "E-éducation",
                "the menu marks the current page, not {current:?}"
            );
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

pub async fn deep_links_open_directly(ctx: &'static Ctx) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.goto(&ctx.url("/partenaires")).await?;
            page.wait_for_heading("Nos partenaires").await?;
            ensure!(page.text().await?.contains("Crédit Agricole du Finistère"));
            page.goto(&ctx.url("/association")).await?;
            page.wait_for_heading("L'association").await?;
            let board = page.client.find_all(Locator::Css(".board li")).await?;
            ensure!(board.len() == 10, "the board lists {} people", board.len());
            page.goto(&ctx.url("/nulle/part")).await?;
            page.wait_for_heading("Page introuvable").await?;
            page.click_text("main a", "Retour à l'accueil").await?;
            page.wait_for_heading("Silicon Kerne").await?;
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

pub async fn english_is_one_tap_away_and_remembered(ctx: &'static Ctx) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.goto(&ctx.url("/clubs")).await?;
            page.wait_for_heading("Les clubs").await?;
            page.click_text("button.lang-switch", "English").await?;
            page.wait_for_heading("Clubs").await?;
            ensure!(
                page.html_lang().await? == "en",
                "<html lang> follows the language"
            );
            ensure!(
                page.text().await?.contains("Next meeting"),
                "the content switched too"
            );
            page.client.refresh().await?;
            page.wait_for_heading("Clubs").await?;
            ensure!(
                page.html_lang().await? == "en",
                "English is remembered after a reload"
            );
            ensure!(
                page.client.title().await?.contains("Clubs"),
                "the document title is translated"
            );
            page.click_text("button.lang-switch", "Français").await?;
            page.wait_for_heading("Les clubs").await?;
            ensure!(page.html_lang().await? == "fr");
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

pub async fn every_public_page_is_accessible_and_fits_a_phone(ctx: &'static Ctx) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            let mut problems = Vec::new();
            for (lang, switch) in [("fr", None), ("en", Some("English"))] {
                if let Some(label) = switch {
                    page.goto(&ctx.url("/")).await?;
                    page.wait_for_page().await?;
                    page.click_text("button.lang-switch", label).await?;
                }
                for (path, fr, en) in PAGES {
                    page.goto(&ctx.url(path)).await?;
                    page.wait_for_heading(if lang == "fr" { fr } else { en }).await?;
                    for v in page.axe_violations().await? {
                        problems.push(format!("{path} [{lang}] axe: {v}"));
                    }
                    for o in page.overflowing_elements().await? {
                        problems.push(format!("{path} [{lang}] wider than 390 px: {o}"));
                    }
                    for e in page.console_errors().await? {
                        problems.push(format!("{path} [{lang}] console: {e}"));
                    }
                    let name = path.trim_matches('/').replace('/', "_");
                    page.screenshot(&format!("{}-{lang}", if name.is_empty() { "home" } else { &name })).await?;
                }
            }
            // The narrowest phone we support.
            page.set_viewport(360, 640).await?;
            for (path, _, en) in PAGES {
                page.goto(&ctx.url(path)).await?;
                page.wait_for_heading(en).await?;
                for o in page.overflowing_elements().await? {
                    problems.push(format!("{path} wider than 360 px: {o}"));
                }
            }
            ensure!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
            // The checker itself must be able to fail: an image without text is a violation.
            page.client
                .execute("const i = document.createElement('img'); i.src = '/favicon.svg'; document.querySelector('main').append(i);", vec![])
                .await?;
            let found = page.axe_violations().await?;
            ensure!(found.iter().any(|v| v.starts_with("image-alt")), "axe missed an image without alt text: {found:?}");
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

/// A link from one bundle to another is a page load that keeps the whole address: a member on the
/// home page (guest bundle) follows a link to the room's calendar (members' bundle).
pub async fn links_between_bundles_keep_their_query(ctx: &'static Ctx) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            crate::support::log_in(ctx, &page, "membre41@silicon-kerne.test", crate::support::DEMO_PASSWORD, "Mon espace").await?;
            page.goto(&ctx.url("/")).await?;
            page.wait_for_heading("Silicon Kerne").await?;
            page.client
                .execute(
                    "const a = document.createElement('a'); a.href = '/reserver?ressource=salle-reunion#grille';
                     a.id = 'to-room'; a.textContent = 'salle'; document.querySelector('main').append(a);",
                    vec![],
                )
                .await?;
            page.client.find(Locator::Css("#to-room")).await?.click().await?;
            page.wait_for_heading("Réserver un poste ou la salle").await?;
            let url = page.client.current_url().await?;
            ensure_each!([url.path() == "/reserver", url.query() == Some("ressource=salle-reunion"), url.fragment() == Some("grille")], "the link led to {url}");
            let room = page.wait_for(Locator::XPath("//button[@aria-pressed='true'][normalize-space()='Salle de réunion']"), "the room chosen from the link's query").await?;
            ensure!(room.text().await?.contains("Salle"), "the room toggle");
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}
