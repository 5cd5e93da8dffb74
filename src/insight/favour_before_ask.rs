//! Favour before an ask (DESIGN §4.9, `favour_before_ask`, per person): a favour received
//! from someone (not a slight), followed within 14 days by their asking something of you.
//! A small favour nobody asked for raises compliance with a later request more than liking
//! does (regan1971); the sense of owing that comes with it is unpleasant (greenberg1971) and
//! separate from gratitude (goei2005). Raised when there were at least 3 such sequences in
//! the last 180 days and either you agreed to at least 2/3 of those asks (of those answered:
//! a pending ask has no answer yet) while feeling owing or pressure of 2 or more on average,
//! or at least 2/3 of those favours were unsolicited.
//! A notice; for a close bond a note, worded as an invitation to reflect (clark1979).

use super::asks::{
    asks_of_you, favour_before, favours_from, list_words, mean_rated, person_subject, Ask,
    RequestFact,
};
use super::types::{Insight, InsightKind, Severity};
use super::view::{Ctx, Ex};
use super::words::{num, pct, plural};
use crate::model::{Initiative, Person};

/// One favour and the ask that came after it.
struct Sequence<'a, 'b> {
    favour: &'b Ex<'a>,
    ask: &'b Ask<'a>,
}

impl Sequence<'_, '_> {
    fn gap(&self) -> i64 {
        (self.ask.fact.on - self.favour.fact.occurred_on).num_days()
    }
}

/// What was found for one person: the numbers the decision and the wording rest on.
struct Finding<'a, 'b> {
    sequences: Vec<Sequence<'a, 'b>>,
    /// Answered asks in the same window with no favour before them.
    without: Vec<&'b Ask<'a>>,
    answered: usize,
    agreed: usize,
    obligation: Option<f64>,
    pressure: Option<f64>,
    /// Distinct favours in the sequences, and how many of them were unsolicited.
    favours: usize,
    unsolicited: usize,
}

pub(crate) fn insights(ctx: &Ctx, requests: &[RequestFact]) -> Vec<Insight> {
    let asks = asks_of_you(ctx, requests);
    let mut out = Vec::new();
    for (i, person) in ctx.people.iter().enumerate() {
        if person.archived_at.is_some() || asks[i].is_empty() {
            continue;
        }
        let favours = favours_from(ctx, i);
        if let Some(f) = find(ctx, &favours, &asks[i]).filter(|f| raised(ctx, f)) {
            out.push(word(ctx, person, &f));
        }
    }
    out
}

