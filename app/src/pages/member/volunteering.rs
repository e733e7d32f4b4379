//! `/espace/consultations`: a member volunteers for consultations (topics, a monthly cap) and deals
//! with those offered to them: accept or give back with a reason, then (the requester's contact
//! shown) set the appointment and mark it done with a note and recommended resources.

use domain::consultations::{
    CloseRequest, ConsultationStatus, GiveBackRequest, MyConsultation, ScheduleRequest, Topic,
    Volunteering,
};
use domain::endpoints as ep;
use domain::i18n::format_date_long;
use leptos::prelude::*;

use crate::api::{self, Request};
use crate::components::calendar::failure_alert;
use crate::components::consult::{
    availability_words, done_yet, place, status_label, topic_names, trade_label, when, CloseForm,
    ScheduleForm,
};
use crate::components::focus::focus_on_success;
use crate::components::form::{ErrorSummary, NO_LABELS};
use crate::components::session::{guarded, Audience};
use crate::i18n::{tr, use_i18n, use_title, I18n};
use crate::text::MemberText;

#[component]
pub fn VolunteeringPage() -> impl IntoView {
    use_title(MemberText::VolTitle);
    view! {
        <h1>{tr(MemberText::VolTitle)}</h1>
        <p class="lead">{tr(MemberText::VolLead)}</p>
        {guarded(Audience::Members, |_| view! { <Volunteer /> })}
    }
}

/// What a volunteer does to a request.
#[derive(Clone)]
enum VolunteerMove {
    Accept(i64),
    GiveBack(i64, String),
    Schedule(i64, ScheduleRequest),
    Close(i64, CloseRequest),
}

#[component]
fn Volunteer() -> impl IntoView {
    let i18n = use_i18n();
    let topics =
        LocalResource::new(move || async move { api::call(ep::CONSULTATION_TOPICS).await });
    let act: Request<VolunteerMove> = Action::new_local(move |m: &VolunteerMove| {
        let m = m.clone();
        async move {
            match m {
                VolunteerMove::Accept(id) => api::call(ep::ACCEPT_CONSULTATION.at(&[&id]))
                    .await
                    .map(drop),
                VolunteerMove::GiveBack(id, reason) => {
                    api::send(
                        ep::DECLINE_CONSULTATION.at(&[&id]),
                        &GiveBackRequest { reason },
                    )
                    .await
                }
                VolunteerMove::Schedule(id, b) => {
                    api::send(ep::MY_SCHEDULE_CONSULTATION.at(&[&id]), &b)
                        .await
                        .map(drop)
                }
                VolunteerMove::Close(id, b) => api::send(ep::MY_CLOSE_CONSULTATION.at(&[&id]), &b)
                    .await
                    .map(drop),
            }
        }
    });
    // Read again after a change only: a refusal leaves the cards (and what was typed) as they are.
    let saved = api::successes(act);
    let mine = LocalResource::new(move || {
        saved.get();
        async move { api::call(ep::MY_CONSULTATIONS).await }
    });
    focus_on_success(act, "#vol-done");
    let failure = api::failure_of(act);
    // A refused appointment is said in its own form; anything else at the top of the list.
    let scheduling = RwSignal::new(None::<i64>);
    let elsewhere = Signal::derive(move || {
        if scheduling.get().is_some() {
            None
        } else {
            failure.get()
        }
    });
    view! {
        <Profile topics />
        <section aria-labelledby="vol-mine">
            <h2 id="vol-mine">{tr(MemberText::VolMineTitle)}</h2>
            <p class="notice-line" role="status" id="vol-done" tabindex="-1">{move || api::answer_of(act).is_some().then(|| i18n.t(MemberText::VolSaved))}</p>
            {failure_alert(elsewhere)}
            {move || mine.get().map(|r| match r {
                Ok(list) if list.is_empty() => view! { <p>{i18n.t(MemberText::VolNone)}</p> }.into_any(),
                Ok(list) => {
                    let topics = topics.get().and_then(Result::ok).unwrap_or_default();
                    view! { <ul class="cards">{list.into_iter().map(|c| card(c, &topics, act, Moves { scheduling, failure }, i18n)).collect_view()}</ul> }.into_any()
                }
                Err(_) => view! { <p>{i18n.t(crate::text::SharedText::LoadError)}</p> }.into_any(),
            })}
        </section>
    }
}

