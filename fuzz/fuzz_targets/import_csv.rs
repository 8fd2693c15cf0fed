//! Importing any bytes as CSV (columns `code`, `parent`, `label`, `type`, `acronym`, as in
//! `tests/fixtures/import/`) never panics, and what an import writes loads back with no reading
//! error and prints the same again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use organigram::interop::{CsvOptions, import_csv};
use organigram::model::UnitKind;

mod reload;

fuzz_target!(|bytes: &[u8]| {
    let options = CsvOptions {
        id: "code".to_owned(),
        parent: "parent".to_owned(),
        name: "label".to_owned(),
        kind: Some("type".to_owned()),
        acronym: Some("acronym".to_owned()),
        default_kind: UnitKind::Department,
        delimiter: b',',
        file_name: "fuzz.csv".to_owned(),
    };
    if let Ok(import) = import_csv(bytes, &options) {
        reload::assert_reloads(&import.files);
    }
});
