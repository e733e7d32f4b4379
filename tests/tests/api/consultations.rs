//! Consultations for businesses and the library, over HTTP: the request and its private link, the
//! staff's board, the volunteers, the room held by an appointment, the scheduled run, and the
//! library's Markdown made inert.

use anyhow::{ensure, Context, Result};
use chrono::{Duration, NaiveDate, Timelike, Utc};
use domain::consultations::{
    ConsultationCreated, ConsultationStatus, ConsultationView, LibraryCard, LibraryDraft,
    LibraryItem, MyConsultation, Place, Returned, StaffConsultation, Topic, Volunteers,
};
use domain::paris;
use domain::wire::{ApiErrorBody, OutboxEmail, RentalDay};
use domain::Lang;
use kerne_tests::api_client::{expect_json, expect_status, ApiClient, DEMO_PASSWORD};
use kerne_tests::ensure_each;
use serde_json::{json, Value};

use crate::support::{admin, anonymous, staff, unique};
use crate::Api;

fn request(business: &str, email: &str) -> Value {
    json!({
        "business": business, "trade": "artisan", "size": "solo", "town": "Quimper",
        "name": "Yann Le Goff", "email": email, "phone": "06 12 34 56 78",
        "topics": ["invoicing", "website"], "goal": "Faire mes factures sans y passer le dimanche.",
        "availability": ["mornings", "evenings"], "consent": true, "lang": "fr"
    })
}

fn email(prefix: &str) -> String {
    format!("{}@example.fr", unique(prefix))
}

fn token(link: &str) -> Result<&str> {
    link.strip_prefix("/consultation/")
        .context("a private link")
}

async fn ask(api: &Api, business: &str, email: &str) -> Result<ConsultationCreated> {
    expect_json(
        anonymous(api)
            .post("/api/consultations", &request(business, email))
            .await?,
        201,
    )
    .await
}

async fn seen(api: &Api, link: &str) -> Result<ConsultationView> {
    anonymous(api)
        .get_json(&format!("/api/consultations/{}", token(link)?))
        .await
}

/// The staff's id of a request, found by its business name on the board.
async fn on_board(staff: &ApiClient, business: &str) -> Result<StaffConsultation> {
    let board: Vec<StaffConsultation> = staff.get_json("/api/staff/consultations").await?;
    board
        .into_iter()
        .find(|c| c.business == business)
        .with_context(|| format!("{business} is not on the board"))
}

async fn volunteer(api: &Api, n: u32) -> Result<(ApiClient, i64)> {
    let client = anonymous(api)
        .login(&format!("membre{n:02}@silicon-kerne.test"), DEMO_PASSWORD)
        .await?;
    let me: domain::wire::Me = client.get_json("/api/me").await?;
    Ok((client, me.id))
}

/// Staff offer request `id` to member `vid` (a new request: nobody to replace).
async fn assign(staff: &ApiClient, id: i64, vid: i64) -> Result<StaffConsultation> {
    expect_json(
        staff
            .post(
                &format!("/api/staff/consultations/{id}/assign"),
                &json!({ "member_id": vid }),
            )
            .await?,
        200,
    )
    .await
}

fn fields(err: &ApiErrorBody) -> Vec<&str> {
    err.fields.keys().map(String::as_str).collect()
}

pub async fn the_topics_and_the_library_are_public_and_filtered(api: &'static Api) -> Result<()> {
    let guest = anonymous(api);
    let topics: Vec<Topic> = guest.get_json("/api/consultation-topics").await?;
    ensure_each!(
        [
            topics.len() >= 10,
            topics[0].slug == "website",
            topics[0].label.fr == "Site internet"
        ],
        "{topics:?}"
    );
    let all: Vec<LibraryCard> = guest.get_json("/api/library").await?;
    ensure!(all.len() >= 10, "{} resources", all.len());
    let backups: Vec<LibraryCard> = guest
        .get_json("/api/library?topic=security-backups")
        .await?;
    ensure_each!(
        [
            !backups.is_empty(),
            backups.len() < all.len(),
            backups
                .iter()
                .all(|c| c.topics.iter().any(|t| t == "security-backups"))
        ],
        "{backups:?}"
    );
    // Words, accents and case ignored.
    let found: Vec<LibraryCard> = guest
        .get_json("/api/library?q=FACTURE%20electronique")
        .await?;
    ensure!(
        found.iter().any(|c| c.slug == "facture-electronique-2026"),
        "{found:?}"
    );
    let item: LibraryItem = guest.get_json("/api/library/sauvegardes-3-2-1").await?;
    ensure_each!(
        [
            item.html.contains("<h2>La règle</h2>"),
            item.html.contains("☐")
        ],
        "{}",
        item.html
    );
    expect_status(guest.get("/api/library/pas-de-fiche").await?, 404).await?;
    Ok(())
}

