//! `/espace/assemblee/:id`: a voter's private page of a general assembly (the convocation's link):
//! the date, the place and the agenda; I come, I follow remotely (where the statutes allow it) or I
//! give my proxy to another voter; the proxies others asked me to hold, to accept or refuse; and
//! standing for the board until the day staff set. A member who may not vote is told why.

use domain::assembly::{
    AnswerInput, AssemblyKind, AssemblyView, CandidacyInput, Intent, ItemKind, Majority,
    MyAssembly, NoVote, ProxyStatus,
};
use domain::endpoints as ep;
use domain::i18n::format_date_long;
use leptos::prelude::*;

use crate::api::{self, Request};
use crate::components::calendar::failure_alert;
use crate::components::focus::focus_on_success;
use crate::components::session::{guarded, Audience};
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n, use_title, I18n};
use crate::text::AssemblyText;

#[component]
pub fn AssemblyPage() -> impl IntoView {
    use_title(AssemblyText::AgTitle);
    let id = crate::address::id_in_path();
    view! {
        <h1>{tr(AssemblyText::AgTitle)}</h1>
        {guarded(Audience::Members, move |_| view! { <Assembly id /> })}
    }
}

/// What a voter does on the page.
#[derive(Clone)]
enum Move {
    Answer(AnswerInput),
    Stand(bool),
    Accept(i64),
    Refuse(i64),
}

#[component]
fn Assembly(id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let act: Request<Move, MyAssembly> = Action::new_local(move |m: &Move| {
        let m = m.clone();
        async move {
            match m {
                Move::Answer(a) => api::send(ep::ANSWER_ASSEMBLY.at(&[&id]), &a).await,
                Move::Stand(stand) => {
                    api::send(ep::STAND_FOR_BOARD.at(&[&id]), &CandidacyInput { stand }).await
                }
                Move::Accept(giver) => api::call(ep::ACCEPT_PROXY.at(&[&id, &giver])).await,
                Move::Refuse(giver) => api::call(ep::REFUSE_PROXY.at(&[&id, &giver])).await,
            }
        }
    });
    let saved = api::successes(act);
    let page = LocalResource::new(move || {
        saved.get();
        api::call(ep::MY_ASSEMBLY.at(&[&id]))
    });
    focus_on_success(act, "#ag-done");
    view! {
        <p class="notice-line" role="status" id="ag-done" tabindex="-1">{move || api::answer_of(act).is_some().then(|| i18n.t(AssemblyText::AgSaved))}</p>
        {failure_alert(api::failure_of(act))}
        {with_loaded(page, move |m: MyAssembly| view! {
            {heading(&m.assembly, i18n)}
            {standing(&m, i18n)}
            {m.no_vote.is_none().then(|| answer_form(&m, act, i18n))}
            {offers(&m, act, i18n)}
            {candidacy(&m, act, i18n)}
            {agenda(&m.assembly, i18n)}
        })}
    }
}

pub fn kind_words(kind: AssemblyKind) -> AssemblyText {
    match kind {
        AssemblyKind::Ordinary => AssemblyText::AgOrdinary,
        AssemblyKind::Extraordinary => AssemblyText::AgExtraordinary,
    }
}

fn heading(a: &AssemblyView, i18n: I18n) -> impl IntoView {
    let (kind, starts, ends) = (a.kind, a.starts_at, a.ends_at);
    let place = a.place.clone();
    let in_room = a.in_room;
    view! {
        <p class="lead">
            <strong>{move || i18n.t(kind_words(kind))}</strong><br />
            {move || format!("{}, {}–{}", format_date_long(starts.0.date(), i18n.lang()), starts.0.format("%H:%M"), ends.0.format("%H:%M"))}<br />
            {move || if in_room { i18n.t(AssemblyText::AgInTheRoom).to_string() } else { place.clone() }}
        </p>
    }
}

fn standing(m: &MyAssembly, i18n: I18n) -> impl IntoView {
    let until = m.fee_until;
    m.no_vote.map(|why| {
        let text = move || match (why, until) {
            (NoVote::StaffAccount, _) => i18n.t(AssemblyText::AgNoVoteStaff).to_string(),
            (NoVote::FeeEnds, Some(d)) => i18n.f(
                AssemblyText::AgNoVoteFeeEnds,
                &[("date", &format_date_long(d, i18n.lang()))],
            ),
            (NoVote::FeeEnds, None) => i18n.t(AssemblyText::AgNoVoteNoFee).to_string(),
        };
        view! {
            <div class="notice notice--warning" role="note">
                <p>{text}</p>
                {(why == NoVote::FeeEnds).then(|| view! { <p><a href="/espace">{tr(AssemblyText::AgRenew)}</a></p> })}
            </div>
        }
    })
}

