//! `/mot-de-passe/nouveau?token=…`: a new password after a reset email.

use leptos::prelude::*;

use crate::components::set_password::{SetPasswordForm, TokenKind};
use crate::i18n::{tr, use_title};
use crate::text::MemberText;

#[component]
pub fn PasswordNew() -> impl IntoView {
    use_title(MemberText::NewPasswordTitle);
    view! {
        <h1>{tr(MemberText::NewPasswordTitle)}</h1>
        <SetPasswordForm kind=TokenKind::Reset />
    }
}
