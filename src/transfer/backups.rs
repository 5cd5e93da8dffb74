//! Automatic and manual backups in a `backups/` folder beside the journal.
//!
//! Names are `<journal stem>-<kind>-<UTC time>.sqlite3`, so the folder sorts by time and
//! several journals can share it. Policy: one `daily` backup the first time the journal is
//! opened each day, keeping 7 daily and 4 weekly (the newest of each older ISO week); one
//! before every migration, import and restore, keeping the newest 5 of each; `manual` ones
//! are never removed.
//!
//! Invariants: a file gets a backup's name only once written, synced and checked in full (see
//! `Journal::snapshot_to`), so a backup that a kill or a full disk cut short is never listed
//! and never counts as the day's; temporary files such a failure leaves are removed later.

use crate::journal::Journal;
use crate::{Error, Result};
use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    Daily,
    Manual,
    BeforeMigration,
    BeforeImport,
    BeforeRestore,
    BeforePassphrase,
}

impl BackupKind {
    const ALL: [BackupKind; 6] = [
        BackupKind::Daily,
        BackupKind::Manual,
        BackupKind::BeforeMigration,
        BackupKind::BeforeImport,
        BackupKind::BeforeRestore,
        BackupKind::BeforePassphrase,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::Manual => "manual",
            BackupKind::BeforeMigration => "before-migration",
            BackupKind::BeforeImport => "before-import",
            BackupKind::BeforeRestore => "before-restore",
            BackupKind::BeforePassphrase => "before-passphrase",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Backup {
    #[ts(type = "string")]
    pub path: PathBuf,
    pub kind: BackupKind,
    pub taken_at: DateTime<Utc>,
    #[ts(type = "number")]
    pub bytes: u64,
}

const STAMP: &str = "%Y%m%dT%H%M%S%.3fZ";

fn stem(journal_path: &Path) -> String {
    journal_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "journal".into())
}

/// The folder beside the journal that holds its backups.
pub fn backup_dir(journal_path: &Path) -> PathBuf {
    journal_path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// Where a backup of `kind` taken at `at` goes.
pub fn backup_path(journal_path: &Path, kind: BackupKind, at: DateTime<Utc>) -> PathBuf {
    backup_dir(journal_path).join(format!(
        "{}-{}-{}.sqlite3",
        stem(journal_path),
        kind.as_str(),
        at.format(STAMP)
    ))
}

fn parse_name(journal_path: &Path, file_name: &str) -> Option<(BackupKind, DateTime<Utc>)> {
    let rest = file_name
        .strip_prefix(&format!("{}-", stem(journal_path)))?
        .strip_suffix(".sqlite3")?;
    BackupKind::ALL.iter().find_map(|kind| {
        let stamp = rest.strip_prefix(&format!("{}-", kind.as_str()))?;
        let t = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
        Some((*kind, t.and_utc()))
    })
}

/// This journal's backups, newest first.
pub fn list_backups(journal_path: &Path) -> Result<Vec<Backup>> {
    let dir = backup_dir(journal_path);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(Error::Io {
                context: format!("cannot read {}", dir.display()),
                source: e,
            })
        }
    };
    let mut all: Vec<Backup> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let (kind, taken_at) = parse_name(journal_path, &name)?;
            let bytes = e.metadata().ok()?.len();
            // Files from older versions were named before they were checked: skip any that
            // is empty or was cut short (its rollback journal still beside it).
            let cut_short = dir.join(format!("{name}-journal")).exists();
            (bytes > 0 && !cut_short).then(|| Backup {
                path: e.path(),
                kind,
                taken_at,
                bytes,
            })
        })
        .collect();
    all.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
    Ok(all)
}

/// Removes temporary files that a backup killed part-way left in the folder.
fn remove_leftovers(journal_path: &Path) {
    let Ok(entries) = std::fs::read_dir(backup_dir(journal_path)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((_, rest)) = name.split_once(".sqlite3.partial-") else {
            continue;
        };
        let pid = crate::journal::leftover_pid(rest);
        if pid.is_some_and(|pid| !crate::journal::process_alive(pid)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether the day's backup of the journal at `journal_path` was taken on `now`'s date.
pub fn daily_backup_taken(journal_path: &Path, now: DateTime<Utc>) -> bool {
    let today = now.date_naive();
    list_backups(journal_path).is_ok_and(|all| {
        all.iter()
            .any(|b| b.kind == BackupKind::Daily && b.taken_at.date_naive() == today)
    })
}

/// Takes a backup of `kind` now and applies the keeping policy.
pub fn make_backup(journal: &Journal, kind: BackupKind, now: DateTime<Utc>) -> Result<Backup> {
    let journal_path = journal.path().ok_or_else(|| {
        Error::invalid("path", "a journal that lives only in memory has no backups")
    })?;
    remove_leftovers(journal_path);
    let path = backup_path(journal_path, kind, now);
    journal.snapshot_to(&path)?;
    prune(journal_path)?;
    Ok(Backup {
        bytes: std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0),
        path,
        kind,
        taken_at: now,
    })
}

/// Takes the day's backup unless one was already taken on `now`'s date.
pub fn daily_backup_if_due(journal: &Journal, now: DateTime<Utc>) -> Result<Option<Backup>> {
    let Some(journal_path) = journal.path() else {
        return Ok(None);
    };
    if daily_backup_taken(journal_path, now) {
        return Ok(None);
    }
    make_backup(journal, BackupKind::Daily, now).map(Some)
}

/// The backups the policy no longer keeps.
pub fn expired(backups: &[Backup]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut weeks_kept: Vec<(i32, u32)> = Vec::new();
    let mut daily_seen = 0;
    let mut per_kind = [0usize; BackupKind::ALL.len()];
    for b in backups {
        match b.kind {
            BackupKind::Manual => {}
            BackupKind::Daily => {
                daily_seen += 1;
                if daily_seen <= 7 {
                    continue;
                }
                let week = b.taken_at.iso_week();
                let key = (week.year(), week.week());
                if weeks_kept.len() < 4 && !weeks_kept.contains(&key) {
                    weeks_kept.push(key);
                } else {
                    out.push(b.path.clone());
                }
            }
            kind => {
                let i = BackupKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
                per_kind[i] += 1;
                if per_kind[i] > 5 {
                    out.push(b.path.clone());
                }
            }
        }
    }
    out
}

/// Removes the backups the policy no longer keeps.
pub fn prune(journal_path: &Path) -> Result<()> {
    for path in expired(&list_backups(journal_path)?) {
        std::fs::remove_file(&path).map_err(|e| Error::Io {
            context: format!("cannot remove the old backup {}", path.display()),
            source: e,
        })?;
    }
    Ok(())
}

/// Replaces the journal with the one in `source`, after checking `source` is a sound journal
/// and keeping the current journal as a backup. Returns that safety backup. A `source`
/// protected by another passphrase than the journal's opens with `passphrase`.
pub fn restore(
    journal: &mut Journal,
    source: &Path,
    passphrase: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Backup> {
    let copy = journal.verified_copy(source, passphrase)?;
    let safety = make_backup(journal, BackupKind::BeforeRestore, now)?;
    journal.replace_with_copy(&copy)?;
    Ok(safety)
}
