import { describe, expect, it } from 'vitest';
import type { Exchange } from '../bindings/Exchange';
import type { Person } from '../bindings/Person';
import {
  emptyForm,
  exactMatch,
  fieldOfError,
  formFromExchange,
  hasErrors,
  matchPeople,
  toExchangeInput,
  validateForm,
} from './quicklog';

const person = (name: string, extra: Partial<Person> = {}): Person => ({
  id: `id-${name}`,
  name,
  relationship: 'friend',
  notes: '',
  archived_at: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  ...extra,
});

const people = [person('Sam Rivera'), person('Samira Khan'), person('Ada Okafor'), person('Old Friend', { archived_at: '2026-02-01T00:00:00Z' }), person('Lisa Sampson')];

describe('matchPeople', () => {
  it('puts names starting with the text first, then word starts, then anywhere', () => {
    expect(matchPeople('sam', people).map((p) => p.name)).toEqual(['Sam Rivera', 'Samira Khan', 'Lisa Sampson']);
    expect(matchPeople('oka', people).map((p) => p.name)).toEqual(['Ada Okafor']);
    expect(matchPeople('kafo', people).map((p) => p.name)).toEqual(['Ada Okafor']);
  });

  it('leaves archived people out', () => {
    expect(matchPeople('old', people)).toEqual([]);
    expect(exactMatch('old friend', people)).toBeNull();
  });

  it('finds an exact name whatever the case', () => {
    expect(exactMatch('  sam rivera ', people)?.id).toBe('id-Sam Rivera');
    expect(exactMatch('sam', people)).toBeNull();
  });
});

describe('validateForm', () => {
  const now = new Date(2026, 2, 14);

  it('asks who and what on an empty form', () => {
    const errors = validateForm(emptyForm(now));
    expect(errors.person).toBe('Say who this was with.');
    expect(errors.what).toMatch(/Describe what happened/);
    expect(hasErrors(errors)).toBe(true);
  });

  it('names an unknown person and offers to add them', () => {
    const form = { ...emptyForm(now), personQuery: 'Nobody', what: 'x' };
    expect(validateForm(form).person).toMatch(/No one called “Nobody”.*Add Nobody/);
  });

  it('accepts a picked person or a new one with a name', () => {
    expect(hasErrors(validateForm({ ...emptyForm(now, people[0]), what: 'lent a drill' }))).toBe(false);
    expect(hasErrors(validateForm({ ...emptyForm(now), personQuery: 'Kim', newPerson: true, what: 'tea' }))).toBe(false);
  });

  it('refuses a blank-only what and an impossible date', () => {
    const form = { ...emptyForm(now, people[0]), what: '   ', occurredOn: '2026-02-30' };
    const errors = validateForm(form);
    expect(errors.what).toBeDefined();
    expect(errors.date).toBeDefined();
  });

  it('defaults the day to today', () => {
    expect(emptyForm(now).occurredOn).toBe('2026-03-14');
  });
});

describe('toExchangeInput', () => {
  it('keeps only the feelings that fit the direction and trims text', () => {
    const form = { ...emptyForm(new Date(2026, 0, 5), people[0]), what: '  helped move  ', direction: 'given' as const };
    form.feelings.warmth = 3;
    form.feelings.gratitude = 4; // left over from when it was "received"
    const input = toExchangeInput(form, 'p1');
    expect(input.what).toBe('helped move');
    expect(input.feelings.warmth).toBe(3);
    expect(input.feelings.gratitude).toBeNull();
    expect(input.person_id).toBe('p1');
    expect(input.occurred_on).toBe('2026-01-05');
  });

  it('round-trips an existing exchange, keeping what the form does not show', () => {
    const ex: Exchange = {
      id: 'e1',
      person_id: 'id-Sam Rivera',
      direction: 'received',
      occurred_on: '2026-01-02',
      occurred_at: '09:30:00',
      kind: 'gift',
      what: 'a scarf',
      note: 'hand knitted',
      value: 4,
      initiative: 'unsolicited',
      sphere: 'workplace',
      reciprocates: null,
      settlement: 'open',
      settled_on: null,
      tags: ['winter'],
      feelings: { gratitude: 4, indebtedness: 2, pressure: null, discomfort: null, warmth: null, drained: null, expectation: null },
      created_at: '2026-01-02T10:00:00Z',
      updated_at: '2026-01-02T10:00:00Z',
      deleted_at: null,
    };
    const form = formFromExchange(ex, people[0]);
    expect(form.personQuery).toBe('Sam Rivera');
    const input = toExchangeInput(form, ex.person_id, ex);
    expect(input).toMatchObject({ kind: 'gift', value: 4, initiative: 'unsolicited', sphere: 'workplace', tags: ['winter'], occurred_at: '09:30:00' });
    expect(input.feelings).toEqual(ex.feelings);
  });
});

describe('fieldOfError', () => {
  it('maps the core’s field names to the form’s', () => {
    expect(fieldOfError({ code: 'invalid', message: 'm', field: 'what' })).toBe('what');
    expect(fieldOfError({ code: 'invalid', message: 'm', field: 'occurred_on' })).toBe('date');
    expect(fieldOfError({ code: 'invalid', message: 'm', field: 'person_id' })).toBe('person');
    expect(fieldOfError({ code: 'invalid', message: 'm', field: 'pressure' })).toBe('pressure');
    expect(fieldOfError({ code: 'not_found', message: 'no person', field: null })).toBe('person');
    expect(fieldOfError({ code: 'storage', message: 'disk full', field: null })).toBeNull();
  });
});
