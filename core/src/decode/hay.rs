//! A line asked many substring questions. Most lines of a long log hold none of the markers the
//! machines look for, and building a substring searcher for each marker on each line is where
//! the time went. A line's [`Pairs`] (which two-byte sequences it holds, case folded, hashed
//! into 4096 places) answers most of those questions "no" with a few lookups; a "maybe" is
//! searched for as before. The answers are exactly `str::contains`'s: a marker that occurs
//! holds only pairs that occur.

use std::cell::OnceCell;
use std::ops::Deref;

/// How many places a pair can hash to.
const SLOTS: usize = 4096;

/// Where texts' pairs are marked, one text at a time: a table of [`SLOTS`] bytes reused from line
/// to line. Each text's marks carry a new stamp, so the table is not cleared between texts (only
/// when the stamp wraps around, every 255 texts): marking a pair is one store, where a bit set
/// cleared per line cost a read, a write and a 512-byte copy each time.
pub(super) struct PairTable {
    marks: Box<[u8; SLOTS]>,
    stamp: u8,
}

impl Default for PairTable {
    fn default() -> Self {
        PairTable {
            marks: Box::new([0; SLOTS]),
            stamp: 0,
        }
    }
}

impl PairTable {
    /// Mark the pairs of `text`; the previous text's are forgotten.
    pub(super) fn read(&mut self, text: &str) -> Pairs<'_> {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.marks.fill(0);
            self.stamp = 1;
        }
        for w in text.as_bytes().windows(2) {
            self.marks[slot(w[0], w[1])] = self.stamp;
        }
        Pairs {
            marks: &self.marks,
            stamp: self.stamp,
        }
    }
}

/// Which adjacent byte pairs a text holds, ASCII case folded, hashed into [`SLOTS`] places: the
/// places of a [`PairTable`] that carry the text's stamp.
#[derive(Clone, Copy)]
pub(super) struct Pairs<'a> {
    marks: &'a [u8; SLOTS],
    stamp: u8,
}

/// Where a pair sits. `| 0x20` folds ASCII letters' case (and merges a few symbols, which only
/// makes a "maybe" likelier, never a wrong "no").
#[inline(always)]
fn slot(a: u8, b: u8) -> usize {
    (usize::from(a | 0x20) * 67 + usize::from(b | 0x20)) & (SLOTS - 1)
}

impl Pairs<'_> {
    /// False only when `needle` (compared case folded) cannot occur in the text. Its first pair
    /// is tested before the rest: where a literal needle is inlined, that pair's place is a
    /// constant, and most answers are "no" at that first test. Always inlined, the rest in a
    /// function of its own: the page's wasm is built for size, and there this test was a call
    /// of its own, set up for every question.
    #[inline(always)]
    fn may_hold(&self, needle: &str) -> bool {
        match needle.as_bytes() {
            [first, second, ..] => self.has(slot(*first, *second)) && self.holds_rest(needle),
            _ => true,
        }
    }

    /// The pairs of `needle` after its first.
    #[inline]
    fn holds_rest(&self, needle: &str) -> bool {
        needle.as_bytes()[1..]
            .windows(2)
            .all(|w| self.has(slot(w[0], w[1])))
    }

    #[inline(always)]
    fn has(&self, slot: usize) -> bool {
        self.marks[slot] == self.stamp
    }
}

/// A text with its pairs: `contains` answers as `str::contains` does, faster when the answer
/// is no. Everything else is the text's own (`Deref<Target = str>`).
pub(super) struct Hay<'a> {
    text: &'a str,
    pairs: Pairs<'a>,
}

impl<'a> Hay<'a> {
    /// `pairs` must be those of `text` or of a text that folds to the same case (its lower
    /// case): pairs are compared case folded.
    pub(super) fn new(text: &'a str, pairs: Pairs<'a>) -> Self {
        Hay { text, pairs }
    }

    pub(super) fn pairs(&self) -> Pairs<'a> {
        self.pairs
    }

    /// Whether `needle` occurs in the text: `str::contains`, searched only when the pairs allow.
    #[inline]
    pub(super) fn contains(&self, needle: &str) -> bool {
        self.pairs.may_hold(needle) && self.text.contains(needle)
    }

    /// `str::find` for a text needle, searched only when the pairs allow.
    pub(super) fn find(&self, needle: &str) -> Option<usize> {
        if self.pairs.may_hold(needle) {
            self.text.find(needle)
        } else {
            None
        }
    }

    /// `str::split_once` for a text needle, searched only when the pairs allow.
    pub(super) fn split_once(&self, needle: &str) -> Option<(&'a str, &'a str)> {
        if self.pairs.may_hold(needle) {
            self.text.split_once(needle)
        } else {
            None
        }
    }
}

/// Prefix and suffix questions, answered as `str`'s are, with their first (last) byte compared
/// before the rest: most lines are asked about many prefixes and start with none of them.
impl<'a> Hay<'a> {
    pub(super) fn starts_with(&self, prefix: &str) -> bool {
        first_byte_fits(self.text, prefix) && self.text.starts_with(prefix)
    }

