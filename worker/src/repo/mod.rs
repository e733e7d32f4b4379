//! SQL, as constants, with typed rows. Every value is bound, never formatted into SQL. Writes that
//! must happen together are one `batch` (one transaction); a write that depends on the current
//! state says so in its own `WHERE`, never in a read made before it.
//!
//! Every function says what it was doing when D1 fails (`DbResult`'s error is an internal
//! `ApiError` whose detail starts with it), so that its callers need not: a 500 in the log names
//! its cause. A statement that is prepared here and run in a caller's batch is named by its SQL;
//! the batch itself is run with [`batch`], which names the operation.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use domain::time::LocalDateTime;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use worker::{D1Database, D1PreparedStatement, D1Result};

use crate::error::{ApiError, Context};

pub mod accounts;
pub mod assemblies;
pub mod audit;
pub mod bookings;
pub mod consultations;
pub mod events;
pub mod limits;
pub mod outbox;
pub mod rentals;
pub mod sessions;
pub mod settings;
pub mod site;
pub mod stats;
pub mod versioned;

/// What the repo answers: the rows, or an internal error saying which step failed.
pub type DbResult<T> = Result<T, ApiError>;

const PING: &str = "SELECT 1 AS ok";

#[derive(serde::Deserialize)]
struct Ping {
    ok: i64,
}

/// Is the database there and answering?
pub async fn ping(db: &D1Database) -> DbResult<()> {
    let row: Option<Ping> = first(db.prepare(PING), "checking the database").await?;
    match row {
        Some(Ping { ok: 1 }) => Ok(()),
        _ => Err(ApiError::Internal(
            "the database did not answer SELECT 1".into(),
        )),
    }
}

/// Whether the account `m` is an *adhérent* on the day bound at `day`: a person whose fee covers
/// that day, staff accounts aside. An account staff closed still counts until its fee ends (the
/// fee was paid; past periods keep their figures); an erased one no longer does. The one
/// definition the home page's count, the statistics, the report and the staff's list all use
/// ([`domain::accounts::MemberListFilter::Active`]).
pub fn adherent_on(m: &str, day: &str) -> String {
    format!(
        "({m}.role = 'member' AND {m}.status <> 'deleted' AND EXISTS (SELECT 1 FROM payments fee \
         WHERE fee.member_id = {m}.id AND fee.period_start <= {day} AND fee.period_end >= {day}))"
    )
}

/// Whether the account `m` let a fee run out between the days bound at `from` and `to` without
/// paying a later one by `to`: the statistics' "renewals due", and the staff's list of who they
/// are ([`domain::accounts::MemberListFilter::Lapsed`]).
pub fn lapsed_between(m: &str, from: &str, to: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM payments p WHERE p.member_id = {m}.id AND p.period_end BETWEEN {from} AND {to} \
         AND NOT EXISTS (SELECT 1 FROM payments q WHERE q.member_id = p.member_id \
                         AND q.period_end > p.period_end AND q.paid_on <= {to}))"
    )
}

/// Whether the open account `m`'s fee ends between the days bound at `today` and `last`: who must
/// renew soon (the dashboard's count and the staff's list,
/// [`domain::accounts::MemberListFilter::EndsSoon`]).
pub fn ends_between(m: &str, today: &str, last: &str) -> String {
    format!("({m}.status = 'active' AND {m}.membership_until BETWEEN {today} AND {last})")
}

/// A Paris date as it is stored and bound: `YYYY-MM-DD`.
pub fn day(d: NaiveDate) -> worker::wasm_bindgen::JsValue {
    worker::wasm_bindgen::JsValue::from_str(&d.format("%Y-%m-%d").to_string())
}

