//! The first views, written at build time (`make build`): each public page as the app itself
//! renders it before its data arrives, so that a phone on a slow line reads the page while the
//! wasm is still on its way, and nothing moves when the app takes over.
//!
//! The built portal runs under `wrangler dev` (an empty database: no data is asked for), and
//! Chromium opens each page in French and in English with every `/api/` request held back (CDP's
//! Fetch domain pauses them and nobody resumes them): what the app has drawn then is its own
//! markup with the loading lines where data will come. That markup goes between the
//! `<!--first-view-->` marks of `dist/index.html`, as `dist/<page>.html` (Workers' static assets
//! serve `/salle` from `salle.html`). `index.html` is also the page of every path without a file
//! of its own (members', staff's, an event's, a private link's): it holds the home's view and the
//! bare frame with its loading line, and `app/first.js` shows the right one in the right language.
//!
//! Run again on a built `dist/`, it gives the same files (the app replaces the first view it
//! finds, and what is captured is the app's).

use anyhow::{bail, ensure, Context, Result};
use kerne_tests::browser::{ChromeDriver, Page};
use kerne_tests::{repo_root, TestApp};
use serde_json::json;

/// The pages with a first view of their own: (path, file under `dist/`). `/` is `index.html`.
const PAGES: &[(&str, &str)] = &[
    ("/", "index.html"),
    ("/coworking", "coworking.html"),
    ("/salle", "salle.html"),
    ("/clubs", "clubs.html"),
    ("/e-education", "e-education.html"),
    ("/agenda", "agenda.html"),
    ("/partenaires", "partenaires.html"),
    ("/association", "association.html"),
    ("/entreprises", "entreprises.html"),
    ("/ressources", "ressources.html"),
];

/// A page whose whole content is data (an event that does not exist yet): the app draws the frame
/// and a loading line, the first view of every path without a file of its own.
const FRAME_PATH: &str = "/agenda/0";

const OPEN: &str = "<!--first-view-->";
const CLOSE: &str = "<!--/first-view-->";

/// What the app drew: the document's title and the body's elements (not the `<noscript>`).
struct Drawn {
    title: String,
    body: String,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<()> {
    let dist = repo_root().join("dist");
    let index = std::fs::read_to_string(dist.join("index.html"))
        .context("dist/index.html: build the app first (make app)")?;
    let template = empty_template(&index)?;
    let app = TestApp::spawn_unseeded()?;
    let drawn = draw_all(&app).await;
    app.shutdown();
    let mut drawn = drawn?;

    let frame = drawn.remove(FRAME_PATH).context("the frame was drawn")?;
    for (path, file) in PAGES {
        let views = drawn.remove(*path).context("every page was drawn")?;
        let mut splash = views_html("page", &views);
        let mut page = template.clone();
        if *path == "/" {
            // The home on `/`; the frame for every other path served by index.html.
            splash = format!(
                "{}{}",
                views_html("home", &views),
                views_html("page", &frame)
            );
        } else {
            page = with_title(&page, &views[0].title)?;
        }
        let html = page.replacen(
            &format!("{OPEN}{CLOSE}"),
            &format!("{OPEN}{splash}{CLOSE}"),
            1,
        );
        std::fs::write(dist.join(file), html).with_context(|| format!("writing dist/{file}"))?;
        println!("first view of {path}: dist/{file}");
    }
    Ok(())
}

/// `index.html` with nothing between the marks (as the app's build writes it, or as a previous
/// run left it).
fn empty_template(index: &str) -> Result<String> {
    let start = index
        .find(OPEN)
        .context("dist/index.html has no <!--first-view--> mark")?;
    let end = index
        .find(CLOSE)
        .context("dist/index.html has no <!--/first-view--> mark")?;
    ensure!(start < end, "the first-view marks are out of order");
    Ok(format!(
        "{}{OPEN}{CLOSE}{}",
        &index[..start],
        &index[end + CLOSE.len()..]
    ))
}

fn with_title(page: &str, title: &str) -> Result<String> {
    let start = page.find("<title>").context("a <title>")? + "<title>".len();
    let end = page.find("</title>").context("a </title>")?;
    let title = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    Ok(format!("{}{title}{}", &page[..start], &page[end..]))
}

/// The French and English views of one page, as `.boot-view` blocks `first.js` chooses from.
fn views_html(view: &str, drawn: &[Drawn; 2]) -> String {
    ["fr", "en"]
        .iter()
        .zip(drawn)
        .map(|(lang, d)| {
            format!(
                "<div class=\"boot-view\" data-view=\"{view}\" lang=\"{lang}\">{}</div>",
                d.body
            )
        })
        .collect()
}

async fn draw_all(app: &TestApp) -> Result<std::collections::HashMap<&'static str, [Drawn; 2]>> {
    let driver = ChromeDriver::start()?;
    let page = driver.session().await?;
    let result = async {
        // Every API request stays pending: the app shows what it shows before its data. The
        // service worker (registered by the first page) would fetch them itself: bypassed.
        page.cdp("Network.enable", json!({})).await?;
        page.cdp("Network.setBypassServiceWorker", json!({ "bypass": true }))
            .await?;
        page.cdp(
            "Fetch.enable",
            json!({ "patterns": [{ "urlPattern": "*/api/*", "requestStage": "Request" }] }),
        )
        .await?;
        let mut all = std::collections::HashMap::new();
        let paths = PAGES.iter().map(|(p, _)| *p).chain([FRAME_PATH]);
        let mut french = Vec::new();
        let mut english = Vec::new();
        for (lang, out) in [("fr", &mut french), ("en", &mut english)] {
            page.goto(&app.url("/robots.txt")).await?;
            page.client
                .execute(
                    "localStorage.setItem('kerne.lang', arguments[0]);",
                    vec![json!(lang)],
                )
                .await?;
            for path in paths.clone() {
                out.push(
                    draw(app, &page, path)
                        .await
                        .with_context(|| format!("drawing {path} in {lang}"))?,
                );
            }
        }
        for ((path, fr), en) in paths.zip(french).zip(english) {
            all.insert(path, [fr, en]);
        }
        Ok(all)
    }
    .await;
    page.close().await?;
    driver.stop();
    result
}

async fn draw(app: &TestApp, page: &Page, path: &str) -> Result<Drawn> {
    page.goto(&app.url(path)).await?;
    // Once the app has replaced the splash and drawn its page, let its effects settle.
    ensure!(
        page.until("!document.getElementById('boot-splash') && document.querySelector('main h1, main .status')")
            .await?,
        "the app did not draw {path} within 20 s"
    );
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let drawn = page
        .client
        .execute(
            "return [document.title, [...document.body.children]
               .filter((e) => !['NOSCRIPT', 'SCRIPT'].includes(e.tagName))
               .map((e) => e.outerHTML.replaceAll('<!---->', '')).join('')];",
            vec![],
        )
        .await?;
    let (Some(title), Some(body)) = (drawn[0].as_str(), drawn[1].as_str()) else {
        bail!("{path}: no title or body read");
    };
    ensure!(
        body.contains("<main"),
        "{path} was drawn without its <main>"
    );
    Ok(Drawn {
        title: title.to_string(),
        body: body.to_string(),
    })
}
