//! The desktop app's own choices: a tray icon, a global shortcut for the quick log, starting
//! at login; and what the window is asked to show when the app is reached from outside it (a
//! second launch with `--log`, the tray's menu, the shortcut, a reminder).
//!
//! Invariants: every choice is off until the user turns it on; a shortcut is stored only in
//! the one spelling the shell registers (`Ctrl+Alt+L`), so what Settings shows is what the
//! system was asked for. The choices live in the journal's settings under one key, like the
//! other preferences, and are applied by the desktop shell (`session` commands).

use super::Empty;
use crate::journal::Journal;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The user's choices for the desktop app; all off by default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DesktopPrefs {
    /// Show an icon in the system tray; closing the window then keeps the app there.
    #[serde(default)]
    pub tray: bool,
    /// A key combination that opens the quick log from anywhere, such as `Ctrl+Alt+L`.
    #[serde(default)]
    pub shortcut: Option<String>,
    /// Start the app when the user logs in.
    #[serde(default)]
    pub autostart: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaveDesktopPrefs {
    pub prefs: DesktopPrefs,
}

/// The choices as the system took them: each note says plainly why one did not work here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DesktopStatus {
    pub prefs: DesktopPrefs,
    pub tray_note: Option<String>,
    pub shortcut_note: Option<String>,
    pub autostart_note: Option<String>,
}

/// What the window is asked to show when the app is reached from outside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DesktopRequest {
    /// The quick log, over whatever screen is open.
    QuickLog,
    /// The check-in screen.
    CheckIn,
    /// The list of open favours.
    OpenLoops,
}

/// The key the desktop choices are stored under in the journal's settings (one of the
/// settings sync leaves on this computer).
const PREFS_KEY: &str = crate::journal::DESKTOP_SETTINGS_KEY;

/// The stored choices; a stored value this build cannot read is an error, never a silent
/// return to the defaults.
pub fn get_desktop_prefs(j: &Journal, _: Empty) -> Result<DesktopPrefs> {
    j.get_json_setting(PREFS_KEY)
}

/// Checks and stores the choices, the shortcut in its one spelling; refused choices change
/// nothing.
pub fn save_desktop_prefs(j: &mut Journal, req: SaveDesktopPrefs) -> Result<DesktopPrefs> {
    let mut prefs = req.prefs;
    prefs.shortcut = match prefs.shortcut.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(shortcut_spelling(text)?),
    };
    j.set_json_setting(PREFS_KEY, &prefs)?;
    Ok(prefs)
}

/// The modifiers a shortcut may use, in the order they are written.
const MODIFIERS: [&str; 4] = ["Ctrl", "Alt", "Shift", "Super"];

/// A key combination in the one spelling the shell registers: modifiers first, in the order
/// Ctrl, Alt, Shift, Super, then one key (a letter, a digit, F1–F12 or Space). At least one
/// modifier, so a shortcut never swallows ordinary typing elsewhere.
pub fn shortcut_spelling(text: &str) -> Result<String> {
    let refuse = |why: &str| Err(Error::invalid("shortcut", why.to_string()));
    let parts: Vec<String> = text
        .split('+')
        .map(|p| p.trim().to_lowercase())
        .filter(|p| !p.is_empty())
        .collect();
    let Some((key, mods)) = parts.split_last() else {
        return refuse("press a key combination, such as Ctrl+Alt+L");
    };
    let mut used = [false; 4];
    for m in mods {
        let i = match m.as_str() {
            "ctrl" | "control" => 0,
            "alt" | "option" => 1,
            "shift" => 2,
            "super" | "meta" | "cmd" | "command" => 3,
            _ => return refuse("use Ctrl, Alt, Shift or Super before the key, such as Ctrl+Alt+L"),
        };
        used[i] = true;
    }
    if !used.iter().any(|u| *u) {
        return refuse("add Ctrl, Alt, Shift or Super, so the shortcut does not take over typing");
    }
    let key = match key.as_str() {
        k if k.len() == 1 && k.chars().all(|c| c.is_ascii_alphanumeric()) => k.to_uppercase(),
        "space" => "Space".into(),
        k if k.starts_with('f') && matches!(k[1..].parse::<u8>(), Ok(1..=12)) => k.to_uppercase(),
        _ => return refuse("end with a letter, a digit, F1–F12 or Space, such as Ctrl+Alt+L"),
    };
    let mut spelled: Vec<&str> = MODIFIERS
        .iter()
        .zip(used)
        .filter(|(_, u)| *u)
        .map(|(m, _)| *m)
        .collect();
    spelled.push(&key);
    Ok(spelled.join("+"))
}

