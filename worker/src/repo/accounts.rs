//! Members, applications, single-use tokens, payments and club memberships.

use chrono::{DateTime, NaiveDate, Utc};
use domain::accounts::{
    renewal_notice_end, MemberListFilter, MemberListOrder, MembershipStatus, PaymentMethod, Role,
};
use domain::search::{any_starts_with, Query};
use domain::stats::Period;
use domain::wire::{Application, ApplicationStatus, DirectoryEntry, Me, MemberSummary, Payment};
use domain::Lang;
use serde::Deserialize;
use worker::wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};

use super::{all, column, first, parse_date, parse_list, stmt, stored_code, ts, DbResult};

fn int(v: i64) -> JsValue {
    JsValue::from_f64(v as f64)
}

/// The columns every member query reads; clubs as a JSON array of slugs.
const MEMBER_COLUMNS: &str = "m.id, m.email, m.name, m.phone, m.company, m.skills, m.bio, m.in_directory, m.lang, m.role, \
     m.status, m.membership_until, m.created_at, m.password_hash, \
     (SELECT json_group_array(c.slug) FROM member_clubs mc JOIN clubs c ON c.id = mc.club_id WHERE mc.member_id = m.id) AS clubs";

stored_code! {
    /// Whether an account can be used: deactivated by staff, or erased at the member's request.
    pub enum MemberStatus in "members.status" {
        Active = "active",
        Deactivated = "deactivated",
        Deleted = "deleted",
    }
}

column!(fn member_lang: Lang = "members.lang", Lang::parse);
column!(fn member_role: Role = "members.role", Role::parse);
column!(fn member_until: Option<NaiveDate> = "members.membership_until", parse_date);
column!(fn member_skills: Vec<String> = "members.skills", parse_list);
column!(fn member_clubs: Vec<String> = "member_clubs (as a JSON list of slugs)", parse_list);

#[derive(Deserialize, Clone)]
pub struct MemberRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub phone: String,
    pub company: String,
    #[serde(deserialize_with = "member_skills")]
    pub skills: Vec<String>,
    pub bio: String,
    pub in_directory: i64,
    #[serde(deserialize_with = "member_lang")]
    pub lang: Lang,
    #[serde(deserialize_with = "member_role")]
    pub role: Role,
    pub status: MemberStatus,
    #[serde(deserialize_with = "member_until")]
    pub membership_until: Option<NaiveDate>,
    pub created_at: String,
    pub password_hash: Option<String>,
    #[serde(deserialize_with = "member_clubs")]
    pub clubs: Vec<String>,
}

impl MemberRow {
    pub fn until(&self) -> Option<NaiveDate> {
        self.membership_until
    }

    pub fn me(&self, today: NaiveDate) -> Me {
        Me {
            id: self.id,
            email: self.email.clone(),
            name: self.name.clone(),
            role: self.role,
            lang: self.lang,
            membership: MembershipStatus::on(self.until(), today),
            phone: self.phone.clone(),
            company: self.company.clone(),
            skills: self.skills.clone(),
            bio: self.bio.clone(),
            in_directory: self.in_directory == 1,
            clubs: self.clubs.clone(),
        }
    }

    pub fn summary(&self, today: NaiveDate) -> MemberSummary {
        MemberSummary {
            id: self.id,
            name: self.name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            company: self.company.clone(),
            skills: self.skills.clone(),
            clubs: self.clubs.clone(),
            role: self.role,
            membership: MembershipStatus::on(self.until(), today),
            active: self.status == MemberStatus::Active,
        }
    }

    pub fn directory_entry(&self) -> DirectoryEntry {
        DirectoryEntry {
            id: self.id,
            name: self.name.clone(),
            email: self.email.clone(),
            company: self.company.clone(),
            skills: self.skills.clone(),
            bio: self.bio.clone(),
            clubs: self.clubs.clone(),
        }
    }
}

pub async fn member_by_id(db: &D1Database, id: i64) -> DbResult<Option<MemberRow>> {
    let sql =
        format!("SELECT {MEMBER_COLUMNS} FROM members m WHERE m.id = ?1 AND m.status != 'deleted'");
    first(stmt(db, &sql, &[int(id)])?, "the member").await
}

