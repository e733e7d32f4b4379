//! The general assembly: staff prepare it and convene every voter; each voter answers on their
//! private page (I come, I follow from afar, I give my proxy), holders accept or refuse the proxies
//! asked of them, members stand for the board. The rules are `domain::assembly`'s; the writes
//! carry them in their own `WHERE` (see `repo::assemblies`), and a write that changed nothing is
//! explained by reading again and asking the rules why.

use chrono::{DateTime, Utc};
use domain::assembly::{
    self as rules, AnswerInput, AssemblyDoor, AssemblyStatus, AssemblyView, CandidateVoices,
    Choice, DoorVoter, Election, Intent, ItemKind, ItemResult, ItemView, MyAssembly,
    MyAssemblyCard, NoVote, OpenRefusal, OpenVote, Person, ProxyOffer, ProxyState, ProxyStatus,
    PublishedBallot, Quorum, StaffAssembly, Statutes, Tally, Voice, VoteCast, VoteInput,
    VoteStatus, VoterAnswer,
};
use domain::i18n::{fill, format_date_long, Localized};
use domain::time::LocalDateTime;
use domain::{ApiMsg, Lang};
use serde_json::json;
use worker::D1Database;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::mail::Email;
use crate::repo::assemblies::{self as repo, AssemblyRow};
use crate::repo::versioned::Aborted;
use crate::repo::{batch, changes, outbox};
use crate::secrets::random_token;

/// The statutes as staff keep them (the `assembly_statutes` setting).
pub async fn statutes(db: &D1Database) -> Result<Statutes, ApiError> {
    let row = crate::repo::settings::value(db, "assembly_statutes")
        .await?
        .ok_or_else(|| ApiError::Internal("the assembly_statutes setting is missing".into()))?;
    Statutes::parse_json(&row.value.to_string()).map_err(|e| {
        ApiError::Internal(format!(
            "settings.assembly_statutes holds {}, which does not check: {e:?}",
            row.value
        ))
    })
}

fn statutes_of(a: &AssemblyRow) -> Statutes {
    Statutes {
        quorum_percent: a.quorum_percent,
        proxies_per_member: a.proxies_per_member,
        remote_voting: a.remote_voting,
        notice_days: a.notice_days,
    }
}

fn item_view(r: repo::ItemRow) -> ItemView {
    let in_french_only = r.title_en.trim().is_empty() && !r.title_fr.is_empty();
    let en = |en: String, fr: &str| {
        if en.trim().is_empty() {
            fr.to_string()
        } else {
            en
        }
    };
    let body_fr = crate::service::library::render(&r.body_fr);
    let body_en = if r.body_en.trim().is_empty() {
        body_fr.clone()
    } else {
        crate::service::library::render(&r.body_en)
    };
    ItemView {
        id: r.id,
        position: r.position,
        kind: r.kind,
        title: Localized {
            en: en(r.title_en, &r.title_fr),
            fr: r.title_fr,
        },
        body_html: Localized {
            fr: body_fr,
            en: body_en,
        },
        in_french_only,
        majority: r.majority,
        seats: r.seats,
    }
}

async fn view(db: &D1Database, a: &AssemblyRow) -> Result<AssemblyView, ApiError> {
    let items = repo::items(db, a.id).await?;
    let statutes = statutes_of(a);
    Ok(AssemblyView {
        id: a.id,
        kind: a.kind,
        status: a.status,
        starts_at: LocalDateTime(a.start_local),
        ends_at: LocalDateTime(a.end_local),
        in_room: a.in_room,
        place: a.place.clone(),
        candidacy_until: a.candidacy_until,
        statutes,
        convene_by: statutes.convene_by(a.start_local.date()),
        convened_at: a.convened_at.clone(),
        voters: a.voters,
        quorum: statutes.quorum_of(a.voters),
        items: items.into_iter().map(item_view).collect(),
    })
}

async fn assembly(db: &D1Database, id: i64) -> Result<AssemblyRow, ApiError> {
    repo::by_id(db, id).await?.ok_or(ApiError::NotFound)
}

// ------------------------------------------------------------------ staff

pub async fn list(db: &D1Database) -> Result<Vec<AssemblyView>, ApiError> {
    let mut out = Vec::new();
    for a in repo::list(db).await? {
        out.push(view(db, &a).await?);
    }
    Ok(out)
}

/// Prepare: the assembly with the statutes as they stand, its agenda, the room held (or nothing
/// at all when it is taken) and the audit entry, in one batch.
pub async fn create(
    db: &D1Database,
    input: &rules::AssemblyInput,
    caller: &Caller,
    actor: i64,
    now: DateTime<Utc>,
) -> Result<AssemblyView, ApiError> {
    let statutes = statutes(db).await?;
    let today = domain::paris::local_date(now);
    let a = rules::check_assembly(input, &statutes, today).map_err(ApiError::Validation)?;
    if a.in_room {
        if let Some(conflict) =
            crate::service::events::room_held_by(db, a.starts_utc, a.ends_utc, &[]).await?
        {
            return Err(conflict);
        }
    }
    let nonce = random_token();
    let label = caller.label();
    let statements = repo::create(db, &a, &statutes, actor, (&label, now), &nonce)?;
    if let Err(err) = batch(db, statements, "preparing the assembly").await {
        return Err(match Aborted::of(&err) {
            Some(Aborted::RoomNotHeld) => ApiError::Conflict(ApiMsg::ErrRoomTaken),
            _ => err,
        });
    }
    let id = repo::by_nonce(db, &nonce)
        .await?
        .ok_or_else(|| ApiError::Internal("the new assembly is not there".into()))?;
    view(db, &assembly(db, id).await?).await
}

