//! The general assembly's rules, as the statutes set them: the notice of the convocation, proxies,
//! the quorum, each resolution's majority, and the board's election. Pure rules over counts: the
//! worker reads the counts from D1 and asks (issue 40; this module is its first slice, the routes
//! and pages come next).

use chrono::NaiveDate;

/// The shortest and the longest notice the statutes allow, in days: 15 days to a month.
pub const NOTICE_DAYS: std::ops::RangeInclusive<u32> = 15..=31;

/// What the statutes say of an assembly, as settings staff keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// Above 100 %.
    QuorumOver100,
    /// Outside 15 days to a month.
    Notice,
}

impl Statutes {
    pub fn check(&self) -> Result<(), StatutesError> {
        if self.quorum_percent > 100 {
            return Err(StatutesError::QuorumOver100);
        }
        if !NOTICE_DAYS.contains(&self.notice_days) {
            return Err(StatutesError::Notice);
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}
