//! A small test runner over libtest-mimic: async tests sharing one started context (server,
//! browser driver), with cargo-test-style output and exit code.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use std::time::Duration;

use libtest_mimic::{Arguments, Conclusion, Failed, Trial};

pub type BoxFuture = Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send>>;

/// A named async test over a shared context `C`.
pub struct Test<C: 'static> {
    pub name: &'static str,
    pub run: fn(&'static C) -> BoxFuture,
}

impl<C> Test<C> {
    pub fn new(name: &'static str, run: fn(&'static C) -> BoxFuture) -> Self {
        Test { name, run }
    }
}

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
            let run = t.run;
            Trial::test(t.name, move || {
                runtime()
                    .block_on(async move { tokio::time::timeout(TEST_TIMEOUT, run(ctx)).await })
                    .map_err(|_| Failed::from(format!("timed out after {TEST_TIMEOUT:?}")))?
                    .map_err(|e| Failed::from(format!("{e:#}")))
            })
        })
        .collect();
    libtest_mimic::run(args, trials)
}
