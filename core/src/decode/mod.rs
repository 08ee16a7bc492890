//! Pasted text → [`Report`]: every finding with its code, lines, registry and HTTP status; the
//! checks the run passed; where it stopped; the CLI version.
//!
//! The decoder reads the paste once, line by line. Each part of what the CLI prints has its own
//! machine and file; `decoder.rs` shows every line to them in a fixed order, and is the one place
//! findings enter the report. Memory stays proportional to what is recognised, not to the size of
//! the paste.
//!
//! | file | owns |
//! | --- | --- |
//! | `report.rs` | the public types: findings, checks, notes, how the run ended, the verdict |
//! | `decoder.rs` | the order in which a line is seen; adding, capping and merging findings; notes |
//! | `clean.rs` | undoing terminals, CI runners and markdown around a line |
//! | `line.rs` | the grammar of one line |
//! | `block.rs` | an error title and its message |
//! | `crash.rs` | crash headers and Python tracebacks |
//! | `curl.rs` | curl's command line, answer and errors |
//! | `run.rs` | the run's checks, how it ended, truncated titles |
//! | `signs.rs` | another tool's output in a message, and what it says |
//! | `mentions.rs` | codes named in free text |
//! | `tools.rs` | what other tools print: docker, containerd, kubelet, helm, oras, HTTP |
//! | `extract.rs` | values inside messages: login servers, statuses, versions |
//! | `hay.rs` | answering many substring questions about one line quickly |

mod block;
mod clean;
mod crash;
mod curl;
mod decoder;
mod extract;
mod hay;
mod line;
mod mentions;
mod report;
mod run;
mod signs;
mod tools;

pub use extract::{is_private_ipv4, registry_name_of, semver_in};
pub use line::Wrapper;
pub use report::*;

/// Decode a paste. Never panics, whatever the input; linear in its length.
pub fn decode(paste: &str) -> Report {
    let mut d = decoder::Decoder::default();
    for (i, raw) in paste.split('\n').enumerate() {
        d.line(i + 1, raw);
    }
    d.finish()
}

/// The pasted lines at the given 1-based numbers, in one pass over the paste (cleaned of colour
/// codes, cut to a readable length), for showing each finding's source.
pub fn lines_at(
    paste: &str,
    wanted: &std::collections::BTreeSet<usize>,
) -> std::collections::BTreeMap<usize, String> {
    let mut out = std::collections::BTreeMap::new();
    let Some(&last) = wanted.iter().next_back() else {
        return out;
    };
    for (i, raw) in paste.split('\n').enumerate().take(last) {
        if wanted.contains(&(i + 1)) {
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            out.insert(i + 1, clean::readable(clean::cut(raw, 400)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_at_reads_only_the_wanted_lines() {
        let wanted = [2, 4].into_iter().collect();
        let got = lines_at("a\r\nb\r\nc\n\u{1b}[33md", &wanted);
        assert_eq!(
            got.into_iter().collect::<Vec<_>>(),
            [(2, "b".to_owned()), (4, "d".to_owned())]
        );
    }
}
