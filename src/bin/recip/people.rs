//! `recip person …`, and how a PERSON argument finds its person.

use crate::args::{PersonAddArgs, PersonEditArgs, PersonListArgs};
use crate::output::print_json;
use reciprocity::api::people::{self, AddPerson, ListPeople, UpdatePerson};
use reciprocity::api::ById;
use reciprocity::journal::Journal;
use reciprocity::model::{Person, PersonInput, Relationship};
use reciprocity::{Error, Result};

/// Who a PERSON argument names: someone in the journal, or someone to add with the entry.
pub enum Who {
    Known(Person),
    New(PersonInput),
}

/// Finds a person by id or by case-insensitive exact name. An unknown name is someone new
/// when a relationship is given; otherwise the error says how to add them.
pub fn resolve(journal: &Journal, text: &str, add_as: Option<Relationship>) -> Result<Who> {
    match (lookup(journal, text)?, add_as) {
        (Some(p), _) => Ok(Who::Known(p)),
        (None, Some(rel)) => Ok(Who::New(PersonInput::new(text.trim(), rel))),
        (None, None) => {
            let wanted = text.trim().to_lowercase();
            let similar: Vec<String> = people::list_people(journal, ListPeople::default())?
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
fn lookup(journal: &Journal, text: &str) -> Result<Option<Person>> {
    if let Ok(p) = people::get_person(journal, ById { id: text.into() }) {
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
    let input = PersonInput {
        name: a.name,
        relationship: a.relationship,
        notes: a.notes,
    };
    let person = people::add_person(journal, AddPerson { input })?;
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
    let include_archived = a.all;
    let all = people::list_person_summaries(journal, ListPeople { include_archived })?;
    if json {
        return print_json(&all);
    }
    if all.is_empty() {
        say!("No one yet. Add someone with `recip person add NAME --relationship REL`.");
    }
    for s in all {
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
    let input = PersonInput {
        name: a.name.unwrap_or(person.name),
        relationship: a.relationship.unwrap_or(person.relationship),
        notes: a.notes.unwrap_or(person.notes),
    };
    let updated = people::update_person(
        journal,
        UpdatePerson {
            id: person.id,
            input,
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
        people::archive_person(journal, ById { id: person.id })?;
        say!(
            "Archived {}; `recip person unarchive` brings them back",
            person.name
        );
    } else {
        people::unarchive_person(journal, ById { id: person.id })?;
        say!("{} is back in your lists", person.name);
    }
    Ok(())
}
