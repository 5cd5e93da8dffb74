//! Reciprocity Journal's desktop shell: opens the journal and answers the window's calls
//! with the core's `api`. It knows nothing of SQL; the window never runs any.
//!
//! The commands are the ones in the core's `src/api/list.rs`: `ipc` dispatches each to its
//! core function (or, for `session` commands, to `session`), and the build script grants the
//! window exactly those.
//!
//! Beyond the window: one app per journal (`instance`), `--log` to open the quick log,
//! and the desktop choices of Settings (`desktop`, `tray`), all off until the user turns them
//! on; reminders come as system notifications (`reminders`).

pub mod desktop;
pub mod files;
pub mod instance;
pub mod ipc;
pub mod reminders;
pub mod session;
pub mod tray;

pub use reciprocity::api::journal::Problem as IpcError;
pub use session::AppState;

use desktop::{Desktop, MAIN_WINDOW};
use reciprocity::api::desktop::launch_request;
use reciprocity::journal::Journal;
use tauri::{Manager, WindowEvent};

/// Starts the app on the journal from `RECIPROCITY_DB` or the platform data directory; a
/// second launch on the same journal hands its arguments to the first and exits.
pub fn run() {
    let context = tauri::generate_context!();
    let journal = Journal::resolve_path(None).ok();
    let mut builder = tauri::Builder::default();
    // First, so a second launch exits before it opens the journal or a window.
    if let Some(one) = instance::plugin(&context.config().identifier, journal.as_deref()) {
        builder = builder.plugin(one);
    }
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(
            tauri_plugin_global_shortcut::Builder::new()
                .with_handler(desktop::on_shortcut)
                .build(),
        )
        .plugin(tauri_plugin_autostart::Builder::new().build())
        .manage(AppState::from_env())
        .manage(Desktop::default())
        .setup(|app| {
            let args: Vec<String> = std::env::args().collect();
            if let Some(request) = launch_request(&args) {
                app.state::<Desktop>().ask(request);
            }
            AppState::prepare_home(app.handle().clone());
            desktop::apply_stored(app.handle());
            reminders::start(app.handle().clone());
            Ok(())
        })
        .on_window_event(|window, event| {
            // With the tray on, closing the window keeps the app (and its reminders) running.
            if let WindowEvent::CloseRequested { api, .. } = event {
                if window.label() == MAIN_WINDOW && window.state::<Desktop>().keeps_in_tray() {
                    api.prevent_close();
                    let _ = window.hide();
                }
            }
        })
        .invoke_handler(ipc::handle)
        .run(context)
        .expect("error while running Reciprocity Journal");
}
