//! The knowledge of acr-doctor, with no web dependency: what `az acr check-health` and other
//! `az acr` commands print ([`decode`]), what each code means ([`catalog`]), how to tell it to a
//! person ([`explain`]), and the page's own words ([`ui_text`]).
#![deny(clippy::unwrap_used)]

pub mod about;
pub mod catalog;
pub mod commands;
pub mod decode;
pub mod example;
pub mod explain;
pub mod french;
pub mod lenient;
pub mod markdown;
pub mod path;
pub mod probe;
pub mod share;
pub mod summary;
pub mod text;
pub mod ui_text;
pub mod values;

pub use catalog::Code;
pub use decode::{decode, Report, Verdict};
pub use text::Lang;
