//! `/gestion/assemblees`: the general assemblies, and preparing one (its date and place — the
//! meeting room held in the same write —, the agenda with each resolution's majority and the
//! board's election, "Questions diverses" added last). `/gestion/assemblees/:id`: one assembly,
//! the statutes it runs under and its quorum, convening every voter, and each voter's answer.

use std::collections::BTreeMap;

use domain::assembly::{
    AssemblyDoor, AssemblyInput, AssemblyStatus, AssemblyView, BoardSeat, CloseInput, DoorCheck,
    Intent, ItemInput, ItemKind, Minutes, ProxyStatus, RoleInput, StaffAssembly, VoteStatus,
};
use domain::endpoints as ep;
use domain::i18n::format_date_long;
use domain::Lang;
use leptos::prelude::*;

use crate::api::{self, Request};
use crate::components::calendar::failure_alert;
use crate::components::confirm::ConfirmButton;
use crate::components::form::{field_error, input_id, ErrorSummary, Field};
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n, I18n};
use crate::pages::member::assembly::{kind_words, majority_words};
use crate::text::{AssemblyText, StaffText};

#[component]
pub fn StaffAssemblies() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffAssembliesTitle content=|_| view! { <Assemblies /> } /> }
}

fn status_words(s: AssemblyStatus) -> AssemblyText {
    match s {
        AssemblyStatus::Draft => AssemblyText::AgStatusDraft,
        AssemblyStatus::Convened => AssemblyText::AgStatusConvened,
        AssemblyStatus::Closed => AssemblyText::AgStatusClosed,
    }
}

fn when(a: &AssemblyView, lang: Lang) -> String {
    format!(
        "{}, {}–{}",
        format_date_long(a.starts_at.0.date(), lang),
        a.starts_at.0.format("%H:%M"),
        a.ends_at.0.format("%H:%M")
    )
}

