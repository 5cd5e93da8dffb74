//! Reminders as system notifications, where the user asked for them: checked when the app
//! starts and then every quarter of an hour; the core decides which is due and keeps them to
//! one a day together (`reciprocity::api::reminders`). The notification plugin's own schedule
//! is ignored on desktop, so the app times them itself.
//!
//! A note of open favours also asks the window to open the open-loops list, which it does
//! when the user next comes to it (a desktop notification cannot open the app by itself).

use crate::desktop::Desktop;
use crate::session::AppState;
use reciprocity::api::prelude::DesktopRequest;
use reciprocity::api::reminders::{take_reminder, Reminder};
use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;

/// How often the rules are asked: often enough that a note chosen for 18:30 comes by 18:45.
const EVERY: std::time::Duration = std::time::Duration::from_secs(15 * 60);

pub fn start(app: AppHandle) {
    std::thread::spawn(move || loop {
        let now = chrono::Local::now().naive_local();
        let state = app.state::<AppState>();
        if let Ok(Some(reminder)) = state.write(|j| take_reminder(j, now)) {
            show(&app, reminder);
        }
        std::thread::sleep(EVERY);
    });
}

fn show(app: &AppHandle, reminder: Reminder) {
    let (title, body) = match reminder {
        Reminder::CheckIn => (
            "Time for your check-in".to_string(),
            "A minute to notice how giving and receiving sit with you this week.".to_string(),
        ),
        Reminder::OpenLoops { title, body } => {
            app.state::<Desktop>().ask(DesktopRequest::OpenLoops);
            (title, body)
        }
    };
    let _ = app.notification().builder().title(title).body(body).show();
}