/// Instants are stored as UTC RFC 3339 text with a fixed width, so they sort as text.
pub fn ts(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// The first words of a statement, to name it in an error.
fn head(sql: &str) -> String {
    sql.split_whitespace().take(6).collect::<Vec<_>>().join(" ")
}

/// A statement with bound values (a failure names the statement).
pub fn stmt(
    db: &D1Database,
    sql: &str,
    values: &[worker::wasm_bindgen::JsValue],
) -> DbResult<D1PreparedStatement> {
    db.prepare(sql)
        .bind(values)
        .context(&format!("binding the values of `{} …`", head(sql)))
}

/// How many rows a write changed.
pub fn changes(result: &D1Result) -> usize {
    result
        .meta()
        .ok()
        .flatten()
        .and_then(|m| m.changes)
        .unwrap_or(0)
}

/// Every row `s` reads; `what` says what they are, for the log when it fails.
pub async fn all<T: DeserializeOwned>(s: D1PreparedStatement, what: &str) -> DbResult<Vec<T>> {
    s.all()
        .await
        .and_then(|r| r.results())
        .context(&format!("reading {what}"))
}

/// The first row `s` reads, if any.
pub async fn first<T: DeserializeOwned>(s: D1PreparedStatement, what: &str) -> DbResult<Option<T>> {
    s.first(None).await.context(&format!("reading {what}"))
}

/// Run one write on its own; `what` names it.
pub async fn run(s: D1PreparedStatement, what: &str) -> DbResult<D1Result> {
    s.run().await.context(what)
}

/// Run statements as one transaction; `what` names the operation. A UNIQUE constraint that fails
/// is told apart by [`is_unique_violation`].
pub async fn batch(
    db: &D1Database,
    statements: Vec<D1PreparedStatement>,
    what: &str,
) -> DbResult<Vec<D1Result>> {
    db.batch(statements).await.context(what)
}

/// The rows of the `i`-th result of a batch.
pub fn results_of<T: DeserializeOwned>(
    results: &[D1Result],
    i: usize,
    what: &str,
) -> DbResult<Vec<T>> {
    results
        .get(i)
        .ok_or_else(|| ApiError::Internal(format!("reading {what}: the batch has no result {i}")))?
        .results()
        .context(&format!("reading {what}"))
}

/// A stored value this version of the code does not know: an error naming the column and the
/// value, so that the log says what is in the database (never read as some default).
pub fn unknown(column: &str, value: &str) -> worker::Error {
    worker::Error::RustError(format!(
        "{column} holds {value:?}, which this version does not know"
    ))
}

/// Did this write fail on a UNIQUE constraint? (Used to turn races into clear 409s.)
pub fn is_unique_violation(e: &ApiError) -> bool {
    matches!(e, ApiError::Internal(detail) if detail.contains("UNIQUE constraint failed"))
}

/// A stored column read with `parse`; a value it does not know is an error naming the column.
pub fn known<'de, D: Deserializer<'de>, T>(
    d: D,
    column: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T, D::Error> {
    let s = String::deserialize(d)?;
    parse(&s).ok_or_else(|| serde::de::Error::custom(unknown(column, &s)))
}

/// The same for a column that may be NULL: NULL is `None`, an unknown value still an error.
pub fn known_or_null<'de, D: Deserializer<'de>, T>(
    d: D,
    column: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => parse(&s)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(unknown(column, &s))),
    }
}

/// A stored whole number that must fit `T` (a capacity, a count of people): out of range is an
/// error naming the column, never read as zero.
pub fn known_number<'de, D: Deserializer<'de>, T: TryFrom<i64>>(
    d: D,
    column: &str,
) -> Result<T, D::Error> {
    let n = i64::deserialize(d)?;
    T::try_from(n).map_err(|_| serde::de::Error::custom(unknown(column, &n.to_string())))
}

/// `column!(fn name: Type = "table.column", parse)`: a `deserialize_with` function that reads the
/// column with `parse` (an `Option`-returning parser) and names the column when it fails.
/// `column!(fn name: Option<Type> = …)` does the same for a column that may be NULL, and
/// `column!(fn name: number u32 = "table.column")` reads a whole number that must fit the type.
/// A visibility before `fn` (`column!(pub(super) fn …)`) lets a sibling module read the same column.
macro_rules! column {
    ($vis:vis fn $name:ident: number $t:ty = $column:literal) => {
        $vis fn $name<'de, D: serde::Deserializer<'de>>(d: D) -> ::std::result::Result<$t, D::Error> {
            $crate::repo::known_number(d, $column)
        }
    };
    ($vis:vis fn $name:ident: Option<$t:ty> = $column:literal, $parse:expr) => {
        $vis fn $name<'de, D: serde::Deserializer<'de>>(
            d: D,
        ) -> ::std::result::Result<Option<$t>, D::Error> {
            $crate::repo::known_or_null(d, $column, $parse)
        }
    };
    ($vis:vis fn $name:ident: $t:ty = $column:literal, $parse:expr) => {
        $vis fn $name<'de, D: serde::Deserializer<'de>>(d: D) -> ::std::result::Result<$t, D::Error> {
            $crate::repo::known(d, $column, $parse)
        }
    };
}
pub(crate) use column;

/// A code stored in one column (a status, a kind): the enum, its text, and its reading from a row,
/// where a value this version does not know is an error naming the column.
macro_rules! stored_code {
    ($(#[$meta:meta])* pub enum $name:ident in $column:literal { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
        #[serde(try_from = "String")]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            // `allow`, not `expect`: the text of some codes is written by their SQL, not read.
            #[allow(dead_code, reason = "not every code's text is used outside its SQL")]
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl TryFrom<String> for $name {
            type Error = worker::Error;
            fn try_from(s: String) -> worker::Result<Self> {
                match s.as_str() {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::repo::unknown($column, &s)),
                }
            }
        }
    };
}
pub(crate) use stored_code;

