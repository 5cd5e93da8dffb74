//! The one error type of the core. Every failure has a stable machine `code` (the UI and
//! scripts branch on it) and a message a person can act on. Validation errors name the field.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that breaks a rule of the model; nothing was written.
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },

    /// A file to import that cannot be taken in; nothing was written.
    #[error("{file}: {location}: {message}")]
    Import {
        file: String,
        /// The line, or the record (`exchanges[3]`), where the problem is.
        location: String,
        message: String,
    },

    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: String },

    #[error("{path} is empty (0 bytes), so it is not a journal; it was left untouched")]
    JournalEmpty { path: PathBuf },

    #[error("{path} is not a SQLite database, so it is not a journal; it was left untouched")]
    NotSqlite { path: PathBuf },

    #[error("{path} is another program's SQLite database, not a Reciprocity journal; it was left untouched")]
    ForeignDatabase { path: PathBuf },

    #[error("{path} is damaged ({detail}); it was left untouched")]
    JournalDamaged { path: PathBuf, detail: String },

    #[error("{path} was written by a newer version of Reciprocity Journal (schema {found}, this build knows up to {known}); it was left untouched")]
    JournalTooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error("{path} is protected by a passphrase (or is not a journal at all); give its passphrase to open it. It was left untouched")]
    PassphraseNeeded { path: PathBuf },

    #[error("the passphrase does not open {path}; it was left untouched")]
    WrongPassphrase { path: PathBuf },

    #[error("{path} was replaced after it was opened here (its passphrase was set, changed or removed, or a backup was restored); open it again. Nothing was written")]
    JournalReplaced { path: PathBuf },

    #[error("{path} is open in another program (the app or another recip command); close it there and try again. Nothing was changed")]
    JournalInUse { path: PathBuf },

    #[error("cannot find a data directory for the journal; set RECIPROCITY_DB or pass --db")]
    NoDataDir,

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },

    /// A value in the journal that this build cannot read. Nothing is guessed in its place;
    /// other rows, and commands that do not read this one, keep working.
    #[error("{table} {id} has unreadable {} in column {column}: {detail}", .column.replace('_', " "))]
    StoredValueUnreadable {
        table: &'static str,
        /// The row's id (or key).
        id: String,
        column: String,
        detail: String,
    },

    #[error("storage error: {0}")]
    Storage(#[from] rusqlite::Error),
}

impl Error {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Error {
        Error::Invalid {
            field,
            message: message.into(),
        }
    }

    pub fn not_found(what: &'static str, id: impl Into<String>) -> Error {
        Error::NotFound {
            what,
            id: id.into(),
        }
    }

    /// A stable, machine-readable code for each kind of failure.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Invalid { .. } => ErrorCode::Invalid,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Import { .. } => ErrorCode::ImportInvalid,
            Error::JournalEmpty { .. } => ErrorCode::JournalEmpty,
            Error::NotSqlite { .. } => ErrorCode::NotAJournal,
            Error::ForeignDatabase { .. } => ErrorCode::ForeignDatabase,
            Error::JournalDamaged { .. } => ErrorCode::JournalDamaged,
            Error::JournalTooNew { .. } => ErrorCode::JournalTooNew,
            Error::PassphraseNeeded { .. } => ErrorCode::PassphraseNeeded,
            Error::WrongPassphrase { .. } => ErrorCode::WrongPassphrase,
            Error::JournalReplaced { .. } => ErrorCode::JournalReplaced,
            Error::JournalInUse { .. } => ErrorCode::JournalInUse,
            Error::NoDataDir => ErrorCode::NoDataDir,
            Error::Io { .. } => ErrorCode::Io,
            Error::StoredValueUnreadable { .. } => ErrorCode::StoredValueUnreadable,
            Error::Storage(_) => ErrorCode::Storage,
        }
    }

    /// The field a validation error is about, for messages shown beside that field.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}

crate::model::vocabulary::vocabulary!(
    /// The codes the faces branch on. The core's errors map to the first group; the desktop
    /// shell and the UI add the last three.
    ErrorCode, "code" {
        Invalid => "invalid",
        NotFound => "not_found",
        ImportInvalid => "import_invalid",
        JournalEmpty => "journal_empty",
        NotAJournal => "not_a_journal",
        ForeignDatabase => "foreign_database",
        JournalDamaged => "journal_damaged",
        JournalTooNew => "journal_too_new",
        PassphraseNeeded => "passphrase_needed",
        WrongPassphrase => "wrong_passphrase",
        JournalReplaced => "journal_replaced",
        JournalInUse => "journal_in_use",
        NoDataDir => "no_data_dir",
        Io => "io",
        StoredValueUnreadable => "stored_value_unreadable",
        Storage => "storage",
        /// The window asked for something while no journal is open.
        JournalUnavailable => "journal_unavailable",
        /// A file the window named was not chosen by the user in a dialog.
        NotChosen => "not_chosen",
        /// The window could not reach the shell at all.
        Ipc => "ipc",
    }
);

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
