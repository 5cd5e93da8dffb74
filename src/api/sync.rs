//! Sync through a folder: choosing the folder, naming this device, syncing, the status, and
//! conflicts.
//!
//! A protected journal's change files are encrypted with its passphrase, which the face that
//! unlocked it passes to [`sync_now`] (`recip sync` and the window's session do); without it
//! such a journal refuses to sync rather than write its words in plain text. The window
//! chooses its folder in a native dialog, so the folder is a path here, as the CLI's is.

use super::Empty;
use crate::journal::Journal;
use crate::sync::{self as folder_sync, Conflict, ConflictChoice, SyncReport, SyncStatus};
use crate::Result;
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// The folder the user chose in the window's dialog, by the token it was handed out with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UseSyncFolder {
    pub file: String,
}

/// A name for this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeviceName {
    pub name: String,
}

/// Which version of a conflicting row to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResolveConflict {
    pub id: u32,
    pub keep: ConflictChoice,
}

/// Chooses the sync folder (refusing one that holds the journal), names a device that has no
/// name yet after the computer, and answers the status.
pub fn set_sync_folder(j: &mut Journal, folder: &Path) -> Result<SyncStatus> {
    folder_sync::set_folder(j, folder)?;
    folder_sync::name_if_unnamed(j)?;
    folder_sync::sync_status(j, None)
}

/// Stops syncing; the folder's files stay where they are.
pub fn stop_sync(j: &mut Journal, _: Empty) -> Result<SyncStatus> {
    folder_sync::stop(j)?;
    folder_sync::sync_status(j, None)
}

pub fn set_device_name(j: &mut Journal, r: DeviceName) -> Result<SyncStatus> {
    folder_sync::set_name(j, &r.name)?;
    folder_sync::sync_status(j, None)
}

/// Writes this device's changes and merges the others', with the journal's passphrase when it
/// has one.
pub fn sync_now(j: &mut Journal, passphrase: Option<&str>) -> Result<SyncReport> {
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
