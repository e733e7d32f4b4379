//! The public pages, read by anyone: the home page, coworking, the meeting room, clubs,
//! partners and the association. Their own bundle, the lightest: a visitor from a
//! newsletter reads before they do anything.

pub mod about;
pub mod clubs;
pub mod coworking;
pub mod home;
pub mod partners;
pub mod room;