/// The voices expected so far: each voter coming or following, with the proxies they accepted.
fn expected_voices(answers: &[repo::AnswerRow]) -> u32 {
    let present = answers
        .iter()
        .filter(|a| matches!(a.intent, Some(Intent::Present | Intent::Remote)))
        .count();
    let carried = answers
        .iter()
        .filter(|a| a.proxy_status == Some(ProxyStatus::Accepted))
        .count();
    (present + carried) as u32
}

pub async fn staff_view(db: &D1Database, id: i64) -> Result<StaffAssembly, ApiError> {
    let a = assembly(db, id).await?;
    let answers = repo::answers(db, id).await?;
    let expected = expected_voices(&answers);
    Ok(StaffAssembly {
        assembly: view(db, &a).await?,
        expected_voices: expected,
        answers: answers
            .into_iter()
            .map(|r| VoterAnswer {
                member: Person {
                    id: r.member_id,
                    name: r.name,
                },
                intent: r.intent,
                proxy_to: r
                    .proxy_to
                    .zip(r.holder_name)
                    .map(|(id, name)| Person { id, name }),
                proxy_status: r.proxy_status,
                candidate: r.candidate,
            })
            .collect(),
    })
}

/// The convocation of one voter: the date, the place, the agenda, their private page.
fn convocation(a: &AssemblyView, to: &repo::VoterRow, site_url: &str) -> Email {
    let lang = to.lang;
    let agenda: Vec<String> = a
        .items
        .iter()
        .map(|i| format!("{}. {}", i.position, i.title.get(lang)))
        .collect();
    let place = if a.in_room {
        ApiMsg::AssemblyInTheRoom.text(lang).to_string()
    } else {
        a.place.clone()
    };
    let kind = match (a.kind, lang) {
        (rules::AssemblyKind::Ordinary, Lang::Fr) => "ordinaire",
        (rules::AssemblyKind::Extraordinary, Lang::Fr) => "extraordinaire",
        (rules::AssemblyKind::Ordinary, Lang::En) => "ordinary",
        (rules::AssemblyKind::Extraordinary, Lang::En) => "extraordinary",
    };
    let link = format!("{site_url}/espace/assemblee/{}", a.id);
    let args = [
        ("name", to.name.as_str()),
        ("kind", kind),
        ("date", &format_date_long(a.starts_at.0.date(), lang)),
        ("start", &a.starts_at.0.format("%H:%M").to_string()),
        ("end", &a.ends_at.0.format("%H:%M").to_string()),
        ("place", &place),
        ("agenda", &agenda.join("\n")),
        ("candidacy", &format_date_long(a.candidacy_until, lang)),
        ("link", &link),
    ];
    Email::compose(
        &to.email,
        "assembly_convocation",
        lang,
        ApiMsg::EmailAssemblySubject,
        ApiMsg::EmailAssemblyBody,
        &args,
    )
    .about(format!("assembly:{}", a.id))
}

fn dedupe(assembly: i64, member: i64) -> String {
    format!("assembly:{assembly}:{member}")
}

