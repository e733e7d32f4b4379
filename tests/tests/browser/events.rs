//! E-education on a phone: a parent finds a workshop from the home page, signs up two children, lands
//! on the sign-up's private page and gives a seat back; the same email again is told the link was
//! sent, and nothing else. Every journey here runs at 360 px wide.

use anyhow::{ensure, Result};
use fantoccini::Locator;
use kerne_tests::ensure_each;

use crate::support::{check_page, fill, set_value, submit, unique_email, wait_for_text};
use crate::Ctx;

/// The demo's second children's workshop (`seed/events.sql`): 12 seats, 3 per sign-up, ages 8–12.
const WORKSHOP: &str = "Makey Makey : la banane qui joue du piano";

/// Staff publish an event through the API (the journeys' set-up).
async fn publish(ctx: &'static Ctx, body: &serde_json::Value) -> Result<domain::events::EventView> {
    use kerne_tests::api_client::{expect_json, ApiClient};
    let staff = ApiClient::anonymous(&ctx.app)
        .login(crate::support::STAFF, crate::support::DEMO_PASSWORD)
        .await?;
    expect_json(staff.post("/api/staff/events", body).await?, 201).await
}

pub async fn a_parent_signs_up_two_children_and_gives_a_seat_back(ctx: &'static Ctx) -> Result<()> {
    let page = ctx.driver.session().await?;
    page.set_viewport(360, 740).await?;
    let r = async {
        // From the home page (public bundle) to the agenda (its own bundle).
        page.goto(&ctx.url("/")).await?;
        page.wait_for_heading("Silicon Kerne").await?;
        wait_for_text(&page, "Voir l'agenda et s'inscrire").await?;
        page.click_text("a", "Voir l'agenda et s'inscrire").await?;
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
        // The consent names the delay set by staff (the demo's 30 days).
        wait_for_text(&page, "conservées jusqu'à 30 jours après l'atelier").await?;
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
        // A child's empty first name: the summary names which child and which field.
        fill(&page, "[id='f-children.1.first_name']", " ").await?;
        submit(&page, "Je m'inscris").await?;
        wait_for_text(&page, "Enfant 2, Prénom : ").await?;
        fill(&page, "[id='f-children.1.first_name']", "Yann").await?;
        page.client
            .find(Locator::Css("#f-consent_children"))
            .await?
            .click()
            .await?;
        // The refusal above is a 422 on purpose.
        check_page(&page, "evenement-inscription-fr", &["status of 422"]).await?;
        submit(&page, "Je m'inscris").await?;
        page.wait_for_heading("Votre inscription").await?;
        // The workshop's seats are the children's: two children, two seats (their mother takes none).
        wait_for_text(&page, "Confirmée — 2 places").await?;
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
        wait_for_text(&page, "Confirmée — 1 place").await?;
        // The link still opens the sign-up as it is now; in English too.
        page.goto(link.as_str()).await?;
        page.wait_for_heading("Votre inscription").await?;
        wait_for_text(&page, "Confirmée — 1 place").await?;
        page.click_text("button.lang-switch", "English").await?;
        page.wait_for_heading("Your sign-up").await?;
        wait_for_text(&page, "Confirmed — 1 seat").await?;
        check_page(&page, "inscription-en", &[]).await?;
        page.click_text("button.lang-switch", "Français").await?;
        page.wait_for_heading("Votre inscription").await?;

        // Someone types the same email on the event's page: told the link was sent, nothing else.
        page.goto(&ctx.url("/agenda")).await?;
        page.wait_for_heading("Agenda").await?;
        page.click_text("a.button", &format!("Voir « {WORKSHOP} » et s'inscrire"))
            .await?;
        page.wait_for_heading(WORKSHOP).await?;
        fill(&page, "#f-name", "Quelqu'un d'autre").await?;
        fill(&page, "#f-email", &email).await?;
        page.client
            .find(Locator::Css("#add-child"))
            .await?
            .click()
            .await?;
        fill(&page, "[id='f-children.0.first_name']", "Lou").await?;
        fill(&page, "[id='f-children.0.age']", "9").await?;
        page.client
            .find(Locator::Css("#f-consent_children"))
            .await?
            .click()
            .await?;
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

/// Logs the concierge in and opens the staff's events.
async fn concierge_on_the_events(
    ctx: &'static Ctx,
    page: &kerne_tests::browser::Page,
) -> Result<()> {
    crate::support::log_in(
        ctx,
        page,
        crate::support::STAFF,
        crate::support::DEMO_PASSWORD,
        "Tableau de bord",
    )
    .await?;
    page.goto(&ctx.url("/gestion/evenements")).await?;
    page.wait_for_heading("Événements").await?;
    Ok(())
}

pub async fn the_concierge_sees_the_events_and_their_seats(ctx: &'static Ctx) -> Result<()> {
    let page = ctx.driver.session().await?;
    page.set_viewport(360, 740).await?;
    let r = async {
        concierge_on_the_events(ctx, &page).await?;
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

pub async fn the_concierge_publishes_checks_two_families_in_and_prints_the_sheet(
    ctx: &'static Ctx,
) -> Result<()> {
    use anyhow::Context;
    use kerne_tests::api_client::{expect_json, ApiClient};
    let page = ctx.driver.session().await?;
    page.set_viewport(360, 740).await?;
    let r = async {
        crate::support::log_in(ctx, &page, crate::support::STAFF, crate::support::DEMO_PASSWORD, "Tableau de bord").await?;
        page.goto(&ctx.url("/gestion/evenements")).await?;
        page.wait_for_heading("Événements").await?;
        page.click_text("button", "Publier un événement").await?;
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() % 100_000)
            .unwrap_or_default();
        let title = format!("Atelier Scratch n° {stamp}");
        page.wait_for(Locator::Css("#f-title_fr"), "the event form").await?;
        fill(&page, "#f-title_fr", &title).await?;
        // Today, in a few minutes: the door opens on the event's day.
        let (starts, ends) = kerne_tests::soon_today().await;
        set_value(&page, "#f-starts_at", &starts).await?;
        set_value(&page, "#f-ends_at", &ends).await?;
        // Elsewhere than the meeting room.
        page.client.find(Locator::Css("#f-in_room")).await?.click().await?;
        page.wait_for(Locator::Css("#f-place"), "the place field").await?;
        fill(&page, "#f-place", "Médiathèque d'Ergué-Gabéric").await?;
        fill(&page, "#f-address", "Rue Jean Moulin, 29500 Ergué-Gabéric").await?;
        // Everyone who comes takes a seat here (the families below are one adult and one child).
        set_value(&page, "#f-seats_for", "everyone").await?;
        // The children's first names are asked, for the sheet at the door.
        let asks = page.client.find(Locator::Css("#f-asks_children")).await?;
        if !asks.is_selected().await? {
            asks.click().await?;
        }
        check_page(&page, "gestion-evenement-nouveau-fr", &[]).await?;
        submit(&page, "Enregistrer l'événement").await?;
        // The new event's own page, to edit it or see who signed up.
        page.wait_for_heading("Modifier l'événement").await?;
        wait_for_text(&page, &title).await?;
        let url = page.client.current_url().await?;
        let id: i64 = url
            .path()
            .trim_start_matches("/gestion/evenements/")
            .trim_end_matches('/')
            .parse()
            .with_context(|| format!("the event's page: {url}"))?;
        // Renamed: the page's header says the new title as soon as it is saved, without a reload.
        let renamed = format!("{title} (Kerfeunteun)");
        fill(&page, "#f-title_fr", &renamed).await?;
        submit(&page, "Enregistrer l'événement").await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let h2 = page.client.find(Locator::Css("main h2")).await?.text().await?;
            if h2 == renamed {
                break;
            }
            ensure!(std::time::Instant::now() < deadline, "the header still says {h2:?} after saving {renamed:?}");
            tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        }
        // Two families sign up from their phones, and a third whose name is one 100-letter word:
        // it must break on the staff's list, not widen it past the phone.
        let long_name = format!("Famille{}", "Kerautret".repeat(10)).chars().take(100).collect::<String>();
        for (i, name) in ["Famille Le Bihan", "Famille Kerjean", long_name.as_str()].iter().enumerate() {
            let body = serde_json::json!({ "name": name, "email": unique_email(&format!("famille{i}")), "phone": "06 12 34 56 78",
                "adults": 1, "children": [{ "first_name": "Enzo", "age": 9 }], "consent_children": true, "lang": "fr" });
            let created: domain::events::RegistrationCreated = expect_json(
                ApiClient::anonymous(&ctx.app)
                    .with_ip(&format!("10.90.0.{}", i + 1))
                    .post(&format!("/api/events/{id}/registrations"), &body)
                    .await?,
                201,
            )
            .await?;
            ensure!(created.status == domain::events::RegistrationStatus::Confirmed, "{created:?}");
        }
        page.goto(&ctx.url(&format!("/gestion/evenements/{id}/inscrits"))).await?;
        page.wait_for_page().await?;
        wait_for_text(&page, "Famille Kerjean").await?;
        // A phone number is one tap away and never broken in two.
        let tel = page.client.find(Locator::Css(r#".signup-row a[href="tel:0612345678"]"#)).await?;
        let tel_height = tel.rectangle().await?.3;
        ensure!(tel_height < 30.0, "the phone number wraps: {tel_height}px high");
        check_page(&page, "gestion-evenement-inscrits-fr", &[]).await?;
        // The third family phoned: staff cancel its sign-up, by keyboard; the message takes the focus.
        let buttons = page.client.find_all(Locator::XPath("//button[normalize-space()='Annuler cette inscription…']")).await?;
        ensure!(buttons.len() == 3, "{} cancel buttons", buttons.len());
        buttons[2].send_keys("\u{e007}").await?;
        let yes = page
            .wait_for(Locator::XPath(r#"//button[normalize-space()="Oui, annuler l'inscription"]"#), "the confirmation")
            .await?;
        ensure!(page.text().await?.contains("Garder l'inscription"), "no way to keep it");
        yes.send_keys("\u{e007}").await?;
        wait_for_text(&page, "Inscription annulée : la famille reçoit un courriel.").await?;
        wait_for_text(&page, "1 inscription annulée").await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !crate::newcomer::focused(&page).await?.contains("signup-cancelled") {
            ensure!(std::time::Instant::now() < deadline, "the focus is on {}", crate::newcomer::focused(&page).await?);
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        check_page(&page, "gestion-evenement-inscrit-annule-fr", &[]).await?;
        // At the door: the first family came with both, the second with one.
        let list: domain::events::EventRegistrations = ApiClient::anonymous(&ctx.app)
            .login(crate::support::STAFF, crate::support::DEMO_PASSWORD)
            .await?
            .get_json(&format!("/api/staff/events/{id}/registrations"))
            .await?;
        for (name, came) in [("Famille Le Bihan", "2"), ("Famille Kerjean", "1")] {
            let reg = list.registrations.iter().find(|r| r.name == name).context("a family")?;
            fill(&page, &format!("#present-{}", reg.id), came).await?;
            page.click_text("button", &format!("Pointer {name}")).await?;
            // Counts agree with their number: "2 présents", "1 présent".
            let present = if came == "1" { "1 présent" } else { "2 présents" };
            wait_for_text(&page, present).await?;
        }
        // A check-in made by mistake is undone: the group is no longer counted.
        page.click_text("button", "Annuler le pointage de Famille Kerjean").await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while page.text().await?.contains("1 présent") {
            ensure!(std::time::Instant::now() < deadline, "the undone check-in is still shown");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let kerjean = list.registrations.iter().find(|r| r.name == "Famille Kerjean").context("a family")?;
        fill(&page, &format!("#present-{}", kerjean.id), "1").await?;
        page.click_text("button", "Pointer Famille Kerjean").await?;
        wait_for_text(&page, "1 présent").await?;
        // The totals read as French does: one adult, one child, never "1 adultes".
        let text = page.text().await?;
        ensure!(
            !["1 adultes", "1 enfants", "1 présents", "1 places"].iter().any(|w| text.contains(w)),
            "a count does not agree with its number: {text}"
        );
        // The sheet names the children, who came, the place and the date with its year.
        let sheet = page.client.find(Locator::Css(".attendance-sheet")).await?.html(false).await?;
        let year = chrono::Utc::now().format("%Y").to_string();
        ensure_each!([sheet.contains("Enzo"), sheet.contains("Médiathèque d'Ergué-Gabéric"), sheet.contains(&year), !sheet.contains("Kerautret")], "the sheet: {sheet}");
        // The attendance sheet prints alone on one A4 page.
        let pages = crate::support::printed_pages(&page).await?;
        ensure!(pages == 1, "the attendance sheet prints on {pages} pages");
        // The CSV, read back as a French spreadsheet would.
        let staff = ApiClient::anonymous(&ctx.app)
            .login(crate::support::STAFF, crate::support::DEMO_PASSWORD)
            .await?;
        let csv = staff
            .get(&format!("/api/staff/events/{id}/registrations.csv"))
            .await?
            .bytes()
            .await?;
        let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&csv[3..]);
        let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
        let present: Vec<(String, String)> = rows
            .iter()
            .map(|r| (r.get(0).unwrap_or("").to_string(), r.get(10).unwrap_or("").to_string()))
            .collect();
        ensure_each!([present.contains(&("Famille Le Bihan".into(), "2".into())), present.contains(&("Famille Kerjean".into(), "1".into())), rows.len() == 2, rows.iter().all(|r| r.get(11).is_some_and(|t| t.starts_with(&title)))], "the CSV says {present:?}");
        Ok(())
    }
    .await;
    page.close().await?;
    r
}

pub async fn a_waiting_family_sees_its_place_then_its_seats(ctx: &'static Ctx) -> Result<()> {
    use anyhow::Context;
    use kerne_tests::api_client::{expect_json, ApiClient};
    let page = ctx.driver.session().await?;
    page.set_viewport(360, 740).await?;
    let r = async {
        // A full open day: two seats, one family of two already confirmed.
        let staff = ApiClient::anonymous(&ctx.app)
            .login(crate::support::STAFF, crate::support::DEMO_PASSWORD)
            .await?;
        let day = chrono::Utc::now().date_naive() + chrono::Duration::days(53);
        let title = "Portes ouvertes (deux places)";
        let event: domain::events::EventView = expect_json(
            staff
                .post(
                    "/api/staff/events",
                    &serde_json::json!({ "kind": "open_day", "title_fr": title, "audience": "families",
                        "starts_at": format!("{day}T10:00"), "ends_at": format!("{day}T12:00"), "in_room": false,
                        "place": "Silicon Kerne", "address": "12 rue du Numérique, 29000 Quimper", "capacity": 2, "max_per_signup": 2 }),
                )
                .await?,
            201,
        )
        .await?;
        let first: domain::events::RegistrationCreated = expect_json(
            ApiClient::anonymous(&ctx.app)
                .with_ip("10.91.0.1")
                .post(
                    &format!("/api/events/{}/registrations", event.id),
                    &serde_json::json!({ "name": "Famille Tanguy", "email": unique_email("tanguy"), "adults": 2, "lang": "fr" }),
                )
                .await?,
            201,
        )
        .await?;
        // A second family finds it full and joins the waiting list, all together.
        page.goto(&ctx.url(&format!("/agenda/{}", event.id))).await?;
        page.wait_for_heading(title).await?;
        fill(&page, "#f-name", "Famille Cosquer").await?;
        fill(&page, "#f-email", &unique_email("cosquer")).await?;
        fill(&page, "#f-adults", "2").await?;
        wait_for_text(&page, "liste d'attente").await?;
        submit(&page, "Rejoindre la liste d'attente").await?;
        page.wait_for_heading("Votre inscription").await?;
        wait_for_text(&page, "Liste d'attente — position 1").await?;
        check_page(&page, "inscription-attente-fr", &[]).await?;
        let link = page.client.current_url().await?;
        // The first family cancels: the seats are the waiting family's at once.
        let token = first
            .link
            .strip_prefix("/inscription/")
            .context("a private link")?;
        let gone = ApiClient::anonymous(&ctx.app)
            .delete(&format!("/api/registrations/{token}"))
            .await?;
        ensure!(gone.status() == 204, "cancelling: {}", gone.status());
        page.goto(link.as_str()).await?;
        page.wait_for_heading("Votre inscription").await?;
        wait_for_text(&page, "Confirmée — 2 places").await?;
        check_page(&page, "inscription-promue-fr", &[]).await?;
        // A refused change keeps what was typed beside the message; a saved one says so, focused.
        fill(&page, "#f-adults", "0").await?;
        submit(&page, "Enregistrer les places").await?;
        page.wait_for(Locator::Css(".form-errors"), "the refusal").await?;
        let typed = page.client.find(Locator::Css("#f-adults")).await?.prop("value").await?;
        ensure!(typed.as_deref() == Some("0"), "the refused value was replaced by {typed:?}");
        fill(&page, "#f-adults", "1").await?;
        submit(&page, "Enregistrer les places").await?;
        wait_for_text(&page, "Confirmée — 1 place").await?;
        ensure!(
            page.until("document.activeElement && document.activeElement.id === 'seats-saved'").await?,
            "after saving the seats the focus is on {}",
            crate::newcomer::focused(&page).await?
        );
        // The promoted family cancels from its phone: the answer takes the focus where the eye
        // is (not the footer), says the data is gone, and the link says so on every visit after.
        page.click_text("button", "Annuler mon inscription…").await?;
        page.wait_for(Locator::XPath("//button[normalize-space()='Garder mon inscription']"), "the way to keep it").await?;
        page.click_text("button", "Oui, annuler l'inscription").await?;
        wait_for_text(&page, "vos données sont effacées").await?;
        ensure!(
            page.until(
                "document.activeElement && document.activeElement.id === 'cancelled-done' \
                 && document.activeElement.getBoundingClientRect().top >= -1 \
                 && document.activeElement.getBoundingClientRect().bottom <= window.innerHeight"
            )
            .await?,
            "after cancelling, the answer does not have the focus in view: the focus is on {}",
            page.client
                .execute(
                    "const a = document.activeElement; const r = a.getBoundingClientRect(); \
                     return `${a.tagName}#${a.id} (${Math.round(r.top)}–${Math.round(r.bottom)} of ${window.innerHeight})`;",
                    vec![]
                )
                .await?
        );
        page.goto(link.as_str()).await?;
        page.wait_for_heading("Votre inscription").await?;
        wait_for_text(&page, "vos données sont effacées").await?;
        let text = page.text().await?;
        ensure_each!([!text.contains("Inscrit au nom de"), !text.contains("Exporter mes données"), !text.contains("seront effacés")], "a cancelled link still shows what was erased: {text}");
        // The refused change of seats above was a 422 on purpose.
        check_page(&page, "inscription-annulee-fr", &["status of 422"]).await?;
        Ok(())
    }
    .await;
    page.close().await?;
    r
}

/// A club's meeting is for members: a visitor sees no guest form but a link to log in that comes
/// back here; a member says "Je viens" and "Je ne viens plus" on the event's page, by keyboard,
/// and the focus stays on what the page says.
pub async fn a_club_meeting_is_for_members_only_and_a_member_comes_from_its_page(
    ctx: &'static Ctx,
) -> Result<()> {
    use kerne_tests::api_client::ApiClient;
    let page = ctx.driver.session().await?;
    page.set_viewport(360, 740).await?;
    let r = async {
        let meetings: Vec<domain::events::EventView> = ApiClient::anonymous(&ctx.app)
            .get_json("/api/events?kind=club_meeting")
            .await?;
        let meeting = meetings
            .iter()
            .find(|e| e.signups == domain::events::SignupState::Open)
            .ok_or_else(|| anyhow::anyhow!("no club meeting open"))?;
        let path = format!("/agenda/{}", meeting.id);
        page.goto(&ctx.url(&path)).await?;
        wait_for_text(&page, "Réservé aux adhérents").await?;
        ensure!(
            page.client
                .find_all(Locator::Css("#f-name"))
                .await?
                .is_empty(),
            "a visitor gets the guest form"
        );
        let login = page
            .client
            .find(Locator::LinkText("Se connecter pour venir"))
            .await?;
        let href = login.attr("href").await?.unwrap_or_default();
        ensure!(
            href.contains(&format!("agenda%2F{}", meeting.id)),
            "the login link does not come back: {href}"
        );
        check_page(&page, "agenda-reunion-visiteur-fr", &[]).await?;
        crate::support::log_in(
            ctx,
            &page,
            "membre12@silicon-kerne.test",
            crate::support::DEMO_PASSWORD,
            "Mon espace",
        )
        .await?;
        page.goto(&ctx.url(&path)).await?;
        let come = page
            .wait_for(
                Locator::XPath("//button[normalize-space()='Je viens']"),
                "Je viens",
            )
            .await?;
        ensure!(
            page.client
                .find_all(Locator::Css("#f-name"))
                .await?
                .is_empty(),
            "a member gets the guest form"
        );
        come.send_keys("\u{E007}").await?;
        wait_for_text(&page, "Vous venez").await?;
        // The facts count the member's seat at once.
        wait_for_text(
            &page,
            &format!("{} places restantes", meeting.seats_left - 1),
        )
        .await?;
        ensure!(
            page.until("document.activeElement && document.activeElement.id === 'coming-status'")
                .await?,
            "after Je viens the focus is on {}",
            crate::newcomer::focused(&page).await?
        );
        check_page(&page, "agenda-reunion-je-viens-fr", &[]).await?;
        let away = page
            .wait_for(
                Locator::XPath("//button[normalize-space()='Je ne viens plus']"),
                "Je ne viens plus",
            )
            .await?;
        away.send_keys("\u{E007}").await?;
        wait_for_text(&page, "Vous n'êtes pas inscrit").await?;
        ensure!(
            page.until("document.activeElement && document.activeElement.id === 'coming-status'")
                .await?,
            "after Je ne viens plus the focus is on {}",
            crate::newcomer::focused(&page).await?
        );
        Ok(())
    }
    .await;
    page.close().await?;
    r
}

/// A family promoted with fewer seats than it asked reads on its link exactly who has a seat: one
/// adult and the child named first, the seats agreeing, nothing to fix before it can come.
pub async fn a_family_promoted_with_fewer_seats_sees_who_comes(ctx: &'static Ctx) -> Result<()> {
    use anyhow::Context;
    use kerne_tests::api_client::{expect_json, ApiClient};
    let page = ctx.driver.session().await?;
    page.set_viewport(360, 740).await?;
    let r = async {
        let day = chrono::Utc::now().date_naive() + chrono::Duration::days(55);
        let event = publish(ctx, &serde_json::json!({ "kind": "children_workshop", "title_fr": "Atelier robots (deux places)", "audience": "families",
                        "starts_at": format!("{day}T14:00"), "ends_at": format!("{day}T16:00"), "in_room": false,
                        "place": "Maison de quartier de Kerfeunteun", "address": "4 rue Teilhard de Chardin, 29000 Quimper",
                        "capacity": 3, "max_per_signup": 3, "asks_children": true, "seats_for": "everyone" })).await?;
        let body = |name: &str, kids: serde_json::Value, fewer: bool| {
            serde_json::json!({ "name": name, "email": unique_email("partielle"), "adults": 1, "children": kids,
                "consent_children": true, "accept_fewer": fewer, "lang": "fr" })
        };
        let mut links = Vec::new();
        for (i, b) in [
            body("Famille Riou", serde_json::json!([{ "first_name": "Lou", "age": 9 }]), false),
            body("Famille Tanguy", serde_json::json!([{ "first_name": "Maël", "age": 9 }, { "first_name": "Nolwenn", "age": 11 }]), true),
            // The one seat left is no use to the Tanguys (a child comes with an adult): it is his.
            body("Erwan Salaün", serde_json::json!([]), false),
        ]
        .iter()
        .enumerate()
        {
            let created: domain::events::RegistrationCreated = expect_json(
                ApiClient::anonymous(&ctx.app)
                    .with_ip(&format!("10.92.0.{}", i + 1))
                    .post(&format!("/api/events/{}/registrations", event.id), b)
                    .await?,
                201,
            )
            .await?;
            links.push(created.link);
        }
        let first = links[0].strip_prefix("/inscription/").context("a link")?;
        let gone = ApiClient::anonymous(&ctx.app).delete(&format!("/api/registrations/{first}")).await?;
        ensure!(gone.status() == 204, "cancelling: {}", gone.status());
        page.goto(&ctx.url(&links[1])).await?;
        page.wait_for_heading("Votre inscription").await?;
        wait_for_text(&page, "Confirmée — 2 places").await?;
        let kid = page.client.find(Locator::Css("[id='f-children.0.first_name']")).await?.prop("value").await?;
        ensure!(kid.as_deref() == Some("Maël"), "the child with a seat: {kid:?}");
        ensure!(
            page.client.find_all(Locator::Css("[id='f-children.1.first_name']")).await?.is_empty(),
            "a child without a seat is still listed"
        );
        wait_for_text(&page, "Total : 2 places").await?;
        check_page(&page, "inscription-promue-partielle-fr", &[]).await?;
        Ok(())
    }
    .await;
    page.close().await?;
    r
}

/// An event staff wrote in French only reads in French on the English page, marked so: the text
/// says `lang="fr"` and "(in French)" follows it; the demo's events are in English.
pub async fn an_english_reader_is_told_what_is_in_french(ctx: &'static Ctx) -> Result<()> {
    let page = ctx.driver.session().await?;
    page.set_viewport(360, 740).await?;
    let r = async {
        let day = chrono::Utc::now().date_naive() + chrono::Duration::days(54);
        let event = publish(ctx, &serde_json::json!({ "kind": "open_day", "title_fr": "Répar'café numérique", "audience": "everyone",
                        "description_fr": "Apportez votre ordinateur en panne : on le répare ensemble.",
                        "starts_at": format!("{day}T10:00"), "ends_at": format!("{day}T12:00"), "in_room": true,
                        "capacity": 10, "max_per_signup": 2 })).await?;
        page.goto(&ctx.url(&format!("/agenda/{}", event.id))).await?;
        page.wait_for_heading("Répar'café numérique").await?;
        page.click_text("button.lang-switch", "English").await?;
        wait_for_text(&page, "(in French)").await?;
        let marked = page.client.find_all(Locator::Css(r#"[lang="fr"]"#)).await?;
        ensure!(marked.len() >= 2, "{} texts marked as French", marked.len());
        check_page(&page, "agenda-en-francais-en", &[]).await?;
        page.goto(&ctx.url("/agenda/904")).await?;
        wait_for_text(&page, "A fruit or a vegetable!").await?;
        ensure!(!page.text().await?.contains("(in French)"), "the demo's event is marked as French");
        page.click_text("button.lang-switch", "Français").await?;
        wait_for_text(&page, "Un fruit ou un légume").await?;
        Ok(())
    }
    .await;
    page.close().await?;
    r
}

pub async fn a_member_comes_to_a_club_meeting_and_cancels_by_keyboard(
    ctx: &'static Ctx,
) -> Result<()> {
    let page = ctx.driver.session().await?;
    page.set_viewport(360, 740).await?;
    let r = async {
        crate::support::log_in(ctx, &page, "membre12@silicon-kerne.test", crate::support::DEMO_PASSWORD, "Mon espace").await?;
        page.wait_for(Locator::Css("section[aria-labelledby=meetings-title] li.club-row button"), "the club meetings").await?;
        let press_first = |label: &'static str| {
            let page = &page;
            async move {
                // Keyboard only: focus the first row's button, then Enter.
                let button = page
                    .client
                    .find(Locator::XPath(&format!(
                        "(//section[@aria-labelledby='meetings-title']//li[contains(@class,'club-row')])[1]//button[starts-with(normalize-space(), \"{label}\")]"
                    )))
                    .await?;
                page.client
                    .execute("arguments[0].focus();", vec![serde_json::to_value(&button)?])
                    .await?;
                button.send_keys("\u{E007}").await?;
                anyhow::Ok(())
            }
        };
        press_first("Je viens à").await?;
        page.wait_for(
            Locator::XPath("(//section[@aria-labelledby='meetings-title']//li[contains(@class,'club-row')])[1]//button[starts-with(normalize-space(), 'Je ne viens plus')]"),
            "the meeting marked as coming",
        )
        .await?;
        // The list is drawn again: the keyboard is back on that meeting's button.
        ensure!(
            page.until("document.activeElement && document.activeElement.id.startsWith('come-') \
                        && document.activeElement.textContent.includes('Je ne viens plus')").await?,
            "after Je viens the focus is on {}",
            crate::newcomer::focused(&page).await?
        );
        wait_for_text(&page, "Vous venez").await?;
        check_page(&page, "espace-reunion-je-viens-fr", &[]).await?;
        press_first("Je ne viens plus").await?;
        page.wait_for(
            Locator::XPath("(//section[@aria-labelledby='meetings-title']//li[contains(@class,'club-row')])[1]//button[starts-with(normalize-space(), 'Je viens à')]"),
            "the meeting no longer marked",
        )
        .await?;
        // The same in English, by keyboard too.
        page.click_text("button.lang-switch", "English").await?;
        page.wait_for_heading("My area").await?;
        press_first("I'm coming to").await?;
        page.wait_for(
            Locator::XPath("(//section[@aria-labelledby='meetings-title']//li[contains(@class,'club-row')])[1]//button[starts-with(normalize-space(), \"I'm no longer coming\")]"),
            "the meeting marked as coming, in English",
        )
        .await?;
        check_page(&page, "espace-reunion-je-viens-en", &[]).await?;
        press_first("I'm no longer coming").await?;
        page.wait_for(
            Locator::XPath("(//section[@aria-labelledby='meetings-title']//li[contains(@class,'club-row')])[1]//button[starts-with(normalize-space(), \"I'm coming to\")]"),
            "the meeting no longer marked, in English",
        )
        .await?;
        page.click_text("button.lang-switch", "Français").await?;
        page.wait_for_heading("Mon espace").await?;
        Ok(())
    }
    .await;
    page.close().await?;
    r
}

/// After the event, the private link says it is over and offers neither a change nor a
/// cancellation (the test data's workshop held three days ago), in French and in English.
pub async fn a_past_events_link_says_it_is_over(ctx: &'static Ctx) -> Result<()> {
    let page = ctx.driver.session().await?;
    page.set_viewport(360, 740).await?;
    let r = async {
        page.goto(&ctx.url("/inscription/lien-evenement-passe-de-test-0001"))
            .await?;
        page.wait_for_heading("Votre inscription").await?;
        wait_for_text(&page, "Cet événement est passé").await?;
        wait_for_text(&page, "Inscriptions closes").await?;
        for absent in ["Annuler mon inscription…", "Enregistrer les places"] {
            ensure!(
                !page.text().await?.contains(absent),
                "a past event's link still offers {absent:?}"
            );
        }
        check_page(&page, "inscription-passee-fr", &[]).await?;
        page.click_text("button.lang-switch", "English").await?;
        wait_for_text(&page, "This event is over").await?;
        check_page(&page, "inscription-passee-en", &[]).await?;
        page.click_text("button.lang-switch", "Français").await?;
        page.wait_for_heading("Votre inscription").await?;
        Ok(())
    }
    .await;
    page.close().await?;
    r
}

/// The concierge moves a club's meetings to another weekday of the month (the rule), then opens
/// the next meeting itself, where one occurrence is moved or cancelled.
pub async fn the_concierge_changes_a_clubs_rule_and_opens_its_next_meeting(
    ctx: &'static Ctx,
) -> Result<()> {
    let page = ctx.driver.session().await?;
    page.set_viewport(360, 740).await?;
    let r = async {
        concierge_on_the_events(ctx, &page).await?;
        wait_for_text(&page, "Réunions mensuelles des clubs").await?;
        page.client
            .find(Locator::Css("details.club-rules summary"))
            .await?
            .click()
            .await?;
        page.wait_for(Locator::Css("#rule-graphistes-weekday"), "the graphic designers' rule")
            .await?
            .select_by_value("3")
            .await?;
        page.client
            .find(Locator::XPath(
                "//li[.//h3[@id='rule-graphistes-title']]//button[normalize-space()='Enregistrer la règle']",
            ))
            .await?
            .click()
            .await?;
        wait_for_text(&page, "Règle du club Graphistes enregistrée.").await?;
        // The list is drawn again from the new rule (the demo's first Tuesday is now a Wednesday).
        wait_for_text(&page, "premier mercredi du mois").await?;
        check_page(&page, "gestion-clubs-regle-fr", &[]).await?;
        page.client
            .find(Locator::XPath(
                "//li[.//h3[@id='rule-graphistes-title']]//a[starts-with(normalize-space(), 'Déplacer ou annuler la réunion du')]",
            ))
            .await?
            .click()
            .await?;
        page.wait_for_page().await?;
        ensure!(
            page.client
                .current_url()
                .await?
                .path()
                .starts_with("/gestion/evenements/"),
            "the meeting's link left the events"
        );
        wait_for_text(&page, "Graphistes").await?;
        Ok(())
    }
    .await;
    page.close().await?;
    r
}

/// The door opens on the event's day in Quimper whatever zone the device is set to (a phone
/// abroad, a desk PC left in UTC): the check-in stayed shut from midnight in Paris to midnight UTC,
/// the browser's own date being the day before.
pub async fn the_door_opens_on_quimpers_date_whatever_the_devices_zone(
    ctx: &'static Ctx,
) -> Result<()> {
    use chrono::Timelike;
    use kerne_tests::api_client::{expect_json, ApiClient};
    let page = ctx.driver.session().await?;
    page.set_viewport(360, 740).await?;
    let r = async {
        // A zone whose date is not Quimper's now: 13 hours ahead in Quimper's afternoon, 12
        // hours behind in its morning.
        let hour = domain::paris::to_local(chrono::Utc::now()).hour();
        let zone = if hour >= 12 { "Pacific/Kiritimati" } else { "Pacific/Pago_Pago" };
        page.cdp("Emulation.setTimezoneOverride", serde_json::json!({ "timezoneId": zone }))
            .await?;
        let (starts, ends) = kerne_tests::soon_today().await;
        let title = format!("Atelier fuseaux ({zone})");
        let staff = ApiClient::anonymous(&ctx.app)
            .login(crate::support::STAFF, crate::support::DEMO_PASSWORD)
            .await?;
        let body = serde_json::json!({ "kind": "children_workshop", "title_fr": title, "audience": "families",
            "description_fr": "Programmer un petit robot.", "starts_at": starts, "ends_at": ends, "in_room": false,
            "place": "Médiathèque d'Ergué-Gabéric", "address": "Rue Jean Moulin, 29500 Ergué-Gabéric",
            "capacity": 6, "max_per_signup": 3, "asks_children": false, "seats_for": "everyone" });
        let event: domain::events::EventView =
            expect_json(staff.post("/api/staff/events", &body).await?, 201).await?;
        crate::support::log_in(ctx, &page, crate::support::STAFF, crate::support::DEMO_PASSWORD, "Tableau de bord").await?;
        page.goto(&ctx.url(&format!("/gestion/evenements/{}/inscrits", event.id))).await?;
        page.wait_for_page().await?;
        wait_for_text(&page, &title).await?;
        let text = page.text().await?;
        ensure!(
            !text.contains("Le pointage ouvre le jour de l'événement"),
            "a browser in {zone} is told the door opens another day, for an event at {starts} in Quimper"
        );
        Ok(())
    }
    .await;
    page.close().await?;
    r
}
