//! `recip ask` and `recip asks`, and asks by id for `show`, `edit`, `delete`, `restore` and
//! `search`: what someone asked of you, or you of them, and how you answered.

use crate::output::print_json;
use crate::people::{find, resolve, Who};
use chrono::{Local, NaiveDate};
use clap::Args;
use reciprocity::api::asks::{self, AddAsk, AskEntry, ListAsks, SearchAsks, UpdateAsk};
use reciprocity::api::ById;
use reciprocity::journal::Journal;
use reciprocity::model::{
    Answer, FollowThrough, Relationship, RequestDirection, RequestFilter, RequestInput, Vocabulary,
};
use reciprocity::{Error, ErrorCode, Result};

/// How an ask went: shared by `ask` and by `edit` on an ask.
#[derive(Args, Default)]
pub struct AskFlags {
    /// What it would cost the one asked, 1–5 (default 3).
    #[arg(long, value_name = "1-5")]
    pub size: Option<u8>,
    /// agreed, declined, partly or pending (default pending).
    #[arg(long)]
    pub answer: Option<Answer>,
    /// How obliged you felt to them, 0–4 (asks made of you).
    #[arg(long, value_name = "0-4")]
    pub obligation: Option<u8>,
    /// How free you felt to say no, 0–4 (asks made of you).
    #[arg(long = "free", value_name = "0-4")]
    pub free_to_refuse: Option<u8>,
    /// They added something before you answered.
    #[arg(long)]
    pub sweetened: bool,
    /// The id of an earlier ask of theirs that this one replaced.
    #[arg(long, value_name = "ID")]
    pub follows: Option<String>,
}

#[derive(Args)]
pub struct AskArgs {
    /// to-you (they asked you) or by-you (you asked them).
    pub direction: RequestDirection,
    /// A person's id or name (case-insensitive).
    pub person: String,
    /// What was asked, in a few words.
    pub what: String,
    /// The day it was asked (YYYY-MM-DD; default today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub on: Option<NaiveDate>,
    /// How pressed you felt to say yes, 0–4 (asks made of you).
    #[arg(long, value_name = "0-4")]
    pub pressure: Option<u8>,
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Add the person with this relationship when no one has that name yet.
    #[arg(long, short)]
    pub relationship: Option<Relationship>,
    #[command(flatten)]
    pub flags: AskFlags,
}

#[derive(Args)]
pub struct AsksArgs {
    #[arg(long)]
    pub person: Option<String>,
    #[arg(long)]
    pub direction: Option<RequestDirection>,
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<NaiveDate>,
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub until: Option<NaiveDate>,
}

/// Applies the ask flags that were given onto `input`.
fn apply(input: &mut RequestInput, f: AskFlags) {
    if let Some(s) = f.size {
        input.size = s;
    }
    if let Some(a) = f.answer {
        input.answer = a;
    }
    if f.obligation.is_some() {
        input.obligation = f.obligation;
    }
    if f.free_to_refuse.is_some() {
        input.free_to_refuse = f.free_to_refuse;
    }
    input.sweetened |= f.sweetened;
    if f.follows.is_some() {
        input.follows = f.follows;
    }
}

pub fn add(journal: &mut Journal, a: AskArgs, json: bool) -> Result<()> {
    let today = Local::now().date_naive();
    let mut input = RequestInput::new("-", a.direction, a.on.unwrap_or(today), a.what);
    input.pressure = a.pressure;
    input.note = a.note.unwrap_or_default();
    input.tags = a.tags;
    apply(&mut input, a.flags);
    input.validated()?;
    let req = match resolve(journal, &a.person, a.relationship)? {
        Who::Known(person) => AddAsk {
            input: RequestInput {
                person_id: person.id,
                ..input
            },
            new_person: None,
        },
        Who::New(person) => AddAsk {
            input,
            new_person: Some(person),
        },
    };
    let r = asks::add_ask(journal, req)?;
    print_one(&r, json, "Logged")
}

pub fn list(journal: &Journal, a: AsksArgs, json: bool) -> Result<()> {
    let person_id = match a.person {
        Some(p) => Some(find(journal, &p)?.id),
        None => None,
    };
    let filter = RequestFilter {
        person_id,
        direction: a.direction,
        since: a.since,
        until: a.until,
        ..RequestFilter::default()
    };
    let list = asks::list_asks(journal, ListAsks { filter })?;
    print_many(
        &list,
        json,
        "No asks logged that match. `recip ask to-you NAME WHAT` logs one.",
    )
}