/// Convene: the assembly is marked convened and every voter's convocation queued, in one batch;
/// only within the statutes' notice.
pub async fn convene(
    db: &D1Database,
    id: i64,
    site_url: &str,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<AssemblyView, ApiError> {
    let a = assembly(db, id).await?;
    if a.status != AssemblyStatus::Draft {
        return Err(ApiError::Conflict(ApiMsg::ErrAssemblyConvened));
    }
    let held_on = a.start_local.date();
    if domain::paris::local_date(now) > statutes_of(&a).convene_by(held_on) {
        return Err(ApiError::Conflict(ApiMsg::ErrAssemblyNoticePassed));
    }
    let shown = view(db, &a).await?;
    let voters = repo::voters(db, held_on).await?;
    let mut statements = vec![
        repo::convene(db, id, now)?,
        crate::repo::audit::record_after(
            db,
            now,
            caller,
            "assembly.convene",
            "assembly",
            &id.to_string(),
            json!({ "voters": voters.len() }),
        )?,
    ];
    for v in &voters {
        let email = convocation(&shown, v, site_url);
        statements.push(outbox::queue(
            db,
            &email,
            Some(v.id),
            Some(&dedupe(id, v.id)),
            now,
        )?);
    }
    let results = batch(db, statements, "convening the assembly").await?;
    if results.first().map(changes) != Some(1) {
        return Err(ApiError::Conflict(ApiMsg::ErrAssemblyConvened));
    }
    view(db, &assembly(db, id).await?).await
}

/// A member whose fee now covers the day of an assembly already convened is called too: their
/// convocation is queued (once: the outbox's dedupe key), after the fee is recorded.
pub async fn convene_late(
    db: &D1Database,
    member: i64,
    site_url: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    for a in repo::upcoming(db, now).await? {
        let held_on = a.start_local.date();
        let Some(v) = repo::voters(db, held_on)
            .await?
            .into_iter()
            .find(|v| v.id == member)
        else {
            continue;
        };
        let shown = view(db, &a).await?;
        let email = convocation(&shown, &v, site_url);
        crate::repo::run(
            outbox::queue(db, &email, Some(member), Some(&dedupe(a.id, member)), now)?,
            "queueing a late convocation",
        )
        .await?;
    }
    Ok(())
}

// ------------------------------------------------------------------ the voter's own page

/// Why `member` may not vote at `a`, if they may not, and the last day of their fee.
async fn standing(
    db: &D1Database,
    a: &AssemblyRow,
    member: i64,
) -> Result<(Option<NoVote>, Option<chrono::NaiveDate>), ApiError> {
    let s = repo::standing(db, member, a.start_local.date())
        .await?
        .ok_or(ApiError::NotFound)?;
    let no_vote = if s.role != "member" {
        Some(NoVote::StaffAccount)
    } else if !s.voter {
        Some(NoVote::FeeEnds)
    } else {
        None
    };
    Ok((no_vote, s.membership_until))
}

/// An assembly a member is called to: convened (a draft is staff's only).
async fn convened(db: &D1Database, id: i64) -> Result<AssemblyRow, ApiError> {
    let a = assembly(db, id).await?;
    if a.status == AssemblyStatus::Draft {
        return Err(ApiError::NotFound);
    }
    Ok(a)
}

pub async fn my_cards(
    db: &D1Database,
    member: i64,
    now: DateTime<Utc>,
) -> Result<Vec<MyAssemblyCard>, ApiError> {
    let mut out = Vec::new();
    for a in repo::upcoming(db, now).await? {
        let (no_vote, _) = standing(db, &a, member).await?;
        let answers = repo::answers(db, a.id).await?;
        let mine = answers.iter().find(|r| r.member_id == member);
        let waiting = answers
            .iter()
            .filter(|r| r.proxy_to == Some(member) && r.proxy_status == Some(ProxyStatus::Asked))
            .count();
        out.push(MyAssemblyCard {
            id: a.id,
            kind: a.kind,
            starts_at: LocalDateTime(a.start_local),
            may_vote: no_vote.is_none(),
            intent: mine.and_then(|r| r.intent),
            proxies_to_answer: waiting as u32,
        });
    }
    Ok(out)
}

pub async fn mine(
    db: &D1Database,
    id: i64,
    member: i64,
    now: DateTime<Utc>,
) -> Result<MyAssembly, ApiError> {
    let a = convened(db, id).await?;
    let (no_vote, fee_until) = standing(db, &a, member).await?;
    let answers = repo::answers(db, id).await?;
    let own = answers.iter().find(|r| r.member_id == member);
    let offers = repo::offers(db, id, member).await?;
    let can_hold = if no_vote.is_none() {
        repo::can_hold(db, &a, member).await?
    } else {
        Vec::new()
    };
    let candidates = repo::candidates(db, &a).await?;
    let shown = view(db, &a).await?;
    let shown_items = shown.items.clone();
    let person = |r: repo::PersonRow| Person {
        id: r.id,
        name: r.name,
    };
    Ok(MyAssembly {
        answers_open: a.status == AssemblyStatus::Convened && now < a.start_utc,
        candidacy_open: a.status == AssemblyStatus::Convened
            && domain::paris::local_date(now) <= a.candidacy_until
            && has_election(&shown.items),
        assembly: shown,
        no_vote,
        fee_until,
        intent: own.and_then(|r| r.intent),
        proxy_to: own.and_then(|r| {
            r.proxy_to
                .zip(r.holder_name.clone())
                .map(|(id, name)| Person { id, name })
        }),
        proxy_status: own.and_then(|r| r.proxy_status),
        candidate: own.is_some_and(|r| r.candidate),
        offers: offers
            .into_iter()
            .map(|o| ProxyOffer {
                giver: Person {
                    id: o.member_id,
                    name: o.name,
                },
                status: o.proxy_status,
            })
            .collect(),
        can_hold: can_hold.into_iter().map(person).collect(),
        candidates: candidates.into_iter().map(person).collect(),
        door_open: door_open(&a, now),
        checked_in: own.is_some_and(|r| r.checked_in),
        open_vote: open_vote_of(db, &a, &shown_items, member, &answers, now).await?,
        results: results(db, &a, &shown_items).await?,
    })
}

fn has_election(items: &[ItemView]) -> bool {
    items.iter().any(|i| i.kind == ItemKind::Election)
}

/// What a voter may change now: the assembly convened, not begun, and the caller a voter.
async fn answering(
    db: &D1Database,
    id: i64,
    member: i64,
    now: DateTime<Utc>,
) -> Result<AssemblyRow, ApiError> {
    let a = convened(db, id).await?;
    if a.status != AssemblyStatus::Convened || now >= a.start_utc {
        return Err(ApiError::Conflict(ApiMsg::ErrAssemblyAnswersClosed));
    }
    match standing(db, &a, member).await?.0 {
        None => Ok(a),
        Some(_) => Err(ApiError::ForbiddenBecause(ApiMsg::ErrAssemblyNotVoter)),
    }
}

fn proxy_state(r: &repo::ProxyStateRow) -> ProxyState {
    ProxyState {
        gave: r.gave,
        holds: r.holds,
    }
}

/// Come, follow from afar, or give one's proxy to another voter (who then accepts or refuses).
pub async fn answer(
    db: &D1Database,
    id: i64,
    member: i64,
    input: &AnswerInput,
    now: DateTime<Utc>,
) -> Result<MyAssembly, ApiError> {
    let a = answering(db, id, member, now).await?;
    let intent = Intent::parse(input.intent.trim())
        .ok_or_else(|| ApiError::field("intent", ApiMsg::AssemblyIntent))?;
    let statutes = statutes_of(&a);
    match intent {
        Intent::Remote if !statutes.remote_voting => {
            return Err(ApiError::field("intent", ApiMsg::ErrRemoteNotAllowed))
        }
        Intent::Present | Intent::Remote => {
            crate::repo::run(
                repo::answer(db, id, member, intent, now)?,
                "answering the convocation",
            )
            .await?;
        }
        Intent::Proxy => {
            let holder = input
                .proxy_to
                .ok_or_else(|| ApiError::field("proxy_to", ApiMsg::FieldRequired))?;
            if holder == member {
                return Err(ApiError::field("proxy_to", ApiMsg::ProxyToSelf));
            }
            let holder_votes = match standing(db, &a, holder).await {
                Ok((no_vote, _)) => no_vote.is_none(),
                Err(ApiError::NotFound) => false,
                Err(e) => return Err(e),
            };
            if !holder_votes {
                return Err(ApiError::field(
                    "proxy_to",
                    ApiMsg::ErrAssemblyHolderNotVoter,
                ));
            }
            let written = crate::repo::run(
                repo::give_proxy(db, id, member, holder, statutes.proxies_per_member, now)?,
                "giving a proxy",
            )
            .await?;
            if changes(&written) == 0 {
                // A rule refused it in the write: read again and say which.
                let giver = proxy_state(&repo::proxy_state(db, id, member).await?);
                let held = proxy_state(&repo::proxy_state(db, id, holder).await?);
                let giver = ProxyState {
                    gave: false,
                    ..giver
                };
                let refusal = rules::proxy(false, giver, held, &statutes)
                    .err()
                    .map(|r| r.msg())
                    .unwrap_or(ApiMsg::ErrConflict);
                return Err(ApiError::field("proxy_to", refusal));
            }
        }
    }
    mine(db, id, member, now).await
}

/// The holder accepts a proxy asked of them, within the statutes' cap.
pub async fn accept(
    db: &D1Database,
    id: i64,
    giver: i64,
    holder: i64,
    now: DateTime<Utc>,
) -> Result<MyAssembly, ApiError> {
    let a = answering(db, id, holder, now).await?;
    let statutes = statutes_of(&a);
    let written = crate::repo::run(
        repo::accept(db, id, giver, holder, statutes.proxies_per_member)?,
        "accepting a proxy",
    )
    .await?;
    if changes(&written) == 0 {
        let offers = repo::offers(db, id, holder).await?;
        let asked = offers
            .iter()
            .any(|o| o.member_id == giver && o.proxy_status == ProxyStatus::Asked);
        if !asked {
            return Err(ApiError::NotFound);
        }
        let held = proxy_state(&repo::proxy_state(db, id, holder).await?);
        let giver_state = ProxyState {
            gave: false,
            holds: 0,
        };
        let refusal = rules::proxy(false, giver_state, held, &statutes)
            .err()
            .map(|r| r.msg())
            .unwrap_or(ApiMsg::ErrConflict);
        return Err(ApiError::Conflict(refusal));
    }
    mine(db, id, holder, now).await
}

/// The holder refuses a proxy asked of them (or gives back one accepted): the giver is told on
/// their page and chooses again.
pub async fn refuse(
    db: &D1Database,
    id: i64,
    giver: i64,
    holder: i64,
    now: DateTime<Utc>,
) -> Result<MyAssembly, ApiError> {
    answering(db, id, holder, now).await?;
    let written =
        crate::repo::run(repo::refuse(db, id, giver, holder)?, "refusing a proxy").await?;
    if changes(&written) == 0 {
        return Err(ApiError::NotFound);
    }
    mine(db, id, holder, now).await
}

/// Stand for the board (or no longer), until the day staff set.
pub async fn stand(
    db: &D1Database,
    id: i64,
    member: i64,
    stand: bool,
    now: DateTime<Utc>,
) -> Result<MyAssembly, ApiError> {
    let a = answering(db, id, member, now).await?;
    let items = repo::items(db, id).await?;
    if !items.iter().any(|i| i.kind == ItemKind::Election) {
        return Err(ApiError::Conflict(ApiMsg::ErrNoElection));
    }
    if domain::paris::local_date(now) > a.candidacy_until {
        return Err(ApiError::Conflict(ApiMsg::ErrAssemblyCandidacyClosed));
    }
    crate::repo::run(
        repo::stand(db, id, member, stand, now)?,
        "standing for the board",
    )
    .await?;
    mine(db, id, member, now).await
}

// ------------------------------------------------------------------ on the day

/// The door and the votes are open on the assembly's day (Quimper's date), once convened.
fn door_open(a: &AssemblyRow, now: DateTime<Utc>) -> bool {
    a.status == AssemblyStatus::Convened && domain::paris::local_date(now) == a.start_local.date()
}

/// The voters with who is in, the proxies accepted, and the quorum they make.
async fn quorum(
    db: &D1Database,
    a: &AssemblyRow,
) -> Result<(Quorum, Vec<repo::DoorRow>, Vec<repo::ProxyRow>), ApiError> {
    let voters = repo::door(db, a).await?;
    let proxies = repo::proxies(db, a.id).await?;
    let inside: Vec<i64> = voters
        .iter()
        .filter(|v| v.checked_in)
        .map(|v| v.id)
        .collect();
    // A proxy counts when its holder is in and its giver is not (a giver who comes votes).
    let represented = proxies
        .iter()
        .filter(|p| !p.giver_in && inside.contains(&p.holder))
        .count();
    let q = Quorum::of(
        &statutes_of(a),
        voters.len() as u32,
        inside.len() as u32,
        represented as u32,
    );
    Ok((q, voters, proxies))
}

/// Each question put to the vote: where its vote is, and once closed what it decided.
async fn results(
    db: &D1Database,
    a: &AssemblyRow,
    items: &[ItemView],
) -> Result<Vec<ItemResult>, ApiError> {
    let states = repo::item_states(db, a.id).await?;
    let tallies = repo::tallies(db, a.id).await?;
    let mut out = Vec::new();
    for item in items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Resolution | ItemKind::Election))
    {
        let status = states
            .iter()
            .find(|s| s.id == item.id)
            .map(|s| s.vote_status)
            .unwrap_or(VoteStatus::Pending);
        let t = tallies.iter().find(|t| t.item_id == item.id);
        let (yes, no, abstain, ballots) =
            t.map_or((0, 0, 0, 0), |t| (t.yes, t.no, t.abstain, t.ballots));
        let closed = status == VoteStatus::Closed;
        let mut r = ItemResult {
            item: item.clone(),
            status,
            cast: yes + no + abstain + ballots,
            yes: 0,
            no: 0,
            abstain: 0,
            passed: None,
            candidates: Vec::new(),
            blank: 0,
            tied: Vec::new(),
            seats_left: 0,
        };
        if closed && item.kind == ItemKind::Resolution {
            (r.yes, r.no, r.abstain) = (yes, no, abstain);
            r.passed = item.majority.map(|m| m.passes(Tally { yes, no, abstain }));
        }
        if closed && item.kind == ItemKind::Election {
            election(db, a, item, &mut r).await?;
        }
        out.push(r);
    }
    Ok(out)
}

