//! `/gestion/journal`: the audit log: who did what to whom.

use domain::endpoints as ep;
use domain::wire::AuditEntry;
use leptos::prelude::*;

use crate::api;
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::format;
use crate::i18n::{tr, use_i18n};
use crate::text::StaffText;

#[component]
pub fn StaffAudit() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffAuditTitle content=|_| view! { <Journal /> } /> }
}

#[component]
fn Journal() -> impl IntoView {
    let i18n = use_i18n();
    let entries = LocalResource::new(move || api::call(ep::AUDIT_LOG));
    view! {
        {with_loaded(entries, move |entries: Vec<AuditEntry>| {
            if entries.is_empty() {
                return view! { <p>{tr(StaffText::AuditEmpty)}</p> }.into_any();
            }
            view! {
                <ol class="rows">
                    {entries
                        .into_iter()
                        .map(|e| {
                            let (at, summary) = (e.at, e.summary);
                            view! {
                                <li class="row">
                                    <span class="row__title">{move || i18n.pick(&summary)}</span>
                                    <span class="row__meta">{move || format::instant(&at, i18n.lang())}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            }
            .into_any()
        })}
    }
}
