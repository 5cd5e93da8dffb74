//! The journal's use cases, one plain function each, called by both faces: the `recip` CLI
//! and the desktop shell. A function takes the journal (or nothing) and a request, and
//! returns an answer or a typed [`crate::Error`]; the faces only parse and format.
//!
//! Invariants:
//! - Every command is declared once, in `list.rs`; the shell's IPC handler, the window's
//!   permissions and the UI's typed calls are derived from that list.
//! - A rule the screens need (effective sphere, what can be settled, open loops, text limits,
//!   when a check-in is due) is answered here, never re-derived by a face.
//! - `now`/`today` always come in the request: nothing here reads the clock except where a
//!   stored timestamp is written.

pub mod asks;
pub mod checkins;
pub mod data;
pub mod desktop;
pub mod exchanges;
pub mod home;
pub mod journal;
mod list;
pub mod people;
pub mod privacy;
pub mod reminders;
pub mod review;
pub mod sync;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Everything a face needs to name the commands' requests and answers.
pub mod prelude {
    pub use super::asks::{AddAsk, AskEntry, ListAsks, SearchAsks, UpdateAsk};
    pub use super::checkins::{
        AddCheckIn, CheckinReminder, ListCheckIns, ReviewPrefs, SaveReviewPrefs,
    };
    pub use super::data::{
        ChooseFile, ChosenFile, ExportCounts, ExportTo, FilePurpose, ImportFile, ImportFrom,
        ImportPreview, RestoreBackup,
    };
    pub use super::desktop::{DesktopPrefs, DesktopRequest, DesktopStatus, SaveDesktopPrefs};
    pub use super::exchanges::{
        AddExchange, Entry, ListExchanges, SearchExchanges, SettleExchange, UpdateExchange,
    };
    pub use super::home::HomeView;
    pub use super::journal::{JournalStatus, TextLimits};
    pub use super::people::{
        AddPerson, FeelingMean, ListPeople, PersonAt, PersonOverview, UpdatePerson,
    };
    pub use super::privacy::{LockPrefs, SetPassphrase, Unlock};
    pub use super::reminders::{
        ChooseLoopReminder, LoopChoice, LoopChoiceEntry, LoopReminderPrefs, LoopReminders,
        SaveLoopReminderPrefs,
    };
    pub use super::review::{InsightAt, ListOpenLoops, SaveSettings, SnoozeInsight};
    pub use super::sync::{DeviceName, ResolveConflict, UseSyncFolder};
    pub use super::{
        asks, checkins, data, desktop, exchanges, home, journal, people, privacy, reminders,
        review, sync,
    };
    pub use super::{ById, Empty, Now, Today};
    pub use crate::insight::{AskTable, OpenLoop, Reference, Report, Settings};
    pub use crate::model::{CheckIn, Person, PersonSummary};
    pub use crate::sync::{Conflict, SyncReport, SyncStatus};
    pub use crate::transfer::backups::Backup;
    pub use crate::transfer::ImportSummary;
}

/// A request or answer with nothing in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Empty {}

/// A request naming one record by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ById {
    pub id: String,
}

/// A request evaluated as of the user's local date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Now {
    pub now: chrono::NaiveDate,
}

/// A request that needs the user's local date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Today {
    pub today: chrono::NaiveDate,
}