/// A closed election's count: each candidate's voices from the ballots, blank ones, who is
/// elected, and a tie for the last seats said as it is.
async fn election(
    db: &D1Database,
    a: &AssemblyRow,
    item: &ItemView,
    r: &mut ItemResult,
) -> Result<(), ApiError> {
    let names = names(db, a).await?;
    let ballots = repo::ballots(db, item.id).await?;
    let mut counts: Vec<(i64, u32)> = repo::candidates(db, a)
        .await?
        .into_iter()
        .map(|c| (c.id, 0))
        .collect();
    for b in &ballots {
        if b.choices.is_empty() {
            r.blank += 1;
        }
        for c in &b.choices {
            match counts.iter_mut().find(|(id, _)| id == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((*c, 1)),
            }
        }
    }
    let seats = item.seats.unwrap_or(0) as usize;
    let elected = match rules::elect(&counts, seats) {
        Election::Elected(e) => e,
        Election::Tie {
            elected,
            tied,
            seats_left,
        } => {
            r.tied = tied.iter().map(|id| named(&names, *id)).collect();
            r.seats_left = seats_left as u32;
            elected
        }
    };
    counts.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    r.candidates = counts
        .into_iter()
        .map(|(id, voices)| CandidateVoices {
            candidate: named(&names, id),
            voices,
            elected: elected.contains(&id),
        })
        .collect();
    Ok(())
}

