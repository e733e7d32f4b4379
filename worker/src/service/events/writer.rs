//! One writer per event, in the event's Durable Object (`crate::routes::seats`): every command on the
//! event's seats is decided here, in arrival order, on the aggregate kept in memory, and written
//! by one batch at a time. Commands that arrive while a batch is in flight are decided on the
//! aggregate as the earlier ones left it and written together in the next batch (group commit):
//! fifty sign-ups at once are a few batches, not fifty readers racing for one version.
//!
//! The object's requests interleave at every await that is not its own storage (a D1 call
//! included), so the decisions are serialised on purpose: a decision is synchronous code between
//! two awaits, on the one aggregate in `State`, and only the flush task writes.
//!
//! The memory is a cache of D1, never the record: it is read again after a change that is not a
//! plain sign-up, after a failed batch, and after [`FRESH_MS`] without a write. Every batch still
//! moves the event's version from the one written last, so a write that did not come through the
//! object (the scheduled repair of an older deploy, a hand-made fix) fails the next batch: the
//! object reads again and decides again.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use domain::ApiMsg;
use futures_channel::oneshot;
use worker::{D1Database, D1PreparedStatement};

use super::book::{load, Loaded, Plan};
use crate::error::ApiError;
use crate::repo::events as repo;
use crate::repo::versioned::{bump, Aborted, Aggregate};
use crate::service::versioned::{self, Decided, MAX_TRIES};

/// Commands written in one batch at most. A sign-up is five to eight statements; D1 runs a batch
/// as one transaction, and a smaller batch lets the first answers leave sooner.
const MAX_GROUP: usize = 40;

/// How long the aggregate in memory is trusted after the last read or write (ms): a rush keeps it
/// warm; after a pause the next command reads D1 again, so what other paths change (a check-in,
/// an erasure) is seen.
const FRESH_MS: f64 = 2_000.0;

/// The writer of one event's seats.
pub struct Writer {
    event_id: i64,
    /// The object's own handle on D1, for the flush task.
    db: D1Database,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    /// The aggregate with every decision made so far, written or not (`None`: read it first).
    working: Option<Loaded>,
    /// The event's version once every batch so far is written: the next batch moves it on.
    version: i64,
    /// When the aggregate was last read or written (ms since the epoch).
    touched: f64,
    loading: bool,
    writing: bool,
    /// Decided, not yet written, in decision order.
    pending: Vec<Pending>,
    /// Commands to decide and write one batch each, after a group failed for another reason than
    /// a race: the one at fault then gets its own error and the others go through.
    alone: usize,
    /// The last temporary id given to a newcomer (negative: never a database id).
    temporary: i64,
    /// Commands waiting for the aggregate to be read or a write to end.
    sleepers: Vec<oneshot::Sender<()>>,
}

struct Pending {
    statements: Vec<D1PreparedStatement>,
    /// The temporary id of the newcomer the first statement inserts.
    newcomer: Option<i64>,
    done: oneshot::Sender<Outcome>,
}

enum Outcome {
    Written,
    /// Not written (the group lost a race or failed): decide again.
    Again,
    Failed(ApiError),
}

enum Step {
    Decide,
    Load,
    Sleep(oneshot::Receiver<()>),
}

fn clock() -> f64 {
    worker::Date::now().as_millis() as f64
}

impl State {
    fn wake(&mut self) {
        for sleeper in self.sleepers.drain(..) {
            let _ = sleeper.send(());
        }
    }

    fn idle(&self) -> bool {
        !self.writing && self.pending.is_empty()
    }
}

impl Writer {
    pub fn new(event_id: i64, db: D1Database) -> Writer {
        Writer {
            event_id,
            db,
            state: RefCell::new(State::default()),
        }
    }

    pub fn event_id(&self) -> i64 {
        self.event_id
    }

    /// Decide `plan` after every command that arrived before it, and answer once what it decided
    /// is written (or its error, or [`ApiMsg::ErrBusy`] after [`MAX_TRIES`] failed batches).
    pub async fn change<T>(
        self: &Rc<Self>,
        db: &D1Database,
        now: DateTime<Utc>,
        mut plan: impl FnMut(&Loaded) -> Result<Plan<T>, ApiError>,
    ) -> Result<T, ApiError> {
        for _ in 0..MAX_TRIES {
            self.ready(db, now).await?;
            let (answer, done) = {
                let mut s = self.state.borrow_mut();
                let Some(working) = s.working.as_ref() else {
                    continue;
                };
                let (statements, answer, newcomer) = match plan(working)? {
                    Plan::Answer(answer) => return Ok(answer),
                    Plan::Keep(statements, answer) => (statements, answer, None),
                    Plan::Write(statements, answer) => {
                        // The next command reads what this one wrote.
                        s.working = None;
                        (statements, answer, None)
                    }
                    Plan::Join(statements, answer, row) => {
                        s.temporary -= 1;
                        let id = s.temporary;
                        if let Some(working) = s.working.as_mut() {
                            working.join(id, *row, now);
                        }
                        (statements, answer, Some(id))
                    }
                };
                s.alone = s.alone.saturating_sub(1);
                let (done, outcome) = oneshot::channel();
                s.pending.push(Pending {
                    statements,
                    newcomer,
                    done,
                });
                if !s.writing {
                    s.writing = true;
                    wasm_bindgen_futures::spawn_local(flush(self.clone()));
                }
                (answer, outcome)
            };
            match done.await {
                Ok(Outcome::Written) => return Ok(answer),
                Ok(Outcome::Again) => continue,
                Ok(Outcome::Failed(e)) => return Err(e),
                Err(_) => {
                    return Err(ApiError::Internal(
                        "the event's writer dropped a command".into(),
                    ))
                }
            }
        }
        Err(ApiError::Conflict(ApiMsg::ErrBusy))
    }

