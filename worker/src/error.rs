//! The API's error policy, in one place.
//!
//! Every handler returns `Result<Response, ApiError>`. An `ApiError` becomes exactly one JSON body,
//! [`ApiErrorBody`] `{code, message, fields}`, with a message in the caller's language. Causes that
//! come from the platform (D1, bindings, serialisation) are logged with their detail and shown to
//! people only as a generic, translated "internal error": internals never leak into responses.

use std::collections::BTreeMap;

use domain::wire::{ApiErrorBody, ErrorCode};
use domain::{Lang, Msg};
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
    Validation(Vec<(String, Msg)>),
    /// Something on our side failed; the detail is logged, not shown.
    Internal(String),
}

impl ApiError {
    pub fn status(&self) -> u16 {
        match self {
            ApiError::RouteNotFound | ApiError::NotFound => 404,
            ApiError::MethodNotAllowed => 405,
            ApiError::BadRequest(_) => 400,
            ApiError::Validation(_) => 422,
            ApiError::Internal(_) => 500,
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::RouteNotFound | ApiError::NotFound => ErrorCode::NotFound,
            ApiError::MethodNotAllowed => ErrorCode::MethodNotAllowed,
            ApiError::BadRequest(_) => ErrorCode::BadRequest,
            ApiError::Validation(_) => ErrorCode::Validation,
            ApiError::Internal(_) => ErrorCode::Internal,
        }
    }

    pub fn body(&self, lang: Lang) -> ApiErrorBody {
        let message = match self {
            ApiError::RouteNotFound => Msg::ErrRouteNotFound,
            ApiError::MethodNotAllowed => Msg::ErrMethodNotAllowed,
            ApiError::NotFound => Msg::ErrNotFound,
            ApiError::BadRequest(_) => Msg::ErrBadRequest,
            ApiError::Validation(_) => Msg::ErrValidation,
            ApiError::Internal(_) => Msg::ErrInternal,
        };
        let fields: BTreeMap<String, String> = match self {
            ApiError::Validation(fields) => fields.iter().map(|(f, m)| (f.clone(), m.text(lang).to_string())).collect(),
            _ => BTreeMap::new(),
        };
        let message = match self {
            // Say what could not be read: it helps the developer of a client, and carries no secret.
            ApiError::BadRequest(detail) => format!("{} ({detail})", message.text(lang)),
            _ => message.text(lang).to_string(),
        };
        ApiErrorBody { code: self.code(), message, fields }
    }

    /// The one mapping from an error to a response.
    pub fn into_response(self, lang: Lang) -> worker::Result<Response> {
        if let ApiError::Internal(detail) = &self {
            console_error!("internal error: {detail}");
        }
        let status = self.status();
        Ok(Response::from_json(&self.body(lang))?.with_status(status))
    }
}

impl From<worker::Error> for ApiError {
    fn from(e: worker::Error) -> Self {
        ApiError::Internal(e.to_string())
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
