//! How results and errors read on a terminal.

use reciprocity::model::{CheckIn, Direction, Exchange, Person, Vocabulary};
use reciprocity::Error;
use serde::Serialize;

pub fn print_json<T: Serialize + ?Sized>(value: &T) -> reciprocity::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Error::Io {
        context: "cannot write JSON".into(),
        source: e.into(),
    })?;
    println!("{text}");
    Ok(())
}

/// The error's message, with the flag to fix when it names a field.
pub fn describe_error(e: &Error) -> String {
    match e.field().and_then(flag_for) {
        Some(flag) => format!("{e} ({flag})"),
        None => e.to_string(),
    }
}

fn flag_for(field: &str) -> Option<String> {
    Some(match field {
        "occurred_on" | "on" => "--on".into(),
        "tags" => "--tag".into(),
        "reflection" => "--text".into(),
        "returned_by" => "--by".into(),
        "person_id" => "PERSON".into(),
        "what" => "WHAT".into(),
        "name" => "NAME".into(),
        "query" => "QUERY".into(),
        "id" => "ID".into(),
        "path" => "FILE".into(),
        "settlement" | "passphrase" => return None,
        f => format!("--{f}"),
    })
}

/// One line per exchange: date, direction, person, what, kind and value, settlement, id.
pub fn exchange_line(e: &Exchange, who: &str) -> String {
    let (verb, prep) = match e.direction {
        Direction::Given => ("gave", "to"),
        Direction::Received => ("got ", "from"),
    };
    let settled = match e.settlement {
        Some(s) => format!(" · {}", s.words()),
        None => String::new(),
    };
    format!(
        "{}  {verb} {prep:<4} {who:<18} {}  ({}, {}/5{settled})  {}",
        e.occurred_on,
        e.what,
        e.kind.as_str().replace('_', " "),
        e.value,
        e.id
    )
}

pub fn exchange_details(e: &Exchange, person: &Person) -> String {
    let mut lines = vec![
        format!("id           {}", e.id),
        format!("who          {} ({})", person.name, person.relationship),
        format!("direction    {}", e.direction),
        format!("on           {}", e.occurred_on),
        format!("what         {}", e.what),
        format!("kind         {}", e.kind),
        format!("value        {}/5", e.value),
    ];
    if let Some(i) = e.initiative {
        lines.push(format!("initiative   {i}"));
    }
    if let Some(s) = e.sphere {
        lines.push(format!("sphere       {s}"));
    }
    for (name, value) in e.feelings.named() {
        if let Some(v) = value {
            lines.push(format!("{name:<12} {v}/4"));
        }
    }
    if !e.tags.is_empty() {
        lines.push(format!("tags         {}", e.tags.join(", ")));
    }
    if let Some(s) = e.settlement {
        let on = e.settled_on.map(|d| format!(" on {d}")).unwrap_or_default();
        lines.push(format!("settlement   {}{on}", s.words()));
    }
    if let Some(r) = &e.reciprocates {
        lines.push(format!("returns      {r}"));
    }
    if !e.note.is_empty() {
        lines.push(format!("note         {}", e.note));
    }
    if e.deleted_at.is_some() {
        lines.push("deleted      yes (recip restore ID brings it back)".into());
    }
    lines.join("\n")
}

pub fn checkin_line(c: &CheckIn) -> String {
    let signed = |v: Option<i8>| v.map_or("–".to_string(), |v| format!("{v:+}"));
    let plain = |v: Option<u8>| v.map_or("–".to_string(), |v| v.to_string());
    let mut line = format!(
        "{}  mood {}  energy {}  owing {}  worry {}  pressured {}  exhaustion {}",
        c.on,
        signed(c.mood),
        signed(c.energy),
        plain(c.owing),
        plain(c.worry),
        plain(c.pressured),
        plain(c.exhaustion)
    );
    if !c.reflection.is_empty() {
        line.push_str(&format!("  “{}”", c.reflection));
    }
    line
}
