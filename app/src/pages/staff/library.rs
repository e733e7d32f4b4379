//! `/gestion/ressources`: every resource of the library (unpublished ones marked) and the topics
//! businesses choose from; `/gestion/ressources/:slug` (`nouvelle` for a new one): a resource's
//! Markdown and its preview as the server renders and sanitises it.

use domain::consultations::{
    LibraryCard, LibraryDraft, LibraryInput, LibraryKind, Topic, TopicInput, Trade,
};
use domain::endpoints as ep;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params};
use leptos_router::params::Params;
use leptos_router::NavigateOptions;

use crate::api::{self, Request};
use crate::components::calendar::failure_alert;
use crate::components::consult::{kind_label, trade_label};
use crate::components::focus::focus_on_success;
use crate::components::form::{field_error, field_errors, input_id, ErrorSummary, Field};
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::i18n::{tr, use_i18n, I18n};
use crate::text::StaffText;

/// The address of a new resource's page.
const NEW: &str = "nouvelle";

#[component]
pub fn StaffLibrary() -> impl IntoView {
    view! { <StaffFrame title=StaffText::LibTitle content=|_| view! { <Library /> } /> }
}

#[component]
fn Library() -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(move || async move { api::call(ep::STAFF_LIBRARY).await });
    view! {
        <p><a href=format!("/gestion/ressources/{NEW}") class="button">{tr(StaffText::LibNew)}</a></p>
        {with_loaded(list, move |cards: Vec<LibraryCard>| view! {
            <ul class="cards">
                {cards.into_iter().map(|c| {
                    let href = format!("/gestion/ressources/{}", c.slug);
                    let edit = i18n.f(StaffText::LibEdit, &[("title", &c.title)]);
                    view! {
                        <li class="card">
                            <p class="event-card__kind">{i18n.t(kind_label(c.kind))}</p>
                            <h2 class="card__title">{c.title.clone()}</h2>
                            <p>{c.summary.clone()}</p>
                            <p><a href=href class="button button--secondary">{edit}</a></p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
        <Topics />
    }
}

/// The topics: rename is rare, hiding one common (a topic is never deleted: old requests keep it).
#[component]
fn Topics() -> impl IntoView {
    let i18n = use_i18n();
    let save: Request<(Option<String>, TopicInput), Vec<Topic>> =
        Action::new_local(move |(slug, body): &(Option<String>, TopicInput)| {
            let body = body.clone();
            let call = match slug {
                None => ep::CREATE_CONSULTATION_TOPIC.into(),
                Some(slug) => ep::UPDATE_CONSULTATION_TOPIC.at(&[slug]),
            };
            async move { api::send(call, &body).await }
        });
    let topics = LocalResource::new(move || {
        save.version().get();
        async move { api::call(ep::CONSULTATION_TOPICS).await }
    });
    let failure = api::failure_of(save);
    let errors = field_errors(failure);
    let (slug, fr, en) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    view! {
        <section class="card" aria-labelledby="topics-title">
            <h2 id="topics-title">{tr(StaffText::LibTopicsTitle)}</h2>
            {failure_alert(failure)}
            {with_loaded(topics, move |list: Vec<Topic>| view! {
                <ul class="plain-list">
                    {list.into_iter().map(|t| {
                        let label = i18n.pick(&t.label);
                        let words = i18n.f(if t.active { StaffText::LibHide } else { StaffText::LibShow }, &[("label", &label)]);
                        let body = TopicInput { slug: String::new(), label_fr: t.label.fr.clone(), label_en: t.label.en.clone(), active: !t.active };
                        let slug = t.slug.clone();
                        view! {
                            <li class="club-row">
                                <span>{label.clone()}{(!t.active).then(|| format!(" ({})", i18n.t(StaffText::LibTopicHidden)))}</span>
                                <button type="button" class="button button--secondary" aria-disabled=move || save.pending().get().to_string()
                                    on:click=move |_| api::start(save, (Some(slug.clone()), body.clone()))>{words}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                api::start(save, (None, TopicInput { slug: slug.get_untracked(), label_fr: fr.get_untracked(), label_en: en.get_untracked(), active: true }));
            }>
                <Field name="slug" label=StaffText::LibTopicSlug value=slug errors required=true />
                <Field name="label_fr" label=StaffText::LibLabelFr value=fr errors required=true />
                <Field name="label_en" label=StaffText::LibLabelEn value=en errors required=true />
                <button type="submit" class="button" aria-disabled=move || save.pending().get().to_string()>{tr(StaffText::LibAddTopic)}</button>
            </form>
        </section>
    }
}

#[derive(Params, Debug, Clone, PartialEq)]
struct EditPath {
    slug: Option<String>,
}

#[component]
pub fn StaffResource() -> impl IntoView {
    view! { <StaffFrame title=StaffText::LibTitle content=|_| view! { <Edit /> } /> }
}

const LABELS: &[(&str, StaffText)] = &[
    ("slug", StaffText::LibSlug),
    ("kind", StaffText::LibKind),
    ("audience", StaffText::LibAudience),
    ("title", StaffText::LibTitleField),
    ("summary", StaffText::LibSummary),
    ("body", StaffText::LibBody),
    ("title_en", StaffText::LibTitleEn),
    ("summary_en", StaffText::LibSummaryEn),
    ("body_en", StaffText::LibBodyEn),
    ("url", StaffText::LibUrl),
    ("topics", StaffText::LibTopics),
];

#[component]
fn Edit() -> impl IntoView {
    let i18n = use_i18n();
    let slug = use_params::<EditPath>()
        .with_untracked(|p| p.as_ref().ok().and_then(|p| p.slug.clone()))
        .unwrap_or_default();
    let is_new = slug == NEW;
    let draft = LocalResource::new({
        let slug = slug.clone();
        move || {
            let slug = slug.clone();
            async move {
                if slug == NEW {
                    Ok(LibraryDraft {
                        // A new resource starts as a draft: publishing is a choice.
                        input: LibraryInput {
                            kind: "guide".into(),
                            published: false,
                            ..Default::default()
                        },
                        html: String::new(),
                        html_en: String::new(),
                    })
                } else {
                    api::call(ep::LIBRARY_DRAFT.at(&[&slug])).await
                }
            }
        }
    });
    let topics =
        LocalResource::new(move || async move { api::call(ep::CONSULTATION_TOPICS).await });
    view! {
        <p><a href="/gestion/ressources">{tr(StaffText::StaffLibrary)}</a></p>
        {with_loaded(draft, move |d: LibraryDraft| {
            let topics = topics.get().and_then(Result::ok).unwrap_or_default();
            editor(d, is_new, topics, i18n)
        })}
    }
}

fn editor(d: LibraryDraft, is_new: bool, topics: Vec<Topic>, i18n: I18n) -> impl IntoView {
    let i = d.input;
    // The resource's address once it exists: after the first save of a new one, the next save
    // updates it (the page stays mounted when its address changes, so this is a signal).
    let existing = RwSignal::new((!is_new).then(|| i.slug.clone()));
    let (slug, kind, audience) = (
        RwSignal::new(i.slug),
        RwSignal::new(i.kind),
        RwSignal::new(i.audience),
    );
    let (title, summary, body, url) = (
        RwSignal::new(i.title),
        RwSignal::new(i.summary),
        RwSignal::new(i.body),
        RwSignal::new(i.url),
    );
    let (title_en, summary_en, body_en) = (
        RwSignal::new(i.title_en),
        RwSignal::new(i.summary_en),
        RwSignal::new(i.body_en),
    );
    let chosen = RwSignal::new(i.topics);
    let published = RwSignal::new(i.published);
    let (html, html_en) = (RwSignal::new(d.html), RwSignal::new(d.html_en));
    let save: Request<LibraryInput, LibraryDraft> =
        Action::new_local(move |input: &LibraryInput| {
            let input = input.clone();
            let call = match existing.get_untracked() {
                None => ep::CREATE_LIBRARY_ITEM.into(),
                Some(slug) => ep::UPDATE_LIBRARY_ITEM.at(&[&slug]),
            };
            async move { api::send(call, &input).await }
        });
    let failure = api::failure_of(save);
    let errors = field_errors(failure);
    focus_on_success(save, "#lib-saved");
    // The previews follow the typing: the server renders both texts as readers will get them,
    // half a second after the last key (not only after a save).
    let timer = StoredValue::new_local(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
    Effect::new(move |ran: Option<()>| {
        let text = (body.get(), body_en.get());
        if ran.is_none() {
            return; // the loaded page already shows this text
        }
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        let render = move || {
            leptos::task::spawn_local(async move {
                let draft = LibraryInput {
                    body: text.0.clone(),
                    body_en: text.1.clone(),
                    ..Default::default()
                };
                if let Ok(d) = api::send(ep::PREVIEW_LIBRARY_ITEM, &draft).await {
                    // Only the answer for the texts still in the boxes.
                    if (body.get_untracked(), body_en.get_untracked()) == text {
                        html.set(d.html);
                        html_en.set(d.html_en);
                    }
                }
            })
        };
        let handle = leptos::leptos_dom::helpers::set_timeout_with_handle(
            render,
            std::time::Duration::from_millis(500),
        );
        timer.set_value(handle.ok());
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(saved) = api::answer_of(save) {
            html.set(saved.html.clone());
            html_en.set(saved.html_en.clone());
            if existing.get_untracked().is_none() {
                existing.set(Some(saved.input.slug.clone()));
                navigate(
                    &format!("/gestion/ressources/{}", saved.input.slug),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
        }
    });
    view! {
        <p class="notice-line" role="status" id="lib-saved" tabindex="-1">{move || api::answer_of(save).is_some().then(|| i18n.t(StaffText::CsSaved))}</p>
        <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            api::start(save, LibraryInput {
                slug: slug.get_untracked(), kind: kind.get_untracked(), audience: audience.get_untracked(),
                title: title.get_untracked(), summary: summary.get_untracked(), body: body.get_untracked(),
                title_en: title_en.get_untracked(), summary_en: summary_en.get_untracked(), body_en: body_en.get_untracked(),
                url: url.get_untracked(), topics: chosen.get_untracked(), published: published.get_untracked(),
            });
        }>
            <ErrorSummary failure labels=LABELS />
            {move || existing.get().is_none().then(|| view! { <Field name="slug" label=StaffText::LibSlug value=slug errors required=true /> })}
            <div class="field">
                <label for=input_id("kind")>{tr(StaffText::LibKind)}</label>
                <select id=input_id("kind") on:change=move |ev| kind.set(event_target_value(&ev))>
                    {LibraryKind::ALL.iter().map(|k| view! {
                        <option value=k.as_str() selected=move || kind.get() == k.as_str()>{tr(kind_label(*k))}</option>
                    }).collect_view()}
                </select>
                {field_error(errors, "kind")}
            </div>
            <div class="field">
                <label for=input_id("audience")>{tr(StaffText::LibAudience)}</label>
                <select id=input_id("audience") on:change=move |ev| audience.set(event_target_value(&ev))>
                    <option value="" selected=move || audience.get().is_empty()>{tr(StaffText::LibEveryone)}</option>
                    {Trade::ALL.iter().map(|t| view! {
                        <option value=t.as_str() selected=move || audience.get() == t.as_str()>{tr(trade_label(*t))}</option>
                    }).collect_view()}
                </select>
                {field_error(errors, "audience")}
            </div>
            <Field name="title" label=StaffText::LibTitleField value=title errors required=true />
            <Field name="summary" label=StaffText::LibSummary value=summary errors required=true multiline=true />
            <Field name="body" label=StaffText::LibBody value=body errors multiline=true hint=StaffText::LibBodyHint />
            <fieldset class="field">
                <legend>{tr(StaffText::LibEnglish)}</legend>
                <Field name="title_en" label=StaffText::LibTitleEn value=title_en errors hint=StaffText::LibEnglishHint />
                <Field name="summary_en" label=StaffText::LibSummaryEn value=summary_en errors multiline=true />
                <Field name="body_en" label=StaffText::LibBodyEn value=body_en errors multiline=true />
            </fieldset>
            <Field name="url" label=StaffText::LibUrl value=url errors kind="url" />
            <fieldset class="field" id=input_id("topics")>
                <legend>{tr(StaffText::LibTopics)}</legend>
                {topics.into_iter().map(|t| {
                    let id = format!("lib-topic-{}", t.slug);
                    let slug = t.slug.clone();
                    let on = chosen.with_untracked(|c| c.contains(&slug));
                    view! {
                        <div class="check">
                            <input type="checkbox" id=id.clone() prop:checked=on on:change=move |ev| {
                                let (on, slug) = (event_target_checked(&ev), slug.clone());
                                chosen.update(|c| { c.retain(|s| *s != slug); if on { c.push(slug); } });
                            } />
                            <label for=id>{i18n.pick(&t.label)}</label>
                        </div>
                    }
                }).collect_view()}
                {field_error(errors, "topics")}
            </fieldset>
            <div class="check">
                <input type="checkbox" id="lib-published" prop:checked=move || published.get() on:change=move |ev| published.set(event_target_checked(&ev)) />
                <label for="lib-published">{tr(StaffText::LibPublished)}</label>
            </div>
            <button type="submit" class="button" aria-disabled=move || save.pending().get().to_string()>{tr(StaffText::LibSave)}</button>
        </form>
        <section class="card" aria-labelledby="lib-preview">
            <h2 id="lib-preview">{tr(StaffText::LibPreview)}</h2>
            <div class="prose" inner_html=move || html.get()></div>
        </section>
        <Show when=move || !body_en.with(String::is_empty)>
            <section class="card" aria-labelledby="lib-preview-en">
                <h2 id="lib-preview-en">{tr(StaffText::LibPreviewEn)}</h2>
                <div class="prose" lang="en" inner_html=move || html_en.get()></div>
            </section>
        </Show>
    }
}
