//! The route table: the one list of what the API serves. The dispatcher matches requests against
//! it and the OpenAPI document is generated from it, so the two cannot drift apart.

use std::future::Future;
use std::pin::Pin;

use chrono::{DateTime, Utc};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use worker::{Env, Method, Request, Response};

use crate::auth::{self, Access, Caller};
use crate::cache::{self, Scope};
use crate::error::ApiError;

pub mod accounts;
pub mod bookings;
pub mod consultations;
pub mod events;
pub mod health;
pub mod members;
pub mod openapi;
pub mod rentals;
pub mod settings;
pub mod site;
pub mod stats;

/// What a handler gets: the request, the bindings, and what the edge already worked out.
pub struct Ctx {
    pub req: Request,
    pub env: Env,
    pub now: DateTime<Utc>,
    /// Values of the `{name}` segments of the route's path.
    pub params: Vec<(&'static str, String)>,
    /// Who is asking, resolved once from the session cookie.
    pub caller: Caller,
}

impl Ctx {
    pub fn db(&self) -> Result<worker::D1Database, ApiError> {
        self.env
            .d1("DB")
            .map_err(|e| ApiError::Internal(format!("D1 binding: {e}")))
    }

    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A numeric path parameter; anything else is a 404 (no such thing).
    pub fn id_param(&self, name: &str) -> Result<i64, ApiError> {
        self.param(name)
            .and_then(|v| v.parse().ok())
            .ok_or(ApiError::NotFound)
    }

    /// The logged-in member (the dispatcher already refused anonymous callers on member routes).
    pub fn member(&self) -> Result<&auth::Member, ApiError> {
        self.caller.member().ok_or(ApiError::Unauthorized)
    }

    /// The JSON body: `application/json` is required (a cross-site form cannot send it without a
    /// CORS preflight we never grant), and what cannot be read is a 400.
    pub async fn json<T: serde::de::DeserializeOwned>(&mut self) -> Result<T, ApiError> {
        let content_type = self
            .req
            .headers()
            .get("Content-Type")
            .ok()
            .flatten()
            .unwrap_or_default();
        if !content_type
            .trim()
            .to_ascii_lowercase()
            .starts_with("application/json")
        {
            return Err(ApiError::JsonRequired);
        }
        let text = self
            .req
            .text()
            .await
            .map_err(|e| ApiError::BadRequest(e.to_string()))?;
        serde_json::from_str(&text).map_err(|e| ApiError::BadRequest(e.to_string()))
    }

    /// An optional JSON body: none at all reads as the default; a body must be JSON, as above.
    pub async fn json_or_default<T: serde::de::DeserializeOwned + Default>(
        &mut self,
    ) -> Result<T, ApiError> {
        let has_body = self
            .req
            .headers()
            .get("Content-Length")
            .ok()
            .flatten()
            .is_some_and(|n| n.trim() != "0")
            || self
                .req
                .headers()
                .get("Content-Type")
                .ok()
                .flatten()
                .is_some();
        if has_body {
            self.json().await
        } else {
            Ok(T::default())
        }
    }

    /// Query parameters into a typed filter.
    pub fn query<T: serde::de::DeserializeOwned>(&self) -> Result<T, ApiError> {
        self.req
            .query()
            .map_err(|e| ApiError::BadRequest(e.to_string()))
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
    /// Who may call it; checked by the dispatcher before the handler runs.
    pub access: Access,
    /// Query parameters: name, description, required.
    pub query: &'static [(&'static str, &'static str, bool)],
    pub request: Option<SchemaFn>,
    /// The success status and its body's schema (`None` for an empty body).
    pub success: (u16, Option<SchemaFn>),
    /// A second success some calls get instead (a sign-up whose email is already signed up: 202).
    pub also: Option<(u16, SchemaFn)>,
    pub handler: Handler,
    /// A public route that still wants to know who is asking (logout, `/api/me`).
    pub needs_caller: bool,
    /// The cached shared answers a successful call changes (see `crate::cache`).
    pub invalidates: &'static [Scope],
}

impl Route {
    pub fn new(
        method: Method,
        path: &'static str,
        operation_id: &'static str,
        summary: &'static str,
        tag: &'static str,
        access: Access,
        handler: Handler,
    ) -> Route {
        Route {
            method,
            path,
            operation_id,
            summary,
            tag,
            access,
            query: &[],
            request: None,
            success: (200, None),
            also: None,
            handler,
            needs_caller: false,
            invalidates: &[],
        }
    }

    /// The JSON body it takes.
    pub fn body<T: JsonSchema>(mut self) -> Route {
        self.request = Some(schema::<T>);
        self
    }

    /// The success status and the JSON body it returns.
    pub fn returns<T: JsonSchema>(mut self, status: u16) -> Route {
        self.success = (status, Some(schema::<T>));
        self
    }

    /// A second success status and its JSON body.
    pub fn also_returns<T: JsonSchema>(mut self, status: u16) -> Route {
        self.also = Some((status, schema::<T>));
        self
    }

