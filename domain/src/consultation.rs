//! One consultation request as an aggregate, as [`crate::seat_book`] is for an event's seats. The
//! worker reads it whole ([`Case`]); [`Case::decide`] turns a command from an [`Actor`] into the
//! whole change — the state to write, the offer opened or answered, the room or desk freed or
//! held, who is told what — or a [`Refusal`] that says why; one batch writes it under the version
//! read. This is the rule that runs: the worker's SQL writes only the values decided here.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};

use crate::consultations::{answer_by, ConsultationStatus, Move, OfferAnswer, Place, Returned};
use crate::{paris, ApiMsg};

/// The longest appointment, in minutes.
pub const MAX_APPOINTMENT_MINUTES: i64 = 240;

/// Who acts on a request (computed from the caller by the worker's `rights`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// A member of staff, from the board.
    Staff(i64),
    /// A member, as the volunteer it is (or was) offered to.
    Volunteer(i64),
    /// Whoever holds the request's private link.
    Requester,
    /// The scheduled task (offers left unanswered, reminders).
    Clock,
}

/// When and where the appointment is (Paris local time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub place: Place,
    /// At the cantine: the room or desk held (its slug).
    pub resource: Option<String>,
}

impl Slot {
    /// The slot's instants; `None` when a local time does not exist (the spring clock change).
    pub fn instants(&self) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        Some((
            paris::from_local(self.start).earliest()?,
            paris::from_local(self.end).earliest()?,
        ))
    }
}

/// A request as its moves see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub status: ConsultationStatus,
    /// The member it is offered to, or who has it once `accepted_at` is set.
    pub volunteer: Option<i64>,
    pub assigned_at: Option<DateTime<Utc>>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub returned: Option<Returned>,
    pub slot: Option<Slot>,
    pub scheduled_at: Option<DateTime<Utc>>,
    /// The requester's words when the appointment did not suit (until a new one is set).
    pub unsuitable: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    pub close_note: String,
    pub decline_reason: String,
    pub reminded_at: Option<DateTime<Utc>>,
    /// How many times an appointment was set or moved: the calendar file's SEQUENCE.
    pub sequence: u32,
    /// Its personal fields are erased (the link no longer works).
    pub erased: bool,
    /// Every member it was ever offered to.
    pub offered: Vec<i64>,
}

/// What someone asks of a request. Texts arrive checked (required, length) by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Offer it to `to` (whose account is `active` or not) instead of `replaces`, the volunteer
    /// staff saw on it.
    Assign {
        to: i64,
        active: bool,
        replaces: Option<i64>,
    },
    Accept,
    GiveBack {
        reason: String,
    },
    /// The offer is left unanswered: back to the board once its answer day is past `today`.
    Expire {
        today: NaiveDate,
    },
    Schedule(Slot),
    Unsuitable {
        message: String,
    },
    /// Done, with the volunteer's note and the library resources they recommend.
    Complete {
        note: String,
        resources: Vec<String>,
    },
    Decline {
        reason: String,
    },
    /// The requester cancels (when open) and erases.
    Cancel,
    /// The day before the appointment, both are reminded once.
    Remind,
}

/// Why a command changes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not the actor's to see (404).
    NotFound,
    /// Offered to this volunteer once, someone else has it now (409).
    Taken,
    /// Staff saw another volunteer on it: someone dealt with it meanwhile (409).
    Changed,
    /// Not at this step (409).
    Step,
    /// Done only once the appointment has begun (409).
    NotYet,
    /// A field of the command (422).
    Field(&'static str, ApiMsg),
}

/// The volunteers' offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfferStep {
    None,
    /// The open offer ends with this answer (and reason).
    Answer(OfferAnswer, String),
    /// The open offer is withdrawn and a new one made to this member.
    Open(i64),
}

/// The room or desk of the appointment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceStep {
    Keep,
    /// What an appointment held is freed.
    Free,
    /// Freed, then this room or desk held for the new slot (or nothing is stored).
    Hold(String),
}

