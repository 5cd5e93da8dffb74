//! Balance per person and the "you give more" / "you receive more" insights (DESIGN §4.1).
//!
//! G and R are the decayed, value-weighted gives and receipts, each divided by the user's mean
//! value v̄, so that a typical exchange counts about one. The giving share θ ~ Beta(1+G, 1+R).
//! A flag needs P(θ > τ) ≥ 0.90 (τ = 0.60 for exchange bonds, 0.70 for communal ones), an
//! effective n ≥ 6 and 30 days of history (adams1965, walster1978, clark1979).

use super::stats::{beta_interval_near, beta_mean, beta_prob_above, beta_quantile};
use super::types::{Insight, InsightKind, Severity, Subject};
use super::view::{Ctx, Ex, IdMap};
use super::words::{chance, fraction_words, pct};
use crate::model::{Relationship, Sphere};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How the balance bar is labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BalanceLabel {
    NotEnoughYet,
    YouGiveMore,
    TheyGiveMore,
    AboutEven,
}

/// The giving share at the end of one month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BalancePoint {
    /// "YYYY-MM".
    pub month: String,
    pub share: f64,
    pub low: f64,
    pub high: f64,
}

/// The balance of one relationship.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonBalance {
    pub person_id: String,
    pub name: String,
    pub relationship: Relationship,
    pub sphere: Sphere,
    pub communal: bool,
    /// Positive exchanges (not slights) up to now.
    pub given: u32,
    pub received: u32,
    /// Decayed, value-weighted G and R.
    pub weighted_given: f64,
    pub weighted_received: f64,
    /// Mean giving share and its interval (10th–90th percentile by default).
    pub share: f64,
    pub low: f64,
    pub high: f64,
    /// P(θ > τ) and P(θ < 1 − τ) for this bond's τ.
    pub p_give_more: f64,
    pub p_receive_more: f64,
    pub threshold: f64,
    /// (Σw)² / Σw².
    pub effective_n: f64,
    pub history_days: i64,
    /// Whether there is enough data for a flag (effective n and history).
    pub enough: bool,
    pub label: BalanceLabel,
    pub last_exchange_on: Option<NaiveDate>,
    /// Month-end giving shares for a person's chart, oldest first; empty in a report for
    /// everyone (see `report_settings`).
    pub series: Vec<BalancePoint>,
}

/// The balance of every person with at least one positive exchange, in people order.
pub(crate) fn balances(ctx: &Ctx) -> Vec<PersonBalance> {
    ctx.people
        .iter()
        .enumerate()
        .filter_map(|(i, _)| person_balance(ctx, i))
        .collect()
}

/// Decayed, value-weighted totals of one person's positive exchanges.
struct Totals {
    g: f64,
    r: f64,
    given: u32,
    received: u32,
    /// (Σw)² / Σw².
    effective_n: f64,
}

fn totals(ctx: &Ctx, list: &[&Ex]) -> Totals {
    let (mut g, mut r, mut sw, mut sw2) = (0.0, 0.0, 0.0, 0.0);
    let (mut given, mut received) = (0u32, 0u32);
    for e in list {
        let x = e.w * e.value() / ctx.v_bar;
        if e.given() {
            g += x;
            given += 1;
        } else {
            r += x;
            received += 1;
        }
        sw += e.w;
        sw2 += e.w * e.w;
    }
    let effective_n = if sw2 > 0.0 { sw * sw / sw2 } else { 0.0 };
    Totals {
        g,
        r,
        given,
        received,
        effective_n,
    }
}

fn label(ctx: &Ctx, enough: bool, p_give_more: f64, p_receive_more: f64) -> BalanceLabel {
    if !enough {
        BalanceLabel::NotEnoughYet
    } else if p_give_more >= ctx.s.flag_probability {
        BalanceLabel::YouGiveMore
    } else if p_receive_more >= ctx.s.flag_probability {
        BalanceLabel::TheyGiveMore
    } else {
        BalanceLabel::AboutEven
    }
}

