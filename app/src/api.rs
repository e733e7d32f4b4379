//! One typed function per endpoint, over one generic fetch that aborts when its view goes away.

use domain::wire::{ApiErrorBody, SiteContent};
use domain::Lang;
use gloo_net::http::Request;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;

/// Why a call failed, in a form the views can show.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiFailure {
    /// The server answered with the API's error body.
    Api { status: u16, body: ApiErrorBody },
    /// No answer (offline, aborted) or an unreadable one.
    Network(String),
}

async fn get_json<T: DeserializeOwned>(path: &str, lang: Lang) -> Result<T, ApiFailure> {
    let controller = SendWrapper::new(web_sys::AbortController::new().ok());
    let signal = controller.as_ref().map(|c| c.signal());
    on_cleanup(move || {
        if let Some(c) = controller.take() {
            c.abort();
        }
    });
    let resp = Request::get(path)
        .header("Accept", "application/json")
        .header("Accept-Language", lang.code())
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| ApiFailure::Network(e.to_string()))?;
    if resp.ok() {
        resp.json::<T>().await.map_err(|e| ApiFailure::Network(e.to_string()))
    } else {
        let status = resp.status();
        match resp.json::<ApiErrorBody>().await {
            Ok(body) => Err(ApiFailure::Api { status, body }),
            Err(e) => Err(ApiFailure::Network(format!("HTTP {status}: {e}"))),
        }
    }
}

/// `GET /api/site`
pub async fn site(lang: Lang) -> Result<SiteContent, ApiFailure> {
    get_json("/api/site", lang).await
}
