//! Reciprocity Journal's desktop shell: opens the journal and answers the window's calls
//! with the core's `api`. It knows nothing of SQL; the window never runs any.
//!
//! The commands are the ones in the core's `src/api/list.rs`: `ipc` dispatches each to its
//! core function (or, for `session` commands, to `session`), and the build script grants the
//! window exactly those.

pub mod files;
pub mod ipc;
pub mod reminders;
pub mod session;

pub use reciprocity::api::journal::Problem as IpcError;
pub use session::AppState;

/// Starts the app on the journal from `RECIPROCITY_DB` or the platform data directory.
pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .manage(AppState::from_env())
        .setup(|app| {
            reminders::start(app.handle().clone());
            Ok(())
        })
        .invoke_handler(ipc::handle)
        .run(tauri::generate_context!())
        .expect("error while running Reciprocity Journal");
}
