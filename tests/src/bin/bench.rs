//! `make bench`: the figures the closing notes report. Nothing here asserts a time.
//!
//! - the app's wasm/JS/CSS sizes, raw, gzip and brotli;
//! - `wrangler dev` start-up to the first healthy answer;
//! - `/api/site` latency p50/p95/p99 at 1 and 20 concurrent clients (loopback only, bounded);
//! - first render of `/` in Chromium with 4× CPU throttling, median of 5.

use std::time::{Duration, Instant};

use anyhow::Result;
use kerne_tests::browser::ChromeDriver;
use kerne_tests::{repo_root, sizes, TestApp};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// `requests` GETs of `url` spread over `concurrency` clients; returns sorted latencies.
pub async fn load(url: &str, concurrency: usize, requests: usize) -> Result<(Vec<Duration>, Duration, usize)> {
    let client = reqwest::Client::builder().pool_max_idle_per_host(concurrency).build()?;
    let started = Instant::now();
    let per_client = requests / concurrency;
    let mut handles = Vec::new();
    for _ in 0..concurrency {
        let client = client.clone();
        let url = url.to_string();
        handles.push(tokio::spawn(async move {
            let mut times = Vec::with_capacity(per_client);
            let mut errors = 0;
            for _ in 0..per_client {
                let t = Instant::now();
                match client.get(&url).send().await {
                    Ok(r) if r.status().is_success() => {
                        let _ = r.bytes().await;
                        times.push(t.elapsed());
                    }
                    _ => errors += 1,
                }
            }
            (times, errors)
        }));
    }
    let mut all = Vec::with_capacity(requests);
    let mut errors = 0;
    for h in handles {
        let (t, e) = h.await?;
        all.extend(t);
        errors += e;
    }
    all.sort();
    Ok((all, started.elapsed(), errors))
}

async fn latency(app: &TestApp, path: &str) -> Result<()> {
    let url = app.url(path);
    load(&url, 4, 40).await?; // warm-up
    for (concurrency, requests) in [(1, 200), (20, 1000)] {
        let (times, wall, errors) = load(&url, concurrency, requests).await?;
        println!(
            "{path} at {concurrency:>2} concurrent: p50 {} p95 {} p99 {} ({} ok, {errors} errors, {:.0} req/s)",
            ms(percentile(&times, 0.50)),
            ms(percentile(&times, 0.95)),
            ms(percentile(&times, 0.99)),
            times.len(),
            times.len() as f64 / wall.as_secs_f64()
        );
    }
    Ok(())
}

async fn first_render(app: &TestApp, driver: &ChromeDriver) -> Result<()> {
    let mut fcp = Vec::new();
    let mut lcp = Vec::new();
    for _ in 0..5 {
        let page = driver.session().await?;
        page.cdp("Emulation.setCPUThrottlingRate", serde_json::json!({ "rate": 4 })).await?;
        page.goto(&app.url("/")).await?;
        page.wait_for_page().await?;
        let v = page
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                 new PerformanceObserver(l => { const e = l.getEntries(); done([fcp ? fcp.startTime : -1, e[e.length - 1].startTime]); })
                   .observe({ type: 'largest-contentful-paint', buffered: true });",
                vec![],
            )
            .await?;
        fcp.push(v[0].as_f64().unwrap_or(-1.0));
        lcp.push(v[1].as_f64().unwrap_or(-1.0));
        page.close().await?;
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    };
    println!(
        "first render of / at 4x CPU throttling (median of 5): first contentful paint {:.0} ms (static splash), largest contentful paint {:.0} ms (the app)",
        median(&mut fcp),
        median(&mut lcp)
    );
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    println!("== app bundle (dist/pkg)");
    let files = sizes::app_files(&repo_root().join("dist/pkg"))?;
    for f in &files {
        println!("{:<28} raw {:>8}  gzip {:>7}  brotli {:>7}", f.name, f.raw, f.gzip, f.brotli);
    }
    let (raw, gz, br) = files.iter().fold((0, 0, 0), |(r, g, b), f| (r + f.raw, g + f.gzip, b + f.brotli));
    println!("{:<28} raw {raw:>8}  gzip {gz:>7}  brotli {br:>7}", "total");

    let app = tokio::task::spawn_blocking(TestApp::spawn).await??;
    println!("== wrangler dev start-up to first 200 on /api/health: {}", ms(app.startup));
    println!("== latency (loopback, load client on the same 2 cores)");
    latency(&app, "/api/site").await?;
    latency(&app, "/api/health").await?;
    let driver = ChromeDriver::start()?;
    let rendered = first_render(&app, &driver).await;
    driver.stop();
    app.shutdown();
    rendered
}
