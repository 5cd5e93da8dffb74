//! IPC commands for the review screens: the insight report, dismissing and snoozing, the
//! research behind it, the insight settings, and the weekly check-in reminder. Each command is
//! a thin adapter over the core; `now` is always the user's local date, sent by the UI.

use crate::error::IpcError;
use crate::state::AppState;
use chrono::{Datelike, NaiveDate};
use reciprocity::insight::{
    all_insights, analyse, references, Dismissal, Reference, Report, Settings,
};
use reciprocity::journal::Journal;
use reciprocity::model::{Exchange, ExchangeFilter};
use serde::{Deserialize, Serialize};
use tauri::State;
use ts_rs::TS;

type Reply<T> = Result<T, IpcError>;

/// The key the review preferences are stored under in the journal's settings.
const PREFS_KEY: &str = "review";

/// The user's choices for reflection that are not insight thresholds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReviewPrefs {
    /// The weekday of the check-in reminder, 0 = Monday … 6 = Sunday; `None` for no reminder.
    pub checkin_day: Option<u8>,
    /// Also remind with a system notification (once a day while the reminder is due).
    #[serde(default)]
    pub notify: bool,
}

/// Whether to show the check-in reminder today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CheckinReminder {
    pub due: bool,
    pub day: Option<u8>,
    pub last_checkin_on: Option<NaiveDate>,
}

/// The mean of one feeling over a person's rated exchanges.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FeelingMean {
    /// The feeling's field name: `gratitude`, `indebtedness`, `pressure`, `discomfort`,
    /// `warmth`, `drained`, `expectation`.
    pub feeling: String,
    /// 0 (not at all) ..= 4 (extremely).
    pub mean: f64,
    /// How many exchanges rated it.
    pub rated: u32,
}

fn report(j: &Journal, now: NaiveDate) -> reciprocity::Result<Report> {
    let settings = j.load_insight_settings()?;
    let data = j.load_insight_data_since(Some(settings.since(now)))?;
    Ok(analyse(&data, &settings, &j.list_dismissals()?, now))
}

fn find_insight(
    j: &Journal,
    id: &str,
    now: NaiveDate,
) -> reciprocity::Result<reciprocity::insight::Insight> {
    let settings = j.load_insight_settings()?;
    let data = j.load_insight_data_since(Some(settings.since(now)))?;
    all_insights(&data, &settings, now)
        .into_iter()
        .find(|i| i.id == id)
        .ok_or_else(|| reciprocity::Error::not_found("insight", id))
}

fn load_prefs(j: &Journal) -> reciprocity::Result<ReviewPrefs> {
    Ok(j.get_setting(PREFS_KEY)?
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default())
}

/// Due on the chosen weekday and the two days after, unless a check-in was saved from three
/// days before that weekday on.
pub fn checkin_due(prefs: &ReviewPrefs, last: Option<NaiveDate>, today: NaiveDate) -> bool {
    let Some(day) = prefs.checkin_day.filter(|d| *d < 7) else {
        return false;
    };
    let since_day = (today.weekday().num_days_from_monday() as i64 - day as i64).rem_euclid(7);
    let counts_from = today - chrono::Duration::days(since_day + 3);
    since_day <= 2 && !matches!(last, Some(l) if l >= counts_from)
}

/// The day a system notification was last shown, so a reminder comes at most once a day.
const NOTIFIED_KEY: &str = "review_notified_on";

/// Whether to show the reminder as a system notification now, noting the day if so.
fn take_notification(j: &mut Journal, today: NaiveDate) -> reciprocity::Result<bool> {
    let prefs = load_prefs(j)?;
    let last = j
        .list_checkins(None, Some(today))?
        .iter()
        .map(|c| c.on)
        .max();
    let already = j.get_setting(NOTIFIED_KEY)?.as_deref() == Some(&today.to_string());
    if !prefs.notify || already || !checkin_due(&prefs, last, today) {
        return Ok(false);
    }
    j.set_setting(NOTIFIED_KEY, &today.to_string())?;
    Ok(true)
}

