// Timeline helpers: client-side filtering (used on search results) and grouping by day.
import type { Direction } from '../bindings/Direction';
import type { Entry } from '../bindings/Entry';
import type { Exchange } from '../bindings/Exchange';
import type { Kind } from '../bindings/Kind';
import type { Sphere } from '../bindings/Sphere';
import { compareIso } from './dates';

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

/** Narrows search results the way the timeline's filters narrow a listing; the sphere is the
 * core's `effective_sphere`. */
export function applyFilters(list: Entry[], f: TimelineFilters): Entry[] {
  return list.filter(
    (ex) =>
      !ex.deleted_at &&
      (!f.personId || ex.person_id === f.personId) &&
      (!f.direction || ex.direction === f.direction) &&
      (!f.kind || ex.kind === f.kind) &&
      (!f.sphere || ex.effective_sphere === f.sphere) &&
      (!f.since || ex.occurred_on >= f.since) &&
      (!f.until || ex.occurred_on <= f.until),
  );
}

/** `list` (newest first) with `saved` in its place, replacing an older copy of it: the
 * timeline shows a saved entry at once, before its reload answers. An entry that would sort
 * after the last one shown, while more are still to load, is left for the reload to place. */
export function withSaved(list: Entry[], saved: Entry, more: boolean): Entry[] {
  const rest = list.filter((e) => e.id !== saved.id);
  const at = rest.findIndex((e) => newestFirst(saved, e) <= 0);
  if (at === -1) return more ? rest : [...rest, saved];
  return [...rest.slice(0, at), saved, ...rest.slice(at)];
}

export interface DayGroup {
  day: string;
  items: Entry[];
}

/** Groups a newest-first list into days, keeping the order. */
export function groupByDay(list: Entry[]): DayGroup[] {
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
    compareIso(b.occurred_on, a.occurred_on) ||
    compareIso(b.occurred_at ?? '', a.occurred_at ?? '') ||
    compareIso(b.created_at, a.created_at)
  );
}
