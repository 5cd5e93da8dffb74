import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { app } from './app.svelte';

/** A window on an open journal, on People, with `waiting` as the shell's request. */
function windowWith(waiting: string | null): string[] {
  const calls: string[] = [];
  mockIPC((cmd) => {
    calls.push(cmd);
    if (cmd === 'take_desktop_request') {
      const answer = waiting;
      waiting = null;
      return answer;
    }
    return null;
  });
  app.status = { path: '/tmp/j.sqlite3', error: null, empty: false, sample: false, sample_available: true, notice: null, protected: false };
  app.screen = { name: 'people' };
  app.log = null;
  return calls;
}

beforeEach(() => {
  app.welcomeDone = false;
});
afterEach(() => clearMocks());

describe('a request from outside the window', () => {
  it('opens the quick log over the screen that was showing', async () => {
    windowWith('quick_log');
    await app.takeDesktopRequest();
    expect(app.log).not.toBeNull();
    expect(app.screen).toEqual({ name: 'people' });
    expect(app.welcomeDone).toBe(true);
  });

  it('is taken once: coming back to the window later changes nothing more', async () => {
    windowWith('open_loops');
    await app.takeDesktopRequest();
    expect(app.screen).toEqual({ name: 'loops' });
    app.screen = { name: 'timeline' };
    await app.takeDesktopRequest();
    expect(app.screen).toEqual({ name: 'timeline' });
  });

  it('opens the check-in from the tray', async () => {
    windowWith('check_in');
    await app.takeDesktopRequest();
    expect(app.screen).toEqual({ name: 'checkin' });
    expect(app.log).toBeNull();
  });

  it('is not asked for while the journal cannot be opened', async () => {
    const calls = windowWith('quick_log');
    app.status = { path: '/tmp/j.sqlite3', error: { code: 'not_a_journal', message: 'no', field: null }, empty: false, sample: false, sample_available: true, notice: null, protected: false };
    await app.takeDesktopRequest();
    expect(calls).toEqual([]);
    expect(app.log).toBeNull();
  });
});
