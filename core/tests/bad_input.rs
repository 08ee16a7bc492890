//! Whatever is pasted, the decoder returns a report: no panic, nothing lost, linear work.

mod util;

use acr_doctor_core::decode::{decode, Verdict};
use acr_doctor_core::explain::explain;
use acr_doctor_core::summary::verdict_text;
use acr_doctor_core::Lang;
use proptest::prelude::*;

#[test]
fn empty_and_blank_text_is_unrecognised() {
    for text in ["", "\n", "   \n\t\n", "\r\n\r\n"] {
        let r = decode(text);
        assert_eq!(r.verdict(), Verdict::Unrecognized, "{text:?}");
        assert!(r.findings.is_empty());
    }
}

#[test]
fn the_unrecognised_message_says_what_the_page_reads() {
    let r = decode("hello world");
    let (title, detail) = verdict_text(&r, Lang::En);
    assert_eq!(title, "Nothing recognised");
    assert!(detail.contains("az acr check-health"));
    assert!(detail.contains("An error occurred: CONNECTIVITY_DNS_ERROR"));
    let (title, _) = verdict_text(&r, Lang::Fr);
    assert_eq!(title, "Rien de reconnu");
}

#[test]
fn binary_junk_and_nul_bytes() {
    let junk: Vec<u8> = (0..=255u8).cycle().take(64 * 1024).collect();
    let text = String::from_utf8_lossy(&junk);
    let r = decode(&text);
    assert_eq!(r.verdict(), Verdict::Unrecognized);
    let r = decode("An error occurred: CONNECTIVITY_DNS_ERROR\0\0\nFailed to reach DNS for registry 'n\0ul.azurecr.io'.");
    assert_eq!(r.findings[0].code.title(), "CONNECTIVITY_DNS_ERROR");
}

#[test]
fn html_and_script_are_only_text() {
    let r = decode("<script>alert(1)</script>\nAn error occurred: <img src=x onerror=alert(1)>\nAn error occurred: CONNECTIVITY_SSL_ERROR\n<b>Unable</b> to establish a secure connection to the registry 'x.azurecr.io'.");
    assert_eq!(r.findings.len(), 1);
    assert_eq!(
        r.findings[0].message,
        ["<b>Unable</b> to establish a secure connection to the registry 'x.azurecr.io'."]
    );
}

#[test]
fn ten_mebibytes_of_text() {
    let line = "2024-01-01T00:00:00.0000000Z some build log line with CONNECTIVITY words and az acr login mentions\n";
    let mut text = line.repeat(10 * 1024 * 1024 / line.len());
    text.push_str("An error occurred: CONNECTIVITY_CHALLENGE_ERROR\nRegistry 'end.azurecr.io' did not issue a challenge.\n");
    let r = decode(&text);
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].registry.as_deref(), Some("end.azurecr.io"));

    // One enormous line, and ten million empty ones.
    assert_eq!(
        decode(&"A".repeat(10 * 1024 * 1024)).verdict(),
        Verdict::Unrecognized
    );
    assert_eq!(
        decode(&"\n".repeat(10 * 1024 * 1024)).lines,
        10 * 1024 * 1024 + 1
    );
}

#[test]
fn a_flood_of_errors_is_capped() {
    let mut text = String::new();
    for i in 0..5000 {
        text.push_str(&format!("An error occurred: NEW_CODE_{i}\nmessage {i}.\n"));
    }
    let r = decode(&text);
    assert_eq!(r.findings.len(), 500);
}

fn grammar_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("An error occurred: ".to_owned()),
        Just("CONNECTIVITY_REFRESH_TOKEN_ERROR".to_owned()),
        Just("NOTARY".to_owned()),
        Just("Response code: 4".to_owned()),
        Just("registry '".to_owned()),
        Just(".azurecr.io".to_owned()),
        Just("Traceback (most recent call last):".to_owned()),
        Just("The command failed with an unexpected error".to_owned()),
        Just("\u{1b}[33m".to_owned()),
        Just("WARNING: ".to_owned()),
        Just("> ".to_owned()),
        Just("**".to_owned()),
        Just("2024-05-18 06:54:20.2 ".to_owned()),
        Just("2024-04-13T00:29:22.5774402Z ".to_owned()),
        Just("##[error]".to_owned()),
        Just("HTTP/1.1 401 ".to_owned()),
        Just("www-authenticate: Bearer realm=\"".to_owned()),
        Just("$ curl -si https://r.azurecr.io/v2/".to_owned()),
        Just("curl: (6) ".to_owned()),
        Just("DNS lookup to ".to_owned()),
        Just(" at IP ".to_owned()),
        Just(" : OK".to_owned()),
        Just("Please run 'az login' to setup account.".to_owned()),
        Just("\n".to_owned()),
        Just("  ".to_owned()),
        Just("é€😀".to_owned()),
        "[ -~]{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Arbitrary text never panics, and every finding points at lines that exist.
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let r = decode(&text);
        let lines = text.split('\n').count();
        for f in &r.findings {
            for s in &f.lines {
                prop_assert!(s.first >= 1 && s.first <= s.last && s.last <= lines);
            }
        }
    }

    /// Text built from pieces of the CLI's grammar, the hard case for a line parser.
    #[test]
    fn grammar_shaped_text_never_panics(pieces in prop::collection::vec(grammar_piece(), 0..60)) {
        let text = pieces.concat();
        let r = decode(&text);
        for f in &r.findings {
            for lang in Lang::ALL {
                let e = explain(f, lang);
                prop_assert!(!e.summary.is_empty());
            }
        }
        let _ = verdict_text(&r, Lang::Fr);
    }
}

#[test]
fn a_flood_of_one_note_is_one_note_with_its_count() {
    let line = "Unable to authenticate using AAD or admin login credentials. Please specify both username and password in non-interactive mode.\n";
    let text = line.repeat(16 * 1024 * 1024 / line.len());
    let r = decode(&text);
    assert_eq!(r.notes.len(), 1);
    assert_eq!(r.notes[0].count, 16 * 1024 * 1024 / line.len());
    assert_eq!(r.notes_omitted, 0);
}

#[test]
fn distinct_notes_are_capped_and_the_rest_counted() {
    let text: String = (0..300)
        .map(|i| format!("Unable to get AAD authorization tokens with message: reason {i}\n"))
        .collect();
    let r = decode(&text);
    assert_eq!(r.notes.len(), acr_doctor_core::decode::MAX_NOTES);
    assert_eq!(r.notes_omitted, 300 - acr_doctor_core::decode::MAX_NOTES);
}
