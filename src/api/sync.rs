//! Sync through a folder: choosing the folder, syncing, the status, and conflicts.
//!
//! A protected journal's change files are encrypted with its passphrase, which the face that
//! unlocked it passes through [`sync_with_passphrase`] (`recip sync` does); without it such a
//! journal refuses to sync rather than write its words in plain text. The window has no sync
//! screen yet, so `sync_now` syncs plain journals only.

use super::Empty;
use crate::journal::Journal;
use crate::sync::{self as folder_sync, Conflict, ConflictChoice, SyncReport, SyncStatus};
use crate::Result;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use ts_rs::TS;

/// The folder to sync through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncFolder {
    pub folder: String,
}

/// Which version of a conflicting row to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResolveConflict {
    pub id: u32,
    pub keep: ConflictChoice,
}

/// Chooses the sync folder (refusing one that holds the journal) and answers the status.
pub fn set_sync_folder(j: &mut Journal, r: SyncFolder) -> Result<SyncStatus> {
    folder_sync::set_folder(j, &PathBuf::from(r.folder))?;
    folder_sync::sync_status(j, None)
}

pub fn sync_now(j: &mut Journal, _: Empty) -> Result<SyncReport> {
    sync_with_passphrase(j, None)
}

/// Syncs with the journal's passphrase, when it has one.
pub fn sync_with_passphrase(j: &mut Journal, passphrase: Option<&str>) -> Result<SyncReport> {
    folder_sync::sync_now(j, passphrase, chrono::Utc::now())
}

pub fn sync_status(j: &Journal, _: Empty) -> Result<SyncStatus> {
    folder_sync::sync_status(j, None)
}

pub fn list_conflicts(j: &Journal, _: Empty) -> Result<Vec<Conflict>> {
    folder_sync::list_conflicts(j)
}

pub fn resolve_conflict(j: &mut Journal, r: ResolveConflict) -> Result<Empty> {
    folder_sync::resolve_conflict(j, r.id, r.keep)?;
    Ok(Empty {})
}
