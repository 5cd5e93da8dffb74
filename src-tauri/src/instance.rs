//! One app per journal: a second launch on the same journal file hands its command line to
//! the running app (which comes to the front, and opens the quick log for `--log`) and exits.
//!
//! "The same instance" means the same journal file, not just the same program: the instance's
//! name on the session bus carries a hash of the journal's path. So the app on your own
//! journal and an app opened on another file (`RECIPROCITY_DB`, as every end-to-end test does
//! with its own temporary journal) never mistake each other for a second launch, while two
//! launches on one file always do.

use crate::desktop::deliver;
use reciprocity::api::desktop::launch_request;
use std::path::Path;

/// The instance's name for the journal at `journal` (absolute, so a relative path and its
/// absolute form agree): the app's identifier and a hash of the path, as the session bus
/// allows in a name (letters, digits and dots; no element starting with a digit).
pub fn instance_id(identifier: &str, journal: &Path) -> String {
    let absolute = std::path::absolute(journal).unwrap_or_else(|_| journal.to_path_buf());
    // FNV-1a: stable across builds and platforms, unlike the standard library's hasher.
    let hash = absolute
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{identifier}.j{hash:016x}")
}

/// The single-instance plugin for the journal at `journal`; `None` (no single-instance check)
/// when no journal path could be worked out, as the app then only shows why.
pub fn plugin(
    identifier: &str,
    journal: Option<&Path>,
) -> Option<tauri::plugin::TauriPlugin<tauri::Wry>> {
    let id = instance_id(identifier, journal?);
    Some(
        tauri_plugin_single_instance::Builder::new()
            .dbus_id(id)
            .callback(|app, args, _cwd| deliver(app, launch_request(&args)))
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const APP: &str = "app.reciprocity.journal";

    #[test]
    fn two_launches_on_one_journal_are_one_instance() {
        let a = instance_id(APP, Path::new("/home/sam/.local/share/j/journal.sqlite3"));
        let b = instance_id(APP, Path::new("/home/sam/.local/share/j/journal.sqlite3"));
        assert_eq!(a, b);
    }

    #[test]
    fn apps_on_different_journals_never_take_each_other_for_a_second_launch() {
        let own = instance_id(APP, Path::new("/home/sam/.local/share/j/journal.sqlite3"));
        let test = instance_id(APP, Path::new("/tmp/recip-e2e-log-Ab12/journal.sqlite3"));
        assert_ne!(own, test);
    }

    #[test]
    fn the_instance_name_is_one_the_session_bus_accepts() {
        let id = instance_id(APP, Path::new("/tmp/ä journal/1.sqlite3"));
        assert!(id.starts_with("app.reciprocity.journal.j"));
        for element in id.split('.') {
            assert!(!element.is_empty() && !element.starts_with(|c: char| c.is_ascii_digit()));
            assert!(element.chars().all(|c| c.is_ascii_alphanumeric()), "{id}");
        }
    }
}
