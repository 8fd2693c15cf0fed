//! Every class of bad proposal gets located errors in the proposal file and exit 2, for `check`
//! and for any other command given `--proposal`. One fixture per class in
//! `tests/fixtures/proposals/invalid/`, applied to `tests/fixtures/proposals/base.json`; the
//! snapshot holds the messages, which are the assertion.

use crate::support::{organigram, root};

const BASE: &str = "tests/fixtures/proposals/base.json";

#[test]
fn every_bad_proposal_gets_located_errors_and_exit_2() {
    let _serial = crate::one_at_a_time();
    insta::glob!("..", "fixtures/proposals/invalid/*.json", |path| {
        let relative = path
            .strip_prefix(root())
            .expect("fixtures are in the project");
        let run = |command: &str| {
            organigram([
                "--org".as_ref(),
                BASE.as_ref(),
                "--proposal".as_ref(),
                relative.as_os_str(),
                command.as_ref(),
                "sg".as_ref(),
            ])
            .run()
        };
        let show = run("show");
        assert_eq!(show.code, 2, "{}", show.transcript());
        assert!(show.stdout.is_empty(), "{}", show.transcript());
        let check = organigram([
            "--org".as_ref(),
            BASE.as_ref(),
            "check".as_ref(),
            "--proposal".as_ref(),
            relative.as_os_str(),
        ])
        .run();
        assert_eq!(check.code, 2, "{}", check.transcript());
        assert_eq!(check.stderr, show.stderr);
        insta::assert_snapshot!(show.stderr);
    });
}
