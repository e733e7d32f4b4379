//! The pages for businesses (SME owners, craftspeople, shops): what the cantine offers them and
//! the request form, a request's private link, and the library of resources.

pub mod library;
pub mod offer;
pub mod status;

use domain::consultations::LibraryCard;
use leptos::prelude::*;

use crate::components::consult::{kind_label, trade_label};
use crate::i18n::I18n;
use crate::text::BusinessText;

/// A resource's title and summary in the language read here; in English, one written in French
/// only is shown in French, with `lang="fr"` for the elements that hold them (`None` otherwise).
pub fn words(c: &LibraryCard, i18n: I18n) -> (String, String, Option<&'static str>) {
    let (title, summary, french_only) = c.text(i18n.lang());
    (
        title.to_string(),
        summary.to_string(),
        french_only.then_some("fr"),
    )
}

/// A resource in a list: its kind, title, summary and the link to its page, in the language read
/// here (call it where a language change renders the list again).
pub fn resource_card(c: LibraryCard, i18n: I18n) -> impl IntoView {
    let heading = format!("res-{}", c.slug);
    let labelled_by = heading.clone();
    let href = format!("/ressources/{}", c.slug);
    let (title, summary, lang) = words(&c, i18n);
    let french_only = lang.is_some();
    let link = i18n.f(BusinessText::Read, &[("title", &title)]);
    let trade = c
        .audience
        .map(|t| i18n.f(BusinessText::ForTrade, &[("trade", i18n.t(trade_label(t)))]));
    let in_french = french_only.then(|| format!(" · {}", i18n.t(BusinessText::InFrench)));
    view! {
        <li class="card" aria-labelledby=labelled_by>
            <p class="event-card__kind">{i18n.t(kind_label(c.kind))}{trade.map(|t| format!(" · {t}"))}{in_french}</p>
            <h3 id=heading lang=lang>{title}</h3>
            <p lang=lang>{summary}</p>
            <p><a href=href class="button button--secondary">{link}</a></p>
        </li>
    }
}
