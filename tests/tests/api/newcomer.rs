//! What a newcomer tripped over (issue 13), each as the person met it: a search that fails, an
//! export without bookings, a quote without its issuer, a dead link that still shows a form, a
//! block nobody can lift, a first fee that cannot be recorded at the approval, codes in the audit.

use anyhow::{ensure, Context, Result};
use chrono::{Duration, NaiveDate, Utc};
use domain::calendar::{desk_periods, BookingRules, DeskPeriod};
use domain::paris;
use domain::wire::{
    ApiErrorBody, AuditEntry, BlockCreated, BlockView, Booking, Created, DirectoryEntry, Me,
    MemberDetail, MemberExport, MemberSummary, RentalCreated, RentalView, SiteContent, StaffDay,
};
use kerne_tests::api_client::{expect_json, expect_status, DEMO_PASSWORD};
use kerne_tests::ensure_each;
use serde_json::json;

use crate::support::{admin, anonymous, apply_and_admit, new_member, staff, unique};
use crate::Api;

fn today() -> NaiveDate {
    paris::local_date(Utc::now())
}

/// The n-th open day after today, counted from the far end of the bookings tests' days (they use
/// 0–10): each test here books days of its own.
async fn open_day(api: &Api, n: usize) -> Result<NaiveDate> {
    let site: SiteContent = anonymous(api).get_json("/api/site").await?;
    (1..60)
        .map(|i| today() + Duration::days(i))
        .filter(|d| {
            !desk_periods(*d, &site.opening_hours, &[], &BookingRules::default()).is_empty()
        })
        .nth(11 + n)
        .context("not enough open days in the next 60")
}

fn at(date: NaiveDate, hm: &str) -> String {
    format!("{date}T{hm}")
}

async fn pay(admin: &kerne_tests::api_client::ApiClient, id: i64) -> Result<()> {
    expect_status(
        admin
            .post(
                &format!("/api/staff/members/{id}/payments"),
                &json!({ "amount_cents": 3000, "paid_on": today().to_string(), "method": "cash" }),
            )
            .await?,
        201,
    )
    .await?;
    Ok(())
}

