//! One typed function per endpoint, over one generic `send` (reads abort when their view goes away;
//! writes run to the end, so a tap that navigates away never leaves a half-known state).

use chrono::NaiveDate;
use domain::accounts::Role;
use domain::events::{
    CheckIn, EventInput, EventRegistrations, EventView, LinkSent, MyEvent, RegistrationCreated,
    RegistrationRequest, RegistrationView, SeatsChange, StaffRegistration,
};
use domain::stats::{Report, ReportText, Stats, TodayStats};
use domain::wire::{
    ApiErrorBody, Application, ApplicationRequest, ApproveRequest, AuditEntry, Created,
    DeclineRequest, DirectoryEntry, LoginRequest, Me, MemberDetail, MemberSummary, OutboxEmail,
    PasswordResetRequest, Payment, PaymentRequest, ProfileUpdate, RoleRequest, SetPasswordRequest,
    SiteContent,
};
use domain::wire::{
    BlockCreated, BlockRequest, BlockView, Booking, BookingRequest, CalendarFeed, ClosureDay,
    DayAvailability, Occupancy, RentalCreated, RentalDay, RentalRequest, RentalView, StaffDay,
};
use domain::Lang;
use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::{
    on_cleanup, Action, Effect, Get, GetUntracked, ReadSignal, RwSignal, Signal, Update,
    WithUntracked,
};
use send_wrapper::SendWrapper;
use wire_json::{self as json, FromJson, ToJson};

/// Why a call failed, in a form the views can show.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiFailure {
    /// The server answered with the API's error body.
    Api { status: u16, body: ApiErrorBody },
    /// No answer (offline, aborted) or an unreadable one.
    Network(String),
}

/// A request started by a tap or a form: a Leptos action whose value is the API's answer.
pub type Request<I, O = ()> = Action<I, Result<O, ApiFailure>>;

/// Sends `input` unless a run of `action` is under way (a double tap sends once).
pub fn start<I: Send + Sync + 'static, O: Send + Sync + 'static>(action: Request<I, O>, input: I) {
    if !action.pending().get_untracked() {
        action.dispatch(input);
    }
}

