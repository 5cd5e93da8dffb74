//! Device names: what a person calls each of their devices ("Laptop", "Office PC"), shown in
//! the status instead of a device id.
//!
//! A name is an ordinary setting, `device_name.<id>`, so it moves to the other devices with
//! the journal's other rows and merges like them. A copy that takes a new id (see `device`)
//! starts without a name.

use crate::journal::Journal;
use crate::{Error, Result};

/// The longest name, in characters.
pub const MAX_NAME: usize = 60;

fn key(device: &str) -> String {
    format!("device_name.{device}")
}

/// The name given to `device`, if any. A stored name this build cannot read counts as none:
/// it came from another device and only labels a line of the status.
pub fn name_of(journal: &Journal, device: &str) -> Result<Option<String>> {
    if device.is_empty() {
        return Ok(None);
    }
    let stored = journal.get_setting(&key(device))?;
    Ok(stored.and_then(|text| serde_json::from_str::<String>(&text).ok()))
}

/// Names this device; it must have an id, which it gets when a sync folder is chosen.
pub fn set_name(journal: &mut Journal, name: &str) -> Result<()> {
    let device = journal.sync_device()?;
    if device.is_empty() {
        return Err(Error::invalid(
            "name",
            "choose a sync folder first: this device gets its name when it starts syncing",
        ));
    }
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("name", "give this device a name"));
    }
    if name.chars().count() > MAX_NAME {
        return Err(Error::invalid(
            "name",
            format!("a device's name is at most {MAX_NAME} characters"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::invalid(
            "name",
            "a device's name is one line of text, without control characters",
        ));
    }
    journal.set_json_setting(&key(&device), &name)
}

/// Names this device after the computer (its host name) when it has no name yet.
pub fn name_if_unnamed(journal: &mut Journal) -> Result<()> {
    let device = journal.sync_device()?;
    if device.is_empty() || name_of(journal, &device)?.is_some() {
        return Ok(());
    }
    match host_name() {
        Some(host) => set_name(journal, &host),
        None => Ok(()),
    }
}

/// This computer's host name, when the system says it.
fn host_name() -> Option<String> {
    let from_file = ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|p| std::fs::read_to_string(p).ok());
    let name = from_file
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())?;
    let name: String = name
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME)
        .collect();
    (!name.is_empty()).then_some(name)
}
