//! What the member and the concierge still tripped over (issue 25), walked in Chromium at a
//! phone's width, by thumb and by keyboard: the staff menu by section, a focus ring that reads on
//! the header, the booking's confirmation in view, who must renew.

use anyhow::{ensure, Context, Result};
use fantoccini::key::Key;
use fantoccini::Locator;
use kerne_tests::browser::Page;
use kerne_tests::ensure_each;

use crate::newcomer::{focused, press};
use crate::support::with_page;
use crate::support::{check_page, log_in, wait_for_text, DEMO_PASSWORD, STAFF};
use crate::Ctx;

/// Open a staff page from the staff menu: on a phone its button first, then the page's link.
pub(crate) async fn staff_menu(page: &Page, link: &str) -> Result<()> {
    let toggle = page
        .client
        .find(Locator::Css("button.staff-nav__toggle"))
        .await
        .context("the staff menu's button")?;
    if toggle.is_displayed().await?
        && toggle.attr("aria-expanded").await?.as_deref() != Some("true")
    {
        toggle.click().await?;
    }
    page.click_text(".staff-nav a", link).await
}

/// Tab until the focused element's description contains `needle`, at most 60 times.
pub(crate) async fn tab_to(page: &Page, needle: &str) -> Result<()> {
    for _ in 0..60 {
        if focused(page).await?.contains(needle) {
            return Ok(());
        }
        press(page, Key::Tab).await?;
    }
    anyhow::bail!("60 Tabs never reached {needle:?}: {}", focused(page).await?)
}

/// What the staff menu's button says (where the concierge is).
async fn menu_says(page: &Page) -> Result<String> {
    Ok(page
        .client
        .find(Locator::Css("button.staff-nav__toggle"))
        .await?
        .text()
        .await?)
}

async fn nav_height(page: &Page) -> Result<f64> {
    let v = page
        .client
        .execute(
            "return document.querySelector('nav.staff-nav').getBoundingClientRect().height;",
            vec![],
        )
        .await?;
    v.as_f64().context("the staff menu's height")
}

/// How many of the staff menu's links a person can see right now.
async fn visible_links(page: &Page) -> Result<usize> {
    let mut n = 0;
    for a in page.client.find_all(Locator::Css(".staff-nav a")).await? {
        if a.is_displayed().await? {
            n += 1;
        }
    }
    Ok(n)
}

pub async fn the_staff_menu_is_one_line_on_a_phone_and_any_page_two_keys_away(
    ctx: &'static Ctx,
) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.set_viewport(360, 740).await?;
            log_in(ctx, &page, STAFF, DEMO_PASSWORD, "Tableau de bord").await?;
            // Closed, the menu is one button that says where the concierge is.
            let toggle = page
                .client
                .find(Locator::Css("button.staff-nav__toggle"))
                .await?;
            let height = nav_height(&page).await?;
            ensure!(
                height <= 72.0,
                "the closed staff menu is {height} px tall on a 360 px phone"
            );
            ensure!(
                visible_links(&page).await? == 0,
                "links show with the menu closed"
            );
            let here = toggle.text().await?;
            ensure!(
                here.contains("Aujourd'hui › Tableau de bord"),
                "the menu's button says {here:?}"
            );
            // By keyboard: Tab to the button, Enter, Tab to the page, Enter.
            tab_to(&page, "Pages de gestion").await?;
            press(&page, Key::Enter).await?;
            ensure!(
                toggle.attr("aria-expanded").await?.as_deref() == Some("true"),
                "Enter does not open the menu"
            );
            ensure!(
                visible_links(&page).await? == 17,
                "the open menu does not show the 17 pages"
            );
            check_page(&page, "gestion-menu-ouvert-fr", &[]).await?;
            // Escape closes it and gives the focus back to its button.
            press(&page, Key::Escape).await?;
            ensure!(
                toggle.attr("aria-expanded").await?.as_deref() == Some("false"),
                "Escape leaves the menu open"
            );
            ensure!(
                focused(&page).await?.contains("Pages de gestion"),
                "after Escape: {}",
                focused(&page).await?
            );
            press(&page, Key::Enter).await?;
            tab_to(&page, "Tous les adhérents").await?;
            press(&page, Key::Enter).await?;
            page.wait_for_heading("Adhérents").await?;
            ensure!(
                focused(&page).await?.starts_with("h1"),
                "after the menu, the focus is on {}",
                focused(&page).await?
            );
            let toggle = page
                .client
                .find(Locator::Css("button.staff-nav__toggle"))
                .await?;
            ensure!(
                toggle.attr("aria-expanded").await?.as_deref() == Some("false"),
                "the menu stays open over the new page"
            );
            let here = toggle.text().await?;
            ensure!(
                here.contains("Adhérents › Tous les adhérents"),
                "the menu's button says {here:?}"
            );
            let current = page
                .client
                .find(Locator::Css(".staff-nav a[aria-current='page']"))
                .await
                .context("no staff link marked as the current page")?
                .prop("textContent")
                .await?
                .unwrap_or_default();
            ensure!(
                current == "Tous les adhérents",
                "the current page is marked {current:?}"
            );
            // A member's record is under the members' list.
            page.goto(&ctx.url("/gestion/membres/1")).await?;
            page.wait_for_heading("Fiche adhérent").await?;
            let here = menu_says(&page).await?;
            ensure!(
                here.contains("Adhérents › Tous les adhérents"),
                "a record's menu button says {here:?}"
            );

            // On a laptop every page is one click away.
            page.set_viewport(1280, 800).await?;
            ensure!(
                visible_links(&page).await? == 17,
                "a laptop does not show the 17 pages at once"
            );
            ensure!(
                !page
                    .client
                    .find(Locator::Css("button.staff-nav__toggle"))
                    .await?
                    .is_displayed()
                    .await?,
                "a laptop shows the menu's button"
            );
            page.click_text(".staff-nav a", "Locations").await?;
            page.wait_for_heading("Locations de salle").await?;
            page.set_viewport(kerne_tests::browser::PHONE.0, kerne_tests::browser::PHONE.1)
                .await?;
            // In English too.
            page.click_text("button.lang-switch", "English").await?;
            let here = menu_says(&page).await?;
            ensure!(
                here.contains("Bookings › Rentals"),
                "the English menu's button says {here:?}"
            );
            staff_menu(&page, "All members").await?;
            page.wait_for_heading("Members").await?;
            check_page(&page, "gestion-menu-en", &[]).await?;
            page.click_text("button.lang-switch", "Français").await?;
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