macro_rules! command_names {
    ($($kind:ident $area:ident :: $name:ident ($req:ty) -> $res:ty;)*) => {
        /// Every command's name, in the order of `list.rs`.
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}
crate::with_journal_commands!(command_names);

/// Holds each `read`, `write` and `free` function to the signature its line in `list.rs`
/// declares, so the list and the functions cannot drift apart.
macro_rules! check_signatures {
    ($($kind:ident $area:ident :: $name:ident ($req:ty) -> $res:ty;)*) => {
        #[allow(dead_code)]
        fn signatures() {
            use prelude::*;
            use crate::journal::Journal;
            $( check_signatures!(@one $kind $area::$name($req) -> $res); )*
        }
    };
    (@one read $area:ident :: $name:ident ($req:ty) -> $res:ty) => {
        let _: fn(&Journal, $req) -> crate::Result<$res> = $area::$name;
    };
    (@one write $area:ident :: $name:ident ($req:ty) -> $res:ty) => {
        let _: fn(&mut Journal, $req) -> crate::Result<$res> = $area::$name;
    };
    (@one free $area:ident :: $name:ident ($req:ty) -> $res:ty) => {
        let _: fn($req) -> crate::Result<$res> = $area::$name;
    };
    (@one session $area:ident :: $name:ident ($req:ty) -> $res:ty) => {
        let _ = std::marker::PhantomData::<($req, $res)>;
    };
}
crate::with_journal_commands!(check_signatures);

macro_rules! typescript_commands {
    ($($kind:ident $area:ident :: $name:ident ($req:ty) -> $res:ty;)*) => {
        /// `ui/src/bindings/Commands.ts`: each command's request and answer types, so a
        /// misspelt command or a wrong argument fails the UI's type check.
        pub fn typescript_commands(cfg: &ts_rs::Config) -> String {
            use prelude::*;
            let mut imports = std::collections::BTreeMap::new();
            let mut body = String::new();
            $(
                collect_imports::<$req>(cfg, &mut imports);
                collect_imports::<$res>(cfg, &mut imports);
                body.push_str(&format!(
                    "  {}: {{ request: {}; answer: {} }};\n",
                    stringify!($name),
                    <$req as TS>::name(cfg),
                    <$res as TS>::name(cfg),
                ));
            )*
            let mut out = String::from(
                "// Generated from src/api/list.rs by the core's bindings test; do not edit.\n",
            );
            for (name, path) in imports {
                out.push_str(&format!("import type {{ {name} }} from \"./{path}\";\n"));
            }
            out.push_str("\nexport interface Commands {\n");
            out.push_str(&body);
            out.push_str("}\n");
            out
        }
    };
}
crate::with_journal_commands!(typescript_commands);

macro_rules! export_command_types {
    ($($kind:ident $area:ident :: $name:ident ($req:ty) -> $res:ty;)*) => {
        /// Writes every request and answer type of the list (and the types they use) to the
        /// configured folder.
        pub fn export_command_types(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
            use prelude::*;
            $(
                export_named::<$req>(cfg)?;
                export_named::<$res>(cfg)?;
            )*
            Ok(())
        }
    };
}
crate::with_journal_commands!(export_command_types);

/// A named TypeScript type: its name, its module, and how to write its file.
struct NamedType {
    name: String,
    module: String,
    export: fn(&ts_rs::Config) -> Result<(), ts_rs::ExportError>,
}

impl NamedType {
    fn of<U: TS + 'static + ?Sized>(cfg: &ts_rs::Config) -> NamedType {
        let path = U::output_path().unwrap_or_default().with_extension("");
        NamedType {
            name: U::ident(cfg),
            module: path.to_string_lossy().replace('\\', "/"),
            export: U::export_all,
        }
    }
}

/// Every named type `T` stands for or uses: `T` itself, or for `Vec<T>`, `Option<T>` and the
/// like (which have no file of their own) the types inside them, and the types those use.
fn named_types<T: TS + 'static>(cfg: &ts_rs::Config) -> Vec<NamedType> {
    struct Visit<'a>(&'a ts_rs::Config, Vec<NamedType>);
    impl ts_rs::TypeVisitor for Visit<'_> {
        fn visit<U: TS + 'static + ?Sized>(&mut self) {
            if U::output_path().is_some() {
                self.1.push(NamedType::of::<U>(self.0));
            }
            U::visit_generics(self);
        }
    }
    let mut v = Visit(cfg, Vec::new());
    if T::output_path().is_some() {
        v.1.push(NamedType::of::<T>(cfg));
    }
    T::visit_generics(&mut v);
    T::visit_dependencies(&mut v);
    v.1
}

/// Exports every named type `T` stands for or uses.
fn export_named<T: TS + 'static>(cfg: &ts_rs::Config) -> Result<(), ts_rs::ExportError> {
    named_types::<T>(cfg)
        .iter()
        .try_for_each(|t| (t.export)(cfg))
}

/// Adds the named types `T` stands for or uses to `imports` (name → module path).
fn collect_imports<T: TS + 'static>(
    cfg: &ts_rs::Config,
    imports: &mut std::collections::BTreeMap<String, String>,
) {
    for t in named_types::<T>(cfg) {
        imports.insert(t.name, t.module);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_named_once() {
        let mut seen = std::collections::BTreeSet::new();
        for c in COMMANDS {
            assert!(seen.insert(*c), "{c} is declared twice");
        }
        assert!(COMMANDS.contains(&"person_overview"));
    }
}
