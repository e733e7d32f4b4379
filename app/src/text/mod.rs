//! The app's strings, one enum per audience so that each bundle carries only its own text (the
//! tables of an enum are linked whole as soon as one of its strings is used). Where a string is used
//! by more than one audience it is in [`SharedText`], or in [`AccountText`] when only members' and staff
//! pages show it.

mod account;
mod assembly;
mod business;
mod events;
mod guest;
mod member;
mod public;
mod shared;
mod signup;
mod staff;

pub use account::AccountText;
pub use assembly::AssemblyText;
pub use business::{BusinessText, ConsultText};
pub use events::EventText;
pub use guest::GuestText;
pub use member::MemberText;
pub use public::PublicText;
pub use shared::SharedText;
pub use signup::SignupText;
pub use staff::StaffText;

use crate::i18n::Label;

/// Any of the app's texts can be a component's [`Label`].
macro_rules! labels {
    ($($text:ty),*) => {
        $(impl From<$text> for Label {
            fn from(text: $text) -> Label {
                Label::of(text)
            }
        })*
    };
}

labels!(
    AccountText,
    AssemblyText,
    BusinessText,
    ConsultText,
    EventText,
    GuestText,
    MemberText,
    PublicText,
    SharedText,
    SignupText,
    StaffText
);
