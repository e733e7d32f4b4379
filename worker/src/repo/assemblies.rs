//! The general assembly: the assembly and its agenda, the voters (never stored: the adhérents on
//! its day, [`super::adherent_on`]), their answers and proxies. A proxy's rules hold in the
//! statement that writes it (a holder who gave theirs, a full holder, a giver who holds), so two
//! requests at once cannot both pass a check made before them.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use domain::assembly::{
    AssemblyKind, AssemblyStatus, Choice, Intent, ItemKind, Majority, ProxyStatus, ValidAssembly,
    VoteStatus,
};
use domain::Lang;
use serde::Deserialize;
use worker::wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use super::events::flag;
use super::{all, column, day, first, parse_date, parse_instant, parse_local, stmt, ts, DbResult};

fn int(v: i64) -> JsValue {
    JsValue::from_f64(v as f64)
}

fn local(t: NaiveDateTime) -> JsValue {
    JsValue::from_str(&t.format("%Y-%m-%dT%H:%M").to_string())
}

fn text(s: &str) -> JsValue {
    JsValue::from_str(s)
}

/// The voters of the assembly `a`: the adhérents on its day.
fn voters_of(a: &str) -> String {
    format!(
        "(SELECT COUNT(*) FROM members m WHERE {})",
        super::adherent_on("m", &format!("substr({a}.start_local, 1, 10)"))
    )
}

fn columns() -> String {
    format!(
        "SELECT a.id, a.kind, a.start_local, a.end_local, a.start_utc, a.end_utc, a.in_room, a.place, a.candidacy_until, \
         a.status, a.quorum_percent, a.proxies_per_member, a.remote_voting, a.notice_days, a.convened_at, {} AS voters \
         FROM assemblies a",
        voters_of("a")
    )
}

fn list_sql() -> String {
    format!("{} ORDER BY a.start_utc DESC, a.id DESC", columns())
}

fn by_id_sql() -> String {
    format!("{} WHERE a.id = ?1", columns())
}

/// The convened assemblies not over yet, soonest first (what a member is called to).
fn upcoming_sql() -> String {
    format!(
        "{} WHERE a.status = 'convened' AND a.end_utc > ?1 ORDER BY a.start_utc, a.id",
        columns()
    )
}

const INSERT: &str = "INSERT INTO assemblies (kind, start_local, end_local, start_utc, end_utc, in_room, place, candidacy_until, \
     quorum_percent, proxies_per_member, remote_voting, notice_days, created_by, op_nonce) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
const INSERT_ITEM: &str = "INSERT INTO assembly_items (assembly_id, position, kind, title_fr, title_en, body_fr, body_en, majority, seats) \
     SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM assemblies WHERE op_nonce = ?1";
/// Holds the meeting room for the assembly made by the batch holding `?1`, unless something
/// holds it then (the batch's `held` check then aborts it all).
const HOLD_ROOM: &str = "INSERT INTO bookings (resource_id, kind, assembly_id, day, start_local, end_local, start_utc, end_utc, minutes, week, reason, booked_by) \
     SELECT r.id, 'block', a.id, substr(a.start_local, 1, 10), a.start_local, a.end_local, a.start_utc, a.end_utc, \
            CAST(round((julianday(a.end_utc) - julianday(a.start_utc)) * 1440) AS INTEGER), '', 'Assemblée générale', ?2 \
     FROM assemblies a JOIN resources r ON r.kind = 'room' AND r.active = 1 \
     WHERE a.op_nonce = ?1 AND a.in_room = 1 \
     AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.resource_id = r.id AND b.status = 'confirmed' \
                     AND b.start_utc < a.end_utc AND b.end_utc > a.start_utc) \
     LIMIT 1";
const AUDIT_CREATED: &str =
    "INSERT INTO audit_log (at, actor_id, actor_label, action, target_type, target_id, details) \
     SELECT ?1, ?2, ?3, 'assembly.create', 'assembly', CAST(id AS TEXT), ?4 FROM assemblies WHERE op_nonce = ?5";
const BY_NONCE: &str = "SELECT id FROM assemblies WHERE op_nonce = ?1";
const ITEMS: &str =
    "SELECT id, position, kind, title_fr, title_en, body_fr, body_en, majority, seats \
     FROM assembly_items WHERE assembly_id = ?1 ORDER BY position";
const CONVENE: &str = "UPDATE assemblies SET status = 'convened', convened_at = ?2 WHERE id = ?1 AND status = 'draft'";

fn voters_sql() -> String {
    format!(
        "SELECT m.id, m.email, m.name, m.lang FROM members m WHERE {} ORDER BY m.id",
        super::adherent_on("m", "?1")
    )
}

