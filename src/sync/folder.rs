//! The sync folder on disk: `<folder>/<device>/<seq>.rjc`, one folder per device.
//!
//! Invariants:
//! - A published file is never modified: it is written under a temporary name, synced, and
//!   linked to its final name, which fails rather than replace a file already there.
//! - Only names of our exact shape are read; copies a file-sync engine makes
//!   (`*.sync-conflict-*`), temporary files and anything else are ignored.
//! - A folder holding the live journal is refused: the engine would copy a database in use.

use crate::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// A change file found in the folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    pub device: String,
    pub seq: i64,
    pub path: PathBuf,
}

impl Found {
    /// `device/seq.rjc`, how messages name it.
    pub fn name(&self) -> String {
        format!("{}/{}", self.device, file_name(self.seq))
    }
}

/// Zero-padded so a folder lists in order in every file manager and engine.
pub fn file_name(seq: i64) -> String {
    format!("{seq:08}.rjc")
}

fn parse_name(name: &str) -> Option<i64> {
    let digits = name.strip_suffix(".rjc")?;
    if digits.is_empty() || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|&s| s > 0)
}

fn io(context: String) -> impl FnOnce(std::io::Error) -> Error {
    move |source| Error::Io { context, source }
}

/// Refuses a folder that is missing, is not a folder, or holds the journal itself.
pub fn check(folder: &Path, journal: Option<&Path>) -> Result<PathBuf> {
    let real = folder.canonicalize().map_err(|_| {
        Error::invalid("folder", format!("{} is not a folder that exists; create it (or let your sync engine create it) first", folder.display()))
    })?;
    if !real.is_dir() {
        return Err(Error::invalid(
            "folder",
            format!("{} is a file, not a folder", folder.display()),
        ));
    }
    let journal = journal.and_then(|j| j.canonicalize().ok());
    if journal.is_some_and(|j| j.starts_with(&real)) {
        return Err(Error::invalid(
            "folder",
            format!(
                "{} holds the journal itself; a sync engine must never copy a database in use, \
                 so choose a folder of its own",
                folder.display()
            ),
        ));
    }
    Ok(real)
}

/// Every change file of devices other than `me`, in (device, sequence) order.
pub fn list_others(folder: &Path, me: &str) -> Result<Vec<Found>> {
    let mut out = Vec::new();
    let entries =
        std::fs::read_dir(folder).map_err(io(format!("cannot read {}", folder.display())))?;
    for entry in entries.flatten() {
        let device = entry.file_name().to_string_lossy().into_owned();
        if device == me || !super::state::is_device_id(&device) || !entry.path().is_dir() {
            continue;
        }
        out.extend(list_device(&entry.path(), &device));
    }
    out.sort();
    Ok(out)
}

fn list_device(dir: &Path, device: &str) -> Vec<Found> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let seq = parse_name(&e.file_name().to_string_lossy())?;
            Some(Found {
                device: device.into(),
                seq,
                path: e.path(),
            })
        })
        .collect()
}

/// The next free sequence for `device`: after both what the journal recorded and what the
/// folder holds (a file published by a sync whose transaction did not commit).
pub fn next_seq(folder: &Path, device: &str, recorded: i64) -> i64 {
    let on_disk = list_device(&folder.join(device), device)
        .iter()
        .map(|f| f.seq)
        .max()
        .unwrap_or(0);
    recorded.max(on_disk) + 1
}

/// Publishes `bytes` as `<folder>/<device>/<seq>.rjc`; fails if that name is taken.
pub fn publish(folder: &Path, device: &str, seq: i64, bytes: &[u8]) -> Result<PathBuf> {
    let dir = folder.join(device);
    std::fs::create_dir_all(&dir).map_err(io(format!("cannot create {}", dir.display())))?;
    let target = dir.join(file_name(seq));
    let temp = dir.join(format!(".{}.tmp-{}", file_name(seq), std::process::id()));
    let written = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&temp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::hard_link(&temp, &target).or_else(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => Err(e),
            // File systems without hard links: rename, after checking the name is free.
            _ if !target.exists() => std::fs::rename(&temp, &target),
            _ => Err(e),
        })
    })();
    let _ = std::fs::remove_file(&temp);
    written.map_err(io(format!("cannot write {}", target.display())))?;
    crate::journal::sync_dir(&target);
    Ok(target)
}
