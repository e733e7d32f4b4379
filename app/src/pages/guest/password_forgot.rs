//! `/mot-de-passe`: ask for a link to choose a new password. The answer never tells whether the
//! address has an account.

use domain::endpoints as ep;
use domain::wire::PasswordResetRequest;
use leptos::prelude::*;

use crate::api::{self, Request};
use crate::components::form::{field_errors, ErrorSummary, Field};
use crate::i18n::{tr, use_i18n, use_title};
use crate::text::{GuestText, SharedText};

const LABELS: &[(&str, SharedText)] = &[("email", SharedText::FieldEmail)];

#[component]
pub fn PasswordForgot() -> impl IntoView {
    use_title(GuestText::ForgotTitle);
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let ask: Request<PasswordResetRequest> =
        Action::new_local(move |req: &PasswordResetRequest| {
            let req = req.clone();
            async move { api::send(ep::REQUEST_PASSWORD_RESET, &req).await }
        });
    let failure = api::failure_of(ask);
    let errors = field_errors(failure);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        api::start(
            ask,
            PasswordResetRequest {
                email: email.get_untracked(),
            },
        );
    };
    view! {
        <h1>{tr(GuestText::ForgotTitle)}</h1>
        <Show when=move || api::answer_of(ask).is_some() fallback=move || view! {
                <p class="lead">{tr(GuestText::ForgotLead)}</p>
                <form class="form" novalidate on:submit=on_submit>
                    <ErrorSummary failure labels=LABELS />
                    <Field name="email" label=SharedText::FieldEmail value=email errors kind="email" autocomplete="email" required=true />
                    <button type="submit" class="button" aria-disabled=move || ask.pending().get().to_string()>{tr(GuestText::SendResetLink)}</button>
                </form>
            }>
                <div class="notice notice--ok" role="status">
                    <p>{move || i18n.f(GuestText::ResetLinkSent, &[("email", &email.get())])}</p>
                </div>
            </Show>
    }
}
