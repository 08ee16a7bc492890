//! The acr-doctor page: a Yew front end over `acr-doctor-core`.
//!
//! `main.rs` only renders [`ui::App`]. The page's state lives in one reducer (`ui::state`); each
//! component has its own file under `ui/`; `browser.rs` holds the few calls into the browser that
//! are not rendering (storage of the language choice, the URL hash, the clipboard, files);
//! `net.rs` is the only code that touches the network, and `probe.rs` runs the probe steps.
#![deny(clippy::unwrap_used)]

pub mod browser;
pub mod net;
pub mod probe;
pub mod ui;

pub use ui::app::App;
