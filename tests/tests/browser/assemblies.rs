//! The general assembly on phones, in French: the concierge prepares one (after a refused empty
//! form) and convenes the voters; a member finds it in their area and gives their proxy to
//! another, who accepts it by keyboard; the giver's page and the staff's list say so.

use anyhow::{Context, Result};
use fantoccini::key::Key;
use fantoccini::Locator;
use kerne_tests::api_client::ApiClient;
use kerne_tests::browser::Page;

use crate::newcomer::press;
use crate::support::{
    check_page, fill, log_in, set_value, submit, wait_for_text, DEMO_PASSWORD, STAFF,
};
use crate::Ctx;

async fn tap(page: &Page, css: &str) -> Result<()> {
    page.wait_for(Locator::Css(css), css).await?.click().await?;
    Ok(())
}

pub async fn staff_convene_a_member_gives_a_proxy_and_another_accepts_it(
    ctx: &'static Ctx,
) -> Result<()> {
    let staff = ctx.driver.session().await?;
    let giver = ctx.driver.session().await?;
    let holder = ctx.driver.session().await?;
    let r = async {
        let api = ApiClient::anonymous(&ctx.app);
        let holder_me: domain::wire::Me = api
            .login("membre64@silicon-kerne.test", DEMO_PASSWORD)
            .await?
            .get_json("/api/me")
            .await?;
        let giver_me: domain::wire::Me = api
            .login("membre62@silicon-kerne.test", DEMO_PASSWORD)
            .await?
            .get_json("/api/me")
            .await?;
        let site: serde_json::Value = api.get_json("/api/site").await?;
        let today = chrono::NaiveDate::parse_from_str(
            site["today"]["date"].as_str().context("today")?,
            "%Y-%m-%d",
        )?;
        let day = today + chrono::Duration::days(37);
        let place = format!("Salle polyvalente de Kerfeunteun {}", day.format("%j"));

        // The concierge prepares it from the menu's page; an empty form says what is missing.
        log_in(ctx, &staff, STAFF, DEMO_PASSWORD, "Tableau de bord").await?;
        staff.goto(&ctx.url("/gestion/assemblees")).await?;
        staff.wait_for_heading("Assemblées générales").await?;
        wait_for_text(&staff, "Préparer une assemblée").await?;
        check_page(&staff, "assemblees-fr", &[]).await?;
        submit(&staff, "Préparer l'assemblée").await?;
        wait_for_text(&staff, "Certains champs sont invalides").await?;
        check_page(&staff, "assemblees-refus-fr", &["422"]).await?;
        set_value(&staff, "#f-starts_at", &format!("{day}T18:00")).await?;
        set_value(&staff, "#f-ends_at", &format!("{day}T20:00")).await?;
        tap(&staff, "#f-in_room").await?;
        fill(&staff, "#f-place", &place).await?;
        set_value(
            &staff,
            "#f-candidacy_until",
            &(day - chrono::Duration::days(5)).to_string(),
        )
        .await?;
        submit(&staff, "Préparer l'assemblée").await?;
        wait_for_text(&staff, "Assemblée préparée").await?;
        let prepared: Vec<domain::assembly::AssemblyView> = api
            .login(STAFF, DEMO_PASSWORD)
            .await?
            .get_json("/api/staff/assemblies")
            .await?;
        let id = prepared
            .iter()
            .find(|a| a.place == place)
            .context("the assembly just prepared")?
            .id;
        // Its page: the statutes, the quorum, the agenda; convening asks first.
        tap(&staff, &format!("a[href='/gestion/assemblees/{id}']")).await?;
        staff.wait_for_heading("Assemblée générale").await?;
        wait_for_text(&staff, "Questions diverses").await?;
        wait_for_text(&staff, "quorum 25 %").await?;
        staff
            .click_text("button", "Convoquer les votants…")
            .await?;
        staff.click_text("button", "Oui, convoquer").await?;
        wait_for_text(&staff, "Convocation envoyée à").await?;
        check_page(&staff, "assemblee-convoquee-fr", &[]).await?;

        // The giver finds it in their area, and gives their proxy to the holder.
        log_in(ctx, &giver, "membre62@silicon-kerne.test", DEMO_PASSWORD, "Mon espace").await?;
        tap(&giver, &format!("a[href='/espace/assemblee/{id}']")).await?;
        giver.wait_for_heading("Assemblée générale").await?;
        wait_for_text(&giver, &place).await?;
        tap(&giver, "#ag-intent-proxy").await?;
        set_value(&giver, "#ag-holder", &holder_me.id.to_string()).await?;
        submit(&giver, "Enregistrer ma réponse").await?;
        wait_for_text(
            &giver,
            &format!("Votre procuration est demandée à {}", holder_me.name),
        )
        .await?;
        check_page(&giver, "assemblee-procuration-fr", &[]).await?;

        // The holder accepts it by keyboard, from their page.
        log_in(ctx, &holder, "membre64@silicon-kerne.test", DEMO_PASSWORD, "Mon espace").await?;
        holder
            .goto(&ctx.url(&format!("/espace/assemblee/{id}")))
            .await?;
        wait_for_text(&holder, "Procurations qu'on vous confie").await?;
        let accept = format!("Accepter la procuration de {}", giver_me.name);
        holder
            .client
            .execute(
                "for (const b of document.querySelectorAll('button')) { if (b.textContent.trim() === arguments[0]) { b.focus(); return; } }",
                vec![serde_json::json!(accept)],
            )
            .await?;
        press(&holder, Key::Enter).await?;
        wait_for_text(&holder, "acceptée").await?;
        check_page(&holder, "assemblee-procuration-acceptee-fr", &[]).await?;

        // The giver's page and the staff's list say it.
        giver
            .goto(&ctx.url(&format!("/espace/assemblee/{id}")))
            .await?;
        wait_for_text(
            &giver,
            &format!("Votre procuration est confiée à {}, qui l'a acceptée.", holder_me.name),
        )
        .await?;
        staff
            .goto(&ctx.url(&format!("/gestion/assemblees/{id}")))
            .await?;
        wait_for_text(
            &staff,
            &format!("procuration à {} (acceptée)", holder_me.name),
        )
        .await?;
        anyhow::Ok(())
    }
    .await;
    staff.close().await?;
    giver.close().await?;
    holder.close().await?;
    r
}

