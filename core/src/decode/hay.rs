//! A line asked many substring questions. Most lines of a long log hold none of the markers the
//! machines look for, and building a substring searcher for each marker on each line is where
//! the time went. A line's [`Pairs`] (which two-byte sequences it holds, case folded, in a
//! 4096-bit table) answers most of those questions "no" with a few bit tests; a "maybe" is
//! searched for as before. The answers are exactly `str::contains`'s: a marker that occurs
//! holds only pairs that occur.

use std::cell::OnceCell;
use std::ops::Deref;

/// Which adjacent byte pairs a text holds, ASCII case folded, hashed into 4096 bits.
pub(super) struct Pairs([u64; 64]);

/// Where a pair sits. `| 0x20` folds ASCII letters' case (and merges a few symbols, which only
/// makes a "maybe" likelier, never a wrong "no").
#[inline]
fn slot(a: u8, b: u8) -> usize {
    (usize::from(a | 0x20) * 67 + usize::from(b | 0x20)) & 4095
}

impl Pairs {
    pub(super) fn of(text: &str) -> Self {
        let mut bits = [0u64; 64];
        for w in text.as_bytes().windows(2) {
            let s = slot(w[0], w[1]);
            bits[s / 64] |= 1 << (s % 64);
        }
        Pairs(bits)
    }

    /// False only when `needle` (compared case folded) cannot occur in the text. Its first pair
    /// is tested before the rest: where a literal needle is inlined, that pair's place is a
    /// constant, and most answers are "no" at that first test.
    #[inline]
    fn may_hold(&self, needle: &str) -> bool {
        let b = needle.as_bytes();
        match b {
            [first, second, ..] => {
                self.has(slot(*first, *second))
                    && b[1..].windows(2).all(|w| self.has(slot(w[0], w[1])))
            }
            _ => true,
        }
    }

    #[inline]
    fn has(&self, slot: usize) -> bool {
        self.0[slot / 64] & (1 << (slot % 64)) != 0
    }
}

/// A text with its pairs: `contains` answers as `str::contains` does, faster when the answer
/// is no. Everything else is the text's own (`Deref<Target = str>`).
pub(super) struct Hay<'a> {
    text: &'a str,
    pairs: &'a Pairs,
}

impl<'a> Hay<'a> {
    /// `pairs` must be those of `text` or of a text that folds to the same case (its lower
    /// case): pairs are compared case folded.
    pub(super) fn new(text: &'a str, pairs: &'a Pairs) -> Self {
        Hay { text, pairs }
    }

    pub(super) fn pairs(&self) -> &'a Pairs {
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
    pairs: &'a Pairs,
    lower: OnceCell<String>,
}

impl<'a> LowerHay<'a> {
    /// `pairs` are those of `text` (pairs are case folded, so they are the lower case's too).
    pub(super) fn new(text: &'a str, pairs: &'a Pairs) -> Self {
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
        let pairs = Pairs::of(text);
        let hay = Hay::new(text, &pairs);
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
        let low = Hay::new(&lower, &pairs);
        assert!(low.contains("r.azurecr.io/v2/"));
        assert!(!low.contains("R.azurecr"));
    }

    proptest! {
        #[test]
        fn never_differs_from_str_contains(text in "[a-dA-D:\"é ]{0,40}", needle in "[a-dA-D:\"é ]{0,5}") {
            let pairs = Pairs::of(&text);
            let hay = Hay::new(&text, &pairs);
            prop_assert_eq!(hay.contains(&needle), text.contains(&needle));
            prop_assert_eq!(hay.find(&needle), text.find(&needle));
            prop_assert_eq!(hay.split_once(&needle), text.split_once(&needle));
            prop_assert_eq!(hay.starts_with(&needle), text.starts_with(&needle));
            prop_assert_eq!(hay.strip_prefix(&needle), text.strip_prefix(&needle));
            prop_assert_eq!(hay.ends_with(&needle), text.ends_with(&needle));
            prop_assert_eq!(hay.strip_suffix(&needle), text.strip_suffix(&needle));
            let lower = text.to_ascii_lowercase();
            let l = lower.as_str();
            prop_assert_eq!(Hay::new(l, &pairs).contains(&needle), l.contains(&needle));
            let lazy = LowerHay::new(&text, &pairs);
            prop_assert_eq!(lazy.contains(&needle), l.contains(&needle));
            prop_assert_eq!(lazy.find(&needle), l.find(&needle));
            prop_assert_eq!(&*lazy, l);
        }
    }
}
