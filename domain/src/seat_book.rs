//! An event's seats as one aggregate: its capacity and every sign-up, in sign-up order. A command
//! (sign up, resize, cancel, set the capacity, settle) becomes the whole change — the newcomer's
//! place, the entry changed, and the waiting entries it promotes — decided here, in pure Rust, and
//! written by the worker as one batch guarded by the event's version. This is the rule that runs:
//! the SQL only writes the values decided here.
//!
//! The one rule: after every command the waiting list is served in sign-up order with the free
//! seats ([`promotions`]): an entry that accepts fewer seats takes what is free, an "all
//! together" entry that does not fit keeps its place while the next entries that fit are served.
//! A newcomer joins the end of the list before it is served, so it never takes seats that a
//! waiting entry that fits is owed.

use chrono::{DateTime, Utc};

use crate::events::RegistrationStatus;

/// One sign-up as the seats see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub id: i64,
    /// The seats the group asked for.
    pub seats_requested: u32,
    /// The seats confirmed (0 while waiting or cancelled).
    pub seats: u32,
    pub status: RegistrationStatus,
    pub accept_fewer: bool,
    /// The fewest seats the group can come with (`events::min_seats`).
    pub min_seats: u32,
}

/// Are freed seats still given out? While the event is published and its sign-ups have not
/// closed; after, they stay free and only a newcomer at the door can take them. The one statement
/// of the rule: the seat books the worker builds ask it, and the scheduled run's query of the
/// events to settle (`UNSETTLED` in `repo/events.rs`) is a coarser filter of it, in SQL.
pub fn serves_freed_seats(
    published: bool,
    signup_closes: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    published && now < signup_closes
}

/// An event's seats: its capacity, whether freed seats are still given out
/// ([`serves_freed_seats`]), and its sign-ups in sign-up order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatBook {
    pub capacity: u32,
    pub serving: bool,
    pub entries: Vec<Entry>,
}

/// What someone asks of the seats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// A group changes its size: fewer always; more while seats are free (a waiting group waits
    /// with its new size).
    Resize { id: i64, seats: u32 },
    /// A group gives back its seats or leaves the waiting list.
    Cancel { id: i64 },
    /// Staff change the capacity; never below the seats confirmed.
    SetCapacity { capacity: u32 },
}

/// A new group of `seats` (at least `min_seats` when it accepts fewer). Never refused: it is
/// confirmed (with fewer seats when it accepts fewer) or it waits ([`SeatBook::sign_up`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignUp {
    pub seats: u32,
    pub accept_fewer: bool,
    pub min_seats: u32,
}

/// Why a command changes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No such sign-up on this event, or it is cancelled.
    UnknownEntry,
    /// A confirmed group asks for more seats than are free.
    NoSeatsForMore,
    /// The capacity would go below the seats already confirmed.
    CapacityBelowTaken { taken: u32 },
}

/// One waiting entry, in sign-up order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Waiting {
    pub id: i64,
    /// The seats the group asked for.
    pub seats: u32,
    /// The group accepts fewer seats than it asked for.
    pub accept_fewer: bool,
    /// The fewest seats with which the group can come at all (`min_seats`).
    pub min_seats: u32,
}

/// A waiting entry confirmed, with the seats it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Promotion {
    pub id: i64,
    pub seats: u32,
}

/// The promotions `free` seats make, in sign-up order: an entry that accepts fewer seats takes what
/// is free (at most what it asked, never fewer than it can come with); an "all together" entry
/// that does not fit keeps its place and the next entries that fit are served.
pub fn promotions(mut free: u32, waiting: &[Waiting]) -> Vec<Promotion> {
    let mut out = Vec::new();
    for w in waiting {
        if free == 0 {
            break;
        }
        let seats = if w.seats <= free {
            w.seats
        } else if w.accept_fewer && free >= w.min_seats.max(1) {
            free
        } else {
            continue;
        };
        free -= seats;
        out.push(Promotion { id: w.id, seats });
    }
    out
}

/// The 1-based place of an entry among those waiting (in sign-up order).
pub fn position(waiting_ids: &[i64], id: i64) -> Option<u32> {
    waiting_ids
        .iter()
        .position(|w| *w == id)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Where the newcomer of a sign-up stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    Confirmed { seats: u32 },
    Waiting { position: u32 },
}

/// The id a newcomer has until the database gives it one: after every stored id.
pub const NEWCOMER: i64 = i64::MAX;

