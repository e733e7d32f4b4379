//! Form pieces shared by every page with a form: labelled fields whose error sits next to them
//! (`aria-invalid`, `aria-describedby`), a summary of the errors at the top, a notice for success.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::api::ApiFailure;
use crate::components::focus::focus;
use domain::i18n::Text;

use crate::i18n::{tr, use_i18n, Label};
use crate::text::SharedText;

/// A refusal made in the app before anything is sent (an amount it cannot read), shaped as the
/// API's so that the same summary shows it, links to the field and takes the focus.
pub fn refused_here(lang: domain::Lang, fields: Vec<(String, String)>) -> ApiFailure {
    ApiFailure::Api {
        status: 422,
        body: domain::wire::ApiErrorBody {
            code: domain::wire::ErrorCode::Validation,
            message: SharedText::FieldsInvalid.text(lang).to_string(),
            fields: fields.into_iter().collect(),
        },
    }
}

/// Each invalid field's message, as the API sent it (already in the reader's language).
pub fn field_errors(failure: Signal<Option<ApiFailure>>) -> Signal<BTreeMap<String, String>> {
    Signal::derive(move || match failure.get() {
        Some(ApiFailure::Api { body, .. }) => body.fields,
        _ => BTreeMap::new(),
    })
}

pub fn input_id(name: &str) -> String {
    format!("f-{name}")
}

fn error_id(name: &str) -> String {
    format!("f-{name}-error")
}

fn hint_id(name: &str) -> String {
    format!("f-{name}-hint")
}

/// The `aria-describedby` of a field: its hint, then its error when it has one.
pub fn described_by(
    errors: Signal<BTreeMap<String, String>>,
    name: &'static str,
    has_hint: bool,
) -> impl Fn() -> Option<String> + Send + Sync + Copy + 'static {
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(hint_id(name));
        }
        if errors.with(|e| e.contains_key(name)) {
            ids.push(error_id(name));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

pub fn invalid(
    errors: Signal<BTreeMap<String, String>>,
    name: &'static str,
) -> impl Fn() -> Option<&'static str> + Send + Sync + Copy {
    move || errors.with(|e| e.contains_key(name)).then_some("true")
}

/// The error line under a field (nothing when the field is fine).
pub fn field_error(errors: Signal<BTreeMap<String, String>>, name: &'static str) -> impl IntoView {
    move || {
        errors.with(|e| e.get(name).cloned()).map(|message| {
            view! { <p class="field__error" id=error_id(name)>{message}</p> }
        })
    }
}

/// A labelled text input (or textarea) bound to `value`.
#[component]
pub fn Field(
    /// The API's name for the field; the input's id is `f-<name>`.
    name: &'static str,
    #[prop(into)] label: Label,
    value: RwSignal<String>,
    errors: Signal<BTreeMap<String, String>>,
    /// The input's `type`; `text` when empty.
    #[prop(optional)]
    kind: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] inputmode: &'static str,
    #[prop(optional, into)] hint: Option<Label>,
    #[prop(optional)] required: bool,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = if kind.is_empty() { "text" } else { kind };
    let autocomplete = (!autocomplete.is_empty()).then_some(autocomplete);
    let inputmode = (!inputmode.is_empty()).then_some(inputmode);
    let control = if multiline {
        view! {
            <textarea
                id=input_id(name)
                name=name
                rows="4"
                required=required
                aria-invalid=invalid(errors, name)
                aria-describedby=described_by(errors, name, hint.is_some())
                bind:value=value
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=input_id(name)
                name=name
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                required=required
                aria-invalid=invalid(errors, name)
                aria-describedby=described_by(errors, name, hint.is_some())
                bind:value=value
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=input_id(name)>
                {tr(label)}
                {(!required).then(|| view! { <span class="field__optional">{move || i18n.t(SharedText::Optional)}</span> })}
            </label>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id(name)>{tr(h)}</p> })}
            {control}
            {field_error(errors, name)}
        </div>
    }
}

/// For an [`ErrorSummary`] of a form whose errors name no field.
pub const NO_LABELS: &[(&str, SharedText)] = &[];

