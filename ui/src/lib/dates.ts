// Dates cross IPC as `YYYY-MM-DD` text in the user's local calendar.

export function isoDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function todayIso(now: Date = new Date()): string {
  return isoDate(now);
}

export function parseIso(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return isoDate(d) === iso ? d : null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const formats = new Map<string, Intl.DateTimeFormat>();

/** One en-GB formatter per set of options, made once: making one costs about half a
 * millisecond in the window's engine, and a screen of dates would make hundreds. */
export function dateFormat(opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(opts);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', opts);
    formats.set(key, format);
  }
  return format;
}

/** Orders `YYYY-MM-DD` (or any ISO) text: code-unit order is date order, no locale needed. */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from `iso` to `today` (positive when `iso` is in the past). */
export function daysAgo(iso: string, now: Date = new Date()): number {
  const d = parseIso(iso);
  const t = parseIso(todayIso(now));
  if (!d || !t) return 0;
  return Math.round((t.getTime() - d.getTime()) / DAY_MS);
}

/** "Today", "Yesterday", "Tuesday 3 March" or, in another year, "3 March 2025". */
export function dayHeading(iso: string, now: Date = new Date()): string {
  const d = parseIso(iso);
  if (!d) return iso;
  const ago = daysAgo(iso, now);
  if (ago === 0) return 'Today';
  if (ago === 1) return 'Yesterday';
  const sameYear = d.getFullYear() === now.getFullYear();
  const opts: Intl.DateTimeFormatOptions = sameYear
    ? { weekday: 'long', day: 'numeric', month: 'long' }
    : { day: 'numeric', month: 'long', year: 'numeric' };
  return dateFormat(opts).format(d);
}

/** A short date for lists: "3 Mar", or "3 Mar 2025" in another year. */
export function shortDate(iso: string | null, now: Date = new Date()): string {
  if (!iso) return '';
  const d = parseIso(iso);
  if (!d) return iso;
  const opts: Intl.DateTimeFormatOptions =
    d.getFullYear() === now.getFullYear()
      ? { day: 'numeric', month: 'short' }
      : { day: 'numeric', month: 'short', year: 'numeric' };
  return dateFormat(opts).format(d);
}