pub async fn staff_markdown_comes_out_inert_and_bad_input_is_named(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let slug = unique("fiche-test-");
    let body = json!({
        "slug": slug, "kind": "guide", "audience": "", "title": "Fiche piégée",
        "summary": "Pour voir ce qui passe.",
        "body": "# Titre\n\n<script>alert('x')</script>\n\n[clic](javascript:alert(1))\n\n<img src=x onerror=\"alert(2)\">\n\n<a href=\"https://www.francenum.gouv.fr\" onclick=\"alert(3)\">France Num</a>\n\n[France Num](https://www.francenum.gouv.fr)",
        "url": "", "topics": ["security-backups"], "published": true
    });
    let draft: LibraryDraft =
        expect_json(staff.post("/api/staff/library", &body).await?, 201).await?;
    let item: LibraryItem = anonymous(api)
        .get_json(&format!("/api/library/{slug}"))
        .await?;
    for html in [&draft.html, &item.html] {
        // Text escapes `<`: each one left opens a tag the server wrote.
        for tag in html
            .split('<')
            .skip(1)
            .map(|t| t.split('>').next().unwrap_or(""))
        {
            let name = tag.split_whitespace().next().unwrap_or("");
            ensure_each!(
                [
                    !["script", "img", "iframe"].contains(&name),
                    !tag.contains(" on"),
                    !tag.contains("javascript:")
                ],
                "<{tag}> got through: {html}"
            );
        }
        ensure_each!([html.contains("<a href=\"https://www.francenum.gouv.fr\" rel=\"noopener noreferrer\">France Num</a>"), html.contains("<h2>Titre</h2>"), html.contains("&lt;script&gt;")], "{html}");
    }
    // The same address twice is refused on the field.
    let err: ApiErrorBody =
        expect_json(staff.post("/api/staff/library", &body).await?, 422).await?;
    ensure!(fields(&err) == ["slug"], "{err:?}");
    // Every bad field named at once; nothing stored.
    let bad = json!({
        "slug": "Pas Bon", "kind": "video", "audience": "plombier", "title": "", "summary": "",
        "url": "http://x.fr", "topics": ["inconnu"], "published": true
    });
    let err: ApiErrorBody = expect_json(staff.post("/api/staff/library", &bad).await?, 422).await?;
    let mut got = fields(&err);
    got.sort_unstable();
    ensure!(
        got == ["audience", "kind", "slug", "summary", "title", "topics", "url"],
        "{err:?}"
    );
    // A link needs its address.
    let mut link = body.clone();
    link["slug"] = json!(unique("lien-test-"));
    link["kind"] = json!("link");
    let err: ApiErrorBody =
        expect_json(staff.post("/api/staff/library", &link).await?, 422).await?;
    ensure!(fields(&err) == ["url"], "{err:?}");
    // Unpublished: gone from the public list and page, still there for staff.
    let mut hidden = body.clone();
    hidden["published"] = json!(false);
    expect_json::<LibraryDraft>(
        staff
            .put(&format!("/api/staff/library/{slug}"), &hidden)
            .await?,
        200,
    )
    .await?;
    expect_status(
        anonymous(api).get(&format!("/api/library/{slug}")).await?,
        404,
    )
    .await?;
    let public: Vec<LibraryCard> = anonymous(api).get_json("/api/library").await?;
    ensure!(!public.iter().any(|c| c.slug == slug), "still listed");
    let everything: Vec<LibraryCard> = staff.get_json("/api/staff/library").await?;
    ensure!(everything.iter().any(|c| c.slug == slug), "staff lost it");
    Ok(())
}

/// Issue 38, B6: a resource can be written in English beside the French. Half an English version is
/// refused on the missing field (in both languages) and stores nothing; a whole one is read and
/// searched in English; a resource in French only says so (no English on its card or page).
pub async fn a_resource_is_written_in_english_beside_the_french(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let slug = unique("sauvegarde-en-");
    let mut body = json!({
        "slug": slug, "kind": "guide", "audience": "", "title": "Sauvegarder ses fichiers",
        "summary": "Trois copies, deux supports, une ailleurs.",
        "body": "# La règle\n\nTrois copies.",
        "title_en": "Backing up your files", "summary_en": "", "body_en": "",
        "url": "", "topics": ["security-backups"], "published": true
    });
    let err: ApiErrorBody =
        expect_json(staff.post("/api/staff/library", &body).await?, 422).await?;
    let mut got = fields(&err);
    got.sort_unstable();
    ensure!(got == ["body_en", "summary_en"], "{err:?}");
    ensure!(err.fields["summary_en"].contains("en anglais"), "{err:?}");
    let mut english = staff.clone();
    english.lang = "en";
    let err: ApiErrorBody =
        expect_json(english.post("/api/staff/library", &body).await?, 422).await?;
    ensure!(err.fields["body_en"].contains("in English too"), "{err:?}");
    expect_status(
        anonymous(api).get(&format!("/api/library/{slug}")).await?,
        404,
    )
    .await?;
    // The whole English version: stored, rendered, read and searched.
    body["summary_en"] = json!("Three copies, two media, one elsewhere.");
    body["body_en"] = json!("# The rule\n\nThree copies.");
    let draft: LibraryDraft =
        expect_json(staff.post("/api/staff/library", &body).await?, 201).await?;
    ensure_each!(
        [
            draft.html_en.contains("<h2>The rule</h2>"),
            draft.input.title_en == "Backing up your files"
        ],
        "{draft:?}"
    );
    let item: LibraryItem = anonymous(api)
        .get_json(&format!("/api/library/{slug}"))
        .await?;
    ensure_each!(
        [
            item.html_en
                .as_deref()
                .is_some_and(|h| h.contains("<h2>The rule</h2>")),
            item.card.text(Lang::En)
                == (
                    "Backing up your files",
                    "Three copies, two media, one elsewhere.",
                    false
                ),
            item.card.text(Lang::Fr).0 == "Sauvegarder ses fichiers"
        ],
        "{item:?}"
    );
    let found: Vec<LibraryCard> = anonymous(api)
        .get_json("/api/library?q=backing%20up")
        .await?;
    ensure!(found.iter().any(|c| c.slug == slug), "{found:?}");
    // A resource written in French only has no English: an English reader is told.
    let french: LibraryItem = anonymous(api)
        .get_json("/api/library/sauvegardes-3-2-1")
        .await?;
    ensure_each!(
        [
            french.card.en.is_none(),
            french.html_en.is_none(),
            french.card.text(Lang::En).2
        ],
        "{french:?}"
    );
    // Emptying every English field makes it French only again.
    for field in ["title_en", "summary_en", "body_en"] {
        body[field] = json!("");
    }
    expect_json::<LibraryDraft>(
        staff
            .put(&format!("/api/staff/library/{slug}"), &body)
            .await?,
        200,
    )
    .await?;
    let item: LibraryItem = anonymous(api)
        .get_json(&format!("/api/library/{slug}"))
        .await?;
    ensure_each!([item.card.en.is_none(), item.html_en.is_none()], "{item:?}");
    Ok(())
}

