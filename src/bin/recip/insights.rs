//! `recip balance`, `recip insights` (with `dismiss` and `snooze`), `recip references` and
//! `recip demo`: the insight engine's face on the command line. `--now` fixes the evaluation
//! date so a report can be reproduced; without it, today is used.

use crate::output::print_json;
use chrono::{Local, NaiveDate};
use clap::{Args, Subcommand};
use reciprocity::api::journal::fill_with_sample;
use reciprocity::api::review::{self, InsightAt, SnoozeInsight};
use reciprocity::api::{Empty, Now};
use reciprocity::insight::{BalanceLabel, Insight, Report};
use reciprocity::journal::Journal;
use reciprocity::Result;

#[derive(Args)]
pub struct BalanceArgs {
    /// Evaluate as of this date (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE")]
    pub now: Option<NaiveDate>,
}

#[derive(Args)]
pub struct InsightsArgs {
    /// Evaluate as of this date (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE", global = true)]
    pub now: Option<NaiveDate>,
    #[command(subcommand)]
    pub command: Option<InsightCommand>,
}

#[derive(Subcommand)]
pub enum InsightCommand {
    /// Stop showing an insight (it comes back if it grows clearly stronger).
    Dismiss {
        /// The insight's id, as `recip insights` prints it.
        id: String,
    },
    /// Hide an insight until a date.
    Snooze {
        id: String,
        /// Show it again from this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        until: NaiveDate,
    },
}

#[derive(Args)]
pub struct DemoArgs {
    /// The seed: the same seed makes the same journal.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Years of history, ending today.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=20))]
    pub years: u32,
}

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn report(journal: &Journal, now: NaiveDate) -> Result<Report> {
    review::review_report(journal, Now { now })
}

pub fn balance(journal: &Journal, a: BalanceArgs, json: bool) -> Result<()> {
    let now = a.now.unwrap_or_else(today);
    let balances = review::list_balances(journal, Now { now })?;
    if json {
        return print_json(&balances);
    }
    if balances.is_empty() {
        say!("No balances yet: they appear once you log what you give and receive (`recip log`).");
        return Ok(());
    }
    for b in &balances {
        let label = match b.label {
            BalanceLabel::NotEnoughYet => "not enough yet",
            BalanceLabel::YouGiveMore => "you give more",
            BalanceLabel::TheyGiveMore => "they give more",
            BalanceLabel::AboutEven => "about even",
        };
        say!(
            "{:<24} {:>3.0}% given (80%: {:.0}–{:.0}%)  {:>3} given / {:>3} received  {}",
            b.name,
            b.share * 100.0,
            b.low * 100.0,
            b.high * 100.0,
            b.given,
            b.received,
            label
        );
    }
    Ok(())
}

pub fn insights(journal: &mut Journal, a: InsightsArgs, json: bool) -> Result<()> {
    let now = a.now.unwrap_or_else(today);
    match a.command {
        None => {
            let r = report(journal, now)?;
            if json {
                return print_json(&r.insights);
            }
            if r.insights.is_empty() {
                say!("Nothing to point out yet: insights appear as your journal grows.");
            }
            for i in &r.insights {
                print_insight(i);
            }
            if !r.hidden.is_empty() {
                say!("({} dismissed or snoozed.)", r.hidden.len());
            }
            Ok(())
        }
        Some(InsightCommand::Dismiss { id }) => {
            let insight = review::find_insight(journal, &id, now)?;
            review::dismiss_insight(journal, InsightAt { id, now })?;
            say!("Dismissed: {}", insight.headline);
            Ok(())
        }
        Some(InsightCommand::Snooze { id, until }) => {
            let insight = review::find_insight(journal, &id, now);
            review::snooze_insight(journal, SnoozeInsight { id, now, until })?;
            say!("Snoozed until {until}: {}", insight?.headline);
            Ok(())
        }
    }
}

fn print_insight(i: &Insight) {
    say!("[{}] {}", i.severity.as_str(), i.headline);
    for r in &i.reasons {
        say!("    - {}", r.text);
    }
    say!("    research: {}", i.research.join(", "));
    say!("    id: {}", i.id);
    say!();
}

pub fn references_list(json: bool) -> Result<()> {
    let all = review::list_references(Empty {})?;
    if json {
        return print_json(&all);
    }
    for r in &all {
        say!("[{}] {}", r.key, r.citation());
    }
    Ok(())
}

pub fn demo(journal: &mut Journal, a: DemoArgs, json: bool) -> Result<()> {
    let made = fill_with_sample(journal, a.seed, a.years, today())?;
    if json {
        return print_json(&made);
    }
    say!(
        "Wrote a sample journal: {} people, {} exchanges, {} asks, {} check-ins (seed {}, {} years).",
        made.people,
        made.exchanges,
        made.asks,
        made.checkins,
        made.seed,
        made.years
    );
    Ok(())
}
