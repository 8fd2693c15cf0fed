//! The importers' contract, shared by their fuzz targets: what an import writes reads back as a
//! sound description (no reading or schema error, no unknown reference, no duplicate id, no tie
//! its kinds forbid). Structural problems (orphans, cycles) may remain: they are the input's.

use organigram::diagnostic::{Code, render};
use organigram::interop::NamedFile;
use organigram::load::{Input, Limits, load_graph};

pub fn assert_reloads(files: &[NamedFile]) {
    let inputs: Vec<Input> = files
        .iter()
        .map(|file| Input::Text {
            name: file.name.clone().into(),
            text: file.to_json().expect("an imported file serialises"),
        })
        .collect();
    let loaded = load_graph(&inputs, &Limits::default());
    let unsound = loaded.diagnostics.iter().any(|d| {
        d.code.is_input()
            || matches!(
                d.code,
                Code::UnknownField
                    | Code::UnknownValue
                    | Code::MissingField
                    | Code::DuplicateKey
                    | Code::InvalidValue
                    | Code::DuplicateId
                    | Code::UnknownUnit
                    | Code::UnknownSource
                    | Code::TieNotAllowed
                    | Code::AttributeNotAllowed
            )
    });
    assert!(
        !unsound,
        "an import wrote files that do not read back soundly:\n{}",
        render::text_to_string(&loaded.files, &loaded.diagnostics)
    );
}
