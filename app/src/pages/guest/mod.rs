//! Pages for people without an account: the public site and every journey by private link.

pub mod about;
pub mod clubs;
pub mod coworking;
pub mod education;
pub mod home;
pub mod join;
pub mod login;
pub mod not_found;
pub mod partners;
pub mod password_forgot;
pub mod rental_request;
pub mod rental_status;
pub mod room;
