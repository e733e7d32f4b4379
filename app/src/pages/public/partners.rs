//! `/partenaires`: the businesses and public bodies that support the cantine.

use leptos::prelude::*;

use crate::i18n::{tr, use_i18n, use_title};
use crate::site::with_site;
use crate::text::PublicText;

#[component]
pub fn Partners() -> impl IntoView {
    use_title(PublicText::PartnersTitle);
    let i18n = use_i18n();
    view! {
        <h1>{tr(PublicText::PartnersTitle)}</h1>
        <p class="lead">{tr(PublicText::PartnersLead)}</p>
        {with_site(move |site| {
            view! {
                <ul class="partner-list">
                    {site
                        .partners
                        .into_iter()
                        .map(|p| {
                            let description = p.description;
                            let name = p.name;
                            let link_name = name.clone();
                            view! {
                                <li class="card partner">
                                    <h2>{name}</h2>
                                    <p>{move || i18n.pick(&description)}</p>
                                    <a href=p.url rel="noopener">{move || i18n.f(PublicText::VisitWebsite, &[("name", &link_name)])}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })}
    }
}
