//! Daylio CSV import: each entry becomes a check-in with its mood and its note as the
//! reflection. Daylio's default moods (rad, good, meh, bad, awful) map to 2, 1, 0, −1, −2;
//! other labels need a mapping from the user. Ids derive from the entry, so importing the same
//! export again adds nothing.

use super::{problem, read_text};
use crate::journal::Records;
use crate::model::CheckIn;
use crate::Result;
use chrono::{NaiveDate, NaiveTime};
use std::collections::HashMap;
use std::path::Path;

const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x1d0e_7a64_52c1_4f3b_8e2a_9c47_b6d5_0f18);

/// Daylio's own mood labels and where they sit on the journal's −2..=2 scale.
pub fn default_moods() -> HashMap<String, i8> {
    [
        ("rad", 2),
        ("good", 1),
        ("meh", 0),
        ("bad", -1),
        ("awful", -2),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// Reads the Daylio export at `path`; `moods` maps lower-case labels to −2..=2.
pub fn read_daylio_records(path: &Path, moods: &HashMap<String, i8>) -> Result<Records> {
    let text = read_text(path)?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| problem(path, "line 1", format!("not a CSV header ({e})")))?
        .clone();
    let cols = Columns::find(path, &headers)?;
    let mut checkins = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let line = format!("line {}", i + 2);
        let row = row.map_err(|e| problem(path, &line, e.to_string()))?;
        checkins.push(read_row(path, &line, &row, &cols, moods)?);
    }
    Ok(Records {
        checkins,
        ..Records::default()
    })
}

/// Where each column Daylio writes is; date and mood must be there.
struct Columns {
    date: usize,
    mood: usize,
    time: Option<usize>,
    title: Option<usize>,
    note: Option<usize>,
}

impl Columns {
    fn find(path: &Path, headers: &csv::StringRecord) -> Result<Columns> {
        let column = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name))
                .ok_or_else(|| {
                    problem(
                        path,
                        "line 1",
                        format!("{name}: no “{name}” column; a Daylio export has full_date, time, mood and note"),
                    )
                })
        };
        Ok(Columns {
            date: column("full_date")?,
            mood: column("mood")?,
            time: column("time").ok(),
            title: column("note_title").ok(),
            note: column("note").ok(),
        })
    }
}

/// One Daylio row as a check-in: its mood on the scale, its title and note as the reflection,
/// an id derived from the row so importing twice adds nothing.
fn read_row(
    path: &Path,
    line: &str,
    row: &csv::StringRecord,
    cols: &Columns,
    moods: &HashMap<String, i8>,
) -> Result<CheckIn> {
    let cell = |at: Option<usize>| at.and_then(|a| row.get(a)).unwrap_or("").trim().to_string();
    let date_text = cell(Some(cols.date));
    let on = NaiveDate::parse_from_str(&date_text, "%Y-%m-%d").map_err(|_| {
        problem(
            path,
            line,
            format!("full_date: “{date_text}” is not a date (YYYY-MM-DD)"),
        )
    })?;
    let label = cell(Some(cols.mood));
    let mood = *moods.get(&label.to_lowercase()).ok_or_else(|| {
        problem(
            path,
            line,
            format!("mood: “{label}” is not a mood this import knows; map it with --mood \"{label}=N\" (N from -2 to 2)"),
        )
    })?;
    let time_text = cell(cols.time);
    let time = parse_time(&time_text).unwrap_or(NaiveTime::MIN);
    let reflection = [cell(cols.title), cell(cols.note)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let at = on.and_time(time).and_utc();
    let key = format!("daylio:{date_text}|{time_text}|{label}|{reflection}");
    Ok(CheckIn {
        id: uuid::Uuid::new_v5(&NAMESPACE, key.as_bytes()).to_string(),
        on,
        mood: Some(mood),
        energy: None,
        owing: None,
        worry: None,
        pressured: None,
        exhaustion: None,
        reflection,
        prompt: None,
        created_at: at,
        updated_at: at,
        deleted_at: None,
    })
}

/// The mood labels in the Daylio export at `path` that `moods` does not map, lower case, in
/// the order they first appear: what the user is asked to place on −2..=2 before importing.
pub fn unknown_moods(path: &Path, moods: &HashMap<String, i8>) -> Result<Vec<String>> {
    let text = read_text(path)?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| problem(path, "line 1", format!("not a CSV header ({e})")))?;
    let Some(mood_at) = headers
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case("mood"))
    else {
        return Err(problem(
            path,
            "line 1",
            "mood: no “mood” column; a Daylio export has full_date, time, mood and note",
        ));
    };
    let mut unknown: Vec<String> = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| problem(path, format!("line {}", i + 2), e.to_string()))?;
        let label = row.get(mood_at).unwrap_or("").trim().to_lowercase();
        if !label.is_empty() && !moods.contains_key(&label) && !unknown.contains(&label) {
            unknown.push(label);
        }
    }
    Ok(unknown)
}

/// Daylio writes times as "8:30 PM" or "20:30" depending on the phone.
fn parse_time(text: &str) -> Option<NaiveTime> {
    ["%I:%M %p", "%H:%M", "%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(text, f).ok())
}

/// Parses `LABEL=N` mappings given by the user on top of the defaults.
pub fn moods_with(overrides: &[String]) -> Result<HashMap<String, i8>> {
    let mut moods = default_moods();
    for spec in overrides {
        let (label, n) = spec.rsplit_once('=').ok_or_else(|| {
            crate::Error::invalid(
                "mood",
                format!("“{spec}” should look like LABEL=N, e.g. \"so-so=0\""),
            )
        })?;
        let n: i8 = n
            .trim()
            .parse()
            .ok()
            .filter(|n| (-2..=2).contains(n))
            .ok_or_else(|| {
                crate::Error::invalid(
                    "mood",
                    format!("in “{spec}”, N must be a whole number from -2 to 2"),
                )
            })?;
        moods.insert(label.trim().to_lowercase(), n);
    }
    Ok(moods)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_moods_lists_each_unmapped_label_once() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/daylio.csv");
        assert_eq!(unknown_moods(&path, &default_moods()).unwrap(), ["so-so"]);
        let mapped = moods_with(&["so-so=0".to_string()]).unwrap();
        assert!(unknown_moods(&path, &mapped).unwrap().is_empty());
    }
}
