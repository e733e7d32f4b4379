//! The general assembly: staff prepare it (checked, the room held in the same write) and convene
//! every voter; voters answer, give proxies that cannot be passed on, holders accept within the
//! statutes' cap whatever the races; a member not up to date is told why; a fee recorded after the
//! convocation calls its payer.

use anyhow::{ensure, Context, Result};
use chrono::{Duration, NaiveDate, Utc};
use domain::assembly::{
    AssemblyDoor, AssemblyView, BoardRole, BoardSeat, Intent, ItemKind, Minutes, MyAssembly,
    NoVote, ProxyStatus, PublishedBallot, StaffAssembly, VoteCast, VoteStatus,
};
use domain::paris;
use domain::wire::{ApiErrorBody, Me, OutboxEmail, SiteContent};
use kerne_tests::api_client::{expect_json, expect_status, ApiClient, DEMO_PASSWORD};
use kerne_tests::ensure_each;
use serde_json::{json, Value};

use crate::support::{admin, anonymous, new_member, staff};
use crate::Api;

fn today() -> NaiveDate {
    paris::local_date(Utc::now())
}

/// An assembly `days` ahead, elsewhere than the room (so that tests do not hold it), with a
/// resolution and the board's election.
fn elsewhere(days: i64, hour: u32) -> Value {
    let day = today() + Duration::days(days);
    json!({
        "kind": "ordinary",
        "starts_at": format!("{day}T{hour:02}:00"),
        "ends_at": format!("{day}T{:02}:00", hour + 2),
        "in_room": false,
        "place": "Salle des fêtes de Penhars",
        "candidacy_until": (day - Duration::days(3)).to_string(),
        "items": [
            { "kind": "information", "title_fr": "Rapport moral", "body_fr": "Une **belle** année.\n\n<script>alert(1)</script>" },
            { "kind": "resolution", "title_fr": "Approbation des comptes", "majority": "simple" },
            { "kind": "election", "title_fr": "Élection du conseil", "seats": 10 },
        ],
    })
}

async fn member(api: &Api, n: u32) -> Result<ApiClient> {
    anonymous(api)
        .login(&format!("membre{n:02}@silicon-kerne.test"), DEMO_PASSWORD)
        .await
}

async fn id_of(client: &ApiClient) -> Result<i64> {
    Ok(client.get_json::<Me>("/api/me").await?.id)
}

async fn prepared(staff: &ApiClient, body: &Value) -> Result<AssemblyView> {
    expect_json(staff.post("/api/staff/assemblies", body).await?, 201).await
}

async fn convened(staff: &ApiClient, body: &Value) -> Result<AssemblyView> {
    let a = prepared(staff, body).await?;
    expect_json(
        staff
            .post(
                &format!("/api/staff/assemblies/{}/convene", a.id),
                &json!({}),
            )
            .await?,
        200,
    )
    .await
}