pub async fn a_bad_request_names_every_field_and_stores_nothing(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let bad = json!({
        "business": " ", "trade": "plombier", "size": "énorme", "town": "", "name": "",
        "email": "pas-une-adresse", "topics": ["inconnu"], "goal": "",
        "availability": ["la nuit"], "consent": false, "lang": "fr"
    });
    let err: ApiErrorBody =
        expect_json(anonymous(api).post("/api/consultations", &bad).await?, 422).await?;
    let mut got = fields(&err);
    got.sort_unstable();
    ensure!(
        got == [
            "availability",
            "business",
            "consent",
            "email",
            "goal",
            "name",
            "size",
            "topics",
            "town",
            "trade"
        ],
        "{err:?}"
    );
    ensure!(
        err.fields["consent"].contains("politique de données"),
        "{err:?}"
    );
    // In English too.
    let mut english = anonymous(api);
    english.lang = "en";
    let err: ApiErrorBody =
        expect_json(english.post("/api/consultations", &bad).await?, 422).await?;
    ensure!(err.fields["topics"].contains("topic"), "{err:?}");
    // No topic at all is refused as well.
    let mut none = request("Sans sujet", &email("sans-sujet-"));
    none["topics"] = json!([]);
    let err: ApiErrorBody =
        expect_json(anonymous(api).post("/api/consultations", &none).await?, 422).await?;
    ensure!(fields(&err) == ["topics"], "{err:?}");
    let board: Vec<StaffConsultation> = staff.get_json("/api/staff/consultations").await?;
    ensure!(
        !board
            .iter()
            .any(|c| c.email == "pas-une-adresse" || c.business == "Sans sujet"),
        "a refused request was stored"
    );
    Ok(())
}

pub async fn a_request_gets_its_own_link_even_with_an_email_seen_before(
    api: &'static Api,
) -> Result<()> {
    let admin = admin(api).await?;
    let address = email("artisan-");
    let first = ask(api, "Menuiserie Un", &address).await?;
    ensure!(first.status == ConsultationStatus::New, "{first:?}");
    let view = seen(api, &first.link).await?;
    ensure_each!(
        [
            view.business == "Menuiserie Un",
            view.status == ConsultationStatus::New,
            view.topics.len() == 2,
            view.timeline.assigned.is_none(),
            view.volunteer.is_none(),
            view.consent_version == domain::consultations::consent_version(730)
        ],
        "{view:?}"
    );
    // Resources on its topics are there to read while waiting.
    ensure!(
        view.related
            .iter()
            .any(|c| c.topics.iter().any(|t| t == "invoicing")),
        "{:?}",
        view.related
    );
    let mail: Vec<OutboxEmail> = admin
        .get_json(&format!("/api/staff/outbox?to={address}"))
        .await?;
    let sent = mail
        .iter()
        .find(|m| m.to == address && m.kind == "consultation_received")
        .context("no email with the link")?;
    ensure!(sent.body_text.contains(&first.link), "{}", sent.body_text);
    // The same email again: a new request with its own link; the first is untouched.
    let second = ask(api, "Menuiserie Deux", &address).await?;
    ensure!(second.link != first.link, "the same link twice");
    ensure!(
        seen(api, &first.link).await?.business == "Menuiserie Un",
        "first changed"
    );
    ensure!(
        seen(api, &second.link).await?.business == "Menuiserie Deux",
        "second wrong"
    );
    // A third the same day is the last one an address may send.
    ask(api, "Menuiserie Trois", &address).await?;
    let resp = anonymous(api)
        .post(
            "/api/consultations",
            &request("Menuiserie Quatre", &address),
        )
        .await?;
    ensure!(resp.status().as_u16() == 429, "{}", resp.status());
    // One client: five an hour.
    let client = anonymous(api);
    for i in 0..5 {
        expect_status(
            client
                .post(
                    "/api/consultations",
                    &request(&format!("Rafale {i}"), &email("rafale-")),
                )
                .await?,
            201,
        )
        .await?;
    }
    let resp = client
        .post(
            "/api/consultations",
            &request("Rafale 6", &email("rafale-")),
        )
        .await?;
    ensure!(resp.status().as_u16() == 429, "{}", resp.status());
    expect_status(
        anonymous(api)
            .get("/api/consultations/pas-un-jeton")
            .await?,
        404,
    )
    .await?;
    Ok(())
}

pub async fn two_staff_assigning_at_once_leave_one_owner(api: &'static Api) -> Result<()> {
    let business = unique("Course ");
    ask(api, &business, &email("course-")).await?;
    let (a, b) = (staff(api).await?, admin(api).await?);
    let c = on_board(&a, &business).await?;
    let (_, v1) = volunteer(api, 7).await?;
    let (_, v2) = volunteer(api, 9).await?;
    let path = format!("/api/staff/consultations/{}/assign", c.id);
    let (to1, to2) = (json!({ "member_id": v1 }), json!({ "member_id": v2 }));
    let (r1, r2) = tokio::join!(a.post(&path, &to1), b.post(&path, &to2));
    let mut statuses = [r1?.status().as_u16(), r2?.status().as_u16()];
    statuses.sort_unstable();
    ensure!(statuses == [200, 409], "{statuses:?}");
    let now = on_board(&a, &business).await?;
    ensure_each!(
        [
            now.status == ConsultationStatus::Assigned,
            now.offers.len() == 1,
            now.volunteer.as_ref().map(|p| p.id) == Some(now.offers[0].member_id)
        ],
        "{now:?}"
    );
    // Reassigning without saying whom it replaces is refused: it changed since the new request.
    let resp = a.post(&path, &json!({ "member_id": v1 })).await?;
    ensure!(resp.status().as_u16() == 409, "{}", resp.status());
    Ok(())
}

/// The next open weekday afternoon when the meeting room is free, 8 to 40 days ahead.
async fn free_afternoon(api: &Api) -> Result<NaiveDate> {
    let from = paris::local_date(Utc::now()) + Duration::days(8);
    let to = from + Duration::days(32);
    let days: Vec<RentalDay> = anonymous(api)
        .get_json(&format!("/api/rental-days?from={from}&to={to}"))
        .await?;
    days.iter()
        .find(|d| d.afternoon)
        .map(|d| d.date)
        .context("no free afternoon")
}

