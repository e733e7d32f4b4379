//! The general assembly's rules, as the statutes set them: the notice of the convocation, proxies,
//! the quorum, each resolution's majority, and the board's election. Pure rules over counts: the
//! worker reads the counts from D1 and asks (issue 40; this module is its first slice, the routes
//! and pages come next).

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use wire_json::{Codes, FromJson, ToJson};

use crate::accounts::{parse_day, parse_required_text, parse_text, Checker, FieldErrors};
use crate::events::local_field;
use crate::i18n::Localized;
use crate::time::LocalDateTime;
use crate::ApiMsg;

/// The shortest and the longest notice the statutes allow, in days: 15 days to a month.
pub const NOTICE_DAYS: std::ops::RangeInclusive<u32> = 15..=31;

/// What the statutes say of an assembly, as settings staff keep (`assembly_statutes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Statutes {
    /// The share of the voters, in percent, who must be present or represented for a vote to open
    /// (0: no quorum).
    pub quorum_percent: u32,
    /// How many proxies one voter may hold.
    pub proxies_per_member: u32,
    /// Whether a voter may follow and vote from afar.
    pub remote_voting: bool,
    /// How many days before the assembly the convocation leaves, at the latest.
    pub notice_days: u32,
}

/// Why statutes cannot be kept as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatutesError {
    /// Not the setting's JSON.
    Shape,
    /// Above 100 %.
    QuorumOver100,
    /// Outside 15 days to a month.
    Notice,
    /// More proxies per voter than [`MAX_PROXIES`].
    Proxies,
}

impl StatutesError {
    pub fn msg(self) -> ApiMsg {
        match self {
            StatutesError::Shape => ApiMsg::SettingShape,
            StatutesError::QuorumOver100 => ApiMsg::AssemblyQuorumRange,
            StatutesError::Notice => ApiMsg::AssemblyNoticeRange,
            StatutesError::Proxies => ApiMsg::AssemblyProxiesRange,
        }
    }
}

/// The most proxies statutes may let one voter hold.
pub const MAX_PROXIES: u32 = 10;

impl Statutes {
    /// The setting as stored: JSON, then checked.
    pub fn parse_json(json: &str) -> Result<Statutes, StatutesError> {
        let s: Statutes = serde_json::from_str(json).map_err(|_| StatutesError::Shape)?;
        s.check()?;
        Ok(s)
    }

    pub fn check(&self) -> Result<(), StatutesError> {
        if self.quorum_percent > 100 {
            return Err(StatutesError::QuorumOver100);
        }
        if !NOTICE_DAYS.contains(&self.notice_days) {
            return Err(StatutesError::Notice);
        }
        if self.proxies_per_member > MAX_PROXIES {
            return Err(StatutesError::Proxies);
        }
        Ok(())
    }

    /// The last day the convocation may leave for an assembly held on `held_on`.
    pub fn convene_by(&self, held_on: NaiveDate) -> NaiveDate {
        held_on - chrono::Duration::days(i64::from(self.notice_days))
    }

    /// The voices, present or represented, that make the quorum among `voters` (rounded up: 25 %
    /// of 10 voters is 3). None needed without a quorum.
    pub fn quorum_of(&self, voters: u32) -> u32 {
        (u64::from(voters) * u64::from(self.quorum_percent)).div_ceil(100) as u32
    }

    /// Is the quorum reached with `voices` present or represented among `voters`?
    pub fn quorum_reached(&self, voices: u32, voters: u32) -> bool {
        voices >= self.quorum_of(voters)
    }
}

/// What a resolution needs to pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson, Codes)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Majority {
    /// More voices for than against; abstentions are not counted.
    Simple,
    /// More than half of the voices cast, abstentions counted.
    Absolute,
    /// Two thirds of the voices cast at least, abstentions counted (what statutes ask to change
    /// themselves).
    TwoThirds,
}

/// The voices of one vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
}

impl Tally {
    pub fn cast(&self) -> u64 {
        u64::from(self.yes) + u64::from(self.no) + u64::from(self.abstain)
    }
}

impl Majority {
    /// Does a resolution with this tally pass? Nobody for is never a pass.
    pub fn passes(self, t: Tally) -> bool {
        let yes = u64::from(t.yes);
        yes > 0
            && match self {
                Majority::Simple => t.yes > t.no,
                Majority::Absolute => 2 * yes > t.cast(),
                Majority::TwoThirds => 3 * yes >= 2 * t.cast(),
            }
    }
}