pub async fn no_search_text_makes_the_api_fail_and_accents_do_not_matter(
    api: &'static Api,
) -> Result<()> {
    let admin = admin(api).await?;
    let m = new_member(api, &admin).await?;
    let name = format!("Élodie Kervélo {}", unique("x"));
    let profile = json!({ "name": name, "phone": "02 98 11 22 33", "company": "Atelier Vélo", "skills": ["réparation"],
                          "bio": "Vélos d'occasion.", "in_directory": true, "lang": "fr" });
    expect_status(m.client.put("/api/me/profile", &profile).await?, 200).await?;
    let searcher = anonymous(api)
        .login("membre22@silicon-kerne.test", DEMO_PASSWORD)
        .await?;
    let folded = name.to_lowercase().replace('é', "e");
    // No fee yet: not in the directory, whatever they chose.
    let found: Vec<DirectoryEntry> = searcher
        .get_json(&format!("/api/directory?q={}", urlencode(&folded)))
        .await?;
    ensure!(
        found.is_empty(),
        "a member without a current membership is listed: {found:?}"
    );
    pay(&admin, m.id).await?;
    for q in [folded.as_str(), "KERVELO atelier", "velo"] {
        let found: Vec<DirectoryEntry> = searcher
            .get_json(&format!("/api/directory?q={}", urlencode(q)))
            .await?;
        ensure!(
            found.iter().any(|e| e.id == m.id),
            "{q:?} does not find {name}"
        );
    }
    let by_skill: Vec<DirectoryEntry> =
        searcher.get_json("/api/directory?skill=reparation").await?;
    ensure!(
        by_skill.iter().any(|e| e.id == m.id),
        "the skill filter ignores accents"
    );
    // 200 characters, accents and emoji: an answer, never a 500.
    let long = "é🚲 vélo ".repeat(25);
    ensure!(long.chars().count() >= 200);
    for path in [
        format!("/api/directory?q={}", urlencode(&long)),
        format!("/api/directory?skill={}", urlencode(&long)),
    ] {
        expect_status(searcher.get(&path).await?, 200).await?;
    }
    let staff = staff(api).await?;
    for path in [
        format!("/api/staff/members?q={}", urlencode(&long)),
        format!("/api/staff/members?skill={}", urlencode(&long)),
    ] {
        expect_status(staff.get(&path).await?, 200).await?;
    }
    let staff_found: Vec<MemberSummary> = staff
        .get_json(&format!("/api/staff/members?q={}", urlencode("kervelo")))
        .await?;
    ensure!(
        staff_found.iter().any(|s| s.id == m.id),
        "staff search ignores accents too"
    );
    Ok(())
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub async fn the_export_holds_bookings_clubs_and_the_feed(api: &'static Api) -> Result<()> {
    let admin = admin(api).await?;
    let m = new_member(api, &admin).await?;
    pay(&admin, m.id).await?;
    let date = open_day(api, 0).await?;
    let (s, e) = DeskPeriod::Morning.bounds(date, &BookingRules::default());
    let booking: Booking = expect_json(
        m.client
            .post(
                "/api/bookings",
                &json!({ "resource": "coworking", "start": s.format("%Y-%m-%dT%H:%M").to_string(), "end": e.format("%Y-%m-%dT%H:%M").to_string() }),
            )
            .await?,
        201,
    )
    .await?;
    expect_status(
        m.client
            .put("/api/me/clubs/developpeurs", &json!({}))
            .await?,
        200,
    )
    .await?;
    let before: MemberExport = m.client.get_json("/api/me/export").await?;
    ensure!(!before.calendar_feed, "no feed yet");
    expect_status(
        m.client.post("/api/me/calendar-feed", &json!({})).await?,
        201,
    )
    .await?;
    let export: MemberExport = m.client.get_json("/api/me/export").await?;
    ensure!(
        export.bookings.iter().any(|b| b.id == booking.id),
        "the export leaves out the booking: {:?}",
        export.bookings
    );
    ensure!(
        export.clubs.iter().any(|c| c.slug == "developpeurs"),
        "the export leaves out the clubs: {:?}",
        export.clubs
    );
    ensure!(
        export.calendar_feed,
        "the export does not say a feed exists"
    );
    Ok(())
}

pub async fn a_rental_is_refused_on_a_taken_slot_priced_for_members_and_quoted_in_full(
    api: &'static Api,
) -> Result<()> {
    let site: SiteContent = anonymous(api).get_json("/api/site").await?;
    let date = open_day(api, 1).await?;
    let body = |email: &str, date: &str, period: &str| {
        json!({ "organisation": "Ker Pixel", "contact_name": "Morgane Le Bihan", "email": email, "phone": "02 98 12 34 56",
                "date": date, "period": period, "attendees": 6, "needs_visio": false, "message": "", "lang": "fr" })
    };
    // An empty date says it is required, not that it is badly written.
    let err: ApiErrorBody = expect_json(
        anonymous(api)
            .post("/api/rentals", &body("x@example.fr", "", "morning"))
            .await?,
        422,
    )
    .await?;
    ensure!(
        err.fields.get("date").map(String::as_str) == Some("Choisissez une date."),
        "{err:?}"
    );
    // A member asking while logged in pays the member rate, whatever email they type.
    let member = anonymous(api)
        .login("membre23@silicon-kerne.test", DEMO_PASSWORD)
        .await?;
    let created: RentalCreated = expect_json(
        member
            .post(
                "/api/rentals",
                &body(
                    &format!("{}@example.fr", unique("bureau-")),
                    &date.to_string(),
                    "afternoon",
                ),
            )
            .await?,
        201,
    )
    .await?;
    ensure!(
        created.price_cents == site.room_rates.member_half_day_cents,
        "a logged-in member is charged {} (member rate {})",
        created.price_cents,
        site.room_rates.member_half_day_cents
    );
    let view: RentalView = anonymous(api)
        .get_json(&format!("/api/rentals/{}", created.token))
        .await?;
    let q = &view.quote;
    ensure_each!(
        [
            q.issuer.name == "Silicon Kerne",
            q.issuer.address.contains("Quimper"),
            q.issuer.rna == "W291012345",
            q.valid_until == q.issued_on + Duration::days(30)
        ],
        "the quote lacks what a French quote carries: {q:?}"
    );
    // A half-day already booked is refused on its period, and shown as taken.
    let staff = staff(api).await?;
    let block: BlockCreated = expect_json(
        staff
            .post(
                "/api/staff/blocks",
                &json!({ "resource": "salle-reunion", "start": at(date, "09:00"), "end": at(date, "12:00"), "reason": "Formation" }),
            )
            .await?,
        201,
    )
    .await?;
    let taken: ApiErrorBody = expect_json(
        anonymous(api)
            .post(
                "/api/rentals",
                &body(
                    &format!("{}@example.fr", unique("pris-")),
                    &date.to_string(),
                    "morning",
                ),
            )
            .await?,
        422,
    )
    .await?;
    ensure!(taken.fields.contains_key("period"), "{taken:?}");
    let days: Vec<domain::wire::RentalDay> = anonymous(api)
        .get_json(&format!("/api/rental-days?from={date}&to={date}"))
        .await?;
    ensure!(
        days.first().is_some_and(|d| !d.morning && d.afternoon),
        "{days:?}"
    );
    expect_status(
        staff
            .delete(&format!("/api/staff/blocks/{}", block.id))
            .await?,
        204,
    )
    .await?;
    let bad: ApiErrorBody = expect_json(
        anonymous(api)
            .get(&format!("/api/rental-days?from={date}&to=2099-01-01"))
            .await?,
        422,
    )
    .await?;
    ensure!(bad.fields.contains_key("to"), "{bad:?}");
    Ok(())
}

pub async fn a_dead_link_is_known_before_the_form_is_shown(api: &'static Api) -> Result<()> {
    let admin = admin(api).await?;
    let anon = anonymous(api);
    for path in [
        "/api/auth/invitation/not-a-token",
        "/api/auth/password-reset/not-a-token",
    ] {
        expect_status(anon.get(path).await?, 404).await?;
    }
    let token = apply_and_admit(&anon, &admin, "Lien Test").await?.token;
    expect_status(
        anon.get(&format!("/api/auth/invitation/{token}")).await?,
        204,
    )
    .await?;
    // Not a reset link, though a valid invitation.
    expect_status(
        anon.get(&format!("/api/auth/password-reset/{token}"))
            .await?,
        404,
    )
    .await?;
    expect_status(
        anon.post(
            "/api/auth/invitation",
            &json!({ "token": token, "password": "un mot de passe solide" }),
        )
        .await?,
        200,
    )
    .await?;
    expect_status(
        anon.get(&format!("/api/auth/invitation/{token}")).await?,
        404,
    )
    .await?;
    Ok(())
}

pub async fn the_first_fee_is_recorded_at_the_approval(api: &'static Api) -> Result<()> {
    let admin = admin(api).await?;
    let anon = anonymous(api);
    let email = format!("{}@example.fr", unique("cotisation-"));
    let created = Created {
        id: crate::support::apply(&anon, &admin, "Paie Test", &email).await?,
    };
    let path = format!("/api/staff/applications/{}/approve", created.id);
    // A bad fee refuses the approval and stores nothing: the application is still pending.
    let err: ApiErrorBody = expect_json(
        admin
            .post(&path, &json!({ "fee": { "amount_cents": 3000, "paid_on": today().to_string(), "method": "bitcoin" } }))
            .await?,
        422,
    )
    .await?;
    ensure!(err.fields.contains_key("method"), "{err:?}");
    let pending: Vec<domain::wire::Application> = admin
        .get_json("/api/staff/applications?status=pending")
        .await?;
    ensure!(
        pending.iter().any(|a| a.id == created.id),
        "a refused approval decided the application"
    );
    let member: Created = expect_json(
        admin
            .post(&path, &json!({ "fee": { "amount_cents": 3000, "paid_on": today().to_string(), "method": "cash" } }))
            .await?,
        201,
    )
    .await?;
    let detail: MemberDetail = admin
        .get_json(&format!("/api/staff/members/{}", member.id))
        .await?;
    ensure_each!(
        [
            detail.payments.len() == 1,
            detail.member.membership.is_active()
        ],
        "the first fee was not recorded: {detail:?}"
    );
    Ok(())
}

pub async fn blocks_are_listed_with_contacts_marked_for_members_and_lifted(
    api: &'static Api,
) -> Result<()> {
    let admin = admin(api).await?;
    let m = new_member(api, &admin).await?;
    pay(&admin, m.id).await?;
    let me: Me = m.client.get_json("/api/me").await?;
    let date = open_day(api, 2).await?;
    let booking: Booking = expect_json(
        m.client
            .post(
                "/api/bookings",
                &json!({ "resource": "salle-reunion", "start": at(date, "14:00"), "end": at(date, "15:00") }),
            )
            .await?,
        201,
    )
    .await?;
    ensure!(!booking.blocked);
    let staff = staff(api).await?;
    let block: BlockCreated = expect_json(
        staff
            .post(
                "/api/staff/blocks",
                &json!({ "resource": "salle-reunion", "start": at(date, "13:00"), "end": at(date, "18:00"), "reason": "Travaux" }),
            )
            .await?,
        201,
    )
    .await?;
    let covered = block
        .affected
        .iter()
        .find(|a| a.id == booking.id)
        .context("the block lists the booking")?;
    ensure_each!(
        [covered.email == m.email, covered.phone == me.phone],
        "{covered:?}"
    );
    let blocks: Vec<BlockView> = staff.get_json("/api/staff/blocks").await?;
    let listed = blocks
        .iter()
        .find(|b| b.block.id == block.id)
        .context("the block is listed")?;
    ensure!(
        listed
            .affected
            .iter()
            .any(|a| a.id == booking.id && a.email == m.email),
        "{listed:?}"
    );
    let mine: Vec<Booking> = m.client.get_json("/api/bookings").await?;
    ensure!(
        mine.iter().any(|b| b.id == booking.id && b.blocked),
        "the member's booking is not marked as blocked: {mine:?}"
    );
    // Staff see that member's bookings (the link after booking on their behalf).
    let theirs: Vec<Booking> = staff
        .get_json(&format!("/api/staff/members/{}/bookings", m.id))
        .await?;
    ensure!(theirs.iter().any(|b| b.id == booking.id));
    expect_status(
        m.client
            .get(&format!("/api/staff/members/{}/bookings", m.id))
            .await?,
        403,
    )
    .await?;
    expect_status(
        staff.get("/api/staff/members/99999999/bookings").await?,
        404,
    )
    .await?;

    expect_status(
        staff
            .delete(&format!("/api/staff/blocks/{}", block.id))
            .await?,
        204,
    )
    .await?;
    expect_status(
        staff
            .delete(&format!("/api/staff/blocks/{}", block.id))
            .await?,
        404,
    )
    .await?;
    // A booking is not a block: it cannot be lifted as one.
    expect_status(
        staff
            .delete(&format!("/api/staff/blocks/{}", booking.id))
            .await?,
        404,
    )
    .await?;
    let mine: Vec<Booking> = m.client.get_json("/api/bookings").await?;
    ensure!(mine.iter().any(|b| b.id == booking.id && !b.blocked));
    let blocks: Vec<BlockView> = staff.get_json("/api/staff/blocks").await?;
    ensure!(
        !blocks.iter().any(|b| b.block.id == block.id),
        "a lifted block is listed"
    );
    let other = anonymous(api)
        .login("membre24@silicon-kerne.test", DEMO_PASSWORD)
        .await?;
    expect_status(
        other
            .post(
                "/api/bookings",
                &json!({ "resource": "salle-reunion", "start": at(date, "16:00"), "end": at(date, "17:00") }),
            )
            .await?,
        201,
    )
    .await
    .context("the room is bookable once the block is lifted")?;

    let audit: Vec<AuditEntry> = staff.get_json("/api/staff/audit").await?;
    let blocked = audit
        .iter()
        .find(|a| a.action == "resource.block" && a.details.contains("Travaux"))
        .context("the block is audited")?;
    ensure_each!(
        [
            blocked.summary.fr.contains("a bloqué « Salle de réunion »"),
            blocked.summary.fr.contains("13:00–18:00"),
            blocked.summary.fr.ends_with("Travaux.")
        ],
        "{:?}",
        blocked.summary
    );
    ensure!(
        audit.iter().any(|a| a.action == "resource.unblock"),
        "lifting is audited"
    );
    for a in &audit {
        for text in [&a.summary.fr, &a.summary.en] {
            ensure_each!(
                [
                    !text.is_empty(),
                    !text.contains('{'),
                    !text.contains('#'),
                    !text.contains('_')
                ],
                "an audit line shows a code: {text:?}"
            );
        }
    }
    Ok(())
}

/// A period that has begun is not "full": it says it has started.
pub async fn a_started_period_is_not_called_full(api: &'static Api) -> Result<()> {
    let past = (1..10)
        .map(|i| today() - Duration::days(i))
        .find(|d| {
            !matches!(
                chrono::Datelike::weekday(d),
                chrono::Weekday::Sat | chrono::Weekday::Sun
            )
        })
        .context("a past weekday")?;
    for resource in ["coworking", "salle-reunion"] {
        let days: Vec<domain::wire::DayAvailability> = anonymous(api)
            .get_json(&format!(
                "/api/availability?resource={resource}&from={past}&to={past}"
            ))
            .await?;
        let day = days.first().context("a day")?;
        ensure!(!day.slots.is_empty(), "{resource} on {past}: no slots");
        let open: Vec<_> = day
            .slots
            .iter()
            .filter(|s| !s.started || s.free != 0)
            .collect();
        ensure!(
            open.is_empty(),
            "{resource} on {past}: still bookable {open:?}"
        );
    }
    let future = open_day(api, 3).await?;
    let days: Vec<domain::wire::DayAvailability> = anonymous(api)
        .get_json(&format!(
            "/api/availability?resource=coworking&from={future}&to={future}"
        ))
        .await?;
    let slots: Vec<_> = days.iter().flat_map(|d| &d.slots).collect();
    ensure!(!slots.is_empty(), "coworking on {future}: no slots");
    let started: Vec<_> = slots.iter().filter(|s| s.started).collect();
    ensure!(
        started.is_empty(),
        "coworking on {future}: started already {started:?}"
    );
    Ok(())
}

pub async fn a_check_in_made_by_mistake_is_undone(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    // The demo data has coworkers on past days, checked in: take one.
    let mut found = None;
    for back in 1..30 {
        let date = today() - Duration::days(back);
        let day: StaffDay = staff
            .get_json(&format!("/api/staff/day?date={date}"))
            .await?;
        if let Some(b) = day.coworkers.iter().find(|b| b.kind == "member") {
            found = Some((date, b.id, b.checked_in));
            break;
        }
    }
    let (date, id, was_in) = found.context("no past coworker in the demo data")?;
    let path = format!("/api/staff/bookings/{id}/check-in");
    if !was_in {
        expect_status(staff.post(&path, &json!({})).await?, 204).await?;
    }
    let is_in = |day: &StaffDay| day.coworkers.iter().any(|b| b.id == id && b.checked_in);
    let day: StaffDay = staff
        .get_json(&format!("/api/staff/day?date={date}"))
        .await?;
    ensure!(is_in(&day));
    expect_status(staff.delete(&path).await?, 204).await?;
    let day: StaffDay = staff
        .get_json(&format!("/api/staff/day?date={date}"))
        .await?;
    ensure!(!is_in(&day), "the check-in is still there");
    // Undoing what is not there is not found; checking in again works.
    expect_status(staff.delete(&path).await?, 404).await?;
    expect_status(staff.post(&path, &json!({})).await?, 204).await?;
    let audit: Vec<AuditEntry> = staff.get_json("/api/staff/audit").await?;
    ensure!(audit
        .iter()
        .any(|a| a.action == "booking.undo_check_in" && a.target_id == id.to_string()));
    Ok(())
}
