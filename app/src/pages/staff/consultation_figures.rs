//! Consultations in the statistics and the funders' report: the requests by topic, trade and town
//! (their counts and the median wait are lines of `components::figures::CONSULTATIONS`).

use domain::consultations::{ConsultationFigures, Tally, Topic, Trade};
use domain::endpoints as ep;
use leptos::prelude::*;

use crate::api;
use crate::components::consult::trade_label;
use crate::i18n::{use_i18n, I18n};
use crate::text::StaffText;

/// One tally: its caption (kept when printed), the column of what is counted (a topic, a line of
/// business, a town: it read "Valeur" in all three) and the requests.
fn tally_table(
    caption: StaffText,
    key: StaffText,
    rows: &[Tally],
    name: impl Fn(&str) -> String,
    i18n: I18n,
) -> impl IntoView {
    let body = rows
        .iter()
        .map(|t| view! { <tr><th scope="row">{name(&t.key)}</th><td>{t.count}</td></tr> })
        .collect_view();
    view! {
        <div class="table-wrap" tabindex="0">
            <table class="figures figures--compact figures--tally">
                <caption>{i18n.t(caption)}</caption>
                <thead><tr><th scope="col">{i18n.t(key)}</th><th scope="col">{i18n.t(StaffText::ColumnRequests)}</th></tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// The requests by topic (named as the form names them), by trade and by town.
#[component]
pub fn Tallies(figures: ConsultationFigures) -> impl IntoView {
    let i18n = use_i18n();
    let topics =
        LocalResource::new(move || async move { api::call(ep::CONSULTATION_TOPICS).await });
    move || {
        let list: Vec<Topic> = topics.get().and_then(Result::ok).unwrap_or_default();
        let topic = move |slug: &str| {
            list.iter()
                .find(|t| t.slug == slug)
                .map(|t| i18n.pick(&t.label))
                .unwrap_or_else(|| slug.to_string())
        };
        let trade = move |code: &str| {
            Trade::parse(code)
                .map(|t| i18n.t(trade_label(t)).to_string())
                .unwrap_or_else(|| code.to_string())
        };
        view! {
            {tally_table(StaffText::ByTopic, StaffText::ColumnTopic, &figures.by_topic, topic, i18n)}
            {tally_table(StaffText::ByTrade, StaffText::ColumnTrade, &figures.by_trade, trade, i18n)}
            {tally_table(StaffText::ByTown, StaffText::ColumnTown, &figures.by_town, |t: &str| t.to_string(), i18n)}
        }
    }
}