/// A voter as the proxies see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProxyState {
    /// Gave their own voice to someone (asked or accepted).
    pub gave: bool,
    /// The proxies they hold (accepted).
    pub holds: u32,
}

/// Why a proxy cannot go from a giver to a holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProxyRefusal {
    /// One's voice to oneself.
    ToSelf,
    /// The giver already gave theirs.
    AlreadyGiven,
    /// The giver holds proxies: giving their voice would pass those on.
    GiverHolds,
    /// The holder gave their own voice: they vote for nobody else.
    HolderGave,
    /// The holder holds as many as the statutes allow.
    HolderFull { max: u32 },
}

/// Can `giver` give their voice to `holder`? A proxy cannot be given on (the giver holds none and
/// the holder gave none), and nobody holds more than the statutes allow.
pub fn proxy(
    giver_is_holder: bool,
    giver: ProxyState,
    holder: ProxyState,
    statutes: &Statutes,
) -> Result<(), ProxyRefusal> {
    if giver_is_holder {
        return Err(ProxyRefusal::ToSelf);
    }
    if giver.gave {
        return Err(ProxyRefusal::AlreadyGiven);
    }
    if giver.holds > 0 {
        return Err(ProxyRefusal::GiverHolds);
    }
    if holder.gave {
        return Err(ProxyRefusal::HolderGave);
    }
    if holder.holds >= statutes.proxies_per_member {
        return Err(ProxyRefusal::HolderFull {
            max: statutes.proxies_per_member,
        });
    }
    Ok(())
}

/// The voices a voter carries into each vote: their own (unless given) and each proxy held.
pub fn voices(state: ProxyState) -> u32 {
    u32::from(!state.gave) + state.holds
}

/// The board's election: who takes the seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Election {
    /// The elected, most voices first.
    Elected(Vec<i64>),
    /// The candidates above the tie are elected; those tied for the last seats need another round.
    Tie {
        elected: Vec<i64>,
        tied: Vec<i64>,
        seats_left: usize,
    },
}

/// The candidates with the most voices take the `seats`; a candidate with no voice is never
/// elected. Ties for the last seats are said, never broken silently.
pub fn elect(results: &[(i64, u32)], seats: usize) -> Election {
    let mut ranked: Vec<(i64, u32)> = results.iter().copied().filter(|r| r.1 > 0).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if seats == 0 {
        return Election::Elected(Vec::new());
    }
    if ranked.len() <= seats {
        return Election::Elected(ranked.iter().map(|r| r.0).collect());
    }
    let last = ranked[seats - 1].1;
    if ranked[seats].1 == last {
        let elected: Vec<i64> = ranked.iter().filter(|r| r.1 > last).map(|r| r.0).collect();
        let tied: Vec<i64> = ranked.iter().filter(|r| r.1 == last).map(|r| r.0).collect();
        return Election::Tie {
            seats_left: seats - elected.len(),
            elected,
            tied,
        };
    }
    Election::Elected(ranked.iter().take(seats).map(|r| r.0).collect())
}

// ------------------------------------------------------------------ what is stored and shown

/// An ordinary assembly (once a year: the reports, the fee, the board) or an extraordinary one
/// (the statutes, a dissolution).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson, Codes)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AssemblyKind {
    Ordinary,
    Extraordinary,
}

/// Where an assembly is: prepared, convened (the voters answer), held and closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson, Codes)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AssemblyStatus {
    Draft,
    Convened,
    Closed,
}

/// An agenda item: read, voted with a majority, the board's election, or the questions at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson, Codes)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Information,
    Resolution,
    Election,
    Questions,
}

/// How a voter takes part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson, Codes)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Intent {
    /// In the room.
    Present,
    /// From afar (where the statutes allow it).
    Remote,
    /// Gives their voice to another voter.
    Proxy,
}

/// A proxy, as its holder answered it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson, Codes)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProxyStatus {
    Asked,
    Accepted,
    Refused,
}

/// Why a member may not vote at an assembly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson, Codes)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoVote {
    /// No fee covers the assembly's day (none paid, or it ends before).
    FeeEnds,
    /// Staff accounts run the assembly; they vote with their member account, if any.
    StaffAccount,
}

/// The title of the item every agenda ends with.
pub const QUESTIONS: Localized<&str> = Localized {
    fr: "Questions diverses",
    en: "Any other business",
};

