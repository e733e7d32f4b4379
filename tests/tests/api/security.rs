use anyhow::{ensure, Context, Result};
use kerne_tests::ensure_each;

use crate::support::header;
use crate::Api;

pub async fn api_responses_carry_security_headers(api: &'static Api) -> Result<()> {
    for path in ["/api/health", "/api/site", "/api/nope"] {
        let resp = api.http.get(api.url(path)).send().await?;
        ensure!(
            header(&resp, "x-content-type-options")? == "nosniff",
            "{path}: nosniff"
        );
        ensure!(
            header(&resp, "content-security-policy")?.contains("frame-ancestors 'none'"),
            "{path}: frame-ancestors"
        );
        ensure!(
            header(&resp, "referrer-policy")? == "same-origin",
            "{path}: referrer policy"
        );
        ensure!(
            header(&resp, "x-frame-options")? == "DENY",
            "{path}: X-Frame-Options"
        );
    }
    Ok(())
}

pub async fn pages_carry_a_strict_content_security_policy(api: &'static Api) -> Result<()> {
    for path in ["/", "/clubs", "/adherer"] {
        let resp = api.http.get(api.url(path)).send().await?;
        let csp = header(&resp, "content-security-policy")?;
        let script_src = csp
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src"))
            .context("no script-src")?;
        ensure_each!(
            [
                !script_src.contains("unsafe-inline"),
                !script_src.contains("'unsafe-eval'")
            ],
            "{path}: {script_src}"
        );
        ensure!(
            script_src.contains("'wasm-unsafe-eval'"),
            "{path}: the wasm app needs 'wasm-unsafe-eval': {script_src}"
        );
        ensure!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        ensure!(header(&resp, "x-content-type-options")? == "nosniff");
        ensure!(header(&resp, "referrer-policy")? == "same-origin");
        let html = resp.text().await?;
        ensure_each!(
            [
                !html.contains("<script>"),
                !html.contains("<script type=\"module\">")
            ],
            "{path} has an inline script"
        );
    }
    Ok(())
}

pub async fn hashed_assets_are_immutable_and_index_is_revalidated(api: &'static Api) -> Result<()> {
    let index = api.http.get(api.url("/")).send().await?;
    let cache = header(&index, "cache-control")?;
    ensure!(
        !cache.contains("immutable"),
        "index.html must be revalidated, not {cache}"
    );
    let html = index.text().await?;
    // Both scripts come from the build's hashed folder `/pkg/<hash>/`.
    let scripts: Vec<&str> = html
        .split(" src=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    ensure!(
        scripts.len() == 2,
        "index.html should load first.js and boot.js, it names {scripts:?}"
    );
    for asset in scripts {
        let hashed = asset
            .strip_prefix("/pkg/")
            .and_then(|rest| rest.split_once('/'))
            .is_some_and(|(hash, _)| hash.len() == 12);
        ensure!(hashed, "script {asset} is not in a hashed folder");
        let resp = api.http.get(api.url(asset)).send().await?;
        ensure!(resp.status() == 200, "{asset} answered {}", resp.status());
        ensure!(
            header(&resp, "cache-control")?.contains("immutable"),
            "hashed assets should be immutable: {asset}"
        );
    }
    Ok(())
}
