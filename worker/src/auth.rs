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
/// How often a used session's last-seen time (and idle expiry) is written at most.
pub const SESSION_REFRESH: Duration = Duration::minutes(5);

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
    let found = sessions::find(db, &hash, now).await?;
    let Some(row) = found else {
        return Ok(Caller::Anonymous);
    };
    let member = Member {
        id: row.member_id,
        role: row.role,
        name: row.name.clone(),
        email: row.email.clone(),
        session_hash: hash.clone(),
    };
    if needs_refresh(row.last_seen(), now) {
        sessions::touch(db, &hash, now, SESSION_IDLE, SESSION_REFRESH).await?;
    }
    Ok(Caller::Member(member))
}

/// Should this request slide the session's idle expiry? Only when the last refresh is at least
/// [`SESSION_REFRESH`] old: reads stay reads. The idle expiry is then at least
/// `SESSION_IDLE - SESSION_REFRESH` after any request, and exactly `SESSION_IDLE` after a refresh.
pub fn needs_refresh(last_seen: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    last_seen.is_none_or(|t| t <= now - SESSION_REFRESH)
}

pub fn session_cookie(token: &str) -> String {
    format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age={}",
        SESSION_ABSOLUTE.num_seconds()
    )
}

/// A device that signed in before: a random id kept for a year (only its hash is stored). Failed
/// logins from elsewhere never lock this device out of the account it signed in to (OWASP's
/// authentication guidance: throttle the attacker, not the owner).
pub const DEVICE_COOKIE: &str = "__Host-kerne_device";
pub const DEVICE_LIFETIME: Duration = Duration::days(365);

pub fn device_token(req: &Request) -> Option<String> {
    let header = req.headers().get("Cookie").ok().flatten()?;
    header.split(';').find_map(|c| {
        c.trim()
            .strip_prefix(&format!("{DEVICE_COOKIE}="))
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    })
}

pub fn device_cookie(token: &str) -> String {
    format!(
        "{DEVICE_COOKIE}={token}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age={}",
        DEVICE_LIFETIME.num_seconds()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .expect("test instant")
    }

    #[test]
    fn a_session_is_written_at_most_every_five_minutes() {
        let seen = at("2026-12-01T10:00:00Z");
        assert!(
            !needs_refresh(Some(seen), at("2026-12-01T10:00:01Z")),
            "a second later: read only"
        );
        assert!(
            !needs_refresh(Some(seen), at("2026-12-01T10:04:59Z")),
            "under five minutes: read only"
        );
        assert!(
            needs_refresh(Some(seen), at("2026-12-01T10:05:00Z")),
            "five minutes on: refreshed"
        );
        assert!(
            needs_refresh(None, seen),
            "an unreadable last-seen time is rewritten"
        );
    }

    #[test]
    fn a_session_in_use_never_idles_out_and_an_idle_one_does() {
        // Simulate a member who makes a request every minute for a month: the stored idle expiry
        // (what the session lookup compares with) always lies ahead of every request.
        let mut now = at("2026-12-01T10:00:00Z");
        let (mut last_seen, mut idle_expires) = (now, now + SESSION_IDLE);
        for _ in 0..(31 * 24 * 60) {
            now += Duration::minutes(1);
            assert!(
                idle_expires > now,
                "a session used a minute ago expired at {now}"
            );
            if needs_refresh(Some(last_seen), now) {
                (last_seen, idle_expires) = (now, now + SESSION_IDLE);
            }
            assert!(
                idle_expires >= now + SESSION_IDLE - SESSION_REFRESH,
                "the idle expiry lagged at {now}"
            );
        }
        // Then nothing for the idle period: the lookup's `idle_expires_at > now` refuses it.
        let later = last_seen + SESSION_IDLE;
        assert!(
            idle_expires <= later,
            "a session idle since {last_seen} must be expired at {later}"
        );
    }
}
