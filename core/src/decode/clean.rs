//! Undo what terminals, CI runners, chat and mail clients do to a pasted line, so the CLI's own
//! words can be matched: colour codes, runner timestamps, markdown quotes and emphasis, level tags.

use std::borrow::Cow;

/// A line as the CLI wrote it, as far as that can be recovered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned<'a> {
    pub text: Cow<'a, str>,
    /// The knack level tag the line carried (`WARNING: `, `ERROR: `…): the start of a log record.
    pub tag: Option<&'static str>,
    /// The line carried a CI runner's annotation (`##[error]`, `::error::`): the runner's words.
    pub annotated: bool,
}

/// Longest line the decoder reads; anything after is ignored (a real CLI line is far shorter).
pub const MAX_LINE: usize = 8 * 1024;

pub fn clean(raw: &str) -> Cleaned<'_> {
    let raw = cut(raw, MAX_LINE);
    let text: Cow<'_, str> = if needs_rewrite(raw) {
        Cow::Owned(rewrite(raw))
    } else {
        Cow::Borrowed(raw)
    };
    let (text, (tag, annotated)) = match text {
        Cow::Borrowed(s) => {
            let (s, marks) = strip_prefixes(s);
            (Cow::Borrowed(s), marks)
        }
        Cow::Owned(s) => {
            let (stripped, marks) = strip_prefixes(&s);
            (Cow::Owned(stripped.to_owned()), marks)
        }
    };
    Cleaned {
        text,
        tag,
        annotated,
    }
}

/// A line without colour codes, NULs or tabs, for showing it as pasted.
pub fn readable(raw: &str) -> String {
    if needs_rewrite(raw) {
        rewrite(raw)
    } else {
        raw.to_owned()
    }
}

/// Cut at a character boundary at most `max` bytes in.
pub fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn needs_rewrite(s: &str) -> bool {
    // Eight bytes at a time: a word holding none of the bytes that may start something is passed
    // over in a few operations; the other words' bytes, and the last few, are asked one by one
    // (a substring search per marker costs more, most of all in wasm).
    let b = s.as_bytes();
    let words = b.chunks_exact(8);
    let tail = b.len() - words.remainder().len();
    for (k, w) in words.enumerate() {
        let word = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        if may_start_in(word) && (k * 8..k * 8 + 8).any(|i| starts_rewrite(b, i)) {
            return true;
        }
    }
    (tail..b.len()).any(|i| starts_rewrite(b, i))
}

/// Whether what [`rewrite`] undoes starts at byte `i`: ESC, `*`, tab or NUL; `[0m`; `‘` `’` `“`
/// `”` (E2 80 98/99/9C/9D), or `←[` (E2 86 90 then `[`).
fn starts_rewrite(b: &[u8], i: usize) -> bool {
    match b[i] {
        0x1b | b'*' | b'\t' | 0 => true,
        b'[' => b[i + 1..].starts_with(b"0m"),
        0xe2 => {
            matches!(b.get(i + 1..i + 3), Some([0x80, 0x98 | 0x99 | 0x9c | 0x9d]))
                || b[i + 1..].starts_with(&[0x86, 0x90, b'['])
        }
        _ => false,
    }
}

/// Whether any of a word's eight bytes is below 0x20, `*`, `[`, or 0x80 and up: every byte that
/// starts what [`starts_rewrite`] looks for is one of these (ESC, tab and NUL below 0x20; 0xE2
/// above 0x80). Exact, by the
/// usual word trick: `x - 0x0101… & !x & 0x8080…` is non-zero exactly when a byte of `x` is zero
/// (and, with `0x2020…` subtracted, when a byte is below 0x20).
#[inline]
fn may_start_in(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let any_below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH != 0;
    w & HIGH != 0
        || any_below(w, 0x20)
        || any_below(w ^ (ONES * u64::from(b'*')), 1)
        || any_below(w ^ (ONES * u64::from(b'[')), 1)
}

/// Remove colour escapes (also when the ESC byte itself was lost, as in `←[33m` or `[33m`),
/// markdown emphasis, NULs; straighten typographic quotes; tabs become spaces.
fn rewrite(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\u{1b}' | '\u{2190}' => {
                if let Some(len) = sgr_len(&s[i + c.len_utf8()..]) {
                    skip_bytes(&mut chars, i + c.len_utf8() + len);
                } else if c == '\u{2190}' {
                    out.push(c);
                }
            }
            '[' => match sgr_len(&s[i..]) {
                Some(len) => skip_bytes(&mut chars, i + len),
                None => out.push(c),
            },
            // Markdown bold `**`, but not a redaction such as `***`.
            '*' if s[i..].starts_with("**")
                && !s[i + 2..].starts_with('*')
                && !s[..i].ends_with('*') =>
            {
                chars.next();
            }
            '\u{2018}' | '\u{2019}' => out.push('\''),
            '\u{201c}' | '\u{201d}' => out.push('"'),
            '\t' => out.push(' '),
            '\0' => {}
            _ => out.push(c),
        }
    }
    out
}

