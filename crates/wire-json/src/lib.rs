//! A small JSON reader and writer for the app: parse the text into a [`Json`] tree, then build the
//! wire types from it with [`FromJson`]; write them with [`ToJson`]. Both are derived
//! (`#[derive(FromJson, ToJson)]`, from the `wire-json-derive` crate)
//! from the types' `#[serde]` attributes.
//!
//! Why not serde: in the app's wasm bundle, serde's `Deserialize` (serde_json, a visitor
//! monomorphised for every type, chrono's parsers) cost about 56 KB of brotli out of 341, and its
//! `Serialize` (serde_json's serializer and formatter, per-type serializers, `core::fmt` for numbers
//! and dates) about 3 KB for the few request bodies the app sends. Here the parser, the string and
//! integer writers and every helper that a derived impl calls are non-generic, so they exist once in
//! the wasm; a derived `FromJson` is only "look the fields up, decode each, name the field in the
//! error", a derived `ToJson` only "write each field's key, then its value". The worker stays on
//! serde.
//!
//! Wire fidelity: the derives read the types' `#[serde]` attributes. [`ToJson`] writes byte for byte
//! the text `serde_json::to_string` writes (same member order, same string escapes, same numbers and
//! dates), and `FromJson` accepts every text that `serde_json` writes for these types, decoding it to
//! the same value (the domain's tests in `domain/tests/from_json.rs` check every wire type against serde: both writers
//! byte for byte, both readers both ways). Deliberate differences when reading, all on texts that
//! serde never writes:
//! - numbers are integers (the wire has no floats): a fraction or exponent is an error, even in an
//!   unknown field that serde would skip; so is an integer beyond `i64`;
//! - dates are `YYYY-MM-DD` with years 0 to 9999, what chrono writes for them (chrono's own parser
//!   also takes spaces, signs and one-digit months);
//! - structs are JSON objects only (serde also takes an array of the fields in order), and an enum of
//!   unit variants is a string only (serde_json also takes `{"variant": null}`).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, NaiveDate};

pub use wire_json_derive::{Codes, FromJson, ToJson};

/// A parsed JSON value. Objects keep their members in order, duplicates included: a struct refuses a
/// duplicate field (as serde does), a map keeps the last one (as serde_json does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    /// Every number on the wire is an integer; see the module docs.
    Int(i64),
    /// A string, escapes decoded.
    Str(String),
    Arr(Vec<Json>),
    /// An object's members in the order of the text.
    Obj(Vec<(String, Json)>),
}

/// The deepest nesting of arrays and objects that [`parse`] accepts: serde_json's limit (it refuses
/// the 128th level), which also bounds the parser's recursion.
pub const MAX_DEPTH: usize = 127;

/// Parses a whole JSON text; anything but whitespace after the value is an error.
pub fn parse(text: &str) -> Result<Json, DecodeError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    let value = p.value(0)?;
    p.skip_whitespace();
    if p.pos < p.bytes.len() {
        return Err(p.error("trailing characters after the JSON value"));
    }
    Ok(value)
}

/// Parses `text` and decodes it as a `T`: what the app calls on a response body.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, DecodeError> {
    T::from_json(&parse(text)?)
}

/// A value that can be built from parsed JSON, accepting what serde_json writes for it.
///
/// Derive it with `#[derive(FromJson)]` beside `Deserialize`: the derive reads the same `#[serde]`
/// attributes.
pub trait FromJson: Sized {
    /// Builds the value from `v`, or says what in `v` does not fit.
    fn from_json(v: &Json) -> Result<Self, DecodeError>;

    /// A struct field, `None` when the object lacks it: an error ("missing field"), except for
    /// `Option`, which is then `None`, as with serde. Derived impls call this for fields without
    /// `#[serde(default)]`.
    fn from_field(v: Option<&Json>) -> Result<Self, DecodeError> {
        match v {
            Some(v) => Self::from_json(v),
            None => Err(DecodeError::missing_field()),
        }
    }
}

/// Writes `value` as JSON: what the app calls on a request body. The same text as
/// `serde_json::to_string` (compact, members in declared order), without its `Result`: writing into a
/// `String` cannot fail, and the wire types have no map with non-string keys.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// A value that can be written as JSON, byte for byte as `serde_json` writes it: the app's encoder,
/// in place of serde's `Serialize` and serde_json's serializer, which cost the wasm bundle far more
/// than these few non-generic writers (see the module docs).
///
/// Derive it with `#[derive(ToJson)]` beside `Serialize`: the derive reads the same `#[serde]`
/// attributes. A hand-written impl calls the non-generic writers [`write_str`], [`write_int`] and
/// [`key`]. `domain/tests/from_json.rs` compares its text with `serde_json::to_string`'s on sample values
/// of every type that derives or implements it, and fails for a type without samples.
pub trait ToJson {
    /// Appends the value's JSON text to `out`.
    fn write_json(&self, out: &mut String);
}

// ------------------------------------------------------------------ errors

