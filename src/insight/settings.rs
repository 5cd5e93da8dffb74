//! Every threshold the insights use, with the defaults of the design (DESIGN §4). Stored in
//! the journal as one JSON value; a missing field takes its default, so older stored settings
//! keep working when a field is added.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Settings {
    /// Half-life of an exchange's weight, in days: w = 2^(−age/H).
    pub half_life_days: f64,
    /// v̄, what one typical exchange is worth: G and R are divided by it, so the Beta prior
    /// counts as one exchange each way. The default is the middle of the 1–5 scale. `None`
    /// uses the user's own mean value, as first designed; that makes each person's share move
    /// a little whenever anyone's exchange is logged (a new give can then lower a share by a
    /// hair), so a fixed unit is the default.
    pub value_unit: Option<f64>,
    /// How far back the engine looks, in days. An exchange this old weighs 2^(−horizon/H) of a
    /// new one (1/4096 at the defaults), so nothing older can move a balance; the other
    /// insights speak of these recent years too.
    pub horizon_days: i64,
    /// Width of the balance interval (0.80 = from the 10th to the 90th percentile).
    pub interval: f64,
    /// Giving-share threshold τ for exchange bonds.
    pub exchange_threshold: f64,
    /// Giving-share threshold τ for communal bonds (partner, family, close friend).
    pub communal_threshold: f64,
    /// How sure the engine must be that the share is past τ, P(θ > τ).
    pub flag_probability: f64,
    /// Minimum effective number of exchanges, (Σw)²/Σw², before a balance flag.
    pub min_effective_n: f64,
    /// Minimum days between the first exchange with a person and now.
    pub min_history_days: i64,
    /// Months of balance history for a person's chart.
    pub series_months: u32,

    /// Overall giving share Θ that counts as giving a lot.
    pub over_giving_share: f64,
    /// Or this many people flagged "you give more".
    pub over_giving_min_people: usize,
    /// Strain: decayed mean "drained" at least this ...
    pub strain_drained: f64,
    /// ... over at least this many rated gives.
    pub strain_min_rated: usize,
    /// Strain: at least this share of rated gives with expectation ≥ `strain_expectation_level`.
    pub strain_expectation_share: f64,
    pub strain_expectation_level: u8,
    /// Strain: the latest check-in's exhaustion at least this.
    pub strain_exhaustion: u8,
    /// Minimum gives, and days they span, before over-giving can be flagged.
    pub over_giving_min_gives: usize,
    pub over_giving_min_days: i64,

    /// Reciprocity anxiety: minimum ratings and the days they span.
    pub anxiety_min_ratings: usize,
    pub anxiety_min_span_days: i64,
    /// One-sided Mann–Kendall significance level.
    pub anxiety_p: f64,
    /// Minimum Theil–Sen slope, index points per 30 days.
    pub anxiety_min_slope_per_30_days: f64,
    /// The recent window the trend is tested in; earlier ratings form the baseline.
    pub anxiety_window_days: i64,

    /// Workplace vs personal: minimum rated exchanges on each side and minimum |r|.
    pub sphere_min_rated: usize,
    pub sphere_min_effect: f64,

    /// Reciprocity style: days within which a return is paired with what it returns.
    pub style_window_days: i64,
    /// In kind when |median ln(given/received)| is at most this.
    pub style_in_kind_band: f64,
    /// Escalating when the median ratio exceeds this and the sign test passes.
    pub style_escalating_ratio: f64,
    pub style_p: f64,
    pub style_min_pairs: usize,
    /// Only receipts from the last this many days are paired: a style is a current habit.
    pub style_lookback_days: i64,

    /// Uninvited favours: minimum of each (unsolicited, asked) and minimum difference.
    pub unsolicited_min_each: usize,
    pub unsolicited_min_difference: f64,

    /// Open loops: days a received favour may stay open before it is listed.
    pub open_loop_days: i64,
    /// Open loops older than this are still listed but no longer raised as insights.
    pub open_loop_max_days: i64,

    /// Retaliation spiral: minimum alternating slights within the window.
    pub spiral_min_slights: usize,
    pub spiral_window_days: i64,

    /// A dismissed insight returns when its strength grows by at least this much.
    pub resurface_margin: f64,

    /// Favour before an ask: days from a favour to the ask that makes a sequence, the days
    /// looked back, and the sequences needed.
    pub favour_ask_window_days: i64,
    pub favour_ask_lookback_days: i64,
    pub favour_ask_min_sequences: usize,
    /// ... with at least this share of those asks agreed to and a mean felt obligation or
    /// pressure of at least `favour_ask_min_felt`, or this share of the favours unsolicited.
    pub favour_ask_agreed_share: f64,
    pub favour_ask_min_felt: f64,
    pub favour_ask_unsolicited_share: f64,
    /// Asks without a favour before needed to compare agreement with and without one.
    pub favour_ask_min_without: usize,

    /// Door in the face: days from a declined ask to the smaller one agreed to, the size drop
    /// that makes it smaller, the days looked back, and the sequences that make a notice.
    pub door_window_days: i64,
    pub door_min_size_drop: u8,
    pub door_lookback_days: i64,
    pub door_notice_sequences: usize,

    /// That's not all: sweetened asks agreed to, and the days looked back.
    pub sweetened_min_agreed: usize,
    pub sweetened_lookback_days: i64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            half_life_days: 90.0,
            value_unit: Some(3.0),
            horizon_days: 3 * 365,
            interval: 0.80,
            exchange_threshold: 0.60,
            communal_threshold: 0.70,
            flag_probability: 0.90,
            min_effective_n: 6.0,
            min_history_days: 30,
            series_months: 12,
            over_giving_share: 0.65,
            over_giving_min_people: 2,
            strain_drained: 2.0,
            strain_min_rated: 5,
            strain_expectation_share: 0.5,
            strain_expectation_level: 3,
            strain_exhaustion: 3,
            over_giving_min_gives: 10,
            over_giving_min_days: 28,
            anxiety_min_ratings: 8,
            anxiety_min_span_days: 21,
            anxiety_p: 0.05,
            anxiety_min_slope_per_30_days: 10.0,
            anxiety_window_days: 90,
            sphere_min_rated: 8,
            sphere_min_effect: 0.3,
            style_window_days: 60,
            style_in_kind_band: 0.2,
            style_escalating_ratio: 1.25,
            style_p: 0.05,
            style_min_pairs: 6,
            style_lookback_days: 730,
            unsolicited_min_each: 6,
            unsolicited_min_difference: 1.0,
            open_loop_days: 30,
            open_loop_max_days: 365,
            spiral_min_slights: 3,
            spiral_window_days: 30,
            resurface_margin: 0.1,
            favour_ask_window_days: 14,
            favour_ask_lookback_days: 180,
            favour_ask_min_sequences: 3,
            favour_ask_agreed_share: 2.0 / 3.0,
            favour_ask_min_felt: 2.0,
            favour_ask_unsolicited_share: 2.0 / 3.0,
            favour_ask_min_without: 3,
            door_window_days: 7,
            door_min_size_drop: 1,
            door_lookback_days: 180,
            door_notice_sequences: 2,
            sweetened_min_agreed: 2,
            sweetened_lookback_days: 180,
        }
    }
}