/// What went wrong with the last submit: the API's message and a link to each invalid field.
/// `labels` names the fields in the order of the form ("Téléphone : …"); a refused field without
/// a label there (a checkbox whose label is a whole sentence) is listed by its message alone.
/// When a refusal arrives, the summary takes the focus and scrolls into view, so that a keyboard,
/// a screen reader or a thumb on a phone lands on what to fix.
#[component]
pub fn ErrorSummary<T: Text>(
    failure: Signal<Option<ApiFailure>>,
    labels: &'static [(&'static str, T)],
    /// Where the refused fields are when the page holds several such forms (a card's own ids:
    /// `{ids}{name}`); `f-{name}` otherwise.
    #[prop(optional, into)]
    ids: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    Effect::new(move |_| {
        if failure.with(Option::is_some) {
            request_animation_frame(focus_summary);
        }
    });
    move || {
        failure.get().map(|failure| {
            let (message, fields) = match failure {
                ApiFailure::Api { body, .. } => (body.message, body.fields),
                ApiFailure::Network(_) => (
                    i18n.t(SharedText::NetworkError).to_string(),
                    BTreeMap::new(),
                ),
            };
            // Labelled fields first, in the form's order, then any other refused field. Read, not
            // removed: `BTreeMap::remove` alone cost the guest bundle 2 KB brotli.
            let mut lines: Vec<(String, Option<Label>, String)> = labels
                .iter()
                .filter_map(|(name, label)| {
                    let text = fields.get(*name)?.clone();
                    Some((name.to_string(), Some(Label::of(*label)), text))
                })
                .collect();
            lines.extend(
                fields
                    .into_iter()
                    .filter(|(name, _)| !labels.iter().any(|(n, _)| n == name))
                    .map(|(name, text)| (name, None, text)),
            );
            let items = lines
                .into_iter()
                .map(|(name, label, text)| {
                    let href = match &ids {
                        Some(prefix) => format!("#{prefix}{name}"),
                        None => format!("#{}", input_id(&name)),
                    };
                    // A field made at run time (a child's row) is named by its label on the
                    // page, after its group's legend: "Enfant 2, Âge : …".
                    let drawn = (label.is_none() && name.contains('.'))
                        .then(|| drawn_label(&input_id(&name)))
                        .flatten();
                    let label = move || match (label, &drawn) {
                        (Some(l), _) => format!("{}{}", i18n.t(l), i18n.colon()),
                        (None, Some(d)) => format!("{d}{}", i18n.colon()),
                        (None, None) => String::new(),
                    };
                    // Following the link moves the focus to the field, not only the view (Enter
                    // on a link to an anchor leaves the focus on the link).
                    let target = href.trim_start_matches('#').to_string();
                    let to_field = move |ev: leptos::ev::MouseEvent| {
                        if focus(document().get_element_by_id(&target), true) {
                            ev.prevent_default();
                        }
                    };
                    view! { <li><a href=href on:click=to_field>{label}{text}</a></li> }
                })
                .collect_view();
            view! {
                <div class="form-errors" role="alert" tabindex="-1">
                    <p class="form-errors__title">{message}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// The label of the input `id` as the page shows it, after the legend of the group around it.
fn drawn_label(id: &str) -> Option<String> {
    let label = document()
        .query_selector(&format!("label[for=\"{id}\"]"))
        .ok()
        .flatten()?;
    let text = label.text_content()?.trim().to_string();
    let legend = label
        .closest("fieldset")
        .ok()
        .flatten()
        .and_then(|f| f.query_selector("legend").ok().flatten())
        .and_then(|l| l.text_content())
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty());
    Some(match legend {
        Some(legend) => format!("{legend}, {text}"),
        None => text,
    })
}

/// Focus the error summary of the form just sent: the one around the focused submit button (a
/// page may have several forms), else the page's first.
fn focus_summary() {
    let doc = document();
    let in_form = doc
        .active_element()
        .and_then(|e| e.closest("form").ok().flatten())
        .and_then(|f| f.query_selector(".form-errors").ok().flatten());
    focus(
        in_form.or_else(|| doc.query_selector(".form-errors").ok().flatten()),
        true,
    );
}

/// Splits "graphisme, e-commerce , " into tags.
pub fn split_tags(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}
