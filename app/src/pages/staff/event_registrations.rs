//! `/gestion/evenements/:id/inscrits`: who signed up (confirmed, then the waiting list by position,
//! then how many cancelled), check-in at the door on a phone on the event's days (how many of each
//! group came), cancelling for a family who phones, the CSV export, and the attendance sheet (feuille
//! d'émargement) that prints alone on A4 with the children's first names, the place and the date.

use domain::endpoints as ep;
use domain::events::{CheckIn, EventRegistrations, RegistrationStatus, StaffRegistration};
use leptos::prelude::*;

use crate::api::{self, Request};
use crate::components::calendar::failure_alert;
use crate::components::confirm::ConfirmButton;
use crate::components::focus::focus_on_success;
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n};
use crate::pages::events::{place, when};
use crate::text::StaffText;

#[component]
pub fn StaffEventRegistrations() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffEventRegistrationsTitle content=|_| view! { <Registrations /> } /> }
}

/// (sign-up, how many came; `None` undoes a check-in made by mistake).
type CheckInRequest = Request<(i64, Option<u32>), StaffRegistration>;
/// A sign-up cancelled for a family who phoned.
type CancelRequest = Request<i64>;

/// What a card can do: check in (on the event's days), cancel (before the event starts).
#[derive(Clone, Copy)]
struct Door {
    check_in: Option<CheckInRequest>,
    cancel: Option<CancelRequest>,
}

