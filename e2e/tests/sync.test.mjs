// Sync in the real window, with the real engine: the window's journal and a `recip` journal,
// each syncing its own copy of one folder that two Syncthing instances (loopback only) keep
// alike. A favour travels each way; an edit made on both while the engines are stopped
// becomes a conflict that the window's conflicts screen resolves, and the choice reaches the
// other device.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { App, appBinary, assertAccessible, dialogAnswers, exchange, tempJournal, waitFor, typeInto } from '../lib/index.mjs';
import { Engine, hasSyncthing } from '../lib/syncthing.mjs';

const recipBinary = process.env.RECIPROCITY_CLI ?? join(appBinary, '..', 'recip');
const MOVED = 90_000;

/** The change files in a folder, as `device/name`. */
function changeFiles(folder) {
  const out = [];
  for (const d of readdirSync(folder, { withFileTypes: true })) {
    if (!d.isDirectory() || d.name.startsWith('.')) continue;
    for (const f of readdirSync(join(folder, d.name))) if (f.endsWith('.rjc')) out.push(`${d.name}/${f}`);
  }
  return out.sort();
}

/** Waits until every change file of `from` is in `to` too (Syncthing moved it). */
async function moved(from, to, engines) {
  const want = changeFiles(from.folder);
  try {
    await waitFor(() => want.every((f) => existsSync(join(to.folder, f))), `Syncthing to move ${want.join(', ')}`, MOVED);
  } catch (e) {
    throw new Error(`${e.message}\n${engines.map((x) => x.log().slice(-3000)).join('\n---\n')}`);
  }
}

test('the window syncs with another journal through Syncthing, and resolves a conflict', { skip: !hasSyncthing && 'syncthing is not installed' }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'recip-e2e-sync-'));
  const [a, b] = [await Engine.create(root, 'a'), await Engine.create(root, 'b')];
  a.configure(b);
  b.configure(a);
  a.start();
  b.start();
  const other = join(root, 'other.sqlite3');
  const recip = (...args) => execFileSync(recipBinary, ['--db', other, ...args], { env: { ...process.env, RECIPROCITY_NO_KEYRING: '1' }, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  const db = tempJournal('sync');
  const app = await App.launch(db);
  try {
    const noor = await app.invoke('add_person', { input: { name: 'Noor', relationship: 'friend', notes: '' } });
    const ladder = await app.invoke('add_exchange', { input: exchange(noor.id, 'given', 'lent a ladder'), new_person: null });
    await app.reload();

    // Settings → Sync: choose the folder (the dialog answers from the test file).
    await app.nav('Settings');
    await waitFor(() => app.session.findByText('[data-testid=sync-settings] p', 'plain text'), 'the plain-text warning');
    writeFileSync(dialogAnswers(db), `${a.folder}\n`);
    await app.clickText('[data-testid=sync-settings] button', 'Choose a folder');
    await waitFor(() => app.session.findByText('[data-testid=sync-folder]', a.folder), 'the chosen folder');
    // Choosing syncs at once: the person, the favour and the device's name are in the folder.
    await waitFor(() => changeFiles(a.folder).length > 0, 'the first change file');
    const first = changeFiles(a.folder).length;
    await typeInto(app, '#sync-name', 'Study laptop');
    await app.clickText('[data-testid=sync-settings] button', 'Save');
    await waitFor(() => app.session.findByText('[role=status]', 'This device is called “Study laptop”'), 'the new name');
    // A change is sent a few seconds later without asking.
    await waitFor(() => changeFiles(a.folder).length > first, 'the new name to be sent by itself', 20_000);

    // The other device gets the favour once Syncthing has moved the files.
    await moved(a, b, [a, b]);
    recip('sync', '--folder', b.folder);
    assert.match(recip('list'), /lent a ladder/);
    assert.match(recip('sync', 'status'), /Device Study laptop \(/);

    // …and its favour reaches the window.
    recip('log', 'received', 'Noor', 'a lift to the station');
    recip('sync', 'name', 'Kitchen computer');
    recip('sync');
    await moved(b, a, [a, b]);
    await syncNow(app);
    await waitFor(() => app.session.findByText('[data-testid=sync-devices] li', 'Kitchen computer'), 'the other device by name');
    await app.session.execute(`document.querySelector('[data-testid=sync-settings]').scrollIntoView()`);
    await app.screenshot('sync-settings');
    await assertAccessible(app, 'Settings → Sync');
    await app.nav('Timeline');
    await waitFor(() => app.session.findByText('[data-testid=entry]', 'a lift to the station'), 'the other device’s favour');

    // Both engines stopped, both devices edit the same favour.
    await a.stop();
    await b.stop();
    const stored = await app.invoke('get_exchange', { id: ladder.id });
    const input = Object.fromEntries(Object.keys(exchange(noor.id, 'given', '')).map((k) => [k, stored[k]]));
    await app.invoke('update_exchange', { id: ladder.id, input: { ...input, what: 'lent a ladder and a drill' } });
    recip('edit', ladder.id, '--what', 'lent a ladder and a saw');
    recip('sync');
    await app.nav('Settings');
    await syncNow(app);
    await waitFor(async () => !(await app.session.findByText('[data-testid=sync-last]', 'Syncing')), 'the sync to end');
    a.start();
    b.start();
    await moved(a, b, [a, b]);
    await moved(b, a, [a, b]);
    recip('sync');
    await syncNow(app);

    // The window shows the conflict; keeping the other version syncs by itself.
    const link = await waitFor(() => app.find('[data-testid=conflicts-link]'), 'the conflicts link', 20_000);
    assert.match(await link.text(), /Edited on two devices \(1\)/);
    await link.click();
    const conflict = await waitFor(() => app.find('[data-testid=conflict]'), 'the conflict');
    const text = await conflict.text();
    assert.match(text, /lent a ladder and a drill/);
    assert.match(text, /lent a ladder and a saw/);
    await app.screenshot('sync-conflict');
    await assertAccessible(app, 'the conflicts screen');
    const keptNow = (await app.invoke('get_exchange', { id: ladder.id })).what;
    const wanted = keptNow.endsWith('drill') ? 'lent a ladder and a saw' : 'lent a ladder and a drill';
    await app.clickText('[data-testid=conflict] button', 'Keep that one');
    await waitFor(() => app.find('[data-testid=no-conflicts]'), 'no conflicts left');
    assert.equal((await app.invoke('get_exchange', { id: ladder.id })).what, wanted);
    const before = changeFiles(a.folder).length;
    await waitFor(() => changeFiles(a.folder).length > before, 'the choice to be synced after the change', 20_000);
    await moved(a, b, [a, b]);
    recip('sync');
    assert.match(recip('show', ladder.id), new RegExp(wanted));
  } finally {
    await app.quit();
    await a.stop();
    await b.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

/** "Sync now", scrolled to the middle of the window (a toast may cover the bottom). */
async function syncNow(app) {
  await app.session.execute(
    `[...document.querySelectorAll('[data-testid=sync-settings] button')]
       .find((b) => b.textContent.includes('Sync now')).scrollIntoView({ block: 'center' })`,
  );
  await app.clickText('[data-testid=sync-settings] button', 'Sync now');
}
