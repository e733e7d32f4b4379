//! `/gestion/reservations`: booking on behalf of a member (found by name), and blocking a resource
//! for a period with a reason; the bookings a block covers are listed so staff can warn people.

use domain::endpoints as ep;
use domain::wire::{BlockCreated, BlockRequest, BookingRequest, MemberSummary};
use leptos::prelude::*;

use crate::api::{self, MemberSearch, Request};
use crate::components::calendar::{
    attempt_key, book_action, day_label, failure_alert, hours, Choice, ConfirmBooking, DESKS, ROOM,
};
use crate::components::staff::StaffFrame;
use crate::i18n::{tr, use_i18n};
use crate::text::{AccountText, SharedText, StaffText};

#[component]
pub fn StaffBookings() -> impl IntoView {
    view! {
        <StaffFrame title=StaffText::StaffBookingsTitle content=|_| view! {
            <BookOnBehalf />
            <BlockResource />
        } />
    }
}

/// The resource `<select>` both forms share.
fn resource_select(id: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{tr(StaffText::FieldResource)}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                <option value=DESKS>{tr(AccountText::Desk)}</option>
                <option value=ROOM>{tr(AccountText::Room)}</option>
            </select>
        </div>
    }
}

#[component]
fn BookOnBehalf() -> impl IntoView {
    let i18n = use_i18n();
    let q = RwSignal::new(String::new());
    let search = RwSignal::new(None::<String>);
    let member = RwSignal::new(None::<(i64, String)>);
    let resource = RwSignal::new(DESKS.to_string());
    let date = RwSignal::new(String::new());
    let start = RwSignal::new("09:00".to_string());
    let end = RwSignal::new("13:00".to_string());
    let chosen = RwSignal::new(None::<Choice>);
    let action = book_action(chosen);
    let found = LocalResource::new(move || {
        let q = search.get();
        async move {
            Ok::<_, api::ApiFailure>(match q {
                Some(q) => api::call(
                    ep::LIST_MEMBERS.query(
                        &MemberSearch {
                            q,
                            ..Default::default()
                        }
                        .staff(),
                    ),
                )
                .await
                .unwrap_or_default(),
                None => Vec::<MemberSummary>::new(),
            })
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((id, name)) = member.get_untracked() else {
            return;
        };
        let d = date.get_untracked();
        let (s, e) = (start.get_untracked(), end.get_untracked());
        let lang = i18n.lang_untracked();
        let when = crate::components::calendar::parse_date(&d)
            .map(|x| day_label(x, lang))
            .unwrap_or_else(|| d.clone());
        chosen.set(Some(Choice {
            request: BookingRequest {
                resource: resource.get_untracked(),
                start: format!("{d}T{s}"),
                end: format!("{d}T{e}"),
                member_id: Some(id),
            },
            what: i18n.f(
                StaffText::BookForQuestion,
                &[("name", &name), ("when", &format!("{when}, {s}–{e}"))],
            ),
            key: attempt_key(),
        }));
    };
    view! {
        <section class="card" aria-labelledby="behalf-title">
            <h2 id="behalf-title">{tr(StaffText::BookOnBehalfTitle)}</h2>
            <form class="form search" role="search" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); search.set(Some(q.get_untracked())); }>
                <div class="field">
                    <label for="m-q">{tr(AccountText::SearchText)}</label>
                    <input id="m-q" type="search" bind:value=q />
                </div>
                <button type="submit" class="button button--secondary">{tr(AccountText::Search)}</button>
            </form>
            <fieldset class="field" aria-live="polite">
                <legend>{tr(StaffText::FieldMember)}</legend>
                {move || found.get().and_then(Result::ok).map(|list| list.into_iter().take(8).map(|m| {
                    let (id, name) = (m.id, m.name.clone());
                    let input = format!("member-{id}");
                    view! {
                        <div class="check">
                            <input type="radio" name="member" id=input.clone() prop:checked=move || member.with(|x| x.as_ref().is_some_and(|x| x.0 == id))
                                on:change=move |_| member.set(Some((id, name.clone()))) />
                            <label for=input>{m.name.clone()}" · "{m.email.clone()}</label>
                        </div>
                    }
                }).collect_view())}
            </fieldset>
            <form class="form" on:submit=on_submit>
                {resource_select("o-resource", resource)}
                <div class="field">
                    <label for="o-date">{tr(SharedText::FieldDate)}</label>
                    <input id="o-date" type="date" required bind:value=date />
                </div>
                <div class="field-pair">
                    <div class="field">
                        <label for="o-start">{tr(AccountText::StartTime)}</label>
                        <input id="o-start" type="time" step="1800" required bind:value=start />
                    </div>
                    <div class="field">
                        <label for="o-end">{tr(StaffText::EndTime)}</label>
                        <input id="o-end" type="time" step="1800" required bind:value=end />
                    </div>
                </div>
                <p class="note">{tr(StaffText::DeskHoursHint)}</p>
                <button type="submit" class="button" disabled=move || member.with(Option::is_none)>{tr(StaffText::Continue)}</button>
            </form>
            <ConfirmBooking chosen action for_member=Signal::derive(move || member.get().map(|m| m.0)) />
        </section>
    }
}

