//! GraphML, as networkx, Gephi, yEd and Cytoscape read it: every unit a node, every tie a
//! directed edge, each attribute declared once as a typed `<key>` (`string`, `boolean` or `int`),
//! so that a tool reads `vacant` as a boolean and `headcount` as a number.
//!
//! Attributes are flat (GraphML has no lists or records): a unit's aliases and its roles are
//! joined with `; `, its headcount and citation are split into several keys. `label` is the name
//! with its acronym, which Gephi shows on nodes.
//!
//! Text is escaped by hand rather than through an XML crate: `&`, `<`, `>` and `"` (attributes
//! are always in double quotes) are replaced by entities, line breaks and tabs by character references (so that attribute values
//! keep them), and the control characters that XML 1.0 cannot hold at all, which escaping
//! libraries write as they are into documents parsers then refuse, by U+FFFD.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::graph::{OrgGraph, TieIx, UnitIx};
use crate::model::{Citation, Unit};

/// A value of an attribute, of one of GraphML's types.
enum Value<'g> {
    Text(Cow<'g, str>),
    Boolean(bool),
    Int(u64),
}

/// GraphML's `attr.type` of each kind of value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Type {
    String,
    Boolean,
    Int,
}

impl Type {
    const fn as_str(self) -> &'static str {
        match self {
            Type::String => "string",
            Type::Boolean => "boolean",
            Type::Int => "int",
        }
    }
}

/// One attribute of nodes or edges: its name, its type, and how to read it (`None` when the
/// unit or tie does not have it).
struct Attribute<T> {
    name: &'static str,
    kind: Type,
    get: for<'g> fn(&'g OrgGraph, T) -> Option<Value<'g>>,
}

fn text<'g>(value: impl Into<Cow<'g, str>>) -> Value<'g> {
    Value::Text(value.into())
}

fn optional(value: Option<&str>) -> Option<Value<'_>> {
    value.map(text)
}

impl<T> Attribute<T> {
    const fn new(
        name: &'static str,
        kind: Type,
        get: for<'g> fn(&'g OrgGraph, T) -> Option<Value<'g>>,
    ) -> Attribute<T> {
        Attribute { name, kind, get }
    }
}

/// A unit or a tie, which cites the document that states it.
trait Cites: Copy {
    /// The citation it makes, if any.
    fn citation(graph: &OrgGraph, ix: Self) -> Option<&Citation>;
}

impl Cites for UnitIx {
    fn citation(graph: &OrgGraph, ix: UnitIx) -> Option<&Citation> {
        graph.unit(ix).source.as_ref()
    }
}

impl Cites for TieIx {
    fn citation(graph: &OrgGraph, ix: TieIx) -> Option<&Citation> {
        graph.tie(ix).source.as_ref()
    }
}

/// The id of the source a unit or tie cites.
fn source<T: Cites>(graph: &OrgGraph, ix: T) -> Option<Value<'_>> {
    T::citation(graph, ix).map(|c| text(c.source.as_str()))
}

/// The quote of its citation.
fn source_quote<T: Cites>(graph: &OrgGraph, ix: T) -> Option<Value<'_>> {
    optional(T::citation(graph, ix).and_then(|c| c.quote.as_deref()))
}

/// The locator of its citation.
fn source_locator<T: Cites>(graph: &OrgGraph, ix: T) -> Option<Value<'_>> {
    optional(T::citation(graph, ix).and_then(|c| c.locator.as_deref()))
}

/// A flag only posts have (`vacant`, `recruiting`): given for every post, `false` when unset, and
/// for no other unit.
fn post_flag(graph: &OrgGraph, unit: UnitIx, flag: fn(&Unit) -> bool) -> Option<Value<'_>> {
    let unit = graph.unit(unit);
    (unit.kind.value == crate::model::UnitKind::Post).then(|| Value::Boolean(flag(unit)))
}

