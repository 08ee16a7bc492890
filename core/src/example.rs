//! The page's examples to try (`static/data/acr-doctor-examples.txt`): real pastes, each
//! verbatim from the test fixture its heading names (`core/tests/examples_data.rs` checks it),
//! fetched when a person asks for one. The page names them by id in its own words.
//!
//! The file is plain text: each example opens with a line `#### example <id> from <fixture>`,
//! and its text runs to the next such line (a paste never starts a line so).

/// The examples, by id: a health check's run, a Docker error, a pod's pull event.
pub const IDS: [&str; 3] = ["check-health", "docker", "kubelet"];

const HEADING: &str = "#### example ";

/// Each example of `file`: its id, the fixture it is taken from, and its text.
pub fn all(file: &str) -> impl Iterator<Item = (&str, &str, &str)> {
    file.split(HEADING).skip(1).filter_map(|part| {
        let (heading, text) = part.split_once('\n')?;
        let (id, source) = heading.split_once(" from ")?;
        Some((id, source, text))
    })
}

/// The text of the example `id` in `file`.
pub fn text<'a>(file: &'a str, id: &str) -> Option<&'a str> {
    all(file).find(|(i, _, _)| *i == id).map(|(_, _, t)| t)
}
