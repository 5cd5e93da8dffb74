//! The passphrase and the lock: protecting a journal, changing or removing its passphrase,
//! unlocking it, remembering the passphrase on this computer, and when the window locks
//! itself after being left alone.
//!
//! Invariants: a passphrase never reaches a file, a log or an answer; a wrong one changes
//! nothing. The sample journal is never protected.

use super::journal::{open_journal, sample_path, Opened};
use super::Empty;
use crate::journal::{rekey_file, Journal};
use crate::transfer::backups::{self, BackupKind};
use crate::{keychain, Error, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// Unlocking a protected journal in the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Unlock {
    pub passphrase: String,
    /// Keep the passphrase in this computer's keyring, so the journal opens without asking.
    #[serde(default)]
    pub remember: bool,
}

/// Protecting a journal, changing its passphrase (`new`), or removing it (`new` is `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SetPassphrase {
    /// The passphrase the journal has now; `None` for a plain journal.
    #[serde(default)]
    pub current: Option<String>,
    pub new: Option<String>,
    /// Keep the new passphrase in this computer's keyring.
    #[serde(default)]
    pub remember: bool,
}

/// When the window locks itself: after this many idle minutes, or never.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LockPrefs {
    pub after_minutes: Option<u32>,
}

/// The longest idle time the lock can wait, in minutes (a day).
pub const MAX_LOCK_MINUTES: u32 = 24 * 60;

/// The key the lock preferences are stored under in the journal's settings.
const LOCK_KEY: &str = "lock";

pub fn get_lock_prefs(j: &Journal, _: Empty) -> Result<LockPrefs> {
    j.get_json_setting(LOCK_KEY)
}

pub fn save_lock_prefs(j: &mut Journal, req: LockPrefs) -> Result<LockPrefs> {
    if req
        .after_minutes
        .is_some_and(|m| m == 0 || m > MAX_LOCK_MINUTES)
    {
        return Err(Error::invalid(
            "after_minutes",
            format!("choose between 1 and {MAX_LOCK_MINUTES} minutes, or never"),
        ));
    }
    if req.after_minutes.is_some() && !j.is_protected() {
        return Err(Error::invalid(
            "after_minutes",
            "the lock needs a passphrase: protect the journal first",
        ));
    }
    j.set_json_setting(LOCK_KEY, &req)?;
    Ok(req)
}

/// Opens a protected journal with `passphrase` (and the day's backup, as every open does),
/// remembering it when asked. A wrong passphrase changes nothing.
pub fn unlock(path: &Path, req: &Unlock, now: DateTime<Utc>) -> Result<Opened> {
    let opened = open_journal(path, Some(&req.passphrase), now)?;
    remember_or_note(path, &req.passphrase, req.remember, opened)
}

/// Sets, changes or removes the passphrase of the journal at `path`, which no program may
/// have open meanwhile; then opens it again under the new passphrase. A backup is taken first.
pub fn set_passphrase(path: &Path, req: &SetPassphrase, now: DateTime<Utc>) -> Result<Opened> {
    refuse_sample(path)?;
    let backup = backups::backup_path(path, BackupKind::BeforePassphrase, now);
    rekey_file(path, req.current.as_deref(), req.new.as_deref(), &backup)?;
    let _ = backups::prune(path);
    keychain::forget(path);
    let opened = open_journal(path, req.new.as_deref(), now)?;
    match &req.new {
        Some(new) => remember_or_note(path, new, req.remember, opened),
        None => Ok(opened),
    }
}

fn remember_or_note(
    path: &Path,
    passphrase: &str,
    remember: bool,
    opened: Opened,
) -> Result<Opened> {
    if !remember {
        return Ok(opened);
    }
    match keychain::remember(path, passphrase) {
        Ok(()) => Ok(opened),
        Err(e) => Ok(Opened {
            notice: Some(e.to_string()),
            ..opened
        }),
    }
}

fn refuse_sample(path: &Path) -> Result<()> {
    let is_sample = path
        .file_name()
        .zip(
            sample_path(path)
                .ok()
                .and_then(|p| p.file_name().map(ToOwned::to_owned)),
        )
        .is_some_and(|(a, b)| a == b);
    if is_sample {
        return Err(Error::invalid(
            "passphrase",
            "the sample journal is never protected; switch back to your own journal first",
        ));
    }
    Ok(())
}
