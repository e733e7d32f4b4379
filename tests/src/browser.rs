//! Debian's Chromium through chromedriver (fantoccini), at a phone's viewport, with the checks
//! every page gets: axe-core, console errors, horizontal overflow.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use crate::{free_port, repo_root, Service};

pub const PHONE: (u32, u32) = (390, 844);

pub struct ChromeDriver {
    port: u16,
    service: std::sync::Mutex<Service>,
}

impl ChromeDriver {
    pub fn start() -> Result<ChromeDriver> {
        for bin in ["/usr/bin/chromedriver", "/usr/bin/chromium"] {
            if !std::path::Path::new(bin).exists() {
                bail!(
                    "{bin} is missing: `make test` installs Debian's chromium and chromium-driver"
                );
            }
        }
        let port = free_port()?;
        let service = Service::spawn(
            "chromedriver",
            Command::new("/usr/bin/chromedriver")
                .arg(format!("--port={port}"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        )?;
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                bail!("chromedriver did not listen on port {port}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(ChromeDriver {
            port,
            service: std::sync::Mutex::new(service),
        })
    }

    pub fn stop(&self) {
        if let Ok(mut s) = self.service.lock() {
            s.stop();
        }
    }

    /// A fresh browser (own profile, no state) at the phone viewport.
    pub async fn session(&self) -> Result<Page> {
        let profile = std::env::temp_dir().join(format!(
            "kerne-chromium-{}-{}",
            std::process::id(),
            free_port()?
        ));
        let args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            "--lang=fr-FR".into(),
            format!("--window-size={},{}", PHONE.0, PHONE.1),
            format!("--user-data-dir={}", profile.display()),
        ];
        let caps = json!({
            "browserName": "chrome",
            // The browser's language is the one a phone in Quimper has: `--lang` alone leaves
            // headless Chromium's `navigator.language` at en-US, and the app reads it.
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": args,
                "prefs": { "intl": { "accept_languages": "fr-FR,fr" } }
            },
            "goog:loggingPrefs": { "browser": "ALL" },
            // A page that never finishes loading, or a script that never returns, fails its step
            // after 30 s with the command that hung, instead of stalling the whole journey.
            "timeouts": { "pageLoad": 30_000, "script": 30_000 }
        });
        let caps = caps.as_object().cloned().context("capabilities object")?;
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .context("opening a Chromium session")?;
        let page = Page {
            client,
            driver_port: self.port,
            profile,
            width: std::sync::atomic::AtomicU32::new(PHONE.0),
        };
        page.set_viewport(PHONE.0, PHONE.1).await?;
        Ok(page)
    }
}

/// One browser session.
pub struct Page {
    pub client: Client,
    driver_port: u16,
    profile: PathBuf,
    /// The viewport's width as set, in CSS pixels: the width a phone really has.
    width: std::sync::atomic::AtomicU32,
}

impl Page {
    pub async fn close(self) -> Result<()> {
        let _ = self.client.close().await;
        let _ = std::fs::remove_dir_all(&self.profile);
        Ok(())
    }

