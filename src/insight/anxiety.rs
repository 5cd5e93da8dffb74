//! Reciprocity anxiety (DESIGN §4.3): an index from 0 to 100 and whether it is growing.
//!
//! Each received exchange with any of indebtedness, pressure or discomfort rated gives one
//! rating, the mean of those × 25; each check-in gives the mean of its three anxiety items
//! × 25. Gratitude is never part of it (goei2005, watkins2006). The index is **growing** when,
//! within the recent window, there are ≥ 8 ratings spanning ≥ 21 days, the daily means rise by
//! a one-sided Mann–Kendall test (p < 0.05), the Theil–Sen slope is ≥ 10 points per 30 days,
//! and the recent time-weighted mean is above the user's own baseline median (the ratings
//! before the window, or the window's first half when there is no earlier history).

use super::stats::{mann_kendall, median, theil_sen};
use super::types::{Insight, InsightKind, Severity, Subject};
use super::view::Ctx;
use super::words::num;
use crate::model::Direction;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The index on one day: the mean of that day's ratings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AnxietyPoint {
    pub on: NaiveDate,
    pub index: f64,
    pub ratings: u32,
}

/// The journal's anxiety index over time and the trend test's numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AnxietySeries {
    /// Daily means, oldest first.
    pub points: Vec<AnxietyPoint>,
    pub trend: Option<AnxietyTrend>,
}

/// The trend test over the recent window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AnxietyTrend {
    pub ratings: u32,
    pub span_days: i64,
    pub mann_kendall_s: i64,
    pub p: f64,
    pub slope_per_30_days: f64,
    pub recent_mean: f64,
    pub baseline_median: f64,
    pub growing: bool,
}

/// One rating of the index.
pub(crate) struct Rating<'a> {
    pub on: NaiveDate,
    pub index: f64,
    pub id: &'a str,
    /// The person, for ratings from received exchanges.
    pub person: Option<usize>,
}

fn mean_x25(items: &[Option<u8>]) -> Option<f64> {
    let rated: Vec<f64> = items.iter().flatten().map(|&v| f64::from(v)).collect();
    (!rated.is_empty()).then(|| rated.iter().sum::<f64>() / rated.len() as f64 * 25.0)
}

/// Every rating up to now, oldest first.
pub(crate) fn ratings<'a>(ctx: &Ctx<'a>) -> Vec<Rating<'a>> {
    let mut out: Vec<Rating> = Vec::new();
    for e in &ctx.ex {
        if e.fact.direction != Direction::Received {
            continue;
        }
        let f = &e.fact.feelings;
        if let Some(index) = mean_x25(&[f.indebtedness, f.pressure, f.discomfort]) {
            out.push(Rating {
                on: e.fact.occurred_on,
                index,
                id: &e.fact.id,
                person: Some(e.person),
            });
        }
    }
    for c in &ctx.checkins {
        // A check-in without the anxiety items (a mood brought in from another app) says
        // nothing about owing.
        if let Some(index) = mean_x25(&[c.owing, c.worry, c.pressured]) {
            out.push(Rating {
                on: c.on,
                index,
                id: &c.id,
                person: None,
            });
        }
    }
    out.sort_by_key(|r| r.on);
    out
}

