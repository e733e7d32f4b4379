//! Who is asking, computed once per request, and the checks every state-changing request passes.

use chrono::{DateTime, Duration, Utc};
use domain::accounts::Role;
use worker::{D1Database, Method, Request};

use crate::error::ApiError;
use crate::repo::sessions;
use crate::secrets::token_hash;

/// The session cookie. `__Host-` binds it to this exact origin (no Domain, Path=/, Secure).
pub const SESSION_COOKIE: &str = "__Host-kerne_session";
pub const SESSION_IDLE: Duration = Duration::days(14);
pub const SESSION_ABSOLUTE: Duration = Duration::days(60);

/// The authenticated member behind a request.
#[derive(Debug, Clone)]
pub struct Member {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub session_hash: String,
}

/// Who is asking: decided once, in the dispatcher, from the session cookie.
#[derive(Debug, Clone)]
pub enum Caller {
    Anonymous,
    Member(Member),
}

/// What a route requires of its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Public,
    Member,
    Staff,
    Admin,
}

impl Access {
    pub fn describe(self) -> &'static str {
        match self {
            Access::Public => "public",
            Access::Member => "a logged-in member",
            Access::Staff => "staff (role staff or admin)",
            Access::Admin => "an administrator",
        }
    }
}

impl Caller {
    pub fn member(&self) -> Option<&Member> {
        match self {
            Caller::Member(m) => Some(m),
            Caller::Anonymous => None,
        }
    }

    /// 401 for anonymous callers, 403 for a role too low; the member otherwise.
    pub fn authorize(&self, access: Access) -> Result<(), ApiError> {
        let role = match (self, access) {
            (_, Access::Public) => return Ok(()),
            (Caller::Anonymous, _) => return Err(ApiError::Unauthorized),
            (Caller::Member(m), _) => m.role,
        };
        let allowed = match access {
            Access::Public | Access::Member => true,
            Access::Staff => role.is_staff(),
            Access::Admin => role == Role::Admin,
        };
        if allowed {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }

    /// The label the audit log keeps for who did something.
    pub fn label(&self) -> String {
        match self {
            Caller::Member(m) => format!("{} <{}>", m.name, m.email),
            Caller::Anonymous => "anonymous".into(),
        }
    }

    pub fn id(&self) -> Option<i64> {
        self.member().map(|m| m.id)
    }
}

/// The session token from the request's cookies, if any.
pub fn session_token(req: &Request) -> Option<String> {
    let header = req.headers().get("Cookie").ok().flatten()?;
    header.split(';').find_map(|c| {
        c.trim()
            .strip_prefix(&format!("{SESSION_COOKIE}="))
            .map(str::to_string)
    })
}

/// Resolve the caller from the session cookie: an unknown, expired or revoked session, or a
/// deactivated member, is anonymous. A used session's idle expiry slides forward.
pub async fn resolve(
    req: &Request,
    db: &D1Database,
    now: DateTime<Utc>,
) -> Result<Caller, ApiError> {
    let Some(token) = session_token(req) else {
        return Ok(Caller::Anonymous);
    };
    let hash = token_hash(&token);
    match sessions::find(db, &hash, now).await? {
        Some(row) => {
            let member = Member {
                id: row.member_id,
                name: row.name,
                email: row.email,
                role: Role::parse(&row.role).unwrap_or(Role::Member),
                session_hash: hash.clone(),
            };
            sessions::touch(db, &hash, now, SESSION_IDLE).await?;
            Ok(Caller::Member(member))
        }
        None => Ok(Caller::Anonymous),
    }
}

pub fn session_cookie(token: &str) -> String {
    format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age={}",
        SESSION_ABSOLUTE.num_seconds()
    )
}

pub fn clear_session_cookie() -> String {
    format!("{SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0")
}

pub fn is_unsafe(method: &Method) -> bool {
    !matches!(method, Method::Get | Method::Head | Method::Options)
}

/// Cross-site request protection for state-changing methods: the request must say it comes from
/// this site, by `Sec-Fetch-Site: same-origin` or an `Origin` equal to ours. Browsers send both on
/// every POST/PUT/DELETE; a form or script on another site cannot forge them.
pub fn check_same_origin(req: &Request) -> Result<(), ApiError> {
    let headers = req.headers();
    let own_origin = req
        .url()
        .map(|u| u.origin().ascii_serialization())
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let fetch_site = headers.get("Sec-Fetch-Site").ok().flatten();
    let origin = headers.get("Origin").ok().flatten();
    let site_ok = fetch_site.as_deref().map(|s| s == "same-origin");
    let origin_ok = origin.as_deref().map(|o| o == own_origin);
    match (site_ok, origin_ok) {
        // Whatever a header says, if it says "elsewhere", refuse.
        (Some(false), _) | (_, Some(false)) => Err(ApiError::CrossSite),
        (Some(true), _) | (_, Some(true)) => Ok(()),
        // Neither header: not a browser request from this site.
        (None, None) => Err(ApiError::CrossSite),
    }
}

/// The client a login attempt comes from, for throttling: the connecting IP the platform reports.
pub fn client_key(req: &Request) -> String {
    req.headers()
        .get("CF-Connecting-IP")
        .ok()
        .flatten()
        .unwrap_or_else(|| "unknown".into())
}