/// A member row even after erasure (staff keep the accounts: an anonymous row with its payments).
pub async fn member_by_id_for_accounts(db: &D1Database, id: i64) -> DbResult<Option<MemberRow>> {
    let sql = format!("SELECT {MEMBER_COLUMNS} FROM members m WHERE m.id = ?1");
    first(stmt(db, &sql, &[int(id)])?, "the member (erased or not)").await
}

pub async fn member_by_email(db: &D1Database, email: &str) -> DbResult<Option<MemberRow>> {
    let sql = format!(
        "SELECT {MEMBER_COLUMNS} FROM members m WHERE m.email = ?1 AND m.status = 'active'"
    );
    first(stmt(db, &sql, &[email.into()])?, "the member by email").await
}

/// Search filters shared by the staff list and the directory.
#[derive(Default, Deserialize)]
pub struct MemberFilter {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub skill: String,
    #[serde(default)]
    pub club: String,
    #[serde(default)]
    pub status: MemberListFilter,
    #[serde(default)]
    pub sort: MemberListOrder,
    /// The period of [`MemberListFilter::Lapsed`], as typed (`from`, `to`): the route reads it
    /// into `lapsed`.
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(skip)]
    pub lapsed: Option<Period>,
}

/// Staff's member list and the directory: text, skill, club and membership status filters.
/// `today` decides who is active or expired; the directory lists only members whose membership is
/// current and who chose to be listed.
///
/// The text and the skill are matched in Rust ([`domain::search`]): folded accents, words in any
/// order, and no pattern handed to SQL `LIKE`, which D1 refuses beyond 50 bytes.
pub async fn search(
    db: &D1Database,
    f: &MemberFilter,
    today: NaiveDate,
    directory_only: bool,
) -> DbResult<Vec<MemberRow>> {
    // ?1 club, ?2 today, ?3 directory only; a filter's own bounds from ?4 on (D1 refuses a value
    // bound to no parameter).
    let mut values = vec![
        f.club.trim().into(),
        super::day(today),
        int(directory_only as i64),
    ];
    let status = match f.status {
        MemberListFilter::All => "1".to_string(),
        MemberListFilter::Active => super::adherent_on("m", "?2"),
        MemberListFilter::EndsSoon => {
            values.push(super::day(renewal_notice_end(today)));
            super::ends_between("m", "?2", "?4")
        }
        MemberListFilter::Expired => "m.status = 'active' AND m.membership_until < ?2".to_string(),
        MemberListFilter::None => "m.status = 'active' AND m.membership_until IS NULL".to_string(),
        MemberListFilter::Deactivated => "m.status = 'deactivated'".to_string(),
        MemberListFilter::Lapsed => {
            let (from, to) = f.lapsed.map_or((today, today), |p| (p.from, p.to));
            values.extend([super::day(from), super::day(to)]);
            super::lapsed_between("m", "?4", "?5")
        }
    };
    let order = match f.sort {
        MemberListOrder::Name => "m.name COLLATE NOCASE",
        MemberListOrder::End => {
            "m.membership_until IS NULL, m.membership_until, m.name COLLATE NOCASE"
        }
    };
    let sql = format!(
        "SELECT {MEMBER_COLUMNS} FROM members m WHERE m.status != 'deleted' \
         AND (?1 = '' OR EXISTS (SELECT 1 FROM member_clubs mc JOIN clubs c ON c.id = mc.club_id WHERE mc.member_id = m.id AND c.slug = ?1)) \
         AND ({status}) \
         AND (?3 = 0 OR (m.in_directory = 1 AND m.status = 'active' AND m.membership_until >= ?2)) \
         ORDER BY {order}"
    );
    let rows: Vec<MemberRow> = all(stmt(db, &sql, &values)?, "the members found").await?;
    let query = Query::parse(&f.q);
    Ok(rows
        .into_iter()
        .filter(|m| {
            let mut fields = vec![
                m.name.as_str(),
                m.email.as_str(),
                m.company.as_str(),
                m.bio.as_str(),
            ];
            fields.extend(m.skills.iter().map(String::as_str));
            query.matches(fields) && any_starts_with(m.skills.iter().map(String::as_str), &f.skill)
        })
        .take(SEARCH_LIMIT)
        .collect())
}

