//! `/invitation?token=…`: a new member, admitted by staff, chooses their password.

use leptos::prelude::*;

use crate::components::set_password::{SetPasswordForm, TokenKind};
use crate::i18n::{tr, use_title};
use crate::text::GuestText;

#[component]
pub fn Invitation() -> impl IntoView {
    use_title(GuestText::InvitationTitle);
    view! {
        <h1>{tr(GuestText::InvitationTitle)}</h1>
        <p class="lead">{tr(GuestText::InvitationLead)}</p>
        <SetPasswordForm kind=TokenKind::Invitation />
    }
}