/// The whole change a command makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The entry the command changed, as it is after the command and before the list is served
    /// (resized or cancelled); for a sign-up, the newcomer as it is written.
    pub changed: Option<Entry>,
    /// Waiting entries confirmed by this change, in sign-up order (never the newcomer).
    pub promotions: Vec<Promotion>,
    /// The book after the change.
    pub after: SeatBook,
}

/// A sign-up's change: where the newcomer stands, and the rest of the change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedUp {
    pub placed: Placed,
    pub decision: Decision,
}

impl SeatBook {
    /// Seats confirmed.
    pub fn taken(&self) -> u32 {
        self.entries
            .iter()
            .filter(|e| e.status == RegistrationStatus::Confirmed)
            .map(|e| e.seats)
            .sum()
    }

    pub fn free(&self) -> u32 {
        self.capacity.saturating_sub(self.taken())
    }

    /// The waiting list, in sign-up order.
    pub fn waiting(&self) -> Vec<Waiting> {
        self.entries
            .iter()
            .filter(|e| e.status == RegistrationStatus::Waiting)
            .map(|e| Waiting {
                id: e.id,
                seats: e.seats_requested,
                accept_fewer: e.accept_fewer,
                min_seats: e.min_seats,
            })
            .collect()
    }

    /// The 1-based place of a waiting entry.
    pub fn position(&self, id: i64) -> Option<u32> {
        let ids: Vec<i64> = self.waiting().iter().map(|w| w.id).collect();
        position(&ids, id)
    }

    fn live(&self, id: i64) -> Result<usize, Refusal> {
        self.entries
            .iter()
            .position(|e| e.id == id && e.status != RegistrationStatus::Cancelled)
            .ok_or(Refusal::UnknownEntry)
    }

    /// The change `command` makes, or why it makes none. Pure: the book is not changed.
    pub fn decide(&self, command: Command) -> Result<Decision, Refusal> {
        let mut after = self.clone();
        let changed = match command {
            Command::Resize { id, seats } => {
                let i = self.live(id)?;
                let free = self.free();
                let e = &mut after.entries[i];
                if e.status == RegistrationStatus::Confirmed {
                    if seats > e.seats && seats - e.seats > free {
                        return Err(Refusal::NoSeatsForMore);
                    }
                    e.seats = seats;
                }
                e.seats_requested = seats;
                Some(*e)
            }
            Command::Cancel { id } => {
                let i = self.live(id)?;
                let e = &mut after.entries[i];
                e.status = RegistrationStatus::Cancelled;
                e.seats = 0;
                Some(*e)
            }
            Command::SetCapacity { capacity } => {
                let taken = self.taken();
                if capacity < taken {
                    return Err(Refusal::CapacityBelowTaken { taken });
                }
                after.capacity = capacity;
                None
            }
        };
        let promotions = after.serve();
        Ok(Decision {
            changed,
            promotions,
            after,
        })
    }

    /// A new group's place (the end of the list, or seats) and the change it makes. Pure.
    pub fn sign_up(&self, group: SignUp) -> SignedUp {
        let mut after = self.clone();
        after.entries.push(Entry {
            id: NEWCOMER,
            seats_requested: group.seats,
            seats: 0,
            status: RegistrationStatus::Waiting,
            accept_fewer: group.accept_fewer,
            min_seats: group.min_seats,
        });
        let mut promotions = after.serve();
        let placed = match promotions.iter().find(|p| p.id == NEWCOMER) {
            Some(p) => Placed::Confirmed { seats: p.seats },
            None => Placed::Waiting {
                position: after.position(NEWCOMER).unwrap_or(1),
            },
        };
        promotions.retain(|p| p.id != NEWCOMER);
        SignedUp {
            placed,
            decision: Decision {
                changed: after.entries.last().copied(),
                promotions,
                after,
            },
        }
    }

    /// Serve the list with what is free (a repair: after every other change it finds nothing).
    pub fn settle(&self) -> Decision {
        let mut after = self.clone();
        let promotions = after.serve();
        Decision {
            changed: None,
            promotions,
            after,
        }
    }

    /// Confirm the waiting entries that fit, in sign-up order; which were. While sign-ups are
    /// open the whole list is served; once they close, freed seats stay free and only a newcomer
    /// (whose caller checked that sign-ups are open) is placed.
    fn serve(&mut self) -> Vec<Promotion> {
        let candidates: Vec<Waiting> = self
            .waiting()
            .into_iter()
            .filter(|w| self.serving || w.id == NEWCOMER)
            .collect();
        let served = promotions(self.free(), &candidates);
        for p in &served {
            if let Some(e) = self.entries.iter_mut().find(|e| e.id == p.id) {
                e.status = RegistrationStatus::Confirmed;
                e.seats = p.seats;
            }
        }
        served
    }

