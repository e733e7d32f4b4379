//! The route table: the one list of what the API serves. The dispatcher matches requests against
//! it and the OpenAPI document is generated from it, so the two cannot drift apart.

use std::future::Future;
use std::pin::Pin;

use chrono::{DateTime, Utc};
use domain::Lang;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use worker::{Env, Method, Request, Response};

use crate::error::ApiError;

pub mod health;
pub mod openapi;
pub mod site;

/// What a handler gets: the request, the bindings, and what the edge already worked out.
pub struct Ctx {
    pub req: Request,
    pub env: Env,
    pub lang: Lang,
    pub now: DateTime<Utc>,
    /// Values of the `{name}` segments of the route's path.
    pub params: Vec<(&'static str, String)>,
}

impl Ctx {
    pub fn db(&self) -> Result<worker::D1Database, ApiError> {
        self.env.d1("DB").map_err(|e| ApiError::Internal(format!("D1 binding: {e}")))
    }

    #[expect(dead_code, reason = "used by the routes with path parameters that later features add")]
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }
}

pub type HandlerFuture = Pin<Box<dyn Future<Output = Result<Response, ApiError>>>>;
pub type Handler = fn(Ctx) -> HandlerFuture;
pub type SchemaFn = fn(&mut SchemaGenerator) -> Schema;

/// One route: what it answers, how it is documented.
pub struct Route {
    pub method: Method,
    /// Path with `{name}` segments for parameters.
    pub path: &'static str,
    pub operation_id: &'static str,
    pub summary: &'static str,
    pub tag: &'static str,
    /// Query parameters: name, description, required.
    pub query: &'static [(&'static str, &'static str, bool)],
    pub request: Option<SchemaFn>,
    /// The success status and its body's schema (`None` for an empty body).
    pub success: (u16, Option<SchemaFn>),
    pub handler: Handler,
}

/// The JSON Schema of a wire type, for the route table.
pub fn schema<T: JsonSchema>(g: &mut SchemaGenerator) -> Schema {
    g.subschema_for::<T>()
}

macro_rules! handler {
    ($f:path) => {
        |ctx: Ctx| -> HandlerFuture { Box::pin($f(ctx)) }
    };
}

/// Every route of the API.
pub fn routes() -> Vec<Route> {
    vec![
        Route {
            method: Method::Get,
            path: "/api/health",
            operation_id: "health",
            summary: "Liveness and database check, with the version and the time in Paris.",
            tag: "system",
            query: &[],
            request: None,
            success: (200, Some(schema::<domain::wire::Health>)),
            handler: handler!(health::get),
        },
        Route {
            method: Method::Get,
            path: "/api/site",
            operation_id: "site",
            summary: "Everything the public pages show, in one cacheable response (ETag, Cache-Control).",
            tag: "public",
            query: &[],
            request: None,
            success: (200, Some(schema::<domain::wire::SiteContent>)),
            handler: handler!(site::get),
        },
        Route {
            method: Method::Get,
            path: "/api/openapi.json",
            operation_id: "openapi",
            summary: "This document: the OpenAPI 3.1 description of every route, generated from the route table.",
            tag: "system",
            query: &[],
            request: None,
            success: (200, None),
            handler: handler!(openapi::get),
        },
    ]
}

/// Does a route's path match a request's path? Returns the parameters if so.
pub fn match_path(pattern: &'static str, path: &str) -> Option<Vec<(&'static str, String)>> {
    let mut params = Vec::new();
    let mut pat = pattern.trim_end_matches('/').split('/');
    let mut got = path.trim_end_matches('/').split('/');
    loop {
        match (pat.next(), got.next()) {
            (None, None) => return Some(params),
            (Some(p), Some(g)) if p.starts_with('{') && p.ends_with('}') && !g.is_empty() => {
                params.push((p.trim_start_matches('{').trim_end_matches('}'), g.to_string()));
            }
            (Some(p), Some(g)) if p == g => {}
            _ => return None,
        }
    }
}

/// Find the route for a request and run it.
pub async fn dispatch(req: Request, env: Env, lang: Lang, now: DateTime<Utc>) -> Result<Response, ApiError> {
    let path = req.path();
    let method = req.method();
    let mut path_matched = false;
    for route in routes() {
        let Some(params) = match_path(route.path, &path) else { continue };
        path_matched = true;
        // HEAD is answered by the GET handler; the runtime drops the body.
        if route.method == method || (method == Method::Head && route.method == Method::Get) {
            return (route.handler)(Ctx { req, env, lang, now, params }).await;
        }
    }
    Err(if path_matched { ApiError::MethodNotAllowed } else { ApiError::RouteNotFound })
}
