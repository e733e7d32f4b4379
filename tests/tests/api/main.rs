//! API tests: black-box, over HTTP, against the real worker in workerd with a local D1.
//! One binary, one module per feature; the server is started once for all of them.

use std::sync::OnceLock;

use kerne_tests::{tests, TestApp};

mod errors;
mod health;
mod openapi;
mod security;
mod site;

/// What every API test gets: the running app and an HTTP client.
pub struct Api {
    pub app: TestApp,
    pub http: reqwest::Client,
}

impl Api {
    pub fn url(&self, path: &str) -> String {
        self.app.url(path)
    }
}

fn main() -> std::process::ExitCode {
    let args = libtest_mimic::Arguments::from_args();
    static API: OnceLock<Api> = OnceLock::new();
    let app = match TestApp::spawn() {
        Ok(app) => app,
        Err(e) => {
            eprintln!("could not start the portal for the API tests: {e:#}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let http = reqwest::Client::builder().build().expect("an HTTP client");
    let api = API.get_or_init(|| Api { app, http });
    let conclusion = kerne_tests::harness::run(
        &args,
        api,
        tests![
            health::reports_ok_with_database_and_paris_time,
            site::serves_the_public_content_from_the_seed,
            site::computes_today_and_upcoming_meetings,
            site::is_cacheable_and_revalidates_with_etag,
            errors::unknown_api_route_is_a_json_404_in_french_by_default,
            errors::error_messages_follow_accept_language,
            errors::wrong_method_is_a_json_405,
            errors::deep_links_get_the_app_but_api_paths_never_do,
            security::api_responses_carry_security_headers,
            security::pages_carry_a_strict_content_security_policy,
            security::hashed_assets_are_immutable_and_index_is_revalidated,
            openapi::documents_every_served_route,
            openapi::describes_the_error_body_and_wire_types,
        ],
    );
    if conclusion.has_failed() {
        eprintln!("--- wrangler dev log ---\n{}", api.app.log());
    }
    api.app.shutdown();
    conclusion.exit_code()
}
