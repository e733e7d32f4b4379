//! The API's error policy, in one place.
//!
//! Every handler returns `Result<Response, ApiError>`. An `ApiError` becomes exactly one JSON body,
//! [`ApiErrorBody`] `{code, message, fields}`, with a message in the caller's language. Causes that
//! come from the platform (D1, bindings, serialisation) are logged with their detail and shown to
//! people only as a generic, translated "internal error": internals never leak into responses.
//! Whether something exists but belongs to someone else is never said: that is a 404, like absence.

use std::collections::BTreeMap;

use domain::accounts::FieldErrors;
use domain::wire::{ApiErrorBody, ErrorCode};
use domain::{ApiMsg, Lang, Localized};
use worker::{console_error, Response};

#[derive(Debug)]
pub enum ApiError {
    /// No route of the API has this path.
    RouteNotFound,
    /// The route exists but not with this method.
    MethodNotAllowed,
    /// The thing asked for does not exist (or is not the caller's: we do not say which).
    NotFound,
    /// The request cannot be read (not JSON, wrong shape).
    BadRequest(String),
    /// The request is readable but some fields break a rule: field name → message.
    Validation(FieldErrors),
    /// One field refused with a text made for this value (e.g. naming the weekday), in both
    /// languages: field name, then the text in French and in English.
    ValidationText(String, Localized<String>),
    /// No valid session.
    Unauthorized,
    /// Logged in, but the role does not allow this.
    Forbidden,
    /// Not allowed, and the message says why (a members-only event, …).
    ForbiddenBecause(ApiMsg),
    /// A state-changing request that does not come from this site.
    CrossSite,
    /// A body that is not `application/json`.
    JsonRequired,
    /// A body over `routes::MAX_BODY_BYTES`.
    TooLarge,
    /// A body that is not UTF-8.
    NotUtf8,
    /// Too many attempts; retry after this many seconds.
    RateLimited { retry_after_secs: i64 },
    /// Too many of something held at once (live sign-ups from one client); the message says what.
    TooMany(ApiMsg),
    /// Wrong email or password (never says which).
    LoginFailed,
    /// The request is valid but collides with the current state; the message says how.
    Conflict(ApiMsg),
    /// The same, with a text made for this case (naming what holds the room), in both languages.
    ConflictText(Localized<String>),
    /// A link or token that was valid once and no longer is.
    Gone(ApiMsg),
    /// Something on our side failed; the detail is logged, not shown.
    Internal(String),
}

impl ApiError {
    pub fn status(&self) -> u16 {
        match self {
            ApiError::RouteNotFound | ApiError::NotFound => 404,
            ApiError::MethodNotAllowed => 405,
            ApiError::BadRequest(_) => 400,
            ApiError::Validation(_) | ApiError::ValidationText(..) => 422,
            ApiError::Unauthorized | ApiError::LoginFailed => 401,
            ApiError::Forbidden | ApiError::ForbiddenBecause(_) | ApiError::CrossSite => 403,
            ApiError::JsonRequired => 415,
            ApiError::TooLarge => 413,
            ApiError::NotUtf8 => 400,
            ApiError::RateLimited { .. } | ApiError::TooMany(_) => 429,
            ApiError::Conflict(_) | ApiError::ConflictText(_) => 409,
            ApiError::Gone(_) => 410,
            ApiError::Internal(_) => 500,
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::RouteNotFound | ApiError::NotFound => ErrorCode::NotFound,
            ApiError::MethodNotAllowed => ErrorCode::MethodNotAllowed,
            ApiError::BadRequest(_) => ErrorCode::BadRequest,
            ApiError::Validation(_) | ApiError::ValidationText(..) => ErrorCode::Validation,
            ApiError::Unauthorized | ApiError::LoginFailed => ErrorCode::Unauthorized,
            ApiError::Forbidden | ApiError::ForbiddenBecause(_) => ErrorCode::Forbidden,
            ApiError::CrossSite => ErrorCode::CrossSite,
            ApiError::JsonRequired => ErrorCode::UnsupportedMediaType,
            ApiError::TooLarge => ErrorCode::TooLarge,
            ApiError::NotUtf8 => ErrorCode::BadRequest,
            ApiError::RateLimited { .. } | ApiError::TooMany(_) => ErrorCode::RateLimited,
            ApiError::Conflict(_) | ApiError::ConflictText(_) => ErrorCode::Conflict,
            ApiError::Gone(_) => ErrorCode::Gone,
            ApiError::Internal(_) => ErrorCode::Internal,
        }
    }

