use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::*;

/// French messages that are rightly written as the English ones: names shared by both languages,
/// and messages made only of their arguments and punctuation.
const SAME_IN_FRENCH: &[&str] = &[
    "chart-vacant",
    "html-export-png",
    "html-export-svg",
    "html-sources",
    "import-kind-count",
    "manager",
    "print-vacant",
    "show-note",
    "show-source",
    "tie-sentence",
    "unit-line",
];

/// Each message of a catalogue with the variables it uses.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source(lang))
        .unwrap_or_else(|(_, errors)| panic!("i18n/{lang}.ftl does not parse: {errors:#?}"));
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(message) => {
                let mut variables = BTreeSet::new();
                let value = message
                    .value
                    .unwrap_or_else(|| panic!("{} has no value", message.id.name));
                pattern_variables(&value, &mut variables);
                let again = messages.insert(message.id.name.to_owned(), variables);
                assert!(again.is_none(), "{lang}: {} twice", message.id.name);
            }
            ast::Entry::Comment(_)
            | ast::Entry::GroupComment(_)
            | ast::Entry::ResourceComment(_) => {}
            other => panic!("{lang}: only messages and comments, not {other:?}"),
        }
    }
    messages
}

fn pattern_variables(pattern: &ast::Pattern<&str>, variables: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, variables);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, variables: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, variables);
            for variant in variants {
                pattern_variables(&variant.value, variables);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, variables),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, variables: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            variables.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => {
            expression_variables(expression, variables);
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, variables);
            }
        }
        _ => {}
    }
}

/// The ids of the messages the source uses: the first string literal in each `text!(…)` and
/// `tr!(…)` outside comments (and outside this file, which names the macros).
fn used_ids() -> BTreeSet<String> {
    fn walk(dir: &Path, ids: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, ids);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("i18n/tests.rs")
            {
                let source = std::fs::read_to_string(&path).unwrap();
                let code: String = source
                    .lines()
                    .filter(|line| !line.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n");
                for call in ["text!(", "tr!("] {
                    for (at, _) in code.match_indices(call) {
                        let before = code[..at].chars().next_back();
                        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                            continue;
                        }
                        let rest = &code[at + call.len()..];
                        let Some(open) = rest.find('"') else { continue };
                        let literal = &rest[open + 1..];
                        let id = &literal[..literal.find('"').unwrap()];
                        ids.insert(id.to_owned());
                    }
                }
            }
        }
    }
    let mut ids = BTreeSet::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut ids);
    ids
}

#[test]
fn both_catalogues_have_the_same_messages_with_the_same_variables() {
    let english = messages(Lang::En);
    let french = messages(Lang::Fr);
    let only_english: Vec<_> = english
        .keys()
        .filter(|id| !french.contains_key(*id))
        .collect();
    let only_french: Vec<_> = french
        .keys()
        .filter(|id| !english.contains_key(*id))
        .collect();
    assert!(only_english.is_empty(), "not in fr.ftl: {only_english:?}");
    assert!(only_french.is_empty(), "not in en.ftl: {only_french:?}");
    for (id, variables) in &english {
        assert_eq!(variables, &french[id], "{id}: not the same variables");
    }
}

#[test]
fn the_catalogues_load_whole() {
    for lang in Lang::ALL {
        FluentResource::try_new(source(lang).to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{lang}: {errors:?}"));
        let mut bundle = FluentBundle::new_concurrent(vec![lang.as_str().parse().unwrap()]);
        let resource = FluentResource::try_new(source(lang).to_owned()).unwrap();
        bundle.add_resource(resource).unwrap();
    }
}

#[test]
fn french_is_not_left_in_english() {
    let english = messages(Lang::En);
    let args = |id: &str| -> Vec<(&str, Arg)> {
        english[id]
            .iter()
            .map(|v| (v.as_str(), Arg::from("X")))
            .collect()
    };
    for id in english.keys() {
        let same = write(Lang::En, id, &args(id)) == write(Lang::Fr, id, &args(id));
        assert_eq!(
            same,
            SAME_IN_FRENCH.contains(&id.as_str()),
            "{id}: the French message is {} the English one",
            if same {
                "the same as"
            } else {
                "not the same as"
            }
        );
    }
}

#[test]
fn every_message_used_is_in_the_catalogues_and_every_message_is_used() {
    let used = used_ids();
    let catalogue: BTreeSet<String> = messages(Lang::En).into_keys().collect();
    let missing: Vec<_> = used.difference(&catalogue).collect();
    let unused: Vec<_> = catalogue.difference(&used).collect();
    assert!(
        missing.is_empty(),
        "used, not in the catalogues: {missing:?}"
    );
    assert!(
        unused.is_empty(),
        "in the catalogues, never used: {unused:?}"
    );
}

#[test]
fn a_text_is_written_in_english_at_once_and_in_french_when_shown() {
    let kind = crate::model::UnitKind::SubDirectorate;
    let described = crate::i18n::text!("unit-described", kind = kind, id = "sd");
    assert_eq!(described, "sub-directorate `sd`");
    assert_eq!(described.in_lang(Lang::Fr), "`sd` (sous-direction)");
    assert_eq!(
        crate::tr!(
            Lang::Fr,
            "unit-line",
            label = "X",
            kind = kind,
            organisation = "O"
        ),
        "X — sous-direction, O"
    );
}

#[test]
fn plurals_follow_each_language() {
    for (n, en, fr) in [
        (0_usize, "0 errors", "0 erreur"),
        (1, "1 error", "1 erreur"),
        (2, "2 errors", "2 erreurs"),
    ] {
        assert_eq!(crate::tr!(Lang::En, "count-errors", n = n), en);
        assert_eq!(crate::tr!(Lang::Fr, "count-errors", n = n), fr);
    }
}

#[test]
fn texts_not_in_the_catalogues_are_the_same_in_every_language() {
    let text = Text::from("expected `,` or `}`");
    assert_eq!(text.in_lang(Lang::Fr), "expected `,` or `}`");
}

#[test]
fn french_groups_the_thousands_of_numbers_and_english_does_not() {
    let units = |lang, n: usize| {
        write(
            lang,
            "stats-units-value",
            &[
                ("total", Arg::from(n)),
                ("posts", Arg::from(12usize)),
                ("collective", Arg::from(0usize)),
            ],
        )
    };
    assert_eq!(units(Lang::En, 2_000_000), "2000000 (of which 12 posts)");
    assert_eq!(
        units(Lang::Fr, 2_000_000),
        "2\u{202f}000\u{202f}000 (dont 12 postes)"
    );
    assert_eq!(units(Lang::Fr, 1234), "1\u{202f}234 (dont 12 postes)");
    assert_eq!(units(Lang::Fr, 999), "999 (dont 12 postes)");
    // Plural forms still select on the number, not on its grouped digits.
    let errors = write(Lang::Fr, "count-errors", &[("n", Arg::from(12_345usize))]);
    assert_eq!(errors, "12\u{202f}345 erreurs");
    assert_eq!(number(Lang::Fr, 54_321), "54\u{202f}321");
    assert_eq!(number(Lang::En, 54_321), "54321");
}
