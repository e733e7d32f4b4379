//! An email as it is composed: in the recipient's language from the translation layer, text and
//! HTML. Pure (no I/O), so the outbox (which stores it) and the sender (which sends it) both use it
//! without depending on each other.

use domain::i18n::fill;
use domain::{ApiMsg, Lang};

pub struct Email {
    pub to: String,
    pub kind: &'static str,
    pub lang: Lang,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// What it concerns (`event:12`, `consultation:7`, `rental:3`): erasing that thing removes the
    /// emails about it to that address.
    pub about: Option<String>,
}

/// Emails a person is waiting for as they look at the screen (the link they just asked for, the
/// confirmation of what they just did): they leave at once, ahead of reminders and notices.
const URGENT: &[&str] = &[
    "password_reset",
    "invitation",
    "application_received",
    "account_exists",
    "event_registration",
    "event_link_again",
    "rental_received",
    "consultation_received",
];

pub fn is_urgent(kind: &str) -> bool {
    URGENT.contains(&kind)
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The HTML part: the same text, escaped, with links made clickable and line breaks kept.
fn to_html(text: &str) -> String {
    let body: Vec<String> = text
        .lines()
        .map(|line| {
            let escaped = escape_html(line);
            if line.starts_with("http://") || line.starts_with("https://") {
                format!("<a href=\"{escaped}\">{escaped}</a>")
            } else {
                escaped
            }
        })
        .collect();
    format!(
        "<!doctype html><html><body style=\"font-family:sans-serif\"><p>{}</p></body></html>",
        body.join("<br>\n")
    )
}

impl Email {
    pub fn compose(
        to: &str,
        kind: &'static str,
        lang: Lang,
        subject: ApiMsg,
        body: ApiMsg,
        args: &[(&str, &str)],
    ) -> Email {
        let text = fill(body.text(lang), args);
        Email {
            to: to.to_string(),
            kind,
            lang,
            subject: fill(subject.text(lang), args),
            html: to_html(&text),
            text,
            about: None,
        }
    }

    /// Say what it concerns (see [`Email::about`]).
    pub fn about(mut self, about: String) -> Email {
        self.about = Some(about);
        self
    }
}
