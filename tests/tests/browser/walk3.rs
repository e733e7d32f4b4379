//! Consultations and the library, as their people walk them (issue 38, part B), in Chromium at a
//! phone's width.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use fantoccini::Locator;
use kerne_tests::api_client::{expect_json, ApiClient};

use crate::accounts::{
    check_page, fill, log_in, submit, unique_email, wait_for_text, DEMO_PASSWORD, STAFF,
};
use crate::newcomer::focused;
use crate::public_site::with_page;
use crate::Ctx;

/// Item 1: a new resource starts as a draft, its preview follows the typing (before any save),
/// and a second save updates it (it posted as new: "Cette adresse est déjà prise").
pub async fn the_library_editor_sees_the_preview_and_saves_twice(ctx: &'static Ctx) -> Result<()> {
    let slug = format!("essai-{}", &unique_email("r")[2..10]).to_lowercase();
    let slug_for_api = slug.clone();
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.set_viewport(360, 740).await?;
            log_in(ctx, &page, STAFF, DEMO_PASSWORD, "Tableau de bord").await?;
            page.goto(&ctx.url("/gestion/ressources/nouvelle")).await?;
            page.wait_for(Locator::Css("#f-slug"), "the new resource's form")
                .await?;
            let published = page
                .client
                .find(Locator::Css("#lib-published"))
                .await?
                .prop("checked")
                .await?;
            ensure!(
                published.as_deref() == Some("false"),
                "a new resource starts published: {published:?}"
            );
            fill(&page, "#f-slug", &slug).await?;
            fill(&page, "#f-title", "Essai de fiche").await?;
            fill(&page, "#f-summary", "Une fiche pour essayer l'éditeur.").await?;
            fill(&page, "#f-body", "Une ligne **très** utile.").await?;
            // The preview before any save.
            let strong = page
                .wait_for(
                    Locator::Css(".prose strong"),
                    "the preview of what is typed",
                )
                .await?
                .text()
                .await?;
            ensure!(strong == "très", "the preview shows {strong:?}");
            page.client
                .find(Locator::Css("input[id^='lib-topic-']"))
                .await?
                .click()
                .await?;
            submit(&page, "Enregistrer la ressource").await?;
            wait_for_text(&page, "Enregistré.").await?;
            page.client
                .find(Locator::Css("#lib-published"))
                .await?
                .click()
                .await?;
            submit(&page, "Enregistrer la ressource").await?;
            tokio::time::sleep(Duration::from_millis(800)).await;
            let text = page.text().await?;
            ensure!(
                !text.contains("déjà prise")
                    && page
                        .client
                        .find_all(Locator::Css(".form-errors"))
                        .await?
                        .is_empty(),
                "the second save was refused: {text}"
            );
            let url = page.client.current_url().await?;
            ensure!(
                url.path() == format!("/gestion/ressources/{slug}"),
                "the address after saving: {url}"
            );
            check_page(&page, "gestion-ressource-enregistree-fr", &[]).await?;
            Ok(())
        }
        .await;
        (page, r)
    })
    .await?;
    let item = ApiClient::anonymous(&ctx.app)
        .get(&format!("/api/library/{slug_for_api}"))
        .await?;
    ensure!(
        item.status().as_u16() == 200,
        "the resource published by the second save: {}",
        item.status()
    );
    Ok(())
}