/// The most members one search lists.
const SEARCH_LIMIT: usize = 500;

// ---------------------------------------------------------------- applications

const APPLY: &str = "INSERT INTO applications (email, name, phone, company, skills, motivation, clubs, lang, consent_at, op_nonce) \
     SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 WHERE NOT EXISTS (SELECT 1 FROM members WHERE email = ?1)";
const APPLICATION_COLUMNS: &str =
    "id, email, name, phone, company, skills, motivation, clubs, lang, status, created_at, decline_reason, member_id";

pub struct NewApplication<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub phone: &'a str,
    pub company: &'a str,
    pub skills: &'a [String],
    pub motivation: &'a str,
    pub clubs: &'a [String],
    pub lang: Lang,
}

pub fn apply(
    db: &D1Database,
    a: &NewApplication<'_>,
    now: DateTime<Utc>,
    nonce: &str,
) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        APPLY,
        &[
            a.email.into(),
            a.name.into(),
            a.phone.into(),
            a.company.into(),
            serde_json::to_string(a.skills)
                .unwrap_or_else(|_| "[]".into())
                .into(),
            a.motivation.into(),
            serde_json::to_string(a.clubs)
                .unwrap_or_else(|_| "[]".into())
                .into(),
            a.lang.code().into(),
            ts(now).into(),
            nonce.into(),
        ],
    )
}

column!(fn application_skills: Vec<String> = "applications.skills", parse_list);
column!(fn application_clubs: Vec<String> = "applications.clubs", parse_list);
column!(fn application_lang: Lang = "applications.lang", Lang::parse);
column!(fn application_status: ApplicationStatus = "applications.status", |s: &str| match s {
    "pending" => Some(ApplicationStatus::Pending),
    "approved" => Some(ApplicationStatus::Approved),
    "declined" => Some(ApplicationStatus::Declined),
    _ => None,
});

#[derive(Deserialize)]
pub struct ApplicationRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub phone: String,
    pub company: String,
    #[serde(deserialize_with = "application_skills")]
    pub skills: Vec<String>,
    pub motivation: String,
    #[serde(deserialize_with = "application_clubs")]
    pub clubs: Vec<String>,
    #[serde(deserialize_with = "application_lang")]
    pub lang: Lang,
    #[serde(deserialize_with = "application_status")]
    pub status: ApplicationStatus,
    pub created_at: String,
    pub decline_reason: Option<String>,
    #[expect(
        dead_code,
        reason = "read with the row; the export and staff pages do not need it yet"
    )]
    pub member_id: Option<i64>,
}

impl ApplicationRow {
    pub fn wire(&self) -> Application {
        Application {
            id: self.id,
            name: self.name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            company: self.company.clone(),
            skills: self.skills.clone(),
            motivation: self.motivation.clone(),
            clubs: self.clubs.clone(),
            lang: self.lang,
            status: self.status,
            created_at: self.created_at.clone(),
            decline_reason: self.decline_reason.clone(),
        }
    }
}

pub async fn applications(db: &D1Database, status: &str) -> DbResult<Vec<ApplicationRow>> {
    let sql = format!("SELECT {APPLICATION_COLUMNS} FROM applications WHERE (?1 = '' OR status = ?1) AND email != '' ORDER BY id DESC LIMIT 500");
    all(stmt(db, &sql, &[status.into()])?, "the applications").await
}

pub async fn application(db: &D1Database, id: i64) -> DbResult<Option<ApplicationRow>> {
    let sql =
        format!("SELECT {APPLICATION_COLUMNS} FROM applications WHERE id = ?1 AND email != ''");
    first(stmt(db, &sql, &[int(id)])?, "the application").await
}

