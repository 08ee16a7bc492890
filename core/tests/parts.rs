//! A big paste is decoded part by part (the page yields between parts); the report must be the
//! one `decode` gives for the whole text, wherever the cuts fall.

use acr_doctor_core::decode::{decode, parts, Decoding};
use proptest::prelude::*;

fn by_parts(text: &str, size: usize) -> acr_doctor_core::decode::Report {
    let mut d = Decoding::default();
    for part in parts(text, size) {
        d.feed(part);
    }
    d.finish()
}

#[test]
fn every_fixture_decodes_the_same_in_parts() {
    for dir in ["real", "beyond"] {
        let dir = format!("{}/tests/fixtures/{dir}", env!("CARGO_MANIFEST_DIR"));
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let whole = decode(&text);
            for size in [1, 7, 64, 300, 4096] {
                assert_eq!(
                    by_parts(&text, size),
                    whole,
                    "{} in parts of {size}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn a_rest_at_most_a_quarter_over_the_size_is_one_piece() {
    let text = ("x".repeat(99) + "\n").repeat(12);
    assert_eq!(parts(&text, 1000).collect::<Vec<_>>(), [text.as_str()]);
    // 1200 bytes are over 900 and a quarter: cut at the first newline after 900, the newline
    // dropped, and the 200 bytes left are one piece.
    assert_eq!(
        parts(&text, 900).map(str::len).collect::<Vec<_>>(),
        [999, 200]
    );
    let small: Vec<&str> = parts(&text, 100).collect();
    assert!(small.len() > 2 && small[..small.len() - 1].iter().all(|p| p.len() >= 100));
    assert_eq!(small.join("\n"), text);
    // The size is anyone's: the largest is one piece, not an overflow.
    assert_eq!(parts(&text, usize::MAX).count(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Real lines in any order, with CRLF and blank lines, cut anywhere.
    #[test]
    fn any_cut_gives_the_same_report(
        lines in prop::collection::vec(prop::sample::select(vec![
            "An error occurred: CONNECTIVITY_DNS_ERROR",
            "Please refer to https://aka.ms/acr/errors#connectivity_dns_error for more information.",
            "Docker version: 24.0.7",
            "Error response from daemon: Get \"https://r.azurecr.io/v2/\": dial tcp: lookup r.azurecr.io: no such host",
            "HTTP/1.1 401 Unauthorized",
            "www-authenticate: Bearer realm=\"https://r.azurecr.io/oauth2/token\"",
            "Traceback (most recent call last):",
            "  File \"x.py\", line 1",
            "The command failed with an unexpected error. Here is the traceback:",
            "2024-04-13T00:29:22.5774402Z Step 12/30 : RUN make build",
            "\r",
            "",
            "é ünïcode ✓",
        ]), 0..40),
        size in 1usize..200,
    ) {
        let text = lines.join("\n");
        prop_assert_eq!(by_parts(&text, size), decode(&text));
    }
}
