//! Reciprocity style (DESIGN §4.5): returning in kind or escalating (deng2021, shen2011).
//!
//! Each received exchange is paired with the user's next given exchange to the same person
//! within 60 days, or with the given exchange that names it in `reciprocates`; each give
//! returns at most one receipt. L = ln(v_given / v_received). In kind when |median L| ≤ 0.2;
//! escalating when median L > ln 1.25 and a one-sided sign test gives p < 0.05. At least 6
//! pairs, for the whole journal and for each person.

use super::stats::{median, sign_test_greater};
use super::types::{Insight, InsightKind, Severity, Subject};
use super::view::{Ctx, Ex, IdMap};
use super::words::num;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A receipt and the give that returned it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StylePair {
    pub person_id: String,
    pub received_id: String,
    pub given_id: String,
    pub received_on: NaiveDate,
    pub received_value: u8,
    pub given_value: u8,
    /// ln(given value / received value).
    pub log_ratio: f64,
    pub days_between: i64,
}

pub(crate) fn pairs(ctx: &Ctx) -> Vec<StylePair> {
    let linked = linked_gives(ctx);
    let mut used = vec![false; ctx.ex.len()];
    for &k in linked.values() {
        used[k] = true;
    }
    let mut out = Vec::new();
    let lookback = ctx.s.style_lookback_days;
    for list in &ctx.by_person {
        // Lists are oldest first: skip straight to the receipts inside the lookback.
        let first = list.partition_point(|&k| ctx.ex[k].age > lookback);
        for (pos, &k) in list.iter().enumerate().skip(first) {
            let e = &ctx.ex[k];
            if e.given() || e.is_slight() {
                continue;
            }
            let explicit = linked
                .get(e.fact.id.as_str())
                .copied()
                .filter(|&j| ctx.ex[j].person == e.person);
            let give = explicit.or_else(|| next_free_give(ctx, e, &list[pos + 1..], &used));
            let Some(j) = give else { continue };
            used[j] = true;
            out.push(pair(e, &ctx.ex[j]));
        }
    }
    // Oldest first, whatever order the people came in.
    out.sort_by(|a, b| (a.received_on, &a.received_id).cmp(&(b.received_on, &b.received_id)));
    out
}

/// Explicit links: the give that names a receipt in `reciprocates`, by the receipt's id.
fn linked_gives<'a>(ctx: &Ctx<'a>) -> IdMap<'a, usize> {
    let mut linked: IdMap<usize> = IdMap::default();
    // Only gives inside the lookback (plus the pairing window) can return a receipt in it.
    let horizon = ctx.s.style_lookback_days + ctx.s.style_window_days;
    let start = ctx.ex.partition_point(|e| e.age > horizon);
    for (k, e) in ctx.ex.iter().enumerate().skip(start) {
        if !e.given() || e.is_slight() {
            continue;
        }
        if let Some(target) = e.fact.reciprocates.as_deref() {
            linked.entry(target).or_insert(k);
        }
    }
    linked
}

/// The first give in `later` (the same person's exchanges after the receipt) within the
/// pairing window that has not returned anything yet.
fn next_free_give(ctx: &Ctx, receipt: &Ex, later: &[usize], used: &[bool]) -> Option<usize> {
    later
        .iter()
        .copied()
        .take_while(|&j| ctx.ex[j].age >= receipt.age - ctx.s.style_window_days)
        .find(|&j| {
            let g = &ctx.ex[j];
            g.given() && !g.is_slight() && !used[j]
        })
}

fn pair(e: &Ex, g: &Ex) -> StylePair {
    StylePair {
        person_id: e.fact.person_id.clone(),
        received_id: e.fact.id.clone(),
        given_id: g.fact.id.clone(),
        received_on: e.fact.occurred_on,
        received_value: e.fact.value,
        given_value: g.fact.value,
        log_ratio: (f64::from(g.fact.value) / f64::from(e.fact.value)).ln(),
        days_between: e.age - g.age,
    }
}

enum Style {
    InKind,
    Escalating { p: f64, up: usize, down: usize },
}

