//! An HTTP client that behaves like the app in a browser: same origin, JSON, a session cookie.

use anyhow::{anyhow, bail, Context, Result};
use reqwest::{Method, Response};
use serde::de::DeserializeOwned;
use serde_json::Value;
use wire_json::FromJson;

use crate::TestApp;

pub const SESSION_COOKIE: &str = "__Host-kerne_session";
pub const DEMO_PASSWORD: &str = "kerne-demo";

#[derive(Clone)]
pub struct ApiClient {
    pub base: String,
    http: reqwest::Client,
    /// The session token, as the browser would keep it.
    pub session: Option<String>,
    /// Sent as `CF-Connecting-IP`, so throttling tests do not throttle each other.
    pub client_ip: Option<String>,
    pub lang: &'static str,
}

impl ApiClient {
    pub fn anonymous(app: &TestApp) -> ApiClient {
        ApiClient {
            base: app.base_url.clone(),
            http: reqwest::Client::new(),
            session: None,
            client_ip: None,
            lang: "fr",
        }
    }

    pub fn with_ip(mut self, ip: &str) -> ApiClient {
        self.client_ip = Some(ip.to_string());
        self
    }

    pub fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        let mut req = self
            .http
            .request(method.clone(), format!("{}{path}", self.base))
            .header("Accept-Language", self.lang);
        if method != Method::GET && method != Method::HEAD {
            // What a browser sends with every same-origin fetch that changes something.
            req = req
                .header("Origin", &self.base)
                .header("Sec-Fetch-Site", "same-origin");
        }
        if let Some(token) = &self.session {
            req = req.header("Cookie", format!("{SESSION_COOKIE}={token}"));
        }
        if let Some(ip) = &self.client_ip {
            req = req.header("CF-Connecting-IP", ip);
        }
        req
    }

    /// Send once; again (at most twice more) only when `wrangler dev`'s own proxy answers that its
    /// connection to the runtime was lost.
    ///
    /// Why (found with a logging copy of wrangler 4.86's `ProxyWorker.js`): under a burst of 50
    /// concurrent writes, the local runtime's single event loop runs ready work for ≈800 ms without
    /// polling its sockets; the proxy's pooled keep-alive connections to it that went idle before the
    /// burst are then closed by the runtime's idle timer while the proxy is sending on them. workerd
    /// fails that fetch with "Network connection lost." and `retryable: true` (nothing was read, the
    /// worker never saw the request); the proxy retries GET and HEAD itself and answers any other
    /// method 503 "Your worker restarted mid-request". That proxy is not in production (Cloudflare's
    /// edge calls the worker directly), so the test client does what the proxy does for GET.
    pub async fn send(&self, method: Method, path: &str, body: Option<&Value>) -> Result<Response> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let mut req = self.request(method.clone(), path);
            if let Some(b) = body {
                req = req.json(b);
            }
            let resp = req
                .send()
                .await
                .with_context(|| format!("{method} {path}"))?;
            if resp.status().as_u16() != 503 || attempt == 3 {
                return Ok(resp);
            }
            let status = resp.status();
            let headers = resp.headers().clone();
            let text = resp.text().await.unwrap_or_default();
            if !text.starts_with(DEV_PROXY_LOST) {
                // Our own 503 (or anything else): give it back as it came.
                let mut rebuilt = http::Response::builder().status(status);
                for (k, v) in &headers {
                    rebuilt = rebuilt.header(k, v);
                }
                return Ok(Response::from(rebuilt.body(text)?));
            }
            eprintln!("{method} {path}: wrangler dev's proxy lost its connection to the runtime; sent again");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }

    pub async fn get(&self, path: &str) -> Result<Response> {
        self.send(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: &Value) -> Result<Response> {
        self.send(Method::POST, path, Some(body)).await
    }

    pub async fn put(&self, path: &str, body: &Value) -> Result<Response> {
        self.send(Method::PUT, path, Some(body)).await
    }

    pub async fn delete(&self, path: &str) -> Result<Response> {
        self.send(Method::DELETE, path, None).await
    }

    /// GET and decode, failing with the body when the status is not 200.
    pub async fn get_json<T: Wire>(&self, path: &str) -> Result<T> {
        let resp = self.get(path).await?;
        expect_json(resp, 200).await
    }

    /// POST a booking the way the app does on a phone: with an Idempotency-Key, retried on a 503
    /// (the runtime restarting under load) or a lost connection. Returns the final status.
    pub async fn book(&self, body: &Value) -> Result<u16> {
        static N: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let key = format!(
            "{}-{}",
            std::process::id(),
            N.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        );
        Ok(self.book_with_key(body, &key).await?.status().as_u16())
    }

    /// The same with a given key: the last response (a 503 only if every retry got one).
    pub async fn book_with_key(&self, body: &Value, key: &str) -> Result<Response> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let sent = self
                .request(Method::POST, "/api/bookings")
                .header("Idempotency-Key", key)
                .json(body)
                .send()
                .await;
            match sent {
                Ok(r) if r.status().as_u16() != 503 || attempt == 4 => return Ok(r),
                Err(e) if attempt == 4 => return Err(e.into()),
                _ => tokio::time::sleep(std::time::Duration::from_millis(200)).await,
            }
        }
    }

    /// Log in; the returned client carries the session cookie.
    pub async fn login(&self, email: &str, password: &str) -> Result<ApiClient> {
        let resp = self
            .post(
                "/api/auth/login",
                &serde_json::json!({ "email": email, "password": password }),
            )
            .await?;
        let status = resp.status();
        let token = session_from(&resp);
        if status != 200 {
            bail!("login of {email} answered {status}: {}", resp.text().await?);
        }
        Ok(ApiClient {
            session: Some(token.context("login set no session cookie")?),
            ..self.clone()
        })
    }

    /// A client logged in with the session a response just set.
    pub fn with_session_from(&self, resp: &Response) -> Result<ApiClient> {
        Ok(ApiClient {
            session: Some(session_from(resp).context("no session cookie in the response")?),
            ..self.clone()
        })
    }
}

