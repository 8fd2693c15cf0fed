//! Quoting text for DOT. graphviz-rust prints ids and attribute values exactly as given, so every
//! piece of text is quoted here, and no name can end a string, open a subgraph, start an edge or
//! an HTML tag: `"`, `\`, line breaks, `{ } -> ;` and `<b>` all come out as the characters they
//! are.
//!
//! Two forms are used: double-quoted strings for ids and attribute values, and HTML-like labels
//! for the text of units and clusters (bold acronyms, small captions). Characters that no chart
//! can show and that would make the SVG Graphviz writes invalid XML (control characters, U+FFFE,
//! U+FFFF) become spaces; a line break in a name stays a line break.
//!
//! The text organigram writes into HTML and SVG itself (the HTML chart's page, the titles and
//! links added to Graphviz's SVG) is escaped here too ([`entities`]).

use graphviz_rust::dot_structures::Id;

/// Whether a character is dropped for a space: a control character other than a line break, or
/// a character XML forbids.
fn unprintable(c: char) -> bool {
    (c.is_control() && c != '\n') || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// `text` with every character no chart can show (see [`unprintable`]) replaced by a space, and
/// its line breaks kept: what every format, and the built-in layout's SVG, may print as is.
pub(super) fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if unprintable(c) { ' ' } else { c })
        .collect()
}

/// `text` as a double-quoted DOT string: `"` and `\` escaped, a line break as `\n`, unprintable
/// characters as spaces, so that the string ends where it should. Used for generated ids and
/// this module's own values (colours, fonts, styles); text from a description goes in HTML-like
/// labels through [`html`], because Graphviz's handling of backslashes in quoted strings differs
/// from one attribute to another.
pub(super) fn quoted(text: &str) -> Id {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if unprintable(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

/// `text` for the inside of an HTML-like label: `& < > " ' ]` as entities, a backslash doubled,
/// a line break as `<BR/>`, unprintable characters as spaces. Graphviz 2.43 refuses the label of
/// an element whose text is only closing brackets (`<B>]</B>`): `]` is an entity too. Graphviz reads HTML labels as XML,
/// then replaces `\N`, `\G`, `\E`… in their text by the node's, graph's, edge's name and turns
/// `\\` into `\` (an entity for the backslash is decoded before that, so it would not help);
/// doubling every backslash keeps them all.
pub(super) fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            ']' => out.push_str("&#93;"),
            '\n' => out.push_str("<BR/>"),
            c if unprintable(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `text` for the text or an attribute value of HTML or XML (SVG): `& < > " '` as references,
/// every other character as it is.
pub(super) fn entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An HTML-like label made of markup built with [`html`]: `<…>`, which DOT reads as HTML.
pub(super) fn html_label(markup: &str) -> Id {
    Id::Html(format!("<{markup}>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(id: Id) -> String {
        match id {
            Id::Escaped(s) | Id::Html(s) | Id::Plain(s) | Id::Anonymous(s) => s,
        }
    }

    #[test]
    fn quoted_strings_escape_quotes_backslashes_and_line_breaks() {
        assert_eq!(text(quoted("plain")), r#""plain""#);
        assert_eq!(
            text(quoted("a \"b\" \\N\nc\u{1}d")),
            r#""a \"b\" \\N\nc d""#
        );
        assert_eq!(text(quoted("} -> { ; <b>")), r#""} -> { ; <b>""#);
        assert_eq!(text(quoted("ends with \\")), r#""ends with \\""#);
    }

    #[test]
    fn html_text_escapes_markup_and_keeps_everything_else() {
        assert_eq!(
            html("<b>R&D</b> « l'État » \"x\""),
            "&lt;b&gt;R&amp;D&lt;/b&gt; « l&#39;État » &quot;x&quot;"
        );
        assert_eq!(html("a\nb\tc\u{FFFF}"), "a<BR/>b c ");
        assert_eq!(html("[x]"), "[x&#93;");
        assert_eq!(html("\\N -> {;} 🏛 עברית"), "\\\\N -&gt; {;} 🏛 עברית");
        assert_eq!(text(html_label("<B>x</B>")), "<<B>x</B>>");
    }
}
