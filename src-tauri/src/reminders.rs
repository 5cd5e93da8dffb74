//! The check-in reminder as a system notification, where the user asked for one: checked
//! when the app starts and then every hour, shown at most once a day (the core decides when it
//! is due). The notification plugin's own schedule is ignored on desktop, so the app times it.

use crate::session::AppState;
use reciprocity::api::checkins::take_notification;
use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;

pub fn start(app: AppHandle) {
    std::thread::spawn(move || loop {
        let today = chrono::Local::now().date_naive();
        let state = app.state::<AppState>();
        if state
            .write(|j| take_notification(j, today))
            .unwrap_or(false)
        {
            let _ = app
                .notification()
                .builder()
                .title("Time for your check-in")
                .body("A minute to notice how giving and receiving sit with you this week.")
                .show();
        }
        std::thread::sleep(std::time::Duration::from_secs(3600));
    });
}
