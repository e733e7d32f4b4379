//! One page per file, grouped by audience: each audience's bundle (`src/bin/`) routes to its own
//! group only, so the linker leaves the other groups out of it.

pub mod business;
pub mod events;
pub mod guest;
pub mod member;
pub mod public;
pub mod staff;
