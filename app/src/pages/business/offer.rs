//! `/entreprises`: what the cantine offers businesses, the topics, how it works, and the request
//! form (no account). A sent request opens its private link.

use domain::consultations::{
    Availability, BusinessSize, ConsultationCreated, ConsultationRequest, Topic, Trade,
};
use domain::endpoints as ep;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::{self, Request};
use crate::components::consult::{availability_label, size_label, trade_label};
use crate::components::form::{field_error, field_errors, input_id, ErrorSummary, Field};
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n, use_title};
use crate::site::use_site;
use crate::text::{BusinessText, SharedText};

const LABELS: &[(&str, BusinessText)] = &[
    ("business", BusinessText::FieldBusiness),
    ("trade", BusinessText::FieldTrade),
    ("size", BusinessText::FieldSize),
    ("town", BusinessText::FieldTown),
    ("name", BusinessText::FieldContactName),
    ("email", BusinessText::FieldEmail),
    ("phone", BusinessText::FieldPhone),
    ("topics", BusinessText::FieldTopics),
    ("goal", BusinessText::FieldGoal),
    ("availability", BusinessText::FieldAvailability),
];

#[component]
pub fn OfferPage() -> impl IntoView {
    use_title(BusinessText::OfferTitle);
    let i18n = use_i18n();
    let site = use_site().0;
    let topics =
        LocalResource::new(move || async move { api::call(ep::CONSULTATION_TOPICS).await });
    // Arriving at `#demande` (from a resource, the home page): the form is below the topics,
    // which arrive later and push it down, so the browser's own jump to it misses. Once they are
    // drawn, bring the form's title into view.
    // The address as the page opened (the router may drop the hash by the time they arrive).
    let wanted = window().location().hash().is_ok_and(|h| h == "#demande")
        || leptos_router::hooks::use_location()
            .hash
            .with_untracked(|h| h.trim_start_matches('#') == "demande");
    let brought = StoredValue::new(false);
    Effect::new(move |_| {
        let loaded = topics.with(|t| t.is_some());
        if loaded && wanted && !brought.get_value() {
            brought.set_value(true);
            // Two frames: the topics drawn, then the router's own scroll on arrival done.
            request_animation_frame(|| {
                request_animation_frame(|| {
                    if let Some(el) = document().get_element_by_id("demande") {
                        el.scroll_into_view();
                        // A little air above its title. Here rather than as a `scroll-margin`
                        // in the shared style sheet: 10 bytes there put the agenda's pages over
                        // their budget (151,004 B, `make test`, 2026-12-07).
                        window().scroll_by_with_x_and_y(0.0, -12.0);
                    }
                })
            });
        }
    });
    let business = RwSignal::new(String::new());
    let trade = RwSignal::new(String::new());
    let size = RwSignal::new(String::new());
    let town = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<String>::new());
    let goal = RwSignal::new(String::new());
    let when = RwSignal::new(Vec::<String>::new());
    let consent = RwSignal::new(false);
    let send: Request<ConsultationRequest, ConsultationCreated> =
        Action::new_local(|req: &ConsultationRequest| {
            let req = req.clone();
            async move { api::send(ep::REQUEST_CONSULTATION, &req).await }
        });
    let failure = api::failure_of(send);
    let errors = field_errors(failure);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(created) = api::answer_of(send) {
            navigate(&format!("{}?envoye=1", created.link), Default::default());
        }
    });
    let toggle = |list: RwSignal<Vec<String>>, value: String, on: bool| {
        list.update(|l| {
            l.retain(|v| *v != value);
            if on {
                l.push(value);
            }
        })
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        api::start(
            send,
            ConsultationRequest {
                business: business.get_untracked(),
                trade: trade.get_untracked(),
                size: size.get_untracked(),
                town: town.get_untracked(),
                name: name.get_untracked(),
                email: email.get_untracked(),
                phone: phone.get_untracked(),
                topics: chosen.get_untracked(),
                goal: goal.get_untracked(),
                availability: when.get_untracked(),
                consent: consent.get_untracked(),
                lang: i18n.lang_untracked(),
            },
        );
    };
    view! {
        <h1>{tr(BusinessText::OfferTitle)}</h1>
        <p class="lead">{tr(BusinessText::OfferLead)}</p>
        <section aria-labelledby="how-title">
            <h2 id="how-title">{tr(BusinessText::HowTitle)}</h2>
            <ol class="steps">
                <li>{tr(BusinessText::HowStep1)}</li>
                <li>{tr(BusinessText::HowStep2)}</li>
                <li>{tr(BusinessText::HowStep3)}</li>
                <li>{tr(BusinessText::HowStep4)}</li>
            </ol>
            <p>{tr(BusinessText::LibraryTeaser)}</p>
            <p><a href="/ressources" class="button button--secondary">{tr(BusinessText::SeeLibrary)}</a></p>
        </section>
        // The topics (data) after the steps (text): before them, their arrival pushed the steps down
        // in view (a layout shift of 0.059 at 360 px, measured by the budget test).
        <section aria-labelledby="topics-title">
            <h2 id="topics-title">{tr(BusinessText::TopicsTitle)}</h2>
            {with_loaded(topics, move |list: Vec<Topic>| view! {
                <ul class="tags">
                    {list.into_iter().filter(|t| t.active).map(|t| view! { <li class="tag">{i18n.pick(&t.label)}</li> }).collect_view()}
                </ul>
            })}
        </section>
        <section id="demande" aria-labelledby="form-title">
            <h2 id="form-title">{tr(BusinessText::FormTitle)}</h2>
            <form class="form" novalidate on:submit=on_submit>
                <ErrorSummary failure labels=LABELS />
                <Field name="business" label=BusinessText::FieldBusiness value=business errors autocomplete="organization" required=true />
                <fieldset class="field" id=input_id("trade")>
                    <legend>{tr(BusinessText::FieldTrade)}</legend>
                    {Trade::ALL.iter().map(|t| {
                        let value = t.as_str();
                        let id = format!("trade-{value}");
                        view! {
                            <div class="check">
                                <input type="radio" name="trade" id=id.clone() value=value
                                    prop:checked=move || trade.get() == value
                                    on:change=move |_| trade.set(value.to_string()) />
                                <label for=id>{tr(trade_label(*t))}</label>
                            </div>
                        }
                    }).collect_view()}
                    {field_error(errors, "trade")}
                </fieldset>
                <div class="field">
                    <label for=input_id("size")>{tr(BusinessText::FieldSize)}<span class="field__optional">{move || i18n.t(SharedText::Optional)}</span></label>
                    <select id=input_id("size") on:change=move |ev| size.set(event_target_value(&ev))>
                        <option value="">{tr(BusinessText::SizeNone)}</option>
                        {BusinessSize::ALL.iter().map(|s| view! {
                            <option value=s.as_str()>{tr(size_label(*s))}</option>
                        }).collect_view()}
                    </select>
                    {field_error(errors, "size")}
                </div>
                <Field name="town" label=BusinessText::FieldTown value=town errors autocomplete="address-level2" required=true />
                <Field name="name" label=BusinessText::FieldContactName value=name errors autocomplete="name" required=true />
                <Field name="email" label=BusinessText::FieldEmail value=email errors kind="email" autocomplete="email" required=true />
                <Field name="phone" label=BusinessText::FieldPhone value=phone errors kind="tel" autocomplete="tel" />
                <fieldset class="field" id=input_id("topics")>
                    <legend>{tr(BusinessText::FieldTopics)}</legend>
                    <p class="field__hint">{tr(BusinessText::TopicsHint)}</p>
                    {with_loaded(topics, move |list: Vec<Topic>| {
                        list.into_iter().filter(|t| t.active).map(|t| {
                            let id = format!("topic-{}", t.slug);
                            let slug = t.slug.clone();
                            let label = t.label.clone();
                            view! {
                                <div class="check">
                                    <input type="checkbox" id=id.clone()
                                        prop:checked={let slug = slug.clone(); move || chosen.with(|c| c.contains(&slug))}
                                        on:change=move |ev| toggle(chosen, slug.clone(), event_target_checked(&ev)) />
                                    <label for=id>{move || i18n.pick(&label)}</label>
                                </div>
                            }
                        }).collect_view()
                    })}
                    {field_error(errors, "topics")}
                </fieldset>
                <Field name="goal" label=BusinessText::FieldGoal value=goal errors multiline=true required=true hint=BusinessText::GoalHint />
                <fieldset class="field" id=input_id("availability")>
                    <legend>{tr(BusinessText::FieldAvailability)}</legend>
                    {Availability::ALL.iter().map(|a| {
                        let value = a.as_str();
                        let id = format!("when-{value}");
                        view! {
                            <div class="check">
                                <input type="checkbox" id=id.clone()
                                    prop:checked=move || when.with(|w| w.iter().any(|v| v == value))
                                    on:change=move |ev| toggle(when, value.to_string(), event_target_checked(&ev)) />
                                <label for=id>{tr(availability_label(*a))}</label>
                            </div>
                        }
                    }).collect_view()}
                    {field_error(errors, "availability")}
                </fieldset>
                <div class="check" id=input_id("consent")>
                    <input type="checkbox" id="f-consent-box" prop:checked=move || consent.get()
                        on:change=move |ev| consent.set(event_target_checked(&ev)) />
                    <label for="f-consent-box">{move || {
                        let days = site.get().and_then(Result::ok).map(|s| s.consultation_retention_days.to_string()).unwrap_or_default();
                        i18n.f(BusinessText::Consent, &[("days", &days)])
                    }}</label>
                </div>
                {field_error(errors, "consent")}
                <button type="submit" class="button" aria-disabled=move || send.pending().get().to_string()>{tr(BusinessText::SendRequest)}</button>
            </form>
        </section>
    }
}
