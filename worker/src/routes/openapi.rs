//! `GET /api/openapi.json`: generated from the route table and the wire types' JSON Schemas.

use schemars::generate::SchemaSettings;
use serde_json::{json, Map, Value};
use worker::Response;

use super::{routes, Ctx};
use crate::error::ApiError;
use crate::http;

pub fn document() -> Value {
    let mut generator = SchemaSettings::openapi3().into_generator();
    let error_schema = generator.subschema_for::<domain::wire::ApiErrorBody>();
    let mut paths = Map::new();
    for route in routes() {
        let mut parameters: Vec<Value> = route
            .path
            .split('/')
            .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.split_once('}')).map(|(name, _)| name))
            .map(|name| json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } }))
            .collect();
        parameters.extend(route.query.iter().map(|(name, description, required)| {
            json!({ "name": name, "in": "query", "required": required, "description": description, "schema": { "type": "string" } })
        }));
        parameters.push(json!({
            "name": "Accept-Language", "in": "header", "required": false,
            "description": "Language of error messages: fr (default) or en.", "schema": { "type": "string" }
        }));
        let (status, body) = route.success;
        let success = match body {
            Some(schema_fn) => json!({
                "description": "Success",
                "content": { "application/json": { "schema": schema_fn(&mut generator) } }
            }),
            None if route.operation_id == "openapi" => json!({
                "description": "This document",
                "content": { "application/json": { "schema": { "type": "object" } } }
            }),
            None => json!({ "description": "Success, no body" }),
        };
        let mut operation = json!({
            "operationId": route.operation_id,
            "summary": route.summary,
            "tags": [route.tag],
            "parameters": parameters,
            "responses": {
                status.to_string(): success,
                "default": {
                    "description": "Error: a machine code, a message in the caller's language and the invalid fields",
                    "content": { "application/json": { "schema": error_schema.clone() } }
                }
            }
        });
        if let Some((status, schema_fn)) = route.also {
            operation["responses"][status.to_string()] = json!({
                "description": "Success",
                "content": { "application/json": { "schema": schema_fn(&mut generator) } }
            });
        }
        if route.access != crate::auth::Access::Public {
            operation["security"] = json!([{ "session": [] }]);
            operation["description"] = json!(format!(
                "Requires {}: 401 without a session, 403 for a lower role.",
                route.access.describe()
            ));
        }
        if !route.limits.is_empty() {
            // Each limit in words: what is counted, how many, what the caller gets past it.
            operation["x-limits"] = json!(route
                .limits
                .iter()
                .map(super::Limit::describe)
                .collect::<Vec<_>>());
        }
        if let Some(of) = route.decided_in {
            // Where its decision is made: the event's one writer (its Durable Object).
            operation["x-decided-in"] = json!(match of {
                super::EventOf::Path(p) => format!("the Durable Object of event {{{p}}}"),
                super::EventOf::Registration(p) => {
                    format!("the Durable Object of the event of sign-up {{{p}}}")
                }
                super::EventOf::Token(p) => {
                    format!("the Durable Object of the event of the sign-up whose link is {{{p}}}")
                }
            });
        }
        if let Some(schema_fn) = route.request {
            operation["requestBody"] = json!({ "required": true, "content": { "application/json": { "schema": schema_fn(&mut generator) } } });
        }
        let method: &str = route.method.as_ref();
        let entry = paths
            .entry(route.path.to_string())
            .or_insert_with(|| json!({}));
        entry[method.to_ascii_lowercase()] = operation;
    }
    let schemas: Map<String, Value> = generator.take_definitions(true).into_iter().collect();
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Silicon Kerne portal API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The API of the member portal of Silicon Kerne, the cantine numérique of Quimper."
        },
        "servers": [{ "url": "/" }],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "session": { "type": "apiKey", "in": "cookie", "name": crate::auth::SESSION_COOKIE,
                             "description": "Set by login; HttpOnly, Secure, SameSite=Lax. State-changing requests must come from this origin." }
            }
        }
    })
}

pub async fn get(ctx: Ctx) -> Result<Response, ApiError> {
    http::cacheable_json(&ctx.req, &document(), "public, max-age=300")
}
