//! The prepared view of the journal that every insight reads, built once per report.
//!
//! Invariants: `ex` holds the exchanges from the horizon up to `now` whose person is known,
//! oldest first (same-day exchanges keep their input order), each with its person's index,
//! age in days, decay weight 2^(−age/H) and effective sphere; `by_person[p]` indexes into
//! `ex` in the same order; `checkins` are those from the horizon up to `now`, oldest first;
//! `s` is the sanitised settings, so no insight divides by a hand-edited zero.

use super::settings::Settings;
use super::types::{Data, ExchangeFact};
use crate::model::{CheckIn, Direction, Kind, Person, Sphere};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;

/// A map keyed by ids. The ids are the user's own, so a fast hash without defence against
/// crafted collisions is the right trade.
pub(crate) type IdMap<'a, V> = FxHashMap<&'a str, V>;

/// One exchange as the insights see it.
pub(crate) struct Ex<'a> {
    pub fact: &'a ExchangeFact,
    /// Index into `Ctx::people`.
    pub person: usize,
    /// Days between the exchange and `now` (0 = today).
    pub age: i64,
    /// Decay weight 2^(−age / half-life).
    pub w: f64,
    /// The exchange's override, else the person's sphere.
    pub sphere: Sphere,
}

impl Ex<'_> {
    pub fn given(&self) -> bool {
        self.fact.direction == Direction::Given
    }

    /// Slights are negative acts: they count only towards retaliation spirals.
    pub fn is_slight(&self) -> bool {
        self.fact.kind == Kind::Slight
    }

    pub fn value(&self) -> f64 {
        f64::from(self.fact.value)
    }
}

pub(crate) struct Ctx<'a> {
    pub now: NaiveDate,
    pub s: Settings,
    pub people: &'a [Person],
    /// All exchanges from the horizon up to `now` whose person is known, oldest first.
    pub ex: Vec<Ex<'a>>,
    /// For each person, indices into `ex`, oldest first.
    pub by_person: Vec<Vec<usize>>,
    /// Check-ins from the horizon up to `now`, oldest first.
    pub checkins: Vec<&'a CheckIn>,
    /// v̄: the settings' value unit, else the user's mean value over all positive exchanges
    /// (1 when there are none).
    pub v_bar: f64,
}

impl<'a> Ctx<'a> {
    pub fn new(data: &'a Data, settings: &Settings, now: NaiveDate) -> Ctx<'a> {
        let s = settings.sanitised();
        let since = s.since(now);
        let ex = exchanges_in_view(data, &s, now, since);
        let mut by_person = vec![Vec::new(); data.people.len()];
        for (i, e) in ex.iter().enumerate() {
            by_person[e.person].push(i);
        }
        let v_bar = s.value_unit.unwrap_or_else(|| mean_positive_value(&ex));
        let mut checkins: Vec<&CheckIn> = data
            .checkins
            .iter()
            .filter(|c| c.on <= now && c.on >= since)
            .collect();
        checkins.sort_by_key(|c| c.on);
        Ctx {
            now,
            s,
            people: &data.people,
            ex,
            by_person,
            checkins,
            v_bar,
        }
    }

    /// Decay weight for an age in days.
    pub fn weight(&self, age_days: i64) -> f64 {
        (-(age_days as f64) * std::f64::consts::LN_2 / self.s.half_life_days).exp()
    }
}

/// The exchanges between `since` and `now` with a known person, weighted, oldest first.
fn exchanges_in_view<'a>(
    data: &'a Data,
    s: &Settings,
    now: NaiveDate,
    since: NaiveDate,
) -> Vec<Ex<'a>> {
    let index: IdMap<usize> = data
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let ln2_over_h = std::f64::consts::LN_2 / s.half_life_days;
    let mut ex: Vec<Ex<'a>> = Vec::with_capacity(data.exchanges.len());
    ex.extend(
        data.exchanges
            .iter()
            .filter(|e| e.occurred_on <= now && e.occurred_on >= since)
            .filter_map(|e| {
                let person = *index.get(e.person_id.as_str())?;
                let age = (now - e.occurred_on).num_days();
                Some(Ex {
                    fact: e,
                    person,
                    age,
                    w: (-(age as f64) * ln2_over_h).exp(),
                    sphere: e
                        .sphere
                        .unwrap_or_else(|| data.people[person].relationship.sphere()),
                })
            }),
    );
    // Stable: same-day exchanges keep the order they were given in.
    ex.sort_by_key(|e| e.fact.occurred_on);
    ex
}

/// The user's mean value over positive exchanges (not slights); 1 when there are none.
fn mean_positive_value(ex: &[Ex]) -> f64 {
    let positive: Vec<f64> = ex
        .iter()
        .filter(|e| !e.is_slight())
        .map(|e| e.value())
        .collect();
    if positive.is_empty() {
        1.0
    } else {
        positive.iter().sum::<f64>() / positive.len() as f64
    }
}
