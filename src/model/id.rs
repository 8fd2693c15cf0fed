//! Identifiers: stable lowercase slugs, one newtype per thing they name.

use std::borrow::Borrow;
use std::fmt;

use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

/// Why a string is not a valid slug.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SlugError {
    /// The text is empty.
    Empty,
    /// A character other than `a-z`, `0-9` and `-`, at this byte offset.
    BadChar(usize, char),
    /// A hyphen at the start or end, or two in a row.
    BadHyphen,
}

impl fmt::Display for SlugError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SlugError::Empty => f.write_str("an id cannot be empty"),
            SlugError::BadChar(_, c) => write!(
                f,
                "an id may only hold lowercase letters a-z, digits and hyphens, not {c:?}"
            ),
            SlugError::BadHyphen => f.write_str(
                "an id cannot start or end with a hyphen, nor hold two hyphens in a row",
            ),
        }
    }
}

/// Checks that `text` is a slug: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn check_slug(text: &str) -> Result<(), SlugError> {
    if text.is_empty() {
        return Err(SlugError::Empty);
    }
    if let Some((at, c)) = text
        .char_indices()
        .find(|(_, c)| !matches!(c, 'a'..='z' | '0'..='9' | '-'))
    {
        return Err(SlugError::BadChar(at, c));
    }
    if text.starts_with('-') || text.ends_with('-') || text.contains("--") {
        return Err(SlugError::BadHyphen);
    }
    Ok(())
}

/// Turns any text into the nearest slug ("Délégation à l'IA" → "delegation-a-l-ia"), for hints
/// and importers.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in crate::model::fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

macro_rules! slug_newtype {
    ($(#[doc = $doc:literal])* $name:ident, $what:literal) => {
        $(#[doc = $doc])*
        ///
        /// Kept inline, without an allocation, up to 24 bytes: a description holds several
        /// copies of every id (its unit, the ties to it, the maps), most ids are short, and a
        /// million units would otherwise cost millions of small allocations.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(CompactString);

        impl $name {
            /// Makes an id from a string that must already be a slug.
            pub fn new(text: impl AsRef<str>) -> Result<Self, SlugError> {
                let text = text.as_ref();
                check_slug(text)?;
                Ok($name(CompactString::new(text)))
            }

            /// The id as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                    "description": concat!("A ", $what, ": a lowercase slug of letters a-z, digits and single hyphens."),
                })
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;

                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!("a ", $what))
                    }

                    // Borrowed for the call only: a short id is copied inline, never allocated.
                    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<$name, E> {
                        $name::new(text).map_err(|e| {
                            E::custom(format_args!(concat!("invalid ", $what, " {:?}: {}"), text, e))
                        })
                    }
                }

                deserializer.deserialize_str(Visitor)
            }
        }
    };
}

slug_newtype! {
    /// The id of a unit or post, unique across a whole description (`dsj`, `dip-a-just`).
    UnitId, "unit id"
}
slug_newtype! {
    /// The id of a declared source document, unique across a whole description.
    SourceId, "source id"
}
slug_newtype! {
    /// The id of an organisation (one description file), unique across a whole description.
    OrganisationId, "organisation id"
}

/// A file name for `stem` and `extension`, where the stem is built from ids (an organisation's,
/// a CSV file's), which may be as long as a file: the stem itself when short enough, otherwise
/// its start and a hash of the whole, so that names stay within what file systems take (255
/// bytes) and distinct.
pub fn file_name(stem: &str, extension: &str) -> String {
    /// The longest stem kept whole: room for any extension.
    const LONGEST_STEM: usize = 200;
    if stem.len() <= LONGEST_STEM {
        return format!("{stem}.{extension}");
    }
    let mut cut = LONGEST_STEM - 17;
    while !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    let hash = fixed_hash(stem);
    format!("{}-{hash:016x}.{extension}", &stem[..cut])
}

/// A hash of `text` that every run computes alike (foldhash with a fixed seed): for what must
/// not change from one run to the next, a file name, or a text recognised when read again. Maps
/// that input fills use [`FastHash`], seeded per process, instead.
pub(crate) fn fixed_hash(text: &str) -> u64 {
    std::hash::BuildHasher::hash_one(&foldhash::fast::FixedState::with_seed(0), text)
}

/// The hasher of maps keyed by ids and names. foldhash hashes short strings several times faster
/// than std's SipHash (hashing was a tenth of a 1M-unit `check`), and it seeds itself per
/// process, so crafted ids cannot degrade the maps predictably.
pub type FastHash = foldhash::fast::RandomState;

/// A map keyed by ids, in insertion (declaration) order.
pub type IdMap<K, V> = indexmap::IndexMap<K, V, FastHash>;

/// A hash map with [`FastHash`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, FastHash>;

/// A hash set with [`FastHash`].
pub type FastSet<T> = std::collections::HashSet<T, FastHash>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(check_slug("dip-a-just").is_ok());
        assert!(check_slug("sg2").is_ok());
        assert_eq!(check_slug(""), Err(SlugError::Empty));
        assert_eq!(check_slug("DSJ"), Err(SlugError::BadChar(0, 'D')));
        assert_eq!(check_slug("a_b"), Err(SlugError::BadChar(1, '_')));
        assert_eq!(check_slug("-a"), Err(SlugError::BadHyphen));
        assert_eq!(check_slug("a--b"), Err(SlugError::BadHyphen));
        assert_eq!(check_slug("a-"), Err(SlugError::BadHyphen));
    }

    #[test]
    fn long_file_names_are_bounded_and_stay_distinct() {
        assert_eq!(file_name("org-chart-dge", "svg"), "org-chart-dge.svg");
        let (a, b) = ("a".repeat(5000), format!("{}b", "a".repeat(4999)));
        let (na, nb) = (file_name(&a, "svg"), file_name(&b, "svg"));
        assert!(na.len() <= 255 && nb.len() <= 255, "{na}");
        assert_ne!(na, nb);
        assert!(
            std::path::Path::new(&na)
                .extension()
                .is_some_and(|e| e == "svg")
        );
        assert!(file_name(&"é".repeat(300), "dot").len() <= 255);
    }

    #[test]
    fn slugify_folds_accents_and_punctuation() {
        assert_eq!(slugify("Délégation à l'IA"), "delegation-a-l-ia");
        assert_eq!(slugify("  DiP A-JUST  "), "dip-a-just");
        assert_eq!(slugify("«»"), "");
    }
}
