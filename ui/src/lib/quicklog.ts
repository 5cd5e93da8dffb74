// The quick-log form as plain data: defaults, client-side checks that mirror the core's rules,
// conversion to the core's `ExchangeInput`, and people matching for the autocomplete.
import type { ApiError } from '../api';
import type { Direction } from '../bindings/Direction';
import type { Exchange } from '../bindings/Exchange';
import type { ExchangeInput } from '../bindings/ExchangeInput';
import type { Feelings } from '../bindings/Feelings';
import type { Initiative } from '../bindings/Initiative';
import type { Kind } from '../bindings/Kind';
import type { Person } from '../bindings/Person';
import type { Relationship } from '../bindings/Relationship';
import { parseIso, todayIso } from './dates';
import { FEELINGS_FOR, type FeelingName } from './labels';

export interface LogForm {
  personQuery: string;
  personId: string | null;
  newPerson: boolean;
  relationship: Relationship;
  direction: Direction;
  what: string;
  kind: Kind;
  value: number;
  initiative: Initiative | null;
  occurredOn: string;
  note: string;
  feelings: Record<FeelingName, number | null>;
}

export type FormField = 'person' | 'relationship' | 'what' | 'kind' | 'value' | 'date' | 'note' | FeelingName;
export type FieldErrors = Partial<Record<FormField, string>>;

export function noFeelings(): Record<FeelingName, number | null> {
  return {
    gratitude: null,
    indebtedness: null,
    pressure: null,
    discomfort: null,
    warmth: null,
    drained: null,
    expectation: null,
  };
}

export function emptyForm(now: Date = new Date(), person: Person | null = null): LogForm {
  return {
    personQuery: person?.name ?? '',
    personId: person?.id ?? null,
    newPerson: false,
    relationship: 'friend',
    direction: 'received',
    what: '',
    kind: 'favour',
    value: 3,
    initiative: null,
    occurredOn: todayIso(now),
    note: '',
    feelings: noFeelings(),
  };
}

export function formFromExchange(ex: Exchange, person: Person | null): LogForm {
  const feelings = noFeelings();
  for (const name of Object.keys(feelings) as FeelingName[]) feelings[name] = ex.feelings[name];
  return {
    personQuery: person?.name ?? '',
    personId: ex.person_id,
    newPerson: false,
    relationship: person?.relationship ?? 'friend',
    direction: ex.direction,
    what: ex.what,
    kind: ex.kind,
    value: ex.value,
    initiative: ex.initiative,
    occurredOn: ex.occurred_on,
    note: ex.note,
    feelings,
  };
}

/** Checks what can be checked without the core; the core checks again and has the last word.
 * `maxWhat` is the core's limit (`text_limits`). */
export function validateForm(form: LogForm, maxWhat = Infinity): FieldErrors {
  const errors: FieldErrors = {};
  const name = form.personQuery.trim();
  if (!form.personId && !form.newPerson) {
    errors.person = name
      ? `No one called “${name}” is in your journal yet. Pick someone from the list, or choose “Add ${name}”.`
      : 'Say who this was with.';
  } else if (form.newPerson && !name) {
    errors.person = 'Give the new person a name.';
  }
  const what = form.what.trim();
  if (!what) errors.what = 'Describe what happened, in a few words.';
  else if ([...what].length > maxWhat) errors.what = `Keep it to ${maxWhat} characters; the note can hold more.`;
  if (!parseIso(form.occurredOn)) errors.date = 'Choose the day it happened.';
  if (!(form.value >= 1 && form.value <= 5)) errors.value = 'Choose a value from 1 to 5.';
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}

export function feelingsFor(form: LogForm): Feelings {
  const out: Feelings = { ...noFeelings() };
  for (const name of FEELINGS_FOR[form.direction]) out[name] = form.feelings[name];
  return out;
}

export function toExchangeInput(form: LogForm, personId: string, base?: Exchange): ExchangeInput {
  return {
    person_id: personId,
    direction: form.direction,
    occurred_on: form.occurredOn,
    occurred_at: base?.occurred_at ?? null,
    kind: form.kind,
    what: form.what.trim(),
    note: form.note.trim(),
    value: form.value,
    initiative: form.initiative,
    sphere: base?.sphere ?? null,
    reciprocates: base?.reciprocates ?? null,
    tags: base?.tags ?? [],
    feelings: feelingsFor(form),
  };
}

/** Which form field a core validation error belongs beside. */
export function fieldOfError(err: ApiError): FormField | null {
  switch (err.field) {
    case 'person_id':
    case 'name':
      return 'person';
    case 'relationship':
      return 'relationship';
    case 'what':
      return 'what';
    case 'kind':
      return 'kind';
    case 'value':
      return 'value';
    case 'occurred_on':
      return 'date';
    case 'note':
      return 'note';
    case 'gratitude':
    case 'indebtedness':
    case 'pressure':
    case 'discomfort':
    case 'warmth':
    case 'drained':
    case 'expectation':
      return err.field;
    default:
      return err.code === 'not_found' ? 'person' : null;
  }
}

/**
 * People whose name matches what was typed: names starting with it first, then names with a
 * word starting with it, then names containing it. Archived people are left out.
 */
export function matchPeople(query: string, people: Person[], limit = 6): Person[] {
  const q = query.trim().toLocaleLowerCase();
  const active = people.filter((p) => !p.archived_at);
  if (!q) return active.slice(0, limit);
  const scored: [number, Person][] = [];
  for (const p of active) {
    const name = p.name.toLocaleLowerCase();
    let score = -1;
    if (name === q) score = 0;
    else if (name.startsWith(q)) score = 1;
    else if (name.split(/\s+/).some((w) => w.startsWith(q))) score = 2;
    else if (name.includes(q)) score = 3;
    if (score >= 0) scored.push([score, p]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].name.localeCompare(b[1].name));
  return scored.slice(0, limit).map(([, p]) => p);
}

/** True when the typed name is exactly someone's name (so "Add …" is not offered). */
export function exactMatch(query: string, people: Person[]): Person | null {
  const q = query.trim().toLocaleLowerCase();
  return people.find((p) => !p.archived_at && p.name.toLocaleLowerCase() === q) ?? null;
}
