//! Gentle reminders as system notifications: the weekly check-in (see `checkins`) and a
//! weekly note of open favours you might thank, on the day and at the time the user chose.
//!
//! Invariants:
//! - At most one notification a day for all reminders together (one stored day, shared with
//!   the check-in reminder); the check-in goes first on a day both are due, and the note of
//!   open favours waits for the next day.
//! - No note when nothing is open, or when every open favour is set aside: "remind me later"
//!   (for two weeks) or "no need" (never again for that favour).
//! - The words are thanks, never a score or a debt.
//! - The rules are pure functions of the choices and a given `now`; only `take_reminder`
//!   reads and writes the journal.

use super::checkins::{checkin_reminder, NOTIFIED_KEY};
use super::review::{list_open_loops, ListOpenLoops};
use super::Today;
use crate::insight::OpenLoop;
use crate::journal::Journal;
use crate::{Error, Result};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// When the weekly note of open favours comes: a weekday (0 = Monday … 6 = Sunday; `None` for
/// no note) and a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LoopReminderPrefs {
    pub day: Option<u8>,
    pub hour: u8,
    pub minute: u8,
}

impl Default for LoopReminderPrefs {
    fn default() -> Self {
        LoopReminderPrefs {
            day: None,
            hour: 18,
            minute: 0,
        }
    }
}

/// What the user chose for one open favour's reminders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "choice")]
pub enum LoopChoice {
    /// Leave it out of the notes until this day.
    Later { until: NaiveDate },
    /// Never remind about it.
    NoNeed,
    /// Remind about it again (undoes either of the others).
    Remind,
}

/// One favour's choice, as the open-loops list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LoopChoiceEntry {
    pub exchange_id: String,
    pub choice: LoopChoice,
}

/// The note's day and time, and the favours set aside as of today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LoopReminders {
    pub prefs: LoopReminderPrefs,
    pub set_aside: Vec<LoopChoiceEntry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaveLoopReminderPrefs {
    pub prefs: LoopReminderPrefs,
    pub today: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChooseLoopReminder {
    pub exchange_id: String,
    /// `later` takes no date from the window: it is always two weeks from `today`.
    pub later: bool,
    pub no_need: bool,
    pub today: NaiveDate,
}

/// A notification to show now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reminder {
    CheckIn,
    OpenLoops { title: String, body: String },
}

/// What is stored under `STATE_KEY`: the choices, and when the last note of open favours came.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Stored {
    #[serde(default)]
    prefs: LoopReminderPrefs,
    #[serde(default)]
    choices: BTreeMap<String, LoopChoice>,
    #[serde(default)]
    last_note_at: Option<NaiveDateTime>,
    /// The day the note's day and time were last chosen.
    #[serde(default)]
    chosen_on: Option<NaiveDate>,
}

impl Stored {
    /// When the note was last due to have come: its last showing or the day it was chosen.
    fn since(&self) -> Option<NaiveDateTime> {
        let chosen = self.chosen_on.map(|d| d.and_time(NaiveTime::MIN));
        self.last_note_at.max(chosen)
    }
}

const STATE_KEY: &str = "loop_reminders";

/// How long "remind me later" sets a favour aside.
pub const LATER_DAYS: i64 = 14;

/// How many favours one note names.
const NAMED: usize = 3;

fn load(j: &Journal) -> Result<Stored> {
    j.get_json_setting(STATE_KEY)
}

fn store(j: &mut Journal, stored: &Stored) -> Result<()> {
    j.set_json_setting(STATE_KEY, stored)
}

fn view(stored: &Stored, today: NaiveDate) -> LoopReminders {
    LoopReminders {
        prefs: stored.prefs,
        set_aside: stored
            .choices
            .iter()
            .filter(|(_, c)| set_aside(**c, today))
            .map(|(id, c)| LoopChoiceEntry {
                exchange_id: id.clone(),
                choice: *c,
            })
            .collect(),
    }
}

pub fn get_loop_reminders(j: &Journal, req: Today) -> Result<LoopReminders> {
    Ok(view(&load(j)?, req.today))
}

pub fn save_loop_reminder_prefs(
    j: &mut Journal,
    req: SaveLoopReminderPrefs,
) -> Result<LoopReminders> {
    let p = req.prefs;
    if p.day.is_some_and(|d| d > 6) {
        return Err(Error::invalid("day", "pick a day of the week"));
    }
    if p.hour > 23 || p.minute > 59 {
        return Err(Error::invalid("time", "pick a time of day, such as 18:00"));
    }
    let mut stored = load(j)?;
    stored.prefs = p;
    stored.chosen_on = Some(req.today);
    store(j, &stored)?;
    Ok(view(&stored, req.today))
}

/// Sets one open favour aside from the notes ("later" for two weeks, or "no need"), or brings
/// it back when neither is asked.
pub fn choose_loop_reminder(j: &mut Journal, req: ChooseLoopReminder) -> Result<LoopReminders> {
    let id = req.exchange_id.trim().to_string();
    j.get_exchange(&id)?;
    let mut stored = load(j)?;
    match choice_for(req.later, req.no_need, req.today) {
        LoopChoice::Remind => stored.choices.remove(&id),
        choice => stored.choices.insert(id, choice),
    };
    stored.choices.retain(|_, c| set_aside(*c, req.today));
    store(j, &stored)?;
    Ok(view(&stored, req.today))
}

