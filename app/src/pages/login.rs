//! `/connexion`: log in, then on to where the person was going (or their area, or the staff desk).

use domain::ui_text::Ui;
use domain::wire::LoginRequest;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api;
use crate::components::form::{field_errors, ErrorSummary, Field};
use crate::components::session::{use_session, Session};
use crate::data::Task;
use crate::i18n::{tr, use_i18n, use_title};

const LABELS: &[(&str, Ui)] = &[("email", Ui::FieldEmail), ("password", Ui::FieldPassword)];

#[component]
pub fn Login() -> impl IntoView {
    use_title(Ui::LoginTitle);
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());

    let login = Task::new();
    let failure = login.failure_signal();
    let errors = field_errors(failure);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = LoginRequest { email: email.get_untracked(), password: password.get_untracked() };
        let navigate = navigate.clone();
        login.run(async move {
            let me = api::login(&req, i18n.lang_untracked()).await?;
            // Only a path of this site, never `//elsewhere`.
            let next = query
                .with_untracked(|q| q.get("suite"))
                .filter(|p| p.starts_with('/') && !p.starts_with("//"))
                .unwrap_or_else(|| Session::home_for(me.role).to_string());
            session.set(me);
            navigate(&next, Default::default());
            Ok(())
        });
    };

    view! {
        <h1>{tr(Ui::LoginTitle)}</h1>
        <form class="form" novalidate on:submit=on_submit>
            <ErrorSummary failure labels=LABELS />
            <Field name="email" label=Ui::FieldEmail value=email errors kind="email" autocomplete="username" required=true />
            <Field name="password" label=Ui::FieldPassword value=password errors kind="password" autocomplete="current-password" required=true />
            <button type="submit" class="button" disabled=move || login.pending()>{tr(Ui::LogIn)}</button>
        </form>
        <p><a href="/mot-de-passe">{tr(Ui::ForgotPassword)}</a></p>
        <p>{tr(Ui::NotAMemberYet)}" "<a href="/adherer">{tr(Ui::ApplyToJoin)}</a></p>
    }
}