/// Item 4: nothing is chosen for anyone: "Clore la demande" arrives with neither outcome ticked
/// (sending it says to choose), and the requester's feedback arrives with neither answer (sending
/// it says to choose, with the focus); a finished request offers no "ne me convient pas".
pub async fn answers_are_the_persons_own(ctx: &'static Ctx) -> Result<()> {
    let business = format!("Boulangerie Kerné {}", &unique_email("b")[2..8]);
    let created: domain::consultations::ConsultationCreated = expect_json(
        ApiClient::anonymous(&ctx.app)
            .with_ip("10.38.4.1")
            .post(
                "/api/consultations",
                &serde_json::json!({
                    "business": business, "trade": "artisan", "size": "solo", "town": "Quimper",
                    "name": "Katell Le Bihan", "email": unique_email("boulangerie"), "phone": "06 12 34 56 78",
                    "topics": ["invoicing"], "goal": "Passer à la facture électronique.",
                    "availability": ["mornings"], "consent": true, "lang": "fr"
                }),
            )
            .await?,
        201,
    )
    .await?;
    let staff = ApiClient::anonymous(&ctx.app)
        .with_ip("10.38.4.2")
        .login(STAFF, DEMO_PASSWORD)
        .await?;
    let board: Vec<domain::consultations::StaffConsultation> =
        staff.get_json("/api/staff/consultations").await?;
    let id = board
        .iter()
        .find(|c| c.business == business)
        .context("the request on the board")?
        .id;
    let volunteer = ApiClient::anonymous(&ctx.app)
        .with_ip("10.38.4.3")
        .login("membre09@silicon-kerne.test", DEMO_PASSWORD)
        .await?;
    let me: domain::wire::Me = volunteer.get_json("/api/me").await?;
    let assigned = staff
        .post(
            &format!("/api/staff/consultations/{id}/assign"),
            &serde_json::json!({ "member_id": me.id }),
        )
        .await?;
    ensure!(
        assigned.status().as_u16() == 200,
        "assigning: {}",
        assigned.status()
    );
    let accepted = volunteer
        .post(
            &format!("/api/me/consultations/{id}/accept"),
            &serde_json::json!({}),
        )
        .await?;
    ensure!(
        accepted.status().as_u16() == 200,
        "accepting: {}",
        accepted.status()
    );
    let link = created.link.clone();
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.set_viewport(360, 740).await?;
            log_in(ctx, &page, STAFF, DEMO_PASSWORD, "Tableau de bord").await?;
            page.goto(&ctx.url(&format!("/gestion/consultations/{id}"))).await?;
            page.wait_for(Locator::Css(&format!("#cs-outcome-{id}-done")), "the close form").await?;
            let ticked = page
                .client
                .execute("return [...document.querySelectorAll('input[type=radio][name^=cs-outcome]')].filter(r => r.checked).length", vec![])
                .await?;
            ensure!(ticked == 0, "an outcome arrives chosen ({ticked})");
            submit(&page, "Clore").await?;
            wait_for_text(&page, "Choisissez « Réalisée » ou « Refusée ».").await?;
            page.client
                .find(Locator::Css(&format!("#cs-outcome-{id}-done")))
                .await?
                .click()
                .await?;
            submit(&page, "Clore").await?;
            wait_for_text(&page, "Réalisée").await?;
            tokio::time::sleep(Duration::from_millis(500)).await;

            // The requester's link: no answer chosen, no "ne me convient pas" on a finished one.
            page.goto(&ctx.url(&link)).await?;
            page.wait_for_heading("Votre demande de consultation").await?;
            page.wait_for(Locator::Css("#useful-yes"), "the feedback form").await?;
            let text = page.text().await?;
            ensure!(!text.contains("Ce créneau ne me convient pas"), "a finished request offers: {text}");
            for id in ["#useful-yes", "#useful-no"] {
                let on = page.client.find(Locator::Css(id)).await?.prop("checked").await?;
                ensure!(on.as_deref() == Some("false"), "{id} arrives chosen");
            }
            submit(&page, "Envoyer mon avis").await?;
            wait_for_text(&page, "Dites si ce rendez-vous vous a été utile").await?;
            tokio::time::sleep(Duration::from_millis(300)).await;
            let now = focused(&page).await?;
            ensure!(now.starts_with("div"), "after the refusal the focus is on {now}");
            check_page(&page, "consultation-avis-a-choisir-fr", &[]).await?;
            page.client.find(Locator::Css("#useful-no")).await?.click().await?;
            submit(&page, "Envoyer mon avis").await?;
            page.wait_for(Locator::Css("#feedback-thanks"), "the thanks").await?;

            // Item 8: the requester erases the request; the concierge and the volunteer read that
            // it was erased, with no empty name or address (axe flagged the empty mailto:).
            let token = link.trim_start_matches("/consultation/").to_string();
            let erased = ApiClient::anonymous(&ctx.app)
                .with_ip("10.38.4.4")
                .delete(&format!("/api/consultations/{token}"))
                .await?;
            ensure!(erased.status().is_success(), "erasing: {}", erased.status());
            page.goto(&ctx.url(&format!("/gestion/consultations/{id}"))).await?;
            wait_for_text(&page, "Données personnelles effacées.").await?;
            ensure!(
                page.client.find_all(Locator::Css("main a[href^='mailto:']")).await?.is_empty(),
                "an erased request still offers an address"
            );
            check_page(&page, "gestion-consultation-effacee-fr", &[]).await?;
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}
