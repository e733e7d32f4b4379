//! Events and sign-ups without an account: refusals, the waiting list served in order, races for
//! the last seats, reminders once, children's data erased after the retention delay, the CSV.

use anyhow::{ensure, Context, Result};
use chrono::{Duration, Utc};
use domain::events::{
    EventRegistrations, EventView, RegistrationCreated, RegistrationStatus, RegistrationView,
};
use domain::paris;
use domain::wire::{ApiErrorBody, OutboxEmail};
use kerne_tests::api_client::{expect_json, expect_status, ApiClient};
use reqwest::Method;
use serde_json::{json, Value};

use crate::support::{admin, anonymous, fresh_ip, staff, unique};
use crate::Api;

/// A Paris wall-clock time `days` from now at `hh:mm`.
fn at(days: i64, hhmm: &str) -> String {
    format!(
        "{}T{hhmm}",
        paris::local_date(Utc::now()) + Duration::days(days)
    )
}

fn workshop(title: &str, days: i64, capacity: u32) -> Value {
    json!({ "kind": "children_workshop", "title_fr": title, "audience": "families", "description_fr": "Programmer un petit robot.",
            "bring_fr": "Un goûter", "starts_at": at(days, "14:00"), "ends_at": at(days, "16:00"), "in_room": false,
            "place": "Médiathèque d'Ergué-Gabéric", "capacity": capacity, "max_per_signup": 3, "age_min": 8, "age_max": 12,
            "partner": "Les Petits Débrouillards", "asks_children": true })
}

async fn publish(staff: &ApiClient, body: &Value) -> Result<EventView> {
    expect_json(staff.post("/api/staff/events", body).await?, 201).await
}

fn family(email: &str, adults: u32, children: &[(&str, u32)], accept_fewer: bool) -> Value {
    let kids: Vec<Value> = children
        .iter()
        .map(|(n, a)| json!({ "first_name": n, "age": a }))
        .collect();
    json!({ "name": "Anne Le Gall", "email": email, "phone": "", "adults": adults, "children": kids,
            "consent_children": true, "consent_photos": false, "accept_fewer": accept_fewer, "lang": "fr" })
}

fn email(prefix: &str) -> String {
    format!("{}@example.fr", unique(prefix))
}

async fn sign_up(api: &Api, event: i64, body: &Value) -> Result<RegistrationCreated> {
    let client = anonymous(api).with_ip(&fresh_ip());
    expect_json(
        client
            .post(&format!("/api/events/{event}/registrations"), body)
            .await?,
        201,
    )
    .await
}

fn token(link: &str) -> Result<&str> {
    link.strip_prefix("/inscription/").context("a private link")
}

async fn mine(api: &Api, link: &str) -> Result<RegistrationView> {
    anonymous(api)
        .get_json(&format!("/api/registrations/{}", token(link)?))
        .await
}

async fn list(staff: &ApiClient, event: i64) -> Result<EventRegistrations> {
    staff
        .get_json(&format!("/api/staff/events/{event}/registrations"))
        .await
}

pub async fn bad_sign_ups_name_their_field_and_store_nothing(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let e = publish(&staff, &workshop("Atelier robots (refus)", 40, 6)).await?;
    let path = format!("/api/events/{}/registrations", e.id);
    let anon = anonymous(api).with_ip(&fresh_ip());
    let base = family(&email("refus-"), 1, &[("Lou", 9)], false);
    let with = |k: &str, v: Value| {
        let mut b = base.clone();
        b[k] = v;
        b
    };
    for (body, field, words) in [
        (
            with("consent_children", json!(false)),
            "consent_children",
            "responsable légal",
        ),
        (
            with("children", json!([{ "first_name": "Lou", "age": 6 }])),
            "children.0.age",
            "tranche d'âge",
        ),
        (
            with("children", json!([{ "first_name": "", "age": 9 }])),
            "children.0.first_name",
            "obligatoire",
        ),
        (with("adults", json!(3)), "adults", "places"),
        (with("email", json!("pas-une-adresse")), "email", "e-mail"),
    ] {
        let err: ApiErrorBody = expect_json(anon.post(&path, &body).await?, 422).await?;
        ensure!(
            err.fields.get(field).is_some_and(|m| m.contains(words)),
            "{field}: {err:?}"
        );
    }
    // In English when asked.
    let mut en_client = anon.clone();
    en_client.lang = "en";
    let en = en_client
        .post(&path, &with("consent_children", json!(false)))
        .await?;
    let err: ApiErrorBody = expect_json(en, 422).await?;
    ensure!(
        err.fields
            .get("consent_children")
            .is_some_and(|m| m.contains("legal guardian")),
        "{err:?}"
    );
    let l = list(&staff, e.id).await?;
    ensure!(l.registrations.is_empty(), "stored: {:?}", l.registrations);
    // A cancelled event takes no sign-up; an unknown one is not found.
    let mut cancel = workshop("Atelier robots (refus)", 40, 6);
    cancel["cancelled"] = json!(true);
    expect_status(
        staff
            .send(
                Method::PATCH,
                &format!("/api/staff/events/{}", e.id),
                Some(&cancel),
            )
            .await?,
        200,
    )
    .await?;
    expect_status(anon.post(&path, &base).await?, 409).await?;
    expect_status(
        anon.post("/api/events/999999/registrations", &base).await?,
        404,
    )
    .await?;
    // A new event in the past, or ending before it starts, is refused.
    let mut past = workshop("Passé", -2, 6);
    past["ends_at"] = json!(at(-2, "13:00"));
    let err: ApiErrorBody = expect_json(staff.post("/api/staff/events", &past).await?, 422).await?;
    ensure!(
        err.fields.contains_key("starts_at") && err.fields.contains_key("ends_at"),
        "{err:?}"
    );
    Ok(())
}

