//! The command line's shape.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use reciprocity::model::{Direction, Initiative, Kind, Relationship, Settlement, Sphere};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "recip",
    version,
    about = "Reciprocity Journal: log what you give and receive, and how it felt."
)]
pub struct Cli {
    /// The journal file (default: $RECIPROCITY_DB, else the platform data directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Add, list, edit and archive people.
    Person {
        #[command(subcommand)]
        command: PersonCommand,
    },
    /// Log something you gave or received.
    Log(LogArgs),
    /// Log an ask: what someone asked of you (to-you), or you of them (by-you).
    Ask(crate::asks::AskArgs),
    /// List asks, newest first.
    Asks(crate::asks::AsksArgs),
    /// List exchanges, newest first.
    List(ListArgs),
    /// Show one exchange or ask.
    Show { id: String },
    /// Change an exchange or an ask; only the flags you give change.
    Edit(EditArgs),
    /// Delete an exchange or an ask (it can be restored).
    Delete { id: String },
    /// Restore a deleted exchange or ask (by id), or the whole journal from a backup file.
    Restore {
        /// An exchange or ask id, or the path of a backup or journal file.
        target: String,
    },
    /// Write the whole journal to a file.
    Export(ExportArgs),
    /// Bring people, exchanges and check-ins in from a file.
    Import(ImportArgs),
    /// Back up the journal now, or list or restore backups.
    Backup {
        #[command(subcommand)]
        command: Option<BackupCommand>,
    },
    /// Record what became of something you received.
    Settle(SettleArgs),
    /// Find exchanges and asks by words in what, note, tags or the person's name.
    Search(SearchArgs),
    /// Record a check-in; every answer is optional, but give at least one or some text.
    Checkin(CheckinArgs),
    /// List check-ins, oldest first.
    Checkins(CheckinsArgs),
    /// Print the path of the journal in use.
    Where,
    /// Protect the journal with a passphrase, or change or remove it.
    Protect(crate::passphrase::ProtectArgs),
    /// The balance of each relationship: your giving share with its 80% interval.
    Balance(crate::insights::BalanceArgs),
    /// What the journal shows, with reasons and research; dismiss or snooze one.
    Insights(crate::insights::InsightsArgs),
    /// The research the insights rest on, with full citations.
    References,
    /// Write a sample journal with planted patterns to a new file (use with --db).
    Demo(crate::insights::DemoArgs),
    /// Sync through a folder that Syncthing or another file-sync engine moves between devices.
    Sync(crate::sync::SyncArgs),
    /// Rows edited on two devices at once: list them, or keep one version.
    Conflicts(crate::sync::ConflictsArgs),
}

#[derive(Subcommand)]
pub enum PersonCommand {
    /// Add a person.
    Add(PersonAddArgs),
    /// List people with their counts, most recently active first.
    List(PersonListArgs),
    /// Show a person.
    Show { person: String },
    /// Change a person's name, relationship or notes.
    Edit(PersonEditArgs),
    /// Hide a person from lists, keeping their history.
    Archive { person: String },
    /// Bring an archived person back.
    Unarchive { person: String },
}

#[derive(Args)]
pub struct PersonAddArgs {
    pub name: String,
    #[arg(long, short)]
    pub relationship: Relationship,
    #[arg(long, default_value = "")]
    pub notes: String,
}

#[derive(Args)]
pub struct PersonListArgs {
    /// Include archived people.
    #[arg(long)]
    pub all: bool,
}

#[derive(Args)]
pub struct PersonEditArgs {
    pub person: String,
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long, short)]
    pub relationship: Option<Relationship>,
    #[arg(long)]
    pub notes: Option<String>,
}

/// The details shared by `log` and `edit`.
#[derive(Args, Default)]
pub struct DetailArgs {
    /// The day it happened (YYYY-MM-DD; default today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub on: Option<NaiveDate>,
    /// Effort or cost when given, worth to you when received, 1–5 (default 3).
    #[arg(long)]
    pub value: Option<u8>,
    #[arg(long)]
    pub kind: Option<Kind>,
    #[arg(long)]
    pub initiative: Option<Initiative>,
    /// Where it happened, when not the person's usual sphere.
    #[arg(long)]
    pub sphere: Option<Sphere>,
    #[arg(long, value_name = "0-4")]
    pub gratitude: Option<u8>,
    #[arg(long, value_name = "0-4")]
    pub indebtedness: Option<u8>,
    #[arg(long, value_name = "0-4")]
    pub pressure: Option<u8>,
    #[arg(long, value_name = "0-4")]
    pub discomfort: Option<u8>,
    #[arg(long, value_name = "0-4")]
    pub warmth: Option<u8>,
    #[arg(long, value_name = "0-4")]
    pub drained: Option<u8>,
    #[arg(long, value_name = "0-4")]
    pub expectation: Option<u8>,
    /// A tag (repeatable); with `edit`, replaces all tags.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    #[arg(long)]
    pub note: Option<String>,
    /// The id of the exchange this one returns.
    #[arg(long, value_name = "ID")]
    pub reciprocates: Option<String>,
    /// The id of the ask (one you agreed to) that this given exchange does.
    #[arg(long, value_name = "ID")]
    pub fulfils: Option<String>,
}