/// The ask with `id`, or `None` when no ask has it (so the caller can try an exchange).
pub fn find_ask(journal: &Journal, id: &str) -> Result<Option<AskEntry>> {
    match asks::get_ask(journal, ById { id: id.into() }) {
        Ok(r) => Ok(Some(r)),
        Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn show(r: &AskEntry, json: bool) -> Result<()> {
    print_one(r, json, "")
}

/// `edit ID` on an ask: the ask's own flags, plus the ones it shares with exchanges.
pub struct AskEdit {
    pub what: Option<String>,
    pub on: Option<NaiveDate>,
    pub pressure: Option<u8>,
    pub note: Option<String>,
    pub tags: Vec<String>,
    pub clear_tags: bool,
    pub followed_through: Option<FollowThrough>,
    pub flags: AskFlags,
}

pub fn edit(journal: &mut Journal, old: AskEntry, e: AskEdit, json: bool) -> Result<()> {
    let mut input = old.request.to_input();
    if let Some(w) = e.what {
        input.what = w;
    }
    if let Some(on) = e.on {
        input.on = on;
    }
    if e.pressure.is_some() {
        input.pressure = e.pressure;
    }
    if let Some(n) = e.note {
        input.note = n;
    }
    if e.clear_tags || !e.tags.is_empty() {
        input.tags = e.tags;
    }
    if e.followed_through.is_some() {
        input.followed_through = e.followed_through;
    }
    apply(&mut input, e.flags);
    let id = old.request.id;
    let r = asks::update_ask(journal, UpdateAsk { id, input })?;
    print_one(&r, json, "Updated")
}

pub fn delete(journal: &mut Journal, id: &str, delete: bool) -> Result<()> {
    let id = ById { id: id.into() };
    if delete {
        let r = asks::delete_ask(journal, id)?.request;
        say!(
            "Deleted the ask “{}”; `recip restore {}` brings it back",
            r.what,
            r.id
        );
    } else {
        let r = asks::restore_ask(journal, id)?.request;
        say!("Restored the ask “{}”", r.what);
    }
    Ok(())
}

pub fn search(journal: &Journal, query: &str, limit: u32) -> Result<Vec<AskEntry>> {
    let req = SearchAsks {
        query: query.into(),
        limit,
    };
    asks::search_asks(journal, req)
}

/// One line per ask: date, who asked whom, what, size, answer and follow-through, id.
pub fn ask_line(r: &AskEntry) -> String {
    let q = &r.request;
    let who = match q.direction {
        RequestDirection::ToYou => format!("{} asked you", r.person_name),
        RequestDirection::ByYou => format!("you asked {}", r.person_name),
    };
    let done = q
        .followed_through
        .map(|f| format!(", done: {}", f.words()))
        .unwrap_or_default();
    let sweetened = if q.sweetened { ", sweetened" } else { "" };
    format!(
        "{}  {who:<28} {}  (size {}/5, {}{done}{sweetened})  {}",
        q.on,
        q.what,
        q.size,
        q.answer.words(),
        q.id
    )
}

fn print_one(r: &AskEntry, json: bool, headline: &str) -> Result<()> {
    if json {
        return print_json(r);
    }
    if !headline.is_empty() {
        say!("{headline}");
    }
    say!("{}", ask_line(r));
    let q = &r.request;
    for (name, v) in [
        ("pressure", q.pressure),
        ("obligation", q.obligation),
        ("free to say no", q.free_to_refuse),
    ] {
        if let Some(v) = v {
            say!("  {name}: {v}/4");
        }
    }
    if !q.note.is_empty() {
        say!("  note: {}", q.note);
    }
    Ok(())
}

pub fn print_many(list: &[AskEntry], json: bool, empty: &str) -> Result<()> {
    if json {
        return print_json(list);
    }
    if list.is_empty() && !empty.is_empty() {
        say!("{empty}");
    }
    for r in list {
        say!("{}", ask_line(r));
    }
    Ok(())
}

/// The error for an ask flag given to an exchange, or the other way round.
pub fn not_for(flag: &str, what: &str) -> Error {
    let other = if what == "asks" {
        "an exchange"
    } else {
        "an ask"
    };
    Error::invalid(
        "id",
        format!("{flag} is only for {what}; this id is {other}"),
    )
}
