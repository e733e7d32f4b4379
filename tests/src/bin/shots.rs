//! Screenshots of pages as a person sees them, for a look before calling a screen done:
//! `cargo run -p kerne-tests --bin shots -- [--en] [--width 360] [--post /api/path JSON] who:/path …`
//! (`--post`: a request a visitor sends first, e.g. a password reset, so the page has it) where `who` is
//! `visitor`, `member` (membre12), `staff` (the concierge) or an account's email. Starts the portal
//! and Chromium, writes `tests/screenshots/shot-<who>-<path>[-en].png` (the whole page, not only
//! the first screen), and stops them.

use anyhow::{bail, Context, Result};
use fantoccini::Locator;
use kerne_tests::browser::ChromeDriver;
use kerne_tests::{repo_root, TestApp};
use serde_json::json;

const PASSWORD: &str = "kerne-demo";

#[tokio::main]
async fn main() -> Result<()> {
    let mut english = false;
    let mut width = 360u32;
    let mut targets = Vec::new();
    let mut posts = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--en" => english = true,
            "--width" => width = args.next().context("--width N")?.parse()?,
            "--post" => posts.push((
                args.next().context("--post /api/path JSON")?,
                serde_json::from_str::<serde_json::Value>(
                    &args.next().context("--post /api/path JSON")?,
                )?,
            )),
            _ => targets.push(a),
        }
    }
    if targets.is_empty() {
        bail!("usage: shots [--en] [--width N] who:/path …");
    }
    let app = TestApp::spawn()?;
    for (path, body) in &posts {
        let status = kerne_tests::api_client::ApiClient::anonymous(&app)
            .post(path, body)
            .await?
            .status();
        println!("POST {path}: {status}");
    }
    let driver = ChromeDriver::start()?;
    let result = shoot(&app, &driver, &targets, english, width).await;
    driver.stop();
    app.shutdown();
    result
}

async fn shoot(
    app: &TestApp,
    driver: &ChromeDriver,
    targets: &[String],
    english: bool,
    width: u32,
) -> Result<()> {
    for target in targets {
        let (who, path) = target.split_once(':').context("who:/path")?;
        let page = driver.session().await?;
        page.set_viewport(width, 800).await?;
        let email = match who {
            "visitor" => None,
            "member" => Some("membre12@silicon-kerne.test".to_string()),
            "staff" => Some("concierge@silicon-kerne.test".to_string()),
            other => Some(other.to_string()),
        };
        page.goto(&app.url("/robots.txt")).await?;
        if english {
            page.client
                .execute("localStorage.setItem('kerne.lang', 'en')", vec![])
                .await?;
        }
        if let Some(email) = email {
            page.client
                .execute_async(
                    "const done = arguments[arguments.length - 1];
                     fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                       body: JSON.stringify({ email: arguments[0], password: arguments[1] }) }).then(r => done(r.status));",
                    vec![json!(email), json!(PASSWORD)],
                )
                .await?;
        }
        page.goto(&app.url(path)).await?;
        page.wait_for_page().await?;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        // The whole page: the viewport grown to the document's height, `main` kept at the height
        // it has on the phone's screen (it is at least a screen high, `100vh`, which would grow
        // with the viewport and push the footer out of the picture).
        let height = page
            .client
            .execute(
                "const m = document.querySelector('main');
                 if (m) m.style.minHeight = m.getBoundingClientRect().height + 'px';
                 return document.documentElement.scrollHeight;",
                vec![],
            )
            .await?
            .as_u64()
            .unwrap_or(800) as u32;
        page.set_viewport(width, height.min(6000)).await?;
        let _ = page.client.find(Locator::Css("body")).await?;
        let slug: String = path
            .trim_matches('/')
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '_' })
            .collect();
        let name = format!(
            "shot-{}-{}{}",
            who.split('@').next().unwrap_or(who),
            if slug.is_empty() { "home" } else { &slug },
            if english { "-en" } else { "" }
        );
        page.screenshot(&name).await?;
        println!(
            "{}",
            repo_root()
                .join(format!("tests/screenshots/{name}.png"))
                .display()
        );
        page.close().await?;
    }
    Ok(())
}
