//! Over-giving across the whole journal (DESIGN §4.2): giving a lot **and** signs of strain.
//!
//! Giving a lot: the overall giving share P(Θ > 0.65) ≥ 0.90, or at least two people flagged
//! "you give more". Strain: a decayed mean "drained" ≥ 2 over ≥ 5 rated gives, or at least
//! half of the recent rated gives expecting a return (≥ 3), or the latest check-in's
//! exhaustion ≥ 3. Giving a lot without strain is never flagged (weinstein2010, aknin2020);
//! with strain it is the pattern of unmitigated communion (helgeson1998).

use super::balance::{BalanceLabel, PersonBalance};
use super::stats::beta_prob_above;
use super::types::{Insight, InsightKind, Severity, Subject};
use super::view::{Ctx, Ex};
use super::words::{chance, fraction_words, num, pct};

/// The strain signals found, for reasons and tests.
struct Strain {
    drained_mean: Option<(f64, usize)>,
    expectation_share: Option<(f64, usize)>,
    exhaustion: Option<(u8, String)>,
}

/// What detection found: the numbers behind an over-giving insight.
struct Found<'c, 'a> {
    gives: Vec<&'c Ex<'a>>,
    /// Overall giving share (Beta mean) and P(Θ > over_giving_share).
    share: f64,
    p_share: f64,
    /// People flagged "you give more".
    flagged: usize,
    strain: Strain,
    drained_hit: bool,
    exhaustion_hit: bool,
}

pub(crate) fn insights(ctx: &Ctx, balances: &[PersonBalance]) -> Vec<Insight> {
    detect(ctx, balances)
        .map(|f| word(ctx, f))
        .into_iter()
        .collect()
}

/// Giving a lot and strain, both, after the minimum data; `None` otherwise.
fn detect<'c, 'a>(ctx: &'c Ctx<'a>, balances: &[PersonBalance]) -> Option<Found<'c, 'a>> {
    let s = &ctx.s;
    let gives: Vec<&Ex> = ctx
        .ex
        .iter()
        .filter(|e| e.given() && !e.is_slight())
        .collect();
    let (first, last) = (gives.first()?, gives.last()?);
    if gives.len() < s.over_giving_min_gives || first.age - last.age < s.over_giving_min_days {
        return None;
    }
    let (g, r) = weighted_totals(ctx);
    let share = (1.0 + g) / (2.0 + g + r);
    let p_share = beta_prob_above(1.0 + g, 1.0 + r, s.over_giving_share);
    let flagged = balances
        .iter()
        .filter(|b| b.label == BalanceLabel::YouGiveMore)
        .count();
    if p_share < s.flag_probability && flagged < s.over_giving_min_people.max(1) {
        return None;
    }
    let strain = strain(ctx, &gives);
    let drained_hit = strain
        .drained_mean
        .is_some_and(|(m, n)| n >= s.strain_min_rated && m >= s.strain_drained);
    let expectation_hit = strain
        .expectation_share
        .is_some_and(|(x, n)| n >= s.strain_min_rated && x >= s.strain_expectation_share);
    let exhaustion_hit = strain
        .exhaustion
        .as_ref()
        .is_some_and(|(x, _)| *x >= s.strain_exhaustion);
    (drained_hit || expectation_hit || exhaustion_hit).then_some(Found {
        gives,
        share,
        p_share,
        flagged,
        strain,
        drained_hit,
        exhaustion_hit,
    })
}

/// Decayed, value-weighted G and R over every positive exchange.
fn weighted_totals(ctx: &Ctx) -> (f64, f64) {
    let (mut g, mut r) = (0.0, 0.0);
    for e in ctx.ex.iter().filter(|e| !e.is_slight()) {
        let x = e.w * e.value() / ctx.v_bar;
        if e.given() {
            g += x;
        } else {
            r += x;
        }
    }
    (g, r)
}

