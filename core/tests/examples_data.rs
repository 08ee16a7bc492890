//! The page's examples: each a real paste, verbatim from the fixture it names, one for each id
//! the page offers, and each explained with at least one error.

use acr_doctor_core::{decode, example, Verdict};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../static/data/acr-doctor-examples.txt"
);

#[test]
fn every_example_is_a_real_paste_the_page_explains() {
    let file = std::fs::read_to_string(FILE).unwrap_or_else(|e| panic!("{FILE}: {e}"));
    let ids: Vec<&str> = example::all(&file).map(|(id, _, _)| id).collect();
    assert_eq!(ids, example::IDS);
    for (id, source, text) in example::all(&file) {
        let path = format!("{}/../{source}", env!("CARGO_MANIFEST_DIR"));
        let fixture = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path}: {err}"));
        assert!(text.trim().len() > 40, "{id}: too short to teach anything");
        assert!(fixture.contains(text), "{id}: not verbatim from {source}");
        let report = decode(text);
        assert_eq!(report.verdict(), Verdict::Errors, "{id}");
        assert!(!report.findings.is_empty(), "{id}");
        assert_eq!(example::text(&file, id), Some(text));
    }
    assert_eq!(example::text(&file, "nothing"), None);
    assert_eq!(example::all("no heading here").count(), 0);
}