/// The most items an agenda holds, and the longest title and text of one.
pub const MAX_ITEMS: usize = 30;
pub const MAX_TITLE: usize = 200;
pub const MAX_BODY: usize = 20_000;
/// The most seats one election fills.
pub const MAX_SEATS: u32 = 30;

/// `POST /api/staff/assemblies`: an assembly as staff prepare it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct AssemblyInput {
    /// `ordinary` or `extraordinary`.
    pub kind: String,
    /// Paris wall clock, `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    pub ends_at: String,
    /// In the meeting room (held in the same write), or elsewhere, named in `place`.
    pub in_room: bool,
    pub place: String,
    /// The last day to stand for the board, `YYYY-MM-DD` (asked when the agenda has an election).
    pub candidacy_until: String,
    /// The agenda in order; "Questions diverses" is added last.
    pub items: Vec<ItemInput>,
}

/// One agenda item as staff write it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ItemInput {
    /// `information`, `resolution` or `election`.
    pub kind: String,
    pub title_fr: String,
    pub title_en: String,
    /// Markdown, as the library's; English optional.
    pub body_fr: String,
    pub body_en: String,
    /// A resolution's: `simple`, `absolute` or `two_thirds`.
    pub majority: String,
    /// An election's seats.
    pub seats: Option<u32>,
}

/// An assembly as checked, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAssembly {
    pub kind: AssemblyKind,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub starts_utc: DateTime<Utc>,
    pub ends_utc: DateTime<Utc>,
    pub in_room: bool,
    pub place: String,
    pub candidacy_until: NaiveDate,
    pub items: Vec<ValidItem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidItem {
    pub kind: ItemKind,
    pub title: Localized<String>,
    pub body: Localized<String>,
    pub majority: Option<Majority>,
    pub seats: Option<u32>,
}

/// How far ahead an assembly can be prepared: two years.
pub const HORIZON_DAYS: i64 = 731;

/// Check what staff prepared, on `today` in Quimper: the convocation must still be able to leave
/// within the statutes' notice, candidacies close before the day, and the agenda ends with
/// "Questions diverses" (added here, never written by staff).
pub fn check_assembly(
    input: &AssemblyInput,
    statutes: &Statutes,
    today: NaiveDate,
) -> Result<ValidAssembly, FieldErrors> {
    let mut c = Checker::default();
    let kind = c.check(
        "kind",
        AssemblyKind::parse(input.kind.trim()).ok_or(ApiMsg::AssemblyKind),
    );
    let starts = local_field(&mut c, "starts_at", &input.starts_at);
    let ends = local_field(&mut c, "ends_at", &input.ends_at);
    if let (Some(s), Some(e)) = (starts, ends) {
        if e.0 <= s.0 {
            c.fail("ends_at", ApiMsg::RuleEndAfterStart);
        } else if e.0.date() != s.0.date() {
            c.fail("ends_at", ApiMsg::RuleSameDay);
        }
        let held_on = s.0.date();
        if held_on > today + chrono::Duration::days(HORIZON_DAYS) {
            c.fail("starts_at", ApiMsg::AssemblyTooFar);
        } else if today > statutes.convene_by(held_on) {
            c.fail("starts_at", ApiMsg::AssemblyNoticeTooShort);
        }
    }
    let place = c.check("place", parse_text(&input.place, MAX_TITLE));
    if !input.in_room && place.as_deref() == Some("") {
        c.fail("place", ApiMsg::FieldRequired);
    }
    let mut items = Vec::new();
    for (i, item) in input.items.iter().enumerate() {
        if let Some(v) = check_item(&mut c, i, item) {
            items.push(v);
        }
    }
    if input.items.is_empty() {
        c.fail("items", ApiMsg::AssemblyNoItems);
    } else if input.items.len() >= MAX_ITEMS {
        c.fail("items", ApiMsg::AssemblyTooManyItems);
    }
    // Counted as written (an election refused for its seats is still a second one).
    let elections = input
        .items
        .iter()
        .filter(|i| ItemKind::parse(i.kind.trim()) == Some(ItemKind::Election))
        .count();
    if elections > 1 {
        c.fail("items", ApiMsg::AssemblyOneElection);
    }
    let candidacy_until = if elections > 0 {
        let day = c.check("candidacy_until", parse_day(&input.candidacy_until));
        if let (Some(d), Some(s)) = (day, starts) {
            if d >= s.0.date() || d < today {
                c.fail("candidacy_until", ApiMsg::AssemblyCandidacyDay);
            }
        }
        day
    } else {
        starts.map(|s| s.0.date())
    };
    items.push(ValidItem {
        kind: ItemKind::Questions,
        title: Localized {
            fr: QUESTIONS.fr.to_string(),
            en: QUESTIONS.en.to_string(),
        },
        body: Localized::default(),
        majority: None,
        seats: None,
    });
    c.finish(|| {
        let (starts, starts_utc) = starts?;
        let (ends, ends_utc) = ends?;
        Some(ValidAssembly {
            kind: kind?,
            starts,
            ends,
            starts_utc,
            ends_utc,
            in_room: input.in_room,
            place: if input.in_room { String::new() } else { place? },
            candidacy_until: candidacy_until?,
            items,
        })
    })
}