/// Whether the member `?1` may vote on the day `?2`, and what their fee and role are.
fn standing_sql() -> String {
    format!(
        "SELECT m.role, m.membership_until, {} AS voter FROM members m WHERE m.id = ?1",
        super::adherent_on("m", "?2")
    )
}

const ANSWERS: &str = "SELECT aa.member_id, m.name, aa.intent, aa.proxy_to, h.name AS holder_name, aa.proxy_status, aa.candidate, \
     aa.checked_in_at IS NOT NULL AS checked_in \
     FROM assembly_answers aa JOIN members m ON m.id = aa.member_id LEFT JOIN members h ON h.id = aa.proxy_to \
     WHERE aa.assembly_id = ?1 ORDER BY m.name, m.id";
const OFFERS: &str = "SELECT aa.member_id, m.name, aa.proxy_status FROM assembly_answers aa JOIN members m ON m.id = aa.member_id \
     WHERE aa.assembly_id = ?1 AND aa.proxy_to = ?2 ORDER BY aa.answered_at, aa.member_id";

/// The voters on the day `?2` other than `?3` who can hold a proxy: not giving theirs, and
/// holding fewer than `?4`.
fn can_hold_sql() -> String {
    format!(
        "SELECT m.id, m.name FROM members m WHERE {} AND m.id <> ?3 \
         AND NOT EXISTS (SELECT 1 FROM assembly_answers g WHERE g.assembly_id = ?1 AND g.member_id = m.id AND g.intent = 'proxy') \
         AND (SELECT COUNT(*) FROM assembly_answers h WHERE h.assembly_id = ?1 AND h.proxy_to = m.id AND h.proxy_status = 'accepted') < ?4 \
         ORDER BY m.name, m.id",
        super::adherent_on("m", "?2")
    )
}

/// Who stands for the board: candidates still voters on the day `?2`.
fn candidates_sql() -> String {
    format!(
        "SELECT m.id, m.name FROM assembly_answers aa JOIN members m ON m.id = aa.member_id \
         WHERE aa.assembly_id = ?1 AND aa.candidate = 1 AND {} ORDER BY m.name, m.id",
        super::adherent_on("m", "?2")
    )
}

const PROXY_STATE: &str = "SELECT \
     EXISTS (SELECT 1 FROM assembly_answers WHERE assembly_id = ?1 AND member_id = ?2 AND intent = 'proxy') AS gave, \
     (SELECT COUNT(*) FROM assembly_answers WHERE assembly_id = ?1 AND proxy_to = ?2 AND proxy_status = 'accepted') AS holds";

/// Coming or following from afar: any proxy the voter had asked is withdrawn.
const ANSWER: &str = "INSERT INTO assembly_answers (assembly_id, member_id, intent, answered_at) VALUES (?1, ?2, ?3, ?4) \
     ON CONFLICT (assembly_id, member_id) DO UPDATE SET intent = excluded.intent, proxy_to = NULL, proxy_status = NULL, \
     answered_at = excluded.answered_at";
/// Giving one's proxy to `?3`: only if the giver holds none, the holder gave none and holds fewer
/// than `?5` (the statutes' cap). The same holder again keeps their answer.
const GIVE_PROXY: &str = "INSERT INTO assembly_answers (assembly_id, member_id, intent, proxy_to, proxy_status, answered_at) \
     SELECT ?1, ?2, 'proxy', ?3, 'asked', ?4 \
     WHERE NOT EXISTS (SELECT 1 FROM assembly_answers WHERE assembly_id = ?1 AND proxy_to = ?2 AND proxy_status = 'accepted') \
     AND NOT EXISTS (SELECT 1 FROM assembly_answers WHERE assembly_id = ?1 AND member_id = ?3 AND intent = 'proxy') \
     AND (SELECT COUNT(*) FROM assembly_answers WHERE assembly_id = ?1 AND proxy_to = ?3 AND proxy_status = 'accepted' AND member_id <> ?2) < ?5 \
     ON CONFLICT (assembly_id, member_id) DO UPDATE SET intent = 'proxy', \
     proxy_status = CASE WHEN proxy_to IS excluded.proxy_to THEN proxy_status ELSE 'asked' END, \
     proxy_to = excluded.proxy_to, answered_at = excluded.answered_at";
/// The holder `?3` accepts the proxy of `?2`: only if still asked of them, they gave none of
/// their own and hold fewer than `?4`.
const ACCEPT: &str = "UPDATE assembly_answers SET proxy_status = 'accepted' \
     WHERE assembly_id = ?1 AND member_id = ?2 AND proxy_to = ?3 AND proxy_status = 'asked' \
     AND NOT EXISTS (SELECT 1 FROM assembly_answers WHERE assembly_id = ?1 AND member_id = ?3 AND intent = 'proxy') \
     AND (SELECT COUNT(*) FROM assembly_answers WHERE assembly_id = ?1 AND proxy_to = ?3 AND proxy_status = 'accepted') < ?4";