/// The insight in words: the headline names the strongest sign of strain.
fn word(ctx: &Ctx, f: Found) -> Insight {
    let s = &ctx.s;
    let sign = if f.drained_hit {
        "you have often felt drained by it"
    } else if f.exhaustion_hit {
        "your latest check-in says you feel worn out by what you give"
    } else {
        "you have often hoped for something back"
    };
    let headline = if f.p_share >= s.flag_probability {
        format!(
            "Lately {} of the giving in your life comes from you, and {sign}; it may be time \
             to give a little to yourself.",
            fraction_words(f.share)
        )
    } else {
        format!(
            "Lately you give clearly more than you get back with {} people, and {sign}; it may \
             be time to give a little to yourself.",
            f.flagged
        )
    };
    let insight = Insight::new(
        InsightKind::OverGiving,
        Subject::Journal,
        Severity::Concern,
        headline,
    );
    let strength = f.share.max(f.flagged as f64 / 10.0);
    with_reasons(ctx, insight, &f)
        .research(&["helgeson1998", "weinstein2010", "aknin2020", "walster1978"])
        .evidence(evidence(&f))
        .strength(strength)
}

/// The numbers behind it as reasons.
fn with_reasons(ctx: &Ctx, insight: Insight, f: &Found) -> Insight {
    let s = &ctx.s;
    let mut insight = insight
        .reason(
            "share",
            f.share,
            format!(
                "Across everyone, about {} of the recent giving is yours (the chance it is \
                 above {} is {}).",
                pct(f.share),
                pct(s.over_giving_share),
                chance(f.p_share)
            ),
        )
        .reason(
            "people_you_give_more_to",
            f.flagged as f64,
            format!(
                "With {} you clearly give more than you receive.",
                match f.flagged {
                    0 => "no one in particular".to_string(),
                    1 => "1 person".to_string(),
                    n => format!("{n} people"),
                }
            ),
        );
    if let Some((m, n)) = f.strain.drained_mean {
        insight = insight.reason(
            "drained",
            m,
            format!(
                "Over {n} gives you rated, you felt drained {} out of 4 on average (recent ones \
                 count more).",
                num(m)
            ),
        );
    }
    if let Some((x, n)) = f.strain.expectation_share {
        insight = insight.reason(
            "expectation_share",
            x,
            format!(
                "In {} of {n} rated gives you expected something back at least {} out of 4.",
                pct(x),
                s.strain_expectation_level
            ),
        );
    }
    if let Some((x, _)) = &f.strain.exhaustion {
        insight = insight.reason(
            "exhaustion",
            f64::from(*x),
            format!("Your latest check-in rated feeling worn out by giving {x} out of 4."),
        );
    }
    insight
}

/// The latest rated gives, and the check-in that spoke of exhaustion.
fn evidence(f: &Found) -> Vec<String> {
    let mut ids: Vec<String> = f
        .gives
        .iter()
        .rev()
        .filter(|e| e.fact.feelings.drained.is_some() || e.fact.feelings.expectation.is_some())
        .take(20)
        .map(|e| e.fact.id.clone())
        .collect();
    ids.extend(f.strain.exhaustion.as_ref().map(|(_, id)| id.clone()));
    ids
}

fn strain(ctx: &Ctx, gives: &[&Ex]) -> Strain {
    let (mut dw, mut dsum, mut dn) = (0.0, 0.0, 0usize);
    let (mut ew, mut esum, mut en) = (0.0, 0.0, 0usize);
    for e in gives {
        if let Some(d) = e.fact.feelings.drained {
            dw += e.w;
            dsum += e.w * f64::from(d);
            dn += 1;
        }
        if let Some(x) = e.fact.feelings.expectation {
            ew += e.w;
            if x >= ctx.s.strain_expectation_level {
                esum += e.w;
            }
            en += 1;
        }
    }
    let window = ctx.s.anxiety_window_days;
    let exhaustion = ctx
        .checkins
        .iter()
        .rev()
        .find(|c| c.exhaustion.is_some())
        .filter(|c| (ctx.now - c.on).num_days() <= window)
        .and_then(|c| Some((c.exhaustion?, c.id.clone())));
    Strain {
        drained_mean: (dn > 0 && dw > 0.0).then(|| (dsum / dw, dn)),
        expectation_share: (en > 0 && ew > 0.0).then(|| (esum / ew, en)),
        exhaustion,
    }
}