pub async fn staff_prepare_an_assembly_checked_and_the_room_held_in_the_same_write(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    // Nothing filled: each field says what is missing.
    let empty: ApiErrorBody =
        expect_json(staff.post("/api/staff/assemblies", &json!({})).await?, 422).await?;
    for f in ["kind", "starts_at", "ends_at", "items", "place"] {
        ensure!(empty.fields.contains_key(f), "no error for {f}: {empty:?}");
    }
    // Too soon for the statutes' notice (15 days), a "Questions diverses" written by hand, an
    // election without the candidacies' day, two elections, a resolution without its majority.
    let mut soon = elsewhere(5, 18);
    soon["items"] = json!([
        { "kind": "questions", "title_fr": "Questions" },
        { "kind": "resolution", "title_fr": "Sans majorité" },
        { "kind": "election", "title_fr": "Conseil", "seats": 0 },
        { "kind": "election", "title_fr": "Conseil encore", "seats": 3 },
    ]);
    soon["candidacy_until"] = json!("");
    let err: ApiErrorBody =
        expect_json(staff.post("/api/staff/assemblies", &soon).await?, 422).await?;
    ensure_each!(
        [
            err.fields
                .get("starts_at")
                .is_some_and(|m| m.contains("délai")),
            err.fields.contains_key("items.0.kind"),
            err.fields.contains_key("items.1.majority"),
            err.fields.contains_key("items.2.seats"),
            err.fields
                .get("items")
                .is_some_and(|m| m.contains("une seule fois")),
            err.fields.contains_key("candidacy_until"),
        ],
        "{err:?}"
    );
    let refused_day = (today() + Duration::days(5)).to_string();
    ensure!(
        !staff
            .get_json::<Vec<AssemblyView>>("/api/staff/assemblies")
            .await?
            .iter()
            .any(|b| b.starts_at.0.date().to_string() == refused_day),
        "a refused assembly was stored"
    );

    // The statutes are a setting, checked before they are stored (set again as they were: the
    // other tests prepare assemblies under them).
    let bad: ApiErrorBody = expect_json(
        staff
            .put(
                "/api/staff/settings/assembly_statutes",
                &json!({ "quorum_percent": 25, "proxies_per_member": 2, "remote_voting": true, "notice_days": 40 }),
            )
            .await?,
        422,
    )
    .await?;
    ensure!(
        bad.fields
            .get("value")
            .is_some_and(|m| m.contains("15 jours")),
        "{bad:?}"
    );
    expect_status(
        staff
            .put(
                "/api/staff/settings/assembly_statutes",
                &json!({ "quorum_percent": 25, "proxies_per_member": 2, "remote_voting": true, "notice_days": 15 }),
            )
            .await?,
        200,
    )
    .await?;
    // In the meeting room: the room is held by the same write.
    let mut in_room = elsewhere(45, 9);
    in_room["in_room"] = json!(true);
    in_room["place"] = json!("");
    let a = prepared(&staff, &in_room).await?;
    let last = a.items.last().context("an agenda")?;
    ensure_each!(
        [
            a.items.len() == 4,
            last.kind == ItemKind::Questions,
            last.title.fr == "Questions diverses",
            a.voters > 0,
            a.quorum == (a.voters * 25).div_ceil(100),
            a.convene_by == today() + Duration::days(45 - 15),
            a.items[0].body_html.fr.contains("<strong>belle</strong>"),
            !a.items[0].body_html.fr.contains("<script"),
        ],
        "{a:?}"
    );
    // The same hours again in the room: refused whole, nothing stored.
    let taken: ApiErrorBody =
        expect_json(staff.post("/api/staff/assemblies", &in_room).await?, 409).await?;
    ensure!(taken.message.contains("Assemblée générale"), "{taken:?}");
    let same_hours = staff
        .get_json::<Vec<AssemblyView>>("/api/staff/assemblies")
        .await?
        .into_iter()
        .filter(|b| b.starts_at == a.starts_at && b.in_room)
        .count();
    ensure!(
        same_hours == 1,
        "a second assembly was stored on a taken room"
    );
    // Prepared, not convened: no member sees it.
    let m = member(api, 44).await?;
    expect_status(m.get(&format!("/api/me/assemblies/{}", a.id)).await?, 404).await?;
    Ok(())
}