/// A date stored as `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// An instant stored as RFC 3339 text (see [`ts`]).
pub fn parse_instant(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// A Paris wall-clock time stored as `YYYY-MM-DDTHH:MM`.
pub fn parse_local(s: &str) -> Option<NaiveDateTime> {
    LocalDateTime::parse(s).ok().map(|t| t.0)
}

/// A JSON array of strings stored in a TEXT column.
pub fn parse_list(s: &str) -> Option<Vec<String>> {
    serde_json::from_str(s).ok()
}

/// Reading rows as D1 hands them over (JSON-like values), for the typed rows' tests.
#[cfg(test)]
pub mod test_rows {
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    /// The row `base` with some columns changed, read into `T`.
    pub fn read<T: DeserializeOwned>(base: &Value, change: &[(&str, Value)]) -> Result<T, String> {
        let mut row = base.clone();
        for (column, value) in change {
            row[*column] = value.clone();
        }
        serde_json::from_value(row).map_err(|e| e.to_string())
    }

    /// Each `(column, name, value)`: storing `value` in `column` of `base` makes reading the row
    /// an error that names the column (`name`, as `table.column`) and the value.
    pub fn assert_refused<T: DeserializeOwned>(base: &Value, cases: &[(&str, &str, Value)]) {
        for (column, name, value) in cases {
            let shown = value.to_string();
            let shown = shown.trim_matches('"');
            let err = read::<T>(base, &[(column, value.clone())])
                .err()
                .unwrap_or_else(|| panic!("{column} = {value} was read as something"));
            assert!(
                err.contains(name) && err.contains(shown),
                "the error should name {name} and {shown:?}: {err}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    stored_code! {
        pub enum Colour in "paint.colour" { Red = "red", Blue = "blue" }
    }

    column!(fn day: chrono::NaiveDate = "paint.day", super::parse_date);
    column!(fn coats: number u32 = "paint.coats");
    column!(fn dried: Option<chrono::DateTime<chrono::Utc>> = "paint.dried_at", super::parse_instant);

    #[derive(Deserialize, Debug)]
    struct Row {
        colour: Colour,
        #[serde(deserialize_with = "day")]
        day: chrono::NaiveDate,
        #[serde(deserialize_with = "dried")]
        dried_at: Option<chrono::DateTime<chrono::Utc>>,
        #[serde(deserialize_with = "coats")]
        coats: u32,
    }

    fn paint() -> serde_json::Value {
        serde_json::json!({ "colour": "blue", "day": "2026-03-29", "dried_at": null, "coats": 2 })
    }

    #[test]
    fn a_failed_step_says_what_it_was_doing_and_a_unique_violation_is_still_recognised() {
        use crate::error::{ApiError, Context};
        let failed: super::DbResult<()> = Err(worker::Error::RustError(
            "D1_ERROR: UNIQUE constraint failed: bookings.idempotency_key".into(),
        ))
        .context("booking");
        let e = failed.expect_err("a failed write");
        assert!(
            matches!(&e, ApiError::Internal(d) if d.starts_with("booking: D1_ERROR")),
            "the log should name the step first: {e:?}"
        );
        assert!(super::is_unique_violation(&e));
        assert!(!super::is_unique_violation(&ApiError::NotFound));
    }

    #[test]
    fn known_values_are_read_and_null_stays_none() {
        let r: Row = super::test_rows::read(&paint(), &[]).expect("a known row");
        assert_eq!(r.colour, Colour::Blue);
        assert_eq!(r.colour.as_str(), "blue");
        assert_eq!(r.day.to_string(), "2026-03-29");
        assert_eq!(r.coats, 2);
        assert!(r.dried_at.is_none(), "NULL is no value, not a default");
        let dried = [("dried_at", "2026-03-29T10:00:00.000Z".into())];
        let r: Row = super::test_rows::read(&paint(), &dried).expect("a dried row");
        assert_eq!(
            r.dried_at.map(|t| t.to_rfc3339()).as_deref(),
            Some("2026-03-29T10:00:00+00:00")
        );
    }

    #[test]
    fn an_unknown_stored_value_is_an_error_naming_the_column_and_the_value() {
        super::test_rows::assert_refused::<Row>(
            &paint(),
            &[
                ("colour", "paint.colour", "green".into()),
                ("day", "paint.day", "29/03/2026".into()),
                ("dried_at", "paint.dried_at", "yesterday".into()),
                ("coats", "paint.coats", (-1).into()),
            ],
        );
    }
}
