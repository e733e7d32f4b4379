//! The authorization matrix: every route of accounts and staff pages, by every kind of caller.

use anyhow::{ensure, Context, Result};
use kerne_tests::api_client::{ApiClient, DEMO_PASSWORD};
use reqwest::Method;
use serde_json::{json, Value};

use crate::support::{admin, anonymous, staff};
use crate::Api;

/// Expected statuses for: anonymous, member, staff, admin.
struct Case {
    method: Method,
    path: String,
    body: Option<Value>,
    expect: [u16; 4],
}

fn case(method: Method, path: impl Into<String>, body: Option<Value>, expect: [u16; 4]) -> Case {
    Case {
        method,
        path: path.into(),
        body,
        expect,
    }
}

pub async fn every_route_checks_who_is_asking(api: &'static Api) -> Result<()> {
    let member = anonymous(api)
        .login("membre30@silicon-kerne.test", DEMO_PASSWORD)
        .await?;
    let other = anonymous(api)
        .login("membre31@silicon-kerne.test", DEMO_PASSWORD)
        .await?;
    let other_id = other.get_json::<domain::wire::Me>("/api/me").await?.id;
    let private_id = 6; // membre04: not in the directory
    let callers: [(&str, ApiClient); 4] = [
        ("anonymous", anonymous(api)),
        ("member", member.clone()),
        ("staff", staff(api).await?),
        ("admin", admin(api).await?),
    ];
    let empty = Some(json!({}));
    // A members-only event: a guest is refused (403) before anything is read of the body.
    let meetings: Vec<domain::events::EventView> = anonymous(api)
        .get_json("/api/events?kind=club_meeting")
        .await?;
    let meeting = meetings
        .iter()
        .find(|e| e.audience == domain::events::Audience::Members)
        .context("a members-only club meeting")?
        .id;
    let cases = vec![
        case(
            Method::POST,
            format!("/api/events/{meeting}/registrations"),
            empty.clone(),
            [403, 422, 422, 422],
        ),
        case(Method::GET, "/api/me", None, [401, 200, 200, 200]),
        case(
            Method::GET,
            "/api/consultation-topics",
            None,
            [200, 200, 200, 200],
        ),
        case(Method::GET, "/api/library", None, [200, 200, 200, 200]),
        case(
            Method::GET,
            "/api/library/france-num-guides",
            None,
            [200, 200, 200, 200],
        ),
        case(
            Method::POST,
            "/api/consultations",
            empty.clone(),
            [422, 422, 422, 422],
        ),
        case(
            Method::GET,
            "/api/consultations/pas-un-jeton",
            None,
            [404, 404, 404, 404],
        ),
        case(
            Method::DELETE,
            "/api/consultations/pas-un-jeton",
            None,
            [404, 404, 404, 404],
        ),
        case(
            Method::GET,
            "/api/consultations/pas-un-jeton/ics",
            None,
            [404, 404, 404, 404],
        ),
        case(
            Method::GET,
            "/api/consultations/pas-un-jeton/export",
            None,
            [404, 404, 404, 404],
        ),
        case(
            Method::POST,
            "/api/consultations/pas-un-jeton/unsuitable",
            empty.clone(),
            [404, 404, 404, 404],
        ),
        case(
            Method::POST,
            "/api/consultations/pas-un-jeton/feedback",
            empty.clone(),
            [404, 404, 404, 404],
        ),
        case(
            Method::GET,
            "/api/staff/consultations",
            None,
            [401, 403, 200, 200],
        ),
        case(
            Method::GET,
            "/api/staff/consultations/999999",
            None,
            [401, 403, 404, 404],
        ),
        case(
            Method::GET,
            "/api/staff/consultations/999999/volunteers",
            None,
            [401, 403, 404, 404],
        ),
        case(
            Method::POST,
            "/api/staff/consultations/999999/assign",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::POST,
            "/api/staff/consultations/999999/schedule",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::POST,
            "/api/staff/consultations/999999/close",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::POST,
            "/api/staff/consultation-topics",
            empty.clone(),
            [401, 403, 422, 422],
        ),
        case(
            Method::PUT,
            "/api/staff/consultation-topics/pas-un-sujet",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::GET,
            "/api/staff/library",
            None,
            [401, 403, 200, 200],
        ),
        case(
            Method::POST,
            "/api/staff/library",
            empty.clone(),
            [401, 403, 422, 422],
        ),
        case(
            Method::POST,
            "/api/staff/library-preview",
            empty.clone(),
            [401, 403, 200, 200],
        ),
        case(
            Method::GET,
            "/api/staff/library/pas-de-fiche",
            None,
            [401, 403, 404, 404],
        ),
        case(
            Method::PUT,
            "/api/staff/library/pas-de-fiche",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::GET,
            "/api/me/consultations",
            None,
            [401, 200, 200, 200],
        ),
        case(
            Method::POST,
            "/api/me/consultations/999999/accept",
            empty.clone(),
            [401, 404, 404, 404],
        ),
        case(
            Method::POST,
            "/api/me/consultations/999999/decline",
            Some(json!({ "reason": "non" })),
            [401, 404, 404, 404],
        ),
        case(
            Method::POST,
            "/api/me/consultations/999999/schedule",
            empty.clone(),
            [401, 404, 404, 404],
        ),
        case(
            Method::POST,
            "/api/me/consultations/999999/close",
            empty.clone(),
            [401, 404, 404, 404],
        ),
        case(
            Method::GET,
            "/api/me/volunteering",
            None,
            [401, 200, 200, 200],
        ),
        case(
            Method::PUT,
            "/api/me/volunteering",
            empty.clone(),
            [401, 422, 422, 422],
        ),
        case(
            Method::PUT,
            "/api/me/profile",
            empty.clone(),
            [401, 422, 422, 422],
        ),
        case(
            Method::PUT,
            "/api/me/clubs/club-fantome",
            empty.clone(),
            [401, 404, 404, 404],
        ),
        case(
            Method::DELETE,
            "/api/me/clubs/club-fantome",
            None,
            [401, 404, 404, 404],
        ),
        case(Method::GET, "/api/me/export", None, [401, 200, 200, 200]),
        case(Method::DELETE, "/api/me", None, [401, 0, 0, 0]), // not run for real accounts
        case(Method::GET, "/api/directory", None, [401, 200, 200, 200]),
        case(
            Method::GET,
            format!("/api/directory/{private_id}"),
            None,
            [401, 404, 404, 404],
        ),
        case(
            Method::GET,
            "/api/staff/applications",
            None,
            [401, 403, 200, 200],
        ),
        case(
            Method::POST,
            "/api/staff/applications/999999/approve",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::POST,
            "/api/staff/applications/999999/decline",
            Some(json!({ "reason": "non" })),
            [401, 403, 404, 404],
        ),
        case(
            Method::GET,
            "/api/staff/members",
            None,
            [401, 403, 200, 200],
        ),
        case(
            Method::GET,
            format!("/api/staff/members/{other_id}"),
            None,
            [401, 403, 200, 200],
        ),
        case(
            Method::POST,
            format!("/api/staff/members/{other_id}/payments"),
            empty.clone(),
            [401, 403, 422, 422],
        ),
        case(
            Method::POST,
            "/api/staff/members/999999/deactivate",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::PUT,
            format!("/api/staff/members/{other_id}/role"),
            Some(json!({ "role": "member" })),
            [401, 403, 403, 204],
        ),
        case(Method::GET, "/api/staff/outbox", None, [401, 403, 200, 200]),
        case(Method::GET, "/api/staff/audit", None, [401, 403, 200, 200]),
        case(Method::GET, "/api/resources", None, [200, 200, 200, 200]),
        case(Method::GET, "/api/bookings", None, [401, 200, 200, 200]),
        case(
            Method::POST,
            "/api/bookings",
            empty.clone(),
            [401, 422, 422, 422],
        ),
        case(
            Method::DELETE,
            "/api/bookings/999999",
            None,
            [401, 404, 404, 404],
        ),
        case(
            Method::GET,
            "/api/bookings/999999/ics",
            None,
            [401, 404, 404, 404],
        ),
        case(
            Method::POST,
            "/api/me/calendar-feed",
            empty.clone(),
            [401, 201, 201, 201],
        ),
        case(
            Method::GET,
            "/api/calendar/not-a-token.ics",
            None,
            [404, 404, 404, 404],
        ),
        case(Method::GET, "/api/staff/day", None, [401, 403, 200, 200]),
        case(
            Method::POST,
            "/api/staff/bookings/999999/check-in",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::POST,
            "/api/staff/bookings/999999/no-show",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::POST,
            "/api/staff/bookings/999999/cancel",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::POST,
            "/api/staff/blocks",
            empty.clone(),
            [401, 403, 422, 422],
        ),
        case(
            Method::GET,
            "/api/staff/occupancy?from=2026-01-05&to=2026-01-11",
            None,
            [401, 403, 200, 200],
        ),
        case(
            Method::GET,
            "/api/rentals/not-a-token",
            None,
            [404, 404, 404, 404],
        ),
        case(
            Method::GET,
            "/api/staff/rentals",
            None,
            [401, 403, 200, 200],
        ),
        case(
            Method::POST,
            "/api/staff/rentals/999999/approve",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::POST,
            "/api/staff/rentals/999999/decline",
            Some(json!({ "reason": "non" })),
            [401, 403, 404, 404],
        ),
        case(
            Method::GET,
            "/api/staff/settings",
            None,
            [401, 403, 200, 200],
        ),
        case(
            Method::GET,
            "/api/staff/closures",
            None,
            [401, 403, 200, 200],
        ),
        case(
            Method::GET,
            "/api/staff/stats/today",
            None,
            [401, 403, 200, 200],
        ),
        case(
            Method::GET,
            "/api/staff/stats?from=2026-01-01&to=2026-01-31",
            None,
            [401, 403, 200, 200],
        ),
        case(
            Method::GET,
            "/api/staff/stats/room.csv?from=2026-01-01&to=2026-01-31",
            None,
            [401, 403, 200, 200],
        ),
        case(
            Method::GET,
            "/api/staff/report?from=2026-01-01&to=2026-01-31",
            None,
            [401, 403, 200, 200],
        ),
        case(
            Method::PUT,
            "/api/staff/report/text?from=2026-01-01&to=2026-01-31",
            Some(json!({ "text": "x".repeat(4001) })),
            [401, 403, 422, 422],
        ),
        case(
            Method::DELETE,
            "/api/staff/closures/1999-01-01",
            None,
            [401, 403, 404, 404],
        ),
        case(
            Method::GET,
            "/api/auth/invitation/not-a-token",
            None,
            [404, 404, 404, 404],
        ),
        case(
            Method::GET,
            "/api/auth/password-reset/not-a-token",
            None,
            [404, 404, 404, 404],
        ),
        case(
            Method::GET,
            "/api/rental-days?from=2026-01-05&to=2026-01-11",
            None,
            [200, 200, 200, 200],
        ),
        case(Method::GET, "/api/staff/blocks", None, [401, 403, 200, 200]),
        case(
            Method::DELETE,
            "/api/staff/blocks/999999",
            None,
            [401, 403, 404, 404],
        ),
        case(
            Method::DELETE,
            "/api/staff/bookings/999999/check-in",
            None,
            [401, 403, 404, 404],
        ),
        case(
            Method::GET,
            format!("/api/staff/members/{other_id}/bookings"),
            None,
            [401, 403, 200, 200],
        ),
        case(
            Method::POST,
            "/api/applications",
            empty.clone(),
            [422, 422, 422, 422],
        ),
        case(
            Method::POST,
            "/api/auth/login",
            Some(json!({ "email": "personne@example.fr", "password": "pas le bon" })),
            [401, 401, 401, 401],
        ),
        case(
            Method::POST,
            "/api/auth/invitation",
            Some(json!({ "token": "pas-un-jeton", "password": "un mot de passe solide" })),
            [410, 410, 410, 410],
        ),
        case(
            Method::POST,
            "/api/auth/password-reset",
            Some(json!({ "email": "personne@example.fr" })),
            [202, 202, 202, 202],
        ),
        case(
            Method::POST,
            "/api/auth/password-reset/confirm",
            Some(json!({ "token": "pas-un-jeton", "password": "un mot de passe solide" })),
            [410, 410, 410, 410],
        ),
        case(Method::GET, "/api/events", None, [200, 200, 200, 200]),
        case(
            Method::GET,
            "/api/events/999999",
            None,
            [404, 404, 404, 404],
        ),
        case(
            Method::GET,
            "/api/events/999999/ics",
            None,
            [404, 404, 404, 404],
        ),
        case(
            Method::POST,
            "/api/events/999999/registrations",
            empty.clone(),
            [404, 404, 404, 404],
        ),
        case(
            Method::GET,
            "/api/registrations/pas-un-jeton",
            None,
            [404, 404, 404, 404],
        ),
        case(
            Method::PATCH,
            "/api/registrations/pas-un-jeton",
            empty.clone(),
            [404, 404, 404, 404],
        ),
        case(
            Method::DELETE,
            "/api/registrations/pas-un-jeton",
            None,
            [404, 404, 404, 404],
        ),
        case(
            Method::GET,
            "/api/registrations/pas-un-jeton/ics",
            None,
            [404, 404, 404, 404],
        ),
        case(
            Method::GET,
            "/api/registrations/pas-un-jeton/export",
            None,
            [404, 404, 404, 404],
        ),
        case(Method::GET, "/api/me/events", None, [401, 200, 200, 200]),
        case(
            Method::PUT,
            "/api/me/events/999999",
            empty.clone(),
            [401, 404, 404, 404],
        ),
        case(
            Method::DELETE,
            "/api/me/events/999999",
            None,
            [401, 404, 404, 404],
        ),
        case(Method::GET, "/api/staff/events", None, [401, 403, 200, 200]),
        case(
            Method::POST,
            "/api/staff/events",
            empty.clone(),
            [401, 403, 422, 422],
        ),
        case(
            Method::PATCH,
            "/api/staff/events/999999",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::GET,
            "/api/staff/events/999999/registrations",
            None,
            [401, 403, 404, 404],
        ),
        case(
            Method::GET,
            "/api/staff/events/999999/registrations.csv",
            None,
            [401, 403, 404, 404],
        ),
        case(
            Method::POST,
            "/api/staff/registrations/999999/check-in",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::DELETE,
            "/api/staff/registrations/999999/check-in",
            None,
            [401, 403, 404, 404],
        ),
        case(
            Method::DELETE,
            "/api/staff/registrations/999999",
            None,
            [401, 403, 404, 404],
        ),
        case(
            Method::PUT,
            "/api/staff/clubs/club-fantome/rule",
            Some(json!({ "ordinal": 2, "weekday": 4, "time": "18:30", "duration_minutes": 120 })),
            [401, 403, 404, 404],
        ),
        case(Method::GET, "/api/session", None, [200, 200, 200, 200]),
        case(
            Method::GET,
            "/api/availability?resource=coworking&from=2026-01-05&to=2026-01-05",
            None,
            [200, 200, 200, 200],
        ),
        case(
            Method::POST,
            "/api/rentals",
            empty.clone(),
            [422, 422, 422, 422],
        ),
        case(
            Method::POST,
            "/api/rentals/pas-un-jeton/cancel",
            empty.clone(),
            [404, 404, 404, 404],
        ),
        case(
            Method::PUT,
            "/api/staff/settings/opening_hours",
            Some(json!("pas des horaires")),
            [401, 403, 422, 422],
        ),
        case(
            Method::POST,
            "/api/staff/closures",
            empty.clone(),
            [401, 403, 422, 422],
        ),
        case(
            Method::GET,
            "/api/staff/assemblies",
            None,
            [401, 403, 200, 200],
        ),
        case(
            Method::POST,
            "/api/staff/assemblies",
            empty.clone(),
            [401, 403, 422, 422],
        ),
        case(
            Method::GET,
            "/api/staff/assemblies/999999",
            None,
            [401, 403, 404, 404],
        ),
        case(
            Method::POST,
            "/api/staff/assemblies/999999/convene",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::GET,
            "/api/me/assemblies",
            None,
            [401, 200, 200, 200],
        ),
        // The demo's assembly, convened: every account reads its page (staff are told they do
        // not vote with a staff account); an unknown one is not found.
        case(
            Method::GET,
            "/api/me/assemblies/1",
            None,
            [401, 200, 200, 200],
        ),
        case(
            Method::GET,
            "/api/me/assemblies/999999",
            None,
            [401, 404, 404, 404],
        ),
        case(
            Method::PUT,
            "/api/me/assemblies/999999/answer",
            empty.clone(),
            [401, 404, 404, 404],
        ),
        case(
            Method::PUT,
            "/api/me/assemblies/999999/candidacy",
            empty.clone(),
            [401, 404, 404, 404],
        ),
        case(
            Method::POST,
            "/api/me/assemblies/999999/proxies/3/accept",
            empty.clone(),
            [401, 404, 404, 404],
        ),
        case(
            Method::POST,
            "/api/me/assemblies/999999/proxies/3/refuse",
            empty.clone(),
            [401, 404, 404, 404],
        ),
        case(
            Method::GET,
            "/api/staff/assemblies/999999/door",
            None,
            [401, 403, 404, 404],
        ),
        case(
            Method::PUT,
            "/api/staff/assemblies/999999/door/3",
            Some(json!({ "present": true })),
            [401, 403, 404, 404],
        ),
        case(
            Method::POST,
            "/api/staff/assemblies/999999/items/1/open",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::POST,
            "/api/staff/assemblies/999999/items/1/close",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::POST,
            "/api/me/assemblies/999999/join",
            empty.clone(),
            [401, 404, 404, 404],
        ),
        case(
            Method::POST,
            "/api/me/assemblies/999999/items/1/vote",
            empty.clone(),
            [401, 404, 404, 404],
        ),
        case(
            Method::GET,
            "/api/assemblies/999999/items/1/ballots",
            None,
            [404, 404, 404, 404],
        ),
        case(
            Method::POST,
            "/api/staff/assemblies/999999/close",
            empty.clone(),
            [401, 403, 404, 404],
        ),
        case(
            Method::GET,
            "/api/staff/assemblies/999999/minutes",
            None,
            [401, 403, 404, 404],
        ),
        case(Method::GET, "/api/staff/board", None, [401, 403, 200, 200]),
        case(
            Method::PUT,
            "/api/staff/board/999999",
            Some(json!({ "role": "president" })),
            [401, 403, 404, 404],
        ),
        case(
            Method::POST,
            "/api/auth/logout",
            empty.clone(),
            [204, 0, 0, 0],
        ),
    ];
    // Every route the API serves (its OpenAPI document) has its line here.
    let doc: Value = api
        .http
        .get(api.url("/api/openapi.json"))
        .send()
        .await?
        .json()
        .await?;
    let paths = doc["paths"]
        .as_object()
        .context("no paths in openapi.json")?;
    let mut unlisted = Vec::new();
    for (template, ops) in paths {
        for method in ops
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_else(Vec::new)
        {
            let listed = cases.iter().any(|c| {
                c.method.as_str().eq_ignore_ascii_case(&method) && path_fits(template, &c.path)
            });
            if !listed && !NOT_CALLER_DEPENDENT.contains(&template.as_str()) {
                unlisted.push(format!("{} {template}", method.to_uppercase()));
            }
        }
    }
    ensure!(
        unlisted.is_empty(),
        "routes missing from the authorization matrix:\n{}",
        unlisted.join("\n")
    );
    let mut wrong = Vec::new();
    for c in &cases {
        for (i, (who, client)) in callers.iter().enumerate() {
            let expected = c.expect[i];
            if expected == 0 {
                continue;
            }
            let status = client
                .send(c.method.clone(), &c.path, c.body.as_ref())
                .await?
                .status()
                .as_u16();
            if status != expected {
                wrong.push(format!(
                    "{} {} as {who}: {status}, expected {expected}",
                    c.method, c.path
                ));
            }
        }
    }
    // Another member's private data is not found, not forbidden: its existence is not revealed.
    let theirs = member
        .get(&format!("/api/directory/{private_id}"))
        .await?
        .status()
        .as_u16();
    ensure!(
        theirs == 404,
        "a private profile answered {theirs} to another member"
    );
    ensure!(
        wrong.is_empty(),
        "{} authorization mistakes:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    Ok(())
}

/// Routes that answer everyone alike by design, tested in their own modules: health, the public
/// content, the API's own description, a calendar feed by its private token.
const NOT_CALLER_DEPENDENT: &[&str] = &[
    "/api/health",
    "/api/site",
    "/api/openapi.json",
    "/api/resources",
    "/api/calendar/{token}",
];

/// Whether a concrete path (its query ignored) fits a route's template (`{…}` is one segment,
/// `{…}.csv` one segment ending so).
fn path_fits(template: &str, path: &str) -> bool {
    let path = path.split('?').next().unwrap_or(path);
    let (t, p): (Vec<&str>, Vec<&str>) = (template.split('/').collect(), path.split('/').collect());
    t.len() == p.len()
        && t.iter().zip(&p).all(|(a, b)| match a.strip_prefix('{') {
            Some(rest) => rest
                .split_once('}')
                .is_some_and(|(_, suffix)| b.len() > suffix.len() && b.ends_with(suffix)),
            None => a == b,
        })
}

pub async fn the_last_admin_cannot_be_demoted(api: &'static Api) -> Result<()> {
    let admin = admin(api).await?;
    let me = admin.get_json::<domain::wire::Me>("/api/me").await?;
    let resp = admin
        .put(
            &format!("/api/staff/members/{}/role", me.id),
            &json!({ "role": "member" }),
        )
        .await?;
    let err: domain::wire::ApiErrorBody = kerne_tests::api_client::expect_json(resp, 409).await?;
    ensure!(err.message.contains("administrateur"), "{err:?}");
    Ok(())
}
