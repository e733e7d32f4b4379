//! Who is using the app: asked once to `GET /api/session` (the caller, or null for a visitor), then
//! kept up to date by login, logout and every call that answers with the caller. The session cookie
//! itself is HttpOnly: the app never sees it.

use domain::accounts::Role;
use domain::endpoints as ep;
use domain::wire::Me;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api;
use crate::components::status::Loading;
use crate::i18n::{tr, use_i18n};
use crate::text::{AccountText, SharedText};

#[derive(Debug, Clone, PartialEq)]
pub enum Auth {
    /// `/api/me` has not answered yet.
    Unknown,
    Anonymous,
    Member(Me),
}

#[derive(Clone, Copy)]
pub struct Session(RwSignal<Auth>);

impl Session {
    pub fn init() -> Session {
        let session = Session(RwSignal::new(Auth::Unknown));
        // Asked here, in the app's context (its language); answered on a task of its own.
        let answer = api::call(ep::SESSION);
        leptos::task::spawn_local(async move {
            // `GET /api/session` answers null for visitors (no 401 to log); a failure (offline)
            // reads as "not logged in": the login page is the way back.
            let auth = match answer.await {
                Ok(Some(me)) => Auth::Member(me),
                _ => Auth::Anonymous,
            };
            session.0.set(auth);
        });
        session
    }

    /// Whether `/api/session` has answered (tracked).
    pub fn known(&self) -> bool {
        self.0.with(|a| !matches!(a, Auth::Unknown))
    }

    /// The caller, tracked.
    pub fn me(&self) -> Option<Me> {
        self.0.with(|a| match a {
            Auth::Member(me) => Some(me.clone()),
            _ => None,
        })
    }

    pub fn role(&self) -> Option<Role> {
        self.0.with(|a| match a {
            Auth::Member(me) => Some(me.role),
            _ => None,
        })
    }

    pub fn set(&self, me: Me) {
        self.0.set(Auth::Member(me));
    }

    pub fn clear(&self) {
        self.0.set(Auth::Anonymous);
    }

    /// Where someone goes after logging in: staff to their desk, members to their area.
    pub fn home_for(role: Role) -> &'static str {
        if role.is_staff() {
            "/gestion"
        } else {
            "/espace"
        }
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// Who the page is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Members,
    Staff,
}

/// What the page may show: decided from the session, changing only when the person or role changes
/// (so editing one's profile does not rebuild the page and lose what is typed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gate {
    Waiting,
    LogIn,
    NoAccess,
    Open(i64, Role),
}

/// Renders `content` with the caller when they may see it; otherwise a prompt to log in (with a way
/// back to this page) or a "no access" message. The page's own `<h1>` stays outside, always shown.
pub fn guarded<V, F>(audience: Audience, content: F) -> impl IntoView
where
    F: Fn(Me) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // Only turning the content into a view depends on the page; the gate is compiled once.
    gate(audience, Box::new(move |me| content(me).into_any()))
}

/// The page's content for the caller.
pub type Content = Box<dyn Fn(Me) -> AnyView + Send + Sync>;

/// [`guarded`] for content already erased (the staff frame's).
pub fn gate(audience: Audience, content: Content) -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let location = use_location();
    let gate = Memo::new(move |_| {
        session.0.with(|a| match a {
            Auth::Unknown => Gate::Waiting,
            Auth::Anonymous => Gate::LogIn,
            Auth::Member(me) if audience == Audience::Staff && !me.role.is_staff() => {
                Gate::NoAccess
            }
            Auth::Member(me) => Gate::Open(me.id, me.role),
        })
    });
    move || match gate.get() {
        Gate::Waiting => view! { <Loading /> }.into_any(),
        Gate::LogIn => {
            let back = location.pathname.get_untracked();
            let href = format!(
                "/connexion?suite={}",
                String::from(js_sys::encode_uri_component(&back))
            );
            view! {
                <div class="card prompt">
                    <p>{move || i18n.t(if audience == Audience::Staff { AccountText::StaffLoginNeeded } else { AccountText::LoginNeeded })}</p>
                    <p><a href=href class="button">{tr(SharedText::NavLogin)}</a></p>
                </div>
            }
            .into_any()
        }
        Gate::NoAccess => view! {
            <div class="card prompt" role="alert">
                <p>{move || i18n.t(AccountText::NoAccess)}</p>
                <p><a href="/espace" class="button">{tr(SharedText::NavMyArea)}</a></p>
            </div>
        }
        .into_any(),
        Gate::Open(..) => match session.0.get_untracked() {
            Auth::Member(me) => content(me).into_any(),
            _ => ().into_any(),
        },
    }
}
