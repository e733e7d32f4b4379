//! `/gestion/reglages`: what the cantine changes without a developer: opening hours, booking
//! rules, room rates, the membership fee and the budget, the association's identifiers printed on
//! quotes, and closure days. Each part saves on its own; the server checks every value and says
//! what is wrong in the reader's language.

use chrono::Weekday;
use domain::calendar::BookingRules;
use domain::endpoints as ep;
use domain::i18n::weekday_name;
use domain::settings::{
    DayHours, LegalIdentity, OpeningHours, RoomRates, Setting, SettingValue, WEEK,
};
use domain::time::HhMm;
use domain::wire::ClosureDay;
use leptos::prelude::*;
use wire_json::FromJson;

use crate::api::{self, ApiFailure, Request};
use crate::components::calendar::{day_label, parse_date};
use crate::components::form::{refused_here, ErrorSummary, NO_LABELS};
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::format::{cents_to_euros, euros_to_cents};
use crate::i18n::{tr, use_i18n, Label};
use crate::text::{SharedText, StaffText};

#[component]
pub fn StaffSettings() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffSettingsTitle content=|_| view! { <Settings /> } /> }
}

/// A setting's value as the domain's type for it; `None` when it is missing or does not fit.
fn value_of<T: FromJson>(entries: &[Setting], key: &str) -> Option<T> {
    entries
        .iter()
        .find(|e| e.key == key)
        .and_then(|e| T::from_json(&e.value).ok())
}

