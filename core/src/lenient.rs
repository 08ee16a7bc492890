//! JSON as the probes meet it, read through serde: a registry's answers and a token's claims,
//! written by whoever answered. The core parses no JSON text. The page has the browser parse it
//! (`JSON.parse`) and serde-wasm-bindgen hand the value over; the native tests use serde_json.
//! Either way the value arrives as a [`Node`], and the core's `#[derive(Deserialize)]` types are
//! read from it, each field through [`Loose`]: a field of another shape than expected is left
//! out on its own (`"exp": "soon"` is no expiry), it never fails the whole answer.
//!
//! Why a tree first: one `Deserialize` (the [`Node`] visitor) is all serde-wasm-bindgen is
//! instantiated with, so the page carries its deserializer once (the README counts the bytes);
//! and a field can be tried as one type and left out without upsetting the rest.
//!
//! Nesting is bounded before any parser sees a body ([`within_bounds`]): a hostile answer
//! nested a million deep is refused, not a stack overflow in the page.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{self, Deserialize, DeserializeOwned, Deserializer, IntoDeserializer, Visitor};

/// Arrays and objects nested deeper than this are refused.
pub const MAX_DEPTH: usize = 64;

/// How the page's JSON text becomes a [`Node`]: the browser's `JSON.parse` and
/// serde-wasm-bindgen in the page, serde_json in the tests. `None` for text that is not JSON.
pub type Parse = fn(&[u8]) -> Option<Node>;

/// Whether the JSON text in `bytes` nests arrays and objects at most `max` deep. Brackets inside
/// strings do not count; anything else is left to the parser, which refuses what is not JSON.
pub fn nesting_within(bytes: &[u8], max: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in bytes {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return false;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    true
}

/// `bytes` parsed by `parse`, when they nest at most [`MAX_DEPTH`] deep. Callers cap the bytes
/// first (the network reads at most 64 KiB of an answer).
pub fn within_bounds(bytes: &[u8], parse: Parse) -> Option<Node> {
    nesting_within(bytes, MAX_DEPTH)
        .then(|| parse(bytes))
        .flatten()
}

/// A JSON value as serde hands it over.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    /// An integral number that fits `i64` (the browser's numbers are all floats).
    Int(i64),
    /// Any other number.
    Number(f64),
    Str(String),
    List(Vec<Node>),
    /// Fields in the order first given. A repeated name keeps its first place and its last
    /// value, as the browser's `JSON.parse` reads it.
    Map(Vec<(String, Node)>),
}

/// A value not of the shape asked for. It carries no message: serde would format one (what was
/// found, what was expected) that nobody reads here, and formatting what was found links Rust's
/// float printing into the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unread;

impl fmt::Display for Unread {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("not of the shape asked for")
    }
}

impl std::error::Error for Unread {}

impl de::Error for Unread {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unread
    }
}

