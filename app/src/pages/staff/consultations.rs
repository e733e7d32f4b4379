//! `/gestion/consultations`: the triage board, one section per state (to triage, offered,
//! appointments, closed), each request a card with a link to its page; and
//! `/gestion/consultations/:id`: a request with its offers, and the staff's moves: offer it to a
//! volunteer (the suggestions say why), set the appointment, close it.

use domain::consultations::{
    AssignRequest, CloseRequest, ConsultationStatus, OfferAnswer, Returned, ScheduleRequest,
    StaffConsultation, Topic, VolunteerSuggestion, Volunteers,
};
use domain::endpoints as ep;
use domain::i18n::format_date_long;
use leptos::prelude::*;
use leptos_router::hooks::{use_params, use_query_map};
use leptos_router::params::Params;

use crate::api::{self, Request};
use crate::components::calendar::failure_alert;
use crate::components::consult::{
    availability_words, done_yet, place, size_label, status_label, topic_names, trade_label, when,
    CloseForm, ScheduleForm,
};
use crate::components::focus::focus_on_success;
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n, I18n};
use crate::text::StaffText;

#[component]
pub fn StaffConsultations() -> impl IntoView {
    view! { <StaffFrame title=StaffText::CsBoardTitle content=|_| view! { <Board /> } /> }
}

/// Whether a request in a state belongs to a section.
type InSection = fn(ConsultationStatus) -> bool;

/// The board's sections: the `?etat=` word that shows one alone, its title, its states.
const SECTIONS: [(&str, StaffText, InSection); 4] = [
    ("nouvelles", StaffText::CsColumnNew, |s| {
        s == ConsultationStatus::New
    }),
    ("proposees", StaffText::CsColumnAssigned, |s| {
        s == ConsultationStatus::Assigned
    }),
    ("rendez-vous", StaffText::CsColumnScheduled, |s| {
        s == ConsultationStatus::Scheduled
    }),
    ("closes", StaffText::CsColumnClosed, |s| !s.is_open()),
];

#[component]
fn Board() -> impl IntoView {
    let i18n = use_i18n();
    let board = LocalResource::new(move || async move {
        api::call(ep::STAFF_CONSULTATIONS.query(&[("status", "")])).await
    });
    let topics =
        LocalResource::new(move || async move { api::call(ep::CONSULTATION_TOPICS).await });
    // One section alone on a phone's long page, kept in the address (a reload or a link keeps it).
    let shown = RwSignal::new(
        use_query_map()
            .get_untracked()
            .get("etat")
            .unwrap_or_default(),
    );
    let choose = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        crate::address::replace_address(&if v.is_empty() {
            "/gestion/consultations".to_string()
        } else {
            format!("/gestion/consultations?etat={v}")
        });
        shown.set(v);
    };
    let first = shown.get_untracked();
    view! {
        <div class="field">
            <label for="cs-show">{tr(StaffText::CsShow)}</label>
            <select id="cs-show" on:change=choose>
                <option value="" selected=first.is_empty()>{tr(StaffText::CsAll)}</option>
                {SECTIONS.iter().map(|(key, title, _)| view! {
                    <option value=*key selected=first == *key>{tr(*title)}</option>
                }).collect_view()}
            </select>
        </div>
        {with_loaded(board, move |list: Vec<StaffConsultation>| {
            let topics = topics.get().and_then(Result::ok).unwrap_or_default();
            let only = shown.get();
            SECTIONS
                .iter()
                .filter(|(key, _, _)| only.is_empty() || only == *key)
                .map(|(key, title, keep)| {
                    let items: Vec<StaffConsultation> = list.iter().filter(|c| keep(c.status)).cloned().collect();
                    let count = items.len();
                    let body = if items.is_empty() {
                        view! { <p class="note">{i18n.t(StaffText::CsNone)}</p> }.into_any()
                    } else {
                        view! { <ul class="cards">{items.into_iter().map(|c| card(c, &topics, i18n)).collect_view()}</ul> }.into_any()
                    };
                    let id = format!("col-{key}");
                    let labelled_by = id.clone();
                    view! {
                        <section class="board-column" aria-labelledby=labelled_by>
                            <h2 id=id>{i18n.t(*title)}" ("{count}")"</h2>
                            {body}
                        </section>
                    }
                })
                .collect_view()
        })}
    }
}

