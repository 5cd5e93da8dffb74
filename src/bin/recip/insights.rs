//! `recip balance`, `recip insights` (with `dismiss` and `snooze`), `recip references` and
//! `recip demo`: the insight engine's face on the command line. `--now` fixes the evaluation
//! date so a report can be reproduced; without it, today is used.

use crate::output::print_json;
use chrono::{Local, NaiveDate};
use clap::{Args, Subcommand};
use reciprocity::generate::{generate, Options};
use reciprocity::insight::{
    all_insights, analyse, references, BalanceLabel, Dismissal, Insight, Report,
};
use reciprocity::journal::Journal;
use reciprocity::{Error, Result};

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
    let settings = journal.load_insight_settings()?;
    let data = journal.load_insight_data_since(Some(settings.since(now)))?;
    let dismissals = journal.list_dismissals()?;
    Ok(analyse(&data, &settings, &dismissals, now))
}

pub fn balance(journal: &Journal, a: BalanceArgs, json: bool) -> Result<()> {
    let r = report(journal, a.now.unwrap_or_else(today))?;
    if json {
        return print_json(&r.balances);
    }
    if r.balances.is_empty() {
        println!(
            "No balances yet: they appear once you log what you give and receive (`recip log`)."
        );
        return Ok(());
    }
    for b in &r.balances {
        let label = match b.label {
            BalanceLabel::NotEnoughYet => "not enough yet",
            BalanceLabel::YouGiveMore => "you give more",
            BalanceLabel::TheyGiveMore => "they give more",
            BalanceLabel::AboutEven => "about even",
        };
        println!(
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
                println!("Nothing to point out yet: insights appear as your journal grows.");
            }
            for i in &r.insights {
                print_insight(i);
            }
            if !r.hidden.is_empty() {
                println!("({} dismissed or snoozed.)", r.hidden.len());
            }
            Ok(())
        }
        Some(InsightCommand::Dismiss { id }) => {
            let insight = find(journal, &id, now)?;
            journal.save_dismissal(&Dismissal::dismiss(&insight, now))?;
            println!("Dismissed: {}", insight.headline);
            Ok(())
        }
        Some(InsightCommand::Snooze { id, until }) => {
            if until <= now {
                return Err(Error::invalid("until", "snooze until a date after today"));
            }
            let insight = find(journal, &id, now)?;
            journal.save_dismissal(&Dismissal::snooze(&insight, now, until))?;
            println!("Snoozed until {until}: {}", insight.headline);
            Ok(())
        }
    }
}

fn find(journal: &Journal, id: &str, now: NaiveDate) -> Result<Insight> {
    let settings = journal.load_insight_settings()?;
    let data = journal.load_insight_data_since(Some(settings.since(now)))?;
    all_insights(&data, &settings, now)
        .into_iter()
        .find(|i| i.id == id.trim())
        .ok_or_else(|| Error::not_found("insight", id.trim()))
}

fn print_insight(i: &Insight) {
    println!("[{}] {}", i.severity.as_str(), i.headline);
    for r in &i.reasons {
        println!("    - {}", r.text);
    }
    println!("    research: {}", i.research.join(", "));
    println!("    id: {}", i.id);
    println!();
}

pub fn references_list(json: bool) -> Result<()> {
    if json {
        return print_json(references());
    }
    for r in references() {
        println!("[{}] {}", r.key, r.citation());
    }
    Ok(())
}

pub fn demo(journal: &mut Journal, a: DemoArgs, json: bool) -> Result<()> {
    let default = Journal::default_path().ok();
    if journal.path().is_some() && journal.path() == default.as_deref() {
        return Err(Error::invalid(
            "db",
            "the sample journal goes in a file of its own, never your journal; name one",
        ));
    }
    if !journal.list_people(true)?.is_empty() {
        return Err(Error::invalid(
            "db",
            "this journal already has people in it; give --db a new file for the demo",
        ));
    }
    let generated = generate(&Options::demo(a.seed, a.years, today()));
    journal.insert_all(&generated.people, &generated.exchanges, &generated.checkins)?;
    let summary = serde_json::json!({
        "people": generated.people.len(),
        "exchanges": generated.exchanges.len(),
        "checkins": generated.checkins.len(),
        "seed": a.seed,
        "years": a.years,
    });
    if json {
        return print_json(&summary);
    }
    println!(
        "Wrote a sample journal: {} people, {} exchanges, {} check-ins (seed {}, {} years).",
        generated.people.len(),
        generated.exchanges.len(),
        generated.checkins.len(),
        a.seed,
        a.years
    );
    Ok(())
}