/// Who is told what, once the change is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The volunteer is offered it, to answer by that day.
    Offered { to: i64, answer_by: NaiveDate },
    /// The requester: the appointment, and the one it replaces.
    Scheduled { replaces: Option<Slot> },
    /// The volunteer: the appointment does not suit the requester.
    Unsuitable { volunteer: i64 },
    /// The volunteer: the requester cancelled.
    Cancelled { volunteer: i64 },
    /// The requester: done or declined.
    Closed { declined: bool },
    /// The requester and the volunteer: the appointment is within a day.
    Reminder,
}

/// The whole change a command makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The request after the change: what is written.
    pub after: Case,
    pub offer: OfferStep,
    pub place: PlaceStep,
    pub notices: Vec<Notice>,
    /// The personal fields are erased in the same write.
    pub erase: bool,
    /// Library resources recommended to the requester (their slugs).
    pub recommend: Vec<String>,
    /// What the requester says, kept beside the request (it outlives the appointment it refused).
    pub said: Option<String>,
}

/// What a command comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Nothing to write: the same command again (accepted twice, the same slot, a reminder sent,
    /// an offer not yet due).
    Unchanged,
    Change(Box<Change>),
}

fn changed_to(after: Case, offer: OfferStep, place: PlaceStep, notices: Vec<Notice>) -> Change {
    Change {
        after,
        offer,
        place,
        notices,
        erase: false,
        recommend: vec![],
        said: None,
    }
}

impl Case {
    /// Whether `actor` may see the request at all (before its fields are checked): staff, the
    /// holder of its link and the clock always; a volunteer if it is offered to them or theirs
    /// (`Taken` if it once was, `NotFound` if never).
    pub fn sees(&self, actor: Actor) -> Result<(), Refusal> {
        match actor {
            Actor::Volunteer(me) => self.volunteers(me),
            Actor::Staff(_) | Actor::Requester | Actor::Clock => Ok(()),
        }
    }

    /// Whether this volunteer may see it: it is offered to them or theirs; else `Taken` if it
    /// once was, `NotFound` if never.
    fn volunteers(&self, me: i64) -> Result<(), Refusal> {
        if self.volunteer == Some(me) {
            Ok(())
        } else if self.offered.contains(&me) {
            Err(Refusal::Taken)
        } else {
            Err(Refusal::NotFound)
        }
    }

    fn step(&self, mv: Move) -> Result<(), Refusal> {
        if mv.allowed_from(self.status) {
            Ok(())
        } else {
            Err(Refusal::Step)
        }
    }

    /// Staff act on anything; a volunteer on what they accepted.
    fn handles(&self, actor: Actor) -> Result<(), Refusal> {
        match actor {
            Actor::Staff(_) => Ok(()),
            Actor::Volunteer(me) => {
                self.volunteers(me)?;
                if self.accepted_at.is_none() {
                    return Err(Refusal::Step);
                }
                Ok(())
            }
            Actor::Requester | Actor::Clock => Err(Refusal::NotFound),
        }
    }

    /// Back on the board, no volunteer, no appointment.
    fn back_to_board(&self, why: Returned) -> Case {
        Case {
            status: Move::GiveBack.to(),
            volunteer: None,
            assigned_at: None,
            accepted_at: None,
            returned: Some(why),
            slot: None,
            scheduled_at: None,
            unsuitable: None,
            ..self.clone()
        }
    }

