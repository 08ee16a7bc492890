//! The page's French as a data file (`static/data/acr-doctor-fr.json`): the page is built with
//! the fixed texts' English only (`tr!` and the catalogue's `t!` leave the French out on wasm),
//! and reads this file, with serde, when French is chosen; the first load carries one language.
//! (Texts with values, `trf!`, keep both languages in the page.)
//!
//! The Rust sources stay the one source: natively every text holds both languages, the file is
//! written from the sources' `tr!`/`t!` pairs (`cargo run -p acr-doctor-core --example french`),
//! and a test fails when the file is not what they give. The file is the list of pairs; a French
//! text is found by its English.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::lenient::{self, Parse};

/// Every fixed text's French beside its English's key, in the order of the sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct French {
    pub texts: Vec<(String, String)>,
}

/// The French by its English's key, as the page keeps it: a file read, its keys parsed once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyed(HashMap<u64, String>);

/// The French by its English's key, once taken.
static TAKEN: OnceLock<HashMap<u64, String>> = OnceLock::new();

/// An English text's key in the file: its 64-bit FNV-1a hash, as 16 hex digits. (A hash of
/// our own, not std's: the file is written by one build of Rust and read by another.) The
/// sources' texts have no two keys alike (`from_sources` refuses them).
pub fn key(en: &str) -> String {
    format!("{:016x}", hash(en))
}

fn hash(en: &str) -> u64 {
    en.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A key as the file writes it: exactly 16 lower-case hex digits.
fn parse_key(key: &str) -> Option<u64> {
    let hex = key.len() == 16 && key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    hex.then(|| u64::from_str_radix(key, 16).ok()).flatten()
}

impl French {
    /// The texts by key: `None` unless there is one, and every key is as the file writes it.
    pub fn keyed(self) -> Option<Keyed> {
        let texts = self
            .texts
            .into_iter()
            .map(|(k, fr)| Some((parse_key(&k)?, fr)))
            .collect::<Option<HashMap<_, _>>>()?;
        (!texts.is_empty()).then_some(Keyed(texts))
    }
}

/// The file read with `parse` (the browser in the page): `None` unless it is a list of pairs,
/// each a key and a text.
pub fn read(bytes: &[u8], parse: Parse) -> Option<Keyed> {
    lenient::read::<French>(lenient::within_bounds(bytes, parse)?)?.keyed()
}

/// Keep `french` for the rest of the page's life; `false` when French was kept already.
pub fn take(french: Keyed) -> bool {
    TAKEN.set(french.0).is_ok()
}

/// Whether the French is here: in this build's texts (natively), or taken.
pub fn present() -> bool {
    cfg!(not(target_arch = "wasm32")) || TAKEN.get().is_some()
}

/// The French of the text whose English is `en`; `en` itself until French is taken, or for a
/// text the file does not hold.
pub fn text(en: &'static str) -> &'static str {
    TAKEN
        .get()
        .and_then(|texts| texts.get(&hash(en)))
        .map_or(en, String::as_str)
}

/// The data file's content: `pairs_from_sources`, each English given as its key; `Err` if two
/// English texts had one key.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_sources(dir: &std::path::Path) -> Result<French, String> {
    let pairs = pairs_from_sources(dir)?;
    let mut keys: HashMap<u64, &str> = HashMap::new();
    for (en, _) in &pairs {
        if let Some(other) = keys.insert(hash(en), en) {
            return Err(format!("{en:?} and {other:?} have one key"));
        }
    }
    let texts = pairs.iter().map(|(en, fr)| (key(en), fr.clone())).collect();
    Ok(French { texts })
}

/// The English and French pairs of every `.rs` file under `dir` (the core's `src`), in path
/// order, each English once (a text written twice must have one French).
#[cfg(not(target_arch = "wasm32"))]
pub fn pairs_from_sources(dir: &std::path::Path) -> Result<Vec<(String, String)>, String> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
            let path = e.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "rs")
                // This file's examples of calls are not texts of the page.
                && !path.ends_with("french.rs")
            {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for path in files {
        let source =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (en, fr) in pairs_in(&source).map_err(|e| format!("{}: {e}", path.display()))? {
            match seen.get(&en) {
                Some(other) if *other != fr => {
                    return Err(format!("{}: {en:?} has two French texts", path.display()))
                }
                Some(_) => {}
                None => {
                    seen.insert(en.clone(), fr.clone());
                    texts.push((en, fr));
                }
            }
        }
    }
    Ok(texts)
}

