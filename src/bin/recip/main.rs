//! `recip`: the journal's command-line front end and its stable scripting surface.
//!
//! Exit codes: 0 on success, 2 on usage errors (clap), 1 on every other error, with one
//! line on stderr. Every read command takes `--json`, printing the model's own field names.

/// `println!` for text that may hold the user's words: control characters are shown, not
/// obeyed by the terminal.
macro_rules! say {
    () => {
        println!()
    };
    ($($arg:tt)*) => {
        println!("{}", reciprocity::text::printable(&format!($($arg)*)))
    };
}

mod args;
mod asks;
mod checkins;
mod data;
mod exchanges;
mod insights;
mod output;
mod passphrase;
mod people;
mod sync;

use args::{Cli, Command, PersonCommand};
use clap::Parser;
use reciprocity::journal::Journal;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    // `recip list | head` closes the pipe early; end quietly like other command-line tools
    // instead of panicking on the failed write.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let db = cli.db.clone();
    match run(cli).map_err(|e| damage_behind(e, db)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "error: {}",
                reciprocity::text::printable(&output::describe_error(&e))
            );
            ExitCode::from(1)
        }
    }
}

/// The error to report: a storage failure on a damaged file is reported as the damage.
fn damage_behind(e: reciprocity::Error, db: Option<std::path::PathBuf>) -> reciprocity::Error {
    match Journal::resolve_path(db) {
        Ok(path) => reciprocity::api::journal::damage_behind(e, &path),
        Err(_) => e,
    }
}

/// Opens the journal for `command`; `None` when `recip where` answered without it (the path of
/// a protected journal needs no passphrase).
fn open_for(
    path: &Path,
    command: &Command,
) -> reciprocity::Result<Option<(reciprocity::api::journal::Opened, Option<String>)>> {
    match passphrase::open(path) {
        Err(reciprocity::Error::PassphraseNeeded { .. } | reciprocity::Error::Invalid { .. })
            if matches!(command, Command::Where) =>
        {
            println!("{}", path.display());
            Ok(None)
        }
        other => other.map(Some),
    }
}

fn run(cli: Cli) -> reciprocity::Result<()> {
    let path = Journal::resolve_path(cli.db)?;
    if let Command::Protect(a) = cli.command {
        // Protecting needs the journal to itself: it is not opened here first.
        return passphrase::protect(&path, a);
    }
    let Some((opened, passphrase)) = open_for(&path, &cli.command)? else {
        return Ok(());
    };
    // A failed daily backup must not stop the user from logging; say so and go on.
    if let Some(notice) = opened.notice {
        eprintln!("warning: {notice}");
    }
    let mut journal = opened.journal;
    let json = cli.json;
    match cli.command {
        Command::Person { command } => match command {
            PersonCommand::Add(a) => people::add(&mut journal, a, json),
            PersonCommand::List(a) => people::list(&journal, a, json),
            PersonCommand::Show { person } => people::show(&journal, &person, json),
            PersonCommand::Edit(a) => people::edit(&mut journal, a, json),
            PersonCommand::Archive { person } => people::archive(&mut journal, &person, true),
            PersonCommand::Unarchive { person } => people::archive(&mut journal, &person, false),
        },
        Command::Log(a) => exchanges::log(&mut journal, a, json),
        Command::Ask(a) => asks::add(&mut journal, a, json),
        Command::Asks(a) => asks::list(&journal, a, json),
        Command::List(a) => exchanges::list(&journal, a, json),
        Command::Show { id } => exchanges::show(&journal, &id, json),
        Command::Edit(a) => exchanges::edit(&mut journal, a, json),
        Command::Delete { id } => exchanges::delete(&mut journal, &id, true),
        Command::Restore { target } => {
            if Path::new(&target).is_file() {
                data::restore(&mut journal, Path::new(&target))
            } else {
                exchanges::delete(&mut journal, &target, false)
            }
        }
        Command::Export(a) => data::export(&journal, a),
        Command::Import(a) => data::import(&mut journal, a, json),
        Command::Backup { command } => data::backup(&mut journal, command, json),
        Command::Settle(a) => exchanges::settle(&mut journal, a, json),
        Command::Search(a) => exchanges::search(&journal, a, json),
        Command::Checkin(a) => checkins::add(&mut journal, a, json),
        Command::Checkins(a) => checkins::list(&journal, a, json),
        Command::Balance(a) => insights::balance(&journal, a, json),
        Command::Insights(a) => insights::insights(&mut journal, a, json),
        Command::References => insights::references_list(json),
        Command::Demo(a) => insights::demo(&mut journal, a, json),
        Command::Sync(a) => sync::sync(&mut journal, a, passphrase.as_deref(), json),
        Command::Conflicts(a) => sync::conflicts(&mut journal, a, json),
        Command::Where => {
            println!("{}", path.display());
            Ok(())
        }
        Command::Protect(_) => unreachable!("protect runs before the journal is opened"),
    }
}
