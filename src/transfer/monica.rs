//! Monica (v4) JSON export import. Contacts become people; debts become `money` exchanges
//! (`in_debt` true means the contact owed the user, so the user gave); gifts become exchanges
//! (`offered` given, `received` received; ideas are skipped and counted); journal entries and
//! day ratings become check-ins. Ids derive from Monica's, so a second import adds nothing.
//! Both shapes Monica has written are read: collections as `{count, type, values}` under
//! `data`, and the older `contacts` / `properties.debts` layout.

use super::{problem, read_text};
use crate::journal::Records;
use crate::model::{
    CheckIn, Direction, Exchange, Feelings, Kind, Person, PersonInput, Relationship, Settlement,
};
use crate::Result;
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;
use std::path::Path;

const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x8b3f_11c9_6e0a_4a57_b2d4_5f90_3e1c_7a26);

fn id_for(parts: &[&str]) -> String {
    uuid::Uuid::new_v5(&NAMESPACE, parts.join("|").as_bytes()).to_string()
}

/// The values of the collection of `kind` among `node["data"]`, or of `node[fallback]`.
fn collection<'a>(node: &'a Value, kind: &str, fallback: &[&str]) -> Vec<&'a Value> {
    if let Some(list) = node.get("data").and_then(Value::as_array) {
        for c in list {
            if c.get("type").and_then(Value::as_str) == Some(kind) {
                return c["values"]
                    .as_array()
                    .map(|v| v.iter().collect())
                    .unwrap_or_default();
            }
        }
    }
    let mut at = node;
    for key in fallback {
        at = &at[*key];
    }
    at.get("values")
        .and_then(Value::as_array)
        .or_else(|| at.as_array())
        .map(|v| v.iter().collect())
        .unwrap_or_default()
}

fn text(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn prop(v: &Value, key: &str) -> String {
    let p = text(&v["properties"], key);
    if p.is_empty() {
        text(v, key)
    } else {
        p
    }
}

fn time(v: &Value, key: &str) -> Option<DateTime<Utc>> {
    let s = text(v, key);
    DateTime::parse_from_rfc3339(&s)
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            chrono::NaiveDateTime::parse_from_str(&s, "%Y-%m-%d %H:%M:%S")
                .ok()
                .map(|t| t.and_utc())
        })
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// Everything a Monica export holds that the journal can use, plus what was skipped and why.
pub fn read_monica_records(
    path: &Path,
    relationship: Relationship,
    now: DateTime<Utc>,
) -> Result<(Records, Vec<String>)> {
    let root = read_root(path)?;
    let account = root
        .get("account")
        .filter(|a| a.is_object())
        .ok_or_else(|| {
            problem(
                path,
                "the document",
                "account: no “account” object; this is not a Monica JSON export",
            )
        })?;
    let mut records = Records::default();
    let mut skipped = Vec::new();
    for (i, c) in collection(account, "contact", &["contacts"])
        .into_iter()
        .enumerate()
    {
        let at = format!("contacts[{i}]");
        let person = read_contact(path, c, &at, relationship, now)?;
        read_debts(path, c, &person, &at, &mut records)?;
        read_gifts(path, c, &person, &at, &mut records, &mut skipped)?;
        records.people.push(person);
    }
    read_journal(path, account, &mut records, &mut skipped)?;
    Ok((records, skipped))
}

/// The whole file as JSON, or where it stops being JSON.
fn read_root(path: &Path) -> Result<Value> {
    let text_all = read_text(path)?;
    serde_json::from_str(&text_all).map_err(|e| {
        problem(
            path,
            format!("line {}, column {}", e.line(), e.column()),
            format!("not valid JSON ({e})"),
        )
    })
}

/// One contact as a person: the names joined (else the nickname), checked like a person
/// typed in the window; the id derived from the contact's uuid so importing twice adds no one.
fn read_contact(
    path: &Path,
    c: &Value,
    at: &str,
    relationship: Relationship,
    now: DateTime<Utc>,
) -> Result<Person> {
    let uuid = text(c, "uuid");
    if uuid.is_empty() {
        return Err(problem(path, at, "uuid: the contact has no uuid"));
    }
    let name = [
        prop(c, "first_name"),
        prop(c, "middle_name"),
        prop(c, "last_name"),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    let name = if name.is_empty() {
        prop(c, "nickname")
    } else {
        name
    };
    let input = PersonInput {
        name,
        relationship,
        notes: prop(c, "description"),
    }
    .validated()
    .map_err(|e| problem(path, at, format!("{}: {e}", e.field().unwrap_or("contact"))))?;
    let created = time(c, "created_at").unwrap_or(now);
    Ok(Person {
        id: id_for(&["contact", &uuid]),
        name: input.name,
        relationship,
        notes: input.notes,
        archived_at: None,
        created_at: created,
        updated_at: time(c, "updated_at").unwrap_or(created),
    })
}

fn exchange(
    person: &Person,
    id: String,
    direction: Direction,
    on: NaiveDate,
    kind: Kind,
    what: String,
    at: DateTime<Utc>,
) -> Exchange {
    Exchange {
        id,
        person_id: person.id.clone(),
        direction,
        occurred_on: on,
        occurred_at: None,
        kind,
        what,
        note: String::new(),
        value: 3,
        initiative: None,
        sphere: None,
        reciprocates: None,
        fulfils: None,
        settlement: (direction == Direction::Received).then_some(Settlement::Open),
        settled_on: None,
        tags: vec!["monica".into()],
        feelings: Feelings::default(),
        created_at: at,
        updated_at: at,
        deleted_at: None,
    }
}

fn read_debts(
    path: &Path,
    c: &Value,
    person: &Person,
    at: &str,
    records: &mut Records,
) -> Result<()> {
    for (j, d) in collection(c, "debt", &["properties", "debts"])
        .into_iter()
        .enumerate()
    {
        let loc = format!("{at}.debts[{j}]");
        let in_debt = match d["properties"].get("in_debt").or_else(|| d.get("in_debt")) {
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) => s == "yes",
            _ => {
                return Err(problem(
                    path,
                    loc,
                    "in_debt: missing; it says who owed whom",
                ))
            }
        };
        let created = time(d, "created_at")
            .ok_or_else(|| problem(path, &loc, "created_at: missing or not a date"))?;
        let amount = prop(d, "amount");
        let currency = prop(d, "currency");
        let what = format!("Money: {amount} {currency}").trim().to_string();
        let direction = if in_debt {
            Direction::Given
        } else {
            Direction::Received
        };
        let key = text(d, "uuid");
        let key = if key.is_empty() {
            format!("{}|{}", person.id, created.to_rfc3339())
        } else {
            key
        };
        let mut e = exchange(
            person,
            id_for(&["debt", &key]),
            direction,
            created.date_naive(),
            Kind::Money,
            what,
            created,
        );
        e.updated_at = time(d, "updated_at").unwrap_or(created).max(created);
        if direction == Direction::Received && prop(d, "status") == "complete" {
            e.settlement = Some(Settlement::Returned);
            e.settled_on = Some(e.updated_at.date_naive());
        }
        records.exchanges.push(e);
    }
    Ok(())
}