/// Pairs each recent ask with the latest favour from the same person within the window.
fn find<'a, 'b>(ctx: &Ctx, favours: &[&'b Ex<'a>], asks: &'b [Ask<'a>]) -> Option<Finding<'a, 'b>> {
    let mut sequences = Vec::new();
    let mut without = Vec::new();
    for ask in asks
        .iter()
        .filter(|a| a.age <= ctx.s.favour_ask_lookback_days)
    {
        match favour_before(ctx, favours, ask) {
            Some(favour) => sequences.push(Sequence { favour, ask }),
            None if ask.answered() => without.push(ask),
            None => {}
        }
    }
    if sequences.len() < ctx.s.favour_ask_min_sequences {
        return None;
    }
    let mut favour_ids: Vec<&str> = sequences
        .iter()
        .map(|s| s.favour.fact.id.as_str())
        .collect();
    favour_ids.sort_unstable();
    favour_ids.dedup();
    let unsolicited = favour_ids
        .iter()
        .filter(|id| {
            favours
                .iter()
                .any(|f| f.fact.id == **id && f.fact.initiative == Some(Initiative::Unsolicited))
        })
        .count();
    Some(Finding {
        answered: sequences.iter().filter(|s| s.ask.answered()).count(),
        agreed: sequences.iter().filter(|s| s.ask.agreed()).count(),
        obligation: mean_rated(sequences.iter().map(|s| s.ask.fact.obligation)),
        pressure: mean_rated(sequences.iter().map(|s| s.ask.fact.pressure)),
        favours: favour_ids.len(),
        unsolicited,
        sequences,
        without,
    })
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The design's rule: agreement under felt obligation or pressure, or mostly uninvited favours.
fn raised(ctx: &Ctx, f: &Finding) -> bool {
    let eps = 1e-9;
    let felt = f.obligation.unwrap_or(0.0).max(f.pressure.unwrap_or(0.0));
    let agreed = share(f.agreed, f.answered) >= ctx.s.favour_ask_agreed_share - eps
        && felt >= ctx.s.favour_ask_min_felt;
    let uninvited = share(f.unsolicited, f.favours) >= ctx.s.favour_ask_unsolicited_share - eps;
    agreed || uninvited
}

fn headline(person: &Person, f: &Finding) -> String {
    let n = f.sequences.len();
    if person.relationship.is_communal() {
        format!(
            "Favours from {} have come shortly before an ask {n} times in the last 6 months; \
             between people this close that may simply be how you help each other, and if a \
             yes ever feels owed rather than chosen, you may say no and stay kind.",
            person.name
        )
    } else {
        format!(
            "{} has asked something of you soon after doing you a favour {n} times in the last \
             6 months; a favour nobody asked for does not bind you: you may say no and stay \
             kind.",
            person.name
        )
    }
}

fn word(ctx: &Ctx, person: &Person, f: &Finding) -> Insight {
    let n = f.sequences.len();
    let gaps: Vec<String> = f.sequences.iter().map(|s| s.gap().to_string()).collect();
    let severity = if person.relationship.is_communal() {
        Severity::Note
    } else {
        Severity::Notice
    };
    let mut insight = Insight::new(
        InsightKind::FavourBeforeAsk,
        person_subject(person),
        severity,
        headline(person, f),
    )
    .reason(
        "sequences",
        n as f64,
        format!(
            "{} came within {} days of a favour from {} (gaps of {} days).",
            plural(n, "ask", "asks"),
            ctx.s.favour_ask_window_days,
            person.name,
            list_words(&gaps)
        ),
    );
    insight = agreement_reasons(ctx, insight, f);
    insight = felt_reasons(insight, f);
    let mut evidence: Vec<String> = Vec::new();
    for s in &f.sequences {
        for id in [&s.favour.fact.id, &s.ask.fact.id] {
            if !evidence.contains(id) {
                evidence.push(id.clone());
            }
        }
    }
    insight
        .research(&["regan1971", "greenberg1971", "goei2005"])
        .evidence(evidence)
        .strength(n as f64)
}

/// Agreement after a favour, and without one when there are enough asks to compare.
fn agreement_reasons(ctx: &Ctx, insight: Insight, f: &Finding) -> Insight {
    let after = share(f.agreed, f.answered);
    let mut insight = insight.reason(
        "agreed_after_favour",
        after,
        format!(
            "You said yes to {} of the {} answered asks that came after a favour ({}).",
            f.agreed,
            f.answered,
            pct(after)
        ),
    );
    if f.without.len() >= ctx.s.favour_ask_min_without {
        let yes = f.without.iter().filter(|a| a.agreed()).count();
        let without = share(yes, f.without.len());
        insight = insight.reason(
            "agreed_without_favour",
            without,
            format!(
                "To asks with no favour before them you said yes to {yes} of {} ({}).",
                f.without.len(),
                pct(without)
            ),
        );
    }
    insight
}

fn felt_reasons(mut insight: Insight, f: &Finding) -> Insight {
    if let Some(o) = f.obligation {
        insight = insight.reason(
            "mean_obligation",
            o,
            format!(
                "Asked after a favour, you felt you owed them {} out of 4 on average.",
                num(o)
            ),
        );
    }
    if let Some(p) = f.pressure {
        insight = insight.reason(
            "mean_pressure",
            p,
            format!(
                "You felt pressed to say yes {} out of 4 on average.",
                num(p)
            ),
        );
    }
    insight.reason(
        "unsolicited_favours",
        share(f.unsolicited, f.favours),
        format!(
            "{} of those {} favours were ones you had not asked for.",
            f.unsolicited, f.favours
        ),
    )
}