#[component]
fn Assemblies() -> impl IntoView {
    let i18n = use_i18n();
    let prepared = RwSignal::new(0u32);
    let list = LocalResource::new(move || {
        prepared.get();
        api::call(ep::ASSEMBLIES)
    });
    view! {
        <p class="lead">{tr(AssemblyText::AgStaffLead)}</p>
        {with_loaded(list, move |all: Vec<AssemblyView>| {
            if all.is_empty() {
                return view! { <p>{tr(AssemblyText::AgNone)}</p> }.into_any();
            }
            view! {
                <ul class="cards">
                    {all.into_iter().map(|a| {
                        let href = format!("/gestion/assemblees/{}", a.id);
                        let (kind, status) = (a.kind, a.status);
                        let date = a.clone();
                        let counts = [a.voters.to_string(), a.quorum.to_string()];
                        view! {
                            <li class="card" data-assembly=a.id.to_string()>
                                <p class="event-card__kind">{move || i18n.t(status_words(status))}</p>
                                <h2><a href=href>{move || i18n.t(kind_words(kind))}</a></h2>
                                <p>{move || when(&date, i18n.lang())}</p>
                                <p class="note">{move || i18n.f(AssemblyText::AgVotersLine, &[("voters", &counts[0]), ("quorum", &counts[1])])}</p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        })}
        <Prepare on_prepared=move || prepared.update(|n| *n += 1) />
        <StatutesForm />
    }
}

/// The statutes' rules as a setting: the quorum, the proxies one voter may hold, voting from
/// afar, the notice. An assembly keeps those it was prepared under.
#[component]
fn StatutesForm() -> impl IntoView {
    use domain::assembly::Statutes;
    use domain::settings::{Setting, SettingValue};
    use wire_json::FromJson;
    let i18n = use_i18n();
    let settings = LocalResource::new(move || api::call(ep::SETTINGS));
    let save: Request<Statutes> = Action::new_local(move |s: &Statutes| {
        let value = SettingValue(wire_json::to_string(s));
        async move {
            api::send(ep::SET_SETTING.at(&[&"assembly_statutes"]), &value)
                .await
                .map(drop)
        }
    });
    view! {
        <section class="card" aria-labelledby="ag-statutes">
            <h2 id="ag-statutes">{tr(AssemblyText::AgStatutesTitle)}</h2>
            <p>{tr(AssemblyText::AgStatutesLead)}</p>
            {failure_alert(api::failure_of(save))}
            {with_loaded(settings, move |all: Vec<Setting>| {
                let now = all
                    .iter()
                    .find(|e| e.key == "assembly_statutes")
                    .and_then(|e| Statutes::from_json(&e.value).ok());
                now.map(|st| {
                    let quorum = RwSignal::new(st.quorum_percent.to_string());
                    let proxies = RwSignal::new(st.proxies_per_member.to_string());
                    let notice = RwSignal::new(st.notice_days.to_string());
                    let remote = RwSignal::new(st.remote_voting);
                    let errors = Signal::derive(BTreeMap::new);
                    let on_submit = move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        // What cannot be read as a number is sent as an impossible one: the
                        // server's refusal names the rule.
                        let n = |s: RwSignal<String>| s.get_untracked().trim().parse().unwrap_or(u32::MAX);
                        api::start(
                            save,
                            Statutes {
                                quorum_percent: n(quorum),
                                proxies_per_member: n(proxies),
                                remote_voting: remote.get_untracked(),
                                notice_days: n(notice),
                            },
                        );
                    };
                    view! {
                        <form class="form" novalidate on:submit=on_submit>
                            <Field name="quorum_percent" label=AssemblyText::AgQuorumPercent value=quorum errors kind="number" inputmode="numeric" required=true />
                            <Field name="proxies_per_member" label=AssemblyText::AgProxiesEach value=proxies errors kind="number" inputmode="numeric" required=true />
                            <Field name="notice_days" label=AssemblyText::AgNoticeDays value=notice errors kind="number" inputmode="numeric" required=true />
                            <div class="check">
                                <input type="checkbox" id="f-remote_voting" prop:checked=move || remote.get()
                                    on:change=move |ev| remote.set(event_target_checked(&ev)) />
                                <label for="f-remote_voting">{tr(AssemblyText::AgRemoteField)}</label>
                            </div>
                            <p class="notice-line" role="status">{move || api::answer_of(save).is_some().then(|| i18n.t(AssemblyText::AgStatutesSaved))}</p>
                            <button type="submit" class="button" aria-disabled=move || save.pending().get().to_string()>{tr(AssemblyText::AgStatutesSave)}</button>
                        </form>
                    }
                })
            })}
        </section>
    }
}

/// One agenda item being written: its key (for the keyed list) and its fields.
#[derive(Clone, Copy)]
struct Draft {
    key: u32,
    kind: RwSignal<String>,
    title_fr: RwSignal<String>,
    title_en: RwSignal<String>,
    body_fr: RwSignal<String>,
    majority: RwSignal<String>,
    seats: RwSignal<String>,
}

impl Draft {
    fn new(key: u32, kind: ItemKind, title: Option<AssemblyText>) -> Draft {
        let text = |lang| title.map(|t| t.text(lang).to_string()).unwrap_or_default();
        Draft {
            key,
            kind: RwSignal::new(kind.as_str().to_string()),
            title_fr: RwSignal::new(text(Lang::Fr)),
            title_en: RwSignal::new(text(Lang::En)),
            body_fr: RwSignal::new(String::new()),
            majority: RwSignal::new(if kind == ItemKind::Resolution {
                "simple".into()
            } else {
                String::new()
            }),
            seats: RwSignal::new(if kind == ItemKind::Election {
                "10".into()
            } else {
                String::new()
            }),
        }
    }

    fn input(&self) -> ItemInput {
        let kind = self.kind.get_untracked();
        ItemInput {
            majority: if kind == "resolution" {
                self.majority.get_untracked()
            } else {
                String::new()
            },
            seats: (kind == "election")
                .then(|| self.seats.get_untracked().trim().parse().ok())
                .flatten(),
            kind,
            title_fr: self.title_fr.get_untracked(),
            title_en: self.title_en.get_untracked(),
            body_fr: self.body_fr.get_untracked(),
            body_en: String::new(),
        }
    }
}

/// An ordinary assembly's usual agenda, to change: the reports, the fee, the board.
fn usual_agenda() -> Vec<Draft> {
    vec![
        Draft::new(1, ItemKind::Resolution, Some(AssemblyText::AgUsualMoral)),
        Draft::new(2, ItemKind::Resolution, Some(AssemblyText::AgUsualAccounts)),
        Draft::new(3, ItemKind::Resolution, Some(AssemblyText::AgUsualFee)),
        Draft::new(4, ItemKind::Election, Some(AssemblyText::AgUsualBoard)),
    ]
}

const LABELS: &[(&str, AssemblyText)] = &[
    ("kind", AssemblyText::AgFieldKind),
    ("starts_at", AssemblyText::AgFieldStarts),
    ("ends_at", AssemblyText::AgFieldEnds),
    ("place", AssemblyText::AgFieldPlace),
    ("candidacy_until", AssemblyText::AgFieldCandidacy),
    ("items", AssemblyText::AgAgendaLegend),
];

#[component]
fn Prepare(#[prop(into)] on_prepared: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new("ordinary".to_string());
    let starts_at = RwSignal::new(String::new());
    let ends_at = RwSignal::new(String::new());
    let in_room = RwSignal::new(true);
    let place = RwSignal::new(String::new());
    let candidacy_until = RwSignal::new(String::new());
    let items = RwSignal::new(usual_agenda());
    let next_key = RwSignal::new(5u32);
    let save: Request<AssemblyInput, AssemblyView> = Action::new_local(|a: &AssemblyInput| {
        let a = a.clone();
        async move { api::send(ep::CREATE_ASSEMBLY.at(&[]), &a).await }
    });
    let failure = api::failure_of(save);
    let errors = crate::components::form::field_errors(failure);
    Effect::new(move |_| {
        if api::answer_of(save).is_some() {
            on_prepared.run(());
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        api::start(
            save,
            AssemblyInput {
                kind: kind.get_untracked(),
                starts_at: starts_at.get_untracked(),
                ends_at: ends_at.get_untracked(),
                in_room: in_room.get_untracked(),
                place: place.get_untracked(),
                candidacy_until: candidacy_until.get_untracked(),
                items: items.with_untracked(|v| v.iter().map(Draft::input).collect()),
            },
        );
    };
    let add = move |_| {
        let key = next_key.get_untracked();
        next_key.set(key + 1);
        items.update(|v| v.push(Draft::new(key, ItemKind::Resolution, None)));
    };
    view! {
        <section class="card" aria-labelledby="ag-prepare">
            <h2 id="ag-prepare">{tr(AssemblyText::AgPrepareTitle)}</h2>
            <form class="form" novalidate on:submit=on_submit>
                <ErrorSummary failure labels=LABELS />
                <div class="field">
                    <label for="f-kind">{tr(AssemblyText::AgFieldKind)}</label>
                    <select id="f-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                        <option value="ordinary" selected=true>{tr(AssemblyText::AgOrdinary)}</option>
                        <option value="extraordinary">{tr(AssemblyText::AgExtraordinary)}</option>
                    </select>
                </div>
                <Field name="starts_at" label=AssemblyText::AgFieldStarts value=starts_at errors kind="datetime-local" required=true />
                <Field name="ends_at" label=AssemblyText::AgFieldEnds value=ends_at errors kind="datetime-local" required=true />
                <div class="check">
                    <input type="checkbox" id="f-in_room" prop:checked=move || in_room.get()
                        on:change=move |ev| in_room.set(event_target_checked(&ev)) />
                    <label for="f-in_room">{tr(AssemblyText::AgFieldInRoom)}</label>
                </div>
                <Show when=move || !in_room.get()>
                    <Field name="place" label=AssemblyText::AgFieldPlace value=place errors required=true />
                </Show>
                <Field name="candidacy_until" label=AssemblyText::AgFieldCandidacy value=candidacy_until errors kind="date" hint=AssemblyText::AgCandidacyHint />
                <fieldset>
                    <legend>{tr(AssemblyText::AgAgendaLegend)}</legend>
                    {field_error(errors, "items")}
                    <ol class="agenda-items">
                        <For each=move || items.get() key=|d| d.key let:d>
                            {item_fields(d, items, errors, i18n)}
                        </For>
                        <li>{tr(AssemblyText::AgQuestionsLast)}</li>
                    </ol>
                    <button type="button" class="button button--secondary" on:click=add>{tr(AssemblyText::AgAddItem)}</button>
                </fieldset>
                <p class="notice-line" role="status">{move || api::answer_of(save).is_some().then(|| i18n.t(AssemblyText::AgPrepared))}</p>
                <button type="submit" class="button" aria-disabled=move || save.pending().get().to_string()>{tr(AssemblyText::AgPrepare)}</button>
            </form>
        </section>
    }
}

/// The fields of one agenda item; their names are the API's (`items.{position}.title_fr`), so that
/// a refusal lands on the right one.
fn item_fields(
    d: Draft,
    items: RwSignal<Vec<Draft>>,
    errors: Signal<BTreeMap<String, String>>,
    i18n: I18n,
) -> impl IntoView {
    let index = move || {
        items
            .with(|v| v.iter().position(|x| x.key == d.key))
            .unwrap_or(0)
    };
    let name = move |field: &str| format!("items.{}.{field}", index());
    let error = move |field: &'static str| {
        move || {
            errors.with(|e| e.get(&name(field)).cloned()).map(|m| {
                view! { <p class="field__error" id=format!("{}-error", input_id(&name(field)))>{m}</p> }
            })
        }
    };
    let input = move |field: &'static str,
                      label: AssemblyText,
                      value: RwSignal<String>,
                      kind: &'static str| {
        view! {
            <div class="field">
                <label for=move || input_id(&name(field))>{tr(label)}</label>
                <input id=move || input_id(&name(field)) type=kind bind:value=value
                    aria-invalid=move || errors.with(|e| e.contains_key(&name(field))).then_some("true")
                    aria-describedby=move || errors.with(|e| e.contains_key(&name(field))).then(|| format!("{}-error", input_id(&name(field)))) />
                {error(field)}
            </div>
        }
    };
    let remove = move |_| items.update(|v| v.retain(|x| x.key != d.key));
    view! {
        <li class="agenda-item" data-item=d.key.to_string()>
            <div class="field">
                <label for=move || input_id(&name("kind"))>{tr(AssemblyText::AgItemKind)}</label>
                <select id=move || input_id(&name("kind")) on:change=move |ev| d.kind.set(event_target_value(&ev))>
                    {[("information", AssemblyText::AgItemInformation), ("resolution", AssemblyText::AgItemResolution), ("election", AssemblyText::AgItemElection)]
                        .into_iter()
                        .map(|(v, l)| view! { <option value=v selected=move || d.kind.get() == v>{tr(l)}</option> })
                        .collect_view()}
                </select>
                {error("kind")}
            </div>
            {input("title_fr", AssemblyText::AgItemTitleFr, d.title_fr, "text")}
            {input("title_en", AssemblyText::AgItemTitleEn, d.title_en, "text")}
            <div class="field">
                <label for=move || input_id(&name("body_fr"))>{tr(AssemblyText::AgItemBody)}</label>
                <textarea id=move || input_id(&name("body_fr")) rows="3" bind:value=d.body_fr></textarea>
                {error("body_fr")}
            </div>
            <Show when=move || d.kind.get() == "resolution">
                <div class="field">
                    <label for=move || input_id(&name("majority"))>{tr(AssemblyText::AgItemMajority)}</label>
                    <select id=move || input_id(&name("majority")) on:change=move |ev| d.majority.set(event_target_value(&ev))>
                        {[("simple", AssemblyText::AgSimple), ("absolute", AssemblyText::AgAbsolute), ("two_thirds", AssemblyText::AgTwoThirds)]
                            .into_iter()
                            .map(|(v, l)| view! { <option value=v selected=move || d.majority.get() == v>{tr(l)}</option> })
                            .collect_view()}
                    </select>
                    {error("majority")}
                </div>
            </Show>
            <Show when=move || d.kind.get() == "election">
                {input("seats", AssemblyText::AgItemSeats, d.seats, "number")}
            </Show>
            <button type="button" class="button button--secondary" on:click=remove>
                {move || i18n.f(AssemblyText::AgRemoveItem, &[("n", &(index() + 1).to_string())])}
            </button>
        </li>
    }
}

#[component]
pub fn StaffAssembly() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffAssemblyTitle content=|_| view! { <OneAssembly /> } /> }
}

#[component]
fn OneAssembly() -> impl IntoView {
    let i18n = use_i18n();
    let id = crate::address::id_in_path();
    let convene: Request<(), AssemblyView> =
        Action::new_local(move |_: &()| api::call(ep::CONVENE_ASSEMBLY.at(&[&id])));
    let data = LocalResource::new(move || {
        convene.version().get();
        api::call(ep::STAFF_ASSEMBLY.at(&[&id]))
    });
    view! {
        <p><a href="/gestion/assemblees">{tr(AssemblyText::AgBackToList)}</a>" · "
            <a href=format!("/gestion/assemblees/{id}/jour")>{tr(AssemblyText::AgDoorLink)}</a>" · "
            <a href=format!("/gestion/assemblees/{id}/pv")>{tr(AssemblyText::AgMinutesLink)}</a></p>
        {failure_alert(api::failure_of(convene))}
        <div aria-live="polite">
            {move || api::answer_of(convene).map(|a| {
                let n = a.voters.to_string();
                view! { <p class="notice" role="status">{move || i18n.f(AssemblyText::AgConvenedNow, &[("n", &n)])}</p> }
            })}
        </div>
        {with_loaded(data, move |s: StaffAssembly| overview(s, convene, i18n))}
    }
}

fn overview(s: StaffAssembly, convene: Request<(), AssemblyView>, i18n: I18n) -> impl IntoView {
    let a = s.assembly;
    let shown = a.clone();
    let (kind, status) = (a.kind, a.status);
    let st = a.statutes;
    let statutes = move || {
        i18n.f(
            AssemblyText::AgStatutesLine,
            &[
                ("quorum", &st.quorum_percent.to_string()),
                ("proxies", &st.proxies_per_member.to_string()),
                ("notice", &st.notice_days.to_string()),
            ],
        )
    };
    let counts = [
        a.voters.to_string(),
        a.quorum.to_string(),
        s.expected_voices.to_string(),
    ];
    let convene_by = a.convene_by;
    let items = a.items.clone();
    view! {
        <h2>{move || i18n.t(kind_words(kind))}</h2>
        <p>{move || when(&shown, i18n.lang())}" · "{move || i18n.t(status_words(status))}</p>
        <p>{statutes}" "{move || if st.remote_voting { i18n.t(AssemblyText::AgRemoteAllowed) } else { i18n.t(AssemblyText::AgRemoteNot) }}</p>
        <p><strong>{move || i18n.f(AssemblyText::AgQuorumLine, &[("voters", &counts[0]), ("quorum", &counts[1]), ("expected", &counts[2])])}</strong></p>
        {(status == AssemblyStatus::Draft).then(|| {
            let by = format_date_long(convene_by, i18n.lang());
            view! {
                <p>{move || i18n.f(AssemblyText::AgConveneBy, &[("date", &by)])}</p>
                <ConfirmButton
                    label=AssemblyText::AgConvene
                    question=AssemblyText::AgConveneQuestion
                    yes=AssemblyText::AgConveneYes
                    id="ag-convene-q"
                    pending=convene.pending()
                    on_yes=move |_| api::start(convene, ())
                />
            }
        })}
        <section aria-labelledby="ag-agenda">
            <h2 id="ag-agenda">{tr(AssemblyText::AgAgenda)}</h2>
            <ol>
                {items.into_iter().map(|item| {
                    let title = item.title.clone();
                    let extra = move || match (item.kind, item.majority, item.seats) {
                        (ItemKind::Resolution, Some(m), _) => format!(" — {}", i18n.t(majority_words(m))),
                        (ItemKind::Election, _, Some(n)) => format!(" — {}", i18n.f(AssemblyText::AgSeats, &[("n", &n.to_string())])),
                        _ => String::new(),
                    };
                    view! { <li>{move || i18n.pick(&title)}{extra}</li> }
                }).collect_view()}
            </ol>
        </section>
        {answers(s.answers, i18n)}
    }
}

fn intent_words(a: &domain::assembly::VoterAnswer, i18n: I18n) -> String {
    match (a.intent, &a.proxy_to, a.proxy_status) {
        (Some(Intent::Present), _, _) => i18n.t(AssemblyText::AgColComes).to_string(),
        (Some(Intent::Remote), _, _) => i18n.t(AssemblyText::AgColRemote).to_string(),
        (Some(Intent::Proxy), Some(p), status) => {
            let state = match status {
                Some(ProxyStatus::Accepted) => AssemblyText::AgOfferAccepted,
                Some(ProxyStatus::Refused) => AssemblyText::AgColRefused,
                _ => AssemblyText::AgColWaiting,
            };
            i18n.f(
                AssemblyText::AgColProxyTo,
                &[("name", &p.name), ("state", i18n.t(state))],
            )
        }
        _ => String::new(),
    }
}

fn answers(list: Vec<domain::assembly::VoterAnswer>, i18n: I18n) -> impl IntoView {
    view! {
        <section aria-labelledby="ag-answers">
            <h2 id="ag-answers">{tr(AssemblyText::AgAnswers)}</h2>
            {if list.is_empty() {
                view! { <p>{tr(AssemblyText::AgNoAnswers)}</p> }.into_any()
            } else {
                // A list, not a table: at 360 px a table's name column broke names mid-word.
                view! {
                    <ul class="plain-list answers">
                        {list.into_iter().map(|a| {
                            let said = a.clone();
                            let candidate = a.candidate;
                            view! {
                                <li>
                                    <strong>{a.member.name.clone()}</strong>
                                    {move || {
                                        let mut parts = vec![intent_words(&said, i18n)];
                                        if candidate {
                                            parts.push(i18n.t(AssemblyText::AgColCandidate).to_string());
                                        }
                                        let parts: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
                                        format!(" — {}", parts.join(" · "))
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
pub fn StaffAssemblyDay() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffAssemblyDayTitle content=|_| view! { <Day /> } /> }
}

/// What the chair and the door do on the day.
#[derive(Clone)]
enum DayMove {
    CheckIn(i64, bool),
    Open(i64),
    Close(i64),
}

#[component]
fn Day() -> impl IntoView {
    let i18n = use_i18n();
    let id = crate::address::id_in_path();
    let act: Request<DayMove, AssemblyDoor> = Action::new_local(move |m: &DayMove| {
        let m = m.clone();
        async move {
            match m {
                DayMove::CheckIn(member, present) => {
                    api::send(
                        ep::CHECK_IN_VOTER.at(&[&id, &member]),
                        &DoorCheck { present },
                    )
                    .await
                }
                DayMove::Open(item) => api::call(ep::OPEN_VOTE.at(&[&id, &item])).await,
                DayMove::Close(item) => api::call(ep::CLOSE_VOTE.at(&[&id, &item])).await,
            }
        }
    });
    let done = api::successes(act);
    // The quorum and the votes move with every phone: read again every 5 s.
    let tick = RwSignal::new(0u32);
    let _ = set_interval_with_handle(
        move || {
            tick.try_update(|n| *n += 1);
        },
        std::time::Duration::from_secs(5),
    );
    let data = LocalResource::new(move || {
        done.get();
        tick.get();
        api::call(ep::ASSEMBLY_DOOR.at(&[&id]))
    });
    let find = RwSignal::new(String::new());
    view! {
        <p><a href=format!("/gestion/assemblees/{id}")>{tr(AssemblyText::AgBackToAssembly)}</a></p>
        {failure_alert(api::failure_of(act))}
        {with_loaded(data, move |d: AssemblyDoor| day_view(d, act, find, i18n))}
    }
}

fn day_view(
    d: AssemblyDoor,
    act: Request<DayMove, AssemblyDoor>,
    find: RwSignal<String>,
    i18n: I18n,
) -> impl IntoView {
    let q = d.quorum;
    let quorum = move || {
        i18n.f(
            AssemblyText::AgQuorumLive,
            &[
                ("voices", &(q.present + q.represented).to_string()),
                ("present", &q.present.to_string()),
                ("represented", &q.represented.to_string()),
                ("needed", &q.needed.to_string()),
                ("voters", &q.voters.to_string()),
            ],
        )
    };
    let shown = d.assembly.clone();
    let kind = d.assembly.kind;
    if !d.open {
        return view! {
            <h2>{move || i18n.t(kind_words(kind))}</h2>
            <p>{move || when(&shown, i18n.lang())}</p>
            <p>{tr(AssemblyText::AgDoorClosed)}</p>
            {crate::pages::member::assembly::results_view(d.items, i18n)}
        }
        .into_any();
    }
    let voters = d.voters;
    view! {
        <h2>{move || i18n.t(kind_words(kind))}</h2>
        <p>{move || when(&shown, i18n.lang())}</p>
        <div class="card" aria-live="polite">
            <p><strong>{quorum}</strong></p>
            <p>{move || if q.reached { i18n.t(AssemblyText::AgQuorumReached) } else { i18n.t(AssemblyText::AgQuorumMissing) }}</p>
        </div>
        <section aria-labelledby="ag-votes">
            <h2 id="ag-votes">{tr(AssemblyText::AgResults)}</h2>
            <ul class="plain-list">
                {d.items.into_iter().map(|r| {
                    let item = r.item.id;
                    let title = r.item.title.clone();
                    let title2 = title.clone();
                    let status = r.status;
                    let words = r.clone();
                    view! {
                        <li data-item=item.to_string()>
                            <strong>{move || i18n.pick(&title)}</strong><br />
                            {move || crate::pages::member::assembly::result_words(&words, i18n)}
                            <div class="actions">
                                {(status == VoteStatus::Pending).then(|| view! {
                                    <button type="button" class="button" aria-disabled=move || act.pending().get().to_string()
                                        on:click=move |_| api::start(act, DayMove::Open(item))>{move || i18n.f(AssemblyText::AgOpenVote, &[("title", &i18n.pick(&title2))])}</button>
                                })}
                                {(status == VoteStatus::Open).then(|| {
                                    let title3 = r.item.title.clone();
                                    view! {
                                        <button type="button" class="button" aria-disabled=move || act.pending().get().to_string()
                                            on:click=move |_| api::start(act, DayMove::Close(item))>{move || i18n.f(AssemblyText::AgCloseVote, &[("title", &i18n.pick(&title3))])}</button>
                                    }
                                })}
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="ag-door">
            <h2 id="ag-door">{tr(AssemblyText::AgDoorTitle)}</h2>
            <div class="field">
                <label for="ag-find">{tr(AssemblyText::AgFindVoter)}</label>
                <input id="ag-find" type="search" autocomplete="off" bind:value=find />
            </div>
            <ul class="plain-list door">
                {voters.into_iter().map(|v| {
                    let name = v.member.name.clone();
                    let lower = name.to_lowercase();
                    let member = v.member.id;
                    let inside = v.checked_in;
                    let holds: Vec<String> = v.holds.iter().map(|p| p.name.clone()).collect();
                    let label = name.clone();
                    view! {
                        <li data-member=member.to_string() hidden=move || { let f = find.get().trim().to_lowercase(); !f.is_empty() && !lower.contains(&f) }>
                            <strong>{name.clone()}</strong>
                            {inside.then(|| view! { " — "{tr(AssemblyText::AgIsIn)} })}
                            {(!holds.is_empty()).then(|| { let names = holds.join(", "); view! { <br /><span class="note">{move || i18n.f(AssemblyText::AgCarries, &[("names", &names)])}</span> } })}
                            <div class="actions">
                                <button type="button" class="button" class:button--secondary=inside aria-disabled=move || act.pending().get().to_string()
                                    on:click=move |_| api::start(act, DayMove::CheckIn(member, !inside))>
                                    {move || if inside { i18n.f(AssemblyText::AgUndoCheckIn, &[("name", &label)]) } else { i18n.f(AssemblyText::AgCheckIn, &[("name", &label)]) }}
                                </button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

#[component]
pub fn StaffAssemblyMinutes() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffAssemblyMinutesTitle content=|_| view! { <MinutesPage /> } /> }
}

/// Closing the assembly, and giving the board's roles.
#[derive(Clone)]
enum After {
    Close(CloseInput),
    Role(i64, String),
}

#[component]
fn MinutesPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = crate::address::id_in_path();
    let act: Request<After> = Action::new_local(move |m: &After| {
        let m = m.clone();
        async move {
            match m {
                After::Close(c) => api::send(ep::CLOSE_ASSEMBLY.at(&[&id]), &c).await.map(drop),
                After::Role(member, role) => {
                    api::send(ep::SET_BOARD_ROLE.at(&[&member]), &RoleInput { role })
                        .await
                        .map(drop)
                }
            }
        }
    });
    let done = api::successes(act);
    let data = LocalResource::new(move || {
        done.get();
        api::call(ep::MINUTES.at(&[&id]))
    });
    let board = LocalResource::new(move || {
        done.get();
        api::call(ep::BOARD)
    });
    let failure = api::failure_of(act);
    view! {
        <p class="no-print"><a href=format!("/gestion/assemblees/{id}")>{tr(AssemblyText::AgBackToAssembly)}</a></p>
        {with_loaded(data, move |m: Minutes| {
            let closed = m.assembly.status == AssemblyStatus::Closed;
            view! {
                {(!closed).then(|| close_form(act, failure, i18n))}
                {closed.then(|| view! {
                    <div class="actions no-print">
                        <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>{tr(AssemblyText::AgPrint)}</button>
                    </div>
                })}
                {minutes_view(m, i18n)}
                {closed.then(|| view! {
                    <section class="no-print" aria-labelledby="ag-roles">
                        <h2 id="ag-roles">{tr(AssemblyText::AgRolesTitle)}</h2>
                        <p>{tr(AssemblyText::AgRolesLead)}</p>
                        {with_loaded(board, move |seats: Vec<BoardSeat>| roles(seats, act, i18n))}
                    </section>
                })}
            }
        })}
    }
}

fn close_form(
    act: Request<After>,
    failure: Signal<Option<crate::api::ApiFailure>>,
    i18n: I18n,
) -> impl IntoView {
    let chair = RwSignal::new(String::new());
    let secretary = RwSignal::new(String::new());
    let errors = crate::components::form::field_errors(failure);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        api::start(
            act,
            After::Close(CloseInput {
                chair: chair.get_untracked(),
                secretary: secretary.get_untracked(),
            }),
        );
    };
    view! {
        <section class="card no-print" aria-labelledby="ag-close">
            <h2 id="ag-close">{tr(AssemblyText::AgCloseTitle)}</h2>
            <p>{move || i18n.t(AssemblyText::AgCloseLead)}</p>
            <form class="form" novalidate on:submit=on_submit>
                <ErrorSummary failure labels=CLOSE_LABELS />
                <Field name="chair" label=AssemblyText::AgChair value=chair errors required=true autocomplete="name" />
                <Field name="secretary" label=AssemblyText::AgSecretary value=secretary errors required=true autocomplete="name" />
                <button type="submit" class="button" aria-disabled=move || act.pending().get().to_string()>{tr(AssemblyText::AgCloseAssembly)}</button>
            </form>
        </section>
    }
}

const CLOSE_LABELS: &[(&str, AssemblyText)] = &[
    ("chair", AssemblyText::AgChair),
    ("secretary", AssemblyText::AgSecretary),
];

fn names(list: &[domain::assembly::Person]) -> String {
    list.iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The procès-verbal as it prints on A4.
fn minutes_view(m: Minutes, i18n: I18n) -> impl IntoView {
    let a = m.assembly.clone();
    let kind = a.kind;
    let place = if a.in_room {
        None
    } else {
        Some(a.place.clone())
    };
    let q = m.quorum;
    let present = names(&m.present);
    let remote = names(&m.remote);
    let proxies: Vec<String> = m
        .proxies
        .iter()
        .map(|p| format!("{} → {}", p.giver.name, p.holder.name))
        .collect();
    let chair = m.chair.clone();
    let secretary = m.secretary.clone();
    let counts = [
        m.present.len().to_string(),
        m.remote.len().to_string(),
        m.proxies.len().to_string(),
        q.voters.to_string(),
    ];
    let (voices, needed) = (
        (q.present + q.represented).to_string(),
        q.needed.to_string(),
    );
    view! {
        <article class="minutes" aria-labelledby="pv-title">
            <h2 id="pv-title">{move || i18n.f(AssemblyText::AgMinutesHeading, &[("kind", i18n.t(kind_words(kind))), ("date", &when(&a, i18n.lang()))])}</h2>
            <p>{move || place.clone().unwrap_or_else(|| i18n.t(AssemblyText::AgInTheRoom).to_string())}</p>
            <h3>{tr(AssemblyText::AgAttendance)}</h3>
            <p>{move || i18n.f(AssemblyText::AgAttendanceLine, &[("present", &counts[0]), ("remote", &counts[1]), ("proxies", &counts[2]), ("voters", &counts[3])])}</p>
            {(!present.is_empty()).then(|| view! { <p><strong>{tr(AssemblyText::AgPresentList)}</strong>" "{present}</p> })}
            {(!remote.is_empty()).then(|| view! { <p><strong>{tr(AssemblyText::AgRemoteList)}</strong>" "{remote}</p> })}
            {(!proxies.is_empty()).then(|| view! { <p><strong>{tr(AssemblyText::AgProxyList)}</strong>" "{proxies.join(" ; ")}</p> })}
            <p>{move || {
                let quorum = if q.reached { AssemblyText::AgQuorumWas } else { AssemblyText::AgQuorumWasNot };
                i18n.f(quorum, &[("voices", &voices), ("needed", &needed)])
            }}</p>
            <h3>{tr(AssemblyText::AgResults)}</h3>
            <ol>
                {m.results.into_iter().map(|r| {
                    let title = r.item.title.clone();
                    view! { <li><strong>{move || i18n.pick(&title)}</strong><br />{move || crate::pages::member::assembly::result_words(&r, i18n)}</li> }
                }).collect_view()}
            </ol>
            <div class="signatures">
                <p>{tr(AssemblyText::AgChair)}{i18n.colon()}{chair}</p>
                <p>{tr(AssemblyText::AgSecretary)}{i18n.colon()}{secretary}</p>
            </div>
        </article>
    }
}

const ROLES: &[(&str, AssemblyText)] = &[
    ("president", AssemblyText::AgRolePresident),
    ("vice_president", AssemblyText::AgRoleVice),
    ("treasurer", AssemblyText::AgRoleTreasurer),
    ("secretary", AssemblyText::AgRoleSecretary),
    ("member", AssemblyText::AgRoleMember),
];

fn roles(seats: Vec<BoardSeat>, act: Request<After>, i18n: I18n) -> impl IntoView {
    view! {
        <ul class="plain-list">
            {seats.into_iter().map(|s| {
                let member = s.id;
                let current = s.role.as_str();
                let select_id = format!("role-{member}");
                view! {
                    <li class="field">
                        <label for=select_id.clone()>{s.name.clone()}</label>
                        <select id=select_id on:change=move |ev| api::start(act, After::Role(member, event_target_value(&ev)))>
                            {ROLES.iter().map(|(v, l)| view! { <option value=*v selected=*v == current>{move || i18n.t(*l)}</option> }).collect_view()}
                        </select>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
