//! Small, exact statistics used by the insight engine.
//!
//! Everything here is a pure function of its arguments. Special functions (the regularised
//! incomplete beta function, its inverse and the complementary error function) come from
//! `statrs`; the rank tests are written out here so that each step can be read and checked.
//!
//! - Beta posterior summaries for the giving share (mean, quantiles, tail probability).
//! - Mann–Kendall trend test (Mann 1945; Kendall 1975): exact null distribution for n ≤ 10
//!   (Gilbert 1987, table A18; with ties, the exact permutation distribution of the observed
//!   values), and the normal approximation with tie-corrected variance and continuity
//!   correction otherwise.
//! - Theil–Sen slope (Sen 1968): the median of all pairwise slopes.
//! - Mann–Whitney U (Mann & Whitney 1947) with mid-ranks for ties, the rank-biserial effect
//!   r = 2U/(n₁n₂) − 1, and the tie-corrected normal approximation with continuity correction.
//! - Sign test: exact one-sided binomial tail.

use statrs::function::beta::{beta_reg, inv_beta_reg};
use statrs::function::erf::erfc;
use std::cmp::Ordering;

/// Largest series length for which [`mann_kendall`] uses the exact null distribution.
pub const MK_EXACT_MAX_N: usize = 10;

/// Mean of Beta(a, b).
pub fn beta_mean(a: f64, b: f64) -> f64 {
    a / (a + b)
}

/// The `p`-quantile of Beta(a, b) (`p` in 0..=1).
pub fn beta_quantile(a: f64, b: f64, p: f64) -> f64 {
    inv_beta_reg(a, b, p.clamp(0.0, 1.0))
}

/// The `p`-quantile of Beta(a, b) by Newton's method from a starting guess `start` (the
/// quantile of a nearby Beta, say last month's), to within about `tol`; falls back to
/// [`beta_quantile`] when the guess is poor. Used for long series of slowly changing
/// intervals, where it needs one or two steps instead of a full inversion.
pub fn beta_quantile_near(a: f64, b: f64, p: f64, start: f64, tol: f64) -> f64 {
    newton_quantile(a, b, p, start, statrs::function::beta::ln_beta(a, b), tol)
}

/// Both ends of a central interval of Beta(a, b), each from a nearby starting guess, to
/// within about `tol`.
pub fn beta_interval_near(a: f64, b: f64, tail: f64, near: (f64, f64), tol: f64) -> (f64, f64) {
    let ln_b = statrs::function::beta::ln_beta(a, b);
    (
        newton_quantile(a, b, tail, near.0, ln_b, tol),
        newton_quantile(a, b, 1.0 - tail, near.1, ln_b, tol),
    )
}

fn newton_quantile(a: f64, b: f64, p: f64, start: f64, ln_b: f64, tol: f64) -> f64 {
    let inside = |v: f64| v > 0.0 && v < 1.0;
    if !inside(start) || !inside(p) || a < 1.0 || b < 1.0 {
        return beta_quantile(a, b, p);
    }
    let mut x = start;
    for _ in 0..8 {
        let f = beta_reg(a, b, x) - p;
        let density = ((a - 1.0) * x.ln() + (b - 1.0) * (1.0 - x).ln() - ln_b).exp();
        if density.is_nan() || density <= 0.0 || density.is_infinite() {
            break;
        }
        let step = f / density;
        let next = x - step;
        if !inside(next) {
            break;
        }
        // Newton converges quadratically: after a step this small the error is ~step².
        if step * step < tol {
            return next;
        }
        x = next;
    }
    beta_quantile(a, b, p)
}

/// P(θ > x) for θ ~ Beta(a, b).
pub fn beta_prob_above(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    if x >= 1.0 {
        return 0.0;
    }
    // 1 − I_x(a, b) = I_{1−x}(b, a), computed directly for accuracy in the upper tail.
    beta_reg(b, a, 1.0 - x)
}

/// P(Z ≥ z) for a standard normal Z.
pub fn normal_sf(z: f64) -> f64 {
    0.5 * erfc(z / std::f64::consts::SQRT_2)
}

/// The median of `values` (NaN-free); `None` when empty.
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_unstable_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// The result of a Mann–Kendall trend test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MannKendall {
    /// Number of observations.
    pub n: usize,
    /// Kendall's S: concordant minus discordant pairs in time order.
    pub s: i64,
    /// Variance of S under no trend, corrected for ties.
    pub var_s: f64,
    /// One-sided p-value for an increasing trend, P(S ≥ s) under no trend.
    pub p_increasing: f64,
    /// Whether `p_increasing` is exact (n ≤ 10) or from the normal approximation.
    pub exact: bool,
}

