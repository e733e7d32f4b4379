//! `/e-education`: the programme for teachers, youth workers, children and parents.

use domain::Msg;
use leptos::prelude::*;

use crate::i18n::{tr, use_title};

#[component]
pub fn Education() -> impl IntoView {
    use_title(Msg::EducationTitle);
    let blocks = [
        (Msg::EducationTeachers, Msg::EducationTeachersText),
        (Msg::EducationKids, Msg::EducationKidsText),
        (Msg::EducationParents, Msg::EducationParentsText),
    ];
    view! {
        <h1>{tr(Msg::EducationTitle)}</h1>
        <p class="lead">{tr(Msg::EducationLead)}</p>
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
