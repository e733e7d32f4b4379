//! The staff back-office, under `/gestion`.

pub mod applications;
pub mod assemblies;
pub mod audit;
pub mod blocks;
pub mod bookings;
pub mod club_rules;
pub mod consultation_figures;
pub mod consultations;
pub mod dashboard;
pub mod day;
pub mod event_edit;
pub mod event_registrations;
pub mod events;
pub mod library;
pub mod member;
pub mod members;
pub mod occupancy;
pub mod outbox;
pub mod rentals;
pub mod report;
pub mod settings;
pub mod statistics;
