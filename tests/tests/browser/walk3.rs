//! Consultations and the library, as their people walk them (issue 38, part B), in Chromium at a
//! phone's width.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use fantoccini::Locator;
use kerne_tests::api_client::{expect_json, ApiClient};
use kerne_tests::ensure_each;

use crate::newcomer::focused;
use crate::support::with_page;
use crate::support::{
    check_page, fill, log_in, submit, unique_email, wait_for_text, DEMO_PASSWORD, STAFF,
};
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
            ensure_each!(
                [
                    !text.contains("déjà prise"),
                    page.client
                        .find_all(Locator::Css(".form-errors"))
                        .await?
                        .is_empty()
                ],
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
    let staff = ApiClient::anonymous(&ctx.app)
        .with_ip("10.38.4.2")
        .login(STAFF, DEMO_PASSWORD)
        .await?;
    let volunteer = ApiClient::anonymous(&ctx.app)
        .with_ip("10.38.4.3")
        .login("membre09@silicon-kerne.test", DEMO_PASSWORD)
        .await?;
    let me: domain::wire::Me = volunteer.get_json("/api/me").await?;
    let (id, link) =
        accepted_request(ctx, &staff, &volunteer, me.id, &business, "10.38.4.1").await?;
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

/// Item 7: the home page speaks to businesses and its button, like a resource's, lands on the
/// request form in view (it landed at the top of `/entreprises`, the form 1,211 px below); a
/// volunteer's area says an offer waits and until when.
pub async fn businesses_find_the_form_and_a_volunteer_sees_the_offer_waiting(
    ctx: &'static Ctx,
) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.set_viewport(390, 844).await?;
            for from in ["/", "/ressources/sauvegardes-3-2-1"] {
                page.goto(&ctx.url(from)).await?;
                let ask = page
                    .wait_for(
                        Locator::Css("main a[href='/entreprises#demande']"),
                        "the link to the request form",
                    )
                    .await?;
                ask.click().await?;
                page.wait_for(Locator::Css("#f-business"), "the request form")
                    .await?;
                // The topics arrive, then the form is brought into view.
                let mut shown = false;
                for _ in 0..30 {
                    if crate::trips::in_view(&page, "#form-title").await? {
                        shown = true;
                        break;
                    }
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                if !shown {
                    let state = page
                        .client
                        .execute(
                            "const r = document.querySelector('#form-title').getBoundingClientRect();
                             return [location.href, window.scrollY, r.top, r.bottom, window.innerHeight, document.body.scrollHeight].join(' ');",
                            vec![],
                        )
                        .await?;
                    anyhow::bail!("from {from}: the form's title is not in view: {state}");
                }
            }
            check_page(&page, "business-form-from-home", &[]).await?;
            // Mathieu (membre07) was offered the garage's request this morning (demo data).
            log_in(
                ctx,
                &page,
                "membre07@silicon-kerne.test",
                DEMO_PASSWORD,
                "Mon espace",
            )
            .await?;
            page.goto(&ctx.url("/espace")).await?;
            wait_for_text(&page, "Une demande vous attend — Garage Kerivel (Briec)").await?;
            wait_for_text(&page, "répondez avant le").await?;
            check_page(&page, "member-area-offer-waiting", &[]).await?;
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

/// A request offered to `volunteer` and accepted, for the test to act on; its id.
async fn accepted_request(
    ctx: &'static Ctx,
    staff: &ApiClient,
    volunteer: &ApiClient,
    volunteer_id: i64,
    business: &str,
    ip: &str,
) -> Result<(i64, String)> {
    let created: domain::consultations::ConsultationCreated = expect_json(
        ApiClient::anonymous(&ctx.app)
            .with_ip(ip)
            .post(
                "/api/consultations",
                &serde_json::json!({
                    "business": business, "trade": "artisan", "size": "solo", "town": "Quimper",
                    "name": "Gwen Le Floc'h", "email": unique_email("atelier"), "phone": "06 12 34 56 78",
                    "topics": ["website"], "goal": "Un site pour l'atelier.",
                    "availability": ["afternoons"], "consent": true, "lang": "fr"
                }),
            )
            .await?,
        201,
    )
    .await?;
    let board: Vec<domain::consultations::StaffConsultation> =
        staff.get_json("/api/staff/consultations").await?;
    let id = board
        .iter()
        .find(|c| c.business == business)
        .context("the request on the board")?
        .id;
    for (who, path, body) in [
        (
            staff,
            format!("/api/staff/consultations/{id}/assign"),
            serde_json::json!({ "member_id": volunteer_id }),
        ),
        (
            volunteer,
            format!("/api/me/consultations/{id}/accept"),
            serde_json::json!({}),
        ),
    ] {
        let resp = who.post(&path, &body).await?;
        ensure!(resp.status().as_u16() == 200, "{path}: {}", resp.status());
    }
    Ok((id, created.link))
}

/// Item 5, by keyboard: a volunteer's appointment refused (no day, then a room taken) is said in
/// the form she is filling in, in view, with the focus, and what she chose stays in the fields
/// (the 409 was ≈1,100 px above her, the fields snapped back, "no day" was said twice).
pub async fn a_refused_appointment_is_said_in_its_form_with_the_fields_kept(
    ctx: &'static Ctx,
) -> Result<()> {
    let staff = ApiClient::anonymous(&ctx.app)
        .with_ip("10.38.5.1")
        .login(STAFF, DEMO_PASSWORD)
        .await?;
    let volunteer = ApiClient::anonymous(&ctx.app)
        .with_ip("10.38.5.2")
        .login("membre14@silicon-kerne.test", DEMO_PASSWORD)
        .await?;
    let me: domain::wire::Me = volunteer.get_json("/api/me").await?;
    let tag = &unique_email("a")[2..8];
    let mine = format!("Atelier Gwen {tag}");
    let (id, _) = accepted_request(ctx, &staff, &volunteer, me.id, &mine, "10.38.5.3").await?;
    let (other, _) = accepted_request(
        ctx,
        &staff,
        &volunteer,
        me.id,
        &format!("Atelier Yann {tag}"),
        "10.38.5.4",
    )
    .await?;
    // The other request holds the meeting room on a free afternoon.
    let from = domain::paris::local_date(chrono::Utc::now()) + chrono::Duration::days(9);
    let days: Vec<domain::wire::RentalDay> = staff
        .get_json(&format!(
            "/api/rental-days?from={from}&to={}",
            from + chrono::Duration::days(40)
        ))
        .await?;
    let day = days
        .iter()
        .find(|d| d.afternoon)
        .context("a free afternoon")?
        .date;
    let held = staff
        .post(
            &format!("/api/staff/consultations/{other}/schedule"),
            &serde_json::json!({ "start": format!("{day}T14:00"), "end": format!("{day}T15:00"),
                                 "place": "cantine", "resource": "salle-reunion" }),
        )
        .await?;
    ensure!(held.status().as_u16() == 200, "holding: {}", held.status());
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.set_viewport(390, 844).await?;
            log_in(
                ctx,
                &page,
                "membre14@silicon-kerne.test",
                DEMO_PASSWORD,
                "Mon espace",
            )
            .await?;
            page.goto(&ctx.url("/espace/consultations")).await?;
            let end = format!("#cs-end-{id}");
            page.wait_for(Locator::Css(&end), "the appointment's form")
                .await?;
            let summary = format!("[aria-labelledby='cs-schedule-{id}'] .form-errors");
            // No day: said once, in the form, with the focus.
            page.client.find(Locator::Css(&end)).await?.click().await?;
            crate::newcomer::press(&page, fantoccini::key::Key::Enter).await?;
            page.wait_for(Locator::Css(&summary), "the refusal in the form")
                .await?;
            let said = page
                .client
                .execute(
                    "return document.body.innerText.split('Choisissez le jour du rendez-vous.').length - 1",
                    vec![],
                )
                .await?;
            ensure!(said == 1, "the missing day is said {said} times");
            // The day, then the times the room is taken: refused in the form, the fields kept.
            crate::support::set_value(&page, &format!("#cs-day-{id}"), &day.to_string()).await?;
            crate::support::set_value(&page, &format!("#cs-start-{id}"), "14:00").await?;
            crate::support::set_value(&page, &end, "15:00").await?;
            page.client.find(Locator::Css(&end)).await?.click().await?;
            crate::newcomer::press(&page, fantoccini::key::Key::Enter).await?;
            wait_for_text(&page, "déjà pris").await?;
            let refusal = page.client.find(Locator::Css(&summary)).await?.text().await?;
            ensure!(refusal.contains("déjà pris"), "{refusal}");
            tokio::time::sleep(Duration::from_millis(300)).await;
            let at = focused(&page).await?;
            ensure!(at.contains("déjà pris"), "the focus is on {at}");
            ensure!(
                crate::trips::in_view(&page, &summary).await?,
                "the refusal is out of view"
            );
            let kept = page
                .client
                .find(Locator::Css(&format!("#cs-day-{id}")))
                .await?
                .prop("value")
                .await?
                .unwrap_or_default();
            ensure!(kept == day.to_string(), "the day snapped back to {kept:?}");
            check_page(&page, "volunteer-room-taken", &["409"]).await?;
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

/// Item 6: the search box cleared, then a topic picked: the words are no longer searched (the
/// address kept `q=rendez-vous` and the list was empty).
pub async fn a_cleared_search_is_no_longer_searched(ctx: &'static Ctx) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            page.set_viewport(360, 740).await?;
            page.goto(&ctx.url("/ressources?q=rendez-vous")).await?;
            page.wait_for(
                Locator::Css("#l-topic option[value='website']"),
                "the topics",
            )
            .await?;
            crate::support::set_value(&page, "#l-q", "").await?;
            crate::support::set_value(&page, "#l-topic", "website").await?;
            wait_for_text(&page, "Un premier site vitrine").await?;
            let address = page.client.current_url().await?;
            ensure!(
                address.query() == Some("sujet=website"),
                "the address is {address}"
            );
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}

/// Item 9: a browser set to British English reads English from the first page (it showed French
/// until the switch was tapped); a choice made since is kept over the browser's language. The
/// tests' own browser is set to French (its profile's accepted languages), as a phone in Quimper.
pub async fn an_english_browser_reads_english_first(ctx: &'static Ctx) -> Result<()> {
    with_page(ctx, |ctx, page| async move {
        let r = async {
            let own = page
                .client
                .execute("return navigator.language", vec![])
                .await?;
            ensure!(
                own.as_str().is_some_and(|l| l.starts_with("fr")),
                "the tests' browser speaks {own}, not French"
            );
            let ua = page
                .client
                .execute("return navigator.userAgent", vec![])
                .await?;
            page.cdp(
                "Network.setUserAgentOverride",
                serde_json::json!({ "userAgent": ua, "acceptLanguage": "en-GB" }),
            )
            .await?;
            page.goto(&ctx.url("/entreprises")).await?;
            wait_for_text(&page, "a hand with digital").await?;
            ensure!(
                page.html_lang().await? == "en",
                "the page's language is not English"
            );
            page.click_text("button.lang-switch", "Français").await?;
            page.goto(&ctx.url("/entreprises")).await?;
            wait_for_text(&page, "un coup de main numérique").await?;
            ensure!(
                page.html_lang().await? == "fr",
                "the choice of French was not kept"
            );
            Ok(())
        }
        .await;
        (page, r)
    })
    .await
}
