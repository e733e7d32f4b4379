//! Operations that combine several reads or writes with the domain's rules.

pub mod site;
