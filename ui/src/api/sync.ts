// Settings → Sync's calls and the conflicts screen's. The folder is chosen in the native
// dialog the shell runs; the window names it by the token it gets back, never by a path.
import type { ConflictChoice } from '../bindings/ConflictChoice';
import { call } from './index';

export const folderSync = {
  status: () => call('sync_status', {}),
  /** Opens the native folder dialog; `null` when the person cancels. */
  chooseFolder: () => call('choose_file', { purpose: 'sync_folder' }),
  useFolder: (file: string) => call('set_sync_folder', { file }),
  stop: () => call('stop_sync', {}),
  setDeviceName: (name: string) => call('set_device_name', { name }),
  /** Writes this device's changes to the folder and merges the other devices' files. */
  syncNow: () => call('sync_now', {}),
  listConflicts: () => call('list_conflicts', {}),
  resolveConflict: (id: number, keep: ConflictChoice) => call('resolve_conflict', { id, keep }),
};
