// The desktop app's calls: its choices in Settings (tray, global shortcut, start at login),
// the request waiting for the window (the quick log from a second launch, the tray or the
// shortcut), and the weekly note of open favours with each favour's "later" or "no need".
import type { DesktopPrefs } from '../bindings/DesktopPrefs';
import type { LoopReminderPrefs } from '../bindings/LoopReminderPrefs';
import { call } from './index';

export const desktop = {
  status: () => call('desktop_status', {}),
  savePrefs: (prefs: DesktopPrefs) => call('save_desktop_prefs', { prefs }),
  takeRequest: () => call('take_desktop_request', {}),
  loopReminders: (today: string) => call('get_loop_reminders', { today }),
  saveLoopReminderPrefs: (prefs: LoopReminderPrefs, today: string) =>
    call('save_loop_reminder_prefs', { prefs, today }),
  /** "Remind me later" (two weeks), "no need", or neither to be reminded again. */
  chooseLoopReminder: (exchange_id: string, later: boolean, no_need: boolean, today: string) =>
    call('choose_loop_reminder', { exchange_id, later, no_need, today }),
};