/// The voters' names on the day (candidates and holders are among them).
async fn names(db: &D1Database, a: &AssemblyRow) -> Result<Vec<(i64, String)>, ApiError> {
    Ok(repo::answers(db, a.id)
        .await?
        .into_iter()
        .map(|r| (r.member_id, r.name))
        .collect())
}

fn named(names: &[(i64, String)], id: i64) -> Person {
    Person {
        id,
        name: names
            .iter()
            .find(|(n, _)| *n == id)
            .map(|(_, name)| name.clone())
            .unwrap_or_default(),
    }
}

/// The question open now, with the voices `member` carries into it.
async fn open_vote_of(
    db: &D1Database,
    a: &AssemblyRow,
    items: &[ItemView],
    member: i64,
    answers: &[repo::AnswerRow],
    now: DateTime<Utc>,
) -> Result<Option<OpenVote>, ApiError> {
    if !door_open(a, now) {
        return Ok(None);
    }
    let states = repo::item_states(db, a.id).await?;
    let Some(open) = states.iter().find(|s| s.vote_status == VoteStatus::Open) else {
        return Ok(None);
    };
    let Some(item) = items.iter().find(|i| i.id == open.id) else {
        return Ok(None);
    };
    let cast = repo::voices_cast(db, item.id).await?;
    let own = answers.iter().find(|r| r.member_id == member);
    let mut voices = Vec::new();
    if own.is_some_and(|r| r.checked_in) {
        let gave = own.is_some_and(|r| r.proxy_status == Some(ProxyStatus::Accepted));
        if !gave {
            voices.push(Voice {
                of: Person {
                    id: member,
                    name: own.map(|r| r.name.clone()).unwrap_or_default(),
                },
                cast: cast.contains(&member),
            });
        }
        for g in answers.iter().filter(|r| {
            r.proxy_to == Some(member)
                && r.proxy_status == Some(ProxyStatus::Accepted)
                && !r.checked_in
        }) {
            voices.push(Voice {
                of: Person {
                    id: g.member_id,
                    name: g.name.clone(),
                },
                cast: cast.contains(&g.member_id),
            });
        }
    }
    Ok(Some(OpenVote {
        item: item.clone(),
        voices,
    }))
}

