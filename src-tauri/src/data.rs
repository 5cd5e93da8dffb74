//! Settings → Data: export, import and backups. Each command is a thin adapter to the core's
//! `transfer` module. Paths come from the native dialogs, which run in the UI and pass the
//! chosen path here.

use crate::error::IpcError;
use crate::state::AppState;
use chrono::Utc;
use reciprocity::model::Relationship;
use reciprocity::transfer::backups::{self, Backup, BackupKind};
use reciprocity::transfer::{
    csv_export, daylio, document, ImportFormat, ImportOptions, ImportSummary,
};
use serde::Serialize;
use std::path::PathBuf;
use tauri::State;
use ts_rs::TS;

type Reply<T> = Result<T, IpcError>;

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExportCounts {
    pub people: u32,
    pub exchanges: u32,
    pub checkins: u32,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[tauri::command(rename_all = "snake_case")]
pub fn export_json(state: State<'_, AppState>, path: PathBuf) -> Reply<ExportCounts> {
    let doc = state.read(|j| document::export_json(j, &path, Utc::now()))?;
    Ok(ExportCounts {
        people: count(doc.people.len()),
        exchanges: count(doc.exchanges.len()),
        checkins: count(doc.checkins.len()),
    })
}

#[tauri::command(rename_all = "snake_case")]
pub fn export_csv(state: State<'_, AppState>, path: PathBuf) -> Reply<ExportCounts> {
    let rows = state.read(|j| csv_export::export_csv(j, &path))?;
    Ok(ExportCounts {
        people: 0,
        exchanges: count(rows),
        checkins: 0,
    })
}

/// The format a file's name (and, for JSON, its first lines) suggests.
#[tauri::command(rename_all = "snake_case")]
pub fn detect_import_format(path: PathBuf) -> Option<ImportFormat> {
    ImportFormat::detect(&path)
}

/// The mood labels in a Daylio export that need a place on −2..=2 before it can be imported.
#[tauri::command(rename_all = "snake_case")]
pub fn daylio_unknown_moods(path: PathBuf) -> Reply<Vec<String>> {
    Ok(daylio::unknown_moods(&path, &daylio::default_moods())?)
}

/// Imports the file in one transaction (after a backup); `moods` are `label=N` mappings.
#[tauri::command(rename_all = "snake_case")]
pub fn import_file(
    state: State<'_, AppState>,
    path: PathBuf,
    format: ImportFormat,
    relationship: Option<Relationship>,
    moods: Vec<String>,
) -> Reply<ImportSummary> {
    let mut options = ImportOptions {
        moods: daylio::moods_with(&moods)?,
        ..ImportOptions::default()
    };
    options.relationship = relationship.unwrap_or(options.relationship);
    state.write(|j| reciprocity::transfer::import_file(j, &path, format, &options, Utc::now()))
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_backups(state: State<'_, AppState>) -> Reply<Vec<Backup>> {
    state.read(|j| match j.path() {
        Some(path) => backups::list_backups(path),
        None => Ok(Vec::new()),
    })
}

#[tauri::command(rename_all = "snake_case")]
pub fn make_backup(state: State<'_, AppState>) -> Reply<Backup> {
    state.read(|j| backups::make_backup(j, BackupKind::Manual, Utc::now()))
}

/// Replaces the journal with the one in `path` after checking it; returns the backup of the
/// journal as it was.
#[tauri::command(rename_all = "snake_case")]
pub fn restore_backup(state: State<'_, AppState>, path: PathBuf) -> Reply<Backup> {
    state.write(|j| backups::restore(j, &path, Utc::now()))
}
