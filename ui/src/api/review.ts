// The review screens' calls: the insight report, Home (with its open favours and check-in
// reminder), dismissing and snoozing, the research and the insight settings.
import type { Reference } from '../bindings/Reference';
import type { ReviewPrefs } from '../bindings/ReviewPrefs';
import type { Settings } from '../bindings/Settings';
import { call } from './index';

export const review = {
  report: (now: string) => call('review_report', { now }),
  /** Everything Home shows, the report included, in one call. */
  home: (today: string) => call('home_view', { today }),
  references: () => call('list_references', {}),
  dismiss: (id: string, now: string) => call('dismiss_insight', { id, now }),
  snooze: (id: string, now: string, until: string) => call('snooze_insight', { id, now, until }),
  restore: (id: string) => call('restore_insight', { id }),
  settings: () => call('get_insight_settings', {}),
  defaultSettings: () => call('default_insight_settings', {}),
  saveSettings: (settings: Settings) => call('save_insight_settings', { settings }),
  prefs: () => call('get_review_prefs', {}),
  savePrefs: (prefs: ReviewPrefs) => call('save_review_prefs', { prefs }),
};

let reportCache: { key: string; report: ReturnType<typeof review.report> } | null = null;

/** The report for `now`, computed once per journal revision: switching between Home, People
 * and Patterns reuses it until something in the journal changes. */
export function reportAt(now: string, revision: number): ReturnType<typeof review.report> {
  const key = `${now}|${revision}`;
  if (reportCache?.key !== key) {
    const report = review.report(now);
    reportCache = { key, report };
    report.catch(() => (reportCache = null));
  }
  return reportCache.report;
}

/** Keeps a report that came with another answer (Home's) for `reportAt`. */
export function keepReport(now: string, revision: number, report: Awaited<ReturnType<typeof review.report>>): void {
  reportCache = { key: `${now}|${revision}`, report: Promise.resolve(report) };
}

let referenceCache: Promise<Map<string, Reference>> | null = null;

/** The reference list by key, read once per window. */
export function referencesByKey(): Promise<Map<string, Reference>> {
  referenceCache ??= review.references().then((list) => new Map(list.map((r) => [r.key, r])));
  referenceCache.catch(() => (referenceCache = null));
  return referenceCache;
}