/// Why the last run of `action` failed, if it did (tracked): what the forms show.
pub fn failure_of<I: 'static, O: Clone + Send + Sync + 'static>(
    action: Request<I, O>,
) -> Signal<Option<ApiFailure>> {
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// How many runs of `action` succeeded (tracked): what a list reads again after, so that a
/// refusal never redraws it (the box opened, what was typed and the refusal stay in place).
pub fn successes<I: 'static, O: Clone + Send + Sync + 'static>(
    action: Request<I, O>,
) -> ReadSignal<u32> {
    let done = RwSignal::new(0u32);
    Effect::new(move |_| {
        action.version().get();
        if action.value().with_untracked(|v| matches!(v, Some(Ok(_)))) {
            done.update(|n| *n += 1);
        }
    });
    done.read_only()
}

/// The answer of the last run of `action`, when it succeeded (tracked).
pub fn answer_of<I: 'static, O: Clone + Send + Sync + 'static>(action: Request<I, O>) -> Option<O> {
    action.value().get().and_then(Result::ok)
}

/// The one request function: `method path`, an optional JSON body, the language of the answer, an
/// optional `Idempotency-Key` (a retried booking creates one booking); the answer's body as text
/// (empty unless `read`). Cookies go along by default (same origin); the server checks `Origin`,
/// which the browser sets. Not generic, and boxed: its state machine is compiled once rather than
/// into every typed call below (about 3 KB brotli less for the app).
fn request(
    method: Method,
    path: &str,
    body: Option<String>,
    lang: Lang,
    key: Option<&str>,
    read: bool,
) -> Pending<String> {
    let builder = RequestBuilder::new(path)
        .method(method.clone())
        .header("Accept", "application/json")
        .header("Accept-Language", lang.code());
    let builder = match key {
        Some(key) => builder.header("Idempotency-Key", key),
        None => builder,
    };
    Box::pin(async move {
        let builder = if method == Method::GET {
            let controller = SendWrapper::new(web_sys::AbortController::new().ok());
            let signal = controller.as_ref().map(|c| c.signal());
            on_cleanup(move || {
                if let Some(c) = controller.take() {
                    c.abort();
                }
            });
            builder.abort_signal(signal.as_ref())
        } else {
            builder
        };
        // What gloo's `RequestBuilder::json` does, with the JSON text made by the typed caller.
        let request = match body {
            Some(json) => builder
                .header("Content-Type", "application/json")
                .body(json),
            None => builder.build(),
        }
        .map_err(network)?;
        let resp = request.send().await.map_err(network)?;
        if resp.ok() {
            return if read {
                resp.text().await.map_err(network)
            } else {
                Ok(String::new())
            };
        }
        let status = resp.status();
        let text = resp.text().await.map_err(network)?;
        match json::from_str::<ApiErrorBody>(&text) {
            Ok(body) => Err(ApiFailure::Api { status, body }),
            Err(e) => Err(ApiFailure::Network(format!("HTTP {status}: {e}"))),
        }
    })
}

type Pending<T> = std::pin::Pin<Box<dyn std::future::Future<Output = Result<T, ApiFailure>>>>;

/// No answer: the browser's message, or gloo's own. Not the `Display` of gloo's whole error enum,
/// whose JSON variant links serde_json's error texts into every bundle (measured on the agenda
/// bundle after wasm-opt, brotli q11: 0.4 KB lighter).
fn network(e: gloo_net::Error) -> ApiFailure {
    ApiFailure::Network(match e {
        gloo_net::Error::JsError(js) => js.message,
        gloo_net::Error::GlooError(text) => text,
        _ => String::from("unreadable answer"),
    })
}

/// The JSON text of a request body.
fn json(body: Option<&(impl ToJson + ?Sized)>) -> Result<Option<String>, ApiFailure> {
    Ok(body.map(json::to_string))
}

/// The typed value of an answer's JSON text, read by the domain's small JSON reader (serde's
/// per-type deserializers were the largest part of the app's wasm).
fn parse<T: FromJson>(text: &str) -> Result<T, ApiFailure> {
    json::from_str(text).map_err(|e| ApiFailure::Network(e.to_string()))
}

/// A call whose answer is a JSON body.
async fn send<T: FromJson>(
    method: Method,
    path: &str,
    body: Option<&(impl ToJson + ?Sized)>,
    lang: Lang,
) -> Result<T, ApiFailure> {
    parse(&request(method, path, json(body)?, lang, None, true).await?)
}

/// A call answered with an empty 201/202/204.
async fn send_empty(
    method: Method,
    path: &str,
    body: Option<&(impl ToJson + ?Sized)>,
    lang: Lang,
) -> Result<(), ApiFailure> {
    request(method, path, json(body)?, lang, None, false)
        .await
        .map(|_| ())
}

/// No body, spelled once.
const NO_BODY: Option<&str> = None;

/// Percent-encodes a query value (letters, digits and `-_.~` pass as they are).
fn encode(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

/// `?a=1&b=2` from the non-empty pairs.
fn query(pairs: &[(&str, &str)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v.trim())))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// `GET /api/site`
pub async fn site(lang: Lang) -> Result<SiteContent, ApiFailure> {
    send(Method::GET, "/api/site", NO_BODY, lang).await
}

// ---------------------------------------------------------------- public and authentication

/// `POST /api/applications`
pub async fn apply(req: &ApplicationRequest, lang: Lang) -> Result<(), ApiFailure> {
    send_empty(Method::POST, "/api/applications", Some(req), lang).await
}

/// `POST /api/auth/login`
pub async fn login(req: &LoginRequest, lang: Lang) -> Result<Me, ApiFailure> {
    send(Method::POST, "/api/auth/login", Some(req), lang).await
}

/// `POST /api/auth/logout`
pub async fn logout(lang: Lang) -> Result<(), ApiFailure> {
    send_empty(Method::POST, "/api/auth/logout", NO_BODY, lang).await
}

/// `POST /api/auth/invitation`
pub async fn accept_invitation(req: &SetPasswordRequest, lang: Lang) -> Result<Me, ApiFailure> {
    send(Method::POST, "/api/auth/invitation", Some(req), lang).await
}

/// `GET /api/auth/invitation/{token}` or `GET /api/auth/password-reset/{token}`: whether the link
/// of an email can still be used (404 when unknown, used or expired).
pub async fn check_link(kind: &str, token: &str, lang: Lang) -> Result<(), ApiFailure> {
    send_empty(
        Method::GET,
        &format!("/api/auth/{kind}/{}", encode(token)),
        NO_BODY,
        lang,
    )
    .await
}

/// `POST /api/auth/password-reset`
pub async fn ask_password_reset(req: &PasswordResetRequest, lang: Lang) -> Result<(), ApiFailure> {
    send_empty(Method::POST, "/api/auth/password-reset", Some(req), lang).await
}

/// `POST /api/auth/password-reset/confirm`
pub async fn confirm_password_reset(
    req: &SetPasswordRequest,
    lang: Lang,
) -> Result<Me, ApiFailure> {
    send(
        Method::POST,
        "/api/auth/password-reset/confirm",
        Some(req),
        lang,
    )
    .await
}

// ---------------------------------------------------------------- members

/// `GET /api/session`: the caller, or `None` for a visitor.
pub async fn session(lang: Lang) -> Result<Option<Me>, ApiFailure> {
    send(Method::GET, "/api/session", NO_BODY, lang).await
}

/// `PUT /api/me/profile`
pub async fn update_profile(req: &ProfileUpdate, lang: Lang) -> Result<Me, ApiFailure> {
    send(Method::PUT, "/api/me/profile", Some(req), lang).await
}

/// `PUT /api/me/clubs/{slug}` (join) or `DELETE` (leave).
pub async fn set_club(slug: &str, join: bool, lang: Lang) -> Result<Me, ApiFailure> {
    let method = if join { Method::PUT } else { Method::DELETE };
    send(
        method,
        &format!("/api/me/clubs/{}", encode(slug)),
        NO_BODY,
        lang,
    )
    .await
}

/// `GET /api/me/export`, offered as a download link rather than fetched.
pub const EXPORT_PATH: &str = "/api/me/export";

/// `DELETE /api/me`
pub async fn delete_account(lang: Lang) -> Result<(), ApiFailure> {
    send_empty(Method::DELETE, "/api/me", NO_BODY, lang).await
}

/// What to search for among members: free text, a skill, a club (and, for staff, a status, an
/// order, and the period of lapsed fees).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberSearch {
    pub q: String,
    pub skill: String,
    pub club: String,
    pub status: String,
    pub sort: String,
    pub from: String,
    pub to: String,
}

