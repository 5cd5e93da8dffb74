//! Uninvited favours (DESIGN §4.6): does an unsolicited favour leave you more indebted than
//! one you asked for? (regan1971, goei2005). Reported when there are ≥ 6 rated receipts of
//! each and the mean indebtedness differs by ≥ 1 point (out of 4).

use super::types::{Insight, InsightKind, Severity, Subject};
use super::view::Ctx;
use super::words::num;
use crate::model::Initiative;

pub(crate) fn insights(ctx: &Ctx) -> Vec<Insight> {
    let mut unsolicited: Vec<(f64, &str)> = Vec::new();
    let mut asked: Vec<(f64, &str)> = Vec::new();
    for e in ctx.ex.iter().filter(|e| !e.given() && !e.is_slight()) {
        let Some(d) = e.fact.feelings.indebtedness else {
            continue;
        };
        match e.fact.initiative {
            Some(Initiative::Unsolicited) => unsolicited.push((f64::from(d), &e.fact.id)),
            Some(Initiative::Asked) => asked.push((f64::from(d), &e.fact.id)),
            _ => {}
        }
    }
    let n = ctx.s.unsolicited_min_each;
    if unsolicited.len() < n || asked.len() < n {
        return Vec::new();
    }
    let mean = |v: &[(f64, &str)]| v.iter().map(|x| x.0).sum::<f64>() / v.len() as f64;
    let (mu, ma) = (mean(&unsolicited), mean(&asked));
    let diff = mu - ma;
    if diff < ctx.s.unsolicited_min_difference {
        return Vec::new();
    }
    let headline = format!(
        "Favours you did not ask for leave you feeling more in debt: {} out of 4 on average, \
         against {} for help you asked for.",
        num(mu),
        num(ma)
    );
    let evidence = unsolicited
        .iter()
        .rev()
        .take(20)
        .map(|x| x.1.to_string())
        .collect();
    vec![Insight::new(
        InsightKind::UnsolicitedWeighsMore,
        Subject::Journal,
        Severity::Note,
        headline,
    )
    .reason(
        "unsolicited_indebtedness",
        mu,
        format!(
            "After {} unsolicited favours you rated indebtedness {} on average.",
            unsolicited.len(),
            num(mu)
        ),
    )
    .reason(
        "asked_indebtedness",
        ma,
        format!(
            "After {} favours you asked for it was {}.",
            asked.len(),
            num(ma)
        ),
    )
    .reason(
        "difference",
        diff,
        format!("The difference is {} points.", num(diff)),
    )
    .research(&["regan1971", "goei2005", "greenberg1971"])
    .evidence(evidence)
    .strength(diff / 4.0)]
}
