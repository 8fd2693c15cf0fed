//! Links from a chart's units to their pages: `--link-base https://intranet.example/units/`
//! makes each unit a link to the base followed by its id.
//!
//! A base is an absolute `http` or `https` URL with a host, or a relative reference (a path, a
//! query, a fragment: `units/`, `/annuaire/`, `?unit=`), which a published chart resolves
//! against its own address. Nothing else is taken: no other scheme (`javascript:`, `data:`,
//! `file:`), no scheme-relative `//host`, and only the characters a URL is written with
//! (RFC 3986's unreserved and reserved characters, `%` before two hex digits), so that a base
//! can neither run code when clicked nor end an attribute in DOT, SVG or Mermaid. The unit's id
//! is percent-encoded: ids are slugs, and anything else in one would be encoded all the same.

use std::fmt;

/// The start of every unit's link, checked ([`LinkBase::parse`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LinkBase(String);

/// Why a text is not a link base.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LinkBaseError {
    /// The base is empty.
    Empty,
    /// The base is longer than [`LONGEST_BASE`] bytes.
    TooLong,
    /// The base has a scheme other than `http` and `https` (`javascript:`, `mailto:`, `file:`).
    Scheme,
    /// The base is an `http` or `https` URL without a host, or a scheme-relative `//host`.
    Host,
    /// The base has a character URLs are not written with (a space, a quote, `<`, `\`, a
    /// non-ASCII character), or a `%` not followed by two hex digits.
    Character,
}

impl fmt::Display for LinkBaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LinkBaseError::Empty => "the link base is empty",
            LinkBaseError::TooLong => "the link base is longer than 2,000 characters",
            LinkBaseError::Scheme => "a link base is an http or https URL, or a relative path",
            LinkBaseError::Host => "an absolute link base needs a host: https://host/path/",
            LinkBaseError::Character => {
                "a link base is written with URL characters only (percent-encode the others)"
            }
        })
    }
}

impl std::error::Error for LinkBaseError {}

/// The longest link base taken, in bytes: the longest URL that every browser and server keeps
/// is about 2,000 characters, and Graphviz refuses strings of more than 16 KiB.
pub const LONGEST_BASE: usize = 2_000;

/// Whether a byte is one of RFC 3986's unreserved characters, which need no encoding.
const fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// Whether a byte may be written as is in a URL: unreserved, or one of RFC 3986's reserved
/// characters (gen-delims and sub-delims), or `%`.
const fn url_byte(b: u8) -> bool {
    unreserved(b)
        || matches!(
            b,
            b':' | b'/'
                | b'?'
                | b'#'
                | b'['
                | b']'
                | b'@'
                | b'!'
                | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b'%'
        )
}

impl LinkBase {
    /// `text` as a link base, if it is one (see the module's documentation).
    ///
    /// ```
    /// use organigram::render::{LinkBase, LinkBaseError};
    ///
    /// let base = LinkBase::parse("https://intranet.example/units/").unwrap();
    /// assert_eq!(base.to("dsj"), "https://intranet.example/units/dsj");
    /// assert_eq!(LinkBase::parse("javascript:alert(1)//"), Err(LinkBaseError::Scheme));
    /// ```
    pub fn parse(text: &str) -> Result<LinkBase, LinkBaseError> {
        if text.is_empty() {
            return Err(LinkBaseError::Empty);
        }
        if text.len() > LONGEST_BASE {
            return Err(LinkBaseError::TooLong);
        }
        let bytes = text.as_bytes();
        if !bytes.iter().all(|&b| url_byte(b)) {
            return Err(LinkBaseError::Character);
        }
        for (at, _) in text.match_indices('%') {
            let hex = bytes.get(at + 1..at + 3);
            if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                return Err(LinkBaseError::Character);
            }
        }
        // A scheme is what comes before a `:` that comes before any `/`, `?` or `#`.
        let first_part = text.split(['/', '?', '#']).next().unwrap_or_default();
        if let Some((scheme, _)) = first_part.split_once(':') {
            let scheme = scheme.to_ascii_lowercase();
            if scheme != "http" && scheme != "https" {
                return Err(LinkBaseError::Scheme);
            }
            let rest = &text[scheme.len() + 1..];
            let host = rest
                .strip_prefix("//")
                .map(|r| r.split(['/', '?', '#']).next().unwrap_or_default());
            if host.is_none_or(str::is_empty) {
                return Err(LinkBaseError::Host);
            }
        } else if text.starts_with("//") {
            return Err(LinkBaseError::Host);
        }
        Ok(LinkBase(text.to_owned()))
    }

    /// The base as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The link to the unit whose id is `id`: the base, then the id with every byte outside
    /// RFC 3986's unreserved characters percent-encoded.
    pub fn to(&self, id: &str) -> String {
        let mut link = self.0.clone();
        for &b in id.as_bytes() {
            if unreserved(b) {
                link.push(char::from(b));
            } else {
                link.push_str(&format!("%{b:02X}"));
            }
        }
        link
    }
}

impl fmt::Display for LinkBase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_urls_and_relative_references_are_bases() {
        for base in [
            "https://intranet.example/units/",
            "HTTP://intranet.example:8080/annuaire?unit=",
            "units/",
            "../units/",
            "/annuaire/",
            "?unit=",
            "#",
            "a%20b/",
            "page.html#unit-",
        ] {
            assert_eq!(
                LinkBase::parse(base).map(|b| b.to_string()),
                Ok(base.to_owned())
            );
        }
    }

    #[test]
    fn other_schemes_hostless_urls_and_stray_characters_are_refused() {
        use LinkBaseError::{Character, Empty, Host, Scheme, TooLong};
        let long = format!("/{}", "a".repeat(LONGEST_BASE));
        for (base, error) in [
            ("", Empty),
            (long.as_str(), TooLong),
            ("javascript:alert(1)", Scheme),
            ("JavaScript:alert(1)//", Scheme),
            ("data:text/html,x", Scheme),
            ("file:///etc/", Scheme),
            ("mailto:someone@example", Scheme),
            ("https:units/", Host),
            ("https:///units/", Host),
            ("//evil.example/", Host),
            ("https://intranet.example/a b/", Character),
            ("units/\"onclick=", Character),
            ("units/<script>", Character),
            ("units\\", Character),
            ("unités/", Character),
            ("units/%zz", Character),
            ("units/%2", Character),
            ("units/\n", Character),
        ] {
            assert_eq!(LinkBase::parse(base), Err(error), "{base:?}");
        }
    }

    #[test]
    fn ids_are_percent_encoded_outside_unreserved_characters() {
        let base = LinkBase::parse("/u/").unwrap();
        assert_eq!(base.to("dip-a-just_2.0~x"), "/u/dip-a-just_2.0~x");
        assert_eq!(base.to("a b/c?d#é\""), "/u/a%20b%2Fc%3Fd%23%C3%A9%22");
    }
}
