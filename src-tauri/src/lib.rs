//! Reciprocity Journal's desktop shell: opens the journal and exposes the core to the UI
//! through thin IPC commands. It knows nothing of SQL; the UI never runs any.

pub mod commands;
pub mod data;
pub mod error;
pub mod review;
pub mod state;

pub use error::IpcError;
pub use review::{CheckinReminder, FeelingMean, ReviewPrefs};
pub use state::{AppState, JournalStatus};

/// The commands the UI may call; `build.rs` grants exactly these to the main window.
#[macro_export]
macro_rules! journal_commands {
    () => {
        tauri::generate_handler![
            $crate::commands::journal_status,
            $crate::commands::open_sample,
            $crate::commands::open_own_journal,
            $crate::commands::data_version,
            $crate::commands::list_people,
            $crate::commands::list_person_summaries,
            $crate::commands::get_person,
            $crate::commands::add_person,
            $crate::commands::update_person,
            $crate::commands::archive_person,
            $crate::commands::unarchive_person,
            $crate::commands::list_exchanges,
            $crate::commands::get_exchange,
            $crate::commands::add_exchange,
            $crate::commands::update_exchange,
            $crate::commands::delete_exchange,
            $crate::commands::restore_exchange,
            $crate::commands::settle_exchange,
            $crate::commands::search_exchanges,
            $crate::commands::add_checkin,
            $crate::commands::list_checkins,
            $crate::data::export_json,
            $crate::data::export_csv,
            $crate::data::detect_import_format,
            $crate::data::daylio_unknown_moods,
            $crate::data::import_file,
            $crate::data::list_backups,
            $crate::data::make_backup,
            $crate::data::restore_backup,
            $crate::review::review_report,
            $crate::review::list_references,
            $crate::review::dismiss_insight,
            $crate::review::snooze_insight,
            $crate::review::restore_insight,
            $crate::review::get_insight_settings,
            $crate::review::default_insight_settings,
            $crate::review::save_insight_settings,
            $crate::review::get_review_prefs,
            $crate::review::save_review_prefs,
            $crate::review::checkin_reminder,
            $crate::review::person_feelings,
        ]
    };
}

/// Starts the app on the journal from `RECIPROCITY_DB` or the platform data directory.
pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .manage(AppState::from_env())
        .setup(|app| {
            review::start_reminders(app.handle().clone());
            Ok(())
        })
        .invoke_handler(journal_commands!())
        .run(tauri::generate_context!())
        .expect("error while running Reciprocity Journal");
}
