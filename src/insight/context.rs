//! The prepared view of the journal every insight reads: exchanges up to `now`, each with its
//! person, effective sphere, age and decay weight, sorted by date; check-ins up to `now`.

use super::settings::Settings;
use super::types::{Data, ExchangeFact};
use crate::model::{CheckIn, Direction, Kind, Person, Sphere};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A fast multiplicative hash (after rustc's FxHash) for the engine's short-lived maps of
/// ids; the ids are the user's own, so no defence against crafted collisions is needed.
#[derive(Default)]
pub(crate) struct FastHash(u64);

impl Hasher for FastHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }
}

/// A map keyed by ids, hashed with [`FastHash`].
pub(crate) type IdMap<'a, V> = HashMap<&'a str, V, BuildHasherDefault<FastHash>>;

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
        let mut by_person = vec![Vec::new(); data.people.len()];
        for (i, e) in ex.iter().enumerate() {
            by_person[e.person].push(i);
        }
        let v_bar = s.value_unit.unwrap_or_else(|| {
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
        });
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

/// "about 3 of every 4", "nearly all (96%)": the simple fraction nearest to `share`, always
/// with a number in it.
pub(crate) fn fraction_words(share: f64) -> String {
    if share > 0.95 {
        return format!("nearly all ({})", pct(share));
    }
    if share < 0.05 {
        return format!("hardly any ({})", pct(share));
    }
    if share >= 0.85 {
        return "about 9 of every 10".to_string();
    }
    if share <= 0.15 {
        return "about 1 of every 10".to_string();
    }
    let mut best = (1u32, 2u32, f64::MAX);
    for den in 2..=5u32 {
        for num in 1..den {
            let d = (share - f64::from(num) / f64::from(den)).abs();
            if d < best.2 - 1e-9 {
                best = (num, den, d);
            }
        }
    }
    format!("about {} of every {}", best.0, best.1)
}

/// A share as a whole percentage, "74%".
pub(crate) fn pct(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// A probability in words that never claims certainty: "more than 99%", "less than 1%".
pub(crate) fn chance(p: f64) -> String {
    if p > 0.99 {
        "more than 99%".to_string()
    } else if p < 0.01 {
        "less than 1%".to_string()
    } else {
        pct(p)
    }
}

/// A number with at most one decimal, without a trailing ".0".
pub(crate) fn num(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if (r - r.round()).abs() < 1e-9 {
        format!("{:.0}", r)
    } else {
        format!("{:.1}", r)
    }
}

/// "1 favour" / "3 favours".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