pub async fn a_convocation_reaches_every_voter_and_a_late_fee_is_called_too(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let admin = admin(api).await?;
    // A member admitted without a fee yet: not a voter, and told why.
    let newcomer = new_member(api, &admin).await?;
    let a = convened(&staff, &elsewhere(40, 14)).await?;
    ensure!(a.convened_at.is_some(), "{a:?}");
    let again: ApiErrorBody = expect_json(
        staff
            .post(
                &format!("/api/staff/assemblies/{}/convene", a.id),
                &json!({}),
            )
            .await?,
        409,
    )
    .await?;
    ensure!(again.message.contains("déjà convoquée"), "{again:?}");
    let voter = member(api, 45).await?;
    let link = format!("/espace/assemblee/{}", a.id);
    let email = admin
        .get_json::<Vec<OutboxEmail>>("/api/staff/outbox?to=membre45@silicon-kerne.test")
        .await?
        .into_iter()
        .find(|e| e.kind == "assembly_convocation" && e.body_text.contains(&link))
        .context("membre45's convocation")?;
    ensure_each!(
        [
            email
                .body_text
                .contains(&format!("/espace/assemblee/{}", a.id)),
            email.body_text.contains("Approbation des comptes"),
            email.body_text.contains("Questions diverses"),
            email.body_text.contains("Salle des fêtes de Penhars"),
        ],
        "{email:?}"
    );
    // membre88's fee has run out: no convocation, and the page says why; a write is refused.
    let outbox: Vec<OutboxEmail> = admin
        .get_json("/api/staff/outbox?to=membre88@silicon-kerne.test")
        .await?;
    ensure!(
        !outbox.iter().any(|e| e.kind == "assembly_convocation"
            && e.body_text.contains(&format!("/espace/assemblee/{}", a.id))),
        "a lapsed member was convened"
    );
    let lapsed = member(api, 88).await?;
    let page: MyAssembly = lapsed
        .get_json(&format!("/api/me/assemblies/{}", a.id))
        .await?;
    ensure_each!(
        [
            page.no_vote == Some(NoVote::FeeEnds),
            page.fee_until.is_some()
        ],
        "{page:?}"
    );
    let refused: ApiErrorBody = expect_json(
        lapsed
            .put(
                &format!("/api/me/assemblies/{}/answer", a.id),
                &json!({ "intent": "present" }),
            )
            .await?,
        403,
    )
    .await?;
    ensure!(refused.message.contains("cotisation"), "{refused:?}");
    // The voter's list of assemblies has it.
    let cards: Vec<domain::assembly::MyAssemblyCard> = voter.get_json("/api/me/assemblies").await?;
    ensure!(
        cards.iter().any(|c| c.id == a.id && c.may_vote),
        "{cards:?}"
    );
    // The newcomer pays their first fee: their convocation leaves, and they can answer.
    let page: MyAssembly = newcomer
        .client
        .get_json(&format!("/api/me/assemblies/{}", a.id))
        .await?;
    ensure!(page.no_vote == Some(NoVote::FeeEnds), "{page:?}");
    expect_status(
        staff
            .post(
                &format!("/api/staff/members/{}/payments", newcomer.id),
                &json!({ "amount_cents": 3000, "paid_on": today().to_string(), "method": "cash" }),
            )
            .await?,
        201,
    )
    .await?;
    // Called to this assembly (and to any other convened one their fee now covers).
    let theirs: Vec<OutboxEmail> = admin
        .get_json(&format!("/api/staff/outbox?to={}", newcomer.email))
        .await?;
    ensure!(
        theirs.iter().any(|e| e.kind == "assembly_convocation"
            && e.body_text.contains(&format!("/espace/assemblee/{}", a.id))),
        "{theirs:?}"
    );
    let answered: MyAssembly = expect_json(
        newcomer
            .client
            .put(
                &format!("/api/me/assemblies/{}/answer", a.id),
                &json!({ "intent": "remote" }),
            )
            .await?,
        200,
    )
    .await?;
    ensure_each!(
        [
            answered.no_vote.is_none(),
            answered.intent == Some(Intent::Remote)
        ],
        "{answered:?}"
    );
    Ok(())
}

async fn answer(client: &ApiClient, id: i64, body: Value) -> Result<reqwest::Response> {
    client
        .put(&format!("/api/me/assemblies/{id}/answer"), &body)
        .await
}

async fn proxy_to(client: &ApiClient, id: i64, holder: i64) -> Result<MyAssembly> {
    expect_json(
        answer(client, id, json!({ "intent": "proxy", "proxy_to": holder })).await?,
        200,
    )
    .await
}

async fn accept(client: &ApiClient, id: i64, giver: i64) -> Result<reqwest::Response> {
    client
        .post(
            &format!("/api/me/assemblies/{id}/proxies/{giver}/accept"),
            &json!({}),
        )
        .await
}

