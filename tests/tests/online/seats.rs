//! An event's seats against one client, and what staff's spreadsheet shows of what strangers typed.

use anyhow::{ensure, Context, Result};
use domain::events::{EventView, RegistrationCreated};
use domain::wire::ApiErrorBody;
use kerne_tests::api_client::expect_json;
use kerne_tests::ensure_each;

use crate::inbox::{family, publish, workshop};
use crate::support::{anonymous, staff, unique};
use crate::Online;

/// One client signs up a hundred times with `victim+N@…` addresses: it is one sign-up (the next
/// nine answer 202 and mail that sign-up's link to its own address, once an hour at most; past ten
/// a day the mailbox's limit answers 429), so the seats stay for others and the inbox gets two
/// emails; with other mailboxes, a client holds three live sign-ups at the event and the fourth is
/// refused with the reason; another client still signs up.
pub async fn one_client_cannot_take_every_seat(o: &'static Online) -> Result<()> {
    let e = publish(o, &workshop("Atelier robots (ruée)", 47, 20)).await?;
    let path = format!("/api/events/{}/registrations", e.id);
    let attacker = anonymous(o);
    let victim = unique("victime-");
    let mut statuses = Vec::new();
    for n in 0..100 {
        let email = format!("{victim}+{n}@example.fr");
        statuses.push(
            attacker
                .post(&path, &family("Anne Le Gall", &email, ""))
                .await?
                .status()
                .as_u16(),
        );
    }
    let created = statuses.iter().filter(|s| **s == 201).count();
    let again = statuses.iter().filter(|s| **s == 202).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    ensure_each!(
        [created == 1, again == 9, refused == 90],
        "one mailbox signed up {created} times ({again} answered 202, {refused} 429): {statuses:?}"
    );
    let view: EventView = anonymous(o)
        .get_json(&format!("/api/events/{}", e.id))
        .await?;
    ensure!(
        view.seats_left == 18,
        "one family took {} seats",
        20 - view.seats_left
    );
    let mailed: usize = (0..100)
        .map(|n| o.mail.to(&format!("{victim}+{n}@example.fr")).len())
        .sum();
    ensure!(
        mailed <= 2,
        "the mailbox received {mailed} emails for one sign-up"
    );
    // Another client (the first one has spent its hour's calls): three mailboxes hold three
    // live sign-ups at the event, the fourth is refused, saying why.
    let attacker = anonymous(o);
    let mut others = Vec::new();
    for n in 0..4 {
        let email = format!("{}@example.fr", unique(&format!("voisin{n}-")));
        let resp = attacker.post(&path, &family("Voisin", &email, "")).await?;
        others.push(resp.status().as_u16());
        if resp.status().as_u16() == 429 {
            let err: ApiErrorBody = expect_json(resp, 429).await?;
            ensure!(
                err.message.contains("depuis cette connexion"),
                "the refusal says why: {err:?}"
            );
        }
    }
    ensure!(
        others == [201, 201, 201, 429],
        "other mailboxes from one client: {others:?}"
    );
    let _: RegistrationCreated = expect_json(
        anonymous(o)
            .post(
                &path,
                &family(
                    "Famille Ailleurs",
                    &format!("{}@example.fr", unique("ailleurs-")),
                    "",
                ),
            )
            .await?,
        201,
    )
    .await
    .context("another client signs up")?;
    Ok(())
}

/// Names that are formulas come out of the sign-ups' CSV as text, and a phone typed as ten digits
/// keeps its leading 0.
pub async fn exports_are_data_never_formulas(o: &'static Online) -> Result<()> {
    let e = publish(o, &workshop("Atelier (tableur)", 48, 20)).await?;
    let path = format!("/api/events/{}/registrations", e.id);
    let names = [
        "=HYPERLINK(\"http://evil.example\",\"clic\")",
        "=1+1",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(A1:A2)",
    ];
    for name in names {
        let email = format!("{}@example.fr", unique("formule-"));
        let _: RegistrationCreated = expect_json(
            anonymous(o)
                .post(&path, &family(name, &email, "0612345678"))
                .await?,
            201,
        )
        .await?;
    }
    let csv_bytes = staff(o)
        .await?
        .get(&format!("/api/staff/events/{}/registrations.csv", e.id))
        .await?
        .bytes()
        .await?;
    let text = String::from_utf8(csv_bytes.to_vec())?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    ensure!(rows.len() == names.len(), "{} rows: {text}", rows.len());
    for row in &rows {
        let (name, phone) = (
            row.get(0).unwrap_or_default(),
            row.get(2).unwrap_or_default(),
        );
        ensure_each!(
            [name.starts_with('\''), names.contains(&&name[1..])],
            "a name comes out as a formula: {name:?}"
        );
        ensure!(
            phone == "06 12 34 56 78",
            "the phone does not stay text with its 0: {phone:?}"
        );
    }
    Ok(())
}