/// Who a block affects and how to reach them: "Anne Le Goff · mardi 8 décembre, 14:00–15:00 ·
/// anne@… · 06 …", the email and phone as links.
pub fn affected_line(b: &domain::wire::StaffBooking, date: chrono::NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let (mail, tel) = (
        format!("mailto:{}", b.email),
        format!("tel:{}", b.phone.replace(' ', "")),
    );
    let span = hours(&b.start, &b.end);
    view! {
        {b.label.clone()}" · "{move || day_label(date, i18n.lang())}", "{span}
        {(!b.email.is_empty()).then(|| view! { " · "<a href=mail>{b.email.clone()}</a> })}
        {(!b.phone.is_empty()).then(|| view! { " · "<a href=tel>{b.phone.clone()}</a> })}
    }
}

#[component]
fn BlockResource() -> impl IntoView {
    let i18n = use_i18n();
    let resource = RwSignal::new(DESKS.to_string());
    let start = RwSignal::new(String::new());
    let end = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let block: Request<BlockRequest, BlockCreated> =
        Action::new_local(move |req: &BlockRequest| {
            let req = req.clone();
            async move { api::send(ep::BLOCK, &req).await }
        });
    let failure = api::failure_of(block);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let req = BlockRequest {
            resource: resource.get_untracked(),
            start: start.get_untracked(),
            end: end.get_untracked(),
            reason: reason.get_untracked(),
        };
        api::start(block, req);
    };
    view! {
        <section class="card" aria-labelledby="block-title">
            <h2 id="block-title">{tr(StaffText::BlockTitle)}</h2>
            <form class="form" on:submit=on_submit>
                {resource_select("k-resource", resource)}
                <div class="field">
                    <label for="k-start">{tr(StaffText::FieldFrom)}</label>
                    <input id="k-start" type="datetime-local" step="1800" required bind:value=start />
                </div>
                <div class="field">
                    <label for="k-end">{tr(StaffText::FieldUntil)}</label>
                    <input id="k-end" type="datetime-local" step="1800" required bind:value=end />
                </div>
                <div class="field">
                    <label for="k-reason">{tr(StaffText::FieldBlockReason)}</label>
                    <input id="k-reason" type="text" required bind:value=reason />
                </div>
                <button type="submit" class="button button--danger" aria-disabled=move || block.pending().get().to_string()>{tr(StaffText::BlockButton)}</button>
            </form>
            {failure_alert(failure)}
            <div aria-live="polite">
                {move || match api::answer_of(block) {
                    Some(BlockCreated { affected, .. }) => Some(view! {
                        <div class="notice">
                            <p><strong>{move || i18n.t(StaffText::Blocked)}</strong></p>
                            {if affected.is_empty() {
                                view! { <p>{tr(StaffText::NoAffectedBookings)}</p> }.into_any()
                            } else {
                                view! {
                                    <p>{tr(StaffText::AffectedBookings)}</p>
                                    <p><a href="/gestion/blocages">{tr(StaffText::SeeBlocks)}</a></p>
                                    <ul>
                                        {affected.into_iter().map(|b| {
                                            let date = b.start.0.date();
                                            view! { <li>{affected_line(&b, date)}</li> }
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </div>
                    }),
                    _ => None,
                }}
            </div>
        </section>
    }
}
