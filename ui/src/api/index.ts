// The only module that talks to the desktop shell. Every call goes through `call`, which turns
// whatever the shell rejects with into one `ApiError` shape the screens can branch on.
import { invoke } from '@tauri-apps/api/core';
import type { CheckIn } from '../bindings/CheckIn';
import type { CheckInInput } from '../bindings/CheckInInput';
import type { Exchange } from '../bindings/Exchange';
import type { ExchangeFilter } from '../bindings/ExchangeFilter';
import type { ExchangeInput } from '../bindings/ExchangeInput';
import type { IpcError } from '../bindings/shell/IpcError';
import type { JournalStatus } from '../bindings/shell/JournalStatus';
import type { Person } from '../bindings/Person';
import type { PersonInput } from '../bindings/PersonInput';
import type { PersonSummary } from '../bindings/PersonSummary';
import type { Settlement } from '../bindings/Settlement';

export type ApiError = IpcError;

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    typeof (value as ApiError).message === 'string'
  );
}

/** Normalises anything thrown by `invoke` into an `ApiError`. */
export function toApiError(value: unknown): ApiError {
  if (isApiError(value)) return { code: value.code, message: value.message, field: value.field ?? null };
  const message = value instanceof Error ? value.message : String(value);
  return { code: 'ipc', message, field: null };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toApiError(e);
  }
}

export const api = {
  journalStatus: () => call<JournalStatus>('journal_status'),
  dataVersion: () => call<number>('data_version'),
  openSample: (today: string) => call<JournalStatus>('open_sample', { today }),
  openOwnJournal: () => call<JournalStatus>('open_own_journal'),

  listPeople: (include_archived = false) => call<Person[]>('list_people', { include_archived }),
  listPersonSummaries: (include_archived = false) =>
    call<PersonSummary[]>('list_person_summaries', { include_archived }),
  getPerson: (id: string) => call<Person>('get_person', { id }),
  addPerson: (input: PersonInput) => call<Person>('add_person', { input }),
  updatePerson: (id: string, input: PersonInput) => call<Person>('update_person', { id, input }),
  archivePerson: (id: string) => call<Person>('archive_person', { id }),
  unarchivePerson: (id: string) => call<Person>('unarchive_person', { id }),

  listExchanges: (filter: Partial<ExchangeFilter> = {}) =>
    call<Exchange[]>('list_exchanges', { filter: fullFilter(filter) }),
  getExchange: (id: string) => call<Exchange>('get_exchange', { id }),
  addExchange: (input: ExchangeInput) => call<Exchange>('add_exchange', { input }),
  updateExchange: (id: string, input: ExchangeInput) => call<Exchange>('update_exchange', { id, input }),
  deleteExchange: (id: string) => call<Exchange>('delete_exchange', { id }),
  restoreExchange: (id: string) => call<Exchange>('restore_exchange', { id }),
  settleExchange: (id: string, settlement: Settlement, on: string, returned_by: string | null = null) =>
    call<Exchange>('settle_exchange', { id, settlement, returned_by, on }),
  searchExchanges: (query: string, limit = 200) => call<Exchange[]>('search_exchanges', { query, limit }),

  addCheckin: (input: CheckInInput) => call<CheckIn>('add_checkin', { input }),
  listCheckins: (since: string | null = null, until: string | null = null) =>
    call<CheckIn[]>('list_checkins', { since, until }),
};

export function fullFilter(filter: Partial<ExchangeFilter>): ExchangeFilter {
  return {
    person_id: null,
    direction: null,
    sphere: null,
    kind: null,
    tag: null,
    since: null,
    until: null,
    limit: null,
    offset: null,
    ...filter,
  };
}
