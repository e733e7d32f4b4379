//! Silicon Kerne's domain: the rules of the cantine, its calendar and time-zone arithmetic, and the
//! wire types that the worker, the app and the tests share. Pure Rust: no I/O, no clock (callers
//! pass "now" in), so everything here is tested natively and fast.

pub mod accounts;
pub mod assembly;
pub mod calendar;
pub mod consultation;
pub mod consultations;
pub mod endpoints;
pub mod events;
pub mod holidays;
pub mod i18n;
pub mod paris;
pub mod privacy;
pub mod recurrence;
#[cfg(any(feature = "search", test))]
pub mod search;
pub mod seat_book;
pub mod settings;
pub mod stats;
pub mod time;
pub mod wire;

#[cfg(test)]
mod test_support;

pub use i18n::{ApiMsg, Lang, Localized};