pub async fn a_volunteer_accepts_meets_at_the_cantine_and_the_requester_follows(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let business = unique("Plomberie ");
    let created = ask(api, &business, &email("plombier-")).await?;
    let c = on_board(&staff, &business).await?;
    // The suggestions: volunteers on its topics, each saying why.
    let vols: Volunteers = staff
        .get_json(&format!("/api/staff/consultations/{}/volunteers", c.id))
        .await?;
    ensure_each!(
        [
            !vols.suggested.is_empty(),
            vols.suggested
                .iter()
                .all(|s| !s.matched.is_empty() && s.this_month < s.monthly_cap),
            vols.suggested.windows(2).all(|w| w[0].open <= w[1].open),
            vols.all.len() >= vols.suggested.len()
        ],
        "{vols:?}"
    );
    let (stranger, _) = volunteer(api, 11).await?;
    let (volunteer, vid) = volunteer(api, 10).await?;
    let assigned = assign(&staff, c.id, vid).await?;
    ensure_each!(
        [assigned.answer_by.is_some(), !assigned.accepted],
        "{assigned:?}"
    );
    // Offered: the volunteer sees the need, not yet the requester's contact.
    let mine: Vec<MyConsultation> = volunteer.get_json("/api/me/consultations").await?;
    let offered = mine.iter().find(|m| m.id == c.id).context("not offered")?;
    ensure_each!(
        [offered.requester.is_none(), !offered.accepted],
        "{offered:?}"
    );
    // Another volunteer: not theirs, not found.
    let theirs: Vec<MyConsultation> = stranger.get_json("/api/me/consultations").await?;
    ensure!(!theirs.iter().any(|m| m.id == c.id), "a stranger sees it");
    for path in ["accept", "schedule", "close"] {
        let resp = stranger
            .post(
                &format!("/api/me/consultations/{}/{path}", c.id),
                &json!({}),
            )
            .await?;
        ensure!(resp.status().as_u16() == 404, "{path}: {}", resp.status());
    }
    let resp = stranger
        .post(
            &format!("/api/me/consultations/{}/decline", c.id),
            &json!({ "reason": "pas moi" }),
        )
        .await?;
    ensure!(resp.status().as_u16() == 404, "decline: {}", resp.status());
    let accepted: MyConsultation = expect_json(
        volunteer
            .post(
                &format!("/api/me/consultations/{}/accept", c.id),
                &json!({}),
            )
            .await?,
        200,
    )
    .await?;
    let who = accepted
        .requester
        .clone()
        .context("no contact once accepted")?;
    ensure_each!(
        [who.name == "Yann Le Goff", who.email.contains("plombier-")],
        "{who:?}"
    );
    // The requester learns the first name only.
    let view = seen(api, &created.link).await?;
    ensure_each!(
        [
            view.volunteer.is_some(),
            !view.volunteer.as_deref().unwrap_or_default().contains(' '),
            view.timeline.assigned.is_some()
        ],
        "{view:?}"
    );
    // The appointment at the cantine, in the meeting room on a free afternoon.
    let day = free_afternoon(api).await?;
    let slot = json!({ "start": format!("{day}T14:00"), "end": format!("{day}T15:00"),
                       "place": "cantine", "resource": "salle-reunion" });
    let set: MyConsultation = expect_json(
        volunteer
            .post(&format!("/api/me/consultations/{}/schedule", c.id), &slot)
            .await?,
        200,
    )
    .await?;
    let appointment = set.appointment.context("no appointment")?;
    ensure_each!(
        [
            set.status == ConsultationStatus::Scheduled,
            appointment.place == Place::Cantine,
            appointment.resource.as_ref().map(|r| r.fr.as_str()) == Some("Salle de réunion")
        ],
        "{appointment:?}"
    );
    // The room is now taken then: the renters' calendar says so.
    let days: Vec<RentalDay> = anonymous(api)
        .get_json(&format!("/api/rental-days?from={day}&to={day}"))
        .await?;
    ensure!(!days[0].afternoon, "the room still looks free");
    // Another request at the same time in the room is refused, and nothing is stored for it.
    let other = unique("Autre ");
    ask(api, &other, &email("autre-")).await?;
    let o = on_board(&staff, &other).await?;
    assign(&staff, o.id, vid).await?;
    let err: ApiErrorBody = expect_json(
        staff
            .post(
                &format!("/api/staff/consultations/{}/schedule", o.id),
                &slot,
            )
            .await?,
        409,
    )
    .await?;
    ensure!(err.message.contains("déjà pris"), "{err:?}");
    let o = on_board(&staff, &other).await?;
    ensure_each!(
        [
            o.status == ConsultationStatus::Assigned,
            o.appointment.is_none()
        ],
        "{o:?}"
    );
    // The requester sees it, with a calendar file.
    let view = seen(api, &created.link).await?;
    ensure_each!(
        [
            view.status == ConsultationStatus::Scheduled,
            view.appointment
                .as_ref()
                .is_some_and(|a| !a.address.is_empty()),
            view.timeline.scheduled.is_some()
        ],
        "{view:?}"
    );
    let ics = anonymous(api)
        .get(&format!("/api/consultations/{}/ics", token(&created.link)?))
        .await?
        .text()
        .await?;
    ensure_each!(
        [
            ics.contains("BEGIN:VEVENT"),
            ics.contains(&day.format("%Y%m%d").to_string())
        ],
        "{ics}"
    );
    // It does not suit: back to the volunteer, the room freed.
    let view: ConsultationView = expect_json(
        anonymous(api)
            .post(
                &format!("/api/consultations/{}/unsuitable", token(&created.link)?),
                &json!({ "message": "Plutôt le matin, s'il vous plaît." }),
            )
            .await?,
        200,
    )
    .await?;
    ensure_each!(
        [
            view.status == ConsultationStatus::Assigned,
            view.appointment.is_none(),
            view.unsuitable.is_some()
        ],
        "{view:?}"
    );
    let days: Vec<RentalDay> = anonymous(api)
        .get_json(&format!("/api/rental-days?from={day}&to={day}"))
        .await?;
    ensure!(days[0].afternoon, "the room was not freed");
    // The morning then, by phone; done with a note and a resource.
    let phone =
        json!({ "start": format!("{day}T09:30"), "end": format!("{day}T10:00"), "place": "phone" });
    expect_status(
        volunteer
            .post(&format!("/api/me/consultations/{}/schedule", c.id), &phone)
            .await?,
        200,
    )
    .await?;
    // The requester's data download keeps what they said, after the appointment it refused.
    let exported: ConsultationView = anonymous(api)
        .get_json(&format!(
            "/api/consultations/{}/export",
            token(&created.link)?
        ))
        .await?;
    ensure_each!(
        [
            exported.unsuitable.is_none(),
            exported
                .said
                .iter()
                .any(|s| s.message == "Plutôt le matin, s'il vous plaît.")
        ],
        "{exported:?}"
    );
    // A volunteer cannot decline for staff.
    let resp = volunteer
        .post(
            &format!("/api/me/consultations/{}/close", c.id),
            &json!({ "outcome": "declined", "note": "non" }),
        )
        .await?;
    ensure!(resp.status().as_u16() == 422, "{}", resp.status());
    // Not done before the appointment has begun (a volunteer could close it a week early).
    let done_body = json!({ "outcome": "done", "note": "Vu la facturation ensemble.",
                            "resources": ["facture-electronique-2026"] });
    let early: ApiErrorBody = expect_json(
        volunteer
            .post(&format!("/api/me/consultations/{}/close", c.id), &done_body)
            .await?,
        409,
    )
    .await?;
    ensure!(early.message.contains("pas encore eu lieu"), "{early:?}");
    // Once an appointment has begun it can be closed: the test's clock cannot move, so this is
    // a request of the test data whose appointment by phone with the same volunteer was two days
    // ago (tests/seed/consultations.sql, id 982, its link's token below).
    let past_link = "/consultation/rdv-passe-982-jeton-de-test";
    let done: MyConsultation = expect_json(
        volunteer
            .post("/api/me/consultations/982/close", &done_body)
            .await?,
        200,
    )
    .await?;
    ensure!(done.status == ConsultationStatus::Done, "{done:?}");
    let view = seen(api, past_link).await?;
    ensure_each!(
        [
            view.timeline.done.is_some(),
            view.note == "Vu la facturation ensemble.",
            view.recommended
                .iter()
                .any(|c| c.slug == "facture-electronique-2026"),
            view.erase_on.is_some()
        ],
        "{view:?}"
    );
    // Feedback once.
    let fb = json!({ "useful": true, "comment": "Merci !" });
    let path = format!("/api/consultations/{}/feedback", token(past_link)?);
    let view: ConsultationView = expect_json(anonymous(api).post(&path, &fb).await?, 200).await?;
    ensure!(view.feedback.as_ref().is_some_and(|f| f.useful), "{view:?}");
    let resp = anonymous(api).post(&path, &fb).await?;
    ensure!(resp.status().as_u16() == 409, "{}", resp.status());
    Ok(())
}

