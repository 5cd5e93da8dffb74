//! The UI's TypeScript types in `ui/src/bindings/` are generated from the Rust types and
//! checked in. This test fails when they are stale; `make bindings` (UPDATE_BINDINGS=1)
//! rewrites them.

use reciprocity::model::{
    CheckIn, CheckInInput, Exchange, ExchangeFilter, ExchangeInput, Person, PersonInput,
    PersonSummary,
};
use reciprocity_desktop::{IpcError, JournalStatus};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use ts_rs::{Config, TS};

fn generate(dir: &Path) {
    // i64 values (data_version) are small counters: plain numbers in JSON.
    let cfg = Config::new().with_out_dir(dir).with_large_int("number");
    Person::export_all(&cfg).unwrap();
    PersonInput::export_all(&cfg).unwrap();
    PersonSummary::export_all(&cfg).unwrap();
    Exchange::export_all(&cfg).unwrap();
    ExchangeInput::export_all(&cfg).unwrap();
    ExchangeFilter::export_all(&cfg).unwrap();
    CheckIn::export_all(&cfg).unwrap();
    CheckInInput::export_all(&cfg).unwrap();
    IpcError::export_all(&cfg).unwrap();
    JournalStatus::export_all(&cfg).unwrap();
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".ts") {
                files.insert(name, std::fs::read_to_string(entry.path()).unwrap());
            }
        }
    }
    files
}

fn checked_in_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings")
}

#[test]
fn checked_in_bindings_match_the_rust_types() {
    let fresh_dir = tempfile::tempdir().unwrap();
    generate(fresh_dir.path());
    let fresh = read_dir(fresh_dir.path());
    let target = checked_in_dir();

    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(&target).unwrap();
        for name in read_dir(&target).keys() {
            std::fs::remove_file(target.join(name)).unwrap();
        }
        for (name, text) in &fresh {
            std::fs::write(target.join(name), text).unwrap();
        }
        return;
    }

    let current = read_dir(&target);
    let stale: Vec<&String> = fresh
        .iter()
        .filter(|(name, text)| current.get(*name) != Some(*text))
        .map(|(name, _)| name)
        .chain(current.keys().filter(|name| !fresh.contains_key(*name)))
        .collect();
    assert!(
        stale.is_empty(),
        "ui/src/bindings is stale ({stale:?}); run `make bindings` and commit the result"
    );
}
