//! The browser probes' knowledge: the registry a person typed, DNS-over-HTTPS messages, the
//! `/v2/` challenge, token claims, and what each observation means — all without a network.

pub mod challenge;
pub mod dns;
pub mod judge;
pub mod kit;
pub mod kit_script;
pub mod request;
pub mod run;
pub mod settings;
pub mod steps;
pub mod target;
pub mod token;
pub mod transcript;
pub mod trust;
pub mod words;