    /// The book is settled when no waiting entry fits in the free seats.
    pub fn is_settled(&self) -> bool {
        !self.serving || promotions(self.free(), &self.waiting()).is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RegistrationStatus::{Cancelled, Confirmed, Waiting as Wait};

    fn confirmed(id: i64, seats: u32) -> Entry {
        Entry {
            id,
            seats_requested: seats,
            seats,
            status: Confirmed,
            accept_fewer: false,
            min_seats: 1,
        }
    }

    fn waiting(id: i64, seats: u32, accept_fewer: bool) -> Entry {
        Entry {
            id,
            seats_requested: seats,
            seats: 0,
            status: Wait,
            accept_fewer,
            min_seats: 1,
        }
    }

    fn book(capacity: u32, entries: Vec<Entry>) -> SeatBook {
        SeatBook {
            capacity,
            serving: true,
            entries,
        }
    }

    fn p(id: i64, seats: u32) -> Promotion {
        Promotion { id, seats }
    }

    fn decide(b: &SeatBook, c: Command) -> Decision {
        match b.decide(c) {
            Ok(d) => d,
            Err(r) => panic!("{c:?} refused: {r:?}"),
        }
    }

    /// A sign-up's change, with the newcomer's place as `newcomer`'s stand-in.
    fn signed_up(b: &SeatBook, seats: u32, accept_fewer: bool, min_seats: u32) -> Signed {
        let s = b.sign_up(SignUp {
            seats,
            accept_fewer,
            min_seats,
        });
        Signed {
            newcomer: s.placed,
            promotions: s.decision.promotions,
            after: s.decision.after,
        }
    }

    struct Signed {
        newcomer: Placed,
        promotions: Vec<Promotion>,
        after: SeatBook,
    }

    #[test]
    fn a_newcomer_who_fits_is_confirmed_and_one_who_does_not_waits_at_the_end() {
        let b = book(4, vec![confirmed(1, 3)]);
        let d = signed_up(&b, 1, false, 1);
        assert_eq!(d.newcomer, Placed::Confirmed { seats: 1 });
        assert_eq!(d.after.free(), 0);
        let b = book(4, vec![confirmed(1, 3), waiting(2, 2, false)]);
        let d = signed_up(&b, 2, false, 1);
        assert_eq!(d.newcomer, Placed::Waiting { position: 2 });
        assert!(d.promotions.is_empty());
        let d = signed_up(&b, 3, true, 1);
        assert_eq!(d.newcomer, Placed::Confirmed { seats: 1 });
    }

    #[test]
    fn a_newcomer_never_takes_seats_a_waiting_entry_that_fits_is_owed() {
        // A book left unsettled (two seats free, a pair waiting): the pair is served first.
        let b = book(4, vec![confirmed(1, 2), waiting(2, 2, false)]);
        assert!(!b.is_settled());
        let d = signed_up(&b, 1, false, 1);
        assert_eq!(d.promotions, vec![p(2, 2)]);
        assert_eq!(d.newcomer, Placed::Waiting { position: 1 });
        assert!(d.after.is_settled());
    }

    #[test]
    fn a_cancellation_serves_the_list_in_the_same_change() {
        // The case: two seats, a pair confirmed, a pair waiting all together.
        let b = book(2, vec![confirmed(1, 2), waiting(2, 2, false)]);
        let d = decide(&b, Command::Cancel { id: 1 });
        assert_eq!(d.promotions, vec![p(2, 2)]);
        assert_eq!(d.changed.map(|e| (e.status, e.seats)), Some((Cancelled, 0)));
        // Newcomers after it find nothing free.
        let n = signed_up(&d.after, 1, false, 1);
        assert_eq!(n.newcomer, Placed::Waiting { position: 1 });
    }

    #[test]
    fn a_smaller_group_frees_seats_for_the_first_that_fits() {
        let b = book(
            4,
            vec![
                confirmed(1, 3),
                confirmed(3, 1),
                waiting(2, 2, false),
                waiting(4, 1, false),
            ],
        );
        let d = decide(&b, Command::Resize { id: 1, seats: 2 });
        assert_eq!(d.promotions, vec![p(4, 1)]);
        assert_eq!(d.after.position(2), Some(1));
        // More than free is refused; more within the free seats is taken.
        assert_eq!(
            d.after.decide(Command::Resize { id: 1, seats: 3 }),
            Err(Refusal::NoSeatsForMore)
        );
        let roomy = book(6, vec![confirmed(1, 2)]);
        let grown = decide(&roomy, Command::Resize { id: 1, seats: 5 });
        assert_eq!(grown.after.taken(), 5);
        // A waiting group that shrinks until it fits is confirmed.
        let b = book(2, vec![confirmed(1, 1), waiting(2, 3, false)]);
        let d = decide(&b, Command::Resize { id: 2, seats: 1 });
        assert_eq!(d.promotions, vec![p(2, 1)]);
    }

    #[test]
    fn the_capacity_never_goes_below_the_seats_confirmed_and_raised_serves_the_list() {
        let b = book(
            3,
            vec![confirmed(1, 3), waiting(2, 2, false), waiting(3, 1, true)],
        );
        assert_eq!(
            b.decide(Command::SetCapacity { capacity: 2 }),
            Err(Refusal::CapacityBelowTaken { taken: 3 })
        );
        let d = decide(&b, Command::SetCapacity { capacity: 6 });
        assert_eq!(d.promotions, vec![p(2, 2), p(3, 1)]);
        assert_eq!(d.after.free(), 0);
    }

    #[test]
    fn once_sign_ups_close_freed_seats_are_not_given_out() {
        let mut b = book(2, vec![confirmed(1, 2), waiting(2, 2, false)]);
        b.serving = false;
        let d = decide(&b, Command::Cancel { id: 1 });
        assert!(d.promotions.is_empty());
        assert!(d.after.is_settled());
    }

    #[test]
    fn unknown_or_cancelled_entries_are_refused() {
        let b = book(
            2,
            vec![Entry {
                status: Cancelled,
                seats: 0,
                ..confirmed(1, 2)
            }],
        );
        assert_eq!(
            b.decide(Command::Cancel { id: 1 }),
            Err(Refusal::UnknownEntry)
        );
        assert_eq!(
            b.decide(Command::Resize { id: 9, seats: 1 }),
            Err(Refusal::UnknownEntry)
        );
    }

    /// Any sequence of commands keeps the two invariants: never more seats confirmed than the
    /// capacity, and (while serving) no waiting entry left that fits in the free seats.
    #[test]
    fn no_sequence_of_commands_overfills_or_leaves_a_fitting_entry_waiting() {
        // A small deterministic generator (no extra crate): every run checks the same 2,000 paths.
        let mut seed: u64 = 0x5eed;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        for _ in 0..2_000 {
            let mut b = book(1 + next(8) as u32, Vec::new());
            let mut id = 0;
            for _ in 0..12 {
                let live: Vec<i64> = b
                    .entries
                    .iter()
                    .filter(|e| e.status != Cancelled)
                    .map(|e| e.id)
                    .collect();
                let pick = |k: u64| live.get(k as usize % live.len().max(1)).copied();
                // A sign-up or a settle is never refused; the other commands may be.
                let (command, decided) = match next(4) {
                    0 => {
                        let group = SignUp {
                            seats: 1 + next(4) as u32,
                            accept_fewer: next(2) == 0,
                            min_seats: 1 + next(2) as u32,
                        };
                        (format!("{group:?}"), Ok(b.sign_up(group).decision))
                    }
                    k => {
                        let command = match (k, pick(next(8))) {
                            (1, Some(id)) => Some(Command::Cancel { id }),
                            (2, Some(id)) => Some(Command::Resize {
                                id,
                                seats: 1 + next(4) as u32,
                            }),
                            (1 | 2, None) => None,
                            _ => Some(Command::SetCapacity {
                                capacity: next(10) as u32,
                            }),
                        };
                        match command {
                            Some(c) => (format!("{c:?}"), b.decide(c)),
                            None => ("Settle".to_string(), Ok(b.settle())),
                        }
                    }
                };
                let Ok(d) = decided else { continue };
                let mut after = d.after;
                id += 1;
                for e in after.entries.iter_mut() {
                    if e.id == NEWCOMER {
                        e.id = id;
                    }
                }
                assert!(
                    after.taken() <= after.capacity,
                    "{command} overfilled {after:?}"
                );
                assert!(after.is_settled(), "{command} left {after:?} unsettled");
                let promoted: u32 = d.promotions.iter().map(|p| p.seats).sum();
                assert!(promoted <= after.capacity);
                b = after;
            }
        }
    }
}

/// The waiting list's rule alone: who `free` seats serve, and places in the list.
#[cfg(test)]
mod list_tests {
    use super::*;
    use crate::events::{min_seats, who_comes, SeatsFor};

