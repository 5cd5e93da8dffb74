//! Sync through a folder that a file-sync engine (Syncthing, Nextcloud, Dropbox, a USB stick)
//! moves between devices. The journal never syncs its live SQLite file: each device writes
//! append-only change files into `<folder>/<device>/<seq>.rjc` and merges the others' files.
//!
//! Invariants:
//! - Every row carries a hybrid logical clock (`hlc`) stamped by the journal's triggers on every
//!   write, by any program; a hard delete leaves a tombstone kept forever. The device id comes
//!   from the journal's `sync_clock` row, filled from `<journal>.device` (see `device`).
//! - A change file holds the full state of every row this device changed since its previous
//!   file; it is written once, under a temporary name, synced and linked into place, never
//!   modified (see `folder`).
//! - A sync is one IMMEDIATE transaction: write this device's changes, then merge every file of
//!   the others not merged before (tracked by device, sequence and checksum, never by time),
//!   row by row, the higher `hlc` winning (see `merge`). A file that fails its checksum or
//!   cannot be decrypted is skipped, reported once and retried at the next sync; a file of a
//!   newer format is left alone; a file whose rows name rows not here yet waits.
//! - After [`compact::SNAPSHOT_AFTER`] files, a device writes a snapshot (every row it wrote,
//!   standing for all its earlier files) and deletes its files older than that snapshot which
//!   every device it knows has read (see `compact`).
//! - With a passphrase every file body is encrypted (see `crypt`); without one the status says
//!   the folder holds the journal as plain text.
//!
//! SQL stays in `crate::journal` ([`crate::journal::SyncTx`]); this module does files,
//! formats and merge decisions.

mod compact;
mod crypt;
mod device;
mod folder;
mod format;
mod merge;
mod names;
mod read;
mod report;
mod rows;
mod state;
mod status;

pub use compact::{snapshot_now, SNAPSHOT_AFTER};
pub use device::check_copy;
pub use folder::file_name;
pub use format::FORMAT;
pub use names::{name_if_unnamed, name_of, set_name, MAX_NAME};
pub use report::{Conflict, ConflictChoice, DeviceStatus, SyncReport, SyncStatus};
pub use state::{Columns, Hlc, RowState, SyncTable, BEFORE_SYNC};
pub use status::{list_conflicts, resolve_conflict, sync_status};

use crate::journal::{FileRecord, Journal, SyncTx};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use crypt::Keys;
use state::RowState as State;
use std::path::{Path, PathBuf};

/// Chooses the folder this copy syncs through; refuses one that holds the journal itself.
/// Another folder than before starts afresh: the first file there holds every row this device
/// wrote, and every file found there is read.
pub fn set_folder(journal: &mut Journal, folder: &Path) -> Result<()> {
    let real = folder::check(folder, journal.path())?;
    let before = journal.sync_folder()?;
    if before.is_some_and(|b| b != real) {
        start_afresh(journal)?;
    }
    journal.set_sync_folder(&real)?;
    let published = journal.last_published()?;
    device::ensure(journal, published).map(drop)
}

/// Stops syncing through the chosen folder; the files there stay. Choosing a folder again
/// (the same or another) starts afresh, as a new folder does.
pub fn stop(journal: &mut Journal) -> Result<()> {
    if journal.sync_folder()?.is_none() {
        return Ok(());
    }
    start_afresh(journal)?;
    journal.clear_sync_folder()
}

/// Forgets the files written and merged: the next file holds every row this device wrote, and
/// every file in the folder is read again (merging one twice changes nothing).
fn start_afresh(journal: &mut Journal) -> Result<()> {
    journal.forget_sync_files()?;
    let device = journal.sync_device()?;
    if !device.is_empty() {
        device::record_published(journal, &device, 0)?;
    }
    Ok(())
}

fn chosen_folder(journal: &Journal) -> Result<PathBuf> {
    let folder = journal.sync_folder()?.ok_or_else(|| {
        Error::invalid(
            "folder",
            "no sync folder is set; choose one first (recip sync --folder PATH)",
        )
    })?;
    folder::check(&folder, journal.path())
}

