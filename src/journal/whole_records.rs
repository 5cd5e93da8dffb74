//! Writing whole generated records as they are, ids and timestamps included: the sample
//! journal and test fixtures. One transaction; exchanges must come after those they
//! reciprocate. People are held to the model's rules like any other person.

use super::Journal;
use crate::model::{CheckIn, Exchange, Person};
use crate::Result;

impl Journal {
    /// Writes `people`, `exchanges` and `checkins` in one transaction.
    pub fn insert_all(
        &mut self,
        people: &[Person],
        exchanges: &[Exchange],
        checkins: &[CheckIn],
    ) -> Result<()> {
        let tx = self.write()?;
        for p in people {
            p.to_input().validated()?;
            super::people::insert_person(&tx, p)?;
        }
        for e in exchanges {
            super::exchange_rows::insert_exchange(&tx, e)?;
        }
        for c in checkins {
            super::checkins::insert_checkin(&tx, c)?;
        }
        tx.commit()?;
        Ok(())
    }
}
