//! Uninvited favours (DESIGN §4.6): does an unsolicited favour leave you more indebted than
//! one you asked for? (regan1971, goei2005). Reported when there are ≥ 6 rated receipts of
//! each and the mean indebtedness differs by ≥ 1 point (out of 4).

use super::types::{Insight, InsightKind, Severity, Subject};
use super::view::Ctx;
use super::words::num;
use crate::model::Initiative;

/// Rated indebtedness after unsolicited and after asked-for receipts, oldest first.
struct Found<'a> {
    unsolicited: Vec<(f64, &'a str)>,
    asked: Vec<(f64, &'a str)>,
    mean_unsolicited: f64,
    mean_asked: f64,
}

pub(crate) fn insights(ctx: &Ctx) -> Vec<Insight> {
    detect(ctx).map(word).into_iter().collect()
}

/// Enough ratings of each and a difference of at least the threshold; `None` otherwise.
fn detect<'a>(ctx: &Ctx<'a>) -> Option<Found<'a>> {
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
        return None;
    }
    let mean = |v: &[(f64, &str)]| v.iter().map(|x| x.0).sum::<f64>() / v.len() as f64;
    let (mean_unsolicited, mean_asked) = (mean(&unsolicited), mean(&asked));
    (mean_unsolicited - mean_asked >= ctx.s.unsolicited_min_difference).then_some(Found {
        unsolicited,
        asked,
        mean_unsolicited,
        mean_asked,
    })
}

fn word(f: Found) -> Insight {
    let (mu, ma) = (f.mean_unsolicited, f.mean_asked);
    let diff = mu - ma;
    let headline = format!(
        "Favours you did not ask for leave you feeling more in debt: {} out of 4 on average, \
         against {} for help you asked for.",
        num(mu),
        num(ma)
    );
    let evidence = f
        .unsolicited
        .iter()
        .rev()
        .take(20)
        .map(|x| x.1.to_string())
        .collect();
    Insight::new(
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
            f.unsolicited.len(),
            num(mu)
        ),
    )
    .reason(
        "asked_indebtedness",
        ma,
        format!(
            "After {} favours you asked for it was {}.",
            f.asked.len(),
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
    .strength(diff / 4.0)
}
