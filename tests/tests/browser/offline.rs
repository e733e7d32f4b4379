//! The installable app: a member's bookings readable offline from the service worker's copy, with
//! the notice and writes refused (not queued); a new deploy's folder replacing the old one.
//!
//! "Offline" is real: the browser reaches the portal through a TCP relay of this test, which the
//! test closes (listener and open connections), so every request fails as on a phone without a
//! network, the service worker's included.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{ensure, Context, Result};
use fantoccini::Locator;
use kerne_tests::browser::Page;
use kerne_tests::ensure_each;
use serde_json::json;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use crate::support::{check_page, fill, submit, wait_for_text, DEMO_PASSWORD};
use crate::Ctx;

/// A TCP relay from a port of its own to the portal, which can be cut and restored.
struct Relay {
    port: u16,
    target: String,
    tasks: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Relay {
    async fn start(target: &str) -> Result<Relay> {
        let relay = Relay {
            port: kerne_tests::free_port()?,
            target: target.trim_start_matches("http://").to_string(),
            tasks: Arc::default(),
        };
        relay.open().await?;
        Ok(relay)
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    async fn open(&self) -> Result<()> {
        let listener = TcpListener::bind(("127.0.0.1", self.port)).await?;
        let (target, tasks) = (self.target.clone(), self.tasks.clone());
        let accept = tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                let target = target.clone();
                let pipe = tokio::spawn(async move {
                    if let Ok(mut outbound) = TcpStream::connect(&target).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
                if let Ok(mut t) = tasks.lock() {
                    t.push(pipe);
                }
            }
        });
        self.tasks
            .lock()
            .map_err(|_| anyhow::anyhow!("relay lock"))?
            .push(accept);
        Ok(())
    }

    /// The network goes away: no listener, every open connection closed.
    fn cut(&self) {
        if let Ok(mut tasks) = self.tasks.lock() {
            for t in tasks.drain(..) {
                t.abort();
            }
        }
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.cut();
    }
}

/// Waits until a service worker controls the page (it claims the pages open when it activates).
async fn controlled(page: &Page) -> Result<()> {
    ensure!(
        page.until("navigator.serviceWorker.controller").await?,
        "no service worker controls the page after 20 s"
    );
    Ok(())
}

pub async fn a_member_reads_their_bookings_offline_and_cannot_cancel_there(
    ctx: &'static Ctx,
) -> Result<()> {
    let relay = Relay::start(&ctx.app.base_url).await?;
    let page = ctx.driver.session().await?;
    let r = async {
        // The member logs in and books a desk from their area.
        page.goto(&relay.url("/connexion")).await?;
        page.wait_for_heading("Connexion").await?;
        fill(&page, "#f-email", "membre41@silicon-kerne.test").await?;
        fill(&page, "#f-password", DEMO_PASSWORD).await?;
        submit(&page, "Se connecter").await?;
        page.wait_for_heading("Mon espace").await?;
        let period = page
            .wait_for(
                Locator::XPath("//section[contains(@class,'quick-book')]//h3[starts-with(normalize-space(),'Prochain jour')]/following-sibling::ul[1]//button[not(@disabled)]"),
                "a free desk period on the next open day",
            )
            .await?;
        period.click().await?;
        page.click_text("button", "Confirmer la réservation").await?;
        wait_for_text(&page, "C'est réservé").await?;
        // Their bookings, read online once the service worker is there (it keeps a copy).
        page.goto(&relay.url("/mes-reservations")).await?;
        controlled(&page).await?;
        page.goto(&relay.url("/mes-reservations")).await?;
        let card = page
            .wait_for(Locator::Css("section[aria-labelledby=upcoming-title] li.booking"), "the booking, online")
            .await?;
        let online = card.text().await?;
        ensure!(
            page.client.find_all(Locator::Css(".notice--warning")).await?.is_empty(),
            "online, the page says it is offline"
        );

        // The member's app keeps the bundles it can open (the home's included) in the background.
        let mut kept = false;
        for _ in 0..100 {
            let v = page
                .client
                .execute_async(
                    "const done = arguments[arguments.length - 1];
                     caches.keys().then(async (names) => {
                       for (const n of names.filter((n) => n.startsWith('kerne-shell-'))) {
                         const keys = await (await caches.open(n)).keys();
                         if (keys.some((r) => r.url.endsWith('/public_bg.wasm'))) return done(true);
                       }
                       done(false);
                     }).catch(() => done(false));",
                    vec![],
                )
                .await?;
            if v == json!(true) {
                kept = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        ensure!(kept, "the home's bundle was never kept for offline");

        // The network goes; the member opens their bookings again.
        relay.cut();
        page.goto(&relay.url("/mes-reservations")).await?;
        page.wait_for_heading("Mes réservations").await?;
        wait_for_text(&page, "Hors ligne : voici la dernière copie, du ").await?;
        // The copy's date and time, as the member's clock reads it.
        let notice = page.client.find(Locator::Css(".notice--warning")).await?.text().await?;
        let dated = notice
            .split_once(", du ")
            .map(|(_, rest)| rest.split(". ").next().unwrap_or(""))
            .unwrap_or("");
        ensure_each!([dated.len() > 8, dated.contains(':')], "the notice does not date its copy: {notice:?}");
        let card = page
            .wait_for(Locator::Css("section[aria-labelledby=upcoming-title] li.booking"), "the booking, offline")
            .await?;
        ensure!(card.text().await? == online, "offline the booking reads {:?}, online it read {online:?}", card.text().await?);
        check_page(&page, "hors-ligne-mes-reservations-fr", &["rien n'est mis en attente"]).await?;
        // Its calendar file is there too.
        let ics = page
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const href = document.querySelector('li.booking a[href$=\"/ics\"]').getAttribute('href');
                 fetch(href).then((r) => r.text()).then(done).catch((e) => done(String(e)));",
                vec![],
            )
            .await?;
        ensure!(
            ics.as_str().is_some_and(|t| t.starts_with("BEGIN:VCALENDAR")),
            "offline, the booking's .ics answers {ics}"
        );
        // Their area offline: the notice is on the first screen and nothing reads as an error;
        // the home, never opened on this phone, opens too (the member's app kept the bundles it
        // can open) — issue 37.
        page.goto(&relay.url("/espace")).await?;
        page.wait_for_heading("Mon espace").await?;
        wait_for_text(&page, "Hors ligne : voici la dernière copie, du ").await?;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        ensure!(
            crate::trips::in_view(&page, ".notice--warning").await?,
            "offline, the notice is off the first screen of /espace"
        );
        ensure!(
            !page.text().await?.contains("Impossible de charger"),
            "offline, /espace shows an error"
        );
        page.goto(&relay.url("/")).await?;
        page.wait_for_heading("Silicon Kerne").await?;
        page.goto(&relay.url("/mes-reservations")).await?;
        page.wait_for_heading("Mes réservations").await?;
        page.wait_for(Locator::Css("section[aria-labelledby=upcoming-title] li.booking"), "the booking, offline again")
            .await?;
        // A write needs the server: cancelling says nothing was saved.
        page.click_text("li.booking button", "Annuler la réservation…").await?;
        page.click_text("li.booking button", "Oui, annuler").await?;
        wait_for_text(&page, "rien n'a été enregistré").await?;
        // Said in the booking's own question, where the thumb is, and with the focus (issue 37).
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let refusal = page.client.find(Locator::Css("li.booking #cancel-refused")).await?.text().await?;
        ensure!(refusal.contains("rien n'a été enregistré"), "the booking's refusal says {refusal:?}");
        ensure!(crate::trips::in_view(&page, "#cancel-refused").await?, "the refusal is off the screen");
        let now = crate::newcomer::focused(&page).await?;
        ensure!(now.contains("cancel-refused"), "after the refusal the focus is on {now}");

        // Back online: the booking is still there (nothing was queued), and the notice is gone.
        relay.open().await?;
        page.goto(&relay.url("/mes-reservations")).await?;
        let card = page
            .wait_for(Locator::Css("section[aria-labelledby=upcoming-title] li.booking"), "the booking, online again")
            .await?;
        ensure!(card.text().await? == online, "online again the booking reads {:?}", card.text().await?);
        ensure!(
            page.client.find_all(Locator::Css(".notice--warning")).await?.is_empty(),
            "online again, the page still says it is offline"
        );
        // Logging out deletes the copies.
        let kept = page
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 fetch('/api/auth/logout', { method: 'POST' })
                   .then(() => caches.open('kerne-data')).then((c) => c.keys())
                   .then((keys) => done(keys.length)).catch((e) => done(String(e)));",
                vec![],
            )
            .await?;
        ensure!(kept == json!(0), "after logging out, the kept copies are {kept}");
        Ok(())
    }
    .await;
    page.close().await?;
    r
}

/// A parent opens her sign-up's private link on a shared phone: its address (the secret) is never
/// kept by the service worker, and logging in or out deletes any such page a cache still holds.
pub async fn a_private_links_page_is_never_kept_on_the_phone(ctx: &'static Ctx) -> Result<()> {
    use kerne_tests::api_client::{expect_json, ApiClient};
    let staff = ApiClient::anonymous(&ctx.app)
        .with_ip("10.91.0.1")
        .login(crate::support::STAFF, DEMO_PASSWORD)
        .await?;
    let day = chrono::Utc::now().date_naive() + chrono::Duration::days(53);
    let event: domain::events::EventView = expect_json(
        staff
            .post(
                "/api/staff/events",
                &json!({ "kind": "open_day", "title_fr": "Portes ouvertes (téléphone partagé)", "audience": "families",
                    "description_fr": "Visite.", "starts_at": format!("{day}T10:00"), "ends_at": format!("{day}T12:00"),
                    "in_room": false, "place": "Maison de quartier", "address": "4 rue Teilhard de Chardin, 29000 Quimper", "capacity": 20, "max_per_signup": 4,
                    "asks_children": false }),
            )
            .await?,
        201,
    )
    .await?;
    let signed: domain::events::RegistrationCreated = expect_json(
        ApiClient::anonymous(&ctx.app)
            .with_ip("10.91.0.2")
            .post(
                &format!("/api/events/{}/registrations", event.id),
                &json!({ "name": "Anne Partage", "email": crate::support::unique_email("partage"),
                    "adults": 1, "children": [], "lang": "fr" }),
            )
            .await?,
        201,
    )
    .await?;
    let page = ctx.driver.session().await?;
    let r = async {
        page.goto(&ctx.url("/")).await?;
        controlled(&page).await?;
        page.goto(&ctx.url(&signed.link)).await?;
        page.wait_for_page().await?;
        wait_for_text(&page, "Anne Partage").await?;
        let private_pages = "const done = arguments[arguments.length - 1];
             (async () => {
               const found = [];
               for (const name of await caches.keys()) {
                 for (const req of await (await caches.open(name)).keys()) {
                   if (new URL(req.url).pathname.startsWith('/inscription/')) found.push(req.url);
                 }
               }
               return found;
             })().then(done).catch((e) => done(String(e)));";
        let kept = page.client.execute_async(private_pages, vec![]).await?;
        ensure!(kept == json!([]), "the private link's page was kept: {kept}");
        // One kept by an older version of the app: logging out deletes it.
        page.client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 caches.open('kerne-shell-old').then((c) => c.put('/inscription/ancien-lien', new Response('x')))
                   .then(() => fetch('/api/auth/logout', { method: 'POST' })).then(() => done(true)).catch((e) => done(String(e)));",
                vec![],
            )
            .await?;
        let kept = page.client.execute_async(private_pages, vec![]).await?;
        ensure!(kept == json!([]), "after logging out, a private link's page is still kept: {kept}");
        Ok(())
    }
    .await;
    page.close().await?;
    r
}

