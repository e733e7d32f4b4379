//! A destructive action asked twice: a first button reveals the question and the real one.

use leptos::prelude::*;

use crate::i18n::{tr, Label};
use crate::text::SharedText;

#[component]
pub fn ConfirmButton(
    /// The first button ("Supprimer mon compte…").
    #[prop(into)]
    label: Label,
    #[prop(into)] question: Label,
    /// The button that does it ("Oui, supprimer").
    #[prop(into)]
    yes: Label,
    /// `id` of the question, for `aria-labelledby` (unique on the page).
    #[prop(into)]
    id: String,
    /// Whether the request `on_yes` started is under way: the button waits while it runs.
    #[prop(into)]
    pending: Signal<bool>,
    #[prop(into)] on_yes: Callback<()>,
    /// The button that leaves things as they are, where "Annuler" beside "Oui, annuler" would
    /// read both ways ("Garder mon inscription"); "Annuler" otherwise.
    #[prop(optional, into)]
    no: Option<Label>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let no = no.unwrap_or_else(|| Label::of(SharedText::Cancel));
    view! {
        <Show when=move || confirming.get() fallback=move || view! {
                <button type="button" class="button button--danger" on:click=move |_| confirming.set(true)>{tr(label)}</button>
            }>
            <div class="confirm" role="alertdialog" aria-labelledby=id.clone()>
                <p id=id.clone()><strong>{tr(question)}</strong></p>
                <div class="actions">
                    <button type="button" class="button button--danger" disabled=move || pending.get() on:click=move |_| on_yes.run(())>
                        {tr(yes)}
                    </button>
                    <button type="button" class="button button--secondary" on:click=move |_| confirming.set(false)>{tr(no)}</button>
                </div>
            </div>
            </Show>
    }
}
