//! HTTP concerns shared by every route: the caller's language, security headers, caching.

use domain::Lang;
use serde::Serialize;
use sha2::{Digest, Sha256};
use worker::{Request, Response};

use crate::error::{ApiError, Context};

/// The language of a request: `Accept-Language`, French by default.
pub fn request_lang(req: &Request) -> Lang {
    req.headers()
        .get("Accept-Language")
        .ok()
        .flatten()
        .map(|h| Lang::from_accept_language(&h))
        .unwrap_or_default()
}

/// Headers every API response carries. The static assets get theirs from `public/_headers`.
const SECURITY_HEADERS: &[(&str, &str)] = &[
    // The API returns data, never documents: nothing may load or frame from it.
    (
        "Content-Security-Policy",
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), payment=()",
    ),
    (
        "Strict-Transport-Security",
        "max-age=31536000; includeSubDomains",
    ),
];

pub fn with_security_headers(mut resp: Response, lang: Lang) -> Response {
    let headers = resp.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        // Setting a static, valid header cannot fail; if the runtime refuses, we would rather
        // serve the response than fail it.
        let _ = headers.set(name, value);
    }
    let _ = headers.set("Content-Language", lang.code());
    if !headers.has("Cache-Control").unwrap_or(false) {
        let _ = headers.set("Cache-Control", "no-store");
    }
    resp
}

/// A JSON response that shared caches may keep, with a strong ETag; `304` when the caller has it.
pub fn cacheable_json<T: Serialize>(
    req: &Request,
    body: &T,
    cache_control: &str,
) -> Result<Response, ApiError> {
    json_with_etag(req, serde_json::to_vec(body)?, cache_control)
}

/// JSON bytes as a response with a strong ETag (from the bytes); `304` when the caller has it.
pub fn json_with_etag(
    req: &Request,
    bytes: Vec<u8>,
    cache_control: &str,
) -> Result<Response, ApiError> {
    let digest = Sha256::digest(&bytes);
    let etag = format!(
        "\"{}\"",
        digest
            .iter()
            .take(12)
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    let matches = req
        .headers()
        .get("If-None-Match")
        .ok()
        .flatten()
        .is_some_and(|h| {
            h.split(',')
                .any(|t| t.trim().trim_start_matches("W/") == etag)
        });
    let mut resp = if matches {
        empty(304)?
    } else {
        let mut r = Response::from_bytes(bytes).context("writing the answer")?;
        set_header(&mut r, "Content-Type", "application/json")?;
        r
    };
    set_header(&mut resp, "ETag", &etag)?;
    set_header(&mut resp, "Cache-Control", cache_control)?;
    Ok(resp)
}

/// A JSON answer with this status.
pub fn json<T: Serialize>(body: &T, status: u16) -> Result<Response, ApiError> {
    Ok(Response::from_json(body)
        .context("writing the answer")?
        .with_status(status))
}

/// An answer without a body (`204`, `202`, `304`).
pub fn empty(status: u16) -> Result<Response, ApiError> {
    Ok(Response::empty()
        .context("writing the answer")?
        .with_status(status))
}

/// Set a header of an answer.
pub fn set_header(resp: &mut Response, name: &str, value: &str) -> Result<(), ApiError> {
    resp.headers_mut()
        .set(name, value)
        .context(&format!("setting the {name} header"))
}
