//! `/invitation?token=…`: a new member, admitted by staff, chooses their password.

use domain::ui_text::Ui;
use leptos::prelude::*;

use crate::components::set_password::{SetPasswordForm, TokenKind};
use crate::i18n::{tr, use_title};

#[component]
pub fn Invitation() -> impl IntoView {
    use_title(Ui::InvitationTitle);
    view! {
        <h1>{tr(Ui::InvitationTitle)}</h1>
        <p class="lead">{tr(Ui::InvitationLead)}</p>
        <SetPasswordForm kind=TokenKind::Invitation />
    }
}