/// Shows the check-in reminder as a system notification where the user asked for one: when
/// the app starts and then every hour, at most once a day. The notification plugin's own
/// schedule is ignored on desktop, so the app times it itself.
pub fn start_reminders(app: tauri::AppHandle) {
    use tauri::Manager;
    use tauri_plugin_notification::NotificationExt;
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

/// Mean feelings over `history`: received and given feelings side by side.
pub fn feeling_means(history: &[Exchange]) -> Vec<FeelingMean> {
    let names = [
        "gratitude",
        "indebtedness",
        "pressure",
        "discomfort",
        "warmth",
        "drained",
        "expectation",
    ];
    names
        .iter()
        .filter_map(|name| {
            let values: Vec<f64> = history
                .iter()
                .filter_map(|e| {
                    let f = &e.feelings;
                    match *name {
                        "gratitude" => f.gratitude,
                        "indebtedness" => f.indebtedness,
                        "pressure" => f.pressure,
                        "discomfort" => f.discomfort,
                        "warmth" => f.warmth,
                        "drained" => f.drained,
                        _ => f.expectation,
                    }
                })
                .map(f64::from)
                .collect();
            (!values.is_empty()).then(|| FeelingMean {
                feeling: name.to_string(),
                mean: values.iter().sum::<f64>() / values.len() as f64,
                rated: values.len() as u32,
            })
        })
        .collect()
}

#[tauri::command(rename_all = "snake_case")]
pub fn review_report(state: State<'_, AppState>, now: NaiveDate) -> Reply<Report> {
    state.read(|j| report(j, now))
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_references() -> Vec<Reference> {
    references().to_vec()
}

#[tauri::command(rename_all = "snake_case")]
pub fn dismiss_insight(state: State<'_, AppState>, id: String, now: NaiveDate) -> Reply<()> {
    state.write(|j| {
        let insight = find_insight(j, &id, now)?;
        j.save_dismissal(&Dismissal::dismiss(&insight, now))
    })
}

#[tauri::command(rename_all = "snake_case")]
pub fn snooze_insight(
    state: State<'_, AppState>,
    id: String,
    now: NaiveDate,
    until: NaiveDate,
) -> Reply<()> {
    if until <= now {
        return Err(reciprocity::Error::invalid("until", "choose a day after today").into());
    }
    state.write(|j| {
        let insight = find_insight(j, &id, now)?;
        j.save_dismissal(&Dismissal::snooze(&insight, now, until))
    })
}

#[tauri::command(rename_all = "snake_case")]
pub fn restore_insight(state: State<'_, AppState>, id: String) -> Reply<bool> {
    state.write(|j| j.delete_dismissal(&id))
}

#[tauri::command(rename_all = "snake_case")]
pub fn get_insight_settings(state: State<'_, AppState>) -> Reply<Settings> {
    state.read(|j| j.load_insight_settings())
}

#[tauri::command(rename_all = "snake_case")]
pub fn default_insight_settings() -> Settings {
    Settings::default()
}

#[tauri::command(rename_all = "snake_case")]
pub fn save_insight_settings(state: State<'_, AppState>, settings: Settings) -> Reply<Settings> {
    if settings.sanitised() != settings {
        return Err(reciprocity::Error::invalid(
            "settings",
            "one of these numbers is outside its range; shares and probabilities are between 0 and 1",
        )
        .into());
    }
    state.write(|j| j.save_insight_settings(&settings).map(|_| settings))
}

#[tauri::command(rename_all = "snake_case")]
pub fn get_review_prefs(state: State<'_, AppState>) -> Reply<ReviewPrefs> {
    state.read(load_prefs)
}

#[tauri::command(rename_all = "snake_case")]
pub fn save_review_prefs(state: State<'_, AppState>, prefs: ReviewPrefs) -> Reply<ReviewPrefs> {
    if prefs.checkin_day.is_some_and(|d| d > 6) {
        return Err(reciprocity::Error::invalid("checkin_day", "pick a day of the week").into());
    }
    let text = serde_json::to_string(&prefs).unwrap_or_default();
    state.write(|j| j.set_setting(PREFS_KEY, &text).map(|_| prefs))
}

#[tauri::command(rename_all = "snake_case")]
pub fn checkin_reminder(state: State<'_, AppState>, today: NaiveDate) -> Reply<CheckinReminder> {
    state.read(|j| {
        let prefs = load_prefs(j)?;
        let last = j
            .list_checkins(None, Some(today))?
            .iter()
            .map(|c| c.on)
            .max();
        Ok(CheckinReminder {
            due: checkin_due(&prefs, last, today),
            day: prefs.checkin_day,
            last_checkin_on: last,
        })
    })
}

#[tauri::command(rename_all = "snake_case")]
pub fn person_feelings(state: State<'_, AppState>, person_id: String) -> Reply<Vec<FeelingMean>> {
    let filter = ExchangeFilter {
        person_id: Some(person_id),
        ..ExchangeFilter::default()
    };
    state.read(|j| Ok(feeling_means(&j.list_exchanges(&filter)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_reminder_waits_for_its_day_and_a_week_without_a_checkin() {
        // 2026-06-01 is a Monday; the reminder is on Wednesdays.
        let prefs = ReviewPrefs {
            checkin_day: Some(2),
            notify: false,
        };
        assert!(!checkin_due(&prefs, None, d("2026-06-02")));
        assert!(checkin_due(&prefs, None, d("2026-06-03")));
        assert!(checkin_due(&prefs, Some(d("2026-05-20")), d("2026-06-05")));
        assert!(!checkin_due(&prefs, Some(d("2026-06-03")), d("2026-06-05")));
        assert!(!checkin_due(&prefs, Some(d("2026-06-01")), d("2026-06-03")));
        assert!(!checkin_due(&ReviewPrefs::default(), None, d("2026-06-03")));
    }

    #[test]
    fn insight_settings_out_of_range_are_refused_and_prefs_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(dir.path().join("j.sqlite3"));
        let prefs = ReviewPrefs {
            checkin_day: Some(4),
            notify: true,
        };
        let text = serde_json::to_string(&prefs).unwrap();
        state.write(|j| j.set_setting(PREFS_KEY, &text)).unwrap();
        assert_eq!(state.read(load_prefs).unwrap(), prefs);
        // A Friday with no check-in: one notification that day, not two.
        let friday = d("2026-06-05");
        assert!(state.write(|j| take_notification(j, friday)).unwrap());
        assert!(!state.write(|j| take_notification(j, friday)).unwrap());
        let bad = Settings {
            exchange_threshold: 1.5,
            ..Settings::default()
        };
        assert_ne!(bad.sanitised(), bad);
    }
}
