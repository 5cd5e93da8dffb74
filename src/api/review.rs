//! Review: the insight report, open loops, dismissing and snoozing an insight, the research
//! behind it, and the insight settings with their ranges.

use super::{ById, Empty, Now};
use crate::insight::{
    all_insights, analyse, open_favours, references, report_settings, Data, Dismissal, Insight,
    OpenLoop, PersonBalance, Reference, Report, Settings,
};
use crate::journal::Journal;
use crate::{Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One insight, as computed for the user's local date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InsightAt {
    pub id: String,
    pub now: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SnoozeInsight {
    pub id: String,
    pub now: NaiveDate,
    /// Show it again from this day on; must be after `now`.
    pub until: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SaveSettings {
    pub settings: Settings,
}

/// The settings and what the engine reads for `now`: everything from the report's horizon on.
pub fn insight_input(j: &Journal, now: NaiveDate) -> Result<(Settings, Data)> {
    let settings = j.load_insight_settings()?;
    let data = j.load_insight_data_since(Some(settings.since(now)))?;
    Ok((settings, data))
}

/// Kept until the journal changes (`Journal::remember`).
pub fn review_report(j: &Journal, req: Now) -> Result<Report> {
    j.remember(&req.now.to_string(), |j| {
        let (settings, data) = insight_input(j, req.now)?;
        report_for_everyone(j, &settings, &data, req.now)
    })
}

/// The report for everyone from data already read: without the balances' series
/// (`report_settings`), with the dismissals applied. Home computes it with its own answer.
pub(super) fn report_for_everyone(
    j: &Journal,
    settings: &Settings,
    data: &Data,
    now: NaiveDate,
) -> Result<Report> {
    let settings = report_settings(settings);
    Ok(analyse(data, &settings, &j.list_dismissals()?, now))
}

/// Everyone's balance as of `now` with its month-by-month series, which the report's
/// balances leave out: what `recip balance` prints.
pub fn list_balances(j: &Journal, req: Now) -> Result<Vec<PersonBalance>> {
    let (settings, data) = insight_input(j, req.now)?;
    Ok(analyse(&data, &settings, &[], req.now).balances)
}

/// Open favours as of `now`: at least `min_age_days` old, or the settings' open-loop age
/// (30 days by default) when not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListOpenLoops {
    pub now: NaiveDate,
    #[serde(default)]
    pub min_age_days: Option<u32>,
}

pub fn list_open_loops(j: &Journal, req: ListOpenLoops) -> Result<Vec<OpenLoop>> {
    let (settings, data) = insight_input(j, req.now)?;
    let min_age = req.min_age_days.map_or(settings.open_loop_days, i64::from);
    Ok(open_favours(&data, &settings, req.now, min_age))
}

pub fn list_references(_: Empty) -> Result<Vec<Reference>> {
    Ok(references().to_vec())
}

/// The insight with `id` as of `now`, dismissed or not.
pub fn find_insight(j: &Journal, id: &str, now: NaiveDate) -> Result<Insight> {
    let (settings, data) = insight_input(j, now)?;
    all_insights(&data, &settings, now)
        .into_iter()
        .find(|i| i.id == id.trim())
        .ok_or_else(|| Error::not_found("insight", id.trim()))
}

pub fn dismiss_insight(j: &mut Journal, req: InsightAt) -> Result<Empty> {
    let insight = find_insight(j, &req.id, req.now)?;
    j.save_dismissal(&Dismissal::dismiss(&insight, req.now))?;
    Ok(Empty {})
}

pub fn snooze_insight(j: &mut Journal, req: SnoozeInsight) -> Result<Empty> {
    if req.until <= req.now {
        return Err(Error::invalid("until", "snooze until a day after today"));
    }
    let insight = find_insight(j, &req.id, req.now)?;
    j.save_dismissal(&Dismissal::snooze(&insight, req.now, req.until))?;
    Ok(Empty {})
}

pub fn restore_insight(j: &mut Journal, req: ById) -> Result<bool> {
    j.delete_dismissal(req.id.trim())
}

pub fn get_insight_settings(j: &Journal, _: Empty) -> Result<Settings> {
    j.load_insight_settings()
}

pub fn default_insight_settings(_: Empty) -> Result<Settings> {
    Ok(Settings::default())
}

pub fn save_insight_settings(j: &mut Journal, req: SaveSettings) -> Result<Settings> {
    if req.settings.sanitised() != req.settings {
        return Err(Error::invalid(
            "settings",
            "one of these numbers is outside its range; shares and probabilities are between 0 and 1",
        ));
    }
    j.save_insight_settings(&req.settings)?;
    Ok(req.settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_out_of_range_are_refused_and_nothing_is_saved() {
        let mut j = Journal::open_in_memory().unwrap();
        let bad = Settings {
            exchange_threshold: 1.5,
            ..Settings::default()
        };
        assert!(save_insight_settings(&mut j, SaveSettings { settings: bad }).is_err());
        assert_eq!(
            get_insight_settings(&j, Empty {}).unwrap(),
            Settings::default()
        );
    }

    #[test]
    fn a_snooze_must_end_after_today() {
        let mut j = Journal::open_in_memory().unwrap();
        let day: NaiveDate = "2026-06-01".parse().unwrap();
        let req = SnoozeInsight {
            id: "x".into(),
            now: day,
            until: day,
        };
        let err = snooze_insight(&mut j, req).unwrap_err();
        assert_eq!(err.field(), Some("until"));
    }
}
