// The passphrase and the lock: unlocking a protected journal, protecting it, changing or
// removing its passphrase, and the idle lock's preference.
import { call } from './index';

export const privacy = {
  unlock: (passphrase: string, remember: boolean) => call('unlock', { passphrase, remember }),
  lock: () => call('lock', {}),
  /** `current` is `null` for a plain journal; `next` is `null` to remove the passphrase. */
  setPassphrase: (current: string | null, next: string | null, remember: boolean) =>
    call('set_passphrase', { current, new: next, remember }),
  getLockPrefs: () => call('get_lock_prefs', {}),
  saveLockPrefs: (after_minutes: number | null) => call('save_lock_prefs', { after_minutes }),
};
