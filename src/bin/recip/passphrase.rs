//! `recip protect` and how every command finds a protected journal's passphrase:
//! `RECIPROCITY_PASSPHRASE`, else the keyring ("remember on this computer"), else a prompt on
//! the terminal, else a clear error. A passphrase is never echoed, printed or logged.

use clap::Args;
use reciprocity::api::journal::{open_journal, Opened};
use reciprocity::api::privacy::{self, SetPassphrase};
use reciprocity::journal::{Journal, PASSPHRASE_ENV};
use reciprocity::{keychain, Error, Result};
use std::io::{BufRead, IsTerminal};
use std::path::Path;

/// The environment variable a backup's own passphrase is read from when it differs.
const BACKUP_PASSPHRASE_ENV: &str = "RECIPROCITY_BACKUP_PASSPHRASE";

/// Tries a passphrase typed at the terminal this many times.
const PROMPT_TRIES: usize = 3;

#[derive(Args)]
pub struct ProtectArgs {
    /// Change the passphrase of a protected journal.
    #[arg(long, conflicts_with = "remove")]
    pub change: bool,
    /// Remove the passphrase: the journal becomes a plain file again.
    #[arg(long)]
    pub remove: bool,
    /// Keep the new passphrase in this computer's keyring, so commands do not ask for it.
    #[arg(long, conflicts_with = "remove")]
    pub remember: bool,
}

/// Opens the journal at `path`, finding its passphrase when it has one; returns the
/// passphrase too (a protected journal's change files are encrypted with it).
pub fn open(path: &Path) -> Result<(Opened, Option<String>)> {
    let now = chrono::Utc::now();
    match open_journal(path, None, now) {
        Err(Error::PassphraseNeeded { .. }) => with_passphrase(path, "Passphrase", |p| {
            open_journal(path, Some(p), now).map(|o| (o, Some(p.to_string())))
        }),
        // A plain journal's change files are encrypted when a passphrase is given.
        other => other.map(|o| {
            (
                o,
                std::env::var(PASSPHRASE_ENV).ok().filter(|p| !p.is_empty()),
            )
        }),
    }
}

/// Runs `attempt` with the passphrase from the environment, the keyring, or the terminal.
fn with_passphrase<T>(
    path: &Path,
    label: &str,
    mut attempt: impl FnMut(&str) -> Result<T>,
) -> Result<T> {
    if let Some(p) = std::env::var(PASSPHRASE_ENV).ok().filter(|p| !p.is_empty()) {
        return attempt(&p);
    }
    if let Some(p) = keychain::recall(path) {
        match attempt(&p) {
            Err(Error::WrongPassphrase { .. }) => {} // changed elsewhere: ask instead
            other => return other,
        }
    }
    prompted(path, label, attempt, PASSPHRASE_ENV)
}

/// Asks on the terminal, up to three times while the passphrase is wrong.
fn prompted<T>(
    path: &Path,
    label: &str,
    mut attempt: impl FnMut(&str) -> Result<T>,
    env: &str,
) -> Result<T> {
    if !std::io::stdin().is_terminal() {
        return Err(Error::invalid(
            "passphrase",
            format!(
                "{} is protected by a passphrase: set {env}, or run this in a terminal to be \
                 asked for it",
                path.display()
            ),
        ));
    }
    let mut last = None;
    for _ in 0..PROMPT_TRIES {
        let typed = read_hidden(&format!("{label} for {}: ", path.display()))?;
        match attempt(&typed) {
            Err(e @ Error::WrongPassphrase { .. }) => {
                eprintln!("{e}");
                last = Some(e);
            }
            other => return other,
        }
    }
    Err(last.expect("at least one try"))
}

fn read_hidden(prompt: &str) -> Result<String> {
    rpassword::prompt_password(prompt).map_err(|e| Error::Io {
        context: "cannot read the passphrase from the terminal".into(),
        source: e,
    })
}

/// The passphrase of a backup protected under another passphrase than the journal's.
pub fn for_backup<T>(file: &Path, mut attempt: impl FnMut(Option<&str>) -> Result<T>) -> Result<T> {
    match attempt(None) {
        Err(Error::PassphraseNeeded { .. }) => {}
        other => return other,
    }
    if let Some(p) = std::env::var(BACKUP_PASSPHRASE_ENV)
        .ok()
        .filter(|p| !p.is_empty())
    {
        return attempt(Some(&p));
    }
    prompted(
        file,
        "Passphrase of the backup",
        |p| attempt(Some(p)),
        BACKUP_PASSPHRASE_ENV,
    )
}

/// `recip protect`: sets, changes (`--change`) or removes (`--remove`) the passphrase.
pub fn protect(path: &Path, a: ProtectArgs) -> Result<()> {
    let protected = path.is_file() && Journal::is_protected_file(path)?;
    match (protected, a.change || a.remove) {
        (true, false) => {
            return Err(Error::invalid(
                "passphrase",
                "this journal is already protected: `recip protect --change` changes its \
                 passphrase, `recip protect --remove` removes it",
            ))
        }
        (false, true) => {
            return Err(Error::invalid(
                "passphrase",
                "this journal has no passphrase yet: `recip protect` sets one",
            ))
        }
        _ => {}
    }
    let new = if a.remove {
        None
    } else {
        Some(new_passphrase()?)
    };
    let now = chrono::Utc::now();
    let set = |current: Option<&str>| {
        let req = SetPassphrase {
            current: current.map(str::to_string),
            new: new.clone(),
            remember: a.remember,
        };
        privacy::set_passphrase(path, &req, now)
    };
    let opened = if protected {
        with_passphrase(path, "Current passphrase", |p| set(Some(p)))?
    } else {
        set(None)?
    };
    if let Some(notice) = opened.notice {
        eprintln!("warning: {notice}");
    }
    if new.is_some() {
        say!("The journal is now protected by a passphrase; its backups are too.");
        say!("If you forget it, nothing can open the journal: keep an export somewhere safe.");
    } else {
        say!("The passphrase is removed: the journal is a plain file again.");
        say!("Backups made while it was protected still need that passphrase.");
    }
    Ok(())
}

/// The new passphrase: typed twice on a terminal, else the first line of standard input.
fn new_passphrase() -> Result<String> {
    let new = if std::io::stdin().is_terminal() {
        let first = read_hidden("New passphrase: ")?;
        reciprocity::journal::check_new_passphrase(&first)?;
        if read_hidden("The same passphrase again: ")? != first {
            return Err(Error::invalid(
                "passphrase",
                "the two passphrases differ; nothing was changed",
            ));
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Error::Io {
                context: "cannot read the new passphrase from standard input".into(),
                source: e,
            })?;
        line.trim_end_matches(['\n', '\r']).to_string()
    };
    reciprocity::journal::check_new_passphrase(&new)?;
    Ok(new)
}
