//! A small test runner over libtest-mimic: async tests sharing one started context (server,
//! browser driver), with cargo-test-style output and exit code.

use std::future::Future;
use std::pin::Pin;
use std::sync::{OnceLock, PoisonError, RwLock};
use std::time::Duration;

use libtest_mimic::{Arguments, Conclusion, Failed, Trial};

pub type BoxFuture = Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send>>;

/// A named async test over a shared context `C`.
pub struct Test<C: 'static> {
    pub name: &'static str,
    pub run: fn(&'static C) -> BoxFuture,
    /// Runs with no other test at the same time (see [`Test::alone`]).
    pub alone: bool,
}

impl<C> Test<C> {
    pub fn new(name: &'static str, run: fn(&'static C) -> BoxFuture) -> Self {
        Test {
            name,
            run,
            alone: false,
        }
    }

    /// A test that changes or counts what every other test may touch (the scheduled run, counts
    /// across the whole portal): it waits for the tests under way to end, and the others wait
    /// for it, so that its outcome is its own and not a race with them.
    pub fn alone(self) -> Self {
        Test {
            alone: true,
            ..self
        }
    }
}

/// Held for reading by every test while it runs, for writing by a test that runs alone.
static ALONE: RwLock<()> = RwLock::new(());

/// `tests![module::a_test, module::another]`: the list of tests of a binary.
#[macro_export]
macro_rules! tests {
    ($($path:path),* $(,)?) => {
        vec![$($crate::harness::Test::new(
            stringify!($path),
            |c| -> $crate::harness::BoxFuture { Box::pin($path(c)) },
        )),*]
    };
}

const TEST_TIMEOUT: Duration = Duration::from_secs(180);

pub fn runtime() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime")
    })
}

/// Run the tests against `ctx`; the caller stops its services after this returns.
pub fn run<C: Sync + 'static>(
    args: &Arguments,
    ctx: &'static C,
    tests: Vec<Test<C>>,
) -> Conclusion {
    let trials = tests
        .into_iter()
        .map(|t| {
            let (run, alone) = (t.run, t.alone);
            Trial::test(t.name, move || {
                // A failed test leaves the lock as it was: nothing it guards can be half-changed.
                let (_shared, _alone) = if alone {
                    (
                        None,
                        Some(ALONE.write().unwrap_or_else(PoisonError::into_inner)),
                    )
                } else {
                    (
                        Some(ALONE.read().unwrap_or_else(PoisonError::into_inner)),
                        None,
                    )
                };
                runtime()
                    .block_on(async move { tokio::time::timeout(TEST_TIMEOUT, run(ctx)).await })
                    .map_err(|_| Failed::from(format!("timed out after {TEST_TIMEOUT:?}")))?
                    .map_err(|e| Failed::from(format!("{e:#}")))
            })
        })
        .collect();
    libtest_mimic::run(args, trials)
}