impl MemberSearch {
    /// The staff list's filters as a query string (empty ones left out), for the API and the
    /// page's address alike.
    pub fn query(&self) -> String {
        query(&[
            ("q", &self.q),
            ("skill", &self.skill),
            ("club", &self.club),
            ("status", &self.status),
            ("sort", &self.sort),
            ("from", &self.from),
            ("to", &self.to),
        ])
    }
}

/// `GET /api/directory?q=&skill=&club=`
pub async fn directory(
    search: &MemberSearch,
    lang: Lang,
) -> Result<Vec<DirectoryEntry>, ApiFailure> {
    let qs = query(&[
        ("q", &search.q),
        ("skill", &search.skill),
        ("club", &search.club),
    ]);
    send(Method::GET, &format!("/api/directory{qs}"), NO_BODY, lang).await
}

// ---------------------------------------------------------------- staff

/// `GET /api/staff/applications?status=pending`
pub async fn pending_applications(lang: Lang) -> Result<Vec<Application>, ApiFailure> {
    send(
        Method::GET,
        "/api/staff/applications?status=pending",
        NO_BODY,
        lang,
    )
    .await
}

/// `POST /api/staff/applications/{id}/approve`
pub async fn approve_application(
    id: i64,
    req: &ApproveRequest,
    lang: Lang,
) -> Result<Created, ApiFailure> {
    send(
        Method::POST,
        &format!("/api/staff/applications/{id}/approve"),
        Some(req),
        lang,
    )
    .await
}

/// `POST /api/staff/applications/{id}/decline`
pub async fn decline_application(
    id: i64,
    req: &DeclineRequest,
    lang: Lang,
) -> Result<(), ApiFailure> {
    send_empty(
        Method::POST,
        &format!("/api/staff/applications/{id}/decline"),
        Some(req),
        lang,
    )
    .await
}

/// `GET /api/staff/members?q=&skill=&club=&status=`
pub async fn members(search: &MemberSearch, lang: Lang) -> Result<Vec<MemberSummary>, ApiFailure> {
    let qs = search.query();
    send(
        Method::GET,
        &format!("/api/staff/members{qs}"),
        NO_BODY,
        lang,
    )
    .await
}

/// `GET /api/staff/members/{id}`
pub async fn member(id: i64, lang: Lang) -> Result<MemberDetail, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/staff/members/{id}"),
        NO_BODY,
        lang,
    )
    .await
}

/// `POST /api/staff/members/{id}/payments`
pub async fn record_payment(
    id: i64,
    req: &PaymentRequest,
    lang: Lang,
) -> Result<Payment, ApiFailure> {
    send(
        Method::POST,
        &format!("/api/staff/members/{id}/payments"),
        Some(req),
        lang,
    )
    .await
}

/// `POST /api/staff/members/{id}/deactivate`
pub async fn deactivate_member(id: i64, lang: Lang) -> Result<(), ApiFailure> {
    send_empty(
        Method::POST,
        &format!("/api/staff/members/{id}/deactivate"),
        NO_BODY,
        lang,
    )
    .await
}

/// `PUT /api/staff/members/{id}/role` (admin)
pub async fn set_role(id: i64, role: Role, lang: Lang) -> Result<(), ApiFailure> {
    send_empty(
        Method::PUT,
        &format!("/api/staff/members/{id}/role"),
        Some(&RoleRequest { role }),
        lang,
    )
    .await
}

/// `GET /api/staff/outbox`
pub async fn outbox(lang: Lang) -> Result<Vec<OutboxEmail>, ApiFailure> {
    send(Method::GET, "/api/staff/outbox", NO_BODY, lang).await
}

/// `GET /api/staff/audit`
pub async fn audit(lang: Lang) -> Result<Vec<AuditEntry>, ApiFailure> {
    send(Method::GET, "/api/staff/audit", NO_BODY, lang).await
}

// ---------------------------------------------------------------- booking calendar

