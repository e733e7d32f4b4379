//! `/gestion/jour`: the day's sheet: today's coworkers with check-in and no-show, the room's bookings,
//! and a date switcher (`?date=YYYY-MM-DD` opens a given day).

use domain::endpoints::{self as ep, Endpoint};
use domain::wire::{StaffBooking, StaffDay};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::address::replace_address;
use crate::api::{self, Request};
use crate::components::calendar::{
    day_label, failure_alert, hours, iso, parse_date, period_label, shift,
};
use crate::components::focus::focus_on_success;
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n, Label};
use crate::site::use_site;
use crate::text::{AccountText, SharedText, StaffText};

#[component]
pub fn StaffDayPage() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffDayTitle content=|_| view! { <DaySheet /> } /> }
}

/// (booking, what, who): records that the booked person came (`check-in`) or did not
/// (`no-show`); the name is for the message that says it was done.
type Marking = Request<(i64, Mark, String), (Mark, String)>;

/// What the concierge records of a booking on the day's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    CheckIn,
    NoShow,
    UndoCheckIn,
    UndoNoShow,
}

impl Mark {
    /// Its call: undoing a no-show is the same as undoing a check-in (the booking is not pointed).
    fn endpoint(self) -> Endpoint<(), ()> {
        match self {
            Mark::CheckIn => ep::CHECK_IN,
            Mark::NoShow => ep::NO_SHOW,
            Mark::UndoCheckIn | Mark::UndoNoShow => ep::UNDO_CHECK_IN,
        }
    }

    /// What is said once it is recorded.
    fn done(self) -> StaffText {
        match self {
            Mark::CheckIn => StaffText::MarkedCheckIn,
            Mark::NoShow => StaffText::MarkedNoShow,
            Mark::UndoNoShow => StaffText::MarkedUndoNoShow,
            Mark::UndoCheckIn => StaffText::MarkedUndo,
        }
    }
}

