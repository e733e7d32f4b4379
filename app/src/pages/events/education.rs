//! `/e-education`: the programme for teachers, youth workers, children and parents, each part with
//! its next dates (one request for the agenda of the next four months) and a link to all of them.

use domain::endpoints as ep;
use domain::events::EventKind;
use domain::events::EventView;
use leptos::prelude::*;

use super::agenda::event_card;
use super::kind_label;
use crate::api;
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n, use_title};
use crate::text::EventText;

/// How many dates each part shows.
const NEXT: usize = 3;

#[component]
pub fn Education() -> impl IntoView {
    use_title(EventText::EducationTitle);
    let i18n = use_i18n();
    // The server's window: today in Quimper and the next four months.
    let events = LocalResource::new(move || api::call(ep::EVENTS));
    let parts = [
        (
            EventKind::TeacherTraining,
            EventText::EducationTeachers,
            EventText::EducationTeachersText,
        ),
        (
            EventKind::ChildrenWorkshop,
            EventText::EducationKids,
            EventText::EducationKidsText,
        ),
        (
            EventKind::OpenDay,
            EventText::EducationParents,
            EventText::EducationParentsText,
        ),
    ];
    view! {
        <h1>{tr(EventText::EducationTitle)}</h1>
        <p class="lead">{tr(EventText::EducationLead)}</p>
        <p><a href="/agenda" class="button">{tr(EventText::EducationSeeAgenda)}</a></p>
        // The parts come with their dates, all at once: a part's list arriving late pushed the
        // next part down on a wide screen (a layout shift of 0.033 at 1280 px, measured by the
        // budget test).
        {with_loaded(events, move |list: Vec<EventView>| {
            parts
                .into_iter()
                .map(|(kind, title, text)| {
                    let heading = format!("part-{}", kind.as_str());
                    let labelled_by = heading.clone();
                    let all = format!("/agenda?type={}", kind.as_str());
                    let next: Vec<EventView> = list
                        .iter()
                        .filter(|e| e.kind == kind && !e.cancelled)
                        .take(NEXT)
                        .cloned()
                        .collect();
                    view! {
                        <section class="card education-part" aria-labelledby=labelled_by>
                            <h2 id=heading>{tr(title)}</h2>
                            <p>{tr(text)}</p>
                            <p class="education-part__next"><strong>{tr(EventText::EducationNext)}</strong></p>
                            {if next.is_empty() {
                                view! { <p>{i18n.t(EventText::EducationNone)}</p> }.into_any()
                            } else {
                                view! { <ul class="cards">{next.into_iter().map(|e| event_card(e, i18n)).collect_view()}</ul> }.into_any()
                            }}
                            <p><a href=all>{move || i18n.f(EventText::EducationAll, &[("kind", i18n.t(kind_label(kind)))])}</a></p>
                        </section>
                    }
                })
                .collect_view()
        })}
    }
}
