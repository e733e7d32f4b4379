//! Shared harness of the black-box tests: the real worker under `wrangler dev` (workerd + a local
//! D1 of its own, migrated and seeded), and Debian's Chromium driven through chromedriver.
//!
//! Each test binary starts one server on a free port with a fresh state directory and stops it
//! when its tests are done; nothing here needs anything started by hand.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

pub mod api_client;
pub mod browser;
pub mod harness;
pub mod history;
pub mod mail_sink;
pub mod sizes;

/// The repository's root (the tests crate lives in `tests/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// A port nobody listens on right now.
pub fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").context("binding a free port")?;
    Ok(listener.local_addr()?.port())
}

/// A child process in its own process group, killed with its children when dropped.
pub struct Service {
    name: &'static str,
    child: Child,
}

impl Service {
    pub fn spawn(name: &'static str, cmd: &mut Command) -> Result<Service> {
        let child = cmd
            .process_group(0)
            .spawn()
            .with_context(|| format!("starting {name}"))?;
        Ok(Service { name, child })
    }

    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    pub fn stop(&mut self) {
        let pgid = self.child.id() as i32;
        signal_group(pgid, libc::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if !self.is_running() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        signal_group(pgid, libc::SIGKILL);
        let _ = self.child.wait();
        eprintln!("{} did not stop on SIGTERM and was killed", self.name);
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        if self.is_running() {
            self.stop();
        }
    }
}

/// Signal a whole process group: wrangler and the workerd it started, chromedriver and its Chromium.
#[expect(
    unsafe_code,
    reason = "libc::kill on our own child's process group touches no memory"
)]
fn signal_group(pgid: i32, signal: i32) {
    // SAFETY: kill(2) takes plain integers and has no memory-safety preconditions.
    unsafe {
        libc::kill(-pgid, signal);
    }
}

fn wrangler(root: &Path) -> Command {
    let mut cmd = Command::new(root.join("node_modules/.bin/wrangler"));
    cmd.current_dir(root)
        .env("CI", "true")
        .env("WRANGLER_SEND_METRICS", "false")
        .env("WRANGLER_SEND_ERROR_REPORTS", "false")
        .env("NO_COLOR", "1");
    cmd
}

/// Copy the built app and worker into the test's own directory, with a wrangler config pointing
/// at the copies: `wrangler dev` watches what it serves and restarts the worker when it changes,
/// so a rebuild while tests run must not touch the files under test.
fn snapshot_build(root: &Path, state_dir: &Path) -> Result<String> {
    fn copy_dir(from: &Path, to: &Path) -> Result<()> {
        std::fs::create_dir_all(to)?;
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            let target = to.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                copy_dir(&entry.path(), &target)?;
            } else {
                std::fs::copy(entry.path(), target)?;
            }
        }
        Ok(())
    }
    std::fs::create_dir_all(state_dir)?;
    copy_dir(&root.join("dist"), &state_dir.join("dist"))?;
    copy_dir(&root.join("worker/build"), &state_dir.join("worker"))?;
    let config = std::fs::read_to_string(root.join("wrangler.toml"))?
        .replace(
            "main = \"worker/build/index.js\"",
            &format!("main = \"{}\"", state_dir.join("worker/index.js").display()),
        )
        .replace(
            "directory = \"dist\"",
            &format!("directory = \"{}\"", state_dir.join("dist").display()),
        )
        .replace(
            "migrations_dir = \"migrations\"",
            &format!("migrations_dir = \"{}\"", root.join("migrations").display()),
        );
    let path = state_dir.join("wrangler.toml");
    std::fs::write(&path, config)?;
    Ok(path.to_string_lossy().to_string())
}

