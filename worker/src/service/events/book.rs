//! The event's seats as one aggregate, read and written whole: one read of the event and all its
//! sign-ups, `domain::seat_book` decides the whole change, and one batch writes it, its first
//! statement moving the event's version from the one read to the next (migration 0008's trigger
//! aborts the batch when another writer got there first).
//!
//! Where the change is decided: in the event's Durable Object (`crate::routes::seats`) when the request
//! runs there — one writer, the aggregate kept in memory, commands that arrive during a write
//! decided together and written in the next batch (`writer`) — and otherwise here: read, decide,
//! write under the version read, again from the read after a race. The version guard is the same
//! on both paths, so a write that did not come through the object makes the object read again.

use chrono::{DateTime, Utc};
use domain::events::RegistrationStatus;
use domain::seat_book::Promotion;
use domain::seat_book::{serves_freed_seats, Entry, SeatBook};
use domain::ApiMsg;
use worker::{D1Database, D1PreparedStatement};

use super::{mail, seats_words};
use crate::error::ApiError;
use crate::repo::events::{self as repo, EventRow, EventStatus, RegistrationRow};
use crate::repo::outbox;
use crate::secrets::{random_token, token_hash};

/// An event as read for a change: its row, its sign-ups (in sign-up order) and their seats.
pub struct Loaded {
    pub event: EventRow,
    pub registrations: Vec<RegistrationRow>,
    pub book: SeatBook,
}

impl Loaded {
    pub fn registration(&self, id: i64) -> Option<&RegistrationRow> {
        self.registrations.iter().find(|r| r.id == id)
    }

    /// The live sign-up (confirmed or waiting) with this email, if any.
    pub fn by_email(&self, email: &str) -> Option<&RegistrationRow> {
        self.registrations.iter().find(|r| {
            r.status != RegistrationStatus::Cancelled && r.email.eq_ignore_ascii_case(email)
        })
    }

    /// The live sign-up that reaches this mailbox (its hash), whatever `+tag` it was given.
    pub fn by_mailbox(&self, mailbox_hash: &str) -> Option<&RegistrationRow> {
        self.registrations.iter().find(|r| {
            r.status != RegistrationStatus::Cancelled
                && r.mailbox_hash.as_deref() == Some(mailbox_hash)
        })
    }

    /// How many live guest sign-ups came from this client (its hash).
    pub fn live_from_client(&self, client_hash: &str) -> u32 {
        let live = self.registrations.iter().filter(|r| {
            r.status != RegistrationStatus::Cancelled
                && r.member_id.is_none()
                && r.client_hash.as_deref() == Some(client_hash)
        });
        u32::try_from(live.count()).unwrap_or(u32::MAX)
    }

    pub fn by_member(&self, member_id: i64) -> Option<&RegistrationRow> {
        self.registrations
            .iter()
            .find(|r| r.status != RegistrationStatus::Cancelled && r.member_id == Some(member_id))
    }

    /// The 1-based place of a waiting sign-up.
    pub fn position(&self, r: &RegistrationRow) -> Option<u32> {
        (r.status == RegistrationStatus::Waiting)
            .then(|| self.book.position(r.id))
            .flatten()
    }
}

pub fn book_of(e: &EventRow, registrations: &[RegistrationRow], now: DateTime<Utc>) -> SeatBook {
    SeatBook {
        capacity: e.capacity,
        serving: serves_freed_seats(e.status == EventStatus::Published, e.signup_closes_utc, now),
        entries: registrations
            .iter()
            .map(|r| Entry {
                id: r.id,
                seats_requested: r.seats_requested,
                seats: r.seats,
                status: r.status,
                accept_fewer: r.accept_fewer,
                min_seats: domain::events::min_seats(e.seats_for, r.adults, r.children),
            })
            .collect(),
    }
}

