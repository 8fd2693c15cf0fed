//! A JSON reader that knows where every value is.
//!
//! `serde_json` reports the line and column of its own syntax errors, but tells a `Deserialize`
//! implementation nothing of positions, and its errors are strings. Descriptions need more: the
//! span of every id and kind for later messages ([`crate::model::Spanned`]), unknown fields and variants as data
//! (to suggest the nearest name), duplicate keys with both places, and a bound on nesting. This
//! module is a streaming `serde::Deserializer` over a `&str` that gives all of that; it borrows
//! strings without escapes and allocates nothing per value otherwise.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize as _, DeserializeSeed, IntoDeserializer, Visitor};

use crate::i18n::Text;
use crate::i18n::text;
use crate::model::{Span, recover_protocol, spanned_protocol as protocol};

/// What went wrong while reading JSON into a typed value.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not JSON; the text says what was expected.
    Syntax(Text),
    /// An object key the type does not know.
    UnknownField {
        field: String,
        expected: &'static [&'static str],
    },
    /// A string that names no variant of an enum (a unit kind, a tie kind...).
    UnknownVariant {
        variant: String,
        expected: &'static [&'static str],
    },
    /// A required key is absent.
    MissingField(&'static str),
    /// The same key twice in one object; `first` is where it first appeared.
    DuplicateKey { key: String, first: Span },
    /// Nesting deeper than the limit.
    TooDeep(u32),
    /// A control character in a string (other than tab, line feed and carriage return), escaped
    /// or not: JSON allows `\u0000`, but a description's texts are for people, and such
    /// characters drive terminals ([`crate::model::is_forbidden_control`]).
    ControlCharacter(char),
    /// Anything a type's own validation says (wrong type, invalid id, impossible date).
    Invalid(Text),
}

/// An error with the span it is about.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    pub kind: ErrorKind,
    /// Where; `None` only while the error travels up to the value it belongs to.
    pub span: Option<Span>,
}

impl Error {
    fn new(kind: ErrorKind, span: Span) -> Error {
        Error {
            kind,
            span: Some(span),
        }
    }

    fn unplaced(kind: ErrorKind) -> Error {
        Error { kind, span: None }
    }

    /// Places the error at `span` unless a more precise place is already known.
    fn or_at(mut self, span: Span) -> Error {
        if self.span.is_none() {
            self.span = Some(match self.kind {
                // A missing field is about the object, whose opening brace says which one.
                ErrorKind::MissingField(_) => Span::new(span.start, span.start + 1),
                _ => span,
            });
        }
        self
    }
}

impl Error {
    /// What the error says, in every language: "unknown field `nmae`".
    pub fn message(&self) -> Text {
        match &self.kind {
            ErrorKind::Syntax(what) => text!("json-syntax", what = what.clone()),
            ErrorKind::UnknownField { field, .. } => text!("json-unknown-field", field = field),
            ErrorKind::UnknownVariant { variant, .. } => {
                text!("json-unknown-value", value = variant)
            }
            ErrorKind::MissingField(field) => text!("json-missing-field", field = *field),
            ErrorKind::DuplicateKey { key, .. } => text!("json-duplicate-key", key = key),
            ErrorKind::TooDeep(limit) => text!("json-too-deep", limit = *limit),
            ErrorKind::ControlCharacter(c) => text!(
                "json-control-character",
                code = format!("{:04X}", u32::from(*c)),
                bidi = if c.is_control() { "no" } else { "yes" }
            ),
            ErrorKind::Invalid(message) => message.clone(),
        }
    }
}

/// The error's message in English.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}

/// What a value was, in the words of JSON and of descriptions rather than serde's (`null`, not
/// "unit value").
fn found_words(value: &de::Unexpected<'_>) -> Text {
    use de::Unexpected;
    let number = |n: String| text!("json-found-number", n = n);
    match value {
        Unexpected::Bool(b) => Text::from(format!("`{b}`")),
        Unexpected::Unsigned(n) => number(n.to_string()),
        Unexpected::Signed(n) => number(n.to_string()),
        Unexpected::Float(n) => number(n.to_string()),
        Unexpected::Char(c) => text!("json-found-text", text = format!("{:?}", c.to_string())),
        Unexpected::Str(s) => text!("json-found-text", text = format!("{s:?}")),
        Unexpected::Unit | Unexpected::Option => Text::from("`null`"),
        Unexpected::Seq => text!("json-a-list"),
        Unexpected::Map => text!("json-an-object"),
        Unexpected::Bytes(_) => text!("json-bytes"),
        Unexpected::Other(what) => Text::from(*what),
        _ => text!("json-a-value"),
    }
}

/// What was expected, in the same words: serde's names of Rust types ("a string", "struct Unit",
/// "u32") become those of JSON; the descriptions' own types already say it their way ("a unit
/// id").
fn expected_words(expected: &dyn de::Expected) -> Text {
    let said = expected.to_string();
    match said.as_str() {
        "a string" | "a borrowed string" | "a character" => text!("json-a-text"),
        "a sequence" => text!("json-a-list"),
        "a map" => text!("json-an-object"),
        "a boolean" => text!("json-a-boolean"),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            text!("json-a-whole-number")
        }
        "f32" | "f64" => text!("json-a-number"),
        "option" => text!("json-a-value-or-null"),
        _ if said.starts_with("struct ") => text!("json-an-object"),
        _ if said.starts_with("tuple of ") => text!("json-a-list"),
        _ => Text::from(said),
    }
}

