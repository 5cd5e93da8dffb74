// The review screens' calls to the shell: the insight report, dismissing and snoozing, the
// research, the insight settings and the check-in reminder.
import { invoke } from '@tauri-apps/api/core';
import type { CheckinReminder } from '../bindings/shell/CheckinReminder';
import type { FeelingMean } from '../bindings/shell/FeelingMean';
import type { Reference } from '../bindings/Reference';
import type { Report } from '../bindings/Report';
import type { ReviewPrefs } from '../bindings/shell/ReviewPrefs';
import type { Settings } from '../bindings/Settings';
import { toApiError } from './index';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toApiError(e);
  }
}

export const review = {
  report: (now: string) => call<Report>('review_report', { now }),
  references: () => call<Reference[]>('list_references'),
  dismiss: (id: string, now: string) => call<void>('dismiss_insight', { id, now }),
  snooze: (id: string, now: string, until: string) => call<void>('snooze_insight', { id, now, until }),
  restore: (id: string) => call<boolean>('restore_insight', { id }),
  settings: () => call<Settings>('get_insight_settings'),
  defaultSettings: () => call<Settings>('default_insight_settings'),
  saveSettings: (settings: Settings) => call<Settings>('save_insight_settings', { settings }),
  prefs: () => call<ReviewPrefs>('get_review_prefs'),
  savePrefs: (prefs: ReviewPrefs) => call<ReviewPrefs>('save_review_prefs', { prefs }),
  checkinReminder: (today: string) => call<CheckinReminder>('checkin_reminder', { today }),
  personFeelings: (person_id: string) => call<FeelingMean[]>('person_feelings', { person_id }),
};

let referenceCache: Promise<Map<string, Reference>> | null = null;

/** The reference list by key, read once per window. */
export function referencesByKey(): Promise<Map<string, Reference>> {
  referenceCache ??= review.references().then((list) => new Map(list.map((r) => [r.key, r])));
  referenceCache.catch(() => (referenceCache = null));
  return referenceCache;
}
