//! Choosing a password with the single-use token of an email (an invitation or a reset).

use domain::endpoints as ep;
use domain::wire::{ErrorCode, SetPasswordRequest};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::{self, ApiFailure, Request};
use crate::components::form::{field_errors, ErrorSummary, Field};
use crate::components::session::use_session;
use crate::components::status::{LoadFailed, Loading};
use crate::i18n::tr;
use crate::text::MemberText;

const LABELS: &[(&str, MemberText)] = &[("password", MemberText::FieldNewPassword)];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Invitation,
    Reset,
}

/// The form, once the link is known to be usable (a used, expired or mistyped link is told at
/// once, with the way to a new one); on success the person is logged in and goes to their area,
/// which confirms the password is saved.
#[component]
pub fn SetPasswordForm(kind: TokenKind) -> impl IntoView {
    let token = use_query_map()
        .with_untracked(|q| q.get("token"))
        .unwrap_or_default();
    if token.is_empty() {
        return dead_link(MemberText::LinkIncomplete).into_any();
    }
    let path = match kind {
        TokenKind::Invitation => ep::CHECK_INVITATION,
        TokenKind::Reset => ep::CHECK_PASSWORD_RESET,
    };
    let check = {
        let token = token.clone();
        LocalResource::new(move || {
            let token = token.clone();
            async move { api::call(path.at(&[&token])).await }
        })
    };
    view! {
        <Suspense fallback=Loading>
            {move || check.get().map(|usable| match usable {
                Ok(()) => view! { <PasswordForm kind token=token.clone() /> }.into_any(),
                Err(ApiFailure::Api { status: 404, .. }) => dead_link(MemberText::LinkDead).into_any(),
                Err(failure) => view! { <LoadFailed failure retry=move || check.refetch() /> }.into_any(),
            })}
        </Suspense>
    }
    .into_any()
}

fn dead_link(message: MemberText) -> impl IntoView {
    view! {
        <div class="card prompt" role="alert">
            <p>{tr(message)}</p>
            <p><a href="/mot-de-passe" class="button">{tr(MemberText::AskNewLink)}</a></p>
        </div>
    }
}

#[component]
fn PasswordForm(kind: TokenKind, token: String) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let password = RwSignal::new(String::new());
    let set: Request<SetPasswordRequest> = Action::new_local(move |req: &SetPasswordRequest| {
        let (req, navigate) = (req.clone(), navigate.clone());
        async move {
            let me = match kind {
                TokenKind::Invitation => api::send(ep::ACCEPT_INVITATION, &req).await,
                TokenKind::Reset => api::send(ep::CONFIRM_PASSWORD_RESET, &req).await,
            }?;
            session.set(me);
            let done = match kind {
                TokenKind::Invitation => "bienvenue",
                TokenKind::Reset => "mot-de-passe",
            };
            navigate(&format!("/espace?fait={done}"), Default::default());
            Ok(())
        }
    });
    let failure = api::failure_of(set);
    let errors = field_errors(failure);
    // A used or expired link: say so, and offer a new one rather than the form again.
    let link_dead = move || matches!(failure.get(), Some(ApiFailure::Api { status, body }) if status == 410 || body.code == ErrorCode::NotFound);
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
            {move || link_dead().then(|| view! { <p><a href="/mot-de-passe">{tr(MemberText::AskNewLink)}</a></p> })}
            <Field
                name="password"
                label=MemberText::FieldNewPassword
                value=password
                errors
                kind="password"
                autocomplete="new-password"
                hint=MemberText::PasswordHint
                required=true
            />
            <button type="submit" class="button" aria-disabled=move || set.pending().get().to_string()>{tr(MemberText::SavePassword)}</button>
        </form>
    }
}
