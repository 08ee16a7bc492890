//! Whatever a registry, a resolver or a person sends, the probe knowledge answers without panic.

mod util;

use acr_doctor_core::probe::{challenge, dns, target, token};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// A resolver's answer is untrusted bytes.
    #[test]
    fn any_dns_answer(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = dns::parse(&bytes);
    }

    /// A well-formed header followed by junk records.
    #[test]
    fn dns_answers_with_a_real_header(ancount in 0u8..8, rest in prop::collection::vec(any::<u8>(), 0..300)) {
        let mut msg = vec![0, 0, 0x81, 0x80, 0, 1, 0, ancount, 0, 0, 0, 0];
        msg.extend(dns::query("r.azurecr.io", dns::Qtype::A).expect("query")[12..].iter());
        msg.extend(rest);
        let _ = dns::parse(&msg);
    }

    #[test]
    fn any_challenge_header(header in any::<String>()) {
        if let Some(c) = challenge::parse(&header) {
            let _ = c.supports_entra();
            if let Some(realm) = c.param("realm") {
                let _ = challenge::endpoint(realm, "/oauth2/token");
            }
        }
    }

    #[test]
    fn any_pasted_token(t in any::<String>(), now in any::<i64>()) {
        if let Ok(claims) = util::claims(&t) {
            let _ = token::diagnose(&claims, now, Some("r.azurecr.io"), Some("t"), Some(&token::scope_access(Some("app"))));
        }
    }

    /// JWT-shaped input with arbitrary JSON-ish claims.
    #[test]
    fn jwt_shaped_tokens(claims in "\\{[ -~]{0,80}\\}", now in any::<i64>()) {
        let t = format!("eyJhbGciOiJub25lIn0.{}.", dns::base64url(claims.as_bytes()));
        if let Ok(c) = util::claims(&t) {
            let _ = token::diagnose(&c, now, None, None, None);
        }
    }

    #[test]
    fn any_typed_registry(input in any::<String>()) {
        if let Ok(t) = target::parse_target(&input) {
            prop_assert!(t.origin.starts_with("http://") || t.origin.starts_with("https://"));
            prop_assert!(!t.origin.contains('@'), "no userinfo in {}", t.origin);
            let _ = dns::get_url("https://doh.example/dns-query", &t.host, dns::Qtype::A);
        }
    }
}

#[test]
fn timestamps_at_the_edges_do_not_overflow() {
    let t = format!("e30.{}.", dns::base64url(br#"{"exp":-9223372036854775808,"nbf":9223372036854775807,"access":[{"type":"registry"}]}"#));
    let c = util::claims(&t).expect("decode");
    let _ = token::diagnose(&c, i64::MAX, None, None, None);
    let _ = token::diagnose(&c, i64::MIN, None, None, None);
}

#[test]
fn claim_rows_at_the_edges() {
    use acr_doctor_core::probe::words::claim_rows;
    let t = format!(
        "e30.{}.",
        dns::base64url(br#"{"exp":-9223372036854775808}"#)
    );
    let c = util::claims(&t).expect("decode");
    for lang in acr_doctor_core::Lang::ALL {
        let rows = claim_rows(&c, i64::MAX, lang);
        assert!(rows
            .iter()
            .any(|(_, v)| v.contains("unix -9223372036854775808")));
    }
}

proptest! {
    /// A transcript's parser never panics, and a line it does not know is never a step: every
    /// step it returns is one of the lines that start with a step's name and a result.
    #[test]
    fn transcripts_of_anything(lines in proptest::collection::vec("\\PC{0,60}|(dns|tcp|tls|v2|token|manifest|blob|data-get) (ok|fail|skip|[0-9]{3}|x)( [a-z-]{1,8}=\\PC{0,12})?", 0..30)) {
        let text = format!("acr-doctor-kit 1 https://r.azurecr.io\n{}", lines.join("\n"));
        if let Some(t) = acr_doctor_core::probe::transcript::parse(text.lines()) {
            let known = lines.iter().filter(|l| {
                let mut w = l.split_whitespace();
                let step = w.next().unwrap_or("");
                let result = w.next().unwrap_or("");
                ["dns", "tcp", "tls", "v2", "token", "manifest", "blob", "data-dns", "data-tcp", "data-tls", "data-get"].contains(&step)
                    && (["ok", "fail", "skip"].contains(&result) || (result.len() == 3 && result.bytes().all(|b| b.is_ascii_digit())))
            }).count();
            prop_assert!(t.lines.len() <= known);
            let _ = acr_doctor_core::probe::kit::judge(&t);
        }
        // Whatever the lines, the decoder reads no other tool's message in a transcript: its
        // only findings are the codes of the transcript's own failing steps, marked as the kit's.
        let r = acr_doctor_core::decode::decode(&text);
        let failing: Vec<_> = r.kit.as_ref().map(acr_doctor_core::probe::kit::judge).unwrap_or_default()
            .into_iter()
            .filter(|k| k.judged.status == acr_doctor_core::probe::steps::Status::Error)
            .filter_map(|k| k.judged.code)
            .collect();
        for f in &r.findings {
            prop_assert_eq!(f.source, acr_doctor_core::decode::Source::Kit);
            prop_assert!(f.code.known().is_some_and(|c| failing.contains(&c)), "{}", f.code.title());
        }
    }
}
