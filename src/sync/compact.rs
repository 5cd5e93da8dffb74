//! Keeping the folder small: snapshots and pruning.
//!
//! A snapshot is an ordinary change file that holds every row this device wrote (its current
//! version of each, deletions included) and says it stands for all the device's files from
//! the first; a device that arrives later reads it instead of the files it replaces. Then a
//! device deletes its own files older than its latest snapshot that every device it knows has
//! read (each device's latest file says how far it had read: its `knows`). Deleting is the
//! only change ever made to a published file.
//!
//! A row in a snapshot is judged, for conflicts, by what the device knew when writing the
//! snapshot, which may be more than it knew when it made the change: a device that reads only
//! the snapshot may then miss recording a conflict that the others recorded. The rows still
//! converge.

use super::folder::file_name;
use super::Round;
use crate::journal::{FileRecord, Journal, SyncTx};
use crate::Result;
use chrono::{DateTime, Utc};

/// How many files a device writes before it writes a snapshot.
pub const SNAPSHOT_AFTER: usize = 64;

/// Writes a snapshot when this device wrote [`SNAPSHOT_AFTER`] files since its last one.
pub(super) fn snapshot_if_due(tx: &SyncTx<'_>, round: &mut Round) -> Result<Option<FileRecord>> {
    let own = tx.own_files(&round.device)?;
    let since = own
        .iter()
        .rev()
        .take_while(|(seq, first, _)| first == seq)
        .count();
    if since < SNAPSHOT_AFTER {
        return Ok(None);
    }
    write_snapshot(tx, round)
}

fn write_snapshot(tx: &SyncTx<'_>, round: &mut Round) -> Result<Option<FileRecord>> {
    let rows = tx.changed_rows(&round.device, None)?;
    super::publish_rows(tx, round, rows, true)
}

/// Deletes this device's files older than its latest snapshot that every device it knows has
/// read; returns how many.
pub(super) fn prune(tx: &SyncTx<'_>, round: &Round) -> Result<u32> {
    let (folder, device) = (&round.folder, round.device.as_str());
    let own = tx.own_files(device)?;
    let snapshot = own
        .iter()
        .filter(|(seq, first, _)| *first == 1 && *seq > 1)
        .map(|(seq, _, _)| *seq)
        .max();
    let Some(snapshot) = snapshot else {
        return Ok(0);
    };
    let others = tx.latest_knows(device)?;
    let mut removed = 0;
    for (seq, _, mark) in own.iter().filter(|(seq, _, _)| *seq < snapshot) {
        let read_by_all = others
            .iter()
            .all(|k| k.get(device).is_some_and(|seen| seen >= mark));
        let path = folder.join(device).join(file_name(*seq));
        if read_by_all && path.exists() && std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

/// Writes a snapshot now (whatever the count of files), then prunes; returns the snapshot's
/// name, or `None` when this device has written nothing.
pub fn snapshot_now(
    journal: &mut Journal,
    passphrase: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<String>> {
    let mut round = Round::begin(journal, passphrase, now)?;
    let tx = journal.begin_sync()?;
    let written = write_snapshot(&tx, &mut round)?;
    prune(&tx, &round)?;
    tx.commit()?;
    round.record_published(journal, written.as_ref())?;
    Ok(written.map(|f| format!("{}/{}", f.device, file_name(f.seq))))
}
