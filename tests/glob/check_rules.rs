//! Every rule of `check`, one fixture that breaks it and one that keeps it, in
//! `tests/fixtures/check/`: `CODE.json` must be reported with CODE, `CODE-ok.json` must not; the
//! snapshot holds the whole output, which is the assertion on the messages. Other fixtures are
//! snapshots only.

use organigram::diagnostic::{Code, Severity};

use crate::support::{organigram, root};

#[test]
fn every_rule_has_a_fixture_that_breaks_it_and_one_that_keeps_it() {
    let _serial = crate::one_at_a_time();
    insta::glob!("..", "fixtures/check/*.json", |path| {
        let relative = path
            .strip_prefix(root())
            .expect("fixtures are in the project");
        let out = organigram(["--org".as_ref(), relative.as_os_str(), "check".as_ref()]).run();
        let json = organigram([
            "--org".as_ref(),
            relative.as_os_str(),
            "check".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
        ])
        .run();
        assert_eq!(out.code, json.code, "{}", out.transcript());
        let reported: Vec<String> = json.json()["problems"]
            .as_array()
            .expect("problems is an array")
            .iter()
            .map(|p| p["code"].as_str().expect("a code").to_owned())
            .collect();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a file name");
        let (name, keeps) = match stem.strip_suffix("-ok") {
            Some(name) => (name, true),
            None => (stem, false),
        };
        if let Some(code) = Code::from_name(name) {
            let found = reported.iter().any(|c| c == code.as_str());
            assert_eq!(found, !keeps, "{stem}: {reported:?}\n{}", out.transcript());
            let breaks_with_error = !keeps && code.default_severity() == Severity::Error;
            let expected = i32::from(breaks_with_error || reported.iter().any(|c| is_error(c)));
            assert_eq!(out.code, expected, "{}", out.transcript());
        }
        insta::assert_snapshot!(out.transcript());
    });
}

fn is_error(code: &str) -> bool {
    Code::from_name(code).is_some_and(|c| c.default_severity() == Severity::Error)
}
