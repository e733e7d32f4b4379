//! SQL, as constants, with typed rows. Every value is bound, never formatted into SQL.

use worker::D1Database;

pub mod site;

const PING: &str = "SELECT 1 AS ok";

#[derive(serde::Deserialize)]
struct Ping {
    ok: i64,
}

/// Is the database there and answering?
pub async fn ping(db: &D1Database) -> worker::Result<()> {
    let row: Option<Ping> = db.prepare(PING).first(None).await?;
    match row {
        Some(Ping { ok: 1 }) => Ok(()),
        _ => Err(worker::Error::RustError("the database did not answer SELECT 1".into())),
    }
}