fn read_gifts(
    path: &Path,
    c: &Value,
    person: &Person,
    at: &str,
    records: &mut Records,
    skipped: &mut Vec<String>,
) -> Result<()> {
    for (j, g) in collection(c, "gift", &["properties", "gifts"])
        .into_iter()
        .enumerate()
    {
        let loc = format!("{at}.gifts[{j}]");
        let name = prop(g, "name");
        let direction = match prop(g, "status").as_str() {
            "offered" => Direction::Given,
            "received" => Direction::Received,
            "idea" => {
                skipped.push(format!("{loc} “{name}”: a gift idea, not a gift yet"));
                continue;
            }
            other => {
                return Err(problem(
                    path,
                    loc,
                    format!("status: “{other}” is not offered, received or idea"),
                ))
            }
        };
        let created = time(g, "created_at")
            .ok_or_else(|| problem(path, &loc, "created_at: missing or not a date"))?;
        let on = date(&prop(g, "date")).unwrap_or(created.date_naive());
        let what = if name.is_empty() {
            "A gift".to_string()
        } else {
            name.chars().take(500).collect()
        };
        let mut e = exchange(
            person,
            id_for(&["gift", &person.id, &created.to_rfc3339(), &name]),
            direction,
            on,
            Kind::Gift,
            what,
            created,
        );
        e.note = prop(g, "comment");
        e.updated_at = time(g, "updated_at").unwrap_or(created).max(created);
        records.exchanges.push(e);
    }
    Ok(())
}

fn read_journal(
    path: &Path,
    account: &Value,
    records: &mut Records,
    skipped: &mut Vec<String>,
) -> Result<()> {
    let entries = account["properties"]["journal_entries"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for (i, j) in entries.iter().enumerate() {
        let loc = format!("journal_entries[{i}]");
        let p = &j["properties"];
        let created = time(j, "created_at").unwrap_or(DateTime::UNIX_EPOCH);
        let (on, mood, reflection) = match text(p, "type").as_str() {
            "entry" => read_entry(path, p, &loc)?,
            "day" => read_day(path, p, &loc)?,
            other => {
                skipped.push(format!(
                    "{loc}: a “{other}” entry has nothing for a check-in"
                ));
                continue;
            }
        };
        let key = text(j, "uuid");
        let key = if key.is_empty() {
            format!("{on}|{reflection}")
        } else {
            key
        };
        records.checkins.push(CheckIn {
            id: id_for(&["journal", &key]),
            on,
            mood,
            energy: None,
            owing: None,
            worry: None,
            pressured: None,
            exhaustion: None,
            reflection,
            prompt: None,
            created_at: created,
            updated_at: time(j, "updated_at").unwrap_or(created).max(created),
            deleted_at: None,
        });
    }
    Ok(())
}

/// A journal entry: its day, no mood, its title and text as the reflection.
fn read_entry(path: &Path, p: &Value, loc: &str) -> Result<(NaiveDate, Option<i8>, String)> {
    let on =
        date(&text(p, "date")).ok_or_else(|| problem(path, loc, "date: missing or not a date"))?;
    let body = [text(p, "title"), text(p, "post")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    Ok((on, None, body))
}

/// A rated day: Monica rates a day 1 (bad), 2 (average) or 3 (great).
fn read_day(path: &Path, p: &Value, loc: &str) -> Result<(NaiveDate, Option<i8>, String)> {
    let (y, m, d) = (text(p, "year"), text(p, "month"), text(p, "day"));
    let on = NaiveDate::from_ymd_opt(
        y.parse().unwrap_or(0),
        m.parse().unwrap_or(0),
        d.parse().unwrap_or(0),
    )
    .ok_or_else(|| problem(path, loc, format!("day: {y}-{m}-{d} is not a date")))?;
    let mood = match text(p, "rate").as_str() {
        "1" => -1,
        "2" => 0,
        "3" => 1,
        other => {
            return Err(problem(
                path,
                loc,
                format!("rate: “{other}” is not 1, 2 or 3"),
            ))
        }
    };
    Ok((on, Some(mood), text(p, "comment")))
}
