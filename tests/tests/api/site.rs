use anyhow::{ensure, Context, Result};
use chrono::Utc;
use domain::paris;
use domain::settings::DayOpening;
use domain::wire::{ResourceKind, SiteContent, TodayOpening};

use kerne_tests::api_client::decode;

use crate::Api;

async fn site(api: &Api) -> Result<SiteContent> {
    let resp = api.http.get(api.url("/api/site")).send().await?;
    ensure!(resp.status() == 200, "/api/site answered {}", resp.status());
    decode(&resp.text().await?, "/api/site")
}

pub async fn serves_the_public_content_from_the_seed(api: &'static Api) -> Result<()> {
    let s = site(api).await?;
    ensure!(s.name == "Silicon Kerne");
    let partners: Vec<&str> = s.partners.iter().map(|p| p.name.as_str()).collect();
    for expected in [
        "Appnexus",
        "Crédit Agricole du Finistère",
        "Oziolab",
        "Conseil départemental du Finistère",
    ] {
        ensure!(
            partners.contains(&expected),
            "partner {expected} missing from {partners:?}"
        );
    }
    let clubs: Vec<&str> = s.clubs.iter().map(|c| c.slug.as_str()).collect();
    ensure!(
        clubs.contains(&"e-commerce") && clubs.contains(&"graphistes"),
        "clubs: {clubs:?}"
    );
    ensure!(
        s.board.len() == 10,
        "the board has {} members, not 10",
        s.board.len()
    );
    let desks = s
        .resources
        .iter()
        .find(|r| r.kind == ResourceKind::Desk)
        .context("no desk resource")?;
    ensure!(desks.capacity == 12, "{} desks, not 12", desks.capacity);
    let room = s
        .resources
        .iter()
        .find(|r| r.kind == ResourceKind::Room)
        .context("no room")?;
    ensure!(
        room.description.fr.contains("visioconférence"),
        "the room's description does not mention the visio"
    );
    ensure!(
        s.member_count == 90 && s.yearly_budget_cents == 6_000_000,
        "figures: {} members, {} cents",
        s.member_count,
        s.yearly_budget_cents
    );
    ensure!(
        s.opening_hours.days().len() == 5,
        "open {} days a week, not 5",
        s.opening_hours.days().len()
    );
    ensure!(
        s.room_rates.non_member_day_cents > s.room_rates.member_day_cents,
        "members should pay less: {:?}",
        s.room_rates
    );
    ensure!(
        !s.about.fr.is_empty() && !s.about.en.is_empty() && s.about.fr != s.about.en,
        "about text in both languages"
    );
    Ok(())
}

pub async fn computes_today_and_upcoming_meetings(api: &'static Api) -> Result<()> {
    let s = site(api).await?;
    let now = Utc::now();
    let local_now = paris::to_local(now);
    ensure!(
        s.today.date == local_now.date(),
        "today is {} in Paris, the API says {}",
        local_now.date(),
        s.today.date
    );
    // The same rule, computed here from the domain, must agree with the worker.
    let expected = match s.opening_hours.on(local_now.date(), &[]) {
        DayOpening::Open { open, close } => TodayOpening::Open { open, close },
        DayOpening::Holiday(_) => {
            ensure!(
                matches!(s.today.opening, TodayOpening::Holiday { .. }),
                "today is a holiday: {:?}",
                s.today
            );
            return Ok(());
        }
        _ => TodayOpening::Closed,
    };
    ensure!(
        s.today.opening == expected,
        "today's opening {:?}, expected {expected:?}",
        s.today.opening
    );
    ensure!(!s.upcoming_events.is_empty(), "no upcoming events");
    // What a visitor can come to, each with its page: never a members-only meeting.
    for e in &s.upcoming_events {
        let full: domain::events::EventView = crate::support::anonymous(api)
            .get_json(&format!("/api/events/{}", e.id))
            .await?;
        ensure!(
            full.audience != domain::events::Audience::Members && full.title == e.title,
            "the home lists {e:?}, which is {full:?}"
        );
    }
    let starts: Vec<_> = s.upcoming_events.iter().map(|e| e.starts_at).collect();
    ensure!(
        starts.windows(2).all(|w| w[0] <= w[1]),
        "events are not in date order: {starts:?}"
    );
    ensure!(
        starts
            .iter()
            .all(|t| t.0 >= local_now - chrono::Duration::minutes(1)),
        "an event is in the past: {starts:?}"
    );
    for club in &s.clubs {
        ensure!(
            club.next_meetings.len() == 3,
            "club {} lists {} meetings",
            club.slug,
            club.next_meetings.len()
        );
        let first = club.next_meetings[0].0;
        let expected = club.rule.next_occurrences(local_now, 1);
        ensure!(
            expected.first() == Some(&first) || first > local_now,
            "club {} next meeting {first} disagrees with its rule",
            club.slug
        );
    }
    Ok(())
}

pub async fn is_cacheable_and_revalidates_with_etag(api: &'static Api) -> Result<()> {
    let resp = api.http.get(api.url("/api/site")).send().await?;
    let cache = resp
        .headers()
        .get("cache-control")
        .context("no Cache-Control")?
        .to_str()?
        .to_string();
    ensure!(
        cache.contains("public") && cache.contains("max-age="),
        "Cache-Control: {cache}"
    );
    let etag = resp
        .headers()
        .get("etag")
        .context("no ETag")?
        .to_str()?
        .to_string();
    let again = api
        .http
        .get(api.url("/api/site"))
        .header("If-None-Match", &etag)
        .send()
        .await?;
    ensure!(
        again.status() == 304,
        "If-None-Match with the current ETag answered {}",
        again.status()
    );
    let stale = api
        .http
        .get(api.url("/api/site"))
        .header("If-None-Match", "\"not-the-etag\"")
        .send()
        .await?;
    ensure!(
        stale.status() == 200,
        "a stale ETag answered {}",
        stale.status()
    );
    Ok(())
}
