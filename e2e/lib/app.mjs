// Launches the built desktop app through tauri-driver (which drives WebKitWebDriver), each
// test on its own temporary journal, and offers the few helpers the tests share.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session } from './webdriver.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
const targetDir = resolve(repoRoot, process.env.CARGO_TARGET_DIR ?? 'target');
export const appBinary = process.env.RECIPROCITY_APP ?? join(targetDir, 'debug', 'reciprocity-desktop');
// Tests keep their pictures in e2e/artifacts/; `make screenshots` points this at the README's
// docs/screenshots/ when the pictures are meant to change.
export const screenshotDir = resolve(repoRoot, process.env.RECIPROCITY_SCREENSHOTS ?? join('e2e', 'artifacts', 'screenshots'));

/** A TCP port on 127.0.0.1 that nothing listens on now. */
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value (or stops throwing). */
export async function waitFor(fn, what = 'condition', timeout = 10_000) {
  const start = Date.now();
  let last;
  while (Date.now() - start < timeout) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

/** A fresh temporary journal path (the file does not exist yet). */
export function tempJournal(label = 'journal') {
  return join(mkdtempSync(join(tmpdir(), `recip-e2e-${label}-`)), 'journal.sqlite3');
}

/** The file a debug build reads the next native dialog's answer from. */
export function dialogAnswers(db) {
  return join(dirname(db), 'dialog-answers.txt');
}

export class App {
  /** Starts `binary` (the journal app unless told) on the journal `db`. */
  static async launch(db = tempJournal(), binary = appBinary) {
    // Two different ports: a port just released can be handed out again at once.
    const port = await freePort();
    let nativePort = await freePort();
    while (nativePort === port) nativePort = await freePort();
    const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], {
      // Debug builds answer native dialogs from this file (see src-tauri/src/files.rs).
      // The keyring is left alone: "remember on this computer" must not reach the real one.
      env: {
        ...process.env,
        RECIPROCITY_DB: db,
        RECIPROCITY_TEST_DIALOG_ANSWERS: dialogAnswers(db),
        RECIPROCITY_NO_KEYRING: '1',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group, so quitting also ends WebKitWebDriver and the app.
      detached: true,
    });
    let driverLog = '';
    driver.stderr.on('data', (d) => (driverLog += d));
    const base = `http://127.0.0.1:${port}`;
    const app = new App(db, driver, base, binary);
    try {
      await waitFor(async () => (await fetch(`${base}/status`)).ok || true, 'tauri-driver to listen', 15_000);
      app.session = await Session.create(base, {
        'tauri:options': { application: binary },
      });
      await app.waitForUi();
    } catch (e) {
      await app.quit();
      throw new Error(`${e.message}\n${driverLog}`);
    }
    return app;
  }

  constructor(db, driver, base, binary) {
    this.db = db;
    this.driver = driver;
    this.base = base;
    this.binary = binary;
    this.session = null;
  }

  async waitForUi() {
    await waitFor(
      () => this.session.execute('return !!document.querySelector("nav, .welcome, [data-testid=cannot-open], [data-testid=unlock], [data-testid=floor]")'),
      'the app to show its first screen',
      20_000,
    );
  }

  /** Closes the window and starts the app again on the same journal. */
  async restart() {
    await this.session.delete();
    this.session = await Session.create(this.base, { 'tauri:options': { application: this.binary } });
    await this.waitForUi();
  }

  async quit() {
    try {
      // The window as it was last seen, for looking into a failure (e2e/artifacts/).
      const dir = join(repoRoot, 'e2e', 'artifacts');
      mkdirSync(dir, { recursive: true });
      for (const old of readdirSync(dir)) {
        const path = join(dir, old);
        if (Date.now() - statSync(path).mtimeMs > 30 * 60_000) rmSync(path, { force: true });
      }
      writeFileSync(join(dir, `${basename(dirname(this.db))}.png`), await this.session.screenshot());
    } catch {
      /* no window to show */
    }
    try {
      await this.session?.delete();
    } catch {
      /* already gone */
    }
    const exited = new Promise((r) => (this.driver.exitCode !== null ? r() : this.driver.once('exit', r)));
    try {
      process.kill(-this.driver.pid, 'SIGTERM');
    } catch {
      this.driver.kill('SIGTERM');
    }
    await exited;
    this.driver.stderr?.destroy();
  }

  /** Calls one of the app's IPC commands, as the UI would (used to set up test data). */
  async invoke(command, args = {}) {
    const result = await this.session.executeAsync(
      `const done = arguments[arguments.length - 1];
       window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
         .then((v) => done({ ok: v }), (e) => done({ err: e }));`,
      [command, args],
    );
    if ('err' in result) throw new Error(`${command} failed: ${JSON.stringify(result.err)}`);
    return result.ok;
  }

  /** Reloads the page so the UI reads the journal afresh. */
  async reload() {
    await this.session.execute('location.reload()');
    await sleep(300);
    await this.waitForUi();
  }

  find(css) {
    return this.session.find(css);
  }

  findAll(css) {
    return this.session.findAll(css);
  }

  /** Clicks the first `css` element whose text contains `text`. */
  async clickText(css, text) {
    const el = await waitFor(() => this.session.findByText(css, text), `“${text}” in ${css}`);
    await el.click();
    return el;
  }

  async nav(label) {
    await this.clickText('nav button', label);
  }

  async texts(css) {
    return Promise.all((await this.findAll(css)).map((e) => e.text()));
  }

  async screenshot(name) {
    mkdirSync(screenshotDir, { recursive: true });
    await sleep(250);
    writeFileSync(join(screenshotDir, `${name}.png`), await this.session.screenshot());
  }
}

/** Replaces the text of the field `css` with `text`, as typed. */
export async function typeInto(app, css, text) {
  const field = await waitFor(() => app.find(css), css);
  await field.clear();
  await field.type(text);
}

export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function daysBefore(n) {
  const d = new Date(Date.now() - n * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A minimal valid ExchangeInput for set-up. */
export function exchange(person_id, direction, what, extra = {}) {
  return {
    person_id,
    direction,
    occurred_on: today(),
    occurred_at: null,
    kind: 'favour',
    what,
    note: '',
    value: 3,
    initiative: null,
    sphere: null,
    reciprocates: null,
    tags: [],
    feelings: {
      gratitude: null,
      indebtedness: null,
      pressure: null,
      discomfort: null,
      warmth: null,
      drained: null,
      expectation: null,
    },
    ...extra,
  };
}