fn check_item(c: &mut Checker, i: usize, item: &ItemInput) -> Option<ValidItem> {
    let field = |name: &str| format!("items.{i}.{name}");
    let kind = match ItemKind::parse(item.kind.trim()) {
        Some(ItemKind::Questions) | None => {
            c.fail(&field("kind"), ApiMsg::AssemblyItemKind);
            None
        }
        k => k,
    };
    let title_fr = c.check(
        &field("title_fr"),
        parse_required_text(&item.title_fr, MAX_TITLE),
    );
    let title_en = c.check(&field("title_en"), parse_text(&item.title_en, MAX_TITLE));
    let body_fr = c.check(&field("body_fr"), parse_text(&item.body_fr, MAX_BODY));
    let body_en = c.check(&field("body_en"), parse_text(&item.body_en, MAX_BODY));
    let majority = match kind {
        Some(ItemKind::Resolution) => c
            .check(
                &field("majority"),
                Majority::parse(item.majority.trim()).ok_or(ApiMsg::AssemblyMajority),
            )
            .map(Some),
        _ => Some(None),
    };
    let seats = match kind {
        Some(ItemKind::Election) => match item.seats {
            Some(n) if (1..=MAX_SEATS).contains(&n) => Some(Some(n)),
            _ => {
                c.fail(&field("seats"), ApiMsg::AssemblySeats);
                None
            }
        },
        _ => Some(None),
    };
    Some(ValidItem {
        kind: kind?,
        title: Localized {
            fr: title_fr?,
            en: title_en?,
        },
        body: Localized {
            fr: body_fr?,
            en: body_en?,
        },
        majority: majority?,
        seats: seats?,
    })
}

/// A member as others see them on an assembly's pages: a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Person {
    pub id: i64,
    pub name: String,
}

/// One agenda item as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemView {
    pub id: i64,
    pub position: u32,
    pub kind: ItemKind,
    /// English falls back to French (`in_french_only` says so).
    pub title: Localized<String>,
    /// The text as sanitised HTML (written in Markdown).
    pub body_html: Localized<String>,
    pub in_french_only: bool,
    pub majority: Option<Majority>,
    pub seats: Option<u32>,
}

/// An assembly as everyone concerned reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AssemblyView {
    pub id: i64,
    pub kind: AssemblyKind,
    pub status: AssemblyStatus,
    /// Paris wall clock.
    pub starts_at: LocalDateTime,
    pub ends_at: LocalDateTime,
    pub in_room: bool,
    /// Where, when it is not the meeting room.
    pub place: String,
    pub candidacy_until: NaiveDate,
    /// The statutes as they stood when it was prepared.
    pub statutes: Statutes,
    /// The last day the convocation may leave.
    pub convene_by: NaiveDate,
    /// When it left (UTC, RFC 3339), once convened.
    pub convened_at: Option<String>,
    /// The voters today: the adhérents on the assembly's day.
    pub voters: u32,
    /// The voices present or represented that make the quorum among them.
    pub quorum: u32,
    pub items: Vec<ItemView>,
}

/// A voter's answers, as staff see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VoterAnswer {
    pub member: Person,
    pub intent: Option<Intent>,
    pub proxy_to: Option<Person>,
    pub proxy_status: Option<ProxyStatus>,
    pub candidate: bool,
}

/// `GET /api/staff/assemblies/{id}`: the assembly and who answered what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffAssembly {
    pub assembly: AssemblyView,
    pub answers: Vec<VoterAnswer>,
    /// The voices expected so far: voters coming or following, with the proxies they accepted.
    pub expected_voices: u32,
}

/// `GET /api/me/assemblies`: an assembly the caller is convened to (or would be, up to date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MyAssemblyCard {
    pub id: i64,
    pub kind: AssemblyKind,
    pub starts_at: LocalDateTime,
    pub may_vote: bool,
    pub intent: Option<Intent>,
    /// Proxies other voters asked the caller to hold, not answered yet.
    pub proxies_to_answer: u32,
}

