//! One Durable Object per event (`EventSeats`, named by the event's id): every command on the
//! event's seats — a sign-up, a change or a cancellation from the private link, a member's tap,
//! the staff's edits and cancellations, the scheduled repair — runs in it, where the event's one
//! writer (`service::events::writer`) decides them in arrival order and writes them in batches.
//! D1 stays the record every list, export and figure reads.
//!
//! The worker forwards the whole request (the route table says which: `Route::decided_in`); the
//! object runs the same route — origin check, caller, limits, handler — with its writer, and the
//! worker does what follows a success (caches, the urgent email). Only the worker reaches the
//! object, so the event's id travels in a header of ours.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use worker::{
    durable_object, DurableObject, Env, Headers, Method, Request, RequestInit, Response, State,
};

use crate::error::ApiError;
use crate::service::events::writer::Seats;
use crate::service::events::writer::Writer;

/// The binding in `wrangler.toml`.
const BINDING: &str = "EVENT_SEATS";
/// The event the forwarded request is about (set by the worker, never read from a client).
const EVENT_HEADER: &str = "X-Kerne-Event";
/// The scheduled repair of one event's waiting list.
const SETTLE_URL: &str = "https://event-seats.internal/settle";

#[durable_object(fetch)]
pub struct EventSeats {
    env: Env,
    /// The writer, made on the first command (the object is named by its event's id, which the
    /// first request carries).
    writer: RefCell<Option<Rc<Writer>>>,
}

impl DurableObject for EventSeats {
    fn new(_state: State, env: Env) -> Self {
        EventSeats {
            env,
            writer: RefCell::new(None),
        }
    }

    async fn fetch(&self, req: Request) -> worker::Result<Response> {
        let lang = crate::http::request_lang(&req);
        match self.serve(req).await {
            Ok(resp) => Ok(resp),
            Err(e) => e.into_response(lang),
        }
    }
}

impl EventSeats {
    async fn serve(&self, req: Request) -> Result<Response, ApiError> {
        let event_id: i64 = req
            .headers()
            .get(EVENT_HEADER)
            .ok()
            .flatten()
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| {
                ApiError::Internal("a request reached an event's object without its event".into())
            })?;
        let db = || crate::config::db(&self.env);
        let made = self.writer.borrow().clone();
        let writer = match made {
            Some(writer) => writer,
            None => {
                let writer = Rc::new(Writer::new(event_id, db()?));
                *self.writer.borrow_mut() = Some(writer.clone());
                writer
            }
        };
        // An object serves the event it is named after; anything else is decided the usual way.
        let seats = if writer.event_id() == event_id {
            Seats::object(writer)
        } else {
            Seats::default()
        };
        let now = crate::now();
        if req.url().map(|u| u.as_str() == SETTLE_URL).unwrap_or(false) {
            let db = db()?;
            let site = crate::config::Site::from_env(&self.env)?;
            let promoted =
                crate::service::events::scheduled::settle(&db, &seats, event_id, &site.url, now)
                    .await?;
            return crate::http::json(&promoted, 200);
        }
        super::dispatch_in_object(req, self.env.clone(), now, seats).await
    }
}

fn stub(env: &Env, event_id: i64) -> Result<worker::Stub, ApiError> {
    let binding = |e: worker::Error| ApiError::Internal(format!("{BINDING}: {e}"));
    env.durable_object(BINDING)
        .map_err(binding)?
        .id_from_name(&event_id.to_string())
        .map_err(binding)?
        .get_stub()
        .map_err(binding)
}

/// Send a request to its event's object and give back the object's answer (copied, so the
/// worker can add its headers).
pub async fn forward(env: &Env, event_id: i64, req: Request) -> Result<Response, ApiError> {
    let headers: Headers = req.headers().clone();
    headers
        .set(EVENT_HEADER, &event_id.to_string())
        .map_err(|e| ApiError::Internal(format!("forwarding: {e}")))?;
    let mut init = RequestInit::new();
    init.with_method(req.method()).with_headers(headers);
    if let Some(body) = req.inner().body() {
        init.with_body(Some(body.into()));
    }
    let url = req.url().map_err(|e| ApiError::Internal(e.to_string()))?;
    let forwarded = Request::new_with_init(url.as_str(), &init)
        .map_err(|e| ApiError::Internal(format!("forwarding: {e}")))?;
    let mut answer = stub(env, event_id)?
        .fetch_with_request(forwarded)
        .await
        .map_err(|e| ApiError::Internal(format!("the event's object: {e}")))?;
    let status = answer.status_code();
    let headers = answer.headers().clone();
    let bytes = answer
        .bytes()
        .await
        .map_err(|e| ApiError::Internal(format!("the event's object's answer: {e}")))?;
    Ok(Response::from_bytes(bytes)
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .with_status(status)
        .with_headers(headers))
}

/// The scheduled repair of one event, in its object. Answers how many groups were promoted.
pub async fn settle(env: &Env, event_id: i64) -> Result<usize, ApiError> {
    let headers = Headers::new();
    headers
        .set(EVENT_HEADER, &event_id.to_string())
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let mut init = RequestInit::new();
    init.with_method(Method::Post).with_headers(headers);
    let req =
        Request::new_with_init(SETTLE_URL, &init).map_err(|e| ApiError::Internal(e.to_string()))?;
    let mut answer = stub(env, event_id)?
        .fetch_with_request(req)
        .await
        .map_err(|e| ApiError::Internal(format!("the event's object: {e}")))?;
    let text = answer
        .text()
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    if answer.status_code() != 200 {
        return Err(ApiError::Internal(format!(
            "settling event {event_id}: {} {text}",
            answer.status_code()
        )));
    }
    serde_json::from_str(&text).map_err(|e| ApiError::Internal(e.to_string()))
}

/// Settle every event the scheduled run finds unsettled, each in its object.
pub async fn settle_all(
    env: &Env,
    db: &worker::D1Database,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    let mut promoted = 0;
    for id in crate::service::events::scheduled::unsettled(db, now).await? {
        promoted += settle(env, id).await?;
    }
    Ok(promoted)
}
