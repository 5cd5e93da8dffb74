import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { data, pickOpenPath, pickSavePath } from './data';

afterEach(() => {
  clearMocks();
  delete window.__RECIPROCITY_TEST_PATHS__;
});

describe('data api', () => {
  it('sends the commands’ snake_case arguments', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    await data.importFile('/tmp/moods.csv', 'daylio', null, ['so-so=0']);
    await data.restoreBackup('/tmp/b.sqlite3');
    expect(calls).toEqual([
      ['import_file', { path: '/tmp/moods.csv', format: 'daylio', relationship: null, moods: ['so-so=0'] }],
      ['restore_backup', { path: '/tmp/b.sqlite3' }],
    ]);
  });

  it('asks the native dialog for a path, and a cancel is null', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return cmd === 'plugin:dialog|save' ? '/home/sam/out.json' : null;
    });
    expect(await pickSavePath('Export', 'out.json', [])).toBe('/home/sam/out.json');
    expect(await pickOpenPath('Import', [])).toBeNull();
    expect(calls).toEqual(['plugin:dialog|save', 'plugin:dialog|open']);
  });

  it('takes a test’s supplied path instead of the dialog', async () => {
    mockIPC(() => {
      throw new Error('no dialog expected');
    });
    window.__RECIPROCITY_TEST_PATHS__ = ['/tmp/a.json', '/tmp/b.json'];
    expect(await pickSavePath('Export', 'x.json', [])).toBe('/tmp/a.json');
    expect(await pickOpenPath('Import', [])).toBe('/tmp/b.json');
  });
});
