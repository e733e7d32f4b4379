//! `/reserver`: a day view (the desk periods, or the room's half-hour grid with a duration) and a
//! week view (a list of days, narrow enough for a phone). `?date=YYYY-MM-DD&ressource=salle-reunion`
//! opens a given day and resource.

use domain::endpoints as ep;
use domain::wire::{free_run, BookingRequest, BookingStatus, DayAvailability};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api;
use crate::components::calendar::{
    attempt_key, book_action, day_label, desk_periods, hh_mm, hours, iso, parse_date, shift,
    Choice, ConfirmBooking, DESKS, ROOM,
};
use crate::components::session::{guarded, Audience};
use crate::components::status::with_loaded;
use crate::format::hours_minutes;
use crate::i18n::{tr, use_i18n, use_title, Label};
use crate::pages::member::fee::FeeNotice;
use crate::site::use_site;
use crate::text::{AccountText, MemberText, SharedText};

#[component]
pub fn Booking() -> impl IntoView {
    use_title(SharedText::BookTitle);
    view! {
        <h1>{tr(SharedText::BookTitle)}</h1>
        {guarded(Audience::Members, |_| view! { <FeeNotice /><Calendar /> })}
    }
}

#[component]
fn Calendar() -> impl IntoView {
    let i18n = use_i18n();
    let site = use_site().0;
    let query = use_query_map();
    let today = move || site.get().and_then(Result::ok).map(|s| s.today.date);
    let date = RwSignal::new(
        query
            .with_untracked(|q| q.get("date"))
            .and_then(|d| parse_date(&d)),
    );
    let resource = RwSignal::new(
        if query.with_untracked(|q| q.get("ressource")).as_deref() == Some(ROOM) {
            ROOM
        } else {
            DESKS
        },
    );
    let week = RwSignal::new(false);
    let day = Memo::new(move |_| date.get().or_else(today));
    // The last day a member may book, and the room's weekly quota: said before any refusal, and a
    // day beyond is shown as not open yet rather than free.
    let limits = move || site.get().and_then(Result::ok).map(|s| s.booking_limits);
    let last_day = Memo::new(move |_| {
        let (today, limits) = (today()?, limits()?);
        Some(shift(today, i64::from(limits.horizon_days)))
    });
    let beyond = move |d: chrono::NaiveDate| last_day.get().is_some_and(|last| d > last);
    let limits_line = move || {
        let (last, limits) = (last_day.get()?, limits()?);
        Some(i18n.f(
            MemberText::BookingLimitsLine,
            &[
                ("until", &domain::i18n::format_date_long(last, i18n.lang())),
                ("days", &limits.horizon_days.to_string()),
                ("quota", &hours_minutes(limits.room_weekly_quota_minutes)),
            ],
        ))
    };
    let chosen = RwSignal::new(None::<Choice>);
    let action = book_action(chosen);
    // The member's own bookings, to mark them on the day and the week (read again after a booking).
    let mine = LocalResource::new(move || {
        action.version().get();
        async move { api::call(ep::MY_BOOKINGS).await }
    });
    let mine_on = move |d: chrono::NaiveDate, res: &str| -> Option<String> {
        let spans: Vec<String> = mine
            .get()?
            .ok()?
            .iter()
            .filter(|b| {
                b.status == BookingStatus::Confirmed && b.resource == res && b.start.0.date() == d
            })
            .map(|b| hours(&b.start, &b.end))
            .collect();
        (!spans.is_empty()).then(|| spans.join(", "))
    };
    let days = LocalResource::new(move || {
        action.version().get();
        let (res, from, week) = (resource.get(), day.get(), week.get());
        async move {
            let Some(from) = from else {
                return Ok(Vec::new());
            };
            // A week starts on Monday in France, whatever day was chosen.
            let from = if week {
                domain::calendar::week_start(from)
            } else {
                from
            };
            let to = if week { shift(from, 6) } else { from };
            api::call(ep::AVAILABILITY.query(&[
                ("resource", res),
                ("from", &iso(from)),
                ("to", &iso(to)),
            ]))
            .await
        }
    });
    let step = move |sign: i64| {
        if let Some(d) = day.get_untracked() {
            let n = if week.get_untracked() { 7 } else { 1 };
            chosen.set(None);
            date.set(Some(shift(d, sign * n)));
        }
    };
    let toggle = move |label: Label, pressed: Signal<bool>, on: Callback<()>| {
        view! {
            <button type="button" class="toggle" aria-pressed=move || pressed.get().to_string() on:click=move |_| on.run(())>{tr(label)}</button>
        }
    };
    view! {
        <div class="toggles" role="group" aria-label=tr(MemberText::WhatToBook)>
            {toggle(AccountText::Desk.into(), Signal::derive(move || resource.get() == DESKS), Callback::new(move |_| { chosen.set(None); resource.set(DESKS) }))}
            {toggle(AccountText::Room.into(), Signal::derive(move || resource.get() == ROOM), Callback::new(move |_| { chosen.set(None); resource.set(ROOM) }))}
        </div>
        <div class="toggles" role="group" aria-label=tr(MemberText::View)>
            {toggle(MemberText::DayView.into(), Signal::derive(move || !week.get()), Callback::new(move |_| week.set(false)))}
            {toggle(MemberText::WeekView.into(), Signal::derive(move || week.get()), Callback::new(move |_| week.set(true)))}
        </div>
        // The date field first: it is drawn above the two buttons, and Tab follows what is seen.
        <div class="day-nav">
            <div class="field">
                <label for="b-date">{tr(SharedText::FieldDate)}</label>
                <input id="b-date" type="date"
                    prop:value=move || day.get().map(iso).unwrap_or_default()
                    on:change=move |ev| { chosen.set(None); date.set(parse_date(&event_target_value(&ev))) } />
            </div>
            <button type="button" class="button button--secondary" on:click=move |_| step(-1)>
                <span aria-hidden="true">"← "</span>{move || i18n.t(if week.get() { Label::from(MemberText::PreviousWeek) } else { AccountText::PreviousDay.into() })}
            </button>
            <button type="button" class="button button--secondary" on:click=move |_| step(1)>
                {move || i18n.t(if week.get() { Label::from(MemberText::NextWeek) } else { AccountText::NextDay.into() })}<span aria-hidden="true">" →"</span>
            </button>
        </div>
        <p class="note" id="booking-limits">{limits_line}</p>
        <div aria-live="polite">
            {with_loaded(days, move |days: Vec<DayAvailability>| {
                if week.get_untracked() {
                    week_view(days, resource.get_untracked(), date, week, beyond, mine_on).into_any()
                } else {
                    days.into_iter().next().map(|d| {
                        let heading = d.date;
                        let body = if beyond(d.date) {
                            let (until, days) = (last_day.get_untracked(), limits().map(|l| l.horizon_days).unwrap_or_default());
                            view! { <p class="note">{move || i18n.f(MemberText::BeyondHorizon, &[
                                ("until", &until.map(|u| domain::i18n::format_date_long(u, i18n.lang())).unwrap_or_default()),
                                ("days", &days.to_string()),
                            ])}</p> }.into_any()
                        } else if resource.get_untracked() == DESKS { desk_periods(d, chosen).into_any() } else { room_day(d, chosen).into_any() };
                        let res = resource.get_untracked();
                        let yours = move || mine_on(heading, res).map(|when| view! {
                            <p class="note note--mine" id="my-day">{i18n.f(MemberText::YoursThatDay, &[("when", &when)])}</p>
                        });
                        view! {
                            <h2 class="day-title">{move || day_label(heading, i18n.lang())}</h2>
                            {yours}
                            {body}
                        }
                    }).into_any()
                }
            })}
        </div>
        <ConfirmBooking chosen action />
    }
}