pub async fn applications_of(
    db: &D1Database,
    member_id: i64,
    email: &str,
) -> DbResult<Vec<ApplicationRow>> {
    let sql = format!("SELECT {APPLICATION_COLUMNS} FROM applications WHERE member_id = ?1 OR email = ?2 ORDER BY id");
    all(
        stmt(db, &sql, &[int(member_id), email.into()])?,
        "the member's applications",
    )
    .await
}

/// The approval of an application, in the order of its batch. Every statement after the first
/// acts only on the row that carries this request's nonce, so a second approval changes nothing.
pub fn approve(
    db: &D1Database,
    id: i64,
    actor: i64,
    now: DateTime<Utc>,
    nonce: &str,
) -> DbResult<Vec<D1PreparedStatement>> {
    let decided = "UPDATE applications SET status = 'approved', decided_by = ?2, decided_at = ?3, op_nonce = ?4 \
         WHERE id = ?1 AND status = 'pending'";
    let member = "INSERT INTO members (email, name, phone, company, skills, lang) \
         SELECT email, name, phone, company, skills, lang FROM applications WHERE op_nonce = ?1";
    let link = "UPDATE applications SET member_id = (SELECT id FROM members WHERE members.email = applications.email) WHERE op_nonce = ?1";
    let clubs = "INSERT OR IGNORE INTO member_clubs (member_id, club_id) \
         SELECT a.member_id, c.id FROM applications a, json_each(a.clubs) j JOIN clubs c ON c.slug = j.value WHERE a.op_nonce = ?1";
    Ok(vec![
        stmt(
            db,
            decided,
            &[int(id), int(actor), ts(now).into(), nonce.into()],
        )?,
        stmt(db, member, &[nonce.into()])?,
        stmt(db, link, &[nonce.into()])?,
        stmt(db, clubs, &[nonce.into()])?,
    ])
}

pub fn decline(
    db: &D1Database,
    id: i64,
    actor: i64,
    reason: &str,
    now: DateTime<Utc>,
    nonce: &str,
) -> DbResult<D1PreparedStatement> {
    let sql = "UPDATE applications SET status = 'declined', decline_reason = ?2, decided_by = ?3, decided_at = ?4, op_nonce = ?5 \
         WHERE id = ?1 AND status = 'pending'";
    stmt(
        db,
        sql,
        &[
            int(id),
            reason.into(),
            int(actor),
            ts(now).into(),
            nonce.into(),
        ],
    )
}

// ---------------------------------------------------------------- single-use tokens

/// A token for the member created or changed by the application holding `nonce`.
pub fn invitation_token_for_application(
    db: &D1Database,
    hash: &str,
    nonce: &str,
    expires: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    let sql = "INSERT INTO tokens (hash, member_id, purpose, expires_at) \
         SELECT ?1, member_id, 'invitation', ?3 FROM applications WHERE op_nonce = ?2 AND member_id IS NOT NULL";
    stmt(db, sql, &[hash.into(), nonce.into(), ts(expires).into()])
}

pub fn reset_token(
    db: &D1Database,
    hash: &str,
    member_id: i64,
    expires: DateTime<Utc>,
) -> DbResult<D1PreparedStatement> {
    let sql = "INSERT INTO tokens (hash, member_id, purpose, expires_at) VALUES (?1, ?2, 'password_reset', ?3)";
    stmt(db, sql, &[hash.into(), int(member_id), ts(expires).into()])
}

#[derive(Deserialize)]
pub struct TokenRow {
    pub member_id: i64,
}

/// Spend a token: one statement marks it used only if it is unused, unexpired and of this purpose,
/// and says for whom. Two simultaneous uses: one wins, the other gets nothing.
pub async fn spend_token(
    db: &D1Database,
    hash: &str,
    purpose: &str,
    now: DateTime<Utc>,
) -> DbResult<Option<TokenRow>> {
    let sql = "UPDATE tokens SET used_at = ?3 WHERE hash = ?1 AND purpose = ?2 AND used_at IS NULL AND expires_at > ?3 \
         AND member_id IN (SELECT id FROM members WHERE status = 'active') RETURNING member_id";
    first(
        stmt(db, sql, &[hash.into(), purpose.into(), ts(now).into()])?,
        "the token it spent",
    )
    .await
}

