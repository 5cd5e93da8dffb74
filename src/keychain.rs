//! "Remember on this computer": a journal's passphrase kept in the system's keyring (Secret
//! Service on Linux, Keychain on macOS, Credential Manager on Windows), one entry per journal
//! file.
//!
//! Invariants: a missing or unreachable keyring is never an error when reading (the caller
//! asks for the passphrase instead); storing says plainly why it could not. Setting
//! `RECIPROCITY_NO_KEYRING` keeps every command away from the keyring altogether.

use crate::journal::APP_IDENTIFIER;
use crate::{Error, Result};
use std::path::Path;

/// The environment variable that keeps the keyring out of use.
pub const NO_KEYRING_ENV: &str = "RECIPROCITY_NO_KEYRING";

fn entry(journal: &Path) -> Option<keyring::Entry> {
    if std::env::var_os(NO_KEYRING_ENV).is_some_and(|v| !v.is_empty()) {
        return None;
    }
    let path = std::path::absolute(journal).unwrap_or_else(|_| journal.to_path_buf());
    keyring::Entry::new(APP_IDENTIFIER, &path.to_string_lossy()).ok()
}

/// The passphrase remembered for the journal at `journal`, if any can be read.
pub fn recall(journal: &Path) -> Option<String> {
    entry(journal)?.get_password().ok()
}

/// Remembers `passphrase` for the journal at `journal`.
pub fn remember(journal: &Path, passphrase: &str) -> Result<()> {
    let unavailable = |why: String| Error::Io {
        context: "cannot remember the passphrase on this computer".into(),
        source: std::io::Error::other(format!("{why}; you will be asked for it each time instead")),
    };
    let entry = entry(journal).ok_or_else(|| unavailable("no keyring is in use".into()))?;
    entry
        .set_password(passphrase)
        .map_err(|e| unavailable(one_line(&e.to_string())))
}

/// Forgets the passphrase remembered for `journal`; nothing remembered is not an error.
pub fn forget(journal: &Path) {
    if let Some(entry) = entry(journal) {
        let _ = entry.delete_credential();
    }
}

fn one_line(text: &str) -> String {
    text.lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(200)
        .collect()
}