/// Check `name` in at the door page, found by the search box as the concierge does.
async fn check_in_at_door(staff: &Page, name: &str) -> Result<()> {
    fill(staff, "#ag-find", name).await?;
    staff
        .click_text("ul.door button", &format!("Pointer {name}"))
        .await?;
    wait_for_text(staff, &format!("Annuler le pointage de {name}")).await
}

pub async fn on_the_day_the_door_reaches_the_quorum_and_a_member_votes_by_keyboard(
    ctx: &'static Ctx,
) -> Result<()> {
    let staff = ctx.driver.session().await?;
    let voter = ctx.driver.session().await?;
    let r = async {
        let api = ApiClient::anonymous(&ctx.app);
        let admin = api.login(STAFF, DEMO_PASSWORD).await?;
        let site: serde_json::Value = api.get_json("/api/site").await?;
        let today = site["today"]["date"].as_str().context("today")?.to_string();
        let all: Vec<domain::assembly::AssemblyView> =
            admin.get_json("/api/staff/assemblies").await?;
        let a = all
            .iter()
            .find(|a| {
                a.place == "Salle du test du jour" && a.starts_at.0.date().to_string() == today
            })
            .context("the test seed's assembly of today")?;
        let id = a.id;
        let mut names = Vec::new();
        for n in [70, 72, 74, 75] {
            let me: domain::wire::Me = api
                .login(&format!("membre{n}@silicon-kerne.test"), DEMO_PASSWORD)
                .await?
                .get_json("/api/me")
                .await?;
            names.push(me.name);
        }
        log_in(ctx, &staff, STAFF, DEMO_PASSWORD, "Tableau de bord").await?;
        staff
            .goto(&ctx.url(&format!("/gestion/assemblees/{id}/jour")))
            .await?;
        staff
            .wait_for_heading("Assemblée générale : le jour")
            .await?;
        wait_for_text(&staff, "Quorum non atteint").await?;
        // Opening without the quorum is refused, and the screen says why.
        staff
            .click_text("button", "Ouvrir le vote : Approbation des comptes")
            .await?;
        wait_for_text(&staff, "Le vote ne peut pas s'ouvrir").await?;
        check_page(&staff, "assemblee-jour-fr", &["409"]).await?;
        for name in &names {
            check_in_at_door(&staff, name).await?;
        }
        wait_for_text(&staff, "Quorum atteint").await?;
        staff
            .click_text("button", "Ouvrir le vote : Approbation des comptes")
            .await?;
        wait_for_text(&staff, "Clore le vote : Approbation des comptes").await?;

        // membre70 votes from their phone, their own voice and the proxy they carry, by keyboard.
        log_in(
            ctx,
            &voter,
            "membre70@silicon-kerne.test",
            DEMO_PASSWORD,
            "Mon espace",
        )
        .await?;
        voter
            .goto(&ctx.url(&format!("/espace/assemblee/{id}")))
            .await?;
        wait_for_text(&voter, "Vote en cours : Approbation des comptes").await?;
        check_page(&voter, "assemblee-vote-fr", &[]).await?;
        let forms = voter
            .client
            .find_all(Locator::Css("form[data-voice]"))
            .await?;
        anyhow::ensure!(
            forms.len() == 2,
            "membre70 carries two voices: {}",
            forms.len()
        );
        loop {
            let left = voter
                .client
                .find_all(Locator::Css("form[data-voice]"))
                .await?
                .len();
            if left == 0 {
                break;
            }
            // The first voice not cast yet: focus its "For", Space ticks it, Enter sends it.
            voter
                .client
                .execute(
                    "document.querySelector('form[data-voice] input[value=yes]').focus();",
                    vec![],
                )
                .await?;
            press(&voter, Key::Space).await?;
            press(&voter, Key::Enter).await?;
            let fewer = format!("document.querySelectorAll('form[data-voice]').length < {left}");
            anyhow::ensure!(
                voter.until(&fewer).await?,
                "a voice sent by keyboard was not taken"
            );
        }
        wait_for_text(&voter, "a voté").await?;
        // The chair closes it; the member's page shows the result.
        staff
            .click_text("button", "Clore le vote : Approbation des comptes")
            .await?;
        wait_for_text(&staff, "Adoptée : pour 2, contre 0, abstention 0.").await?;
        wait_for_text(&voter, "Adoptée : pour 2").await?;
        check_page(&voter, "assemblee-resultat-fr", &[]).await?;

        // The board's election: each of the two voices names the first candidate, secretly.
        staff
            .click_text("button", "Ouvrir le vote : Élection du conseil")
            .await?;
        wait_for_text(&voter, "Vote en cours : Élection du conseil").await?;
        let first_candidate = voter
            .client
            .find(Locator::Css("form[data-voice] .check label"))
            .await?
            .text()
            .await?;
        for _ in 0..2 {
            let left = voter
                .client
                .find_all(Locator::Css("form[data-voice]"))
                .await?
                .len();
            tap(&voter, "form[data-voice] input[type=checkbox]").await?;
            voter
                .click_text("form[data-voice] button[type=submit]", "Voter")
                .await?;
            wait_for_text(&voter, "Votre reçu").await?;
            let fewer = format!("document.querySelectorAll('form[data-voice]').length < {left}");
            anyhow::ensure!(voter.until(&fewer).await?, "a ballot was not taken");
        }
        staff
            .click_text("button", "Clore le vote : Élection du conseil")
            .await?;
        wait_for_text(&staff, &format!("{first_candidate} : 2 voix (élu·e)")).await?;

        // The minutes: closed with its chair and secretary, printed on A4; the board page changes.
        staff
            .goto(&ctx.url(&format!("/gestion/assemblees/{id}/pv")))
            .await?;
        wait_for_text(&staff, "Clore l'assemblée").await?;
        fill(&staff, "#f-chair", "Anne Le Gall").await?;
        fill(&staff, "#f-secretary", "Erwan Le Bihan").await?;
        submit(&staff, "Clore l'assemblée").await?;
        wait_for_text(&staff, "Imprimer le procès-verbal").await?;
        wait_for_text(&staff, "Procès-verbal de l'Assemblée générale ordinaire").await?;
        check_page(&staff, "assemblee-pv-fr", &[]).await?;
        let pages = crate::support::printed_pages(&staff).await?;
        anyhow::ensure!(pages <= 2, "the minutes print on {pages} A4 pages");
        voter.goto(&ctx.url("/association")).await?;
        wait_for_text(&voter, &first_candidate).await?;
        anyhow::Ok(())
    }
    .await;
    staff.close().await?;
    voter.close().await?;
    r
}