/// A proxy another voter asked the caller to hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProxyOffer {
    pub giver: Person,
    pub status: ProxyStatus,
}

/// `GET /api/me/assemblies/{id}`: the caller's private page of an assembly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MyAssembly {
    pub assembly: AssemblyView,
    /// Why the caller may not vote (none: they may).
    pub no_vote: Option<NoVote>,
    /// The last day of the caller's fee, to say it.
    pub fee_until: Option<NaiveDate>,
    /// Answers are taken until the assembly starts; candidacies until their day.
    pub answers_open: bool,
    pub candidacy_open: bool,
    pub intent: Option<Intent>,
    pub proxy_to: Option<Person>,
    pub proxy_status: Option<ProxyStatus>,
    pub candidate: bool,
    /// The proxies others asked the caller to hold.
    pub offers: Vec<ProxyOffer>,
    /// The other voters who can still hold the caller's proxy (not giving theirs, not full).
    pub can_hold: Vec<Person>,
    /// Who stands for the board so far.
    pub candidates: Vec<Person>,
    /// On the day: the door is open, and whether the caller is in (checked in, or joined).
    pub door_open: bool,
    pub checked_in: bool,
    /// The question put to the vote now, and the voices the caller carries into it.
    pub open_vote: Option<OpenVote>,
    /// The questions voted so far, with what they decided.
    pub results: Vec<ItemResult>,
}

/// The question open to the vote, as one voter sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OpenVote {
    pub item: ItemView,
    /// The caller's own voice (unless given) and each proxy they carry, cast or not.
    pub voices: Vec<Voice>,
}

/// `PUT /api/me/assemblies/{id}/answer`: how the caller takes part.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct AnswerInput {
    /// `present`, `remote` or `proxy`.
    pub intent: String,
    /// The voter who holds the proxy (with `proxy`).
    pub proxy_to: Option<i64>,
}

/// `PUT /api/me/assemblies/{id}/candidacy`: stand for the board, or no longer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct CandidacyInput {
    pub stand: bool,
}

impl ProxyRefusal {
    pub fn msg(self) -> ApiMsg {
        match self {
            ProxyRefusal::ToSelf => ApiMsg::ProxyToSelf,
            ProxyRefusal::AlreadyGiven => ApiMsg::ProxyAlreadyGiven,
            ProxyRefusal::GiverHolds => ApiMsg::ProxyGiverHolds,
            ProxyRefusal::HolderGave => ApiMsg::ProxyHolderGave,
            ProxyRefusal::HolderFull { .. } => ApiMsg::ProxyHolderFull,
        }
    }
}

// ------------------------------------------------------------------ on the day

/// How a voice is cast on a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson, Codes)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Yes,
    No,
    Abstain,
}

/// Where a vote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson, Codes)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum VoteStatus {
    Pending,
    Open,
    Closed,
}

/// The quorum as it stands: the voices present or represented against those needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quorum {
    pub voters: u32,
    pub needed: u32,
    /// Voters in (at the door or joined from afar), and the proxies their holders carry in.
    pub present: u32,
    pub represented: u32,
    pub reached: bool,
}

impl Quorum {
    pub fn of(statutes: &Statutes, voters: u32, present: u32, represented: u32) -> Quorum {
        Quorum {
            voters,
            needed: statutes.quorum_of(voters),
            present,
            represented,
            reached: statutes.quorum_reached(present + represented, voters),
        }
    }
}

/// One voter at the door: their answer, whether they are in, the proxies they carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DoorVoter {
    pub member: Person,
    pub intent: Option<Intent>,
    pub checked_in: bool,
    /// The voters whose accepted proxy they carry.
    pub holds: Vec<Person>,
}

/// `GET /api/staff/assemblies/{id}/door`: the voters, who is in, and the quorum live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AssemblyDoor {
    pub assembly: AssemblyView,
    /// The door opens on the assembly's day (Quimper's date).
    pub open: bool,
    pub quorum: Quorum,
    pub voters: Vec<DoorVoter>,
    pub items: Vec<ItemResult>,
}

/// `PUT /api/staff/assemblies/{id}/door/{member}`: in, or not (a mistake undone).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct DoorCheck {
    pub present: bool,
}

/// A candidate's voices in the board's election.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CandidateVoices {
    pub candidate: Person,
    pub voices: u32,
    pub elected: bool,
}

