//! Importing any bytes as CSV (columns `code`, `parent`, `label`, `type`, `acronym`, as in
//! `tests/fixtures/import/`) never panics; what an import writes loads back with no reading error
//! and prints the same again; the framing does not depend on the line endings (the same rows with
//! LF, CRLF or CR give the same import, locators included); and what the import gives, exported
//! as CSV, imports back as the same hierarchy. The first byte chooses the encoding and the
//! delimiter, so that every reading path is fuzzed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use organigram::Loader;
use organigram::interop::{CsvEncoding, CsvOptions, NamedFile, csv_export, import_csv};

mod reload;

const ENCODINGS: [CsvEncoding; 4] = [
    CsvEncoding::Utf8,
    CsvEncoding::Windows1252,
    CsvEncoding::Utf16Le,
    CsvEncoding::Utf16Be,
];

fuzz_target!(|input: &[u8]| {
    let Some((&choice, bytes)) = input.split_first() else {
        return;
    };
    let options = CsvOptions {
        kind: Some("type".to_owned()),
        acronym: Some("acronym".to_owned()),
        delimiter: if choice & 0x10 == 0 { b',' } else { b';' },
        encoding: ENCODINGS[usize::from(choice & 0x3)],
        ..CsvOptions::new("fuzz.csv", "code", "parent", "label")
    };
    let Ok(import) = import_csv(bytes, &options) else {
        return;
    };
    reload::assert_reloads(&import.files);

    // The same rows with other line endings, when no quoted cell could hold one.
    if options.encoding == CsvEncoding::Utf8 && !bytes.contains(&b'"') && !bytes.contains(&b'\r') {
        for ending in [&b"\r\n"[..], b"\r"] {
            let other: Vec<u8> = bytes
                .split(|&b| b == b'\n')
                .collect::<Vec<_>>()
                .join(ending);
            let again = import_csv(&other, &options).expect("only the line endings differ");
            assert_eq!(
                again.files, import.files,
                "{ending:?} frames the rows otherwise"
            );
        }
    }

    // Exported as CSV, imported again and exported again: the same table, so that an export
    // reads back as what it says.
    let exported = export(&import.files);
    let options = CsvOptions {
        kind: Some("kind".to_owned()),
        acronym: Some("acronym".to_owned()),
        ..CsvOptions::new("export.csv", "id", "parent", "name")
    };
    let back = import_csv(&exported, &options).expect("an export imports back");
    assert_eq!(
        export(&back.files),
        exported,
        "{}",
        String::from_utf8_lossy(&exported)
    );
});

/// The description these files make, exported as CSV.
fn export(files: &[NamedFile]) -> Vec<u8> {
    let loader = files.iter().fold(Loader::new(), |loader, file| {
        loader.text(
            file.name.clone(),
            file.to_json().expect("an imported file serialises"),
        )
    });
    let workspace = loader.load().expect("no proposal to refuse");
    let mut exported = Vec::new();
    csv_export::write(workspace.graph(), None, &mut exported).expect("writing into memory");
    exported
}
