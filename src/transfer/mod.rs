//! Taking data out of the journal and bringing it in: the versioned JSON backup document,
//! CSV export, and imports from other tools. Every import is all-or-nothing: the file is read
//! and checked in full before anything is written, a problem names the file, the line or
//! record, and the field, and the journal is then left exactly as it was.

pub mod backups;
mod check;
pub mod csv_export;
pub mod csv_requests;
pub mod daylio;
pub mod document;
mod document_stream;
pub mod monica;
mod request_document;
pub mod vcard;

use crate::journal::{Journal, MergeSummary};
use crate::model::Relationship;
use crate::Error;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// The kinds of file `import_file` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportFormat {
    /// This journal's own JSON document.
    Json,
    /// vCard 3.0 or 4.0 contacts.
    Vcard,
    /// A Monica (v4) JSON export.
    Monica,
    /// A Daylio CSV export.
    Daylio,
}

impl ImportFormat {
    /// The format a file's name suggests; for `.json`, a peek inside tells this journal's
    /// own export from Monica's.
    pub fn detect(path: &Path) -> Option<ImportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => {
                let head: String = read_head(path).chars().take(4096).collect();
                let monica =
                    head.contains("\"account\"") && !head.contains("\"reciprocity-journal\"");
                Some(if monica {
                    ImportFormat::Monica
                } else {
                    ImportFormat::Json
                })
            }
            "vcf" | "vcard" => Some(ImportFormat::Vcard),
            "csv" => Some(ImportFormat::Daylio),
            _ => None,
        }
    }
}

/// The text at the start of `path` (up to 16 KB), or nothing when it is not UTF-8 text; a
/// backup can be hundreds of megabytes, so the rest is not read.
fn read_head(path: &Path) -> String {
    use std::io::Read;
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(16 * 1024).read_to_end(&mut bytes));
    if read.is_err() {
        return String::new();
    }
    match std::str::from_utf8(&bytes) {
        Ok(text) => text.to_string(),
        // A character cut by the 16 KB limit: keep what comes before it.
        Err(e) if e.error_len().is_none() => {
            String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned()
        }
        Err(_) => String::new(),
    }
}

/// Options that some formats use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// The relationship given to people from a contacts file or Monica.
    pub relationship: Relationship,
    /// Daylio mood labels (lower case) and where they sit on −2..=2.
    pub moods: std::collections::HashMap<String, i8>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            relationship: Relationship::Acquaintance,
            moods: daylio::default_moods(),
        }
    }
}

/// Reads and checks the file in full, keeps a backup of the journal, then merges the records
/// in one transaction. Any problem leaves the journal unchanged.
pub fn import_file(
    journal: &mut Journal,
    path: &Path,
    format: ImportFormat,
    options: &ImportOptions,
    now: DateTime<Utc>,
) -> crate::Result<ImportSummary> {
    let (mut records, skipped) = match format {
        ImportFormat::Json => (document::read_json_records(path, journal)?, Vec::new()),
        ImportFormat::Vcard => vcard::read_vcard_records(journal, path, options.relationship, now)?,
        ImportFormat::Monica => monica::read_monica_records(path, options.relationship, now)?,
        ImportFormat::Daylio => (
            daylio::read_daylio_records(path, &options.moods)?,
            Vec::new(),
        ),
    };
    check::check_records(path, &mut records)?;
    if journal.path().is_some() {
        backups::make_backup(journal, backups::BackupKind::BeforeImport, now)?;
    }
    let merged = journal.merge_records(&records)?;
    Ok(ImportSummary { merged, skipped })
}

/// What an import did, for the summary shown on success.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ImportSummary {
    pub merged: MergeSummary,
    /// Records in the file that were not taken in, each with the reason.
    pub skipped: Vec<String>,
}

impl ImportSummary {
    /// One paragraph a person can read.
    pub fn describe(&self) -> String {
        let m = &self.merged;
        let mut out = format!(
            "People: {} added, {} updated, {} already up to date.\n\
             Exchanges: {} added, {} updated, {} already up to date.\n\
             Check-ins: {} added, {} updated, {} already up to date.\n\
             Dismissed insights: {} added, {} updated; settings: {} added, {} updated.",
            m.people.added,
            m.people.updated,
            m.people.unchanged,
            m.exchanges.added,
            m.exchanges.updated,
            m.exchanges.unchanged,
            m.checkins.added,
            m.checkins.updated,
            m.checkins.unchanged,
            m.dismissals.added,
            m.dismissals.updated,
            m.settings.added,
            m.settings.updated
        );
        // Files without asks (every format but the backup) keep their familiar summary.
        if let Some(r) = &m.requests {
            out.push_str(&format!(
                "\nAsks: {} added, {} updated, {} already up to date.",
                r.added, r.updated, r.unchanged
            ));
        }
        if !self.skipped.is_empty() {
            out.push_str(&format!("\nSkipped {}:", self.skipped.len()));
            for s in &self.skipped {
                out.push_str(&format!("\n  - {s}"));
            }
        }
        out
    }
}

/// An import problem at `location` in `file`.
pub(crate) fn problem(
    file: &Path,
    location: impl Into<String>,
    message: impl Into<String>,
) -> Error {
    Error::Import {
        file: file.display().to_string(),
        location: location.into(),
        message: message.into(),
    }
}

/// Reads a file to import as UTF-8 text, refusing binary data and huge files with a message.
pub(crate) fn read_text(path: &Path) -> crate::Result<String> {
    const MAX_BYTES: u64 = 256 * 1024 * 1024;
    let meta = std::fs::metadata(path).map_err(|e| Error::Io {
        context: format!("cannot read {}", path.display()),
        source: e,
    })?;
    if meta.len() > MAX_BYTES {
        return Err(problem(
            path,
            "the file",
            "is larger than 256 MB; nothing was imported",
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        context: format!("cannot read {}", path.display()),
        source: e,
    })?;
    if bytes.contains(&0) {
        return Err(problem(
            path,
            "the file",
            "holds binary data, not text; nothing was imported",
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        problem(
            path,
            format!("byte {}", e.utf8_error().valid_up_to()),
            "the file is not UTF-8 text; nothing was imported",
        )
    })?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// Writes `bytes` to `path` through a temporary file and a rename, so a crash never leaves a
/// half-written export where a good one was.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> crate::Result<()> {
    use std::io::Write;
    let io = |e: std::io::Error| Error::Io {
        context: format!("cannot write {}", path.display()),
        source: e,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(Error::invalid(
            "path",
            format!(
                "cannot write {}: the folder {} does not exist",
                path.display(),
                dir.display()
            ),
        ));
    }
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    // The rename itself is durable only once the folder is synced.
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}
