//! The site's public content (opening hours, prices, address, partners…), fetched once when a
//! bundle starts and shared by every page through the context: [`use_site`] to read it,
//! [`with_site`] to render with it once it is there.

use domain::wire::SiteContent;
use leptos::prelude::*;

use crate::components::status::{with_loaded, Loaded};

/// The public content, fetched once and shared by every page.
#[derive(Clone, Copy)]
pub struct SiteData(pub Loaded<SiteContent>);

pub fn use_site() -> SiteData {
    expect_context::<SiteData>()
}

/// Renders `content` with the site data once it is there; loading and error states otherwise.
pub fn with_site<V, F>(content: F) -> impl IntoView
where
    F: Fn(SiteContent) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    with_loaded(use_site().0, content)
}
