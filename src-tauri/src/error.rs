//! The one error type that crosses IPC: `{ code, message, field }`. The UI branches on `code`
//! and shows `message` beside `field` when the core names one.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IpcError {
    /// A stable machine code: the core's codes (`invalid`, `not_found`, `journal_damaged`, …)
    /// plus `journal_unavailable` when no journal is open.
    pub code: String,
    /// A message a person can act on.
    pub message: String,
    /// The input field a validation error is about.
    pub field: Option<String>,
}

impl IpcError {
    pub fn new(code: &str, message: impl Into<String>) -> IpcError {
        IpcError {
            code: code.to_string(),
            message: message.into(),
            field: None,
        }
    }
}

impl From<reciprocity::Error> for IpcError {
    fn from(e: reciprocity::Error) -> IpcError {
        IpcError {
            code: e.code().to_string(),
            message: e.to_string(),
            field: e.field().map(str::to_string),
        }
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_errors_keep_their_field() {
        let e: IpcError = reciprocity::Error::invalid("what", "say what happened").into();
        assert_eq!(e.code, "invalid");
        assert_eq!(e.field.as_deref(), Some("what"));
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["message"], "say what happened");
        assert_eq!(json["field"], "what");
    }

    #[test]
    fn other_errors_have_no_field() {
        let e: IpcError = reciprocity::Error::not_found("exchange", "x1").into();
        assert_eq!(e.code, "not_found");
        assert_eq!(e.field, None);
        assert!(e.message.contains("x1"));
    }
}
