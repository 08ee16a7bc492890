//! Helpers shared by the decoder's tests.
#![allow(dead_code)]

use acr_doctor_core::decode::{decode, Finding, Report};

/// The paste below a fixture's `# ----- verbatim paste below this line -----` marker.
pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/real/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (_, paste) = text
        .split_once("# ----- verbatim paste below this line -----\n")
        .unwrap_or_else(|| panic!("{path}: no paste marker"));
    paste.to_owned()
}

pub fn codes(report: &Report) -> Vec<String> {
    report
        .findings
        .iter()
        .map(|f| f.code.title().to_owned())
        .collect()
}

pub fn only(report: &Report) -> &Finding {
    assert_eq!(
        report.findings.len(),
        1,
        "expected one finding, got {:?}",
        codes(report)
    );
    &report.findings[0]
}

pub fn decoded(text: &str) -> Report {
    decode(text)
}

/// JSON parsed as the tests parse it: serde_json where the page has the browser's `JSON.parse`.
pub const PARSE: acr_doctor_core::lenient::Parse = |b| serde_json::from_slice(b).ok();

/// A token's claims, parsed as the tests parse JSON.
pub fn claims(
    token: &str,
) -> Result<acr_doctor_core::probe::token::Claims, acr_doctor_core::probe::token::TokenError> {
    acr_doctor_core::probe::token::decode(token, PARSE)
}

/// A registry's answer, parsed as the tests parse JSON.
pub fn answer(body: &[u8]) -> Option<acr_doctor_core::probe::steps::JsonAnswer> {
    acr_doctor_core::probe::steps::JsonAnswer::read(body, PARSE)
}

/// A DNS answer: `name` CNAME `target` (when given), then `target` A `ip`.
pub fn dns_answer(rcode: u8, name: &str, cname: Option<&str>, ip: Option<[u8; 4]>) -> Vec<u8> {
    let encode = |n: &str| -> Vec<u8> {
        let q = acr_doctor_core::probe::dns::query(n, acr_doctor_core::probe::dns::Qtype::A)
            .expect("name");
        q[12..q.len() - 4].to_vec()
    };
    let count = u8::from(cname.is_some()) + u8::from(ip.is_some());
    let mut m = vec![0, 0, 0x81, 0x80 | rcode, 0, 1, 0, count, 0, 0, 0, 0];
    m.extend(encode(name));
    m.extend([0, 1, 0, 1]);
    let mut owner = name.to_owned();
    if let Some(c) = cname {
        let target = encode(c);
        m.extend(encode(&owner));
        m.extend([0, 5, 0, 1, 0, 0, 0, 60, 0, target.len() as u8]);
        m.extend(target);
        owner = c.to_owned();
    }
    if let Some(ip) = ip {
        m.extend(encode(&owner));
        m.extend([0, 1, 0, 1, 0, 0, 0, 60, 0, 4]);
        m.extend(ip);
    }
    m
}

/// An answer to an AAAA query for `name`: one address, or none.
pub fn aaaa_answer(name: &str, ip: Option<[u8; 16]>) -> Vec<u8> {
    let q = acr_doctor_core::probe::dns::query(name, acr_doctor_core::probe::dns::Qtype::Aaaa)
        .expect("name");
    let mut m = vec![
        0,
        0,
        0x81,
        0x80,
        0,
        1,
        0,
        u8::from(ip.is_some()),
        0,
        0,
        0,
        0,
    ];
    m.extend(&q[12..]);
    if let Some(ip) = ip {
        m.extend([0xc0, 12, 0, 28, 0, 1, 0, 0, 0, 60, 0, 16]);
        m.extend(ip);
    }
    m
}
