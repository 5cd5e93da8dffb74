//! `recip log`, `list`, `show`, `edit`, `delete`, `restore`, `settle` and `search`.

use crate::args::{DetailArgs, EditArgs, ListArgs, LogArgs, SearchArgs, SettleArgs};
use crate::output::{exchange_details, exchange_line, print_json};
use crate::people::{find, lookup, resolve};
use chrono::{Local, NaiveDate};
use reciprocity::journal::Journal;
use reciprocity::model::{Exchange, ExchangeFilter, ExchangeInput, PersonInput};
use reciprocity::Result;
use std::collections::HashMap;

fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Applies the flags that were given onto `input`, leaving the rest as they are.
fn apply(input: &mut ExchangeInput, d: DetailArgs) {
    if let Some(on) = d.on {
        input.occurred_on = on;
    }
    if let Some(v) = d.value {
        input.value = v;
    }
    if let Some(k) = d.kind {
        input.kind = k;
    }
    if d.initiative.is_some() {
        input.initiative = d.initiative;
    }
    if d.sphere.is_some() {
        input.sphere = d.sphere;
    }
    let f = &mut input.feelings;
    for (slot, flag) in [
        (&mut f.gratitude, d.gratitude),
        (&mut f.indebtedness, d.indebtedness),
        (&mut f.pressure, d.pressure),
        (&mut f.discomfort, d.discomfort),
        (&mut f.warmth, d.warmth),
        (&mut f.drained, d.drained),
        (&mut f.expectation, d.expectation),
    ] {
        if flag.is_some() {
            *slot = flag;
        }
    }
    if !d.tags.is_empty() {
        input.tags = d.tags;
    }
    if let Some(n) = d.note {
        input.note = n;
    }
    if d.reciprocates.is_some() {
        input.reciprocates = d.reciprocates;
    }
}

fn names(journal: &Journal) -> Result<HashMap<String, String>> {
    Ok(journal
        .list_people(true)?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect())
}

fn print_one(journal: &Journal, e: &Exchange, json: bool, headline: &str) -> Result<()> {
    if json {
        return print_json(e);
    }
    let person = journal.get_person(&e.person_id)?;
    if !headline.is_empty() {
        say!("{headline}");
    }
    say!("{}", exchange_details(e, &person));
    Ok(())
}

fn print_many(journal: &Journal, list: &[Exchange], json: bool, empty: &str) -> Result<()> {
    if json {
        return print_json(list);
    }
    if list.is_empty() {
        say!("{empty}");
    }
    let names = names(journal)?;
    for e in list {
        say!("{}", exchange_line(e, &names));
    }
    Ok(())
}

pub fn log(journal: &mut Journal, a: LogArgs, json: bool) -> Result<()> {
    // Check the exchange before adding a new person, so a refused log adds no one.
    let mut input = ExchangeInput::new("-", a.direction, today(), a.what);
    apply(&mut input, a.details);
    input.validated()?;
    let e = match (lookup(journal, &a.person)?, a.relationship) {
        (None, Some(rel)) => journal
            .add_exchange_with_new_person(&PersonInput::new(a.person.as_str(), rel), &input)?,
        _ => {
            input.person_id = resolve(journal, &a.person, a.relationship)?.id;
            journal.add_exchange(&input)?
        }
    };
    print_one(journal, &e, json, "Logged")
}

pub fn list(journal: &Journal, a: ListArgs, json: bool) -> Result<()> {
    let person_id = match a.person {
        Some(p) => Some(find(journal, &p)?.id),
        None => None,
    };
    let list = journal.list_exchanges(&ExchangeFilter {
        person_id,
        direction: a.direction,
        sphere: a.sphere,
        kind: a.kind,
        tag: a.tag,
        since: a.since,
        until: a.until,
        limit: a.limit,
        offset: None,
    })?;
    print_many(journal, &list, json, "Nothing logged that matches.")
}

pub fn show(journal: &Journal, id: &str, json: bool) -> Result<()> {
    let e = journal.get_exchange(id.trim())?;
    print_one(journal, &e, json, "")
}

pub fn edit(journal: &mut Journal, a: EditArgs, json: bool) -> Result<()> {
    let old = journal.get_exchange(a.id.trim())?;
    let mut input = old.to_input();
    if let Some(d) = a.direction {
        input.direction = d;
    }
    if let Some(w) = a.what {
        input.what = w;
    }
    if a.clear_tags {
        input.tags.clear();
    }
    if let Some(p) = a.person {
        input.person_id = find(journal, &p)?.id;
    }
    apply(&mut input, a.details);
    let e = journal.update_exchange(&old.id, &input)?;
    print_one(journal, &e, json, "Updated")
}

pub fn delete(journal: &mut Journal, id: &str, delete: bool) -> Result<()> {
    if delete {
        let e = journal.delete_exchange(id.trim())?;
        say!(
            "Deleted “{}”; `recip restore {}` brings it back",
            e.what,
            e.id
        );
    } else {
        let e = journal.restore_exchange(id.trim())?;
        say!("Restored “{}”", e.what);
    }
    Ok(())
}

pub fn settle(journal: &mut Journal, a: SettleArgs, json: bool) -> Result<()> {
    let e = journal.settle_exchange(
        a.id.trim(),
        a.settlement,
        a.by.as_deref().map(str::trim),
        a.on.unwrap_or_else(today),
    )?;
    print_one(journal, &e, json, "Settled")
}

pub fn search(journal: &Journal, a: SearchArgs, json: bool) -> Result<()> {
    let found = journal.search_exchanges(&a.query, a.limit)?;
    print_many(journal, &found, json, "Nothing found.")
}
