//! The app's one way to call the API: [`call`], [`send`] and [`send_once`] take an endpoint as the
//! domain describes it (`domain::endpoints`: its method, path, body and answer types, the same the
//! worker's route table serves), with the language of the page's `I18n` context. Reads abort when
//! their view goes away; writes run to the end, so a tap that navigates away never leaves a
//! half-known state.

use domain::endpoints::{self, Call};
use domain::wire::ApiErrorBody;
use domain::Lang;
use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::{
    on_cleanup, use_context, Action, Effect, Get, GetUntracked, ReadSignal, RwSignal, Signal,
    Update, WithUntracked,
};
use send_wrapper::SendWrapper;
use wire_json::{self as json, FromJson, Json, ToJson};

use crate::i18n::I18n;

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
/// optional `Idempotency-Key` (a retried booking creates one booking); the answer's body as text.
/// Cookies go along by default (same origin); the server checks `Origin`, which the browser sets.
/// Not generic, and boxed: its state machine is compiled once rather than into every typed call
/// (about 3 KB brotli less for the app).
fn request(
    method: Method,
    path: &str,
    body: Option<String>,
    lang: Lang,
    key: Option<&str>,
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
            return resp.text().await.map_err(network);
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

/// The typed value of an answer's JSON text, read by the domain's small JSON reader (serde's
/// per-type deserializers were the largest part of the app's wasm). An empty answer (204, 202) is
/// read as `null`: what `()` and an `Option` take.
fn parse<T: FromJson>(text: &str) -> Result<T, ApiFailure> {
    let decoded = if text.is_empty() {
        T::from_json(&Json::Null)
    } else {
        json::from_str(text)
    };
    decoded.map_err(|e| ApiFailure::Network(e.to_string()))
}

/// The language the answer's messages are written in: the page's.
fn lang() -> Lang {
    use_context::<I18n>()
        .map(|i18n| i18n.lang_untracked())
        .unwrap_or_default()
}

fn method(m: endpoints::Method) -> Method {
    match m {
        endpoints::Method::Get => Method::GET,
        endpoints::Method::Post => Method::POST,
        endpoints::Method::Put => Method::PUT,
        endpoints::Method::Patch => Method::PATCH,
        endpoints::Method::Delete => Method::DELETE,
    }
}

/// Calls an endpoint that takes no body (`ep::SITE`, or `ep::EVENT.at(&[&id])`), its answer
/// decoded. The language is read now, from the context of the view or action that calls.
pub fn call<A: FromJson>(
    call: impl Into<Call<(), A>>,
) -> impl std::future::Future<Output = Result<A, ApiFailure>> {
    let call = call.into();
    let pending = request(method(call.method), &call.url, None, lang(), None);
    async move { parse(&pending.await?) }
}

/// Calls an endpoint with its JSON body.
pub fn send<B: ToJson, A: FromJson>(
    call: impl Into<Call<B, A>>,
    body: &B,
) -> impl std::future::Future<Output = Result<A, ApiFailure>> {
    send_once(call, body, None)
}

/// Calls an endpoint with its JSON body and, when `key` is given, an `Idempotency-Key`: the same
/// for every retry of one attempt, so that a retried booking books once.
pub fn send_once<B: ToJson, A: FromJson>(
    call: impl Into<Call<B, A>>,
    body: &B,
    key: Option<&str>,
) -> impl std::future::Future<Output = Result<A, ApiFailure>> {
    let call = call.into();
    let pending = request(
        method(call.method),
        &call.url,
        Some(json::to_string(body)),
        lang(),
        key,
    );
    async move { parse(&pending.await?) }
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
    /// The filters a member's directory takes.
    pub fn directory(&self) -> [(&str, &str); 3] {
        [("q", &self.q), ("skill", &self.skill), ("club", &self.club)]
    }

    /// The staff list's filters, for the API and the page's address alike.
    pub fn staff(&self) -> [(&str, &str); 7] {
        [
            ("q", &self.q),
            ("skill", &self.skill),
            ("club", &self.club),
            ("status", &self.status),
            ("sort", &self.sort),
            ("from", &self.from),
            ("to", &self.to),
        ]
    }
}