pub async fn a_replaced_volunteer_gets_a_clear_409_and_loses_access(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let business = unique("Reprise ");
    ask(api, &business, &email("reprise-")).await?;
    let c = on_board(&staff, &business).await?;
    let (first, v1) = volunteer(api, 5).await?;
    let (second, v2) = volunteer(api, 6).await?;
    let assign =
        |member: i64, replaces: Option<i64>| json!({ "member_id": member, "replaces": replaces });
    let path = format!("/api/staff/consultations/{}/assign", c.id);
    expect_status(staff.post(&path, &assign(v1, None)).await?, 200).await?;
    expect_status(staff.post(&path, &assign(v2, Some(v1))).await?, 200).await?;
    let err: ApiErrorBody = expect_json(
        first
            .post(
                &format!("/api/me/consultations/{}/accept", c.id),
                &json!({}),
            )
            .await?,
        409,
    )
    .await?;
    ensure!(err.message.contains("quelqu'un d'autre"), "{err:?}");
    let mine: Vec<MyConsultation> = first.get_json("/api/me/consultations").await?;
    ensure!(
        !mine.iter().any(|m| m.id == c.id),
        "the replaced volunteer still sees it"
    );
    // The second gives it back with a reason: back on the board, marked so; they lose it too.
    let resp = second
        .post(
            &format!("/api/me/consultations/{}/decline", c.id),
            &json!({ "reason": "" }),
        )
        .await?;
    ensure!(resp.status().as_u16() == 422, "{}", resp.status());
    expect_status(
        second
            .post(
                &format!("/api/me/consultations/{}/decline", c.id),
                &json!({ "reason": "En congé ce mois-ci." }),
            )
            .await?,
        204,
    )
    .await?;
    let now = on_board(&staff, &business).await?;
    ensure_each!(
        [
            now.status == ConsultationStatus::New,
            now.returned == Some(Returned::Declined),
            now.volunteer.is_none(),
            now.offers
                .iter()
                .any(|o| o.reason == "En congé ce mois-ci.")
        ],
        "{now:?}"
    );
    let mine: Vec<MyConsultation> = second.get_json("/api/me/consultations").await?;
    ensure!(
        !mine.iter().any(|m| m.id == c.id),
        "still listed after giving back"
    );
    // Neither is suggested for it again.
    let vols: Volunteers = staff
        .get_json(&format!("/api/staff/consultations/{}/volunteers", c.id))
        .await?;
    ensure!(
        !vols.suggested.iter().any(|s| s.member_id == v2),
        "{vols:?}"
    );
    Ok(())
}

