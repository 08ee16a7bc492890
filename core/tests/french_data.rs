//! The page's French data file: what the sources' texts give, read back through serde into the
//! same texts, every fixed text of the sources in it, and a file of another shape refused.

mod util;

use std::path::Path;

use acr_doctor_core::french::{self, French};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../static/data/acr-doctor-fr.json"
);

fn src() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn file() -> Vec<u8> {
    std::fs::read(FILE).unwrap_or_else(|e| panic!("{FILE}: {e}"))
}

#[test]
fn the_file_is_what_the_sources_give() {
    let from_sources = french::from_sources(&src()).expect("the sources' texts");
    let written = serde_json::to_string_pretty(&from_sources).expect("json") + "\n";
    assert!(
        String::from_utf8_lossy(&file()) == written,
        "static/data/acr-doctor-fr.json is not the sources' French: run\n  cargo run -q -p acr-doctor-core --example french > static/data/acr-doctor-fr.json"
    );
}

/// Every `tr!(`/`t!(` call of the sources, counted plainly, was read as a pair: none is missing
/// from the file (its French would show in English).
#[test]
fn every_fixed_text_is_in_the_file() {
    let mut calls = 0;
    let mut pairs = 0;
    let mut dirs = vec![src()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(d).expect("dir") {
            let path = e.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|x| x != "rs") || path.ends_with("french.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source");
            pairs += french::pairs_in(&text).expect("pairs").len();
            for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for name in ["t!(", "tr!("] {
                    calls += line
                        .match_indices(name)
                        .filter(|(at, _)| {
                            !line[..*at]
                                .ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '"')
                        })
                        .count();
                }
            }
        }
    }
    assert!(calls > 500, "{calls} calls found");
    assert_eq!(pairs, calls);
}

#[test]
fn the_file_read_gives_every_french_text() {
    let read = french::read(&file(), util::PARSE).expect("the file fits");
    let from_sources = french::from_sources(&src()).expect("texts");
    let pairs = french::pairs_from_sources(&src()).expect("pairs");
    assert_eq!(pairs.len(), from_sources.texts.len());
    assert_eq!(Some(read.clone()), from_sources.keyed());
    assert!(french::take(read.clone()));
    assert!(!french::take(read), "taken once");
    for (en, fr) in pairs {
        let en: &'static str = Box::leak(en.into_boxed_str());
        assert_eq!(french::text(en), fr);
    }
    assert_eq!(
        french::text("not a text of the page"),
        "not a text of the page"
    );
}

#[test]
fn a_file_of_another_shape_is_refused() {
    let good = french::from_sources(&src()).expect("texts");
    let text = |f: &French| serde_json::to_vec(f).expect("json");
    assert!(french::read(&text(&good), util::PARSE).is_some());
    let mut empty = good.clone();
    empty.texts.clear();
    assert_eq!(french::read(&text(&empty), util::PARSE), None);
    for bad in [
        &b"[]"[..],
        b"{}",
        b"not json",
        b"{\"texts\": 7}",
        b"{\"texts\": [[\"a\", 1]]}",
        b"{\"texts\": [[\"Run\", \"Lancer\"]]}",
    ] {
        assert_eq!(french::read(bad, util::PARSE), None);
    }
}
