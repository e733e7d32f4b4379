//! The library of resources: staff write Markdown, the server renders it (pulldown-cmark) safe by
//! construction, so nothing staff type — raw HTML included — reaches a page as markup; search and
//! filters by topic.

use chrono::{DateTime, Utc};
use domain::accounts::{parse_name, parse_required_text, parse_text, Checker};
use domain::consultations::{
    CardText, LibraryCard, LibraryDraft, LibraryInput, LibraryItem, LibraryKind, Trade,
};
use domain::search::Query;
use domain::ApiMsg;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};
use worker::D1Database;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::repo::consultations::{self as repo, ItemRow, NewItem};
use crate::repo::{audit, batch, is_unique_violation};

/// Markdown to safe HTML, safe by construction: pulldown-cmark writes every tag itself, escaping
/// text and attributes; raw HTML typed in the Markdown is shown as text, never passed through;
/// link and image addresses are kept for `http(s):`, `mailto:`, `tel:` and the site's own paths
/// only (`#` otherwise: no `javascript:`); links get `rel="noopener noreferrer"`. Headings go one
/// level down (the page's title is its `h1`), task-list boxes become ☐/☑ (a checkbox with no label
/// is a form control a screen reader cannot name).
///
/// Written over the parser's events instead of passing its HTML through ammonia (an HTML sanitiser
/// built on html5ever, with url and idna): the worker's wasm went from 3,667,779 to 3,040,470
/// bytes, 1,326,361 to 1,100,301 gzip (`gzip -9 -c worker/build/index_bg.wasm | wc -c`).
pub fn render(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    let down = |level: HeadingLevel| match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    };
    // An image whose address is refused would show as a broken image: its text is kept instead.
    let mut refused_images = 0usize;
    let events = Parser::new_ext(markdown, options).filter_map(move |event| {
        Some(match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: down(level),
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(down(level))),
            Event::TaskListMarker(done) => Event::Text(if done { "☑ " } else { "☐ " }.into()),
            // What staff typed as HTML reads as what they typed.
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => Event::InlineHtml(link_tag(&dest_url, &title).into()),
            Event::End(TagEnd::Link) => Event::InlineHtml("</a>".into()),
            Event::Start(Tag::Image { ref dest_url, .. }) if safe_address(dest_url) == "#" => {
                refused_images += 1;
                return None;
            }
            Event::End(TagEnd::Image) if refused_images > 0 => {
                refused_images -= 1;
                return None;
            }
            other => other,
        })
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// `<a href="…" title="…" rel="noopener noreferrer">`, every value escaped.
fn link_tag(address: &str, title: &str) -> String {
    let mut tag = String::from("<a href=\"");
    let _ = escape_href(&mut tag, safe_address(address));
    tag.push('"');
    if !title.is_empty() {
        tag.push_str(" title=\"");
        let _ = escape_html(&mut tag, title);
        tag.push('"');
    }
    tag.push_str(" rel=\"noopener noreferrer\">");
    tag
}

/// The address itself when it is a web page, an email, a phone number or a path of the site;
/// `#` for any other scheme (`javascript:`, `data:`, …, however it is spelled: browsers drop tabs,
/// new lines and leading control characters, so anything with a `:` before its first `/`, `?` or
/// `#` has a scheme).
fn safe_address(address: &str) -> &str {
    let lower = address.to_ascii_lowercase();
    let has_scheme = lower
        .find([':', '/', '?', '#'])
        .is_some_and(|i| lower[i..].starts_with(':'));
    if !has_scheme
        || ["http://", "https://", "mailto:", "tel:"]
            .iter()
            .any(|s| lower.trim_start().starts_with(s))
    {
        address
    } else {
        "#"
    }
}