    /// The change `command` by `actor` makes at `now`, or why it makes none. Pure.
    pub fn decide(
        &self,
        command: &Command,
        actor: Actor,
        now: DateTime<Utc>,
    ) -> Result<Decision, Refusal> {
        if self.erased {
            return Err(match actor {
                Actor::Staff(_) => Refusal::Step,
                _ => Refusal::NotFound,
            });
        }
        let change = |after: Case, offer: OfferStep, place: PlaceStep, notices: Vec<Notice>| {
            Ok(Decision::Change(Box::new(changed_to(
                after, offer, place, notices,
            ))))
        };
        let held = || {
            if self.slot.as_ref().is_some_and(|s| s.resource.is_some()) {
                PlaceStep::Free
            } else {
                PlaceStep::Keep
            }
        };
        match (command, actor) {
            (
                Command::Assign {
                    to,
                    active,
                    replaces,
                },
                Actor::Staff(_),
            ) => {
                self.step(Move::Assign)?;
                if self.volunteer != *replaces {
                    return Err(Refusal::Changed);
                }
                if !active {
                    return Err(Refusal::Field("member_id", ApiMsg::FieldVolunteer));
                }
                let mut offered = self.offered.clone();
                if !offered.contains(to) {
                    offered.push(*to);
                }
                let after = Case {
                    status: Move::Assign.to(),
                    volunteer: Some(*to),
                    assigned_at: Some(now),
                    accepted_at: None,
                    returned: None,
                    offered,
                    ..self.clone()
                };
                let notice = Notice::Offered {
                    to: *to,
                    answer_by: answer_by(paris::local_date(now)),
                };
                change(after, OfferStep::Open(*to), PlaceStep::Keep, vec![notice])
            }
            (Command::Accept, Actor::Volunteer(me)) => {
                self.volunteers(me)?;
                if self.accepted_at.is_some() {
                    return Ok(Decision::Unchanged);
                }
                self.step(Move::Accept)?;
                let after = Case {
                    status: Move::Accept.to(),
                    accepted_at: Some(now),
                    ..self.clone()
                };
                let offer = OfferStep::Answer(OfferAnswer::Accepted, String::new());
                change(after, offer, PlaceStep::Keep, vec![])
            }
            (Command::GiveBack { reason }, Actor::Volunteer(me)) => {
                self.volunteers(me)?;
                self.step(Move::GiveBack)?;
                let offer = OfferStep::Answer(OfferAnswer::Declined, reason.clone());
                change(
                    self.back_to_board(Returned::Declined),
                    offer,
                    held(),
                    vec![],
                )
            }
            (Command::Expire { today }, Actor::Clock) => {
                let due = self
                    .assigned_at
                    .is_some_and(|at| answer_by(paris::local_date(at)) < *today);
                if !Move::Expire.allowed_from(self.status) || self.accepted_at.is_some() || !due {
                    return Ok(Decision::Unchanged);
                }
                let offer = OfferStep::Answer(OfferAnswer::Unanswered, String::new());
                change(
                    self.back_to_board(Returned::Unanswered),
                    offer,
                    held(),
                    vec![],
                )
            }
            (Command::Schedule(slot), Actor::Staff(_) | Actor::Volunteer(_)) => {
                self.handles(actor)?;
                self.step(Move::Schedule)?;
                let (start, _) = slot
                    .instants()
                    .ok_or(Refusal::Field("start", ApiMsg::RuleNonexistentTime))?;
                let minutes = (slot.end - slot.start).num_minutes();
                if slot.end <= slot.start
                    || slot.end.date() != slot.start.date()
                    || minutes > MAX_APPOINTMENT_MINUTES
                {
                    return Err(Refusal::Field("end", ApiMsg::FieldAppointmentEnd));
                }
                if start <= now {
                    return Err(Refusal::Field("start", ApiMsg::FieldEventPast));
                }
                let slot = Slot {
                    resource: if slot.place == Place::Cantine {
                        slot.resource.clone()
                    } else {
                        None
                    },
                    ..slot.clone()
                };
                if self.status == ConsultationStatus::Scheduled && self.slot.as_ref() == Some(&slot)
                {
                    return Ok(Decision::Unchanged);
                }
                let place = match &slot.resource {
                    Some(r) => PlaceStep::Hold(r.clone()),
                    None => held(),
                };
                let after = Case {
                    status: Move::Schedule.to(),
                    accepted_at: self.accepted_at.or(Some(now)),
                    slot: Some(slot),
                    scheduled_at: Some(now),
                    unsuitable: None,
                    reminded_at: None,
                    sequence: self.sequence + 1,
                    ..self.clone()
                };
                let notice = Notice::Scheduled {
                    replaces: self.slot.clone(),
                };
                let offer = OfferStep::Answer(OfferAnswer::Accepted, String::new());
                change(after, offer, place, vec![notice])
            }
            (Command::Unsuitable { message }, Actor::Requester) => {
                self.step(Move::Unsuitable)?;
                let after = Case {
                    status: Move::Unsuitable.to(),
                    unsuitable: Some(message.clone()),
                    slot: None,
                    scheduled_at: None,
                    ..self.clone()
                };
                let notices = self
                    .volunteer
                    .map(|volunteer| Notice::Unsuitable { volunteer })
                    .into_iter()
                    .collect();
                let mut unsuitable = changed_to(after, OfferStep::None, held(), notices);
                unsuitable.said = Some(message.clone());
                Ok(Decision::Change(Box::new(unsuitable)))
            }
            (Command::Complete { note, resources }, Actor::Staff(_) | Actor::Volunteer(_)) => {
                self.handles(actor)?;
                self.step(Move::Complete)?;
                let start = self.slot.as_ref().map(|s| s.start);
                if !Move::Complete.allowed_at(self.status, start, paris::to_local(now)) {
                    return Err(Refusal::NotYet);
                }
                let after = Case {
                    status: Move::Complete.to(),
                    close_note: note.clone(),
                    closed_at: Some(now),
                    ..self.clone()
                };
                let offer = OfferStep::Answer(OfferAnswer::Withdrawn, String::new());
                let mut done = changed_to(
                    after,
                    offer,
                    PlaceStep::Keep,
                    vec![Notice::Closed { declined: false }],
                );
                done.recommend = resources.clone();
                Ok(Decision::Change(Box::new(done)))
            }
            (Command::Decline { .. }, Actor::Volunteer(me)) => {
                self.volunteers(me)?;
                Err(Refusal::Field("outcome", ApiMsg::FieldOutcome))
            }
            (Command::Decline { reason }, Actor::Staff(_)) => {
                self.step(Move::Decline)?;
                let after = Case {
                    status: Move::Decline.to(),
                    decline_reason: reason.clone(),
                    closed_at: Some(now),
                    ..self.clone()
                };
                let offer = OfferStep::Answer(OfferAnswer::Withdrawn, String::new());
                change(
                    after,
                    offer,
                    held(),
                    vec![Notice::Closed { declined: true }],
                )
            }
            (Command::Cancel, Actor::Requester) => {
                let open = Move::Cancel.allowed_from(self.status);
                let after = Case {
                    status: if open { Move::Cancel.to() } else { self.status },
                    closed_at: self.closed_at.or(Some(now)),
                    unsuitable: None,
                    close_note: String::new(),
                    decline_reason: String::new(),
                    erased: true,
                    ..self.clone()
                };
                let notices = match self.volunteer {
                    Some(volunteer) if open => vec![Notice::Cancelled { volunteer }],
                    _ => vec![],
                };
                Ok(Decision::Change(Box::new(Change {
                    after,
                    offer: OfferStep::Answer(OfferAnswer::Withdrawn, String::new()),
                    place: if open { held() } else { PlaceStep::Keep },
                    notices,
                    erase: true,
                    recommend: vec![],
                    said: None,
                })))
            }
            (Command::Remind, Actor::Clock) => {
                let due = self
                    .slot
                    .as_ref()
                    .and_then(Slot::instants)
                    .is_some_and(|(start, _)| start > now && start <= now + Duration::hours(24));
                if self.status != ConsultationStatus::Scheduled
                    || self.reminded_at.is_some()
                    || !due
                {
                    return Ok(Decision::Unchanged);
                }
                let after = Case {
                    reminded_at: Some(now),
                    ..self.clone()
                };
                change(
                    after,
                    OfferStep::None,
                    PlaceStep::Keep,
                    vec![Notice::Reminder],
                )
            }
            // Anyone else: a volunteer's side is reached by the volunteer, the board by staff.
            (_, Actor::Volunteer(me)) => {
                self.volunteers(me)?;
                Err(Refusal::Step)
            }
            (_, Actor::Staff(_)) => Err(Refusal::Step),
            (_, Actor::Requester | Actor::Clock) => Err(Refusal::NotFound),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    const STAFF: Actor = Actor::Staff(1);
    const ANNE: i64 = 7;
    const BRUNO: i64 = 8;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .expect("an instant")
    }

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").expect("a test time")
    }