/// Mann–Kendall test for an increasing trend in `values`, which must be in time order.
///
/// For n ≤ 10 the p-value is exact: without ties it matches Gilbert (1987, table A18); with
/// ties it is the exact distribution of S over all orderings of the observed values. Above
/// that, S is referred to a normal with the tie-corrected variance
/// `[n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18` and a continuity correction of 1.
pub fn mann_kendall(values: &[f64]) -> MannKendall {
    let n = values.len();
    let mut s: i64 = 0;
    for i in 0..n {
        for j in (i + 1)..n {
            s += sign(values[j] - values[i]);
        }
    }
    let ties = tie_group_sizes(values);
    let nf = n as f64;
    let tie_term: f64 = ties
        .iter()
        .map(|&t| {
            let t = t as f64;
            t * (t - 1.0) * (2.0 * t + 5.0)
        })
        .sum();
    let var_s = (nf * (nf - 1.0) * (2.0 * nf + 5.0) - tie_term) / 18.0;
    if n < 2 {
        return MannKendall {
            n,
            s,
            var_s,
            p_increasing: 1.0,
            exact: true,
        };
    }
    if n <= MK_EXACT_MAX_N {
        return MannKendall {
            n,
            s,
            var_s,
            p_increasing: exact_mk_upper_tail(n, &ties, s),
            exact: true,
        };
    }
    let z = if var_s <= 0.0 {
        0.0
    } else if s > 0 {
        (s as f64 - 1.0) / var_s.sqrt()
    } else if s < 0 {
        (s as f64 + 1.0) / var_s.sqrt()
    } else {
        0.0
    };
    MannKendall {
        n,
        s,
        var_s,
        p_increasing: normal_sf(z),
        exact: false,
    }
}

fn sign(d: f64) -> i64 {
    if d > 0.0 {
        1
    } else if d < 0.0 {
        -1
    } else {
        0
    }
}

/// Sizes of groups of equal values (only groups of two or more matter, but all are returned).
fn tie_group_sizes(values: &[f64]) -> Vec<usize> {
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
    let mut groups = Vec::new();
    let mut i = 0;
    while i < v.len() {
        let mut j = i + 1;
        while j < v.len() && v[j] == v[i] {
            j += 1;
        }
        groups.push(j - i);
        i = j;
    }
    groups
}

/// P(S ≥ s) over all distinct orderings of a multiset with the given group sizes.
///
/// The number of orderings with k discordant pairs is the coefficient of q^k in the
/// q-multinomial coefficient [n; m₁, m₂, …]_q, and S = N′ − 2k where N′ is the number of
/// untied pairs. The q-multinomial is built as a product of q-binomials.
fn exact_mk_upper_tail(n: usize, groups: &[usize], s: i64) -> f64 {
    let mut poly: Vec<f64> = vec![1.0];
    let mut placed = 0;
    for &m in groups {
        placed += m;
        poly = poly_mul(&poly, &q_binomial(placed, m));
    }
    debug_assert_eq!(placed, n);
    let untied_pairs: i64 = (n * (n - 1) / 2) as i64
        - groups
            .iter()
            .map(|&m| (m * m.saturating_sub(1) / 2) as i64)
            .sum::<i64>();
    let total: f64 = poly.iter().sum();
    let mut tail = 0.0;
    for (k, c) in poly.iter().enumerate() {
        if untied_pairs - 2 * k as i64 >= s {
            tail += c;
        }
    }
    tail / total
}

/// Coefficients of the Gaussian (q-)binomial [n; k]_q.
fn q_binomial(n: usize, k: usize) -> Vec<f64> {
    // table[i][j] = [i; j]_q, via [i; j] = [i−1; j−1] + q^j [i−1; j].
    let mut table: Vec<Vec<Vec<f64>>> = vec![vec![Vec::new(); k + 1]; n + 1];
    for (i, row) in table.iter_mut().enumerate() {
        row[0] = vec![1.0];
        if i <= k {
            row[i] = vec![1.0];
        }
    }
    for i in 1..=n {
        for j in 1..=k.min(i) {
            if j == i {
                continue;
            }
            let a = table[i - 1][j - 1].clone();
            let b = &table[i - 1][j];
            let len = a.len().max(b.len() + j);
            let mut out = vec![0.0; len];
            for (d, c) in a.iter().enumerate() {
                out[d] += c;
            }
            for (d, c) in b.iter().enumerate() {
                out[d + j] += c;
            }
            table[i][j] = out;
        }
    }
    table[n][k].clone()
}