pub fn card(row: &ItemRow) -> LibraryCard {
    LibraryCard {
        slug: row.slug.clone(),
        kind: row.kind,
        audience: row.audience,
        title: row.title.clone(),
        summary: row.summary.clone(),
        en: row.in_english().then(|| CardText {
            title: row.title_en.clone(),
            summary: row.summary_en.clone(),
        }),
        url: row.url.clone(),
        topics: row.topics.clone(),
    }
}

/// The published resources on `topic` (any when empty) whose words match `q` in French or in
/// English, by title.
pub async fn list(db: &D1Database, topic: &str, q: &str) -> Result<Vec<LibraryCard>, ApiError> {
    let query = Query::parse(q);
    Ok(repo::items(db, false)
        .await?
        .iter()
        .filter(|r| topic.is_empty() || r.topics.iter().any(|t| t == topic))
        .filter(|r| {
            query.matches([&r.title, &r.summary, &r.body].map(String::as_str))
                || query.matches([&r.title_en, &r.summary_en, &r.body_en].map(String::as_str))
        })
        .map(card)
        .collect())
}

/// Every resource, unpublished ones included (staff).
pub async fn all(db: &D1Database) -> Result<Vec<LibraryCard>, ApiError> {
    Ok(repo::items(db, true).await?.iter().map(card).collect())
}

/// A published resource, rendered.
pub async fn item(db: &D1Database, slug: &str) -> Result<LibraryItem, ApiError> {
    let row = repo::item(db, slug)
        .await?
        .filter(|r| r.published == 1)
        .ok_or(ApiError::NotFound)?;
    Ok(LibraryItem {
        card: card(&row),
        html: render(&row.body),
        html_en: row.in_english().then(|| render(&row.body_en)),
        updated_on: domain::paris::local_date(row.updated_at),
    })
}

fn input_of(row: &ItemRow) -> LibraryInput {
    LibraryInput {
        slug: row.slug.clone(),
        kind: row.kind.as_str().into(),
        audience: row.audience.map(|a| a.as_str().into()).unwrap_or_default(),
        title: row.title.clone(),
        summary: row.summary.clone(),
        body: row.body.clone(),
        title_en: row.title_en.clone(),
        summary_en: row.summary_en.clone(),
        body_en: row.body_en.clone(),
        url: row.url.clone(),
        topics: row.topics.clone(),
        published: row.published == 1,
    }
}

/// A resource as staff edit it (published or not), with its rendering.
pub async fn draft(db: &D1Database, slug: &str) -> Result<LibraryDraft, ApiError> {
    let row = repo::item(db, slug).await?.ok_or(ApiError::NotFound)?;
    Ok(LibraryDraft {
        input: input_of(&row),
        html: render(&row.body),
        html_en: render(&row.body_en),
    })
}

/// A slug: 3 to 60 lower-case ASCII letters, digits and single dashes inside.
pub fn parse_slug(s: &str) -> Result<String, ApiMsg> {
    let s = s.trim();
    let ok = (3..=60).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--");
    if ok {
        Ok(s.to_string())
    } else {
        Err(ApiMsg::FieldSlug)
    }
}

/// An outside address: empty, or `https://` with a host.
pub fn parse_url(s: &str) -> Result<String, ApiMsg> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    match s.strip_prefix("https://") {
        Some(rest)
            if !rest.is_empty()
                && !rest.starts_with('/')
                && s.len() <= 500
                && !s.contains(char::is_whitespace) =>
        {
            Ok(s.to_string())
        }
        _ => Err(ApiMsg::FieldUrl),
    }
}

/// Topic slugs among the known ones (each once); `None` when one is unknown or there are too many.
pub fn known_topics(
    asked: &[String],
    known: &[repo::TopicRow],
    active_only: bool,
) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for t in asked {
        let t = t.trim();
        let row = known.iter().find(|k| k.slug == t)?;
        if active_only && row.active != 1 {
            return None;
        }
        if !out.iter().any(|o| o == t) {
            out.push(t.to_string());
        }
    }
    (out.len() <= domain::consultations::MAX_TOPICS).then_some(out)
}

