//! The site's configuration, read from the worker's variables (`[vars]` in `wrangler.toml`):
//! never from the request. Every address in an email is built from `SITE_URL`.

use worker::Env;

use crate::error::ApiError;

/// What the site is configured as.
pub struct Site {
    /// `https://portail.silicon-kerne.net`, or `http://127.0.0.1:8787` for `make run`; no trailing `/`.
    pub url: String,
    /// Does the portal send real email? (`EMAIL_SENDER = "http"`.)
    pub sends_email: bool,
}

/// The D1 binding, its absence an error that names it.
pub fn db(env: &Env) -> Result<worker::D1Database, ApiError> {
    env.d1("DB")
        .map_err(|e| ApiError::Internal(format!("D1 binding: {e}")))
}

impl Site {
    pub fn from_env(env: &Env) -> Result<Site, ApiError> {
        let var = |name: &str| env.var(name).ok().map(|v| v.to_string());
        let url = var("SITE_URL")
            .map(|u| u.trim().trim_end_matches('/').to_string())
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            .ok_or_else(|| {
                ApiError::Internal("SITE_URL is not set to an http(s) address".into())
            })?;
        Ok(Site {
            url,
            sends_email: var("EMAIL_SENDER").as_deref() == Some("http"),
        })
    }

    /// A link into the site: `path` starts with `/`.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    /// May stored emails be read with their private links? Only where nothing is ever sent and the
    /// site is this machine (`make run`): there the outbox page is the only way to follow a link,
    /// and it says so. Anywhere else, private links are masked for every reader.
    pub fn shows_secrets(&self) -> bool {
        !self.sends_email && is_loopback(&self.url)
    }
}

/// Is this site address the local machine (`127.0.0.0/8`, `localhost`, `[::1]`)?
pub fn is_loopback(url: &str) -> bool {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or_default()
        .split('/')
        .next()
        .unwrap_or_default();
    let host = if host.starts_with('[') {
        host.split(']')
            .next()
            .map(|h| format!("{h}]"))
            .unwrap_or_default()
    } else {
        host.split(':').next().unwrap_or_default().to_string()
    };
    host == "localhost"
        || host == "[::1]"
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::is_loopback;

    #[test]
    fn only_this_machine_counts_as_local() {
        for local in [
            "http://127.0.0.1:8787",
            "http://localhost:8787",
            "http://[::1]:8787",
            "http://127.0.0.1",
        ] {
            assert!(is_loopback(local), "{local} is this machine");
        }
        for online in [
            "https://portail.silicon-kerne.net",
            "https://127.0.0.1.evil.example",
            "http://10.0.0.1:8787",
            "https://localhost.example",
        ] {
            assert!(!is_loopback(online), "{online} is not this machine");
        }
    }
}