/// The event and its sign-ups; 404 when there is no such event.
pub async fn load(db: &D1Database, id: i64, now: DateTime<Utc>) -> Result<Loaded, ApiError> {
    let (event, registrations) = repo::load(db, id).await?.ok_or(ApiError::NotFound)?;
    let book = book_of(&event, &registrations, now);
    Ok(Loaded {
        event,
        registrations,
        book,
    })
}

/// What one try decided: the statements to write after the version guard, and the answer.
pub enum Plan<T> {
    /// Nothing to write: answer at once.
    Answer(T),
    /// A change of seats or of the event: the aggregate is read again once it is written.
    Write(Vec<D1PreparedStatement>, T),
    /// Statements that leave the aggregate as it is (a link sent again, a count).
    Keep(Vec<D1PreparedStatement>, T),
    /// A newcomer and nothing else: the statements' first inserts this row (the insert answers its
    /// id); the aggregate after is the one before with this row, so the next sign-up is decided
    /// before this one is written.
    Join(Vec<D1PreparedStatement>, T, Box<RegistrationRow>),
}

impl<T> Plan<T> {
    /// The statements and the answer, whatever the aggregate becomes.
    pub fn into_parts(self) -> (Option<Vec<D1PreparedStatement>>, T) {
        match self {
            Plan::Answer(answer) => (None, answer),
            Plan::Write(statements, answer)
            | Plan::Keep(statements, answer)
            | Plan::Join(statements, answer, _) => (Some(statements), answer),
        }
    }
}

impl Loaded {
    /// The aggregate with a newcomer's row (id `id` until the database gives it one).
    pub(super) fn join(&mut self, id: i64, mut row: RegistrationRow, now: DateTime<Utc>) {
        row.id = id;
        self.registrations.push(row);
        self.book = book_of(&self.event, &self.registrations, now);
    }

    /// A newcomer's temporary id becomes the one the database gave it.
    pub(super) fn rename(&mut self, temporary: i64, id: i64) {
        for r in self.registrations.iter_mut().filter(|r| r.id == temporary) {
            r.id = id;
        }
        for e in self.book.entries.iter_mut().filter(|e| e.id == temporary) {
            e.id = id;
        }
    }
}

/// The promotions' writes and the email each promoted person gets, with a new private link to
/// their sign-up (links are kept hashed: the one sent at sign-up cannot be sent again).
pub fn promotions(
    db: &D1Database,
    loaded: &Loaded,
    promoted: &[Promotion],
    site_url: &str,
    now: DateTime<Utc>,
) -> Result<Vec<D1PreparedStatement>, ApiError> {
    let mut out = Vec::new();
    for p in promoted {
        let Some(r) = loaded.registration(p.id) else {
            out.push(repo::promote(db, p.id, p.seats, now)?);
            continue;
        };
        if p.seats < r.seats_requested {
            // Fewer seats than asked: the group is now the people they take (an adult with the
            // children named first), so the link, the list, the sheet and every count agree.
            let who =
                domain::events::who_comes(loaded.event.seats_for, r.adults, r.children, p.seats);
            out.extend(repo::promote_fewer(db, p.id, p.seats, who, now)?);
        } else {
            out.push(repo::promote(db, p.id, p.seats, now)?);
        }
        if r.email.is_empty() {
            continue;
        }
        let token = random_token();
        out.push(repo::add_link(db, r.id, &token_hash(&token))?);
        let email = mail(
            &loaded.event,
            &r.email,
            &r.name,
            r.lang,
            "event_promoted",
            (ApiMsg::EmailEventSubject, ApiMsg::EmailEventPromotedBody),
            &[
                ("seats", seats_words(p.seats, r.lang)),
                ("link", format!("{site_url}/inscription/{token}")),
            ],
        );
        out.push(outbox::queue(
            db,
            &email,
            r.member_id,
            Some(&format!("event-promoted:{}", p.id)),
            now,
        )?);
    }
    Ok(out)
}
