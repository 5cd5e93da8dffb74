//! Home: everything the first screen shows, in one answer.
//!
//! Why one command: the window opens on Home, and each call it waits for costs a round trip
//! through the web view, which on a busy start is often longer than the work itself. So the
//! report, the check-in reminder, the favours still open, the last entries and the month's
//! counts come together, and the insight engine reads the journal once for the report and
//! the open favours alike.

use super::checkins::{checkin_reminder, CheckinReminder};
use super::exchanges::{list_exchanges, Entry, ListExchanges};
use super::review::{insight_input, report_for_everyone};
use super::Today;
use crate::insight::{open_favours, OpenLoop, Report};
use crate::journal::Journal;
use crate::model::ExchangeFilter;
use crate::Result;
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Entries shown under "Recently".
const RECENT: u32 = 6;
/// Open favours shown under "Still open", oldest first.
const OPEN: usize = 5;
/// The span of the given and received counts, in days up to today.
const MONTH_DAYS: u64 = 30;

/// What Home shows for the user's local date `today`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HomeView {
    /// The insight report, as `review_report` gives it.
    pub report: Report,
    pub reminder: CheckinReminder,
    /// The oldest favours received and not yet thanked for or returned, at most five.
    pub open_loops: Vec<OpenLoop>,
    /// The newest entries, at most six.
    pub recent: Vec<Entry>,
    /// Exchanges given and received in the 30 days up to today.
    pub given_last_30_days: u32,
    pub received_last_30_days: u32,
}

/// Kept until the journal changes (`Journal::remember`): the window asks again on every
/// return to Home.
pub fn home_view(j: &Journal, req: Today) -> Result<HomeView> {
    j.remember(&req.today.to_string(), |j| compute(j, req.today))
}

fn compute(j: &Journal, today: NaiveDate) -> Result<HomeView> {
    let (settings, data) = insight_input(j, today)?;
    let report = report_for_everyone(j, &settings, &data, today)?;
    let mut open_loops = open_favours(&data, &settings, today, 0);
    open_loops.truncate(OPEN);
    let recent = list_exchanges(
        j,
        ListExchanges {
            filter: ExchangeFilter {
                limit: Some(RECENT),
                ..ExchangeFilter::default()
            },
        },
    )?;
    let since = today
        .checked_sub_days(Days::new(MONTH_DAYS))
        .unwrap_or(today);
    let (given, received) = j.count_exchanges_since(since)?;
    Ok(HomeView {
        report,
        reminder: checkin_reminder(j, Today { today })?,
        open_loops,
        recent,
        given_last_30_days: given,
        received_last_30_days: received,
    })
}