/// Who has the request: "Proposée à Erwan Hénaff, réponse attendue le …" or "Acceptée par …".
fn who(c: &StaffConsultation, i18n: I18n) -> Option<String> {
    c.volunteer.as_ref().map(|v| {
        if c.accepted {
            i18n.f(StaffText::CsAcceptedBy, &[("name", &v.name)])
        } else {
            let by = c
                .answer_by
                .map(|d| format_date_long(d, i18n.lang()))
                .unwrap_or_default();
            i18n.f(StaffText::CsOfferedTo, &[("name", &v.name), ("date", &by)])
        }
    })
}

fn card(c: StaffConsultation, topics: &[Topic], i18n: I18n) -> impl IntoView {
    let heading = format!("cs-{}", c.id);
    let labelled_by = heading.clone();
    let href = format!("/gestion/consultations/{}", c.id);
    let title = if c.erased {
        i18n.t(StaffText::CsErased).to_string()
    } else {
        c.business.clone()
    };
    let open = i18n.f(StaffText::CsOpen, &[("business", &title)]);
    let returned = c.returned.map(|r| match r {
        Returned::Declined => i18n.t(StaffText::CsReturnedDeclined),
        Returned::Unanswered => i18n.t(StaffText::CsReturnedUnanswered),
    });
    let who = who(&c, i18n);
    let appointment = c.appointment.as_ref().map(|a| {
        format!(
            "{} · {}",
            when(a, i18n.lang()),
            i18n.t(crate::components::consult::place_label(a.place))
        )
    });
    view! {
        <li class="card" aria-labelledby=labelled_by>
            <p class="event-card__kind">{i18n.t(status_label(c.status))}" · "{i18n.t(trade_label(c.trade))}" · "{c.town.clone()}</p>
            <h3 id=heading>{title}</h3>
            <p>{topic_names(&c.topics, topics, i18n)}</p>
            <p class="note">{i18n.f(StaffText::CsReceived, &[("date", &format_date_long(c.received_on, i18n.lang()))])}</p>
            {returned.map(|r| view! { <p class="tag tag--warning">{r}</p> })}
            {who.map(|w| view! { <p>{w}</p> })}
            {appointment.map(|a| view! { <p><strong>{a}</strong></p> })}
            <p><a href=href class="button button--secondary">{open}</a></p>
        </li>
    }
}

#[derive(Params, Debug, Clone, PartialEq)]
struct OnePath {
    id: Option<i64>,
}

#[component]
pub fn StaffConsultation() -> impl IntoView {
    view! { <StaffFrame title=StaffText::CsOneTitle content=|_| view! { <One /> } /> }
}

/// What staff do to a request: offer it, set its appointment, close it.
#[derive(Clone)]
enum StaffMove {
    Assign(AssignRequest),
    Schedule(ScheduleRequest),
    Close(CloseRequest),
}