/// Whether a token can still be spent (the page that spends it asks first, so a dead link never
/// shows a password form).
pub async fn token_usable(
    db: &D1Database,
    hash: &str,
    purpose: &str,
    now: DateTime<Utc>,
) -> DbResult<bool> {
    let sql = "SELECT member_id FROM tokens WHERE hash = ?1 AND purpose = ?2 AND used_at IS NULL AND expires_at > ?3 \
         AND member_id IN (SELECT id FROM members WHERE status = 'active')";
    let row: Option<TokenRow> = first(
        stmt(db, sql, &[hash.into(), purpose.into(), ts(now).into()])?,
        "whether the token is usable",
    )
    .await?;
    Ok(row.is_some())
}

pub fn set_password(db: &D1Database, member_id: i64, phc: &str) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE members SET password_hash = ?2 WHERE id = ?1 AND status = 'active'",
        &[int(member_id), phc.into()],
    )
}

// ---------------------------------------------------------------- profile and clubs

pub struct ProfileValues<'a> {
    pub name: &'a str,
    pub phone: &'a str,
    pub company: &'a str,
    pub skills: &'a [String],
    pub bio: &'a str,
    pub in_directory: bool,
    pub lang: Lang,
}

pub fn update_profile(
    db: &D1Database,
    member_id: i64,
    p: &ProfileValues<'_>,
) -> DbResult<D1PreparedStatement> {
    let sql = "UPDATE members SET name = ?2, phone = ?3, company = ?4, skills = ?5, bio = ?6, in_directory = ?7, lang = ?8 \
         WHERE id = ?1 AND status = 'active'";
    stmt(
        db,
        sql,
        &[
            int(member_id),
            p.name.into(),
            p.phone.into(),
            p.company.into(),
            serde_json::to_string(p.skills)
                .unwrap_or_else(|_| "[]".into())
                .into(),
            p.bio.into(),
            int(p.in_directory as i64),
            p.lang.code().into(),
        ],
    )
}

pub fn join_club(db: &D1Database, member_id: i64, slug: &str) -> DbResult<D1PreparedStatement> {
    let sql = "INSERT OR IGNORE INTO member_clubs (member_id, club_id) SELECT ?1, id FROM clubs WHERE slug = ?2 AND active = 1";
    stmt(db, sql, &[int(member_id), slug.into()])
}

pub fn leave_club(db: &D1Database, member_id: i64, slug: &str) -> DbResult<D1PreparedStatement> {
    let sql = "DELETE FROM member_clubs WHERE member_id = ?1 AND club_id = (SELECT id FROM clubs WHERE slug = ?2)";
    stmt(db, sql, &[int(member_id), slug.into()])
}

pub async fn club_exists(db: &D1Database, slug: &str) -> DbResult<bool> {
    #[derive(Deserialize)]
    struct N {
        n: i64,
    }
    let row: Option<N> = first(
        stmt(
            db,
            "SELECT COUNT(*) AS n FROM clubs WHERE slug = ?1 AND active = 1",
            &[slug.into()],
        )?,
        "whether the club exists",
    )
    .await?;
    Ok(row.is_some_and(|r| r.n > 0))
}

pub async fn club_slugs(db: &D1Database) -> DbResult<Vec<String>> {
    #[derive(Deserialize)]
    struct S {
        slug: String,
    }
    Ok(all::<S>(
        db.prepare("SELECT slug FROM clubs WHERE active = 1"),
        "the clubs",
    )
    .await?
    .into_iter()
    .map(|s| s.slug)
    .collect())
}

// ---------------------------------------------------------------- staff actions

/// Record a payment and extend the membership, as compare-and-swap on the current end date: if
/// another payment changed it in between, nothing is written (the caller answers 409).
/// A yearly fee as staff record it.
pub struct NewPayment {
    pub member_id: i64,
    /// The membership's end date the request saw (compared, not trusted).
    pub previous_until: Option<NaiveDate>,
    pub amount_cents: i64,
    pub paid_on: NaiveDate,
    pub method: PaymentMethod,
    pub period: (NaiveDate, NaiveDate),
    pub recorded_by: i64,
}

