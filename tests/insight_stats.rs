//! Checks `insight::stats` against published tables and independently computed values.
//!
//! Sources of the expected numbers:
//! - Gilbert, R. O. (1987), *Statistical methods for environmental pollution monitoring*,
//!   table A18 (exact Mann–Kendall probabilities): n = 4, S = 6 → 0.042; n = 5, S = 10 → 0.008.
//! - "enumerated": every distinct ordering of the values enumerated in Python
//!   (`itertools.permutations`), counting orderings with S at least the observed S.
//! - pymannkendall 1.4.3 `original_test` (S, tie-corrected Var(S), two-sided p; the
//!   one-sided p is half of it).
//! - SciPy 1.17.1: `scipy.stats.theilslopes`, `mannwhitneyu(method="asymptotic",
//!   use_continuity=True)` (the same as R's `wilcox.test(exact = FALSE, correct = TRUE)`),
//!   `binomtest(alternative="greater")`, `beta.ppf` and `beta.sf`.

use reciprocity::insight::stats::{
    beta_mean, beta_prob_above, beta_quantile, mann_kendall, mann_whitney, median,
    sign_test_greater, theil_sen,
};

fn close(actual: f64, expected: f64, tol: f64) -> bool {
    (actual - expected).abs() <= tol
}

#[test]
fn mann_kendall_exact_matches_gilbert_table_for_four_and_five_points() {
    let four = mann_kendall(&[1.0, 2.0, 3.0, 4.0]);
    assert_eq!(four.s, 6);
    assert!(four.exact);
    assert!(close(four.p_increasing, 1.0 / 24.0, 1e-12), "{four:?}");
    assert!(close(four.p_increasing, 0.042, 0.0005));

    let five = mann_kendall(&[1.0, 2.0, 3.0, 4.0, 5.0]);
    assert_eq!(five.s, 10);
    assert!(close(five.p_increasing, 0.0083, 0.00005), "{five:?}");
}

#[test]
fn mann_kendall_exact_matches_enumerated_orderings_without_ties() {
    // (values, S, P(S >= s)) from enumeration.
    let cases: [(&[f64], i64, f64); 2] = [
        (&[2.0, 1.0, 3.0, 4.0, 5.0], 8, 0.041666666666666664),
        (
            &[1.0, 3.0, 2.0, 5.0, 4.0, 6.0, 7.0, 8.0],
            24,
            0.0008680555555555555,
        ),
    ];
    for (values, s, p) in cases {
        let mk = mann_kendall(values);
        assert_eq!(mk.s, s);
        assert!(close(mk.p_increasing, p, 1e-12), "{values:?}: {mk:?}");
    }
}

#[test]
fn mann_kendall_exact_handles_ties_like_enumerating_every_ordering() {
    let cases: [(&[f64], i64, f64); 3] = [
        (
            &[3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0],
            12,
            0.16431878306878306,
        ),
        (
            &[1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0],
            17,
            0.002380952380952381,
        ),
        (
            &[2.0, 2.0, 2.0, 1.0, 3.0, 3.0, 4.0, 4.0, 4.0, 5.0],
            32,
            0.0009126984126984128,
        ),
    ];
    for (values, s, p) in cases {
        let mk = mann_kendall(values);
        assert_eq!(mk.s, s);
        assert!(mk.exact);
        assert!(close(mk.p_increasing, p, 1e-12), "{values:?}: {mk:?}");
    }
}

#[test]
fn mann_kendall_normal_approximation_uses_tie_corrected_variance() {
    // pymannkendall: s = 54, var_s = 210.666…, p (two-sided) = 0.0002606563091740455.
    let a = mann_kendall(&[
        10.0, 12.0, 11.0, 14.0, 13.0, 13.0, 15.0, 17.0, 16.0, 16.0, 18.0, 20.0,
    ]);
    assert_eq!(a.s, 54);
    assert!(!a.exact);
    assert!(close(a.var_s, 210.66666666666666, 1e-9));
    assert!(close(a.p_increasing, 0.0002606563091740455 / 2.0, 1e-12));

    // Anxiety-like scores with many ties: s = 79, var_s = 383.666…, p = 6.829477665193373e-05.
    let b = mann_kendall(&[
        0.0, 25.0, 25.0, 50.0, 25.0, 50.0, 50.0, 75.0, 50.0, 75.0, 100.0, 75.0, 75.0, 100.0, 100.0,
    ]);
    assert_eq!(b.s, 79);
    assert!(close(b.var_s, 383.6666666666667, 1e-9));
    assert!(close(b.p_increasing, 6.829477665193373e-05 / 2.0, 1e-13));
}

#[test]
fn mann_kendall_sees_no_upward_trend_in_a_falling_or_flat_series() {
    let falling = mann_kendall(&[5.0, 4.0, 3.0, 2.0, 1.0]);
    assert_eq!(falling.s, -10);
    assert!(close(falling.p_increasing, 1.0, 1e-12));
    let flat = mann_kendall(&[2.0; 12]);
    assert_eq!(flat.s, 0);
    assert!(flat.p_increasing >= 0.5);
    assert_eq!(mann_kendall(&[1.0]).p_increasing, 1.0);
}

#[test]
fn theil_sen_slope_matches_scipy_with_tied_x_values() {
    // scipy.stats.theilslopes([1,2,2,5,4,8], [0,1,1,3,4,6]).slope = 1.0833333333333335
    let points = [
        (0.0, 1.0),
        (1.0, 2.0),
        (1.0, 2.0),
        (3.0, 5.0),
        (4.0, 4.0),
        (6.0, 8.0),
    ];
    let slope = theil_sen(&points).unwrap();
    assert!(close(slope, 1.0833333333333335, 1e-12), "{slope}");
    assert_eq!(theil_sen(&[(1.0, 1.0), (1.0, 5.0)]), None);
}