pub async fn a_proxy_cannot_be_passed_on_and_nobody_holds_more_than_the_statutes_allow(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let a = convened(&staff, &elsewhere(41, 14)).await?;
    let id = a.id;
    ensure!(a.statutes.proxies_per_member == 2, "{a:?}");
    let mut m = Vec::new();
    for n in 50..60 {
        let c = member(api, n).await?;
        let mid = id_of(&c).await?;
        m.push((c, mid));
    }
    let (holder, holder_id) = (&m[0].0, m[0].1);
    // Bad answers name their field and change nothing.
    let bad: ApiErrorBody = expect_json(
        answer(holder, id, json!({ "intent": "peut-être" })).await?,
        422,
    )
    .await?;
    ensure!(bad.fields.contains_key("intent"), "{bad:?}");
    let to_self: ApiErrorBody = expect_json(
        answer(
            holder,
            id,
            json!({ "intent": "proxy", "proxy_to": holder_id }),
        )
        .await?,
        422,
    )
    .await?;
    ensure!(to_self.fields.contains_key("proxy_to"), "{to_self:?}");
    let lapsed_id = id_of(&member(api, 89).await?).await?;
    let not_voter: ApiErrorBody = expect_json(
        answer(
            holder,
            id,
            json!({ "intent": "proxy", "proxy_to": lapsed_id }),
        )
        .await?,
        422,
    )
    .await?;
    ensure!(
        not_voter
            .fields
            .get("proxy_to")
            .is_some_and(|m| m.contains("pas votante")),
        "{not_voter:?}"
    );
    // The holder comes; a first voter gives them a proxy, which they accept.
    let came: MyAssembly = expect_json(
        answer(holder, id, json!({ "intent": "present" })).await?,
        200,
    )
    .await?;
    ensure!(came.intent == Some(Intent::Present), "{came:?}");
    let asked = proxy_to(&m[1].0, id, holder_id).await?;
    ensure_each!(
        [
            asked.proxy_status == Some(ProxyStatus::Asked),
            asked.proxy_to.as_ref().map(|p| p.id) == Some(holder_id)
        ],
        "{asked:?}"
    );
    // Someone else cannot accept it for them: not theirs, not found.
    let stranger = &m[9].0;
    expect_status(accept(stranger, id, m[1].1).await?, 404).await?;
    let held: MyAssembly = expect_json(accept(holder, id, m[1].1).await?, 200).await?;
    ensure!(
        held.offers
            .iter()
            .any(|o| o.giver.id == m[1].1 && o.status == ProxyStatus::Accepted),
        "{held:?}"
    );
    // Not passed on: the holder cannot give theirs while holding one; nobody can give theirs to
    // someone who gave their own.
    let passes: ApiErrorBody = expect_json(
        answer(holder, id, json!({ "intent": "proxy", "proxy_to": m[2].1 })).await?,
        422,
    )
    .await?;
    ensure!(
        passes
            .fields
            .get("proxy_to")
            .is_some_and(|m| m.contains("transmettre")),
        "{passes:?}"
    );
    let to_giver: ApiErrorBody = expect_json(
        answer(
            &m[2].0,
            id,
            json!({ "intent": "proxy", "proxy_to": m[1].1 }),
        )
        .await?,
        422,
    )
    .await?;
    ensure!(
        to_giver
            .fields
            .get("proxy_to")
            .is_some_and(|m| m.contains("ne se transmet pas")),
        "{to_giver:?}"
    );
    // The cap (2): three more ask, all accepted at once: exactly one more is held.
    for g in &m[2..5] {
        proxy_to(&g.0, id, holder_id).await?;
    }
    let statuses = futures_util::future::join_all(
        m[2..5]
            .iter()
            .map(|g| async { accept(holder, id, g.1).await.map(|r| r.status().as_u16()) }),
    )
    .await;
    let codes: Vec<u16> = statuses.into_iter().collect::<Result<_>>()?;
    ensure!(
        codes.iter().filter(|c| **c == 200).count() == 1
            && codes.iter().filter(|c| **c == 409).count() == 2,
        "three acceptances at once past a cap of 2 (one held already): {codes:?}"
    );
    let page: MyAssembly = holder.get_json(&format!("/api/me/assemblies/{id}")).await?;
    let accepted = page
        .offers
        .iter()
        .filter(|o| o.status == ProxyStatus::Accepted)
        .count();
    ensure!(accepted == 2, "{page:?}");
    // A full holder is not offered to others; giving them one more is refused.
    let other: MyAssembly = m[6].0.get_json(&format!("/api/me/assemblies/{id}")).await?;
    ensure!(
        !other.can_hold.iter().any(|p| p.id == holder_id),
        "a full holder is offered: {other:?}"
    );
    let full: ApiErrorBody = expect_json(
        answer(
            &m[6].0,
            id,
            json!({ "intent": "proxy", "proxy_to": holder_id }),
        )
        .await?,
        422,
    )
    .await?;
    ensure!(
        full.fields
            .get("proxy_to")
            .is_some_and(|m| m.contains("autant de procurations")),
        "{full:?}"
    );
    // Giving one back frees a place; the giver whose proxy was refused is told on their page.
    let refused_giver = m[2..5]
        .iter()
        .find(|g| {
            page.offers
                .iter()
                .any(|o| o.giver.id == g.1 && o.status == ProxyStatus::Asked)
        })
        .context("an offer still asked")?;
    expect_status(
        holder
            .post(
                &format!("/api/me/assemblies/{id}/proxies/{}/refuse", refused_giver.1),
                &json!({}),
            )
            .await?,
        200,
    )
    .await?;
    let told: MyAssembly = refused_giver
        .0
        .get_json(&format!("/api/me/assemblies/{id}"))
        .await?;
    ensure!(told.proxy_status == Some(ProxyStatus::Refused), "{told:?}");
    // Staff see each answer and the voices announced: the holder and their two proxies, one
    // voter coming with no proxy (none here), and the asked or refused ones not counted.
    let seen: StaffAssembly = staff
        .get_json(&format!("/api/staff/assemblies/{id}"))
        .await?;
    ensure_each!(
        [
            seen.expected_voices == 3,
            seen.answers
                .iter()
                .any(|r| r.member.id == m[1].1 && r.proxy_status == Some(ProxyStatus::Accepted))
        ],
        "{seen:?}"
    );
    Ok(())
}