const REFUSE: &str = "UPDATE assembly_answers SET proxy_status = 'refused' \
     WHERE assembly_id = ?1 AND member_id = ?2 AND proxy_to = ?3 AND proxy_status IN ('asked', 'accepted')";
const STAND: &str = "INSERT INTO assembly_answers (assembly_id, member_id, candidate, answered_at) VALUES (?1, ?2, ?3, ?4) \
     ON CONFLICT (assembly_id, member_id) DO UPDATE SET candidate = excluded.candidate";

column!(fn kind: AssemblyKind = "assemblies.kind", AssemblyKind::parse);
column!(fn status: AssemblyStatus = "assemblies.status", AssemblyStatus::parse);
column!(fn local_time: NaiveDateTime = "assemblies.start_local/end_local", parse_local);
column!(fn instant: DateTime<Utc> = "assemblies.*_utc", parse_instant);
column!(fn date: NaiveDate = "assemblies.candidacy_until", parse_date);
column!(fn number: number u32 = "assemblies (a count)");
column!(fn item_kind: ItemKind = "assembly_items.kind", ItemKind::parse);
column!(fn majority: Option<Majority> = "assembly_items.majority", Majority::parse);
column!(fn position: number u32 = "assembly_items.position");
column!(fn intent: Option<Intent> = "assembly_answers.intent", Intent::parse);
column!(fn proxy_status: Option<ProxyStatus> = "assembly_answers.proxy_status", ProxyStatus::parse);
column!(fn offer_status: ProxyStatus = "assembly_answers.proxy_status", ProxyStatus::parse);
column!(fn lang: Lang = "members.lang", Lang::parse);
column!(fn until: Option<NaiveDate> = "members.membership_until", parse_date);

#[derive(Deserialize, Clone)]
pub struct AssemblyRow {
    pub id: i64,
    #[serde(deserialize_with = "kind")]
    pub kind: AssemblyKind,
    #[serde(deserialize_with = "local_time")]
    pub start_local: NaiveDateTime,
    #[serde(deserialize_with = "local_time")]
    pub end_local: NaiveDateTime,
    #[serde(deserialize_with = "instant")]
    pub start_utc: DateTime<Utc>,
    #[serde(deserialize_with = "flag")]
    pub in_room: bool,
    pub place: String,
    #[serde(deserialize_with = "date")]
    pub candidacy_until: NaiveDate,
    #[serde(deserialize_with = "status")]
    pub status: AssemblyStatus,
    #[serde(deserialize_with = "number")]
    pub quorum_percent: u32,
    #[serde(deserialize_with = "number")]
    pub proxies_per_member: u32,
    #[serde(deserialize_with = "flag")]
    pub remote_voting: bool,
    #[serde(deserialize_with = "number")]
    pub notice_days: u32,
    pub convened_at: Option<String>,
    #[serde(deserialize_with = "number")]
    pub voters: u32,
}

#[derive(Deserialize)]
pub struct ItemRow {
    pub id: i64,
    #[serde(deserialize_with = "position")]
    pub position: u32,
    #[serde(deserialize_with = "item_kind")]
    pub kind: ItemKind,
    pub title_fr: String,
    pub title_en: String,
    pub body_fr: String,
    pub body_en: String,
    #[serde(deserialize_with = "majority")]
    pub majority: Option<Majority>,
    pub seats: Option<u32>,
}

#[derive(Deserialize)]
pub struct VoterRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    #[serde(deserialize_with = "lang")]
    pub lang: Lang,
}

#[derive(Deserialize)]
pub struct StandingRow {
    pub role: String,
    #[serde(deserialize_with = "until")]
    pub membership_until: Option<NaiveDate>,
    #[serde(deserialize_with = "flag")]
    pub voter: bool,
}

#[derive(Deserialize)]
pub struct AnswerRow {
    pub member_id: i64,
    pub name: String,
    #[serde(deserialize_with = "intent")]
    pub intent: Option<Intent>,
    pub proxy_to: Option<i64>,
    pub holder_name: Option<String>,
    #[serde(deserialize_with = "proxy_status")]
    pub proxy_status: Option<ProxyStatus>,
    #[serde(deserialize_with = "flag")]
    pub candidate: bool,
    #[serde(deserialize_with = "flag")]
    pub checked_in: bool,
}

