//! E-education on a phone: a parent finds a workshop in the agenda, signs up two children, lands
//! on the sign-up's private page and gives a seat back; the same email again is told the link was
//! sent, and nothing else.

use anyhow::{ensure, Result};
use fantoccini::Locator;

use crate::accounts::{check_page, fill, submit, unique_email, wait_for_text};
use crate::Ctx;

/// The demo's second children's workshop (`seed/events.sql`): 12 seats, 3 per sign-up, ages 8–12.
const WORKSHOP: &str = "Makey Makey : la banane qui joue du piano";

pub async fn a_parent_signs_up_two_children_and_gives_a_seat_back(ctx: &'static Ctx) -> Result<()> {
    let page = ctx.driver.session().await?;
    let r = async {
        page.goto(&ctx.url("/agenda")).await?;
        page.wait_for_heading("Agenda").await?;
        wait_for_text(&page, WORKSHOP).await?;
        check_page(&page, "agenda-fr", &[]).await?;
        page.click_text("a.button", &format!("Voir « {WORKSHOP} » et s'inscrire"))
            .await?;
        page.wait_for_heading(WORKSHOP).await?;
        let email = unique_email("parent");
        fill(&page, "#f-name", "Anne Le Gall").await?;
        fill(&page, "#f-email", &email).await?;
        for (i, (name, age)) in [("Lou", "9"), ("Yann", "11")].iter().enumerate() {
            page.client
                .find(Locator::Css("#add-child"))
                .await?
                .click()
                .await?;
            fill(&page, &format!("[id='f-children.{i}.first_name']"), name).await?;
            fill(&page, &format!("[id='f-children.{i}.age']"), age).await?;
        }
        // Without the guardian's consent, the form says so and keeps what was typed.
        submit(&page, "Je m'inscris").await?;
        wait_for_text(&page, "responsable légal").await?;
        let kept = page
            .client
            .find(Locator::Css("[id='f-children.1.first_name']"))
            .await?
            .prop("value")
            .await?;
        ensure!(
            kept.as_deref() == Some("Yann"),
            "the form lost a child's name: {kept:?}"
        );
        page.client
            .find(Locator::Css("#f-consent_children"))
            .await?
            .click()
            .await?;
        // The refusal above is a 422 on purpose.
        check_page(&page, "evenement-inscription-fr", &["status of 422"]).await?;
        submit(&page, "Je m'inscris").await?;
        page.wait_for_heading("Votre inscription").await?;
        wait_for_text(&page, "Confirmée — 3 places").await?;
        let link = page.client.current_url().await?;
        ensure!(
            link.path().starts_with("/inscription/"),
            "the answer is the private page: {link}"
        );
        check_page(&page, "inscription-fr", &[]).await?;
        // One child will not come: the seat goes back.
        page.click_text("button", "Retirer l'enfant 2").await?;
        submit(&page, "Enregistrer les places").await?;
        wait_for_text(&page, "Places enregistrées.").await?;
        wait_for_text(&page, "Confirmée — 2 places").await?;
        // The link still opens the sign-up as it is now.
        page.goto(link.as_str()).await?;
        page.wait_for_heading("Votre inscription").await?;
        wait_for_text(&page, "Confirmée — 2 places").await?;

        // Someone types the same email on the event's page: told the link was sent, nothing else.
        page.goto(&ctx.url("/agenda")).await?;
        page.wait_for_heading("Agenda").await?;
        page.click_text("a.button", &format!("Voir « {WORKSHOP} » et s'inscrire"))
            .await?;
        page.wait_for_heading(WORKSHOP).await?;
        fill(&page, "#f-name", "Quelqu'un d'autre").await?;
        fill(&page, "#f-email", &email).await?;
        submit(&page, "Je m'inscris").await?;
        wait_for_text(&page, "déjà inscrite à cet événement").await?;
        ensure!(
            page.client
                .current_url()
                .await?
                .path()
                .starts_with("/agenda/"),
            "the page left the event"
        );
        check_page(&page, "evenement-lien-renvoye-fr", &[]).await?;
        Ok(())
    }
    .await;
    page.close().await?;
    r
}

pub async fn the_concierge_sees_the_events_and_their_seats(ctx: &'static Ctx) -> Result<()> {
    let page = ctx.driver.session().await?;
    let r = async {
        crate::accounts::log_in(
            ctx,
            &page,
            crate::accounts::STAFF,
            crate::accounts::DEMO_PASSWORD,
            "Tableau de bord",
        )
        .await?;
        page.goto(&ctx.url("/gestion/evenements")).await?;
        page.wait_for_heading("Événements").await?;
        // Upcoming and past sessions of the demo, each with its seats.
        wait_for_text(&page, WORKSHOP).await?;
        wait_for_text(&page, "Le numérique au collège").await?;
        check_page(&page, "gestion-evenements-fr", &[]).await?;
        Ok(())
    }
    .await;
    page.close().await?;
    r
}
