//! Consultations on a phone, in French: an artisan finds the offer from the menu, sends a request
//! (after a refused empty one) and opens its link; the concierge offers it to a volunteer; the
//! volunteer accepts and sets the appointment in the meeting room; the artisan sees it with its
//! `.ics`, in French and in English. And the library, filtered by topic.

use anyhow::{ensure, Context, Result};
use fantoccini::Locator;
use kerne_tests::api_client::ApiClient;
use kerne_tests::browser::Page;
use serde_json::Value;

use crate::support::{
    check_page, fill, log_in, set_value, submit, unique_email, wait_for_text, DEMO_PASSWORD, STAFF,
};

use crate::Ctx;

/// Click the element `css` (a radio, a checkbox, a button).
async fn tap(page: &Page, css: &str) -> Result<()> {
    page.client
        .find(Locator::Css(css))
        .await
        .with_context(|| format!("no {css}"))?
        .click()
        .await?;
    Ok(())
}

/// A day, 10 to 40 days ahead, whose afternoon the meeting room has free.
async fn free_afternoon(ctx: &'static Ctx) -> Result<String> {
    let site: Value = ApiClient::anonymous(&ctx.app).get_json("/api/site").await?;
    let today = chrono::NaiveDate::parse_from_str(
        site["today"]["date"].as_str().context("today")?,
        "%Y-%m-%d",
    )?;
    let (from, to) = (
        today + chrono::Duration::days(10),
        today + chrono::Duration::days(40),
    );
    let days: Vec<domain::wire::RentalDay> = ApiClient::anonymous(&ctx.app)
        .get_json(&format!("/api/rental-days?from={from}&to={to}"))
        .await?;
    days.iter()
        .find(|d| d.afternoon)
        .map(|d| d.date.to_string())
        .context("no free afternoon in the room")
}

