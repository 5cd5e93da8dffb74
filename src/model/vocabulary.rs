//! The one mechanism behind every closed vocabulary of the journal (relationships, kinds,
//! insight kinds, severities, dismissal actions …): a `vocabulary!` declaration gives each
//! variant one snake_case name, and that single literal is the JSON/serde name, the
//! TypeScript binding, the text stored in SQLite, the word the CLI parses and the word shown.
//!
//! Invariants:
//! - Reading stored text is exact ([`Vocabulary::from_name`]); a value that is not a name is
//!   an error, never a guess. Only what a person types ([`std::str::FromStr`]) is forgiving
//!   about case, spaces and dashes.
//! - The order of declaration is the order of `ALL` and of `Ord`.

use rusqlite::types::{FromSqlError, FromSqlResult, ValueRef};

/// A closed set of names; implemented by `vocabulary!`.
pub trait Vocabulary: Copy + Sized + 'static {
    /// Every variant, in declaration order.
    const ALL: &'static [Self];
    /// The field name used in validation errors about this vocabulary.
    const FIELD: &'static str;

    /// The variant's one name.
    fn as_str(self) -> &'static str;

    /// The variant with exactly this name.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.as_str() == name)
    }

    /// The name as words for people to read: "no return needed".
    fn words(self) -> String {
        self.as_str().replace('_', " ")
    }

    /// What a person typed, forgiving case, spaces and dashes ("Close friend" → close_friend).
    fn parse_typed(typed: &str) -> crate::Result<Self> {
        let wanted = typed.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Self::from_name(&wanted).ok_or_else(|| {
            crate::Error::invalid(
                Self::FIELD,
                format!(
                    "'{}' is not {}; use one of: {}",
                    typed.trim(),
                    with_article(&Self::FIELD.replace('_', " ")),
                    names::<Self>()
                ),
            )
        })
    }
}

/// Every name of `V`, comma-separated, for messages.
pub fn names<V: Vocabulary>() -> String {
    V::ALL
        .iter()
        .map(|v| v.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "a relationship", "an action".
fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

/// Stored text back to a variant, exactly: the journal only ever writes the names.
pub(crate) fn from_stored<V: Vocabulary>(value: ValueRef<'_>) -> FromSqlResult<V> {
    let text = value.as_str()?;
    V::from_name(text).ok_or_else(|| {
        FromSqlError::Other(
            format!(
                "'{text}' is not a known {}; the names are: {}",
                V::FIELD.replace('_', " "),
                names::<V>()
            )
            .into(),
        )
    })
}

/// Declares a string-backed enum: serde, ts-rs, SQLite, `Display` and `FromStr` all use the
/// one literal given for each variant.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $field:literal {
        $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, ts_rs::TS,
        )]
        pub enum $name { $($(#[$vmeta])* #[serde(rename = $text)] $variant),+ }

        impl $crate::model::Vocabulary for $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];
            const FIELD: &'static str = $field;

            fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        // Inherent twins of the trait's items, so callers need no trait import.
        impl $name {
            pub const ALL: &'static [$name] = <$name as $crate::model::Vocabulary>::ALL;
            pub const FIELD: &'static str = $field;

            pub fn as_str(self) -> &'static str {
                <$name as $crate::model::Vocabulary>::as_str(self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$name as $crate::model::Vocabulary>::parse_typed(s)
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(self.as_str()))
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(
                value: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                $crate::model::vocabulary::from_stored(value)
            }
        }
    };
}

pub(crate) use vocabulary;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Relationship, Settlement};

    #[test]
    fn stored_text_is_read_exactly_and_typed_text_forgivingly() {
        assert_eq!(
            from_stored::<Settlement>(ValueRef::Text(b"no_return_needed")).unwrap(),
            Settlement::NoReturnNeeded
        );
        assert!(from_stored::<Settlement>(ValueRef::Text(b"No return needed")).is_err());
        assert_eq!(
            "No return needed".parse::<Settlement>().unwrap(),
            Settlement::NoReturnNeeded
        );
    }

    #[test]
    fn the_json_name_is_the_stored_name() {
        for r in Relationship::ALL {
            assert_eq!(
                serde_json::to_string(r).unwrap(),
                format!("\"{}\"", r.as_str())
            );
        }
    }

    #[test]
    fn words_are_the_name_with_spaces() {
        assert_eq!(Settlement::NoReturnNeeded.words(), "no return needed");
    }
}