/// Why a text could not be read: a syntax error (with its byte offset), or a value that does not
/// fit the type (with the path to it, e.g. `clubs[2].name.fr`).
///
/// Boxed, so that a `Result<T, DecodeError>` stays small for every `T`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(Box<ErrorInner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct ErrorInner {
    /// What went wrong, e.g. "expected a string", "missing field".
    message: &'static str,
    /// What the text had instead, e.g. `null` or `"blue"`.
    found: Option<Cow<'static, str>>,
    /// For a syntax error, the byte offset in the text.
    offset: Option<usize>,
    /// Where, innermost first (errors bubble up from the value to the root).
    path: Vec<PathSegment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum PathSegment {
    Field(&'static str),
    Index(usize),
    Key(String),
}

impl DecodeError {
    fn new(
        message: &'static str,
        found: Option<Cow<'static, str>>,
        offset: Option<usize>,
    ) -> DecodeError {
        DecodeError(Box::new(ErrorInner {
            message,
            found,
            offset,
            path: Vec::new(),
        }))
    }

    /// A value of the wrong kind: `message` says what was expected ("expected a string"), and the
    /// kind of `found` is shown after it.
    pub fn expected(message: &'static str, found: &Json) -> DecodeError {
        DecodeError::new(message, Some(Cow::Borrowed(found.kind())), None)
    }

    /// A string of the wrong form, e.g. `message` "expected a date YYYY-MM-DD" and the text.
    pub fn invalid(message: &'static str, text: &str) -> DecodeError {
        DecodeError::new(message, Some(Cow::Owned(quoted(text))), None)
    }

    /// A struct field that the object lacks (the field's name is added by [`DecodeError::at`]).
    pub fn missing_field() -> DecodeError {
        DecodeError::new("missing field", None, None)
    }

    /// The error happened in the field `name` of an object: prepends it to the path.
    pub fn at(self, name: &'static str) -> DecodeError {
        self.push(PathSegment::Field(name))
    }

    /// The error happened in the element `index` of an array.
    pub fn at_index(self, index: usize) -> DecodeError {
        self.push(PathSegment::Index(index))
    }

    /// The error happened in the value of the map key `key`.
    pub fn at_key(self, key: &str) -> DecodeError {
        self.push(PathSegment::Key(key.to_string()))
    }

    fn push(mut self, segment: PathSegment) -> DecodeError {
        self.0.path.push(segment);
        self
    }

    /// The path to the value that failed, e.g. `clubs[2].name.fr`; empty for the root or a syntax error.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for segment in self.0.path.iter().rev() {
            match segment {
                PathSegment::Field(name) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(name);
                }
                PathSegment::Key(key) => {
                    out.push('[');
                    out.push_str(&quoted(key));
                    out.push(']');
                }
                PathSegment::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }
}

/// `text` between double quotes (without escaping: the text is only shown to developers).
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    out.push_str(text);
    out.push('"');
    out
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &self.0;
        if !e.path.is_empty() {
            write!(f, "{}: ", self.path())?;
        }
        f.write_str(e.message)?;
        if let Some(found) = &e.found {
            write!(f, ", found {found}")?;
        }
        if let Some(offset) = e.offset {
            write!(f, " at byte {offset}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DecodeError {}

// ------------------------------------------------------------------ the tree, and what derived impls call

impl Json {
    /// The kind of value, for error messages: "null", "a boolean", "an integer", ...
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Int(_) => "an integer",
            Json::Str(_) => "a string",
            Json::Arr(_) => "an array",
            Json::Obj(_) => "an object",
        }
    }

    /// The string, or "expected a string, found ...".
    pub fn as_str(&self) -> Result<&str, DecodeError> {
        match self {
            Json::Str(s) => Ok(s),
            other => Err(DecodeError::expected("expected a string", other)),
        }
    }

    /// The elements, or "expected an array, found ...".
    pub fn as_array(&self) -> Result<&[Json], DecodeError> {
        match self {
            Json::Arr(items) => Ok(items),
            other => Err(DecodeError::expected("expected an array", other)),
        }
    }

    /// The members, or "expected an object, found ...".
    pub fn as_object(&self) -> Result<&[(String, Json)], DecodeError> {
        match self {
            Json::Obj(members) => Ok(members),
            other => Err(DecodeError::expected("expected an object", other)),
        }
    }

    /// The integer, if it lies in `min..=max`; else `message`, e.g. "expected an integer that fits a u8".
    /// One non-generic range check for every narrow integer type.
    pub fn as_int_in(&self, min: i64, max: i64, message: &'static str) -> Result<i64, DecodeError> {
        match self {
            Json::Int(i) if (min..=max).contains(i) => Ok(*i),
            Json::Int(i) => Err(DecodeError::new(
                message,
                Some(Cow::Owned(i.to_string())),
                None,
            )),
            other => Err(DecodeError::expected(message, other)),
        }
    }

    /// The first member `name` of an object; `None` when absent or when this is not an object.
    /// For hand-written impls; derived ones use [`Json::fields`].
    pub fn field(&self, name: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The members of an object that are named in `names`, into the same positions of `slots`; other
    /// members are ignored (serde's default). Errors if this is not an object, or if a named member
    /// appears twice (serde's "duplicate field"). One pass, shared by every derived impl.
    pub fn fields<'a>(
        &'a self,
        names: &'static [&'static str],
        slots: &mut [Option<&'a Json>],
    ) -> Result<(), DecodeError> {
        for (key, value) in self.as_object()? {
            for (name, slot) in names.iter().zip(slots.iter_mut()) {
                if *name == key.as_str() {
                    if slot.is_some() {
                        return Err(DecodeError::new("duplicate field", None, None).at(name));
                    }
                    *slot = Some(value);
                    break;
                }
            }
        }
        Ok(())
    }

    /// Which of `names` this string is: the variant of an enum of unit variants.
    pub fn variant(&self, names: &'static [&'static str]) -> Result<usize, DecodeError> {
        let s = self.as_str()?;
        names
            .iter()
            .position(|n| *n == s)
            .ok_or_else(|| DecodeError::new("unknown variant", Some(Cow::Owned(quoted(s))), None))
    }

    /// Which of `names` the member `tag` of this object is: the variant of an internally tagged enum
    /// (`#[serde(tag = "...")]`).
    pub fn tag(
        &self,
        tag: &'static str,
        names: &'static [&'static str],
    ) -> Result<usize, DecodeError> {
        let mut found = None;
        for (key, value) in self.as_object()? {
            if key == tag {
                if found.is_some() {
                    return Err(DecodeError::new("duplicate field", None, None).at(tag));
                }
                found = Some(value);
            }
        }
        match found {
            Some(value) => value.variant(names).map_err(|e| e.at(tag)),
            None => Err(DecodeError::missing_field().at(tag)),
        }
    }
}

// ------------------------------------------------------------------ the parser

