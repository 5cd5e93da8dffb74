/// The app's own commands. Tauri generates an `allow-<command>` permission for each, and
/// `capabilities/default.json` grants exactly these to the main window.
const COMMANDS: &[&str] = &[
    "journal_status",
    "open_sample",
    "open_own_journal",
    "data_version",
    "list_people",
    "list_person_summaries",
    "get_person",
    "add_person",
    "update_person",
    "archive_person",
    "unarchive_person",
    "list_exchanges",
    "get_exchange",
    "add_exchange",
    "update_exchange",
    "delete_exchange",
    "restore_exchange",
    "settle_exchange",
    "search_exchanges",
    "add_checkin",
    "list_checkins",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
