// Words and small layout helpers for the review screens. The numbers all come from the core's
// report; this file only says them in words and places them on a chart.
import type { AnxietySeries } from '../bindings/AnxietySeries';
import type { BalanceLabel } from '../bindings/BalanceLabel';
import type { Reference } from '../bindings/Reference';
import type { Severity } from '../bindings/Severity';
import { dateFormat, parseIso, isoDate, shortDate } from './dates';

export const BALANCE_WORDS: Record<BalanceLabel, string> = {
  not_enough_yet: 'not enough yet',
  you_give_more: 'you give more',
  they_give_more: 'they give more',
  about_even: 'about even',
};

export const SEVERITY_WORDS: Record<Severity, string> = {
  note: 'A note',
  notice: 'Worth noticing',
  concern: 'Worth a closer look',
};

export const FEELING_WORDS: Record<string, string> = {
  gratitude: 'Grateful',
  indebtedness: 'Indebted',
  pressure: 'Pressured to repay',
  discomfort: 'Uneasy accepting',
  warmth: 'Glad to give',
  drained: 'Drained',
  expectation: 'Expecting a return',
};

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** "Bassett, L. (2019). Title. Journal, 1(2), 3–4." as the core writes it. */
export function citation(r: Reference): string {
  const end = r.title.endsWith('?') ? '' : '.';
  const details = r.details ? `, ${r.details}` : '';
  return `${r.authors} (${r.year}). ${r.title}${end} ${r.source}${details}.`;
}

/** The anxiety index's state in plain words, from the core's trend test. */
export function anxietyState(series: AnxietySeries, now: string): string {
  const t = series.trend;
  if (!t) return 'not enough yet';
  if (!t.growing) return 'steady';
  const today = parseIso(now);
  if (!today) return 'rising';
  const since = new Date(today.getTime());
  since.setDate(since.getDate() - t.span_days);
  return `rising since ${shortDate(isoDate(since), today)}`;
}

/** A date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  const d = parseIso(iso) ?? new Date();
  d.setDate(d.getDate() + days);
  return isoDate(d);
}

/** Days since 1970 for a `YYYY-MM-DD` or `YYYY-MM` (mid-month) date, for chart positions. */
export function dayNumber(iso: string): number {
  const full = iso.length === 7 ? `${iso}-15` : iso;
  const d = parseIso(full);
  return d ? Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000) : 0;
}

/** A linear map from `[d0, d1]` onto `[r0, r1]`; a zero-width domain maps to the middle. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** "March 2026" for a `YYYY-MM` month. */
export function monthName(month: string): string {
  const d = parseIso(`${month}-01`);
  return d ? dateFormat({ month: 'long', year: 'numeric' }).format(d) : month;
}
