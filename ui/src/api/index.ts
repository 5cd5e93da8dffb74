// The only module that talks to the desktop shell. Every call goes through `call`, typed by
// the generated `Commands` (from the core's one command list), so a misspelt command or a
// wrong argument fails the type check; whatever the shell rejects with becomes one
// `ApiError` shape the screens can branch on.
import { invoke } from '@tauri-apps/api/core';
import type { CheckInInput } from '../bindings/CheckInInput';
import type { Commands } from '../bindings/Commands';
import type { ExchangeFilter } from '../bindings/ExchangeFilter';
import type { ExchangeInput } from '../bindings/ExchangeInput';
import type { PersonInput } from '../bindings/PersonInput';
import type { Problem } from '../bindings/Problem';
import type { RequestFilter } from '../bindings/RequestFilter';
import type { RequestInput } from '../bindings/RequestInput';
import type { Settlement } from '../bindings/Settlement';

export type ApiError = Problem;

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

export type Command = keyof Commands;
export type Request<K extends Command> = Commands[K]['request'];
export type Answer<K extends Command> = Commands[K]['answer'];

/** Calls one command of the core's list with its request. */
export async function call<K extends Command>(command: K, request: Request<K>): Promise<Answer<K>> {
  try {
    return await invoke<Answer<K>>(command, request as Record<string, unknown>);
  } catch (e) {
    throw toApiError(e);
  }
}

export const api = {
  journalStatus: () => call('journal_status', {}),
  dataVersion: () => call('data_version', {}),
  textLimits: () => call('text_limits', {}),
  openSample: (today: string) => call('open_sample', { today }),
  openOwnJournal: () => call('open_own_journal', {}),

  listPeople: (include_archived = false) => call('list_people', { include_archived }),
  listPersonSummaries: (include_archived = false) => call('list_person_summaries', { include_archived }),
  getPerson: (id: string) => call('get_person', { id }),
  personOverview: (id: string, now: string) => call('person_overview', { id, now }),
  addPerson: (input: PersonInput) => call('add_person', { input }),
  updatePerson: (id: string, input: PersonInput) => call('update_person', { id, input }),
  archivePerson: (id: string) => call('archive_person', { id }),
  unarchivePerson: (id: string) => call('unarchive_person', { id }),

  listExchanges: (filter: Partial<ExchangeFilter> = {}) => call('list_exchanges', { filter: fullFilter(filter) }),
  getExchange: (id: string) => call('get_exchange', { id }),
  addExchange: (input: ExchangeInput, new_person: PersonInput | null = null) =>
    call('add_exchange', { input, new_person }),
  updateExchange: (id: string, input: ExchangeInput) => call('update_exchange', { id, input }),
  deleteExchange: (id: string) => call('delete_exchange', { id }),
  restoreExchange: (id: string) => call('restore_exchange', { id }),
  settleExchange: (id: string, settlement: Settlement, on: string, returned_by: string | null = null) =>
    call('settle_exchange', { id, settlement, returned_by, on }),
  searchExchanges: (query: string, limit = 200) => call('search_exchanges', { query, limit }),

  addAsk: (input: RequestInput, new_person: PersonInput | null = null) => call('add_ask', { input, new_person }),
  listAsks: (filter: Partial<RequestFilter> = {}) => call('list_asks', { filter: fullAskFilter(filter) }),
  getAsk: (id: string) => call('get_ask', { id }),
  updateAsk: (id: string, input: RequestInput) => call('update_ask', { id, input }),
  deleteAsk: (id: string) => call('delete_ask', { id }),
  restoreAsk: (id: string) => call('restore_ask', { id }),
  searchAsks: (query: string, limit = 200) => call('search_asks', { query, limit }),
  askPatterns: (now: string) => call('ask_patterns', { now }),

  addCheckin: (input: CheckInInput) => call('add_checkin', { input }),
  listCheckins: (since: string | null = null, until: string | null = null) =>
    call('list_checkins', { since, until }),
};

export function fullAskFilter(filter: Partial<RequestFilter>): RequestFilter {
  return {
    person_id: null,
    direction: null,
    since: null,
    until: null,
    include_deleted: false,
    limit: null,
    offset: null,
    ...filter,
  };
}

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
