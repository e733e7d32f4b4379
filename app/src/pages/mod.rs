//! One page per file.

pub mod about;
pub mod clubs;
pub mod coworking;
pub mod directory;
pub mod education;
pub mod home;
pub mod invitation;
pub mod join;
pub mod login;
pub mod member_area;
pub mod not_found;
pub mod partners;
pub mod password_forgot;
pub mod password_new;
pub mod room;
pub mod staff_applications;
pub mod staff_audit;
pub mod staff_member;
pub mod staff_members;
pub mod staff_outbox;
