//! Members' pages: their area, the booking calendar, their bookings, the directory, and the two
//! pages where a member chooses a password from an email's link (an invitation, a reset): the
//! person has an account, and the guest bundle stays lighter without the password form.

pub mod assembly;
pub mod booking;
pub mod booking_list;
pub mod directory;
pub mod fee;
pub mod invitation;
pub mod log_out;
pub mod member_area;
pub mod password_new;
pub mod volunteering;
