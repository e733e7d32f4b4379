//! `/connexion`: log in, then on to where the person was going (or their area, or the staff desk).

use domain::endpoints as ep;
use domain::wire::LoginRequest;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::{self, Request};
use crate::components::form::{field_errors, ErrorSummary, Field};
use crate::components::session::{use_session, Session};
use crate::i18n::{tr, use_title};
use crate::text::{GuestText, SharedText};

const LABELS: &[(&str, SharedText)] = &[
    ("email", SharedText::FieldEmail),
    ("password", SharedText::FieldPassword),
];

#[component]
pub fn Login() -> impl IntoView {
    use_title(GuestText::LoginTitle);
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());

    let login: Request<LoginRequest> = Action::new_local(move |req: &LoginRequest| {
        let (req, navigate) = (req.clone(), navigate.clone());
        async move {
            let me = api::send(ep::LOGIN, &req).await?;
            // Only a path of this site, never `//elsewhere`.
            let next = query
                .with_untracked(|q| q.get("suite"))
                .filter(|p| p.starts_with('/') && !p.starts_with("//"))
                .unwrap_or_else(|| Session::home_for(me.role).to_string());
            session.set(me);
            navigate(&next, Default::default());
            Ok(())
        }
    });
    let failure = api::failure_of(login);
    let errors = field_errors(failure);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        api::start(
            login,
            LoginRequest {
                email: email.get_untracked(),
                password: password.get_untracked(),
            },
        );
    };

    view! {
        <h1>{tr(GuestText::LoginTitle)}</h1>
        <form class="form" novalidate on:submit=on_submit>
            <ErrorSummary failure labels=LABELS />
            <Field name="email" label=SharedText::FieldEmail value=email errors kind="email" autocomplete="username" required=true />
            <Field name="password" label=SharedText::FieldPassword value=password errors kind="password" autocomplete="current-password" required=true />
            <button type="submit" class="button" aria-disabled=move || login.pending().get().to_string()>{tr(GuestText::LogIn)}</button>
        </form>
        <p><a href="/mot-de-passe">{tr(GuestText::ForgotPassword)}</a></p>
        <p>{tr(GuestText::NotAMemberYet)}" "<a href="/adherer">{tr(GuestText::ApplyToJoin)}</a></p>
    }
}
