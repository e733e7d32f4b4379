//! `/mot-de-passe/nouveau?token=…`: a new password after a reset email.

use leptos::prelude::*;

use crate::components::set_password::{SetPasswordForm, TokenKind};
use crate::i18n::{tr, use_title};
use crate::text::GuestText;

#[component]
pub fn PasswordNew() -> impl IntoView {
    use_title(GuestText::NewPasswordTitle);
    view! {
        <h1>{tr(GuestText::NewPasswordTitle)}</h1>
        <SetPasswordForm kind=TokenKind::Reset />
    }
}
