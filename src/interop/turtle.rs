//! Turtle: the RDF statements of [`super::rdf`], one block per subject, with every namespace's
//! prefix declared.

use std::io::{self, Write};

use super::rdf::{Dataset, Iri, Namespace, Object, Subject};

/// Appends `text` as a Turtle string literal: quoted, with `"`, `\` and control characters
/// escaped.
fn string_literal(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn name(out: &mut String, iri: &Iri) {
    out.push_str(iri.namespace.prefix());
    out.push(':');
    out.push_str(&iri.local);
}

fn object(out: &mut String, object: &Object) {
    match object {
        Object::Iri(iri) => name(out, iri),
        Object::Blank(n) => out.push_str(&format!("_:b{n}")),
        Object::Text(text) => string_literal(out, text),
        Object::Typed(text, datatype) => {
            string_literal(out, text);
            out.push_str("^^");
            name(out, datatype);
        }
        Object::Boolean(b) => out.push_str(if *b { "true" } else { "false" }),
        Object::Integer(n) => out.push_str(&n.to_string()),
    }
}

/// Writes the dataset as Turtle. Linear in its size.
pub fn write(dataset: &Dataset, out: &mut dyn Write) -> io::Result<()> {
    let mut text = String::new();
    for namespace in Namespace::ALL {
        text.push_str(&format!(
            "@prefix {}: <{}> .\n",
            namespace.prefix(),
            namespace.iri(&dataset.base)
        ));
    }
    for resource in &dataset.resources {
        text.push('\n');
        match &resource.subject {
            Subject::Iri(iri) => name(&mut text, iri),
            Subject::Blank(n) => text.push_str(&format!("_:b{n}")),
        }
        let mut previous: Option<&Iri> = None;
        for (property, value) in &resource.properties {
            if previous == Some(property) {
                text.push_str(", ");
            } else {
                text.push_str(if previous.is_none() { " " } else { " ;\n    " });
                if property.is_type() {
                    text.push('a');
                } else {
                    name(&mut text, property);
                }
                text.push(' ');
            }
            object(&mut text, value);
            previous = Some(property);
        }
        text.push_str(" .\n");
    }
    out.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_quotes_backslashes_and_controls() {
        let mut out = String::new();
        string_literal(&mut out, "« a \"b\" \\ c »\n\u{1}");
        assert_eq!(out, "\"« a \\\"b\\\" \\\\ c »\\n\\u0001\"");
    }
}