/// `GET /api/availability?resource=&from=&to=` (dates `YYYY-MM-DD`, 31 days at most).
pub async fn availability(
    resource: &str,
    from: &str,
    to: &str,
    lang: Lang,
) -> Result<Vec<DayAvailability>, ApiFailure> {
    let qs = query(&[("resource", resource), ("from", from), ("to", to)]);
    send(
        Method::GET,
        &format!("/api/availability{qs}"),
        NO_BODY,
        lang,
    )
    .await
}

/// `POST /api/bookings`; `key` is the same for every retry of one attempt, so a retry books once.
pub async fn create_booking(
    req: &BookingRequest,
    key: &str,
    lang: Lang,
) -> Result<Booking, ApiFailure> {
    parse(
        &request(
            Method::POST,
            "/api/bookings",
            json(Some(req))?,
            lang,
            Some(key),
            true,
        )
        .await?,
    )
}

/// `GET /api/bookings`
pub async fn my_bookings(lang: Lang) -> Result<Vec<Booking>, ApiFailure> {
    send(Method::GET, "/api/bookings", NO_BODY, lang).await
}

/// `DELETE /api/bookings/{id}`
pub async fn cancel_booking(id: i64, lang: Lang) -> Result<(), ApiFailure> {
    send_empty(
        Method::DELETE,
        &format!("/api/bookings/{id}"),
        NO_BODY,
        lang,
    )
    .await
}

/// `GET /api/bookings/{id}/ics`, offered as a download link rather than fetched.
pub fn booking_ics_path(id: i64) -> String {
    format!("/api/bookings/{id}/ics")
}

/// `POST /api/me/calendar-feed`
pub async fn new_calendar_feed(lang: Lang) -> Result<CalendarFeed, ApiFailure> {
    send(Method::POST, "/api/me/calendar-feed", NO_BODY, lang).await
}

/// `GET /api/staff/day?date=`
pub async fn staff_day(date: &str, lang: Lang) -> Result<StaffDay, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/staff/day{}", query(&[("date", date)])),
        NO_BODY,
        lang,
    )
    .await
}

/// `POST /api/staff/bookings/{id}/{action}`: `check-in`, `no-show` or `cancel`.
/// `undo-check-in` is `DELETE …/check-in`.
pub async fn mark_booking(id: i64, action: &'static str, lang: Lang) -> Result<(), ApiFailure> {
    let (method, action) = match action {
        "undo-check-in" => (Method::DELETE, "check-in"),
        other => (Method::POST, other),
    };
    send_empty(
        method,
        &format!("/api/staff/bookings/{id}/{action}"),
        NO_BODY,
        lang,
    )
    .await
}

/// One editable setting of `GET /api/staff/settings`: its key and its value, read by the settings
/// page into the domain's type for that key.
#[derive(Debug, Clone)]
pub struct SettingEntry {
    pub key: String,
    pub value: json::Json,
}

impl FromJson for SettingEntry {
    fn from_json(v: &json::Json) -> Result<Self, json::DecodeError> {
        let key = String::from_field(v.field("key")).map_err(|e| e.at("key"))?;
        let value = v
            .field("value")
            .cloned()
            .ok_or_else(|| json::DecodeError::missing_field().at("value"))?;
        Ok(SettingEntry { key, value })
    }
}

/// `GET /api/staff/settings`
pub async fn staff_settings(lang: Lang) -> Result<Vec<SettingEntry>, ApiFailure> {
    send(Method::GET, "/api/staff/settings", NO_BODY, lang).await
}

/// `PUT /api/staff/settings/{key}` with the new value as JSON text (checked by the server).
pub async fn set_setting(key: &str, value: String, lang: Lang) -> Result<(), ApiFailure> {
    request(
        Method::PUT,
        &format!("/api/staff/settings/{key}"),
        Some(value),
        lang,
        None,
        false,
    )
    .await
    .map(|_| ())
}

/// `GET /api/staff/closures`
pub async fn closures(lang: Lang) -> Result<Vec<ClosureDay>, ApiFailure> {
    send(Method::GET, "/api/staff/closures", NO_BODY, lang).await
}

/// `POST /api/staff/closures`
pub async fn add_closure(day: &ClosureDay, lang: Lang) -> Result<(), ApiFailure> {
    send_empty(Method::POST, "/api/staff/closures", Some(day), lang).await
}

/// `DELETE /api/staff/closures/{date}`
pub async fn remove_closure(date: &str, lang: Lang) -> Result<(), ApiFailure> {
    send_empty(
        Method::DELETE,
        &format!("/api/staff/closures/{date}"),
        NO_BODY,
        lang,
    )
    .await
}

/// `GET /api/staff/blocks`
pub async fn blocks(lang: Lang) -> Result<Vec<BlockView>, ApiFailure> {
    send(Method::GET, "/api/staff/blocks", NO_BODY, lang).await
}

/// `DELETE /api/staff/blocks/{id}`
pub async fn lift_block(id: i64, lang: Lang) -> Result<(), ApiFailure> {
    send_empty(
        Method::DELETE,
        &format!("/api/staff/blocks/{id}"),
        NO_BODY,
        lang,
    )
    .await
}

