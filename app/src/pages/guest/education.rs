//! `/e-education`: the programme for teachers, youth workers, children and parents.

use leptos::prelude::*;

use crate::i18n::{tr, use_title};
use crate::text::GuestText;

#[component]
pub fn Education() -> impl IntoView {
    use_title(GuestText::EducationTitle);
    let blocks = [
        (
            GuestText::EducationTeachers,
            GuestText::EducationTeachersText,
        ),
        (GuestText::EducationKids, GuestText::EducationKidsText),
        (GuestText::EducationParents, GuestText::EducationParentsText),
    ];
    view! {
        <h1>{tr(GuestText::EducationTitle)}</h1>
        <p class="lead">{tr(GuestText::EducationLead)}</p>
        {blocks
            .into_iter()
            .map(|(title, text)| {
                view! {
                    <section class="card">
                        <h2>{tr(title)}</h2>
                        <p>{tr(text)}</p>
                    </section>
                }
            })
            .collect_view()}
    }
}