/// An English field: empty when the resource is written in French only; else `needed` says it
/// must be written too.
fn english(
    s: &str,
    needed: bool,
    parse: impl Fn(&str) -> Result<String, ApiMsg>,
) -> Result<String, ApiMsg> {
    match s.trim() {
        "" if needed => Err(ApiMsg::FieldEnglishPart),
        "" => Ok(String::new()),
        _ => parse(s),
    }
}

/// Create (`slug` is `None`) or change a resource; every refused field is named.
pub async fn save(
    db: &D1Database,
    slug: Option<&str>,
    body: &LibraryInput,
    caller: &Caller,
    actor: i64,
    now: DateTime<Utc>,
) -> Result<LibraryDraft, ApiError> {
    let existing = match slug {
        Some(s) => Some(repo::item(db, s).await?.ok_or(ApiError::NotFound)?),
        None => None,
    };
    let known = repo::topics(db).await?;
    let mut c = Checker::default();
    let new_slug = match &existing {
        Some(row) => Some(row.slug.clone()),
        None => c.check("slug", parse_slug(&body.slug)),
    };
    let kind = c.check(
        "kind",
        LibraryKind::parse(body.kind.trim()).ok_or(ApiMsg::FieldLibraryKind),
    );
    let audience = match body.audience.trim() {
        "" => Some(None),
        a => c.check(
            "audience",
            Trade::parse(a).map(Some).ok_or(ApiMsg::FieldTrade),
        ),
    };
    let title = c.check("title", parse_name(&body.title));
    let summary = c.check("summary", parse_required_text(&body.summary, 400));
    let text = c.check("body", parse_text(&body.body, 20_000));
    // In English: nothing, or the title and the summary (and the text when the French has one).
    let in_english = [&body.title_en, &body.summary_en, &body.body_en]
        .iter()
        .any(|s| !s.trim().is_empty());
    let title_en = c.check("title_en", english(&body.title_en, in_english, parse_name));
    let summary_en = c.check(
        "summary_en",
        english(&body.summary_en, in_english, |s| parse_text(s, 400)),
    );
    let body_en = c.check(
        "body_en",
        english(
            &body.body_en,
            in_english && !body.body.trim().is_empty(),
            |s| parse_text(s, 20_000),
        ),
    );
    let url = c.check("url", parse_url(&body.url));
    if kind == Some(LibraryKind::Link) && url.as_deref() == Some("") {
        c.fail("url", ApiMsg::FieldUrlForLink);
    }
    let topics = c.check(
        "topics",
        known_topics(&body.topics, &known, false)
            .filter(|t| !t.is_empty())
            .ok_or(ApiMsg::FieldTopics),
    );
    let (
        (new_slug, kind, audience, title, summary, text, url, topics),
        (title_en, summary_en, body_en),
    ) = c
        .finish(|| {
            Some((
                (
                    new_slug?, kind?, audience?, title?, summary?, text?, url?, topics?,
                ),
                (title_en?, summary_en?, body_en?),
            ))
        })
        .map_err(ApiError::Validation)?;
    let item = NewItem {
        slug: &new_slug,
        kind,
        audience,
        title: &title,
        summary: &summary,
        body: &text,
        title_en: &title_en,
        summary_en: &summary_en,
        body_en: &body_en,
        url: &url,
        published: body.published,
        topics: &topics,
    };
    let mut statements = repo::save_item(db, &item, existing.is_none(), actor, now)?;
    statements.push(audit::record_after(
        db,
        now,
        caller,
        if existing.is_none() {
            "library.create"
        } else {
            "library.update"
        },
        "library",
        &new_slug,
        serde_json::json!({ "title": title }),
    )?);
    match batch(db, statements, "saving the library resource").await {
        Err(e) if is_unique_violation(&e) => {
            return Err(ApiError::Validation(vec![(
                "slug".into(),
                ApiMsg::ErrSlugTaken,
            )]))
        }
        other => other?,
    };
    draft(db, &new_slug).await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tags in `html` (a `<` in text is escaped, so each one opens a tag), with their
    /// attributes' names and values.
    fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
        html.split('<')
            .skip(1)
            .map(|rest| {
                let inside = rest.split('>').next().unwrap_or("");
                let name = inside.split_whitespace().next().unwrap_or("").to_string();
                let attrs = inside
                    .split('"')
                    .collect::<Vec<_>>()
                    .chunks(2)
                    .filter_map(|pair| {
                        let key = pair[0].trim().trim_end_matches('=');
                        let key = key.rsplit(' ').next().unwrap_or("").to_string();
                        Some((key, pair.get(1)?.to_string()))
                    })
                    .collect();
                (name, attrs)
            })
            .collect()
    }

    #[test]
    fn markdown_comes_out_inert() {
        let html = render(
            "# Titre\n\n<script>alert(1)</script>\n\n[clic](javascript:alert(2)) \
             [tab](java\tscript:alert(4)) [data](DATA:text/html,x) \
             [titre](https://a.fr \"t\\\" onclick=\\\"y\") ![img](javascript:alert(5)) \
             <img src=x onerror=alert(3)> <a href=\"https://francenum.gouv.fr\" onclick=\"x()\">FN</a>\n\n\
             [France Num](https://francenum.gouv.fr) [page](/ressources) [courriel](mailto:a@b.fr)\n\n\
             - [ ] sauvegarder\n- [x] chiffrer\n",
        );
        let allowed = [
            "h2", "/h2", "p", "/p", "a", "/a", "img", "ul", "/ul", "li", "/li",
        ];
        for (name, attrs) in tags(&html) {
            assert!(allowed.contains(&name.as_str()), "<{name}> in {html}");
            for (key, value) in attrs {
                assert!(
                    ["href", "src", "alt", "title", "rel"].contains(&key.as_str()),
                    "{key}= in {html}"
                );
                if key == "href" || key == "src" {
                    assert!(
                        value == "#"
                            || ["https://", "/", "mailto:"]
                                .iter()
                                .any(|s| value.starts_with(s)),
                        "{key}=\"{value}\" in {html}"
                    );
                }
            }
        }
        assert!(html.contains("<h2>Titre</h2>"), "{html}");
        // A refused image is its text, never a broken image.
        assert!(
            !html.contains("<img src=\"#\"") && html.contains("img"),
            "{html}"
        );
        // Typed HTML reads as text.
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(
            html.contains(
                "<a href=\"https://francenum.gouv.fr\" rel=\"noopener noreferrer\">France Num</a>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"/ressources\" rel=\"noopener noreferrer\">page</a>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"#\" rel=\"noopener noreferrer\">clic</a>"),
            "{html}"
        );
        assert!(
            html.contains("☐ sauvegarder") && html.contains("☑ chiffrer"),
            "{html}"
        );
        assert!(!html.contains("<input"), "{html}");
        // The checker itself sees a handler.
        assert!(tags("<a href=\"#\" onclick=\"x\">")
            .iter()
            .any(|(_, a)| a.iter().any(|(k, _)| k == "onclick")));
    }

    #[test]
    fn slugs_and_addresses_are_checked() {
        assert_eq!(parse_slug(" fiche-google-2 "), Ok("fiche-google-2".into()));
        for bad in ["ab", "Fiche", "fiche google", "-x-y", "x--y", "fiché", "x-"] {
            assert_eq!(parse_slug(bad), Err(ApiMsg::FieldSlug), "{bad}");
        }
        assert_eq!(parse_url(""), Ok(String::new()));
        assert!(parse_url("https://www.francenum.gouv.fr/guides").is_ok());
        for bad in [
            "http://x.fr",
            "javascript:alert(1)",
            "https://",
            "https:// x",
        ] {
            assert_eq!(parse_url(bad), Err(ApiMsg::FieldUrl), "{bad}");
        }
    }
}
