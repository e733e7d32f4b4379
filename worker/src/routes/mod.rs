//! The route table: the one list of what the API serves. The dispatcher matches requests against
//! it and the OpenAPI document is generated from it, so the two cannot drift apart.

use std::any::TypeId;
use std::future::Future;
use std::pin::Pin;

use chrono::{DateTime, Utc};
use domain::endpoints::{self, Endpoint, File};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use worker::{Env, Method, Request, Response};

use crate::auth::{self, Access, Caller};
use crate::cache::{self, Scope};
use crate::error::ApiError;

pub mod accounts;
pub mod assemblies;
pub mod bookings;
pub mod consultations;
pub mod events;
pub mod health;
pub mod members;
pub mod openapi;
pub mod rentals;
pub mod seats;
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
    /// The client's address (`CF-Connecting-IP`), read once: what per-client limits and the
    /// sign-ups held by one client count.
    pub client: String,
    /// The route's name and the limits it declares (the handler counts the targets it knows).
    pub operation_id: &'static str,
    pub limits: &'static [Limit],
    /// Where the event's seats are decided: its object's writer when the request runs there.
    pub seats: crate::service::events::writer::Seats,
    /// The per-client counts not taken yet: the handler's first per-target check takes them in
    /// its own round trip; the dispatcher takes what is left when the handler returns.
    unpaid: Unpaid,
}

/// The values of a route's `{name}` path segments.
type Params = Vec<(&'static str, String)>;

/// Per-client counts the dispatcher left to the handler's first per-target check.
type Unpaid = std::rc::Rc<std::cell::RefCell<Vec<(Tally, Limit)>>>;

/// The largest JSON body any route reads (a library resource of 20,000 characters in both
/// languages, with room to spare): a longer one is refused with 413 before it is read.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// Whose calls a limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    /// The client address (`CF-Connecting-IP`): counted by the dispatcher on every call, failures
    /// included, so that a stranger's attempts throttle the stranger.
    Client,
    /// The mailbox an email goes to (`a+x@host` and `a@host` are one): counted by the handler on
    /// what it sends, so nobody can flood an inbox and nobody's typos lock another person out.
    Mailbox,
    /// One client at one event: how many live sign-ups it holds (a family is one sign-up).
    ClientAtEvent,
    /// One private link: what its holder can make the portal send to someone else.
    Link,
}

impl Per {
    pub fn code(self) -> &'static str {
        match self {
            Per::Client => "client",
            Per::Mailbox => "mailbox",
            Per::ClientAtEvent => "client_at_event",
            Per::Link => "link",
        }
    }
}

/// Over what a limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// Calls within the last this many seconds.
    Secs(i64),
    /// Things held at once (live sign-ups), checked by the aggregate that holds them.
    Live,
}

/// What the caller gets past the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Over {
    /// 429 with `Retry-After`.
    Refuse,
    /// The usual answer, and nothing sent (a reset asked again: whoever asks learns nothing).
    Quiet,
}

/// A limit a route declares: at most `max` per `per` over `span`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub per: Per,
    pub max: u32,
    pub span: Span,
    pub over: Over,
}

pub const MINUTE: i64 = 60;
pub const HOUR: i64 = 3600;
pub const DAY: i64 = 86_400;

impl Limit {
    pub const fn refuse(per: Per, max: u32, secs: i64) -> Limit {
        Limit {
            per,
            max,
            span: Span::Secs(secs),
            over: Over::Refuse,
        }
    }

    pub const fn quiet(per: Per, max: u32, secs: i64) -> Limit {
        Limit {
            per,
            max,
            span: Span::Secs(secs),
            over: Over::Quiet,
        }
    }

    pub const fn live(per: Per, max: u32) -> Limit {
        Limit {
            per,
            max,
            span: Span::Live,
            over: Over::Refuse,
        }
    }