/// A recursive-descent parser over the text's bytes. The text is a `&str`, so it is valid UTF-8;
/// strings are cut only at ASCII bytes (quotes and backslashes), hence at character boundaries.
struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, message: &'static str) -> DecodeError {
        DecodeError::new(message, None, Some(self.pos))
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// The bytes not read yet.
    fn rest(&self) -> &[u8] {
        self.bytes.get(self.pos..).unwrap_or_default()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// Skips whitespace, then consumes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_whitespace();
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, DecodeError> {
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.error("expected a value, found the end of the text")),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'-' | b'0'..=b'9') => self.integer().map(Json::Int),
            Some(b'[') => {
                if depth >= MAX_DEPTH {
                    return Err(self.error("arrays and objects nested too deeply"));
                }
                self.pos += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b',') {
                        continue;
                    }
                    if self.eat(b']') {
                        return Ok(Json::Arr(items));
                    }
                    return Err(self.error("expected ',' or ']'"));
                }
            }
            Some(b'{') => {
                if depth >= MAX_DEPTH {
                    return Err(self.error("arrays and objects nested too deeply"));
                }
                self.pos += 1;
                let mut members = Vec::new();
                if self.eat(b'}') {
                    return Ok(Json::Obj(members));
                }
                loop {
                    self.skip_whitespace();
                    if self.peek() != Some(b'"') {
                        return Err(self.error("expected a string key"));
                    }
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return Err(self.error("expected ':'"));
                    }
                    members.push((key, self.value(depth + 1)?));
                    if self.eat(b',') {
                        continue;
                    }
                    if self.eat(b'}') {
                        return Ok(Json::Obj(members));
                    }
                    return Err(self.error("expected ',' or '}'"));
                }
            }
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn literal(&mut self, word: &'static str, value: Json) -> Result<Json, DecodeError> {
        if self.rest().starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    /// `-?(0|[1-9][0-9]*)`, accumulated negatively so that `i64::MIN` fits.
    fn integer(&mut self) -> Result<i64, DecodeError> {
        let number = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let start = self.pos;
        let mut acc: i64 = 0;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            // Only a leading 0 leaves the accumulator at 0 after the first digit.
            if self.pos > start && acc == 0 {
                return Err(self.error("a number cannot start with 0"));
            }
            acc = acc
                .checked_mul(10)
                .and_then(|a| a.checked_sub(i64::from(d - b'0')))
                .ok_or_else(|| DecodeError::new("integer out of range", None, Some(number)))?;
            self.pos += 1;
        }
        if self.pos == start {
            return Err(self.error("expected a digit"));
        }
        if let Some(b'.' | b'e' | b'E') = self.peek() {
            return Err(DecodeError::new(
                "expected an integer: the wire has no fractions or exponents",
                None,
                Some(number),
            ));
        }
        if negative {
            if acc == 0 {
                // serde_json reads `-0` as a float, which no integer field accepts.
                return Err(DecodeError::new(
                    "expected an integer: -0 is a float",
                    None,
                    Some(number),
                ));
            }
            Ok(acc)
        } else {
            acc.checked_neg()
                .ok_or_else(|| DecodeError::new("integer out of range", None, Some(number)))
        }
    }

    /// A string, the opening quote next.
    fn string(&mut self) -> Result<String, DecodeError> {
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error("unterminated string"));
            };
            match b {
                b'"' | b'\\' => {
                    out.push_str(self.text.get(run..self.pos).unwrap_or_default());
                    self.pos += 1;
                    if b == b'"' {
                        return Ok(out);
                    }
                    self.escape(&mut out)?;
                    run = self.pos;
                }
                0..=0x1f => return Err(self.error("control character in a string")),
                _ => self.pos += 1,
            }
        }
    }

    /// An escape, after its backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), DecodeError> {
        let Some(b) = self.peek() else {
            return Err(self.error("unterminated string"));
        };
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                self.pos += 1;
                let first = self.hex4()?;
                let code = match first {
                    0xD800..=0xDBFF => {
                        if !self.rest().starts_with(b"\\u") {
                            return Err(self.error("lone leading surrogate in a \\u escape"));
                        }
                        self.pos += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(self.error("lone leading surrogate in a \\u escape"));
                        }
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    }
                    0xDC00..=0xDFFF => {
                        return Err(self.error("lone trailing surrogate in a \\u escape"))
                    }
                    _ => first,
                };
                // Surrogates are excluded above, so this is a scalar value.
                out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                return Ok(());
            }
            _ => return Err(self.error("invalid escape")),
        };
        out.push(c);
        self.pos += 1;
        Ok(())
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Result<u32, DecodeError> {
        let mut n = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error("expected four hex digits in a \\u escape")),
            };
            n = n * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(n)
    }
}

/// The tree as serde writes it (feature `serde`): the worker answers with a value it holds as is.
#[cfg(feature = "serde")]
impl serde::Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Int(n) => s.serialize_i64(*n),
            Json::Str(text) => s.serialize_str(text),
            Json::Arr(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Obj(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for (k, v) in members {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// Any JSON value, for the OpenAPI document (feature `schema`).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Json {
    fn schema_name() -> Cow<'static, str> {
        "AnyValue".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "description": "Any JSON value." })
    }
}

/// The tree of a value serde_json holds (feature `serde-json`); a number that is not an integer
/// has no place on this wire and is refused.
#[cfg(feature = "serde-json")]
impl TryFrom<&serde_json::Value> for Json {
    type Error = DecodeError;

    fn try_from(v: &serde_json::Value) -> Result<Self, DecodeError> {
        Ok(match v {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(*b),
            serde_json::Value::Number(n) => Json::Int(
                n.as_i64()
                    .ok_or_else(|| DecodeError::invalid("expected an integer", &n.to_string()))?,
            ),
            serde_json::Value::String(s) => Json::Str(s.clone()),
            serde_json::Value::Array(items) => {
                Json::Arr(items.iter().map(Json::try_from).collect::<Result<_, _>>()?)
            }
            serde_json::Value::Object(members) => Json::Obj(
                members
                    .iter()
                    .map(|(k, v)| Ok((k.clone(), Json::try_from(v)?)))
                    .collect::<Result<_, DecodeError>>()?,
            ),
        })
    }
}

// ------------------------------------------------------------------ FromJson for the building blocks

/// The tree itself, for a body that a hand-written impl takes apart.
impl FromJson for Json {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        Ok(v.clone())
    }
}

/// Any JSON as `serde_json` holds it: lets the black-box tests read every answer with both
/// decoders and compare (feature `serde-json`, which only the tests turn on).
#[cfg(feature = "serde-json")]
impl FromJson for serde_json::Value {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        Ok(match v {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => serde_json::Value::Bool(*b),
            Json::Int(n) => serde_json::Value::from(*n),
            Json::Str(s) => serde_json::Value::String(s.clone()),
            Json::Arr(items) => serde_json::Value::Array(
                items
                    .iter()
                    .map(Self::from_json)
                    .collect::<Result<_, _>>()?,
            ),
            Json::Obj(members) => serde_json::Value::Object(
                members
                    .iter()
                    .map(|(k, v)| Ok((k.clone(), Self::from_json(v)?)))
                    .collect::<Result<_, DecodeError>>()?,
            ),
        })
    }
}