impl Settings {
    /// The first day the engine reads for an evaluation at `now`.
    pub fn since(&self, now: chrono::NaiveDate) -> chrono::NaiveDate {
        now - chrono::Duration::days(self.sanitised().horizon_days)
    }

    /// The settings with every number forced into a sensible range, so a hand-edited value
    /// can never make the engine divide by zero or flag everything.
    pub fn sanitised(&self) -> Settings {
        let d = Settings::default();
        let prob = |v: f64, dv: f64| {
            if v.is_finite() && v > 0.0 && v < 1.0 {
                v
            } else {
                dv
            }
        };
        Settings {
            half_life_days: if self.half_life_days.is_finite() && self.half_life_days >= 1.0 {
                self.half_life_days
            } else {
                d.half_life_days
            },
            interval: prob(self.interval, d.interval),
            exchange_threshold: prob(self.exchange_threshold, d.exchange_threshold),
            communal_threshold: prob(self.communal_threshold, d.communal_threshold),
            flag_probability: prob(self.flag_probability, d.flag_probability),
            over_giving_share: prob(self.over_giving_share, d.over_giving_share),
            strain_expectation_share: prob(
                self.strain_expectation_share,
                d.strain_expectation_share,
            ),
            anxiety_p: prob(self.anxiety_p, d.anxiety_p),
            style_p: prob(self.style_p, d.style_p),
            favour_ask_agreed_share: prob(self.favour_ask_agreed_share, d.favour_ask_agreed_share),
            favour_ask_unsolicited_share: prob(
                self.favour_ask_unsolicited_share,
                d.favour_ask_unsolicited_share,
            ),
            favour_ask_min_sequences: self.favour_ask_min_sequences.max(1),
            door_min_size_drop: self.door_min_size_drop.max(1),
            door_notice_sequences: self.door_notice_sequences.max(1),
            sweetened_min_agreed: self.sweetened_min_agreed.max(1),
            series_months: self.series_months.min(120),
            value_unit: self.value_unit.filter(|v| v.is_finite() && *v > 0.0),
            horizon_days: self.horizon_days.max(365),
            min_effective_n: self.min_effective_n.max(1.0),
            anxiety_window_days: self.anxiety_window_days.max(7),
            style_escalating_ratio: self.style_escalating_ratio.max(1.0),
            ..self.clone()
        }
    }
}
