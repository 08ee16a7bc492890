//! The about data file (what each code means beyond its fixes): what the catalogue gives, and,
//! read back through serde as the page reads it, every card's and reference entry's texts in
//! both languages as the catalogue has them.

mod util;

use acr_doctor_core::about::{self, About};
use acr_doctor_core::catalog::entry;
use acr_doctor_core::{french, Code, Lang};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../static/data/acr-doctor-about.json"
);
const FRENCH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../static/data/acr-doctor-fr.json"
);

fn file() -> Vec<u8> {
    std::fs::read(FILE).unwrap_or_else(|e| panic!("{FILE}: {e}"))
}

#[test]
fn the_file_is_what_the_catalogue_gives() {
    let written = serde_json::to_string_pretty(&about::from_catalogue()).expect("json") + "\n";
    assert!(
        String::from_utf8_lossy(&file()) == written,
        "static/data/acr-doctor-about.json is not the catalogue's: run\n  cargo run -q -p acr-doctor-core --example about > static/data/acr-doctor-about.json"
    );
}

/// The page's path: the catalogue's texts are those of this build until the file is taken, then
/// the file's (and the French file's French), and they are the same.
#[test]
fn the_file_read_gives_every_text_in_both_languages() {
    let before: Vec<_> = Code::ALL
        .into_iter()
        .flat_map(|c| Lang::ALL.map(|l| entry(c, l)))
        .collect();
    let read = about::read(&file(), util::PARSE).expect("the file fits");
    assert_eq!(read.codes.len(), Code::ALL.len());
    assert!(about::take(read.clone()));
    assert!(!about::take(read), "taken once");
    let fr = std::fs::read(FRENCH).expect("French file");
    assert!(french::take(
        french::read(&fr, util::PARSE).expect("French")
    ));
    let after: Vec<_> = Code::ALL
        .into_iter()
        .flat_map(|c| Lang::ALL.map(|l| entry(c, l)))
        .collect();
    assert_eq!(before, after);
    assert!(after
        .iter()
        .all(|e| !e.meaning.is_empty() && !e.causes.is_empty()));
}

#[test]
fn a_file_of_another_shape_is_refused() {
    let good = about::read(&file(), util::PARSE).expect("the file fits");
    let mut unknown = good.clone();
    for c in &mut unknown.codes {
        c.code = format!("NOT_{}", c.code);
    }
    let text = |a: &About| serde_json::to_vec(a).expect("json");
    assert_eq!(about::read(&text(&unknown), util::PARSE), None);
    for bad in [
        &b"[]"[..],
        b"{}",
        b"not json",
        b"{\"codes\": 7}",
        b"{\"codes\": [{\"code\": \"DOCKER_COMMAND_ERROR\"}]}",
    ] {
        assert_eq!(
            about::read(bad, util::PARSE),
            None,
            "{}",
            String::from_utf8_lossy(bad)
        );
    }
}