    fn new_case() -> Case {
        Case {
            status: ConsultationStatus::New,
            volunteer: None,
            assigned_at: None,
            accepted_at: None,
            returned: None,
            slot: None,
            scheduled_at: None,
            unsuitable: None,
            closed_at: None,
            close_note: String::new(),
            decline_reason: String::new(),
            reminded_at: None,
            sequence: 0,
            erased: false,
            offered: vec![],
        }
    }

    fn room(start: &str, end: &str) -> Slot {
        Slot {
            start: local(start),
            end: local(end),
            place: Place::Cantine,
            resource: Some("salle".into()),
        }
    }

    fn changed(d: Result<Decision, Refusal>) -> Change {
        match d {
            Ok(Decision::Change(c)) => *c,
            other => panic!("expected a change, got {other:?}"),
        }
    }

    /// Monday 7 December 2026, 10:00 in Paris.
    fn monday() -> DateTime<Utc> {
        at(2026, 12, 7, 9)
    }

    fn offered_to_anne() -> Case {
        let assign = Command::Assign {
            to: ANNE,
            active: true,
            replaces: None,
        };
        changed(new_case().decide(&assign, STAFF, monday())).after
    }

    fn accepted_by_anne() -> Case {
        changed(offered_to_anne().decide(&Command::Accept, Actor::Volunteer(ANNE), monday())).after
    }

