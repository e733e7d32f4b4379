//! The concierge's dashboard, statistics and activity report, on a phone: today's counts lead to
//! their pages, a period's figures are those of the synthetic history with charts whose numbers
//! are in tables, and the report keeps its text and prints on two A4 pages at most.

use anyhow::{ensure, Context, Result};
use chrono::NaiveDate;
use fantoccini::key::Key;
use fantoccini::Locator;
use kerne_tests::browser::Page;
use kerne_tests::ensure_each;
use kerne_tests::history;

use crate::newcomer::{focused, press};
use crate::support::with_page;
use crate::support::{
    check_page, log_in, printed_pages, submit, wait_for_text, DEMO_PASSWORD, STAFF,
};
use crate::Ctx;

pub async fn the_concierge_reads_today_the_figures_and_prints_the_report(
    ctx: &'static Ctx,
) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            log_in(ctx, &page, STAFF, DEMO_PASSWORD, "Tableau de bord").await?;
            wait_for_text(&page, "de location à traiter").await?;
            // Each count agrees with its words: "1 demande", "2 demandes" (French: 0 and 1 are
            // singular).
            for link in page.client.find_all(Locator::Css("a.glance__link")).await? {
                let count: u32 = link.find(Locator::Css(".glance__count")).await?.text().await?.trim().parse()?;
                let words = link.find(Locator::Css(".glance__words")).await?.text().await?;
                let first = words.split_whitespace().next().unwrap_or_default();
                ensure!(
                    first.ends_with('s') == (count > 1),
                    "the dashboard reads \"{count} {words}\""
                );
            }
            // The next general assembly, a link to it (the test seed's, held today).
            wait_for_text(&page, "Prochaine assemblée générale").await?;
            wait_for_text(&page, "votants aujourd'hui, quorum").await?;
            // This week's events, each with its seats taken (the demo's café for parents).
            wait_for_text(&page, "Événements de la semaine").await?;
            wait_for_text(&page, "Café numérique : les écrans en famille").await?;
            wait_for_text(&page, "4 places prises sur 25, 0 en attente").await?;
            check_page(&page, "dashboard-fr", &[]).await?;
            // The rental waiting for an answer is one step away, by keyboard alone: Tab from the
            // page's heading (which has the focus) to its count, Enter.
            let mut tabs = 0;
            while !focused(&page).await?.contains("de location à traiter") {
                ensure!(tabs < 40, "40 Tabs never reached the rentals' count: {}", focused(&page).await?);
                press(&page, Key::Tab).await?;
                tabs += 1;
            }
            press(&page, Key::Enter).await?;
            page.wait_for_heading("Locations de salle").await?;
            wait_for_text(&page, "Crêperie Ti Kreiz").await?;

            // October 2024, across the clock change: the figures of the rows.
            page.goto(&ctx.url("/gestion/statistiques?from=2024-10-01&to=2024-10-31"))
                .await?;
            page.wait_for_heading("Statistiques").await?;
            wait_for_text(&page, "Période : du 1er octobre 2024 au 31 octobre 2024.").await?;
            let h = history::generate();
            let october = h.figures(
                NaiveDate::from_ymd_opt(2024, 10, 1).context("a date")?,
                NaiveDate::from_ymd_opt(2024, 10, 31).context("a date")?,
            );
            let row = |label: &str| {
                format!("//table[contains(@class,'figures')]//tr[th[normalize-space()=\"{label}\"]]/td[1]")
            };
            let cell = page
                .client
                .find(Locator::XPath(&row("Journées de coworkers (présents)")))
                .await
                .context("the coworker days' line")?
                .text()
                .await?;
            ensure!(
                cell.trim() == october.coworking.coworker_days.to_string(),
                "coworker days shown {cell:?}, the rows say {}",
                october.coworking.coworker_days
            );
            // Every point of the coworking chart has its title, and the table under it its line.
            let points = page
                .client
                .find_all(Locator::Css("svg.chart__svg circle title"))
                .await?
                .len();
            let open_days = (1..=31)
                .filter_map(|d| NaiveDate::from_ymd_opt(2024, 10, d))
                .filter(|d| history::open(*d))
                .count();
            ensure!(
                points >= 2 * open_days,
                "{points} titled points for {open_days} open days and two lines"
            );
            let csv = page
                .client
                .find(Locator::Css("a[href^='/api/staff/stats/coworking.csv']"))
                .await?
                .attr("href")
                .await?
                .unwrap_or_default();
            ensure!(
                csv == "/api/staff/stats/coworking.csv?from=2024-10-01&to=2024-10-31",
                "the CSV link {csv:?}"
            );
            check_page(&page, "statistiques-fr", &[]).await?;

            // A preset puts its period in the address.
            page.client
                .find(Locator::Css("#p-preset"))
                .await?
                .select_by_value("last-year")
                .await?;
            // Enter in a field shows the period, as the button does.
            page.client.find(Locator::Css("#p-to")).await?.click().await?;
            press(&page, Key::Enter).await?;
            wait_for_text(&page, "Période : du 1er janvier 2025 au 31 décembre 2025.").await?;
            let url = page.client.current_url().await?;
            ensure!(
                url.query() == Some("from=2025-01-01&to=2025-12-31"),
                "the address after choosing last year: {url}"
            );

            // The last weeks: the events held by kind, and the programme's figures.
            page.goto(&ctx.url("/gestion/statistiques")).await?;
            wait_for_text(&page, "E-éducation et événements").await?;
            wait_for_text(&page, "Événements tenus, par type").await?;
            wait_for_text(&page, "Enseignants et animateurs formés").await?;
            check_page(&page, "statistiques-evenements-fr", &[]).await?;
            // The report of 2024 against 2023, with a text that stays, printed on two pages or fewer.
            page.goto(&ctx.url("/gestion/rapport?from=2024-01-01&to=2024-12-31"))
                .await?;
            page.wait_for_heading("Rapport d'activité").await?;
            wait_for_text(&page, "Comparé aux mêmes dates l'an dernier").await?;
            let words = "Merci au Conseil départemental du Finistère.";
            let area = page.client.find(Locator::Css("#f-text")).await?;
            area.clear().await?;
            area.send_keys(words).await?;
            submit(&page, "Enregistrer le texte").await?;
            wait_for_text(&page, "Texte enregistré.").await?;
            page.goto(&ctx.url("/gestion/rapport?from=2024-01-01&to=2024-12-31"))
                .await?;
            page.wait_for_heading("Rapport d'activité").await?;
            let printed = page
                .client
                .find(Locator::Css(".report__text p"))
                .await
                .context("the report's text after a reload")?
                .text()
                .await?;
            ensure!(printed == words, "the report's text after a reload: {printed:?}");
            check_page(&page, "rapport-fr", &[]).await?;
            let pages = printed_pages(&page).await?;
            ensure!(
                (1..=2).contains(&pages),
                "the report prints on {pages} pages"
            );
            charts_fit(&page, "the report of 2024").await?;

            // This year's report, printed: the consultations' three tallies keep their captions
            // and name their column (they all read "Valeur | Demandes").
            page.goto(&ctx.url("/gestion/rapport")).await?;
            page.wait_for_heading("Rapport d'activité").await?;
            wait_for_text(&page, "Demandes par commune").await?;
            page.cdp("Emulation.setEmulatedMedia", serde_json::json!({ "media": "print" }))
                .await?;
            let tallies = page
                .client
                .execute(
                    "return [...document.querySelectorAll('table.figures--tally')].map(t =>
                        [getComputedStyle(t.caption).display, t.caption.textContent.trim(),
                         t.querySelector('thead th').textContent.trim()].join(' | '))",
                    vec![],
                )
                .await?;
            // Printed, the page has no heading of its own (the h1 is the screen's): a picture only.
            page.screenshot("rapport-imprime-fr").await?;
            page.cdp("Emulation.setEmulatedMedia", serde_json::json!({ "media": "" }))
                .await?;
            let expected = serde_json::json!([
                "table-caption | Demandes par sujet | Sujet",
                "table-caption | Demandes par activité | Activité",
                "table-caption | Demandes par commune | Commune"
            ]);
            ensure!(tallies == expected, "printed, the tallies read {tallies}");

            // This year's figures at 360 px: every value of an axis whole ("10 000 €", not
            // "0000 €"), no label over another; in English, shares and column heads in English.
            page.set_viewport(360, 740).await?;
            page.goto(&ctx.url("/gestion/statistiques?from=2024-01-01&to=2024-12-31"))
                .await?;
            page.wait_for_heading("Statistiques").await?;
            wait_for_text(&page, "Demandes par commune").await?;
            charts_fit(&page, "the statistics of 2024").await?;
            page.click_text("button.lang-switch", "English").await?;
            wait_for_text(&page, "Requests by town").await?;
            let text = page.text().await?;
            ensure_each!([!text.contains("Value"), !text.contains("\u{a0}%"), !text.contains(" %")], "the English statistics read: {text}");
            check_page(&page, "statistics-en", &[]).await?;
            page.click_text("button.lang-switch", "Français").await?;
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

/// Every chart's text inside its drawing, and no two labels under a plot over each other.
async fn charts_fit(page: &Page, what: &str) -> Result<()> {
    let problems = page
        .client
        .execute(
            "const out = [];
             for (const svg of document.querySelectorAll('svg.chart__svg')) {
               const box = svg.getBoundingClientRect();
               const ticks = [...svg.querySelectorAll('text.chart__tick')];
               for (const t of ticks) {
                 const r = t.getBoundingClientRect();
                 if (r.left < box.left - 1 || r.right > box.right + 1) out.push('cut: ' + t.textContent);
               }
               const under = ticks.filter(t => t.getAttribute('y') === ticks[ticks.length - 1].getAttribute('y'))
                 .map(t => [t.textContent, t.getBoundingClientRect()]);
               for (let i = 0; i < under.length; i++) for (let j = i + 1; j < under.length; j++) {
                 const [a, b] = [under[i][1], under[j][1]];
                 if (a.left < b.right && b.left < a.right) out.push('over: ' + under[i][0] + ' / ' + under[j][0]);
               }
             }
             return out;",
            vec![],
        )
        .await?;
    ensure!(
        problems.as_array().is_some_and(Vec::is_empty),
        "{what}: {problems}"
    );
    Ok(())
}