/// Nothing: `null`, which the app reads an empty answer (204, 202) as.
impl FromJson for () {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        match v {
            Json::Null => Ok(()),
            other => Err(DecodeError::expected("expected null", other)),
        }
    }
}

impl FromJson for String {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        v.as_str().map(str::to_string)
    }
}

impl FromJson for bool {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        match v {
            Json::Bool(b) => Ok(*b),
            other => Err(DecodeError::expected("expected a boolean", other)),
        }
    }
}

impl FromJson for i64 {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        match v {
            Json::Int(i) => Ok(*i),
            other => Err(DecodeError::expected("expected an integer", other)),
        }
    }
}

/// The narrower integers: range-checked through the one non-generic [`Json::as_int_in`].
macro_rules! narrow_int {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(v: &Json) -> Result<Self, DecodeError> {
                let i = v.as_int_in(i64::from(<$t>::MIN), i64::from(<$t>::MAX), concat!("expected an integer that fits a ", stringify!($t)))?;
                // In range, checked above.
                Ok(i as $t)
            }
        }
    )*};
}

narrow_int!(i32, u32, u16, u8, i8);

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        match v {
            Json::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }

    fn from_field(v: Option<&Json>) -> Result<Self, DecodeError> {
        match v {
            Some(v) => Self::from_json(v),
            None => Ok(None),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let items = v.as_array()?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match T::from_json(item) {
                Ok(x) => out.push(x),
                Err(e) => return Err(e.at_index(i)),
            }
        }
        Ok(out)
    }
}

/// A JSON object with any keys; a repeated key keeps its last value, like serde_json.
impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let mut out = BTreeMap::new();
        for (key, value) in v.as_object()? {
            match T::from_json(value) {
                Ok(x) => {
                    out.insert(key.clone(), x);
                }
                Err(e) => return Err(e.at_key(key)),
            }
        }
        Ok(out)
    }
}

/// A pair is an array of exactly two elements, as serde writes tuples.
impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        match v.as_array()? {
            [a, b] => {
                let a = A::from_json(a).map_err(|e| e.at_index(0))?;
                let b = B::from_json(b).map_err(|e| e.at_index(1))?;
                Ok((a, b))
            }
            _ => Err(DecodeError::expected("expected an array of 2 elements", v)),
        }
    }
}

/// `YYYY-MM-DD`, parsed by hand: chrono's `FromStr` would bring its format interpreter into the wasm.
impl FromJson for NaiveDate {
    fn from_json(v: &Json) -> Result<Self, DecodeError> {
        let s = v.as_str()?;
        parse_date(s).map_err(|_| DecodeError::invalid("expected a date YYYY-MM-DD", s))
    }
}

// ------------------------------------------------------------------ the writer, and what derived impls call

/// The hex digits of serde_json's `\u00XX` escapes: lowercase.
const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// Writes `s` as a JSON string, escaped exactly as serde_json does: `"` and `\` as `\"` and `\\`,
/// backspace, form feed, newline, carriage return and tab as `\b \f \n \r \t`, the other control
/// characters below 0x20 as `\u00XX` (lowercase hex); everything else as is, including DEL, `/`,
/// U+2028 and all non-ASCII.
pub fn write_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    // The start of the run of characters not written yet: every cut is at an ASCII byte, hence at a
    // character boundary.
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(run..i).unwrap_or_default());
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX_DIGITS[usize::from(b >> 4)]));
            out.push(char::from(HEX_DIGITS[usize::from(b & 0xf)]));
        } else {
            out.push_str(escape);
        }
        run = i + 1;
    }
    out.push_str(s.get(run..).unwrap_or_default());
    out.push('"');
}

/// Starts the member `name` of an object: `{"name":` for the first member, `,"name":` for the
/// others; the caller then writes the value, and `}` after the last member (an object without
/// members is `{}`). The name is escaped like any string (map keys may need it).
pub fn key(out: &mut String, first: bool, name: &str) {
    out.push(if first { '{' } else { ',' });
    write_str(out, name);
    out.push(':');
}

/// Writes `n` in decimal, as serde_json (its `itoa`) does: no `core::fmt` in the wasm.
pub fn write_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    write_digits(out, n.unsigned_abs(), 1);
}

/// The decimal digits of `n`, zero-padded to at least `width`.
fn write_digits(out: &mut String, mut n: u64, width: usize) {
    // u64::MAX has 20 digits.
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        // A digit, below 10.
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in digits
        .get(start.min(digits.len().saturating_sub(width))..)
        .unwrap_or_default()
    {
        out.push(char::from(d));
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

/// Every integer type of the wire, through the one non-generic [`write_int`].
macro_rules! int_to_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                write_int(out, i64::from(*self));
            }
        }
    )*};
}

int_to_json!(i64, i32, u32, u16, u8, i8);

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        T::write_json(self, out);
    }
}

/// `None` is `null`, as serde writes it (the derive has no `skip_serializing_if`).
impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

/// An array, as serde writes a fixed-size array (a tuple of its elements).
impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

/// An object in the map's (sorted) key order, as serde_json writes a `BTreeMap`.
impl<T: ToJson> ToJson for BTreeMap<String, T> {
    fn write_json(&self, out: &mut String) {
        let mut first = true;
        for (k, v) in self {
            key(out, first, k);
            v.write_json(out);
            first = false;
        }
        out.push_str(if first { "{}" } else { "}" });
    }
}

/// A pair is an array of two elements, as serde writes tuples.
impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        self.0.write_json(out);
        out.push(',');
        self.1.write_json(out);
        out.push(']');
    }
}