#[derive(Deserialize)]
pub struct OfferRow {
    pub member_id: i64,
    pub name: String,
    #[serde(deserialize_with = "offer_status")]
    pub proxy_status: ProxyStatus,
}

#[derive(Deserialize)]
pub struct PersonRow {
    pub id: i64,
    pub name: String,
}

#[derive(Deserialize)]
pub struct ProxyStateRow {
    #[serde(deserialize_with = "flag")]
    pub gave: bool,
    #[serde(deserialize_with = "number")]
    pub holds: u32,
}

#[derive(Deserialize)]
struct IdRow {
    id: i64,
}

pub async fn list(db: &D1Database) -> DbResult<Vec<AssemblyRow>> {
    all(db.prepare(list_sql()), "the assemblies").await
}

pub async fn by_id(db: &D1Database, id: i64) -> DbResult<Option<AssemblyRow>> {
    first(stmt(db, &by_id_sql(), &[int(id)])?, "the assembly").await
}

pub async fn upcoming(db: &D1Database, now: DateTime<Utc>) -> DbResult<Vec<AssemblyRow>> {
    all(
        stmt(db, &upcoming_sql(), &[ts(now).into()])?,
        "the convened assemblies",
    )
    .await
}

pub async fn items(db: &D1Database, id: i64) -> DbResult<Vec<ItemRow>> {
    all(stmt(db, ITEMS, &[int(id)])?, "the assembly's agenda").await
}

pub async fn by_nonce(db: &D1Database, nonce: &str) -> DbResult<Option<i64>> {
    let row: Option<IdRow> = first(stmt(db, BY_NONCE, &[text(nonce)])?, "the new assembly").await?;
    Ok(row.map(|r| r.id))
}

/// The statements that store a prepared assembly (named by `nonce`), its agenda, its room hold
/// (or the batch aborts) and its audit entry: one batch.
pub fn create(
    db: &D1Database,
    a: &ValidAssembly,
    statutes: &domain::assembly::Statutes,
    actor: i64,
    audit: (&str, DateTime<Utc>),
    nonce: &str,
) -> DbResult<Vec<D1PreparedStatement>> {
    let mut out = vec![stmt(
        db,
        INSERT,
        &[
            text(a.kind.as_str()),
            local(a.starts),
            local(a.ends),
            ts(a.starts_utc).into(),
            ts(a.ends_utc).into(),
            int(i64::from(a.in_room)),
            text(&a.place),
            day(a.candidacy_until),
            int(i64::from(statutes.quorum_percent)),
            int(i64::from(statutes.proxies_per_member)),
            int(i64::from(statutes.remote_voting)),
            int(i64::from(statutes.notice_days)),
            int(actor),
            text(nonce),
        ],
    )?];
    for (i, item) in a.items.iter().enumerate() {
        out.push(stmt(
            db,
            INSERT_ITEM,
            &[
                text(nonce),
                int(i as i64 + 1),
                text(item.kind.as_str()),
                text(&item.title.fr),
                text(&item.title.en),
                text(&item.body.fr),
                text(&item.body.en),
                item.majority
                    .map(|m| text(m.as_str()))
                    .unwrap_or(JsValue::NULL),
                item.seats
                    .map(|n| int(i64::from(n)))
                    .unwrap_or(JsValue::NULL),
            ],
        )?);
    }
    out.push(stmt(db, HOLD_ROOM, &[text(nonce), int(actor)])?);
    out.push(super::versioned::held(db, a.in_room)?);
    let (label, now) = audit;
    out.push(stmt(
        db,
        AUDIT_CREATED,
        &[
            ts(now).into(),
            int(actor),
            text(label),
            text(&serde_json::json!({ "starts_at": local_text(a.starts) }).to_string()),
            text(nonce),
        ],
    )?);
    Ok(out)
}

