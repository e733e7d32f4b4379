//! Pages for people without an account who do something: join, log in, ask for a password link,
//! ask for the meeting room and follow the request by its private link. The page any bundle shows
//! for an unknown path is here too.

pub mod join;
pub mod login;
pub mod not_found;
pub mod password_forgot;
pub mod rental_request;
pub mod rental_status;