impl de::Error for Error {
    /// What a type's own validation says, the same in every language.
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error::unplaced(ErrorKind::Invalid(Text::from(msg.to_string())))
    }

    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Error {
        Error::unplaced(ErrorKind::Invalid(text!(
            "json-expected-found",
            expected = expected_words(exp),
            found = found_words(&unexp)
        )))
    }

    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Error {
        Error::unplaced(ErrorKind::Invalid(text!(
            "json-not-allowed",
            found = found_words(&unexp),
            expected = expected_words(exp)
        )))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Error {
        Error::unplaced(ErrorKind::UnknownField {
            field: field.to_owned(),
            expected,
        })
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Error {
        Error::unplaced(ErrorKind::UnknownVariant {
            variant: variant.to_owned(),
            expected,
        })
    }

    fn missing_field(field: &'static str) -> Error {
        Error::unplaced(ErrorKind::MissingField(field))
    }

    fn duplicate_field(field: &'static str) -> Error {
        // Duplicate keys are caught, with both places, before any type sees them; this is a
        // fallback for types that find duplicates by other means.
        Error::unplaced(ErrorKind::DuplicateKey {
            key: field.to_owned(),
            first: Span::default(),
        })
    }
}

type Result<T> = std::result::Result<T, Error>;

/// The default bound on nesting: descriptions nest five or six levels; 128 leaves room for any
/// real file and keeps hostile ones from exhausting the stack.
pub(crate) const DEFAULT_MAX_DEPTH: u32 = 128;

/// What reading a document gave: the value, unless an error stopped the reading, and every error
/// met, including those of items skipped on the way ([`crate::model::Recover`]).
#[derive(Debug)]
pub(crate) struct Read<T> {
    pub value: Option<T>,
    pub errors: Vec<Error>,
}

/// Reads `text` as one JSON value of type `T`, with nesting bounded by `max_depth`, resuming
/// after items that fail where the type allows it.
pub(crate) fn read<'de, T: de::Deserialize<'de>>(text: &'de str, max_depth: u32) -> Read<T> {
    let mut recovered = Vec::new();
    let result = read_into(text, max_depth, &mut recovered);
    match result {
        Ok(value) => Read {
            value: Some(value),
            errors: recovered,
        },
        Err(error) => {
            recovered.push(error);
            Read {
                value: None,
                errors: recovered,
            }
        }
    }
}

/// Reads `text` as one JSON value of type `T`; the first error, even in a recoverable item,
/// stops it.
pub(crate) fn from_str<'de, T: de::Deserialize<'de>>(text: &'de str, max_depth: u32) -> Result<T> {
    let mut recovered = Vec::new();
    let value = read_into(text, max_depth, &mut recovered)?;
    match recovered.into_iter().next() {
        Some(error) => Err(error),
        None => Ok(value),
    }
}

fn read_into<'de, T: de::Deserialize<'de>>(
    text: &'de str,
    max_depth: u32,
    recovered: &mut Vec<Error>,
) -> Result<T> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        // A byte-order mark, which some editors write, is not part of the document.
        pos: if text.starts_with('\u{feff}') { 3 } else { 0 },
        depth: 0,
        max_depth,
        keys: Vec::new(),
        recovered,
    };
    let value = T::deserialize(&mut reader)?;
    reader.skip_whitespace();
    if reader.pos < reader.bytes.len() {
        let start = reader.pos;
        return Err(reader.syntax_at(start, text!("json-text-after-end")));
    }
    Ok(value)
}

struct Reader<'de, 'r> {
    /// Errors of items that were skipped to read on.
    recovered: &'r mut Vec<Error>,
    text: &'de str,
    bytes: &'de [u8],
    pos: usize,
    depth: u32,
    max_depth: u32,
    /// Spans of the keys of the objects being read, innermost last, to find duplicates.
    keys: Vec<Span>,
}

/// Whether byte `b` inside a string (past the quote, backslash and C0 checks) needs no more
/// look: anything but DEL, 0xc2 (the lead byte of the C1 controls) and 0xe2 (that of the
/// bidirectional controls). The byte loop's fast path; the other bytes go through
/// [`Reader::plain_char`].
#[inline]
fn is_plain(b: u8) -> bool {
    b != 0x7f && b != 0xc2 && b != 0xe2
}

/// Offsets fit in `u32`: no file over 4 GiB is read ([`crate::load::Limits::max_file_size`]).
fn offset(pos: usize) -> u32 {
    u32::try_from(pos).unwrap_or(u32::MAX)
}

/// "`,` or `]`": what may come after an item of an object or array that `close` ends.
fn comma_or(close: u8) -> Text {
    text!("json-comma-or", close = char::from(close).to_string())
}

fn describe(byte: u8) -> Text {
    match byte {
        b'/' => text!("json-found-slash"),
        b'\'' => text!("json-found-quote"),
        0x20..=0x7e => Text::from(format!("`{}`", byte as char)),
        _ => text!("json-found-byte", byte = format!("{byte:02x}")),
    }
}