    fn w(id: i64, seats: u32, accept_fewer: bool) -> Waiting {
        Waiting {
            id,
            seats,
            accept_fewer,
            min_seats: 1,
        }
    }

    #[test]
    fn a_partial_promotion_confirms_people_who_can_come() {
        // A family of one adult and two children, waiting, accepting fewer: one free seat is not
        // enough where everyone takes a seat (a child does not come alone, an adult alone is no
        // use), two are: the adult and the first child.
        let family = Waiting {
            id: 1,
            seats: 3,
            accept_fewer: true,
            min_seats: min_seats(SeatsFor::Everyone, 1, 2),
        };
        assert_eq!(promotions(1, &[family]), vec![]);
        assert_eq!(promotions(2, &[family]), vec![p(1, 2)]);
        assert_eq!(who_comes(SeatsFor::Everyone, 1, 2, 2), (1, 1));
        assert_eq!(who_comes(SeatsFor::Everyone, 2, 2, 3), (1, 2));
        assert_eq!(who_comes(SeatsFor::Everyone, 3, 0, 2), (2, 0));
        // Where the children take the seats, one seat is one child with the adults.
        assert_eq!(min_seats(SeatsFor::Children, 1, 2), 1);
        assert_eq!(who_comes(SeatsFor::Children, 1, 2, 1), (1, 1));
        assert_eq!(who_comes(SeatsFor::Adults, 3, 0, 2), (2, 0));
    }

