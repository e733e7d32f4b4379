//! What the member and the concierge still tripped over, second walk (issue 37), in Chromium at a
//! phone's width: a refusal said where the person looks, with the focus on it.

use std::time::Duration;

use anyhow::{ensure, Result};
use fantoccini::key::Key;
use fantoccini::Locator;
use kerne_tests::browser::Page;
use kerne_tests::ensure_each;

use crate::newcomer::{focused, press};
use crate::support::with_page;
use crate::support::{log_in, wait_for_text, DEMO_PASSWORD};
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
            crate::support::check_page(&page, "reserver-refus-fr", &["status of 422"]).await?;
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
            ensure_each!(
                [
                    line.contains("(60 jours à l'avance)"),
                    line.contains("6 h par semaine")
                ],
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
            crate::support::check_page(&page, "reserver-au-dela-fr", &[]).await?;
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
                ensure_each!(
                    [
                        text.contains("sans supplément"),
                        text.contains("pour un événement")
                    ],
                    "{path} does not say the one rule: {text}"
                );
            }
            page.goto(&ctx.url("/salle")).await?;
            wait_for_text(&page, "Adhérents, pour un événement").await?;
            crate::support::check_page(&page, "salle-un-seul-tarif-fr", &[]).await?;
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
    let email = crate::support::unique_email("refusee");
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
        .login(crate::support::STAFF, DEMO_PASSWORD)
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
            ensure_each!(
                [
                    !text.contains("Valable jusqu'au"),
                    !text.contains("Imprimer")
                ],
                "a declined request still offers its quote: {text}"
            );
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

/// The words of the element matching `css`, once it is there.
async fn text_of(page: &Page, css: &str, what: &str) -> Result<String> {
    Ok(page.wait_for(Locator::Css(css), what).await?.text().await?)
}

/// Choose 2 h, then the start time `at`: the question's words and the length the field shows.
async fn two_hours_from(page: &Page, at: &str) -> Result<(String, String)> {
    page.wait_for(Locator::Css("#b-duration"), "the duration")
        .await?
        .select_by_label("2 h")
        .await?;
    page.click_text("button.time", at).await?;
    let question = text_of(page, ".confirm-booking", "the question").await?;
    let shown = page
        .client
        .execute("return document.querySelector('#b-duration').value", vec![])
        .await?;
    Ok((question, shown.as_str().unwrap_or_default().to_string()))
}