/// Saves one setting: (key, JSON text of the value).
type Save = Request<(&'static str, String)>;

#[component]
fn Settings() -> impl IntoView {
    let i18n = use_i18n();
    let entries = LocalResource::new(move || api::call(ep::SETTINGS));
    view! {
        <p class="lead">{tr(StaffText::SettingsLead)}</p>
        {with_loaded(entries, move |entries: Vec<Setting>| {
            let hours = value_of::<OpeningHours>(&entries, "opening_hours");
            let rules = value_of::<BookingRules>(&entries, "booking_rules");
            let rates = value_of::<RoomRates>(&entries, "room_rates");
            let fee = value_of::<i64>(&entries, "membership_fee_cents");
            let budget = value_of::<i64>(&entries, "yearly_budget_cents");
            let legal = value_of::<LegalIdentity>(&entries, "legal_identity");
            let target = value_of::<i64>(&entries, "rental_target_cents");
            let reminder = value_of::<u32>(&entries, "event_reminder_hours");
            let retention = value_of::<u32>(&entries, "children_retention_days");
            let consultations = value_of::<u32>(&entries, "consultation_retention_days");
            // A setting this page cannot read is said, never shown as an empty or zero value.
            let unreadable: Vec<&str> = [
                ("opening_hours", hours.is_none()),
                ("booking_rules", rules.is_none()),
                ("room_rates", rates.is_none()),
                ("membership_fee_cents", fee.is_none()),
                ("yearly_budget_cents", budget.is_none()),
                ("legal_identity", legal.is_none()),
                ("rental_target_cents", target.is_none()),
                ("event_reminder_hours", reminder.is_none()),
                ("children_retention_days", retention.is_none()),
                ("consultation_retention_days", consultations.is_none()),
            ]
            .into_iter()
            .filter_map(|(k, missing)| missing.then_some(k))
            .collect();
            let unreadable = unreadable.join(", ");
            let money = rates.zip(fee).zip(budget).zip(target);
            view! {
                {(!unreadable.is_empty()).then(|| view! {
                    <p class="status status--error" role="alert">{move || i18n.f(StaffText::SettingUnreadable, &[("keys", &unreadable)])}</p>
                })}
                {hours.map(|h| view! { <HoursForm hours=h /> })}
                {rules.map(|r| view! { <RulesForm rules=r /> })}
                {money.map(|(((rates, fee), budget), target)| view! { <MoneyForm rates fee budget target /> })}
                {legal.map(|legal| view! { <LegalForm legal /> })}
                {reminder.zip(retention).map(|(reminder, retention)| view! { <EventsForm reminder retention /> })}
                {consultations.map(|days| view! { <ConsultationsForm days /> })}
                <Closures />
            }
        })}
    }
}

/// The action that saves a setting, and the "saved" line after it.
fn save_action() -> Save {
    Action::new_local(move |(key, text): &(&'static str, String)| {
        let call = ep::SET_SETTING.at(&[key]);
        let value = SettingValue(text.clone());
        async move { api::send(call, &value).await.map(drop) }
    })
}

/// A form's refusal made here, before anything is sent (a number the app cannot read).
type Local = RwSignal<Option<ApiFailure>>;

/// The refusal of the last save (the app's own first), or "saved".
fn outcome(save: Save, local: Local) -> impl IntoView {
    let server = api::failure_of(save);
    let failure = Signal::derive(move || local.get().or_else(|| server.get()));
    view! {
        <ErrorSummary failure labels=NO_LABELS ids="" />
        <p class="notice-line" role="status">
            {move || api::answer_of(save).map(|_| tr(StaffText::SettingSaved))}
        </p>
    }
}

/// A weekday of the hours form: open or not, from, to.
type DayRow = (Weekday, RwSignal<bool>, RwSignal<String>, RwSignal<String>);

#[component]
fn HoursForm(hours: OpeningHours) -> impl IntoView {
    let i18n = use_i18n();
    let save = save_action();
    // One row per weekday: open or not, from, to.
    let rows: Vec<DayRow> = WEEK
        .iter()
        .map(|w| {
            let day = hours.for_weekday(w.number_from_monday() as u8);
            (
                *w,
                RwSignal::new(day.is_some()),
                RwSignal::new(
                    day.map(|d| d.open.to_string())
                        .unwrap_or_else(|| "09:00".into()),
                ),
                RwSignal::new(
                    day.map(|d| d.close.to_string())
                        .unwrap_or_else(|| "18:00".into()),
                ),
            )
        })
        .collect();
    let rows = StoredValue::new(rows);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let days: Vec<DayHours> = rows.with_value(|rows| {
            rows.iter()
                .filter(|r| r.1.get_untracked())
                .filter_map(|(w, _, open, close)| {
                    Some(DayHours {
                        weekday: w.number_from_monday() as u8,
                        open: HhMm::parse(&open.get_untracked()).ok()?,
                        close: HhMm::parse(&close.get_untracked()).ok()?,
                    })
                })
                .collect()
        });
        api::start(save, ("opening_hours", wire_json::to_string(&days)));
    };
    let local = Local::new(None);
    view! {
        <section class="card" aria-labelledby="hours-title">
            <h2 id="hours-title">{tr(StaffText::HoursTitle)}</h2>
            <form class="form" novalidate on:submit=on_submit>
                {outcome(save, local)}
                {rows.with_value(|rows| rows.iter().map(|(w, open, from, to)| {
                    let (w, open, from, to) = (*w, *open, *from, *to);
                    let n = w.number_from_monday();
                    let (check, from_id, to_id) = (format!("h-open-{n}"), format!("h-from-{n}"), format!("h-to-{n}"));
                    view! {
                        <fieldset class="field hours-day">
                            <legend>{move || weekday_name(w, i18n.lang())}</legend>
                            <div class="check">
                                <input type="checkbox" id=check.clone() prop:checked=move || open.get()
                                    on:change=move |ev| open.set(event_target_checked(&ev)) />
                                <label for=check>{tr(StaffText::OpenThatDay)}</label>
                            </div>
                            <div class="field-pair">
                                <div class="field">
                                    <label for=from_id.clone()>{tr(StaffText::Opens)}</label>
                                    <input id=from_id type="time" step="1800" disabled=move || !open.get() bind:value=from />
                                </div>
                                <div class="field">
                                    <label for=to_id.clone()>{tr(StaffText::Closes)}</label>
                                    <input id=to_id type="time" step="1800" disabled=move || !open.get() bind:value=to />
                                </div>
                            </div>
                        </fieldset>
                    }
                }).collect_view())}
                <button type="submit" class="button" aria-disabled=move || save.pending().get().to_string()>{tr(StaffText::SaveHours)}</button>
            </form>
        </section>
    }
}