#[component]
fn One() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params::<OnePath>()
        .with_untracked(|p| p.as_ref().ok().and_then(|p| p.id))
        .unwrap_or(0);
    let act: Request<StaffMove> = Action::new_local(move |m: &StaffMove| {
        let m = m.clone();
        async move {
            match m {
                StaffMove::Assign(b) => api::send(ep::ASSIGN_CONSULTATION.at(&[&id]), &b)
                    .await
                    .map(drop),
                StaffMove::Schedule(b) => api::send(ep::SCHEDULE_CONSULTATION.at(&[&id]), &b)
                    .await
                    .map(drop),
                StaffMove::Close(b) => api::send(ep::CLOSE_CONSULTATION.at(&[&id]), &b)
                    .await
                    .map(drop),
            }
        }
    });
    // Read again after a change only: a refusal leaves the forms (and what was typed) as they are.
    let saved = api::successes(act);
    let one = LocalResource::new(move || {
        saved.get();
        async move { api::call(ep::STAFF_CONSULTATION.at(&[&id])).await }
    });
    let volunteers = LocalResource::new(move || {
        saved.get();
        async move { api::call(ep::CONSULTATION_VOLUNTEERS.at(&[&id])).await }
    });
    let topics =
        LocalResource::new(move || async move { api::call(ep::CONSULTATION_TOPICS).await });
    focus_on_success(act, "#cs-saved");
    let failure = api::failure_of(act);
    // A refused appointment is said in its own form; anything else at the top.
    let scheduling = RwSignal::new(false);
    let elsewhere = Signal::derive(move || {
        if scheduling.get() {
            None
        } else {
            failure.get()
        }
    });
    let start = move |m: StaffMove| {
        scheduling.set(matches!(m, StaffMove::Schedule(_)));
        api::start(act, m);
    };
    view! {
        <p><a href="/gestion/consultations">{tr(StaffText::CsBackToBoard)}</a></p>
        <p class="notice-line" role="status" id="cs-saved" tabindex="-1">{move || api::answer_of(act).is_some().then(|| i18n.t(StaffText::CsSaved))}</p>
        {failure_alert(elsewhere)}
        {with_loaded(one, move |c: StaffConsultation| {
            let topics = topics.get().and_then(Result::ok).unwrap_or_default();
            view! {
                {facts(&c, &topics, i18n)}
                {c.status.is_open().then(|| view! {
                    {(c.status != ConsultationStatus::Scheduled).then(|| assign_form(&c, topics.clone(), volunteers, act, start, i18n))}
                    {c.volunteer.is_some().then(|| view! {
                        <ScheduleForm key=id current=c.appointment.clone() pending=act.pending()
                            on_send=move |b| start(StaffMove::Schedule(b))
                            refusal=Signal::derive(move || scheduling.get().then(|| failure.get()).flatten()) />
                    })}
                    <CloseForm key=id allow_decline=true done_allowed=done_yet(c.status, c.appointment.as_ref()) pending=act.pending()
                        on_send=move |b| start(StaffMove::Close(b)) />
                })}
            }
        })}
    }
}

fn facts(c: &StaffConsultation, topics: &[Topic], i18n: I18n) -> impl IntoView {
    let size = c
        .size
        .map(|s| format!(" · {}", i18n.t(size_label(s))))
        .unwrap_or_default();
    let availability = availability_words(&c.availability, i18n);
    let offers = c.offers.iter().map(|o| {
        let answer = match o.answer {
            Some(OfferAnswer::Accepted) => StaffText::CsAnswerAccepted,
            Some(OfferAnswer::Declined) => StaffText::CsAnswerDeclined,
            Some(OfferAnswer::Withdrawn) => StaffText::CsAnswerWithdrawn,
            Some(OfferAnswer::Unanswered) => StaffText::CsAnswerUnanswered,
            None => StaffText::CsAnswerPending,
        };
        let reason = (!o.reason.is_empty()).then(|| format!(" — « {} »", o.reason));
        view! { <li>{o.name.clone()}" · "{format_date_long(o.offered_on, i18n.lang())}" · "{i18n.t(answer)}{reason}</li> }
    }).collect_view();
    let feedback = c.feedback.as_ref().map(|f| {
        let words = i18n.t(if f.useful {
            StaffText::CsFeedbackUseful
        } else {
            StaffText::CsFeedbackNotUseful
        });
        view! { <p>{words}" "{f.comment.clone()}</p> }
    });
    view! {
        <section class="card" aria-labelledby="cs-facts">
            <h2 id="cs-facts">{if c.erased { i18n.t(StaffText::CsErased).to_string() } else { c.business.clone() }}</h2>
            <p class="event-card__kind">{i18n.t(status_label(c.status))}</p>
            {who(c, i18n).map(|w| view! { <p><strong>{w}</strong></p> })}
            <dl class="facts-list">
                <dt>{i18n.t(StaffText::CsBusiness)}</dt><dd>{i18n.t(trade_label(c.trade))}{size}" · "{c.town.clone()}</dd>
                <dt>{i18n.t(StaffText::CsTopics)}</dt><dd>{topic_names(&c.topics, topics, i18n)}</dd>
                <dt>{i18n.t(StaffText::CsAvailability)}</dt><dd>{availability}</dd>
                <dt>{i18n.t(StaffText::CsContact)}</dt>
                <dd>{if c.erased {
                    i18n.t(StaffText::CsErased).into_any()
                } else {
                    view! { {c.name.clone()}" · "<a href=format!("mailto:{}", c.email)>{c.email.clone()}</a>{(!c.phone.is_empty()).then(|| format!(" · {}", c.phone))} }.into_any()
                }}</dd>
            </dl>
            <p>{c.goal.clone()}</p>
            {c.appointment.as_ref().map(|a| view! { <p><strong>{when(a, i18n.lang())}</strong>" — "{place(a, i18n)}</p> })}
            {c.unsuitable.clone().map(|m| view! { <p class="tag tag--warning">{i18n.f(StaffText::CsUnsuitable, &[("message", &m)])}</p> })}
            {(!c.decline_reason.is_empty()).then(|| view! { <p>{c.decline_reason.clone()}</p> })}
            {(!c.note.is_empty()).then(|| view! { <p>{c.note.clone()}</p> })}
            {feedback}
            {(!c.offers.is_empty()).then(|| view! {
                <h3>{i18n.t(StaffText::CsOffersTitle)}</h3>
                <ul>{offers}</ul>
            })}
        </section>
    }
}

