//! One page per file.

pub mod about;
pub mod clubs;
pub mod coworking;
pub mod education;
pub mod home;
pub mod join;
pub mod not_found;
pub mod partners;
pub mod room;