/// Which request's appointment was sent last, and how the last move was refused.
#[derive(Clone, Copy)]
struct Moves {
    scheduling: RwSignal<Option<i64>>,
    failure: Signal<Option<crate::api::ApiFailure>>,
}

fn card(
    c: MyConsultation,
    topics: &[Topic],
    act: Request<VolunteerMove>,
    moves: Moves,
    i18n: I18n,
) -> impl IntoView {
    let start = move |m: VolunteerMove| {
        moves.scheduling.set(match &m {
            VolunteerMove::Schedule(id, _) => Some(*id),
            _ => None,
        });
        api::start(act, m);
    };
    let id = c.id;
    let heading = format!("vol-{id}");
    let labelled_by = heading.clone();
    let availability = availability_words(&c.availability, i18n);
    let offered = (!c.accepted && c.status == ConsultationStatus::Assigned).then(|| {
        let by = c.answer_by.map(|d| format_date_long(d, i18n.lang())).unwrap_or_default();
        view! {
            <p><strong>{i18n.f(MemberText::VolOffered, &[("date", &by)])}</strong></p>
            <div class="actions">
                <button type="button" class="button" aria-disabled=move || act.pending().get().to_string()
                    on:click=move |_| start(VolunteerMove::Accept(id))>{i18n.t(MemberText::VolAccept)}</button>
            </div>
        }
    });
    let accepted = (c.accepted && c.status.is_open()).then(|| {
        view! {
            <ScheduleForm key=id nested=true current=c.appointment.clone() pending=act.pending()
                on_send=move |b| start(VolunteerMove::Schedule(id, b))
                refusal=Signal::derive(move || (moves.scheduling.get() == Some(id)).then(|| moves.failure.get()).flatten()) />
            // Done once the appointment has begun: not offered before (the server says the same).
            {(c.status == ConsultationStatus::Scheduled && done_yet(c.status, c.appointment.as_ref())).then(|| view! {
                <CloseForm key=id nested=true allow_decline=false done_allowed=true pending=act.pending()
                    on_send=move |b| start(VolunteerMove::Close(id, b)) />
            })}
        }
    });
    // Before or after accepting, the volunteer can give it back, saying why.
    let give_back = c.status.is_open().then(|| {
        let giving_back = RwSignal::new(false);
        let reason = RwSignal::new(String::new());
        view! {
            <div class="actions">
                <button type="button" class="button button--secondary" aria-expanded=move || giving_back.get().to_string()
                    on:click=move |_| giving_back.update(|g| *g = !*g)>{i18n.t(MemberText::VolDecline)}</button>
            </div>
            <Show when=move || giving_back.get()>
                {give_back_form(id, reason, act, start, i18n)}
            </Show>
        }
    });
    view! {
        <li class="card" aria-labelledby=labelled_by>
            <p class="event-card__kind">{i18n.t(status_label(c.status))}" · "{i18n.t(trade_label(c.trade))}" · "{c.town.clone()}</p>
            // A request whose personal fields were erased (its requester asked, or its time ran out)
            // says so, instead of an empty title and an empty address.
            <h3 id=heading>{if c.business.is_empty() { i18n.t(MemberText::VolErased).to_string() } else { c.business.clone() }}</h3>
            <p>{topic_names(&c.topics, topics, i18n)}</p>
            <p>{c.goal.clone()}</p>
            <p class="note">{availability}</p>
            {c.requester.clone().filter(|r| !r.email.is_empty()).map(|r| view! {
                <p>
                    <strong>{i18n.t(MemberText::VolRequester)}</strong>{i18n.colon()}{r.name}" · "
                    <a href=format!("mailto:{}", r.email)>{r.email.clone()}</a>
                    {(!r.phone.is_empty()).then(|| view! { " · "<a href=format!("tel:{}", r.phone.replace(' ', ""))>{r.phone.clone()}</a> })}
                </p>
            })}
            {c.appointment.as_ref().map(|a| view! { <p><strong>{when(a, i18n.lang())}</strong>" — "{place(a, i18n)}</p> })}
            {c.unsuitable.clone().map(|m| view! { <p class="tag tag--warning">{i18n.f(MemberText::VolUnsuitable, &[("message", &m)])}</p> })}
            {(!c.note.is_empty()).then(|| view! { <p>{c.note.clone()}</p> })}
            {offered}
            {accepted}
            {give_back}
        </li>
    }
}

