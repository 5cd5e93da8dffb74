import { describe, expect, it } from 'vitest';
import type { Entry } from '../bindings/Entry';
import { dayHeading, daysAgo, parseIso, shortDate } from './dates';
import { shortcutFor } from './keys';
import { applyFilters, groupByDay, newestFirst, noFilters, withSaved } from './timeline';

const ex = (id: string, day: string, extra: Partial<Entry> = {}): Entry => ({
  id,
  person_id: 'p1',
  direction: 'given',
  occurred_on: day,
  occurred_at: null,
  kind: 'favour',
  what: id,
  note: '',
  value: 3,
  initiative: null,
  sphere: null,
  reciprocates: null,
  settlement: null,
  settled_on: null,
  tags: [],
  feelings: { gratitude: null, indebtedness: null, pressure: null, discomfort: null, warmth: null, drained: null, expectation: null },
  created_at: `${day}T12:00:00Z`,
  updated_at: `${day}T12:00:00Z`,
  deleted_at: null,
  person_name: 'Sam',
  effective_sphere: extra.sphere ?? 'personal',
  can_settle: false,
  ...extra,
});

describe('timeline', () => {
  it('groups a newest-first list by day', () => {
    const groups = groupByDay([ex('a', '2026-03-02'), ex('b', '2026-03-02'), ex('c', '2026-03-01')]);
    expect(groups.map((g) => [g.day, g.items.map((e) => e.id)])).toEqual([
      ['2026-03-02', ['a', 'b']],
      ['2026-03-01', ['c']],
    ]);
  });

  it('sorts newest first by day, then time of day', () => {
    const list = [ex('old', '2026-01-01'), ex('late', '2026-02-01', { occurred_at: '20:00:00' }), ex('early', '2026-02-01', { occurred_at: '08:00:00' })];
    expect(list.sort(newestFirst).map((e) => e.id)).toEqual(['late', 'early', 'old']);
  });

  it('filters search results by direction, sphere and dates', () => {
    const list = [
      ex('mine', '2026-03-01'),
      ex('work', '2026-03-05', { person_id: 'p2', direction: 'received', effective_sphere: 'workplace' }),
      ex('override', '2026-03-07', { sphere: 'workplace' }),
      ex('gone', '2026-03-07', { deleted_at: '2026-03-08T00:00:00Z' }),
    ];
    const f = noFilters();
    expect(applyFilters(list, f).map((e) => e.id)).toEqual(['mine', 'work', 'override']);
    expect(applyFilters(list, { ...f, sphere: 'workplace' }).map((e) => e.id)).toEqual(['work', 'override']);
    expect(applyFilters(list, { ...f, direction: 'received' }).map((e) => e.id)).toEqual(['work']);
    expect(applyFilters(list, { ...f, since: '2026-03-02', until: '2026-03-06' }).map((e) => e.id)).toEqual(['work']);
  });
});

describe('dates', () => {
  const now = new Date(2026, 2, 14, 9);
  it('says today and yesterday, then the date', () => {
    expect(dayHeading('2026-03-14', now)).toBe('Today');
    expect(dayHeading('2026-03-13', now)).toBe('Yesterday');
    expect(dayHeading('2026-03-03', now)).toBe('Tuesday 3 March');
    expect(dayHeading('2025-12-24', now)).toBe('24 December 2025');
    expect(shortDate('2026-03-03', now)).toBe('3 Mar');
    expect(daysAgo('2026-03-04', now)).toBe(10);
  });
  it('rejects impossible dates', () => {
    expect(parseIso('2026-02-29')).toBeNull();
    expect(parseIso('14/03/2026')).toBeNull();
  });
});

describe('the log shortcut', () => {
  const input = document.createElement('input');
  const radio = document.createElement('input');
  radio.type = 'radio';
  const key = (k: string, target: EventTarget | null, ctrlKey = false) =>
    shortcutFor({ key: k, ctrlKey, metaKey: false, altKey: false, target });

  it('opens with L outside text fields, and Ctrl+L anywhere', () => {
    expect(key('l', document.body)).toBe('log');
    expect(key('L', radio)).toBe('log');
    expect(key('l', input)).toBeNull();
    expect(key('l', input, true)).toBe('log');
    expect(key('k', document.body)).toBeNull();
  });
});

describe('a saved entry on the timeline', () => {
  const list = [ex('c', '2026-03-05'), ex('b', '2026-03-03'), ex('a', '2026-03-01')];

  it('shows a new entry in its place by day at once', () => {
    expect(withSaved(list, ex('new', '2026-03-04'), false).map((e) => e.id)).toEqual(['c', 'new', 'b', 'a']);
    expect(withSaved(list, ex('new', '2026-03-09'), false).map((e) => e.id)).toEqual(['new', 'c', 'b', 'a']);
  });

  it('moves an edited entry to its new day, shown once', () => {
    const edited = { ...list[0], occurred_on: '2026-03-02', what: 'edited' };
    const shown = withSaved(list, edited, false);
    expect(shown.map((e) => e.id)).toEqual(['b', 'c', 'a']);
    expect(shown[1].what).toBe('edited');
  });

  it('leaves an entry older than every shown one to the next page while more remain', () => {
    expect(withSaved(list, ex('old', '2020-01-01'), true).map((e) => e.id)).toEqual(['c', 'b', 'a']);
    expect(withSaved(list, ex('old', '2020-01-01'), false).map((e) => e.id)).toEqual(['c', 'b', 'a', 'old']);
  });
});
