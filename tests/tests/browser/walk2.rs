//! What the member and the concierge still tripped over, second walk (issue 37), in Chromium at a
//! phone's width: a refusal said where the person looks, with the focus on it.

use std::time::Duration;

use anyhow::{ensure, Result};
use fantoccini::key::Key;
use fantoccini::Locator;
use kerne_tests::browser::Page;

use crate::accounts::{log_in, wait_for_text, DEMO_PASSWORD};
use crate::newcomer::{focused, press};
use crate::public_site::with_page;
use crate::trips::{a_tuesday_ahead, in_view};
use crate::Ctx;

/// Open the booking page on the first Tuesday ahead with a free desk period and choose it: the
/// question is on the screen with the focus on "Confirmer la réservation".
async fn choose_a_free_period(ctx: &'static Ctx, page: &Page) -> Result<chrono::NaiveDate> {
    for skip in 0..6 {
        let day = a_tuesday_ahead(skip);
        page.goto(&ctx.url(&format!("/reserver?date={day}")))
            .await?;
        page.wait_for_heading("Réserver un poste ou la salle")
            .await?;
        page.wait_for(Locator::Css(".periods, .note"), "the day's periods")
            .await?;
        let free = page
            .client
            .find_all(Locator::Css(".period:not([disabled])"))
            .await?;
        if let Some(period) = free.into_iter().next() {
            period.click().await?;
            page.wait_for(Locator::Css(".confirm-booking"), "the question")
                .await?;
            return Ok(day);
        }
    }
    anyhow::bail!("no bookable Tuesday in six weeks")
}

/// Confirm by keyboard and expect a refusal saying `words`: in view at 360×640, inside the
/// question that stays on the screen, with the focus on it.
async fn refused_in_view(page: &Page, words: &str) -> Result<()> {
    tokio::time::sleep(Duration::from_millis(200)).await;
    let now = focused(page).await?;
    ensure!(
        now.contains("Confirmer la réservation"),
        "the focus is on {now}"
    );
    press(page, Key::Enter).await?;
    wait_for_text(page, words).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let refusal = page
        .client
        .find(Locator::Css("#booking-refused"))
        .await?
        .text()
        .await?;
    ensure!(refusal.contains(words), "the refusal says {refusal:?}");
    ensure!(
        in_view(page, "#booking-refused").await?,
        "the refusal is off the screen at 360×640"
    );
    let now = focused(page).await?;
    ensure!(
        now.contains("booking-refused"),
        "after the refusal the focus is on {now}"
    );
    Ok(())
}