fn local_text(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

/// The statement that marks it convened (only a draft; `changes()` says whether it was).
pub fn convene(db: &D1Database, id: i64, now: DateTime<Utc>) -> DbResult<D1PreparedStatement> {
    stmt(db, CONVENE, &[int(id), ts(now).into()])
}

/// The voters on `held_on`, with what their convocation needs.
pub async fn voters(db: &D1Database, held_on: NaiveDate) -> DbResult<Vec<VoterRow>> {
    all(stmt(db, &voters_sql(), &[day(held_on)])?, "the voters").await
}

pub async fn standing(
    db: &D1Database,
    member: i64,
    held_on: NaiveDate,
) -> DbResult<Option<StandingRow>> {
    first(
        stmt(db, &standing_sql(), &[int(member), day(held_on)])?,
        "the member's standing",
    )
    .await
}

pub async fn answers(db: &D1Database, id: i64) -> DbResult<Vec<AnswerRow>> {
    all(stmt(db, ANSWERS, &[int(id)])?, "the voters' answers").await
}

pub async fn offers(db: &D1Database, id: i64, holder: i64) -> DbResult<Vec<OfferRow>> {
    all(
        stmt(db, OFFERS, &[int(id), int(holder)])?,
        "the proxies asked",
    )
    .await
}

pub async fn can_hold(db: &D1Database, a: &AssemblyRow, member: i64) -> DbResult<Vec<PersonRow>> {
    all(
        stmt(
            db,
            &can_hold_sql(),
            &[
                int(a.id),
                day(a.start_local.date()),
                int(member),
                int(i64::from(a.proxies_per_member)),
            ],
        )?,
        "who can hold a proxy",
    )
    .await
}

pub async fn candidates(db: &D1Database, a: &AssemblyRow) -> DbResult<Vec<PersonRow>> {
    all(
        stmt(
            db,
            &candidates_sql(),
            &[int(a.id), day(a.start_local.date())],
        )?,
        "the candidates",
    )
    .await
}

pub async fn proxy_state(db: &D1Database, id: i64, member: i64) -> DbResult<ProxyStateRow> {
    first(
        stmt(db, PROXY_STATE, &[int(id), int(member)])?,
        "a voter's proxies",
    )
    .await?
    .ok_or_else(|| crate::error::ApiError::Internal("a voter's proxies: no row".into()))
}

/// Come or follow from afar (a proxy asked before is withdrawn); changes one row.
pub fn answer(
    db: &D1Database,
    id: i64,
    member: i64,
    intent: Intent,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        ANSWER,
        &[int(id), int(member), text(intent.as_str()), ts(now).into()],
    )
}

/// Give one's proxy to `holder`; changes no row when a proxy rule refuses it.
pub fn give_proxy(
    db: &D1Database,
    id: i64,
    giver: i64,
    holder: i64,
    max: u32,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        GIVE_PROXY,
        &[
            int(id),
            int(giver),
            int(holder),
            ts(now).into(),
            int(i64::from(max)),
        ],
    )
}

/// `holder` accepts `giver`'s proxy; changes no row when it is no longer asked or a rule refuses.
pub fn accept(
    db: &D1Database,
    id: i64,
    giver: i64,
    holder: i64,
    max: u32,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        ACCEPT,
        &[int(id), int(giver), int(holder), int(i64::from(max))],
    )
}

pub fn refuse(db: &D1Database, id: i64, giver: i64, holder: i64) -> DbResult<D1PreparedStatement> {
    stmt(db, REFUSE, &[int(id), int(giver), int(holder)])
}

pub fn stand(
    db: &D1Database,
    id: i64,
    member: i64,
    stand: bool,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        STAND,
        &[int(id), int(member), int(i64::from(stand)), ts(now).into()],
    )
}

// ------------------------------------------------------------------ on the day

/// Who is in and what they carry: each voter on the day `?2` with their answer and check-in.
fn door_sql() -> String {
    format!(
        "SELECT m.id, m.name, aa.intent, aa.checked_in_at IS NOT NULL AS checked_in \
         FROM members m LEFT JOIN assembly_answers aa ON aa.assembly_id = ?1 AND aa.member_id = m.id \
         WHERE {} ORDER BY m.name, m.id",
        super::adherent_on("m", "?2")
    )
}
/// The accepted proxies of an assembly: giver, holder.
const PROXIES: &str = "SELECT aa.member_id AS giver, g.name AS giver_name, aa.proxy_to AS holder, aa.checked_in_at IS NOT NULL AS giver_in \
     FROM assembly_answers aa JOIN members g ON g.id = aa.member_id \
     WHERE aa.assembly_id = ?1 AND aa.proxy_status = 'accepted' ORDER BY g.name, g.id";
/// In at the door: a giver who comes takes their voice back (their proxy lapses).
const CHECK_IN: &str = "INSERT INTO assembly_answers (assembly_id, member_id, intent, checked_in_at, answered_at) VALUES (?1, ?2, 'present', ?3, ?3) \
     ON CONFLICT (assembly_id, member_id) DO UPDATE SET checked_in_at = excluded.checked_in_at, \
     intent = CASE WHEN intent = 'remote' THEN 'remote' ELSE 'present' END, proxy_to = NULL, proxy_status = NULL";
const CHECK_OUT: &str =
    "UPDATE assembly_answers SET checked_in_at = NULL WHERE assembly_id = ?1 AND member_id = ?2";
