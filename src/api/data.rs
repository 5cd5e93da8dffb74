//! Own your data: export, import and backups. The functions take paths; the CLI passes the
//! ones typed on its command line, and the desktop shell only paths the user chose in a
//! native dialog (the window names them by the opaque token of [`ChosenFile`]).

use super::Empty;
use crate::journal::Journal;
use crate::model::Relationship;
use crate::transfer::backups::{self, Backup, BackupKind};
use crate::transfer::{csv_export, daylio, document, ImportFormat, ImportOptions, ImportSummary};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;

/// What a file is being chosen for: decides the dialog (save or open) and its filters, and
/// which commands may use the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FilePurpose {
    ExportJson,
    ExportCsv,
    Import,
    Restore,
    /// A folder, not a file: the one to sync through.
    SyncFolder,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChooseFile {
    pub purpose: FilePurpose,
}

/// A file the user chose in a native dialog: the window names it by `token` and shows `name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChosenFile {
    pub token: String,
    /// The file's name, for the screen.
    pub name: String,
    /// The whole path, for the screen.
    pub path: String,
}

/// Export to the chosen file (a token from `choose_file`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportTo {
    pub file: String,
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportCounts {
    pub people: u32,
    pub exchanges: u32,
    pub checkins: u32,
}

/// Look at a chosen file before importing it; `format` is the one the user picked, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportFrom {
    pub file: String,
    #[serde(default)]
    pub format: Option<ImportFormat>,
}

/// What importing a file needs to know first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportPreview {
    /// The format the file's name (and, for JSON, its first lines) suggests, or the one given.
    pub format: Option<ImportFormat>,
    /// For Daylio: the mood labels that need a place on −2..=2 before importing.
    pub unknown_moods: Vec<String>,
}

/// Import a chosen file: `moods` are `label=N` mappings for Daylio's own labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportFile {
    pub file: String,
    pub format: ImportFormat,
    #[serde(default)]
    pub relationship: Option<Relationship>,
    #[serde(default)]
    pub moods: Vec<String>,
}

/// Restore from a chosen file (a token) or from one of the journal's own listed backups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RestoreBackup {
    pub file: String,
    /// The passphrase of a backup protected by another passphrase than the journal's.
    #[serde(default)]
    pub passphrase: Option<String>,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

pub fn export_json(j: &Journal, path: &Path, now: DateTime<Utc>) -> Result<ExportCounts> {
    let doc = document::export_json(j, path, now)?;
    Ok(ExportCounts {
        people: count(doc.people.len()),
        exchanges: count(doc.exchanges.len()),
        checkins: count(doc.checkins.len()),
    })
}

pub fn export_csv(j: &Journal, path: &Path) -> Result<ExportCounts> {
    let rows = csv_export::export_csv(j, path)?;
    Ok(ExportCounts {
        people: 0,
        exchanges: count(rows),
        checkins: 0,
    })
}

/// One row per ask, for spreadsheets.
pub fn export_asks_csv(j: &Journal, path: &Path) -> Result<u32> {
    crate::transfer::csv_requests::export_requests_csv(j, path).map(count)
}

/// The format to import `path` as: the one given, else the one its name suggests.
pub fn import_format(path: &Path, given: Option<ImportFormat>) -> Result<ImportFormat> {
    given.or_else(|| ImportFormat::detect(path)).ok_or_else(|| {
        Error::invalid(
            "format",
            format!(
                "cannot tell the format of {} from its name; choose json, vcard, monica or daylio",
                path.display()
            ),
        )
    })
}

pub fn inspect_import(path: &Path, given: Option<ImportFormat>) -> Result<ImportPreview> {
    let format = given.or_else(|| ImportFormat::detect(path));
    let unknown_moods = match format {
        Some(ImportFormat::Daylio) => daylio::unknown_moods(path, &daylio::default_moods())?,
        _ => Vec::new(),
    };
    Ok(ImportPreview {
        format,
        unknown_moods,
    })
}

/// Imports `path` in one transaction, after a backup.
pub fn import_file(
    j: &mut Journal,
    path: &Path,
    format: ImportFormat,
    relationship: Option<Relationship>,
    moods: &[String],
    now: DateTime<Utc>,
) -> Result<ImportSummary> {
    let mut options = ImportOptions {
        moods: daylio::moods_with(moods)?,
        ..ImportOptions::default()
    };
    options.relationship = relationship.unwrap_or(options.relationship);
    crate::transfer::import_file(j, path, format, &options, now)
}

pub fn list_backups(j: &Journal, _: Empty) -> Result<Vec<Backup>> {
    match j.path() {
        Some(path) => backups::list_backups(path),
        None => Ok(Vec::new()),
    }
}

pub fn make_backup(j: &Journal, _: Empty) -> Result<Backup> {
    backups::make_backup(j, BackupKind::Manual, Utc::now())
}

/// Replaces the journal with the one in `path` after checking it; answers with the backup of
/// the journal as it was.
pub fn restore_backup(
    j: &mut Journal,
    path: &Path,
    passphrase: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Backup> {
    backups::restore(j, path, passphrase, now)
}