/// Item 1: a member whose membership lapsed taps a desk and confirms: the refusal is in the
/// question, on the screen, with the focus; an active member who already holds that period is
/// told the same way, and choosing another day takes the refusal away.
pub async fn a_refused_booking_is_said_where_the_member_looks(ctx: &'static Ctx) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.set_viewport(360, 640).await?;
            log_in(
                ctx,
                &page,
                "membre87@silicon-kerne.test",
                DEMO_PASSWORD,
                "Mon espace",
            )
            .await?;
            choose_a_free_period(ctx, &page).await?;
            refused_in_view(&page, "Votre adhésion n'est pas à jour").await?;
            crate::accounts::check_page(&page, "reserver-refus-fr", &["status of 422"]).await?;
            // "Annuler" closes the question and its refusal; another day shows none.
            page.click_text(".confirm-booking button", "Annuler")
                .await?;
            page.client
                .find(Locator::XPath(
                    "//button[starts-with(normalize-space(), 'Lendemain')]",
                ))
                .await?
                .click()
                .await?;
            page.wait_for(Locator::Css(".periods, .note"), "the next day")
                .await?;
            tokio::time::sleep(Duration::from_millis(300)).await;
            ensure!(
                !page
                    .text()
                    .await?
                    .contains("Votre adhésion n'est pas à jour"),
                "the refusal stays on another day"
            );
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

/// Item 3: how far ahead a member may book and the room's weekly quota are said on the booking
/// page before anyone is refused, and a day beyond the horizon is not shown as free.
pub async fn the_booking_limits_are_said_before_any_refusal(ctx: &'static Ctx) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.set_viewport(360, 640).await?;
            log_in(
                ctx,
                &page,
                "membre44@silicon-kerne.test",
                DEMO_PASSWORD,
                "Mon espace",
            )
            .await?;
            page.goto(&ctx.url("/reserver")).await?;
            page.wait_for_heading("Réserver un poste ou la salle")
                .await?;
            wait_for_text(&page, "jours à l'avance").await?;
            let line = page
                .client
                .find(Locator::Css("#booking-limits"))
                .await?
                .text()
                .await?;
            ensure!(
                line.contains("(60 jours à l'avance)") && line.contains("6 h par semaine"),
                "the limits read {line:?}"
            );
            let a_year_ahead =
                domain::paris::local_date(chrono::Utc::now()) + chrono::Duration::days(365);
            page.goto(&ctx.url(&format!("/reserver?date={a_year_ahead}")))
                .await?;
            wait_for_text(&page, "Pas encore ouvert aux réservations").await?;
            ensure!(
                page.client
                    .find_all(Locator::Css(".period"))
                    .await?
                    .is_empty(),
                "a day a year ahead offers its periods"
            );
            crate::accounts::check_page(&page, "reserver-au-dela-fr", &[]).await?;
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

/// Item 6: the room's price reads one way: `/salle`, `/coworking` and `/adherer` all say that a
/// member books the room for their work at no cost within the weekly quota, and that the members'
/// rate is for renting it for an event.
pub async fn the_rooms_price_reads_one_way(ctx: &'static Ctx) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.set_viewport(360, 640).await?;
            for (path, heading) in [
                ("/salle", "Louer la salle de réunion"),
                ("/coworking", "Le coworking"),
                ("/adherer", "Adhérer à Silicon Kerne"),
            ] {
                page.goto(&ctx.url(path)).await?;
                page.wait_for_heading(heading).await?;
                wait_for_text(&page, "6 h par semaine").await?;
                let text = page.text().await?;
                ensure!(
                    text.contains("sans supplément") && text.contains("pour un événement"),
                    "{path} does not say the one rule: {text}"
                );
            }
            page.goto(&ctx.url("/salle")).await?;
            wait_for_text(&page, "Adhérents, pour un événement").await?;
            crate::accounts::check_page(&page, "salle-un-seul-tarif-fr", &[]).await?;
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

/// Item 8: a declined request's private page shows the reason, and no quote "valable jusqu'au…"
/// to print.
pub async fn a_declined_rental_shows_no_quote_to_print(ctx: &'static Ctx) -> Result<()> {
    use kerne_tests::api_client::{expect_json, ApiClient};
    let today = domain::paris::local_date(chrono::Utc::now());
    let date = (40..120)
        .map(|i| today + chrono::Duration::days(i))
        .find(|d| chrono::Datelike::weekday(d).number_from_monday() <= 5)
        .unwrap_or(today);
    let email = crate::accounts::unique_email("refusee");
    let created: domain::wire::RentalCreated = expect_json(
        ApiClient::anonymous(&ctx.app)
            .with_ip("10.37.8.1")
            .post(
                "/api/rentals",
                &serde_json::json!({ "organisation": "Menuiserie Le Meur", "contact_name": "Hervé Le Meur",
                    "email": email, "phone": "02 98 12 34 56", "date": date.to_string(), "period": "morning",
                    "attendees": 8, "needs_visio": true, "message": "Réunion clients", "lang": "fr" }),
            )
            .await?,
        201,
    )
    .await?;
    let staff = ApiClient::anonymous(&ctx.app)
        .with_ip("10.37.8.2")
        .login(crate::accounts::STAFF, DEMO_PASSWORD)
        .await?;
    let resp = staff
        .post(
            &format!("/api/staff/rentals/{}/decline", created.id),
            &serde_json::json!({ "reason": "La salle est prise ce jour-là." }),
        )
        .await?;
    ensure!(
        resp.status().as_u16() == 204,
        "declining: {}",
        resp.status()
    );
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.set_viewport(360, 640).await?;
            page.goto(&ctx.url(&format!("/location/{}", created.token)))
                .await?;
            page.wait_for_heading("Votre location de salle").await?;
            wait_for_text(&page, "La salle est prise ce jour-là.").await?;
            let text = page.text().await?;
            ensure!(
                !text.contains("Valable jusqu'au") && !text.contains("Imprimer"),
                "a declined request still offers its quote: {text}"
            );
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}