/// A voter who follows from afar says they are there (only when they answered so).
const JOIN: &str = "UPDATE assembly_answers SET checked_in_at = ?3 WHERE assembly_id = ?1 AND member_id = ?2 AND intent = 'remote' AND checked_in_at IS NULL";

const ITEM_STATES: &str =
    "SELECT id, vote_status FROM assembly_items WHERE assembly_id = ?1 ORDER BY position";
const OPEN_VOTE: &str = "UPDATE assembly_items SET vote_status = 'open', opened_at = ?3 \
     WHERE id = ?2 AND assembly_id = ?1 AND vote_status = 'pending' AND kind IN ('resolution', 'election') \
     AND NOT EXISTS (SELECT 1 FROM assembly_items o WHERE o.assembly_id = ?1 AND o.vote_status = 'open')";
const CLOSE_VOTE: &str = "UPDATE assembly_items SET vote_status = 'closed', closed_at = ?3 WHERE id = ?2 AND assembly_id = ?1 AND vote_status = 'open'";

/// The conditions for `?3` to cast the voice of `?2` on the open item `?1` of assembly `?5`:
/// the caller is in; their own voice unless they gave it (accepted), or the voice of a giver whose
/// accepted proxy they hold and who is not in.
const MAY_CAST: &str = "EXISTS (SELECT 1 FROM assembly_items i WHERE i.id = ?1 AND i.assembly_id = ?5 AND i.vote_status = 'open' AND i.kind = ?6) \
     AND EXISTS (SELECT 1 FROM assembly_answers c WHERE c.assembly_id = ?5 AND c.member_id = ?3 AND c.checked_in_at IS NOT NULL) \
     AND ((?2 = ?3 AND NOT EXISTS (SELECT 1 FROM assembly_answers g WHERE g.assembly_id = ?5 AND g.member_id = ?3 AND g.proxy_status = 'accepted')) \
       OR (?2 <> ?3 AND EXISTS (SELECT 1 FROM assembly_answers g WHERE g.assembly_id = ?5 AND g.member_id = ?2 AND g.proxy_to = ?3 \
                                AND g.proxy_status = 'accepted' AND g.checked_in_at IS NULL)))";

fn vote_sql() -> String {
    format!("INSERT INTO assembly_votes (item_id, voice_of, cast_by, choice) SELECT ?1, ?2, ?3, ?4 WHERE {MAY_CAST}")
}
fn ballot_voice_sql() -> String {
    format!("INSERT INTO assembly_ballot_voices (item_id, voice_of) SELECT ?1, ?2 WHERE {MAY_CAST}")
}
/// The ballot, only if the voice was just recorded (the statement before it in the batch).
const BALLOT: &str = "INSERT INTO assembly_ballots (item_id, receipt, choices) SELECT ?1, ?2, ?3 WHERE changes() = 1";

/// The voices cast on each question of an assembly, by choice (a ballot's voices have none).
const TALLIES: &str = "SELECT i.id AS item_id, \
     (SELECT COUNT(*) FROM assembly_votes v WHERE v.item_id = i.id AND v.choice = 'yes') AS yes, \
     (SELECT COUNT(*) FROM assembly_votes v WHERE v.item_id = i.id AND v.choice = 'no') AS no, \
     (SELECT COUNT(*) FROM assembly_votes v WHERE v.item_id = i.id AND v.choice = 'abstain') AS abstain, \
     (SELECT COUNT(*) FROM assembly_ballot_voices b WHERE b.item_id = i.id) AS ballots \
     FROM assembly_items i WHERE i.assembly_id = ?1";
/// The ballots of a closed election, in receipt order (random: it says nothing of who voted when).
const BALLOTS: &str = "SELECT b.receipt, b.choices FROM assembly_ballots b JOIN assembly_items i ON i.id = b.item_id \
     WHERE b.item_id = ?1 AND i.vote_status = 'closed' ORDER BY b.receipt";
/// The voices cast on the item `?1` (who, never what: a ballot's voice has no choice).
const VOICES_CAST: &str = "SELECT voice_of FROM assembly_votes WHERE item_id = ?1 \
     UNION SELECT voice_of FROM assembly_ballot_voices WHERE item_id = ?1";

column!(fn vote_status: VoteStatus = "assembly_items.vote_status", VoteStatus::parse);

#[derive(Deserialize)]
pub struct DoorRow {
    pub id: i64,
    pub name: String,
    #[serde(deserialize_with = "intent")]
    pub intent: Option<Intent>,
    #[serde(deserialize_with = "flag")]
    pub checked_in: bool,
}

#[derive(Deserialize)]
pub struct ProxyRow {
    pub giver: i64,
    pub giver_name: String,
    pub holder: i64,
    #[serde(deserialize_with = "flag")]
    pub giver_in: bool,
}