/// The `tr!(lang, "…", "…")` and `t!("…", "…")` pairs of Rust sources, in order: what the data
/// file holds. Each call's two string literals are read as Rust reads them; `Err` names a call
/// whose texts are not two plain literals (the file would then miss a text).
#[cfg(not(target_arch = "wasm32"))]
pub fn pairs_in(source: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        for (at, _) in code.match_indices("!(") {
            // The macro's name: the identifier just before `!(`, not inside a string.
            let name_start = code[..at].trim_end_matches(is_ident).len();
            let name = &code[name_start..at];
            if !matches!(name, "t" | "tr") || code[..name_start].ends_with('"') {
                continue;
            }
            // The call, from its opening to the end of the source.
            let offset = line.len() - code.len() + at;
            let start = source.lines().take(n).map(|l| l.len() + 1).sum::<usize>() + offset;
            let call = &source[start + 2..];
            let pair = two_literals(call).ok_or_else(|| {
                format!("line {}: not two string literals: {}", n + 1, line.trim())
            })?;
            out.push(pair);
        }
    }
    Ok(out)
}

#[cfg(not(target_arch = "wasm32"))]
fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The first two string literals of a macro call's arguments (a `tr!`'s language first).
#[cfg(not(target_arch = "wasm32"))]
fn two_literals(call: &str) -> Option<(String, String)> {
    let first = call.find('"')?;
    // Only the language expression may come before the first text.
    if call[..first].contains(['(', ')', '"']) {
        return None;
    }
    let (en, rest) = literal(&call[first..])?;
    let rest = rest.trim_start().strip_prefix(',')?.trim_start();
    let (fr, _) = literal(rest)?;
    Some((en, fr))
}

/// A Rust string literal at the start of `s` (its escapes undone), and what follows it.
#[cfg(not(target_arch = "wasm32"))]
fn literal(s: &str) -> Option<(String, &str)> {
    let body = s.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &body[i + 1..])),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                '0' => out.push('\0'),
                c @ ('\\' | '"' | '\'') => out.push(c),
                'u' => {
                    let rest = &body[i + 2..];
                    let close = rest.find('}')?;
                    let hex = rest.get(1..close)?;
                    out.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?);
                    for _ in 0..=close {
                        chars.next();
                    }
                }
                '\n' => {
                    // A line continuation: the next line's leading whitespace goes too.
                    let rest = &body[i + 2..];
                    let skip = rest.len() - rest.trim_start().len();
                    for _ in rest[..skip].chars() {
                        chars.next();
                    }
                }
                _ => return None,
            },
            c => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_read_as_rust_reads_them() {
        let src = r#"
// tr!(lang, "in a comment", "ignored")
let a = tr!(lang, "Run", "Lancer");
let b = crate::tr!(
    self.lang,
    "A \"quoted\" \\ word\n",
    "Un mot \u{ab}cité\u{bb}",
);
const C: T = t!("one", "un");
let d = trf!(lang, "{x} left"; "{x} restant");
let e = format!("part!(x)");
"#;
        assert_eq!(
            pairs_in(src),
            Ok(vec![
                ("Run".into(), "Lancer".into()),
                ("A \"quoted\" \\ word\n".into(), "Un mot «cité»".into()),
                ("one".into(), "un".into()),
            ])
        );
        assert!(pairs_in(r#"tr!(lang, X, "y")"#).is_err());
    }

    #[test]
    fn a_file_is_a_list_of_pairs() {
        let parse: Parse = |b| serde_json::from_slice(b).ok();
        assert!(read(br#"{"texts": [["00000000000000ff", "Lancer"]]}"#, parse).is_some());
        for bad in [
            &br#"{"texts": []}"#[..],
            br#"{"texts": [["Run", "Lancer"]]}"#,
            br#"{"texts": [["00000000000000FF", "Lancer"]]}"#,
            br#"{"texts": [["0000000000000ff", "Lancer"]]}"#,
            br#"{"texts": [["+00000000000000f", "Lancer"]]}"#,
            br#"{"texts": [["00000000000000ff"]]}"#,
            br#"{"texts": {"Run": "Lancer"}}"#,
            b"[]",
            b"not json",
        ] {
            assert_eq!(read(bad, parse), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn a_key_is_fnv1a_of_the_english() {
        // FNV-1a's published values: the empty text, and "a".
        assert_eq!(key(""), "cbf29ce484222325");
        assert_eq!(key("a"), "af63dc4c8601ec8c");
        assert_eq!(parse_key(&key("Run")), Some(hash("Run")));
    }
}