#[derive(Args)]
pub struct LogArgs {
    pub direction: Direction,
    /// A person's id or name (case-insensitive).
    pub person: String,
    /// What it was, in a few words.
    pub what: String,
    /// Add the person with this relationship when no one has that name yet.
    #[arg(long, short)]
    pub relationship: Option<Relationship>,
    #[command(flatten)]
    pub details: DetailArgs,
}

#[derive(Args)]
pub struct EditArgs {
    pub id: String,
    #[arg(long)]
    pub what: Option<String>,
    #[arg(long)]
    pub person: Option<String>,
    #[arg(long)]
    pub direction: Option<Direction>,
    /// Remove all tags.
    #[arg(long, conflicts_with = "tags")]
    pub clear_tags: bool,
    #[command(flatten)]
    pub details: DetailArgs,
    /// For an ask: whether you did what you agreed to (yes, no, not-yet).
    #[arg(long, value_name = "yes|no|not-yet")]
    pub followed_through: Option<reciprocity::model::FollowThrough>,
    #[command(flatten)]
    pub ask: crate::asks::AskFlags,
}

#[derive(Args)]
pub struct ListArgs {
    #[arg(long)]
    pub person: Option<String>,
    #[arg(long)]
    pub direction: Option<Direction>,
    #[arg(long)]
    pub sphere: Option<Sphere>,
    #[arg(long)]
    pub kind: Option<Kind>,
    #[arg(long)]
    pub tag: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<NaiveDate>,
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub until: Option<NaiveDate>,
    /// Show at most N (default: every match).
    #[arg(long)]
    pub limit: Option<u32>,
}

#[derive(Args)]
pub struct SettleArgs {
    pub id: String,
    pub settlement: Settlement,
    /// With `returned`: the id of the exchange you gave in return.
    #[arg(long, value_name = "ID")]
    pub by: Option<String>,
    /// The day it was settled (default today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub on: Option<NaiveDate>,
}

#[derive(Args)]
pub struct SearchArgs {
    pub query: String,
    #[arg(long, default_value_t = 50)]
    pub limit: u32,
}

#[derive(Args)]
pub struct CheckinArgs {
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub on: Option<NaiveDate>,
    /// −2 (low) … 2 (high).
    #[arg(long, allow_negative_numbers = true)]
    pub mood: Option<i8>,
    /// −2 (low) … 2 (high).
    #[arg(long, allow_negative_numbers = true)]
    pub energy: Option<i8>,
    /// I owe more than I can repay, 0–4.
    #[arg(long)]
    pub owing: Option<u8>,
    /// I worry about returning favours, 0–4.
    #[arg(long)]
    pub worry: Option<u8>,
    /// I feel pressured by what others did for me, 0–4.
    #[arg(long)]
    pub pressured: Option<u8>,
    /// I am worn out by what I give, 0–4.
    #[arg(long)]
    pub exhaustion: Option<u8>,
    #[arg(long, default_value = "")]
    pub text: String,
    #[arg(long)]
    pub prompt: Option<String>,
}

#[derive(Args)]
pub struct CheckinsArgs {
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<NaiveDate>,
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub until: Option<NaiveDate>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    /// Everything, to bring back later with `recip import`.
    Json,
    /// One row per exchange, for spreadsheets.
    Csv,
    /// One row per ask, for spreadsheets.
    AsksCsv,
}

#[derive(Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "json")]
    pub format: ExportFormat,
    pub file: PathBuf,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ImportKind {
    /// A Reciprocity Journal JSON export.
    Json,
    /// vCard contacts (.vcf).
    Vcard,
    /// A Monica (v4) JSON export.
    Monica,
    /// A Daylio CSV export.
    Daylio,
}

#[derive(Args)]
pub struct ImportArgs {
    pub file: PathBuf,
    /// The file's format (default: from its extension).
    #[arg(long, value_enum)]
    pub format: Option<ImportKind>,
    /// The relationship for people from a contacts file or Monica (default: acquaintance).
    #[arg(long, short)]
    pub relationship: Option<Relationship>,
    /// Daylio: where a mood label sits on −2…2, e.g. --mood "so-so=0" (repeatable; rad, good,
    /// meh, bad and awful are known).
    #[arg(long = "mood", value_name = "LABEL=N")]
    pub moods: Vec<String>,
}

#[derive(Subcommand)]
pub enum BackupCommand {
    /// List this journal's backups, newest first.
    List,
    /// Replace the journal with a backup (the current journal is kept as a backup first).
    Restore { file: PathBuf },
}
