//! The importers' contract, shared by their fuzz targets: what an import writes reads back as a
//! sound description (no reading or schema error, no unknown reference, no duplicate id, no tie
//! its kinds forbid). Structural problems (orphans, cycles) may remain: they are the input's.

use organigram::Loader;
use organigram::diagnostic::{Code, render};
use organigram::interop::NamedFile;

pub fn assert_reloads(files: &[NamedFile]) {
    let loader = files.iter().fold(Loader::new(), |loader, file| {
        let text = file.to_json().expect("an imported file serialises");
        loader.text(file.name.clone(), text)
    });
    let loaded = loader.load().expect("no proposal to refuse");
    let unsound = loaded.diagnostics().any(|d| {
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
        render::text_to_string(&loaded.files, loaded.diagnostics())
    );
}