/// Reads each `(input id, text)` with `read`; what it cannot read is refused here with `why`,
/// naming the field by its id (the summary links to it), and nothing is sent.
fn read_all<T>(
    local: Local,
    why: StaffText,
    read: impl Fn(&str) -> Option<T>,
    fields: &[(&'static str, Label, RwSignal<String>)],
) -> Option<Vec<T>> {
    let i18n = use_i18n();
    let mut values = Vec::new();
    let mut refused = Vec::new();
    for (id, label, text) in fields {
        match read(&text.get_untracked()) {
            Some(v) => values.push(v),
            None => refused.push((
                id.to_string(),
                format!("{}{}{}", i18n.t(*label), i18n.colon(), i18n.t(why)),
            )),
        }
    }
    local.set((!refused.is_empty()).then(|| refused_here(i18n.lang_untracked(), refused)));
    local.get_untracked().is_none().then_some(values)
}

fn whole(text: &str) -> Option<u32> {
    text.trim().parse().ok()
}

/// A labelled number input.
fn number_field(id: &'static str, label: Label, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <input id=id type="text" inputmode="decimal" bind:value=value />
        </div>
    }
}

#[component]
fn RulesForm(rules: BookingRules) -> impl IntoView {
    let save = save_action();
    let horizon = RwSignal::new(rules.horizon_days.to_string());
    let quota = RwSignal::new((rules.room_weekly_quota_minutes / 60).to_string());
    let notice = RwSignal::new(rules.room_cancel_notice_hours.to_string());
    let base = StoredValue::new(rules);
    let local = Local::new(None);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = [
            ("r-horizon", StaffText::HorizonDays.into(), horizon),
            ("r-quota", StaffText::WeeklyQuotaHours.into(), quota),
            ("r-notice", StaffText::CancelNoticeHours.into(), notice),
        ];
        let Some(n) = read_all(local, StaffText::NumberNotANumber, whole, &fields) else {
            return;
        };
        let mut r = base.get_value();
        r.horizon_days = n[0];
        r.room_weekly_quota_minutes = n[1].saturating_mul(60);
        r.room_cancel_notice_hours = n[2];
        api::start(save, ("booking_rules", wire_json::to_string(&r)));
    };
    view! {
        <section class="card" aria-labelledby="rules-title">
            <h2 id="rules-title">{tr(StaffText::RulesTitle)}</h2>
            <form class="form" novalidate on:submit=on_submit>
                {outcome(save, local)}
                {number_field("r-horizon", StaffText::HorizonDays.into(), horizon)}
                {number_field("r-quota", StaffText::WeeklyQuotaHours.into(), quota)}
                {number_field("r-notice", StaffText::CancelNoticeHours.into(), notice)}
                <button type="submit" class="button" aria-disabled=move || save.pending().get().to_string()>{tr(StaffText::SaveRules)}</button>
            </form>
        </section>
    }
}

