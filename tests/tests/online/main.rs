//! The portal as it runs online, tried by a stranger: its own server configured like a deployment
//! (a public `SITE_URL`, emails sent through an HTTP email service — the test's own mail sink),
//! so that the outbox masks private links for every reader, as it does in production.
//!
//! Each test plays one of the attacks of issue 34 and asserts what the person attacked notices:
//! their inbox, their seats, their account, the spreadsheet staff open.

use std::sync::OnceLock;

use kerne_tests::mail_sink::MailSink;
use kerne_tests::{tests, Config, TestApp};

mod doors;
mod inbox;
mod seats;
mod support;

/// The public address the portal is configured with: no test ever sends a request there, so a
/// link carrying it can only come from the configuration.
pub const SITE: &str = "https://portail.silicon-kerne.test";

pub struct Online {
    pub app: TestApp,
    pub mail: MailSink,
}

fn main() -> std::process::ExitCode {
    let args = libtest_mimic::Arguments::from_args();
    static ONLINE: OnceLock<Online> = OnceLock::new();
    let mail = match kerne_tests::harness::runtime().block_on(MailSink::start()) {
        Ok(mail) => mail,
        Err(e) => {
            eprintln!("could not start the mail sink: {e:#}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let config = Config {
        vars: vec![
            ("SITE_URL".into(), SITE.into()),
            ("EMAIL_SENDER".into(), "http".into()),
            ("EMAIL_API_URL".into(), mail.url.clone()),
        ],
    };
    let app = match TestApp::spawn_with(&config) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("could not start the portal for the online tests: {e:#}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let online = ONLINE.get_or_init(|| Online { app, mail });
    let conclusion = kerne_tests::harness::run(
        &args,
        online,
        tests![
            inbox::staff_never_read_a_private_link_nor_an_admins_reset,
            inbox::a_reset_flood_sends_one_email_and_others_get_theirs_at_once,
            inbox::links_come_from_the_configured_address_whatever_the_host,
            inbox::erasing_a_request_or_a_sign_up_takes_its_emails_along,
            inbox::rentals_and_consultations_count_what_one_mailbox_receives,
            seats::one_client_cannot_take_every_seat,
            seats::exports_are_data_never_formulas,
            doors::others_failures_never_lock_the_owner_out,
            doors::big_or_unreadable_bodies_are_refused_before_anything_is_stored,
            doors::misleading_text_and_far_dates_are_refused_with_their_reason,
            doors::every_limit_is_declared_in_the_openapi_document,
        ],
    );
    if conclusion.has_failed() {
        eprintln!("--- wrangler dev log ---\n{}", online.app.log());
    }
    online.app.shutdown();
    conclusion.exit_code()
}