    fn scheduled() -> Case {
        let slot = Command::Schedule(room("2026-12-10T14:00", "2026-12-10T15:00"));
        changed(accepted_by_anne().decide(&slot, Actor::Volunteer(ANNE), monday())).after
    }

    #[test]
    fn an_offer_opens_and_says_when_to_answer_by() {
        let c = changed(new_case().decide(
            &Command::Assign {
                to: ANNE,
                active: true,
                replaces: None,
            },
            STAFF,
            monday(),
        ));
        assert_eq!(c.after.status, ConsultationStatus::Assigned);
        assert_eq!(c.after.volunteer, Some(ANNE));
        assert_eq!(c.offer, OfferStep::Open(ANNE));
        assert_eq!(
            c.notices,
            vec![Notice::Offered {
                to: ANNE,
                answer_by: NaiveDate::from_ymd_opt(2026, 12, 10).expect("a day")
            }]
        );
        // Two staff at once: the second saw nobody on it, it has Anne now.
        let again = Command::Assign {
            to: BRUNO,
            active: true,
            replaces: None,
        };
        assert_eq!(
            c.after.decide(&again, STAFF, monday()),
            Err(Refusal::Changed)
        );
        let closed_account = Command::Assign {
            to: BRUNO,
            active: false,
            replaces: Some(ANNE),
        };
        assert_eq!(
            c.after.decide(&closed_account, STAFF, monday()),
            Err(Refusal::Field("member_id", ApiMsg::FieldVolunteer))
        );
    }

    #[test]
    fn only_the_volunteer_offered_it_sees_it_and_a_replaced_one_hears_it_is_taken() {
        let offered = offered_to_anne();
        assert_eq!(
            offered.decide(&Command::Accept, Actor::Volunteer(BRUNO), monday()),
            Err(Refusal::NotFound)
        );
        let to_bruno = Command::Assign {
            to: BRUNO,
            active: true,
            replaces: Some(ANNE),
        };
        let given = changed(offered.decide(&to_bruno, STAFF, monday())).after;
        assert_eq!(
            given.decide(&Command::Accept, Actor::Volunteer(ANNE), monday()),
            Err(Refusal::Taken)
        );
        // Accepting twice is the same answer, nothing written.
        let accepted = accepted_by_anne();
        assert_eq!(
            accepted.decide(&Command::Accept, Actor::Volunteer(ANNE), monday()),
            Ok(Decision::Unchanged)
        );
        // Not accepted yet: no appointment by the volunteer.
        let slot = Command::Schedule(room("2026-12-10T14:00", "2026-12-10T15:00"));
        assert_eq!(
            offered.decide(&slot, Actor::Volunteer(ANNE), monday()),
            Err(Refusal::Step)
        );
    }

