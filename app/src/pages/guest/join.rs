//! `/adherer`: the application to join the association.

use domain::endpoints as ep;
use domain::wire::{ApplicationRequest, Club};
use leptos::prelude::*;

use crate::api::{self, Request};
use crate::components::focus::focus;
use crate::components::form::{
    described_by, field_error, field_errors, invalid, split_tags, ErrorSummary, Field,
};
use crate::i18n::{tr, use_i18n, use_title};
use crate::site::with_site;
use crate::text::{GuestText, SharedText};

const LABELS: &[(&str, SharedText)] = &[
    ("name", SharedText::FieldName),
    ("email", SharedText::FieldEmail),
    ("phone", SharedText::FieldPhone),
    ("company", SharedText::FieldCompany),
    ("skills", SharedText::FieldSkills),
    ("motivation", SharedText::FieldMotivation),
    ("clubs", SharedText::FieldClubs),
];

#[component]
pub fn Join() -> impl IntoView {
    use_title(GuestText::JoinTitle);
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let company = RwSignal::new(String::new());
    let skills = RwSignal::new(String::new());
    let motivation = RwSignal::new(String::new());
    let clubs = RwSignal::new(Vec::<String>::new());
    let consent = RwSignal::new(false);

    let send: Request<ApplicationRequest> = Action::new_local(|req: &ApplicationRequest| {
        let req = req.clone();
        async move { api::send(ep::APPLY, &req).await }
    });
    let failure = api::failure_of(send);
    let errors = field_errors(failure);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        api::start(
            send,
            ApplicationRequest {
                name: name.get_untracked(),
                email: email.get_untracked(),
                phone: phone.get_untracked(),
                company: company.get_untracked(),
                skills: split_tags(&skills.get_untracked()),
                motivation: motivation.get_untracked(),
                clubs: clubs.get_untracked(),
                consent: consent.get_untracked(),
                lang: i18n.lang_untracked(),
            },
        );
    };

    let club_choice = move |club: Club| {
        let slug = club.slug.clone();
        let id = format!("club-{}", club.slug);
        let checked = {
            let slug = slug.clone();
            move || clubs.with(|c| c.contains(&slug))
        };
        let toggle = move |_| {
            clubs.update(|c| {
                if let Some(i) = c.iter().position(|s| *s == slug) {
                    c.remove(i);
                } else {
                    c.push(slug.clone());
                }
            })
        };
        let label_for = id.clone();
        view! {
            <div class="check">
                <input type="checkbox" id=id prop:checked=checked on:change=toggle />
                <label for=label_for>{move || i18n.pick(&club.name)}</label>
            </div>
        }
    };

    let form = move || {
        view! {
            <p class="lead">{tr(GuestText::JoinLead)}</p>
            // What it costs and what it includes, before anyone applies (the fee is a setting).
            {with_site(move |site| {
                let (fee, quota) = (site.membership_fee_cents, site.booking_limits.room_weekly_quota_minutes);
                view! { <p class="price">{move || i18n.f(GuestText::FeeIncludes, &[("fee", &domain::i18n::format_euros(fee, i18n.lang())), ("quota", &crate::format::hours_minutes(quota))])}</p> }
            })}
            <form class="form" novalidate on:submit=on_submit>
                <ErrorSummary failure labels=LABELS />
                <Field name="name" label=SharedText::FieldName value=name errors autocomplete="name" required=true />
                <Field name="email" label=SharedText::FieldEmail value=email errors kind="email" autocomplete="email" required=true />
                <Field name="phone" label=SharedText::FieldPhone value=phone errors kind="tel" autocomplete="tel" />
                <Field name="company" label=SharedText::FieldCompany value=company errors autocomplete="organization" />
                <Field name="skills" label=SharedText::FieldSkills value=skills errors hint=SharedText::SkillsHint />
                <Field name="motivation" label=SharedText::FieldMotivation value=motivation errors multiline=true />
                <fieldset
                    class="field"
                    id="f-clubs"
                    aria-invalid=invalid(errors, "clubs")
                    aria-describedby=described_by(errors, "clubs", false)
                >
                    <legend>{tr(SharedText::FieldClubs)}" "<span class="field__optional">{tr(SharedText::Optional)}</span></legend>
                    {with_site(move |site| site.clubs.into_iter().map(club_choice).collect_view())}
                    {field_error(errors, "clubs")}
                </fieldset>
                <div class="field">
                    <p class="field__hint" id="f-consent-hint">{tr(GuestText::DataPolicy)}</p>
                    <div class="check">
                        <input
                            type="checkbox"
                            id="f-consent"
                            name="consent"
                            required
                            aria-invalid=invalid(errors, "consent")
                            aria-describedby=described_by(errors, "consent", true)
                            bind:checked=consent
                        />
                        <label for="f-consent">{tr(SharedText::FieldConsent)}</label>
                    </div>
                    {field_error(errors, "consent")}
                </div>
                <button type="submit" class="button" aria-disabled=move || send.pending().get().to_string()>
                    {tr(GuestText::SendApplication)}
                </button>
            </form>
        }
    };

    // The answer replaces a long form: the page stays where the button was, below the
    // confirmation's top. Bring the confirmation into view, from its top, with the focus.
    Effect::new(move |_| {
        if api::answer_of(send).is_some() {
            request_animation_frame(|| {
                focus(
                    document()
                        .query_selector("#application-sent")
                        .ok()
                        .flatten(),
                    true,
                );
            });
        }
    });
    view! {
        <h1>{tr(GuestText::JoinTitle)}</h1>
        <Show when=move || api::answer_of(send).is_some() fallback=move || form()>
            <div class="notice notice--ok" role="status" id="application-sent" tabindex="-1">
                <h2>{tr(GuestText::ApplicationSentTitle)}</h2>
                <p>{move || i18n.f(GuestText::ApplicationSentText, &[("email", &email.get())])}</p>
            </div>
            </Show>
    }
}
