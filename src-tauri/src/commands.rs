//! IPC commands: each is a thin adapter from the UI's call to one core function.
//! Arguments keep the core's snake_case names.

use crate::error::IpcError;
use crate::state::{AppState, JournalStatus};
use reciprocity::model::{
    CheckIn, CheckInInput, Exchange, ExchangeFilter, ExchangeInput, Person, PersonInput,
    PersonSummary, Settlement,
};
use tauri::State;

type Reply<T> = Result<T, IpcError>;

#[tauri::command(rename_all = "snake_case")]
pub fn journal_status(state: State<'_, AppState>) -> JournalStatus {
    state.status()
}

#[tauri::command(rename_all = "snake_case")]
pub fn open_sample(state: State<'_, AppState>, today: chrono::NaiveDate) -> Reply<JournalStatus> {
    state.open_sample(today)
}

#[tauri::command(rename_all = "snake_case")]
pub fn open_own_journal(state: State<'_, AppState>) -> JournalStatus {
    state.open_own()
}

#[tauri::command(rename_all = "snake_case")]
pub fn data_version(state: State<'_, AppState>) -> Reply<i64> {
    state.read(|j| j.data_version())
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_people(state: State<'_, AppState>, include_archived: bool) -> Reply<Vec<Person>> {
    state.read(|j| j.list_people(include_archived))
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_person_summaries(
    state: State<'_, AppState>,
    include_archived: bool,
) -> Reply<Vec<PersonSummary>> {
    state.read(|j| j.list_person_summaries(include_archived))
}

#[tauri::command(rename_all = "snake_case")]
pub fn get_person(state: State<'_, AppState>, id: String) -> Reply<Person> {
    state.read(|j| j.get_person(&id))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_person(state: State<'_, AppState>, input: PersonInput) -> Reply<Person> {
    state.write(|j| j.add_person(&input))
}

#[tauri::command(rename_all = "snake_case")]
pub fn update_person(state: State<'_, AppState>, id: String, input: PersonInput) -> Reply<Person> {
    state.write(|j| j.update_person(&id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub fn archive_person(state: State<'_, AppState>, id: String) -> Reply<Person> {
    state.write(|j| j.archive_person(&id))
}

#[tauri::command(rename_all = "snake_case")]
pub fn unarchive_person(state: State<'_, AppState>, id: String) -> Reply<Person> {
    state.write(|j| j.unarchive_person(&id))
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_exchanges(state: State<'_, AppState>, filter: ExchangeFilter) -> Reply<Vec<Exchange>> {
    state.read(|j| j.list_exchanges(&filter))
}

#[tauri::command(rename_all = "snake_case")]
pub fn get_exchange(state: State<'_, AppState>, id: String) -> Reply<Exchange> {
    state.read(|j| j.get_exchange(&id))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_exchange(state: State<'_, AppState>, input: ExchangeInput) -> Reply<Exchange> {
    state.write(|j| j.add_exchange(&input))
}

#[tauri::command(rename_all = "snake_case")]
pub fn update_exchange(
    state: State<'_, AppState>,
    id: String,
    input: ExchangeInput,
) -> Reply<Exchange> {
    state.write(|j| j.update_exchange(&id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub fn delete_exchange(state: State<'_, AppState>, id: String) -> Reply<Exchange> {
    state.write(|j| j.delete_exchange(&id))
}

#[tauri::command(rename_all = "snake_case")]
pub fn restore_exchange(state: State<'_, AppState>, id: String) -> Reply<Exchange> {
    state.write(|j| j.restore_exchange(&id))
}

#[tauri::command(rename_all = "snake_case")]
pub fn settle_exchange(
    state: State<'_, AppState>,
    id: String,
    settlement: Settlement,
    returned_by: Option<String>,
    on: chrono::NaiveDate,
) -> Reply<Exchange> {
    state.write(|j| j.settle_exchange(&id, settlement, returned_by.as_deref(), on))
}

#[tauri::command(rename_all = "snake_case")]
pub fn search_exchanges(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> Reply<Vec<Exchange>> {
    state.read(|j| j.search_exchanges(&query, limit))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_checkin(state: State<'_, AppState>, input: CheckInInput) -> Reply<CheckIn> {
    state.write(|j| j.add_checkin(&input))
}

#[tauri::command(rename_all = "snake_case")]
pub fn list_checkins(
    state: State<'_, AppState>,
    since: Option<chrono::NaiveDate>,
    until: Option<chrono::NaiveDate>,
) -> Reply<Vec<CheckIn>> {
    state.read(|j| j.list_checkins(since, until))
}
