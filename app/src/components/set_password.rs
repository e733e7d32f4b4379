//! Choosing a password with the single-use token of an email (an invitation or a reset).

use domain::wire::{ErrorCode, SetPasswordRequest};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::{self, ApiFailure, Request};
use crate::components::form::{field_errors, ErrorSummary, Field};
use crate::components::session::use_session;
use crate::i18n::{tr, use_i18n};
use crate::text::SharedText;

const LABELS: &[(&str, SharedText)] = &[("password", SharedText::FieldNewPassword)];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Invitation,
    Reset,
}

/// The form; on success the person is logged in and goes to their area.
#[component]
pub fn SetPasswordForm(kind: TokenKind) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let token = use_query_map()
        .with_untracked(|q| q.get("token"))
        .unwrap_or_default();
    let password = RwSignal::new(String::new());
    let set: Request<SetPasswordRequest> = Action::new_local(move |req: &SetPasswordRequest| {
        let (req, navigate) = (req.clone(), navigate.clone());
        async move {
            let lang = i18n.lang_untracked();
            let me = match kind {
                TokenKind::Invitation => api::accept_invitation(&req, lang).await,
                TokenKind::Reset => api::confirm_password_reset(&req, lang).await,
            }?;
            session.set(me);
            navigate("/espace", Default::default());
            Ok(())
        }
    });
    let failure = api::failure_of(set);
    let errors = field_errors(failure);
    // A used or expired link: say so, and offer a new one rather than the form again.
    let link_dead = move || matches!(failure.get(), Some(ApiFailure::Api { status, body }) if status == 410 || body.code == ErrorCode::NotFound);
    if token.is_empty() {
        return view! {
            <div class="card prompt" role="alert">
                <p>{tr(SharedText::LinkIncomplete)}</p>
                <p><a href="/mot-de-passe">{tr(SharedText::AskNewLink)}</a></p>
            </div>
        }
        .into_any();
    }
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        api::start(
            set,
            SetPasswordRequest {
                token: token.clone(),
                password: password.get_untracked(),
            },
        );
    };
    view! {
        <form class="form" novalidate on:submit=on_submit>
            <ErrorSummary failure labels=LABELS />
            {move || link_dead().then(|| view! { <p><a href="/mot-de-passe">{tr(SharedText::AskNewLink)}</a></p> })}
            <Field
                name="password"
                label=SharedText::FieldNewPassword
                value=password
                errors
                kind="password"
                autocomplete="new-password"
                hint=SharedText::PasswordHint
                required=true
            />
            <button type="submit" class="button" disabled=move || set.pending().get()>{tr(SharedText::SavePassword)}</button>
        </form>
    }
    .into_any()
}