pub async fn the_waiting_list_fills_itself_in_order(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let admin = admin(api).await?;
    let e = publish(&staff, &workshop("Atelier robots (attente)", 41, 4)).await?;
    let (a, b, c, d) = (email("a-"), email("b-"), email("c-"), email("d-"));
    let ra = sign_up(
        api,
        e.id,
        &family(&a, 1, &[("Lou", 9), ("Yann", 11)], false),
    )
    .await?;
    ensure!(
        ra.status == RegistrationStatus::Confirmed && ra.seats == 3 && ra.position.is_none(),
        "{ra:?}"
    );
    // A pair does not fit in the one seat left: it waits, first.
    let rb = sign_up(api, e.id, &family(&b, 1, &[("Maël", 8)], false)).await?;
    ensure!(
        rb.status == RegistrationStatus::Waiting && rb.position == Some(1),
        "{rb:?}"
    );
    // A single fits: confirmed, the event is full.
    let rc = sign_up(api, e.id, &family(&c, 1, &[], false)).await?;
    ensure!(rc.status == RegistrationStatus::Confirmed, "{rc:?}");
    let rd = sign_up(api, e.id, &family(&d, 1, &[], false)).await?;
    ensure!(
        rd.status == RegistrationStatus::Waiting && rd.position == Some(2),
        "{rd:?}"
    );
    let view: EventView = anonymous(api)
        .get_json(&format!("/api/events/{}", e.id))
        .await?;
    ensure!(view.seats_left == 0 && view.waiting == 2, "{view:?}");
    // The first family gives back one seat: the pair still does not fit, the single behind it does.
    let fewer = json!({ "adults": 1, "children": [{ "first_name": "Lou", "age": 9 }] });
    let changed: RegistrationView = expect_json(
        anonymous(api)
            .send(
                Method::PATCH,
                &format!("/api/registrations/{}", token(&ra.link)?),
                Some(&fewer),
            )
            .await?,
        200,
    )
    .await?;
    ensure!(
        changed.seats == 2 && changed.named_children.len() == 1,
        "{changed:?}"
    );
    let vb = mine(api, &rb.link).await?;
    let vd = mine(api, &rd.link).await?;
    ensure!(
        vb.status == RegistrationStatus::Waiting && vb.position == Some(1),
        "{vb:?}"
    );
    ensure!(
        vd.status == RegistrationStatus::Confirmed && vd.seats == 1,
        "{vd:?}"
    );
    let promoted: OutboxEmail = admin
        .get_json::<Vec<OutboxEmail>>("/api/staff/outbox")
        .await?
        .into_iter()
        .find(|m| m.to == d && m.kind == "event_promoted")
        .context("no promotion email")?;
    ensure!(promoted.body_text.contains("confirmée"), "{promoted:?}");
    // More seats than are free is refused and changes nothing.
    let more = json!({ "adults": 1, "children": [{ "first_name": "Lou", "age": 9 }, { "first_name": "Yann", "age": 11 }] });
    expect_status(
        anonymous(api)
            .send(
                Method::PATCH,
                &format!("/api/registrations/{}", token(&ra.link)?),
                Some(&more),
            )
            .await?,
        409,
    )
    .await?;
    // The first family cancels: the pair gets its two seats; the family's data is erased.
    expect_status(
        anonymous(api)
            .delete(&format!("/api/registrations/{}", token(&ra.link)?))
            .await?,
        204,
    )
    .await?;
    let va = mine(api, &ra.link).await?;
    ensure!(
        va.status == RegistrationStatus::Cancelled
            && va.name.is_empty()
            && va.named_children.is_empty(),
        "{va:?}"
    );
    let vb = mine(api, &rb.link).await?;
    ensure!(
        vb.status == RegistrationStatus::Confirmed && vb.seats == 2,
        "{vb:?}"
    );
    // The same email signs up again: the sign-up changes, it does not double.
    let again: Value = expect_status(
        anonymous(api)
            .with_ip(&fresh_ip())
            .post(
                &format!("/api/events/{}/registrations", e.id),
                &family(&c, 1, &[], false),
            )
            .await?,
        200,
    )
    .await?;
    ensure!(again["status"] == "confirmed", "{again}");
    let l = list(&staff, e.id).await?;
    let with_c = l.registrations.iter().filter(|r| r.email == c).count();
    ensure!(with_c == 1 && l.seats_confirmed == 4, "{l:?}");
    // The capacity cannot go below the seats confirmed; raised, it serves nobody (no one waits).
    let mut low = workshop("Atelier robots (attente)", 41, 3);
    let err: ApiErrorBody = expect_json(
        staff
            .send(
                Method::PATCH,
                &format!("/api/staff/events/{}", e.id),
                Some(&low),
            )
            .await?,
        422,
    )
    .await?;
    ensure!(
        err.fields.get("capacity").is_some_and(|m| m.contains('4')),
        "{err:?}"
    );
    low["capacity"] = json!(6);
    let raised: EventView = expect_json(
        staff
            .send(
                Method::PATCH,
                &format!("/api/staff/events/{}", e.id),
                Some(&low),
            )
            .await?,
        200,
    )
    .await?;
    ensure!(raised.seats_left == 2, "{raised:?}");
    // At the door, and the CSV a French spreadsheet opens.
    let b_id = l
        .registrations
        .iter()
        .find(|r| r.email == b)
        .context("b")?
        .id;
    expect_status(
        staff
            .post(
                &format!("/api/staff/registrations/{b_id}/check-in"),
                &json!({ "present": 5 }),
            )
            .await?,
        422,
    )
    .await?;
    let checked: Value = expect_status(
        staff
            .post(
                &format!("/api/staff/registrations/{b_id}/check-in"),
                &json!({ "present": 2 }),
            )
            .await?,
        200,
    )
    .await?;
    ensure!(checked["present"] == 2, "{checked}");
    let csv = staff
        .get(&format!("/api/staff/events/{}/registrations.csv", e.id))
        .await?;
    ensure!(csv.status() == 200, "csv {}", csv.status());
    let bytes = csv.bytes().await?;
    ensure!(bytes.starts_with("\u{feff}".as_bytes()), "no BOM");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let header = reader.headers()?.clone();
    ensure!(
        header.get(0) == Some("Nom") && header.get(8) == Some("Prénoms des enfants"),
        "{header:?}"
    );
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    ensure!(rows.len() == l.registrations.len(), "{} rows", rows.len());
    let row_b = rows
        .iter()
        .find(|r| r.get(1) == Some(b.as_str()))
        .context("b's row")?;
    ensure!(
        row_b.get(8) == Some("Maël (8 ans)") && row_b.get(10) == Some("2"),
        "{row_b:?}"
    );
    Ok(())
}