pub async fn members_stand_for_the_board_until_the_day_staff_set(api: &'static Api) -> Result<()> {
    let staff = staff(api).await?;
    let a = convened(&staff, &elsewhere(42, 14)).await?;
    let c = member(api, 61).await?;
    let me = id_of(&c).await?;
    let stood: MyAssembly = expect_json(
        c.put(
            &format!("/api/me/assemblies/{}/candidacy", a.id),
            &json!({ "stand": true }),
        )
        .await?,
        200,
    )
    .await?;
    ensure_each!(
        [
            stood.candidate,
            stood.candidacy_open,
            stood.candidates.iter().any(|p| p.id == me),
            stood.intent.is_none()
        ],
        "{stood:?}"
    );
    // Without an election on the agenda, there is nobody to stand for.
    let mut no_board = elsewhere(43, 14);
    no_board["items"] = json!([{ "kind": "resolution", "title_fr": "Modification des statuts", "majority": "two_thirds" }]);
    no_board["kind"] = json!("extraordinary");
    let e = convened(&staff, &no_board).await?;
    let err: ApiErrorBody = expect_json(
        c.put(
            &format!("/api/me/assemblies/{}/candidacy", e.id),
            &json!({ "stand": true }),
        )
        .await?,
        409,
    )
    .await?;
    ensure!(err.message.contains("n'élit pas"), "{err:?}");
    Ok(())
}

/// The test seed's assembly held today (on Quimper's date).
async fn held_today(staff: &ApiClient) -> Result<AssemblyView> {
    let all: Vec<AssemblyView> = staff.get_json("/api/staff/assemblies").await?;
    all.into_iter()
        .find(|a| a.place == "Salle du test du jour" && a.starts_at.0.date() == today())
        .context("the test seed's assembly of today")
}

async fn vote(client: &ApiClient, id: i64, item: i64, body: Value) -> Result<reqwest::Response> {
    client
        .post(&format!("/api/me/assemblies/{id}/items/{item}/vote"), &body)
        .await
}

async fn check_in(staff: &ApiClient, id: i64, member: i64) -> Result<AssemblyDoor> {
    expect_json(
        staff
            .put(
                &format!("/api/staff/assemblies/{id}/door/{member}"),
                &json!({ "present": true }),
            )
            .await?,
        200,
    )
    .await
}

