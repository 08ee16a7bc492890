//! What every code means, why it happens and how to fix it, in English and French.
//!
//! The facts come from the CLI's source and Microsoft's error reference; the words are ours.
//! `entry` is an exhaustive match: a new code cannot compile without its text in both languages.

mod code;
mod text_en;
mod text_fr;

pub use code::{Code, Origin};

/// The page's languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// `en` or `fr`: the `lang` attribute and the remembered choice.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The page language for a browser language such as `fr-CA` (English unless French).
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }
}

/// The English or the French of a pair.
pub(crate) fn tr(lang: Lang, en: &'static str, fr: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// One fix: what to do, and the command that does it. Commands may hold `{name}` (the
/// registry's name) and `{server}` (its login server), filled in by [`fill`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fix {
    pub text: &'static str,
    pub command: Option<&'static str>,
}

/// What a code means, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// One line a person in trouble reads first.
    pub summary: &'static str,
    /// What the CLI tried and what failed.
    pub meaning: &'static str,
    pub causes: &'static [&'static str],
    pub fixes: &'static [Fix],
    /// Known false positives, documentation errors and version facts.
    pub caveats: &'static [&'static str],
}

pub fn entry(code: Code, lang: Lang) -> Entry {
    match lang {
        Lang::En => text_en::entry(code),
        Lang::Fr => text_fr::entry(code),
    }
}

/// The official documentation for a code: Microsoft's error reference at the code's anchor, or
/// for our own codes the page that covers the situation.
pub fn doc_url(code: Code, lang: Lang) -> String {
    let locale = match lang {
        Lang::En => "",
        Lang::Fr => "fr-fr/",
    };
    match code.origin() {
        Origin::Documented => format!(
            "https://learn.microsoft.com/{locale}azure/container-registry/container-registry-health-error-reference#{}",
            code.anchor()
        ),
        Origin::Undocumented => format!(
            "https://learn.microsoft.com/{locale}azure/container-registry/container-registry-health-error-reference"
        ),
        Origin::Ours => match code {
            Code::AzLoginRequired => {
                format!("https://learn.microsoft.com/{locale}cli/azure/authenticate-azure-cli")
            }
            _ => "https://github.com/Azure/azure-cli/issues".to_owned(),
        },
    }
}

/// Extra causes for a token error, by the HTTP status the registry answered.
pub fn status_causes(status: u16, lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => text_en::status_causes(status),
        Lang::Fr => text_fr::status_causes(status),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_full_text_in_both_languages() {
        for code in Code::ALL {
            for lang in Lang::ALL {
                let e = entry(code, lang);
                assert!(!e.summary.is_empty(), "{code} {lang:?} summary");
                assert!(e.meaning.len() > 40, "{code} {lang:?} meaning");
                assert!(!e.causes.is_empty(), "{code} {lang:?} causes");
                assert!(!e.fixes.is_empty(), "{code} {lang:?} fixes");
            }
            let (en, fr) = (entry(code, Lang::En), entry(code, Lang::Fr));
            assert_ne!(
                en.meaning, fr.meaning,
                "{code}: French text is a copy of the English"
            );
            assert_eq!(
                en.fixes.len(),
                fr.fixes.len(),
                "{code}: fixes differ in number"
            );
            for (a, b) in en.fixes.iter().zip(fr.fixes) {
                assert_eq!(
                    a.command, b.command,
                    "{code}: commands differ between languages"
                );
            }
        }
    }

    #[test]
    fn doc_links_use_the_documentation_anchors() {
        assert!(doc_url(Code::ConnectivityDns, Lang::En).ends_with("#connectivity_dns_error"));
        assert!(doc_url(Code::Cmk, Lang::Fr).contains("/fr-fr/"));
        assert!(!doc_url(Code::Unexpected, Lang::En).contains('#'));
    }

    #[test]
    fn language_from_browser_tags() {
        assert_eq!(Lang::from_tag("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("de"), Lang::En);
    }
}
