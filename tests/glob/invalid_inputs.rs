//! Every class of bad input gets a located message and exit code 2. One fixture per class in
//! `tests/fixtures/invalid/`; the snapshot holds the message, which is the assertion.

use crate::support::{organigram, root};

#[test]
fn every_bad_input_gets_a_located_error_and_exit_2() {
    let _serial = crate::one_at_a_time();
    insta::glob!("..", "fixtures/invalid/*", |path| {
        let relative = path
            .strip_prefix(root())
            .expect("fixtures are in the project");
        let out = organigram([
            "--org".as_ref(),
            relative.as_os_str(),
            "show".as_ref(),
            "a".as_ref(),
            // Queries answer on what loaded; --strict refuses, with every problem located.
            "--strict".as_ref(),
        ])
        .run();
        assert_eq!(out.code, 2, "{}", out.transcript());
        assert!(out.stdout.is_empty(), "{}", out.transcript());
        insta::assert_snapshot!(out.stderr);
    });
}
