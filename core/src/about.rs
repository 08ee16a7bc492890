//! What a code means beyond its fixes — its meaning, its causes and what is good to know — as a
//! data file (`static/data/acr-doctor-about.json`). The page's build leaves these texts out of
//! the catalogue (`more!` in `catalog/text.rs`): a first verdict needs a card's summary, its case
//! and its fixes, and the rest is folded under each card and in the reference. The page fetches
//! the file once it is running and reads it with serde; until then those folds say so.
//!
//! The file holds the English; the French of each text is in the French data file, found by its
//! English as every other text is ([`crate::french`]). Natively the catalogue holds everything,
//! the file is written from it (`cargo run -p acr-doctor-core --example about`) and a test fails
//! when it is not what the catalogue gives.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::catalog::Code;
use crate::lenient::{self, Parse};

/// The file: each code's texts, in the catalogue's order.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct About {
    pub codes: Vec<CodeTexts>,
}

/// One code's texts, in English.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct CodeTexts {
    /// The code's title (`CONNECTIVITY_DNS_ERROR`).
    pub code: String,
    pub meaning: String,
    pub causes: Vec<String>,
    pub caveats: Vec<String>,
}

/// The texts by code, once taken.
static TAKEN: OnceLock<HashMap<Code, CodeTexts>> = OnceLock::new();

/// The file read with `parse` (the browser in the page): `None` unless it holds a known code.
pub fn read(bytes: &[u8], parse: Parse) -> Option<About> {
    let about: About = lenient::read(lenient::within_bounds(bytes, parse)?)?;
    about
        .codes
        .iter()
        .any(|c| Code::from_title(&c.code).is_some())
        .then_some(about)
}

/// Keep `about` for the rest of the page's life; `false` when it was kept already. A code the
/// page does not know is left out.
pub fn take(about: About) -> bool {
    let by_code = about
        .codes
        .into_iter()
        .filter_map(|c| Some((Code::from_title(&c.code)?, c)))
        .collect();
    TAKEN.set(by_code).is_ok()
}

/// Whether the texts are here: in this build's catalogue (natively), or taken.
pub fn present() -> bool {
    cfg!(not(target_arch = "wasm32")) || TAKEN.get().is_some()
}

/// `code`'s English texts as taken from the file (`None` before, or for a code it lacks).
pub fn taken(code: Code) -> Option<&'static CodeTexts> {
    TAKEN.get()?.get(&code)
}

/// The file's content, from this build's catalogue.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_catalogue() -> About {
    let codes = Code::ALL
        .into_iter()
        .map(|code| {
            let t = crate::catalog::text::text(code);
            let en = |ts: &[crate::text::T]| ts.iter().map(|t| t.en.to_owned()).collect();
            CodeTexts {
                code: code.title().to_owned(),
                meaning: t.meaning.en.to_owned(),
                causes: en(t.causes),
                caveats: en(t.caveats),
            }
        })
        .collect();
    About { codes }
}
