//! Shared validation rules and id generation.

use crate::{Error, Result};
use chrono::{Datelike, NaiveDate};

pub const MAX_NAME: usize = 200;
pub const MAX_WHAT: usize = 500;
pub const MAX_NOTE: usize = 20_000;
pub const MAX_TAG: usize = 50;

/// A new time-ordered id (UUID v7), so ids sort by creation.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Trims `value` and checks its length in characters is within `min..=max`. Text that is all
/// invisible (spaces, zero-width characters) counts as empty; control characters other than
/// line breaks and tabs are refused.
pub fn check_text(field: &'static str, value: &str, min: usize, max: usize) -> Result<String> {
    let trimmed = value.trim();
    let len = trimmed.chars().count();
    let label = field.replace('_', " ");
    if let Some(c) = trimmed
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    {
        return Err(Error::invalid(
            field,
            format!(
                "{label} holds a control character (U+{:04X}); remove it",
                u32::from(c)
            ),
        ));
    }
    if len < min || (min > 0 && trimmed.chars().all(is_invisible)) {
        return Err(Error::invalid(field, format!("{label} cannot be empty")));
    }
    if len > max {
        return Err(Error::invalid(
            field,
            format!("{label} is {len} characters; the most is {max}"),
        ));
    }
    Ok(trimmed.to_string())
}

/// Characters that show nothing on their own.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{00ad}' | '\u{034f}' | '\u{180e}')
}

/// Dates outside 1900–2100 are almost always typing mistakes.
pub fn check_date(field: &'static str, date: NaiveDate) -> Result<NaiveDate> {
    if !(1900..=2100).contains(&date.year()) {
        return Err(Error::invalid(
            field,
            format!("{date} is outside the years 1900–2100"),
        ));
    }
    Ok(date)
}

pub fn check_scale(field: &'static str, value: i64, min: i64, max: i64) -> Result<()> {
    if value < min || value > max {
        return Err(Error::invalid(
            field,
            format!(
                "{} must be between {min} and {max}, not {value}",
                field.replace('_', " ")
            ),
        ));
    }
    Ok(())
}

/// Tags are trimmed, lower-cased, de-duplicated, and must be short words without '|'
/// (the CSV export joins tags with it).
pub fn check_tags(tags: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let t = tag.trim().to_lowercase();
        if t.is_empty() {
            return Err(Error::invalid("tags", "a tag cannot be empty"));
        }
        if t.chars().count() > MAX_TAG || t.contains('|') {
            return Err(Error::invalid(
                "tags",
                format!("tag '{t}' must be at most {MAX_TAG} characters and contain no '|'"),
            ));
        }
        if !out.contains(&t) {
            out.push(t);
        }
    }
    Ok(out)
}
