// Application state shared by the screens: where we are, who is in the journal, and a revision
// counter that screens watch to reload after any change (ours, or the CLI's seen on focus).
import { tick } from 'svelte';
import { api, toApiError, type ApiError } from '../api';
import { desktop } from '../api/desktop';
import { privacy } from '../api/privacy';
import { review } from '../api/review';
import { folderSync } from '../api/sync';
import type { SyncReport } from '../bindings/SyncReport';
import type { AskEntry } from '../bindings/AskEntry';
import type { Entry } from '../bindings/Entry';
import type { Exchange } from '../bindings/Exchange';
import type { HomeView } from '../bindings/HomeView';
import type { JournalStatus } from '../bindings/JournalStatus';
import type { TextLimits } from '../bindings/TextLimits';
import type { Person } from '../bindings/Person';
import { todayIso } from './dates';
import { FolderSync } from './sync.svelte';

export type Screen =
  | { name: 'home' }
  | { name: 'timeline' }
  | { name: 'people' }
  | { name: 'person'; id: string }
  | { name: 'loops' }
  | { name: 'patterns' }
  | { name: 'checkin' }
  | { name: 'conflicts' }
  | { name: 'settings' };

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => Promise<void> | void };
}

export interface LogRequest {
  editing: Exchange | null;
  person: Person | null;
  /** "Done it" on an agreed ask: log what answers it. */
  fulfils: AskEntry | null;
}

class AppState {
  status = $state<JournalStatus | null>(null);
  /** The core's text limits, shown in hints and checked before saving. */
  limits = $state<TextLimits | null>(null);
  loadError = $state<ApiError | null>(null);
  /** Minutes without activity before a protected journal locks itself; `null` for never. */
  lockAfter = $state<number | null>(null);
  welcomeDone = $state(false);
  people = $state<Person[]>([]);
  revision = $state(0);
  /** The entry a write saved, with the revision it brought: the timeline places it at once,
   * before its reload answers. */
  saved = $state.raw<{ entry: Entry; revision: number } | null>(null);
  screen = $state<Screen>({ name: 'home' });
  log = $state<LogRequest | null>(null);
  toast = $state<Toast | null>(null);
  private lastVersion: number | null = null;
  /** Home's answer, asked for with the journal's status: Home is the first screen. */
  private firstHome: { key: string; answer: Promise<HomeView> } | null = null;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private toastSeq = 0;

  personById = $derived(new Map(this.people.map((p) => [p.id, p])));

  /** Sync through the chosen folder (see lib/sync.svelte.ts). */
  sync = new FolderSync({
    syncNow: () => folderSync.syncNow(),
    status: () => folderSync.status(),
    synced: (report) => this.synced(report),
  });

  private started: Promise<void> | null = null;

  /** The first load, begun by `main.ts` before the interface is built: the core's answers
   * travel while the window's script mounts the screens, rather than after. */
  start(): Promise<void> {
    this.started ??= this.load();
    return this.started;
  }

  async load(): Promise<void> {
    try {
      // Together: each call waits its turn through the web view. A journal that does not
      // open answers Home with an error, unused.
      const today = todayIso();
      const home = review.home(today);
      home.catch(() => {});
      this.firstHome = { key: `${today}|${this.revision}`, answer: home };
      const [status, limits] = await Promise.all([api.journalStatus(), this.limits ?? api.textLimits()]);
      // Home's answer too, before anything shows: the window then paints its first screen
      // whole, rather than the frame around it first and Home a frame later (in software
      // rendering a frame can take a tenth of a second).
      await home.catch(() => null);
      this.limits = limits;
      this.status = status;
      this.loadError = null;
      // Such as a daily backup that could not be made: said once, quietly.
      if (this.status.notice) this.notify(this.status.notice);
      if (this.status.error === null) {
        const [, , version] = await Promise.all([this.reloadPeople(), this.reloadLockPrefs(), api.dataVersion()]);
        this.lastVersion = version;
        void this.sync.start();
      }
    } catch (e) {
      this.loadError = toApiError(e);
    }
  }

  /** Switches between the sample journal and the user's own. */
  async switchTo(sample: boolean): Promise<void> {
    try {
      this.status = sample ? await api.openSample(todayIso()) : await api.openOwnJournal();
      this.welcomeDone = sample;
      this.screen = { name: 'home' };
      this.log = null;
      await this.reloadPeople();
      this.lastVersion = await api.dataVersion();
      this.revision += 1;
      void this.sync.start();
    } catch (e) {
      this.notify(toApiError(e).message);
    }
  }

  /** After the unlock screen opened the journal. */
  async unlocked(status: JournalStatus): Promise<void> {
    this.status = status;
    this.screen = { name: 'home' };
    if (status.notice) this.notify(status.notice);
    await this.reloadPeople();
    await this.reloadLockPrefs();
    this.lastVersion = await api.dataVersion();
    this.revision += 1;
    void this.sync.start();
  }

