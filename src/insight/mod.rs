//! The insight engine: pure functions of (journal data, settings, `now`) that compute each
//! relationship's balance and the observations of DESIGN §4, each with a plain headline, the
//! numbers behind it, the exchanges it rests on and the research it draws on.
//!
//! Nothing here reads the clock or the journal: [`analyse`] takes everything as arguments, so
//! a report is reproducible for a given `now` and cheap to benchmark. Exchanges and check-ins
//! dated after `now`, or before the horizon (`Settings::horizon_days`, three years: older
//! exchanges weigh under 1/4000 of a new one), are ignored.
//!
//! Kinds: `gives_more`, `receives_more` ([`balance`]), `over_giving`, `anxiety_growing`,
//! `sphere_contrast`, `style_in_kind`, `style_escalating`, `unsolicited_weighs_more`,
//! `open_loop`, `retaliation_spiral`, and the tactics used on you: `favour_before_ask`,
//! `door_in_the_face`, `thats_not_all` (read from requests).

pub mod anxiety;
mod ask_table;
mod asks;
pub mod balance;
pub mod dismissal;
mod door_in_the_face;
mod favour_before_ask;
mod open_loops;
mod over_giving;
pub mod references;
pub mod settings;
mod sphere;
mod spiral;
pub mod stats;
mod style;
mod thats_not_all;
pub mod types;
mod unsolicited;
mod view;
mod words;

pub use anxiety::{AnxietyPoint, AnxietySeries, AnxietyTrend};
pub use ask_table::{ask_table, AskGroup, AskRow, AskTable};
pub use asks::RequestFact;
pub use balance::{BalanceLabel, BalancePoint, PersonBalance};
pub use dismissal::{DismissAction, Dismissal};
pub use open_loops::OpenLoop;
pub use references::{reference, references, Reference};
pub use settings::Settings;
pub use sphere::{SphereComparison, SphereRow, SphereTable};
pub use style::StylePair;
pub use types::{Data, ExchangeFact, Insight, InsightKind, Reason, Severity, Subject};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use view::Ctx;

/// Everything the engine computes for one `now`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Report {
    pub now: NaiveDate,
    /// One balance per person with at least one exchange.
    pub balances: Vec<PersonBalance>,
    /// The insights to show, most pressing first.
    pub insights: Vec<Insight>,
    /// Ids of insights that were dismissed or snoozed.
    pub hidden: Vec<String>,
    pub anxiety: AnxietySeries,
    pub spheres: SphereTable,
    pub style_pairs: Vec<StylePair>,
    pub open_loops: Vec<OpenLoop>,
}

/// Computes every balance and insight, then sets aside the dismissed and snoozed ones.
pub fn analyse(
    data: &Data,
    settings: &Settings,
    dismissals: &[Dismissal],
    now: NaiveDate,
) -> Report {
    let ctx = Ctx::new(data, settings, now);
    let balances = balance::balances(&ctx);
    let ratings = anxiety::ratings(&ctx);
    let anxiety_series = anxiety::series(&ctx, &ratings);
    let spheres = sphere::table(&ctx);
    let style_pairs = style::pairs(&ctx);
    let open_loops = open_loops::open_loops(&ctx);

    let mut all = Vec::new();
    all.extend(balance::insights(&ctx, &balances));
    all.extend(over_giving::insights(&ctx, &balances));
    all.extend(anxiety::insights(&ctx, &ratings, &anxiety_series));
    all.extend(sphere::insights(&ctx, &spheres));
    all.extend(style::insights(&ctx, &style_pairs));
    all.extend(unsolicited::insights(&ctx));
    all.extend(open_loops::insights(&ctx, &open_loops));
    all.extend(spiral::insights(&ctx));
    all.extend(favour_before_ask::insights(&ctx, &data.requests));
    all.extend(door_in_the_face::insights(&ctx, &data.requests));
    all.extend(thats_not_all::insights(&ctx, &data.requests));
    all.sort_by(|a, b| {
        // Severity is ordered note < notice < concern: the most pressing first.
        b.severity
            .cmp(&a.severity)
            .then(a.kind.cmp(&b.kind))
            .then(b.strength.total_cmp(&a.strength))
            .then(a.id.cmp(&b.id))
    });
    let (insights, hidden) = dismissal::apply(all, dismissals, &ctx.s, now);
    Report {
        now,
        balances,
        insights,
        hidden,
        anxiety: anxiety_series,
        spheres,
        style_pairs,
        open_loops,
    }
}

/// The settings a report for everyone is computed with: `settings` without the month-by-month
/// series of each balance. Only a person's page draws one (`person_balance` keeps it), and
/// over a whole journal the series were more than half of the engine's time.
pub fn report_settings(settings: &Settings) -> Settings {
    Settings {
        series_months: 0,
        ..settings.clone()
    }
}

/// One person's balance and open favours for `now`, without the rest of the report: what a
/// person's page shows. The context (and so v̄) is the whole journal's, as in `analyse`.
pub fn person_balance(
    data: &Data,
    settings: &Settings,
    now: NaiveDate,
    person_id: &str,
) -> (Option<PersonBalance>, Vec<OpenLoop>) {
    let ctx = Ctx::new(data, settings, now);
    let Some(index) = data.people.iter().position(|p| p.id == person_id) else {
        return (None, Vec::new());
    };
    let loops = open_loops::open_loops(&ctx)
        .into_iter()
        .filter(|l| l.person_id == person_id)
        .collect();
    (balance::person_balance(&ctx, index), loops)
}

/// Received favours still open (not thanked, returned or marked as needing no return) that
/// are at least `min_age_days` old, oldest first: the one rule for what is open.
pub fn open_favours(
    data: &Data,
    settings: &Settings,
    now: NaiveDate,
    min_age_days: i64,
) -> Vec<OpenLoop> {
    let settings = Settings {
        open_loop_days: min_age_days,
        ..settings.clone()
    };
    open_loops::open_loops(&Ctx::new(data, &settings, now))
}

/// Every insight for `now`, ignoring dismissals (to look one up by id, say).
pub fn all_insights(data: &Data, settings: &Settings, now: NaiveDate) -> Vec<Insight> {
    analyse(data, settings, &[], now).insights
}
