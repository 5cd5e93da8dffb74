//! Deciding, row by row, between this journal's version and another device's.
//!
//! The higher `hlc` wins (ties, which only a hostile file makes, go to the greater content,
//! so every device decides alike); merging whole row states this way is order-independent,
//! so late, duplicated and out-of-order files converge. The losing version is kept as a
//! conflict when the winner's device had not seen it when it wrote: each change file says
//! what its device had merged (`knows`: per device, the highest clock of the files it had
//! read without a gap), and a version is known to a writer when it is the writer's own,
//! predates sync, or is covered by that.

use super::state::{Hlc, RowState, BEFORE_SYNC};
use std::collections::BTreeMap;

/// What a device had merged: device -> highest clock.
pub type Knows = BTreeMap<String, Hlc>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Both hold the same version.
    Same,
    /// The incoming version replaces this journal's.
    Take { conflict: bool },
    /// This journal's version stays.
    Keep { conflict: bool },
}

/// Whether the device that wrote `winner`, knowing `knows`, had seen `loser`.
pub fn had_seen(winner: &Hlc, knows: &Knows, loser: &Hlc) -> bool {
    let author = loser.device();
    author == BEFORE_SYNC
        || author == winner.device()
        || knows.get(author).is_some_and(|seen| seen >= loser)
}

fn content(s: &RowState) -> String {
    s.row
        .as_ref()
        .map(|r| serde_json::Value::Object(r.clone()).to_string())
        .unwrap_or_default()
}

/// Decides between `local` and `incoming`. `knows_of(state)` tells what the device that wrote
/// `state` had merged when it did.
pub fn decide(
    local: Option<&RowState>,
    incoming: &RowState,
    knows_of: impl Fn(&RowState) -> Knows,
) -> Outcome {
    let Some(local) = local else {
        return Outcome::Take { conflict: false };
    };
    if local.hlc == incoming.hlc && content(local) == content(incoming) {
        return Outcome::Same;
    }
    let incoming_wins = (&incoming.hlc, content(incoming)) > (&local.hlc, content(local));
    let (winner, loser) = if incoming_wins {
        (incoming, local)
    } else {
        (local, incoming)
    };
    let conflict =
        !winner.same_content(loser) && !had_seen(&winner.hlc, &knows_of(winner), &loser.hlc);
    if incoming_wins {
        Outcome::Take { conflict }
    } else {
        Outcome::Keep { conflict }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::SyncTable;

    fn state(hlc: &str, what: &str) -> RowState {
        let mut row = super::super::state::Columns::new();
        row.insert("id".into(), "x".into());
        row.insert("what".into(), what.into());
        RowState {
            table: SyncTable::Exchange,
            key: "x".into(),
            hlc: Hlc::parse(hlc).unwrap(),
            row: Some(row),
        }
    }

    #[test]
    fn an_edit_made_after_seeing_the_other_is_no_conflict() {
        let a = state("1000000000000-0000-aa", "tea");
        let b = state("1000000000005-0000-bb", "coffee");
        let knows: Knows = [("aa".to_string(), a.hlc.clone())].into();
        assert_eq!(
            decide(Some(&a), &b, |_| knows.clone()),
            Outcome::Take { conflict: false }
        );
    }

    #[test]
    fn edits_that_did_not_see_each_other_keep_the_loser() {
        let a = state("1000000000000-0000-aa", "tea");
        let b = state("1000000000005-0000-bb", "coffee");
        assert_eq!(
            decide(Some(&a), &b, |_| Knows::new()),
            Outcome::Take { conflict: true }
        );
        assert_eq!(
            decide(Some(&b), &a, |_| Knows::new()),
            Outcome::Keep { conflict: true }
        );
    }

    #[test]
    fn the_same_change_on_two_devices_is_no_conflict() {
        let a = state("1000000000000-0000-aa", "tea");
        let b = state("1000000000005-0000-bb", "tea");
        assert_eq!(
            decide(Some(&a), &b, |_| Knows::new()),
            Outcome::Take { conflict: false }
        );
    }
}