/// Item 9: a member chooses 2 h and then a start time: the question says two hours (it made
/// half an hour); after booking, the week view and the day marks the member's own booking.
pub async fn the_room_keeps_the_chosen_length_and_marks_your_booking(
    ctx: &'static Ctx,
) -> Result<()> {
    use crate::bookings::{open_days, plus_days, today};
    use anyhow::Context;
    // A day a month ahead whose room has five free half-hours in a row: the last four are booked,
    // then the first has half an hour left.
    let from = plus_days(&today(ctx).await?, 30)?;
    let (date, before, start, end) = open_days(ctx, "salle-reunion", &from)
        .await?
        .iter()
        .find_map(|d| {
            let slots = d["slots"].as_array()?;
            let at = slots.windows(5).find(|w| {
                w.iter().all(|s| s["free"] == 1)
                    && w.windows(2).all(|p| p[0]["end"] == p[1]["start"])
            })?;
            Some((
                d["date"].as_str()?.to_string(),
                at[0]["start"].as_str()?[11..16].to_string(),
                at[1]["start"].as_str()?[11..16].to_string(),
                at[4]["end"].as_str()?[11..16].to_string(),
            ))
        })
        .context("no day with two free hours in the room")?;
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.set_viewport(360, 740).await?;
            log_in(
                ctx,
                &page,
                "membre46@silicon-kerne.test",
                DEMO_PASSWORD,
                "Mon espace",
            )
            .await?;
            page.goto(&ctx.url(&format!("/reserver?date={date}&ressource=salle-reunion")))
                .await?;
            page.wait_for(Locator::Css("button.time"), "the room's start times")
                .await?;
            let (question, shown) = two_hours_from(&page, &start).await?;
            ensure!(
                question.contains(&format!("{start}–{end}")),
                "2 h from {start} reads {question:?}"
            );
            ensure!(shown == "120", "the duration field shows {shown}");
            page.click_text("button", "Confirmer la réservation")
                .await?;
            wait_for_text(&page, "C'est réservé").await?;
            let mine = text_of(&page, "#my-day", "the member's own booking that day").await?;
            ensure!(
                mine.contains(&format!("{start}–{end}")),
                "the day says {mine:?}"
            );
            page.click_text("button.toggle", "Semaine").await?;
            let day = text_of(&page, ".week__day--mine", "the day marked as yours").await?;
            ensure!(
                day.contains(&format!("Vous : {start}–{end}")),
                "the week's day reads {day:?}"
            );
            crate::support::check_page(&page, "reserver-semaine-a-vous-fr", &[]).await?;
            // 2 h from the half-hour before: only 30 min is free, and the page says so.
            page.click_text("button.toggle", "Jour").await?;
            let (question, shown) = two_hours_from(&page, &before).await?;
            let note = text_of(&page, "#b-short", "the length cut short").await?;
            ensure!(note.contains("30 min"), "the note reads {note:?}");
            ensure!(
                question.contains(&format!("{before}–{start}")),
                "half an hour from {before} reads {question:?}"
            );
            ensure!(shown == "30", "the duration field shows {shown}");
            crate::support::check_page(&page, "reserver-duree-ramenee-fr", &[]).await?;
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

/// Item 4: a lapsed member is told where to send a transfer (the association's IBAN, in groups
/// of four) before booking, and a rental's quote says it too.
pub async fn where_a_transfer_is_asked_the_iban_is_given(ctx: &'static Ctx) -> Result<()> {
    use kerne_tests::api_client::{expect_json, ApiClient};
    const IBAN: &str = "IBAN FR76 3000 6000 0112 3456 7890 189";
    let today = domain::paris::local_date(chrono::Utc::now());
    let date = (45..120)
        .map(|i| today + chrono::Duration::days(i))
        .find(|d| chrono::Datelike::weekday(d).number_from_monday() <= 5)
        .unwrap_or(today);
    let created: domain::wire::RentalCreated = expect_json(
        ApiClient::anonymous(&ctx.app)
            .with_ip("10.37.4.1")
            .post(
                "/api/rentals",
                &serde_json::json!({ "organisation": "Crêperie Ty Gwechall", "contact_name": "Maël Quéré",
                    "email": crate::support::unique_email("virement"), "phone": "02 98 11 22 33",
                    "date": date.to_string(), "period": "afternoon", "attendees": 6, "needs_visio": false,
                    "message": "", "lang": "fr" }),
            )
            .await?,
        201,
    )
    .await?;
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.set_viewport(360, 740).await?;
            page.goto(&ctx.url(&format!("/location/{}", created.token)))
                .await?;
            let line = page
                .wait_for(Locator::Css("#quote-transfer"), "the quote's payment line")
                .await?
                .text()
                .await?;
            ensure!(line.contains(IBAN), "the quote says {line:?}");
            log_in(
                ctx,
                &page,
                "membre87@silicon-kerne.test",
                DEMO_PASSWORD,
                "Mon espace",
            )
            .await?;
            page.goto(&ctx.url("/reserver")).await?;
            page.wait_for_heading("Réserver un poste ou la salle")
                .await?;
            let line = page
                .wait_for(Locator::Css("#fee-transfer"), "where to send a transfer")
                .await?
                .text()
                .await?;
            ensure_each!(
                [line.contains(IBAN), line.contains("Silicon Kerne")],
                "the fee notice says {line:?}"
            );
            crate::support::check_page(&page, "reserver-virement-fr", &[]).await?;
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

/// Items 10 and 12: an empty or unreadable amount is refused on the page, naming its field, with
/// a link to it and nothing sent; the IBAN is a field of the identifiers; saving keeps the focus
/// on the button (it fell to the page's body); a member's new calendar link takes the focus.
pub async fn the_concierges_settings_say_what_is_wrong_and_keep_the_focus(
    ctx: &'static Ctx,
) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.set_viewport(360, 740).await?;
            log_in(
                ctx,
                &page,
                crate::support::STAFF,
                DEMO_PASSWORD,
                "Tableau de bord",
            )
            .await?;
            page.goto(&ctx.url("/gestion/reglages")).await?;
            let half = page
                .wait_for(Locator::Css("#m-member-half"), "the members' half-day rate")
                .await?;
            half.clear().await?;
            half.send_keys("abc").await?;
            page.click_text("button", "Enregistrer les tarifs").await?;
            let summary = page
                .wait_for(Locator::Css(".form-errors"), "the refusal")
                .await?
                .text()
                .await?;
            ensure_each!(
                [
                    summary.contains("Écrivez un montant en euros"),
                    !summary.contains("négatif")
                ],
                "an unreadable rate reads {summary:?}"
            );
            tokio::time::sleep(Duration::from_millis(300)).await;
            let now = focused(&page).await?;
            ensure!(
                now.starts_with("div"),
                "after the refusal the focus is on {now}"
            );
            let link = page
                .client
                .find(Locator::Css(".form-errors a"))
                .await?
                .attr("href")
                .await?;
            ensure!(
                link.as_deref() == Some("#m-member-half"),
                "the refusal links to {link:?}"
            );
            crate::support::check_page(&page, "reglages-montant-illisible-fr", &[]).await?;
            // The identifiers, IBAN included, saved as they are: the focus stays on the button.
            let iban = page
                .client
                .find(Locator::Css("#l-iban"))
                .await?
                .prop("value")
                .await?
                .unwrap_or_default();
            ensure!(
                iban == "FR76 3000 6000 0112 3456 7890 189",
                "the IBAN field shows {iban:?}"
            );
            let save = page
                .client
                .find(Locator::XPath(
                    "//button[normalize-space()='Enregistrer les identifiants']",
                ))
                .await?;
            page.client
                .execute("arguments[0].focus()", vec![serde_json::to_value(&save)?])
                .await?;
            press(&page, Key::Enter).await?;
            wait_for_text(&page, "Enregistré").await?;
            tokio::time::sleep(Duration::from_millis(300)).await;
            let now = focused(&page).await?;
            ensure!(
                now.contains("Enregistrer les identifiants"),
                "after saving the focus is on {now}"
            );
            Ok(())
        }
        .await;
        (page, r)
    })
    .await?;
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.set_viewport(360, 740).await?;
            log_in(
                ctx,
                &page,
                "membre47@silicon-kerne.test",
                DEMO_PASSWORD,
                "Mon espace",
            )
            .await?;
            page.goto(&ctx.url("/mes-reservations")).await?;
            let create = page
                .wait_for(
                    Locator::XPath("//button[normalize-space()=\"Créer mon lien d'agenda\"]"),
                    "the calendar link's button",
                )
                .await?;
            page.client
                .execute("arguments[0].focus()", vec![serde_json::to_value(&create)?])
                .await?;
            press(&page, Key::Enter).await?;
            page.wait_for(Locator::Css("#feed-url"), "the link").await?;
            tokio::time::sleep(Duration::from_millis(300)).await;
            let now = focused(&page).await?;
            ensure!(
                now.starts_with("input#feed-url"),
                "after creating the link the focus is on {now}"
            );
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}
