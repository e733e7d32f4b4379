//! A business asks: the request checked, stored, and its private link emailed.

use chrono::{DateTime, Utc};
use domain::accounts::{
    parse_name, parse_phone, parse_required_text, Checker, Email as EmailAddress,
};
use domain::consultations::{
    self as rules, Availability, BusinessSize, ConsultationCreated, ConsultationRequest,
    ConsultationStatus,
};
use domain::ApiMsg;
use worker::D1Database;

use crate::error::ApiError;
use crate::mail::Email;
use crate::repo::consultations::{self as repo, NewConsultation};
use crate::repo::{batch, outbox};
use crate::secrets::{random_token, token_hash};
use crate::service::library::known_topics;

// ------------------------------------------------------------------ the request

/// Who asks: the count of what their mailbox received (written with the request), and the site's
/// address for the link.
pub struct Asker<'a> {
    pub mailbox: crate::routes::Tally,
    pub site_url: &'a str,
}

/// What an email about this request says it concerns: erasing the request removes them.
pub fn about(id: i64) -> String {
    format!("consultation:{id}")
}

/// Check a request, store it and email its private link; every refused field is named and
/// nothing is stored then.
pub async fn request(
    db: &D1Database,
    body: &ConsultationRequest,
    who: &Asker<'_>,
    now: DateTime<Utc>,
) -> Result<ConsultationCreated, ApiError> {
    let known = repo::topics(db).await?;
    let mut c = Checker::default();
    let business = c.check("business", parse_name(&body.business));
    let trade = c.check(
        "trade",
        rules::Trade::parse(body.trade.trim()).ok_or(ApiMsg::FieldTrade),
    );
    let size = match body.size.trim() {
        "" => Some(None),
        s => c.check(
            "size",
            BusinessSize::parse(s)
                .map(Some)
                .ok_or(ApiMsg::FieldBusinessSize),
        ),
    };
    let town = c.check("town", parse_name(&body.town));
    let name = c.check("name", parse_name(&body.name));
    let email = c.check("email", EmailAddress::parse(&body.email));
    let phone = c.check("phone", parse_phone(&body.phone));
    let topics = c.check(
        "topics",
        known_topics(&body.topics, &known, true)
            .filter(|t| !t.is_empty())
            .ok_or(ApiMsg::FieldTopics),
    );
    let goal = c.check("goal", parse_required_text(&body.goal, 2000));
    let availability: Option<Vec<Availability>> = body
        .availability
        .iter()
        .map(|a| Availability::parse(a.trim()))
        .collect();
    let availability = c.check(
        "availability",
        availability
            .filter(|a| !a.is_empty())
            .ok_or(ApiMsg::FieldAvailability),
    );
    if !body.consent {
        c.fail("consent", ApiMsg::FieldConsultationConsent);
    }
    let (business, trade, size, town, name, email, phone, topics, goal, availability) = c
        .finish(|| {
            Some((
                business?,
                trade?,
                size?,
                town?,
                name?,
                email?,
                phone?,
                topics?,
                goal?,
                availability?,
            ))
        })
        .map_err(ApiError::Validation)?;
    let token = random_token();
    let hash = token_hash(&token);
    let consent = rules::consent_version(repo::retention_days(db).await?);
    let mut statements = repo::insert(
        db,
        &NewConsultation {
            token_hash: &hash,
            business: &business,
            trade,
            size,
            town: &town,
            name: &name,
            email: email.as_str(),
            phone: &phone,
            goal: &goal,
            availability: &availability,
            lang: body.lang,
            consent_version: &consent,
            topics: &topics,
        },
        now,
    )?;
    statements.push(who.mailbox.record(db, now)?);
    let link = format!("/consultation/{token}");
    let mail = Email::compose(
        email.as_str(),
        "consultation_received",
        body.lang,
        ApiMsg::EmailConsultationSubject,
        ApiMsg::EmailConsultationBody,
        &[
            ("name", &name),
            ("business", &business),
            ("link", &format!("{}{link}", who.site_url)),
        ],
    );
    // About the request just inserted: its id is read in the same batch.
    statements.push(outbox::queue_about_consultation(db, &mail, &hash, now)?);
    batch(db, statements, "storing the consultation request").await?;
    Ok(ConsultationCreated {
        status: ConsultationStatus::New,
        link,
    })
}