fn daily(ratings: &[&Rating<'_>]) -> Vec<AnxietyPoint> {
    let mut out: Vec<AnxietyPoint> = Vec::new();
    for r in ratings {
        match out.last_mut() {
            Some(p) if p.on == r.on => {
                p.index += r.index;
                p.ratings += 1;
            }
            _ => out.push(AnxietyPoint {
                on: r.on,
                index: r.index,
                ratings: 1,
            }),
        }
    }
    for p in &mut out {
        p.index /= f64::from(p.ratings);
    }
    out
}

/// The trend test for one set of ratings (the journal's, or one person's).
pub(crate) fn trend(ctx: &Ctx, ratings: &[&Rating<'_>]) -> Option<AnxietyTrend> {
    let s = &ctx.s;
    let start = ctx.now - chrono::Duration::days(s.anxiety_window_days);
    let split = ratings.partition_point(|r| r.on <= start);
    let (before, window) = ratings.split_at(split);
    if window.len() < s.anxiety_min_ratings {
        return None;
    }
    let span_days = (window[window.len() - 1].on - window[0].on).num_days();
    if span_days < s.anxiety_min_span_days {
        return None;
    }
    let points = daily(window);
    let values: Vec<f64> = points.iter().map(|p| p.index).collect();
    let mk = mann_kendall(&values);
    let xy: Vec<(f64, f64)> = points
        .iter()
        .map(|p| ((p.on - start).num_days() as f64, p.index))
        .collect();
    let slope = theil_sen(&xy).unwrap_or(0.0) * 30.0;
    let (mut sw, mut sum) = (0.0, 0.0);
    for r in window {
        let w = ctx.weight((ctx.now - r.on).num_days());
        sw += w;
        sum += w * r.index;
    }
    let recent_mean = if sw > 0.0 { sum / sw } else { 0.0 };
    let baseline: Vec<f64> = if before.len() >= 4 {
        before.iter().map(|r| r.index).collect()
    } else {
        window[..window.len() / 2].iter().map(|r| r.index).collect()
    };
    let baseline_median = median(&baseline).unwrap_or(0.0);
    let growing = mk.p_increasing < s.anxiety_p
        && slope >= s.anxiety_min_slope_per_30_days
        && recent_mean > baseline_median;
    Some(AnxietyTrend {
        ratings: window.len() as u32,
        span_days,
        mann_kendall_s: mk.s,
        p: mk.p_increasing,
        slope_per_30_days: slope,
        recent_mean,
        baseline_median,
        growing,
    })
}

/// The journal's series and trend.
pub(crate) fn series(ctx: &Ctx, ratings: &[Rating<'_>]) -> AnxietySeries {
    let all: Vec<&Rating<'_>> = ratings.iter().collect();
    AnxietySeries {
        points: daily(&all),
        trend: trend(ctx, &all),
    }
}

/// "Growing" insights for the whole journal and for each person with enough ratings.
pub(crate) fn insights(ctx: &Ctx, ratings: &[Rating<'_>], series: &AnxietySeries) -> Vec<Insight> {
    let mut out = Vec::new();
    let start = ctx.now - chrono::Duration::days(ctx.s.anxiety_window_days);
    if let Some(t) = series.trend.as_ref().filter(|t| t.growing) {
        let evidence = ratings
            .iter()
            .rev()
            .take_while(|r| r.on > start)
            .take(30)
            .map(|r| r.id.to_string())
            .collect();
        let severity = if t.recent_mean >= 50.0 {
            Severity::Concern
        } else {
            Severity::Notice
        };
        let headline = format!(
            "Your sense of owing and pressure has been rising: it went up about {} points a \
             month over the last {} days and now sits around {} out of 100.",
            num(t.slope_per_30_days),
            ctx.s.anxiety_window_days,
            num(t.recent_mean)
        );
        out.push(growing(Subject::Journal, severity, headline, t, evidence));
    }
    let mut per_person: Vec<Vec<&Rating<'_>>> = vec![Vec::new(); ctx.people.len()];
    for r in ratings {
        if let Some(p) = r.person {
            per_person[p].push(r);
        }
    }
    for (i, list) in per_person.iter().enumerate() {
        let person = &ctx.people[i];
        if list.len() < ctx.s.anxiety_min_ratings || person.archived_at.is_some() {
            continue;
        }
        let Some(t) = trend(ctx, list).filter(|t| t.growing) else {
            continue;
        };
        let evidence = list
            .iter()
            .rev()
            .take_while(|r| r.on > start)
            .map(|r| r.id.to_string())
            .collect();
        let headline = format!(
            "What {} does for you has been weighing more: the sense of owing rose about {} \
             points a month and now sits around {} out of 100.",
            person.name,
            num(t.slope_per_30_days),
            num(t.recent_mean)
        );
        let subject = Subject::Person {
            id: person.id.clone(),
            name: person.name.clone(),
        };
        out.push(growing(subject, Severity::Notice, headline, &t, evidence));
    }
    out
}

fn growing(
    subject: Subject,
    severity: Severity,
    headline: String,
    t: &AnxietyTrend,
    evidence: Vec<String>,
) -> Insight {
    Insight::new(InsightKind::AnxietyGrowing, subject, severity, headline)
        .reason(
            "slope_per_30_days",
            t.slope_per_30_days,
            format!(
                "The typical rise is {} points per 30 days (Theil–Sen slope).",
                num(t.slope_per_30_days)
            ),
        )
        .reason(
            "p",
            t.p,
            format!(
                "A rise this steady would happen by chance with probability {} \
                 (Mann–Kendall test over {} ratings in {} days).",
                super::stats::p_text(t.p),
                t.ratings,
                t.span_days
            ),
        )
        .reason(
            "recent_mean",
            t.recent_mean,
            format!(
                "Recently it averages {} out of 100, above your usual {}.",
                num(t.recent_mean),
                num(t.baseline_median)
            ),
        )
        .reason(
            "baseline_median",
            t.baseline_median,
            format!(
                "Your usual level (the median before) is {}.",
                num(t.baseline_median)
            ),
        )
        .research(&["greenberg1971", "goei2005", "watkins2006"])
        .evidence(evidence)
        .strength(t.slope_per_30_days / 100.0)
}
