//! What a sync, the status and the conflicts look like to the faces.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncReport {
    /// This copy's device id.
    pub device: String,
    /// The change file written (`device/seq.rjc`), when this copy had changes.
    pub written: Option<String>,
    /// Rows in that file.
    pub rows_written: u32,
    /// Files of other devices merged.
    pub files_read: u32,
    /// Rows whose version from another device was taken.
    pub rows_taken: u32,
    /// New conflicts: rows edited on two devices that had not seen each other's change.
    pub conflicts_found: u32,
    /// Files that wait for another device's file they build on (read at a later sync).
    pub waiting: u32,
    /// Files that could not be read, reported the first time only: `name: why`.
    pub problems: Vec<String>,
    /// Files of this device deleted from the folder: older than its snapshot, and read by
    /// every device it knows.
    pub pruned: u32,
    /// True when the file written is plain text (no passphrase).
    pub plain: bool,
}

/// Another device, as this copy knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeviceStatus {
    pub device: String,
    /// The name its owner gave it, when it has one.
    pub name: Option<String>,
    /// Its files merged here.
    pub files: u32,
    /// When one of its files was last merged here.
    pub last_seen: chrono::DateTime<chrono::Utc>,
}

/// Where sync stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncStatus {
    /// The folder, when one was chosen.
    pub folder: Option<String>,
    /// This copy's device id ('' before sync was set up).
    pub device: String,
    /// The name of this device, when it has one.
    pub device_name: Option<String>,
    pub devices: Vec<DeviceStatus>,
    /// Rows changed here since the last change file.
    pub unsent: u32,
    /// Files of other devices in the folder not merged yet.
    pub unread: u32,
    pub conflicts: u32,
    /// Files that could not be read: `name: why`.
    pub problems: Vec<String>,
    /// A warning when the folder holds this journal as plain text.
    pub plain_text_warning: Option<String>,
}

/// One conflict: the version kept and the one that lost, as plain lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Conflict {
    pub id: u32,
    /// What the row is: "exchange", "person", …
    pub table: String,
    pub key: String,
    /// A one-line description of the row ("exchange: lent a ladder").
    pub title: String,
    /// The words that name the row ("lent a ladder", "Sam Lee", a check-in's day).
    pub subject: String,
    /// The fields that differ, as `field: kept value`.
    pub kept: Vec<String>,
    /// The same fields as the other version has them (or "deleted").
    pub other: Vec<String>,
    pub found_at: chrono::DateTime<chrono::Utc>,
}

crate::model::vocabulary::vocabulary!(
    /// Which version of a conflicting row to keep.
    ConflictChoice, "keep" {
        Kept => "kept",
        Other => "other",
    }
);
