//! vCard (3.0 and 4.0) import: each card becomes a person. A card with a UID gets an id
//! derived from it, so importing the same address book again adds no one twice; a card whose
//! name matches someone already in the journal (or earlier in the file) is skipped.

use super::{problem, read_text};
use crate::journal::{Journal, Records};
use crate::model::{Person, PersonInput, Relationship};
use crate::Result;
use chrono::{DateTime, Utc};
use std::collections::HashSet;
use std::path::Path;

/// Ids for people from vCards: UUID v5 of the card's UID in this namespace.
const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6f1c_54a2_3b7e_4d0c_9a51_2e8f_7c3d_1b90);

/// One card's useful parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub uid: Option<String>,
    pub name: String,
    pub note: String,
}

/// Parses every card in `text`; a card without a usable name is an error naming the card.
pub fn parse_cards(path: &Path, text: &str) -> Result<Vec<Card>> {
    let reader = ical::VcardParser::new(std::io::BufReader::new(text.as_bytes()));
    let mut cards = Vec::new();
    for (i, card) in reader.enumerate() {
        let card = card.map_err(|e| problem(path, format!("card {}", i + 1), e.to_string()))?;
        let value = |name: &str| {
            card.properties
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(name))
                .and_then(|p| p.value.clone())
                .map(|v| unescape(&v))
                .filter(|v| !v.trim().is_empty())
        };
        let name = value("FN").or_else(|| value("N").map(|n| name_from_n(&n)));
        let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
            return Err(problem(
                path,
                format!("card {}", i + 1),
                "FN: the card has no name (FN or N)",
            ));
        };
        cards.push(Card {
            uid: value("UID"),
            name: name.trim().to_string(),
            note: value("NOTE").unwrap_or_default(),
        });
    }
    if cards.is_empty() {
        return Err(problem(
            path,
            "the file",
            "holds no vCards (BEGIN:VCARD … END:VCARD)",
        ));
    }
    Ok(cards)
}

/// "Lee;Sam;;;" → "Sam Lee".
fn name_from_n(n: &str) -> String {
    let parts: Vec<&str> = n.split(';').collect();
    let family = parts.first().copied().unwrap_or("");
    let given = parts.get(1).copied().unwrap_or("");
    format!("{given} {family}").trim().to_string()
}

fn unescape(v: &str) -> String {
    v.replace("\\n", "\n")
        .replace("\\N", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\")
}

/// The people in the cards at `path`, with `relationship`, and the cards skipped with why;
/// writes nothing.
pub fn read_vcard_records(
    journal: &Journal,
    path: &Path,
    relationship: Relationship,
    now: DateTime<Utc>,
) -> Result<(Records, Vec<String>)> {
    let text = read_text(path)?;
    let cards = parse_cards(path, &text)?;
    let mut known: HashSet<String> = journal
        .list_people(true)?
        .into_iter()
        .map(|p| p.name.to_lowercase())
        .collect();
    let mut people = Vec::new();
    let mut skipped = Vec::new();
    let mut ids = HashSet::new();
    for (i, card) in cards.into_iter().enumerate() {
        let at = format!("card {}", i + 1);
        let input = PersonInput {
            name: card.name.clone(),
            relationship,
            notes: card.note,
        }
        .validated()
        .map_err(|e| problem(path, &at, format!("{}: {e}", e.field().unwrap_or("card"))))?;
        let id = match &card.uid {
            Some(uid) => uuid::Uuid::new_v5(&NAMESPACE, uid.as_bytes()).to_string(),
            None => crate::model::new_id(),
        };
        let by_uid_known = journal.get_person(&id).is_ok();
        if by_uid_known || !ids.insert(id.clone()) {
            skipped.push(format!(
                "{} ({at}): already added from this card's UID",
                input.name
            ));
            continue;
        }
        if !known.insert(input.name.to_lowercase()) {
            skipped.push(format!(
                "{} ({at}): someone with this name is already there",
                input.name
            ));
            continue;
        }
        people.push(Person {
            id,
            name: input.name,
            relationship: input.relationship,
            notes: input.notes,
            archived_at: None,
            created_at: now,
            updated_at: now,
        });
    }
    let records = Records {
        people,
        ..Records::default()
    };
    Ok((records, skipped))
}