fn skip_bytes(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>, until: usize) {
    while let Some(&(j, _)) = chars.peek() {
        if j >= until {
            break;
        }
        chars.next();
    }
}

/// Length of an SGR sequence `[` digits/`;` `m` at the start of `s`.
fn sgr_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('[')?;
    let digits = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    if digits == 0 || digits > 12 {
        return None;
    }
    (rest.as_bytes().get(digits) == Some(&b'm')).then_some(digits + 2)
}

/// The knack level tags a log record starts with.
const TAGS: [&str; 5] = ["WARNING: ", "ERROR: ", "DEBUG: ", "INFO: ", "CRITICAL: "];

/// Strip, repeatedly, what stands before the CLI's text: indentation, markdown quotes and list
/// bullets, CI runner timestamps and annotations, knack level tags and logger names.
fn strip_prefixes(mut s: &str) -> (&str, (Option<&'static str>, bool)) {
    let mut tagged = None;
    let mut annotated = false;
    loop {
        let before = s.len();
        s = s.trim_start();
        // Each prefix starts with its own bytes: the first byte says which one may stand here,
        // and the loop strips them one at a time until none is left.
        match s.as_bytes().first() {
            Some(b'>') => s = &s[1..],
            Some(b'-') => s = s.strip_prefix("- ").unwrap_or(s),
            Some(b'0'..=b'9') => s = strip_ci_timestamp(s).unwrap_or(s),
            Some(b'#' | b':') => {
                if let Some(rest) = strip_runner_annotation(s) {
                    s = rest;
                    annotated = true;
                }
            }
            Some(&b) if TAGS.iter().any(|t| t.as_bytes()[0] == b) => {
                for tag in TAGS {
                    if let Some(rest) = s.strip_prefix(tag) {
                        s = rest;
                        tagged = Some(tag);
                    }
                }
            }
            _ => s = strip_logger_name(s).unwrap_or(s),
        }
        // Only ever shortened at the front: the same length is the same text.
        if s.len() == before {
            break;
        }
    }
    (s.trim_end(), (tagged, annotated))
}

/// `2024-04-13T00:29:22.5774402Z ` (Azure Pipelines, GitHub Actions).
fn strip_ci_timestamp(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    if b.len() < 20 || b[10] != b'T' || !is_date(&b[..10]) {
        return None;
    }
    // The time runs to the first space, in one pass: digits and `:.Z+-` only, 40 bytes at most.
    let len = 11
        + b[11..]
            .iter()
            .take_while(|&&c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'Z' | b'+' | b'-'))
            .count();
    (len <= 40 && b.get(len) == Some(&b' ')).then(|| &s[len + 1..])
}

/// `##[error]`, `##[warning]`, `::error::` style annotations.
fn strip_runner_annotation(s: &str) -> Option<&str> {
    if let Some(rest) = s.strip_prefix("##[") {
        return rest.find(']').map(|i| &rest[i + 1..]);
    }
    for tag in ["::error::", "::warning::", "::notice::"] {
        if let Some(rest) = s.strip_prefix(tag) {
            return Some(rest);
        }
    }
    None
}

/// `cli.azure.cli.command_modules.acr.check_health: ` added by `--debug`.
fn strip_logger_name(s: &str) -> Option<&str> {
    if !(s.starts_with("cli.") || s.starts_with("azure.")) {
        return None;
    }
    let end = s.find(": ")?;
    let name = &s[..end];
    name.bytes()
        .all(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'_')
        .then(|| &s[end + 2..])
}