pub async fn an_artisan_is_matched_with_a_volunteer_and_meets_at_the_cantine(
    ctx: &'static Ctx,
) -> Result<()> {
    let artisan = ctx.driver.session().await?;
    let staff = ctx.driver.session().await?;
    let volunteer = ctx.driver.session().await?;
    let r = async {
        let business = format!("Plomberie Quéméner {}", &unique_email("x")[2..10]);
        // The site says the cantine helps businesses: the menu leads there.
        artisan.goto(&ctx.url("/")).await?;
        artisan.wait_for_heading("Silicon Kerne").await?;
        tap(&artisan, "button.menu-toggle").await?;
        artisan.click_text("#main-nav a", "Entreprises").await?;
        artisan
            .wait_for_heading("Artisans, commerçants, TPE : un coup de main numérique")
            .await?;
        wait_for_text(&artisan, "Facturation et comptabilité").await?;
        // The consent names the retention delay staff set.
        wait_for_text(
            &artisan,
            "efface mes coordonnées 730 jours après la consultation",
        )
        .await?;
        check_page(&artisan, "entreprises-fr", &[]).await?;
        // Sent empty: every missing answer is listed, nothing is stored.
        submit(&artisan, "Envoyer ma demande").await?;
        wait_for_text(&artisan, "Certains champs sont invalides").await?;
        let text = artisan.text().await?;
        for field in [
            "Nom de l'entreprise",
            "Votre activité",
            "Vos sujets",
            "politique de données",
        ] {
            ensure!(text.contains(field), "the refusal does not name {field:?}");
        }
        check_page(&artisan, "entreprises-refus-fr", &["422"]).await?;
        fill(&artisan, "#f-business", &business).await?;
        tap(&artisan, "#trade-artisan").await?;
        fill(&artisan, "#f-town", "Pluguffan").await?;
        fill(&artisan, "#f-name", "Tanguy Quéméner").await?;
        fill(&artisan, "#f-email", &unique_email("plombier")).await?;
        tap(&artisan, "#topic-invoicing").await?;
        fill(
            &artisan,
            "#f-goal",
            "Passer à la facture électronique sans y perdre mes soirées.",
        )
        .await?;
        tap(&artisan, "#when-evenings").await?;
        tap(&artisan, "#f-consent-box").await?;
        submit(&artisan, "Envoyer ma demande").await?;
        artisan
            .wait_for_heading("Votre demande de consultation")
            .await?;
        wait_for_text(&artisan, "Demande envoyée").await?;
        wait_for_text(&artisan, "Demande reçue").await?;
        let link = artisan.client.current_url().await?;
        ensure!(link.path().starts_with("/consultation/"), "{link}");
        check_page(&artisan, "consultation-recue-fr", &[]).await?;

        // The concierge offers it to Erwan (membre09), chosen from the list of volunteers.
        log_in(ctx, &staff, STAFF, DEMO_PASSWORD, "Tableau de bord").await?;
        // The dashboard counts the requests to triage and leads to the board.
        wait_for_text(&staff, "demandes d'entreprises à trier").await?;
        staff
            .client
            .find(Locator::Css(
                "a.glance__link[href='/gestion/consultations']",
            ))
            .await
            .context("the dashboard's link to the requests")?;
        crate::trips::staff_menu(&staff, "Demandes des entreprises").await?;
        staff.wait_for_heading("Demandes de consultation").await?;
        wait_for_text(&staff, &business).await?;
        check_page(&staff, "gestion-consultations-fr", &[]).await?;
        // One step alone, kept in the address; then every step again.
        set_value(&staff, "#cs-show", "nouvelles").await?;
        wait_for_text(&staff, "À trier").await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while staff.text().await?.contains("Rendez-vous fixés (") {
            ensure!(
                std::time::Instant::now() < deadline,
                "the other steps stay shown"
            );
            tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        }
        let url = staff.client.current_url().await?;
        ensure!(url.query() == Some("etat=nouvelles"), "{url}");
        wait_for_text(&staff, &business).await?;
        staff
            .click_text("main a", &format!("Ouvrir la demande de {business}"))
            .await?;
        staff
            .wait_for_heading("Une demande de consultation")
            .await?;
        wait_for_text(&staff, "Suggestions").await?;
        check_page(&staff, "gestion-consultation-fr", &[]).await?;
        set_value(&staff, "#cs-any", "11").await?;
        submit(&staff, "Proposer la demande").await?;
        wait_for_text(&staff, "Proposée à Erwan Hénaff").await?;

        // Erwan accepts, then sets the appointment in the meeting room on a free afternoon.
        log_in(
            ctx,
            &volunteer,
            "membre09@silicon-kerne.test",
            DEMO_PASSWORD,
            "Mon espace",
        )
        .await?;
        volunteer
            .click_text("main a", "Consultations pour les entreprises")
            .await?;
        volunteer
            .wait_for_heading("Consultations pour les entreprises")
            .await?;
        wait_for_text(&volunteer, &business).await?;
        check_page(&volunteer, "espace-consultations-fr", &[]).await?;
        let card = format!("//li[.//h3[normalize-space()=\"{business}\"]]");
        volunteer
            .client
            .find(Locator::XPath(&format!(
                "{card}//button[normalize-space()=\"J'accepte\"]"
            )))
            .await?
            .click()
            .await?;
        wait_for_text(&volunteer, "Tanguy Quéméner").await?;
        let day = free_afternoon(ctx).await?;
        let form = volunteer
            .client
            .find(Locator::XPath(&format!(
                "{card}//form[.//input[@type='date']]"
            )))
            .await?;
        let key = form
            .find(Locator::Css("input[type=date]"))
            .await?
            .attr("id")
            .await?
            .context("the day's id")?;
        let key = key.trim_start_matches("cs-day-").to_string();
        set_value(&volunteer, &format!("#cs-day-{key}"), &day).await?;
        set_value(&volunteer, &format!("#cs-start-{key}"), "14:00").await?;
        set_value(&volunteer, &format!("#cs-end-{key}"), "15:00").await?;
        volunteer
            .client
            .find(Locator::XPath(&format!(
                "{card}//button[normalize-space()='Enregistrer le rendez-vous']"
            )))
            .await?
            .click()
            .await?;
        wait_for_text(&volunteer, "Salle de réunion").await?;
        check_page(&volunteer, "espace-consultations-rdv-fr", &[]).await?;
        // Closed as done once it has taken place: not offered while the appointment is ahead
        // (issue 38).
        ensure!(
            volunteer
                .client
                .find_all(Locator::XPath(&format!(
                    "{card}//button[normalize-space()='Clore']"
                )))
                .await?
                .is_empty(),
            "a volunteer is offered to close a request before its appointment"
        );

        // The artisan's link shows the appointment, with whom and the calendar file.
        artisan.goto(link.as_str()).await?;
        artisan
            .wait_for_heading("Votre demande de consultation")
            .await?;
        wait_for_text(&artisan, "Votre rendez-vous").await?;
        wait_for_text(&artisan, "Avec Erwan").await?;
        wait_for_text(&artisan, "14:00–15:00").await?;
        ensure!(
            !artisan.text().await?.contains("Hénaff"),
            "the requester learns the first name only"
        );
        artisan
            .client
            .find(Locator::Css("a[href$='/ics']"))
            .await
            .context("the .ics link")?;
        check_page(&artisan, "consultation-rdv-fr", &[]).await?;
        artisan.click_text("button.lang-switch", "English").await?;
        wait_for_text(&artisan, "Your appointment").await?;
        check_page(&artisan, "consultation-rdv-en", &[]).await?;
        artisan.click_text("button.lang-switch", "Français").await?;
        // "Ce créneau ne me convient pas" sent empty: the refusal is in the form, which stays open,
        // with the focus, wholly in view at 390×844 (it closed, the error 1,000 px above: issue 38).
        artisan
            .click_text("button", "Ce créneau ne me convient pas")
            .await?;
        submit(&artisan, "Envoyer").await?;
        artisan
            .wait_for(
                Locator::Css("#unsuitable-form .form-errors"),
                "the refusal in the form",
            )
            .await?;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let now = crate::newcomer::focused(&artisan).await?;
        ensure!(
            now.starts_with("div"),
            "after the refusal the focus is on {now}"
        );
        ensure!(
            crate::trips::in_view(&artisan, "#unsuitable-form .form-errors").await?,
            "the refusal is off the screen"
        );
        check_page(&artisan, "consultation-ne-convient-pas-vide-fr", &["422"]).await?;
        Ok(())
    }
    .await;
    artisan.close().await?;
    staff.close().await?;
    volunteer.close().await?;
    r
}