/// A question's vote: open or closed, its count, and what it decided (once closed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemResult {
    pub item: ItemView,
    pub status: VoteStatus,
    /// Voices cast so far (the count of each choice is given once closed).
    pub cast: u32,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    /// A closed resolution: whether it passed with its majority.
    pub passed: Option<bool>,
    /// A closed election: each candidate's voices, most first, and who is elected.
    pub candidates: Vec<CandidateVoices>,
    /// Blank ballots (no candidate ticked).
    pub blank: u32,
    /// A tie for the last seats, said, never broken: those tied, and the seats left to fill.
    pub tied: Vec<Person>,
    pub seats_left: u32,
}

/// One voice the caller can cast on the open question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Voice {
    /// Whose voice: the caller's own, or a proxy's giver.
    pub of: Person,
    pub cast: bool,
}

/// `POST /api/me/assemblies/{id}/items/{item}/vote`: one voice on the open question.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct VoteInput {
    /// Whose voice (the caller's id, or a giver's whose proxy they hold).
    pub voice_of: i64,
    /// A resolution's: `yes`, `no` or `abstain`.
    pub choice: String,
    /// An election's: the candidates ticked (none: a blank ballot), at most the seats.
    pub candidates: Vec<i64>,
}

/// The answer to a voice cast: for the board's election, the ballot's receipt, given once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VoteCast {
    pub receipt: Option<String>,
}

/// A ballot of the board's election as published: its receipt and the candidates it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublishedBallot {
    pub receipt: String,
    pub candidates: Vec<Person>,
}

/// Why a vote cannot open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenRefusal {
    /// Not a question put to the vote.
    NotVoted,
    /// Already opened (and maybe closed): closed votes never change.
    NotPending,
    /// Another question's vote is open.
    AnotherOpen,
    /// Not the assembly's day.
    NotToday,
    /// The statutes require a quorum not reached.
    NoQuorum,
}

/// Can the chair open the vote on an item of `kind` now?
pub fn can_open(
    kind: ItemKind,
    status: VoteStatus,
    another_open: bool,
    today: bool,
    quorum: &Quorum,
) -> Result<(), OpenRefusal> {
    if !matches!(kind, ItemKind::Resolution | ItemKind::Election) {
        return Err(OpenRefusal::NotVoted);
    }
    if status != VoteStatus::Pending {
        return Err(OpenRefusal::NotPending);
    }
    if another_open {
        return Err(OpenRefusal::AnotherOpen);
    }
    if !today {
        return Err(OpenRefusal::NotToday);
    }
    if !quorum.reached {
        return Err(OpenRefusal::NoQuorum);
    }
    Ok(())
}

/// Check an election ballot: known candidates, each once, at most the seats.
pub fn check_ballot(ticked: &[i64], candidates: &[i64], seats: u32) -> Result<Vec<i64>, ApiMsg> {
    let mut out: Vec<i64> = Vec::new();
    for c in ticked {
        if !candidates.contains(c) {
            return Err(ApiMsg::BallotUnknownCandidate);
        }
        if out.contains(c) {
            return Err(ApiMsg::BallotTwice);
        }
        out.push(*c);
    }
    if out.len() > seats as usize {
        return Err(ApiMsg::BallotTooMany);
    }
    out.sort_unstable();
    Ok(out)
}

// ------------------------------------------------------------------ after: the minutes and the board

/// A seat on the board, as the board gives them after the assembly (the July step).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson, Codes)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BoardRole {
    President,
    VicePresident,
    Treasurer,
    Secretary,
    Member,
}

impl BoardRole {
    /// Its name on the public board page.
    pub fn words(self) -> Localized<&'static str> {
        let (fr, en) = match self {
            BoardRole::President => ("Président·e", "President"),
            BoardRole::VicePresident => ("Vice-président·e", "Vice-president"),
            BoardRole::Treasurer => ("Trésorier·e", "Treasurer"),
            BoardRole::Secretary => ("Secrétaire", "Secretary"),
            BoardRole::Member => ("Administrateur·rice", "Board member"),
        };
        Localized { fr, en }
    }

    /// Its place on the board page: the officers first.
    pub fn rank(self) -> u32 {
        match self {
            BoardRole::President => 1,
            BoardRole::VicePresident => 2,
            BoardRole::Treasurer => 3,
            BoardRole::Secretary => 4,
            BoardRole::Member => 5,
        }
    }
}

