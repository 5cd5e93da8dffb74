//! Workplace vs personal (DESIGN §4.4): how receiving feels in each sphere, side by side.
//!
//! For indebtedness, pressure and gratitude on received exchanges, the two spheres are
//! compared with a Mann–Whitney U test and the rank-biserial effect r = 2U/(n₁n₂) − 1
//! (positive: higher at work). An insight is reported when both sides have ≥ 8 rated exchanges
//! and |r| ≥ 0.3 for at least one feeling (belmi2015, clark1979). The table is always there.

use super::stats::{beta_mean, mann_whitney};
use super::types::{Insight, InsightKind, Severity, Subject};
use super::view::Ctx;
use super::words::{capitalise, num, pct};
use crate::model::{Feelings, Sphere};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One sphere's row of the side-by-side table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SphereRow {
    pub sphere: Sphere,
    pub given: u32,
    pub received: u32,
    /// Decayed giving share, Beta mean.
    pub giving_share: f64,
    pub mean_indebtedness: Option<f64>,
    pub mean_pressure: Option<f64>,
    pub mean_gratitude: Option<f64>,
    /// Mean "drained" over rated gives (0..=4).
    #[serde(default)]
    pub mean_drained: Option<f64>,
}

/// Workplace against personal for one feeling.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SphereComparison {
    /// "indebtedness", "pressure" or "gratitude".
    pub measure: String,
    pub workplace_n: u32,
    pub personal_n: u32,
    pub workplace_mean: Option<f64>,
    pub personal_mean: Option<f64>,
    /// Rank-biserial r, positive when higher at work.
    pub r: Option<f64>,
    pub p: Option<f64>,
    /// Enough data on both sides and |r| at least the threshold.
    pub flagged: bool,
}

/// The whole table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SphereTable {
    pub rows: Vec<SphereRow>,
    pub comparisons: Vec<SphereComparison>,
}

type Pick = fn(&Feelings) -> Option<u8>;
const MEASURES: [(&str, Pick); 3] = [
    ("indebtedness", |f| f.indebtedness),
    ("pressure", |f| f.pressure),
    ("gratitude", |f| f.gratitude),
];

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

pub(crate) fn table(ctx: &Ctx) -> SphereTable {
    SphereTable {
        rows: Sphere::ALL.iter().map(|&sphere| row(ctx, sphere)).collect(),
        comparisons: MEASURES
            .iter()
            .map(|&(name, pick)| comparison(ctx, name, pick))
            .collect(),
    }
}

/// One sphere's counts, giving share and mean feelings.
fn row(ctx: &Ctx, sphere: Sphere) -> SphereRow {
    let (mut given, mut received, mut g, mut r) = (0u32, 0u32, 0.0, 0.0);
    let mut ratings: [Vec<f64>; 3] = Default::default();
    let mut drained = Vec::new();
    for e in ctx
        .ex
        .iter()
        .filter(|e| e.sphere == sphere && !e.is_slight())
    {
        let x = e.w * e.value() / ctx.v_bar;
        if e.given() {
            given += 1;
            g += x;
            drained.extend(e.fact.feelings.drained.map(f64::from));
        } else {
            received += 1;
            r += x;
            for (k, (_, pick)) in MEASURES.iter().enumerate() {
                if let Some(v) = pick(&e.fact.feelings) {
                    ratings[k].push(f64::from(v));
                }
            }
        }
    }
    SphereRow {
        sphere,
        given,
        received,
        giving_share: beta_mean(1.0 + g, 1.0 + r),
        mean_indebtedness: mean(&ratings[0]),
        mean_pressure: mean(&ratings[1]),
        mean_gratitude: mean(&ratings[2]),
        mean_drained: mean(&drained),
    }
}

/// Workplace against personal receipts for one feeling.
fn comparison(ctx: &Ctx, name: &str, pick: Pick) -> SphereComparison {
    let side = |sphere: Sphere| -> Vec<f64> {
        ctx.ex
            .iter()
            .filter(|e| e.sphere == sphere && !e.given() && !e.is_slight())
            .filter_map(|e| pick(&e.fact.feelings).map(f64::from))
            .collect()
    };
    let work = side(Sphere::Workplace);
    let personal = side(Sphere::Personal);
    let mw = mann_whitney(&work, &personal);
    let enough = work.len() >= ctx.s.sphere_min_rated && personal.len() >= ctx.s.sphere_min_rated;
    SphereComparison {
        measure: name.to_string(),
        workplace_n: work.len() as u32,
        personal_n: personal.len() as u32,
        workplace_mean: mean(&work),
        personal_mean: mean(&personal),
        r: mw.map(|m| m.r),
        p: mw.map(|m| m.p_two_sided),
        flagged: enough && mw.is_some_and(|m| m.r.abs() >= ctx.s.sphere_min_effect),
    }
}

pub(crate) fn insights(ctx: &Ctx, table: &SphereTable) -> Vec<Insight> {
    let flagged: Vec<&SphereComparison> = table.comparisons.iter().filter(|c| c.flagged).collect();
    let Some(strongest) = flagged.iter().max_by(|a, b| {
        let (x, y) = (a.r.unwrap_or(0.0).abs(), b.r.unwrap_or(0.0).abs());
        x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal)
    }) else {
        return Vec::new();
    };
    let headline = format!(
        "Help at work feels different: you rate {} {} out of 4 on average after help from work, \
         against {} from the people in your personal life.",
        strongest.measure,
        num(strongest.workplace_mean.unwrap_or(0.0)),
        num(strongest.personal_mean.unwrap_or(0.0))
    );
    let subject = Subject::Sphere {
        sphere: Sphere::Workplace,
    };
    let mut insight = Insight::new(
        InsightKind::SphereContrast,
        subject,
        Severity::Note,
        headline,
    );
    for c in &flagged {
        let r = c.r.unwrap_or(0.0);
        insight = insight.reason(&format!("{}_effect", c.measure), r, effect_text(c, r));
    }
    let share = |s: Sphere| {
        table
            .rows
            .iter()
            .find(|row| row.sphere == s)
            .map(|row| row.giving_share)
    };
    if let (Some(ws), Some(ps)) = (share(Sphere::Workplace), share(Sphere::Personal)) {
        let text = format!(
            "Your giving share is {} at work and {} in personal life.",
            pct(ws),
            pct(ps)
        );
        insight = insight.reason("workplace_giving_share", ws, text);
    }
    let evidence = ctx
        .ex
        .iter()
        .rev()
        .filter(|e| e.sphere == Sphere::Workplace && !e.given())
        .take(20)
        .map(|e| e.fact.id.clone())
        .collect();
    vec![insight
        .research(&["belmi2015", "clark1979"])
        .evidence(evidence)
        .strength(strongest.r.unwrap_or(0.0).abs())]
}

/// One feeling's contrast in words, with the effect as a share of pairs.
fn effect_text(c: &SphereComparison, r: f64) -> String {
    format!(
        "{}: {} at work ({} ratings) against {} in personal life ({} ratings); a work \
         rating is the {} one in {} of pairs (effect r = {:.2}).",
        capitalise(&c.measure),
        num(c.workplace_mean.unwrap_or(0.0)),
        c.workplace_n,
        num(c.personal_mean.unwrap_or(0.0)),
        c.personal_n,
        if r >= 0.0 { "higher" } else { "lower" },
        pct((1.0 + r.abs()) / 2.0),
        r
    )
}