/// The events' two settings: when the reminder goes, and how long children's data is kept (the
/// consent parents tick names that delay). One form, a save each, in order.
#[component]
fn EventsForm(reminder: u32, retention: u32) -> impl IntoView {
    let save_reminder = save_action();
    let save_retention = save_action();
    let reminder = RwSignal::new(reminder.to_string());
    let retention = RwSignal::new(retention.to_string());
    let local = Local::new(None);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = [
            ("e-reminder", StaffText::ReminderHours.into(), reminder),
            ("e-retention", StaffText::RetentionDays.into(), retention),
        ];
        let Some(n) = read_all(local, StaffText::NumberNotANumber, whole, &fields) else {
            return;
        };
        api::start(save_reminder, ("event_reminder_hours", n[0].to_string()));
        api::start(
            save_retention,
            ("children_retention_days", n[1].to_string()),
        );
    };
    view! {
        <section class="card" aria-labelledby="event-settings-title">
            <h2 id="event-settings-title">{tr(StaffText::EventSettingsTitle)}</h2>
            <form class="form" novalidate on:submit=on_submit>
                {outcome(save_reminder, local)}
                {outcome(save_retention, Local::new(None))}
                {number_field("e-reminder", StaffText::ReminderHours.into(), reminder)}
                {number_field("e-retention", StaffText::RetentionDays.into(), retention)}
                <button type="submit" class="button" aria-disabled=move || (save_reminder.pending().get() || save_retention.pending().get()).to_string()>
                    {tr(StaffText::SaveEventSettings)}
                </button>
            </form>
        </section>
    }
}

#[component]
fn MoneyForm(rates: RoomRates, fee: i64, budget: i64, target: i64) -> impl IntoView {
    let save_rates = save_action();
    let save_fee = save_action();
    let save_budget = save_action();
    let save_target = save_action();
    let member_half = RwSignal::new(cents_to_euros(rates.member_half_day_cents));
    let member_day = RwSignal::new(cents_to_euros(rates.member_day_cents));
    let other_half = RwSignal::new(cents_to_euros(rates.non_member_half_day_cents));
    let other_day = RwSignal::new(cents_to_euros(rates.non_member_day_cents));
    let fee_text = RwSignal::new(cents_to_euros(fee));
    let budget_text = RwSignal::new(cents_to_euros(budget));
    let target_text = RwSignal::new(cents_to_euros(target));
    // An amount the app cannot read (empty, "abc") is refused here, naming its field; the
    // server checks the rest (a negative or too high amount) in its own words.
    let (local_rates, local_fee, local_budget, local_target) = (
        Local::new(None),
        Local::new(None),
        Local::new(None),
        Local::new(None),
    );
    let amounts = |local: Local, fields: &[(&'static str, Label, RwSignal<String>)]| {
        read_all(local, StaffText::AmountNotANumber, euros_to_cents, fields)
    };
    let on_rates = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = [
            (
                "m-member-half",
                StaffText::RateMemberHalf.into(),
                member_half,
            ),
            ("m-member-day", StaffText::RateMemberDay.into(), member_day),
            ("m-other-half", StaffText::RateOtherHalf.into(), other_half),
            ("m-other-day", StaffText::RateOtherDay.into(), other_day),
        ];
        let Some(c) = amounts(local_rates, &fields) else {
            return;
        };
        let r = RoomRates {
            member_half_day_cents: c[0],
            member_day_cents: c[1],
            non_member_half_day_cents: c[2],
            non_member_day_cents: c[3],
        };
        api::start(save_rates, ("room_rates", wire_json::to_string(&r)));
    };
    let one = move |save: Save,
                    local: Local,
                    key: &'static str,
                    id: &'static str,
                    label: StaffText,
                    text: RwSignal<String>| {
        if let Some(c) = amounts(local, &[(id, label.into(), text)]) {
            api::start(save, (key, c[0].to_string()));
        }
    };
    let on_fee = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        one(
            save_fee,
            local_fee,
            "membership_fee_cents",
            "m-fee",
            StaffText::FeeEuros,
            fee_text,
        );
    };
    let on_budget = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        one(
            save_budget,
            local_budget,
            "yearly_budget_cents",
            "m-budget",
            StaffText::BudgetEuros,
            budget_text,
        );
    };
    let on_target = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        one(
            save_target,
            local_target,
            "rental_target_cents",
            "m-target",
            StaffText::TargetEuros,
            target_text,
        );
    };
    view! {
        <section class="card" aria-labelledby="rates-title">
            <h2 id="rates-title">{tr(StaffText::RatesTitle)}</h2>
            <form class="form" novalidate on:submit=on_rates>
                {outcome(save_rates, local_rates)}
                {number_field("m-member-half", StaffText::RateMemberHalf.into(), member_half)}
                {number_field("m-member-day", StaffText::RateMemberDay.into(), member_day)}
                {number_field("m-other-half", StaffText::RateOtherHalf.into(), other_half)}
                {number_field("m-other-day", StaffText::RateOtherDay.into(), other_day)}
                <button type="submit" class="button" aria-disabled=move || save_rates.pending().get().to_string()>{tr(StaffText::SaveRates)}</button>
            </form>
        </section>
        <section class="card" aria-labelledby="fee-title">
            <h2 id="fee-title">{tr(StaffText::FeeTitle)}</h2>
            <form class="form" novalidate on:submit=on_fee>
                {outcome(save_fee, local_fee)}
                {number_field("m-fee", StaffText::FeeEuros.into(), fee_text)}
                <button type="submit" class="button" aria-disabled=move || save_fee.pending().get().to_string()>{tr(StaffText::SaveFee)}</button>
            </form>
            <form class="form" novalidate on:submit=on_budget>
                {outcome(save_budget, local_budget)}
                {number_field("m-budget", StaffText::BudgetEuros.into(), budget_text)}
                <button type="submit" class="button" aria-disabled=move || save_budget.pending().get().to_string()>{tr(StaffText::SaveBudget)}</button>
            </form>
            <form class="form" novalidate on:submit=on_target>
                {outcome(save_target, local_target)}
                {number_field("m-target", StaffText::TargetEuros.into(), target_text)}
                <button type="submit" class="button" aria-disabled=move || save_target.pending().get().to_string()>{tr(StaffText::SaveTarget)}</button>
            </form>
        </section>
    }
}