fn give_back_form(
    id: i64,
    reason: RwSignal<String>,
    act: Request<VolunteerMove>,
    start: impl Fn(VolunteerMove) + Copy + 'static,
    i18n: I18n,
) -> impl IntoView {
    let field = format!("vol-reason-{id}");
    view! {
        <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            start(VolunteerMove::GiveBack(id, reason.get_untracked()));
        }>
            <div class="field">
                <label for=field.clone()>{i18n.t(MemberText::VolReason)}</label>
                <textarea id=field rows="2" bind:value=reason></textarea>
            </div>
            <button type="submit" class="button button--danger" aria-disabled=move || act.pending().get().to_string()>{i18n.t(MemberText::VolSendDecline)}</button>
        </form>
    }
}

#[component]
fn Profile(topics: LocalResource<Result<Vec<Topic>, api::ApiFailure>>) -> impl IntoView {
    let i18n = use_i18n();
    let current = LocalResource::new(move || async move { api::call(ep::MY_VOLUNTEERING).await });
    let save: Request<Volunteering, Volunteering> = Action::new_local(move |v: &Volunteering| {
        let v = v.clone();
        async move { api::send(ep::SET_MY_VOLUNTEERING, &v).await }
    });
    let failure = api::failure_of(save);
    focus_on_success(save, "#vol-saved");
    view! {
        <section class="card" aria-labelledby="vol-profile">
            <h2 id="vol-profile">{tr(MemberText::VolProfileTitle)}</h2>
            {move || current.get().and_then(Result::ok).map(|v: Volunteering| {
                let on = RwSignal::new(v.volunteer);
                let chosen = RwSignal::new(v.topics.clone());
                let cap = RwSignal::new(v.monthly_cap.to_string());
                view! {
                    <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        api::start(save, Volunteering { volunteer: on.get_untracked(), topics: chosen.get_untracked(), monthly_cap: cap.get_untracked().trim().parse().unwrap_or(0) });
                    }>
                        <ErrorSummary failure labels=NO_LABELS />
                        <div class="check">
                            <input type="checkbox" id="vol-on" prop:checked=move || on.get() on:change=move |ev| on.set(event_target_checked(&ev)) />
                            <label for="vol-on">{tr(MemberText::VolOn)}</label>
                        </div>
                        <fieldset class="field" id="f-topics">
                            <legend>{tr(MemberText::VolTopics)}</legend>
                            {move || topics.get().and_then(Result::ok).map(|list: Vec<Topic>| list.into_iter().filter(|t| t.active).map(|t| {
                                let id = format!("vol-topic-{}", t.slug);
                                let slug = t.slug.clone();
                                let checked = chosen.with_untracked(|c| c.contains(&slug));
                                view! {
                                    <div class="check">
                                        <input type="checkbox" id=id.clone() prop:checked=checked on:change=move |ev| {
                                            let (yes, slug) = (event_target_checked(&ev), slug.clone());
                                            chosen.update(|c| { c.retain(|s| *s != slug); if yes { c.push(slug); } });
                                        } />
                                        <label for=id>{i18n.pick(&t.label)}</label>
                                    </div>
                                }
                            }).collect_view())}
                        </fieldset>
                        <div class="field">
                            <label for="f-monthly_cap">{tr(MemberText::VolCap)}</label>
                            <input id="f-monthly_cap" type="number" inputmode="numeric" min="1" max="20" bind:value=cap />
                        </div>
                        <button type="submit" class="button" aria-disabled=move || save.pending().get().to_string()>{tr(MemberText::VolSave)}</button>
                        <p class="notice-line" role="status" id="vol-saved" tabindex="-1">{move || api::answer_of(save).is_some().then(|| i18n.t(MemberText::VolSaved))}</p>
                    </form>
                }
            })}
        </section>
    }
}
