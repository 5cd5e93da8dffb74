//! The `exchange_fts` full-text index: search over what, note, tags and person names.

use super::exchange_rows::{exchange_from_row, COLUMNS};
use super::stored::read_all;
use super::Journal;
use crate::model::Exchange;
use crate::{Error, Result};
use rusqlite::params;

/// Turns what a person types into an FTS5 query: every word must appear, each as a prefix,
/// with FTS5's own syntax characters neutralised by quoting.
pub fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The longest search, in characters and in words; longer ones cost seconds and find nothing
/// a shorter one would not.
pub const MAX_QUERY_CHARS: usize = 200;
pub const MAX_QUERY_WORDS: usize = 12;

impl Journal {
    /// Exchanges whose words start with every word of `text`, best match first.
    pub fn search_exchanges(&self, text: &str, limit: u32) -> Result<Vec<Exchange>> {
        let chars = text.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(Error::invalid(
                "query",
                format!("a search is at most {MAX_QUERY_CHARS} characters; this one is {chars}"),
            ));
        }
        let query =
            fts_query(text).ok_or_else(|| Error::invalid("query", "type a word to search for"))?;
        let words = query.matches("\"*").count();
        if words > MAX_QUERY_WORDS {
            return Err(Error::invalid(
                "query",
                format!("a search is at most {MAX_QUERY_WORDS} words; this one has {words}"),
            ));
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM exchange_fts f JOIN exchange e ON e.seq = f.rowid
             WHERE exchange_fts MATCH ?1 AND e.deleted_at IS NULL
             ORDER BY f.rank, e.occurred_on DESC
             LIMIT ?2"
        ))?;
        read_all(&mut stmt, params![query, limit], exchange_from_row)
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn every_word_becomes_a_quoted_prefix() {
        assert_eq!(fts_query("moving van").unwrap(), "\"moving\"* \"van\"*");
    }

    #[test]
    fn fts_syntax_is_neutralised() {
        assert_eq!(
            fts_query("NOT \"x\" OR y*").unwrap(),
            "\"NOT\"* \"x\"* \"OR\"* \"y\"*"
        );
        assert!(fts_query(" -*( ").is_none());
    }
}