#[derive(Deserialize)]
pub struct ItemStateRow {
    pub id: i64,
    #[serde(deserialize_with = "vote_status")]
    pub vote_status: VoteStatus,
}

#[derive(Deserialize)]
pub struct TallyRow {
    pub item_id: i64,
    #[serde(deserialize_with = "number")]
    pub yes: u32,
    #[serde(deserialize_with = "number")]
    pub no: u32,
    #[serde(deserialize_with = "number")]
    pub abstain: u32,
    #[serde(deserialize_with = "number")]
    pub ballots: u32,
}

#[derive(Deserialize)]
pub struct BallotRow {
    pub receipt: String,
    #[serde(deserialize_with = "choices")]
    pub choices: Vec<i64>,
}

fn choices<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<i64>, D::Error> {
    let s = String::deserialize(d)?;
    serde_json::from_str(&s)
        .map_err(|_| serde::de::Error::custom(super::unknown("assembly_ballots.choices", &s)))
}

#[derive(Deserialize)]
struct VoiceRow {
    voice_of: i64,
}

pub async fn door(db: &D1Database, a: &AssemblyRow) -> DbResult<Vec<DoorRow>> {
    all(
        stmt(db, &door_sql(), &[int(a.id), day(a.start_local.date())])?,
        "the voters at the door",
    )
    .await
}

pub async fn proxies(db: &D1Database, id: i64) -> DbResult<Vec<ProxyRow>> {
    all(stmt(db, PROXIES, &[int(id)])?, "the proxies accepted").await
}

pub fn check_in(
    db: &D1Database,
    id: i64,
    member: i64,
    present: bool,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    if present {
        stmt(db, CHECK_IN, &[int(id), int(member), ts(now).into()])
    } else {
        stmt(db, CHECK_OUT, &[int(id), int(member)])
    }
}

pub fn join(
    db: &D1Database,
    id: i64,
    member: i64,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(db, JOIN, &[int(id), int(member), ts(now).into()])
}

pub async fn item_states(db: &D1Database, id: i64) -> DbResult<Vec<ItemStateRow>> {
    all(stmt(db, ITEM_STATES, &[int(id)])?, "the votes' states").await
}

pub fn open_vote(
    db: &D1Database,
    id: i64,
    item: i64,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(db, OPEN_VOTE, &[int(id), int(item), ts(now).into()])
}

pub fn close_vote(
    db: &D1Database,
    id: i64,
    item: i64,
    now: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    stmt(db, CLOSE_VOTE, &[int(id), int(item), ts(now).into()])
}

/// One voice on a resolution; changes no row when the caller may not cast it now.
pub fn vote(
    db: &D1Database,
    (id, item): (i64, i64),
    voice_of: i64,
    caller: i64,
    choice: Choice,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        &vote_sql(),
        &[
            int(item),
            int(voice_of),
            int(caller),
            text(choice.as_str()),
            int(id),
            text("resolution"),
        ],
    )
}

/// One ballot of the election: who voted, then what, the second only if the first was written.
pub fn ballot(
    db: &D1Database,
    (id, item): (i64, i64),
    voice_of: i64,
    caller: i64,
    receipt: &str,
    choices: &[i64],
) -> DbResult<[D1PreparedStatement; 2]> {
    let choices = serde_json::json!(choices).to_string();
    Ok([
        stmt(
            db,
            &ballot_voice_sql(),
            // `?4` (a resolution's choice) is not read here.
            &[
                int(item),
                int(voice_of),
                int(caller),
                text(""),
                int(id),
                text("election"),
            ],
        )?,
        stmt(db, BALLOT, &[int(item), text(receipt), text(&choices)])?,
    ])
}

pub async fn tallies(db: &D1Database, id: i64) -> DbResult<Vec<TallyRow>> {
    all(stmt(db, TALLIES, &[int(id)])?, "the votes' counts").await
}

pub async fn ballots(db: &D1Database, item: i64) -> DbResult<Vec<BallotRow>> {
    all(stmt(db, BALLOTS, &[int(item)])?, "the ballots").await
}

pub async fn voices_cast(db: &D1Database, item: i64) -> DbResult<Vec<i64>> {
    let rows: Vec<VoiceRow> = all(stmt(db, VOICES_CAST, &[int(item)])?, "the voices cast").await?;
    Ok(rows.into_iter().map(|r| r.voice_of).collect())
}

// ------------------------------------------------------------------ after: closing, the board

