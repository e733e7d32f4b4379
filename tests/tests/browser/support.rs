//! The journeys' shared steps: a fresh browser per journey, filling and sending forms as a
//! person does, waiting for what the page says, logging in, the checks every page gets (axe-core,
//! overflow, console, screenshot), and the links that arrive by email (read in the staff's outbox).

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{bail, ensure, Context, Result};
use fantoccini::Locator;
use kerne_tests::browser::Page;

use crate::Ctx;

pub(crate) async fn with_page<F, Fut>(ctx: &'static Ctx, f: F) -> Result<()>
where
    F: FnOnce(&'static Ctx, Page) -> Fut,
    Fut: std::future::Future<Output = (Page, Result<()>)>,
{
    let page = ctx.driver.session().await?;
    let (page, result) = f(ctx, page).await;
    page.close().await?;
    result
}

pub(crate) const STAFF: &str = "concierge@silicon-kerne.test";
pub(crate) const DEMO_PASSWORD: &str = "kerne-demo";

/// A fresh address per run, so the journeys can run again on the same database.
pub(crate) fn unique_email(who: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{who}-{nanos}@exemple.test")
}

pub(crate) async fn fill(page: &Page, css: &str, value: &str) -> Result<()> {
    // Waited for: a list drawn again after a tap (a check-in undone) shows its fields once the
    // answer is in, as a person sees them appear.
    let el = page
        .wait_for(Locator::Css(css), &format!("the field {css}"))
        .await?;
    el.clear().await?;
    el.send_keys(value).await?;
    Ok(())
}

/// Set an input or a select the way a picker or a choice does (typing into a date or time input
/// depends on the browser's locale): the value, then its input and change events.
pub(crate) async fn set_value(page: &Page, css: &str, value: &str) -> Result<()> {
    page.client
        .execute(
            "const el = document.querySelector(arguments[0]); el.value = arguments[1];
             el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![serde_json::json!(css), serde_json::json!(value)],
        )
        .await?;
    Ok(())
}

pub(crate) async fn submit(page: &Page, label: &str) -> Result<()> {
    page.click_text("form button[type=submit]", label).await
}

/// Wait until the page shows `needle` somewhere.
pub(crate) async fn wait_for_text(page: &Page, needle: &str) -> Result<()> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if page.text().await?.contains(needle) {
            return Ok(());
        }
        if Instant::now() > deadline {
            bail!(
                "the page never showed {needle:?}; it shows:\n{}",
                page.text().await?
            );
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// axe-core, horizontal overflow and console errors on the page as it is now, plus a screenshot.
/// `expected` lists console messages that the step causes on purpose (a 401 for a wrong password).
pub(crate) async fn check_page(page: &Page, name: &str, expected: &[&str]) -> Result<()> {
    let mut problems = Vec::new();
    for v in page.axe_violations().await? {
        problems.push(format!("axe: {v}"));
    }
    for o in page.overflowing_elements().await? {
        problems.push(format!("wider than the phone: {o}"));
    }
    // And on the narrowest phone we support.
    page.set_viewport(360, 640).await?;
    for o in page.overflowing_elements().await? {
        problems.push(format!("wider than 360 px: {o}"));
    }
    page.set_viewport(kerne_tests::browser::PHONE.0, kerne_tests::browser::PHONE.1)
        .await?;
    for e in page.console_errors().await? {
        if !expected.iter().any(|x| e.contains(x)) {
            problems.push(format!("console: {e}"));
        }
    }
    page.screenshot(name).await?;
    ensure!(
        problems.is_empty(),
        "{name}: {} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    Ok(())
}

/// How many A4 pages the page prints on (Chromium's print to PDF, with the page's own size).
pub(crate) async fn printed_pages(page: &Page) -> Result<usize> {
    let pdf = page
        .cdp(
            "Page.printToPDF",
            serde_json::json!({ "preferCSSPageSize": true, "printBackground": false }),
        )
        .await?;
    let bytes = base64::Engine::decode(
        &base64::engine::general_purpose::STANDARD,
        pdf["data"].as_str().context("a PDF")?,
    )?;
    let pdf = String::from_utf8_lossy(&bytes);
    Ok(pdf.matches("/Type /Page").count() - pdf.matches("/Type /Pages").count())
}

/// Staff follow the dashboard's count of applications to review to their list.
pub(crate) async fn open_applications_from_the_dashboard(staff: &Page) -> Result<()> {
    staff
        .client
        .find(Locator::Css("a.glance__link[href='/gestion/adhesions']"))
        .await
        .context("the dashboard's link to the applications")?
        .click()
        .await?;
    staff.wait_for_heading("Demandes d'adhésion").await
}

pub(crate) async fn log_in(
    ctx: &'static Ctx,
    page: &Page,
    email: &str,
    password: &str,
    lands_on: &str,
) -> Result<()> {
    page.goto(&ctx.url("/connexion")).await?;
    page.wait_for_heading("Connexion").await?;
    fill(page, "#f-email", email).await?;
    fill(page, "#f-password", password).await?;
    submit(page, "Se connecter").await?;
    page.wait_for_heading(lands_on)
        .await
        .with_context(|| format!("logging in as {email}"))
}

/// Fills and sends the join form; the confirmation names the address.
pub(crate) async fn apply(ctx: &'static Ctx, page: &Page, name: &str, email: &str) -> Result<()> {
    page.goto(&ctx.url("/adherer")).await?;
    page.wait_for_heading("Adhérer à Silicon Kerne").await?;
    fill(page, "#f-name", name).await?;
    fill(page, "#f-email", email).await?;
    fill(page, "#f-phone", "02 98 00 00 00").await?;
    fill(page, "#f-company", "Atelier photo").await?;
    fill(page, "#f-skills", "photographie, vidéo").await?;
    fill(
        page,
        "#f-motivation",
        "Travailler près de chez moi et rencontrer des graphistes.",
    )
    .await?;
    // Interested in e-commerce; the member joins the Graphistes club later, from their area.
    page.client
        .find(Locator::Css("#club-e-commerce"))
        .await
        .context("the E-commerce club checkbox")?
        .click()
        .await?;
    page.client
        .find(Locator::Css("#f-consent"))
        .await?
        .click()
        .await?;
    submit(page, "Envoyer ma demande").await?;
    wait_for_text(page, "Demande envoyée, merci !").await?;
    ensure!(
        page.text().await?.contains(email),
        "the confirmation names the address it writes to"
    );
    // The confirmation replaced a long form: its top is on the screen, with the focus.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    ensure!(
        crate::trips::in_view(page, "#application-sent").await?,
        "the confirmation's top is off the screen"
    );
    let now = crate::newcomer::focused(page).await?;
    ensure!(
        now.contains("application-sent"),
        "after sending, the focus is on {now}"
    );
    Ok(())
}

/// The single-use link of the newest email to `to` whose body holds `path?token=`, read in the
/// staff's outbox page as a person would.
pub(crate) async fn link_from_outbox(
    ctx: &'static Ctx,
    staff: &Page,
    to: &str,
    path: &str,
) -> Result<String> {
    staff.goto(&ctx.url("/gestion/courriels")).await?;
    staff.wait_for_heading("Courriels envoyés").await?;
    let marker = format!("{path}?token=");
    for card in staff
        .client
        .find_all(Locator::Css(&format!("li.email[data-to=\"{to}\"]")))
        .await?
    {
        let body = card
            .find(Locator::Css(".email__body"))
            .await?
            .text()
            .await?;
        if let Some(at) = body.find(&marker) {
            let token: String = body[at + marker.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || "-_.~%".contains(*c))
                .collect();
            ensure!(
                !token.is_empty(),
                "the link in the email to {to} has an empty token:\n{body}"
            );
            return Ok(ctx.url(&format!("{marker}{token}")));
        }
    }
    bail!(
        "no email to {to} with a {path} link in the outbox:\n{}",
        staff.text().await?
    )
}