/// Writes this copy's changes to the folder and merges the other devices' files.
pub fn sync_now(
    journal: &mut Journal,
    passphrase: Option<&str>,
    now: DateTime<Utc>,
) -> Result<SyncReport> {
    if journal.is_protected() && passphrase.is_none() {
        // Its change files would hold in plain text what the journal keeps encrypted.
        return Err(Error::invalid(
            "passphrase",
            "this journal is protected by a passphrase, so it syncs only with it: the sync \
             folder must never hold it as plain text",
        ));
    }
    let mut round = Round::begin(journal, passphrase, now)?;
    let tx = journal.begin_sync()?;
    let mut report = SyncReport {
        device: round.device.clone(),
        plain: !round.keys.has_passphrase(),
        ..Default::default()
    };
    let mut written = write_changes(&tx, &mut round)?;
    if let Some(f) = &written {
        report.written = Some(format!("{}/{}", f.device, file_name(f.seq)));
        report.rows_written = f.rows as u32;
    }
    if let Some(snapshot) = compact::snapshot_if_due(&tx, &mut round)? {
        written = Some(snapshot);
    }
    read::merge_folder(&tx, &mut round, &mut report)?;
    report.pruned = compact::prune(&tx, &round)?;
    tx.commit()?;
    round.record_published(journal, written.as_ref())?;
    Ok(report)
}

/// What one sync or snapshot works with: the chosen folder, this copy's device id, the keys
/// of its passphrase and the time it runs at. Made before the sync's transaction begins (a
/// copy may take a new id), and told afterwards what it published.
pub(super) struct Round {
    folder: PathBuf,
    device: String,
    keys: Keys,
    now: DateTime<Utc>,
}

impl Round {
    fn begin(journal: &mut Journal, passphrase: Option<&str>, now: DateTime<Utc>) -> Result<Round> {
        Ok(Round {
            folder: chosen_folder(journal)?,
            device: device::ensure(journal, journal.last_published()?)?,
            keys: Keys::new(passphrase),
            now,
        })
    }

    /// After the transaction committed: notes the last file published under this id.
    fn record_published(&self, journal: &Journal, written: Option<&FileRecord>) -> Result<()> {
        match written {
            Some(f) => device::record_published(journal, &self.device, f.seq),
            None => Ok(()),
        }
    }
}

/// Publishes every row this device changed since its last file; `None` when nothing changed.
fn write_changes(tx: &SyncTx<'_>, round: &mut Round) -> Result<Option<FileRecord>> {
    let last = tx.last_file(&round.device)?;
    let rows = tx.changed_rows(&round.device, last.as_ref().map(|(_, mark)| mark))?;
    publish_rows(tx, round, rows, false)
}

/// Publishes `rows` as this device's next file, a snapshot standing for every earlier file
/// when `snapshot`; `None` when there are no rows.
fn publish_rows(
    tx: &SyncTx<'_>,
    round: &mut Round,
    rows: Vec<State>,
    snapshot: bool,
) -> Result<Option<FileRecord>> {
    let Round {
        folder,
        device,
        keys,
        now,
    } = round;
    let (folder, device, now) = (folder.as_path(), device.as_str(), *now);
    let Some(mark) = rows.iter().map(|r| r.hlc.clone()).max() else {
        return Ok(None);
    };
    let salt = match keys.has_passphrase() {
        true => Some(own_salt(tx)?),
        false => None,
    };
    let seq = folder::next_seq(folder, device, tx.last_file(device)?.map_or(0, |(s, _)| s));
    let first_seq = if snapshot { 1 } else { seq };
    let knows = tx.knowledge(device)?;
    let count = rows.len() as i64;
    let body = format::Body {
        knows: knows.clone(),
        rows,
    };
    let (bytes, sha256) = format::encode(device, seq, first_seq, &body, keys, salt.as_deref())?;
    folder::publish(folder, device, seq, &bytes)?;
    let record = FileRecord {
        device: device.into(),
        seq,
        first_seq,
        sha256,
        mark,
        knows,
        rows: count,
    };
    tx.record_file(&record, now)?;
    Ok(Some(record))
}

/// This device's salt, made the first time a file is encrypted.
fn own_salt(tx: &SyncTx<'_>) -> Result<String> {
    let salt = tx.salt()?;
    if !salt.is_empty() {
        return Ok(salt);
    }
    let salt = crypt::new_salt()?;
    tx.set_salt(&salt)?;
    Ok(salt)
}