pub(crate) fn person_balance(ctx: &Ctx, person: usize) -> Option<PersonBalance> {
    let p = &ctx.people[person];
    let list: Vec<&Ex> = ctx.by_person[person]
        .iter()
        .map(|&i| &ctx.ex[i])
        .filter(|e| !e.is_slight())
        .collect();
    let history_days = list.first()?.age;
    let t = totals(ctx, &list);
    let communal = p.relationship.is_communal();
    let tau = if communal {
        ctx.s.communal_threshold
    } else {
        ctx.s.exchange_threshold
    };
    let (a, b) = (1.0 + t.g, 1.0 + t.r);
    let tail = (1.0 - ctx.s.interval) / 2.0;
    let p_give_more = beta_prob_above(a, b, tau);
    let p_receive_more = beta_prob_above(b, a, tau);
    let enough = t.effective_n >= ctx.s.min_effective_n && history_days >= ctx.s.min_history_days;
    Some(PersonBalance {
        person_id: p.id.clone(),
        name: p.name.clone(),
        relationship: p.relationship,
        sphere: p.relationship.sphere(),
        communal,
        given: t.given,
        received: t.received,
        weighted_given: t.g,
        weighted_received: t.r,
        share: beta_mean(a, b),
        low: beta_quantile(a, b, tail),
        high: beta_quantile(a, b, 1.0 - tail),
        p_give_more,
        p_receive_more,
        threshold: tau,
        effective_n: t.effective_n,
        history_days,
        enough,
        label: label(ctx, enough, p_give_more, p_receive_more),
        last_exchange_on: list.last().map(|e| e.fact.occurred_on),
        series: series(ctx, &list, tail),
    })
}

/// Month-end shares for the last `series_months` months (only months after the first
/// exchange). Weights are recomputed as of each month's end, incrementally.
fn series(ctx: &Ctx, list: &[&Ex], tail: f64) -> Vec<BalancePoint> {
    let months = ctx.s.series_months as i32;
    if months == 0 || list.is_empty() {
        return Vec::new();
    }
    let first_day = list[0].fact.occurred_on;
    let ln2_over_h = std::f64::consts::LN_2 / ctx.s.half_life_days;
    let mut ends: Vec<NaiveDate> = Vec::new();
    let (y, m) = (ctx.now.year(), ctx.now.month() as i32);
    for back in (0..months).rev() {
        let idx = y * 12 + (m - 1) - back;
        let (yy, mm) = (idx.div_euclid(12), idx.rem_euclid(12) + 1);
        let end = month_end(yy, mm as u32).min(ctx.now);
        if end >= first_day {
            ends.push(end);
        }
    }
    let mut out: Vec<BalancePoint> = Vec::with_capacity(ends.len());
    let (mut g, mut r) = (0.0, 0.0);
    let mut at: Option<NaiveDate> = None;
    let mut i = 0;
    for end in ends {
        if let Some(prev) = at {
            let decay = (-((end - prev).num_days() as f64) * ln2_over_h).exp();
            g *= decay;
            r *= decay;
        }
        while i < list.len() && list[i].fact.occurred_on <= end {
            let e = list[i];
            let age = (end - e.fact.occurred_on).num_days() as f64;
            let x = (-age * ln2_over_h).exp() * e.value() / ctx.v_bar;
            if e.given() {
                g += x;
            } else {
                r += x;
            }
            i += 1;
        }
        at = Some(end);
        let (a, b) = (1.0 + g, 1.0 + r);
        // Each month starts from the month before: one or two Newton steps, to about 1e-5 (a chart
        // shows three digits at most).
        let (low, high) = match out.last() {
            Some(prev) => beta_interval_near(a, b, tail, (prev.low, prev.high), 1e-5),
            None => (beta_quantile(a, b, tail), beta_quantile(a, b, 1.0 - tail)),
        };
        out.push(BalancePoint {
            month: format!("{:04}-{:02}", end.year(), end.month()),
            share: beta_mean(a, b),
            low,
            high,
        });
    }
    out
}

