//! Events and sign-ups without an account: refusals, the waiting list served in order, races for
//! the last seats, reminders once, children's data erased after the retention delay, the CSV.

use anyhow::{ensure, Context, Result};
use chrono::{Datelike, Duration, Utc};
use kerne_tests::ensure_each;
use std::collections::BTreeMap;

use domain::events::{
    Audience, EventRegistrations, EventView, RegistrationCreated, RegistrationStatus,
    RegistrationView, StaffRegistration,
};
use domain::paris;
use domain::seat_book::{Command, SeatBook, SignUp, NEWCOMER};
use domain::wire::AuditEntry;
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

/// A workshop today, starting in a few minutes (the door opens on the event's day): this close to
/// midnight in Paris, wait for the new day so that the event and the check-in share one.
async fn workshop_today(title: &str, capacity: u32) -> Result<Value> {
    let (starts, ends) = kerne_tests::soon_today().await;
    let mut body = workshop(title, 0, capacity);
    body["starts_at"] = json!(starts);
    body["ends_at"] = json!(ends);
    Ok(body)
}

fn workshop(title: &str, days: i64, capacity: u32) -> Value {
    json!({ "kind": "children_workshop", "title_fr": title, "audience": "families", "description_fr": "Programmer un petit robot.",
            "bring_fr": "Un goûter", "starts_at": at(days, "14:00"), "ends_at": at(days, "16:00"), "in_room": false,
            "place": "Médiathèque d'Ergué-Gabéric", "address": "Rue Jean Moulin, 29500 Ergué-Gabéric", "capacity": capacity, "max_per_signup": 3, "age_min": 8, "age_max": 12,
            "partner": "Les Petits Débrouillards", "asks_children": true, "seats_for": "everyone" })
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

/// The private link (`/inscription/…`) an email's text carries.
fn link_to_sign_up(text: &str) -> Result<String> {
    let start = text
        .find("/inscription/")
        .context("no private link in the email")?;
    Ok(text[start..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string())
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

/// The family cancels from its private link.
async fn cancel_by_link(api: &Api, link: &str) -> Result<()> {
    expect_status(
        anonymous(api)
            .delete(&format!("/api/registrations/{}", token(link)?))
            .await?,
        204,
    )
    .await?;
    Ok(())
}

/// The seats left as the agenda counts them (in SQL, in its one query), as the event's page says
/// them, and as the seat book counts them (the capacity less the confirmed groups' seats, which
/// the door's list sums over the sign-ups loaded whole): the same, `expected`.
async fn seats_left_agree(api: &Api, staff: &ApiClient, event: i64, expected: u32) -> Result<()> {
    let page: EventView = anonymous(api)
        .get_json(&format!("/api/events/{event}"))
        .await?;
    let day = page.starts_at.0.date();
    let agenda: Vec<EventView> = anonymous(api)
        .get_json(&format!("/api/events?from={day}&to={day}"))
        .await?;
    let listed = agenda
        .iter()
        .find(|e| e.id == event)
        .context("the event is not in its day's agenda")?;
    let door = list(staff, event).await?;
    let by_book = door.event.capacity - door.seats_confirmed;
    ensure!(
        page.seats_left == expected,
        "the event's page says {} seats left, not {expected}",
        page.seats_left
    );
    ensure!(
        listed.seats_left == expected,
        "the agenda says {} seats left, not {expected}",
        listed.seats_left
    );
    ensure!(
        by_book == expected,
        "the seat book counts {by_book} seats left, not {expected}"
    );
    Ok(())
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
    ensure_each!(
        [
            err.fields.contains_key("starts_at"),
            err.fields.contains_key("ends_at")
        ],
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
    ensure_each!(
        [
            ra.status == RegistrationStatus::Confirmed,
            ra.seats == 3,
            ra.position.is_none()
        ],
        "{ra:?}"
    );
    // A pair does not fit in the one seat left: it waits, first.
    let rb = sign_up(api, e.id, &family(&b, 1, &[("Maël", 8)], false)).await?;
    ensure_each!(
        [
            rb.status == RegistrationStatus::Waiting,
            rb.position == Some(1)
        ],
        "{rb:?}"
    );
    // A single fits: confirmed, the event is full.
    let rc = sign_up(api, e.id, &family(&c, 1, &[], false)).await?;
    ensure!(rc.status == RegistrationStatus::Confirmed, "{rc:?}");
    let rd = sign_up(api, e.id, &family(&d, 1, &[], false)).await?;
    ensure_each!(
        [
            rd.status == RegistrationStatus::Waiting,
            rd.position == Some(2)
        ],
        "{rd:?}"
    );
    let view: EventView = anonymous(api)
        .get_json(&format!("/api/events/{}", e.id))
        .await?;
    ensure_each!([view.seats_left == 0, view.waiting == 2], "{view:?}");
    seats_left_agree(api, &staff, e.id, 0).await?;
    // A waiting family's calendar entry is tentative; once promoted it is confirmed, with the same
    // UID and a higher SEQUENCE (a calendar that imports it again updates the entry).
    let ics_of = |link: String| async move {
        anonymous(api)
            .get(&format!("/api/registrations/{}/ics", token(&link)?))
            .await?
            .text()
            .await
            .map_err(anyhow::Error::from)
    };
    let field = |ics: &str, name: &str| {
        ics.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let before = ics_of(rd.link.clone()).await?;
    // Away from the cantine, the calendar says where, street and town included.
    let unfolded = before.replace("\r\n ", "").replace("\n ", "");
    ensure!(
        unfolded.contains(
            "LOCATION:Médiathèque d'Ergué-Gabéric\\, Rue Jean Moulin\\, 29500 Ergué-Gabéric"
        ),
        "{unfolded}"
    );
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
    ensure_each!(
        [changed.seats == 2, changed.named_children.len() == 1],
        "{changed:?}"
    );
    let vb = mine(api, &rb.link).await?;
    let vd = mine(api, &rd.link).await?;
    ensure_each!(
        [
            vb.status == RegistrationStatus::Waiting,
            vb.position == Some(1)
        ],
        "{vb:?}"
    );
    ensure_each!(
        [vd.status == RegistrationStatus::Confirmed, vd.seats == 1],
        "{vd:?}"
    );
    let promoted: OutboxEmail = admin
        .get_json::<Vec<OutboxEmail>>(&format!("/api/staff/outbox?to={d}"))
        .await?
        .into_iter()
        .find(|m| m.to == d && m.kind == "event_promoted")
        .context("no promotion email")?;
    ensure!(promoted.body_text.contains("confirmée"), "{promoted:?}");
    // The good news carries the way back: its own private link opens the confirmed sign-up, and
    // one seat reads "1 place".
    let link = link_to_sign_up(&promoted.body_text)?;
    let via_email = mine(api, &link).await?;
    ensure_each!(
        [
            via_email.status == RegistrationStatus::Confirmed,
            promoted.body_text.contains("confirmée pour 1 place.")
        ],
        "the promotion email: {}",
        promoted.body_text
    );
    let after = ics_of(rd.link.clone()).await?;
    let seq = |ics: &str| field(ics, "SEQUENCE").parse::<i64>().unwrap_or(-1);
    ensure_each!(
        [
            field(&before, "STATUS") == "TENTATIVE",
            field(&after, "STATUS") == "CONFIRMED",
            field(&before, "UID") == field(&after, "UID"),
            seq(&after) > seq(&before)
        ],
        "the promoted family's calendar entry went from {:?} (sequence {}) to {:?} (sequence {})",
        field(&before, "STATUS"),
        seq(&before),
        field(&after, "STATUS"),
        seq(&after)
    );
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
    cancel_by_link(api, &ra.link).await?;
    // Its two seats went to the pair at once: none left, counted alike everywhere.
    seats_left_agree(api, &staff, e.id, 0).await?;
    let va = mine(api, &ra.link).await?;
    ensure_each!(
        [
            va.status == RegistrationStatus::Cancelled,
            va.name.is_empty(),
            va.named_children.is_empty()
        ],
        "{va:?}"
    );
    let vb = mine(api, &rb.link).await?;
    ensure_each!(
        [vb.status == RegistrationStatus::Confirmed, vb.seats == 2],
        "{vb:?}"
    );
    // The same email signs up again: nothing changes, it does not double (see
    // `a_second_sign_up_with_the_same_email_gets_no_link`).
    let again: Value = expect_status(
        anonymous(api)
            .with_ip(&fresh_ip())
            .post(
                &format!("/api/events/{}/registrations", e.id),
                &family(&c, 1, &[], false),
            )
            .await?,
        202,
    )
    .await?;
    ensure!(again["status"] == "link_sent", "{again}");
    let l = list(&staff, e.id).await?;
    let with_c = l.registrations.iter().filter(|r| r.email == c).count();
    ensure_each!([with_c == 1, l.seats_confirmed == 4], "{l:?}");
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
    seats_left_agree(api, &staff, e.id, 2).await?;
    Ok(())
}

/// At the door, weeks ahead: nobody is pointed by mistake; the list as a CSV a French spreadsheet
/// opens, without the cancelled sign-up (erased, not an empty row).
pub async fn the_door_waits_for_the_day_and_the_csv_opens_in_french_spreadsheets(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let e = publish(&staff, &workshop("Atelier robots (liste)", 41, 4)).await?;
    let (a, b) = (email("a-"), email("b-"));
    let ra = sign_up(
        api,
        e.id,
        &family(&a, 1, &[("Lou", 9), ("Yann", 11)], false),
    )
    .await?;
    sign_up(api, e.id, &family(&b, 1, &[("Maël", 8)], false)).await?;
    cancel_by_link(api, &ra.link).await?;
    let l = list(&staff, e.id).await?;
    // At the door, and the CSV a French spreadsheet opens.
    let b_id = l
        .registrations
        .iter()
        .find(|r| r.email == b)
        .context("b")?
        .id;
    // Weeks ahead, the door is not open yet: nobody is pointed by mistake.
    let early: ApiErrorBody = expect_json(
        staff
            .post(
                &format!("/api/staff/registrations/{b_id}/check-in"),
                &json!({ "present": 2 }),
            )
            .await?,
        409,
    )
    .await?;
    ensure!(
        early
            .message
            .contains("Le pointage ouvre le jour de l'événement"),
        "{early:?}"
    );
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
    ensure_each!(
        [
            header.get(0) == Some("Nom"),
            header.get(8) == Some("Prénoms des enfants"),
            header.get(11) == Some("Événement"),
            header.get(12) == Some("Date")
        ],
        "{header:?}"
    );
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    // A cancelled sign-up was erased: it is not an empty row.
    let live = l
        .registrations
        .iter()
        .filter(|r| r.status != RegistrationStatus::Cancelled)
        .count();
    ensure_each!(
        [rows.len() == live, live > 0],
        "{} rows for {live}",
        rows.len()
    );
    let row_b = rows
        .iter()
        .find(|r| r.get(1) == Some(b.as_str()))
        .context("b's row")?;
    let year = (paris::local_date(Utc::now()) + Duration::days(41))
        .year()
        .to_string();
    ensure_each!(
        [
            row_b.get(8) == Some("Maël (8 ans)"),
            row_b.get(10) == Some(""),
            row_b.get(11) == Some("Atelier robots (liste)"),
            row_b
                .get(12)
                .is_some_and(|d| d.contains(&year) && d.ends_with("14:00"))
        ],
        "{row_b:?}"
    );
    Ok(())
}

/// The seats as the rule gives them when the sign-ups are served one at a time in sign-up order,
/// then `cancels` leave in that order: what any race must end with.
fn replay(
    capacity: u32,
    registrations: &[StaffRegistration],
    cancels: &[i64],
) -> Result<BTreeMap<i64, (RegistrationStatus, u32)>> {
    let mut regs: Vec<&StaffRegistration> = registrations.iter().collect();
    regs.sort_by_key(|r| r.id);
    let mut book = SeatBook {
        capacity,
        serving: true,
        entries: Vec::new(),
    };
    for r in regs {
        let d = book
            .sign_up(SignUp {
                seats: r.seats_requested,
                accept_fewer: r.accept_fewer,
                min_seats: domain::events::min_seats(
                    domain::events::SeatsFor::Everyone,
                    r.adults,
                    r.children,
                ),
            })
            .decision;
        book = d.after;
        for e in book.entries.iter_mut().filter(|e| e.id == NEWCOMER) {
            e.id = r.id;
        }
    }
    for id in cancels {
        book = book
            .decide(Command::Cancel { id: *id })
            .map_err(|e| anyhow::anyhow!("replaying cancellation {id}: {e:?}"))?
            .after;
    }
    Ok(book
        .entries
        .iter()
        .map(|e| (e.id, (e.status, e.seats)))
        .collect())
}

fn outcome(l: &EventRegistrations) -> BTreeMap<i64, (RegistrationStatus, u32)> {
    l.registrations
        .iter()
        .map(|r| (r.id, (r.status, r.seats)))
        .collect()
}

/// A rush of parents (issue 36): 200 guests at once for ten seats, decided by the event's one
/// writer in batches. Every one gets an answer, no seat is oversold, the seats and the waiting
/// list are what the rule gives in sign-up order.
pub async fn two_hundred_guests_racing_for_ten_seats_fill_them_exactly(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let mut body = workshop("Portes ouvertes (course)", 42, 10);
    body["kind"] = json!("open_day");
    body["asks_children"] = json!(false);
    let e = publish(&staff, &body).await?;
    let mut tasks = Vec::new();
    for i in 0..200u32 {
        let client = anonymous(api).with_ip(&fresh_ip());
        let body = json!({ "name": format!("Famille {i}"), "email": format!("{}@example.fr", unique("course-")),
                           "adults": 1 + i % 3, "children": [], "accept_fewer": i % 4 == 0, "lang": "fr" });
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
    ensure!(
        l.registrations.len() == 200,
        "lost sign-ups: {}",
        l.registrations.len()
    );
    // Who got the seats is who the rule gives them to, in sign-up order.
    let expected = replay(10, &l.registrations, &[])?;
    ensure!(
        outcome(&l) == expected,
        "the race's seats differ from sign-up order:\n got {:?}\nwant {expected:?}",
        outcome(&l)
    );
    // The waiting list is numbered 1, 2, 3… in sign-up order.
    let positions: Vec<u32> = l.registrations.iter().filter_map(|r| r.position).collect();
    ensure!(
        positions == (1..=positions.len() as u32).collect::<Vec<_>>(),
        "{positions:?}"
    );
    // Two confirmed groups cancel at the same moment: the freed seats are served in order, never
    // overfilled, as if the two had cancelled one after the other.
    let mut confirmed = Vec::new();
    for c in created
        .iter()
        .filter(|c| c.status == RegistrationStatus::Confirmed)
        .take(2)
    {
        let view = mine(api, &c.link).await?;
        let id = l
            .registrations
            .iter()
            .find(|r| r.email == view.email)
            .context("the cancelled group in the list")?
            .id;
        confirmed.push((id, c.link.clone()));
    }
    let mut cancels = Vec::new();
    for (_, link) in &confirmed {
        let client = anonymous(api);
        let path = format!("/api/registrations/{}", token(link)?);
        cancels.push(tokio::spawn(async move {
            client.delete(&path).await.map(|r| r.status().as_u16())
        }));
    }
    for c in cancels {
        ensure!(c.await?? == 204, "a cancellation failed");
    }
    let after = list(&staff, e.id).await?;
    ensure!(
        after.seats_confirmed <= 10,
        "after the cancellations: {} seats",
        after.seats_confirmed
    );
    let ids: Vec<i64> = confirmed.iter().map(|(id, _)| *id).collect();
    let one_way = replay(10, &l.registrations, &ids)?;
    let other_way = replay(10, &l.registrations, &[ids[1], ids[0]])?;
    let got = outcome(&after);
    ensure!(
        got == one_way || got == other_way,
        "after two cancellations:\n got {got:?}\nwant {one_way:?}\n  or {other_way:?}"
    );
    Ok(())
}

/// The race: two seats, a pair confirmed, a pair waiting "all together"; the first pair
/// cancels while twelve singles sign up at the same moment. The waiting pair is owed the seats.
pub async fn a_cancellation_serves_the_waiting_pair_before_racing_newcomers(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    for trial in 0..6 {
        let mut body = workshop(&format!("Atelier à deux places ({trial})"), 43, 2);
        body["asks_children"] = json!(false);
        body["max_per_signup"] = json!(2);
        body["kind"] = json!("other");
        let e = publish(&staff, &body).await?;
        let first = sign_up(api, e.id, &family(&email("paire-a-"), 2, &[], false)).await?;
        let waiting_email = email("paire-b-");
        let waiting = sign_up(api, e.id, &family(&waiting_email, 2, &[], false)).await?;
        ensure_each!(
            [
                first.status == RegistrationStatus::Confirmed,
                waiting.status == RegistrationStatus::Waiting
            ],
            "{first:?} {waiting:?}"
        );
        let mut tasks = Vec::new();
        let cancel_path = format!("/api/registrations/{}", token(&first.link)?);
        let canceller = anonymous(api);
        tasks.push(tokio::spawn(async move {
            canceller
                .delete(&cancel_path)
                .await
                .map(|r| r.status().as_u16())
        }));
        for i in 0..12 {
            let client = anonymous(api).with_ip(&fresh_ip());
            let path = format!("/api/events/{}/registrations", e.id);
            let body = family(&email(&format!("seul-{i}-")), 1, &[], false);
            tasks.push(tokio::spawn(async move {
                client.post(&path, &body).await.map(|r| r.status().as_u16())
            }));
        }
        for t in tasks {
            let status = t.await??;
            ensure!(status == 204 || status == 201, "trial {trial}: {status}");
        }
        let l = list(&staff, e.id).await?;
        let pair = l
            .registrations
            .iter()
            .find(|r| r.email == waiting_email)
            .context("the waiting pair")?;
        ensure_each!(
            [
                pair.status == RegistrationStatus::Confirmed,
                pair.seats == 2
            ],
            "trial {trial}: the waiting pair got {:?} {} seats; newcomers confirmed: {}",
            pair.status,
            pair.seats,
            l.registrations
                .iter()
                .filter(|r| r.status == RegistrationStatus::Confirmed && r.email != waiting_email)
                .count()
        );
        ensure!(l.seats_confirmed == 2, "trial {trial}: {l:?}");
    }
    Ok(())
}

pub async fn a_second_sign_up_with_the_same_email_gets_no_link(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let admin = admin(api).await?;
    let e = publish(&staff, &workshop("Atelier robots (même e-mail)", 44, 8)).await?;
    let parent = email("parent-");
    let first = sign_up(api, e.id, &family(&parent, 1, &[("Lou", 9)], false)).await?;
    // Someone else, from elsewhere, with the parent's email and another name and size.
    let mut intruder = family(&parent, 2, &[("Zoé", 10)], true);
    intruder["name"] = json!("Quelqu'un d'autre");
    let path = format!("/api/events/{}/registrations", e.id);
    for _ in 0..2 {
        let answer: Value = expect_status(
            anonymous(api)
                .with_ip(&fresh_ip())
                .post(&path, &intruder)
                .await?,
            202,
        )
        .await?;
        ensure!(
            answer == json!({ "status": "link_sent" }),
            "the answer gives more than 'link sent': {answer}"
        );
    }
    // Nothing changed, and the parent's own link still works.
    let v = mine(api, &first.link).await?;
    ensure_each!(
        [
            v.name == "Anne Le Gall",
            v.seats == 2,
            v.named_children.len() == 1,
            v.named_children[0].first_name == "Lou"
        ],
        "the sign-up changed: {v:?}"
    );
    let l = list(&staff, e.id).await?;
    ensure!(
        l.registrations.iter().filter(|r| r.email == parent).count() == 1,
        "{l:?}"
    );
    // The link went to the parent's address (once within the hour), and it opens the same sign-up.
    let outbox: Vec<OutboxEmail> = admin
        .get_json(&format!("/api/staff/outbox?to={parent}"))
        .await?;
    let sent: Vec<&OutboxEmail> = outbox
        .iter()
        .filter(|m| m.to == parent && m.kind == "event_link_again")
        .collect();
    ensure!(sent.len() == 1, "{} link emails", sent.len());
    let start = sent[0]
        .body_text
        .find("/inscription/")
        .context("no link in the email")?;
    let link = sent[0].body_text[start..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string();
    let again = mine(api, &link).await?;
    ensure_each!(
        [again.created_at == v.created_at, again.name == v.name],
        "{again:?}"
    );
    Ok(())
}

pub async fn members_only_events_take_a_members_session(api: &'static Api) -> Result<()> {
    let events: Vec<EventView> = anonymous(api)
        .get_json("/api/events?kind=club_meeting")
        .await?;
    let meeting = events
        .iter()
        .find(|e| e.audience == Audience::Members && e.seats_left > 0)
        .context("a club meeting with seats")?;
    let path = format!("/api/events/{}/registrations", meeting.id);
    let guest = family(&email("pas-adherent-"), 1, &[], false);
    let err: ApiErrorBody = expect_json(
        anonymous(api)
            .with_ip(&fresh_ip())
            .post(&path, &guest)
            .await?,
        403,
    )
    .await?;
    ensure!(err.message.contains("adhérents"), "{err:?}");
    let member = anonymous(api)
        .login(
            "membre07@silicon-kerne.test",
            kerne_tests::api_client::DEMO_PASSWORD,
        )
        .await?;
    let me: domain::wire::Me = member.get_json("/api/me").await?;
    let mut mine_body = family(&me.email, 1, &[], false);
    mine_body["name"] = json!(me.name);
    let created: RegistrationCreated =
        expect_json(member.post(&path, &mine_body).await?, 201).await?;
    ensure!(
        created.status == RegistrationStatus::Confirmed,
        "{created:?}"
    );
    Ok(())
}

pub async fn staff_changes_are_audited_and_a_lost_room_is_refused_whole(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let admin = admin(api).await?;
    // Elsewhere: published, edited, cancelled — three entries in the audit log.
    let e = publish(&staff, &workshop("Atelier hors les murs (journal)", 45, 6)).await?;
    let edit = |title: &str, cancelled: bool| {
        let mut b = workshop(title, 45, 6);
        b["cancelled"] = json!(cancelled);
        b
    };
    for (title, cancelled) in [
        ("Atelier hors les murs (journal, bis)", false),
        ("Atelier hors les murs (journal, bis)", true),
    ] {
        expect_status(
            staff
                .send(
                    Method::PATCH,
                    &format!("/api/staff/events/{}", e.id),
                    Some(&edit(title, cancelled)),
                )
                .await?,
            200,
        )
        .await?;
    }
    let log: Vec<AuditEntry> = admin.get_json("/api/staff/audit").await?;
    let actions: Vec<&str> = log
        .iter()
        .filter(|a| a.target_type == "event" && a.target_id == e.id.to_string())
        .map(|a| a.action.as_str())
        .collect();
    ensure!(
        actions == ["event.cancel", "event.update", "event.create"],
        "audit entries for the event: {actions:?}"
    );
    // In the room: a block holds the afternoon; moving the morning's event there is refused, and
    // nothing is half-written (the event keeps its morning and its hold).
    let mut room = workshop("Atelier en salle (salle prise)", 46, 8);
    room["in_room"] = json!(true);
    room["place"] = json!("");
    room["starts_at"] = json!(at(46, "10:00"));
    room["ends_at"] = json!(at(46, "12:00"));
    let held = publish(&staff, &room).await?;
    let day = paris::local_date(Utc::now()) + Duration::days(46);
    expect_status(
        staff
            .post(
                "/api/staff/blocks",
                &json!({ "resource": "salle-reunion", "start": format!("{day}T14:00"), "end": format!("{day}T16:00"), "reason": "Travaux électriques" }),
            )
            .await?,
        201,
    )
    .await?;
    let mut moved = room.clone();
    moved["starts_at"] = json!(at(46, "14:00"));
    moved["ends_at"] = json!(at(46, "16:00"));
    let err: ApiErrorBody = expect_json(
        staff
            .send(
                Method::PATCH,
                &format!("/api/staff/events/{}", held.id),
                Some(&moved),
            )
            .await?,
        409,
    )
    .await?;
    ensure_each!(
        [
            err.message.contains("Travaux électriques"),
            err.message.contains("14:00")
        ],
        "the refusal does not say what holds the room: {err:?}"
    );
    let still: EventView = anonymous(api)
        .get_json(&format!("/api/events/{}", held.id))
        .await?;
    ensure!(
        still.starts_at.0.format("%H:%M").to_string() == "10:00",
        "the event moved anyway: {still:?}"
    );
    let mut twin = room.clone();
    twin["title_fr"] = json!("Atelier en salle (doublon)");
    expect_status(staff.post("/api/staff/events", &twin).await?, 409).await?;
    // A new event in the blocked afternoon is refused and not stored.
    let mut late = moved.clone();
    late["title_fr"] = json!("Atelier en salle (refusé)");
    expect_status(staff.post("/api/staff/events", &late).await?, 409).await?;
    let all: Vec<EventView> = staff
        .get_json(&format!("/api/staff/events?from={day}&to={day}"))
        .await?;
    ensure!(
        !all.iter()
            .any(|e| e.title.fr == "Atelier en salle (refusé)"),
        "a refused event was stored"
    );
    Ok(())
}

pub async fn bad_filters_are_refused_and_the_door_counts_confirmed_seats(
    api: &'static Api,
) -> Result<()> {
    let anon = anonymous(api);
    for (q, field) in [("kind=atelierr", "kind"), ("audience=tous", "audience")] {
        let err: ApiErrorBody =
            expect_json(anon.get(&format!("/api/events?{q}")).await?, 422).await?;
        ensure!(err.fields.contains_key(field), "{q}: {err:?}");
    }
    let staff = staff(api).await?;
    let mut body = workshop_today("Portes ouvertes (porte)", 2).await?;
    body["asks_children"] = json!(false);
    body["max_per_signup"] = json!(2);
    body["kind"] = json!("open_day");
    let e = publish(&staff, &body).await?;
    sign_up(api, e.id, &family(&email("porte-a-"), 1, &[], false)).await?;
    let fewer = email("porte-b-");
    let b = sign_up(api, e.id, &family(&fewer, 2, &[], true)).await?;
    ensure_each!(
        [b.status == RegistrationStatus::Confirmed, b.seats == 1],
        "{b:?}"
    );
    let l = list(&staff, e.id).await?;
    let id = l
        .registrations
        .iter()
        .find(|r| r.email == fewer)
        .context("b")?
        .id;
    let check = |n: u32| json!({ "present": n });
    expect_status(
        staff
            .post(
                &format!("/api/staff/registrations/{id}/check-in"),
                &check(2),
            )
            .await?,
        422,
    )
    .await?;
    expect_status(
        staff
            .post(
                &format!("/api/staff/registrations/{id}/check-in"),
                &check(1),
            )
            .await?,
        200,
    )
    .await?;
    // The CSV speaks the staff's language.
    let mut en = staff.clone();
    en.lang = "en";
    let csv = en
        .get(&format!("/api/staff/events/{}/registrations.csv", e.id))
        .await?
        .bytes()
        .await?;
    let text = String::from_utf8_lossy(&csv);
    ensure!(
        text.trim_start_matches('\u{feff}')
            .starts_with("Name;Email;Phone;Status"),
        "{text}"
    );
    Ok(())
}

/// A waiting list left with a free seat (`tests/seed/unsettled.sql`: no API path leaves one) is
/// served by the scheduled run, and the repair says so in the log.
pub async fn the_scheduled_run_serves_a_list_left_with_free_seats(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let admin = admin(api).await?;
    api.app.run_scheduled().await?;
    let l = list(&staff, 990).await?;
    let single = l
        .registrations
        .iter()
        .find(|r| r.email == "repare-seul@example.fr")
        .context("the waiting single")?;
    ensure_each!(
        [
            single.status == RegistrationStatus::Confirmed,
            single.seats == 1,
            l.seats_confirmed == 3
        ],
        "{l:?}"
    );
    let outbox: Vec<OutboxEmail> = admin
        .get_json("/api/staff/outbox?to=repare-seul@example.fr")
        .await?;
    ensure!(
        outbox
            .iter()
            .any(|m| m.to == "repare-seul@example.fr" && m.kind == "event_promoted"),
        "no promotion email"
    );
    ensure!(
        api.app
            .log()
            .contains("scheduled run: repair promoted 1 waiting group(s)"),
        "the repair is not in the log"
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
    ensure_each!(
        [to_kept == 1, to_gone == 0],
        "reminders: {to_kept} to the confirmed, {to_gone} to the cancelled"
    );
    // The reminder carries the way back: a private link of its own that opens the sign-up, and
    // its seats in words ("pour 2 places").
    let reminder = outbox
        .iter()
        .find(|m| m.to == kept && m.kind == "event_reminder")
        .context("the reminder")?;
    let link = link_to_sign_up(&reminder.body_text)?;
    ensure_each!(
        [
            mine(api, &link).await?.name == "Anne Le Gall",
            reminder.body_text.contains("pour 2 places.")
        ],
        "the reminder's link or seats: {}",
        reminder.body_text
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
    ensure_each!(
        [
            v.children_erased,
            v.named_children.is_empty(),
            v.children == 1
        ],
        "{v:?}"
    );
    let l = list(&staff, e.id).await?;
    ensure_each!([l.children == 1, l.adults == 1], "{l:?}");
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
    ensure_each!(
        [
            came.coming,
            came.status == Some(RegistrationStatus::Confirmed)
        ],
        "{came:?}"
    );
    ensure!(
        came.event.seats_left + 1 == next.event.seats_left,
        "the seat is not counted"
    );
    // The member's export lists it.
    let export: domain::wire::MemberExport = member.get_json("/api/me/export").await?;
    ensure!(
        export
            .events
            .iter()
            .any(|e| e.event_id == id && e.status == RegistrationStatus::Confirmed && e.seats == 1),
        "the export's events: {:?}",
        export.events
    );
    expect_status(member.delete(&format!("/api/me/events/{id}")).await?, 204).await?;
    let events: Vec<domain::events::MyEvent> = member.get_json("/api/me/events").await?;
    ensure!(
        events.iter().any(|m| m.event.id == id && !m.coming),
        "still coming"
    );
    Ok(())
}

/// English falls back to French where staff wrote none (the demo's workshops have no English
/// "what to bring"): an English page never shows an empty heading.
pub async fn english_falls_back_to_french_where_staff_wrote_none(api: &'static Api) -> Result<()> {
    // The demo's events are written in English too.
    let demo: EventView = anonymous(api).get_json("/api/events/904").await?;
    ensure_each!(
        [
            demo.description.en != demo.description.fr,
            demo.bring.en != demo.bring.fr,
            demo.in_french_only == domain::events::InFrenchOnly::default()
        ],
        "{demo:?}"
    );
    // An event staff wrote in French only: English shows the French and says which texts are.
    let staff = staff(api).await?;
    let mut body = workshop("Atelier (en français seulement)", 18, 6);
    body["title_en"] = json!("Workshop (French only)");
    let e = publish(&staff, &body).await?;
    ensure_each!(
        [
            e.bring.en == e.bring.fr,
            e.description.en == e.description.fr,
            e.in_french_only
                == domain::events::InFrenchOnly {
                    title: false,
                    description: true,
                    bring: true
                }
        ],
        "{e:?}"
    );
    Ok(())
}

/// After the event, its sign-up's private link says so and takes neither a change nor a
/// cancellation (the test data's workshop held three days ago).
pub async fn a_past_events_link_says_it_is_over_and_changes_nothing(
    api: &'static Api,
) -> Result<()> {
    const LINK: &str = "/api/registrations/lien-evenement-passe-de-test-0001";
    let guest = anonymous(api);
    let before: RegistrationView = guest.get_json(LINK).await?;
    ensure!(
        before.phase == domain::events::EventPhase::Over,
        "phase {:?}",
        before.phase
    );
    let change = guest
        .send(
            Method::PATCH,
            LINK,
            Some(&json!({ "adults": 1, "children": [] })),
        )
        .await?;
    ensure!(
        change.status() == 409 || change.status() == 422,
        "a change after the event answered {}",
        change.status()
    );
    let cancel = guest.delete(LINK).await?;
    ensure!(
        cancel.status() == 409,
        "a cancellation after the event answered {}",
        cancel.status()
    );
    let after: RegistrationView = guest.get_json(LINK).await?;
    ensure_each!(
        [
            after.seats == before.seats,
            after.status == before.status,
            after.adults == before.adults
        ],
        "the sign-up changed: {after:?}"
    );
    // An upcoming event's link is upcoming.
    let fresh = sign_up(
        api,
        publish(
            &staff(api).await?,
            &workshop("Atelier à venir (phase)", 30, 6),
        )
        .await?
        .id,
        &family(&email("phase"), 1, &[("Lou", 9)], false),
    )
    .await?;
    let view = mine(api, &fresh.link).await?;
    ensure!(
        view.phase == domain::events::EventPhase::Upcoming,
        "phase {:?}",
        view.phase
    );
    Ok(())
}

/// An event with one family of two signed up: the event and the sign-up's id.
async fn with_one_family(
    api: &Api,
    staff: &ApiClient,
    body: &Value,
    who: &str,
) -> Result<(EventView, i64)> {
    let e = publish(staff, body).await?;
    sign_up(api, e.id, &family(&email(who), 1, &[("Lou", 9)], false)).await?;
    let reg = list(staff, e.id)
        .await?
        .registrations
        .first()
        .context("a sign-up")?
        .id;
    Ok((e, reg))
}

/// A check-in made by mistake at the door is undone: the group is back to "not pointed yet".
pub async fn a_check_in_made_by_mistake_is_undone(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let body = workshop_today("Atelier (pointage annulé)", 6).await?;
    let (e, reg) = with_one_family(api, &staff, &body, "pointage").await?;
    let path = format!("/api/staff/registrations/{reg}/check-in");
    let checked: domain::events::StaffRegistration =
        expect_json(staff.post(&path, &json!({ "present": 2 })).await?, 200).await?;
    ensure!(checked.present == Some(2), "{checked:?}");
    let undone: domain::events::StaffRegistration =
        expect_json(staff.delete(&path).await?, 200).await?;
    ensure!(undone.present.is_none(), "{undone:?}");
    let again = list(&staff, e.id).await?;
    ensure_each!(
        [
            again.present == 0,
            again.registrations.iter().all(|r| r.present.is_none())
        ],
        "the list still counts it: {again:?}"
    );
    Ok(())
}

/// The consent a parent ticks names the delay staff set, and the sign-up keeps which wording and
/// delay it was (in its export, with when it was given).
pub async fn the_consent_names_the_retention_delay_and_is_kept_with_it(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let settings: Vec<Value> = staff.get_json("/api/staff/settings").await?;
    let days = settings
        .iter()
        .find(|s| s["key"] == "children_retention_days")
        .context("children_retention_days")?["value"]
        .as_u64()
        .context("a number of days")? as u32;
    let site: domain::wire::SiteContent = anonymous(api).get_json("/api/site").await?;
    ensure!(
        site.children_retention_days == days,
        "the site says {} days, the setting {days}",
        site.children_retention_days
    );
    let e = publish(&staff, &workshop("Atelier (consentement)", 34, 6)).await?;
    let made = sign_up(
        api,
        e.id,
        &family(&email("consent"), 1, &[("Lou", 9)], false),
    )
    .await?;
    let export: RegistrationView = anonymous(api)
        .get_json(&format!("/api/registrations/{}/export", token(&made.link)?))
        .await?;
    ensure_each!(
        [
            export.consent_version.as_deref()
                == Some(domain::events::children_consent_version(days).as_str()),
            export.consent_children_at.is_some()
        ],
        "the export keeps {:?} at {:?}",
        export.consent_version,
        export.consent_children_at
    );
    Ok(())
}

/// Check-in opens on the event's day: a week ahead it is refused with the day it opens, in French
/// and in English, and nothing is written; on the day it is taken.
pub async fn the_door_opens_on_the_events_day_only(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let body = workshop("Atelier (porte fermée)", 7, 6);
    let (ahead, reg) = with_one_family(api, &staff, &body, "porte-fermee").await?;
    let path = format!("/api/staff/registrations/{reg}/check-in");
    let mut en = staff.clone();
    en.lang = "en";
    let day = paris::local_date(Utc::now()) + Duration::days(7);
    for (who, words, month) in [
        (
            &staff,
            "Le pointage ouvre le jour de l'événement",
            domain::i18n::month_name(day.month(), domain::Lang::Fr),
        ),
        (
            &en,
            "Check-in opens on the day of the event",
            domain::i18n::month_name(day.month(), domain::Lang::En),
        ),
    ] {
        let err: ApiErrorBody =
            expect_json(who.post(&path, &json!({ "present": 1 })).await?, 409).await?;
        ensure_each!(
            [
                err.message.contains(words),
                err.message.contains(month),
                err.message.contains(&day.year().to_string())
            ],
            "{err:?}"
        );
    }
    expect_status(staff.delete(&path).await?, 409).await?;
    let after = list(&staff, ahead.id).await?;
    ensure_each!(
        [
            after.present == 0,
            after.registrations.iter().all(|r| r.present.is_none())
        ],
        "{after:?}"
    );
    // The same on the day.
    let body = workshop_today("Atelier (porte ouverte)", 6).await?;
    let (_, reg) = with_one_family(api, &staff, &body, "porte-ouverte").await?;
    let checked: StaffRegistration = expect_json(
        staff
            .post(
                &format!("/api/staff/registrations/{reg}/check-in"),
                &json!({ "present": 2 }),
            )
            .await?,
        200,
    )
    .await?;
    ensure!(checked.present == Some(2), "{checked:?}");
    Ok(())
}

/// A family phones to cancel: staff cancel the sign-up; what the family gave is erased, its seats
/// go to the waiting family at once, the family gets an email in its language, and the audit log
/// says who did it without the family's name. Twice is a 409.
pub async fn staff_cancel_a_sign_up_for_a_family_who_phones(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let admin = admin(api).await?;
    let mut body = workshop("Atelier (annulé par téléphone)", 12, 2);
    body["max_per_signup"] = json!(2);
    let e = publish(&staff, &body).await?;
    let (a, b) = (email("telephone-a"), email("telephone-b"));
    let mut english = family(&a, 1, &[("Lou", 9)], false);
    english["lang"] = json!("en");
    english["phone"] = json!("06 12 34 56 78");
    let first = sign_up(api, e.id, &english).await?;
    let second = sign_up(api, e.id, &family(&b, 1, &[("Noé", 10)], false)).await?;
    ensure_each!(
        [
            first.status == RegistrationStatus::Confirmed,
            second.status == RegistrationStatus::Waiting
        ],
        "{first:?} {second:?}"
    );
    let id = list(&staff, e.id)
        .await?
        .registrations
        .iter()
        .find(|r| r.email == a)
        .context("a")?
        .id;
    expect_status(
        staff
            .delete(&format!("/api/staff/registrations/{id}"))
            .await?,
        204,
    )
    .await?;
    let l = list(&staff, e.id).await?;
    let gone = l
        .registrations
        .iter()
        .find(|r| r.id == id)
        .context("the cancelled one")?;
    ensure_each!(
        [
            gone.status == RegistrationStatus::Cancelled,
            gone.name.is_empty(),
            gone.phone.is_empty(),
            gone.named_children.is_empty()
        ],
        "{gone:?}"
    );
    let promoted = l.registrations.iter().find(|r| r.email == b).context("b")?;
    ensure_each!(
        [
            promoted.status == RegistrationStatus::Confirmed,
            promoted.seats == 2
        ],
        "{promoted:?}"
    );
    // The family's own link says so.
    let view = mine(api, &first.link).await?;
    ensure!(view.status == RegistrationStatus::Cancelled, "{view:?}");
    let mails: Vec<OutboxEmail> = admin.get_json(&format!("/api/staff/outbox?to={a}")).await?;
    let told = mails
        .iter()
        .find(|m| m.kind == "signup_cancelled")
        .context("no email to the family")?;
    ensure_each!(
        [
            told.subject.starts_with("Sign-up cancelled"),
            told.body_text.contains("/agenda/")
        ],
        "{told:?}"
    );
    let log: Vec<AuditEntry> = admin.get_json("/api/staff/audit").await?;
    let entry = log
        .iter()
        .find(|x| x.action == "registration.cancel" && x.target_id == e.id.to_string())
        .context("no audit entry")?;
    ensure_each!(
        [
            entry.summary.fr.contains("2 places"),
            !entry.summary.fr.contains("Anne"),
            !entry.details.contains("Anne")
        ],
        "{entry:?}"
    );
    expect_status(
        staff
            .delete(&format!("/api/staff/registrations/{id}"))
            .await?,
        409,
    )
    .await?;
    Ok(())
}

fn email_of(body: &Value) -> String {
    body["email"].as_str().unwrap_or_default().to_string()
}

/// A children's workshop seats the children: an adult alone is refused on the children's field
/// (in French and in English) and nothing is stored; a family of one adult and two children takes
/// two seats. A teacher training seats adults and refuses children. An unknown rule is a 422.
pub async fn a_childrens_workshop_seats_the_children_and_a_training_the_adults(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let mut body = workshop("Atelier (places des enfants)", 15, 4);
    body["seats_for"] = json!("");
    let e = publish(&staff, &body).await?;
    ensure!(e.seats_for == domain::events::SeatsFor::Children, "{e:?}");
    for lang in ["fr", "en"] {
        let mut alone = family(&email("adulte-seul"), 1, &[], false);
        alone["lang"] = json!(lang);
        let mut client = anonymous(api).with_ip(&fresh_ip());
        client.lang = if lang == "fr" { "fr" } else { "en" };
        let err: ApiErrorBody = expect_json(
            client
                .post(&format!("/api/events/{}/registrations", e.id), &alone)
                .await?,
            422,
        )
        .await?;
        let says = err.fields.get("children").cloned().unwrap_or_default();
        ensure!(
            says.contains(if lang == "fr" {
                "au moins un enfant"
            } else {
                "at least one child"
            }),
            "{err:?}"
        );
    }
    ensure!(
        list(&staff, e.id).await?.registrations.is_empty(),
        "a refused sign-up was stored"
    );
    let two_body = family(&email("deux-enfants"), 1, &[("Lou", 9), ("Noé", 10)], false);
    let two = sign_up(api, e.id, &two_body).await?;
    ensure!(two.seats == 2, "{two:?}");
    // The confirmation says where, with the street and the town.
    let admin = admin(api).await?;
    let mails: Vec<OutboxEmail> = admin
        .get_json(&format!("/api/staff/outbox?to={}", email_of(&two_body)))
        .await?;
    ensure!(
        mails.iter().any(|m| m
            .body_text
            .contains("Médiathèque d'Ergué-Gabéric, Rue Jean Moulin, 29500 Ergué-Gabéric")),
        "{mails:?}"
    );
    // Away from the cantine, a place without its address is refused.
    let mut nowhere = workshop("Atelier (sans adresse)", 15, 4);
    nowhere["address"] = json!(" ");
    let err: ApiErrorBody =
        expect_json(staff.post("/api/staff/events", &nowhere).await?, 422).await?;
    ensure!(err.fields.contains_key("address"), "{err:?}");
    let after = list(&staff, e.id).await?;
    ensure_each!(
        [
            after.seats_confirmed == 2,
            after.event.seats_left == 2,
            after.registrations.iter().all(|r| r.seats_requested == 2)
        ],
        "{after:?}"
    );
    // A teacher training: adults only.
    let mut training = workshop("Formation (adultes)", 16, 10);
    training["kind"] = json!("teacher_training");
    training["audience"] = json!("teachers");
    training["asks_children"] = json!(false);
    training["age_min"] = Value::Null;
    training["age_max"] = Value::Null;
    training["seats_for"] = json!("");
    let t = publish(&staff, &training).await?;
    ensure!(t.seats_for == domain::events::SeatsFor::Adults, "{t:?}");
    let mut with_child = family(&email("formation"), 1, &[("", 0)], false);
    with_child["consent_children"] = json!(false);
    let err: ApiErrorBody = expect_json(
        anonymous(api)
            .with_ip(&fresh_ip())
            .post(&format!("/api/events/{}/registrations", t.id), &with_child)
            .await?,
        422,
    )
    .await?;
    ensure!(err.fields.contains_key("children"), "{err:?}");
    let pair = sign_up(api, t.id, &family(&email("formation-duo"), 2, &[], false)).await?;
    ensure!(pair.seats == 2, "{pair:?}");
    body["seats_for"] = json!("tout le monde");
    let err: ApiErrorBody = expect_json(staff.post("/api/staff/events", &body).await?, 422).await?;
    ensure!(err.fields.contains_key("seats_for"), "{err:?}");
    Ok(())
}

/// A family that accepts fewer seats is promoted only with seats it can come with (a child with an
/// adult), and then holds exactly who those seats take: its link, the staff's list and the counts
/// say one adult and the child named first; the other child's name is not kept.
pub async fn a_partial_promotion_names_who_has_a_seat(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let e = publish(&staff, &workshop("Atelier (promotion partielle)", 19, 3)).await?;
    let first = sign_up(
        api,
        e.id,
        &family(&email("partiel-a"), 1, &[("Lou", 9)], false),
    )
    .await?;
    let family_b = family(
        &email("partiel-b"),
        1,
        &[("Maël", 9), ("Nolwenn", 11)],
        true,
    );
    let b = sign_up(api, e.id, &family_b).await?;
    // One free seat is no use to a child who comes with an adult: the family waits, and a single
    // adult behind it takes the seat.
    ensure!(
        b.status == RegistrationStatus::Waiting,
        "one seat was given to a family of three: {b:?}"
    );
    let single = sign_up(api, e.id, &family(&email("partiel-c"), 1, &[], false)).await?;
    ensure_each!(
        [
            single.status == RegistrationStatus::Confirmed,
            single.seats == 1
        ],
        "{single:?}"
    );
    // The first family cancels: two seats, enough for an adult and a child.
    expect_status(
        anonymous(api)
            .delete(&format!("/api/registrations/{}", token(&first.link)?))
            .await?,
        204,
    )
    .await?;
    let view = mine(api, &b.link).await?;
    ensure_each!(
        [
            view.status == RegistrationStatus::Confirmed,
            view.seats == 2,
            view.seats_requested == 2,
            view.adults == 1,
            view.children == 1,
            view.named_children.len() == 1,
            view.named_children[0].first_name == "Maël"
        ],
        "{view:?}"
    );
    let l = list(&staff, e.id).await?;
    ensure_each!(
        [l.seats_confirmed == 3, l.adults == 2, l.children == 1],
        "the staff's counts: {l:?}"
    );
    Ok(())
}