impl<'de> Reader<'de, '_> {
    fn span_from(&self, start: usize) -> Span {
        Span::new(offset(start), offset(self.pos.max(start)))
    }

    fn syntax_at(&self, at: usize, what: Text) -> Error {
        let end = (at + 1).min(self.bytes.len()).max(at);
        Error::new(ErrorKind::Syntax(what), Span::new(offset(at), offset(end)))
    }

    fn unexpected(&self, expected: Text) -> Error {
        match self.bytes.get(self.pos) {
            None => self.syntax_at(
                self.pos,
                text!("json-ends-where-expected", expected = expected),
            ),
            Some(&b) => self.syntax_at(
                self.pos,
                text!(
                    "json-expected-found",
                    expected = expected,
                    found = describe(b)
                ),
            ),
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_whitespace();
        self.bytes.get(self.pos).copied()
    }

    /// Consumes `byte`, or fails saying what was `expected`: a message made only on failure, as
    /// writing one costs more than reading the byte.
    fn eat(&mut self, byte: u8, expected: impl FnOnce() -> Text) -> Result<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected(expected()))
        }
    }

    fn literal(&mut self, word: &str) -> Result<()> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.unexpected(text!("json-a-json-value")))
        }
    }

    fn enter(&mut self) -> Result<()> {
        if self.depth >= self.max_depth {
            let start = self.pos;
            return Err(Error::new(
                ErrorKind::TooDeep(self.max_depth),
                self.span_from(start),
            ));
        }
        self.depth += 1;
        Ok(())
    }

    /// Reads a string whose opening quote is at `self.pos`; borrows it when it has no escape.
    fn string(&mut self) -> Result<Cow<'de, str>> {
        let open = self.pos;
        self.pos += 1;
        let start = self.pos;
        // Fast path: up to the closing quote with no escape, borrowed.
        loop {
            match self.bytes.get(self.pos) {
                None => return Err(self.syntax_at(open, text!("json-string-never-closed"))),
                Some(b'"') => {
                    let s = &self.text[start..self.pos];
                    self.pos += 1;
                    return Ok(Cow::Borrowed(s));
                }
                Some(b'\\') => break,
                Some(&b) if b < 0x20 => return Err(self.control_char(b)),
                Some(&b) if is_plain(b) => self.pos += 1,
                Some(_) => self.pos += self.plain_char()?,
            }
        }
        let mut owned = String::from(&self.text[start..self.pos]);
        loop {
            match self.bytes.get(self.pos) {
                None => return Err(self.syntax_at(open, text!("json-string-never-closed"))),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(owned));
                }
                Some(b'\\') => {
                    let escape_at = self.pos;
                    self.pos += 1;
                    let c = match self.bytes.get(self.pos) {
                        Some(b'u') => {
                            self.pos += 1;
                            let c = self.unicode_escape(escape_at)?;
                            owned.push(self.allowed(c, escape_at)?);
                            continue;
                        }
                        other => {
                            let Some(c) = other.copied().and_then(simple_escape) else {
                                let invalid = text!("json-invalid-escape");
                                return Err(self.syntax_at(escape_at, invalid));
                            };
                            c
                        }
                    };
                    self.pos += 1;
                    owned.push(self.allowed(c, escape_at)?);
                }
                Some(&b) if b < 0x20 => return Err(self.control_char(b)),
                Some(_) => {
                    let run = self.pos;
                    while let Some(&b) = self.bytes.get(self.pos) {
                        if b == b'"' || b == b'\\' || b < 0x20 {
                            break;
                        }
                        self.pos += if is_plain(b) { 1 } else { self.plain_char()? };
                    }
                    owned.push_str(&self.text[run..self.pos]);
                }
            }
        }
    }

    /// The length of the byte at `self.pos` inside a string, which is neither a quote, a
    /// backslash nor a C0 control; fails on the other characters a description's text may not
    /// hold, which JSON lets through unescaped: DEL, the C1 controls (the only characters whose
    /// UTF-8 starts with 0xc2 then 0x80 to 0x9f), and the bidirectional embeddings, overrides and
    /// isolates (U+202A to U+202E, 0xe2 0x80 0xaa to 0xae; U+2066 to U+2069, 0xe2 0x81 0xa6 to
    /// 0xa9).
    fn plain_char(&self) -> Result<usize> {
        match self.bytes[self.pos..] {
            [0x7f, ..] => Err(Self::forbidden('\u{7f}', self.pos, 1)),
            [0xc2, second @ 0x80..=0x9f, ..] => {
                Err(Self::forbidden(char::from(second), self.pos, 2))
            }
            [0xe2, 0x80, 0xaa..=0xae, ..] | [0xe2, 0x81, 0xa6..=0xa9, ..] => {
                let c = self.text[self.pos..].chars().next().unwrap_or_default();
                Err(Self::forbidden(c, self.pos, 3))
            }
            _ => Ok(1),
        }
    }

    /// `c`, decoded from the escape at `escape_at`, unless a description's text may not hold it.
    fn allowed(&self, c: char, escape_at: usize) -> Result<char> {
        if crate::model::is_forbidden_control(c) {
            return Err(Self::forbidden(c, escape_at, self.pos - escape_at));
        }
        Ok(c)
    }

    fn forbidden(c: char, at: usize, len: usize) -> Error {
        Error::new(
            ErrorKind::ControlCharacter(c),
            Span::new(offset(at), offset(at + len)),
        )
    }

    fn control_char(&self, byte: u8) -> Error {
        let what = match byte {
            b'\n' => text!("json-line-break-in-string"),
            0 => text!("json-nul-in-string"),
            _ => text!("json-control-in-string", byte = format!("{byte:02x}")),
        };
        self.syntax_at(self.pos, what)
    }

    fn hex4(&mut self, escape_at: usize) -> Result<u16> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .and_then(|d| std::str::from_utf8(d).ok())
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|d| u16::from_str_radix(d, 16).ok());
        match digits {
            Some(unit) => {
                self.pos += 4;
                Ok(unit)
            }
            None => Err(self.syntax_at(escape_at, text!("json-invalid-u-escape"))),
        }
    }

    fn unicode_escape(&mut self, escape_at: usize) -> Result<char> {
        let unit = self.hex4(escape_at)?;
        let code = if (0xD800..0xDC00).contains(&unit) {
            if !self.bytes[self.pos..].starts_with(b"\\u") {
                return Err(self.syntax_at(escape_at, text!("json-lone-high-surrogate")));
            }
            self.pos += 2;
            let low = self.hex4(escape_at)?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(self.syntax_at(escape_at, text!("json-invalid-surrogate-pair")));
            }
            0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00)
        } else {
            u32::from(unit)
        };
        char::from_u32(code)
            .ok_or_else(|| self.syntax_at(escape_at, text!("json-lone-low-surrogate")))
    }

    /// Reads the text of a number, checking its syntax; says whether it is an integer.
    fn number_text(&mut self) -> Result<(&'de str, bool)> {
        let start = self.pos;
        if self.bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        let digits = self.pos;
        self.skip_digits();
        if self.pos == digits {
            return Err(self.unexpected(text!("json-a-digit")));
        }
        if self.bytes[digits] == b'0' && self.pos - digits > 1 {
            return Err(self.syntax_at(digits, text!("json-leading-zeros")));
        }
        let mut integer = true;
        if self.bytes.get(self.pos) == Some(&b'.') {
            integer = false;
            self.pos += 1;
            let fraction = self.pos;
            self.skip_digits();
            if self.pos == fraction {
                return Err(self.unexpected(text!("json-a-digit-after-point")));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            integer = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            let exponent = self.pos;
            self.skip_digits();
            if self.pos == exponent {
                return Err(self.unexpected(text!("json-a-digit-in-exponent")));
            }
        }
        Ok((&self.text[start..self.pos], integer))
    }

    /// Reads a number and hands it to the visitor as an integer when it is one that 64 bits hold,
    /// else as a float. A number no value can hold (an integer past 64 bits, a float past `f64`)
    /// is an invalid value, not a syntax error: JSON does not bound numbers, so the item is
    /// skipped and the reading goes on.
    fn number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        let start = self.pos;
        let (text, integer) = self.number_text()?;
        if integer {
            if let Ok(n) = text.parse::<u64>() {
                return visitor.visit_u64(n);
            }
            if let Ok(n) = text.parse::<i64>() {
                return visitor.visit_i64(n);
            }
        } else if let Ok(n) = text.parse::<f64>()
            && n.is_finite()
        {
            return visitor.visit_f64(n);
        }
        Err(Error::new(
            ErrorKind::Invalid(text!("json-number-out-of-range", number = text)),
            self.span_from(start),
        ))
    }

    fn skip_digits(&mut self) {
        while let Some(b'0'..=b'9') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// Hands the next value to `seed`, placing at the value the errors that carry no place yet,
    /// such as those of a type that validates what it read (an id that is not a slug).
    fn placed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value> {
        self.skip_whitespace();
        let start = self.pos;
        seed.deserialize(&mut *self)
            .map_err(|e| e.or_at(self.span_from(start)))
    }

    /// What the next token is, in words, for messages.
    fn found(&mut self) -> Text {
        match self.peek() {
            None => text!("json-the-end-of-the-file"),
            Some(b'{') => text!("json-an-object"),
            Some(b'[') => text!("json-an-array"),
            Some(b'"') => text!("json-a-string"),
            Some(b't' | b'f') => text!("json-a-boolean-found"),
            Some(b'n') => Text::from("null"),
            Some(b'-' | b'0'..=b'9') => text!("json-a-number"),
            Some(_) => text!("json-not-json"),
        }
    }

    /// Reads any value, placing errors that carry no place yet at the value's span.
    fn value<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        let start = match self.peek() {
            Some(_) => self.pos,
            None => return Err(self.unexpected(text!("json-a-json-value"))),
        };
        self.value_inner(visitor)
            .map_err(|e| e.or_at(self.span_from(start)))
    }

    fn value_inner<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.bytes[self.pos] {
            b'"' => match self.string()? {
                Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
                Cow::Owned(s) => visitor.visit_string(s),
            },
            b'{' => {
                self.enter()?;
                self.pos += 1;
                let value = crate::stack::grow(|| visitor.visit_map(Object::new(self)))?;
                self.eat(b'}', || comma_or(b'}'))?;
                self.depth -= 1;
                Ok(value)
            }
            b'[' => {
                self.enter()?;
                self.pos += 1;
                let value = crate::stack::grow(|| {
                    visitor.visit_seq(Array {
                        reader: self,
                        first: true,
                    })
                })?;
                self.eat(b']', || comma_or(b']'))?;
                self.depth -= 1;
                Ok(value)
            }
            b't' => {
                self.literal("true")?;
                visitor.visit_bool(true)
            }
            b'f' => {
                self.literal("false")?;
                visitor.visit_bool(false)
            }
            b'n' => {
                self.literal("null")?;
                visitor.visit_unit()
            }
            b'-' | b'0'..=b'9' => self.number(visitor),
            _ => Err(self.unexpected(text!("json-a-json-value"))),
        }
    }
}