fn month_end(year: i32, month: u32) -> NaiveDate {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// "You give more" / "you receive more" for each unarchived person with enough data.
pub(crate) fn insights(ctx: &Ctx, balances: &[PersonBalance]) -> Vec<Insight> {
    let mut out = Vec::new();
    let index: IdMap<usize> = ctx
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    for b in balances {
        let Some(&i) = index.get(b.person_id.as_str()) else {
            continue;
        };
        if ctx.people[i].archived_at.is_some() || !b.enough {
            continue;
        }
        let evidence: Vec<String> = ctx.by_person[i]
            .iter()
            .rev()
            .map(|&k| &ctx.ex[k])
            .filter(|e| !e.is_slight())
            .take(20)
            .map(|e| e.fact.id.clone())
            .collect();
        if b.label == BalanceLabel::YouGiveMore {
            out.push(flag(b, true, evidence));
        } else if b.label == BalanceLabel::TheyGiveMore {
            out.push(flag(b, false, evidence));
        }
    }
    out
}

fn flag(b: &PersonBalance, you_give: bool, evidence: Vec<String>) -> Insight {
    let (kind, share) = if you_give {
        (InsightKind::GivesMore, b.share)
    } else {
        (InsightKind::ReceivesMore, 1.0 - b.share)
    };
    // A close bond gets an invitation to reflect, not a verdict (clark1979).
    let severity = if b.communal {
        Severity::Note
    } else {
        Severity::Notice
    };
    let subject = Subject::Person {
        id: b.person_id.clone(),
        name: b.name.clone(),
    };
    let mut research = vec!["adams1965", "walster1978"];
    if b.communal {
        research.push("clark1979");
        research.push("grote2001");
    }
    let insight = Insight::new(kind, subject, severity, flag_headline(b, you_give, share));
    flag_reasons(insight, b, you_give, share)
        .research(&research)
        .evidence(evidence)
        .strength(share)
}

fn flag_headline(b: &PersonBalance, you_give: bool, share: f64) -> String {
    let from = if you_give { "you" } else { b.name.as_str() };
    if b.communal {
        format!(
            "Lately, {} favours between you and {} came from {}; in a close bond that can \
             simply be how things are now, worth a thought only if it feels heavy.",
            fraction_words(share),
            b.name,
            from
        )
    } else {
        format!(
            "Recently, {} favours between you and {} went from {}.",
            fraction_words(share),
            b.name,
            from
        )
    }
}

fn flag_reasons(insight: Insight, b: &PersonBalance, you_give: bool, share: f64) -> Insight {
    let who = if you_give { "your" } else { "their" };
    let (low, high, p) = if you_give {
        (b.low, b.high, b.p_give_more)
    } else {
        (1.0 - b.high, 1.0 - b.low, b.p_receive_more)
    };
    insight
        .reason(
            "share",
            share,
            format!(
                "Weighting recent exchanges more, {who} share of the giving is about {} \
                 (80% sure it is between {} and {}).",
                pct(share),
                pct(low),
                pct(high)
            ),
        )
        .reason(
            "probability",
            p,
            format!(
                "The chance that {who} share is above {} is {}.",
                pct(b.threshold),
                chance(p)
            ),
        )
        .reason(
            "counts",
            f64::from(if you_give { b.given } else { b.received }),
            format!(
                "{} exchanges went from you and {} came to you.",
                b.given, b.received
            ),
        )
        .reason(
            "effective_n",
            b.effective_n,
            format!(
                "That rests on about {:.0} recent exchanges' worth of evidence over {} days.",
                b.effective_n, b.history_days
            ),
        )
}