#[component]
fn LegalForm(legal: LegalIdentity) -> impl IntoView {
    let save = save_action();
    let iban = RwSignal::new(legal.iban);
    let rna = RwSignal::new(legal.rna);
    let siret = RwSignal::new(legal.siret);
    let local = Local::new(None);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = LegalIdentity {
            rna: rna.get_untracked(),
            siret: siret.get_untracked(),
            iban: iban.get_untracked(),
        };
        api::start(save, ("legal_identity", wire_json::to_string(&id)));
    };
    view! {
        <section class="card" aria-labelledby="legal-title">
            <h2 id="legal-title">{tr(StaffText::LegalTitle)}</h2>
            <p class="note">{tr(StaffText::LegalLead)}</p>
            <form class="form" novalidate on:submit=on_submit>
                {outcome(save, local)}
                <div class="field">
                    <label for="l-rna">{tr(StaffText::FieldRna)}</label>
                    <input id="l-rna" type="text" autocomplete="off" bind:value=rna />
                </div>
                <div class="field">
                    <label for="l-siret">{tr(StaffText::FieldSiret)}</label>
                    <input id="l-siret" type="text" inputmode="numeric" autocomplete="off" bind:value=siret />
                </div>
                <div class="field">
                    <label for="l-iban">{tr(StaffText::FieldIban)}</label>
                    <input id="l-iban" type="text" autocomplete="off" spellcheck="false" bind:value=iban />
                </div>
                <button type="submit" class="button" aria-disabled=move || save.pending().get().to_string()>{tr(StaffText::SaveLegal)}</button>
            </form>
        </section>
    }
}

