//! JSON as the probes meet it: a registry's answers and a token's claims, read as an attacker may
//! have written them. The grammar is RFC 8259's (a property test holds it to serde_json's), and
//! nesting is bounded, so no answer can exhaust the stack. The probes read a few fields each, by
//! hand ([`Json::get`] and friends); a general deserializer cost the page about 20 KB gzipped.

/// Arrays and objects nested deeper than this are refused.
pub const MAX_DEPTH: usize = 64;

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number written as an integer that fits `i64` (not `-0`).
    Int(i64),
    /// Any other number (a fraction, an exponent, `-0`, or too large), as written.
    Number(String),
    Str(String),
    Array(Vec<Json>),
    /// Fields in the order written. A repeated name is kept; [`Json::get`] reads the last one, as
    /// the browser's `JSON.parse` does.
    Object(Vec<(String, Json)>),
}

/// The JSON value `bytes` hold, or `None` when they are not exactly one (UTF-8, RFC 8259,
/// nested at most [`MAX_DEPTH`] deep, whitespace around it allowed).
pub fn parse(bytes: &[u8]) -> Option<Json> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut p = Parser {
        b: text.as_bytes(),
        at: 0,
    };
    let value = p.value(0)?;
    p.skip_space();
    (p.at == p.b.len()).then_some(value)
}