/// What chrono's `Serialize` writes (its `Debug`), by hand: `YYYY-MM-DD`, and for a year outside
/// 0..=9999 a sign and at least four digits (`-0005-03-01`, `+10000-01-01`). chrono's own code
/// would bring `core::fmt`'s padding into the wasm.
impl ToJson for NaiveDate {
    fn write_json(&self, out: &mut String) {
        let year = self.year();
        out.push('"');
        if year < 0 {
            out.push('-');
        } else if year > 9999 {
            out.push('+');
        }
        write_digits(out, u64::from(year.unsigned_abs()), 4);
        out.push('-');
        write_digits(out, u64::from(self.month()), 2);
        out.push('-');
        write_digits(out, u64::from(self.day()), 2);
        out.push('"');
    }
}

/// A text that is not a date `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadDate;

/// Two ASCII digits as a number.
fn two_digits(tens: u8, units: u8) -> Result<u32, BadDate> {
    if tens.is_ascii_digit() && units.is_ascii_digit() {
        Ok(u32::from(tens - b'0') * 10 + u32::from(units - b'0'))
    } else {
        Err(BadDate)
    }
}

/// A date `YYYY-MM-DD`, exactly as chrono writes (and serializes) the years 0 to 9999. Parsed by hand
/// for the app's decoder: chrono's `FromStr` would bring its format interpreter into the wasm.
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, BadDate> {
    match s.as_bytes() {
        [y1, y2, y3, y4, b'-', mo1, mo2, b'-', d1, d2] => {
            let year = two_digits(*y1, *y2)? * 100 + two_digits(*y3, *y4)?;
            // At most 9999: the cast cannot wrap.
            chrono::NaiveDate::from_ymd_opt(
                year as i32,
                two_digits(*mo1, *mo2)?,
                two_digits(*d1, *d2)?,
            )
            .ok_or(BadDate)
        }
        _ => Err(BadDate),
    }
}

