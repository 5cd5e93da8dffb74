//! Answers computed from the journal's contents, kept until the contents change.
//!
//! Why: the window asks for the same insight report and Home again and again (each screen
//! switch, each focus), and most of those asks come while nothing was written. Reading the
//! journal and running the engine again would give the same answer.
//!
//! Invariant: a kept answer is given only while the journal is exactly as it was when the
//! answer was computed. That is checked with two counters SQLite keeps: `data_version`, which
//! moves when another connection (the CLI, a sync, another process) commits, and the
//! connection's total of changed rows, which moves with each row this connection inserts,
//! updates or deletes (a change later rolled back moves it too, which only costs a
//! recomputation). A `Journal` is one connection to one file, so nothing kept here can
//! outlive it or answer for another journal.

use super::Journal;
use crate::Result;
use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::HashMap;

/// The journal's contents as seen by this connection: equal stamps, equal contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    data_version: i64,
    own_changes: u64,
}

/// Answers by their type and key.
type Answers = HashMap<(TypeId, String), Box<dyn Any + Send>>;

/// The kept answers and the stamp they were computed at.
#[derive(Default)]
pub(super) struct Memo {
    kept: RefCell<Option<(Stamp, Answers)>>,
}

impl Journal {
    fn stamp(&self) -> Result<Stamp> {
        Ok(Stamp {
            data_version: self.data_version()?,
            own_changes: self.conn.total_changes(),
        })
    }

    /// The answer of `compute` for `key`, computed again only when the journal has changed
    /// since it was last kept. `compute` must depend on nothing but the journal and `key`.
    pub fn remember<T: Clone + Send + 'static>(
        &self,
        key: &str,
        compute: impl FnOnce(&Journal) -> Result<T>,
    ) -> Result<T> {
        let stamp = self.stamp()?;
        let slot = (TypeId::of::<T>(), key.to_string());
        if let Some((kept_at, answers)) = &*self.memo.kept.borrow() {
            if *kept_at == stamp {
                if let Some(answer) = answers.get(&slot).and_then(|a| a.downcast_ref::<T>()) {
                    return Ok(answer.clone());
                }
            }
        }
        let answer = compute(self)?;
        // Computing only reads, but check: an answer is kept only for the contents it saw.
        if self.stamp()? == stamp {
            let mut kept = self.memo.kept.borrow_mut();
            match &mut *kept {
                Some((kept_at, answers)) if *kept_at == stamp => {
                    answers.insert(slot, Box::new(answer.clone()));
                }
                _ => {
                    *kept = Some((
                        stamp,
                        HashMap::from([(slot, Box::new(answer.clone()) as _)]),
                    ))
                }
            }
        }
        Ok(answer)
    }
}