    fn message(&self) -> ApiMsg {
        match self {
            ApiError::RouteNotFound => ApiMsg::ErrRouteNotFound,
            ApiError::MethodNotAllowed => ApiMsg::ErrMethodNotAllowed,
            ApiError::NotFound => ApiMsg::ErrNotFound,
            ApiError::BadRequest(_) => ApiMsg::ErrBadRequest,
            ApiError::Validation(_) | ApiError::ValidationText(..) => ApiMsg::ErrValidation,
            ApiError::Unauthorized => ApiMsg::ErrUnauthorized,
            ApiError::Forbidden => ApiMsg::ErrForbidden,
            ApiError::CrossSite => ApiMsg::ErrCrossSite,
            ApiError::JsonRequired => ApiMsg::ErrJsonRequired,
            ApiError::TooLarge => ApiMsg::ErrTooLarge,
            ApiError::NotUtf8 => ApiMsg::ErrNotUtf8,
            ApiError::RateLimited { .. } => ApiMsg::ErrRateLimited,
            ApiError::LoginFailed => ApiMsg::ErrLoginFailed,
            ApiError::Conflict(m)
            | ApiError::Gone(m)
            | ApiError::ForbiddenBecause(m)
            | ApiError::TooMany(m) => *m,
            ApiError::ConflictText(_) => ApiMsg::ErrRoomTaken,
            ApiError::Internal(_) => ApiMsg::ErrInternal,
        }
    }

    pub fn body(&self, lang: Lang) -> ApiErrorBody {
        let fields: BTreeMap<String, String> = match self {
            ApiError::Validation(fields) => fields
                .iter()
                .map(|(f, m)| (f.clone(), m.text(lang).to_string()))
                .collect(),
            ApiError::ValidationText(field, text) => {
                BTreeMap::from([(field.clone(), text.get(lang).clone())])
            }
            _ => BTreeMap::new(),
        };
        let message = match self {
            // Say what could not be read: it helps the developer of a client, and carries no secret.
            ApiError::BadRequest(detail) => {
                format!("{} ({detail})", self.message().text(lang))
            }
            ApiError::ConflictText(text) => text.get(lang).clone(),
            _ => self.message().text(lang).to_string(),
        };
        ApiErrorBody {
            code: self.code(),
            message,
            fields,
        }
    }

    /// The one mapping from an error to a response.
    pub fn into_response(self, lang: Lang) -> worker::Result<Response> {
        if let ApiError::Internal(detail) = &self {
            console_error!("internal error: {detail}");
        }
        let status = self.status();
        let mut resp = Response::from_json(&self.body(lang))?.with_status(status);
        if let ApiError::RateLimited { retry_after_secs } = self {
            resp.headers_mut()
                .set("Retry-After", &retry_after_secs.max(1).to_string())?;
        }
        Ok(resp)
    }
}

impl ApiError {
    /// One field breaks a rule.
    pub fn field(name: &str, msg: ApiMsg) -> ApiError {
        ApiError::Validation(vec![(name.to_string(), msg)])
    }

    /// One field refused with a text computed in each language.
    pub fn field_text(name: &str, text: impl Fn(Lang) -> String) -> ApiError {
        ApiError::ValidationText(
            name.to_string(),
            Localized {
                fr: text(Lang::Fr),
                en: text(Lang::En),
            },
        )
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(e: serde_json::Error) -> Self {
        ApiError::Internal(format!("json: {e}"))
    }
}

/// Attach what we were doing to a platform error, so the log says which step failed.
pub trait Context<T> {
    fn context(self, what: &str) -> Result<T, ApiError>;
}

impl<T, E: std::fmt::Display> Context<T> for Result<T, E> {
    fn context(self, what: &str) -> Result<T, ApiError> {
        self.map_err(|e| ApiError::Internal(format!("{what}: {e}")))
    }
}
