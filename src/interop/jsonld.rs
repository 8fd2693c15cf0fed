//! JSON-LD: the RDF statements of [`super::rdf`] as a flattened graph, one node object per
//! subject, under a context that declares every namespace's prefix, so that keys and ids read as
//! in Turtle (`"org:subOrganizationOf": {"@id": "unit:dsj"}`).

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::rdf::{Dataset, Iri, Namespace, Object, Subject};

fn compact(iri: &Iri) -> String {
    format!("{}:{}", iri.namespace.prefix(), iri.local)
}

fn blank(n: usize) -> String {
    format!("_:b{n}")
}

fn value(object: &Object) -> Value {
    match object {
        Object::Iri(iri) => json!({ "@id": compact(iri) }),
        Object::Blank(n) => json!({ "@id": blank(*n) }),
        Object::Text(text) => Value::String(text.clone()),
        Object::Typed(text, datatype) => json!({ "@value": text, "@type": compact(datatype) }),
        Object::Boolean(b) => Value::Bool(*b),
        Object::Integer(n) => Value::from(*n),
    }
}

/// Adds `value` under `key`, making a list when the key already has a value.
fn insert(node: &mut Map<String, Value>, key: String, value: Value) {
    match node.get_mut(&key) {
        None => {
            node.insert(key, value);
        }
        Some(Value::Array(values)) => values.push(value),
        Some(first) => {
            let first = first.take();
            node.insert(key, Value::Array(vec![first, value]));
        }
    }
}

/// Writes the dataset as JSON-LD, pretty-printed, with a final newline. Linear in its size.
pub fn write(dataset: &Dataset, out: &mut dyn Write) -> io::Result<()> {
    let context: Map<String, Value> = Namespace::ALL
        .iter()
        .map(|ns| {
            (
                ns.prefix().to_owned(),
                Value::String(ns.iri(&dataset.base).into_owned()),
            )
        })
        .collect();
    let graph: Vec<Value> = dataset
        .resources
        .iter()
        .map(|resource| {
            let mut node = Map::new();
            let id = match &resource.subject {
                Subject::Iri(iri) => compact(iri),
                Subject::Blank(n) => blank(*n),
            };
            node.insert("@id".to_owned(), Value::String(id));
            for (property, object) in &resource.properties {
                match object {
                    Object::Iri(class) if property.is_type() => {
                        insert(&mut node, "@type".to_owned(), Value::String(compact(class)));
                    }
                    _ => insert(&mut node, compact(property), value(object)),
                }
            }
            Value::Object(node)
        })
        .collect();
    let document = json!({ "@context": context, "@graph": graph });
    serde_json::to_writer_pretty(&mut *out, &document).map_err(io::Error::from)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_properties_become_lists() {
        let mut node = Map::new();
        insert(&mut node, "k".into(), json!(1));
        assert_eq!(node["k"], json!(1));
        insert(&mut node, "k".into(), json!(2));
        insert(&mut node, "k".into(), json!(3));
        assert_eq!(node["k"], json!([1, 2, 3]));
    }
}