/// The hashed folder a page of the portal loads its files from.
async fn folders(page: &Page) -> Result<Vec<String>> {
    let v = page
        .client
        .execute(
            "return [...new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
               .filter((p) => p.startsWith('/pkg/')).map((p) => p.split('/')[2]))];",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(v)?)
}

async fn cache_names(page: &Page) -> Result<Vec<String>> {
    let v = page
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; caches.keys().then(done);",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(v)?)
}

/// A deploy is a new hashed folder: the next visit loads it alone, and once its service worker
/// takes over, the old folder's cache is gone.
pub async fn a_new_deploy_is_picked_up_on_the_next_visit(ctx: &'static Ctx) -> Result<()> {
    let page = ctx.driver.session().await?;
    let r = async {
        page.goto(&ctx.url("/")).await?;
        page.wait_for_heading("Silicon Kerne").await?;
        controlled(&page).await?;
        // Chromium's own checks for an installable app (manifest, icons, service worker).
        let errors = page.cdp("Page.getInstallabilityErrors", json!({})).await?;
        ensure!(
            errors["installabilityErrors"]
                .as_array()
                .is_some_and(Vec::is_empty),
            "Chromium finds the app not installable: {errors}"
        );
        let old = folders(&page).await?;
        ensure!(old.len() == 1, "the home loads from one folder: {old:?}");
        let old = old[0].clone();
        let deadline = Instant::now() + Duration::from_secs(20);
        while !cache_names(&page)
            .await?
            .contains(&format!("kerne-shell-{old}"))
        {
            ensure!(
                Instant::now() < deadline,
                "no cache for {old}: {:?}",
                cache_names(&page).await?
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }

        // The deploy: the same files in a new folder, the pages and the service worker naming it.
        let new = "0deploy0test";
        let dist = ctx.app.state_dir.join("app/dist");
        copy_dir(&dist.join("pkg").join(&old), &dist.join("pkg").join(new))?;
        for entry in std::fs::read_dir(&dist)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "html" || e == "js") {
                let text = std::fs::read_to_string(&path)?;
                std::fs::write(&path, text.replace(&old, new))?;
            }
        }
        // wrangler dev serves the new files once it has seen them.
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let home = reqwest::get(ctx.url("/")).await?.text().await?;
            let boot = reqwest::get(ctx.url(&format!("/pkg/{new}/boot.js"))).await?;
            let is_script = boot.headers().get("content-type").is_some_and(|t| {
                t.as_bytes().starts_with(b"text/javascript")
                    || t.as_bytes().starts_with(b"application/javascript")
            });
            if home.contains(new) && is_script {
                break;
            }
            ensure!(
                Instant::now() < deadline,
                "the server still serves the old pages after 30 s"
            );
            tokio::time::sleep(Duration::from_millis(300)).await;
        }

        // The next visit: the new folder alone.
        page.goto(&ctx.url("/salle")).await?;
        if let Err(e) = page.wait_for_heading("Louer la salle de réunion").await {
            let html = page.client.source().await?;
            anyhow::bail!(
                "{e}\nconsole: {:?}\nfolders: {:?}\n{}",
                page.console_errors().await?,
                folders(&page).await?,
                &html[..html.len().min(1500)]
            );
        }
        let now = folders(&page).await?;
        ensure!(
            now == vec![new.to_string()],
            "after the deploy the page loads from {now:?}"
        );
        // The new service worker replaces the old one's cache.
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let names = cache_names(&page).await?;
            let shells: Vec<&String> = names
                .iter()
                .filter(|n| n.starts_with("kerne-shell-"))
                .collect();
            if shells == vec![&format!("kerne-shell-{new}")] {
                break;
            }
            ensure!(
                Instant::now() < deadline,
                "the caches after the deploy: {names:?}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Ok(())
    }
    .await;
    page.close().await?;
    r
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        std::fs::copy(entry.path(), to.join(entry.file_name()))?;
    }
    Ok(())
}