pub async fn staff_schedule_close_and_decline_with_clear_refusals(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let business = unique("Refus ");
    let created = ask(api, &business, &email("refus-")).await?;
    let c = on_board(&staff, &business).await?;
    // Scheduling needs a volunteer first.
    let day = paris::local_date(Utc::now()) + Duration::days(10);
    let phone =
        json!({ "start": format!("{day}T10:00"), "end": format!("{day}T11:00"), "place": "phone" });
    let sched = format!("/api/staff/consultations/{}/schedule", c.id);
    let resp = staff.post(&sched, &phone).await?;
    ensure!(resp.status().as_u16() == 409, "{}", resp.status());
    let (_, vid) = volunteer(api, 8).await?;
    assign(&staff, c.id, vid).await?;
    for (body, field) in [
        (
            json!({ "start": format!("{day}T10:00"), "end": format!("{day}T09:00"), "place": "phone" }),
            "end",
        ),
        (
            json!({ "start": "demain", "end": format!("{day}T09:00"), "place": "phone" }),
            "start",
        ),
        (
            json!({ "start": format!("{day}T10:00"), "end": format!("{day}T11:00"), "place": "café" }),
            "place",
        ),
        (
            json!({ "start": format!("{day}T10:00"), "end": format!("{day}T11:00"), "place": "cantine" }),
            "resource",
        ),
    ] {
        let err: ApiErrorBody = expect_json(staff.post(&sched, &body).await?, 422).await?;
        ensure!(fields(&err).contains(&field), "{field}: {err:?}");
    }
    // Staff set it themselves (by video), then decline with a reason the requester reads.
    let video =
        json!({ "start": format!("{day}T10:00"), "end": format!("{day}T11:00"), "place": "video" });
    let set: StaffConsultation = expect_json(staff.post(&sched, &video).await?, 200).await?;
    ensure_each!(
        [set.status == ConsultationStatus::Scheduled, set.accepted],
        "{set:?}"
    );
    let close = format!("/api/staff/consultations/{}/close", c.id);
    let err: ApiErrorBody = expect_json(
        staff
            .post(&close, &json!({ "outcome": "declined", "note": "" }))
            .await?,
        422,
    )
    .await?;
    ensure!(fields(&err) == ["note"], "{err:?}");
    let err: ApiErrorBody = expect_json(
        staff
            .post(&close, &json!({ "outcome": "peut-être" }))
            .await?,
        422,
    )
    .await?;
    ensure!(fields(&err) == ["outcome"], "{err:?}");
    let closed: StaffConsultation = expect_json(
        staff
            .post(
                &close,
                &json!({ "outcome": "declined", "note": "Hors de notre champ." }),
            )
            .await?,
        200,
    )
    .await?;
    ensure!(closed.status == ConsultationStatus::Declined, "{closed:?}");
    let view = seen(api, &created.link).await?;
    ensure_each!(
        [
            view.status == ConsultationStatus::Declined,
            view.decline_reason == "Hors de notre champ."
        ],
        "{view:?}"
    );
    // A closed request moves no more.
    let resp = staff
        .post(
            &format!("/api/staff/consultations/{}/assign", c.id),
            &json!({ "member_id": vid }),
        )
        .await?;
    ensure!(resp.status().as_u16() == 409, "{}", resp.status());
    Ok(())
}

pub async fn the_requester_exports_then_cancels_and_erases(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let admin = admin(api).await?;
    let business = unique("Effacée ");
    let created = ask(api, &business, &email("efface-")).await?;
    let c = on_board(&staff, &business).await?;
    let (_, vid) = volunteer(api, 12).await?;
    assign(&staff, c.id, vid).await?;
    let resp = anonymous(api)
        .get(&format!(
            "/api/consultations/{}/export",
            token(&created.link)?
        ))
        .await?;
    ensure!(
        resp.headers()
            .get("content-disposition")
            .is_some_and(|v| v.to_str().unwrap_or_default().contains("attachment")),
        "{:?}",
        resp.headers()
    );
    let exported: ConsultationView = expect_json(resp, 200).await?;
    ensure!(exported.business == business, "{exported:?}");
    expect_status(
        anonymous(api)
            .delete(&format!("/api/consultations/{}", token(&created.link)?))
            .await?,
        204,
    )
    .await?;
    expect_status(
        anonymous(api)
            .get(&format!("/api/consultations/{}", token(&created.link)?))
            .await?,
        404,
    )
    .await?;
    let now: StaffConsultation = staff
        .get_json(&format!("/api/staff/consultations/{}", c.id))
        .await?;
    ensure_each!(
        [
            now.status == ConsultationStatus::Cancelled,
            now.erased,
            now.business.is_empty(),
            now.email.is_empty(),
            now.town == "Quimper",
            now.topics.len() == 2
        ],
        "{now:?}"
    );
    let mail: Vec<OutboxEmail> = admin.get_json("/api/staff/outbox").await?;
    ensure!(
        mail.iter()
            .any(|m| m.kind == "consultation_cancelled" && m.body_text.contains(&business)),
        "the volunteer was not told"
    );
    Ok(())
}

pub async fn the_retention_delay_is_a_setting_with_its_bounds(api: &'static Api) -> Result<()> {
    let admin = admin(api).await?;
    for bad in [json!(10), json!(5000), json!("deux ans")] {
        let err: ApiErrorBody = expect_json(
            admin
                .put("/api/staff/settings/consultation_retention_days", &bad)
                .await?,
            422,
        )
        .await?;
        ensure!(err.fields.contains_key("value"), "{bad}: {err:?}");
    }
    // The same value again (other tests read it): accepted, and listed with the settings.
    expect_status(
        admin
            .put(
                "/api/staff/settings/consultation_retention_days",
                &json!(730),
            )
            .await?,
        200,
    )
    .await?;
    let settings: Vec<Value> = admin.get_json("/api/staff/settings").await?;
    ensure!(
        settings
            .iter()
            .any(|e| e["key"] == "consultation_retention_days" && e["value"] == 730),
        "{settings:?}"
    );
    Ok(())
}