    /// In words, for the OpenAPI document and the README.
    pub fn describe(&self) -> String {
        let per = match self.per {
            Per::Client => "client address",
            Per::Mailbox => "mailbox",
            Per::ClientAtEvent => "client address and event",
            Per::Link => "private link",
        };
        let span = match self.span {
            Span::Secs(s) if s % DAY == 0 => format!("per {} day(s)", s / DAY),
            Span::Secs(s) if s % HOUR == 0 => format!("per {} hour(s)", s / HOUR),
            Span::Secs(s) => format!("per {} minute(s)", s / MINUTE),
            Span::Live => "held at once".into(),
        };
        let over = match self.over {
            Over::Refuse => "then 429",
            Over::Quiet => "then the same answer and nothing sent",
        };
        format!("{} per {per} {span}, {over}", self.max)
    }
}

/// One call to count against a target's limit, written in the batch of what it did.
#[derive(Debug, Clone)]
pub struct Tally {
    kind: String,
    key: String,
}

impl Tally {
    fn new(operation_id: &str, per: Per, key: &str) -> Tally {
        Tally {
            kind: format!("{operation_id}:{}", per.code()),
            key: crate::secrets::token_hash(key),
        }
    }

    /// What `limit` counts of it (a limit over a span; a live one counts nothing here).
    fn counted(&self, limit: &Limit) -> crate::repo::limits::Counted<'_> {
        let secs = match limit.span {
            Span::Secs(secs) => secs,
            Span::Live => 0,
        };
        crate::repo::limits::Counted {
            kind: &self.kind,
            key: &self.key,
            max: limit.max,
            window: chrono::Duration::seconds(secs),
        }
    }

    /// The statement that counts it.
    pub fn record(
        &self,
        db: &worker::D1Database,
        now: DateTime<Utc>,
    ) -> crate::repo::DbResult<worker::D1PreparedStatement> {
        crate::repo::limits::record(db, &self.kind, &self.key, now)
    }
}