pub async fn on_the_day_the_quorum_opens_the_votes_and_each_voice_counts_once(
    api: &'static Api,
) -> Result<()> {
    let staff = staff(api).await?;
    let a = held_today(&staff).await?;
    let id = a.id;
    let resolution = a.items[0].id;
    let election = a.items[1].id;
    let door: AssemblyDoor = staff
        .get_json(&format!("/api/staff/assemblies/{id}/door"))
        .await?;
    ensure_each!(
        [
            door.open,
            !door.quorum.reached,
            door.quorum.needed == (door.quorum.voters * 5).div_ceil(100)
        ],
        "{door:?}"
    );
    // No quorum: the vote does not open, and the chair is told the voices present and needed.
    let no: ApiErrorBody = expect_json(
        staff
            .post(
                &format!("/api/staff/assemblies/{id}/items/{resolution}/open"),
                &json!({}),
            )
            .await?,
        409,
    )
    .await?;
    ensure!(no.message.contains("Quorum non atteint"), "{no:?}");
    // In at the door: membre70 (carrying membre71's proxy), membre74 (membre73's), membre75
    // (who had not answered); membre72 joins from afar.
    let m70 = member(api, 70).await?;
    let m72 = member(api, 72).await?;
    let m74 = member(api, 74).await?;
    let m75 = member(api, 75).await?;
    let m71 = member(api, 71).await?;
    let m76 = member(api, 76).await?;
    let (i70, i71, i73, i75) = (
        id_of(&m70).await?,
        id_of(&m71).await?,
        id_of(&member(api, 73).await?).await?,
        id_of(&m75).await?,
    );
    let i74 = id_of(&m74).await?;
    // Not in yet: a vote is refused before anything else is read.
    check_in(&staff, id, i70).await?;
    check_in(&staff, id, i74).await?;
    check_in(&staff, id, i75).await?;
    let joined: MyAssembly = expect_json(
        m72.post(&format!("/api/me/assemblies/{id}/join"), &json!({}))
            .await?,
        200,
    )
    .await?;
    ensure!(joined.checked_in, "{joined:?}");
    // Not remote: joining from afar is refused.
    let not_remote: ApiErrorBody = expect_json(
        m76.post(&format!("/api/me/assemblies/{id}/join"), &json!({}))
            .await?,
        409,
    )
    .await?;
    ensure!(not_remote.message.contains("à distance"), "{not_remote:?}");
    let door: AssemblyDoor = staff
        .get_json(&format!("/api/staff/assemblies/{id}/door"))
        .await?;
    ensure_each!(
        [
            door.quorum.present == 4,
            door.quorum.represented == 2,
            door.quorum.reached,
            door.voters
                .iter()
                .any(|v| v.member.id == i70 && v.holds.iter().any(|p| p.id == i71))
        ],
        "{:?}",
        door.quorum
    );
    // The resolution opens; a second vote cannot open beside it.
    let opened: AssemblyDoor = expect_json(
        staff
            .post(
                &format!("/api/staff/assemblies/{id}/items/{resolution}/open"),
                &json!({}),
            )
            .await?,
        200,
    )
    .await?;
    ensure!(
        opened.items[0].status == VoteStatus::Open,
        "{:?}",
        opened.items
    );
    expect_status(
        staff
            .post(
                &format!("/api/staff/assemblies/{id}/items/{election}/open"),
                &json!({}),
            )
            .await?,
        409,
    )
    .await?;
    // Two phones at once with the same voice: one is taken.
    let yes = json!({ "voice_of": i70, "choice": "yes" });
    let (a1, a2) = tokio::join!(
        vote(&m70, id, resolution, yes.clone()),
        vote(&m70, id, resolution, yes)
    );
    let mut codes = [a1?.status().as_u16(), a2?.status().as_u16()];
    codes.sort_unstable();
    ensure!(
        codes == [200, 409],
        "the same voice from two phones: {codes:?}"
    );
    // The holder votes for the giver, and the giver, arriving at once, cannot vote again.
    let (held, own) = tokio::join!(
        vote(
            &m70,
            id,
            resolution,
            json!({ "voice_of": i71, "choice": "yes" })
        ),
        async {
            check_in(&staff, id, i71).await?;
            vote(
                &m71,
                id,
                resolution,
                json!({ "voice_of": i71, "choice": "yes" }),
            )
            .await
        }
    );
    // Whichever comes first is taken: the holder's (the giver's then finds the voice cast), or
    // the giver's check-in (the proxy lapses, and the holder's is no longer theirs to cast).
    let codes = [held?.status().as_u16(), own?.status().as_u16()];
    ensure!(
        codes.iter().filter(|c| **c == 200).count() == 1
            && codes.iter().all(|c| [200, 404, 409].contains(c)),
        "a proxy and its giver at once: {codes:?}"
    );
    for (client, voice, choice) in [
        (&m74, i74, "no"),
        (&m74, i73, "yes"),
        (&m72, id_of(&m72).await?, "abstain"),
        (&m75, i75, "yes"),
    ] {
        expect_status(
            vote(
                client,
                id,
                resolution,
                json!({ "voice_of": voice, "choice": choice }),
            )
            .await?,
            200,
        )
        .await?;
    }
    // Another's voice is not theirs; someone not in is told to check in; a bad choice is named.
    expect_status(
        vote(
            &m75,
            id,
            resolution,
            json!({ "voice_of": i70, "choice": "no" }),
        )
        .await?,
        404,
    )
    .await?;
    let outside: ApiErrorBody = expect_json(
        vote(
            &m76,
            id,
            resolution,
            json!({ "voice_of": id_of(&m76).await?, "choice": "no" }),
        )
        .await?,
        403,
    )
    .await?;
    ensure!(outside.message.contains("pointez-vous"), "{outside:?}");
    let bad: ApiErrorBody = expect_json(
        vote(
            &m75,
            id,
            resolution,
            json!({ "voice_of": i75, "choice": "peut-être" }),
        )
        .await?,
        422,
    )
    .await?;
    ensure!(bad.fields.contains_key("choice"), "{bad:?}");
    // Closed: the count is final and passes with its simple majority; nothing changes it after.
    let closed: AssemblyDoor = expect_json(
        staff
            .post(
                &format!("/api/staff/assemblies/{id}/items/{resolution}/close"),
                &json!({}),
            )
            .await?,
        200,
    )
    .await?;
    let r = &closed.items[0];
    ensure_each!(
        [
            r.status == VoteStatus::Closed,
            r.yes == 4,
            r.no == 1,
            r.abstain == 1,
            r.passed == Some(true)
        ],
        "{r:?}"
    );
    let late: ApiErrorBody = expect_json(
        vote(
            &m76,
            id,
            resolution,
            json!({ "voice_of": i74, "choice": "no" }),
        )
        .await?,
        409,
    )
    .await?;
    ensure!(late.message.contains("clos"), "{late:?}");
    expect_status(
        staff
            .post(
                &format!("/api/staff/assemblies/{id}/items/{resolution}/open"),
                &json!({}),
            )
            .await?,
        409,
    )
    .await?;

    // The board's election: a secret ballot, a receipt each, published in the receipts' order.
    expect_status(
        staff
            .post(
                &format!("/api/staff/assemblies/{id}/items/{election}/open"),
                &json!({}),
            )
            .await?,
        200,
    )
    .await?;
    let page: MyAssembly = m70.get_json(&format!("/api/me/assemblies/{id}")).await?;
    let c: Vec<i64> = page.candidates.iter().map(|p| p.id).collect();
    ensure!(c.len() == 3, "{page:?}");
    let open = page.open_vote.as_ref().context("the election open")?;
    ensure!(
        open.voices.len() == 1 && open.voices[0].of.id == i70,
        "membre70's proxy lapsed when membre71 came: {open:?}"
    );
    let too_many: ApiErrorBody = expect_json(
        vote(
            &m75,
            id,
            election,
            json!({ "voice_of": i75, "candidates": c }),
        )
        .await?,
        422,
    )
    .await?;
    ensure!(too_many.fields.contains_key("candidates"), "{too_many:?}");
    let mut receipts = Vec::new();
    for (client, voice, ticked) in [
        (&m70, i70, vec![c[0], c[1]]),
        (&m71, i71, vec![c[0]]),
        (&m74, i74, vec![c[1], c[2]]),
        (&m74, i73, vec![c[0], c[2]]),
        (&m72, id_of(&m72).await?, vec![]),
        (&m75, i75, vec![c[2]]),
    ] {
        let cast: VoteCast = expect_json(
            vote(
                client,
                id,
                election,
                json!({ "voice_of": voice, "candidates": ticked }),
            )
            .await?,
            200,
        )
        .await?;
        receipts.push(cast.receipt.context("a receipt")?);
    }
    expect_status(
        vote(
            &m70,
            id,
            election,
            json!({ "voice_of": i70, "candidates": [c[0]] }),
        )
        .await?,
        409,
    )
    .await?;
    // Not published while open.
    let ballots: Vec<PublishedBallot> = anonymous(api)
        .get_json(&format!("/api/assemblies/{id}/items/{election}/ballots"))
        .await?;
    ensure!(ballots.is_empty(), "ballots shown while the vote is open");
    let closed: AssemblyDoor = expect_json(
        staff
            .post(
                &format!("/api/staff/assemblies/{id}/items/{election}/close"),
                &json!({}),
            )
            .await?,
        200,
    )
    .await?;
    let e = &closed.items[1];
    let elected: Vec<i64> = e
        .candidates
        .iter()
        .filter(|v| v.elected)
        .map(|v| v.candidate.id)
        .collect();
    // c[0]: 3 voices, c[2]: 3, c[1]: 2; one blank ballot.
    ensure_each!(
        [
            e.cast == 6,
            e.blank == 1,
            elected.len() == 2,
            elected.contains(&c[0]),
            elected.contains(&c[2]),
            e.tied.is_empty()
        ],
        "{e:?}"
    );
    let ballots: Vec<PublishedBallot> = anonymous(api)
        .get_json(&format!("/api/assemblies/{id}/items/{election}/ballots"))
        .await?;
    let published: Vec<&str> = ballots.iter().map(|b| b.receipt.as_str()).collect();
    let mut sorted = published.clone();
    sorted.sort_unstable();
    ensure_each!(
        [
            ballots.len() == 6,
            published == sorted,
            receipts.iter().all(|r| published.contains(&r.as_str()))
        ],
        "every receipt is in the published count, in the receipts' order: {ballots:?}"
    );
    let mine = ballots
        .iter()
        .find(|b| b.receipt == receipts[1])
        .context("membre71's ballot")?;
    ensure!(
        mine.candidates.iter().map(|p| p.id).collect::<Vec<_>>() == vec![c[0]],
        "{mine:?}"
    );

    // Closed with its chair and secretary named: the minutes, and the elected become the board.
    let unnamed: ApiErrorBody = expect_json(
        staff
            .post(
                &format!("/api/staff/assemblies/{id}/close"),
                &json!({ "chair": "", "secretary": " " }),
            )
            .await?,
        422,
    )
    .await?;
    ensure!(
        unnamed.fields.contains_key("chair") && unnamed.fields.contains_key("secretary"),
        "{unnamed:?}"
    );
    let minutes: Minutes = expect_json(
        staff
            .post(
                &format!("/api/staff/assemblies/{id}/close"),
                &json!({ "chair": "Anne Le Gall", "secretary": "Erwan Le Bihan" }),
            )
            .await?,
        200,
    )
    .await?;
    let i72 = id_of(&m72).await?;
    ensure_each!(
        [
            minutes.assembly.status == domain::assembly::AssemblyStatus::Closed,
            minutes.present.iter().any(|p| p.id == i70),
            minutes.remote.iter().any(|p| p.id == i72),
            minutes.results.len() == 2,
            minutes.chair == "Anne Le Gall",
            minutes.closed_at.is_some()
        ],
        "{minutes:?}"
    );
    let board: Vec<BoardSeat> = staff.get_json("/api/staff/board").await?;
    let seated: Vec<i64> = board.iter().map(|s| s.id).collect();
    ensure!(
        seated.len() == 2 && seated.contains(&c[0]) && seated.contains(&c[2]),
        "{board:?}"
    );
    let site: SiteContent = anonymous(api).get_json("/api/site").await?;
    ensure_each!(
        [site.board.len() == 2, site.general_assembly == today()],
        "{:?} {}",
        site.board,
        site.general_assembly
    );
    // The board gives its roles: one president at a time.
    let set = |who: i64, role: &'static str| {
        let staff = staff.clone();
        async move {
            staff
                .put(&format!("/api/staff/board/{who}"), &json!({ "role": role }))
                .await
        }
    };
    expect_status(set(c[0], "présidente").await?, 422).await?;
    expect_status(set(c[0], "president").await?, 200).await?;
    let board: Vec<BoardSeat> = expect_json(set(c[2], "president").await?, 200).await?;
    ensure_each!(
        [
            board[0].id == c[2],
            board[0].role == BoardRole::President,
            board
                .iter()
                .filter(|s| s.role == BoardRole::President)
                .count()
                == 1
        ],
        "{board:?}"
    );
    let site: SiteContent = anonymous(api).get_json("/api/site").await?;
    ensure!(
        site.board
            .first()
            .is_some_and(|b| b.role.fr == "Président·e"),
        "{:?}",
        site.board
    );
    Ok(())
}