/// Objects with more keys than this index them in a hash map to find duplicates, so that even a
/// hostile object with a million keys is read in linear time; smaller ones scan a short list.
const KEYS_SCANNED: usize = 16;

/// The keys of one object being read, to find duplicates.
struct Keys<'de> {
    /// Where this object's keys start in `reader.keys`.
    from: usize,
    /// The keys by their raw text, once there are more than [`KEYS_SCANNED`].
    index: Option<std::collections::HashMap<&'de [u8], Span>>,
}

impl<'de> Keys<'de> {
    fn new(reader: &Reader<'de, '_>) -> Self {
        Keys {
            from: reader.keys.len(),
            index: None,
        }
    }

    /// Records a key; returns where it was first given if it was given before.
    fn first_place(&mut self, r: &mut Reader<'de, '_>, raw: &'de [u8], span: Span) -> Option<Span> {
        if let Some(index) = &mut self.index {
            return match index.entry(raw) {
                std::collections::hash_map::Entry::Occupied(first) => Some(*first.get()),
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(span);
                    None
                }
            };
        }
        let bytes = r.bytes;
        let keys = &r.keys[self.from..];
        if let Some(first) = keys.iter().find(|k| &bytes[k.range()] == raw) {
            return Some(*first);
        }
        if keys.len() < KEYS_SCANNED {
            r.keys.push(span);
        } else {
            let mut index: std::collections::HashMap<&'de [u8], Span> =
                keys.iter().map(|k| (&bytes[k.range()], *k)).collect();
            index.insert(raw, span);
            self.index = Some(index);
        }
        None
    }

    /// Forgets this object's keys, once it is read.
    fn close(&self, r: &mut Reader<'de, '_>) {
        r.keys.truncate(self.from);
    }
}