pub fn record_payment(db: &D1Database, p: &NewPayment) -> DbResult<Vec<D1PreparedStatement>> {
    let NewPayment {
        member_id,
        previous_until,
        amount_cents,
        paid_on,
        method,
        period,
        recorded_by: actor,
    } = *p;
    let day = super::day;
    let previous = previous_until.map(day).unwrap_or(JsValue::NULL);
    let extend = "UPDATE members SET membership_until = ?2 WHERE id = ?1 AND status = 'active' AND membership_until IS ?3";
    // changes() is the number of rows the UPDATE just before changed: no extension, no payment.
    let pay = "INSERT INTO payments (member_id, amount_cents, paid_on, method, period_start, period_end, recorded_by) \
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE changes() = 1";
    Ok(vec![
        stmt(db, extend, &[int(member_id), day(period.1), previous])?,
        stmt(
            db,
            pay,
            &[
                int(member_id),
                int(amount_cents),
                day(paid_on),
                method.as_str().into(),
                day(period.0),
                day(period.1),
                int(actor),
            ],
        )?,
    ])
}

column!(fn payment_date: NaiveDate = "payments.paid_on/period_start/period_end", parse_date);
column!(fn payment_method: PaymentMethod = "payments.method", PaymentMethod::parse);

#[derive(Deserialize)]
struct PaymentRow {
    id: i64,
    amount_cents: i64,
    #[serde(deserialize_with = "payment_date")]
    paid_on: NaiveDate,
    #[serde(deserialize_with = "payment_method")]
    method: PaymentMethod,
    #[serde(deserialize_with = "payment_date")]
    period_start: NaiveDate,
    #[serde(deserialize_with = "payment_date")]
    period_end: NaiveDate,
    /// The name of who recorded it; NULL for a fee recorded without one (imported history).
    recorded_by: Option<String>,
}

pub async fn payments(db: &D1Database, member_id: i64) -> DbResult<Vec<Payment>> {
    let sql = "SELECT p.id, p.amount_cents, p.paid_on, p.method, p.period_start, p.period_end, r.name AS recorded_by \
         FROM payments p LEFT JOIN members r ON r.id = p.recorded_by WHERE p.member_id = ?1 ORDER BY p.paid_on, p.id";
    Ok(
        all::<PaymentRow>(stmt(db, sql, &[int(member_id)])?, "the member's payments")
            .await?
            .into_iter()
            .map(|p| Payment {
                id: p.id,
                amount_cents: p.amount_cents,
                paid_on: p.paid_on,
                method: p.method,
                period_start: p.period_start,
                period_end: p.period_end,
                // The wire says "nobody named" with an empty name.
                recorded_by: p.recorded_by.unwrap_or_default(),
            })
            .collect(),
    )
}

pub fn deactivate(db: &D1Database, member_id: i64) -> DbResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE members SET status = 'deactivated' WHERE id = ?1 AND status = 'active'",
        &[int(member_id)],
    )
}

/// Change a role, but never leave the association without an active administrator.
pub fn set_role(db: &D1Database, member_id: i64, role: Role) -> DbResult<D1PreparedStatement> {
    let sql = "UPDATE members SET role = ?2 WHERE id = ?1 AND status = 'active' \
         AND NOT (role = 'admin' AND ?2 != 'admin' AND (SELECT COUNT(*) FROM members WHERE role = 'admin' AND status = 'active') <= 1)";
    stmt(db, sql, &[int(member_id), role.as_str().into()])
}

