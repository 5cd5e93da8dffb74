//! Dismissed and snoozed insights. A dismissal hides an insight (by its id, kind and subject)
//! for good, a snooze until a date; either way a changed situation comes back: an insight that
//! is now more severe, or clearly stronger than when it was set aside, is shown again.

use super::settings::Settings;
use super::types::{Insight, Severity};
use crate::model::vocabulary::vocabulary;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

vocabulary!(
    /// Whether an insight was dismissed or snoozed.
    DismissAction, "action" {
        Dismissed => "dismissed",
        Snoozed => "snoozed",
    }
);

/// The user's choice to set an insight aside, with what the insight looked like then.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Dismissal {
    pub insight_id: String,
    pub action: DismissAction,
    /// For a snooze: hidden while `now` is before this date.
    pub until: Option<NaiveDate>,
    pub severity: Severity,
    pub strength: f64,
    /// The day it was set aside.
    pub on: NaiveDate,
}

impl Dismissal {
    /// A dismissal of `insight` as it is now.
    pub fn dismiss(insight: &Insight, on: NaiveDate) -> Dismissal {
        Dismissal {
            insight_id: insight.id.clone(),
            action: DismissAction::Dismissed,
            until: None,
            severity: insight.severity,
            strength: insight.strength,
            on,
        }
    }

    /// A snooze of `insight` until `until`.
    pub fn snooze(insight: &Insight, on: NaiveDate, until: NaiveDate) -> Dismissal {
        Dismissal {
            action: DismissAction::Snoozed,
            until: Some(until),
            ..Dismissal::dismiss(insight, on)
        }
    }

    /// Whether this dismissal still hides `insight` at `now`.
    pub fn hides(&self, insight: &Insight, settings: &Settings, now: NaiveDate) -> bool {
        if self.insight_id != insight.id {
            return false;
        }
        let active = match self.action {
            DismissAction::Dismissed => true,
            DismissAction::Snoozed => self.until.is_some_and(|u| now < u),
        };
        let escalated: bool = insight.severity > self.severity
            || insight.strength >= self.strength + settings.resurface_margin;
        active && !escalated
    }
}

/// Splits insights into those to show and the ids of those set aside.
pub fn apply(
    insights: Vec<Insight>,
    dismissals: &[Dismissal],
    settings: &Settings,
    now: NaiveDate,
) -> (Vec<Insight>, Vec<String>) {
    let mut shown = Vec::new();
    let mut hidden = Vec::new();
    for i in insights {
        if dismissals.iter().any(|d| d.hides(&i, settings, now)) {
            hidden.push(i.id);
        } else {
            shown.push(i);
        }
    }
    (shown, hidden)
}