/// The room's day: its free start times, a duration, and the slot in words once both are chosen.
fn room_day(day: DayAvailability, chosen: RwSignal<Option<Choice>>) -> impl IntoView {
    let i18n = use_i18n();
    if !day.open || day.slots.is_empty() {
        return view! { <p class="note">{tr(AccountText::ClosedThatDay)}</p> }.into_any();
    }
    let slots = StoredValue::new(day.slots);
    let start = RwSignal::new(None::<usize>);
    let minutes = RwSignal::new(60u32);
    // How many half-hours are free in a row from a start (4 h at most).
    let run = move |i: usize| slots.with_value(|s| free_run(s, i));
    Effect::new(move |_| {
        let Some(i) = start.get() else { return };
        let half_hours = (minutes.get() / 30).clamp(1, run(i).max(1) as u32) as usize;
        let (from, to) = slots.with_value(|s| (s[i].start, s[i + half_hours - 1].end));
        let lang = i18n.lang_untracked();
        let when = format!(
            "{}, {}–{}",
            day_label(day.date, lang),
            hh_mm(&from),
            hh_mm(&to)
        );
        chosen.set(Some(Choice {
            request: BookingRequest {
                resource: ROOM.into(),
                start: from.to_string(),
                end: to.to_string(),
                member_id: None,
            },
            what: i18n.f(MemberText::RoomOn, &[("when", &when)]),
            key: attempt_key(),
        }));
    });
    // The eight lengths stay in the list (re-drawing them lost the chosen one); those longer than
    // the free time from the chosen start are disabled, and a length cut short is said.
    let max = move || start.get().map(run).unwrap_or(8).max(1) as u32 * 30;
    let short = RwSignal::new(None::<u32>);
    let choose_start = move |i: usize| {
        let free = run(i).max(1) as u32 * 30;
        if minutes.get_untracked() > free {
            short.set(Some(free));
            minutes.set(free);
        } else {
            short.set(None);
        }
        start.set(Some(i));
    };
    let durations = (1..=8u32)
        .map(|n| {
            let m = n * 30;
            view! { <option value=m.to_string() disabled=move || { m > max() }>{hours_minutes(m)}</option> }
        })
        .collect_view();
    let short_note = move || {
        let (free, i) = (short.get()?, start.get()?);
        let from = slots.with_value(|s| hh_mm(&s[i].start));
        Some(view! {
            <p class="note" id="b-short" role="status">{i18n.f(MemberText::RoomFreeOnly, &[("from", &from), ("free", &hours_minutes(free))])}</p>
        })
    };
    view! {
        <fieldset class="field">
            <legend>{tr(AccountText::StartTime)}</legend>
            <ul class="times">
                {slots.with_value(|s| s.iter().enumerate().map(|(i, slot)| {
                    let free = slot.free > 0;
                    let label = hh_mm(&slot.start);
                    // Struck through says "not this one"; the words say why.
                    let why = (!free).then_some(if slot.started { AccountText::SlotPast } else { AccountText::SlotTaken });
                    view! {
                        <li>
                            <button type="button" class="time" disabled=!free
                                aria-pressed=move || (start.get() == Some(i)).to_string()
                                on:click=move |_| choose_start(i)>
                                {label}
                                {why.map(|w| view! { <span class="time__why">{tr(w)}</span> })}
                            </button>
                        </li>
                    }
                }).collect_view())}
            </ul>
        </fieldset>
        <div class="field">
            <label for="b-duration">{tr(MemberText::Duration)}</label>
            <select id="b-duration" prop:value=move || minutes.get().to_string()
                on:change=move |ev| { short.set(None); minutes.set(event_target_value(&ev).parse().unwrap_or(60)) }>
                {durations}
            </select>
        </div>
        {short_note}
    }
    .into_any()
}