  /** What Home shows for `today` at this revision: the answer asked for at start when it
   * still fits, else a new one. */
  home(today: string): Promise<HomeView> {
    const first = this.firstHome;
    this.firstHome = null;
    return first?.key === `${today}|${this.revision}` ? first.answer : review.home(today);
  }

  async reloadLockPrefs(): Promise<void> {
    this.lockAfter = this.status?.protected ? (await privacy.getLockPrefs()).after_minutes : null;
  }

  /** Closes a protected journal: the unlock screen shows until it is opened again. */
  async lock(): Promise<void> {
    this.sync.stop();
    this.log = null;
    this.people = [];
    this.status = await privacy.lock();
  }

  async reloadPeople(): Promise<void> {
    this.people = await api.listPeople(true);
  }

  /** Call after any write (with the entry it saved, if it saved one): tells screens to
   * reload, then reloads people. The screens ask first (their reload is what the user waits
   * for; the timeline shows `saved` at once); a failure here is said, never thrown, since
   * the write itself succeeded. */
  async changed(saved: Entry | null = null): Promise<void> {
    this.sync.soon();
    this.revision += 1;
    this.saved = saved && { entry: saved, revision: this.revision };
    await tick();
    try {
      const [people, version] = await Promise.all([api.listPeople(true), api.dataVersion()]);
      this.people = people;
      this.lastVersion = version;
    } catch (e) {
      this.notify(toApiError(e).message);
    }
  }

  /** After a sync: the screens reload when it brought rows from another device, and new
   * conflicts are pointed out. */
  async synced(report: SyncReport): Promise<void> {
    if (report.rows_taken > 0 || report.conflicts_found > 0) {
      await this.reloadPeople();
      this.revision += 1;
    }
    if (report.conflicts_found > 0) {
      const n = report.conflicts_found;
      this.notify(`${n === 1 ? 'An entry was' : `${n} entries were`} edited on two devices at once.`, {
        label: 'Choose a version',
        run: () => this.go({ name: 'conflicts' }),
      });
    }
    try {
      this.lastVersion = await api.dataVersion();
    } catch {
      /* the next focus check will catch up */
    }
  }

  /** On window focus: sync, and reload if another program (the CLI) wrote to the journal
   * meanwhile. */
  async checkForOutsideChanges(): Promise<void> {
    if (!this.status || this.status.error !== null) return;
    await this.sync.refreshIfStale();
    try {
      const v = await api.dataVersion();
      if (this.lastVersion !== null && v !== this.lastVersion) {
        this.lastVersion = v;
        await this.reloadPeople();
        this.revision += 1;
      }
      this.lastVersion = v;
    } catch {
      /* keep showing what we have */
    }
  }

  /** Shows what the app was asked for from outside the window (a launch with `--log`, the
   * tray, the global shortcut, a reminder), if anything is waiting. */
  async takeDesktopRequest(): Promise<void> {
    if (!this.status || this.status.error !== null) return;
    let request: Awaited<ReturnType<typeof desktop.takeRequest>>;
    try {
      request = await desktop.takeRequest();
    } catch {
      return;
    }
    if (request === 'quick_log') {
      this.welcomeDone = true;
      if (!this.log) this.openLog();
    } else if (request === 'check_in') {
      this.welcomeDone = true;
      this.log = null;
      this.go({ name: 'checkin' });
    } else if (request === 'open_loops') {
      this.welcomeDone = true;
      this.go({ name: 'loops' });
    }
  }

  go(screen: Screen): void {
    this.screen = screen;
  }

  openLog(request: Partial<LogRequest> = {}): void {
    this.log = { editing: request.editing ?? null, person: request.person ?? null, fulfils: request.fulfils ?? null };
  }

  closeLog(): void {
    this.log = null;
  }

  notify(message: string, action?: Toast['action'], ms = 8000): void {
    clearTimeout(this.toastTimer);
    const id = ++this.toastSeq;
    this.toast = { id, message, action };
    this.toastTimer = setTimeout(() => {
      if (this.toast?.id === id) this.toast = null;
    }, ms);
  }

  dismissToast(): void {
    clearTimeout(this.toastTimer);
    this.toast = null;
  }

  /** Deletes an exchange and offers to bring it back for a few seconds. */
  async deleteExchange(ex: Exchange): Promise<void> {
    await api.deleteExchange(ex.id);
    await this.changed();
    this.notify(`Deleted “${ex.what}”.`, {
      label: 'Undo',
      run: async () => {
        await api.restoreExchange(ex.id);
        await this.changed();
        this.notify(`Restored “${ex.what}”.`, undefined, 4000);
      },
    });
  }
}

export const app = new AppState();