/// Closes a convened assembly with no vote open; the statements after it act only if it did
/// (its `closed_at` is this request's instant).
const CLOSE: &str =
    "UPDATE assemblies SET status = 'closed', closed_at = ?2, chair = ?3, secretary = ?4 \
     WHERE id = ?1 AND status = 'convened' \
     AND NOT EXISTS (SELECT 1 FROM assembly_items WHERE assembly_id = ?1 AND vote_status = 'open')";
const CLOSED_NOW: &str = "EXISTS (SELECT 1 FROM assemblies WHERE id = ?1 AND closed_at = ?2)";
fn clear_board_sql() -> String {
    format!("DELETE FROM board_members WHERE {CLOSED_NOW}")
}
fn seat_sql() -> String {
    format!(
        "INSERT INTO board_members (name, role_fr, role_en, sort, member_id, assembly_id, role) \
         SELECT m.name, ?4, ?5, ?6, m.id, ?1, 'member' FROM members m WHERE m.id = ?3 AND {CLOSED_NOW}"
    )
}
fn assembly_date_sql() -> String {
    format!("UPDATE settings SET value = json_quote(substr((SELECT start_local FROM assemblies WHERE id = ?1), 1, 10)) \
             WHERE key = 'general_assembly_date' AND {CLOSED_NOW}")
}
const CLOSING: &str = "SELECT chair, secretary, closed_at FROM assemblies WHERE id = ?1";
const BOARD: &str = "SELECT member_id AS id, name, role FROM board_members WHERE member_id IS NOT NULL ORDER BY sort, name";
/// Only one holder of an officer's role: whoever had it becomes a board member again.
const DEMOTE: &str =
    "UPDATE board_members SET role = 'member', role_fr = ?2, role_en = ?3, sort = ?4 \
     WHERE role = ?1 AND role <> 'member' AND member_id <> ?5";
const SET_ROLE: &str = "UPDATE board_members SET role = ?2, role_fr = ?3, role_en = ?4, sort = ?5 WHERE member_id = ?1";

column!(fn board_role: domain::assembly::BoardRole = "board_members.role", domain::assembly::BoardRole::parse);

#[derive(Deserialize)]
pub struct ClosingRow {
    pub chair: String,
    pub secretary: String,
    pub closed_at: Option<String>,
}

#[derive(Deserialize)]
pub struct SeatRow {
    pub id: i64,
    pub name: String,
    #[serde(deserialize_with = "board_role")]
    pub role: domain::assembly::BoardRole,
}

/// The statements that close the assembly and, when its election elected someone, make them the
/// board (in the order of their voices) and its date the last assembly's: one batch.
pub fn close(
    db: &D1Database,
    id: i64,
    (chair, secretary): (&str, &str),
    elected: &[i64],
    now: DateTime<Utc>,
) -> DbResult<Vec<D1PreparedStatement>> {
    let at = ts(now);
    let mut out = vec![stmt(
        db,
        CLOSE,
        &[int(id), text(&at), text(chair), text(secretary)],
    )?];
    if !elected.is_empty() {
        out.push(stmt(db, &clear_board_sql(), &[int(id), text(&at)])?);
        let words = domain::assembly::BoardRole::Member.words();
        for (i, m) in elected.iter().enumerate() {
            out.push(stmt(
                db,
                &seat_sql(),
                &[
                    int(id),
                    text(&at),
                    int(*m),
                    text(words.fr),
                    text(words.en),
                    int(500 + i as i64),
                ],
            )?);
        }
    }
    out.push(stmt(db, &assembly_date_sql(), &[int(id), text(&at)])?);
    Ok(out)
}

pub async fn closing(db: &D1Database, id: i64) -> DbResult<Option<ClosingRow>> {
    first(stmt(db, CLOSING, &[int(id)])?, "the assembly's closing").await
}

pub async fn board(db: &D1Database) -> DbResult<Vec<SeatRow>> {
    all(db.prepare(BOARD), "the board").await
}

/// Give `member` the `role` (an officer's role leaves whoever held it).
pub fn set_role(
    db: &D1Database,
    member: i64,
    role: domain::assembly::BoardRole,
) -> DbResult<[D1PreparedStatement; 2]> {
    use domain::assembly::BoardRole;
    let member_words = BoardRole::Member.words();
    let words = role.words();
    Ok([
        stmt(
            db,
            DEMOTE,
            &[
                text(role.as_str()),
                text(member_words.fr),
                text(member_words.en),
                int(i64::from(BoardRole::Member.rank()) * 100),
                int(member),
            ],
        )?,
        stmt(
            db,
            SET_ROLE,
            &[
                int(member),
                text(role.as_str()),
                text(words.fr),
                text(words.en),
                int(i64::from(role.rank()) * 100),
            ],
        )?,
    ])
}
