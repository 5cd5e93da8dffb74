// The journal's commands, each declared once, as `kind area::name(Request) -> Answer;`.
//
// From this one list come the core's `api::COMMANDS`, the UI's typed calls
// (`ui/src/bindings/Commands.ts`), the desktop shell's IPC handler, and (through the shell's
// build script, which includes this file) the window's permissions and capability.
//
// Kinds: `read` takes `&Journal`, `write` takes `&mut Journal`, `free` needs no journal, and
// `session` is answered by the desktop shell itself (which journal is open, native dialogs,
// files chosen in them) on top of the core's functions.
//
// Plain comments only: the shell's build script includes this file as it is.

#[macro_export]
macro_rules! with_journal_commands {
    ($then:ident) => {
        $then! {
            session journal::journal_status(Empty) -> JournalStatus;
            session journal::open_sample(Today) -> JournalStatus;
            session journal::open_own_journal(Empty) -> JournalStatus;
            read journal::data_version(Empty) -> i64;
            free journal::text_limits(Empty) -> TextLimits;

            session privacy::unlock(Unlock) -> JournalStatus;
            session privacy::lock(Empty) -> JournalStatus;
            session privacy::set_passphrase(SetPassphrase) -> JournalStatus;
            read privacy::get_lock_prefs(Empty) -> LockPrefs;
            write privacy::save_lock_prefs(LockPrefs) -> LockPrefs;

            read people::list_people(ListPeople) -> Vec<Person>;
            read people::list_person_summaries(ListPeople) -> Vec<PersonSummary>;
            read people::get_person(ById) -> Person;
            read people::person_overview(PersonAt) -> PersonOverview;
            write people::add_person(AddPerson) -> Person;
            write people::update_person(UpdatePerson) -> Person;
            write people::archive_person(ById) -> Person;
            write people::unarchive_person(ById) -> Person;

            read exchanges::list_exchanges(ListExchanges) -> Vec<Entry>;
            read exchanges::get_exchange(ById) -> Entry;
            write exchanges::add_exchange(AddExchange) -> Entry;
            write exchanges::update_exchange(UpdateExchange) -> Entry;
            write exchanges::delete_exchange(ById) -> Entry;
            write exchanges::restore_exchange(ById) -> Entry;
            write exchanges::settle_exchange(SettleExchange) -> Entry;
            read exchanges::search_exchanges(SearchExchanges) -> Vec<Entry>;

            write asks::add_ask(AddAsk) -> AskEntry;
            read asks::list_asks(ListAsks) -> Vec<AskEntry>;
            read asks::get_ask(ById) -> AskEntry;
            write asks::update_ask(UpdateAsk) -> AskEntry;
            write asks::delete_ask(ById) -> AskEntry;
            write asks::restore_ask(ById) -> AskEntry;
            read asks::search_asks(SearchAsks) -> Vec<AskEntry>;
            read asks::ask_patterns(Now) -> AskTable;

            write checkins::add_checkin(AddCheckIn) -> CheckIn;
            read checkins::list_checkins(ListCheckIns) -> Vec<CheckIn>;
            read checkins::get_review_prefs(Empty) -> ReviewPrefs;
            write checkins::save_review_prefs(SaveReviewPrefs) -> ReviewPrefs;
            read checkins::checkin_reminder(Today) -> CheckinReminder;

            read reminders::get_loop_reminders(Today) -> LoopReminders;
            write reminders::save_loop_reminder_prefs(SaveLoopReminderPrefs) -> LoopReminders;
            write reminders::choose_loop_reminder(ChooseLoopReminder) -> LoopReminders;

            session desktop::desktop_status(Empty) -> DesktopStatus;
            session desktop::save_desktop_prefs(SaveDesktopPrefs) -> DesktopStatus;
            session desktop::take_desktop_request(Empty) -> Option<DesktopRequest>;

            read home::home_view(Today) -> HomeView;
            read review::review_report(Now) -> Report;
            read review::list_open_loops(ListOpenLoops) -> Vec<OpenLoop>;
            free review::list_references(Empty) -> Vec<Reference>;
            write review::dismiss_insight(InsightAt) -> Empty;
            write review::snooze_insight(SnoozeInsight) -> Empty;
            write review::restore_insight(ById) -> bool;
            read review::get_insight_settings(Empty) -> Settings;
            free review::default_insight_settings(Empty) -> Settings;
            write review::save_insight_settings(SaveSettings) -> Settings;

            session data::choose_file(ChooseFile) -> Option<ChosenFile>;
            session data::export_json(ExportTo) -> ExportCounts;
            session data::export_csv(ExportTo) -> ExportCounts;
            session data::inspect_import(ImportFrom) -> ImportPreview;
            session data::import_file(ImportFile) -> ImportSummary;
            read data::list_backups(Empty) -> Vec<Backup>;
            read data::make_backup(Empty) -> Backup;
            session data::restore_backup(RestoreBackup) -> Backup;

            session sync::set_sync_folder(UseSyncFolder) -> SyncStatus;
            write sync::stop_sync(Empty) -> SyncStatus;
            write sync::set_device_name(DeviceName) -> SyncStatus;
            session sync::sync_now(Empty) -> SyncReport;
            read sync::sync_status(Empty) -> SyncStatus;
            read sync::list_conflicts(Empty) -> Vec<Conflict>;
            write sync::resolve_conflict(ResolveConflict) -> Empty;
        }
    };
}
