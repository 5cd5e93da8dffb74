//! Several journals sharing one sync folder, for the sync tests.
#![allow(dead_code)]

use chrono::Utc;
use reciprocity::journal::Journal;
use reciprocity::model::{Direction, ExchangeInput, PersonInput, Relationship};
use reciprocity::sync::{self, SyncReport};
use std::path::{Path, PathBuf};

pub struct Devices {
    pub dir: tempfile::TempDir,
    pub folder: PathBuf,
    pub journals: Vec<Journal>,
}

impl Devices {
    /// `n` journals, each in a folder of its own, all syncing through one folder.
    pub fn new(n: usize) -> Devices {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("shared");
        std::fs::create_dir(&folder).unwrap();
        let journals = (0..n)
            .map(|i| {
                let home = dir.path().join(format!("device{i}"));
                std::fs::create_dir(&home).unwrap();
                let mut j = Journal::open(&home.join("journal.sqlite3")).unwrap();
                sync::set_folder(&mut j, &folder).unwrap();
                j
            })
            .collect();
        Devices {
            dir,
            folder,
            journals,
        }
    }

    /// `n` journals, each syncing through a folder of its own: files move only when a test
    /// delivers them, as a file-sync engine would (late, twice, out of order …).
    pub fn apart(n: usize) -> Devices {
        let dir = tempfile::tempdir().unwrap();
        let journals = (0..n)
            .map(|i| {
                let home = dir.path().join(format!("device{i}"));
                let folder = dir.path().join(format!("folder{i}"));
                std::fs::create_dir(&home).unwrap();
                std::fs::create_dir(&folder).unwrap();
                let mut j = Journal::open(&home.join("journal.sqlite3")).unwrap();
                sync::set_folder(&mut j, &folder).unwrap();
                j
            })
            .collect();
        let folder = dir.path().to_path_buf();
        Devices {
            dir,
            folder,
            journals,
        }
    }

    /// Device `i`'s own folder when apart.
    pub fn folder_of(&self, i: usize) -> PathBuf {
        self.dir.path().join(format!("folder{i}"))
    }

    /// Copies `file` (a path inside some device's folder) into device `to`'s folder, under
    /// `name` in the same device folder.
    pub fn deliver_as(&self, file: &Path, to: usize, name: &str) {
        let device = file.parent().unwrap().file_name().unwrap();
        let dest = self.folder_of(to).join(device);
        std::fs::create_dir_all(&dest).unwrap();
        std::fs::copy(file, dest.join(name)).unwrap();
    }

    pub fn deliver(&self, file: &Path, to: usize) {
        self.deliver_as(file, to, file.file_name().unwrap().to_str().unwrap());
    }

    pub fn sync(&mut self, i: usize) -> SyncReport {
        sync::sync_now(&mut self.journals[i], None, Utc::now()).unwrap()
    }

    /// Every device syncs, twice round, so each has read everyone's files.
    pub fn sync_all(&mut self) {
        for _ in 0..2 {
            for i in 0..self.journals.len() {
                self.sync(i);
            }
        }
    }

    pub fn export(&self, i: usize) -> String {
        export_of(&self.journals[i])
    }
}

/// The journal's JSON export, with a fixed export time, for comparing devices.
pub fn export_of(j: &Journal) -> String {
    let at = chrono::DateTime::from_timestamp(0, 0).unwrap();
    reciprocity::transfer::document::Document::from_journal(j, at)
        .unwrap()
        .to_json()
}

pub fn person(j: &mut Journal, name: &str) -> String {
    j.add_person(&PersonInput {
        name: name.into(),
        relationship: Relationship::Friend,
        notes: String::new(),
    })
    .unwrap()
    .id
}

pub fn favour(j: &mut Journal, person: &str, what: &str) -> String {
    j.add_exchange(&favour_input(person, what)).unwrap().id
}

pub fn favour_input(person: &str, what: &str) -> ExchangeInput {
    let on = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    ExchangeInput::new(person, Direction::Given, on, what)
}

/// The change files in the folder, as `device/name`.
pub fn files(folder: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for d in std::fs::read_dir(folder).unwrap().flatten() {
        if d.path().is_dir() {
            for f in std::fs::read_dir(d.path()).unwrap().flatten() {
                out.push(f.path());
            }
        }
    }
    out.sort();
    out
}
