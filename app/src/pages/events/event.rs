//! `/agenda/:id`: an event with everything a parent needs, its `.ics`, and the sign-up form
//! (seats for adults and children, the children's names and the guardian's consent when the
//! workshop asks, and the waiting list's choice when the group does not fit).

use domain::endpoints as ep;
use domain::events::EventKind;
use domain::events::{
    Audience, EventView, MyEvent, RegistrationRequest, SignUpAnswer, SignupState,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params};
use leptos_router::params::Params;

use super::{event_facts, kind_label, Group, GroupControls};
use crate::api::{self, Request};
use crate::components::form::{field_error, field_errors, ErrorSummary, Field, NO_LABELS};
use crate::components::session::use_session;
use crate::components::status::with_loaded;
use crate::components::status::Loading;
use crate::format::datetime_short;
use crate::i18n::{tr, use_i18n, use_title};
use crate::text::{EventText, SharedText, SignupText};

const PERSON_LABELS: &[(&str, SharedText)] = &[
    ("name", SharedText::FieldName),
    ("email", SharedText::FieldEmail),
    ("phone", SharedText::FieldPhone),
];

#[derive(Params, Debug, Clone, PartialEq)]
struct EventPath {
    id: Option<String>,
}

#[component]
pub fn EventPage() -> impl IntoView {
    use_title(EventText::AgendaTitle);
    let i18n = use_i18n();
    let id = use_params::<EventPath>()
        .with_untracked(|p| p.as_ref().ok().and_then(|p| p.id.clone()))
        .and_then(|id| id.parse::<i64>().ok())
        .unwrap_or(0);
    let event = LocalResource::new(move || async move { api::call(ep::EVENT.at(&[&id])).await });
    provide_context(super::FreshSeats(RwSignal::new(None)));
    view! {
        <p class="back"><a href="/agenda">{tr(SignupText::BackToAgenda)}</a></p>
        {with_loaded(event, move |ev: EventView| {
            let title = ev.title.clone();
            let description = ev.description.clone();
            let kind = ev.kind;
            let french = ev.in_french_only;
            Effect::new(move |_| {
                document().set_title(&format!("{} · Silicon Kerne", i18n.pick(&title)));
            });
            let title = ev.title.clone();
            view! {
                <p class="event-card__kind">{move || i18n.t(kind_label(kind))}</p>
                <h1>{move || super::maybe_in_french(i18n.pick(&title), french.title, i18n)}</h1>
                {event_facts(&ev)}
                {(!ev.description.fr.is_empty()).then(|| view! {
                    <div class="event-description" lang=move || (french.description && i18n.lang() == domain::Lang::En).then_some("fr")>
                        {move || paragraphs(&i18n.pick(&description))}
                    </div>
                    {move || (french.description && i18n.lang() == domain::Lang::En).then(|| view! { <p class="note">{tr(EventText::InFrench)}</p> })}
                })}
                <p><a href=ep::EVENT_ICS.at(&[&ev.id]).url download="" class="button button--secondary">{tr(SignupText::AddToCalendar)}</a></p>
                <SignupSection ev />
            }
        })}
    }
}

/// Plain text with blank lines, as paragraphs.
pub fn paragraphs(text: &str) -> impl IntoView + use<> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p>{p.to_string()}</p> })
        .collect_view()
}

#[component]
fn SignupSection(ev: EventView) -> impl IntoView {
    let i18n = use_i18n();
    let opens = ev.signup_opens_at.0;
    let body = match ev.signups {
        SignupState::Open if ev.audience == Audience::Members => view! { <MembersCome ev /> }.into_any(),
        SignupState::Open => view! { <SignupForm ev /> }.into_any(),
        SignupState::NotYet => view! {
            <p class="notice" role="note">{move || i18n.f(SignupText::SignupNotYet, &[("date", &datetime_short(opens, i18n.lang()))])}</p>
        }
        .into_any(),
        SignupState::Closed => view! { <p class="notice" role="note">{tr(SignupText::SignupClosed)}</p> }.into_any(),
        SignupState::Cancelled => view! { <p class="notice" role="note">{tr(SignupText::EventCancelled)}</p> }.into_any(),
    };
    view! {
        <section class="card signup" aria-labelledby="signup-title">
            <h2 id="signup-title">{tr(SignupText::SignupTitle)}</h2>
            {body}
        </section>
    }
}