    #[test]
    fn an_appointment_holds_the_room_and_a_move_says_what_it_replaces() {
        let s = scheduled();
        assert_eq!(s.status, ConsultationStatus::Scheduled);
        assert_eq!(s.sequence, 1);
        let first = s.slot.clone();
        // The same slot again: nothing to write, nobody emailed.
        let same = Command::Schedule(room("2026-12-10T14:00", "2026-12-10T15:00"));
        assert_eq!(
            s.decide(&same, Actor::Volunteer(ANNE), monday()),
            Ok(Decision::Unchanged)
        );
        let moved = Command::Schedule(room("2026-12-11T09:00", "2026-12-11T10:00"));
        let c = changed(s.decide(&moved, STAFF, monday()));
        assert_eq!(c.place, PlaceStep::Hold("salle".into()));
        assert_eq!(c.after.sequence, 2, "the calendar file's SEQUENCE rises");
        assert_eq!(c.notices, vec![Notice::Scheduled { replaces: first }]);
        // By phone: what the room held is freed, and the phone keeps no room.
        let phone = Command::Schedule(Slot {
            place: Place::Phone,
            ..room("2026-12-11T09:00", "2026-12-11T10:00")
        });
        let c = changed(c.after.decide(&phone, STAFF, monday()));
        assert_eq!(c.place, PlaceStep::Free);
        assert_eq!(c.after.slot.and_then(|s| s.resource), None);
    }

    #[test]
    fn an_appointment_is_in_the_future_within_one_day_and_four_hours() {
        let a = accepted_by_anne();
        let past = Command::Schedule(room("2026-12-07T08:00", "2026-12-07T09:00"));
        assert_eq!(
            a.decide(&past, STAFF, monday()),
            Err(Refusal::Field("start", ApiMsg::FieldEventPast))
        );
        let long = Command::Schedule(room("2026-12-10T09:00", "2026-12-10T13:30"));
        assert_eq!(
            a.decide(&long, STAFF, monday()),
            Err(Refusal::Field("end", ApiMsg::FieldAppointmentEnd))
        );
        // 02:30 on the last Sunday of March does not exist in Paris.
        let gap = Command::Schedule(Slot {
            place: Place::Phone,
            ..room("2027-03-28T02:30", "2027-03-28T03:30")
        });
        assert_eq!(
            a.decide(&gap, STAFF, monday()),
            Err(Refusal::Field("start", ApiMsg::RuleNonexistentTime))
        );
    }

    #[test]
    fn the_requester_says_it_does_not_suit_only_while_an_appointment_is_set() {
        let s = scheduled();
        let words = Command::Unsuitable {
            message: "Le jeudi je suis sur un chantier".into(),
        };
        let c = changed(s.decide(&words, Actor::Requester, monday()));
        assert_eq!(c.after.status, ConsultationStatus::Assigned);
        assert_eq!(c.after.slot, None);
        assert_eq!(c.place, PlaceStep::Free);
        assert_eq!(c.notices, vec![Notice::Unsuitable { volunteer: ANNE }]);
        assert_eq!(c.said.as_deref(), Some("Le jeudi je suis sur un chantier"));
        assert_eq!(
            c.after.decide(&words, Actor::Requester, monday()),
            Err(Refusal::Step)
        );
    }

