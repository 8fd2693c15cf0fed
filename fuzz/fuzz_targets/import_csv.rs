//! Importing any bytes as CSV (columns `code`, `parent`, `label`, `type`, `acronym`, as in
//! `tests/fixtures/import/`) never panics, and what an import writes loads back with no reading
//! error and prints the same again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use organigram::interop::{CsvOptions, import_csv};

mod reload;

fuzz_target!(|bytes: &[u8]| {
    let options = CsvOptions {
        kind: Some("type".to_owned()),
        acronym: Some("acronym".to_owned()),
        ..CsvOptions::new("fuzz.csv", "code", "parent", "label")
    };
    if let Ok(import) = import_csv(bytes, &options) {
        reload::assert_reloads(&import.files);
    }
});
