//! The audit log as staff read it: each entry one sentence in their language ("Ludovic Fougère a
//! bloqué « Salle de réunion » le vendredi 11 décembre 2026, 13:00–18:00 : travaux."), built from
//! the stored action, its details and the name of what it is about.

use chrono::{NaiveDate, NaiveDateTime};
use domain::i18n::{fill, format_date_long, format_euros, weekday_name};
use domain::wire::AuditEntry;
use domain::{ApiMsg, Lang, Localized};
use serde_json::Value;

use crate::repo::audit::AuditRow;

fn local(v: &Value) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(v.as_str()?, "%Y-%m-%dT%H:%M").ok()
}

fn date(v: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()
}

/// "le vendredi 11 décembre 2026, 13:00–18:00", or "du … au …" over several days.
fn when(start: Option<NaiveDateTime>, end: Option<NaiveDateTime>, lang: Lang) -> String {
    match (start, end) {
        (Some(s), Some(e)) if s.date() == e.date() => fill(
            ApiMsg::AuditOnDay.text(lang),
            &[
                ("date", &format_date_long(s.date(), lang)),
                ("from", &s.format("%H:%M").to_string()),
                ("to", &e.format("%H:%M").to_string()),
            ],
        ),
        (Some(s), Some(e)) => fill(
            ApiMsg::AuditFromTo.text(lang),
            &[
                (
                    "from",
                    &format!(
                        "{}, {}",
                        format_date_long(s.date(), lang),
                        s.format("%H:%M")
                    ),
                ),
                (
                    "to",
                    &format!(
                        "{}, {}",
                        format_date_long(e.date(), lang),
                        e.format("%H:%M")
                    ),
                ),
            ],
        ),
        _ => String::new(),
    }
}

fn setting_name(key: &str) -> ApiMsg {
    match key {
        "opening_hours" => ApiMsg::SettingNameHours,
        "booking_rules" => ApiMsg::SettingNameRules,
        "room_rates" => ApiMsg::SettingNameRates,
        "yearly_budget_cents" => ApiMsg::SettingNameBudget,
        "legal_identity" => ApiMsg::SettingNameLegal,
        "membership_fee_cents" => ApiMsg::SettingNameFee,
        "rental_target_cents" => ApiMsg::SettingNameTarget,
        "event_reminder_hours" => ApiMsg::SettingNameReminder,
        "children_retention_days" => ApiMsg::SettingNameRetention,
        "consultation_retention_days" => ApiMsg::SettingNameConsultationRetention,
        _ => ApiMsg::SettingNameOther,
    }
}

/// A setting's value in words ("adhérents 30,00 € / 50,00 €, autres …"), for the journal's
/// "before → after"; what does not read as the setting's shape is said as "—".
fn setting_value(key: &str, v: &Value, lang: Lang) -> String {
    let euros = |c: &Value| c.as_i64().map(|c| format_euros(c, lang));
    let number = |n: &Value| n.as_u64().map(|n| n.to_string());
    let words = match key {
        "yearly_budget_cents" | "membership_fee_cents" | "rental_target_cents" => euros(v),
        "event_reminder_hours" => number(v).map(|n| format!("{n} h")),
        "children_retention_days" | "consultation_retention_days" => {
            number(v).map(|n| fill(ApiMsg::AuditDays.text(lang), &[("n", &n)]))
        }
        "room_rates" => (|| {
            let (mh, md) = (
                euros(&v["member_half_day_cents"])?,
                euros(&v["member_day_cents"])?,
            );
            let (oh, od) = (
                euros(&v["non_member_half_day_cents"])?,
                euros(&v["non_member_day_cents"])?,
            );
            Some(fill(
                ApiMsg::AuditRatesValue.text(lang),
                &[("mh", &mh), ("md", &md), ("oh", &oh), ("od", &od)],
            ))
        })(),
        "booking_rules" => (|| {
            let quota = v["room_weekly_quota_minutes"].as_u64()?;
            Some(fill(
                ApiMsg::AuditRulesValue.text(lang),
                &[
                    ("horizon", &number(&v["horizon_days"])?),
                    ("quota", &domain::i18n::hours_minutes(quota as u32)),
                    ("notice", &number(&v["room_cancel_notice_hours"])?),
                ],
            ))
        })(),
        "opening_hours" => v.as_array().map(|days| {
            let open: Vec<String> = days
                .iter()
                .filter_map(|d| {
                    let n = u8::try_from(d["weekday"].as_u64()?).ok()?;
                    let w = chrono::Weekday::try_from(n.checked_sub(1)?).ok()?;
                    Some(format!(
                        "{} {}–{}",
                        weekday_name(w, lang),
                        d["open"].as_str()?,
                        d["close"].as_str()?
                    ))
                })
                .collect();
            open.join(", ")
        }),
        "legal_identity" => (|| {
            let id: domain::settings::LegalIdentity = serde_json::from_value(v.clone()).ok()?;
            let parts: Vec<String> = [("RNA", id.rna), ("SIRET", id.siret), ("IBAN", id.iban)]
                .into_iter()
                .filter(|(_, value)| !value.is_empty())
                .map(|(name, value)| format!("{name} {value}"))
                .collect();
            Some(parts.join(", "))
        })(),
        _ => None,
    };
    words
        .filter(|w| !w.is_empty())
        .unwrap_or_else(|| "—".to_string())
}