/// Seven days as a list: desks free per half-day, or the room's free time; a tap opens the day.
fn week_view(
    days: Vec<DayAvailability>,
    resource: &'static str,
    date: RwSignal<Option<chrono::NaiveDate>>,
    week: RwSignal<bool>,
    beyond: impl Fn(chrono::NaiveDate) -> bool + Copy + Send + Sync + 'static,
    mine_on: impl Fn(chrono::NaiveDate, &str) -> Option<String> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="week">
            {days.into_iter().map(|d| {
                let day = d.date;
                let summary = move || {
                    if !d.open {
                        return i18n.t(MemberText::Closed).to_string();
                    }
                    if beyond(day) {
                        return i18n.t(MemberText::WeekBeyond).to_string();
                    }
                    if resource == DESKS {
                        let free = |p: &str| d.slots.iter().find(|s| s.period.map(|x| x.as_str()) == Some(p)).map(|s| s.free).unwrap_or(0).to_string();
                        i18n.f(MemberText::WeekDesks, &[("morning", &free("morning")), ("afternoon", &free("afternoon"))])
                    } else {
                        let free: u32 = d.slots.iter().filter(|s| s.free > 0).count() as u32 * 30;
                        i18n.f(MemberText::WeekRoom, &[("free", &hours_minutes(free))])
                    }
                };
                let yours = move || mine_on(day, resource);
                view! {
                    <li class="week__day" class:week__day--mine=move || yours().is_some()>
                        <button type="button" class="week__button" on:click=move |_| { date.set(Some(day)); week.set(false); }>
                            <span class="week__date">{move || day_label(day, i18n.lang())}</span>
                            <span class="week__free">{summary}</span>
                            {move || yours().map(|when| view! {
                                <span class="week__mine">{i18n.f(MemberText::WeekMine, &[("when", &when)])}</span>
                            })}
                        </button>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
