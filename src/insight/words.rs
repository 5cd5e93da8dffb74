//! How insights put numbers into words: plain fractions, percentages, probabilities that
//! never claim certainty, short numbers and plurals. Every headline and reason uses these, so
//! the same number reads the same way everywhere.

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

/// "Indebtedness" from "indebtedness".
pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}