/// `POST /api/staff/assemblies/{id}/close`: who chaired and who took the minutes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct CloseInput {
    pub chair: String,
    pub secretary: String,
}

/// A proxy as the minutes list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProxyLine {
    pub giver: Person,
    pub holder: Person,
}

/// `GET /api/staff/assemblies/{id}/minutes`: the procès-verbal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Minutes {
    pub assembly: AssemblyView,
    pub quorum: Quorum,
    pub present: Vec<Person>,
    pub remote: Vec<Person>,
    pub proxies: Vec<ProxyLine>,
    pub results: Vec<ItemResult>,
    pub chair: String,
    pub secretary: String,
    /// When it was closed (UTC, RFC 3339); none while it runs.
    pub closed_at: Option<String>,
}

/// A seat on the board as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BoardSeat {
    pub id: i64,
    pub name: String,
    pub role: BoardRole,
}

/// `PUT /api/staff/board/{id}`: the role the board gives one of its members.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, FromJson, ToJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct RoleInput {
    /// `president`, `vice_president`, `treasurer`, `secretary` or `member`.
    pub role: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statutes() -> Statutes {
        Statutes {
            quorum_percent: 25,
            proxies_per_member: 2,
            remote_voting: true,
            notice_days: 15,
        }
    }

    fn tally(yes: u32, no: u32, abstain: u32) -> Tally {
        Tally { yes, no, abstain }
    }

    #[test]
    fn the_notice_is_fifteen_days_to_a_month_and_the_quorum_a_share() {
        assert_eq!(statutes().check(), Ok(()));
        for (days, ok) in [(14, false), (15, true), (31, true), (32, false)] {
            let s = Statutes {
                notice_days: days,
                ..statutes()
            };
            assert_eq!(s.check().is_ok(), ok, "{days} days");
        }
        let over = Statutes {
            quorum_percent: 101,
            ..statutes()
        };
        assert_eq!(over.check(), Err(StatutesError::QuorumOver100));
        let june = NaiveDate::from_ymd_opt(2027, 6, 25).expect("a date");
        assert_eq!(
            statutes().convene_by(june),
            NaiveDate::from_ymd_opt(2027, 6, 10).expect("a date")
        );
    }

    #[test]
    fn the_quorum_rounds_up_and_none_is_always_reached() {
        let s = statutes();
        assert_eq!(s.quorum_of(10), 3);
        assert_eq!(s.quorum_of(120), 30);
        assert!(!s.quorum_reached(29, 120));
        assert!(s.quorum_reached(30, 120));
        let none = Statutes {
            quorum_percent: 0,
            ..s
        };
        assert!(none.quorum_reached(0, 120));
    }

    #[test]
    fn each_majority_counts_what_it_says() {
        // 10 for, 8 against, 5 abstain: a simple majority, not an absolute one.
        let t = tally(10, 8, 5);
        assert!(Majority::Simple.passes(t));
        assert!(!Majority::Absolute.passes(t));
        assert!(!Majority::TwoThirds.passes(t));
        // 12 of 23: absolute. 16 of 24: two thirds exactly.
        assert!(Majority::Absolute.passes(tally(12, 8, 3)));
        assert!(Majority::TwoThirds.passes(tally(16, 4, 4)));
        assert!(!Majority::TwoThirds.passes(tally(15, 5, 4)));
        // A tie is no majority; nobody for is never a pass.
        assert!(!Majority::Simple.passes(tally(5, 5, 0)));
        for m in [Majority::Simple, Majority::Absolute, Majority::TwoThirds] {
            assert!(!m.passes(tally(0, 0, 7)), "{m:?}");
            assert!(!m.passes(Tally::default()), "{m:?}");
        }
    }

    #[test]
    fn a_proxy_is_not_given_on_and_nobody_holds_more_than_allowed() {
        let s = statutes();
        let free = ProxyState {
            gave: false,
            holds: 0,
        };
        assert_eq!(proxy(false, free, free, &s), Ok(()));
        assert_eq!(proxy(true, free, free, &s), Err(ProxyRefusal::ToSelf));
        let gave = ProxyState {
            gave: true,
            holds: 0,
        };
        assert_eq!(
            proxy(false, gave, free, &s),
            Err(ProxyRefusal::AlreadyGiven)
        );
        assert_eq!(proxy(false, free, gave, &s), Err(ProxyRefusal::HolderGave));
        let holder = ProxyState {
            gave: false,
            holds: 1,
        };
        assert_eq!(
            proxy(false, holder, free, &s),
            Err(ProxyRefusal::GiverHolds)
        );
        let full = ProxyState {
            gave: false,
            holds: 2,
        };
        assert_eq!(
            proxy(false, free, full, &s),
            Err(ProxyRefusal::HolderFull { max: 2 })
        );
        assert_eq!(voices(free), 1);
        assert_eq!(voices(full), 3);
        assert_eq!(voices(gave), 0);
    }

    #[test]
    fn the_most_voices_take_the_seats_and_a_tie_is_said() {
        let results = [(1, 40), (2, 35), (3, 35), (4, 12), (5, 0)];
        assert_eq!(elect(&results, 3), Election::Elected(vec![1, 2, 3]));
        assert_eq!(
            elect(&results, 2),
            Election::Tie {
                elected: vec![1],
                tied: vec![2, 3],
                seats_left: 1,
            }
        );
        // More seats than candidates with a voice: those with a voice.
        assert_eq!(elect(&results, 10), Election::Elected(vec![1, 2, 3, 4]));
        assert_eq!(elect(&results, 0), Election::Elected(vec![]));
    }

    fn input(starts: &str) -> AssemblyInput {
        AssemblyInput {
            kind: "ordinary".into(),
            starts_at: format!("{starts}T18:00"),
            ends_at: format!("{starts}T20:00"),
            in_room: true,
            place: String::new(),
            candidacy_until: "2027-06-14".into(),
            items: vec![
                ItemInput {
                    kind: "resolution".into(),
                    title_fr: "Comptes".into(),
                    majority: "absolute".into(),
                    ..ItemInput::default()
                },
                ItemInput {
                    kind: "election".into(),
                    title_fr: "Conseil".into(),
                    seats: Some(10),
                    ..ItemInput::default()
                },
            ],
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    #[test]
    fn an_assembly_ends_with_any_other_business_and_runs_at_paris_time() {
        let a = check_assembly(&input("2027-06-24"), &statutes(), day(2026, 12, 8))
            .expect("a valid assembly");
        let kinds: Vec<ItemKind> = a.items.iter().map(|i| i.kind).collect();
        assert_eq!(
            kinds,
            [
                ItemKind::Resolution,
                ItemKind::Election,
                ItemKind::Questions
            ]
        );
        assert_eq!(a.items[0].majority, Some(Majority::Absolute));
        assert_eq!(a.items[2].title.fr, "Questions diverses");
        // 18:00 in Quimper in June is 16:00 UTC (summer time).
        assert_eq!(a.starts_utc.to_rfc3339(), "2027-06-24T16:00:00+00:00");
    }

    #[test]
    fn the_convocation_must_still_be_able_to_leave_within_the_notice() {
        let s = statutes();
        let held = day(2027, 1, 20);
        // The last day to convene is the notice before: preparing it then still works, not after.
        let last = s.convene_by(held);
        let mut i = input("2027-01-20");
        i.candidacy_until = "2027-01-10".into();
        assert!(check_assembly(&i, &s, last).is_ok());
        let late = check_assembly(&i, &s, last + chrono::Duration::days(1)).expect_err("too late");
        assert!(late.contains(&("starts_at".into(), ApiMsg::AssemblyNoticeTooShort)));
    }

    #[test]
    fn candidacies_close_before_the_day_and_staff_never_write_the_last_item() {
        let mut i = input("2027-06-24");
        i.candidacy_until = "2027-06-24".into();
        i.items.push(ItemInput {
            kind: "questions".into(),
            title_fr: "Questions".into(),
            ..ItemInput::default()
        });
        let err = check_assembly(&i, &statutes(), day(2026, 12, 8)).expect_err("refused");
        assert!(err.contains(&("candidacy_until".into(), ApiMsg::AssemblyCandidacyDay)));
        assert!(err.contains(&("items.2.kind".into(), ApiMsg::AssemblyItemKind)));
    }

    #[test]
    fn statutes_are_read_from_their_setting_and_checked() {
        let s = Statutes::parse_json(
            r#"{"quorum_percent":25,"proxies_per_member":2,"remote_voting":true,"notice_days":15}"#,
        )
        .expect("the migration's statutes");
        assert_eq!(s.quorum_of(36), 9);
        assert_eq!(
            Statutes::parse_json(
                r#"{"quorum_percent":25,"proxies_per_member":11,"remote_voting":true,"notice_days":15}"#
            ),
            Err(StatutesError::Proxies)
        );
        assert_eq!(Statutes::parse_json("[]"), Err(StatutesError::Shape));
    }
}