    /// Make the page's viewport (not the window) exactly `width`×`height` CSS pixels.
    pub async fn set_viewport(&self, width: u32, height: u32) -> Result<()> {
        self.width
            .store(width, std::sync::atomic::Ordering::Relaxed);
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": true
            }),
        )
        .await
        .map(|_| ())
    }

    /// A Chrome DevTools Protocol command through chromedriver.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        let session = self.client.session_id().await?.context("no session id")?;
        let url = format!(
            "http://127.0.0.1:{}/session/{session}/goog/cdp/execute",
            self.driver_port
        );
        let resp: Value = reqwest::Client::new()
            .post(url)
            .json(&json!({ "cmd": cmd, "params": params }))
            .send()
            .await?
            .json()
            .await?;
        if resp["value"]["error"].is_string() {
            bail!("CDP {cmd} failed: {}", resp["value"]);
        }
        Ok(resp["value"].clone())
    }

    /// Open `url`. Chromium on this 2-core machine sometimes does not answer a navigation within
    /// its 30 s ("Timed out receiving message from renderer": twice in 48 journeys on 2026-12-07,
    /// on /salle and /connexion, each time the first page of a new session): that one error is
    /// tried once more; any other failure, or a second timeout, fails the journey.
    pub async fn goto(&self, url: &str) -> Result<()> {
        match self.client.goto(url).await {
            Err(e)
                if e.to_string()
                    .contains("Timed out receiving message from renderer") =>
            {
                eprintln!("opening {url}: {e}; trying once more");
                self.client
                    .goto(url)
                    .await
                    .with_context(|| format!("opening {url} (second try)"))
            }
            other => other.with_context(|| format!("opening {url}")),
        }
    }

    /// Wait until the app has rendered a page: a `main h1` and no loading status.
    pub async fn wait_for_page(&self) -> Result<String> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let state = self
                .client
                .execute(
                    "const h = document.querySelector('main h1');
                     const loading = document.querySelector('main .status[role=status]');
                     return h && !loading ? h.textContent : null;",
                    vec![],
                )
                .await?;
            if let Some(text) = state.as_str() {
                return Ok(text.trim().to_string());
            }
            if Instant::now() > deadline {
                bail!(
                    "the page did not render a heading within 20 s (at {})",
                    self.client.current_url().await?
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Whether the JavaScript expression `condition` becomes true in the page within 20 s (checked
    /// every 50 ms, in the page itself).
    pub async fn until(&self, condition: &str) -> Result<bool> {
        let done = self
            .client
            .execute_async(
                &format!(
                    "const done = arguments[arguments.length - 1];
                     const start = Date.now();
                     (function poll() {{
                       if ({condition}) done(true);
                       else if (Date.now() - start > 20000) done(false);
                       else setTimeout(poll, 50);
                     }})();"
                ),
                vec![],
            )
            .await?;
        Ok(done == json!(true))
    }

    /// Wait for an element, up to 20 s (what appears once the app has heard from the API).
    pub async fn wait_for(
        &self,
        locator: Locator<'_>,
        what: &str,
    ) -> Result<fantoccini::elements::Element> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(el) = self.client.find(locator).await {
                return Ok(el);
            }
            if Instant::now() > deadline {
                bail!(
                    "{what} never appeared; the page shows:\n{}",
                    self.text().await?
                );
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Wait for the main heading to read `expected`.
    pub async fn wait_for_heading(&self, expected: &str) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut last = String::new();
        while Instant::now() < deadline {
            last = self.wait_for_page().await?;
            if last == expected {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        bail!("expected the heading {expected:?}, the page shows {last:?}")
    }

    pub async fn text(&self) -> Result<String> {
        Ok(self.client.find(Locator::Css("body")).await?.text().await?)
    }

    pub async fn html_lang(&self) -> Result<String> {
        Ok(self
            .client
            .execute("return document.documentElement.lang", vec![])
            .await?
            .as_str()
            .unwrap_or("")
            .to_string())
    }

    /// Click the first element matching `css` whose text is `text`.
    pub async fn click_text(&self, css: &str, text: &str) -> Result<()> {
        for el in self.client.find_all(Locator::Css(css)).await? {
            if el.text().await?.trim() == text {
                el.click().await?;
                return Ok(());
            }
        }
        bail!("no {css} reads {text:?}")
    }

    /// Accessibility violations found by axe-core (WCAG 2.1 A/AA and best practices).
    pub async fn axe_violations(&self) -> Result<Vec<String>> {
        let source = std::fs::read_to_string(repo_root().join("node_modules/axe-core/axe.min.js"))
            .context("node_modules/axe-core/axe.min.js (npm ci installs it)")?;
        self.client
            .execute(&format!("{source}\n;return typeof axe;"), vec![])
            .await?;
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
                   .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' +
                        v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await?;
        Ok(strings(&result))
    }

    /// Elements wider than the viewport (a phone would scroll sideways). Measured against the
    /// width the viewport was set to, not the document's: an emulated phone, like a real one,
    /// widens its layout viewport to fit content that is too wide, so `clientWidth` hides the
    /// overflow it should reveal.
    pub async fn overflowing_elements(&self) -> Result<Vec<String>> {
        let width = self.width.load(std::sync::atomic::Ordering::Relaxed);
        let result = self
            .client
            .execute(
                "const w = arguments[0];
                 const out = [];
                 if (document.documentElement.scrollWidth > w) out.push('document scrollWidth ' + document.documentElement.scrollWidth + ' > ' + w);
                 for (const e of document.querySelectorAll('body *')) {
                   const r = e.getBoundingClientRect();
                   // Inside a region that scrolls sideways on its own (a wide table, focusable, which
                   // is itself checked), content may be wider than the phone: the page is not.
                   const inScroller = e.parentElement && e.parentElement.closest('.table-wrap');
                   if (r.width > 0 && (r.right > w + 1 || r.left < -1) && !e.closest('.skip-link') && !inScroller) {
                     out.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' right=' + Math.round(r.right));
                   }
                 }
                 return out.slice(0, 10);",
                vec![json!(width)],
            )
            .await?;
        Ok(strings(&result))
    }

    /// Errors the browser logged since the last call (JavaScript errors, failed loads, CSP reports).
    pub async fn console_errors(&self) -> Result<Vec<String>> {
        let session = self.client.session_id().await?.context("no session id")?;
        let url = format!(
            "http://127.0.0.1:{}/session/{session}/se/log",
            self.driver_port
        );
        let resp: Value = reqwest::Client::new()
            .post(url)
            .json(&json!({ "type": "browser" }))
            .send()
            .await?
            .json()
            .await?;
        let entries = resp["value"].as_array().cloned().unwrap_or_default();
        Ok(entries
            .iter()
            .filter(|e| e["level"] == "SEVERE")
            .filter_map(|e| e["message"].as_str().map(String::from))
            .collect())
    }

    pub async fn screenshot(&self, name: &str) -> Result<()> {
        let png = self.client.screenshot().await?;
        let dir = repo_root().join("tests/screenshots");
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(format!("{name}.png")), png)?;
        Ok(())
    }
}

/// The strings of a JSON array a page script returned (nothing for anything else).
fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}
