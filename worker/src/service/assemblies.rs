//! The general assembly: staff prepare it and convene every voter; each voter answers on their
//! private page (I come, I follow from afar, I give my proxy), holders accept or refuse the proxies
//! asked of them, members stand for the board. The rules are `domain::assembly`'s; the writes
//! carry them in their own `WHERE` (see `repo::assemblies`), and a write that changed nothing is
//! explained by reading again and asking the rules why.

use chrono::{DateTime, Utc};
use domain::assembly::{
    self as rules, AnswerInput, AssemblyStatus, AssemblyView, Intent, ItemView, MyAssembly,
    MyAssemblyCard, NoVote, Person, ProxyOffer, ProxyState, ProxyStatus, StaffAssembly, Statutes,
    VoterAnswer,
};
use domain::i18n::{format_date_long, Localized};
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
    let person = |r: repo::PersonRow| Person {
        id: r.id,
        name: r.name,
    };
    Ok(MyAssembly {
        answers_open: a.status == AssemblyStatus::Convened && now < a.start_utc,
        candidacy_open: a.status == AssemblyStatus::Convened
            && domain::paris::local_date(now) <= a.candidacy_until
            && has_election(db, id).await?,
        assembly: view(db, &a).await?,
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
    })
}

async fn has_election(db: &D1Database, id: i64) -> Result<bool, ApiError> {
    Ok(repo::items(db, id)
        .await?
        .iter()
        .any(|i| i.kind == rules::ItemKind::Election))
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
    if !has_election(db, id).await? {
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
