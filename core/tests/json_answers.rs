//! The JSON the probes read, through serde, against what an attacker may send: any bytes, any
//! value in any field, nesting a million deep, repeated fields. serde_json parses here as the
//! browser's `JSON.parse` does in the page; the same `Deserialize` types read both.

mod util;

use acr_doctor_core::lenient::{nesting_within, MAX_DEPTH};
use proptest::prelude::*;
use serde_json::{json, Value};
use util::{answer, claims};

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        "[ -~é€😀\\\\\"]{0,10}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The fields the probes read, each given a value of any shape.
fn object_with_known_fields() -> impl Strategy<Value = Value> {
    let names = [
        "errors",
        "refresh_token",
        "access_token",
        "repositories",
        "tags",
        "aud",
        "access",
        "iss",
        "grant_type",
        "tid",
        "tenant",
        "upn",
        "sub",
        "exp",
        "nbf",
        "iat",
        "scp",
        "roles",
        "code",
        "message",
        "type",
        "name",
        "actions",
    ];
    prop::collection::vec((prop::sample::select(names.to_vec()), value()), 0..10)
        .prop_map(|fs| Value::Object(fs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
}

fn depth(v: &Value) -> usize {
    match v {
        Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

fn jwt(claims: &Value) -> String {
    use std::fmt::Write as _;
    // base64url without padding, written here: the test's own encoder of the token's middle.
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bytes = claims.to_string().into_bytes();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, b| (n << 8) | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            let _ = out.write_char(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    format!("e30.{out}.c2ln")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    /// Any bytes: an answer or none, never a panic.
    #[test]
    fn any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = answer(&bytes);
    }

    /// An object is always an answer, whatever its fields hold: a field of another shape is
    /// left out on its own. Anything but an object is none.
    #[test]
    fn every_object_is_an_answer(v in object_with_known_fields()) {
        let text = v.to_string();
        prop_assert!(answer(text.as_bytes()).is_some(), "{}", text);
        prop_assert!(claims(&jwt(&v)).is_ok(), "{}", text);
    }

    #[test]
    fn only_objects_are_answers(v in value()) {
        let text = v.to_string();
        prop_assert_eq!(answer(text.as_bytes()).is_some(), v.is_object() && depth(&v) <= MAX_DEPTH);
    }

    /// The bound is counted as the parser nests: brackets in strings do not count.
    #[test]
    fn nesting_is_counted_as_parsed(v in value()) {
        let text = v.to_string();
        for max in 0..6 {
            prop_assert_eq!(nesting_within(text.as_bytes(), max), depth(&v) <= max, "{} max {}", text, max);
        }
    }
}

#[test]
fn nesting_is_bounded() {
    let deep = |n: usize| format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n));
    assert!(answer(deep(MAX_DEPTH).as_bytes()).is_some());
    assert!(answer(deep(MAX_DEPTH + 1).as_bytes()).is_none());
    // A million deep is refused before any parser recurses into it.
    let flood = "[".repeat(1_000_000);
    assert!(answer(flood.as_bytes()).is_none());
    assert_eq!(
        claims(&jwt(&json!({"a": 1})).replace("eyJhIjoxfQ", &"W1tb".repeat(1000))),
        Err(acr_doctor_core::probe::token::TokenError::Json)
    );
}

#[test]
fn fields_read_as_the_browser_reads_them() {
    // A repeated field: the last wins, as JSON.parse keeps it; its name is listed once.
    let a = answer(br#"{"refresh_token":"one","errors":[{"code":"DENIED","message":"no"},7,"x"],"refresh_token":"two","tags":["v1",2,null,"v2"]}"#).expect("object");
    assert_eq!(a.refresh_token.as_deref(), Some("two"));
    assert_eq!(a.errors.len(), 1);
    assert_eq!(a.errors[0].code, "DENIED");
    assert_eq!(a.tags, Some(vec!["v1".to_owned(), "v2".to_owned()]));
    assert_eq!(a.fields, ["refresh_token", "errors", "tags"]);
    // Claims of other shapes are left out one by one.
    let c = claims(&jwt(&json!({"aud": 7, "exp": "soon", "iat": 1.5, "nbf": 1700000000.0, "access": {"type": "x"}, "tid": "t"}))).expect("claims");
    assert!(c.audience.is_empty());
    assert_eq!(
        (c.expires, c.issued, c.not_before),
        (None, None, Some(1_700_000_000))
    );
    assert!(c.access.is_empty());
    assert_eq!(c.tenant.as_deref(), Some("t"));
    // An array is not claims.
    assert!(claims(&jwt(&json!([1, 2]))).is_err());
}