#[component]
fn SignupForm(ev: EventView) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let id = ev.id;
    let seats_left = ev.seats_left;
    let group = Group::new(&ev, 1, 0, &[]);
    // A children's workshop that names the children asks for the guardian's consent.
    let asks_consent = ev.asks_children;
    let photos = ev.asks_children || ev.kind == EventKind::ChildrenWorkshop;
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let consent_children = RwSignal::new(false);
    // The consent names the delay staff set (it is in the site's content, loaded with the page).
    let site = crate::site::use_site().0;
    let consent_children_text = move || match site.get().and_then(Result::ok) {
        Some(s) => i18n.f(
            SignupText::ConsentChildren,
            &[("days", &s.children_retention_days.to_string())],
        ),
        None => i18n.t(SharedText::Loading).to_string(),
    };
    let consent_photos = RwSignal::new(false);
    let accept_fewer = RwSignal::new(false);
    let send: Request<RegistrationRequest, SignUpAnswer> =
        Action::new_local(move |req: &RegistrationRequest| {
            let req = req.clone();
            async move { api::send(ep::REGISTER.at(&[&id]), &req).await }
        });
    let failure = api::failure_of(send);
    let errors = field_errors(failure);
    // The answer's private link is the next page; an email already signed up gets its link by
    // email, and the page says so (nothing else: the link is never shown to whoever typed it).
    let link_sent = RwSignal::new(false);
    Effect::new(move |_| match api::answer_of(send) {
        Some(SignUpAnswer::Created(created)) => navigate(&created.link, Default::default()),
        Some(SignUpAnswer::LinkSent(_)) => {
            link_sent.set(true);
            request_animation_frame(|| {
                crate::components::focus::focus_css("#link-sent");
            });
        }
        None => {}
    });
    let waits = move || group.seats() > seats_left;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        api::start(
            send,
            RegistrationRequest {
                name: name.get_untracked(),
                email: email.get_untracked(),
                phone: phone.get_untracked(),
                adults: group.adults_untracked(),
                children: group.children_untracked(),
                consent_children: consent_children.get_untracked(),
                consent_photos: consent_photos.get_untracked(),
                accept_fewer: accept_fewer.get_untracked(),
                lang: i18n.lang_untracked(),
            },
        );
    };
    view! {
        <p>{tr(SignupText::NoAccountNeeded)}</p>
        <Show when=move || link_sent.get()>
            <p id="link-sent" class="notice" role="status" tabindex="-1">{tr(SignupText::LinkSentAgain)}</p>
        </Show>
        <form class="form" novalidate on:submit=on_submit>
            <ErrorSummary failure labels=PERSON_LABELS />
            <Field name="name" label=SharedText::FieldName value=name errors autocomplete="name" required=true />
            <Field name="email" label=SharedText::FieldEmail value=email errors kind="email" autocomplete="email" required=true />
            <Field name="phone" label=SharedText::FieldPhone value=phone errors kind="tel" autocomplete="tel" />
            <GroupControls group errors />
            {field_error(errors, "children")}
            {asks_consent.then(|| view! {
                <Show when=move || group.has_children()>
                    <div class="field">
                        <div class="check">
                            <input type="checkbox" id="f-consent_children" required=true
                                aria-invalid=move || errors.with(|e| e.contains_key("consent_children")).then_some("true")
                                aria-describedby=move || errors.with(|e| e.contains_key("consent_children")).then_some("f-consent_children-error")
                                prop:checked=move || consent_children.get()
                                on:change=move |ev| consent_children.set(event_target_checked(&ev)) />
                            <label for="f-consent_children">{consent_children_text}</label>
                        </div>
                        {field_error(errors, "consent_children")}
                    </div>
                </Show>
            })}
            {photos.then(|| view! {
                <Show when=move || group.has_children()>
                    <div class="check">
                        <input type="checkbox" id="f-consent_photos" prop:checked=move || consent_photos.get()
                            on:change=move |ev| consent_photos.set(event_target_checked(&ev)) />
                        <label for="f-consent_photos">{tr(SignupText::ConsentPhotos)}</label>
                    </div>
                </Show>
            })}
            <Show when=waits>
                <div class="notice" role="note">
                    <p>{tr(SignupText::NotEnoughSeats)}</p>
                </div>
                <fieldset class="field">
                    <legend>{tr(SignupText::GroupChoice)}</legend>
                    <div class="check">
                        <input type="radio" name="accept_fewer" id="f-accept_fewer-no" prop:checked=move || !accept_fewer.get()
                            on:change=move |_| accept_fewer.set(false) />
                        <label for="f-accept_fewer-no">{tr(SignupText::AllTogether)}</label>
                    </div>
                    <div class="check">
                        <input type="radio" name="accept_fewer" id="f-accept_fewer-yes" prop:checked=move || accept_fewer.get()
                            on:change=move |_| accept_fewer.set(true) />
                        <label for="f-accept_fewer-yes">{tr(SignupText::AcceptFewer)}</label>
                    </div>
                </fieldset>
            </Show>
            <button type="submit" class="button" aria-disabled=move || send.pending().get().to_string()>
                {move || i18n.t(if waits() { SignupText::JoinWaitingList } else { SignupText::SignUp })}
            </button>
        </form>
    }
}

