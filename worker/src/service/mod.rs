//! Operations that combine several reads or writes with the domain's rules.

pub mod assemblies;
pub mod audit;
pub mod bookings;
pub mod calendar;
pub mod consultations;
pub mod email;
pub mod events;
pub mod library;
pub mod reminders;
pub mod rentals;
pub mod site;
pub mod staff_calendar;
pub mod stats;
pub mod versioned;