fn run_quiet(what: &str, cmd: &mut Command) -> Result<()> {
    let out = cmd.output().with_context(|| format!("running {what}"))?;
    if !out.status.success() {
        bail!(
            "{what} failed ({}):\n{}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

/// How a test app is configured beyond the defaults of `wrangler.toml`.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Worker variables (`--var NAME:VALUE`): `EMAIL_SENDER`, `EMAIL_API_URL`, … `SITE_URL` is the
    /// app's own address unless given here.
    pub vars: Vec<(String, String)>,
}

/// The portal running under `wrangler dev` with its own database.
pub struct TestApp {
    pub base_url: String,
    pub state_dir: PathBuf,
    /// From starting `wrangler dev` to its first healthy answer.
    pub startup: Duration,
    /// How long that first answer took, from its request: the worker's cold start (its wasm
    /// compiled and instantiated in a new isolate) as the first caller waits for it.
    pub first_answer: Duration,
    server: std::sync::Mutex<Service>,
}

impl TestApp {
    /// Migrate and seed a fresh local D1, start `wrangler dev` on a free port, wait for health.
    pub fn spawn() -> Result<TestApp> {
        TestApp::start(true, &Config::default())
    }

    /// The same, configured otherwise (an email service, a public site address).
    pub fn spawn_with(config: &Config) -> Result<TestApp> {
        TestApp::start(true, config)
    }

    /// The same server on a migrated, empty database: for what only needs the pages served (the
    /// first views' build).
    pub fn spawn_unseeded() -> Result<TestApp> {
        TestApp::start(false, &Config::default())
    }

    fn start(seeded: bool, extra: &Config) -> Result<TestApp> {
        let root = repo_root();
        for built in ["dist/index.html", "worker/build/index.js"] {
            if !root.join(built).exists() {
                bail!("{built} is missing: run `make build` (or `make test`, which builds first)");
            }
        }
        let state_dir = std::env::temp_dir().join(format!(
            "kerne-test-{}-{}",
            std::process::id(),
            free_port()?
        ));
        std::fs::create_dir_all(&state_dir)?;
        // The build snapshot and its config in one folder, the database in another: wrangler dev
        // watches the folder of what it serves, and must not see the database's writes.
        let config = snapshot_build(&root, &state_dir.join("app"))?;
        let persist = state_dir.join("d1").to_string_lossy().to_string();
        run_quiet(
            "wrangler d1 migrations apply",
            wrangler(&root).args([
                "d1",
                "migrations",
                "apply",
                "DB",
                "--local",
                "--config",
                &config,
                "--persist-to",
                &persist,
            ]),
        )?;
        // The demo data, a state only tests need (`tests/seed`), then a year of synthetic history
        // for the statistics (`history`).
        let seeds: Vec<String> = if seeded {
            let history = state_dir.join("history.sql");
            std::fs::write(&history, history::generate().sql())?;
            [
                "seed/demo.sql",
                "seed/members.sql",
                "seed/activity.sql",
                "seed/events.sql",
                "seed/consultations.sql",
                "seed/assemblies.sql",
                "tests/seed/consultations.sql",
                "tests/seed/unsettled.sql",
                "tests/seed/assembly_today.sql",
            ]
            .into_iter()
            .map(String::from)
            .chain([history.to_string_lossy().to_string()])
            .collect()
        } else {
            Vec::new()
        };
        for seed in &seeds {
            run_quiet(
                &format!("wrangler d1 execute {seed}"),
                wrangler(&root).args([
                    "d1",
                    "execute",
                    "DB",
                    "--local",
                    "--config",
                    &config,
                    "--persist-to",
                    &persist,
                    "--file",
                    seed,
                ]),
            )?;
        }
        let port = free_port()?;
        // Links in emails are built from SITE_URL: by default, this app's own address.
        let mut vars = vec![("SITE_URL".to_string(), format!("http://127.0.0.1:{port}"))];
        for (name, value) in &extra.vars {
            vars.retain(|(n, _)| n != name);
            vars.push((name.clone(), value.clone()));
        }
        let var_args: Vec<String> = vars
            .iter()
            .flat_map(|(n, v)| ["--var".to_string(), format!("{n}:{v}")])
            .collect();
        let started = Instant::now();
        let log = std::fs::File::create(state_dir.join("wrangler.log"))?;
        let server = Service::spawn(
            "wrangler dev",
            wrangler(&root)
                .args([
                    "dev",
                    "--local",
                    "--config",
                    &config,
                    "--ip",
                    "127.0.0.1",
                    "--port",
                    &port.to_string(),
                    "--persist-to",
                    &persist,
                ])
                .args(&var_args)
                .args([
                    "--test-scheduled",
                    "--show-interactive-dev-session=false",
                    // `log` (above `info`) keeps the worker's own console lines in the log.
                    "--log-level",
                    "log",
                ])
                .stdin(Stdio::null())
                .stdout(log.try_clone()?)
                .stderr(log),
        )?;
        let mut app = TestApp {
            base_url: format!("http://127.0.0.1:{port}"),
            state_dir,
            startup: Duration::ZERO,
            first_answer: Duration::ZERO,
            server: std::sync::Mutex::new(server),
        };
        app.first_answer = app.wait_until_healthy(Duration::from_secs(90))?;
        app.startup = started.elapsed();
        Ok(app)
    }

    /// Polls `/api/health` until it answers 200; how long that answer took.
    fn wait_until_healthy(&self, timeout: Duration) -> Result<Duration> {
        let deadline = Instant::now() + timeout;
        let url = format!("{}/api/health", self.base_url);
        while Instant::now() < deadline {
            if !self
                .server
                .lock()
                .map(|mut s| s.is_running())
                .unwrap_or(false)
            {
                bail!("wrangler dev exited early:\n{}", self.log());
            }
            let asked = Instant::now();
            if let Ok(resp) = startup_probe::blocking_get_status(&url) {
                if resp == 200 {
                    return Ok(asked.elapsed());
                }
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        bail!(
            "the worker was not healthy after {timeout:?}:\n{}",
            self.log()
        )
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.state_dir.join("wrangler.log")).unwrap_or_default()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// Run SQL against the app's database, as `wrangler d1 execute` does (a bench's bulk rows).
    /// Never while tests send requests: it is another process on the worker's SQLite file, and
    /// the local runtime's SQLite answered `SQLITE_BUSY` at once (a 500 to a test beside it), or
    /// the whole worker stalled for 160 s (two clean-clone `make test` runs, 2026-12-07): states
    /// that only time makes are in the test data (`tests/seed/`) instead. The running worker may hold the database's write lock at that moment
    /// (other tests write beside it): a refused attempt is made again, five times at most.
    pub fn execute_sql(&self, name: &str, sql: &str) -> Result<()> {
        let file = self.state_dir.join(format!("{name}.sql"));
        std::fs::write(&file, sql)?;
        let config = self.state_dir.join("app/wrangler.toml");
        let persist = self.state_dir.join("d1");
        let mut attempt = 0;
        loop {
            attempt += 1;
            let run = run_quiet(
                &format!("wrangler d1 execute {name}"),
                wrangler(&repo_root()).args([
                    "d1",
                    "execute",
                    "DB",
                    "--local",
                    "--config",
                    &config.to_string_lossy(),
                    "--persist-to",
                    &persist.to_string_lossy(),
                    "--file",
                    &file.to_string_lossy(),
                ]),
            );
            if run.is_ok() || attempt == 5 {
                return run;
            }
            std::thread::sleep(std::time::Duration::from_millis(300));
        }
    }

    /// Run the Cron handler now, as the platform would on schedule.
    pub async fn run_scheduled(&self) -> Result<()> {
        let resp = reqwest::get(self.url("/__scheduled")).await?;
        if !resp.status().is_success() {
            bail!("/__scheduled answered {}", resp.status());
        }
        Ok(())
    }

    /// Stop the server and remove its state.
    pub fn shutdown(&self) {
        if let Ok(mut server) = self.server.lock() {
            server.stop();
        }
        let _ = std::fs::remove_dir_all(&self.state_dir);
    }
}

/// A tiny blocking GET used only while waiting for start-up (no runtime needed).
mod startup_probe {
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::time::Duration;

    pub fn blocking_get_status(url: &str) -> std::io::Result<u16> {
        let rest = url.trim_start_matches("http://");
        let (host, path) = rest
            .split_once('/')
            .map(|(h, p)| (h, format!("/{p}")))
            .unwrap_or((rest, "/".into()));
        let mut stream = TcpStream::connect(host)?;
        stream.set_read_timeout(Some(Duration::from_secs(5)))?;
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )?;
        let mut buf = [0u8; 32];
        let n = stream.read(&mut buf)?;
        let head = String::from_utf8_lossy(&buf[..n]);
        head.split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| std::io::Error::other("no status"))
    }
}

/// A start and an end today in Paris (`YYYY-MM-DDTHH:MM`), starting a few minutes from now, for
/// what opens on an event's day (the door). Within twenty minutes of midnight it waits for the new
/// day, so the event and what the test does with it fall on the same date.
pub async fn soon_today() -> (String, String) {
    use chrono::Timelike;
    loop {
        let now = domain::paris::to_local(chrono::Utc::now());
        if now.hour() == 23 && now.minute() >= 40 {
            tokio::time::sleep(std::time::Duration::from_secs(30)).await;
            continue;
        }
        let start = now + chrono::Duration::minutes(10);
        let end = start + chrono::Duration::hours(2);
        let f = |t: chrono::NaiveDateTime| t.format("%Y-%m-%dT%H:%M").to_string();
        return (f(start), f(end));
    }
}

/// `ensure!(a && b && c, "…")` that says which clause does not hold: each is checked in turn, and
/// the first false one is named (its source text) before the message.
///
/// ```ignore
/// ensure_each!([view.seats_left == 0, view.waiting == 2], "{view:?}");
/// ```
#[macro_export]
macro_rules! ensure_each {
    ([$($clause:expr),+ $(,)?], $($message:tt)+) => {{
        let message = || format!($($message)+);
        $(
            ::anyhow::ensure!($clause, "`{}` does not hold: {}", stringify!($clause), message());
        )+
    }};
}