impl<'de> Reader<'de, '_> {
    /// Reads the key at `self.pos` of an object whose keys are `keys`, and the colon after it;
    /// fails on a key given twice.
    fn key(&mut self, keys: &mut Keys<'de>) -> Result<(Cow<'de, str>, Span)> {
        if self.peek() != Some(b'"') {
            return Err(self.unexpected(text!("json-a-key")));
        }
        let start = self.pos;
        let key = self.string()?;
        let span = self.span_from(start);
        let bytes: &'de [u8] = self.bytes;
        if let Some(first) = keys.first_place(self, &bytes[start..span.end as usize], span) {
            return Err(Error::new(
                ErrorKind::DuplicateKey {
                    key: key.into_owned(),
                    first,
                },
                span,
            ));
        }
        self.eat(b':', || text!("json-colon-after-key"))?;
        Ok((key, span))
    }

    /// After an item of an object or array: moves past the `,` before the next item and returns
    /// true, or stays before the closing `close` and returns false.
    fn next_item(&mut self, first: bool, close: u8) -> Result<bool> {
        match self.peek() {
            Some(b) if b == close => Ok(false),
            Some(b',') if !first => {
                self.pos += 1;
                if self.peek() == Some(close) {
                    return Err(self.syntax_at(
                        self.pos,
                        text!("json-trailing-comma", close = char::from(close).to_string()),
                    ));
                }
                Ok(true)
            }
            _ if !first => Err(self.unexpected(comma_or(close))),
            _ => Ok(true),
        }
    }

    /// Skips one value, checking it as [`Reader::value`] would, without recursion: the nesting
    /// of skipped values is bounded only by `max_depth`, which the user may raise far past what
    /// the stack holds, while typed values nest only as deep as their types.
    fn skip_value(&mut self) -> Result<()> {
        /// An object or array being skipped: its keys when it is an object.
        struct Open<'de> {
            keys: Option<Keys<'de>>,
        }
        let mut open: Vec<Open<'de>> = Vec::new();
        loop {
            // At the start of a value.
            match self.peek() {
                Some(b'{') => {
                    self.enter()?;
                    self.pos += 1;
                    let mut keys = Keys::new(self);
                    if self.next_item(true, b'}')? {
                        self.key(&mut keys)?;
                        open.push(Open { keys: Some(keys) });
                        continue;
                    }
                    open.push(Open { keys: Some(keys) });
                }
                Some(b'[') => {
                    self.enter()?;
                    self.pos += 1;
                    open.push(Open { keys: None });
                    if self.next_item(true, b']')? {
                        continue;
                    }
                }
                Some(b'"') => {
                    self.string()?;
                }
                Some(b't') => self.literal("true")?,
                Some(b'f') => self.literal("false")?,
                Some(b'n') => self.literal("null")?,
                Some(b'-' | b'0'..=b'9') => {
                    self.number_text()?;
                }
                _ => return Err(self.unexpected(text!("json-a-json-value"))),
            }
            // After a value: close what ends here, up to a container with another item.
            loop {
                let Some(last) = open.last_mut() else {
                    return Ok(());
                };
                let close = if last.keys.is_some() { b'}' } else { b']' };
                // A container just opened has its closing bracket next, and `next_item` with
                // `first` false accepts that too.
                if self.next_item(false, close)? {
                    if let Some(keys) = &mut last.keys {
                        self.key(keys)?;
                    }
                    break;
                }
                self.pos += 1;
                self.depth -= 1;
                if let Some(Open { keys: Some(keys) }) = open.pop() {
                    keys.close(self);
                }
            }
        }
    }
}

/// The entries of an object being read.
struct Object<'a, 'de, 'r> {
    reader: &'a mut Reader<'de, 'r>,
    first: bool,
    keys: Keys<'de>,
}

impl<'a, 'de, 'r> Object<'a, 'de, 'r> {
    fn new(reader: &'a mut Reader<'de, 'r>) -> Self {
        let keys = Keys::new(reader);
        Object {
            reader,
            first: true,
            keys,
        }
    }
}

impl Drop for Object<'_, '_, '_> {
    fn drop(&mut self) {
        self.keys.close(self.reader);
    }
}

impl<'de> de::MapAccess<'de> for Object<'_, 'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let r = &mut *self.reader;
        if !r.next_item(std::mem::replace(&mut self.first, false), b'}')? {
            return Ok(None);
        }
        let (key, span) = r.key(&mut self.keys)?;
        seed.deserialize(KeyDeserializer(key))
            .map(Some)
            .map_err(|e| e.or_at(span))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.reader.placed(seed)
    }
}

/// The items of an array being read.
struct Array<'a, 'de, 'r> {
    reader: &'a mut Reader<'de, 'r>,
    first: bool,
}

impl<'de> de::SeqAccess<'de> for Array<'_, 'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        let first = std::mem::replace(&mut self.first, false);
        if !self.reader.next_item(first, b']')? {
            return Ok(None);
        }
        self.reader.placed(seed).map(Some)
    }
}

