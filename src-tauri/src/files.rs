//! Files the user chose in a native dialog during this session. The dialog runs here, in the
//! shell; the window only ever holds an opaque token for the chosen file, and the file
//! commands act on a path only when its token was handed out for that purpose. So nothing
//! that runs in the window can name another file to read or overwrite.
//!
//! Debug builds (the end-to-end tests drive them) can answer dialogs from a file named by
//! `RECIPROCITY_TEST_DIALOG_ANSWERS`, one path a line, since WebDriver cannot reach a native
//! dialog; release builds have no such hook.

use crate::IpcError;
use reciprocity::api::data::{ChosenFile, FilePurpose};
use reciprocity::ErrorCode;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

#[derive(Default)]
pub struct ChosenFiles {
    by_token: Mutex<HashMap<String, (FilePurpose, PathBuf)>>,
}

impl ChosenFiles {
    /// Notes a file the user chose and hands out its token.
    pub fn remember(&self, purpose: FilePurpose, path: PathBuf) -> ChosenFile {
        let token = reciprocity::model::new_id();
        let chosen = ChosenFile {
            token: token.clone(),
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            path: path.display().to_string(),
        };
        self.lock().insert(token, (purpose, path));
        chosen
    }

    /// The path behind `token`, if it was chosen for one of `purposes`.
    pub fn path(&self, token: &str, purposes: &[FilePurpose]) -> Result<PathBuf, IpcError> {
        match self.lock().get(token) {
            Some((purpose, path)) if purposes.contains(purpose) => Ok(path.clone()),
            _ => Err(IpcError {
                code: ErrorCode::NotChosen,
                message: "choose the file in the dialog first".into(),
                field: Some("file".into()),
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (FilePurpose, PathBuf)>> {
        self.by_token.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The dialog's title, filter and suggested name for each purpose.
fn dialog_for(purpose: FilePurpose) -> (&'static str, &'static str, &'static [&'static str]) {
    match purpose {
        FilePurpose::ExportJson => (
            "Export your journal (the file is not encrypted)",
            "Journal export (JSON)",
            &["json"],
        ),
        FilePurpose::ExportCsv => (
            "Export your exchanges (the file is not encrypted)",
            "Spreadsheet (CSV)",
            &["csv"],
        ),
        FilePurpose::Import => (
            "Import into your journal",
            "Journal, vCard, Monica or Daylio",
            &["json", "vcf", "vcard", "csv"],
        ),
        FilePurpose::Restore => (
            "Restore your journal from a file",
            "Journal backup",
            &["sqlite3", "sqlite", "db"],
        ),
        // A folder dialog has no filter.
        FilePurpose::SyncFolder => ("Choose the folder to sync through", "", &[]),
    }
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Shows the native dialog for `purpose`; `None` when the user cancels.
pub fn choose(app: &AppHandle, purpose: FilePurpose) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    let (title, filter, extensions) = dialog_for(purpose);
    let mut dialog = app.dialog().file().set_title(title);
    if !extensions.is_empty() {
        dialog = dialog.add_filter(filter, extensions);
    }
    let chosen = match purpose {
        FilePurpose::ExportJson => dialog
            .set_file_name(format!("reciprocity-journal-{}.json", today()))
            .set_can_create_directories(true)
            .blocking_save_file(),
        FilePurpose::ExportCsv => dialog
            .set_file_name(format!("reciprocity-journal-{}.csv", today()))
            .set_can_create_directories(true)
            .blocking_save_file(),
        FilePurpose::Import | FilePurpose::Restore => dialog.blocking_pick_file(),
        FilePurpose::SyncFolder => dialog
            .set_can_create_directories(true)
            .blocking_pick_folder(),
    };
    chosen.and_then(|f| f.into_path().ok())
}

/// The next answer from the test file: `Some(None)` for an empty line (a cancelled dialog),
/// `None` when no test file is set or it has no answers left, and always in release builds.
#[cfg(not(debug_assertions))]
fn test_answer() -> Option<Option<PathBuf>> {
    None
}

/// The next answer from the test file: `Some(None)` for an empty line (a cancelled dialog),
/// `None` when no test file is set or it has no answers left.
#[cfg(debug_assertions)]
fn test_answer() -> Option<Option<PathBuf>> {
    let file = std::env::var_os("RECIPROCITY_TEST_DIALOG_ANSWERS")?;
    let text = std::fs::read_to_string(&file).ok()?;
    let mut lines = text.lines();
    let first = lines.next()?.to_string();
    let rest: Vec<&str> = lines.collect();
    std::fs::write(&file, rest.join("\n")).ok()?;
    Some((!first.trim().is_empty()).then(|| PathBuf::from(first.trim())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_debug_builds_answer_a_dialog_from_the_test_file() {
        let dir = tempfile::tempdir().unwrap();
        let answers = dir.path().join("answers.txt");
        std::fs::write(&answers, "/tmp/chosen.json\n").unwrap();
        std::env::set_var("RECIPROCITY_TEST_DIALOG_ANSWERS", &answers);
        let answer = test_answer();
        std::env::remove_var("RECIPROCITY_TEST_DIALOG_ANSWERS");
        if cfg!(debug_assertions) {
            assert_eq!(answer, Some(Some(PathBuf::from("/tmp/chosen.json"))));
        } else {
            // `cargo test --release`: the hook is compiled out, the real dialog always asks.
            assert_eq!(answer, None);
            assert_eq!(
                std::fs::read_to_string(&answers).unwrap(),
                "/tmp/chosen.json\n"
            );
        }
    }
}