impl Json {
    /// The field `name` of an object (the last, when repeated); `None` for a missing field, a
    /// `null` one, or a value that is not an object.
    pub fn get(&self, name: &str) -> Option<&Json> {
        let Json::Object(fields) = self else {
            return None;
        };
        fields
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
            .filter(|v| **v != Json::Null)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_int(&self) -> Option<i64> {
        match self {
            Json::Int(i) => Some(*i),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The text of field `name`, when it is a string.
    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name)?.as_str().map(str::to_owned)
    }

    /// The strings of field `name`, when it is a list (other items are skipped).
    pub fn texts(&self, name: &str) -> Option<Vec<String>> {
        let items = self.get(name)?.as_array()?;
        Some(
            items
                .iter()
                .filter_map(Json::as_str)
                .map(str::to_owned)
                .collect(),
        )
    }

    /// The objects of field `name`, when it is a list (other items are skipped).
    pub fn objects(&self, name: &str) -> impl Iterator<Item = &Json> {
        let items = self.get(name).and_then(Json::as_array).unwrap_or_default();
        items.iter().filter(|item| matches!(item, Json::Object(_)))
    }

    /// An object's first `at_most` field names, each once, in the order first written; none for
    /// another value. The work is bounded by `at_most` per field, whatever an answer repeats.
    pub fn keys(&self, at_most: usize) -> Vec<&str> {
        let mut keys: Vec<&str> = Vec::new();
        if let Json::Object(fields) = self {
            for (k, _) in fields {
                if keys.len() == at_most {
                    break;
                }
                if !keys.contains(&k.as_str()) {
                    keys.push(k);
                }
            }
        }
        keys
    }
}

struct Parser<'a> {
    b: &'a [u8],
    /// Never past the end.
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        self.at += usize::from(hit);
        hit
    }

    fn rest(&self) -> &[u8] {
        self.b.get(self.at..).unwrap_or_default()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        self.skip_space();
        match self.peek()? {
            b'n' => self.word("null", Json::Null),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'"' => self.string().map(Json::Str),
            b'[' => self.array(depth + 1),
            b'{' => self.object(depth + 1),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Option<Json> {
        self.rest().starts_with(word.as_bytes()).then(|| {
            self.at += word.len();
            value
        })
    }

    fn array(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.eat(b']') {
            return Some(Json::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_space();
            if self.eat(b']') {
                return Some(Json::Array(items));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    fn object(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.at += 1;
        let mut fields = Vec::new();
        self.skip_space();
        if self.eat(b'}') {
            return Some(Json::Object(fields));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return None;
            }
            let name = self.string()?;
            self.skip_space();
            if !self.eat(b':') {
                return None;
            }
            fields.push((name, self.value(depth)?));
            self.skip_space();
            if self.eat(b'}') {
                return Some(Json::Object(fields));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// Digits, at least one.
    fn digits(&mut self) -> bool {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        self.at > start
    }

    fn number(&mut self) -> Option<Json> {
        let start = self.at;
        self.eat(b'-');
        if !self.eat(b'0') && !self.digits() {
            return None;
        }
        let mut integer = true;
        if self.eat(b'.') {
            integer = false;
            if !self.digits() {
                return None;
            }
        }
        if self.eat(b'e') || self.eat(b'E') {
            integer = false;
            let _ = self.eat(b'+') || self.eat(b'-');
            if !self.digits() {
                return None;
            }
        }
        let text = std::str::from_utf8(self.b.get(start..self.at)?).ok()?;
        Some(match text.parse::<i64>() {
            Ok(i) if integer && text != "-0" => Json::Int(i),
            _ => Json::Number(text.to_owned()),
        })
    }

    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while self
                .peek()
                .is_some_and(|c| c != b'"' && c != b'\\' && c >= 0x20)
            {
                self.at += 1;
            }
            // The text is UTF-8 and the run stops at an ASCII byte or the end: a whole text.
            out.push_str(std::str::from_utf8(self.b.get(start..self.at)?).ok()?);
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escape = self.peek()?;
                    self.at += 1;
                    out.push(match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode()?,
                        _ => return None,
                    });
                }
                // A raw control character.
                _ => return None,
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut v = 0;
        for &c in self.b.get(self.at..self.at + 4)? {
            v = v * 16 + char::from(c).to_digit(16)?;
        }
        self.at += 4;
        Some(v)
    }

    /// The character of a `\u` escape; a surrogate must be a pair.
    fn unicode(&mut self) -> Option<char> {
        let high = self.hex4()?;
        if !(0xD800..0xDC00).contains(&high) {
            return char::from_u32(high);
        }
        if !self.rest().starts_with(b"\\u") {
            return None;
        }
        self.at += 2;
        let low = self.hex4()?;
        if !(0xDC00..0xE000).contains(&low) {
            return None;
        }
        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    /// Whether ours and serde_json's readings of one text are the same value.
    fn same(ours: &Json, theirs: &Value) -> bool {
        match (ours, theirs) {
            (Json::Null, Value::Null) => true,
            (Json::Bool(a), Value::Bool(b)) => a == b,
            (Json::Int(a), Value::Number(b)) => b.as_i64() == Some(*a),
            (Json::Number(a), Value::Number(b)) => {
                b.as_i64().is_none() && a.parse::<f64>().ok() == b.as_f64()
            }
            (Json::Str(a), Value::String(b)) => a == b,
            (Json::Array(a), Value::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
            }
            (Json::Object(_), Value::Object(b)) => {
                ours.keys(usize::MAX).len() == b.len()
                    && b.iter().all(|(k, v)| {
                        let last = match ours {
                            Json::Object(f) => f.iter().rev().find(|(n, _)| n == k),
                            _ => None,
                        };
                        last.is_some_and(|(_, x)| same(x, v))
                    })
            }
            _ => false,
        }
    }

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 40, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// A piece of JSON text, or of nearly JSON text.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(vec![
                "[",
                "]",
                "{",
                "}",
                ",",
                ":",
                " ",
                "\n",
                "\t",
                "\u{b}",
                "null",
                "nul",
                "true",
                "false",
                "tru",
                "0",
                "01",
                "-0",
                "-",
                "1.",
                "1.5",
                ".5",
                "1e5",
                "1E+2",
                "2e-",
                "-12",
                "9223372036854775807",
                "9223372036854775808",
                "-9223372036854775809",
                "\"",
                "\"a\"",
                "\"\\n\"",
                "\"\\u00e9\"",
                "\"\\ud83d\\ude00\"",
                "\"\\ud83d\"",
                "\"\\ude00\"",
                "\"\\x\"",
                "\"\u{1}\"",
                "\"\u{1f}\"",
                "\"\u{7f}\"",
                "\"\\ud83d\\u0041\"",
                "\"é\"",
                "\u{feff}",
                "\\",
                "/",
            ])
            .prop_map(str::to_owned),
            "[ -~]{1,3}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// Any JSON serde_json writes, compact or pretty, reads back as the same value.
        #[test]
        fn reads_what_serde_json_writes(v in value()) {
            for text in [serde_json::to_string(&v), serde_json::to_string_pretty(&v)] {
                let text = text.expect("serializes");
                let ours = parse(text.as_bytes());
                prop_assert!(ours.as_ref().is_some_and(|o| same(o, &v)), "{text} -> {ours:?}");
            }
        }

        /// On text made of JSON's own pieces, right and wrong, ours accepts what serde_json
        /// accepts, and reads the same value.
        #[test]
        fn accepts_what_serde_json_accepts(pieces in prop::collection::vec(piece(), 0..14)) {
            let text = pieces.concat();
            let theirs = serde_json::from_str::<Value>(&text);
            if theirs.as_ref().is_err_and(|e| e.to_string().contains("out of range")) {
                return Ok(());
            }
            let ours = parse(text.as_bytes());
            prop_assert_eq!(ours.is_some(), theirs.is_ok(), "{:?}", text);
            if let (Some(o), Ok(t)) = (&ours, &theirs) {
                prop_assert!(same(o, t), "{text:?}");
            }
        }

        /// Any bytes: an answer or nothing, never a panic.
        #[test]
        fn any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
            let _ = parse(&bytes);
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
        assert!(parse(deep(MAX_DEPTH).as_bytes()).is_some());
        assert!(parse(deep(MAX_DEPTH + 1).as_bytes()).is_none());
        // A hostile answer nested a million deep is refused without exhausting the stack.
        assert!(parse(deep(1_000_000).as_bytes()).is_none());
        let objects = "{\"a\":".repeat(100_000) + "1" + &"}".repeat(100_000);
        assert!(parse(objects.as_bytes()).is_none());
    }

    #[test]
    fn fields_read_as_the_browser_reads_them() {
        let j =
            parse(br#"{"a":"1","a":"2","n":null,"l":["x",3,"y"],"i":-7,"f":1.5}"#).expect("json");
        assert_eq!(j.text("a").as_deref(), Some("2"));
        assert_eq!(j.get("n"), None);
        assert_eq!(j.texts("l"), Some(vec!["x".to_owned(), "y".to_owned()]));
        assert_eq!(j.get("i").and_then(Json::as_int), Some(-7));
        assert_eq!(j.get("f").and_then(Json::as_int), None);
        assert_eq!(j.keys(20), ["a", "n", "l", "i", "f"]);
        assert_eq!(j.keys(2), ["a", "n"]);
        assert_eq!(
            parse(br#""\ud83d\ude00 \u00e9""#),
            Some(Json::Str("😀 é".into()))
        );
        for bad in [
            &br#""\ud83d""#[..],
            br#""\ude00""#,
            b"\"a\x01\"",
            b"01",
            b"1.",
            b"[1,]",
            b"{\"a\" 1}",
            b"\xef\xbb\xbf{}",
            b"",
            b"nul",
        ] {
            assert_eq!(parse(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }
}
