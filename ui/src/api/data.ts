// Settings → Data's calls: export, import and backups. Files are chosen in the native
// dialog, which the shell runs: the window gets back an opaque token and the file's name,
// and the export, import and restore commands take the token, never a path.
import type { FilePurpose } from '../bindings/FilePurpose';
import type { ImportFormat } from '../bindings/ImportFormat';
import type { Relationship } from '../bindings/Relationship';
import { call } from './index';

export const data = {
  /** Opens the native dialog for `purpose`; `null` when the person cancels. */
  chooseFile: (purpose: FilePurpose) => call('choose_file', { purpose }),
  exportJson: (file: string) => call('export_json', { file }),
  exportCsv: (file: string) => call('export_csv', { file }),
  /** The format the file suggests (or `format`, when the person picked one) and, for
   * Daylio, the mood labels that need a place before importing. */
  inspectImport: (file: string, format: ImportFormat | null = null) => call('inspect_import', { file, format }),
  /** `moods` are `label=N` mappings for Daylio labels that are not its defaults. */
  importFile: (file: string, format: ImportFormat, relationship: Relationship | null, moods: string[]) =>
    call('import_file', { file, format, relationship, moods }),
  listBackups: () => call('list_backups', {}),
  makeBackup: () => call('make_backup', {}),
  /** `file` is a token from `chooseFile('restore')` or a listed backup's path; `passphrase`
   * opens a backup protected by another passphrase than the journal's. */
  restoreBackup: (file: string, passphrase: string | null = null) =>
    call('restore_backup', { file, passphrase }),
};
