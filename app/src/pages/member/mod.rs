//! Members' pages: their area, the booking calendar, their bookings, the directory.

pub mod booking;
pub mod booking_list;
pub mod directory;
pub mod member_area;
