//! The side-by-side of asks on Patterns (DESIGN §4, after item 11): asks made of you after a
//! favour and without one, and asks you made, each with how often the answer was yes, how
//! often a yes was done, and how being asked felt. Always available, flagged or not: it
//! shows the user their own pattern (ask small and honestly; give without strings).

use super::asks::{asks_of_you, favour_before, favours_from, mean_rated, RequestFact};
use super::settings::Settings;
use super::types::Data;
use super::view::Ctx;
use crate::model::{Answer, FollowThrough, RequestDirection};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which asks a row counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AskGroup {
    /// Asked of you within the favour window after a favour from the same person.
    OfYouAfterFavour,
    /// Asked of you with no favour from them shortly before.
    OfYouWithoutFavour,
    /// Asks you made.
    ByYou,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AskRow {
    pub group: AskGroup,
    pub asks: u32,
    /// Asks with an answer (not pending).
    pub answered: u32,
    /// Share of answered asks agreed to, fully or partly; `None` before any answer.
    pub agreed_share: Option<f64>,
    /// Share of agreed asks done, of those whose follow-through is known (yes or no).
    pub done_share: Option<f64>,
    /// Means of the rated feelings (asks made of you only), 0..=4.
    pub mean_pressure: Option<f64>,
    pub mean_obligation: Option<f64>,
    pub mean_free_to_refuse: Option<f64>,
}

/// Asks from the horizon up to `now`, in three rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AskTable {
    pub rows: Vec<AskRow>,
}

/// The side-by-side for `now`.
pub fn ask_table(data: &Data, settings: &Settings, now: NaiveDate) -> AskTable {
    let ctx = Ctx::new(data, settings, now);
    let asks = asks_of_you(&ctx, &data.requests);
    let (mut after, mut without): (Vec<&RequestFact>, Vec<&RequestFact>) = (vec![], vec![]);
    for (i, list) in asks.iter().enumerate() {
        let favours = favours_from(&ctx, i);
        for ask in list {
            match favour_before(&ctx, &favours, ask) {
                Some(_) => after.push(ask.fact),
                None => without.push(ask.fact),
            }
        }
    }
    let since = ctx.s.since(now);
    let known: Vec<&str> = data.people.iter().map(|p| p.id.as_str()).collect();
    let by_you: Vec<&RequestFact> = data
        .requests
        .iter()
        .filter(|r| r.direction == RequestDirection::ByYou && r.on <= now && r.on >= since)
        .filter(|r| known.contains(&r.person_id.as_str()))
        .collect();
    AskTable {
        rows: vec![
            row(AskGroup::OfYouAfterFavour, &after),
            row(AskGroup::OfYouWithoutFavour, &without),
            row(AskGroup::ByYou, &by_you),
        ],
    }
}

fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn row(group: AskGroup, asks: &[&RequestFact]) -> AskRow {
    let answered = asks.iter().filter(|r| r.answer != Answer::Pending).count();
    let agreed: Vec<&&RequestFact> = asks.iter().filter(|r| r.answer.said_yes()).collect();
    let known = agreed
        .iter()
        .filter(|r| {
            matches!(
                r.followed_through,
                Some(FollowThrough::Yes | FollowThrough::No)
            )
        })
        .count();
    let done = agreed
        .iter()
        .filter(|r| r.followed_through == Some(FollowThrough::Yes))
        .count();
    AskRow {
        group,
        asks: asks.len() as u32,
        answered: answered as u32,
        agreed_share: share(agreed.len(), answered),
        done_share: share(done, known),
        mean_pressure: mean_rated(asks.iter().map(|r| r.pressure)),
        mean_obligation: mean_rated(asks.iter().map(|r| r.obligation)),
        mean_free_to_refuse: mean_rated(asks.iter().map(|r| r.free_to_refuse)),
    }
}
