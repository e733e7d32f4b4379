pub mod confirm;
pub mod form;
pub mod search;
pub mod session;
pub mod set_password;
pub mod shell;
pub mod staff;
pub mod status;