pub async fn door(db: &D1Database, id: i64, now: DateTime<Utc>) -> Result<AssemblyDoor, ApiError> {
    let a = assembly(db, id).await?;
    let shown = view(db, &a).await?;
    let (q, voters, proxies) = quorum(db, &a).await?;
    let items = results(db, &a, &shown.items).await?;
    Ok(AssemblyDoor {
        open: door_open(&a, now),
        quorum: q,
        voters: voters
            .into_iter()
            .map(|v| DoorVoter {
                holds: proxies
                    .iter()
                    .filter(|p| p.holder == v.id)
                    .map(|p| Person {
                        id: p.giver,
                        name: p.giver_name.clone(),
                    })
                    .collect(),
                member: Person {
                    id: v.id,
                    name: v.name,
                },
                intent: v.intent,
                checked_in: v.checked_in,
            })
            .collect(),
        items,
        assembly: shown,
    })
}

/// In at the door (a giver who comes takes their voice back), or a check-in made by mistake undone.
pub async fn check_in(
    db: &D1Database,
    id: i64,
    member: i64,
    present: bool,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<AssemblyDoor, ApiError> {
    let a = assembly(db, id).await?;
    if !door_open(&a, now) {
        return Err(ApiError::Conflict(ApiMsg::ErrNotTheDay));
    }
    match standing(db, &a, member).await {
        Ok((None, _)) => {}
        Ok((Some(_), _)) | Err(ApiError::NotFound) => {
            return Err(ApiError::Conflict(ApiMsg::ErrAssemblyHolderNotVoter))
        }
        Err(e) => return Err(e),
    }
    batch(
        db,
        vec![
            repo::check_in(db, id, member, present, now)?,
            crate::repo::audit::record_after(
                db,
                now,
                caller,
                if present {
                    "assembly.check_in"
                } else {
                    "assembly.check_in_undone"
                },
                "member",
                &member.to_string(),
                json!({ "assembly": id }),
            )?,
        ],
        "checking a voter in",
    )
    .await?;
    door(db, id, now).await
}

fn refusal(r: OpenRefusal, q: &Quorum) -> ApiError {
    match r {
        OpenRefusal::NotVoted => ApiError::Conflict(ApiMsg::ErrNotAVote),
        OpenRefusal::NotPending => ApiError::Conflict(ApiMsg::ErrVoteNotPending),
        OpenRefusal::AnotherOpen => ApiError::Conflict(ApiMsg::ErrAnotherVoteOpen),
        OpenRefusal::NotToday => ApiError::Conflict(ApiMsg::ErrNotTheDay),
        OpenRefusal::NoQuorum => {
            let present = (q.present + q.represented).to_string();
            let needed = q.needed.to_string();
            let text = |lang: Lang| {
                fill(
                    ApiMsg::ErrNoQuorum.text(lang),
                    &[("present", &present), ("needed", &needed)],
                )
            };
            ApiError::ConflictText(Localized {
                fr: text(Lang::Fr),
                en: text(Lang::En),
            })
        }
    }
}

/// The chair opens the vote on a question: only on the day, one at a time, never twice, and not
/// without the quorum the statutes require.
pub async fn open(
    db: &D1Database,
    id: i64,
    item: i64,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<AssemblyDoor, ApiError> {
    let a = assembly(db, id).await?;
    let items = repo::items(db, id).await?;
    let kind = items
        .iter()
        .find(|i| i.id == item)
        .map(|i| i.kind)
        .ok_or(ApiError::NotFound)?;
    let states = repo::item_states(db, id).await?;
    let status = states
        .iter()
        .find(|s| s.id == item)
        .map(|s| s.vote_status)
        .ok_or(ApiError::NotFound)?;
    let another = states.iter().any(|s| s.vote_status == VoteStatus::Open);
    let (q, _, _) = quorum(db, &a).await?;
    rules::can_open(kind, status, another, door_open(&a, now), &q).map_err(|r| refusal(r, &q))?;
    let done = batch(
        db,
        vec![
            repo::open_vote(db, id, item, now)?,
            crate::repo::audit::record_after(
                db,
                now,
                caller,
                "assembly.vote_open",
                "assembly",
                &id.to_string(),
                json!({ "item": item, "voices": q.present + q.represented }),
            )?,
        ],
        "opening a vote",
    )
    .await?;
    if done.first().map(changes) != Some(1) {
        return Err(ApiError::Conflict(ApiMsg::ErrAnotherVoteOpen));
    }
    door(db, id, now).await
}

/// The chair closes the vote: its count is final (no voice is taken once closed).
pub async fn close(
    db: &D1Database,
    id: i64,
    item: i64,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<AssemblyDoor, ApiError> {
    assembly(db, id).await?;
    let done = batch(
        db,
        vec![
            repo::close_vote(db, id, item, now)?,
            crate::repo::audit::record_after(
                db,
                now,
                caller,
                "assembly.vote_close",
                "assembly",
                &id.to_string(),
                json!({ "item": item }),
            )?,
        ],
        "closing a vote",
    )
    .await?;
    if done.first().map(changes) != Some(1) {
        let known = repo::item_states(db, id)
            .await?
            .iter()
            .any(|s| s.id == item);
        return Err(if known {
            ApiError::Conflict(ApiMsg::ErrVoteNotOpen)
        } else {
            ApiError::NotFound
        });
    }
    door(db, id, now).await
}

/// A voter who answered "remotely" says they are there, on the day.
pub async fn join(
    db: &D1Database,
    id: i64,
    member: i64,
    now: DateTime<Utc>,
) -> Result<MyAssembly, ApiError> {
    let a = convened(db, id).await?;
    if !door_open(&a, now) {
        return Err(ApiError::Conflict(ApiMsg::ErrNotTheDay));
    }
    if standing(db, &a, member).await?.0.is_some() {
        return Err(ApiError::ForbiddenBecause(ApiMsg::ErrAssemblyNotVoter));
    }
    if !a.remote_voting {
        return Err(ApiError::Conflict(ApiMsg::ErrRemoteNotAllowed));
    }
    let done = crate::repo::run(repo::join(db, id, member, now)?, "joining from afar").await?;
    if changes(&done) == 0 {
        let own = repo::answers(db, id).await?;
        let remote = own
            .iter()
            .any(|r| r.member_id == member && r.intent == Some(Intent::Remote));
        if !remote {
            return Err(ApiError::Conflict(ApiMsg::ErrNotRemote));
        }
    }
    mine(db, id, member, now).await
}

/// Why a voice was not taken, read again after the write changed nothing.
async fn not_taken(db: &D1Database, id: i64, item: i64, member: i64) -> Result<ApiError, ApiError> {
    let open = repo::item_states(db, id)
        .await?
        .iter()
        .any(|s| s.id == item && s.vote_status == VoteStatus::Open);
    if !open {
        return Ok(ApiError::Conflict(ApiMsg::ErrVoteNotOpen));
    }
    let inside = repo::answers(db, id)
        .await?
        .iter()
        .any(|r| r.member_id == member && r.checked_in);
    Ok(if inside {
        // Neither theirs nor a proxy they carry: not found, as another's things are.
        ApiError::NotFound
    } else {
        ApiError::ForbiddenBecause(ApiMsg::ErrNotCheckedIn)
    })
}

/// One voice on the open question: a resolution's choice, or the election's ballot (who voted and
/// what was voted written apart; the voter gets the ballot's receipt, given once).
pub async fn cast(
    db: &D1Database,
    id: i64,
    item: i64,
    member: i64,
    input: &VoteInput,
    now: DateTime<Utc>,
) -> Result<VoteCast, ApiError> {
    let a = convened(db, id).await?;
    if !door_open(&a, now) {
        return Err(ApiError::Conflict(ApiMsg::ErrNotTheDay));
    }
    let items = repo::items(db, id).await?;
    let it = items
        .iter()
        .find(|i| i.id == item)
        .ok_or(ApiError::NotFound)?;
    let key = (id, item);
    let voice = input.voice_of;
    let written = match it.kind {
        ItemKind::Resolution => {
            let choice = Choice::parse(input.choice.trim())
                .ok_or_else(|| ApiError::field("choice", ApiMsg::ErrVoteChoice))?;
            batch(
                db,
                vec![repo::vote(db, key, voice, member, choice)?],
                "casting a voice",
            )
            .await
            .map(|r| (r, None))
        }
        ItemKind::Election => {
            let candidates: Vec<i64> = repo::candidates(db, &a)
                .await?
                .iter()
                .map(|c| c.id)
                .collect();
            let ticked = rules::check_ballot(&input.candidates, &candidates, it.seats.unwrap_or(0))
                .map_err(|m| ApiError::field("candidates", m))?;
            let receipt = random_token();
            batch(
                db,
                repo::ballot(db, key, voice, member, &receipt, &ticked)?.into(),
                "casting a ballot",
            )
            .await
            .map(|r| (r, Some(receipt)))
        }
        ItemKind::Information | ItemKind::Questions => {
            return Err(ApiError::Conflict(ApiMsg::ErrNotAVote))
        }
    };
    let (results, receipt) = match written {
        Ok(w) => w,
        Err(e) if crate::repo::is_unique_violation(&e) => {
            return Err(ApiError::Conflict(ApiMsg::ErrVoiceCast))
        }
        Err(e) => return Err(e),
    };
    if results.first().map(changes) != Some(1) {
        return Err(not_taken(db, id, item, member).await?);
    }
    Ok(VoteCast { receipt })
}

/// A closed election's ballots as published: receipts in their random order, the candidates named.
pub async fn ballots(
    db: &D1Database,
    id: i64,
    item: i64,
) -> Result<Vec<PublishedBallot>, ApiError> {
    let a = convened(db, id).await?;
    let items = repo::items(db, id).await?;
    if !items
        .iter()
        .any(|i| i.id == item && i.kind == ItemKind::Election)
    {
        return Err(ApiError::NotFound);
    }
    let names = names(db, &a).await?;
    Ok(repo::ballots(db, item)
        .await?
        .into_iter()
        .map(|b| PublishedBallot {
            receipt: b.receipt,
            candidates: b.choices.iter().map(|c| named(&names, *c)).collect(),
        })
        .collect())
}

// ------------------------------------------------------------------ after: the minutes, the board

/// The procès-verbal: attendance and proxies, the quorum, each question's result, who signs.
pub async fn minutes(db: &D1Database, id: i64) -> Result<rules::Minutes, ApiError> {
    let a = assembly(db, id).await?;
    let shown = view(db, &a).await?;
    let (q, voters, proxies) = quorum(db, &a).await?;
    let person = |id: i64, name: &str| Person {
        id,
        name: name.to_string(),
    };
    let inside = |intent: Intent| -> Vec<Person> {
        voters
            .iter()
            .filter(|v| v.checked_in && v.intent == Some(intent))
            .map(|v| person(v.id, &v.name))
            .collect()
    };
    let name_of = |id: i64| {
        voters
            .iter()
            .find(|v| v.id == id)
            .map(|v| v.name.clone())
            .unwrap_or_default()
    };
    let closing = repo::closing(db, id).await?.ok_or(ApiError::NotFound)?;
    Ok(rules::Minutes {
        quorum: q,
        present: inside(Intent::Present),
        remote: inside(Intent::Remote),
        proxies: proxies
            .iter()
            .filter(|p| !p.giver_in)
            .map(|p| rules::ProxyLine {
                giver: person(p.giver, &p.giver_name),
                holder: person(p.holder, &name_of(p.holder)),
            })
            .collect(),
        results: results(db, &a, &shown.items).await?,
        assembly: shown,
        chair: closing.chair,
        secretary: closing.secretary,
        closed_at: closing.closed_at,
    })
}

/// Close the assembly, its chair and secretary named: its election's elected become the board
/// (in the order of their voices; a tie for the last seats leaves them empty until decided), and
/// its day the last assembly's on the public pages.
pub async fn close_assembly(
    db: &D1Database,
    id: i64,
    input: &rules::CloseInput,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<rules::Minutes, ApiError> {
    let a = assembly(db, id).await?;
    let mut c = domain::accounts::Checker::default();
    let chair = c.check(
        "chair",
        domain::accounts::parse_required_text(&input.chair, 100),
    );
    let secretary = c.check(
        "secretary",
        domain::accounts::parse_required_text(&input.secretary, 100),
    );
    let (chair, secretary) = c
        .finish(|| Some((chair?, secretary?)))
        .map_err(ApiError::Validation)?;
    if a.status != AssemblyStatus::Convened || domain::paris::local_date(now) < a.start_local.date()
    {
        return Err(ApiError::Conflict(ApiMsg::ErrAssemblyNotOpenToClose));
    }
    let shown = view(db, &a).await?;
    let results = results(db, &a, &shown.items).await?;
    if results.iter().any(|r| r.status == VoteStatus::Open) {
        return Err(ApiError::Conflict(ApiMsg::ErrVoteStillOpen));
    }
    let elected: Vec<i64> = results
        .iter()
        .filter(|r| r.item.kind == ItemKind::Election && r.status == VoteStatus::Closed)
        .flat_map(|r| {
            r.candidates
                .iter()
                .filter(|c| c.elected)
                .map(|c| c.candidate.id)
        })
        .collect();
    let mut statements = repo::close(db, id, (&chair, &secretary), &elected, now)?;
    statements.insert(
        1,
        crate::repo::audit::record_after(
            db,
            now,
            caller,
            "assembly.close",
            "assembly",
            &id.to_string(),
            json!({ "elected": elected.len() }),
        )?,
    );
    let done = batch(db, statements, "closing the assembly").await?;
    if done.first().map(changes) != Some(1) {
        return Err(ApiError::Conflict(ApiMsg::ErrVoteStillOpen));
    }
    minutes(db, id).await
}

pub async fn board(db: &D1Database) -> Result<Vec<rules::BoardSeat>, ApiError> {
    Ok(repo::board(db)
        .await?
        .into_iter()
        .map(|r| rules::BoardSeat {
            id: r.id,
            name: r.name,
            role: r.role,
        })
        .collect())
}

/// The board gives one of its members a role (an officer's role leaves whoever held it).
pub async fn set_role(
    db: &D1Database,
    member: i64,
    input: &rules::RoleInput,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<Vec<rules::BoardSeat>, ApiError> {
    let role = rules::BoardRole::parse(input.role.trim())
        .ok_or_else(|| ApiError::field("role", ApiMsg::ErrBoardRole))?;
    if !board(db).await?.iter().any(|s| s.id == member) {
        return Err(ApiError::NotFound);
    }
    let [demote, set] = repo::set_role(db, member, role)?;
    batch(
        db,
        vec![
            demote,
            set,
            crate::repo::audit::record_after(
                db,
                now,
                caller,
                "board.role",
                "member",
                &member.to_string(),
                json!({ "role": role.as_str() }),
            )?,
        ],
        "giving a board role",
    )
    .await?;
    board(db).await
}
