//! The app reached from outside its window: requests for the window (a second launch with
//! `--log`, the tray's menu, the global shortcut, a reminder) and the desktop choices the user
//! made in Settings (tray, shortcut, start at login), applied to the system.
//!
//! A request waits here until the window takes it (`take_desktop_request`): the window asks
//! when it starts, when it regains focus, and when the shell nudges it with a DOM event after
//! showing it. So a request made before the page has loaded is not lost, and the window needs
//! no event permission (its capability grants the journal's commands and nothing else).
//!
//! Every choice that the system refuses is kept as a plain note for Settings to show; the
//! app carries on without it.

use crate::session::AppState;
use crate::IpcError;
use reciprocity::api::desktop as core_desktop;
use reciprocity::api::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use tauri::{AppHandle, Manager};
use tauri_plugin_autostart::ManagerExt;
use tauri_plugin_global_shortcut::GlobalShortcutExt;

/// The window's label in `tauri.conf.json`.
pub const MAIN_WINDOW: &str = "main";

/// The DOM event that tells the window a request is waiting.
const NUDGE: &str = "window.dispatchEvent(new Event('reciprocity-request'))";

#[derive(Default)]
pub struct Desktop {
    pending: Mutex<Option<DesktopRequest>>,
    status: Mutex<DesktopStatus>,
    /// Whether closing the window keeps the app running in the tray.
    keep_in_tray: AtomicBool,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Desktop {
    /// Keeps `request` for the window; a newer request replaces one not yet taken.
    pub fn ask(&self, request: DesktopRequest) {
        *lock(&self.pending) = Some(request);
    }

    pub fn take(&self) -> Option<DesktopRequest> {
        lock(&self.pending).take()
    }

    pub fn keeps_in_tray(&self) -> bool {
        self.keep_in_tray.load(Ordering::Relaxed)
    }
}

/// Brings the window to the front (from the tray, or from behind other windows) and, with a
/// request, asks it to show that.
pub fn deliver(app: &AppHandle, request: Option<DesktopRequest>) {
    if let Some(request) = request {
        app.state::<Desktop>().ask(request);
    }
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
        let _ = window.eval(NUDGE);
    }
}

/// Applies the choices to the system and remembers how that went.
pub fn apply(app: &AppHandle, prefs: DesktopPrefs) -> DesktopStatus {
    let tray_note = crate::tray::show(app, prefs.tray);
    let desktop = app.state::<Desktop>();
    desktop
        .keep_in_tray
        .store(prefs.tray && tray_note.is_none(), Ordering::Relaxed);
    let status = DesktopStatus {
        shortcut_note: register_shortcut(app, prefs.shortcut.as_deref()),
        autostart_note: start_at_login(app, prefs.autostart),
        tray_note,
        prefs,
    };
    *lock(&desktop.status) = status.clone();
    status
}

/// Applies the choices stored in the journal as the app starts; a journal that cannot be read
/// leaves everything off.
pub fn apply_stored(app: &AppHandle) {
    let prefs = app
        .state::<AppState>()
        .read(|j| core_desktop::get_desktop_prefs(j, Empty {}))
        .unwrap_or_default();
    if prefs != DesktopPrefs::default() {
        apply(app, prefs);
    }
}

/// Why global shortcuts cannot work in this session, if they cannot: Wayland gives them to
/// no application.
fn wayland_note() -> Option<String> {
    std::env::var("XDG_SESSION_TYPE")
        .is_ok_and(|t| t.eq_ignore_ascii_case("wayland"))
        .then(|| {
            "Global shortcuts do not work on Wayland. Bind the command \
             `reciprocity-desktop --log` to a key in your desktop's keyboard settings instead."
                .to_string()
        })
}

/// Registers `shortcut` for the quick log, in place of any earlier one; answers with a note
/// for Settings when it could not be registered.
fn register_shortcut(app: &AppHandle, shortcut: Option<&str>) -> Option<String> {
    let shortcuts = app.global_shortcut();
    let _ = shortcuts.unregister_all();
    let shortcut = shortcut?;
    if let Some(note) = wayland_note() {
        return Some(note);
    }
    shortcuts.register(shortcut).err().map(|e| {
        format!(
            "{shortcut} could not be set up ({e}). Another program may already use it: try \
             another combination."
        )
    })
}

/// Turns starting at login on or off, touching the system's login items only on a change;
/// answers with a note for Settings when it could not be changed.
fn start_at_login(app: &AppHandle, on: bool) -> Option<String> {
    let autostart = app.autolaunch();
    let now = autostart.is_enabled().unwrap_or(false);
    let result = match (on, now) {
        (true, false) => autostart.enable(),
        (false, true) => autostart.disable(),
        _ => Ok(()),
    };
    result
        .err()
        .map(|e| format!("Starting at login could not be changed: {e}"))
}

/// The global shortcut's handler: a press opens the quick log.
pub fn on_shortcut(
    app: &AppHandle,
    _: &tauri_plugin_global_shortcut::Shortcut,
    event: tauri_plugin_global_shortcut::ShortcutEvent,
) {
    if event.state == tauri_plugin_global_shortcut::ShortcutState::Pressed {
        deliver(app, Some(DesktopRequest::QuickLog));
    }
}

type Reply<T> = Result<T, IpcError>;

pub fn desktop_status(app: &AppHandle, _: &AppState, _: Empty) -> Reply<DesktopStatus> {
    Ok(lock(&app.state::<Desktop>().status).clone())
}

pub fn save_desktop_prefs(
    app: &AppHandle,
    state: &AppState,
    req: SaveDesktopPrefs,
) -> Reply<DesktopStatus> {
    let prefs = state.write(|j| core_desktop::save_desktop_prefs(j, req))?;
    Ok(apply(app, prefs))
}

pub fn take_desktop_request(
    app: &AppHandle,
    _: &AppState,
    _: Empty,
) -> Reply<Option<DesktopRequest>> {
    Ok(app.state::<Desktop>().take())
}
