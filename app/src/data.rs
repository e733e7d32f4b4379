//! Fetched data and started requests, each behind one concrete type.
//!
//! The framework's `LocalResource<T>` and `Action<I, O>` compile their machinery (async derived
//! nodes, scoped futures, dispatch closures, `get`, …) once per `T`, `I` and `O`; with a resource or
//! an action per page that was the largest part of the app's wasm after deserialization. Here every
//! page's data is a `LocalResource` of one type (the value behind `Arc<dyn Any>`, typed again by
//! `Data<T>`), and every request started by a tap or a form is a [`Task`] whose future handles its
//! own answer. Only the small async block of each call site stays per type.

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;

use crate::api::ApiFailure;

/// A loaded value or a kept answer, its type erased (and restored by [`typed`]).
pub type Value = Arc<dyn Any + Send + Sync>;
pub type Loaded = Result<Value, ApiFailure>;
type Fetch = Pin<Box<dyn Future<Output = Loaded>>>;

/// Data of type `T` loaded from the API, refetched when the signals read by its fetcher change.
pub struct Data<T> {
    resource: LocalResource<Loaded>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Data<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Data<T> {}

/// Starts loading `T` with `fetch` (which may read signals: it runs again when they change).
pub fn load<T, Fut>(fetch: impl Fn() -> Fut + 'static) -> Data<T>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiFailure>> + 'static,
{
    let fetch = move || -> Fetch {
        let pending = fetch();
        Box::pin(async move { pending.await.map(|v| Arc::new(v) as Value) })
    };
    Data { resource: resource(Box::new(fetch)), ty: PhantomData }
}

/// The one `LocalResource` instantiation of the app.
fn resource(fetch: Box<dyn Fn() -> Fetch>) -> LocalResource<Loaded> {
    LocalResource::new(fetch)
}

impl<T: Clone + 'static> Data<T> {
    /// The data once loaded (tracked): `None` while loading.
    pub fn get(self) -> Option<Result<T, ApiFailure>> {
        self.resource.get().map(|loaded| loaded.map(|v| typed::<T>(&v)))
    }

    /// The data once loaded, without tracking.
    pub fn get_untracked(self) -> Option<Result<T, ApiFailure>> {
        self.resource.get_untracked().map(|loaded| loaded.map(|v| typed::<T>(&v)))
    }

    /// The erased resource, for [`crate::components::status::with_loaded`].
    pub fn erased(self) -> LocalResource<Loaded> {
        self.resource
    }
}

/// The value of a `Data<T>`: `load` stored a `T`, so the downcast cannot fail.
pub fn typed<T: Clone + 'static>(v: &Value) -> T {
    v.downcast_ref::<T>().expect("Data<T> holds a T").clone()
}

/// The answer of a request, kept for the page (a booking made, a link created): one signal type
/// for every kind of answer, typed again by `Answer<T>`.
pub struct Answer<T> {
    slot: RwSignal<Option<Value>>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for Answer<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Answer<T> {}

impl<T: Clone + 'static> Answer<T> {
    pub fn new() -> Answer<T> {
        Answer { slot: RwSignal::new(None), ty: PhantomData }
    }

    /// The answer, once there (tracked).
    pub fn get(self) -> Option<T> {
        self.slot.with(|v| v.as_ref().map(typed::<T>))
    }
}

/// A request started by a tap or a form: whether it runs, how its last run ended, how many runs
/// ended. The future handles the answer itself (stores it, navigates…) and says only ok or why not.
#[derive(Clone, Copy)]
pub struct Task {
    pending: RwSignal<bool>,
    outcome: RwSignal<Option<Result<(), ApiFailure>>>,
    version: RwSignal<usize>,
}

impl Default for Task {
    fn default() -> Self {
        Task::new()
    }
}

impl Task {
    pub fn new() -> Task {
        Task { pending: RwSignal::new(false), outcome: RwSignal::new(None), version: RwSignal::new(0) }
    }

    /// Starts `request` unless a run is under way (a double tap sends once).
    pub fn run(self, request: impl Future<Output = Result<(), ApiFailure>> + 'static) {
        self.start(Box::pin(request));
    }

    /// Starts `request` and keeps its answer in `answer`, emptied when the run starts.
    pub fn run_keeping<T: Send + Sync + 'static>(
        self,
        answer: Answer<T>,
        request: impl Future<Output = Result<T, ApiFailure>> + 'static,
    ) {
        if self.pending.get_untracked() {
            return;
        }
        answer.slot.set(None);
        self.run(async move {
            answer.slot.try_set(Some(Arc::new(request.await?) as Value));
            Ok(())
        });
    }

    fn start(self, request: Pin<Box<dyn Future<Output = Result<(), ApiFailure>>>>) {
        if self.pending.get_untracked() {
            return;
        }
        self.pending.set(true);
        leptos::task::spawn_local(async move {
            let outcome = request.await;
            // The page may be gone by now: its signals then refuse the write, which is fine.
            self.outcome.try_set(Some(outcome));
            self.version.try_update(|v| *v += 1);
            self.pending.try_set(false);
        });
    }

    /// True while a run is under way (tracked).
    pub fn pending(self) -> bool {
        self.pending.get()
    }

    /// True when the last run succeeded (tracked).
    pub fn done(self) -> bool {
        self.outcome.with(|o| matches!(o, Some(Ok(()))))
    }

    /// Why the last run failed, if it did (tracked).
    pub fn failure(self) -> Option<ApiFailure> {
        self.outcome.with(|o| match o {
            Some(Err(f)) => Some(f.clone()),
            _ => None,
        })
    }

    /// [`Task::failure`] as a signal, for the form components.
    pub fn failure_signal(self) -> Signal<Option<ApiFailure>> {
        Signal::derive(move || self.failure())
    }

    /// How many runs have ended (tracked): data that a run changes reads it to load again.
    pub fn version(self) -> usize {
        self.version.get()
    }
}
