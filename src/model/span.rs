//! Where a value sits in its file: byte spans, and a wrapper that keeps a value's span.

use std::fmt;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

/// A byte range in one file. No file larger than `u32::MAX` bytes is read
/// ([`crate::load::Limits::max_file_size`] cannot say more), so `u32` offsets are enough.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// The offset of the first byte.
    pub start: u32,
    /// The offset just past the last byte.
    pub end: u32,
}

impl Span {
    /// The span from byte `start` to byte `end`, `end` excluded.
    pub const fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// The span as a range of byte offsets, for slicing the text.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Index of a loaded file in the load's file table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// Where a fact was declared: a file and a span in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Origin {
    /// The file.
    pub file: FileId,
    /// Where in the file.
    pub span: Span,
}

impl Origin {
    /// The place `span` of `file`.
    pub const fn new(file: FileId, span: Span) -> Origin {
        Origin { file, span }
    }

    /// Another span of the same file.
    #[must_use]
    pub const fn at(self, span: Span) -> Origin {
        Origin {
            file: self.file,
            span,
        }
    }
}

/// A value together with the span of its JSON text.
///
/// The span is handed over by a deserializer that knows positions through the private protocol
/// below (the approach `toml`'s `Spanned` takes); the value itself deserializes as `T` does.
#[derive(Clone, Debug, Default)]
pub struct Spanned<T> {
    /// Where the value is written.
    pub span: Span,
    /// The value.
    pub value: T,
}

impl<T> Spanned<T> {
    /// A value written at `span`.
    pub const fn new(span: Span, value: T) -> Spanned<T> {
        Spanned { span, value }
    }

    /// A value organigram made rather than read (an import, an addition, a proposal drawn from
    /// a diff): it has no place in a file until it is written and read again.
    pub fn unplaced(value: T) -> Spanned<T> {
        Spanned::new(Span::default(), value)
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    /// Two spanned values are equal when their values are: where they were written does not matter.
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Spanned<T> {}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// An item of a list that, when it cannot be read, is skipped and reported by a deserializer that
/// knows how to resume (organigram's own JSON reader), so that one bad unit does not hide the
/// problems of the others.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recover<T> {
    /// The item, read.
    Read(T),
    /// The item could not be read; this is its span, for whoever wants to salvage what it can.
    Skipped(Span),
}

impl<T> Recover<Spanned<T>> {
    /// An item of a file's list that organigram made rather than read ([`Spanned::unplaced`]).
    pub fn unplaced(value: T) -> Self {
        Recover::Read(Spanned::unplaced(value))
    }
}

impl<T> Recover<T> {
    /// The item if it could be read.
    pub fn ok(self) -> Option<T> {
        match self {
            Recover::Read(value) => Some(value),
            Recover::Skipped(_) => None,
        }
    }
}

/// The protocol between [`Recover`] and a deserializer that can resume after an item fails: it
/// answers `VALUE` with the item; when the item fails and the deserializer skipped it, it then
/// answers one more key, `RECOVERED`, with the item's start and end offsets.
pub(crate) mod recover_protocol {
    pub(crate) const NAME: &str = "$__organigram_recover";
    pub(crate) const VALUE: &str = "$__organigram_recover_value";
    pub(crate) const RECOVERED: &str = "$__organigram_recover_recovered";
    pub(crate) const FIELDS: &[&str] = &[VALUE, RECOVERED];
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Recover<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RecoverVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for RecoverVisitor<T> {
            type Value = Recover<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list item")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Recover<T>, A::Error> {
                expect_key(&mut map, recover_protocol::VALUE)?;
                match map.next_value::<T>() {
                    Ok(value) => Ok(Recover::Read(value)),
                    Err(error) => match map.next_key::<&str>()? {
                        Some(recover_protocol::RECOVERED) => {
                            let (start, end) = map.next_value::<(u32, u32)>()?;
                            Ok(Recover::Skipped(Span::new(start, end)))
                        }
                        _ => Err(error),
                    },
                }
            }
        }

        deserializer.deserialize_struct(
            recover_protocol::NAME,
            recover_protocol::FIELDS,
            RecoverVisitor(PhantomData),
        )
    }
}

impl<T: serde::Serialize> serde::Serialize for Recover<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Recover::Read(value) => value.serialize(serializer),
            Recover::Skipped(_) => serializer.serialize_none(),
        }
    }
}

fn expect_key<'de, A: MapAccess<'de>>(map: &mut A, name: &str) -> Result<(), A::Error> {
    match map.next_key::<&str>()? {
        Some(key) if key == name => Ok(()),
        _ => Err(de::Error::custom(
            "positions are only known to organigram's own JSON reader",
        )),
    }
}

/// The protocol between [`Spanned`] and a position-aware deserializer: `Spanned` asks for a
/// struct of this name with these three fields, which such a deserializer answers, in this order,
/// with the start offset, the value and the end offset (known once the value is read).
pub(crate) mod protocol {
    pub(crate) const NAME: &str = "$__organigram_spanned";
    pub(crate) const START: &str = "$__organigram_spanned_start";
    pub(crate) const END: &str = "$__organigram_spanned_end";
    pub(crate) const VALUE: &str = "$__organigram_spanned_value";
    pub(crate) const FIELDS: &[&str] = &[START, VALUE, END];
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SpannedVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for SpannedVisitor<T> {
            type Value = Spanned<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value with its position")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Spanned<T>, A::Error> {
                expect_key(&mut map, protocol::START)?;
                let start = map.next_value()?;
                expect_key(&mut map, protocol::VALUE)?;
                let value = map.next_value()?;
                expect_key(&mut map, protocol::END)?;
                let end = map.next_value()?;
                Ok(Spanned::new(Span::new(start, end), value))
            }
        }

        deserializer.deserialize_struct(
            protocol::NAME,
            protocol::FIELDS,
            SpannedVisitor(PhantomData),
        )
    }
}

impl<T: serde::Serialize> serde::Serialize for Spanned<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

/// [`Spanned`] and [`Recover`] are written in JSON as the value they wrap, so their schema is its.
macro_rules! schema_of_the_value {
    ($($wrapper:ident),*) => {$(
        impl<T: JsonSchema> JsonSchema for $wrapper<T> {
            fn inline_schema() -> bool {
                T::inline_schema()
            }

            fn schema_name() -> std::borrow::Cow<'static, str> {
                T::schema_name()
            }

            fn schema_id() -> std::borrow::Cow<'static, str> {
                T::schema_id()
            }

            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                T::json_schema(generator)
            }
        }
    )*};
}

schema_of_the_value!(Spanned, Recover);
