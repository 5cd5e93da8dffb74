// When the window syncs through the chosen folder: when the journal opens, when the window
// comes back into focus, a few seconds after a change (so a burst of edits travels as one
// file), every few minutes, and when asked. One sync at a time: one asked for while another
// runs happens right after it. Without a folder nothing runs.
import { toApiError } from '../api';
import type { SyncReport } from '../bindings/SyncReport';
import type { SyncStatus } from '../bindings/SyncStatus';

export const AFTER_CHANGE_MS = 4_000;
export const EVERY_MS = 5 * 60_000;
/** Focus comes and goes often; a sync this recent is fresh enough. */
export const FRESH_MS = 15_000;

export interface SyncHooks {
  syncNow: () => Promise<SyncReport>;
  status: () => Promise<SyncStatus>;
  /** After every sync that worked: the screens reload when it brought rows. */
  synced: (report: SyncReport) => Promise<void> | void;
  now?: () => number;
}

export class FolderSync {
  status = $state<SyncStatus | null>(null);
  running = $state(false);
  lastError = $state<string | null>(null);
  lastReport = $state<SyncReport | null>(null);
  lastSyncedAt = $state<number | null>(null);
  private soonTimer: ReturnType<typeof setTimeout> | undefined;
  private everyTimer: ReturnType<typeof setInterval> | undefined;
  private again = false;
  private active = false;

  constructor(private hooks: SyncHooks) {}

  private now(): number {
    return this.hooks.now ? this.hooks.now() : Date.now();
  }

  /** For a journal that just opened: syncs now, then every few minutes. */
  async start(): Promise<void> {
    this.stop();
    this.active = true;
    this.everyTimer = setInterval(() => void this.run(), EVERY_MS);
    await this.refresh();
    await this.run();
  }

  /** The journal closed (locked, or the sample opened): no more syncs, no status. */
  stop(): void {
    this.active = false;
    clearTimeout(this.soonTimer);
    clearInterval(this.everyTimer);
    this.status = null;
    this.lastReport = null;
    this.lastError = null;
    this.lastSyncedAt = null;
  }

  async refresh(): Promise<void> {
    if (!this.active) return;
    try {
      this.status = await this.hooks.status();
    } catch (e) {
      this.lastError = toApiError(e).message;
    }
  }

  /** After a change in this window. */
  soon(): void {
    if (!this.status?.folder) return;
    clearTimeout(this.soonTimer);
    this.soonTimer = setTimeout(() => void this.run(), AFTER_CHANGE_MS);
  }

  /** On focus: syncs unless it did a moment ago. */
  async refreshIfStale(): Promise<void> {
    if (this.lastSyncedAt !== null && this.now() - this.lastSyncedAt < FRESH_MS) return;
    await this.run();
  }

  /** Syncs now; `null` when there is no folder, it failed (see `lastError`), or another
   * sync was running (this one then follows it). */
  async run(): Promise<SyncReport | null> {
    if (!this.active || !this.status?.folder) return null;
    if (this.running) {
      this.again = true;
      return null;
    }
    clearTimeout(this.soonTimer);
    this.running = true;
    let report: SyncReport | null = null;
    try {
      report = await this.hooks.syncNow();
      this.lastReport = report;
      this.lastError = null;
      this.lastSyncedAt = this.now();
      await this.hooks.synced(report);
    } catch (e) {
      this.lastError = toApiError(e).message;
    } finally {
      this.running = false;
    }
    await this.refresh();
    if (this.again) {
      this.again = false;
      void this.run();
    }
    return report;
  }
}
