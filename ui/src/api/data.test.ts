import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { data } from './data';

afterEach(() => clearMocks());

describe('data api', () => {
  it('names files by the token the dialog handed out, never by a path', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return cmd === 'choose_file' ? { token: 't1', name: 'moods.csv', path: '/tmp/moods.csv' } : null;
    });
    const chosen = await data.chooseFile('import');
    await data.importFile(chosen!.token, 'daylio', null, ['so-so=0']);
    await data.restoreBackup('t2');
    expect(calls).toEqual([
      ['choose_file', { purpose: 'import' }],
      ['import_file', { file: 't1', format: 'daylio', relationship: null, moods: ['so-so=0'] }],
      ['restore_backup', { file: 't2', passphrase: null }],
    ]);
  });

  it('a cancelled dialog is null', async () => {
    mockIPC(() => null);
    expect(await data.chooseFile('export_json')).toBeNull();
  });
});
