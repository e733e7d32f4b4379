//! Shared answers kept in the Workers Cache (`caches.default`: one per data centre, no D1 read on a
//! hit). Two answers are the same for every caller and change only on known writes: the public site
//! content (`GET /api/site`: staff settings, closure days, the member count) and the availability
//! of a resource (`GET /api/availability`: bookings, cancellations, blocks, rentals, settings).
//!
//! Each scope has a version, itself a cache entry; a cached answer's key carries the version it was
//! computed under. A write bumps the version of the scopes its route declares (`Route::invalidates`,
//! after a 2xx answer), so the next read in this data centre misses and reads D1. The reader takes the
//! version *before* it reads D1, so an answer computed from older rows is never stored under the
//! new version. Other data centres keep their copy until its short TTL runs out: a desk may look free
//! there a few seconds longer, never be oversold (the booking INSERT is conditional).
//! A failing cache is logged and bypassed: the answer is then computed, never refused.

use std::future::Future;

use serde::Serialize;
use worker::{console_error, Cache, Request, Response};

use crate::error::ApiError;
use crate::http;
use crate::secrets::random_token;

/// Keys live under a host of their own: they never collide with a real URL of the site.
const KEY_ORIGIN: &str = "https://cache.silicon-kerne.internal";
/// `hit` or `miss` on a shared answer.
pub const CACHE_HEADER: &str = "X-Kerne-Cache";
/// A version outlives any answer; if it is evicted, a fresh one simply invalidates everything.
const VERSION_TTL_SECS: u32 = 86_400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Site,
    Availability,
}

impl Scope {
    fn name(self) -> &'static str {
        match self {
            Scope::Site => "site",
            Scope::Availability => "availability",
        }
    }

    /// How long another data centre may show an answer after a write here.
    fn ttl_secs(self) -> u32 {
        match self {
            // "Today" changes at midnight: a minute at most, as the browser cache already allows.
            Scope::Site => 60,
            // A freed or taken desk shows within 15 s everywhere (at once in this data centre).
            Scope::Availability => 15,
        }
    }

    fn version_key(self) -> String {
        format!("{KEY_ORIGIN}/version/{}", self.name())
    }
}

/// The cache key of a request's answer under a version: path, query and version.
pub fn answer_key(path: &str, query: Option<&str>, version: &str) -> String {
    format!(
        "{KEY_ORIGIN}{path}?{}&v={version}",
        query.unwrap_or_default()
    )
}

fn log(what: &str, e: impl std::fmt::Display) {
    console_error!("cache: {what}: {e}");
}

async fn put_version(cache: &Cache, scope: Scope) -> worker::Result<String> {
    let version = random_token();
    let mut resp = Response::ok(version.clone())?;
    resp.headers_mut().set(
        "Cache-Control",
        &format!("public, max-age={VERSION_TTL_SECS}"),
    )?;
    cache.put(scope.version_key(), resp).await?;
    Ok(version)
}

async fn current_version(cache: &Cache, scope: Scope) -> worker::Result<String> {
    match cache.get(scope.version_key(), false).await? {
        Some(mut resp) => resp.text().await,
        None => put_version(cache, scope).await,
    }
}

/// After a write: the next read of these scopes (in this data centre) reads D1 again.
pub async fn invalidate(scopes: &[Scope]) {
    if scopes.is_empty() {
        return;
    }
    let cache = Cache::default();
    for &scope in scopes {
        if let Err(e) = put_version(&cache, scope).await {
            log(&format!("bumping the {} version", scope.name()), e);
        }
    }
}

/// A JSON answer shared by every caller, from the cache or from `compute` (then stored). The
/// caller's copy is governed by `client_cache_control`, as if it had been computed.
pub async fn shared_json<T, F>(
    req: &Request,
    scope: Scope,
    client_cache_control: &str,
    compute: F,
) -> Result<Response, ApiError>
where
    T: Serialize,
    F: Future<Output = Result<T, ApiError>>,
{
    let cache = Cache::default();
    let url = req
        .url()
        .map_err(|e| ApiError::Internal(format!("request url: {e}")))?;
    let key = match current_version(&cache, scope).await {
        Ok(version) => Some(answer_key(url.path(), url.query(), &version)),
        Err(e) => {
            log(&format!("reading the {} version", scope.name()), e);
            None
        }
    };
    if let Some(key) = &key {
        match cache.get(key.as_str(), false).await {
            Ok(Some(mut hit)) => match hit.bytes().await {
                Ok(bytes) => {
                    return answered(
                        http::json_with_etag(req, bytes, client_cache_control)?,
                        "hit",
                    )
                }
                Err(e) => log("reading a cached answer", e),
            },
            Ok(None) => {}
            Err(e) => log("looking up an answer", e),
        }
    }
    let bytes = serde_json::to_vec(&compute.await?)?;
    if let Some(key) = key {
        if let Err(e) = store(&cache, &key, &bytes, scope).await {
            log("storing an answer", e);
        }
    }
    answered(
        http::json_with_etag(req, bytes, client_cache_control)?,
        "miss",
    )
}

/// Says whether the answer came from the cache (the tests and the benchmark read it; it holds no secret).
fn answered(mut resp: Response, how: &str) -> Result<Response, ApiError> {
    http::set_header(&mut resp, CACHE_HEADER, how)?;
    Ok(resp)
}

async fn store(cache: &Cache, key: &str, bytes: &[u8], scope: Scope) -> worker::Result<()> {
    let mut resp = Response::from_bytes(bytes.to_vec())?;
    let headers = resp.headers_mut();
    headers.set("Content-Type", "application/json")?;
    headers.set(
        "Cache-Control",
        &format!("public, max-age={}", scope.ttl_secs()),
    )?;
    cache.put(key, resp).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_keyed_by_path_query_and_version() {
        let a = answer_key(
            "/api/availability",
            Some("resource=desks&from=2026-12-01&to=2026-12-07"),
            "v1",
        );
        let b = answer_key(
            "/api/availability",
            Some("resource=desks&from=2026-12-01&to=2026-12-07"),
            "v2",
        );
        let c = answer_key(
            "/api/availability",
            Some("resource=room&from=2026-12-01&to=2026-12-07"),
            "v1",
        );
        assert_ne!(a, b, "a bumped version must not find the old answer");
        assert_ne!(a, c, "two resources must not share an answer");
        assert!(
            a.starts_with(KEY_ORIGIN),
            "keys never collide with the site's own URLs: {a}"
        );
    }
}
