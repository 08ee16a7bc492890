//! The page's languages, and the one way a text is written: with every language side by side
//! where it is defined, chosen by an exhaustive `match` on [`Lang`]. A missing translation does
//! not compile, and a new language makes the compiler list every text that lacks it.
//!
//! - [`T`]: a fixed text (`T { en: "…", fr: "…" }`), for tables: labels, the catalogue.
//! - [`tr!`](crate::tr): a fixed text chosen in place: `tr!(lang, "Run", "Lancer")`.
//! - [`trf!`](crate::trf): a text with values: `trf!(lang, "Not {x}."; "Pas {x}.")`, each side
//!   a `format!` (arguments may follow each format string).
//!
//! No `{:?}` and no Rust error text ever reaches the page: every value shown goes through one
//! of these with words of ours around it.

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

    /// The page language for a browser language such as `fr-CA`: French for French, English for
    /// any other (the page's language when it does not speak the browser's).
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }
}

/// A fixed text in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct T {
    pub en: &'static str,
    pub fr: &'static str,
}

impl T {
    /// The text in `lang`. A French left out of this build (the page's, see [`tr!`]) is read
    /// from the French the page fetched ([`crate::french`]), or else is the English.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr if self.fr.is_empty() => crate::french::text(self.en),
            Lang::Fr => self.fr,
        }
    }
}

/// A fixed text in a table, `t!("English", "Français")`: a [`T`] (the catalogue's texts, the
/// labels). In the page (wasm) the French is left out, as in [`tr!`]: it is a data file the page
/// reads when French is chosen ([`crate::french`]).
#[cfg(not(target_arch = "wasm32"))]
macro_rules! t_in_both {
    ($en:literal, $fr:literal $(,)?) => {
        $crate::text::T { en: $en, fr: $fr }
    };
}

#[cfg(target_arch = "wasm32")]
macro_rules! t_in_both {
    ($en:literal, $fr:literal $(,)?) => {
        $crate::text::T { en: $en, fr: "" }
    };
}

pub(crate) use t_in_both as t;

/// A fixed text, chosen in place: `tr!(lang, "English", "Français")`. In the page (wasm) the
/// French is not compiled in: it is a data file the page reads when French is chosen
/// ([`crate::french`]), so the first load carries one language.
#[cfg(not(target_arch = "wasm32"))]
#[macro_export]
macro_rules! tr {
    ($lang:expr, $en:literal, $fr:literal $(,)?) => {
        $crate::text::T { en: $en, fr: $fr }.get($lang)
    };
}

/// A fixed text, chosen in place (the page's build: the French is read from data).
#[cfg(target_arch = "wasm32")]
#[macro_export]
macro_rules! tr {
    ($lang:expr, $en:literal, $fr:literal $(,)?) => {
        $crate::text::T { en: $en, fr: "" }.get($lang)
    };
}

/// A text with values: `trf!(lang, "Expired {ago} ago."; "Expiré depuis {ago}.")`. Each side is
/// a `format!`, with its own arguments after the format string when it needs any.
#[macro_export]
macro_rules! trf {
    ($lang:expr, $en:literal $(, $ea:expr)* ; $fr:literal $(, $fa:expr)* $(,)?) => {
        match $lang {
            $crate::text::Lang::En => format!($en $(, $ea)*),
            $crate::text::Lang::Fr => format!($fr $(, $fa)*),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_languages() {
        for (tag, lang) in [
            ("fr", Lang::Fr),
            ("fr-CA", Lang::Fr),
            ("FR_be", Lang::Fr),
            ("en-US", Lang::En),
            ("de-DE", Lang::En),
            ("frisian", Lang::En),
            ("", Lang::En),
        ] {
            assert_eq!(Lang::from_tag(tag), lang, "{tag}");
        }
    }

    #[test]
    fn formatted_texts_capture_values() {
        let ago = "2 min";
        assert_eq!(
            trf!(Lang::Fr, "Expired {ago} ago."; "Expiré depuis {ago}."),
            "Expiré depuis 2 min."
        );
        assert_eq!(
            trf!(Lang::En, "{} and {}", 1, 2; "{} et {}", 1, 2),
            "1 and 2"
        );
        assert_eq!(tr!(Lang::Fr, "Run", "Lancer"), "Lancer");
    }
}