/// An RFC 3339 instant as the API writes them (`2026-12-08T17:30:00.000Z`, or with the Paris
/// offset `2026-10-25T02:30:00+01:00`), read by hand: chrono's parser would bring its whole
/// format interpreter into the app. Fractions of a second are read to the nanosecond.
pub fn parse_instant(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let b = s.as_bytes();
    if b.len() < 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let date = parse_date(s.get(..10)?).ok()?;
    let (hour, minute, second) = (
        two_digits(b[11], b[12]).ok()?,
        two_digits(b[14], b[15]).ok()?,
        two_digits(b[17], b[18]).ok()?,
    );
    let mut rest = &b[19..];
    let mut nanos = 0u32;
    if let [b'.', tail @ ..] = rest {
        let digits = tail.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        for (i, c) in tail[..digits].iter().enumerate() {
            if i < 9 {
                nanos = nanos * 10 + u32::from(c - b'0');
            }
        }
        nanos *= 10u32.pow(9u32.saturating_sub(digits as u32));
        rest = &tail[digits..];
    }
    let offset_minutes = match rest {
        [b'Z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let (h, m) = (two_digits(*h1, *h2).ok()?, two_digits(*m1, *m2).ok()?);
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = (h * 60 + m) as i64;
            if *sign == b'-' {
                -minutes
            } else {
                minutes
            }
        }
        _ => return None,
    };
    let local = date.and_hms_nano_opt(hour, minute, second, nanos)?;
    Some(local.and_utc() - chrono::Duration::minutes(offset_minutes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Json {
        Json::Str(text.to_string())
    }

    fn error(text: &str) -> String {
        match parse(text) {
            Ok(v) => panic!("{text:?} parsed to {v:?}"),
            Err(e) => e.to_string(),
        }
    }

    /// The same tree as serde_json's, for texts without floats, big integers or duplicate keys.
    fn to_value(v: &Json) -> serde_json::Value {
        match v {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => serde_json::Value::Bool(*b),
            Json::Int(i) => serde_json::Value::from(*i),
            Json::Str(s) => serde_json::Value::String(s.clone()),
            Json::Arr(items) => serde_json::Value::Array(items.iter().map(to_value).collect()),
            Json::Obj(members) => serde_json::Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), to_value(v)))
                    .collect(),
            ),
        }
    }

    #[test]
    fn parses_values_and_whitespace() {
        assert_eq!(parse("null"), Ok(Json::Null));
        assert_eq!(parse(" \t\r\ntrue\n"), Ok(Json::Bool(true)));
        assert_eq!(parse("false"), Ok(Json::Bool(false)));
        assert_eq!(parse("0"), Ok(Json::Int(0)));
        assert_eq!(parse("-12"), Ok(Json::Int(-12)));
        assert_eq!(parse(r#""""#), Ok(s("")));
        assert_eq!(parse("[ ]"), Ok(Json::Arr(vec![])));
        assert_eq!(parse("{ }"), Ok(Json::Obj(vec![])));
        assert_eq!(
            parse(r#" { "a" : [ 1 , { "b" : null } , "c" ] , "a" : false } "#),
            Ok(Json::Obj(vec![
                (
                    "a".into(),
                    Json::Arr(vec![
                        Json::Int(1),
                        Json::Obj(vec![("b".into(), Json::Null)]),
                        s("c")
                    ])
                ),
                ("a".into(), Json::Bool(false)),
            ]))
        );
    }

    #[test]
    fn string_escapes() {
        assert_eq!(
            parse(r#""\"\\\/\b\f\n\r\t""#),
            Ok(s("\"\\/\u{8}\u{c}\n\r\t"))
        );
        assert_eq!(
            parse(r#""caf\u00e9 \u20AC \u20ac \u0000""#),
            Ok(s("café € € \0"))
        );
        assert_eq!(parse(r#""a\ud83e\udd80b \uD83D\uDE00""#), Ok(s("a🦀b 😀")));
        assert_eq!(parse("\"é🦀 raw UTF-8\""), Ok(s("é🦀 raw UTF-8")));
        assert_eq!(
            parse(r#"{"k\u0065y":1}"#),
            Ok(Json::Obj(vec![("key".into(), Json::Int(1))]))
        );
        assert_eq!(
            error(r#""\ud83e""#),
            "lone leading surrogate in a \\u escape at byte 7"
        );
        assert_eq!(
            error(r#""\ud83ex""#),
            "lone leading surrogate in a \\u escape at byte 7"
        );
        assert_eq!(
            error(r#""\ud83e\u0041""#),
            "lone leading surrogate in a \\u escape at byte 13"
        );
        assert_eq!(
            error(r#""\udd80""#),
            "lone trailing surrogate in a \\u escape at byte 7"
        );
        assert_eq!(
            error(r#""\u12""#),
            "expected four hex digits in a \\u escape at byte 5"
        );
        assert_eq!(error(r#""\x""#), "invalid escape at byte 2");
        assert_eq!(
            error("\"a\u{1}\""),
            "control character in a string at byte 2"
        );
        assert_eq!(
            error("\"tab\there\""),
            "control character in a string at byte 4"
        );
        assert_eq!(error(r#""open"#), "unterminated string at byte 5");
        assert_eq!(error(r#""\"#), "unterminated string at byte 2");
    }

    #[test]
    fn integers_to_the_bounds_of_i64_and_no_floats() {
        assert_eq!(parse("9223372036854775807"), Ok(Json::Int(i64::MAX)));
        assert_eq!(parse("-9223372036854775808"), Ok(Json::Int(i64::MIN)));
        assert_eq!(
            error("9223372036854775808"),
            "integer out of range at byte 0"
        );
        assert_eq!(
            error("[-9223372036854775809]"),
            "integer out of range at byte 1"
        );
        assert_eq!(
            error("99999999999999999999999"),
            "integer out of range at byte 0"
        );
        for float in ["1.5", "1.0", "-0.0", "1e3", "1E3", "2e-1", "1."] {
            assert_eq!(
                error(float),
                "expected an integer: the wire has no fractions or exponents at byte 0",
                "{float}"
            );
        }
        assert_eq!(error("-0"), "expected an integer: -0 is a float at byte 0");
        assert_eq!(error("01"), "a number cannot start with 0 at byte 1");
        assert_eq!(error("-01"), "a number cannot start with 0 at byte 2");
        assert_eq!(error("-"), "expected a digit at byte 1");
        assert_eq!(error("-x"), "expected a digit at byte 1");
        assert_eq!(error("+1"), "expected a value at byte 0");
        assert_eq!(error(".5"), "expected a value at byte 0");
    }

    #[test]
    fn syntax_errors_and_trailing_data() {
        assert_eq!(
            error(""),
            "expected a value, found the end of the text at byte 0"
        );
        assert_eq!(
            error("  "),
            "expected a value, found the end of the text at byte 2"
        );
        assert_eq!(error("nul"), "expected a value at byte 0");
        assert_eq!(error("True"), "expected a value at byte 0");
        assert_eq!(error("[1,]"), "expected a value at byte 3");
        assert_eq!(error("[1 2]"), "expected ',' or ']' at byte 3");
        assert_eq!(error("[1"), "expected ',' or ']' at byte 2");
        assert_eq!(error(r#"{"a" 1}"#), "expected ':' at byte 5");
        assert_eq!(error(r#"{"a":1,}"#), "expected a string key at byte 7");
        assert_eq!(error("{1:2}"), "expected a string key at byte 1");
        assert_eq!(error(r#"{"a":1"#), "expected ',' or '}' at byte 6");
        assert_eq!(
            error("1 2"),
            "trailing characters after the JSON value at byte 2"
        );
        assert_eq!(
            error("{}}"),
            "trailing characters after the JSON value at byte 2"
        );
        assert_eq!(
            error("[] x"),
            "trailing characters after the JSON value at byte 3"
        );
        assert_eq!(parse("[] \n"), Ok(Json::Arr(vec![])));
    }

    #[test]
    fn nesting_up_to_serde_jsons_limit() {
        let nested =
            |n: usize, open: &str, close: &str| format!("{}{}", open.repeat(n), close.repeat(n));
        for (open, close) in [("[", "]"), (r#"{"a":"#, "}")] {
            for n in [1, 2, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, 1000] {
                let text = if open == "[" {
                    nested(n, open, close)
                } else {
                    format!("{}null{}", open.repeat(n), close.repeat(n))
                };
                let serde_ok = serde_json::from_str::<serde_json::Value>(&text).is_ok();
                assert_eq!(parse(&text).is_ok(), serde_ok, "{n} levels of {open}");
                assert_eq!(serde_ok, n <= MAX_DEPTH, "{n} levels of {open}");
            }
        }
        assert!(error(&"[".repeat(100_000))
            .starts_with("arrays and objects nested too deeply at byte 127"));
        let mut v = parse(&nested(MAX_DEPTH, "[", "]")).expect("the deepest accepted");
        let mut depth = 0;
        while let Json::Arr(mut items) = v {
            depth += 1;
            v = items.pop().unwrap_or(Json::Null);
        }
        assert_eq!(depth, MAX_DEPTH);
    }

    /// Random texts built from JSON's pieces: whatever `parse` accepts, serde_json accepts as the same
    /// tree; whatever serde_json accepts, `parse` does too, unless it holds a float or a big integer.
    #[test]
    fn agrees_with_serde_json_on_random_texts() {
        const PIECES: &[&str] = &[
            "[",
            "]",
            "{",
            "}",
            ",",
            ":",
            " ",
            "\n",
            "\"",
            "\"k\"",
            "\"v\"",
            "\\",
            "\\n",
            "\\u00e9",
            "\\ud83e",
            "\\udd80",
            "\\\"",
            "0",
            "1",
            "-",
            "42",
            "9223372036854775807",
            "9223372036854775808",
            ".5",
            "e1",
            "true",
            "false",
            "null",
            "é",
            "\u{1}",
            "{\"a\":",
            "[1,",
        ];
        let mut seed: u64 = 0x5eed_cafe_f00d_0001;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let (mut accepted, mut refused) = (0, 0);
        for _ in 0..50_000 {
            let len = 1 + next() % 12;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let ours = parse(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            match (&ours, &theirs) {
                (Ok(a), Ok(b)) => {
                    if !matches!(b, serde_json::Value::Object(m) if m.len() < text.matches(':').count())
                    {
                        assert_eq!(&to_value(a), b, "{text:?}");
                    }
                    accepted += 1;
                }
                (Err(_), Err(_)) => refused += 1,
                (Ok(a), Err(e)) => panic!("{text:?}: parsed to {a:?}, serde_json: {e}"),
                (Err(e), Ok(b)) => {
                    let unsupported = b.to_string().contains(['.', 'e', 'E'])
                        || text.contains("9223372036854775808")
                        || text.contains("-0");
                    assert!(unsupported, "{text:?}: {e}, but serde_json read {b}");
                }
            }
        }
        assert!(
            accepted > 500 && refused > 500,
            "{accepted} accepted, {refused} refused"
        );
    }

    #[test]
    fn building_blocks_decode_like_serde() {
        assert_eq!(
            from_str::<Vec<(u8, i8)>>("[[255,-128],[0,127]]"),
            Ok(vec![(255, -128), (0, 127)])
        );
        assert_eq!(from_str::<Option<u16>>("null"), Ok(None));
        assert_eq!(from_str::<Option<u16>>("65535"), Ok(Some(65535)));
        // A repeated key keeps its last value, as with serde_json.
        let map = BTreeMap::from([("a".to_string(), false), ("b".to_string(), false)]);
        assert_eq!(
            from_str::<BTreeMap<String, bool>>(r#"{"b":true,"a":false,"b":false}"#),
            Ok(map)
        );
        assert_eq!(from_str::<i32>("-2147483648"), Ok(i32::MIN));
        assert_eq!(from_str::<Json>("[1]"), Ok(Json::Arr(vec![Json::Int(1)])));
        let e = |r: Result<(), DecodeError>| r.err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            e(from_str::<Vec<u8>>("[1, 256]").map(drop)),
            "[1]: expected an integer that fits a u8, found 256"
        );
        assert_eq!(
            e(from_str::<Vec<u8>>("[1, \"2\"]").map(drop)),
            "[1]: expected an integer that fits a u8, found a string"
        );
        assert_eq!(
            e(from_str::<(u8, u8)>("[1]").map(drop)),
            "expected an array of 2 elements, found an array"
        );
        assert_eq!(
            e(from_str::<(u8, u8)>("[1, 2, 3]").map(drop)),
            "expected an array of 2 elements, found an array"
        );
        assert_eq!(
            e(from_str::<(String, bool)>("[\"a\", 1]").map(drop)),
            "[1]: expected a boolean, found an integer"
        );
        assert_eq!(
            e(from_str::<bool>("1").map(drop)),
            "expected a boolean, found an integer"
        );
        assert_eq!(
            e(from_str::<String>("{}").map(drop)),
            "expected a string, found an object"
        );
        assert_eq!(
            e(from_str::<i64>("\"1\"").map(drop)),
            "expected an integer, found a string"
        );
        assert_eq!(
            e(from_str::<u32>("-1").map(drop)),
            "expected an integer that fits a u32, found -1"
        );
        assert_eq!(
            e(from_str::<NaiveDate>("\"2026-02-30\"").map(drop)),
            "expected a date YYYY-MM-DD, found \"2026-02-30\""
        );
        assert_eq!(
            e(from_str::<Option<bool>>("[]").map(drop)),
            "expected a boolean, found an array"
        );
        assert_eq!(
            e(from_str::<u8>("1 x").map(drop)),
            "trailing characters after the JSON value at byte 2"
        );
    }

    /// `ToJson`'s text and serde_json's, which must be the same bytes.
    fn both<T: ToJson + serde::Serialize + ?Sized>(value: &T) -> (String, String) {
        (
            to_string(value),
            serde_json::to_string(value).expect("serde_json writes it"),
        )
    }

    #[test]
    fn strings_are_escaped_byte_for_byte_like_serde_json() {
        let controls: String = (0u8..0x20).map(char::from).collect();
        let mut texts = vec![
            String::new(),
            controls.clone(),
            format!("a{controls}b"),
            "\"".to_string(),
            "\\".to_string(),
            "\\\"\\\\\"".to_string(),
            "/ </script> \\/".to_string(),
            "\u{7f} DEL, \u{80}\u{9f} C1, \u{2028}\u{2029} separators, \u{feff} BOM".to_string(),
            "é è ê ë à ç œ Æ ß".to_string(),
            "🦀 😀 👩‍💻 \u{10ffff}".to_string(),
            "plain ASCII, nothing to escape".to_string(),
        ];
        texts.extend((0u8..0x20).map(|c| char::from(c).to_string()));
        texts.extend((0u8..0x20).map(|c| format!("é{}🦀", char::from(c))));
        for text in &texts {
            let (ours, theirs) = both(text.as_str());
            assert_eq!(ours, theirs, "{text:?}");
            assert_eq!(
                both(text),
                (theirs.clone(), theirs.clone()),
                "{text:?} as a String"
            );
            assert_eq!(from_str::<String>(&ours).as_ref(), Ok(text), "{ours}");
        }
        assert_eq!(
            to_string(&controls[..9]),
            r#""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b""#
        );
        assert_eq!(
            to_string(&controls[9..]),
            r#""\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f""#
        );
        assert_eq!(to_string("\"\\/é🦀\u{7f}"), "\"\\\"\\\\/é🦀\u{7f}\"");
    }

    /// Random strings built from the characters that matter to the escaping: the same bytes as serde_json.
    #[test]
    fn random_strings_are_written_like_serde_json() {
        const PIECES: &[&str] = &[
            "a", "\"", "\\", "/", "\n", "\r", "\t", "\u{8}", "\u{c}", "\u{0}", "\u{1f}", "\u{7f}",
            "é", "🦀", "\u{2028}", " ",
        ];
        let mut seed: u64 = 0x5eed_cafe_f00d_0002;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..5_000 {
            let len = next() % 10;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let (ours, theirs) = both(text.as_str());
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[test]
    fn integers_are_written_like_serde_json() {
        let mut samples = vec![
            0,
            1,
            -1,
            7,
            -7,
            i64::MIN,
            i64::MIN + 1,
            i64::MAX,
            i64::MAX - 1,
        ];
        let mut power: i64 = 1;
        while let Some(next) = power.checked_mul(10) {
            samples.extend([next - 1, next, next + 1, -(next - 1), -next, -(next + 1)]);
            power = next;
        }
        for n in samples {
            assert_eq!(both(&n).0, both(&n).1, "{n}");
            assert_eq!(to_string(&n), n.to_string());
            assert_eq!(from_str::<i64>(&to_string(&n)), Ok(n));
        }
        assert_eq!(to_string(&i64::MIN), "-9223372036854775808");
        assert_eq!(to_string(&i64::MAX), "9223372036854775807");
        assert_eq!(to_string(&u32::MAX), "4294967295");
        let (ours, theirs) = both(&(u32::MAX, i32::MIN));
        assert_eq!(ours, theirs);
        for (ours, theirs) in [
            both(&i32::MAX),
            both(&u16::MAX),
            both(&u8::MAX),
            both(&i8::MIN),
            both(&i8::MAX),
            both(&0u32),
        ] {
            assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn building_blocks_encode_like_serde() {
        let map = BTreeMap::from([
            ("b".to_string(), Some(1u8)),
            ("a \"é\"\n".to_string(), None),
            (String::new(), Some(0)),
        ]);
        let cases = [
            both(&vec![(255u8, -128i8), (0, 127)]),
            both(&Vec::<(u8, i8)>::new()),
            both(&vec![vec![true], vec![], vec![false, true]]),
            both(&[Some("x"), None][..]),
            both(&[1u8, 2, 3]),
            both(&[0u8; 0]),
            both(&Some(65535u16)),
            both(&None::<u16>),
            both(&Some(Some(true))),
            both(&map),
            both(&BTreeMap::<String, bool>::new()),
            both(&BTreeMap::from([(
                "k".to_string(),
                BTreeMap::from([("n".to_string(), vec![1i64])]),
            )])),
            both(&("a".to_string(), false)),
            both(&&&"ref"),
            both(&true),
            both(&false),
        ];
        for (ours, theirs) in cases {
            assert_eq!(ours, theirs);
        }
        assert_eq!(to_string(&map), r#"{"":0,"a \"é\"\n":null,"b":1}"#);
        assert_eq!(
            from_str::<BTreeMap<String, Option<u8>>>(&to_string(&map)),
            Ok(map)
        );
        assert_eq!(
            from_str::<Vec<(u8, i8)>>(&to_string(&vec![(255u8, -128i8)])),
            Ok(vec![(255, -128)])
        );
        let mut out = String::new();
        key(&mut out, true, "a");
        out.push('1');
        key(&mut out, false, "b\"");
        out.push('2');
        out.push('}');
        assert_eq!(out, r#"{"a":1,"b\"":2}"#);
    }

    /// Every day of the years around the edges of 0..=9999 and a few in between, one day in 97 of the
    /// others, and chrono's whole range beyond: the text chrono's `Serialize` writes.
    #[test]
    fn dates_are_written_as_chrono_serializes_them() {
        let mut d = NaiveDate::MIN;
        let mut n = 0;
        while d < NaiveDate::MAX {
            let (ours, theirs) = both(&d);
            assert_eq!(ours, theirs, "{d:?}");
            if (0..=9999).contains(&d.year()) {
                assert_eq!(from_str::<NaiveDate>(&ours), Ok(d), "{ours}");
            }
            let dense = (-2..3).contains(&d.year())
                || (1999..2031).contains(&d.year())
                || (9998..10_002).contains(&d.year());
            let step = if dense {
                1
            } else if (-10_000..20_000).contains(&d.year()) {
                97
            } else {
                9_973
            };
            d = d
                .checked_add_days(chrono::Days::new(step))
                .unwrap_or(NaiveDate::MAX);
            n += 1;
        }
        assert_eq!(both(&NaiveDate::MAX).0, both(&NaiveDate::MAX).1);
        assert!(n > 20_000, "{n}");
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
        assert_eq!(to_string(&day(2026, 3, 1)), r#""2026-03-01""#);
        assert_eq!(to_string(&day(7, 1, 9)), r#""0007-01-09""#);
        assert_eq!(to_string(&day(-5, 3, 1)), r#""-0005-03-01""#);
        assert_eq!(to_string(&day(10_000, 1, 1)), r#""+10000-01-01""#);
    }

    #[test]
    fn field_lookup_for_hand_written_impls() {
        let v = parse(r#"{"a":1,"b":2,"a":3}"#).expect("valid");
        assert_eq!(v.field("a"), Some(&Json::Int(1)));
        assert_eq!(v.field("c"), None);
        assert_eq!(Json::Null.field("a"), None);
        let mut slots = [None; 2];
        assert_eq!(v.fields(&["b", "c"], &mut slots), Ok(()));
        assert_eq!(slots, [Some(&Json::Int(2)), None]);
        let mut slots = [None; 1];
        assert_eq!(
            v.fields(&["a"], &mut slots).map_err(|e| e.to_string()),
            Err("a: duplicate field".to_string())
        );
        assert_eq!(
            v.tag("b", &["x"]).map_err(|e| e.to_string()),
            Err("b: expected a string, found an integer".to_string())
        );
        assert_eq!(
            v.tag("t", &["x"]).map_err(|e| e.to_string()),
            Err("t: missing field".to_string())
        );
        assert_eq!(
            parse(r#"{"t":"y"}"#).and_then(|v| v.tag("t", &["x", "y"])),
            Ok(1)
        );
    }

    /// The hand-written RFC 3339 reader gives chrono's instant for what the API writes, and
    /// refuses what is not an instant.
    #[test]
    fn instants_read_like_chrono() {
        for input in [
            "2026-12-08T17:30:00.000Z",
            "2026-10-25T02:30:00+01:00",
            "2026-10-25T02:30:00+02:00",
            "2026-03-29T01:59:59.999999999Z",
            "2026-07-14T23:00:00.5-04:30",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.123456789123Z",
            "2024-02-29T12:00:00.120+00:00",
        ] {
            let by_chrono = chrono::DateTime::parse_from_rfc3339(input)
                .ok()
                .map(|t| t.to_utc());
            assert!(by_chrono.is_some(), "{input:?}");
            assert_eq!(parse_instant(input), by_chrono, "{input:?}");
        }
        for bad in [
            "",
            "2026-12-08",
            "2026-12-08T17:30Z",
            "2026-12-08T17:30:00",
            "2026-12-08T24:00:00Z",
            "2026-02-30T10:00:00Z",
            "2026-12-08T17:30:00.Z",
            "2026-12-08T17:30:00+1:00",
            "2026-12-08T17:30:00+24:00",
            "2026-12-08 17:30:00Z",
            "2026-12-08T17:30:00Zjunk",
        ] {
            assert_eq!(parse_instant(bad), None, "{bad:?} should be refused");
        }
    }
}