    #[test]
    fn done_once_the_appointment_began_and_declined_by_staff_only() {
        let s = scheduled();
        let done = Command::Complete {
            note: "Site refait".into(),
            resources: vec!["guide-site".into()],
        };
        assert_eq!(
            s.decide(&done, Actor::Volunteer(ANNE), monday()),
            Err(Refusal::NotYet)
        );
        let after = at(2026, 12, 10, 14);
        let c = changed(s.decide(&done, Actor::Volunteer(ANNE), after));
        assert_eq!(c.after.status, ConsultationStatus::Done);
        assert_eq!(
            c.place,
            PlaceStep::Keep,
            "the room it used stays in the history"
        );
        assert_eq!(c.recommend, vec!["guide-site".to_string()]);
        assert_eq!(
            c.after.decide(&done, Actor::Volunteer(ANNE), after),
            Err(Refusal::Step)
        );
        let decline = Command::Decline {
            reason: "Hors de notre champ".into(),
        };
        assert_eq!(
            s.decide(&decline, Actor::Volunteer(ANNE), monday()),
            Err(Refusal::Field("outcome", ApiMsg::FieldOutcome))
        );
        let c = changed(s.decide(&decline, STAFF, monday()));
        assert_eq!(c.after.status, ConsultationStatus::Declined);
        assert_eq!(c.place, PlaceStep::Free);
        assert_eq!(c.notices, vec![Notice::Closed { declined: true }]);
    }

    #[test]
    fn giving_back_and_lapsing_return_it_to_the_board_with_nothing_held() {
        let s = scheduled();
        let back = Command::GiveBack {
            reason: "Malade".into(),
        };
        let c = changed(s.decide(&back, Actor::Volunteer(ANNE), monday()));
        assert_eq!(c.after.status, ConsultationStatus::New);
        assert_eq!((c.after.volunteer, c.after.slot), (None, None));
        assert_eq!(c.after.returned, Some(Returned::Declined));
        assert_eq!(c.place, PlaceStep::Free);
        // Offered on Monday: answer by Thursday; Friday it lapses.
        let offered = offered_to_anne();
        let thursday = NaiveDate::from_ymd_opt(2026, 12, 10).expect("a day");
        assert_eq!(
            offered.decide(&Command::Expire { today: thursday }, Actor::Clock, monday()),
            Ok(Decision::Unchanged)
        );
        let friday = thursday.succ_opt().expect("a day");
        let c = changed(offered.decide(&Command::Expire { today: friday }, Actor::Clock, monday()));
        assert_eq!(c.after.returned, Some(Returned::Unanswered));
        assert_eq!(
            c.offer,
            OfferStep::Answer(OfferAnswer::Unanswered, String::new())
        );
    }

    #[test]
    fn cancelling_erases_and_tells_the_volunteer_only_while_open() {
        let c = changed(scheduled().decide(&Command::Cancel, Actor::Requester, monday()));
        assert!(c.erase && c.after.erased);
        assert_eq!(c.after.status, ConsultationStatus::Cancelled);
        assert_eq!(c.notices, vec![Notice::Cancelled { volunteer: ANNE }]);
        assert_eq!(
            c.after.decide(&Command::Cancel, Actor::Requester, monday()),
            Err(Refusal::NotFound),
            "an erased request's link is dead"
        );
    }

    #[test]
    fn the_reminder_goes_once_within_the_day_before() {
        let s = scheduled();
        assert_eq!(
            s.decide(&Command::Remind, Actor::Clock, monday()),
            Ok(Decision::Unchanged)
        );
        let eve = at(2026, 12, 9, 15);
        let c = changed(s.decide(&Command::Remind, Actor::Clock, eve));
        assert_eq!(c.notices, vec![Notice::Reminder]);
        assert_eq!(
            c.after.decide(&Command::Remind, Actor::Clock, eve),
            Ok(Decision::Unchanged)
        );
    }

    #[test]
    fn strangers_and_the_wrong_side_are_refused() {
        let s = scheduled();
        assert_eq!(
            s.decide(&Command::Cancel, Actor::Volunteer(BRUNO), monday()),
            Err(Refusal::NotFound)
        );
        assert_eq!(
            s.decide(&Command::Accept, STAFF, monday()),
            Err(Refusal::Step)
        );
        assert_eq!(
            s.decide(&Command::Remind, Actor::Requester, monday()),
            Err(Refusal::NotFound)
        );
    }
}