#[component]
fn Closures() -> impl IntoView {
    let i18n = use_i18n();
    let date = RwSignal::new(String::new());
    let reason_fr = RwSignal::new(String::new());
    let reason_en = RwSignal::new(String::new());
    let add: Request<ClosureDay> = Action::new_local(move |day: &ClosureDay| {
        let day = day.clone();
        async move { api::send(ep::ADD_CLOSURE, &day).await.map(drop) }
    });
    let remove: Request<String> = Action::new_local(move |date: &String| {
        let date = date.clone();
        async move { api::call(ep::REMOVE_CLOSURE.at(&[&date])).await }
    });
    let list = LocalResource::new(move || {
        add.version().get();
        remove.version().get();
        api::call(ep::CLOSURES)
    });
    let add_failure = api::failure_of(add);
    let remove_failure = api::failure_of(remove);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        api::start(
            add,
            ClosureDay {
                date: date.get_untracked(),
                reason_fr: reason_fr.get_untracked(),
                reason_en: reason_en.get_untracked(),
            },
        );
    };
    view! {
        <section class="card" aria-labelledby="closures-title">
            <h2 id="closures-title">{tr(StaffText::ClosuresTitle)}</h2>
            <p class="note">{tr(StaffText::ClosuresLead)}</p>
            <ErrorSummary failure=remove_failure labels=NO_LABELS />
            {with_loaded(list, move |days: Vec<ClosureDay>| {
                if days.is_empty() {
                    return view! { <p>{tr(StaffText::NoClosures)}</p> }.into_any();
                }
                view! {
                    <ul class="rows">
                        {days.into_iter().map(|d| {
                            let label = parse_date(&d.date);
                            let date = d.date.clone();
                            let (fr, en) = (d.reason_fr.clone(), d.reason_en.clone());
                            view! {
                                <li class="row">
                                    <span class="row__title">
                                        {move || label.map(|l| day_label(l, i18n.lang())).unwrap_or_else(|| date.clone())}
                                    </span>
                                    <span class="row__meta">{move || if i18n.lang() == domain::Lang::En && !en.is_empty() { en.clone() } else { fr.clone() }}</span>
                                    <button type="button" class="button button--secondary" aria-disabled=move || remove.pending().get().to_string()
                                        on:click={
                                            let d = d.date.clone();
                                            move |_| api::start(remove, d.clone())
                                        }>{tr(StaffText::ReopenDay)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            })}
            <form class="form" novalidate on:submit=on_submit>
                <h3>{tr(StaffText::AddClosure)}</h3>
                <ErrorSummary failure=add_failure labels=NO_LABELS />
                <div class="field">
                    <label for="f-date">{tr(SharedText::FieldDate)}</label>
                    <input id="f-date" type="date" bind:value=date />
                </div>
                <div class="field">
                    <label for="c-fr">{tr(StaffText::ReasonFr)}</label>
                    <input id="c-fr" type="text" bind:value=reason_fr />
                </div>
                <div class="field">
                    <label for="c-en">{tr(StaffText::ReasonEn)}</label>
                    <input id="c-en" type="text" bind:value=reason_en />
                </div>
                <button type="submit" class="button" aria-disabled=move || add.pending().get().to_string()>{tr(StaffText::CloseThatDay)}</button>
            </form>
        </section>
    }
}

/// How long a closed consultation request keeps its requester's contact details.
#[component]
fn ConsultationsForm(days: u32) -> impl IntoView {
    let save = save_action();
    let days = RwSignal::new(days.to_string());
    let local = Local::new(None);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = [(
            "c-retention",
            StaffText::ConsultationRetentionDays.into(),
            days,
        )];
        if let Some(n) = read_all(local, StaffText::NumberNotANumber, whole, &fields) {
            api::start(save, ("consultation_retention_days", n[0].to_string()));
        }
    };
    view! {
        <section class="card" aria-labelledby="consultation-settings-title">
            <h2 id="consultation-settings-title">{tr(StaffText::ConsultationSettingsTitle)}</h2>
            <form class="form" novalidate on:submit=on_submit>
                {outcome(save, local)}
                {number_field("c-retention", StaffText::ConsultationRetentionDays.into(), days)}
                <button type="submit" class="button" aria-disabled=move || save.pending().get().to_string()>{tr(StaffText::SaveEventSettings)}</button>
            </form>
        </section>
    }
}