    fn p(id: i64, seats: u32) -> Promotion {
        Promotion { id, seats }
    }

    #[test]
    fn groups_that_fit_are_promoted_in_order() {
        let list = [w(1, 2, false), w(2, 1, false), w(3, 2, false)];
        assert_eq!(promotions(3, &list), vec![p(1, 2), p(2, 1)]);
        assert_eq!(promotions(5, &list), vec![p(1, 2), p(2, 1), p(3, 2)]);
        assert_eq!(promotions(0, &list), vec![]);
    }

    #[test]
    fn a_group_that_does_not_fit_keeps_its_place_and_the_next_that_fit_are_served() {
        // Two seats free, a family of three waits first "all together": the pair and the single
        // behind it cannot both fit, so the pair (first that fits) is served.
        let list = [w(1, 3, false), w(2, 2, false), w(3, 1, false)];
        assert_eq!(promotions(2, &list), vec![p(2, 2)]);
        assert_eq!(promotions(1, &list), vec![p(3, 1)]);
        // The family keeps first place: when three are free, it goes first.
        assert_eq!(promotions(3, &list), vec![p(1, 3)]);
    }

    #[test]
    fn accept_fewer_takes_what_is_free() {
        let list = [w(1, 3, true), w(2, 1, false)];
        assert_eq!(promotions(2, &list), vec![p(1, 2)]);
        assert_eq!(promotions(4, &list), vec![p(1, 3), p(2, 1)]);
        assert_eq!(
            promotions(1, &[w(1, 3, false), w(2, 3, true)]),
            vec![p(2, 1)]
        );
    }

    #[test]
    fn a_raised_capacity_serves_the_list_until_no_one_fits() {
        let list = [
            w(1, 2, false),
            w(2, 3, false),
            w(3, 1, false),
            w(4, 2, false),
        ];
        // Capacity raised by 4: the pair, then the three do not fit, the single, then one seat is left
        // and the last pair does not fit.
        assert_eq!(promotions(4, &list), vec![p(1, 2), p(3, 1)]);
        let served: u32 = promotions(4, &list).iter().map(|p| p.seats).sum();
        assert!(served <= 4);
    }

    #[test]
    fn never_more_seats_than_free_whatever_the_list() {
        for free in 0..8 {
            for a in 1..4 {
                for b in 1..4 {
                    let list = [w(1, a, a % 2 == 0), w(2, b, true), w(3, 2, false)];
                    let got: u32 = promotions(free, &list).iter().map(|p| p.seats).sum();
                    assert!(got <= free, "free {free}, groups {a} {b}: {got}");
                    // Nothing left free while an accept-fewer entry is passed over.
                    let waiting_fewer = promotions(free, &list).iter().all(|p| p.id != 2);
                    assert!(
                        !(got < free && waiting_fewer),
                        "free {free}: seats left and entry 2 skipped"
                    );
                }
            }
        }
    }

    #[test]
    fn positions_count_from_one() {
        assert_eq!(position(&[7, 9, 12], 9), Some(2));
        assert_eq!(position(&[7, 9, 12], 5), None);
    }
}
