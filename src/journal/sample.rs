//! Writing a whole generated journal, asks included, in one transaction: the sample journal
//! and `recip demo`. Foreign keys are checked at commit, so an ask that follows another, or
//! an exchange that fulfils an ask, may arrive in any order.

use super::Journal;
use crate::generate::Generated;
use crate::Result;

impl Journal {
    /// Writes every record of `g` as it is (ids and timestamps included), in one transaction.
    pub fn insert_generated(&mut self, g: &Generated) -> Result<()> {
        let tx = self.write()?;
        tx.pragma_update(None, "defer_foreign_keys", true)?;
        for p in &g.people {
            p.to_input().validated()?;
            super::people::insert_person(&tx, p)?;
        }
        for r in &g.requests {
            r.to_input().validated()?;
            super::request_rows::insert_request(&tx, r)?;
        }
        for e in &g.exchanges {
            super::exchange_rows::insert_exchange(&tx, e)?;
        }
        for c in &g.checkins {
            super::checkins::insert_checkin(&tx, c)?;
        }
        tx.commit()?;
        Ok(())
    }
}
