//! The TypeScript types the desktop UI shares with the core, generated from the Rust types
//! by ts-rs into `ui/src/bindings/` and checked in. The test below fails when the checked-in
//! files no longer match the Rust types; `make bindings` rewrites them.

use std::path::Path;
use ts_rs::{Config, ExportError, TS};

/// Writes every shared type (and the types they use) into `dir`.
pub fn export_bindings(dir: &Path) -> Result<(), ExportError> {
    let cfg = Config::new().with_out_dir(dir).with_large_int("number");
    use crate::model::*;
    Person::export_all(&cfg)?;
    PersonInput::export_all(&cfg)?;
    PersonSummary::export_all(&cfg)?;
    Exchange::export_all(&cfg)?;
    ExchangeInput::export_all(&cfg)?;
    ExchangeFilter::export_all(&cfg)?;
    CheckIn::export_all(&cfg)?;
    CheckInInput::export_all(&cfg)?;
    Relationship::export_all(&cfg)?;
    Sphere::export_all(&cfg)?;
    Direction::export_all(&cfg)?;
    Kind::export_all(&cfg)?;
    Initiative::export_all(&cfg)?;
    Settlement::export_all(&cfg)?;
    Request::export_all(&cfg)?;
    RequestInput::export_all(&cfg)?;
    RequestFilter::export_all(&cfg)?;
    RequestDirection::export_all(&cfg)?;
    Answer::export_all(&cfg)?;
    FollowThrough::export_all(&cfg)?;
    use crate::insight::*;
    Report::export_all(&cfg)?;
    PersonBalance::export_all(&cfg)?;
    BalancePoint::export_all(&cfg)?;
    BalanceLabel::export_all(&cfg)?;
    Insight::export_all(&cfg)?;
    InsightKind::export_all(&cfg)?;
    Severity::export_all(&cfg)?;
    Subject::export_all(&cfg)?;
    Reason::export_all(&cfg)?;
    AnxietySeries::export_all(&cfg)?;
    AnxietyPoint::export_all(&cfg)?;
    AnxietyTrend::export_all(&cfg)?;
    SphereTable::export_all(&cfg)?;
    SphereRow::export_all(&cfg)?;
    SphereComparison::export_all(&cfg)?;
    StylePair::export_all(&cfg)?;
    OpenLoop::export_all(&cfg)?;
    Reference::export_all(&cfg)?;
    AskTable::export_all(&cfg)?;
    Settings::export_all(&cfg)?;
    Dismissal::export_all(&cfg)?;
    DismissAction::export_all(&cfg)?;
    crate::journal::MergeSummary::export_all(&cfg)?;
    crate::transfer::ImportSummary::export_all(&cfg)?;
    crate::transfer::ImportFormat::export_all(&cfg)?;
    crate::transfer::backups::Backup::export_all(&cfg)?;
    crate::ErrorCode::export_all(&cfg)?;
    crate::api::journal::Problem::export_all(&cfg)?;
    crate::api::export_command_types(&cfg)?;
    let commands = crate::api::typescript_commands(&cfg);
    std::fs::write(dir.join("Commands.ts"), commands).map_err(ExportError::from)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::export_bindings;
    use std::collections::BTreeMap;
    use std::path::Path;

    fn read_dir(dir: &Path) -> BTreeMap<String, String> {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
                    .map(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        (name, std::fs::read_to_string(e.path()).unwrap_or_default())
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn checked_in_ui_bindings_match_the_rust_types() {
        let checked_in = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings");
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            export_bindings(&checked_in).expect("write bindings");
        }
        let fresh = tempfile::tempdir().unwrap();
        export_bindings(fresh.path()).expect("export bindings");
        let want = read_dir(fresh.path());
        let have = read_dir(&checked_in);
        assert!(!want.is_empty());
        assert_eq!(
            want, have,
            "ui/src/bindings is stale: run `make bindings` and commit the result"
        );
    }
}
