//! `/espace/assemblee/:id`: a voter's private page of a general assembly (the convocation's link):
//! the date, the place and the agenda; I come, I follow remotely (where the statutes allow it) or I
//! give my proxy to another voter; the proxies others asked me to hold, to accept or refuse; and
//! standing for the board until the day staff set. A member who may not vote is told why.

use domain::assembly::{
    AnswerInput, AssemblyKind, AssemblyView, CandidacyInput, Intent, ItemKind, ItemResult,
    Majority, MyAssembly, NoVote, OpenVote, Person, ProxyStatus, VoteCast, VoteInput, VoteStatus,
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
        {guarded(Audience::Members, move |me| view! { <Assembly id me=me.id /> })}
    }
}

/// What a voter does on the page.
#[derive(Clone)]
enum Move {
    Answer(AnswerInput),
    Stand(bool),
    Accept(i64),
    Refuse(i64),
    Join,
}

#[component]
fn Assembly(id: i64, me: i64) -> impl IntoView {
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
                Move::Join => api::call(ep::JOIN_ASSEMBLY.at(&[&id])).await,
            }
        }
    });
    let saved = api::successes(act);
    // A voice cast: read again, so that it shows as cast (its receipt stays on screen).
    let vote: Request<(i64, VoteInput), VoteCast> =
        Action::new_local(move |(item, v): &(i64, VoteInput)| {
            let (item, v) = (*item, v.clone());
            async move { api::send(ep::CAST_VOTE.at(&[&id, &item]), &v).await }
        });
    let voted = api::successes(vote);
    // On the day the page follows the chair (a vote opened, closed) by reading again every 5 s.
    let tick = RwSignal::new(0u32);
    let page = LocalResource::new(move || {
        saved.get();
        voted.get();
        tick.get();
        api::call(ep::MY_ASSEMBLY.at(&[&id]))
    });
    let _ = set_interval_with_handle(
        move || {
            let live = page
                .get_untracked()
                .and_then(Result::ok)
                .is_some_and(|m: MyAssembly| m.door_open);
            if live {
                tick.try_update(|n| *n += 1);
            }
        },
        std::time::Duration::from_secs(5),
    );
    focus_on_success(act, "#ag-done");
    view! {
        <p class="notice-line" role="status" id="ag-done" tabindex="-1">{move || api::answer_of(act).is_some().then(|| i18n.t(AssemblyText::AgSaved))}</p>
        {failure_alert(api::failure_of(act))}
        {with_loaded(page, move |m: MyAssembly| view! {
            {heading(&m.assembly, i18n)}
            {standing(&m, i18n)}
            {m.door_open.then(|| on_the_day(me, &m, act, vote, i18n))}
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

/// On the day: checking in (from afar), the open question with each voice the voter carries, and
/// the results so far.
fn on_the_day(
    me: i64,
    m: &MyAssembly,
    act: Request<Move, MyAssembly>,
    vote: Request<(i64, VoteInput), VoteCast>,
    i18n: I18n,
) -> impl IntoView {
    let remote = m.intent == Some(Intent::Remote);
    let inside = m.checked_in;
    let voter = m.no_vote.is_none();
    let open = m.open_vote.clone();
    let candidates = m.candidates.clone();
    let results = m.results.clone();
    view! {
        <section class="card" aria-labelledby="ag-day">
            <h2 id="ag-day">{tr(AssemblyText::AgDayTitle)}</h2>
            {match (voter, inside, remote) {
                (false, _, _) => None,
                (true, true, _) => Some(view! { <p>{tr(AssemblyText::AgYouAreIn)}</p> }.into_any()),
                (true, false, true) => Some(view! {
                    <button type="button" class="button" aria-disabled=move || act.pending().get().to_string()
                        on:click=move |_| api::start(act, Move::Join)>{tr(AssemblyText::AgJoinRemote)}</button>
                }.into_any()),
                (true, false, false) => Some(view! { <p>{tr(AssemblyText::AgCheckInHere)}</p> }.into_any()),
            }}
            <div aria-live="polite">
                {move || api::answer_of(vote).and_then(|c| c.receipt).map(|r| view! {
                    <p class="notice" role="status">{i18n.f(AssemblyText::AgReceipt, &[("receipt", &r)])}</p>
                })}
            </div>
            {failure_alert(api::failure_of(vote))}
            {match open {
                Some(o) if inside => ballot(me, o, candidates, vote, i18n).into_any(),
                _ => view! { <p>{tr(AssemblyText::AgNoVoteOpen)}</p> }.into_any(),
            }}
            {results_view(results, i18n)}
        </section>
    }
}

/// The open question: one form per voice the voter carries (their own, each proxy).
fn ballot(
    me: i64,
    o: OpenVote,
    candidates: Vec<Person>,
    vote: Request<(i64, VoteInput), VoteCast>,
    i18n: I18n,
) -> impl IntoView {
    let item = o.item.id;
    let title = o.item.title.clone();
    let election = o.item.kind == ItemKind::Election;
    let seats = o.item.seats.unwrap_or(0);
    view! {
        <h3>{move || i18n.f(AssemblyText::AgVoteOpen, &[("title", &i18n.pick(&title))])}</h3>
        {election.then(|| view! { <p>{move || i18n.f(AssemblyText::AgTickUpTo, &[("n", &seats.to_string())])}</p> })}
        {o.voices.into_iter().map(|v| {
            let whose = v.of.name.clone();
            let own = v.of.id == me;
            let legend_text = move || if own { i18n.t(AssemblyText::AgYourVoice).to_string() } else { i18n.f(AssemblyText::AgVoiceOf, &[("name", &whose)]) };
            let voice = v.of.id;
            if v.cast {
                return view! { <p><strong>{legend_text}</strong>" — "{tr(AssemblyText::AgVoted)}</p> }.into_any();
            }
            let choice = RwSignal::new(String::new());
            let ticked = RwSignal::new(Vec::<i64>::new());
            let on_submit = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                api::start(vote, (item, VoteInput { voice_of: voice, choice: choice.get_untracked(), candidates: ticked.get_untracked() }));
            };
            let options = if election {
                candidates.iter().map(|c| {
                    let cid = c.id;
                    let id = format!("ag-c-{voice}-{cid}");
                    view! {
                        <div class="check">
                            <input type="checkbox" id=id.clone()
                                on:change=move |ev| { let on = event_target_checked(&ev); ticked.update(|t| { t.retain(|x| *x != cid); if on { t.push(cid); } }); } />
                            <label for=id>{c.name.clone()}</label>
                        </div>
                    }
                }).collect_view().into_any()
            } else {
                [("yes", AssemblyText::AgFor), ("no", AssemblyText::AgAgainst), ("abstain", AssemblyText::AgAbstain)].into_iter().map(|(value, label)| {
                    let id = format!("ag-v-{voice}-{value}");
                    view! {
                        <div class="check">
                            <input type="radio" name=format!("ag-v-{voice}") id=id.clone() value=value
                                on:change=move |_| choice.set(value.to_string()) />
                            <label for=id>{tr(label)}</label>
                        </div>
                    }
                }).collect_view().into_any()
            };
            view! {
                <form class="form" novalidate on:submit=on_submit data-voice=voice.to_string()>
                    <fieldset>
                        <legend>{legend_text}</legend>
                        {options}
                    </fieldset>
                    <button type="submit" class="button" aria-disabled=move || vote.pending().get().to_string()>{tr(AssemblyText::AgCastVote)}</button>
                </form>
            }.into_any()
        }).collect_view()}
    }
}

/// Each question's vote: running, or what it decided.
pub fn results_view(results: Vec<ItemResult>, i18n: I18n) -> impl IntoView {
    (!results.is_empty()).then(|| view! {
        <h3>{tr(AssemblyText::AgResults)}</h3>
        <ul class="plain-list results">
            {results.into_iter().map(|r| {
                let title = r.item.title.clone();
                view! { <li><strong>{move || i18n.pick(&title)}</strong><br />{move || result_words(&r, i18n)}</li> }
            }).collect_view()}
        </ul>
    })
}

pub fn result_words(r: &ItemResult, i18n: I18n) -> String {
    let counts = [r.yes.to_string(), r.no.to_string(), r.abstain.to_string()];
    let args = [
        ("yes", counts[0].as_str()),
        ("no", &counts[1]),
        ("abstain", &counts[2]),
    ];
    match (r.status, r.passed) {
        (VoteStatus::Pending, _) => i18n.t(AssemblyText::AgVotePending).to_string(),
        (VoteStatus::Open, _) => i18n.f(
            AssemblyText::AgVoteRunning,
            &[("cast", &r.cast.to_string())],
        ),
        (VoteStatus::Closed, Some(true)) => i18n.f(AssemblyText::AgPassed, &args),
        (VoteStatus::Closed, Some(false)) => i18n.f(AssemblyText::AgRejected, &args),
        (VoteStatus::Closed, None) => {
            let mut lines: Vec<String> = r
                .candidates
                .iter()
                .map(|c| {
                    let line = i18n.f(
                        AssemblyText::AgElectedLine,
                        &[
                            ("name", &c.candidate.name),
                            ("voices", &c.voices.to_string()),
                        ],
                    );
                    if c.elected {
                        format!("{line} ({})", i18n.t(AssemblyText::AgElected))
                    } else {
                        line
                    }
                })
                .collect();
            if !r.tied.is_empty() {
                let names: Vec<&str> = r.tied.iter().map(|p| p.name.as_str()).collect();
                lines.push(i18n.f(
                    AssemblyText::AgTie,
                    &[
                        ("seats", &r.seats_left.to_string()),
                        ("names", &names.join(", ")),
                    ],
                ));
            }
            lines.join(" · ")
        }
    }
}
