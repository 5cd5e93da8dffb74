//! The tray icon, when the user turns it on in Settings: its menu (Log an exchange, Check in,
//! Open, Quit) and what each item does. While it is on, closing the window keeps the app
//! running there, so reminders can still come.
//!
//! The menu's model (`MENU`, `action_for`, `request_for`) is plain data, tested here; the
//! tray itself is the system's.

use crate::desktop::{deliver, MAIN_WINDOW};
use reciprocity::api::prelude::DesktopRequest;
use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager};

const TRAY_ID: &str = "journal";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrayAction {
    Log,
    CheckIn,
    Open,
    Quit,
}

/// The menu, top to bottom: each item's id, its words, and what it does.
pub const MENU: [(&str, &str, TrayAction); 4] = [
    ("log", "Log an exchange", TrayAction::Log),
    ("check-in", "Check in", TrayAction::CheckIn),
    ("open", "Open Reciprocity Journal", TrayAction::Open),
    ("quit", "Quit", TrayAction::Quit),
];

/// The action of the menu item with `id`.
pub fn action_for(id: &str) -> Option<TrayAction> {
    MENU.iter().find(|(i, _, _)| *i == id).map(|(_, _, a)| *a)
}

/// What the window is asked to show for `action`; `None` for just the window (Open) or no
/// window at all (Quit).
pub fn request_for(action: TrayAction) -> Option<DesktopRequest> {
    match action {
        TrayAction::Log => Some(DesktopRequest::QuickLog),
        TrayAction::CheckIn => Some(DesktopRequest::CheckIn),
        TrayAction::Open | TrayAction::Quit => None,
    }
}

fn run(app: &AppHandle, action: TrayAction) {
    match action {
        TrayAction::Quit => app.exit(0),
        other => deliver(app, request_for(other)),
    }
}

/// Shows or removes the tray icon; answers with the reason in words when the system has no
/// tray to offer.
pub fn show(app: &AppHandle, on: bool) -> Option<String> {
    if !on {
        app.remove_tray_by_id(TRAY_ID);
        if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
            let _ = window.show();
        }
        return None;
    }
    if app.tray_by_id(TRAY_ID).is_some() {
        return None;
    }
    add_icon(app)
        .err()
        .map(|e| format!("The tray icon could not be shown here: {e}"))
}

fn add_icon(app: &AppHandle) -> tauri::Result<()> {
    let items = MENU
        .iter()
        .map(|(id, text, _)| MenuItem::with_id(app, *id, *text, true, None::<&str>))
        .collect::<Result<Vec<_>, _>>()?;
    let refs: Vec<&dyn tauri::menu::IsMenuItem<tauri::Wry>> = items
        .iter()
        .map(|i| i as &dyn tauri::menu::IsMenuItem<tauri::Wry>)
        .collect();
    let menu = Menu::with_items(app, &refs)?;
    let mut tray = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("Reciprocity Journal")
        .menu(&menu)
        .on_menu_event(|app, event| {
            if let Some(action) = action_for(event.id().as_ref()) {
                run(app, action);
            }
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tray_menu_offers_log_check_in_open_and_quit_in_that_order() {
        let words: Vec<&str> = MENU.iter().map(|(_, text, _)| *text).collect();
        assert_eq!(
            words,
            [
                "Log an exchange",
                "Check in",
                "Open Reciprocity Journal",
                "Quit"
            ]
        );
    }

    #[test]
    fn each_tray_item_does_what_it_says() {
        for (id, _, action) in MENU {
            assert_eq!(action_for(id), Some(action), "{id}");
        }
        assert_eq!(
            action_for("log").and_then(request_for),
            Some(DesktopRequest::QuickLog)
        );
        assert_eq!(
            action_for("check-in").and_then(request_for),
            Some(DesktopRequest::CheckIn)
        );
        assert_eq!(
            request_for(TrayAction::Open),
            None,
            "Open only brings the window back"
        );
        assert_eq!(
            request_for(TrayAction::Quit),
            None,
            "Quit ends the app, no window"
        );
        assert_eq!(action_for("something else"), None);
    }
}