/// The voter's answer as it stands, in a sentence.
fn current(m: &MyAssembly, i18n: I18n) -> Option<String> {
    let holder = m
        .proxy_to
        .as_ref()
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let said = match (m.intent?, m.proxy_status) {
        (Intent::Present, _) => i18n.t(AssemblyText::AgYouCome).to_string(),
        (Intent::Remote, _) => i18n.t(AssemblyText::AgYouFollow).to_string(),
        (Intent::Proxy, Some(ProxyStatus::Accepted)) => {
            i18n.f(AssemblyText::AgProxyAccepted, &[("name", &holder)])
        }
        (Intent::Proxy, Some(ProxyStatus::Refused)) => {
            i18n.f(AssemblyText::AgProxyRefused, &[("name", &holder)])
        }
        (Intent::Proxy, _) => i18n.f(AssemblyText::AgProxyAsked, &[("name", &holder)]),
    };
    Some(said)
}

fn answer_form(m: &MyAssembly, act: Request<Move, MyAssembly>, i18n: I18n) -> impl IntoView {
    let remote = m.assembly.statutes.remote_voting;
    let open = m.answers_open;
    let now = current(m, i18n);
    let choice = RwSignal::new(m.intent.map(|i| i.as_str().to_string()).unwrap_or_default());
    let holder = RwSignal::new(
        m.proxy_to
            .as_ref()
            .map(|p| p.id.to_string())
            .unwrap_or_default(),
    );
    let mut holders = m.can_hold.clone();
    // The holder already asked stays in the list, even when they can take no more proxies.
    if let Some(p) = &m.proxy_to {
        if !holders.iter().any(|h| h.id == p.id) {
            holders.insert(0, p.clone());
        }
    }
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let intent = choice.get_untracked();
        let proxy_to = (intent == "proxy")
            .then(|| holder.get_untracked().parse().ok())
            .flatten();
        api::start(act, Move::Answer(AnswerInput { intent, proxy_to }));
    };
    let radio = move |value: &'static str, label: AssemblyText| {
        let id = format!("ag-intent-{value}");
        view! {
            <div class="check">
                <input type="radio" name="intent" id=id.clone() value=value
                    prop:checked=move || choice.get() == value
                    on:change=move |_| choice.set(value.to_string()) />
                <label for=id>{tr(label)}</label>
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="ag-answer">
            <h2 id="ag-answer">{tr(AssemblyText::AgAnswerTitle)}</h2>
            {now.map(|s| view! { <p><strong>{s}</strong></p> })}
            {if open {
                view! {
                    <form class="form" novalidate on:submit=on_submit>
                        <fieldset>
                            <legend>{tr(AssemblyText::AgHowLegend)}</legend>
                            {radio("present", AssemblyText::AgCome)}
                            {remote.then(|| radio("remote", AssemblyText::AgRemote))}
                            {radio("proxy", AssemblyText::AgProxy)}
                        </fieldset>
                        <Show when=move || choice.get() == "proxy">
                            <div class="field">
                                <label for="ag-holder">{tr(AssemblyText::AgProxyTo)}</label>
                                <p class="field__hint" id="ag-holder-hint">{tr(AssemblyText::AgProxyHint)}</p>
                                <select id="ag-holder" aria-describedby="ag-holder-hint" on:change=move |ev| holder.set(event_target_value(&ev))>
                                    <option value="" selected=holder.get_untracked().is_empty()>{tr(AssemblyText::AgChoose)}</option>
                                    {holders.iter().map(|p| {
                                        let v = p.id.to_string();
                                        let selected = holder.get_untracked() == v;
                                        view! { <option value=v selected=selected>{p.name.clone()}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                        </Show>
                        <button type="submit" class="button" aria-disabled=move || act.pending().get().to_string()>{tr(AssemblyText::AgSend)}</button>
                    </form>
                }.into_any()
            } else {
                view! { <p>{tr(AssemblyText::AgAnswersClosed)}</p> }.into_any()
            }}
        </section>
    }
}

fn offers(m: &MyAssembly, act: Request<Move, MyAssembly>, i18n: I18n) -> impl IntoView {
    let open = m.answers_open;
    let list: Vec<_> = m
        .offers
        .iter()
        .filter(|o| o.status != ProxyStatus::Refused)
        .cloned()
        .collect();
    let max = m.assembly.statutes.proxies_per_member.to_string();
    (!list.is_empty()).then(|| view! {
        <section class="card" aria-labelledby="ag-offers">
            <h2 id="ag-offers">{tr(AssemblyText::AgOffersTitle)}</h2>
            <p>{move || i18n.f(AssemblyText::AgOffersLead, &[("max", &max)])}</p>
            <ul class="plain-list">
                {list.into_iter().map(|o| {
                    let giver = o.giver.id;
                    let name = o.giver.name.clone();
                    let accepted = o.status == ProxyStatus::Accepted;
                    view! {
                        <li data-giver=giver.to_string()>
                            <p><strong>{name.clone()}</strong>" — "{move || if accepted { i18n.t(AssemblyText::AgOfferAccepted) } else { i18n.t(AssemblyText::AgOfferAsked) }}</p>
                            {open.then(|| view! {
                                <div class="actions">
                                    {(!accepted).then(|| view! {
                                        <button type="button" class="button" aria-disabled=move || act.pending().get().to_string()
                                            on:click=move |_| api::start(act, Move::Accept(giver))>{move || i18n.f(AssemblyText::AgAccept, &[("name", &name)])}</button>
                                    })}
                                    <button type="button" class="button button--secondary" aria-disabled=move || act.pending().get().to_string()
                                        on:click=move |_| api::start(act, Move::Refuse(giver))>{move || if accepted { i18n.t(AssemblyText::AgGiveBack) } else { i18n.t(AssemblyText::AgRefuse) }}</button>
                                </div>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    })
}

fn candidacy(m: &MyAssembly, act: Request<Move, MyAssembly>, i18n: I18n) -> impl IntoView {
    let has_election = m
        .assembly
        .items
        .iter()
        .any(|i| i.kind == ItemKind::Election);
    let until = m.assembly.candidacy_until;
    let (open, candidate, voter) = (m.candidacy_open, m.candidate, m.no_vote.is_none());
    let names: Vec<String> = m.candidates.iter().map(|p| p.name.clone()).collect();
    has_election.then(|| view! {
        <section class="card" aria-labelledby="ag-board">
            <h2 id="ag-board">{tr(AssemblyText::AgBoardTitle)}</h2>
            <p>{move || i18n.f(AssemblyText::AgBoardUntil, &[("date", &format_date_long(until, i18n.lang()))])}</p>
            {(open && voter).then(|| view! {
                <div class="actions">
                    <button type="button" class="button" class:button--secondary=candidate aria-disabled=move || act.pending().get().to_string()
                        on:click=move |_| api::start(act, Move::Stand(!candidate))>
                        {move || if candidate { i18n.t(AssemblyText::AgWithdraw) } else { i18n.t(AssemblyText::AgStand) }}
                    </button>
                </div>
            })}
            {if names.is_empty() {
                view! { <p>{tr(AssemblyText::AgNoCandidates)}</p> }.into_any()
            } else {
                view! {
                    <p>{tr(AssemblyText::AgCandidates)}</p>
                    <ul>{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                }.into_any()
            }}
        </section>
    })
}

pub fn majority_words(m: Majority) -> AssemblyText {
    match m {
        Majority::Simple => AssemblyText::AgSimple,
        Majority::Absolute => AssemblyText::AgAbsolute,
        Majority::TwoThirds => AssemblyText::AgTwoThirds,
    }
}

fn agenda(a: &AssemblyView, i18n: I18n) -> impl IntoView {
    let items = a.items.clone();
    view! {
        <section aria-labelledby="ag-agenda">
            <h2 id="ag-agenda">{tr(AssemblyText::AgAgenda)}</h2>
            <ol class="agenda-items">
                {items.into_iter().map(|item| {
                    let title = item.title.clone();
                    let body = item.body_html.clone();
                    let what = move || match (item.kind, item.majority, item.seats) {
                        (ItemKind::Resolution, Some(m), _) => Some(i18n.t(majority_words(m)).to_string()),
                        (ItemKind::Election, _, Some(n)) => Some(i18n.f(AssemblyText::AgSeats, &[("n", &n.to_string())])),
                        _ => None,
                    };
                    view! {
                        <li>
                            <h3>{move || i18n.pick(&title)}</h3>
                            {move || what().map(|w| view! { <p class="note">{w}</p> })}
                            <div class="prose" inner_html=move || i18n.pick(&body)></div>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
