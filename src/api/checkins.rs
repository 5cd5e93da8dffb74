//! Check-ins, and the weekly check-in reminder: the user's choices and the rule for when it
//! is due, for the window's banner, its system notification and the CLI alike.

use super::{Empty, Today};
use crate::journal::Journal;
use crate::model::{CheckIn, CheckInInput};
use crate::{Error, Result};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AddCheckIn {
    pub input: CheckInInput,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListCheckIns {
    #[serde(default)]
    pub since: Option<NaiveDate>,
    #[serde(default)]
    pub until: Option<NaiveDate>,
}

/// The user's choices for reflection that are not insight thresholds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReviewPrefs {
    /// The weekday of the check-in reminder, 0 = Monday … 6 = Sunday; `None` for no reminder.
    pub checkin_day: Option<u8>,
    /// Also remind with a system notification (once a day while the reminder is due).
    #[serde(default)]
    pub notify: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaveReviewPrefs {
    pub prefs: ReviewPrefs,
}

/// Whether to show the check-in reminder today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CheckinReminder {
    pub due: bool,
    pub day: Option<u8>,
    pub last_checkin_on: Option<NaiveDate>,
}

/// The key the review preferences are stored under in the journal's settings.
const PREFS_KEY: &str = "review";

/// The day a system notification was last shown, so reminders (this one and the note of open
/// favours, see `reminders`) come at most once a day together.
pub(super) const NOTIFIED_KEY: &str = "review_notified_on";

pub fn add_checkin(j: &mut Journal, req: AddCheckIn) -> Result<CheckIn> {
    j.add_checkin(&req.input)
}

pub fn list_checkins(j: &Journal, req: ListCheckIns) -> Result<Vec<CheckIn>> {
    j.list_checkins(req.since, req.until)
}

/// The stored preferences; a stored value this build cannot read is an error, never a
/// silent return to the defaults.
pub fn get_review_prefs(j: &Journal, _: Empty) -> Result<ReviewPrefs> {
    j.get_json_setting(PREFS_KEY)
}

pub fn save_review_prefs(j: &mut Journal, req: SaveReviewPrefs) -> Result<ReviewPrefs> {
    if req.prefs.checkin_day.is_some_and(|d| d > 6) {
        return Err(Error::invalid("checkin_day", "pick a day of the week"));
    }
    j.set_json_setting(PREFS_KEY, &req.prefs)?;
    Ok(req.prefs)
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

fn last_checkin(j: &Journal, today: NaiveDate) -> Result<Option<NaiveDate>> {
    Ok(j.list_checkins(None, Some(today))?
        .iter()
        .map(|c| c.on)
        .max())
}

pub fn checkin_reminder(j: &Journal, req: Today) -> Result<CheckinReminder> {
    let prefs = get_review_prefs(j, Empty {})?;
    let last = last_checkin(j, req.today)?;
    Ok(CheckinReminder {
        due: checkin_due(&prefs, last, req.today),
        day: prefs.checkin_day,
        last_checkin_on: last,
    })
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
    fn a_notification_comes_at_most_once_a_day_and_prefs_round_trip() {
        let mut j = Journal::open_in_memory().unwrap();
        let prefs = ReviewPrefs {
            checkin_day: Some(4),
            notify: true,
        };
        save_review_prefs(
            &mut j,
            SaveReviewPrefs {
                prefs: prefs.clone(),
            },
        )
        .unwrap();
        assert_eq!(get_review_prefs(&j, Empty {}).unwrap(), prefs);
        // A Friday with no check-in: one notification that day, not two.
        let friday = d("2026-06-05").and_hms_opt(9, 0, 0).unwrap();
        let first = super::super::reminders::take_reminder(&mut j, friday).unwrap();
        assert_eq!(first, Some(super::super::reminders::Reminder::CheckIn));
        assert_eq!(
            super::super::reminders::take_reminder(&mut j, friday).unwrap(),
            None
        );
    }

    #[test]
    fn unreadable_stored_prefs_are_an_error_not_the_defaults() {
        let mut j = Journal::open_in_memory().unwrap();
        j.set_setting(PREFS_KEY, "{not json").unwrap();
        let err = get_review_prefs(&j, Empty {}).unwrap_err();
        assert!(err.to_string().contains("cannot be read"), "{err}");
    }

    #[test]
    fn a_day_outside_the_week_is_refused_and_nothing_is_saved() {
        let mut j = Journal::open_in_memory().unwrap();
        let bad = ReviewPrefs {
            checkin_day: Some(7),
            notify: false,
        };
        assert!(save_review_prefs(&mut j, SaveReviewPrefs { prefs: bad }).is_err());
        assert_eq!(
            get_review_prefs(&j, Empty {}).unwrap(),
            ReviewPrefs::default()
        );
    }
}
