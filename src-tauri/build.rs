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
    "export_json",
    "export_csv",
    "detect_import_format",
    "daylio_unknown_moods",
    "import_file",
    "list_backups",
    "make_backup",
    "restore_backup",
    "review_report",
    "list_references",
    "dismiss_insight",
    "snooze_insight",
    "restore_insight",
    "get_insight_settings",
    "default_insight_settings",
    "save_insight_settings",
    "get_review_prefs",
    "save_review_prefs",
    "checkin_reminder",
    "person_feelings",
];

/// The app embeds `ui/dist` at compile time. On a fresh checkout (before `make ui`) a
/// placeholder page keeps `cargo build` and `cargo test` working; the Makefile always builds
/// the real UI first.
fn ensure_ui_dist() {
    let dist = std::path::Path::new("../ui/dist");
    if !dist.join("index.html").exists() {
        std::fs::create_dir_all(dist).expect("create ui/dist");
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><meta charset=\"utf-8\"><title>Reciprocity Journal</title>\n\
             <p>The interface has not been built: run <code>make run</code>.</p>\n",
        )
        .expect("write the placeholder ui/dist/index.html");
    }
}

fn main() {
    ensure_ui_dist();
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
