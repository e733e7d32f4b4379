//! The app's side of the translation layer: the current language as a signal in context, `tr(..)`
//! for reactive text. The strings themselves are in [`crate::text`], one enum per audience.

use domain::i18n::{fill, Text};
use domain::{Lang, Localized};
use leptos::prelude::*;

const STORAGE_KEY: &str = "kerne.lang";

#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// The language chosen before (remembered); else the browser's own when it is one we speak
    /// (a phone set to en-GB reads English from the first page); else French: the people are in
    /// Quimper, and the switch is one tap away in the header.
    pub fn init() -> I18n {
        let stored = storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|c| Lang::parse(&c));
        let browser = || {
            window()
                .navigator()
                .language()
                .and_then(|l| Lang::parse(&l))
        };
        let lang = stored.or_else(browser).unwrap_or_default();
        let i18n = I18n {
            lang: RwSignal::new(lang),
        };
        Effect::new(move |_| {
            let lang = i18n.lang.get();
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
        });
        i18n
    }

    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    pub fn set(&self, lang: Lang) {
        if let Some(s) = storage() {
            let _ = s.set_item(STORAGE_KEY, lang.code());
        }
        self.lang.set(lang);
    }

    /// The text of a message in the current language (tracks the language when called reactively).
    pub fn t(&self, msg: impl Text) -> &'static str {
        msg.text(self.lang.get())
    }

    /// A message with `{name}` placeholders filled.
    pub fn f(&self, msg: impl Text, args: &[(&str, &str)]) -> String {
        fill(msg.text(self.lang.get()), args)
    }

    /// A count in words, `{count}` filled: `one` for a single thing (in French 0 and 1, "0 place
    /// libre"; in English 1 alone), `other` otherwise — "1 place libre", "12 places libres".
    pub fn count(&self, one: impl Text, other: impl Text, n: u64) -> String {
        let lang = self.lang.get();
        let singular = match lang {
            Lang::Fr => n <= 1,
            Lang::En => n == 1,
        };
        fill(
            if singular {
                one.text(lang)
            } else {
                other.text(lang)
            },
            &[("count", &n.to_string())],
        )
    }

    /// What goes between a label and its value: " : " in French (a no-break space before the
    /// colon, as French typography wants), ": " in English.
    pub fn colon(&self) -> &'static str {
        match self.lang.get() {
            Lang::Fr => "\u{a0}: ",
            Lang::En => ": ",
        }
    }

    pub fn pick<T: Clone>(&self, text: &Localized<T>) -> T {
        text.get(self.lang.get()).clone()
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Any text, as a component's prop (a field's label, a button's words): each bundle names its own
/// enum's strings, and the component does not care which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    fr: &'static str,
    en: &'static str,
}

impl Label {
    pub fn of(text: impl Text) -> Label {
        Label {
            fr: text.text(Lang::Fr),
            en: text.text(Lang::En),
        }
    }
}

impl Text for Label {
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Reactive text for a view: `{tr(SharedText::Menu)}`.
pub fn tr(msg: impl Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(msg)
}

/// Sets the document's title for the page: "<page> · Silicon Kerne".
pub fn use_title(msg: impl Text) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let page = i18n.t(msg);
        document().set_title(&format!("{page} · Silicon Kerne"));
    });
}
