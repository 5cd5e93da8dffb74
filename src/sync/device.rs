//! This copy's device id, kept outside the journal in `<journal>.device` beside it, with the
//! machine, the journal's path and the last sequence it published.
//!
//! Why outside: a journal copied to another machine, or restored from a backup, must not write
//! under the id of the copy it came from (two writers of one `<device>/<seq>.rjc` would
//! overwrite each other's files). The journal also records its id; when the two disagree, or
//! the file was made on another machine or for another path, or the journal is behind what
//! was published under that id (a restored backup), this copy takes a new id.
//!
//! The journal's triggers read the id from its `sync_clock` row, so any program that writes
//! the journal (a SQLite shell included) stamps rows correctly without knowing about sync.

use super::crypt::{random_bytes, to_hex};
use crate::journal::Journal;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct DeviceFile {
    device: String,
    machine: String,
    path: String,
    published: i64,
}

fn device_file(journal: &Path) -> PathBuf {
    let mut name = journal.as_os_str().to_owned();
    name.push(".device");
    PathBuf::from(name)
}

/// Something that tells this machine from another (the OS's machine id, else the host name).
fn machine() -> String {
    for p in ["/etc/machine-id", "/var/lib/dbus/machine-id"] {
        if let Ok(t) = std::fs::read_to_string(p) {
            if !t.trim().is_empty() {
                return t.trim().to_string();
            }
        }
    }
    std::env::var("HOSTNAME")
        .or_else(|_| std::env::var("COMPUTERNAME"))
        .unwrap_or_default()
}

fn canonical(journal: &Path) -> String {
    journal
        .canonicalize()
        .unwrap_or_else(|_| journal.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

fn read(journal: &Path) -> Option<DeviceFile> {
    let text = std::fs::read_to_string(device_file(journal)).ok()?;
    serde_json::from_str(&text).ok()
}

fn write(journal: &Path, f: &DeviceFile) -> Result<()> {
    let path = device_file(journal);
    let mut temp = path.clone().into_os_string();
    temp.push(format!(".tmp-{}", std::process::id()));
    let text = serde_json::to_string_pretty(f).unwrap_or_default();
    std::fs::write(&temp, text)
        .and_then(|()| std::fs::rename(&temp, &path))
        .map_err(|source| Error::Io {
            context: format!("cannot write {}", path.display()),
            source,
        })
}

/// A new random device id: 16 hex digits.
fn new_id() -> Result<String> {
    Ok(to_hex(&random_bytes::<8>()?))
}

/// The device id this copy writes under: the one it has when that is still its own, a new one
/// when sync was never set up or the journal is a copy (see the module doc).
pub fn ensure(journal: &mut Journal, published: i64) -> Result<String> {
    let recorded = journal.sync_device()?;
    let Some(path) = journal.path().map(Path::to_path_buf) else {
        if recorded.is_empty() {
            let id = new_id()?;
            journal.set_sync_device(&id)?;
            return Ok(id);
        }
        return Ok(recorded);
    };
    let expected = DeviceFile {
        device: recorded.clone(),
        machine: machine(),
        path: canonical(&path),
        published,
    };
    let own = read(&path).is_some_and(|f| {
        f.device == expected.device
            && f.machine == expected.machine
            && f.path == expected.path
            && f.published <= published
    });
    if !recorded.is_empty() && own {
        return Ok(recorded);
    }
    let id = new_id()?;
    journal.set_sync_device(&id)?;
    write(
        &path,
        &DeviceFile {
            device: id.clone(),
            published: 0,
            ..expected
        },
    )?;
    Ok(id)
}

/// Records that `seq` was published under this copy's id.
pub fn record_published(journal: &Journal, device: &str, seq: i64) -> Result<()> {
    let Some(path) = journal.path() else {
        return Ok(());
    };
    write(
        path,
        &DeviceFile {
            device: device.into(),
            machine: machine(),
            path: canonical(path),
            published: seq,
        },
    )
}

/// At open: when sync was set up and this file is a copy, give it a new id before any write.
pub fn check_copy(journal: &mut Journal) -> Result<()> {
    if journal.sync_device()?.is_empty() {
        return Ok(());
    }
    let published = journal.last_published()?;
    ensure(journal, published).map(drop)
}