/// WCAG's contrast ratio of two `rgb(…)` colours as the browser computes them.
fn contrast(a: &str, b: &str) -> Result<f64> {
    fn luminance(css: &str) -> Result<f64> {
        let inside = css
            .split_once('(')
            .and_then(|(_, r)| r.split_once(')'))
            .context("an rgb() colour")?
            .0;
        let parts: Vec<f64> = inside
            .split(',')
            .take(3)
            .map(|p| p.trim().parse::<f64>())
            .collect::<Result<_, _>>()?;
        ensure!(parts.len() == 3, "three channels in {css}");
        let lin = |c: f64| {
            let c = c / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        Ok(0.2126 * lin(parts[0]) + 0.7152 * lin(parts[1]) + 0.0722 * lin(parts[2]))
    }
    let (x, y) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if x > y { (x, y) } else { (y, x) };
    Ok((hi + 0.05) / (lo + 0.05))
}

/// The focused element's ring colour, and the colour of what lies around it (the nearest
/// ancestor with a background).
async fn ring_and_ground(page: &Page) -> Result<(String, String, String)> {
    let v = page
        .client
        .execute(
            "const e = document.activeElement;
             const ring = getComputedStyle(e).outlineColor;
             const style = getComputedStyle(e).outlineStyle;
             let p = e.parentElement, bg = 'rgb(255, 255, 255)';
             while (p) {
               const c = getComputedStyle(p).backgroundColor;
               if (c && c !== 'transparent' && !c.startsWith('rgba(0, 0, 0, 0')) { bg = c; break; }
               p = p.parentElement;
             }
             return [ring, bg, style + ' ' + e.tagName + ' ' + e.textContent.trim().slice(0, 30)];",
            vec![],
        )
        .await?;
    let v: Vec<String> = serde_json::from_value(v)?;
    Ok((v[0].clone(), v[1].clone(), v[2].clone()))
}

pub async fn the_focus_ring_reads_on_the_header_the_menu_and_the_page(
    ctx: &'static Ctx,
) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.goto(&ctx.url("/")).await?;
            page.wait_for_heading("Silicon Kerne").await?;
            // The header's brand link, its buttons, then a link of the open menu, then the page.
            let mut seen = Vec::new();
            press(&page, Key::Tab).await?; // the skip link
            for _ in 0..3 {
                press(&page, Key::Tab).await?;
                seen.push(ring_and_ground(&page).await?);
            }
            press(&page, Key::Enter).await?; // opens the menu
            press(&page, Key::Tab).await?;
            seen.push(ring_and_ground(&page).await?);
            // The page's first link, reached through the skip link.
            page.goto(&ctx.url("/")).await?;
            page.wait_for_heading("Silicon Kerne").await?;
            press(&page, Key::Tab).await?;
            press(&page, Key::Enter).await?;
            press(&page, Key::Tab).await?;
            seen.push(ring_and_ground(&page).await?);
            for (ring, ground, what) in seen {
                ensure!(what.starts_with("solid"), "no focus ring on {what}");
                let ratio = contrast(&ring, &ground)?;
                ensure!(
                    ratio >= 3.0,
                    "the focus ring of {what} is {ring} on {ground}: {ratio:.2}:1, under 3:1"
                );
            }
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

/// The next Tuesday at least ten days ahead (clear of the days other journeys book), a week later
/// each time `skip` says the cantine is closed that day.
pub(crate) fn a_tuesday_ahead(skip: u32) -> chrono::NaiveDate {
    use chrono::{Datelike, Duration, Utc, Weekday};
    let mut d = domain::paris::local_date(Utc::now()) + Duration::days(10);
    while d.weekday() != Weekday::Tue {
        d += Duration::days(1);
    }
    d + Duration::weeks(i64::from(skip))
}

/// Whether the element `css` lies whole within the window.
pub(crate) async fn in_view(page: &Page, css: &str) -> Result<bool> {
    let v = page
        .client
        .execute(
            // Layout is in fractions of a pixel: an element scrolled to the top of the screen
            // may start at -0.25 px (seen at 390×844), which is in view.
            "const r = document.querySelector(arguments[0]).getBoundingClientRect();
             return Math.round(r.top) >= 0 && Math.round(r.bottom) <= window.innerHeight;",
            vec![serde_json::json!(css)],
        )
        .await?;
    Ok(v.as_bool().unwrap_or(false))
}

pub async fn a_member_books_by_keyboard_with_the_question_in_view(ctx: &'static Ctx) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.set_viewport(360, 640).await?;
            log_in(
                ctx,
                &page,
                "membre43@silicon-kerne.test",
                DEMO_PASSWORD,
                "Mon espace",
            )
            .await?;
            let mut skip = 0;
            let day = loop {
                let day = a_tuesday_ahead(skip);
                page.goto(&ctx.url(&format!("/reserver?date={day}")))
                    .await?;
                page.wait_for_heading("Réserver un poste ou la salle")
                    .await?;
                page.wait_for(Locator::Css(".periods, .note"), "the day's periods")
                    .await?;
                if page
                    .client
                    .find_all(Locator::Css(".period:not([disabled])"))
                    .await?
                    .is_empty()
                {
                    skip += 1;
                    ensure!(skip < 6, "no bookable Tuesday in six weeks");
                    continue;
                }
                break day;
            };
            // Tab follows what is seen: the date field, then "← Veille", then "Lendemain →".
            // (Tab moves through the date's own parts first: day, month, year.)
            tab_to(&page, "input#b-date").await?;
            for _ in 0..4 {
                if !focused(&page).await?.starts_with("input#b-date") {
                    break;
                }
                press(&page, Key::Tab).await?;
            }
            ensure!(
                focused(&page).await?.contains("Veille"),
                "after the date field: {}",
                focused(&page).await?
            );
            press(&page, Key::Tab).await?;
            ensure!(
                focused(&page).await?.contains("Lendemain"),
                "after Veille: {}",
                focused(&page).await?
            );
            // A free period, Enter: the question is on the screen, with the day, and has the focus.
            tab_to(&page, "button# Matinée").await?;
            press(&page, Key::Enter).await?;
            page.wait_for(Locator::Css(".confirm-booking"), "the question")
                .await?;
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            ensure!(
                in_view(&page, ".confirm-booking").await?,
                "the question is below the fold at 360×640"
            );
            let now = focused(&page).await?;
            ensure!(
                now.contains("Confirmer la réservation"),
                "after choosing a period the focus is on {now}"
            );
            let question = page
                .client
                .find(Locator::Css(".confirm-booking"))
                .await?
                .text()
                .await?;
            let day_words = format!(
                "{} {}",
                domain::i18n::weekday_name(chrono::Datelike::weekday(&day), domain::Lang::Fr),
                domain::i18n::day_of_month(chrono::Datelike::day(&day), domain::Lang::Fr)
            );
            ensure_each!(
                [question.contains(&day_words), question.contains("09:00")],
                "the question {question:?} does not say {day_words} 09:00"
            );
            check_page(&page, "reserver-question-fr", &[]).await?;
            // Enter confirms; the booking made is said and has the focus.
            press(&page, Key::Enter).await?;
            wait_for_text(&page, "C'est réservé").await?;
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            let now = focused(&page).await?;
            ensure!(
                now.starts_with("p#booked"),
                "after confirming the focus is on {now}"
            );
            ensure!(
                in_view(&page, "#booked").await?,
                "the booking made is off the screen"
            );
            // Cancelled from the list, the message takes the focus.
            page.goto(&ctx.url("/mes-reservations")).await?;
            page.wait_for_heading("Mes réservations").await?;
            page.click_text("li.booking button", "Annuler la réservation…")
                .await?;
            page.click_text("li.booking button", "Oui, annuler").await?;
            wait_for_text(&page, "Réservation annulée.").await?;
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            let now = focused(&page).await?;
            ensure!(
                now.starts_with("p#booking-done"),
                "after cancelling the focus is on {now}"
            );

            // The room: a time that cannot be taken says why, in words (the member takes one
            // first, so that one is "occupé" whatever the demo holds).
            page.goto(&ctx.url(&format!("/reserver?date={day}&ressource=salle-reunion")))
                .await?;
            page.wait_for(Locator::Css(".time:not([disabled])"), "a free room time")
                .await?
                .click()
                .await?;
            page.click_text(".confirm-booking button", "Confirmer la réservation")
                .await?;
            wait_for_text(&page, "C'est réservé").await?;
            page.goto(&ctx.url(&format!("/reserver?date={day}&ressource=salle-reunion")))
                .await?;
            page.wait_for(Locator::Css(".times"), "the room's times")
                .await?;
            let mut taken = 0;
            for b in page
                .client
                .find_all(Locator::Css(".time[disabled]"))
                .await?
            {
                let text = b.text().await?;
                ensure!(
                    text.contains("passé") || text.contains("occupé"),
                    "a struck-through time says only {text:?}"
                );
                taken += usize::from(text.contains("occupé"));
            }
            ensure!(
                taken > 0,
                "the room booked by the member is not shown as taken"
            );
            check_page(&page, "reserver-salle-raisons-fr", &[]).await?;
            page.goto(&ctx.url("/mes-reservations")).await?;
            page.wait_for_heading("Mes réservations").await?;
            page.click_text("li.booking button", "Annuler la réservation…")
                .await?;
            page.click_text("li.booking button", "Oui, annuler").await?;
            wait_for_text(&page, "Réservation annulée.").await?;
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

pub async fn the_concierge_finds_who_must_renew_by_keyboard(ctx: &'static Ctx) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.set_viewport(360, 740).await?;
            log_in(ctx, &page, STAFF, DEMO_PASSWORD, "Tableau de bord").await?;
            let card = page
                .wait_for(
                    Locator::Css("a.glance__link[href^='/gestion/membres?status=ends_soon']"),
                    "the renewals' card",
                )
                .await?;
            let count: usize = card
                .find(Locator::Css(".glance__count"))
                .await?
                .text()
                .await?
                .trim()
                .parse()?;
            tab_to(&page, "à renouveler dans les 30 jours").await?;
            press(&page, Key::Enter).await?;
            page.wait_for_heading("Adhérents").await?;
            let url = page.client.current_url().await?;
            ensure!(
                url.query() == Some("status=ends_soon&sort=end"),
                "the list opened at {url}"
            );
            wait_for_text(&page, "résultat").await?;
            let rows = page.client.find_all(Locator::Css("ul.rows li.row")).await?;
            ensure!(
                rows.len() == count,
                "the card counts {count}, the list shows {}",
                rows.len()
            );
            let status = page
                .client
                .find(Locator::Css("#s-status"))
                .await?
                .prop("value")
                .await?;
            ensure!(
                status.as_deref() == Some("ends_soon"),
                "the filter shows {status:?}"
            );
            check_page(&page, "gestion-membres-renouveler-fr", &[]).await?;
            // Sorted by name instead, the address follows (a reload keeps the list).
            page.client
                .find(Locator::Css("#s-sort"))
                .await?
                .select_by_value("")
                .await?;
            page.click_text("form button[type=submit]", "Rechercher")
                .await?;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            let url = page.client.current_url().await?;
            ensure!(
                url.query() == Some("status=ends_soon"),
                "after sorting by name the address is {url}"
            );

            // The statistics' "renewals due" of a quarter opens the people it counts.
            page.goto(&ctx.url("/gestion/statistiques?from=2024-04-01&to=2024-06-30"))
                .await?;
            page.wait_for_heading("Statistiques").await?;
            let link = page
                .wait_for(
                    Locator::XPath(
                        "//tr[th[normalize-space()='Cotisations échues non renouvelées']]/td[1]/a",
                    ),
                    "the renewals due as a link",
                )
                .await?;
            let due: usize = link.text().await?.trim().parse()?;
            link.click().await?;
            page.wait_for_heading("Adhérents").await?;
            wait_for_text(
                &page,
                "Cotisations échues du 1er avril 2024 au 30 juin 2024",
            )
            .await?;
            wait_for_text(&page, "résultat").await?;
            let rows = page.client.find_all(Locator::Css("ul.rows li.row")).await?;
            ensure!(
                rows.len() == due,
                "the statistics count {due}, the list shows {}",
                rows.len()
            );
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

async fn day_nav(page: &Page, word: &str) -> Result<()> {
    page.client
        .find(Locator::XPath(&format!(
            "//div[contains(@class,'day-nav')]/button[contains(normalize-space(),'{word}')]"
        )))
        .await
        .with_context(|| format!("the {word} button"))?
        .click()
        .await?;
    Ok(())
}

async fn next_day(page: &Page) -> Result<()> {
    day_nav(page, "Lendemain").await
}

async fn day_before(page: &Page) -> Result<()> {
    day_nav(page, "Veille").await
}

pub async fn the_day_sheet_names_each_person_and_keeps_its_day(ctx: &'static Ctx) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            log_in(ctx, &page, STAFF, DEMO_PASSWORD, "Tableau de bord").await?;
            page.goto(&ctx.url("/gestion/jour")).await?;
            page.wait_for_heading("La journée").await?;
            page.wait_for(Locator::Css("#d-date"), "the date field")
                .await?;
            // The next day is in the address.
            next_day(&page).await?;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            let url = page.client.current_url().await?;
            ensure!(
                url.query().is_some_and(|q| q.starts_with("date=")),
                "the next day is not in the address: {url}"
            );
            // Every action on a card names its person.
            let mut named = 0;
            for _ in 0..8 {
                for card in page.client.find_all(Locator::Css("li.coworker")).await? {
                    let who = card.find(Locator::Css(".row__title")).await?.text().await?;
                    for b in card.find_all(Locator::Css("button")).await? {
                        let label = b.attr("aria-label").await?.unwrap_or_default();
                        let seen = b.text().await?;
                        ensure_each!(
                            [label.starts_with(seen.trim()), label.contains(&who)],
                            "the button {seen:?} of {who} is named {label:?}"
                        );
                        named += 1;
                    }
                }
                if named > 0 {
                    break;
                }
                // Back in time: the demo's past days have coworkers.
                day_before(&page).await?;
                tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            }
            ensure!(
                named > 0,
                "no coworker to check in over a week: nothing checked"
            );
            check_page(&page, "gestion-jour-fr", &[]).await?;
            // A day of another year says which ("mardi 5 mars 2024"), and the address opens it.
            page.goto(&ctx.url("/gestion/jour?date=2024-03-05")).await?;
            page.wait_for_heading("La journée").await?;
            wait_for_text(&page, "mardi 5 mars 2024").await?;
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

/// What membership costs (the fee staff set) and what it includes, said before anyone applies.
pub async fn a_visitor_reads_what_membership_costs_before_applying(
    ctx: &'static Ctx,
) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            let site: serde_json::Value = reqwest::get(ctx.url("/api/site")).await?.json().await?;
            let cents = site["membership_fee_cents"]
                .as_i64()
                .context("the fee in /api/site")?;
            // (WebDriver reads the no-break space before "€" as a space.)
            let fee = domain::i18n::format_euros(cents, domain::Lang::Fr).replace('\u{a0}', " ");
            for (path, heading) in [
                ("/coworking", "Le coworking"),
                ("/adherer", "Adhérer à Silicon Kerne"),
            ] {
                page.goto(&ctx.url(path)).await?;
                page.wait_for_page().await?;
                wait_for_text(&page, &format!("L'adhésion coûte {fee} par an"))
                    .await
                    .with_context(|| format!("{path} ({heading})"))?;
                wait_for_text(&page, "postes de coworking").await?;
            }
            check_page(&page, "adherer-cotisation-fr", &[]).await?;
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}