/// What a launch's command line asks the window to show: `--log` the quick log.
pub fn launch_request<S: AsRef<str>>(args: &[S]) -> Option<DesktopRequest> {
    args.iter()
        .skip(1)
        .any(|a| a.as_ref() == "--log")
        .then_some(DesktopRequest::QuickLog)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_desktop_choice_is_off_until_the_user_turns_it_on() {
        let j = Journal::open_in_memory().unwrap();
        let prefs = get_desktop_prefs(&j, Empty {}).unwrap();
        assert_eq!(prefs, DesktopPrefs::default());
        assert!(!prefs.tray && !prefs.autostart && prefs.shortcut.is_none());
    }

    #[test]
    fn a_shortcut_is_kept_in_the_one_spelling_the_system_is_asked_for() {
        let mut j = Journal::open_in_memory().unwrap();
        let prefs = DesktopPrefs {
            tray: true,
            shortcut: Some(" shift + control+ l ".into()),
            autostart: false,
        };
        let saved = save_desktop_prefs(&mut j, SaveDesktopPrefs { prefs }).unwrap();
        assert_eq!(saved.shortcut.as_deref(), Some("Ctrl+Shift+L"));
        assert_eq!(get_desktop_prefs(&j, Empty {}).unwrap(), saved);
        assert_eq!(shortcut_spelling("super+f9").unwrap(), "Super+F9");
        assert_eq!(shortcut_spelling("Alt+Space").unwrap(), "Alt+Space");
    }

    #[test]
    fn a_shortcut_without_a_modifier_or_with_an_odd_key_is_refused_and_nothing_is_saved() {
        let mut j = Journal::open_in_memory().unwrap();
        for bad in ["L", "Ctrl+", "Ctrl+Alt+Enter", "Hyper+L", "Ctrl+F13"] {
            let prefs = DesktopPrefs {
                shortcut: Some(bad.into()),
                ..DesktopPrefs::default()
            };
            let err = save_desktop_prefs(&mut j, SaveDesktopPrefs { prefs }).unwrap_err();
            assert!(
                matches!(
                    err,
                    Error::Invalid {
                        field: "shortcut",
                        ..
                    }
                ),
                "{bad}: {err}"
            );
        }
        assert_eq!(
            get_desktop_prefs(&j, Empty {}).unwrap(),
            DesktopPrefs::default()
        );
    }

    #[test]
    fn a_cleared_shortcut_is_no_shortcut() {
        let mut j = Journal::open_in_memory().unwrap();
        let prefs = DesktopPrefs {
            shortcut: Some("  ".into()),
            ..DesktopPrefs::default()
        };
        assert_eq!(
            save_desktop_prefs(&mut j, SaveDesktopPrefs { prefs })
                .unwrap()
                .shortcut,
            None
        );
    }

    #[test]
    fn only_a_launch_with_log_asks_for_the_quick_log() {
        let exe = "/usr/bin/reciprocity-desktop";
        assert_eq!(
            launch_request(&[exe, "--log"]),
            Some(DesktopRequest::QuickLog)
        );
        assert_eq!(launch_request(&[exe]), None);
        assert_eq!(
            launch_request(&["--log"]),
            None,
            "the program's own name is not an argument"
        );
    }
}