/// Hands an object key to the type's field identifier.
struct KeyDeserializer<'de>(Cow<'de, str>);

impl<'de> de::Deserializer<'de> for KeyDeserializer<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            Cow::Owned(s) => visitor.visit_string(s),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// Hands the parts of a [`crate::model::Spanned`] value over, in the order its protocol asks for.
struct SpannedParts<'a, 'de, 'r> {
    reader: &'a mut Reader<'de, 'r>,
    start: usize,
    next: usize,
}

impl<'de> de::MapAccess<'de> for SpannedParts<'_, 'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let Some(&key) = protocol::FIELDS.get(self.next) else {
            return Ok(None);
        };
        seed.deserialize(de::value::BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let part = self.next;
        self.next += 1;
        match part {
            0 => seed.deserialize(offset(self.start).into_deserializer()),
            1 => self.reader.placed(seed),
            _ => seed.deserialize(offset(self.reader.pos).into_deserializer()),
        }
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.value(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek() == Some(b'n') {
            let start = self.pos;
            self.literal("null")
                .map_err(|e| e.or_at(self.span_from(start)))?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if name == recover_protocol::NAME && fields == recover_protocol::FIELDS {
            if self.peek().is_none() {
                return Err(self.unexpected(text!("json-a-json-value")));
            }
            let (start, depth, keys) = (self.pos, self.depth, self.keys.len());
            return visitor.visit_map(RecoverParts {
                reader: self,
                start,
                depth,
                keys,
                state: RecoverState::Start,
            });
        }
        if name == protocol::NAME && fields == protocol::FIELDS {
            if self.peek().is_none() {
                return Err(self.unexpected(text!("json-a-json-value")));
            }
            let start = self.pos;
            return visitor.visit_map(SpannedParts {
                reader: self,
                start,
                next: 0,
            });
        }
        if self.peek() != Some(b'{') {
            let found = self.found();
            let start = self.pos;
            let end = (start + 1).min(self.bytes.len());
            return Err(Error::new(
                ErrorKind::Invalid(text!("json-expected-object", found = found)),
                Span::new(offset(start), offset(end)),
            ));
        }
        self.value(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let start = match self.peek() {
            Some(b'"') => self.pos,
            _ => return Err(self.unexpected(text!("json-a-string"))),
        };
        let name = self.string()?;
        let span = self.span_from(start);
        visitor
            .visit_enum(UnitVariant(name))
            .map_err(|e| e.or_at(span))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip_whitespace();
        let start = self.pos;
        self.skip_value()
            .map_err(|e| e.or_at(self.span_from(start)))?;
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier
    }
}

/// Where a [`crate::model::Recover`] item stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RecoverState {
    Start,
    Value,
    Recovered,
    Done,
}

/// Hands a [`crate::model::Recover`] item over; when it fails, skips it, keeps its error and
/// says so with one more key.
struct RecoverParts<'a, 'de, 'r> {
    reader: &'a mut Reader<'de, 'r>,
    start: usize,
    depth: u32,
    keys: usize,
    state: RecoverState,
}

impl<'de> de::MapAccess<'de> for RecoverParts<'_, 'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let key = match self.state {
            RecoverState::Start => recover_protocol::VALUE,
            RecoverState::Recovered => recover_protocol::RECOVERED,
            RecoverState::Value | RecoverState::Done => return Ok(None),
        };
        seed.deserialize(de::value::BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        if self.state == RecoverState::Recovered {
            self.state = RecoverState::Done;
            let span = self.reader.span_from(self.start);
            let parts = de::value::SeqDeserializer::new([span.start, span.end].into_iter());
            return seed.deserialize(parts);
        }
        self.state = RecoverState::Value;
        let error = match seed.deserialize(&mut *self.reader) {
            Ok(value) => return Ok(value),
            Err(error) => error,
        };
        // Start the item again and skip it whole: if that works, the item's text is sound JSON
        // and reading can go on after it.
        let r = &mut *self.reader;
        r.pos = self.start;
        r.depth = self.depth;
        r.keys.truncate(self.keys);
        de::IgnoredAny::deserialize(&mut *r)?;
        let span = r.span_from(self.start);
        r.recovered.push(error.clone().or_at(span));
        self.state = RecoverState::Recovered;
        Err(error)
    }
}

/// An enum written as a plain string, the only form descriptions use (`"kind": "bureau"`).
struct UnitVariant<'de>(Cow<'de, str>);