#[component]
fn Registrations() -> impl IntoView {
    let i18n = use_i18n();
    let id = crate::address::id_in_path();
    let check_in: CheckInRequest = Action::new_local(move |(reg, present): &(i64, Option<u32>)| {
        let (reg, present) = (*reg, *present);
        async move {
            match present {
                Some(n) => {
                    api::send(
                        ep::CHECK_IN_REGISTRATION.at(&[&reg]),
                        &CheckIn { present: n },
                    )
                    .await
                }
                None => api::call(ep::UNDO_REGISTRATION_CHECK_IN.at(&[&reg])).await,
            }
        }
    });
    let cancel: CancelRequest = Action::new_local(move |reg: &i64| {
        let reg = *reg;
        async move { api::call(ep::CANCEL_REGISTRATION_FOR_FAMILY.at(&[&reg])).await }
    });
    // The cancelled card goes, and the button with it: the keyboard goes on from the message.
    focus_on_success(cancel, "#signup-cancelled");
    let data = LocalResource::new(move || {
        check_in.version().get();
        cancel.version().get();
        async move { api::call(ep::EVENT_REGISTRATIONS.at(&[&id])).await }
    });
    view! {
        {failure_alert(api::failure_of(check_in))}
        {failure_alert(api::failure_of(cancel))}
        {move || api::answer_of(cancel).map(|_| view! {
            <p class="notice" role="status" tabindex="-1" id="signup-cancelled">{tr(StaffText::SignupCancelledByStaff)}</p>
        })}
        {with_loaded(data, move |r: EventRegistrations| {
            let ev = r.event.clone();
            let today = crate::format::today().unwrap_or_default();
            let door_open = domain::events::door_open(ev.starts_at.0, ev.ends_at.0, today);
            let upcoming = crate::format::now_local().is_some_and(|now| now < ev.starts_at.0) && !ev.cancelled;
            let opens_on = domain::i18n::format_date_long(ev.starts_at.0.date(), i18n.lang_untracked());
            let door = Door { check_in: door_open.then_some(check_in), cancel: upcoming.then_some(cancel) };
            let waiting_door = Door { check_in: None, cancel: upcoming.then_some(cancel) };
            let title = ev.title.clone();
            let (e1, e2) = (ev.clone(), ev.clone());
            let partner = ev.partner.clone();
            let totals = (r.seats_confirmed, ev.capacity, r.adults, r.children, r.present);
            let (confirmed, rest): (Vec<_>, Vec<_>) = r
                .registrations
                .into_iter()
                .partition(|s| s.status == RegistrationStatus::Confirmed);
            let (waiting, cancelled): (Vec<_>, Vec<_>) = rest
                .into_iter()
                .partition(|s| s.status == RegistrationStatus::Waiting);
            let sheet_rows = confirmed.clone();
            let csv = ep::EVENT_REGISTRATIONS_CSV.at(&[&id]).url;
            let sheet_title = ev.title.clone();
            let sheet_partner = partner.clone();
            let e3 = ev.clone();
            let cancelled = cancelled.len() as u64;
            view! {
                <div class="no-print">
                    <h2>{move || i18n.pick(&title)}</h2>
                    <p>{move || when(&e1, i18n.lang())}" · "{move || place(&e2, i18n)}
                        {(!partner.is_empty()).then(|| format!(" · {partner}"))}</p>
                    <p>{move || {
                        let (seats, capacity, adults, children, present) = totals;
                        // Each count agrees with its number ("1 adulte", "0 présent").
                        i18n.f(StaffText::SignupTotals, &[
                            ("seats", &i18n.count(StaffText::SeatsConfirmedOne, StaffText::SeatsConfirmedOther, u64::from(seats))),
                            ("capacity", &capacity.to_string()),
                            ("adults", &i18n.count(StaffText::AdultsOne, StaffText::AdultsOther, u64::from(adults))),
                            ("children", &i18n.count(StaffText::ChildrenOne, StaffText::ChildrenOther, u64::from(children))),
                            ("present", &i18n.count(StaffText::PresentOne, StaffText::CheckedIn, u64::from(present))),
                        ])
                    }}</p>
                    <div class="actions">
                        <a href=csv download="" class="button button--secondary">{tr(StaffText::DownloadSignupsCsv)}</a>
                        <button type="button" class="button button--secondary" on:click=|_| { let _ = window().print(); }>{tr(StaffText::PrintSheet)}</button>
                    </div>
                    {(!door_open && !ev.cancelled).then(|| view! {
                        <p class="note">{move || i18n.f(StaffText::DoorOpensOn, &[("date", &opens_on)])}</p>
                    })}
                    {signup_section("confirmed-title", StaffText::Confirmed, confirmed, door)}
                    {signup_section("waiting-title", StaffText::WaitingList, waiting, waiting_door)}
                    // A cancelled sign-up's name and address are erased with it: a count says enough.
                    {(cancelled > 0).then(|| view! {
                        <section aria-labelledby="cancelled-title">
                            <h3 id="cancelled-title">{tr(StaffText::CancelledSignups)}</h3>
                            <p>{move || i18n.count(StaffText::CancelledCount, StaffText::CancelledCountOther, cancelled)}</p>
                        </section>
                    })}
                </div>
                <section class="attendance-sheet" aria-labelledby="sheet-title">
                    <h2 id="sheet-title">{tr(StaffText::AttendanceSheet)}" — "{move || i18n.pick(&sheet_title)}</h2>
                    <p>{move || sheet_when(&ev, i18n.lang())}" · "{move || place(&e3, i18n)}
                        {(!sheet_partner.is_empty()).then(|| format!(" · {sheet_partner}"))}</p>
                    <table class="attendance-sheet__table">
                        <thead>
                            <tr>
                                <th scope="col">{tr(StaffText::SheetName)}</th>
                                <th scope="col" class="num">{tr(StaffText::SheetSeats)}</th>
                                <th scope="col">{tr(StaffText::SheetChildren)}</th>
                                <th scope="col" class="num">{tr(StaffText::SheetPresent)}</th>
                                <th scope="col" class="attendance-sheet__signature">{tr(StaffText::SheetSignature)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {sheet_rows.into_iter().map(|s| view! {
                                <tr>
                                    <td>{s.name.clone()}</td>
                                    <td class="num">{s.seats}</td>
                                    <td>{s.named_children.iter().map(|c| c.first_name.clone()).collect::<Vec<_>>().join(", ")}</td>
                                    <td class="num">{s.present.map(|n| n.to_string()).unwrap_or_default()}</td>
                                    <td></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </section>
            }
        })}
    }
}

/// The sheet's date, with its year (it is filed): "mercredi 16 décembre 2026, 14:00–16:00".
fn sheet_when(ev: &domain::events::EventView, lang: domain::Lang) -> String {
    let (start, end) = (ev.starts_at.0, ev.ends_at.0);
    let day = domain::i18n::format_date_long(start.date(), lang);
    if start.date() == end.date() {
        format!("{day}, {}–{}", start.format("%H:%M"), end.format("%H:%M"))
    } else {
        let last = domain::i18n::format_date_long(end.date(), lang);
        format!(
            "{day} {} – {last} {}",
            start.format("%H:%M"),
            end.format("%H:%M")
        )
    }
}

fn signup_section(
    id: &'static str,
    title: StaffText,
    list: Vec<StaffRegistration>,
    door: Door,
) -> impl IntoView {
    view! {
        <section aria-labelledby=id>
            <h3 id=id>{tr(title)}</h3>
            {if list.is_empty() {
                view! { <p>{tr(StaffText::NoSignups)}</p> }.into_any()
            } else {
                view! { <ul class="cards">{list.into_iter().map(|s| signup_card(s, door)).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
}

fn signup_card(s: StaffRegistration, door: Door) -> impl IntoView {
    let Door { check_in, cancel } = door;
    let i18n = use_i18n();
    let reg = s.id;
    let name = s.name.clone();
    let (seats, adults, children) = (s.seats, s.adults, s.children);
    let requested = s.seats_requested;
    let position = s.position;
    let waiting = s.status == RegistrationStatus::Waiting;
    let present = RwSignal::new(s.present.unwrap_or(s.seats).to_string());
    let input = format!("present-{reg}");
    let label_for = input.clone();
    let mailto = format!("mailto:{}", s.email);
    let tel = format!("tel:{}", s.phone.replace(' ', ""));
    let phone = s.phone.clone();
    let children_names = s
        .named_children
        .iter()
        .map(|c| format!("{} ({})", c.first_name, c.age))
        .collect::<Vec<_>>()
        .join(", ");
    let checked = s.present;
    let flags: Vec<StaffText> = [
        (s.accept_fewer, StaffText::AcceptsFewer),
        (s.consent_photos, StaffText::PhotosOk),
        (s.member, StaffText::FromMemberArea),
    ]
    .into_iter()
    .filter_map(|(on, t)| on.then_some(t))
    .collect();
    let (n1, n2, n3) = (name.clone(), name.clone(), name.clone());
    view! {
        <li class="card signup-row">
            <p class="signup-row__name">
                <strong>{name.clone()}</strong>
                {position.map(|p| view! { <span class="tag">{move || i18n.f(StaffText::PositionN, &[("position", &p.to_string())])}</span> })}
                {checked.map(|n| view! { <span class="tag">{move || i18n.count(StaffText::PresentOne, StaffText::CheckedIn, u64::from(n))}</span> })}
            </p>
            <p>
                {move || if waiting {
                    i18n.count(StaffText::SignupAskedOne, StaffText::SignupAsked, u64::from(requested))
                } else {
                    i18n.f(StaffText::SignupSeats, &[
                        ("seats", &i18n.count(StaffText::SeatsOne, StaffText::SeatsOther, u64::from(seats))),
                        ("adults", &i18n.count(StaffText::AdultsOne, StaffText::AdultsOther, u64::from(adults))),
                        ("children", &i18n.count(StaffText::ChildrenOne, StaffText::ChildrenOther, u64::from(children))),
                    ])
                }}
                {flags.into_iter().map(|f| view! { " · "{tr(f)} }).collect_view()}
            </p>
            {(!children_names.is_empty()).then(|| view! { <p>{children_names}</p> })}
            <p class="note signup-row__contact"><a href=mailto>{s.email.clone()}</a>
                {(!phone.is_empty()).then(|| view! { " · "<a href=tel>{phone.clone()}</a> })}</p>
            {check_in.map(|action| view! {
                <form class="check-in" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    let n = present.get_untracked().trim().parse().unwrap_or(0);
                    api::start(action, (reg, Some(n)));
                }>
                    <div class="field field--short">
                        <label for=label_for>{move || i18n.f(StaffText::FieldPresent, &[("name", &n1)])}</label>
                        <input id=input type="number" inputmode="numeric" min="0" bind:value=present />
                    </div>
                    <button type="submit" class="button" aria-disabled=move || action.pending().get().to_string()>
                        {move || i18n.f(StaffText::CheckInButton, &[("name", &n2)])}
                    </button>
                    {checked.is_some().then(|| view! {
                        <button type="button" class="button button--secondary" aria-disabled=move || action.pending().get().to_string()
                            on:click=move |_| api::start(action, (reg, None))>
                            {move || i18n.f(StaffText::UndoSignupCheckIn, &[("name", &n3)])}
                        </button>
                    })}
                </form>
            })}
            {cancel.map(|action| view! {
                <ConfirmButton
                    label=StaffText::CancelSignup
                    question=StaffText::CancelSignupQuestion
                    yes=StaffText::CancelSignupYes
                    no=StaffText::KeepSignup
                    id=format!("cancel-signup-{reg}")
                    pending=action.pending()
                    on_yes=move |_| api::start(action, reg)
                />
            })}
        </li>
    }
}
