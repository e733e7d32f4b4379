//! `/mot-de-passe`: ask for a link to choose a new password. The answer never tells whether the
//! address has an account.

use domain::ui_text::Ui;
use domain::wire::PasswordResetRequest;
use leptos::prelude::*;

use crate::api;
use crate::components::form::{field_errors, ErrorSummary, Field};
use crate::components::status::toggle;
use crate::data::Task;
use crate::i18n::{tr, use_i18n, use_title};

const LABELS: &[(&str, Ui)] = &[("email", Ui::FieldEmail)];

#[component]
pub fn PasswordForgot() -> impl IntoView {
    use_title(Ui::ForgotTitle);
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let ask = Task::new();
    let failure = ask.failure_signal();
    let errors = field_errors(failure);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = PasswordResetRequest { email: email.get_untracked() };
        ask.run(async move { api::ask_password_reset(&req, i18n.lang_untracked()).await });
    };
    view! {
        <h1>{tr(Ui::ForgotTitle)}</h1>
        {toggle(
            move || ask.done(),
            move || view! {
                <div class="notice notice--ok" role="status">
                    <p>{move || i18n.f(Ui::ResetLinkSent, &[("email", &email.get())])}</p>
                </div>
            }.into_any(),
            move || view! {
                <p class="lead">{tr(Ui::ForgotLead)}</p>
                <form class="form" novalidate on:submit=on_submit>
                    <ErrorSummary failure labels=LABELS />
                    <Field name="email" label=Ui::FieldEmail value=email errors kind="email" autocomplete="email" required=true />
                    <button type="submit" class="button" disabled=move || ask.pending()>{tr(Ui::SendResetLink)}</button>
                </form>
            }.into_any(),
        )}
    }
}
