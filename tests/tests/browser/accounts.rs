//! Accounts and membership on a phone: applying, admission by staff, the invitation from the
//! outbox, clubs, the directory, and a forgotten password.

use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context, Result};
use fantoccini::Locator;

use crate::support::{
    apply, check_page, fill, link_from_outbox, log_in, open_applications_from_the_dashboard,
    submit, unique_email, wait_for_text, with_page, DEMO_PASSWORD, STAFF,
};
use crate::Ctx;

pub async fn visitor_applies_to_join(ctx: &'static Ctx) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.goto(&ctx.url("/adherer")).await?;
            page.wait_for_heading("Adhérer à Silicon Kerne").await?;
            check_page(&page, "adherer-form-fr", &[]).await?;
            // Sent empty: every problem is listed on top and told next to its field.
            submit(&page, "Envoyer ma demande").await?;
            wait_for_text(&page, "Certains champs sont invalides").await?;
            let name = page.client.find(Locator::Css("#f-name")).await?;
            ensure!(
                name.attr("aria-invalid").await?.as_deref() == Some("true"),
                "the empty name is marked invalid"
            );
            let described = name.attr("aria-describedby").await?.unwrap_or_default();
            ensure!(
                described.contains("f-name-error"),
                "the name's error is tied to the field ({described:?})"
            );
            ensure!(
                page.client
                    .find(Locator::Css("#f-consent-error"))
                    .await
                    .is_ok(),
                "the consent error is shown"
            );
            check_page(&page, "adherer-errors-fr", &["422"]).await?;

            let email = unique_email("candidate");
            apply(ctx, &page, "Nolwenn Le Bihan", &email).await?;
            check_page(&page, "adherer-sent-fr", &[]).await?;

            // The same address again: the same answer as any application (the page never says
            // whether an address is known), and still one application for staff.
            apply(ctx, &page, "Nolwenn Le Bihan", &email).await?;
            let staff = kerne_tests::api_client::ApiClient::anonymous(&ctx.app)
                .login(STAFF, DEMO_PASSWORD)
                .await?;
            let pending: Vec<domain::wire::Application> = staff
                .get_json("/api/staff/applications?status=pending")
                .await?;
            let n = pending.iter().filter(|a| a.email == email).count();
            ensure!(n == 1, "applying twice stored {n} applications");
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

pub async fn staff_admits_a_member_who_joins_a_club_and_finds_a_graphic_designer(
    ctx: &'static Ctx,
) -> Result<()> {
    let visitor = ctx.driver.session().await?;
    let staff = ctx.driver.session().await?;
    let r = async {
        let email = unique_email("nouvelle");
        apply(ctx, &visitor, "Maëlle Kerhervé", &email).await?;

        // Staff log in and land on the pending applications.
        log_in(ctx, &staff, STAFF, DEMO_PASSWORD, "Tableau de bord").await?;
        // The dashboard counts the applications to review and leads to them.
        open_applications_from_the_dashboard(&staff).await?;
        wait_for_text(&staff, &email).await?;
        check_page(&staff, "gestion-demandes-fr", &[]).await?;
        let approve = format!(
            "//li[contains(@class,'application')][.//a[normalize-space()='{email}']]//button[normalize-space()='Approuver']"
        );
        staff.client.find(Locator::XPath(&approve)).await.context("the applicant's Approve button")?.click().await?;
        wait_for_text(&staff, "l'invitation est partie").await?;

        // The invitation, read in the outbox, opened by the new member in their own browser.
        let link = link_from_outbox(ctx, &staff, &email, "/invitation").await?;
        check_page(&staff, "gestion-courriels-fr", &[]).await?;
        let member = ctx.driver.session().await?;
        let r = async {
            member.goto(&link).await?;
            member.wait_for_heading("Bienvenue à Silicon Kerne").await?;
            check_page(&member, "invitation-fr", &[]).await?;
            fill(&member, "#f-password", "une phrase de passe bretonne").await?;
            submit(&member, "Enregistrer le mot de passe").await?;
            member.wait_for_heading("Mon espace").await?;
            ensure!(member.client.current_url().await?.path() == "/espace", "the new member lands in their area");
            wait_for_text(&member, "Aucune cotisation enregistrée").await?;
            check_page(&member, "espace-fr", &[]).await?;

            wait_for_text(&member, "Quitter E-commerce").await.context("the club chosen in the application is joined at approval")?;
            member.click_text("button", "Rejoindre Graphistes").await?;
            wait_for_text(&member, "Quitter Graphistes").await?;

            // The directory: a graphic designer, found by skill.
            member.goto(&ctx.url("/annuaire")).await?;
            member.wait_for_heading("Annuaire").await?;
            wait_for_text(&member, "résultat").await?;
            fill(&member, "#s-skill", "graphisme").await?;
            submit(&member, "Rechercher").await?;
            let deadline = Instant::now() + Duration::from_secs(20);
            loop {
                let cards = member.client.find_all(Locator::Css(".member-card")).await?;
                let skills = member.client.find_all(Locator::XPath("//li[contains(@class,'member-card')]//li[contains(.,'raphisme')]")).await?;
                if !cards.is_empty() && skills.len() >= cards.len() {
                    break;
                }
                if Instant::now() > deadline {
                    bail!("searching the skill 'graphisme' found {} cards, {} with that skill:\n{}", cards.len(), skills.len(), member.text().await?);
                }
                tokio::time::sleep(Duration::from_millis(150)).await;
            }
            check_page(&member, "annuaire-fr", &[]).await?;
            Ok(())
        }
        .await;
        member.close().await?;
        r
    }
    .await;
    visitor.close().await?;
    staff.close().await?;
    r
}

pub async fn member_resets_a_forgotten_password(ctx: &'static Ctx) -> Result<()> {
    let member = ctx.driver.session().await?;
    let staff = ctx.driver.session().await?;
    let r = async {
        let email = "membre01@silicon-kerne.test";
        member.goto(&ctx.url("/connexion")).await?;
        member.wait_for_heading("Connexion").await?;
        member.click_text("main a", "Mot de passe oublié ?").await?;
        member.wait_for_heading("Mot de passe oublié").await?;
        check_page(&member, "mot-de-passe-fr", &[]).await?;
        fill(&member, "#f-email", email).await?;
        submit(&member, "Recevoir le lien").await?;
        wait_for_text(&member, "Si un compte existe").await?;

        log_in(ctx, &staff, STAFF, DEMO_PASSWORD, "Tableau de bord").await?;
        let link = link_from_outbox(ctx, &staff, email, "/mot-de-passe/nouveau").await?;

        member.goto(&link).await?;
        member
            .wait_for_heading("Choisir un nouveau mot de passe")
            .await?;
        check_page(&member, "mot-de-passe-nouveau-fr", &[]).await?;
        fill(&member, "#f-password", "court").await?;
        submit(&member, "Enregistrer le mot de passe").await?;
        wait_for_text(&member, "au moins 10 caractères").await?;
        let new_password = "la mer d'Iroise au matin";
        fill(&member, "#f-password", new_password).await?;
        submit(&member, "Enregistrer le mot de passe").await?;
        member.wait_for_heading("Mon espace").await?;

        // Log out, then the old password fails and the new one works.
        member.click_text("button", "Se déconnecter").await?;
        member.wait_for_heading("Connexion").await?;
        fill(&member, "#f-email", email).await?;
        fill(&member, "#f-password", DEMO_PASSWORD).await?;
        submit(&member, "Se connecter").await?;
        wait_for_text(&member, "Adresse e-mail ou mot de passe incorrect").await?;
        // The 422 of the too-short password and the 401 of the old one are expected.
        check_page(&member, "connexion-erreur-fr", &["422", "401"]).await?;
        log_in(ctx, &member, email, new_password, "Mon espace").await?;
        Ok(())
    }
    .await;
    member.close().await?;
    staff.close().await?;
    r
}

/// The account pages for each kind of visitor, in French and in English: a prompt to log in for
/// visitors, "no access" for members on staff pages, and every staff page for staff.
pub async fn account_pages_are_accessible_and_fit_a_phone(ctx: &'static Ctx) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.goto(&ctx.url("/espace")).await?;
            page.wait_for_heading("Mon espace").await?;
            page.wait_for(
                Locator::Css("main a[href^='/connexion']"),
                "the prompt asking a visitor to log in",
            )
            .await?;
            check_page(&page, "espace-visiteur-fr", &[]).await?;
            page.goto(&ctx.url("/invitation")).await?;
            page.wait_for_heading("Bienvenue à Silicon Kerne").await?;
            wait_for_text(&page, "Ce lien est incomplet").await?;

            log_in(
                ctx,
                &page,
                "membre03@silicon-kerne.test",
                DEMO_PASSWORD,
                "Mon espace",
            )
            .await?;
            page.goto(&ctx.url("/gestion")).await?;
            page.wait_for_heading("Tableau de bord").await?;
            wait_for_text(&page, "réservée à l'équipe").await?;
            check_page(&page, "gestion-refusee-fr", &[]).await?;
            page.click_text("button", "Se déconnecter")
                .await
                .or_else(|_| Ok::<_, anyhow::Error>(()))?;

            log_in(ctx, &page, STAFF, DEMO_PASSWORD, "Tableau de bord").await?;
            page.goto(&ctx.url("/gestion/membres")).await?;
            page.wait_for_heading("Adhérents").await?;
            wait_for_text(&page, "résultat").await?;
            let first = page
                .client
                .find(Locator::Css("a.row__title"))
                .await
                .context("a member in the list")?;
            let detail = first
                .attr("href")
                .await?
                .context("the member link's href")?;
            // The concierge records a fee on the member's record and is told until when it runs.
            page.goto(&ctx.url(&detail)).await?;
            page.wait_for_heading("Fiche adhérent").await?;
            fill(&page, "#f-amount_cents", "30").await?;
            submit(&page, "Enregistrer").await?;
            wait_for_text(&page, "Cotisation enregistrée : adhésion active jusqu'au").await?;
            let mut pages: Vec<(String, &str, &str)> = vec![
                ("/connexion".into(), "Connexion", "Log in"),
                (
                    "/mot-de-passe".into(),
                    "Mot de passe oublié",
                    "Forgotten password",
                ),
                ("/espace".into(), "Mon espace", "My area"),
                ("/annuaire".into(), "Annuaire", "Directory"),
                ("/gestion".into(), "Tableau de bord", "Dashboard"),
                (
                    "/gestion/adhesions".into(),
                    "Demandes d'adhésion",
                    "Membership applications",
                ),
                ("/gestion/statistiques".into(), "Statistiques", "Statistics"),
                (
                    "/gestion/rapport".into(),
                    "Rapport d'activité",
                    "Activity report",
                ),
                ("/gestion/membres".into(), "Adhérents", "Members"),
                (
                    "/gestion/courriels".into(),
                    "Courriels envoyés",
                    "Outgoing emails",
                ),
                (
                    "/gestion/journal".into(),
                    "Journal des actions",
                    "Audit log",
                ),
                // The events' pages (issue 24): the list with the clubs' rules, an event's form,
                // its sign-ups at the door, and the settings with the events' two delays.
                ("/gestion/evenements".into(), "Événements", "Events"),
                (
                    "/gestion/evenements/903".into(),
                    "Modifier l'événement",
                    "Edit the event",
                ),
                (
                    "/gestion/evenements/903/inscrits".into(),
                    "Inscrits",
                    "Sign-ups",
                ),
                (
                    "/gestion/reglages".into(),
                    "Réglages de la cantine",
                    "Settings",
                ),
            ];
            pages.push((detail, "Fiche adhérent", "Member record"));
            let mut problems = Vec::new();
            for lang in ["fr", "en"] {
                if lang == "en" {
                    page.click_text("button.lang-switch", "English").await?;
                }
                for (path, fr, en) in &pages {
                    page.goto(&ctx.url(path)).await?;
                    page.wait_for_heading(if lang == "fr" { fr } else { en })
                        .await?;
                    // Lists come after the heading: let them load before checking.
                    tokio::time::sleep(Duration::from_millis(400)).await;
                    let name = format!("{}-{lang}", path.trim_matches('/').replace('/', "_"));
                    if let Err(e) = check_page(&page, &name, &[]).await {
                        problems.push(format!("{e:#}"));
                    }
                }
            }
            page.set_viewport(360, 640).await?;
            for (path, _, en) in &pages {
                page.goto(&ctx.url(path)).await?;
                page.wait_for_heading(en).await?;
                for o in page.overflowing_elements().await? {
                    problems.push(format!("{path} wider than 360 px: {o}"));
                }
            }
            ensure!(problems.is_empty(), "{}", problems.join("\n"));
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}
