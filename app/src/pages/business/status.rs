//! `/consultation/:token`: the requester's private page: where the request stands (a timeline),
//! the appointment with its `.ics` and "does not suit", the volunteer's note, the resources, the
//! feedback, and the data: download, or cancel and erase.

use domain::consultations::{
    ConsultationStatus, ConsultationView, Feedback, LibraryCard, Place, Unsuitable,
};
use domain::endpoints as ep;
use domain::i18n::format_date_long;
use leptos::prelude::*;
use leptos_router::hooks::{use_params, use_query_map};
use leptos_router::params::Params;

use super::resource_card;
use crate::api::{self, ApiFailure, Request};
use crate::components::calendar::failure_alert;
use crate::components::consult::{availability_words, place, size_label, trade_label, when};
use crate::components::focus::focus_on_success;
use crate::components::form::{refused_here, ErrorSummary};
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n, use_title, I18n};
use crate::text::{BusinessText, SharedText};

const FEEDBACK_LABELS: &[(&str, BusinessText)] = &[("useful", BusinessText::FeedbackTitle)];
const UNSUITABLE_LABELS: &[(&str, BusinessText)] = &[("message", BusinessText::NotSuitableLabel)];

#[derive(Params, Debug, Clone, PartialEq)]
struct StatusPath {
    token: Option<String>,
}

#[component]
pub fn StatusPage() -> impl IntoView {
    use_title(BusinessText::StatusTitle);
    let i18n = use_i18n();
    let token = use_params::<StatusPath>()
        .with_untracked(|p| p.as_ref().ok().and_then(|p| p.token.clone()))
        .unwrap_or_default();
    let token = StoredValue::new(token);
    let just_sent = use_query_map().with_untracked(|q| q.get("envoye").is_some());
    // Said once: a reload of the page (its address is the link) does not say it again.
    if just_sent {
        crate::address::replace_address(&format!("/consultation/{}", token.get_value()));
    }
    let unsuitable: Request<String, ConsultationView> =
        Action::new_local(move |message: &String| {
            let (token, body) = (
                token.get_value(),
                Unsuitable {
                    message: message.clone(),
                },
            );
            async move { api::send(ep::CONSULTATION_UNSUITABLE.at(&[&token]), &body).await }
        });
    let feedback: Request<Feedback, ConsultationView> = Action::new_local(move |f: &Feedback| {
        let (token, body) = (token.get_value(), f.clone());
        async move { api::send(ep::CONSULTATION_FEEDBACK.at(&[&token]), &body).await }
    });
    let erase: Request<()> = Action::new_local(move |_: &()| {
        let token = token.get_value();
        async move { api::call(ep::CANCEL_CONSULTATION.at(&[&token])).await }
    });
    // Read again after a message or an opinion is taken, never after a refusal: the form, what
    // was typed and the refusal stay where the requester is.
    let (unsuitable_taken, feedback_taken) = (api::successes(unsuitable), api::successes(feedback));
    let view_now = LocalResource::new(move || {
        unsuitable_taken.get();
        feedback_taken.get();
        let token = token.get_value();
        async move { api::call(ep::CONSULTATION.at(&[&token])).await }
    });
    focus_on_success(unsuitable, "#unsuitable-sent");
    focus_on_success(feedback, "#feedback-thanks");
    focus_on_success(erase, "#erased");
    let erased = move || api::answer_of(erase).is_some();
    // The two forms say their own refusals inside them; the erasure's is said at the top.
    let failure = api::failure_of(erase);
    view! {
        <h1>{tr(BusinessText::StatusTitle)}</h1>
        {just_sent.then(|| view! { <p class="notice" role="status">{tr(BusinessText::SentNotice)}</p> })}
        {failure_alert(failure)}
        <Show when=move || !erased() fallback=|| view! {
            <p class="notice" role="status" id="erased" tabindex="-1">{tr(BusinessText::Erased)}</p>
            <p><a href="/entreprises#demande" class="button button--secondary">{tr(BusinessText::AskConsultation)}</a></p>
        }>
            {with_loaded(view_now, move |c: ConsultationView| status_view(c, token.get_value(), unsuitable, feedback, erase, i18n))}
        </Show>
    }
}

