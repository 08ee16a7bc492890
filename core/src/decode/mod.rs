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

pub use crate::values::{is_private_ipv4, registry_name_of};
pub use extract::semver_in;
pub use line::Wrapper;
pub use report::*;
pub use tools::check_health;

/// Decode a paste. Never panics, whatever the input; linear in its length.
pub fn decode(paste: &str) -> Report {
    let mut d = Decoding::default();
    d.feed(paste);
    d.finish()
}

/// A paste decoded part by part, for a caller that must not hold the CPU for the whole of a big
/// one: feeding the [`parts`] of a text, in order, gives exactly [`decode`]'s report.
#[derive(Default)]
pub struct Decoding {
    decoder: decoder::Decoder,
    lines: usize,
    /// Where each line's pairs are marked (see `hay.rs`).
    pairs: hay::PairTable,
}

impl Decoding {
    /// Decode the lines of `part`: a text, or a piece of one cut at a newline (the newline at a
    /// cut belongs to neither piece).
    pub fn feed(&mut self, part: &str) {
        for raw in part.split('\n') {
            self.lines += 1;
            self.decoder.line(self.lines, raw, &mut self.pairs);
        }
    }

    pub fn finish(self) -> Report {
        self.decoder.finish()
    }
}

/// `text` cut at the first newline after every `size` bytes, each newline at a cut dropped: the
/// pieces [`Decoding::feed`] takes. A line longer than `size` stays whole, and so does a rest of
/// at most a quarter more than `size`: a small tail is not worth a piece of its own (a page gives
/// the browser its turn between pieces, a frame drawn for nothing).
pub fn parts(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let s = rest?;
        if s.len() <= size.saturating_add(size / 4) {
            return rest.take();
        }
        // A newline byte is always a character boundary.
        let from = size.max(1);
        let cut = s
            .as_bytes()
            .get(from..)
            .and_then(|tail| tail.iter().position(|&b| b == b'\n'))
            .map(|i| from + i);
        match cut {
            Some(at) => {
                rest = Some(&s[at + 1..]);
                Some(&s[..at])
            }
            None => rest.take(),
        }
    })
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
    fn parts_cut_at_newlines_and_drop_them() {
        let got: Vec<&str> = parts("ab\ncd\n\nefgh\n", 2).collect();
        assert_eq!(got, ["ab", "cd", "\nefgh", ""]);
        assert_eq!(parts("éé\né", 1).collect::<Vec<_>>(), ["éé", "é"]);
        assert_eq!(parts("", 4).collect::<Vec<_>>(), [""]);
        assert_eq!(parts("abcdef", 2).collect::<Vec<_>>(), ["abcdef"]);
    }

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
