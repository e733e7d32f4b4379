//! `/gestion/blocages`: the blocks in force, each with the bookings it covers and how to reach
//! each person (email and phone), and lifting a block so the place can be booked again.

use domain::endpoints as ep;
use domain::wire::BlockView;
use leptos::prelude::*;

use crate::api::{self, Request};
use crate::components::calendar::{day_label, failure_alert, hours};
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n};
use crate::pages::staff::bookings::affected_line;
use crate::text::{AccountText, StaffText};

#[component]
pub fn StaffBlocks() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffBlocksTitle content=|_| view! { <Blocks /> } /> }
}

#[component]
fn Blocks() -> impl IntoView {
    let lift: Request<i64> = Action::new_local(move |id: &i64| api::call(ep::LIFT_BLOCK.at(&[id])));
    let blocks = LocalResource::new(move || {
        lift.version().get();
        api::call(ep::BLOCKS)
    });
    let failure = api::failure_of(lift);
    view! {
        <p class="lead">{tr(StaffText::BlocksLead)}</p>
        <p><a href="/gestion/reservations">{tr(StaffText::BlockTitle)}</a></p>
        {failure_alert(failure)}
        <div aria-live="polite">
            {move || api::answer_of(lift).map(|_| view! { <p class="notice" role="status">{tr(StaffText::BlockLifted)}</p> })}
        </div>
        {with_loaded(blocks, move |list: Vec<BlockView>| {
            if list.is_empty() {
                return view! { <p>{tr(StaffText::NoBlocks)}</p> }.into_any();
            }
            view! {
                <ul class="cards">
                    {list.into_iter().map(|v| block_card(v, lift)).collect_view()}
                </ul>
            }
            .into_any()
        })}
    }
}

fn block_card(v: BlockView, lift: Request<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let b = v.block;
    let id = b.id;
    let (start, end) = (b.start, b.end);
    let what = if b.resource == crate::components::calendar::ROOM {
        AccountText::Room
    } else {
        AccountText::Desk
    };
    let when = move || {
        let lang = i18n.lang();
        if start.0.date() == end.0.date() {
            format!(
                "{}, {}",
                day_label(start.0.date(), lang),
                hours(&start, &end)
            )
        } else {
            format!(
                "{} {} → {} {}",
                day_label(start.0.date(), lang),
                start.0.format("%H:%M"),
                day_label(end.0.date(), lang),
                end.0.format("%H:%M")
            )
        }
    };
    let affected = v.affected;
    view! {
        <li class="card" data-block=id.to_string()>
            <h2 class="row__title">{tr(what)}" · "{when}</h2>
            <p>{tr(StaffText::FieldBlockReason)}{move || i18n.colon()}{b.label.clone()}</p>
            {if affected.is_empty() {
                view! { <p class="note">{tr(StaffText::NoAffectedBookings)}</p> }.into_any()
            } else {
                view! {
                    <p>{tr(StaffText::AffectedBookings)}</p>
                    <ul>
                        {affected.into_iter().map(|a| {
                            let date = a.start.0.date();
                            view! { <li>{affected_line(&a, date)}</li> }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <div class="actions">
                <button type="button" class="button button--secondary" aria-disabled=move || lift.pending().get().to_string()
                    on:click=move |_| api::start(lift, id)>{tr(StaffText::LiftBlock)}</button>
            </div>
        </li>
    }
}
