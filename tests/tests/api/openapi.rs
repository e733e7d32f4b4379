use anyhow::{ensure, Context, Result};
use kerne_tests::ensure_each;
use serde_json::Value;

use crate::Api;

async fn document(api: &Api) -> Result<Value> {
    let resp = api.http.get(api.url("/api/openapi.json")).send().await?;
    ensure!(
        resp.status() == 200,
        "openapi.json answered {}",
        resp.status()
    );
    Ok(resp.json().await?)
}

/// The routes this API serves, as a client would call them.
const EXPECTED: &[(&str, &str)] = &[
    ("get", "/api/health"),
    ("get", "/api/site"),
    ("get", "/api/openapi.json"),
    ("post", "/api/applications"),
    ("post", "/api/auth/login"),
    ("post", "/api/auth/logout"),
    ("post", "/api/auth/invitation"),
    ("post", "/api/auth/password-reset"),
    ("post", "/api/auth/password-reset/confirm"),
    ("get", "/api/me"),
    ("put", "/api/me/profile"),
    ("put", "/api/me/clubs/{slug}"),
    ("delete", "/api/me/clubs/{slug}"),
    ("get", "/api/me/export"),
    ("delete", "/api/me"),
    ("get", "/api/directory"),
    ("get", "/api/directory/{id}"),
    ("get", "/api/staff/applications"),
    ("post", "/api/staff/applications/{id}/approve"),
    ("post", "/api/staff/applications/{id}/decline"),
    ("get", "/api/staff/members"),
    ("get", "/api/staff/members/{id}"),
    ("post", "/api/staff/members/{id}/payments"),
    ("post", "/api/staff/members/{id}/deactivate"),
    ("put", "/api/staff/members/{id}/role"),
    ("get", "/api/staff/outbox"),
    ("get", "/api/staff/audit"),
    ("get", "/api/resources"),
    ("get", "/api/availability"),
    ("post", "/api/bookings"),
    ("get", "/api/bookings"),
    ("delete", "/api/bookings/{id}"),
    ("get", "/api/bookings/{id}/ics"),
    ("post", "/api/me/calendar-feed"),
    ("get", "/api/calendar/{token}"),
    ("get", "/api/staff/day"),
    ("post", "/api/staff/bookings/{id}/check-in"),
    ("post", "/api/staff/bookings/{id}/no-show"),
    ("post", "/api/staff/bookings/{id}/cancel"),
    ("post", "/api/staff/blocks"),
    ("get", "/api/staff/occupancy"),
    ("post", "/api/rentals"),
    ("get", "/api/rentals/{token}"),
    ("post", "/api/rentals/{token}/cancel"),
    ("get", "/api/staff/rentals"),
    ("post", "/api/staff/rentals/{id}/approve"),
    ("post", "/api/staff/rentals/{id}/decline"),
    ("get", "/api/staff/settings"),
    ("put", "/api/staff/settings/{key}"),
    ("get", "/api/staff/closures"),
    ("post", "/api/staff/closures"),
    ("delete", "/api/staff/closures/{date}"),
];

pub async fn documents_every_served_route(api: &'static Api) -> Result<()> {
    let doc = document(api).await?;
    ensure!(
        doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")),
        "not an OpenAPI 3 document"
    );
    let paths = doc["paths"].as_object().context("no paths")?;
    for (method, path) in EXPECTED {
        ensure!(
            paths.get(*path).and_then(|p| p.get(*method)).is_some(),
            "{method} {path} is served but not documented"
        );
    }
    // Everything documented is served: no documented GET without parameters answers "no such route".
    for (path, ops) in paths {
        for (method, op) in ops.as_object().context("path item")? {
            ensure_each!(
                [op["operationId"].is_string(), op["responses"].is_object()],
                "{method} {path} lacks operationId/responses"
            );
            if method == "get" && !path.contains('{') {
                let resp = api.http.get(api.url(path)).send().await?;
                let body: serde_json::Value = resp.json().await.unwrap_or_default();
                ensure_each!(
                    [
                        body["code"] != "not_found",
                        body["code"] != "method_not_allowed"
                    ],
                    "documented {method} {path} answered {body}"
                );
            }
        }
    }
    Ok(())
}

pub async fn describes_the_error_body_and_wire_types(api: &'static Api) -> Result<()> {
    let doc = document(api).await?;
    let schemas = doc["components"]["schemas"]
        .as_object()
        .context("no component schemas")?;
    for name in ["ApiErrorBody", "SiteContent", "Health", "Club", "Partner"] {
        ensure!(
            schemas.contains_key(name),
            "schema {name} missing; have {:?}",
            schemas.keys().collect::<Vec<_>>()
        );
    }
    let error_props = &schemas["ApiErrorBody"]["properties"];
    for field in ["code", "message", "fields"] {
        ensure!(
            error_props.get(field).is_some(),
            "ApiErrorBody lacks {field}"
        );
    }
    let site_response = &doc["paths"]["/api/site"]["get"]["responses"]["200"]["content"]
        ["application/json"]["schema"]["$ref"];
    ensure!(
        site_response == "#/components/schemas/SiteContent",
        "/api/site's schema: {site_response}"
    );
    Ok(())
}