/// Erase a member's personal data. What the association must keep for its accounts (payments)
/// stays, attached to a row that no longer says who it was.
pub fn erase(db: &D1Database, member_id: i64, email: &str) -> DbResult<Vec<D1PreparedStatement>> {
    let id = || int(member_id);
    Ok(vec![
        stmt(
            db,
            "UPDATE members SET email = 'deleted-' || id || '@invalid', name = '', phone = '', company = '', skills = '[]', \
             bio = '', in_directory = 0, status = 'deleted', password_hash = NULL WHERE id = ?1",
            &[id()],
        )?,
        stmt(db, "DELETE FROM sessions WHERE member_id = ?1", &[id()])?,
        stmt(db, "DELETE FROM tokens WHERE member_id = ?1", &[id()])?,
        stmt(db, "DELETE FROM member_clubs WHERE member_id = ?1", &[id()])?,
        stmt(
            db,
            "UPDATE applications SET email = '', name = '', phone = '', company = '', skills = '[]', motivation = '', clubs = '[]' \
             WHERE member_id = ?1 OR email = ?2",
            &[id(), email.into()],
        )?,
        stmt(db, "DELETE FROM login_attempts WHERE email = ?1", &[email.into()])?,
        stmt(db, "DELETE FROM known_devices WHERE member_id = ?1", &[id()])?,
    ]
    .into_iter()
    // Their unsent emails go; the sent ones keep only that they were sent.
    .chain(super::outbox::erase_member(db, member_id, email)?)
    .collect())
}

// ---------------------------------------------------------------- renewal reminders

/// Active members whose membership ends within the reminder windows around `today`.
pub async fn renewal_candidates(
    db: &D1Database,
    from: NaiveDate,
    to: NaiveDate,
) -> DbResult<Vec<MemberRow>> {
    let sql = format!(
        "SELECT {MEMBER_COLUMNS} FROM members m WHERE m.status = 'active' AND m.membership_until BETWEEN ?1 AND ?2"
    );
    all(
        stmt(
            db,
            &sql,
            &[
                from.format("%Y-%m-%d").to_string().into(),
                to.format("%Y-%m-%d").to_string().into(),
            ],
        )?,
        "the members due a renewal reminder",
    )
    .await
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::repo::test_rows::{assert_refused, read};

    fn member() -> Value {
        json!({
            "id": 3, "email": "anne@example.org", "name": "Anne", "phone": "", "company": "",
            "skills": "[\"rust\"]", "bio": "", "in_directory": 1, "lang": "en", "role": "staff",
            "status": "active", "membership_until": null, "created_at": "2026-01-05T10:00:00Z",
            "password_hash": null, "clubs": "[\"python\"]",
        })
    }

    #[test]
    fn a_member_row_is_read_into_its_role_status_language_and_lists() {
        let m: MemberRow = read(&member(), &[]).expect("a stored member");
        assert_eq!(m.role, Role::Staff);
        assert_eq!(m.status, MemberStatus::Active);
        assert_eq!(m.lang, Lang::En);
        assert_eq!(m.skills, ["rust"]);
        assert_eq!(m.clubs, ["python"]);
        assert_eq!(m.until(), None, "no membership yet is NULL, not a date");
    }

    #[test]
    fn an_unknown_stored_member_value_is_an_error_never_a_member_or_french() {
        assert_refused::<MemberRow>(
            &member(),
            &[
                ("role", "members.role", json!("owner")),
                ("status", "members.status", json!("suspended")),
                ("lang", "members.lang", json!("br")),
                ("skills", "members.skills", json!("rust, go")),
                (
                    "membership_until",
                    "members.membership_until",
                    json!("next year"),
                ),
            ],
        );
    }

    #[test]
    fn an_unknown_application_status_or_payment_method_is_an_error() {
        let application = json!({
            "id": 1, "email": "a@example.org", "name": "A", "phone": "", "company": "",
            "skills": "[]", "motivation": "", "clubs": "[]", "lang": "fr", "status": "pending",
            "created_at": "2026-01-05T10:00:00Z", "decline_reason": null, "member_id": null,
        });
        assert_refused::<ApplicationRow>(
            &application,
            &[("status", "applications.status", json!("maybe"))],
        );
        let payment = json!({
            "id": 1, "amount_cents": 3000, "paid_on": "2026-01-05", "method": "cash",
            "period_start": "2026-01-05", "period_end": "2027-01-04", "recorded_by": null,
        });
        assert_refused::<PaymentRow>(
            &payment,
            &[
                ("method", "payments.method", json!("bitcoin")),
                ("paid_on", "payments.paid_on", json!("05/01/2026")),
            ],
        );
    }
}