/// `GET /api/staff/members/{id}/bookings`
pub async fn member_bookings(id: i64, lang: Lang) -> Result<Vec<Booking>, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/staff/members/{id}/bookings"),
        NO_BODY,
        lang,
    )
    .await
}

/// `POST /api/staff/blocks`
pub async fn block_resource(req: &BlockRequest, lang: Lang) -> Result<BlockCreated, ApiFailure> {
    send(Method::POST, "/api/staff/blocks", Some(req), lang).await
}

/// `GET /api/staff/occupancy?from=&to=`
pub async fn occupancy(from: &str, to: &str, lang: Lang) -> Result<Occupancy, ApiFailure> {
    send(
        Method::GET,
        &format!(
            "/api/staff/occupancy{}",
            query(&[("from", from), ("to", to)])
        ),
        NO_BODY,
        lang,
    )
    .await
}

// ---------------------------------------------------------------- room rental

/// `POST /api/rentals`
pub async fn request_rental(req: &RentalRequest, lang: Lang) -> Result<RentalCreated, ApiFailure> {
    send(Method::POST, "/api/rentals", Some(req), lang).await
}

/// `GET /api/rental-days?from=&to=`: when the room can be rented, each half-day.
pub async fn rental_days(from: &str, to: &str, lang: Lang) -> Result<Vec<RentalDay>, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/rental-days{}", query(&[("from", from), ("to", to)])),
        NO_BODY,
        lang,
    )
    .await
}

/// `GET /api/rentals/{token}`
pub async fn rental(token: &str, lang: Lang) -> Result<RentalView, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/rentals/{}", encode(token)),
        NO_BODY,
        lang,
    )
    .await
}

/// `POST /api/rentals/{token}/cancel`
pub async fn cancel_rental(token: &str, lang: Lang) -> Result<(), ApiFailure> {
    send_empty(
        Method::POST,
        &format!("/api/rentals/{}/cancel", encode(token)),
        NO_BODY,
        lang,
    )
    .await
}

/// `GET /api/staff/rentals?status=`
pub async fn staff_rentals(status: &str, lang: Lang) -> Result<Vec<RentalView>, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/staff/rentals{}", query(&[("status", status)])),
        NO_BODY,
        lang,
    )
    .await
}

/// `POST /api/staff/rentals/{id}/approve` (409 when the room was taken meanwhile).
pub async fn approve_rental(id: i64, lang: Lang) -> Result<RentalView, ApiFailure> {
    send(
        Method::POST,
        &format!("/api/staff/rentals/{id}/approve"),
        NO_BODY,
        lang,
    )
    .await
}

/// `POST /api/staff/rentals/{id}/decline`
pub async fn decline_rental(id: i64, req: &DeclineRequest, lang: Lang) -> Result<(), ApiFailure> {
    send_empty(
        Method::POST,
        &format!("/api/staff/rentals/{id}/decline"),
        Some(req),
        lang,
    )
    .await
}

/// `?from=…&to=…` of a statistics period.
fn period(from: NaiveDate, to: NaiveDate) -> String {
    format!("?from={from}&to={to}")
}

/// `GET /api/staff/stats/today`
pub async fn stats_today(lang: Lang) -> Result<TodayStats, ApiFailure> {
    send(Method::GET, "/api/staff/stats/today", NO_BODY, lang).await
}

/// `GET /api/staff/stats?from=&to=`
pub async fn stats(from: NaiveDate, to: NaiveDate, lang: Lang) -> Result<Stats, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/staff/stats{}", period(from, to)),
        NO_BODY,
        lang,
    )
    .await
}

/// Where a series downloads as CSV (a plain link: the browser saves the file).
pub fn stats_csv_href(series: &str, from: NaiveDate, to: NaiveDate) -> String {
    format!("/api/staff/stats/{series}.csv{}", period(from, to))
}

/// `GET /api/staff/report?from=&to=`
pub async fn report(from: NaiveDate, to: NaiveDate, lang: Lang) -> Result<Report, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/staff/report{}", period(from, to)),
        NO_BODY,
        lang,
    )
    .await
}

/// `PUT /api/staff/report/text?from=&to=`
pub async fn set_report_text(
    from: NaiveDate,
    to: NaiveDate,
    text: String,
    lang: Lang,
) -> Result<(), ApiFailure> {
    send_empty(
        Method::PUT,
        &format!("/api/staff/report/text{}", period(from, to)),
        Some(&ReportText { text }),
        lang,
    )
    .await
}

// ---------------------------------------------------------------- events (e-education, club meetings)

/// Which events the agenda asks for: dates `YYYY-MM-DD`, and a kind and audience or empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventSearch {
    pub from: String,
    pub to: String,
    pub kind: String,
    pub audience: String,
}

