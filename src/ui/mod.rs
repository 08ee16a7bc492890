//! The page's components, one per file; the reducer that owns the page's state; the hooks that
//! own decoding and probe runs.

pub mod app;
pub mod command_line;
pub mod finding_card;
pub mod findings;
pub mod header;
pub mod kit_panel;
pub mod kit_result;
pub mod kit_scripts;
pub mod lang_switch;
pub mod paste_box;
pub mod path_diagram;
pub mod probe_panel;
pub mod probe_step;
pub mod reference;
pub mod reference_entry;
pub mod report_actions;
pub mod rich_text;
pub mod run_summary;
pub mod shell;
pub mod state;
pub mod theme_toggle;
pub mod token_claims;
pub mod token_inspector;
pub mod use_decode;
pub mod use_probe;
pub mod verdict;