/// How `wrangler dev`'s proxy answers a write whose connection to the runtime was lost.
const DEV_PROXY_LOST: &str = "Your worker restarted mid-request.";

/// The session token in a response's `Set-Cookie`, if any.
pub fn session_from(resp: &Response) -> Option<String> {
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| {
            c.strip_prefix(&format!("{SESSION_COOKIE}="))
                .and_then(|rest| rest.split(';').next())
                .filter(|t| !t.is_empty())
                .map(String::from)
        })
}

/// What an answer decodes into: read both by serde (as the worker writes it) and by the app's own
/// JSON reader (`domain::json`), which must agree on every answer the tests see.
pub trait Wire: DeserializeOwned + FromJson + PartialEq + std::fmt::Debug {}
impl<T: DeserializeOwned + FromJson + PartialEq + std::fmt::Debug> Wire for T {}

/// The answer's body read the way the app reads it, checked against serde's reading.
pub fn decode<T: Wire>(text: &str, url: &str) -> Result<T> {
    let by_serde: T =
        serde_json::from_str(text).with_context(|| format!("decoding {url}: {text}"))?;
    let by_app: T =
        wire_json::from_str(text).map_err(|e| anyhow!("the app cannot read {url}: {e}: {text}"))?;
    if by_app != by_serde {
        bail!(
            "the app reads {url} differently from serde:\napp:   {by_app:?}\nserde: {by_serde:?}"
        );
    }
    Ok(by_app)
}

/// Decode a response that must have `status`, or fail with what it said.
pub async fn expect_json<T: Wire>(resp: Response, status: u16) -> Result<T> {
    let got = resp.status().as_u16();
    let url = resp.url().to_string();
    let text = resp.text().await?;
    if got != status {
        bail!("{url} answered {got}, expected {status}: {text}");
    }
    decode(&text, &url)
}

/// Expect a status (and return the body as JSON, or Null when empty).
pub async fn expect_status(resp: Response, status: u16) -> Result<Value> {
    let got = resp.status().as_u16();
    let url = resp.url().to_string();
    let text = resp.text().await?;
    if got != status {
        bail!("{url} answered {got}, expected {status}: {text}");
    }
    Ok(if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    })
}
