//! `/e-education`: the programme for teachers, youth workers, children and parents.

use leptos::prelude::*;

use crate::i18n::{tr, use_title};
use crate::text::PublicText;

#[component]
pub fn Education() -> impl IntoView {
    use_title(PublicText::EducationTitle);
    let blocks = [
        (
            PublicText::EducationTeachers,
            PublicText::EducationTeachersText,
        ),
        (PublicText::EducationKids, PublicText::EducationKidsText),
        (
            PublicText::EducationParents,
            PublicText::EducationParentsText,
        ),
    ];
    view! {
        <h1>{tr(PublicText::EducationTitle)}</h1>
        <p class="lead">{tr(PublicText::EducationLead)}</p>
        <p><a href="/agenda" class="button">{tr(PublicText::SeeAgenda)}</a></p>
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