/// A members-only event (a club's meeting): no guest form. A visitor is told it is for members,
/// with a link to log in and come back here; a member comes or no longer comes in one tap (a seat
/// like anyone's, or a place on the waiting list), and the keyboard goes on from what it says.
#[component]
fn MembersCome(ev: EventView) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let id = ev.id;
    let change: Request<bool> = Action::new_local(move |coming: &bool| {
        let coming = *coming;
        async move {
            if coming {
                api::call(ep::COME_TO_EVENT.at(&[&id])).await.map(drop)
            } else {
                api::call(ep::STAY_AWAY_FROM_EVENT.at(&[&id])).await
            }
        }
    });
    let mine = LocalResource::new(move || {
        change.version().get();
        let member = session.me().is_some();
        async move {
            if !member {
                return Ok(None);
            }
            let list = api::call(ep::MY_EVENTS).await?;
            Ok(list.into_iter().find(|m| m.event.id == id))
        }
    });
    // After a tap the facts above say the seats left as the answer has them.
    let fresh = use_context::<super::FreshSeats>();
    Effect::new(move |_| {
        let seats = mine
            .get()
            .and_then(Result::ok)
            .flatten()
            .map(|m| m.event.seats_left);
        if change.version().get_untracked() > 0 {
            if let (Some(f), Some(n)) = (fresh, seats) {
                f.0.set(Some(n));
            }
            crate::components::focus::focus_after_draw("#coming-status");
        }
    });
    let back = format!(
        "/connexion?suite={}",
        String::from(js_sys::encode_uri_component(&format!("/agenda/{id}")))
    );
    move || {
        if !session.known() {
            return view! { <Loading /> }.into_any();
        }
        if session.me().is_none() {
            let back = back.clone();
            return view! {
                <p class="notice" role="note">{tr(SignupText::MembersOnlyNote)}</p>
                <p><a href=back class="button">{tr(SignupText::LogInToCome)}</a></p>
            }
            .into_any();
        }
        view! {
            <ErrorSummary failure=api::failure_of(change) labels=NO_LABELS />
            {with_loaded(mine, move |m: Option<MyEvent>| {
                let coming = m.as_ref().is_some_and(|m| m.coming);
                let status = m.as_ref().and_then(|m| m.status);
                let position = m.as_ref().and_then(|m| m.position);
                let said = move || match status {
                    Some(domain::events::RegistrationStatus::Waiting) => {
                        super::registration::status_text(domain::events::RegistrationStatus::Waiting, 0, position, i18n)
                    }
                    _ if coming => i18n.t(SignupText::YouAreComing).to_string(),
                    _ => i18n.t(SignupText::NotComingYet).to_string(),
                };
                view! {
                    <p id="coming-status" role="status" tabindex="-1">{said}</p>
                    <button type="button" class=if coming { "button button--secondary" } else { "button" }
                        aria-pressed=coming.to_string()
                        aria-disabled=move || change.pending().get().to_string()
                        on:click=move |_| api::start(change, !coming)>
                        {tr(if coming { SignupText::StayAwayButton } else { SignupText::ComeButton })}
                    </button>
                }
            })}
        }
        .into_any()
    }
}