#[test]
fn mann_whitney_matches_scipy_with_ties() {
    // scipy: statistic = 33.5, pvalue = 0.07826242947714618
    let a = [1.0, 2.0, 2.0, 3.0, 4.0, 4.0, 4.0];
    let b = [0.0, 1.0, 1.0, 2.0, 2.0, 3.0];
    let mw = mann_whitney(&a, &b).unwrap();
    assert!(close(mw.u, 33.5, 1e-12));
    assert!(close(mw.p_two_sided, 0.07826242947714618, 1e-9), "{mw:?}");
    assert!(close(mw.r, 2.0 * 33.5 / 42.0 - 1.0, 1e-12));

    // scipy: statistic = 98.5, pvalue = 0.001933380622047832
    let a2 = [3.0, 4.0, 4.0, 2.0, 3.0, 4.0, 1.0, 3.0, 4.0, 4.0];
    let b2 = [1.0, 2.0, 0.0, 2.0, 1.0, 3.0, 2.0, 1.0, 0.0, 2.0, 1.0];
    let mw2 = mann_whitney(&a2, &b2).unwrap();
    assert!(close(mw2.u, 98.5, 1e-12));
    assert!(
        close(mw2.p_two_sided, 0.001933380622047832, 1e-9),
        "{mw2:?}"
    );
    assert!(close(mw2.r, 0.7909090909090909, 1e-12));
}

#[test]
fn mann_whitney_effect_is_antisymmetric_and_needs_both_samples() {
    let a = [1.0, 3.0, 5.0];
    let b = [2.0, 2.0, 4.0, 6.0];
    let ab = mann_whitney(&a, &b).unwrap();
    let ba = mann_whitney(&b, &a).unwrap();
    assert!(close(ab.r, -ba.r, 1e-12));
    assert!(close(ab.p_two_sided, ba.p_two_sided, 1e-12));
    assert!(mann_whitney(&[], &b).is_none());
}

#[test]
fn sign_test_matches_scipy_binomtest_and_drops_zeros() {
    // scipy.stats.binomtest(k, n, 0.5, alternative="greater").pvalue
    let cases = [
        (6, 6, 0.015625),
        (7, 8, 0.03515625),
        (9, 12, 0.072998046875),
        (5, 10, 0.623046875),
    ];
    for (k, n, p) in cases {
        let mut values = vec![1.0; k];
        values.extend(std::iter::repeat_n(-1.0, n - k));
        values.extend([0.0, 0.0]);
        let t = sign_test_greater(&values);
        assert_eq!((t.positive, t.negative), (k, n - k));
        assert!(close(t.p_greater, p, 1e-12), "{k}/{n}: {t:?}");
    }
    assert_eq!(sign_test_greater(&[-1.0, 0.0]).p_greater, 1.0);
}

#[test]
fn beta_quantiles_and_tail_match_scipy() {
    // (a, b, ppf(0.1), ppf(0.9), sf(0.6))
    let cases = [
        (1.0, 1.0, 0.1, 0.9, 0.4),
        (
            3.5,
            2.25,
            0.3476767223793804,
            0.8494294551409601,
            0.5413963994789451,
        ),
        (
            13.2,
            4.7,
            0.6005794639315704,
            0.8620200141156708,
            0.9008385560516631,
        ),
        (
            1.0,
            7.3,
            0.014329291650743772,
            0.27051948064297715,
            0.001244623327940402,
        ),
    ];
    for (a, b, q10, q90, sf) in cases {
        assert!(close(beta_quantile(a, b, 0.1), q10, 1e-9), "{a},{b}");
        assert!(close(beta_quantile(a, b, 0.9), q90, 1e-9), "{a},{b}");
        assert!(close(beta_prob_above(a, b, 0.6), sf, 1e-12), "{a},{b}");
    }
    assert!(close(beta_mean(3.0, 1.0), 0.75, 1e-15));
}

#[test]
fn median_averages_the_middle_pair() {
    assert_eq!(median(&[]), None);
    assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
    assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
}

#[test]
fn beta_quantiles_from_a_nearby_start_match_the_full_inversion() {
    use reciprocity::insight::stats::{beta_interval_near, beta_quantile_near};
    for (a, b) in [
        (3.5, 2.25),
        (13.2, 4.7),
        (40.0, 35.5),
        (1.0, 7.3),
        (2.0, 90.0),
    ] {
        for p in [0.1, 0.5, 0.9] {
            let exact = beta_quantile(a, b, p);
            for start in [exact * 0.9, exact, (exact + 1.0) / 2.0, 0.5] {
                let near = beta_quantile_near(a, b, p, start, 1e-12);
                assert!(close(near, exact, 1e-10), "{a},{b},{p}/{start}: {near}");
                let rough = beta_quantile_near(a, b, p, start, 1e-5);
                assert!(close(rough, exact, 1e-4), "{a},{b},{p}/{start}: {rough}");
            }
        }
        let (lo, hi) = beta_interval_near(a, b, 0.1, (0.3, 0.7), 1e-12);
        assert!(close(lo, beta_quantile(a, b, 0.1), 1e-10));
        assert!(close(hi, beta_quantile(a, b, 0.9), 1e-10));
    }
}