    /// A success with no body (`204`, `202`).
    pub fn no_content(mut self, status: u16) -> Route {
        self.success = (status, None);
        self
    }

    pub fn query(mut self, query: &'static [(&'static str, &'static str, bool)]) -> Route {
        self.query = query;
        self
    }

    /// A public route that still reads the session (logout).
    pub fn with_caller(mut self) -> Route {
        self.needs_caller = true;
        self
    }

    /// The cached shared answers its success changes: bumped by the dispatcher after a 2xx.
    pub fn invalidates(mut self, scopes: &'static [Scope]) -> Route {
        self.invalidates = scopes;
        self
    }
}

/// The JSON Schema of a wire type, for the route table.
pub fn schema<T: JsonSchema>(g: &mut SchemaGenerator) -> Schema {
    g.subschema_for::<T>()
}

#[macro_export]
macro_rules! handler {
    ($f:path) => {
        |ctx: $crate::routes::Ctx| -> $crate::routes::HandlerFuture { Box::pin($f(ctx)) }
    };
}
pub(crate) use handler;

/// Every route of the API.
pub fn routes() -> Vec<Route> {
    vec![
        Route {
            method: Method::Get,
            path: "/api/health",
            operation_id: "health",
            summary: "Liveness and database check, with the version and the time in Paris.",
            tag: "system",
            access: Access::Public,
            query: &[],
            request: None,
            success: (200, Some(schema::<domain::wire::Health>)),
            also: None,
            handler: handler!(health::get),
            needs_caller: false,
            invalidates: &[],
        },
        Route {
            method: Method::Get,
            path: "/api/site",
            operation_id: "site",
            summary: "Everything the public pages show, in one cacheable response (ETag, Cache-Control).",
            tag: "public",
            access: Access::Public,
            query: &[],
            request: None,
            success: (200, Some(schema::<domain::wire::SiteContent>)),
            also: None,
            handler: handler!(site::get),
            needs_caller: false,
            invalidates: &[],
        },
        Route {
            method: Method::Get,
            path: "/api/openapi.json",
            operation_id: "openapi",
            summary: "This document: the OpenAPI 3.1 description of every route, generated from the route table.",
            tag: "system",
            access: Access::Public,
            query: &[],
            request: None,
            success: (200, None),
            also: None,
            handler: handler!(openapi::get),
            needs_caller: false,
            invalidates: &[],
        },
    ]
    .into_iter()
    .chain(accounts::routes())
    .chain(members::routes())
    .chain(bookings::routes())
    .chain(consultations::routes())
    .chain(events::routes())
    .chain(rentals::routes())
    .chain(settings::routes())
    .chain(stats::routes())
    .collect()
}

/// Does a route's path match a request's path? Returns the parameters if so.
pub fn match_path(pattern: &'static str, path: &str) -> Option<Vec<(&'static str, String)>> {
    let mut params = Vec::new();
    let mut pat = pattern.trim_end_matches('/').split('/');
    let mut got = path.trim_end_matches('/').split('/');
    loop {
        match (pat.next(), got.next()) {
            (None, None) => return Some(params),
            // `{name}` takes the whole segment, `{name}.csv` what comes before the suffix.
            (Some(p), Some(g)) if p.starts_with('{') => {
                let (name, suffix) = p[1..].split_once('}')?;
                let value = g.strip_suffix(suffix)?;
                if value.is_empty() {
                    return None;
                }
                params.push((name, value.to_string()));
            }
            (Some(p), Some(g)) if p == g => {}
            _ => return None,
        }
    }
}

/// Find the route for a request and run it.
pub async fn dispatch(req: Request, env: Env, now: DateTime<Utc>) -> Result<Response, ApiError> {
    let path = req.path();
    let method = req.method();
    let mut path_matched = false;
    for route in routes() {
        let Some(params) = match_path(route.path, &path) else {
            continue;
        };
        path_matched = true;
        // HEAD is answered by the GET handler; the runtime drops the body.
        if route.method == method || (method == Method::Head && route.method == Method::Get) {
            if auth::is_unsafe(&method) {
                auth::check_same_origin(&req)?;
            }
            let caller = if route.access == Access::Public && !route.needs_caller {
                Caller::Anonymous
            } else {
                let db = env
                    .d1("DB")
                    .map_err(|e| ApiError::Internal(format!("D1 binding: {e}")))?;
                auth::resolve(&req, &db, now).await?
            };
            caller.authorize(route.access)?;
            let resp = (route.handler)(Ctx {
                req,
                env,
                now,
                params,
                caller,
            })
            .await?;
            if (200..300).contains(&resp.status_code()) {
                cache::invalidate(route.invalidates).await;
            }
            return Ok(resp);
        }
    }
    Err(if path_matched {
        ApiError::MethodNotAllowed
    } else {
        ApiError::RouteNotFound
    })
}
