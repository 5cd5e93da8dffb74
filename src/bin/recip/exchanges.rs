//! `recip log`, `list`, `show`, `edit`, `delete`, `restore`, `settle` and `search`.

use crate::args::{DetailArgs, EditArgs, ListArgs, LogArgs, SearchArgs, SettleArgs};
use crate::asks;
use crate::output::{exchange_details, exchange_line, print_json};
use crate::people::{find, resolve, Who};
use chrono::{Local, NaiveDate};
use reciprocity::api::asks::AskEntry;
use reciprocity::api::exchanges::{
    self, AddExchange, Entry, ListExchanges, SearchExchanges, SettleExchange, UpdateExchange,
};
use reciprocity::api::{people, ById};
use reciprocity::journal::Journal;
use reciprocity::model::{ExchangeFilter, ExchangeInput};
use reciprocity::Result;

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
    if d.fulfils.is_some() {
        input.fulfils = d.fulfils;
    }
}

fn print_one(journal: &Journal, e: &Entry, json: bool, headline: &str) -> Result<()> {
    if json {
        return print_json(e);
    }
    let person = people::get_person(
        journal,
        ById {
            id: e.exchange.person_id.clone(),
        },
    )?;
    if !headline.is_empty() {
        say!("{headline}");
    }
    say!("{}", exchange_details(&e.exchange, &person));
    Ok(())
}

fn print_many(list: &[Entry], json: bool, empty: &str) -> Result<()> {
    if json {
        return print_json(list);
    }
    if list.is_empty() && !empty.is_empty() {
        say!("{empty}");
    }
    for e in list {
        say!("{}", exchange_line(&e.exchange, &e.person_name));
    }
    Ok(())
}

pub fn log(journal: &mut Journal, a: LogArgs, json: bool) -> Result<()> {
    // Check the exchange before adding a new person, so a refused log adds no one.
    let mut input = ExchangeInput::new("-", a.direction, today(), a.what);
    apply(&mut input, a.details);
    input.validated()?;
    let req = match resolve(journal, &a.person, a.relationship)? {
        Who::Known(person) => AddExchange {
            input: ExchangeInput {
                person_id: person.id,
                ..input
            },
            new_person: None,
        },
        Who::New(person) => AddExchange {
            input,
            new_person: Some(person),
        },
    };
    let e = exchanges::add_exchange(journal, req)?;
    print_one(journal, &e, json, "Logged")
}

pub fn list(journal: &Journal, a: ListArgs, json: bool) -> Result<()> {
    let person_id = match a.person {
        Some(p) => Some(find(journal, &p)?.id),
        None => None,
    };
    let filter = ExchangeFilter {
        person_id,
        direction: a.direction,
        sphere: a.sphere,
        kind: a.kind,
        tag: a.tag,
        since: a.since,
        until: a.until,
        limit: a.limit,
        offset: None,
    };
    let list = exchanges::list_exchanges(journal, ListExchanges { filter })?;
    print_many(&list, json, "Nothing logged that matches.")
}

pub fn show(journal: &Journal, id: &str, json: bool) -> Result<()> {
    if let Some(r) = asks::find_ask(journal, id)? {
        return asks::show(&r, json);
    }
    let e = exchanges::get_exchange(journal, ById { id: id.into() })?;
    print_one(journal, &e, json, "")
}

pub fn edit(journal: &mut Journal, a: EditArgs, json: bool) -> Result<()> {
    if let Some(old) = asks::find_ask(journal, &a.id)? {
        return edit_ask(journal, old, a, json);
    }
    refuse_ask_flags(&a)?;
    let old = exchanges::get_exchange(journal, ById { id: a.id })?.exchange;
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
    let e = exchanges::update_exchange(journal, UpdateExchange { id: old.id, input })?;
    print_one(journal, &e, json, "Updated")
}

/// `edit` on an ask: its own flags and the ones it shares with exchanges; the flags only an
/// exchange has are refused.
fn edit_ask(journal: &mut Journal, old: AskEntry, a: EditArgs, json: bool) -> Result<()> {
    let d = a.details;
    let exchange_only = [
        ("--person", a.person.is_some()),
        ("--direction", a.direction.is_some()),
        ("--value", d.value.is_some()),
        ("--kind", d.kind.is_some()),
        ("--initiative", d.initiative.is_some()),
        ("--sphere", d.sphere.is_some()),
        ("--reciprocates", d.reciprocates.is_some()),
        ("--fulfils", d.fulfils.is_some()),
    ];
    if let Some((flag, _)) = exchange_only.iter().find(|(_, given)| *given) {
        return Err(asks::not_for(flag, "exchanges"));
    }
    let edit = asks::AskEdit {
        what: a.what,
        on: d.on,
        pressure: d.pressure,
        note: d.note,
        tags: d.tags,
        clear_tags: a.clear_tags,
        followed_through: a.followed_through,
        flags: a.ask,
    };
    asks::edit(journal, old, edit, json)
}

/// The ask-only flags of `edit`, given for an exchange.
fn refuse_ask_flags(a: &EditArgs) -> Result<()> {
    let f = &a.ask;
    let ask_only = [
        ("--size", f.size.is_some()),
        ("--answer", f.answer.is_some()),
        ("--obligation", f.obligation.is_some()),
        ("--free", f.free_to_refuse.is_some()),
        ("--sweetened", f.sweetened),
        ("--follows", f.follows.is_some()),
        ("--followed-through", a.followed_through.is_some()),
    ];
    match ask_only.iter().find(|(_, given)| *given) {
        Some((flag, _)) => Err(asks::not_for(flag, "asks")),
        None => Ok(()),
    }
}

pub fn delete(journal: &mut Journal, id: &str, delete: bool) -> Result<()> {
    if asks::find_ask(journal, id)?.is_some() {
        return asks::delete(journal, id, delete);
    }
    if delete {
        let e = exchanges::delete_exchange(journal, ById { id: id.into() })?.exchange;
        say!(
            "Deleted “{}”; `recip restore {}` brings it back",
            e.what,
            e.id
        );
    } else {
        let e = exchanges::restore_exchange(journal, ById { id: id.into() })?.exchange;
        say!("Restored “{}”", e.what);
    }
    Ok(())
}

pub fn settle(journal: &mut Journal, a: SettleArgs, json: bool) -> Result<()> {
    let req = SettleExchange {
        id: a.id,
        settlement: a.settlement,
        returned_by: a.by,
        on: a.on.unwrap_or_else(today),
    };
    let e = exchanges::settle_exchange(journal, req)?;
    print_one(journal, &e, json, "Settled")
}

pub fn search(journal: &Journal, a: SearchArgs, json: bool) -> Result<()> {
    let req = SearchExchanges {
        query: a.query.clone(),
        limit: a.limit,
    };
    let found = exchanges::search_exchanges(journal, req)?;
    let asked = asks::search(journal, &a.query, a.limit)?;
    if json && asked.is_empty() {
        return print_many(&found, json, "");
    }
    if json {
        return print_json(&serde_json::json!({ "exchanges": found, "asks": asked }));
    }
    if found.is_empty() && asked.is_empty() {
        say!("Nothing found.");
    }
    print_many(&found, false, "")?;
    asks::print_many(&asked, false, "")
}
