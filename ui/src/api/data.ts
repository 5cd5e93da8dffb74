// Settings → Data's calls to the shell: export, import and backups, and the native open and
// save dialogs that choose the files. The dialog runs here in the UI; the chosen path goes to
// the command as an argument.
import { invoke } from '@tauri-apps/api/core';
import { open, save } from '@tauri-apps/plugin-dialog';
import type { Backup } from '../bindings/Backup';
import type { ImportFormat } from '../bindings/ImportFormat';
import type { ImportSummary } from '../bindings/ImportSummary';
import type { Relationship } from '../bindings/Relationship';
import type { ExportCounts } from '../bindings/shell/ExportCounts';
import { toApiError } from './index';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toApiError(e);
  }
}

declare global {
  interface Window {
    /**
     * End-to-end tests only: a native dialog cannot be driven through WebDriver, so a test
     * puts the paths the dialogs would return here, and each pick takes the next one instead
     * of opening a dialog. Nothing in the app sets it.
     */
    __RECIPROCITY_TEST_PATHS__?: string[];
  }
}

function suppliedPath(): string | undefined {
  return typeof window === 'undefined' ? undefined : window.__RECIPROCITY_TEST_PATHS__?.shift();
}

export type DialogFilter = { name: string; extensions: string[] };

/** Asks where to save; `null` when the person cancels. */
export async function pickSavePath(title: string, defaultPath: string, filters: DialogFilter[]): Promise<string | null> {
  const supplied = suppliedPath();
  if (supplied !== undefined) return supplied;
  try {
    return await save({ title, defaultPath, filters, canCreateDirectories: true });
  } catch (e) {
    throw toApiError(e);
  }
}

/** Asks for one file to open; `null` when the person cancels. */
export async function pickOpenPath(title: string, filters: DialogFilter[]): Promise<string | null> {
  const supplied = suppliedPath();
  if (supplied !== undefined) return supplied;
  try {
    const chosen = await open({ title, filters, multiple: false, directory: false });
    return typeof chosen === 'string' ? chosen : null;
  } catch (e) {
    throw toApiError(e);
  }
}

export const data = {
  exportJson: (path: string) => call<ExportCounts>('export_json', { path }),
  exportCsv: (path: string) => call<ExportCounts>('export_csv', { path }),
  detectFormat: (path: string) => call<ImportFormat | null>('detect_import_format', { path }),
  daylioUnknownMoods: (path: string) => call<string[]>('daylio_unknown_moods', { path }),
  /** `moods` are `label=N` mappings for Daylio labels that are not its defaults. */
  importFile: (path: string, format: ImportFormat, relationship: Relationship | null, moods: string[]) =>
    call<ImportSummary>('import_file', { path, format, relationship, moods }),
  listBackups: () => call<Backup[]>('list_backups'),
  makeBackup: () => call<Backup>('make_backup'),
  restoreBackup: (path: string) => call<Backup>('restore_backup', { path }),
};