fn style(ctx: &Ctx, pairs: &[&StylePair]) -> Option<(Style, f64)> {
    if pairs.len() < ctx.s.style_min_pairs {
        return None;
    }
    let l: Vec<f64> = pairs.iter().map(|p| p.log_ratio).collect();
    let m = median(&l)?;
    if m > ctx.s.style_escalating_ratio.ln() {
        let t = sign_test_greater(&l);
        if t.p_greater < ctx.s.style_p {
            return Some((
                Style::Escalating {
                    p: t.p_greater,
                    up: t.positive,
                    down: t.negative,
                },
                m,
            ));
        }
    } else if m.abs() <= ctx.s.style_in_kind_band {
        return Some((Style::InKind, m));
    }
    None
}

pub(crate) fn insights(ctx: &Ctx, pairs: &[StylePair]) -> Vec<Insight> {
    let mut out = Vec::new();
    let all: Vec<&StylePair> = pairs.iter().collect();
    match style(ctx, &all) {
        Some((Style::InKind, m)) => out.push(in_kind(&all, m)),
        Some((Style::Escalating { p, up, down }, m)) => {
            out.push(escalating(Subject::Journal, &all, m, p, up, down));
        }
        None => {}
    }
    let mut by_person: IdMap<Vec<&StylePair>> = IdMap::default();
    for p in pairs {
        by_person.entry(p.person_id.as_str()).or_default().push(p);
    }
    for person in ctx.people.iter().filter(|p| p.archived_at.is_none()) {
        let Some(list) = by_person.get(person.id.as_str()) else {
            continue;
        };
        if let Some((Style::Escalating { p, up, down }, m)) = style(ctx, list) {
            let subject = Subject::Person {
                id: person.id.clone(),
                name: person.name.clone(),
            };
            out.push(escalating(subject, list, m, p, up, down));
        }
    }
    out
}

fn in_kind(all: &[&StylePair], m: f64) -> Insight {
    let headline = format!(
        "You tend to return favours in kind: across {} returns, what you gave back was \
         typically worth about the same as what you received.",
        all.len()
    );
    Insight::new(
        InsightKind::StyleInKind,
        Subject::Journal,
        Severity::Note,
        headline,
    )
    .reason(
        "median_ratio",
        m.exp(),
        format!(
            "The median ratio of what you gave back to what you had received is {}.",
            num(m.exp())
        ),
    )
    .reason(
        "pairs",
        all.len() as f64,
        format!("{} favours and their returns were paired.", all.len()),
    )
    .research(&["deng2021", "shen2011", "gouldner1960"])
    .evidence(pair_evidence(all))
    .strength(1.0 - m.abs())
}

/// The latest twenty pairs, each as its receipt and its return.
fn pair_evidence(pairs: &[&StylePair]) -> Vec<String> {
    pairs
        .iter()
        .rev()
        .take(20)
        .flat_map(|p| [p.received_id.clone(), p.given_id.clone()])
        .collect()
}

fn escalating(
    subject: Subject,
    pairs: &[&StylePair],
    m: f64,
    p: f64,
    up: usize,
    down: usize,
) -> Insight {
    let with = match &subject {
        Subject::Person { name, .. } => format!(" with {name}"),
        _ => String::new(),
    };
    let headline = format!(
        "Your returns{with} keep growing: you typically give back about {} times what you \
         received, bigger in {up} of {} returns.",
        num(m.exp()),
        up + down
    );
    Insight::new(
        InsightKind::StyleEscalating,
        subject,
        Severity::Note,
        headline,
    )
    .reason(
        "median_ratio",
        m.exp(),
        format!(
            "The median ratio of what you gave back to what you had received is {}.",
            num(m.exp())
        ),
    )
    .reason(
        "bigger_returns",
        up as f64,
        format!("{up} returns were bigger than the favour and {down} smaller."),
    )
    .reason(
        "p",
        p,
        format!(
            "So many bigger returns would happen by chance with probability {} (sign test).",
            super::stats::p_text(p)
        ),
    )
    .research(&["deng2021", "gouldner1960", "burger1986"])
    .evidence(pair_evidence(pairs))
    .strength(m)
}