pub async fn sixty_guests_racing_for_ten_seats_fill_them_exactly(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let mut body = workshop("Portes ouvertes (course)", 42, 10);
    body["kind"] = json!("open_day");
    body["asks_children"] = json!(false);
    let e = publish(&staff, &body).await?;
    let mut tasks = Vec::new();
    for i in 0..60u32 {
        let client = anonymous(api).with_ip(&fresh_ip());
        let body = json!({ "name": format!("Famille {i}"), "email": format!("{}@example.fr", unique("course-")),
                           "adults": 1 + i % 3, "children": [], "lang": "fr" });
        let path = format!("/api/events/{}/registrations", e.id);
        tasks.push(tokio::spawn(async move {
            let resp = client.post(&path, &body).await?;
            expect_json::<RegistrationCreated>(resp, 201).await
        }));
    }
    let mut created = Vec::new();
    for t in tasks {
        created.push(t.await??);
    }
    let l = list(&staff, e.id).await?;
    ensure!(
        l.seats_confirmed == 10,
        "confirmed {} seats",
        l.seats_confirmed
    );
    // The waiting list is numbered 1, 2, 3… in sign-up order.
    let positions: Vec<u32> = l.registrations.iter().filter_map(|r| r.position).collect();
    ensure!(
        positions == (1..=positions.len() as u32).collect::<Vec<_>>(),
        "{positions:?}"
    );
    ensure!(
        positions.len()
            + l.registrations
                .iter()
                .filter(|r| r.status == RegistrationStatus::Confirmed)
                .count()
            == 60,
        "lost sign-ups"
    );
    // Two confirmed groups cancel at the same moment: the freed seats are served, never overfilled.
    let confirmed: Vec<&RegistrationCreated> = created
        .iter()
        .filter(|c| c.status == RegistrationStatus::Confirmed)
        .take(2)
        .collect();
    let mut cancels = Vec::new();
    for c in confirmed {
        let client = anonymous(api);
        let path = format!("/api/registrations/{}", token(&c.link)?);
        cancels.push(tokio::spawn(async move {
            client.delete(&path).await.map(|r| r.status().as_u16())
        }));
    }
    for c in cancels {
        ensure!(c.await?? == 204, "a cancellation failed");
    }
    let l = list(&staff, e.id).await?;
    ensure!(
        l.seats_confirmed == 10,
        "after the cancellations: {} seats",
        l.seats_confirmed
    );
    Ok(())
}

