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

/// Every fixed text's English and French, in the order of the sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct French {
    pub texts: Vec<(String, String)>,
}

/// The French by its English, once taken.
static TAKEN: OnceLock<HashMap<String, String>> = OnceLock::new();

/// The file read with `parse` (the browser in the page): `None` unless it is a list of pairs.
pub fn read(bytes: &[u8], parse: Parse) -> Option<French> {
    let french: French = lenient::read(lenient::within_bounds(bytes, parse)?)?;
    (!french.texts.is_empty()).then_some(french)
}

/// Keep `french` for the rest of the page's life; `false` when French was kept already.
pub fn take(french: French) -> bool {
    TAKEN.set(french.texts.into_iter().collect()).is_ok()
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
        .and_then(|texts| texts.get(en))
        .map_or(en, String::as_str)
}

/// The data file's content: the pairs of every `.rs` file under `dir` (the core's `src`), in
/// path order, each English once (a text written twice must have one French).
#[cfg(not(target_arch = "wasm32"))]
pub fn from_sources(dir: &std::path::Path) -> Result<French, String> {
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
    Ok(French { texts })
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
        assert!(read(br#"{"texts": [["Run", "Lancer"]]}"#, parse).is_some());
        for bad in [
            &br#"{"texts": []}"#[..],
            br#"{"texts": [["Run"]]}"#,
            br#"{"texts": {"Run": "Lancer"}}"#,
            b"[]",
            b"not json",
        ] {
            assert_eq!(read(bad, parse), None, "{}", String::from_utf8_lossy(bad));
        }
    }
}