pub fn is_date(b: &[u8]) -> bool {
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        /// The one-pass timestamp answers as its plain definition: a date, `T`, then only time
        /// characters up to the first space, 40 bytes at most.
        #[test]
        fn ci_timestamp_is_its_definition(s in "20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-9:.Z+\\-]{0,34}[ aé][ -~]{0,4}") {
            let plain = (|| {
                let b = s.as_bytes();
                if b.len() < 20 || b[10] != b'T' || !is_date(&b[..10]) {
                    return None;
                }
                let end = s.find(' ')?;
                let stamp = &s[..end];
                let ok = stamp.len() <= 40
                    && stamp[11..]
                        .bytes()
                        .all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'Z' | b'+' | b'-'));
                ok.then(|| &s[end + 1..])
            })();
            prop_assert_eq!(strip_ci_timestamp(&s), plain);
        }
    }

    proptest! {
        /// The one-pass test answers as the plain definition: any of these bytes or markers.
        #[test]
        fn needs_rewrite_is_its_definition(s in "[a\\[0m*\t\u{1b}\u{0}\u{2018}\u{2019}\u{201c}\u{201d}\u{2190}\u{2191}\u{2020}é]{0,12}|[a-z \\[0m]{0,30}[a\\[0m*\t\u{1b}\u{0}\u{2018}\u{201d}\u{2190}é]{0,2}[a-z ]{0,30}") {
            let plain = s.bytes().any(|b| matches!(b, 0x1b | b'*' | b'\t' | 0))
                || ['\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}'].iter().any(|q| s.contains(*q))
                || s.contains("[0m")
                || s.contains("\u{2190}[");
            prop_assert_eq!(needs_rewrite(&s), plain);
        }
    }

    /// The word test, for every byte at every place among other bytes: true exactly when the
    /// word holds a byte of its classes, which hold every byte that starts something to undo.
    #[test]
    fn the_word_test_sees_every_byte_that_may_start_something() {
        let class = |x: u8| !(0x20..0x80).contains(&x) || x == b'*' || x == b'[';
        for v in 0..=255u8 {
            for next in [&b"0m"[..], &[0x80, 0x98], &[0x86, 0x90, b'['], b""] {
                let starts = starts_rewrite(&[&[v][..], next].concat(), 0);
                assert!(!starts || class(v), "{v:#x} starts something");
            }
            for fill in [b'a', b' ', b'Z', b'~', b'0', b')', b'+', b'\\', 0x1f, 0x80] {
                for place in 0..8 {
                    let mut w = [fill; 8];
                    w[place] = v;
                    assert_eq!(
                        may_start_in(u64::from_le_bytes(w)),
                        class(v) || class(fill),
                        "{v:#x} at {place} among {fill:#x}"
                    );
                }
            }
        }
    }

    fn c(s: &str) -> (String, bool) {
        let r = clean(s);
        (r.text.into_owned(), r.tag.is_some())
    }

    #[test]
    fn colour_codes_go_with_or_without_their_escape_byte() {
        assert_eq!(
            c("\u{1b}[33mDocker daemon status: available\u{1b}[0m").0,
            "Docker daemon status: available"
        );
        assert_eq!(
            c("Challenge endpoint x : \u{1b}[32mOK\u{1b}[0m").0,
            "Challenge endpoint x : OK"
        );
        assert_eq!(
            c("\u{2190}[91mAn error occurred: X\u{2190}[0m").0,
            "An error occurred: X"
        );
        assert_eq!(c("[33mHelm version: 3.7.2[0m").0, "Helm version: 3.7.2");
        assert_eq!(c("see [link] here").0, "see [link] here");
    }

    #[test]
    fn wrappers_and_tags_are_removed() {
        assert_eq!(
            c("> > WARNING: Docker daemon status: available"),
            ("Docker daemon status: available".into(), true)
        );
        assert_eq!(
            c("2024-04-13T00:29:22.5774402Z ERROR: An error occurred: CMK_ERROR"),
            ("An error occurred: CMK_ERROR".into(), true)
        );
        assert_eq!(
            c("WARNING: cli.azure.cli.command_modules.acr.check_health: Azure CLI version: 2.50.0").0,
            "Azure CLI version: 2.50.0"
        );
        assert_eq!(
            c("##[error]An error occurred: CMK_ERROR").0,
            "An error occurred: CMK_ERROR"
        );
        assert_eq!(
            c("**An error occurred: CMK_ERROR**").0,
            "An error occurred: CMK_ERROR"
        );
        assert_eq!(
            c("DNS lookup to ***.azurecr.io at IP 1.2.3.4 : OK").0,
            "DNS lookup to ***.azurecr.io at IP 1.2.3.4 : OK"
        );
        assert_eq!(
            c("Access to registry \u{2018}a.azurecr.io\u{2019}").0,
            "Access to registry 'a.azurecr.io'"
        );
    }

    #[test]
    fn long_lines_are_cut_on_a_character_boundary() {
        let s = "é".repeat(MAX_LINE);
        assert!(clean(&s).text.len() <= MAX_LINE);
    }
}