    pub(super) fn strip_prefix(&self, prefix: &str) -> Option<&'a str> {
        if first_byte_fits(self.text, prefix) {
            self.text.strip_prefix(prefix)
        } else {
            None
        }
    }

    pub(super) fn ends_with(&self, suffix: &str) -> bool {
        last_byte_fits(self.text, suffix) && self.text.ends_with(suffix)
    }

    pub(super) fn strip_suffix(&self, suffix: &str) -> Option<&'a str> {
        if last_byte_fits(self.text, suffix) {
            self.text.strip_suffix(suffix)
        } else {
            None
        }
    }
}

/// False only when `text` cannot start with `prefix`.
#[inline]
fn first_byte_fits(text: &str, prefix: &str) -> bool {
    match prefix.as_bytes().first() {
        Some(b) => text.as_bytes().first() == Some(b),
        None => true,
    }
}

/// False only when `text` cannot end with `suffix`.
#[inline]
fn last_byte_fits(text: &str, suffix: &str) -> bool {
    match suffix.as_bytes().last() {
        Some(b) => text.as_bytes().last() == Some(b),
        None => true,
    }
}

/// A text's ASCII lower case asked as a [`Hay`] is, but made only when a question gets past the
/// pairs: most lines of a long log are never asked anything their pairs allow.
pub(super) struct LowerHay<'a> {
    text: &'a str,
    pairs: Pairs<'a>,
    lower: OnceCell<String>,
}

impl<'a> LowerHay<'a> {
    /// `pairs` are those of `text` (pairs are case folded, so they are the lower case's too).
    pub(super) fn new(text: &'a str, pairs: Pairs<'a>) -> Self {
        LowerHay {
            text,
            pairs,
            lower: OnceCell::new(),
        }
    }

    fn lower(&self) -> &str {
        self.lower.get_or_init(|| self.text.to_ascii_lowercase())
    }

    /// Whether `needle` occurs in the lower case: `str::contains`.
    #[inline]
    pub(super) fn contains(&self, needle: &str) -> bool {
        self.pairs.may_hold(needle) && self.lower().contains(needle)
    }

    /// `str::find` in the lower case.
    pub(super) fn find(&self, needle: &str) -> Option<usize> {
        if self.pairs.may_hold(needle) {
            self.lower().find(needle)
        } else {
            None
        }
    }
}

impl Deref for LowerHay<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.lower()
    }
}

impl Deref for Hay<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn answers_as_str_contains() {
        let text = "Error response from daemon: Get \"https://R.azurecr.io/v2/\": denied";
        let mut table = PairTable::default();
        let pairs = table.read(text);
        let hay = Hay::new(text, pairs);
        for needle in [
            "",
            "d",
            "denied",
            "R.azurecr",
            "r.azurecr",
            "daemon: Get",
            "nope",
            "v2/\":",
        ] {
            assert_eq!(hay.contains(needle), text.contains(needle), "{needle}");
        }
        let lower = text.to_ascii_lowercase();
        let low = Hay::new(&lower, pairs);
        assert!(low.contains("r.azurecr.io/v2/"));
        assert!(!low.contains("R.azurecr"));
    }

    proptest! {
        #[test]
        fn never_differs_from_str_contains(text in "[a-dA-D:\"é ]{0,40}", needle in "[a-dA-D:\"é ]{0,5}") {
            let mut table = PairTable::default();
            let pairs = table.read(&text);
            let hay = Hay::new(&text, pairs);
            prop_assert_eq!(hay.contains(&needle), text.contains(&needle));
            prop_assert_eq!(hay.find(&needle), text.find(&needle));
            prop_assert_eq!(hay.split_once(&needle), text.split_once(&needle));
            prop_assert_eq!(hay.starts_with(&needle), text.starts_with(&needle));
            prop_assert_eq!(hay.strip_prefix(&needle), text.strip_prefix(&needle));
            prop_assert_eq!(hay.ends_with(&needle), text.ends_with(&needle));
            prop_assert_eq!(hay.strip_suffix(&needle), text.strip_suffix(&needle));
            let lower = text.to_ascii_lowercase();
            let l = lower.as_str();
            prop_assert_eq!(Hay::new(l, pairs).contains(&needle), l.contains(&needle));
            let lazy = LowerHay::new(&text, pairs);
            prop_assert_eq!(lazy.contains(&needle), l.contains(&needle));
            prop_assert_eq!(lazy.find(&needle), l.find(&needle));
            prop_assert_eq!(&*lazy, l);
        }
    }

    #[test]
    fn a_reused_table_forgets_a_text_when_its_stamp_comes_round_again() {
        let mut table = PairTable::default();
        table.read("ab");
        for _ in 0..600 {
            assert!(!table.read("").has(slot(b'a', b'b')));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]
        /// One table read text after text, past its stamp's wrap-around: each text's marks are
        /// exactly its own pairs' places, whatever the table held before.
        #[test]
        fn a_reused_table_holds_only_its_last_text(texts in proptest::collection::vec("[a-dA-D: ]{0,12}", 250..600)) {
            let mut table = PairTable::default();
            for text in &texts {
                let pairs = table.read(text);
                let own: Vec<usize> = text.as_bytes().windows(2).map(|w| slot(w[0], w[1])).collect();
                for s in 0..SLOTS {
                    prop_assert_eq!(pairs.has(s), own.contains(&s));
                }
            }
        }
    }
}