#[component]
fn DaySheet() -> impl IntoView {
    let i18n = use_i18n();
    let site = use_site().0;
    let query = use_query_map();
    let chosen = RwSignal::new(
        query
            .with_untracked(|q| q.get("date"))
            .and_then(|d| parse_date(&d)),
    );
    let date = Memo::new(move |_| {
        chosen
            .get()
            .or_else(|| site.get().and_then(Result::ok).map(|s| s.today.date))
    });
    let marking: Marking = Action::new_local(move |(id, what, who): &(i64, Mark, String)| {
        let (id, what, who) = (*id, *what, who.clone());
        async move {
            api::call(what.endpoint().at(&[&id])).await?;
            Ok((what, who))
        }
    });
    // The day is in the address: a reload or a shared link opens the same day.
    Effect::new(move |before: Option<()>| {
        let d = chosen.get();
        if before.is_some() {
            replace_address(&d.map_or("/gestion/jour".to_string(), |d| {
                format!("/gestion/jour?date={}", iso(d))
            }));
        }
    });
    // What was just recorded, said and focused: the button pressed is gone from the card.
    focus_on_success(marking, "#day-done");
    let done =
        move || api::answer_of(marking).map(|(what, who)| i18n.f(what.done(), &[("name", &who)]));
    // Read again after what was recorded, never after a refusal (it stays said).
    let marked = api::successes(marking);
    let sheet = LocalResource::new(move || {
        marked.get();
        let d = date.get();
        async move {
            match d {
                Some(d) => api::call(ep::STAFF_DAY.query(&[("date", &iso(d))]))
                    .await
                    .map(Some),
                None => Ok(None),
            }
        }
    });
    let failure = api::failure_of(marking);
    let step = move |n: i64| {
        if let Some(d) = date.get_untracked() {
            chosen.set(Some(shift(d, n)));
        }
    };
    view! {
        <div class="day-nav">
            <div class="field">
                <label for="d-date">{tr(SharedText::FieldDate)}</label>
                <input id="d-date" type="date" prop:value=move || date.get().map(iso).unwrap_or_default()
                    on:change=move |ev| chosen.set(parse_date(&event_target_value(&ev))) />
            </div>
            <button type="button" class="button button--secondary" on:click=move |_| step(-1)>
                <span aria-hidden="true">"← "</span>{tr(AccountText::PreviousDay)}
            </button>
            <button type="button" class="button button--secondary" on:click=move |_| step(1)>
                {tr(AccountText::NextDay)}<span aria-hidden="true">" →"</span>
            </button>
        </div>
        {failure_alert(failure)}
        <p class="notice-line" role="status" id="day-done" tabindex="-1">{done}</p>
        {with_loaded(sheet, move |day: Option<StaffDay>| {
            day.map(|day| {
                let d = day.date;
                let count = day.coworkers.len();
                let capacity = day.desk_capacity;
                view! {
                    <h2>{move || day_label(d, i18n.lang())}</h2>
                    <section aria-labelledby="coworkers-title">
                        <h3 id="coworkers-title">
                            {move || i18n.f(StaffText::CoworkersCount, &[("count", &count.to_string()), ("capacity", &capacity.to_string())])}
                        </h3>
                        {(count == 0).then(|| view! { <p>{tr(StaffText::NobodyBooked)}</p> })}
                        <ul class="cards">{day.coworkers.into_iter().map(|b| coworker_row(b, marking)).collect_view()}</ul>
                    </section>
                    <section aria-labelledby="room-title">
                        <h3 id="room-title">{tr(AccountText::Room)}</h3>
                        {day.room.is_empty().then(|| view! { <p>{tr(StaffText::RoomFree)}</p> })}
                        <ul class="rows">
                            {day.room.into_iter().map(|b| view! {
                                <li class="row">
                                    <span class="row__title">{hours(&b.start, &b.end)}" · "{b.label.clone()}</span>
                                    <span class="row__meta">{tr(kind_label(&b.kind))}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })
        })}
    }
}

pub fn kind_label(kind: &str) -> StaffText {
    match kind {
        "rental" => StaffText::KindRental,
        "block" => StaffText::KindBlock,
        _ => StaffText::KindMember,
    }
}

fn coworker_row(b: StaffBooking, marking: Marking) -> impl IntoView {
    let i18n = use_i18n();
    let id = b.id;
    let state = if b.checked_in {
        Some(Label::from(AccountText::CheckedIn))
    } else if b.no_show {
        Some(Label::from(StaffText::NoShow))
    } else {
        None
    };
    let is_member = b.kind == "member";
    let started = b.started;
    let who = StoredValue::new(b.label.clone());
    // Each button names the person for a screen reader ("Arrivé : Anne Guéguen"), its visible
    // word first.
    let named = move |action: StaffText| {
        move || {
            i18n.f(
                StaffText::ActionFor,
                &[("action", i18n.t(action)), ("name", &who.get_value())],
            )
        }
    };
    let mark = move |what: Mark| api::start(marking, (id, what, who.get_value()));
    view! {
        <li class="card coworker" data-booking=id.to_string()>
            <p class="row__title">{b.label.clone()}</p>
            <p class="row__meta">{tr(period_label(b.period))}" · "{hours(&b.start, &b.end)}</p>
            {state.map(|s| view! { <p class="tag">{tr(s)}</p> })}
            {(b.no_show && is_member).then(|| view! {
                <div class="actions">
                    <button type="button" class="button button--secondary" aria-label=named(StaffText::UndoNoShow) aria-disabled=move || marking.pending().get().to_string()
                        on:click=move |_| mark(Mark::UndoNoShow)>{tr(StaffText::UndoNoShow)}</button>
                </div>
            })}
            {(b.checked_in && is_member).then(|| view! {
                <div class="actions">
                    <button type="button" class="button button--secondary" aria-label=named(StaffText::UndoCheckIn) aria-disabled=move || marking.pending().get().to_string()
                        on:click=move |_| mark(Mark::UndoCheckIn)>{tr(StaffText::UndoCheckIn)}</button>
                </div>
            })}
            {(state.is_none() && is_member).then(|| view! {
                <div class="actions">
                    <button type="button" class="button" aria-label=named(StaffText::CheckIn) aria-disabled=move || marking.pending().get().to_string()
                        on:click=move |_| mark(Mark::CheckIn)>{tr(StaffText::CheckIn)}</button>
                    // Absent only once the booking has started.
                    {started.then(|| view! {
                        <button type="button" class="button button--secondary" aria-label=named(StaffText::MarkNoShow) aria-disabled=move || marking.pending().get().to_string()
                            on:click=move |_| mark(Mark::NoShow)>{tr(StaffText::MarkNoShow)}</button>
                    })}
                </div>
            })}
        </li>
    }
}
