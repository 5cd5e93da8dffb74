// Timeline helpers: client-side filtering (used on search results) and grouping by day.
import type { Direction } from '../bindings/Direction';
import type { Exchange } from '../bindings/Exchange';
import type { Kind } from '../bindings/Kind';
import type { Person } from '../bindings/Person';
import type { Sphere } from '../bindings/Sphere';
import { sphereOf } from './labels';

export interface TimelineFilters {
  personId: string;
  direction: Direction | '';
  sphere: Sphere | '';
  kind: Kind | '';
  since: string;
  until: string;
}

export function noFilters(): TimelineFilters {
  return { personId: '', direction: '', sphere: '', kind: '', since: '', until: '' };
}

export function isFiltered(f: TimelineFilters): boolean {
  return Object.values(f).some((v) => v !== '');
}

/** The sphere an exchange counts in: its own override, else its person's relationship. */
export function exchangeSphere(ex: Exchange, people: Map<string, Person>): Sphere | null {
  if (ex.sphere) return ex.sphere;
  const p = people.get(ex.person_id);
  return p ? sphereOf(p.relationship) : null;
}

export function applyFilters(list: Exchange[], f: TimelineFilters, people: Map<string, Person>): Exchange[] {
  return list.filter(
    (ex) =>
      !ex.deleted_at &&
      (!f.personId || ex.person_id === f.personId) &&
      (!f.direction || ex.direction === f.direction) &&
      (!f.kind || ex.kind === f.kind) &&
      (!f.sphere || exchangeSphere(ex, people) === f.sphere) &&
      (!f.since || ex.occurred_on >= f.since) &&
      (!f.until || ex.occurred_on <= f.until),
  );
}

export interface DayGroup {
  day: string;
  items: Exchange[];
}

/** Groups a newest-first list into days, keeping the order. */
export function groupByDay(list: Exchange[]): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const ex of list) {
    const last = groups[groups.length - 1];
    if (last && last.day === ex.occurred_on) last.items.push(ex);
    else groups.push({ day: ex.occurred_on, items: [ex] });
  }
  return groups;
}

/** Newest first: by day, then time of day, then when it was written down. */
export function newestFirst(a: Exchange, b: Exchange): number {
  return (
    b.occurred_on.localeCompare(a.occurred_on) ||
    (b.occurred_at ?? '').localeCompare(a.occurred_at ?? '') ||
    b.created_at.localeCompare(a.created_at)
  );
}