/// Below 2^53 every integer is exact in a float.
const EXACT: f64 = 9_007_199_254_740_992.0;

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Node;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("JSON")
            }
            fn visit_unit<E>(self) -> Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_none<E>(self) -> Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
                Node::deserialize(d)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
                Ok(Node::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
                Ok(Node::Int(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
                Ok(i64::try_from(v).map_or(Node::Number(v as f64), Node::Int))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
                let whole = v.fract() == 0.0 && v.abs() < EXACT;
                Ok(if whole {
                    Node::Int(v as i64)
                } else {
                    Node::Number(v)
                })
            }
            fn visit_str<E>(self, v: &str) -> Result<Node, E> {
                Ok(Node::Str(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Node, E> {
                Ok(Node::Str(v))
            }
            // JSON has no bytes; a parser that hands some over gets them read as text, never a
            // formatted error (serde's default would print what it found).
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Node, E> {
                Ok(Node::Str(String::from_utf8_lossy(v).into_owned()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut a: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(n) = a.next_element::<Node>()? {
                    items.push(n);
                }
                Ok(Node::List(items))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut a: A) -> Result<Node, A::Error> {
                let mut fields: Vec<(String, Node)> = Vec::new();
                let mut at: HashMap<String, usize> = HashMap::new();
                // A key is read as any value (a parser hands over strings): asking for a string
                // would have serde-wasm-bindgen describe whatever else it found, formatting.
                while let Some((k, v)) = a.next_entry::<Node, Node>()? {
                    let Node::Str(k) = k else { continue };
                    match at.get(&k) {
                        Some(&i) => fields[i].1 = v,
                        None => {
                            at.insert(k.clone(), fields.len());
                            fields.push((k, v));
                        }
                    }
                }
                Ok(Node::Map(fields))
            }
        }
        d.deserialize_any(V)
    }
}

impl Node {
    /// An object's first `at_most` field names, in order; none for another value.
    pub fn keys(&self, at_most: usize) -> Vec<String> {
        match self {
            Node::Map(fields) => fields
                .iter()
                .take(at_most)
                .map(|(k, _)| k.clone())
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// A [`Node`] as a serde `Deserializer`, so the core's derived types read from it.
pub struct NodeDeserializer<E>(Node, PhantomData<E>);

impl<'de, E: de::Error> IntoDeserializer<'de, E> for Node {
    type Deserializer = NodeDeserializer<E>;
    fn into_deserializer(self) -> NodeDeserializer<E> {
        NodeDeserializer(self, PhantomData)
    }
}

/// Each kind of value is read only from its own shape, and anything else is a plain error (no
/// formatting of what was found): the core's types ask for exactly what they take, so the page
/// carries one short path per kind.
impl<'de, E: de::Error> Deserializer<'de> for NodeDeserializer<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
        match self.0 {
            Node::Null => v.visit_unit(),
            Node::Bool(b) => v.visit_bool(b),
            Node::Int(i) => v.visit_i64(i),
            Node::Number(n) => v.visit_f64(n),
            Node::Str(s) => v.visit_string(s),
            list @ Node::List(_) => NodeDeserializer(list, PhantomData).deserialize_seq(v),
            map @ Node::Map(_) => NodeDeserializer(map, PhantomData).deserialize_map(v),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
        match self.0 {
            Node::Null => v.visit_none(),
            _ => v.visit_some(self),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
        match self.0 {
            Node::Int(i) => v.visit_i64(i),
            _ => Err(E::custom("not a whole number")),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
        match self.0 {
            Node::Str(s) => v.visit_string(s),
            _ => Err(E::custom("not a string")),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
        self.deserialize_string(v)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
        self.deserialize_string(v)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
        match self.0 {
            Node::List(items) => {
                let mut seq = SeqDeserializer::new(items.into_iter());
                let value = v.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            _ => Err(E::custom("not a list")),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
        match self.0 {
            Node::Map(fields) => {
                let mut map = MapDeserializer::new(fields.into_iter());
                let value = v.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
            _ => Err(E::custom("not an object")),
        }
    }

    /// A struct is read from an object only (serde's derive would take a list too).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, E> {
        self.deserialize_map(v)
    }

    /// A field no type asks for is dropped unread.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, E> {
        v.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
        unit unit_struct newtype_struct tuple tuple_struct enum
    }
}

/// A field read as `T` when it is of `T`'s shape, and left out (`None`) when it is anything
/// else, `null` or missing: one field of another shape never fails the answer it is in.
#[derive(Debug, Clone, PartialEq)]
pub struct Loose<T>(pub Option<T>);

impl<T> Default for Loose<T> {
    fn default() -> Self {
        Loose(None)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Loose<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Node::deserialize(d).map(|node| Loose(read(node)))
    }
}

impl<T> Loose<T> {
    pub fn get(self) -> Option<T> {
        self.0
    }
}

/// The members of a list that are of their type's shape, the others left out.
pub fn kept<T>(list: Loose<Vec<Loose<T>>>) -> Option<Vec<T>> {
    list.0
        .map(|items| items.into_iter().filter_map(Loose::get).collect())
}

/// A value read as `T`, or `None` when it is not of `T`'s shape.
pub fn read<T: DeserializeOwned>(node: Node) -> Option<T> {
    T::deserialize(IntoDeserializer::<Unread>::into_deserializer(node)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(text: &str) -> Node {
        serde_json::from_str(text).expect("JSON")
    }

    #[test]
    fn a_repeated_name_keeps_its_place_and_its_last_value() {
        let n = node(r#"{"a": 1, "b": 2, "a": "three"}"#);
        assert_eq!(
            n,
            Node::Map(vec![
                ("a".into(), Node::Str("three".into())),
                ("b".into(), Node::Int(2)),
            ])
        );
        assert_eq!(n.keys(1), ["a"]);
    }

    #[test]
    fn numbers_are_whole_only_when_exact() {
        assert_eq!(node("1700000000"), Node::Int(1_700_000_000));
        assert_eq!(node("-0"), Node::Int(0));
        assert_eq!(node("1.5"), Node::Number(1.5));
        assert_eq!(node("1e300"), Node::Number(1e300));
        assert_eq!(
            node("18446744073709551615"),
            Node::Number(1.8446744073709552e19)
        );
    }

    #[test]
    fn a_field_of_another_shape_is_left_out_alone() {
        #[derive(serde::Deserialize, Default)]
        #[serde(default)]
        struct Two {
            n: Loose<i64>,
            s: Loose<String>,
            l: Loose<Vec<Loose<String>>>,
        }
        let two: Two = read(node(
            r#"{"n": "soon", "s": "yes", "l": ["a", 1, null, "b"]}"#,
        ))
        .expect("an object");
        assert_eq!(two.n.get(), None);
        assert_eq!(two.s.get().as_deref(), Some("yes"));
        assert_eq!(kept(two.l), Some(vec!["a".to_owned(), "b".to_owned()]));
        assert!(read::<Two>(node("[1, 2]")).is_none(), "a list is no object");
    }

    #[test]
    fn nesting_is_bounded_before_parsing() {
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        let parse: Parse = |b| serde_json::from_slice(b).ok();
        assert_eq!(within_bounds(deep.as_bytes(), parse), None);
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(within_bounds(ok.as_bytes(), parse).is_some());
        // Brackets in strings, and escaped quotes, do not count.
        let text = format!(r#"{{"a": "{}\"{}"}}"#, "[".repeat(200), "{".repeat(200));
        assert!(within_bounds(text.as_bytes(), parse).is_some());
    }
}