/// `GET /api/events?from=&to=&kind=&audience=`
pub async fn events(search: &EventSearch, lang: Lang) -> Result<Vec<EventView>, ApiFailure> {
    let qs = query(&[
        ("from", &search.from),
        ("to", &search.to),
        ("kind", &search.kind),
        ("audience", &search.audience),
    ]);
    send(Method::GET, &format!("/api/events{qs}"), NO_BODY, lang).await
}

/// `GET /api/events/{id}`
pub async fn event(id: i64, lang: Lang) -> Result<EventView, ApiFailure> {
    send(Method::GET, &format!("/api/events/{id}"), NO_BODY, lang).await
}

/// `GET /api/events/{id}/ics`, offered as a download link rather than fetched.
pub fn event_ics_path(id: i64) -> String {
    format!("/api/events/{id}/ics")
}

/// What a sign-up answers.
#[derive(Debug, Clone, PartialEq)]
pub enum SignupAnswer {
    /// 201: the new sign-up and its private link.
    Created(RegistrationCreated),
    /// 202: the email was already signed up; its link went to that address.
    LinkSent,
}

/// `POST /api/events/{id}/registrations`
pub async fn register(
    id: i64,
    req: &RegistrationRequest,
    lang: Lang,
) -> Result<SignupAnswer, ApiFailure> {
    let text = request(
        Method::POST,
        &format!("/api/events/{id}/registrations"),
        json(Some(req))?,
        lang,
        None,
        true,
    )
    .await?;
    match json::from_str::<LinkSent>(&text) {
        Ok(_) => Ok(SignupAnswer::LinkSent),
        Err(_) => parse(&text).map(SignupAnswer::Created),
    }
}

/// `GET /api/registrations/{token}`
pub async fn registration(token: &str, lang: Lang) -> Result<RegistrationView, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/registrations/{}", encode(token)),
        NO_BODY,
        lang,
    )
    .await
}

/// `PATCH /api/registrations/{token}`
pub async fn change_seats(
    token: &str,
    req: &SeatsChange,
    lang: Lang,
) -> Result<RegistrationView, ApiFailure> {
    send(
        Method::PATCH,
        &format!("/api/registrations/{}", encode(token)),
        Some(req),
        lang,
    )
    .await
}

/// `DELETE /api/registrations/{token}`: cancels and erases the personal data.
pub async fn cancel_registration(token: &str, lang: Lang) -> Result<(), ApiFailure> {
    send_empty(
        Method::DELETE,
        &format!("/api/registrations/{}", encode(token)),
        NO_BODY,
        lang,
    )
    .await
}

/// `GET /api/registrations/{token}/ics`, a download link.
pub fn registration_ics_path(token: &str) -> String {
    format!("/api/registrations/{}/ics", encode(token))
}

/// `GET /api/registrations/{token}/export`, a download link (the data given, as JSON).
pub fn registration_export_path(token: &str) -> String {
    format!("/api/registrations/{}/export", encode(token))
}

/// `GET /api/me/events`
pub async fn my_events(lang: Lang) -> Result<Vec<MyEvent>, ApiFailure> {
    send(Method::GET, "/api/me/events", NO_BODY, lang).await
}

/// `PUT /api/me/events/{id}` (the member comes) or `DELETE` (no longer).
pub async fn set_coming(id: i64, coming: bool, lang: Lang) -> Result<(), ApiFailure> {
    let path = format!("/api/me/events/{id}");
    if coming {
        send::<MyEvent>(Method::PUT, &path, NO_BODY, lang)
            .await
            .map(drop)
    } else {
        send_empty(Method::DELETE, &path, NO_BODY, lang).await
    }
}

/// `GET /api/staff/events?from=&to=` (cancelled ones too).
pub async fn staff_events(from: &str, to: &str, lang: Lang) -> Result<Vec<EventView>, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/staff/events{}", query(&[("from", from), ("to", to)])),
        NO_BODY,
        lang,
    )
    .await
}

/// `POST /api/staff/events` (no id) or `PATCH /api/staff/events/{id}` (the whole event).
pub async fn save_event(
    id: Option<i64>,
    req: &EventInput,
    lang: Lang,
) -> Result<EventView, ApiFailure> {
    match id {
        None => send(Method::POST, "/api/staff/events", Some(req), lang).await,
        Some(id) => {
            send(
                Method::PATCH,
                &format!("/api/staff/events/{id}"),
                Some(req),
                lang,
            )
            .await
        }
    }
}

/// `GET /api/staff/events/{id}/registrations`
pub async fn event_registrations(id: i64, lang: Lang) -> Result<EventRegistrations, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/staff/events/{id}/registrations"),
        NO_BODY,
        lang,
    )
    .await
}

/// `GET /api/staff/events/{id}/registrations.csv`, a download link.
pub fn event_registrations_csv_path(id: i64) -> String {
    format!("/api/staff/events/{id}/registrations.csv")
}