const NODE: &[Attribute<UnitIx>] = &[
    Attribute {
        name: "label",
        kind: Type::String,
        get: |g, u| {
            let unit = g.unit(u);
            Some(text(match &unit.acronym {
                Some(acronym) => format!("{} ({acronym})", unit.name),
                None => unit.name.clone(),
            }))
        },
    },
    Attribute {
        name: "name",
        kind: Type::String,
        get: |g, u| Some(text(g.unit(u).name.as_str())),
    },
    Attribute {
        name: "acronym",
        kind: Type::String,
        get: |g, u| optional(g.unit(u).acronym.as_deref()),
    },
    Attribute {
        name: "kind",
        kind: Type::String,
        get: |g, u| Some(text(g.unit(u).kind.as_str())),
    },
    Attribute {
        name: "family",
        kind: Type::String,
        get: |g, u| Some(text(g.unit(u).kind.family().as_str())),
    },
    Attribute {
        name: "aliases",
        kind: Type::String,
        get: |g, u| {
            let aliases = &g.unit(u).aliases;
            (!aliases.is_empty()).then(|| Value::Text(aliases.join("; ").into()))
        },
    },
    Attribute {
        name: "status",
        kind: Type::String,
        get: |g, u| Some(text(g.unit(u).status.as_str())),
    },
    Attribute {
        name: "valid_from",
        kind: Type::String,
        get: |g, u| g.unit(u).valid_from.map(|d| text(d.to_string())),
    },
    Attribute {
        name: "valid_until",
        kind: Type::String,
        get: |g, u| g.unit(u).valid_until.map(|d| text(d.to_string())),
    },
    Attribute {
        name: "vacant",
        kind: Type::Boolean,
        get: |g, u| post_flag(g, u, Unit::is_vacant),
    },
    Attribute {
        name: "vacant_from",
        kind: Type::String,
        get: |g, u| g.unit(u).vacancy_date().map(|d| text(d.to_string())),
    },
    Attribute {
        name: "recruiting",
        kind: Type::Boolean,
        get: |g, u| post_flag(g, u, Unit::is_recruiting),
    },
    Attribute {
        name: "newly_created",
        kind: Type::Boolean,
        get: |g, u| post_flag(g, u, Unit::is_newly_created),
    },
    Attribute {
        name: "term_months",
        kind: Type::Int,
        get: |g, u| g.unit(u).term().map(|t| Value::Int(t.into())),
    },
    Attribute {
        name: "grade",
        kind: Type::String,
        get: |g, u| optional(g.unit(u).grade.as_deref()),
    },
    Attribute {
        name: "headcount",
        kind: Type::Int,
        get: |g, u| {
            g.unit(u)
                .headcount
                .as_ref()
                .map(|h| Value::Int(h.count.into()))
        },
    },
    Attribute {
        name: "headcount_basis",
        kind: Type::String,
        get: |g, u| g.unit(u).headcount.as_ref().map(|h| text(h.basis.as_str())),
    },
    Attribute {
        name: "headcount_qualifier",
        kind: Type::String,
        get: |g, u| {
            g.unit(u)
                .headcount
                .as_ref()
                .map(|h| text(h.qualifier.as_str()))
        },
    },
    Attribute {
        name: "headcount_date",
        kind: Type::String,
        get: |g, u| {
            g.unit(u)
                .headcount
                .as_ref()
                .and_then(|h| h.date)
                .map(|d| text(d.to_string()))
        },
    },
    Attribute {
        name: "remit",
        kind: Type::String,
        get: |g, u| optional(g.unit(u).remit.as_deref()),
    },
    Attribute {
        name: "roles",
        kind: Type::String,
        get: |g, u| {
            let roles = &g.unit(u).roles;
            (!roles.is_empty()).then(|| Value::Text(roles.join("; ").into()))
        },
    },
    Attribute {
        name: "location",
        kind: Type::String,
        get: |g, u| optional(g.unit(u).location.as_deref()),
    },
    Attribute {
        name: "boundary",
        kind: Type::String,
        get: |g, u| g.unit(u).boundary.map(|b| text(b.as_str())),
    },
    Attribute {
        name: "within",
        kind: Type::String,
        get: |g, u| optional(g.unit(u).within_id()),
    },
    Attribute {
        name: "collective",
        kind: Type::Boolean,
        get: |g, u| g.unit(u).collective.then_some(Value::Boolean(true)),
    },
    Attribute {
        name: "note",
        kind: Type::String,
        get: |g, u| optional(g.unit(u).note.as_deref()),
    },
    Attribute {
        name: "organisation",
        kind: Type::String,
        get: |g, u| g.organisation_name(u).map(|o| text(o.id)),
    },
    Attribute::new("source", Type::String, source::<UnitIx>),
    Attribute::new("source_quote", Type::String, source_quote::<UnitIx>),
    Attribute::new("source_locator", Type::String, source_locator::<UnitIx>),
];

