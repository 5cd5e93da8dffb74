//! The `setting` table: small JSON values under a key, the insight thresholds among them.
//! A stored value that is not what its key holds is an error naming the key, never a quiet
//! fall-back to defaults; saving new settings replaces it.

use super::stored::{read_all, read_first, StoredRow};
use super::{now, Journal};
use crate::insight::Settings;
use crate::Result;
use rusqlite::{params, OptionalExtension};

/// The key the insight settings are stored under.
pub const INSIGHT_SETTINGS_KEY: &str = "insight";

/// The key the desktop choices (tray, global shortcut, start at login) are stored under.
pub const DESKTOP_SETTINGS_KEY: &str = "desktop";

/// Settings that belong to the computer they were made on, not to the journal: sync never
/// sends them and ignores them in another device's file. Starting at login on one computer
/// must not switch it on at the next one.
pub const LOCAL_SETTINGS: &[&str] = &[DESKTOP_SETTINGS_KEY];

impl Journal {
    /// The stored value for `key`, if any.
    pub fn get_setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT value FROM setting WHERE key = ?1",
                params![key],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Stores `value` under `key`, replacing what was there.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO setting (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3",
            params![key, value, now()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The JSON value stored under `key`, or the default when none is. A stored value this
    /// build cannot read is an error naming the key, never a silent return to the defaults.
    pub fn get_json_setting<T: serde::de::DeserializeOwned + Default>(
        &self,
        key: &str,
    ) -> Result<T> {
        match self.get_setting(key)? {
            None => Ok(T::default()),
            Some(text) => serde_json::from_str(&text).map_err(|e| {
                crate::Error::invalid(
                    "settings",
                    format!("the stored setting “{key}” cannot be read: {e}"),
                )
            }),
        }
    }

    /// Stores `value` as JSON under `key`, replacing what was there.
    pub fn set_json_setting<T: serde::Serialize>(&mut self, key: &str, value: &T) -> Result<()> {
        let text = serde_json::to_string(value).expect("a setting serialises");
        self.set_setting(key, &text)
    }

    /// The insight settings: the stored ones, with defaults for fields they do not name
    /// (older journals), or the defaults when none are stored.
    pub fn load_insight_settings(&self) -> Result<Settings> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key, value FROM setting WHERE key = ?1")?;
        let stored = read_first(&mut stmt, params![INSIGHT_SETTINGS_KEY], |row| {
            StoredRow::new(row, "setting").json_object::<Settings>(1)
        })?;
        Ok(stored.unwrap_or_default())
    }

    /// Stores the insight settings.
    pub fn save_insight_settings(&mut self, settings: &Settings) -> Result<()> {
        let text = serde_json::to_string(settings).map_err(|e| {
            crate::Error::invalid("settings", format!("cannot store these settings: {e}"))
        })?;
        self.set_setting(INSIGHT_SETTINGS_KEY, &text)
    }
}

/// One stored setting, as a backup holds it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Setting {
    pub key: String,
    /// JSON text.
    pub value: String,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// Every setting, in key order.
pub(crate) fn list_every_setting(conn: &rusqlite::Connection) -> Result<Vec<Setting>> {
    let mut stmt = conn.prepare("SELECT key, value, updated_at FROM setting ORDER BY key")?;
    read_all(&mut stmt, [], |row| {
        let row = StoredRow::new(row, "setting");
        Ok(Setting {
            key: row.get(0)?,
            value: row.get(1)?,
            updated_at: row.get(2)?,
        })
    })
}

/// Inserts `s`, or replaces the stored value under the same key when `s` is newer.
pub(crate) fn merge_setting(conn: &rusqlite::Connection, s: &Setting) -> Result<super::Merged> {
    let stored: Option<chrono::DateTime<chrono::Utc>> = conn
        .prepare_cached("SELECT updated_at FROM setting WHERE key = ?1")?
        .query_row(params![s.key], |r| r.get(0))
        .optional()?;
    let merged = match stored {
        None => super::Merged::Added,
        Some(at) if s.updated_at > at => super::Merged::Updated,
        Some(_) => return Ok(super::Merged::Kept),
    };
    conn.prepare_cached(
        "INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![s.key, s.value, s.updated_at])?;
    Ok(merged)
}