/// `PUT /api/staff/clubs/{slug}/rule`
pub async fn set_club_rule(
    slug: &str,
    rule: &domain::recurrence::MonthlyRule,
    lang: Lang,
) -> Result<(), ApiFailure> {
    send_empty(
        Method::PUT,
        &format!("/api/staff/clubs/{}/rule", encode(slug)),
        Some(rule),
        lang,
    )
    .await
}

/// `DELETE /api/staff/registrations/{id}/check-in`
pub async fn undo_registration_check_in(
    id: i64,
    lang: Lang,
) -> Result<StaffRegistration, ApiFailure> {
    send(
        Method::DELETE,
        &format!("/api/staff/registrations/{id}/check-in"),
        NO_BODY,
        lang,
    )
    .await
}

/// `POST /api/staff/registrations/{id}/check-in`
/// Staff cancel a sign-up for a family who phoned.
pub async fn cancel_registration_for_family(id: i64, lang: Lang) -> Result<(), ApiFailure> {
    send_empty(
        Method::DELETE,
        &format!("/api/staff/registrations/{id}"),
        NO_BODY,
        lang,
    )
    .await
}

pub async fn check_in(id: i64, present: u32, lang: Lang) -> Result<StaffRegistration, ApiFailure> {
    send(
        Method::POST,
        &format!("/api/staff/registrations/{id}/check-in"),
        Some(&CheckIn { present }),
        lang,
    )
    .await
}

// ---------------------------------------------------------------- consultations and the library

use domain::consultations::{
    AssignRequest, CloseRequest, ConsultationCreated, ConsultationRequest, ConsultationView,
    Feedback, GiveBackRequest, LibraryCard, LibraryDraft, LibraryInput, LibraryItem,
    MyConsultation, ScheduleRequest, StaffConsultation, Topic, TopicInput, Unsuitable,
    Volunteering, Volunteers,
};

/// `GET /api/consultation-topics`
pub async fn consultation_topics(lang: Lang) -> Result<Vec<Topic>, ApiFailure> {
    send(Method::GET, "/api/consultation-topics", NO_BODY, lang).await
}

/// `GET /api/library?topic=&q=`
pub async fn library(topic: &str, q: &str, lang: Lang) -> Result<Vec<LibraryCard>, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/library{}", query(&[("topic", topic), ("q", q)])),
        NO_BODY,
        lang,
    )
    .await
}

/// `GET /api/library/{slug}`
pub async fn library_item(slug: &str, lang: Lang) -> Result<LibraryItem, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/library/{}", encode(slug)),
        NO_BODY,
        lang,
    )
    .await
}

/// `POST /api/consultations`
pub async fn request_consultation(
    req: &ConsultationRequest,
    lang: Lang,
) -> Result<ConsultationCreated, ApiFailure> {
    send(Method::POST, "/api/consultations", Some(req), lang).await
}

fn consultation_path(token: &str, rest: &str) -> String {
    format!("/api/consultations/{}{rest}", encode(token))
}

/// `GET /api/consultations/{token}`
pub async fn consultation(token: &str, lang: Lang) -> Result<ConsultationView, ApiFailure> {
    send(Method::GET, &consultation_path(token, ""), NO_BODY, lang).await
}

/// The `.ics` and the export of a request, as links.
pub fn consultation_file(token: &str, file: &str) -> String {
    consultation_path(token, &format!("/{file}"))
}

/// `POST /api/consultations/{token}/unsuitable`
pub async fn consultation_unsuitable(
    token: &str,
    body: &Unsuitable,
    lang: Lang,
) -> Result<ConsultationView, ApiFailure> {
    send(
        Method::POST,
        &consultation_path(token, "/unsuitable"),
        Some(body),
        lang,
    )
    .await
}

/// `POST /api/consultations/{token}/feedback`
pub async fn consultation_feedback(
    token: &str,
    body: &Feedback,
    lang: Lang,
) -> Result<ConsultationView, ApiFailure> {
    send(
        Method::POST,
        &consultation_path(token, "/feedback"),
        Some(body),
        lang,
    )
    .await
}

/// `DELETE /api/consultations/{token}`
pub async fn cancel_consultation(token: &str, lang: Lang) -> Result<(), ApiFailure> {
    send_empty(Method::DELETE, &consultation_path(token, ""), NO_BODY, lang).await
}

/// `GET /api/staff/consultations`
pub async fn staff_consultations(
    status: &str,
    lang: Lang,
) -> Result<Vec<StaffConsultation>, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/staff/consultations{}", query(&[("status", status)])),
        NO_BODY,
        lang,
    )
    .await
}

/// `GET /api/staff/consultations/{id}`
pub async fn staff_consultation(id: i64, lang: Lang) -> Result<StaffConsultation, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/staff/consultations/{id}"),
        NO_BODY,
        lang,
    )
    .await
}

/// `GET /api/staff/consultations/{id}/volunteers`
pub async fn consultation_volunteers(id: i64, lang: Lang) -> Result<Volunteers, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/staff/consultations/{id}/volunteers"),
        NO_BODY,
        lang,
    )
    .await
}