pub async fn reminders_go_once_to_the_confirmed_and_children_data_is_erased(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let admin = admin(api).await?;
    // Tomorrow: within the 48 hours of the reminder.
    let e = publish(&staff, &workshop("Atelier demain (rappel)", 1, 6)).await?;
    let (kept, gone) = (email("rappel-"), email("annule-"));
    let r1 = sign_up(api, e.id, &family(&kept, 1, &[("Lou", 9)], false)).await?;
    let r2 = sign_up(api, e.id, &family(&gone, 1, &[], false)).await?;
    expect_status(
        anonymous(api)
            .delete(&format!("/api/registrations/{}", token(&r2.link)?))
            .await?,
        204,
    )
    .await?;
    api.app.run_scheduled().await?;
    api.app.run_scheduled().await?;
    let outbox: Vec<OutboxEmail> = admin.get_json("/api/staff/outbox").await?;
    let to_kept = outbox
        .iter()
        .filter(|m| m.to == kept && m.kind == "event_reminder")
        .count();
    let to_gone = outbox
        .iter()
        .filter(|m| m.kind == "event_reminder" && m.to == gone)
        .count();
    ensure!(
        to_kept == 1 && to_gone == 0,
        "reminders: {to_kept} to the confirmed, {to_gone} to the cancelled"
    );
    // The workshop moved 40 days back (staff may keep an event's past): the children's names go,
    // the counts stay.
    let mut past = workshop("Atelier demain (rappel)", -40, 6);
    past["signup_closes_at"] = json!(at(-40, "14:00"));
    expect_status(
        staff
            .send(
                Method::PATCH,
                &format!("/api/staff/events/{}", e.id),
                Some(&past),
            )
            .await?,
        200,
    )
    .await?;
    ensure!(
        !mine(api, &r1.link).await?.named_children.is_empty(),
        "erased too early"
    );
    api.app.run_scheduled().await?;
    let v = mine(api, &r1.link).await?;
    ensure!(
        v.children_erased && v.named_children.is_empty() && v.children == 1,
        "{v:?}"
    );
    let l = list(&staff, e.id).await?;
    ensure!(l.children == 1 && l.adults == 1, "{l:?}");
    Ok(())
}

pub async fn members_come_to_their_club_meeting_in_one_tap(api: &'static Api) -> Result<()> {
    let member = anonymous(api)
        .login(
            "membre05@silicon-kerne.test",
            kerne_tests::api_client::DEMO_PASSWORD,
        )
        .await?;
    let me: domain::wire::Me = member.get_json("/api/me").await?;
    let slug = match me.clubs.first() {
        Some(s) => s.clone(),
        None => {
            let site: domain::wire::SiteContent = anonymous(api).get_json("/api/site").await?;
            let slug = site.clubs.first().context("a club")?.slug.clone();
            expect_status(
                member
                    .put(&format!("/api/me/clubs/{slug}"), &json!({}))
                    .await?,
                200,
            )
            .await?;
            slug
        }
    };
    let events: Vec<domain::events::MyEvent> = member.get_json("/api/me/events").await?;
    let next = events
        .iter()
        .find(|m| m.event.club.as_deref() == Some(slug.as_str()))
        .context("no meeting of the member's club")?;
    let id = next.event.id;
    let came: domain::events::MyEvent = expect_json(
        member
            .put(&format!("/api/me/events/{id}"), &json!({}))
            .await?,
        200,
    )
    .await?;
    ensure!(
        came.coming && came.status == Some(RegistrationStatus::Confirmed),
        "{came:?}"
    );
    ensure!(
        came.event.seats_left + 1 == next.event.seats_left,
        "the seat is not counted"
    );
    expect_status(member.delete(&format!("/api/me/events/{id}")).await?, 204).await?;
    let events: Vec<domain::events::MyEvent> = member.get_json("/api/me/events").await?;
    ensure!(
        events.iter().any(|m| m.event.id == id && !m.coming),
        "still coming"
    );
    Ok(())
}