pub async fn the_scheduled_run_returns_stale_offers_erases_old_requests_and_reminds_once(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let admin = admin(api).await?;
    // An appointment within the next 24 hours, by phone.
    let business = unique("Rappel ");
    let requester = email("rappel-");
    ask(api, &business, &requester).await?;
    let c = on_board(&staff, &business).await?;
    let (_, vid) = volunteer(api, 4).await?;
    assign(&staff, c.id, vid).await?;
    let local = paris::to_local(Utc::now());
    let start = if local.hour() < 22 {
        let t = local + Duration::minutes(90);
        t.date().and_hms_opt(t.hour(), 0, 0).context("a time")?
    } else {
        (local.date() + Duration::days(1))
            .and_hms_opt(0, 30, 0)
            .context("a time")?
    };
    let end = start + Duration::minutes(30);
    let at = |t: chrono::NaiveDateTime| t.format("%Y-%m-%dT%H:%M").to_string();
    expect_status(
        staff
            .post(
                &format!("/api/staff/consultations/{}/schedule", c.id),
                &json!({ "start": at(start), "end": at(end), "place": "phone" }),
            )
            .await?,
        200,
    )
    .await?;
    api.app.run_scheduled().await?;
    api.app.run_scheduled().await?;
    let mut mail: Vec<OutboxEmail> = admin
        .get_json(&format!("/api/staff/outbox?to={requester}"))
        .await?;
    mail.extend(
        admin
            .get_json::<Vec<OutboxEmail>>("/api/staff/outbox?to=membre04@silicon-kerne.test")
            .await?,
    );
    let reminders: Vec<&OutboxEmail> = mail
        .iter()
        .filter(|m| m.kind == "consultation_reminder" && m.body_text.contains(&business))
        .collect();
    ensure_each!(
        [reminders.len() == 2, reminders[0].to != reminders[1].to],
        "{} reminders",
        reminders.len()
    );
    // The offer made twelve days ago (tests/seed/consultations.sql) is back on the board.
    let stale: StaffConsultation = staff.get_json("/api/staff/consultations/980").await?;
    ensure_each!(
        [
            stale.status == ConsultationStatus::New,
            stale.returned == Some(Returned::Unanswered),
            stale.volunteer.is_none()
        ],
        "{stale:?}"
    );
    // The request done five years ago keeps its counts, not its people.
    let old: StaffConsultation = staff.get_json("/api/staff/consultations/981").await?;
    ensure_each!(
        [
            old.erased,
            old.name.is_empty(),
            old.email.is_empty(),
            old.town == "Châteaulin"
        ],
        "{old:?}"
    );
    Ok(())
}

/// The figures the statistics give for requests received in a period, counted here again from
/// the board's list of each request.
fn counted(board: &[StaffConsultation], from: NaiveDate, to: NaiveDate) -> Value {
    let inside: Vec<&StaffConsultation> = board
        .iter()
        .filter(|c| c.received_on >= from && c.received_on <= to)
        .collect();
    let status = |s: ConsultationStatus| inside.iter().filter(|c| c.status == s).count();
    let mut waits: Vec<i64> = inside
        .iter()
        .filter_map(|c| {
            c.appointment
                .as_ref()
                .map(|a| (a.start.0.date() - c.received_on).num_days())
        })
        .collect();
    waits.sort_unstable();
    let mut topics: Vec<String> = inside.iter().flat_map(|c| c.topics.clone()).collect();
    topics.sort();
    let mut towns: Vec<String> = inside
        .iter()
        .map(|c| c.town.trim().to_lowercase())
        .collect();
    towns.sort();
    json!({
        "received": inside.len(),
        "new": status(ConsultationStatus::New),
        "assigned": status(ConsultationStatus::Assigned),
        "scheduled": status(ConsultationStatus::Scheduled),
        "done": status(ConsultationStatus::Done),
        "declined": status(ConsultationStatus::Declined),
        "cancelled": status(ConsultationStatus::Cancelled),
        "median": waits.get(waits.len().saturating_sub(1) / 2).filter(|_| !waits.is_empty()),
        "topics": topics,
        "towns": towns,
    })
}

fn as_counted(f: &domain::consultations::ConsultationFigures) -> Value {
    let spread = |t: &[domain::consultations::Tally], lower: bool| {
        let mut all: Vec<String> = t
            .iter()
            .flat_map(|t| {
                let key = if lower {
                    t.key.trim().to_lowercase()
                } else {
                    t.key.clone()
                };
                std::iter::repeat_n(key, t.count as usize)
            })
            .collect();
        all.sort();
        all
    };
    json!({
        "received": f.received, "new": f.new, "assigned": f.assigned, "scheduled": f.scheduled,
        "done": f.done, "declined": f.declined, "cancelled": f.cancelled,
        "median": f.median_days_to_appointment,
        "topics": spread(&f.by_topic, false),
        "towns": spread(&f.by_town, true),
    })
}

pub async fn the_dashboard_statistics_and_report_count_the_consultations(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    // The last sixty days up to yesterday: the demo's requests (the tests add today's), all on the
    // board (closed ones stay there 90 days).
    let today = paris::local_date(Utc::now());
    let (from, to) = (today - Duration::days(60), today - Duration::days(1));
    // Read with no other test under way (it runs alone): the board, the figures and the report
    // are of one and the same state.
    let board: Vec<StaffConsultation> = staff.get_json("/api/staff/consultations").await?;
    let stats: domain::stats::Stats = staff
        .get_json(&format!("/api/staff/stats?from={from}&to={to}"))
        .await?;
    let report: domain::stats::Report = staff
        .get_json(&format!("/api/staff/report?from={from}&to={to}"))
        .await?;
    let expected = counted(&board, from, to);
    let got = as_counted(&stats.current.consultations);
    ensure!(
        got == expected,
        "the statistics and the board disagree:\nstatistics {got}\nboard      {expected}"
    );
    ensure!(
        report.stats.current.consultations == stats.current.consultations,
        "the report counts {:?}, the statistics {:?}",
        report.stats.current.consultations,
        stats.current.consultations
    );
    ensure!(
        stats.current.consultations.received >= 8,
        "the demo's requests are not counted: {got}"
    );
    ensure!(
        stats
            .current
            .consultations
            .median_days_to_appointment
            .is_some(),
        "no median delay to an appointment: {got}"
    );
    today_agrees_with_the_board(&staff, today).await
}

/// The dashboard's requests to triage and appointments of the day are those of the board, read
/// just before (nothing runs meanwhile: the test runs alone).
async fn today_agrees_with_the_board(staff: &ApiClient, today: NaiveDate) -> Result<()> {
    let board: Vec<StaffConsultation> = staff.get_json("/api/staff/consultations").await?;
    let t: domain::stats::TodayStats = staff.get_json("/api/staff/stats/today").await?;
    let new = board
        .iter()
        .filter(|c| c.status == ConsultationStatus::New)
        .count();
    let appointments = board
        .iter()
        .filter(|c| {
            c.status == ConsultationStatus::Scheduled
                && c.appointment
                    .as_ref()
                    .is_some_and(|a| a.start.0.date() == today)
        })
        .count();
    ensure!(
        (t.consultations_new as usize, t.consultations_today as usize) == (new, appointments),
        "dashboard {} new, {} today; board {new} new, {appointments} today",
        t.consultations_new,
        t.consultations_today
    );
    ensure!(new >= 1, "the demo has requests to triage");
    Ok(())
}