/// `POST /api/staff/consultations/{id}/assign`
pub async fn assign_consultation(
    id: i64,
    body: &AssignRequest,
    lang: Lang,
) -> Result<StaffConsultation, ApiFailure> {
    send(
        Method::POST,
        &format!("/api/staff/consultations/{id}/assign"),
        Some(body),
        lang,
    )
    .await
}

/// `POST /api/staff/consultations/{id}/schedule` (staff) or `/api/me/consultations/{id}/schedule`
/// (the volunteer): the answer is read by the page again, so it is not typed here.
pub async fn schedule_consultation(
    id: i64,
    body: &ScheduleRequest,
    staff: bool,
    lang: Lang,
) -> Result<(), ApiFailure> {
    let base = if staff { "staff" } else { "me" };
    request(
        Method::POST,
        &format!("/api/{base}/consultations/{id}/schedule"),
        json(Some(body))?,
        lang,
        None,
        false,
    )
    .await
    .map(|_| ())
}

/// `POST /api/staff/consultations/{id}/close` or `/api/me/consultations/{id}/close`.
pub async fn close_consultation(
    id: i64,
    body: &CloseRequest,
    staff: bool,
    lang: Lang,
) -> Result<(), ApiFailure> {
    let base = if staff { "staff" } else { "me" };
    request(
        Method::POST,
        &format!("/api/{base}/consultations/{id}/close"),
        json(Some(body))?,
        lang,
        None,
        false,
    )
    .await
    .map(|_| ())
}

/// `GET /api/staff/library`
pub async fn staff_library(lang: Lang) -> Result<Vec<LibraryCard>, ApiFailure> {
    send(Method::GET, "/api/staff/library", NO_BODY, lang).await
}

/// `GET /api/staff/library/{slug}`
pub async fn library_draft(slug: &str, lang: Lang) -> Result<LibraryDraft, ApiFailure> {
    send(
        Method::GET,
        &format!("/api/staff/library/{}", encode(slug)),
        NO_BODY,
        lang,
    )
    .await
}

/// `POST /api/staff/library-preview`: the page a draft makes, nothing saved.
pub async fn preview_library_item(
    body: &LibraryInput,
    lang: Lang,
) -> Result<LibraryDraft, ApiFailure> {
    send(Method::POST, "/api/staff/library-preview", Some(body), lang).await
}

/// `POST /api/staff/library` (no slug yet) or `PUT /api/staff/library/{slug}`.
pub async fn save_library_item(
    slug: Option<&str>,
    body: &LibraryInput,
    lang: Lang,
) -> Result<LibraryDraft, ApiFailure> {
    match slug {
        None => send(Method::POST, "/api/staff/library", Some(body), lang).await,
        Some(s) => {
            send(
                Method::PUT,
                &format!("/api/staff/library/{}", encode(s)),
                Some(body),
                lang,
            )
            .await
        }
    }
}

/// `POST /api/staff/consultation-topics` (no slug) or `PUT …/{slug}`.
pub async fn save_topic(
    slug: Option<&str>,
    body: &TopicInput,
    lang: Lang,
) -> Result<Vec<Topic>, ApiFailure> {
    match slug {
        None => {
            send(
                Method::POST,
                "/api/staff/consultation-topics",
                Some(body),
                lang,
            )
            .await
        }
        Some(s) => {
            send(
                Method::PUT,
                &format!("/api/staff/consultation-topics/{}", encode(s)),
                Some(body),
                lang,
            )
            .await
        }
    }
}

/// `GET /api/me/consultations`
pub async fn my_consultations(lang: Lang) -> Result<Vec<MyConsultation>, ApiFailure> {
    send(Method::GET, "/api/me/consultations", NO_BODY, lang).await
}

/// `POST /api/me/consultations/{id}/accept`
pub async fn accept_consultation(id: i64, lang: Lang) -> Result<MyConsultation, ApiFailure> {
    send(
        Method::POST,
        &format!("/api/me/consultations/{id}/accept"),
        NO_BODY,
        lang,
    )
    .await
}

/// `POST /api/me/consultations/{id}/decline`
pub async fn give_back_consultation(
    id: i64,
    body: &GiveBackRequest,
    lang: Lang,
) -> Result<(), ApiFailure> {
    send_empty(
        Method::POST,
        &format!("/api/me/consultations/{id}/decline"),
        Some(body),
        lang,
    )
    .await
}

/// `GET /api/me/volunteering`
pub async fn volunteering(lang: Lang) -> Result<Volunteering, ApiFailure> {
    send(Method::GET, "/api/me/volunteering", NO_BODY, lang).await
}

/// `PUT /api/me/volunteering`
pub async fn set_volunteering(body: &Volunteering, lang: Lang) -> Result<Volunteering, ApiFailure> {
    send(Method::PUT, "/api/me/volunteering", Some(body), lang).await
}