fn poly_mul(a: &[f64], b: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; a.len() + b.len() - 1];
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            out[i + j] += x * y;
        }
    }
    out
}

/// Theil–Sen slope: the median of the slopes between every pair of points with distinct x.
/// `None` when no such pair exists.
pub fn theil_sen(points: &[(f64, f64)]) -> Option<f64> {
    let mut slopes = Vec::with_capacity(points.len() * points.len().saturating_sub(1) / 2);
    for i in 0..points.len() {
        for j in (i + 1)..points.len() {
            let dx = points[j].0 - points[i].0;
            if dx != 0.0 {
                slopes.push((points[j].1 - points[i].1) / dx);
            }
        }
    }
    median(&slopes)
}

/// The result of a Mann–Whitney U test of sample `a` against sample `b`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MannWhitney {
    /// U for `a`: pairs where a > b, plus half the tied pairs.
    pub u: f64,
    /// Rank-biserial effect r = 2U/(n₁n₂) − 1, from −1 (a always lower) to 1 (a always higher).
    pub r: f64,
    /// Two-sided p-value (normal approximation, tie-corrected, with continuity correction).
    pub p_two_sided: f64,
}

/// Mann–Whitney U test with mid-ranks for ties. `None` if either sample is empty.
pub fn mann_whitney(a: &[f64], b: &[f64]) -> Option<MannWhitney> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let n1 = a.len() as f64;
    let n2 = b.len() as f64;
    let mut all: Vec<(f64, bool)> = a
        .iter()
        .map(|&x| (x, true))
        .chain(b.iter().map(|&x| (x, false)))
        .collect();
    all.sort_unstable_by(|x, y| x.0.partial_cmp(&y.0).unwrap_or(Ordering::Equal));
    let n = all.len();
    let mut rank_sum_a = 0.0;
    let mut tie_term = 0.0;
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        while j < n && all[j].0 == all[i].0 {
            j += 1;
        }
        let mid_rank = (i + 1 + j) as f64 / 2.0;
        rank_sum_a += mid_rank * all[i..j].iter().filter(|x| x.1).count() as f64;
        let t = (j - i) as f64;
        tie_term += t * t * t - t;
        i = j;
    }
    let u = rank_sum_a - n1 * (n1 + 1.0) / 2.0;
    let r = 2.0 * u / (n1 * n2) - 1.0;
    let nf = n as f64;
    let mean = n1 * n2 / 2.0;
    let var = n1 * n2 / 12.0 * ((nf + 1.0) - tie_term / (nf * (nf - 1.0)));
    let p_two_sided = if var <= 0.0 {
        1.0
    } else {
        let d = (u - mean).abs() - 0.5;
        let z = d.max(0.0) / var.sqrt();
        (2.0 * normal_sf(z)).min(1.0)
    };
    Some(MannWhitney { u, r, p_two_sided })
}

/// The result of a one-sided sign test for values tending to be above zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SignTest {
    /// Values above zero.
    pub positive: usize,
    /// Values below zero (zeros are dropped).
    pub negative: usize,
    /// Exact P(X ≥ positive) for X ~ Binomial(positive + negative, ½).
    pub p_greater: f64,
}

/// Exact sign test of "more values above zero than below".
pub fn sign_test_greater(values: &[f64]) -> SignTest {
    let positive = values.iter().filter(|&&v| v > 0.0).count();
    let negative = values.iter().filter(|&&v| v < 0.0).count();
    let n = positive + negative;
    let p_greater = if positive == 0 {
        1.0
    } else {
        // P(X ≥ k) = I_½(k, n − k + 1) for X ~ Binomial(n, ½).
        beta_reg(positive as f64, (n - positive) as f64 + 1.0, 0.5)
    };
    SignTest {
        positive,
        negative,
        p_greater,
    }
}

/// A p-value as words read it: "less than 0.001" rather than a misleading "0.000".
pub fn p_text(p: f64) -> String {
    if p < 0.001 {
        "less than 0.001".to_string()
    } else {
        format!("{p:.3}")
    }
}
