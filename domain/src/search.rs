//! Text search as a person types it: words in any order, any case, with or without accents
//! ("velo" finds "Vélo"), and no length a person can type makes a search fail. The worker matches
//! in Rust rather than with SQL `LIKE`: D1 refuses a pattern longer than 50 bytes ("LIKE or GLOB
//! pattern too complex") and SQLite has no accent folding.

/// At most this many words count; the rest of a pasted paragraph is ignored.
pub const MAX_WORDS: usize = 8;
/// Each word is cut at this many characters.
pub const MAX_WORD_CHARS: usize = 40;

/// Lower case without accents or ligatures ("Œuvre" → "oeuvre", "ﬁche" → "fiche"): the
/// compatibility decomposition without its combining marks, and the ligatures Unicode does not
/// decompose spelled out.
///
/// `deunicode` did this with a transliteration of all of Unicode to ASCII: its tables were about
/// 330 KB of the worker's wasm (`twiggy top worker/build/index_bg.wasm`), and the worker went from
/// 998,871 to 896,215 bytes gzip with this (`gzip -9 -c worker/build/index_bg.wasm | wc -c`).
pub fn fold(text: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    let mut folded = String::with_capacity(text.len());
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'Œ' | 'œ' => folded.push_str("oe"),
            'Æ' | 'æ' => folded.push_str("ae"),
            'ß' => folded.push_str("ss"),
            _ => folded.extend(c.to_lowercase()),
        }
    }
    folded
}

/// The words of a search, folded and bounded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let folded = fold(text);
        let words = folded
            .split(|c: char| !c.is_alphanumeric() && c != '@' && c != '.' && c != '-')
            .map(|w| w.trim_matches(|c| c == '.' || c == '-'))
            .filter(|w| !w.is_empty())
            .take(MAX_WORDS)
            .map(|w| w.chars().take(MAX_WORD_CHARS).collect())
            .collect();
        Query { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// Every word appears in one of the fields (an empty search matches everything).
    pub fn matches<'a>(&self, fields: impl IntoIterator<Item = &'a str>) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let haystack: String = fields.into_iter().map(fold).collect::<Vec<_>>().join(" ");
        self.words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

/// Whether one of `values` starts with `prefix`, both folded ("reseau" finds "Réseaux").
pub fn any_starts_with<'a>(values: impl IntoIterator<Item = &'a str>, prefix: &str) -> bool {
    let prefix: String = fold(prefix.trim()).chars().take(MAX_WORD_CHARS).collect();
    prefix.is_empty() || values.into_iter().any(|v| fold(v).starts_with(&prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_do_not_matter() {
        let q = Query::parse("velo QUIMPER");
        assert!(q.matches(["Atelier Vélo", "quimper@exemple.fr"]));
        assert!(Query::parse("Vélo").matches(["velo"]));
        assert!(!q.matches(["Atelier Vélo"]));
        assert_eq!(
            fold("Œuvre ÉCOLE Ergué-Gabéric ﬁche Straße"),
            "oeuvre ecole ergue-gaberic fiche strasse"
        );
    }

    #[test]
    fn words_in_any_field_and_any_order() {
        let q = Query::parse("bois Morgane");
        assert!(q.matches(["Morgane Le Bihan", "Menuiserie", "travail du bois"]));
    }

    #[test]
    fn a_long_pasted_text_is_bounded_not_refused() {
        let long = "é🚲 ".repeat(60) + &"x".repeat(200);
        let q = Query::parse(&long);
        assert!(q.words().len() <= MAX_WORDS);
        assert!(q
            .words()
            .iter()
            .all(|w| w.chars().count() <= MAX_WORD_CHARS));
        let _ = q.matches(["anything"]);
    }

    #[test]
    fn only_punctuation_is_an_empty_search() {
        assert!(Query::parse("  ... !!! ").is_empty());
        assert!(Query::parse("").matches(["x"]));
    }

    #[test]
    fn an_email_is_one_word() {
        assert_eq!(
            Query::parse("anne.le-goff@exemple.fr").words(),
            ["anne.le-goff@exemple.fr"]
        );
    }

    #[test]
    fn skill_prefix_is_folded() {
        assert!(any_starts_with(["Réseaux", "rust"], "reseau"));
        assert!(!any_starts_with(["rust"], "réseau"));
        assert!(any_starts_with(["rust"], " "));
    }
}