    /// Wait until a command may be decided: the aggregate is in memory (read here by the first
    /// who finds it missing while nothing is being written), and, after a failed group, nothing
    /// else is decided or being written.
    async fn ready(&self, db: &D1Database, now: DateTime<Utc>) -> Result<(), ApiError> {
        loop {
            let step = {
                let mut s = self.state.borrow_mut();
                if s.idle() && s.working.is_some() && clock() - s.touched > FRESH_MS {
                    s.working = None;
                }
                if s.working.is_some() && (s.alone == 0 || s.idle()) {
                    Step::Decide
                } else if s.working.is_none() && s.idle() && !s.loading {
                    s.loading = true;
                    Step::Load
                } else {
                    let (sleeper, woken) = oneshot::channel();
                    s.sleepers.push(sleeper);
                    Step::Sleep(woken)
                }
            };
            match step {
                Step::Decide => return Ok(()),
                Step::Load => {
                    let read = load(db, self.event_id, now).await;
                    let mut s = self.state.borrow_mut();
                    s.loading = false;
                    s.wake();
                    let loaded = read?;
                    s.version = loaded.event.version;
                    s.touched = clock();
                    s.working = Some(loaded);
                }
                Step::Sleep(woken) => {
                    let _ = woken.await;
                }
            }
        }
    }
}

/// Write what is decided, a group at a time, until nothing is left; then let the sleepers in.
async fn flush(writer: Rc<Writer>) {
    let db = &writer.db;
    loop {
        let (mut group, version) = {
            let mut s = writer.state.borrow_mut();
            if s.pending.is_empty() {
                s.writing = false;
                s.wake();
                return;
            }
            let n = s.pending.len().min(MAX_GROUP);
            (s.pending.drain(..n).collect::<Vec<_>>(), s.version)
        };
        let mut inserts = Vec::new();
        let written = match bump(db, Aggregate::Event, writer.event_id, version) {
            Ok(bump) => {
                let mut batch = vec![bump];
                for p in &mut group {
                    if let Some(id) = p.newcomer {
                        inserts.push((batch.len(), id));
                    }
                    batch.append(&mut p.statements);
                }
                crate::repo::batch(db, batch, "writing the event's seats").await
            }
            Err(e) => Err(e),
        };
        let mut s = writer.state.borrow_mut();
        match written {
            Ok(results) => {
                s.version = version + 1;
                s.touched = clock();
                for (i, temporary) in inserts {
                    match repo::inserted_id(&results, i) {
                        Ok(id) => {
                            if let Some(working) = s.working.as_mut() {
                                working.rename(temporary, id);
                            }
                        }
                        // Written, but the id is unknown here: read the aggregate again.
                        Err(e) => {
                            worker::console_error!("{e:?}");
                            s.working = None;
                        }
                    }
                }
                for p in group {
                    let _ = p.done.send(Outcome::Written);
                }
            }
            Err(e) => {
                // Nothing of the group is stored, and everything decided after it was decided on
                // what it would have written: read again, decide again.
                s.working = None;
                let race = Aborted::of(&e) == Some(Aborted::Stale);
                if group.len() == 1 && !race {
                    if let Some(p) = group.pop() {
                        let _ = p.done.send(Outcome::Failed(e));
                    }
                } else {
                    if !race {
                        s.alone += group.len();
                    }
                    for p in group {
                        let _ = p.done.send(Outcome::Again);
                    }
                }
                for p in s.pending.drain(..) {
                    let _ = p.done.send(Outcome::Again);
                }
            }
        }
        s.wake();
    }
}

/// Where an event's seat changes are decided: by the event's object when the request runs in it
/// (`crate::routes::seats`), else by this request (read, decide, write under the version read).
#[derive(Clone, Default)]
pub struct Seats(Option<Rc<Writer>>);

impl Seats {
    /// The object's single writer, for the event it holds.
    pub fn object(writer: Rc<Writer>) -> Seats {
        Seats(Some(writer))
    }
}

/// Decide with `plan` on the event as it stands and write what it decided: through the event's
/// writer when this request runs in its object, else read, decide, write under the version read,
/// and again from the read when another writer changed the event meanwhile.
pub async fn change<T>(
    db: &D1Database,
    seats: &Seats,
    event_id: i64,
    now: DateTime<Utc>,
    plan: impl FnMut(&Loaded) -> Result<Plan<T>, ApiError>,
) -> Result<T, ApiError> {
    match &seats.0 {
        Some(writer) if writer.event_id() == event_id => writer.change(db, now, plan).await,
        _ => change_here(db, event_id, now, plan).await,
    }
}

async fn change_here<T>(
    db: &D1Database,
    event_id: i64,
    now: DateTime<Utc>,
    mut plan: impl FnMut(&Loaded) -> Result<Plan<T>, ApiError>,
) -> Result<T, ApiError> {
    versioned::change(
        db,
        Aggregate::Event,
        event_id,
        "changing the event's seats",
        || load(db, event_id, now),
        |loaded| loaded.event.version,
        |loaded| {
            let (statements, answer) = plan(loaded)?.into_parts();
            Ok(Decided { statements, answer })
        },
    )
    .await
}
