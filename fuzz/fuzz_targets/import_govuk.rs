//! Importing any text as the GOV.UK register never panics, and what an import writes loads back
//! with no reading error and prints the same again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use organigram::interop::{GovukOptions, import_govuk};

mod reload;

fuzz_target!(|text: &str| {
    if let Ok(import) = import_govuk(text, &GovukOptions::default()) {
        reload::assert_reloads(&import.files);
    }
});