pub async fn a_desk_held_for_an_appointment_is_not_cancelled_from_the_volunteers_bookings(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let business = unique("Bureau ");
    ask(api, &business, &email("bureau-")).await?;
    let c = on_board(&staff, &business).await?;
    let (volunteer, vid) = volunteer(api, 8).await?;
    assign(&staff, c.id, vid).await?;
    let day = free_afternoon(api).await?;
    let slot = json!({ "start": format!("{day}T14:00"), "end": format!("{day}T15:00"),
                       "place": "cantine", "resource": "coworking" });
    expect_status(
        staff
            .post(
                &format!("/api/staff/consultations/{}/schedule", c.id),
                &slot,
            )
            .await?,
        200,
    )
    .await?;
    let held = |list: &[domain::wire::Booking]| {
        list.iter()
            .find(|b| {
                b.resource == "coworking"
                    && b.start.0.date() == day
                    && b.start.0.format("%H:%M").to_string() == "14:00"
            })
            .cloned()
    };
    let mine: Vec<domain::wire::Booking> = volunteer.get_json("/api/bookings").await?;
    let desk = held(&mine).context("the desk is not in the volunteer's bookings")?;
    ensure!(!desk.can_cancel, "{desk:?}");
    let err: ApiErrorBody = expect_json(
        volunteer
            .delete(&format!("/api/bookings/{}", desk.id))
            .await?,
        409,
    )
    .await?;
    ensure!(err.message.contains("consultation"), "{err:?}");
    // Declining the request frees the desk.
    expect_status(
        staff
            .post(
                &format!("/api/staff/consultations/{}/close", c.id),
                &json!({ "outcome": "declined", "note": "Le demandeur a trouvé de l'aide." }),
            )
            .await?,
        200,
    )
    .await?;
    let mine: Vec<domain::wire::Booking> = volunteer.get_json("/api/bookings").await?;
    ensure!(
        held(&mine).is_none_or(|b| b.status != domain::wire::BookingStatus::Confirmed),
        "the desk is still held"
    );
    Ok(())
}

/// The appointment emails to `to`, oldest first.
async fn appointment_emails(admin: &ApiClient, to: &str) -> Result<Vec<OutboxEmail>> {
    let mut outbox: Vec<OutboxEmail> = admin
        .get_json(&format!("/api/staff/outbox?to={to}"))
        .await?;
    outbox.retain(|e| e.to == to && e.kind == "consultation_scheduled");
    outbox.sort_by_key(|e| e.id);
    Ok(outbox)
}

pub async fn one_email_per_change_says_what_it_replaces_and_the_calendar_follows(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let admin = admin(api).await?;
    let business = unique("Menuiserie ");
    let to = email("menuisier-");
    let created = ask(api, &business, &to).await?;
    let c = on_board(&staff, &business).await?;
    let (volunteer, vid) = volunteer(api, 9).await?;
    assign(&staff, c.id, vid).await?;
    expect_status(
        volunteer
            .post(
                &format!("/api/me/consultations/{}/accept", c.id),
                &json!({}),
            )
            .await?,
        200,
    )
    .await?;
    let day = free_afternoon(api).await?;
    let at = |start: &str, end: &str, resource: &str| {
        json!({ "start": format!("{day}T{start}"), "end": format!("{day}T{end}"),
                "place": "cantine", "resource": resource })
    };
    let schedule = |body: Value| {
        let path = format!("/api/me/consultations/{}/schedule", c.id);
        let volunteer = &volunteer;
        async move { expect_status(volunteer.post(&path, &body).await?, 200).await }
    };
    schedule(at("14:00", "15:00", "salle-reunion")).await?;
    ensure!(appointment_emails(&admin, &to).await?.len() == 1);
    // The same slot saved again is no change: nobody is emailed.
    schedule(at("14:00", "15:00", "salle-reunion")).await?;
    let sent = appointment_emails(&admin, &to).await?;
    ensure!(sent.len() == 1, "the same slot emailed again: {sent:?}");
    // Moved: one email, saying which appointment it replaces.
    schedule(at("16:00", "17:00", "salle-reunion")).await?;
    let sent = appointment_emails(&admin, &to).await?;
    let moved = sent.last().context("no email for the move")?;
    ensure_each!(
        [
            sent.len() == 2,
            moved.body_text.contains("remplacé"),
            moved.body_text.contains("14:00"),
            moved.body_text.contains("16:00"),
            moved.body_text.contains("Salle de réunion")
        ],
        "{sent:?}"
    );
    // To a desk: the email and the calendar file name it.
    schedule(at("16:00", "17:00", "coworking")).await?;
    let sent = appointment_emails(&admin, &to).await?;
    ensure!(sent.len() == 3, "{sent:?}");
    let ics = anonymous(api)
        .get(&format!("/api/consultations/{}/ics", token(&created.link)?))
        .await?
        .text()
        .await?;
    let unfolded = ics.replace("\r\n ", "");
    ensure_each!(
        [
            unfolded.contains(&format!("UID:consultation-{}@silicon-kerne.net", c.id)),
            unfolded.contains("SEQUENCE:3"),
            unfolded.contains("LOCATION:"),
            unfolded.contains("Espace de coworking")
        ],
        "{ics}"
    );
    Ok(())
}

pub async fn resources_are_suggested_by_topic_whatever_trade_they_were_written_for(
    api: &'static Api,
) -> Result<()> {
    let mut body = request(&unique("Taxi "), &email("taxi-"));
    body["topics"] = json!(["online-booking"]);
    let created: ConsultationCreated =
        expect_json(anonymous(api).post("/api/consultations", &body).await?, 201).await?;
    let view = seen(api, &created.link).await?;
    ensure_each!(
        [
            view.trade == domain::consultations::Trade::Artisan,
            view.related.iter().any(|c| c.slug == "prise-rdv-en-ligne")
        ],
        "an artisan asking about online booking is not shown its guide: {:?}",
        view.related
    );
    Ok(())
}
