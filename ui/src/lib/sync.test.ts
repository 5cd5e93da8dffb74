import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncReport } from '../bindings/SyncReport';
import type { SyncStatus } from '../bindings/SyncStatus';
import { AFTER_CHANGE_MS, EVERY_MS, FRESH_MS, FolderSync } from './sync.svelte';

function statusWith(folder: string | null): SyncStatus {
  return {
    folder, device: 'a1', device_name: 'Laptop', devices: [], unsent: 0, unread: 0, conflicts: 0,
    problems: [], plain_text_warning: null,
  };
}

function report(rows_taken = 0): SyncReport {
  return {
    device: 'a1', written: null, rows_written: 0, files_read: 0, rows_taken, conflicts_found: 0,
    waiting: 0, problems: [], pruned: 0, plain: false,
  };
}

function setUp(folder: string | null = '/shared') {
  let clock = 0;
  const calls = { sync: 0, synced: [] as SyncReport[] };
  let next: () => Promise<SyncReport> = async () => report();
  const sync = new FolderSync({
    syncNow: () => {
      calls.sync += 1;
      return next();
    },
    status: async () => statusWith(folder),
    synced: (r) => {
      calls.synced.push(r);
    },
    now: () => clock,
  });
  return {
    sync,
    calls,
    advance: async (ms: number) => {
      clock += ms;
      await vi.advanceTimersByTimeAsync(ms);
    },
    willAnswer: (f: () => Promise<SyncReport>) => (next = f),
  };
}

describe('FolderSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('syncs when the journal opens and every few minutes after', async () => {
    const t = setUp();
    await t.sync.start();
    expect(t.calls.sync).toBe(1);
    await t.advance(EVERY_MS);
    expect(t.calls.sync).toBe(2);
    t.sync.stop();
    await t.advance(EVERY_MS * 3);
    expect(t.calls.sync).toBe(2);
  });

  it('never syncs without a folder', async () => {
    const t = setUp(null);
    await t.sync.start();
    t.sync.soon();
    await t.sync.run();
    await t.advance(EVERY_MS);
    expect(t.calls.sync).toBe(0);
  });

  it('sends a burst of changes as one sync a few seconds after the last', async () => {
    const t = setUp();
    await t.sync.start();
    for (let i = 0; i < 5; i++) {
      t.sync.soon();
      await t.advance(AFTER_CHANGE_MS / 2);
    }
    expect(t.calls.sync).toBe(1);
    await t.advance(AFTER_CHANGE_MS);
    expect(t.calls.sync).toBe(2);
  });

  it('skips a focus sync right after another but not a while later', async () => {
    const t = setUp();
    await t.sync.start();
    await t.sync.refreshIfStale();
    expect(t.calls.sync).toBe(1);
    await t.advance(FRESH_MS);
    await t.sync.refreshIfStale();
    expect(t.calls.sync).toBe(2);
  });

  it('runs a sync asked for during another once that one ends', async () => {
    const t = setUp();
    await t.sync.start();
    let finish: (r: SyncReport) => void = () => {};
    t.willAnswer(() => new Promise((resolve) => (finish = resolve)));
    const first = t.sync.run();
    expect(await t.sync.run()).toBeNull();
    expect(t.calls.sync).toBe(2);
    t.willAnswer(async () => report(3));
    finish(report());
    await first;
    await vi.advanceTimersByTimeAsync(1);
    expect(t.calls.sync).toBe(3);
    expect(t.calls.synced.map((r) => r.rows_taken)).toEqual([0, 0, 3]);
  });

  it('keeps the reason a sync failed and clears it when one works', async () => {
    const t = setUp();
    await t.sync.start();
    t.willAnswer(async () => {
      throw { code: 'io', message: 'the folder is not there', field: null };
    });
    expect(await t.sync.run()).toBeNull();
    expect(t.sync.lastError).toBe('the folder is not there');
    t.willAnswer(async () => report());
    await t.sync.run();
    expect(t.sync.lastError).toBeNull();
  });
});
