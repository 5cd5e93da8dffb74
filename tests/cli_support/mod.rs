//! The `recip` binary on a journal of its own, for the CLI's integration tests.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A temporary journal and the commands run against it (`RECIPROCITY_DB` ignored).
pub struct Cli {
    _dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Cli {
    pub fn new() -> Cli {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("journal.sqlite3");
        Cli { _dir: dir, db }
    }

    pub fn cmd(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        Command::cargo_bin("recip")
            .unwrap()
            .env_remove("RECIPROCITY_DB")
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .assert()
    }

    /// The JSON a successful command prints.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd(args).success().get_output().stdout.clone();
        serde_json::from_slice(&out).expect("valid JSON")
    }

    /// The folder the journal (and its backups) live in.
    pub fn folder(&self) -> &Path {
        self.db.parent().unwrap()
    }
}
