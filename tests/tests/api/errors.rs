use anyhow::{ensure, Result};
use domain::wire::{ApiErrorBody, ErrorCode};
use kerne_tests::ensure_each;

use kerne_tests::api_client::decode;

use crate::Api;

pub async fn unknown_api_route_is_a_json_404_in_french_by_default(api: &'static Api) -> Result<()> {
    let resp = api.http.get(api.url("/api/does-not-exist")).send().await?;
    ensure!(resp.status() == 404, "status {}", resp.status());
    let ct = resp.headers()["content-type"].to_str()?.to_string();
    ensure!(ct.starts_with("application/json"), "content-type {ct}");
    let body: ApiErrorBody = decode(&resp.text().await?, "/api/does-not-exist")?;
    ensure!(body.code == ErrorCode::NotFound, "code {:?}", body.code);
    ensure!(
        body.message.contains("Aucune route"),
        "message not in French: {}",
        body.message
    );
    ensure!(body.fields.is_empty());
    Ok(())
}

pub async fn error_messages_follow_accept_language(api: &'static Api) -> Result<()> {
    let resp = api
        .http
        .get(api.url("/api/nope"))
        .header("Accept-Language", "en-GB,en;q=0.9,fr;q=0.5")
        .send()
        .await?;
    ensure!(resp.headers()["content-language"] == "en");
    let body: ApiErrorBody = decode(&resp.text().await?, "/api/nope")?;
    ensure!(
        body.message == "No API route matches this address.",
        "English message: {}",
        body.message
    );
    let raw: serde_json::Value = api
        .http
        .get(api.url("/api/nope"))
        .send()
        .await?
        .json()
        .await?;
    ensure_each!(
        [
            raw["fields"].is_object(),
            raw["code"] == "not_found",
            raw["message"].is_string()
        ],
        "error body shape: {raw}"
    );
    Ok(())
}

pub async fn wrong_method_is_a_json_405(api: &'static Api) -> Result<()> {
    let resp = api
        .http
        .delete(api.url("/api/site"))
        .header("Origin", api.app.base_url.clone())
        .send()
        .await?;
    ensure!(
        resp.status() == 405,
        "DELETE /api/site answered {}",
        resp.status()
    );
    let body: ApiErrorBody = decode(&resp.text().await?, "DELETE /api/site")?;
    ensure!(
        body.code == ErrorCode::MethodNotAllowed,
        "code {:?}",
        body.code
    );
    Ok(())
}

pub async fn deep_links_get_the_app_but_api_paths_never_do(api: &'static Api) -> Result<()> {
    for path in ["/", "/clubs", "/e-education", "/une/page/inconnue"] {
        let resp = api.http.get(api.url(path)).send().await?;
        ensure!(resp.status() == 200, "{path} answered {}", resp.status());
        let ct = resp.headers()["content-type"].to_str()?.to_string();
        ensure!(ct.starts_with("text/html"), "{path} is {ct}, not the app");
        let html = resp.text().await?;
        ensure!(
            html.contains("/boot.js\""),
            "{path} is not the app's index.html"
        );
    }
    let resp = api.http.get(api.url("/api/clubs/inconnu")).send().await?;
    ensure_each!(
        [
            resp.status() == 404,
            resp.headers()["content-type"]
                .to_str()?
                .starts_with("application/json")
        ],
        "an /api path must never fall back to the app"
    );
    Ok(())
}