fn method_name(method: &str) -> ApiMsg {
    match method {
        "cash" => ApiMsg::MethodCash,
        "cheque" => ApiMsg::MethodCheque,
        "transfer" => ApiMsg::MethodTransfer,
        "card" => ApiMsg::MethodCard,
        _ => ApiMsg::SettingNameOther,
    }
}

fn role_name(role: &str) -> ApiMsg {
    match role {
        "admin" => ApiMsg::RoleAdmin,
        "staff" => ApiMsg::RoleStaff,
        _ => ApiMsg::RoleMember,
    }
}

/// One entry as a sentence in `lang`.
pub fn sentence(row: &AuditRow, lang: Lang) -> String {
    let details: Value = serde_json::from_str(&row.details).unwrap_or(Value::Null);
    let text = |key: &str| {
        details
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let target = match lang {
        Lang::Fr => &row.target_fr,
        Lang::En => &row.target_en,
    };
    let target = if target.is_empty() {
        ApiMsg::AuditSomeone.text(lang).to_string()
    } else {
        target.clone()
    };
    // A date held in the details, written out.
    let long_date = |key: &str| {
        date(&text(key))
            .map(|d| format_date_long(d, lang))
            .unwrap_or_default()
    };
    let span = || when(local(&details["start"]), local(&details["end"]), lang);
    let day = || {
        date(&row.target_id)
            .map(|d| format_date_long(d, lang))
            .unwrap_or_default()
    };
    let (template, words): (ApiMsg, Vec<(&str, String)>) = match row.action.as_str() {
        "application.approve" => (ApiMsg::AuditApprove, vec![]),
        "application.decline" => (ApiMsg::AuditDecline, vec![("reason", text("reason"))]),
        "rental.approve" => (ApiMsg::AuditRentalApprove, vec![]),
        "event.create" => (ApiMsg::AuditEventCreate, vec![("title", text("title"))]),
        "event.update" => (ApiMsg::AuditEventUpdate, vec![("title", text("title"))]),
        "event.cancel" => (ApiMsg::AuditEventCancel, vec![("title", text("title"))]),
        "registration.cancel" => (
            ApiMsg::AuditSignupCancel,
            vec![
                ("title", text("title")),
                (
                    "seats",
                    super::events::seats_words(
                        details["seats"]
                            .as_u64()
                            .and_then(|n| u32::try_from(n).ok())
                            .unwrap_or_default(),
                        lang,
                    ),
                ),
            ],
        ),
        "club.rule" => (
            ApiMsg::AuditClubRule,
            vec![("club", row.target_id.clone()), ("rule", text("rule"))],
        ),
        "rental.decline" => (ApiMsg::AuditRentalDecline, vec![("reason", text("reason"))]),
        "booking.on_behalf" => (ApiMsg::AuditOnBehalf, vec![("when", span())]),
        "booking.check_in" => (ApiMsg::AuditCheckIn, vec![]),
        "booking.undo_check_in" => (ApiMsg::AuditUndoCheckIn, vec![]),
        "booking.no_show" => (ApiMsg::AuditNoShow, vec![]),
        "booking.cancel" => (ApiMsg::AuditCancel, vec![]),
        "resource.block" => (
            ApiMsg::AuditBlock,
            vec![("when", span()), ("reason", text("reason"))],
        ),
        "resource.unblock" => (ApiMsg::AuditUnblock, vec![("when", span())]),
        "member.payment" => (
            ApiMsg::AuditPayment,
            vec![
                (
                    "amount",
                    format_euros(details["amount_cents"].as_i64().unwrap_or_default(), lang),
                ),
                (
                    "method",
                    method_name(&text("method")).text(lang).to_string(),
                ),
                ("until", long_date("until")),
            ],
        ),
        "member.role" => (
            ApiMsg::AuditRole,
            vec![("role", role_name(&text("role")).text(lang).to_string())],
        ),
        "member.deactivate" => (ApiMsg::AuditDeactivate, vec![]),
        "closure.add" => (
            ApiMsg::AuditClosureAdd,
            vec![("date", day()), ("reason", text("reason"))],
        ),
        "closure.remove" => (ApiMsg::AuditClosureRemove, vec![("date", day())]),
        // Since the journal keeps both values, it says what changed; older entries only name it.
        "setting.change" if details.get("before").is_some() => (
            ApiMsg::AuditSettingChange,
            vec![
                (
                    "setting",
                    setting_name(&row.target_id).text(lang).to_string(),
                ),
                (
                    "before",
                    setting_value(&row.target_id, &details["before"], lang),
                ),
                (
                    "after",
                    setting_value(&row.target_id, &details["after"], lang),
                ),
            ],
        ),
        "setting.change" => (
            ApiMsg::AuditSetting,
            vec![(
                "setting",
                setting_name(&row.target_id).text(lang).to_string(),
            )],
        ),
        "report.text" => (
            ApiMsg::AuditReportText,
            vec![("from", long_date("from")), ("to", long_date("to"))],
        ),
        "consultation.assign" => (
            ApiMsg::AuditConsultationAssign,
            vec![("id", row.target_id.clone()), ("member", text("member"))],
        ),
        "consultation.accept" => (
            ApiMsg::AuditConsultationAccept,
            vec![("id", row.target_id.clone())],
        ),
        "consultation.give_back" => (
            ApiMsg::AuditConsultationGiveBack,
            vec![("id", row.target_id.clone()), ("reason", text("reason"))],
        ),
        "consultation.schedule" => (
            ApiMsg::AuditConsultationSchedule,
            vec![("id", row.target_id.clone()), ("when", span())],
        ),
        "consultation.unsuitable" => (
            ApiMsg::AuditConsultationUnsuitable,
            vec![("id", row.target_id.clone())],
        ),
        "consultation.close" if text("outcome") == "declined" => (
            ApiMsg::AuditConsultationDeclined,
            vec![("id", row.target_id.clone())],
        ),
        "consultation.close" => (
            ApiMsg::AuditConsultationDone,
            vec![("id", row.target_id.clone())],
        ),
        "consultation.erase" => (
            ApiMsg::AuditConsultationErase,
            vec![("id", row.target_id.clone())],
        ),
        "consultation_topic.save" => (ApiMsg::AuditTopicSave, vec![("label", text("label"))]),
        "library.create" => (ApiMsg::AuditLibraryCreate, vec![("title", text("title"))]),
        "library.update" => (ApiMsg::AuditLibraryUpdate, vec![("title", text("title"))]),
        other => (ApiMsg::AuditOther, vec![("action", other.to_string())]),
    };
    let mut args: Vec<(&str, &str)> = vec![("actor", &row.actor_label), ("target", &target)];
    args.extend(words.iter().map(|(k, v)| (*k, v.as_str())));
    let out = fill(template.text(lang), &args);
    // An empty reason leaves " : ." behind, and a reason that ends with its own full stop "..":
    // tidy both rather than carry a template per case.
    let mut out = out
        .replace(" : .", ".")
        .replace(": .", ".")
        .replace(" .", ".");
    if out.ends_with("..") && !out.ends_with("...") {
        out.pop();
    }
    out
}

pub fn entry(row: &AuditRow) -> AuditEntry {
    AuditEntry {
        id: row.id,
        at: row.at.clone(),
        actor: row.actor_label.clone(),
        action: row.action.clone(),
        target_type: row.target_type.clone(),
        target_id: row.target_id.clone(),
        details: row.details.clone(),
        summary: Localized {
            fr: sentence(row, Lang::Fr),
            en: sentence(row, Lang::En),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        action: &str,
        target_type: &str,
        target_id: &str,
        details: &str,
        target: &str,
    ) -> AuditRow {
        AuditRow {
            id: 1,
            at: "2026-12-02T10:00:00Z".into(),
            actor_label: "Ludovic Fougère".into(),
            action: action.into(),
            target_type: target_type.into(),
            target_id: target_id.into(),
            details: details.into(),
            target_fr: target.into(),
            target_en: if target == "Salle de réunion" {
                "Meeting room".into()
            } else {
                target.into()
            },
        }
    }

    #[test]
    fn a_block_reads_as_a_sentence() {
        let r = row(
            "resource.block",
            "resource",
            "salle-reunion",
            r#"{"start":"2026-12-11T13:00","end":"2026-12-11T18:00","reason":"Travaux"}"#,
            "Salle de réunion",
        );
        assert_eq!(
            sentence(&r, Lang::Fr),
            "Ludovic Fougère a bloqué « Salle de réunion » le vendredi 11 décembre 2026, 13:00–18:00 : Travaux."
        );
        assert_eq!(
            sentence(&r, Lang::En),
            "Ludovic Fougère blocked “Meeting room” on Friday 11 December 2026, 13:00–18:00: Travaux."
        );
    }

    #[test]
    fn a_setting_change_says_before_and_after() {
        let r = row(
            "setting.change",
            "setting",
            "room_rates",
            r#"{"before":{"member_half_day_cents":3000,"member_day_cents":5000,"non_member_half_day_cents":6000,"non_member_day_cents":10000},
                "after":{"member_half_day_cents":3500,"member_day_cents":5000,"non_member_half_day_cents":6000,"non_member_day_cents":10000}}"#,
            "",
        );
        let fr = sentence(&r, Lang::Fr);
        assert!(
            fr.contains("« tarifs de la salle » : adhérents 30") && fr.contains("→ adhérents 35"),
            "{fr}"
        );
        let fee = row(
            "setting.change",
            "setting",
            "membership_fee_cents",
            r#"{"before":3000,"after":3500}"#,
            "",
        );
        assert!(
            sentence(&fee, Lang::En).ends_with("→ €35."),
            "{}",
            sentence(&fee, Lang::En)
        );
    }

    #[test]
    fn a_reason_with_its_own_full_stop_ends_once() {
        let r = row(
            "resource.block",
            "resource",
            "salle-reunion",
            r#"{"start":"2026-12-11T13:00","end":"2026-12-11T18:00","reason":"Salle libre."}"#,
            "Salle de réunion",
        );
        let fr = sentence(&r, Lang::Fr);
        assert!(fr.ends_with("Salle libre."), "{fr}");
    }

    #[test]
    fn no_code_or_json_is_shown() {
        let cases = [
            row(
                "member.payment",
                "member",
                "12",
                r#"{"amount_cents":3000,"paid_on":"2026-12-01","method":"cash","until":"2027-11-30"}"#,
                "Anne Le Goff",
            ),
            row("booking.check_in", "booking", "40", "{}", "Anne Le Goff"),
            row("member.deactivate", "member", "12", "{}", ""),
            row(
                "setting.change",
                "setting",
                "opening_hours",
                r#"{"value":[]}"#,
                "",
            ),
            row(
                "closure.add",
                "closure_day",
                "2026-12-24",
                r#"{"reason":"Réveillon"}"#,
                "",
            ),
            row(
                "member.role",
                "member",
                "12",
                r#"{"role":"staff"}"#,
                "Anne Le Goff",
            ),
        ];
        for r in &cases {
            for lang in [Lang::Fr, Lang::En] {
                let s = sentence(r, lang);
                assert!(
                    !s.contains('{') && !s.contains('#') && !s.contains('_'),
                    "{s}"
                );
                assert!(s.starts_with("Ludovic Fougère "), "{s}");
                assert!(s.ends_with('.'), "{s}");
            }
        }
        assert_eq!(
            sentence(&cases[0], Lang::Fr),
            "Ludovic Fougère a enregistré une cotisation pour Anne Le Goff : 30\u{a0}€ en espèces, adhésion jusqu'au mardi 30 novembre 2027."
        );
    }
}