impl Ctx {
    pub fn db(&self) -> Result<worker::D1Database, ApiError> {
        crate::config::db(&self.env)
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

    /// The site's configuration (its address for links in emails).
    pub fn site(&self) -> Result<crate::config::Site, ApiError> {
        crate::config::Site::from_env(&self.env)
    }

    /// Check the route's declared limit per `per` for `key` (the mailbox, the link's token…):
    /// 429 past a refusing limit, `None` past a quiet one (answer as usual, send nothing), and
    /// otherwise the [`Tally`] to write in the batch that does the thing — only what was done
    /// counts, so nobody's typos use up a mailbox's allowance. The numbers live in the route
    /// table; a handler checking a limit its route does not declare is a bug (500).
    pub async fn check(&self, per: Per, key: &str) -> Result<Option<Tally>, ApiError> {
        let limit = self
            .limits
            .iter()
            .find(|l| l.per == per && matches!(l.span, Span::Secs(_)))
            .ok_or_else(|| {
                ApiError::Internal(format!(
                    "{} checks a {} limit it does not declare",
                    self.operation_id,
                    per.code()
                ))
            })?;
        let tally = Tally::new(self.operation_id, per, key);
        let unpaid = std::mem::take(&mut *self.unpaid.borrow_mut());
        let takes: Vec<_> = unpaid.iter().map(|(t, l)| t.counted(l)).collect();
        let (refused, over) = crate::repo::limits::take_then_over(
            &self.db()?,
            &takes,
            Some(&tally.counted(limit)),
            self.now,
        )
        .await?;
        if let Some(retry_after_secs) = refused {
            return Err(ApiError::RateLimited { retry_after_secs });
        }
        match (over, limit.over) {
            (None, _) => Ok(Some(tally)),
            (Some(retry_after_secs), Over::Refuse) => {
                Err(ApiError::RateLimited { retry_after_secs })
            }
            (Some(_), Over::Quiet) => Ok(None),
        }
    }

    /// The count for a refusing limit per `per` (429 past it): the [`Tally`] to write with what
    /// is done.
    pub async fn tally(&self, per: Per, key: &str) -> Result<Tally, ApiError> {
        self.check(per, key).await?.ok_or_else(|| {
            ApiError::Internal(format!(
                "{} declares a quiet {} limit where it refuses",
                self.operation_id,
                per.code()
            ))
        })
    }

    /// The declared limit of things held at once per `per` (checked by the aggregate).
    pub fn live_limit(&self, per: Per) -> Result<u32, ApiError> {
        self.limits
            .iter()
            .find(|l| l.per == per && l.span == Span::Live)
            .map(|l| l.max)
            .ok_or_else(|| {
                ApiError::Internal(format!(
                    "{} holds a {} limit it does not declare",
                    self.operation_id,
                    per.code()
                ))
            })
    }

    /// The JSON body: `application/json` is required (a cross-site form cannot send it without a
    /// CORS preflight we never grant), over [`MAX_BODY_BYTES`] is a 413 (said by `Content-Length`
    /// before anything is read, and checked again on what came), invalid UTF-8 and what cannot be
    /// read are a 400.
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
        let declared = self
            .req
            .headers()
            .get("Content-Length")
            .ok()
            .flatten()
            .and_then(|n| n.trim().parse::<usize>().ok());
        if declared.is_some_and(|n| n > MAX_BODY_BYTES) {
            return Err(ApiError::TooLarge);
        }
        let bytes = self
            .req
            .bytes()
            .await
            .map_err(|e| ApiError::BadRequest(e.to_string()))?;
        if bytes.len() > MAX_BODY_BYTES {
            return Err(ApiError::TooLarge);
        }
        let text = String::from_utf8(bytes).map_err(|_| ApiError::NotUtf8)?;
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
    /// Its limits: per client (counted here, by the dispatcher) and per target (counted by the
    /// handler with `Ctx::count`, or held by the aggregate). Every public route that sends an
    /// email or creates something declares both kinds (a test over this table says so).
    pub limits: &'static [Limit],
    /// Does a successful call queue an email someone is waiting for? Then it leaves at once.
    pub sends_email: bool,
    /// A command on an event's seats: it runs in that event's Durable Object, found from this
    /// (see `routes::seats`).
    pub decided_in: Option<EventOf>,
}

/// How a route names the event whose seats it changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventOf {
    /// The event's id is this path parameter.
    Path(&'static str),
    /// This path parameter is a sign-up's id.
    Registration(&'static str),
    /// This path parameter is a sign-up's private link.
    Token(&'static str),
}

impl Route {
    /// A route serving `endpoint` (its method, path, name, body and answer are described there,
    /// once for the worker and the app): an answer with a body is a 200, an empty one a 204, each
    /// changed with [`Route::status`].
    pub fn new<B: JsonSchema + 'static, A: JsonSchema + 'static>(
        endpoint: Endpoint<B, A>,
        summary: &'static str,
        tag: &'static str,
        access: Access,
        handler: Handler,
    ) -> Route {
        let answer = described::<A>();
        let empty = TypeId::of::<A>() == TypeId::of::<()>();
        Route {
            method: match endpoint.method {
                endpoints::Method::Get => Method::Get,
                endpoints::Method::Post => Method::Post,
                endpoints::Method::Put => Method::Put,
                endpoints::Method::Patch => Method::Patch,
                endpoints::Method::Delete => Method::Delete,
            },
            path: endpoint.path,
            operation_id: endpoint.name,
            summary,
            tag,
            access,
            query: &[],
            request: described::<B>(),
            success: (if empty { 204 } else { 200 }, answer),
            also: None,
            handler,
            needs_caller: false,
            invalidates: &[],
            limits: &[],
            sends_email: false,
            decided_in: None,
        }
    }

    /// A command on an event's seats, decided in the event's object.
    pub fn decided_in(mut self, event: EventOf) -> Route {
        self.decided_in = Some(event);
        self
    }

    /// Its limits (see [`Limit`]).
    pub fn limits(mut self, limits: &'static [Limit]) -> Route {
        self.limits = limits;
        self
    }

    /// A successful call queues an email a person waits for: it is sent before the answer.
    pub fn sends_email(mut self) -> Route {
        self.sends_email = true;
        self
    }

    /// The success status, when not the usual one (201 for what it creates, 202 for what it only
    /// queues).
    pub fn status(mut self, status: u16) -> Route {
        self.success.0 = status;
        self
    }

    /// A second success status and its JSON body.
    pub fn also_returns<T: JsonSchema>(mut self, status: u16) -> Route {
        self.also = Some((status, schema::<T>));
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

/// The schema of a body or an answer: none for `()` (no body) and for a [`File`] (not JSON the
/// app reads: a calendar, a spreadsheet, a document).
fn described<T: JsonSchema + 'static>() -> Option<SchemaFn> {
    let none = [TypeId::of::<()>(), TypeId::of::<File>()];
    (!none.contains(&TypeId::of::<T>())).then_some(schema::<T>)
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
        Route::new(
            endpoints::HEALTH,
            "Liveness and database check, with the version and the time in Paris.",
            "system",
            Access::Public,
            handler!(health::get),
        ),
        Route::new(
            endpoints::SITE,
            "Everything the public pages show, in one cacheable response (ETag, Cache-Control).",
            "public",
            Access::Public,
            handler!(site::get),
        ),
        Route::new(
            endpoints::OPENAPI,
            "This document: the OpenAPI 3.1 description of every route, generated from the route table.",
            "system",
            Access::Public,
            handler!(openapi::get),
        ),
    ]
    .into_iter()
    .chain(accounts::routes())
    .chain(assemblies::routes())
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

/// Find the route for a request and run it: here, or in the event's object for a command on an
/// event's seats (the object answers; what follows a success — the caches, the urgent email — is
/// done here, off the object's single thread).
pub async fn dispatch(req: Request, env: Env, now: DateTime<Utc>) -> Result<Response, ApiError> {
    let (route, params) = find(&req)?;
    let resp = match route.decided_in {
        Some(of) => match event_of(of, &params, &env).await? {
            Some(event_id) => seats::forward(&env, event_id, req).await?,
            // No such event, sign-up or link: the handler answers as it does (404).
            None => run(&route, params, req, env.clone(), now, Default::default()).await?,
        },
        None => run(&route, params, req, env.clone(), now, Default::default()).await?,
    };
    if (200..300).contains(&resp.status_code()) {
        cache::invalidate(route.invalidates).await;
        if route.sends_email {
            let site = crate::config::Site::from_env(&env)?;
            let db = crate::config::db(&env)?;
            // The link a person just asked for leaves now, not at the next scheduled run
            // behind whatever others queued; a failure stays queued for that run.
            if let Err(e) = crate::service::email::send_urgent(&env, &site, &db, now).await {
                worker::console_error!("sending at once failed, left queued: {e:?}");
            }
        }
    }
    Ok(resp)
}

/// Run a request forwarded to an event's object, with the object's writer.
pub async fn dispatch_in_object(
    req: Request,
    env: Env,
    now: DateTime<Utc>,
    seats: crate::service::events::writer::Seats,
) -> Result<Response, ApiError> {
    let (route, params) = find(&req)?;
    if route.decided_in.is_none() {
        return Err(ApiError::Internal(format!(
            "{} was sent to an event's object",
            route.operation_id
        )));
    }
    run(&route, params, req, env, now, seats).await
}

/// The route for a request and its path's parameters.
fn find(req: &Request) -> Result<(Route, Params), ApiError> {
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
            return Ok((route, params));
        }
    }
    Err(if path_matched {
        ApiError::MethodNotAllowed
    } else {
        ApiError::RouteNotFound
    })
}

/// The event a seats command is about (`None`: no such thing; the handler says 404).
async fn event_of(
    of: EventOf,
    params: &[(&'static str, String)],
    env: &Env,
) -> Result<Option<i64>, ApiError> {
    let param = |name: &str| {
        params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    };
    let db = || crate::config::db(env);
    Ok(match of {
        EventOf::Path(name) => param(name).and_then(|v| v.parse().ok()),
        EventOf::Registration(name) => match param(name).and_then(|v| v.parse().ok()) {
            Some(id) => crate::repo::events::registration_by_id(&db()?, id)
                .await?
                .map(|r| r.event_id),
            None => None,
        },
        EventOf::Token(name) => match param(name) {
            Some(token) => crate::repo::events::registration_by_token(
                &db()?,
                &crate::secrets::token_hash(token),
            )
            .await?
            .map(|r| r.event_id),
            None => None,
        },
    })
}

/// Check the request's origin, who calls and the per-client limits, then run the handler.
async fn run(
    route: &Route,
    params: Vec<(&'static str, String)>,
    req: Request,
    env: Env,
    now: DateTime<Utc>,
    seats: crate::service::events::writer::Seats,
) -> Result<Response, ApiError> {
    if auth::is_unsafe(&req.method()) {
        auth::check_same_origin(&req)?;
    }
    let db = || crate::config::db(&env);
    let caller = if route.access == Access::Public && !route.needs_caller {
        Caller::Anonymous
    } else {
        auth::resolve(&req, &db()?, now).await?
    };
    caller.authorize(route.access)?;
    let client = auth::client_key(&req);
    // Per-client limits: every call counts, failures included. A route that also counts a target
    // (a mailbox, a link) has its handler check that first, before anything else is read or
    // written: the two counts then go in one round trip. Otherwise they are taken here and now.
    let per_client: Vec<(Tally, Limit)> = route
        .limits
        .iter()
        .filter(|l| l.per == Per::Client && matches!(l.span, Span::Secs(_)))
        .map(|l| (Tally::new(route.operation_id, Per::Client, &client), *l))
        .collect();
    let checks_a_target = route
        .limits
        .iter()
        .any(|l| l.per != Per::Client && matches!(l.span, Span::Secs(_)));
    let unpaid = Unpaid::default();
    let db_after = db();
    if checks_a_target {
        *unpaid.borrow_mut() = per_client;
    } else {
        take_all(&db()?, &per_client, now).await?;
    }
    let answer = (route.handler)(Ctx {
        req,
        env,
        now,
        params,
        caller,
        client,
        operation_id: route.operation_id,
        limits: route.limits,
        seats,
        unpaid: unpaid.clone(),
    })
    .await;
    // A handler that failed before its check still counts against the client.
    let left = std::mem::take(&mut *unpaid.borrow_mut());
    if !left.is_empty() {
        take_all(&db_after?, &left, now).await?;
    }
    answer
}

/// Count calls against per-client limits: 429 past one.
async fn take_all(
    db: &worker::D1Database,
    counts: &[(Tally, Limit)],
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let takes: Vec<_> = counts.iter().map(|(t, l)| t.counted(l)).collect();
    match crate::repo::limits::take_then_over(db, &takes, None, now).await? {
        (Some(retry_after_secs), _) => Err(ApiError::RateLimited { retry_after_secs }),
        (None, _) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::{routes, Access, Per};

    /// Every door a stranger can knock on that sends an email or creates something declares a
    /// limit per client and one per target (the mailbox, the link, the event), so a new route
    /// cannot forget either.
    #[test]
    fn every_public_door_that_sends_or_creates_declares_both_kinds_of_limit() {
        let mut checked = 0;
        for r in routes() {
            let creates = r.success.0 == 201 || r.sends_email;
            if r.access != Access::Public || !creates {
                continue;
            }
            checked += 1;
            let per_client = r.limits.iter().any(|l| l.per == Per::Client);
            let per_target = r.limits.iter().any(|l| l.per != Per::Client);
            assert!(
                per_client && per_target,
                "{} {} sends or creates for strangers but declares {:?}",
                r.method,
                r.path,
                r.limits
            );
        }
        // apply, reset, consultation, sign-up, rental: the test looked at them all.
        assert!(
            checked >= 5,
            "only {checked} public routes that send or create"
        );
    }

    /// Every command on an event's seats runs in the event's object (one writer), and nothing
    /// else is sent there.
    #[test]
    fn the_commands_on_an_events_seats_and_only_they_run_in_its_object() {
        let mut decided: Vec<&str> = routes()
            .iter()
            .filter(|r| r.decided_in.is_some())
            .map(|r| r.operation_id)
            .collect();
        decided.sort_unstable();
        assert_eq!(
            decided,
            [
                "cancel_registration",
                "cancel_registration_for_family",
                "change_registration",
                "come_to_event",
                "register",
                "stay_away_from_event",
                "update_event",
            ]
        );
    }

    /// A route that sends an email a person waits for says so, so it leaves at once.
    #[test]
    fn the_routes_that_send_a_link_someone_waits_for_say_so() {
        let sending: Vec<&str> = routes()
            .iter()
            .filter(|r| r.sends_email)
            .map(|r| r.operation_id)
            .collect();
        for op in [
            "apply",
            "request_password_reset",
            "request_consultation",
            "register",
            "request_rental",
            "approve_application",
        ] {
            assert!(sending.contains(&op), "{op} does not send at once");
        }
    }
}
