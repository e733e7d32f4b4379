//! The library of resources: staff write Markdown, the server renders it (pulldown-cmark) and
//! sanitises the HTML (ammonia), so nothing staff type — raw HTML included — reaches a page
//! unsanitised; search and filters by topic.

use chrono::{DateTime, Utc};
use domain::accounts::{parse_name, parse_required_text, parse_text, Checker};
use domain::consultations::{
    LibraryCard, LibraryDraft, LibraryInput, LibraryItem, LibraryKind, Trade,
};
use domain::search::Query;
use domain::ApiMsg;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use worker::D1Database;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::repo::consultations::{self as repo, ItemRow, NewItem};
use crate::repo::{audit, batch, is_unique_violation};

/// Markdown to safe HTML. Headings go one level down (the page's title is its `h1`), task-list
/// boxes become ☐/☑ (a checkbox with no label is a form control a screen reader cannot name), and
/// ammonia keeps only its default safe tags and attributes: no `<script>`, no `on…=` handler, no
/// `javascript:` URL; links get `rel="noopener noreferrer"`.
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
    let events = Parser::new_ext(markdown, options).map(|event| match event {
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
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    ammonia::Builder::default().clean(&html).to_string()
}

pub fn card(row: &ItemRow) -> LibraryCard {
    LibraryCard {
        slug: row.slug.clone(),
        kind: row.kind,
        audience: row.audience,
        title: row.title.clone(),
        summary: row.summary.clone(),
        url: row.url.clone(),
        topics: row.topics.clone(),
    }
}

/// The published resources on `topic` (any when empty) whose words match `q`, by title.
pub async fn list(db: &D1Database, topic: &str, q: &str) -> Result<Vec<LibraryCard>, ApiError> {
    let query = Query::parse(q);
    Ok(repo::items(db, false)
        .await?
        .iter()
        .filter(|r| topic.is_empty() || r.topics.iter().any(|t| t == topic))
        .filter(|r| query.matches([r.title.as_str(), r.summary.as_str(), r.body.as_str()]))
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
    let (new_slug, kind, audience, title, summary, text, url, topics) = c
        .finish(|| {
            Some((
                new_slug?, kind?, audience?, title?, summary?, text?, url?, topics?,
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

    #[test]
    fn markdown_comes_out_inert() {
        let html = render(
            "# Titre\n\n<script>alert(1)</script>\n\n[clic](javascript:alert(2)) \
             <img src=x onerror=alert(3)> <a href=\"https://francenum.gouv.fr\" onclick=\"x()\">FN</a>\n\n\
             - [ ] sauvegarder\n- [x] chiffrer\n",
        );
        assert!(html.contains("<h2>Titre</h2>"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(
            !html.contains("alert(1)") || !html.contains("<script"),
            "{html}"
        );
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
        assert!(
            html.contains("href=\"https://francenum.gouv.fr\""),
            "{html}"
        );
        assert!(html.contains("rel=\"noopener noreferrer\""), "{html}");
        assert!(
            html.contains("☐ sauvegarder") && html.contains("☑ chiffrer"),
            "{html}"
        );
        assert!(!html.contains("<input"), "{html}");
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
