//! `/espace/deconnexion`: where the menu's "Se déconnecter" leads, from any page of any bundle
//! (a link, so that the guest bundle carries no code for it). Reached from the portal itself, it
//! ends the session at once and goes home; opened from elsewhere (a link on another site), it asks
//! first, so that no other site can log a member out.

use domain::endpoints as ep;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::address::opened_from_the_portal;
use crate::api::{self, Request};
use crate::components::calendar::failure_alert;
use crate::components::session::use_session;
use crate::i18n::{tr, use_title};
use crate::text::SharedText;

#[component]
pub fn LogOut() -> impl IntoView {
    use_title(SharedText::LogOut);
    let session = use_session();
    let leave: Request<()> = Action::new_local(move |_: &()| async move {
        api::call(ep::LOGOUT).await?;
        session.clear();
        let _ = window().location().assign("/");
        Ok(())
    });
    let ask = !opened_from_the_portal(&use_location().pathname.get_untracked());
    if !ask {
        api::start(leave, ());
    }
    view! {
        <h1>{tr(SharedText::LogOut)}</h1>
        {failure_alert(api::failure_of(leave))}
        {ask.then(|| view! {
            <p><button type="button" class="button" on:click=move |_| api::start(leave, ())>{tr(SharedText::LogOut)}</button></p>
        })}
    }
}