fn why(s: &VolunteerSuggestion, topics: &[Topic], i18n: I18n) -> String {
    i18n.f(
        StaffText::CsWhy,
        &[
            ("topics", &topic_names(&s.matched, topics, i18n)),
            ("open", &s.open.to_string()),
            ("month", &s.this_month.to_string()),
            ("cap", &s.monthly_cap.to_string()),
        ],
    )
}

fn assign_form(
    c: &StaffConsultation,
    topics: Vec<Topic>,
    volunteers: LocalResource<Result<Volunteers, api::ApiFailure>>,
    act: Request<StaffMove>,
    start: impl Fn(StaffMove) + Copy + Send + Sync + 'static,
    i18n: I18n,
) -> impl IntoView {
    let replaces = c.volunteer.as_ref().map(|v| v.id);
    let chosen = RwSignal::new(0_i64);
    view! {
        <section class="card" aria-labelledby="cs-assign">
            <h2 id="cs-assign">{i18n.t(StaffText::CsAssignTitle)}</h2>
            <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                start(StaffMove::Assign(AssignRequest { member_id: chosen.get_untracked(), replaces }));
            }>
                {move || volunteers.get().and_then(Result::ok).map(|v: Volunteers| {
                    let topics = topics.clone();
                    let suggested = if v.suggested.is_empty() {
                        view! { <p class="note">{i18n.t(StaffText::CsNoSuggestion)}</p> }.into_any()
                    } else {
                        v.suggested.iter().map(|s| {
                            let (member, id) = (s.member_id, format!("vol-{}", s.member_id));
                            let reason = why(s, &topics, i18n);
                            view! {
                                <div class="check">
                                    <input type="radio" name="volunteer" id=id.clone() prop:checked=move || chosen.get() == member
                                        on:change=move |_| chosen.set(member) />
                                    <label for=id>{s.name.clone()}<span class="note">" "{reason}</span></label>
                                </div>
                            }
                        }).collect_view().into_any()
                    };
                    view! {
                        <fieldset class="field">
                            <legend>{i18n.t(StaffText::CsSuggested)}</legend>
                            {suggested}
                        </fieldset>
                        <div class="field">
                            <label for="cs-any">{i18n.t(StaffText::CsAnyVolunteer)}</label>
                            <select id="cs-any" on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
                                <option value="0">{i18n.t(StaffText::CsChoose)}</option>
                                {v.all.iter().map(|s| {
                                    let member = s.member_id;
                                    view! { <option value=member.to_string() selected=move || chosen.get() == member>{s.name.clone()}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    }
                })}
                <button type="submit" class="button" disabled=move || chosen.get() == 0 aria-disabled=move || act.pending().get().to_string()>{tr(StaffText::CsAssign)}</button>
            </form>
        </section>
    }
}