/// The choice a request stands for: "no need" wins over "later".
pub fn choice_for(later: bool, no_need: bool, today: NaiveDate) -> LoopChoice {
    match (later, no_need) {
        (_, true) => LoopChoice::NoNeed,
        (true, false) => LoopChoice::Later {
            until: today + Duration::days(LATER_DAYS),
        },
        (false, false) => LoopChoice::Remind,
    }
}

/// Whether a choice keeps its favour out of the note on `today`.
pub fn set_aside(choice: LoopChoice, today: NaiveDate) -> bool {
    match choice {
        LoopChoice::Later { until } => until > today,
        LoopChoice::NoNeed => true,
        LoopChoice::Remind => false,
    }
}

/// The latest moment at or before `now` that falls on the chosen day and time, if a day is
/// chosen.
pub fn last_appointed(prefs: &LoopReminderPrefs, now: NaiveDateTime) -> Option<NaiveDateTime> {
    let day = prefs.day.filter(|d| *d < 7)?;
    let time = NaiveTime::from_hms_opt(prefs.hour.into(), prefs.minute.into(), 0)?;
    let back = (now.weekday().num_days_from_monday() as i64 - day as i64).rem_euclid(7);
    let on_day = (now.date() - Duration::days(back)).and_time(time);
    Some(if on_day > now {
        on_day - Duration::days(7)
    } else {
        on_day
    })
}

/// Due once the chosen day and time has come after `since` (the last note, or the day the
/// choice was made, whichever is later): so a note missed while the app was closed comes when
/// it next runs within the week, and choosing a day never brings a note for one already past.
pub fn loops_note_due(
    prefs: &LoopReminderPrefs,
    since: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> bool {
    match last_appointed(prefs, now) {
        None => false,
        Some(appointed) => !matches!(since, Some(since) if since >= appointed),
    }
}

/// Whether a notification may still come today: at most one a day, for every reminder.
pub fn one_a_day(last_notified_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    last_notified_on != Some(today)
}

/// The open favours a note may name: those not set aside, in the open-loops order.
pub fn remindable<'a>(
    loops: &'a [OpenLoop],
    choices: &BTreeMap<String, LoopChoice>,
    today: NaiveDate,
) -> Vec<&'a OpenLoop> {
    loops
        .iter()
        .filter(|l| {
            !choices
                .get(&l.exchange_id)
                .is_some_and(|c| set_aside(*c, today))
        })
        .collect()
}

/// The note's words: how many favours you might thank, naming the first three. `None` when
/// there is nothing to thank.
pub fn loops_note(loops: &[&OpenLoop]) -> Option<Reminder> {
    let n = loops.len();
    let title = match n {
        0 => return None,
        1 => "A favour you might thank".to_string(),
        _ => format!("{n} favours you might thank"),
    };
    let mut named: Vec<String> = loops
        .iter()
        .take(NAMED)
        .map(|l| format!("{} ({})", l.what, l.name))
        .collect();
    if n > NAMED {
        named.push(format!("and {} more", n - NAMED));
    }
    let body = format!("{}. A word of thanks is enough.", named.join(", "));
    Some(Reminder::OpenLoops { title, body })
}

/// The notification to show now, if any, noting it so it does not come again: the check-in
/// reminder first, else the note of open favours; never more than one a day.
pub fn take_reminder(j: &mut Journal, now: NaiveDateTime) -> Result<Option<Reminder>> {
    let today = now.date();
    let notified = j.get_setting(NOTIFIED_KEY)?.and_then(|d| d.parse().ok());
    if !one_a_day(notified, today) {
        return Ok(None);
    }
    let checkin_wanted = super::checkins::get_review_prefs(j, super::Empty {})?.notify;
    let reminder = if checkin_wanted && checkin_reminder(j, Today { today })?.due {
        Some(Reminder::CheckIn)
    } else {
        loops_reminder(j, now)?
    };
    if reminder.is_some() {
        j.set_setting(NOTIFIED_KEY, &today.to_string())?;
    }
    Ok(reminder)
}

/// The note of open favours if it is due and something is open, noting when it came.
fn loops_reminder(j: &mut Journal, now: NaiveDateTime) -> Result<Option<Reminder>> {
    let mut stored = load(j)?;
    if !loops_note_due(&stored.prefs, stored.since(), now) {
        return Ok(None);
    }
    let today = now.date();
    let loops = list_open_loops(
        j,
        ListOpenLoops {
            now: today,
            min_age_days: None,
        },
    )?;
    let note = loops_note(&remindable(&loops, &stored.choices, today));
    if note.is_some() {
        stored.last_note_at = Some(now);
        store(j, &stored)?;
    }
    Ok(note)
}

#[cfg(test)]
mod tests;
