//! The clubs' monthly meetings on `/gestion/evenements`: each club's rule (which weekday of the
//! month, when, how long) with a form to change it, and its next meeting, which opens the event's
//! page where staff move or cancel that one occurrence.

use chrono::Weekday;
use domain::endpoints as ep;
use domain::i18n::weekday_name;
use domain::recurrence::MonthlyRule;
use domain::time::HhMm;
use domain::wire::{Club, SiteContent};
use leptos::prelude::*;

use crate::api::{self, Request};
use crate::components::calendar::failure_alert;
use crate::components::status::with_loaded;
use crate::format::datetime_short;
use crate::i18n::{tr, use_i18n};
use crate::text::StaffText;

/// The weeks of the month a rule can name, as the API writes them.
const ORDINALS: [(i8, StaffText); 5] = [
    (1, StaffText::OrdinalFirst),
    (2, StaffText::OrdinalSecond),
    (3, StaffText::OrdinalThird),
    (4, StaffText::OrdinalFourth),
    (-1, StaffText::OrdinalLast),
];

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

#[component]
pub fn ClubRules() -> impl IntoView {
    // Said above the list, which is drawn again from the site's content once a rule is saved.
    let saved = RwSignal::new(None::<String>);
    // Its own read of the site's content, again after each saved rule: a new rule remakes the
    // meetings nobody signed up to, so an older copy links to meetings that are gone.
    let stamp = RwSignal::new(0u64);
    let site = LocalResource::new(move || {
        stamp.track();
        async move { api::call(ep::SITE).await }
    });
    // Folded above the events (the meetings of nine months make a long list below).
    view! {
        <details class="card club-rules">
            <summary><h2 id="club-rules-title" class="club-rules__title">{tr(StaffText::ClubRulesTitle)}</h2></summary>
            <p>{tr(StaffText::ClubRulesLead)}</p>
            <p class="notice-line" role="status" id="club-rule-saved" tabindex="-1">{move || saved.get()}</p>
            {with_loaded(site, move |site: SiteContent| view! {
                <ul class="cards">{site.clubs.into_iter().map(|club| view! { <ClubRule club saved stamp /> }).collect_view()}</ul>
            })}
        </details>
    }
}

#[component]
fn ClubRule(club: Club, saved: RwSignal<Option<String>>, stamp: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let slug = club.slug.clone();
    let rule = club.rule;
    let ordinal = RwSignal::new(rule.ordinal.to_string());
    let weekday = RwSignal::new(rule.weekday.to_string());
    let time = RwSignal::new(rule.time.to_string());
    let duration = RwSignal::new(rule.duration_minutes.to_string());
    let bad_time = RwSignal::new(false);
    let name = club.name.clone();
    let save: Request<MonthlyRule> = Action::new_local(move |rule: &MonthlyRule| {
        let (slug, rule, lang, name) = (slug.clone(), *rule, i18n.lang_untracked(), name.clone());
        async move {
            let done = api::send(ep::SET_CLUB_RULE.at(&[&slug]), &rule).await;
            if done.is_ok() {
                saved.set(Some(i18n.f(
                    StaffText::ClubRuleSaved,
                    &[("club", &name.get(lang).clone())],
                )));
                stamp.update(|n| *n += 1);
                request_animation_frame(|| {
                    crate::components::focus::focus_css("#club-rule-saved");
                });
            }
            done
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(at) = HhMm::parse(&time.get_untracked()) else {
            bad_time.set(true);
            return;
        };
        bad_time.set(false);
        // What cannot be read as a number is sent as 0, which the server refuses with its reason.
        api::start(
            save,
            MonthlyRule {
                ordinal: ordinal.get_untracked().parse().unwrap_or(0),
                weekday: weekday.get_untracked().parse().unwrap_or(0),
                time: at,
                duration_minutes: duration.get_untracked().trim().parse().unwrap_or(0),
            },
        );
    };
    let key = club.slug.clone();
    let id = move |field: &str| format!("rule-{key}-{field}");
    let heading = id("title");
    let labelled_by = heading.clone();
    let (i_ord, i_day, i_time, i_dur) = (id("ordinal"), id("weekday"), id("time"), id("duration"));
    let (f_ord, f_day, f_time, f_dur) =
        (i_ord.clone(), i_day.clone(), i_time.clone(), i_dur.clone());
    let time_error = id("time-error");
    let time_error_ref = time_error.clone();
    let club_name = club.name.clone();
    let next = club.next_meeting.clone();
    view! {
        <li class="card" aria-labelledby=labelled_by>
            <h3 id=heading>{move || i18n.pick(&club_name)}</h3>
            <p>{move || i18n.f(StaffText::ClubMeetsEvery, &[("rule", &rule.describe(i18n.lang()))])}</p>
            {next.map(|m| {
                let href = format!("/gestion/evenements/{}", m.id);
                view! {
                    <p><a href=href>{move || i18n.f(StaffText::ClubMoveMeeting, &[("date", &datetime_short(m.starts_at.0, i18n.lang()))])}</a></p>
                }
            })}
            <form class="form" novalidate on:submit=on_submit>
                {failure_alert(api::failure_of(save))}
                <div class="field-pair">
                    <div class="field">
                        <label for=f_ord>{tr(StaffText::FieldRuleOrdinal)}</label>
                        <select id=i_ord on:change=move |ev| ordinal.set(event_target_value(&ev))>
                            {ORDINALS.into_iter().map(|(n, label)| view! {
                                <option value=n.to_string() selected=rule.ordinal == n>{tr(label)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=f_day>{tr(StaffText::FieldRuleWeekday)}</label>
                        <select id=i_day on:change=move |ev| weekday.set(event_target_value(&ev))>
                            {WEEKDAYS.into_iter().map(|d| {
                                let n = d.number_from_monday();
                                view! { <option value=n.to_string() selected=u32::from(rule.weekday) == n>{move || weekday_name(d, i18n.lang())}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=f_time>{tr(StaffText::FieldRuleTime)}</label>
                        <input id=i_time type="time" bind:value=time
                            aria-invalid=move || bad_time.get().then_some("true")
                            aria-describedby=move || bad_time.get().then(|| time_error_ref.clone()) />
                        {move || bad_time.get().then(|| view! { <p class="field__error" id=time_error.clone()>{tr(StaffText::RuleTimeInvalid)}</p> })}
                    </div>
                    <div class="field">
                        <label for=f_dur>{tr(StaffText::FieldRuleDuration)}</label>
                        <input id=i_dur type="number" inputmode="numeric" min="15" max="720" bind:value=duration />
                    </div>
                </div>
                <button type="submit" class="button button--secondary" aria-disabled=move || save.pending().get().to_string()>{tr(StaffText::SaveRule)}</button>
            </form>
        </li>
    }
}