pub async fn the_library_is_filtered_by_topic_and_a_resource_reads_well(
    ctx: &'static Ctx,
) -> Result<()> {
    let page = ctx.driver.session().await?;
    let r = async {
        page.goto(&ctx.url("/ressources")).await?;
        page.wait_for_heading("Ressources pour les entreprises")
            .await?;
        wait_for_text(&page, "Votre commerce sur les cartes en ligne").await?;
        check_page(&page, "ressources-fr", &[]).await?;
        set_value(&page, "#l-topic", "security-backups").await?;
        wait_for_text(&page, "Sauvegardes : la règle 3-2-1").await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while page
            .text()
            .await?
            .contains("Votre commerce sur les cartes en ligne")
        {
            ensure!(
                std::time::Instant::now() < deadline,
                "the filter kept other topics"
            );
            tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        }
        let url = page.client.current_url().await?;
        ensure!(
            url.query()
                .is_some_and(|q| q.contains("sujet=security-backups")),
            "the topic is not in the address: {url}"
        );
        page.click_text("main a", "Lire : Sauvegardes : la règle 3-2-1")
            .await?;
        page.wait_for_heading("Sauvegardes : la règle 3-2-1")
            .await?;
        wait_for_text(&page, "La règle").await?;
        wait_for_text(&page, "☐").await?;
        check_page(&page, "ressource-fr", &[]).await?;
        page.click_text("button.lang-switch", "English").await?;
        wait_for_text(&page, "Need help putting it into practice?").await?;
        check_page(&page, "ressource-en", &[]).await?;
        page.click_text("button.lang-switch", "Français").await?;
        Ok(())
    }
    .await;
    page.close().await?;
    r
}