const EDGE: &[Attribute<TieIx>] = &[
    Attribute {
        name: "kind",
        kind: Type::String,
        get: |g, t| Some(text(g.tie(t).kind.as_str())),
    },
    Attribute {
        name: "reads",
        kind: Type::String,
        get: |g, t| Some(text(g.tie(t).kind.verb())),
    },
    Attribute {
        name: "hierarchical",
        kind: Type::Boolean,
        get: |g, t| Some(Value::Boolean(g.tie(t).kind.is_hierarchical())),
    },
    Attribute {
        name: "symmetric",
        kind: Type::Boolean,
        get: |g, t| Some(Value::Boolean(g.tie(t).kind.is_symmetric())),
    },
    Attribute {
        name: "valid_from",
        kind: Type::String,
        get: |g, t| g.tie(t).valid_from.map(|d| text(d.to_string())),
    },
    Attribute {
        name: "valid_until",
        kind: Type::String,
        get: |g, t| g.tie(t).valid_until.map(|d| text(d.to_string())),
    },
    Attribute {
        name: "note",
        kind: Type::String,
        get: |g, t| optional(g.tie(t).note.as_deref()),
    },
    Attribute::new("source", Type::String, source::<TieIx>),
    Attribute::new("source_quote", Type::String, source_quote::<TieIx>),
    Attribute::new("source_locator", Type::String, source_locator::<TieIx>),
];

/// Appends `text` to `out` escaped for XML content and attribute values.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            // Not allowed in XML 1.0, even as a character reference.
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Appends the `<data>` elements of one node or edge.
fn data<T: Copy>(
    out: &mut String,
    graph: &OrgGraph,
    prefix: &str,
    attributes: &[Attribute<T>],
    item: T,
) {
    for attribute in attributes {
        let Some(value) = (attribute.get)(graph, item) else {
            continue;
        };
        out.push_str(&format!("      <data key=\"{prefix}{}\">", attribute.name));
        match value {
            Value::Text(text) => escape_into(out, &text),
            Value::Boolean(b) => out.push_str(if b { "true" } else { "false" }),
            Value::Int(n) => out.push_str(&n.to_string()),
        }
        out.push_str("</data>\n");
    }
}

/// Writes the graph as GraphML. Linear in the size of the graph.
pub fn write(graph: &OrgGraph, out: &mut dyn Write) -> io::Result<()> {
    let mut text = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns ",
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    ));
    let keys = NODE
        .iter()
        .map(|a| ("node", "u_", a.name, a.kind))
        .chain(EDGE.iter().map(|a| ("edge", "t_", a.name, a.kind)));
    for (domain, prefix, name, kind) in keys {
        text.push_str(&format!(
            "  <key id=\"{prefix}{name}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{}\"/>\n",
            kind.as_str()
        ));
    }
    text.push_str("  <graph id=\"organigram\" edgedefault=\"directed\">\n");
    for (ix, unit) in graph.units() {
        text.push_str(&format!("    <node id=\"{}\">\n", escape(unit.id.as_str())));
        data(&mut text, graph, "u_", NODE, ix);
        text.push_str("    </node>\n");
    }
    for (ix, tie) in graph.ties() {
        text.push_str(&format!(
            "    <edge id=\"t{}\" source=\"{}\" target=\"{}\">\n",
            ix.index(),
            escape(tie.from.as_str()),
            escape(tie.to.as_str())
        ));
        data(&mut text, graph, "t_", EDGE, ix);
        text.push_str("    </edge>\n");
    }
    text.push_str("  </graph>\n</graphml>\n");
    out.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Loader;

    #[test]
    fn escaping_keeps_every_text_readable_by_xml_parsers() {
        assert_eq!(
            escape("a<b>&\"c\" 'd'\n\t\u{1}é"),
            "a&lt;b&gt;&amp;&quot;c&quot; 'd'&#10;&#9;\u{fffd}é"
        );
    }

    #[test]
    fn values_have_the_types_their_keys_declare() {
        let workspace = Loader::new().builtin().load().unwrap();
        let graph = workspace.graph();
        let type_of = |value: &Value<'_>| match value {
            Value::Text(_) => Type::String,
            Value::Boolean(_) => Type::Boolean,
            Value::Int(_) => Type::Int,
        };
        for (ix, _) in graph.units() {
            for attribute in NODE {
                if let Some(value) = (attribute.get)(graph, ix) {
                    assert_eq!(type_of(&value), attribute.kind, "{}", attribute.name);
                }
            }
        }
        for (ix, _) in graph.ties() {
            for attribute in EDGE {
                if let Some(value) = (attribute.get)(graph, ix) {
                    assert_eq!(type_of(&value), attribute.kind, "{}", attribute.name);
                }
            }
        }
    }

    #[test]
    fn the_document_is_well_formed_xml_with_every_unit_and_tie() {
        let workspace = Loader::new().builtin().load().unwrap();
        let graph = workspace.graph();
        let mut bytes = Vec::new();
        write(graph, &mut bytes).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let document = roxmltree::Document::parse(&text).unwrap();
        let count = |name: &str| {
            document
                .descendants()
                .filter(|n| n.has_tag_name(name))
                .count()
        };
        assert_eq!(count("node"), graph.unit_count());
        assert_eq!(count("edge"), graph.tie_count());
        assert_eq!(count("key"), NODE.len() + EDGE.len());
    }
}
