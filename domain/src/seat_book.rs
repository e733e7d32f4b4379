//! An event's seats as one aggregate: its capacity and every sign-up, in sign-up order. A command
//! (sign up, resize, cancel, set the capacity, settle) becomes the whole change — the newcomer's
//! place, the entry changed, and the waiting entries it promotes — decided here, in pure Rust, and
//! written by the worker as one batch guarded by the event's version. This is the rule that runs:
//! the SQL only writes the values decided here.
//!
//! The one rule: after every command the waiting list is served in sign-up order with the free
//! seats (`events::promotions`): an entry that accepts fewer seats takes what is free, an "all
//! together" entry that does not fit keeps its place while the next entries that fit are served.
//! A newcomer joins the end of the list before it is served, so it never takes seats that a
//! waiting entry that fits is owed.

use crate::events::{promotions, Promotion, RegistrationStatus, Waiting};

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

/// An event's seats: its capacity, whether freed seats are still given out (the event is
/// published and sign-ups have not closed), and its sign-ups in sign-up order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatBook {
    pub capacity: u32,
    pub serving: bool,
    pub entries: Vec<Entry>,
}

/// What someone asks of the seats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// A new group of `seats` (at least `min_seats` when it accepts fewer).
    SignUp {
        seats: u32,
        accept_fewer: bool,
        min_seats: u32,
    },
    /// A group changes its size: fewer always; more while seats are free (a waiting group waits
    /// with its new size).
    Resize { id: i64, seats: u32 },
    /// A group gives back its seats or leaves the waiting list.
    Cancel { id: i64 },
    /// Staff change the capacity; never below the seats confirmed.
    SetCapacity { capacity: u32 },
    /// Serve the list with what is free (a repair: after every other command it finds nothing).
    Settle,
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
    /// For a sign-up: the newcomer's place.
    pub newcomer: Option<Placed>,
    /// The entry the command changed, as it is after the command and before the list is served
    /// (resized or cancelled); for a sign-up, the newcomer as it is written.
    pub changed: Option<Entry>,
    /// Waiting entries confirmed by this change, in sign-up order (never the newcomer).
    pub promotions: Vec<Promotion>,
    /// The book after the change.
    pub after: SeatBook,
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
        crate::events::position(&ids, id)
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
        let mut changed = None;
        match command {
            Command::SignUp {
                seats,
                accept_fewer,
                min_seats,
            } => {
                let newcomer = Entry {
                    id: NEWCOMER,
                    seats_requested: seats,
                    seats: 0,
                    status: RegistrationStatus::Waiting,
                    accept_fewer,
                    min_seats,
                };
                after.entries.push(newcomer);
            }
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
                changed = Some(*e);
            }
            Command::Cancel { id } => {
                let i = self.live(id)?;
                let e = &mut after.entries[i];
                e.status = RegistrationStatus::Cancelled;
                e.seats = 0;
                changed = Some(*e);
            }
            Command::SetCapacity { capacity } => {
                let taken = self.taken();
                if capacity < taken {
                    return Err(Refusal::CapacityBelowTaken { taken });
                }
                after.capacity = capacity;
            }
            Command::Settle => {}
        }
        // While sign-ups are open the whole list is served; once they close, freed seats stay free
        // and only a newcomer (whose caller checked that sign-ups are open) is placed.
        let candidates: Vec<Waiting> = after
            .waiting()
            .into_iter()
            .filter(|w| after.serving || w.id == NEWCOMER)
            .collect();
        let mut served = promotions(after.free(), &candidates);
        for p in &served {
            if let Some(e) = after.entries.iter_mut().find(|e| e.id == p.id) {
                e.status = RegistrationStatus::Confirmed;
                e.seats = p.seats;
            }
        }
        let newcomer = match command {
            Command::SignUp { .. } => {
                let placed = match served.iter().find(|p| p.id == NEWCOMER) {
                    Some(p) => Placed::Confirmed { seats: p.seats },
                    None => Placed::Waiting {
                        position: after.position(NEWCOMER).unwrap_or(1),
                    },
                };
                changed = after.entries.last().copied();
                Some(placed)
            }
            _ => None,
        };
        served.retain(|p| p.id != NEWCOMER);
        Ok(Decision {
            newcomer,
            changed,
            promotions: served,
            after,
        })
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

    #[test]
    fn a_newcomer_who_fits_is_confirmed_and_one_who_does_not_waits_at_the_end() {
        let b = book(4, vec![confirmed(1, 3)]);
        let d = decide(
            &b,
            Command::SignUp {
                seats: 1,
                accept_fewer: false,
                min_seats: 1,
            },
        );
        assert_eq!(d.newcomer, Some(Placed::Confirmed { seats: 1 }));
        assert_eq!(d.after.free(), 0);
        let b = book(4, vec![confirmed(1, 3), waiting(2, 2, false)]);
        let d = decide(
            &b,
            Command::SignUp {
                seats: 2,
                accept_fewer: false,
                min_seats: 1,
            },
        );
        assert_eq!(d.newcomer, Some(Placed::Waiting { position: 2 }));
        assert!(d.promotions.is_empty());
        let d = decide(
            &b,
            Command::SignUp {
                seats: 3,
                accept_fewer: true,
                min_seats: 1,
            },
        );
        assert_eq!(d.newcomer, Some(Placed::Confirmed { seats: 1 }));
    }

    #[test]
    fn a_newcomer_never_takes_seats_a_waiting_entry_that_fits_is_owed() {
        // A book left unsettled (two seats free, a pair waiting): the pair is served first.
        let b = book(4, vec![confirmed(1, 2), waiting(2, 2, false)]);
        assert!(!b.is_settled());
        let d = decide(
            &b,
            Command::SignUp {
                seats: 1,
                accept_fewer: false,
                min_seats: 1,
            },
        );
        assert_eq!(d.promotions, vec![p(2, 2)]);
        assert_eq!(d.newcomer, Some(Placed::Waiting { position: 1 }));
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
        let n = decide(
            &d.after,
            Command::SignUp {
                seats: 1,
                accept_fewer: false,
                min_seats: 1,
            },
        );
        assert_eq!(n.newcomer, Some(Placed::Waiting { position: 1 }));
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
                let command = match next(4) {
                    0 => Command::SignUp {
                        seats: 1 + next(4) as u32,
                        accept_fewer: next(2) == 0,
                        min_seats: 1 + next(2) as u32,
                    },
                    1 => match pick(next(8)) {
                        Some(id) => Command::Cancel { id },
                        None => Command::Settle,
                    },
                    2 => match pick(next(8)) {
                        Some(id) => Command::Resize {
                            id,
                            seats: 1 + next(4) as u32,
                        },
                        None => Command::Settle,
                    },
                    _ => Command::SetCapacity {
                        capacity: next(10) as u32,
                    },
                };
                let Ok(d) = b.decide(command) else { continue };
                let mut after = d.after;
                id += 1;
                for e in after.entries.iter_mut() {
                    if e.id == NEWCOMER {
                        e.id = id;
                    }
                }
                assert!(
                    after.taken() <= after.capacity,
                    "{command:?} overfilled {after:?}"
                );
                assert!(after.is_settled(), "{command:?} left {after:?} unsettled");
                let promoted: u32 = d.promotions.iter().map(|p| p.seats).sum();
                assert!(promoted <= after.capacity);
                b = after;
            }
        }
    }
}
