//! `/invitation?token=…`: a new member, admitted by staff, chooses their password.

use leptos::prelude::*;

use crate::components::set_password::{SetPasswordForm, TokenKind};
use crate::i18n::{tr, use_title};
use crate::text::MemberText;

#[component]
pub fn Invitation() -> impl IntoView {
    use_title(MemberText::InvitationTitle);
    view! {
        <h1>{tr(MemberText::InvitationTitle)}</h1>
        <p class="lead">{tr(MemberText::InvitationLead)}</p>
        <SetPasswordForm kind=TokenKind::Invitation />
    }
}
