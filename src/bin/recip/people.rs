//! `recip person …`, and how a PERSON argument finds its person.

use crate::args::{PersonAddArgs, PersonEditArgs, PersonListArgs};
use crate::output::print_json;
use reciprocity::journal::Journal;
use reciprocity::model::{Person, PersonInput, Relationship};
use reciprocity::{Error, Result};

/// Finds a person by id or by case-insensitive exact name. An unknown name is added when a
/// relationship is given; otherwise the error says how to add them.
pub fn resolve(journal: &mut Journal, text: &str, add_as: Option<Relationship>) -> Result<Person> {
    match (lookup(journal, text)?, add_as) {
        (Some(p), _) => Ok(p),
        (None, Some(rel)) => journal.add_person(&PersonInput::new(text, rel)),
        (None, None) => {
            let wanted = text.trim().to_lowercase();
            let similar: Vec<String> = journal
                .list_people(false)?
                .into_iter()
                .filter(|p| p.name.to_lowercase().contains(&wanted))
                .map(|p| format!("“{}”", p.name))
                .collect();
            let hint = if similar.is_empty() {
                String::new()
            } else {
                format!(" (did you mean {}?)", similar.join(" or "))
            };
            Err(Error::invalid(
                "person_id",
                format!(
                    "no one named “{0}” yet{hint}; add them with `recip person add \"{0}\" \
                     --relationship REL`, or give --relationship to add them now",
                    text.trim()
                ),
            ))
        }
    }
}

/// Like `resolve`, for commands that never add anyone.
pub fn find(journal: &Journal, text: &str) -> Result<Person> {
    lookup(journal, text)?.ok_or_else(|| Error::not_found("person", text.trim()))
}

/// The one person `text` names, `None` when it names no one, an error when it names several.
pub fn lookup(journal: &Journal, text: &str) -> Result<Option<Person>> {
    if let Ok(p) = journal.get_person(text.trim()) {
        return Ok(Some(p));
    }
    let mut found = journal.find_people_by_name(text)?;
    if found.len() > 1 {
        return Err(Error::invalid(
            "person_id",
            format!(
                "“{}” could be any of: {}; use the id",
                text.trim(),
                found
                    .iter()
                    .map(|p| format!("{} ({}, {})", p.name, p.relationship, p.id))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        ));
    }
    Ok(found.pop())
}

pub fn add(journal: &mut Journal, a: PersonAddArgs, json: bool) -> Result<()> {
    let person = journal.add_person(&PersonInput {
        name: a.name,
        relationship: a.relationship,
        notes: a.notes,
    })?;
    if json {
        return print_json(&person);
    }
    say!(
        "Added {} ({}) {}",
        person.name,
        person.relationship,
        person.id
    );
    Ok(())
}

pub fn list(journal: &Journal, a: PersonListArgs, json: bool) -> Result<()> {
    let people = journal.list_person_summaries(a.all)?;
    if json {
        return print_json(&people);
    }
    if people.is_empty() {
        say!("No one yet. Add someone with `recip person add NAME --relationship REL`.");
    }
    for s in people {
        let last = s
            .last_exchange_on
            .map(|d| format!("last {d}"))
            .unwrap_or_else(|| "no exchanges yet".into());
        let archived = if s.person.archived_at.is_some() {
            "  (archived)"
        } else {
            ""
        };
        say!(
            "{:<20} {:<13} {:<10} gave {:>3}  got {:>3}  {last}  {}{archived}",
            s.person.name,
            s.person.relationship.as_str(),
            s.sphere.as_str(),
            s.given,
            s.received,
            s.person.id
        );
    }
    Ok(())
}

pub fn show(journal: &Journal, text: &str, json: bool) -> Result<()> {
    let person = find(journal, text)?;
    if json {
        return print_json(&person);
    }
    say!(
        "{} ({}, {})",
        person.name,
        person.relationship,
        person.sphere()
    );
    if !person.notes.is_empty() {
        say!("{}", person.notes);
    }
    say!("id {}", person.id);
    Ok(())
}

pub fn edit(journal: &mut Journal, a: PersonEditArgs, json: bool) -> Result<()> {
    let person = find(journal, &a.person)?;
    let updated = journal.update_person(
        &person.id,
        &PersonInput {
            name: a.name.unwrap_or(person.name),
            relationship: a.relationship.unwrap_or(person.relationship),
            notes: a.notes.unwrap_or(person.notes),
        },
    )?;
    if json {
        return print_json(&updated);
    }
    say!("Updated {} ({})", updated.name, updated.relationship);
    Ok(())
}

pub fn archive(journal: &mut Journal, text: &str, archive: bool) -> Result<()> {
    let person = find(journal, text)?;
    if archive {
        journal.archive_person(&person.id)?;
        say!(
            "Archived {}; `recip person unarchive` brings them back",
            person.name
        );
    } else {
        journal.unarchive_person(&person.id)?;
        say!("{} is back in your lists", person.name);
    }
    Ok(())
}
