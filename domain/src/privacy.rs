//! What keeps secrets and people's data where they belong: private links masked wherever a stored
//! email is read back, the mailbox an address delivers to (for limits, never as a key), spreadsheet
//! cells that cannot run, and text that cannot pass for something else.

use std::borrow::Cow;

/// Every secret this portal puts in a link is a random token: 32 random bytes in URL-safe base64,
/// 43 characters. No word, address or number a person writes is a run of 32 such characters with
/// no dot, slash or space, so any such run is taken for a secret.
const SECRET_MIN_CHARS: usize = 32;

/// What a masked secret reads as.
pub const MASK: &str = "••••••";

fn url_safe(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// `text` with every secret token replaced by [`MASK`]; `None` when it holds none.
pub fn mask_secrets(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let mut masked = false;
    let mut flush = |run: &mut String, out: &mut String| {
        if run.chars().count() >= SECRET_MIN_CHARS {
            out.push_str(MASK);
            masked = true;
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if url_safe(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    masked.then_some(out)
}

/// The mailbox an address delivers to, for counting what one inbox receives: lower case, and the
/// `+tag` of the local part dropped (`ana+1@x.fr` and `Ana@x.fr` reach the same person). Only for
/// limits: the address a person typed stays theirs, and nothing is looked up by this.
pub fn mailbox(email: &str) -> String {
    let email = email.trim().to_lowercase();
    match email.rsplit_once('@') {
        Some((local, domain)) => {
            let local = local.split('+').next().unwrap_or(local);
            format!("{local}@{domain}")
        }
        None => email,
    }
}

/// A CSV cell a spreadsheet shows as text and never runs: a value starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return is a formula to Excel, LibreOffice and Google Sheets, so it gets
/// a leading `'` (OWASP's advice for CSV injection). A plain negative number (`-3`, `-12,5`) is a
/// number, not a formula, and stays one.
pub fn spreadsheet_cell(value: &str) -> Cow<'_, str> {
    match value.chars().next() {
        Some('-') if is_plain_number(&value[1..]) => Cow::Borrowed(value),
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{value}")),
        _ => Cow::Borrowed(value),
    }
}

/// Digits with at most one decimal comma or point, and nothing else.
fn is_plain_number(s: &str) -> bool {
    let mut separators = 0;
    !s.is_empty()
        && s.chars().all(|c| match c {
            '0'..='9' => true,
            ',' | '.' => {
                separators += 1;
                separators == 1
            }
            _ => false,
        })
        && s.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A phone number as a spreadsheet keeps it: a French number typed as ten digits is written in
/// pairs (`06 12 34 56 78`), so it stays text and keeps its leading 0; other digit-only numbers get
/// a leading `'`; anything else is a cell like any other.
pub fn spreadsheet_phone(phone: &str) -> Cow<'_, str> {
    let digits_only = !phone.is_empty() && phone.chars().all(|c| c.is_ascii_digit());
    if !digits_only {
        return spreadsheet_cell(phone);
    }
    if phone.len() == 10 && phone.starts_with('0') {
        let pairs: Vec<&str> = (0..5).map(|i| &phone[i * 2..i * 2 + 2]).collect();
        Cow::Owned(pairs.join(" "))
    } else {
        Cow::Owned(format!("'{phone}"))
    }
}

/// Characters that make a one-line text read as something it is not: control characters (line
/// breaks included), and the bidirectional overrides and isolates that reorder what is shown
/// (`Jean` + U+202E + `gnp.exe` reads "Jeanexe.png").
pub fn is_misleading(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}'
        )
}

/// The same for a text of several lines: line breaks and tabs are allowed, the rest is not.
pub fn is_misleading_in_text(c: char) -> bool {
    !matches!(c, '\n' | '\r' | '\t') && is_misleading(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "b3J5bW9zdC1yYW5kb20tdG9rZW4tb2YtNDMtY2hhcnM";

    #[test]
    fn a_private_link_is_masked_and_ordinary_text_is_not() {
        let body = format!(
            "Bonjour Anne,\nhttp://127.0.0.1:8787/mot-de-passe/nouveau?token={TOKEN}\nÀ bientôt."
        );
        let masked = mask_secrets(&body).expect("the token is a secret");
        assert!(
            !masked.contains(TOKEN),
            "the token is still there: {masked}"
        );
        assert!(
            masked.contains(&format!("/mot-de-passe/nouveau?token={MASK}")),
            "the link's path stays readable: {masked}"
        );
        assert!(masked.starts_with("Bonjour Anne,\n") && masked.ends_with("\nÀ bientôt."));
        for plain in [
            "Votre atelier du samedi 12 décembre 2026, 14:00–16:00, Maison de quartier.",
            "https://www.francenum.gouv.fr/guides-et-conseils/strategie-numerique",
            "demo-consultation-boulangerie",
            "anne.le-goff@example.fr",
        ] {
            assert_eq!(mask_secrets(plain), None, "{plain} has no secret");
        }
        let two = format!("/inscription/{TOKEN} et /location/{TOKEN}");
        assert_eq!(
            mask_secrets(&two).as_deref(),
            Some(format!("/inscription/{MASK} et /location/{MASK}").as_str())
        );
    }

    #[test]
    fn one_mailbox_whatever_the_tag_and_case() {
        assert_eq!(mailbox("Victim+12@Example.fr"), "victim@example.fr");
        assert_eq!(mailbox(" victim@example.fr "), "victim@example.fr");
        assert_eq!(mailbox("a+b+c@x.fr"), "a@x.fr");
        assert_ne!(mailbox("victim@example.fr"), mailbox("victim@example.com"));
    }

    #[test]
    fn a_cell_that_would_run_in_a_spreadsheet_is_written_as_text() {
        for formula in [
            "=HYPERLINK(\"http://evil.example\",\"clic\")",
            "=1+1",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(A1:A2)",
            "+33 6 12 34 56 78",
            "\t=1+1",
            "\r=1+1",
        ] {
            let cell = spreadsheet_cell(formula);
            assert!(cell.starts_with('\''), "{formula:?} came out as {cell:?}");
            assert_eq!(&cell[1..], formula, "nothing else changes");
        }
        for text in [
            "Anne Le Goff",
            "12 places",
            "",
            "Crêpes & cidre",
            "-3",
            "-12,5",
            "42",
        ] {
            assert_eq!(spreadsheet_cell(text), text, "{text:?} is changed");
        }
        for formula in ["-1+1", "-A1", "--1", "-1,2,3", "-"] {
            assert!(
                spreadsheet_cell(formula).starts_with('\''),
                "{formula:?} runs"
            );
        }
    }

    #[test]
    fn phone_numbers_stay_text_with_their_leading_zero() {
        assert_eq!(spreadsheet_phone("0612345678"), "06 12 34 56 78");
        assert_eq!(spreadsheet_phone("06 12 34 56 78"), "06 12 34 56 78");
        assert_eq!(spreadsheet_phone("0033612345678"), "'0033612345678");
        assert_eq!(spreadsheet_phone("+33612345678"), "'+33612345678");
        assert_eq!(spreadsheet_phone(""), "");
    }

    #[test]
    fn bidirectional_overrides_and_control_characters_are_refused() {
        for c in ['\u{202E}', '\u{2066}', '\u{200F}', '\n', '\u{0}', '\u{1b}'] {
            assert!(is_misleading(c), "{c:?} passes in a name");
        }
        for c in ['é', 'ç', '’', ' ', '-', 'ß', 'ñ'] {
            assert!(!is_misleading(c), "{c:?} is refused in a name");
        }
        assert!(!is_misleading_in_text('\n'), "a text keeps its lines");
        assert!(is_misleading_in_text('\u{202E}'));
    }
}
