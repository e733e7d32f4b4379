//! `/mot-de-passe/nouveau?token=…`: a new password after a reset email.

use domain::ui_text::Ui;
use leptos::prelude::*;

use crate::components::set_password::{SetPasswordForm, TokenKind};
use crate::i18n::{tr, use_title};

#[component]
pub fn PasswordNew() -> impl IntoView {
    use_title(Ui::NewPasswordTitle);
    view! {
        <h1>{tr(Ui::NewPasswordTitle)}</h1>
        <SetPasswordForm kind=TokenKind::Reset />
    }
}