impl<'de> de::EnumAccess<'de> for UnitVariant<'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = KeyDeserializer(self.0.clone());
        Ok((seed.deserialize(name)?, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariant<'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value> {
        Err(de::Error::invalid_type(
            de::Unexpected::UnitVariant,
            &"a variant with data",
        ))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(de::Error::invalid_type(
            de::Unexpected::UnitVariant,
            &"a tuple variant",
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        Err(de::Error::invalid_type(
            de::Unexpected::UnitVariant,
            &"a struct variant",
        ))
    }
}

/// The character a JSON escape other than `\u` stands for, by the byte after its backslash:
/// the one table the strict reader and the language server's tolerant reader share.
pub(crate) fn simple_escape(byte: u8) -> Option<char> {
    Some(match byte {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Spanned;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Item {
        id: Spanned<String>,
        #[serde(default)]
        tags: Vec<String>,
        count: Option<u32>,
        kind: Option<Spanned<Colour>>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "kebab-case")]
    enum Colour {
        DarkRed,
        Blue,
    }

    fn parse<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T> {
        from_str(text, DEFAULT_MAX_DEPTH)
    }

    fn error(text: &str) -> (ErrorKind, std::ops::Range<usize>) {
        let e = parse::<Vec<Item>>(text).unwrap_err();
        (e.kind, e.span.unwrap().range())
    }

    #[test]
    fn reads_values_with_spans() {
        let text = r#"[{"id": "a\u00e9\"", "tags": ["x", "y"], "count": 3, "kind": "dark-red"}]"#;
        let items: Vec<Item> = parse(text).unwrap();
        assert_eq!(items[0].id.value, "aé\"");
        assert_eq!(&text[items[0].id.span.range()], r#""a\u00e9\"""#);
        assert_eq!(items[0].tags, ["x", "y"]);
        assert_eq!(items[0].count, Some(3));
        let kind = items[0].kind.as_ref().unwrap();
        assert_eq!(kind.value, Colour::DarkRed);
        assert_eq!(&text[kind.span.range()], r#""dark-red""#);
    }

    #[test]
    fn unknown_field_is_data_at_the_key() {
        let (kind, span) = error(r#"[{"id": "a", "tgas": []}]"#);
        match kind {
            ErrorKind::UnknownField { field, expected } => {
                assert_eq!(field, "tgas");
                assert!(expected.contains(&"tags"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(span, 13..19);
    }

    #[test]
    fn unknown_variant_is_data_at_the_value() {
        let text = r#"[{"id": "a", "kind": "green"}]"#;
        let (kind, span) = error(text);
        match kind {
            ErrorKind::UnknownVariant { variant, expected } => {
                assert_eq!(variant, "green");
                assert_eq!(expected, ["dark-red", "blue"]);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(&text[span], "\"green\"");
    }

    #[test]
    fn missing_field_points_at_the_object() {
        let (kind, span) = error(r#"[{"id": "a"}, {"count": 1}]"#);
        assert_eq!(kind, ErrorKind::MissingField("id"));
        assert_eq!(span, 14..15);
    }

    #[test]
    fn duplicate_key_gives_both_places() {
        let (kind, span) = error(r#"[{"id": "a", "id": "b"}]"#);
        assert_eq!(
            kind,
            ErrorKind::DuplicateKey {
                key: "id".into(),
                first: Span::new(2, 6)
            }
        );
        assert_eq!(span, 13..17);
    }

    #[test]
    fn wrong_type_is_placed_at_the_value() {
        let text = r#"[{"id": "a", "count": "three"}]"#;
        let (kind, span) = error(text);
        assert!(matches!(kind, ErrorKind::Invalid(m) if m.contains("expected a whole number")));
        assert_eq!(&text[span], "\"three\"");
    }

    #[test]
    fn syntax_errors_are_placed() {
        for (text, at, what) in [
            (r#"[{"id": "a",}]"#, 12, "trailing comma"),
            (r#"[{"id": "a"} {"id": "b"}]"#, 13, "expected `,` or `]`"),
            (r#"[{"id": 'a'}]"#, 8, "double quotes"),
            ("[{\"id\": \"a\nb\"}]", 10, "line break"),
            (r#"[{"id": "a"}] x"#, 14, "after the end"),
            (r#"[{"id": "a"}"#, 12, "ends where"),
            (r#"[{"id": "\x"}]"#, 9, "invalid escape"),
            (r#"[{"id": "\ud800"}]"#, 9, "surrogate"),
            (r#"[{"id": "a", "count": 01}]"#, 22, "leading zeros"),
            ("// c\n[]", 0, "comments"),
            ("", 0, "ends where"),
        ] {
            let e = parse::<Vec<Item>>(text).unwrap_err();
            let ErrorKind::Syntax(message) = &e.kind else {
                panic!("{text}: {e:?}")
            };
            assert!(message.contains(what), "{text}: {message}");
            assert_eq!(e.span.unwrap().start as usize, at, "{text}: {message}");
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let e = from_str::<serde::de::IgnoredAny>(&deep, 64).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooDeep(64));
        let shallow = "[".repeat(64) + &"]".repeat(64);
        assert!(from_str::<serde::de::IgnoredAny>(&shallow, 64).is_ok());
    }

    #[test]
    fn duplicates_are_found_in_objects_of_any_size() {
        for size in [2, KEYS_SCANNED, KEYS_SCANNED + 1, 10_000] {
            let mut text = String::from("{");
            for i in 0..size {
                text.push_str(&format!("\"k{i}\": {i}, "));
            }
            text.push_str("\"k1\": 0}");
            let e = from_str::<serde::de::IgnoredAny>(&text, DEFAULT_MAX_DEPTH).unwrap_err();
            let ErrorKind::DuplicateKey { key, first } = e.kind else {
                panic!("{size}: {e:?}")
            };
            assert_eq!(key, "k1");
            assert_eq!(&text[first.range()], "\"k1\"");
            // Without the duplicate, the object reads.
            let text = text.replace(", \"k1\": 0}", "}");
            assert!(
                from_str::<serde::de::IgnoredAny>(&text, DEFAULT_MAX_DEPTH).is_ok(),
                "{size}"
            );
        }
    }

    #[test]
    fn numbers_keep_their_type() {
        assert_eq!(parse::<i64>("-5").unwrap(), -5);
        assert_eq!(parse::<u64>("18446744073709551615").unwrap(), u64::MAX);
        assert!((parse::<f64>("1.5e2").unwrap() - 150.0).abs() < f64::EPSILON);
        assert!(parse::<u32>("-1").is_err());
        assert!(parse::<u32>("4294967296").is_err());
    }

    #[test]
    fn numbers_no_value_holds_are_invalid_values_and_the_reading_goes_on() {
        for number in [
            "1e400",
            "-1e400",
            "18446744073709551616",
            "-9223372036854775809",
        ] {
            let text = format!(r#"[{{"id": "a", "count": {number}}}, {{"id": "b"}}]"#);
            let read = read::<Vec<crate::model::Recover<Item>>>(&text, DEFAULT_MAX_DEPTH);
            assert_eq!(read.value.unwrap().len(), 2, "{number}");
            assert!(matches!(read.errors[0].kind, ErrorKind::Invalid(_)));
            assert_eq!(
                read.errors[0].to_string(),
                format!("number {number} is out of range")
            );
            assert_eq!(&text[read.errors[0].span.unwrap().range()], number);
        }
    }

    #[test]
    fn bad_items_are_skipped_and_reported() {
        let text =
            r#"[{"id": "a"}, {"id": "b", "kind": "green"}, {"id": "c", "tgas": []}, {"id": "d"}]"#;
        let read = read::<Vec<crate::model::Recover<Item>>>(text, DEFAULT_MAX_DEPTH);
        let ids: Vec<_> = read
            .value
            .unwrap()
            .into_iter()
            .map(|r| r.ok().map(|item| item.id.value))
            .collect();
        assert_eq!(ids, [Some("a".into()), None, None, Some("d".into())]);
        assert_eq!(read.errors.len(), 2);
        assert!(matches!(
            read.errors[0].kind,
            ErrorKind::UnknownVariant { .. }
        ));
        assert!(matches!(
            read.errors[1].kind,
            ErrorKind::UnknownField { .. }
        ));
    }

    #[test]
    fn a_syntax_error_inside_an_item_stops_the_reading() {
        let text = r#"[{"id": "a", "kind": "green"}, {"id": "b",, }]"#;
        let read = read::<Vec<crate::model::Recover<Item>>>(text, DEFAULT_MAX_DEPTH);
        assert!(read.value.is_none());
        assert_eq!(read.errors.len(), 2);
        assert!(matches!(read.errors[1].kind, ErrorKind::Syntax(_)));
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(parse::<Vec<u8>>("\u{feff}[1]").unwrap(), [1]);
    }

    #[test]
    fn strings_cannot_hold_control_characters() {
        for (text, c, at) in [
            (r#""a\u0000b""#, '\0', 2..8),
            (r#""\u001b[2J""#, '\u{1b}', 1..7),
            (r#""a\bb""#, '\u{8}', 2..4),
            ("\"a\u{7f}\"", '\u{7f}', 2..3),
            ("\"a\u{9b}\"", '\u{9b}', 2..4),
            ("\"\\n\u{85}\"", '\u{85}', 3..5),
            ("\"ab\u{202e}c\"", '\u{202e}', 3..6),
            ("\"\u{2067}\"", '\u{2067}', 1..4),
            (r#""x\u202Dy""#, '\u{202d}', 2..8),
        ] {
            let e = parse::<String>(text).unwrap_err();
            assert_eq!(e.kind, ErrorKind::ControlCharacter(c), "{text:?}");
            assert_eq!(e.span.unwrap().range(), at, "{text:?}");
        }
        assert_eq!(parse::<String>(r#""a\tb\nc\r""#).unwrap(), "a\tb\nc\r");
        assert_eq!(
            parse::<String>("\"\u{a0}«»\u{100}\u{2026}\u{200f}\"").unwrap(),
            "\u{a0}«»\u{100}\u{2026}\u{200f}"
        );
        // Skipped values are held to the same rule.
        let e = from_str::<serde::de::IgnoredAny>(r#"["\u0000"]"#, 8).unwrap_err();
        assert_eq!(e.kind, ErrorKind::ControlCharacter('\0'));
    }

    #[test]
    fn skipping_a_value_uses_no_stack_however_deep_it_is() {
        // Far deeper than a recursive reader could go on a test thread's 2 MiB stack.
        let depth = 1_000_000;
        let deep = "[{\"k\": ".repeat(depth) + "1" + &"}]".repeat(depth);
        assert!(from_str::<serde::de::IgnoredAny>(&deep, u32::MAX).is_ok());
        let e = from_str::<serde::de::IgnoredAny>(&deep, 1000).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooDeep(1000));
        // An item that fails is skipped the same way, to read on after it.
        let item = format!(r#"[{{"id": "a", "tags": [{deep}]}}, {{"id": "b"}}]"#);
        let read = read::<Vec<crate::model::Recover<Item>>>(&item, u32::MAX);
        assert_eq!(read.value.unwrap().len(), 2);
        assert_eq!(read.errors.len(), 1);
    }

    #[test]
    fn skipped_values_are_checked_like_read_ones() {
        for (text, what) in [
            (
                r#"{"a": 1, "b": {"c": [1, 2,]}}"#,
                "trailing comma before `]`",
            ),
            (r#"{"a": 1, "b": {"c": 1,}}"#, "trailing comma before `}`"),
            (r#"{"a" 1}"#, "`:` after the key"),
            (r"[1 2]", "`,` or `]`"),
            (r#"{"a": [}"#, "a JSON value"),
            (r#"{"a": tru}"#, "a JSON value"),
            (r"[{", "a key in double quotes"),
        ] {
            let e = from_str::<serde::de::IgnoredAny>(text, 8).unwrap_err();
            let ErrorKind::Syntax(message) = &e.kind else {
                panic!("{text}: {e:?}")
            };
            assert!(message.contains(what), "{text}: {message}");
        }
        for text in [
            "{}",
            "[]",
            r#"{"a": {}, "b": [[], {}], "c": "x"}"#,
            " 1 ",
            "null",
        ] {
            assert!(from_str::<serde::de::IgnoredAny>(text, 8).is_ok(), "{text}");
        }
    }

    #[test]
    fn surrogate_pairs_decode() {
        assert_eq!(parse::<String>(r#""\ud83d\ude00""#).unwrap(), "😀");
    }
}