fn status_view(
    c: ConsultationView,
    token: String,
    unsuitable: Request<String, ConsultationView>,
    feedback: Request<Feedback, ConsultationView>,
    erase: Request<()>,
    i18n: I18n,
) -> impl IntoView {
    let lang = i18n.lang();
    let declined = c.status == ConsultationStatus::Declined;
    let steps = [
        (BusinessText::StepReceived, Some(c.timeline.received)),
        (BusinessText::StepAssigned, c.timeline.assigned),
        (BusinessText::StepScheduled, c.timeline.scheduled),
        (BusinessText::StepDone, c.timeline.done),
    ];
    // The step reached last is the current one.
    let current = steps.iter().rposition(|(_, at)| at.is_some()).unwrap_or(0);
    let timeline = steps
        .into_iter()
        .enumerate()
        .map(|(i, (label, at))| {
            let done = at.is_some();
            let date = at.map(|a| format_date_long(a, lang)).unwrap_or_else(|| i18n.t(BusinessText::StepToCome).to_string());
            let words = match (&label, &c.volunteer) {
                (BusinessText::StepAssigned, Some(name)) if done => i18n.f(BusinessText::StepAssignedTo, &[("name", name)]),
                _ => i18n.t(label).to_string(),
            };
            view! {
                <li class="timeline__step" class:timeline__step--done=done aria-current=(i == current).then_some("step")>
                    <strong>{words}</strong>" — "{date}
                </li>
            }
        })
        .collect_view();
    let volunteer = c.volunteer.clone().unwrap_or_default();
    let scheduled = domain::consultations::Move::Unsuitable.allowed_from(c.status);
    let appointment = c.appointment.clone().map(|a| {
        let how = match a.place {
            Place::Phone => Some(i18n.f(BusinessText::ByPhone, &[("name", &volunteer)])),
            Place::Video => Some(i18n.f(BusinessText::ByVideo, &[("name", &volunteer)])),
            Place::Cantine => None,
        };
        let open = RwSignal::new(false);
        let message = RwSignal::new(String::new());
        let ics = ep::CONSULTATION_ICS.at(&[&token]).url;
        view! {
            <section class="card" aria-labelledby="appointment-title">
                <h2 id="appointment-title">{i18n.t(BusinessText::AppointmentTitle)}</h2>
                <p><strong>{when(&a, lang)}</strong></p>
                <p>{place(&a, i18n)}</p>
                {how.map(|h| view! { <p>{h}</p> })}
                <p>{i18n.f(BusinessText::With, &[("name", &volunteer)])}</p>
                <div class="actions">
                    <a href=ics class="button" download="silicon-kerne-consultation.ics">{i18n.t(BusinessText::AddToCalendar)}</a>
                    // Only while the appointment is to come: a finished one offers nothing to change.
                    {scheduled.then(|| view! {
                        <button type="button" class="button button--secondary" aria-expanded=move || open.get().to_string()
                            aria-controls="unsuitable-form" on:click=move |_| open.update(|o| *o = !*o)>{i18n.t(BusinessText::NotSuitable)}</button>
                    })}
                </div>
                <Show when=move || open.get()>
                    <form id="unsuitable-form" class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        api::start(unsuitable, message.get_untracked());
                    }>
                        <ErrorSummary failure=api::failure_of(unsuitable) labels=UNSUITABLE_LABELS />
                        <div class="field">
                            <label for="f-message">{tr(BusinessText::NotSuitableLabel)}</label>
                            <textarea id="f-message" rows="3" bind:value=message></textarea>
                        </div>
                        <button type="submit" class="button" aria-disabled=move || unsuitable.pending().get().to_string()>{tr(BusinessText::SendNotSuitable)}</button>
                    </form>
                </Show>
            </section>
        }
    });
    let said = c.unsuitable.clone().map(|m| view! {
        <p class="notice" role="status" id="unsuitable-sent" tabindex="-1">
            {i18n.t(BusinessText::NotSuitableSent)}<br />{i18n.f(BusinessText::YouSaid, &[("message", &m)])}
        </p>
    });
    let refused = declined.then(|| {
        view! {
            <section class="notice" aria-labelledby="declined-title">
                <h2 id="declined-title">{i18n.t(BusinessText::DeclinedTitle)}</h2>
                <p>{c.decline_reason.clone()}</p>
            </section>
        }
    });
    let note = (!c.note.is_empty()).then(|| {
        view! {
            <section aria-labelledby="note-title">
                <h2 id="note-title">{i18n.t(BusinessText::NoteTitle)}</h2>
                <p>{c.note.clone()}</p>
            </section>
        }
    });
    let cards = |title: BusinessText, id: &'static str, list: Vec<LibraryCard>| {
        (!list.is_empty()).then(|| view! {
            <section aria-labelledby=id>
                <h2 id=id>{i18n.t(title)}</h2>
                <ul class="cards">{list.into_iter().map(|r| resource_card(r, i18n)).collect_view()}</ul>
            </section>
        })
    };
    let recommended = cards(
        BusinessText::RecommendedTitle,
        "recommended-title",
        c.recommended.clone(),
    );
    let related = cards(
        BusinessText::RelatedTitle,
        "related-title",
        c.related.clone(),
    );
    let asks_feedback = c.status == ConsultationStatus::Done;
    let given = c.feedback.is_some();
    // Nothing chosen for the requester: "useful" is their answer, never the form's.
    let useful = RwSignal::new(None::<bool>);
    let comment = RwSignal::new(String::new());
    let unanswered = RwSignal::new(None::<ApiFailure>);
    let sent_failure = api::failure_of(feedback);
    let feedback_failure = Signal::derive(move || unanswered.get().or_else(|| sent_failure.get()));
    let feedback_form = asks_feedback.then(|| view! {
        <section class="card" aria-labelledby="feedback-title">
            <h2 id="feedback-title">{i18n.t(BusinessText::FeedbackTitle)}</h2>
            {if given {
                view! { <p class="notice" role="status" id="feedback-thanks" tabindex="-1">{i18n.t(BusinessText::FeedbackThanks)}</p> }.into_any()
            } else {
                view! {
                    <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        match useful.get_untracked() {
                            Some(useful) => {
                                unanswered.set(None);
                                api::start(feedback, Feedback { useful, comment: comment.get_untracked() });
                            }
                            None => {
                                let lang = i18n.lang_untracked();
                                unanswered.set(Some(refused_here(lang, vec![("useful".into(), BusinessText::FeedbackChoose.text(lang).into())])));
                            }
                        }
                    }>
                        <ErrorSummary failure=feedback_failure labels=FEEDBACK_LABELS />
                        <fieldset class="field" id="f-useful">
                            <legend class="visually-hidden">{i18n.t(BusinessText::FeedbackTitle)}</legend>
                            <div class="check">
                                <input type="radio" name="useful" id="useful-yes" prop:checked=move || useful.get() == Some(true) on:change=move |_| useful.set(Some(true)) />
                                <label for="useful-yes">{i18n.t(BusinessText::Useful)}</label>
                            </div>
                            <div class="check">
                                <input type="radio" name="useful" id="useful-no" prop:checked=move || useful.get() == Some(false) on:change=move |_| useful.set(Some(false)) />
                                <label for="useful-no">{i18n.t(BusinessText::NotUseful)}</label>
                            </div>
                        </fieldset>
                        <div class="field">
                            <label for="f-comment">{i18n.t(BusinessText::FieldComment)}<span class="field__optional">{i18n.t(SharedText::Optional)}</span></label>
                            <textarea id="f-comment" rows="3" bind:value=comment></textarea>
                        </div>
                        <button type="submit" class="button" aria-disabled=move || feedback.pending().get().to_string()>{i18n.t(BusinessText::SendFeedback)}</button>
                    </form>
                }.into_any()
            }}
        </section>
    });
    let topics = c
        .topics
        .iter()
        .map(|t| i18n.pick(&t.label))
        .collect::<Vec<_>>()
        .join(", ");
    let availability = availability_words(&c.availability, i18n);
    let size = c
        .size
        .map(|s| format!(" · {}", i18n.t(size_label(s))))
        .unwrap_or_default();
    let consent = i18n.f(
        BusinessText::ConsentGiven,
        &[("date", &format_date_long(c.consented_on, lang))],
    );
    let erase_on = c.erase_on.map(|d| {
        i18n.f(
            BusinessText::EraseOn,
            &[("date", &format_date_long(d, lang))],
        )
    });
    let export = ep::EXPORT_CONSULTATION.at(&[&token]).url;
    let confirming = RwSignal::new(false);
    view! {
        <section class="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{i18n.t(BusinessText::TimelineTitle)}</h2>
            <ol class="timeline">{timeline}</ol>
        </section>
        {refused}
        {said}
        {appointment}
        {note}
        {recommended}
        {feedback_form}
        {related}
        <section class="card" aria-labelledby="request-title">
            <h2 id="request-title">{i18n.t(BusinessText::RequestTitle)}</h2>
            <dl class="facts-list">
                <dt>{i18n.t(BusinessText::FieldBusiness)}</dt><dd>{c.business.clone()}" — "{i18n.t(trade_label(c.trade))}{size}</dd>
                <dt>{i18n.t(BusinessText::FieldTown)}</dt><dd>{c.town.clone()}</dd>
                <dt>{i18n.t(BusinessText::FieldContactName)}</dt><dd>{c.name.clone()}" · "{c.email.clone()}{(!c.phone.is_empty()).then(|| format!(" · {}", c.phone))}</dd>
                <dt>{i18n.t(BusinessText::FieldTopics)}</dt><dd>{topics}</dd>
                <dt>{i18n.t(BusinessText::FieldGoal)}</dt><dd>{c.goal.clone()}</dd>
                <dt>{i18n.t(BusinessText::FieldAvailability)}</dt><dd>{availability}</dd>
            </dl>
        </section>
        <section class="card" aria-labelledby="data-title">
            <h2 id="data-title">{i18n.t(BusinessText::YourDataTitle)}</h2>
            <p>{consent}" "{erase_on}</p>
            <div class="actions">
                <a href=export class="button button--secondary" download="silicon-kerne-consultation.json">{i18n.t(BusinessText::Export)}</a>
                <button type="button" class="button button--danger" aria-expanded=move || confirming.get().to_string()
                    on:click=move |_| confirming.update(|c| *c = !*c)>{i18n.t(BusinessText::CancelErase)}</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="erase-q">
                    <p id="erase-q"><strong>{tr(BusinessText::CancelEraseQuestion)}</strong></p>
                    <div class="actions">
                        <button type="button" class="button button--danger" aria-disabled=move || erase.pending().get().to_string()
                            on:click=move |_| { confirming.set(false); api::start(erase, ()); }>{tr(BusinessText::CancelEraseYes)}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>{tr(BusinessText::Keep)}</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
