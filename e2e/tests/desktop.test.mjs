// The app reached from outside its window: a second launch with `--log` opens the quick log
// in the running window and exits; the desktop choices in Settings; and the open-loops list's
// "remind me later" and "no need" for the weekly note.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { App, appBinary, assertAccessible, daysBefore, exchange, sleep, tempJournal, today, waitFor } from '../lib/index.mjs';

/** A private session bus for this file's apps, as a desktop session has: one app per journal
 * is found through it. Returns the daemon, to stop when done. */
async function sessionBus() {
  const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  for await (const chunk of daemon.stdout) {
    out += chunk;
    if (out.includes('\n')) break;
  }
  process.env.DBUS_SESSION_BUS_ADDRESS = out.trim();
  return {
    stop() {
      delete process.env.DBUS_SESSION_BUS_ADDRESS;
      daemon.kill();
    },
  };
}

/** Launches the app binary directly, as a desktop's launcher or shortcut would. */
function launch(db, args) {
  return spawn(appBinary, args, { env: { ...process.env, RECIPROCITY_DB: db }, stdio: 'ignore' });
}

test('a second launch with --log opens the quick log in the first window and does not stay', async () => {
  const bus = await sessionBus();
  const db = tempJournal('instance');
  const app = await App.launch(db);
  try {
    await app.invoke('add_person', { input: { name: 'Sam Lee', relationship: 'friend', notes: '' } });
    await app.reload();
    await app.nav('People');
    assert.equal(await app.session.execute('return !!document.querySelector("dialog[open]")'), false);

    const second = launch(db, ['--log']);
    const timer = setTimeout(() => second.kill('SIGKILL'), 20_000);
    const [code] = await once(second, 'exit');
    clearTimeout(timer);
    assert.equal(code, 0, 'the second launch hands over its arguments and exits by itself');

    await waitFor(() => app.session.execute('return !!document.querySelector("dialog[open]")'), 'the quick log in the first window');
    const title = await (await app.find('dialog[open] #log-title')).text();
    assert.match(title, /Log/);
    await app.screenshot('desktop-second-launch-log');
    // The first window is still the one open, on the screen it was showing.
    assert.equal(await (await app.find('h1')).text(), 'People');
  } finally {
    await app.quit();
    bus.stop();
  }
});

test('an app on another journal is not taken for a second launch', async () => {
  const bus = await sessionBus();
  const app = await App.launch(tempJournal('first'));
  const other = launch(tempJournal('other'), []);
  try {
    // The other app opens its own window and keeps running, instead of handing over and exiting.
    const exited = await Promise.race([once(other, 'exit').then(() => true), new Promise((r) => setTimeout(() => r(false), 4000))]);
    assert.equal(exited, false);
  } finally {
    other.kill('SIGTERM');
    await app.quit();
    bus.stop();
  }
});

test('the desktop choices are off at first, a shortcut is spelt out and a wrong one explained', async () => {
  const app = await App.launch(tempJournal('desktop-settings'));
  try {
    await app.invoke('add_person', { input: { name: 'Sam Lee', relationship: 'friend', notes: '' } });
    await app.reload();
    await app.nav('Settings');
    await waitFor(() => app.find('[data-testid=desktop-settings]'), 'the desktop settings');
    await app.session.execute('document.querySelector("[data-testid=desktop-settings]").scrollIntoView()');
    const boxes = await app.session.execute(
      'return [...document.querySelectorAll("[data-testid=desktop-settings] input[type=checkbox]")].map((b) => b.checked)',
    );
    assert.deepEqual(boxes, [false, false], 'no tray and no start at login until asked');

    const field = await app.find('#desk-shortcut');
    await field.click();
    await app.session.keys('L');
    await app.clickText('[data-testid=desktop-settings] button', 'Save');
    const error = await waitFor(() => app.find('#desk-shortcut-error'), 'the shortcut message');
    assert.match(await error.text(), /Ctrl, Alt, Shift or Super/);

    await field.click();
    await app.session.execute('document.getElementById("desk-shortcut").value = ""');
    await app.session.keys(['\uE009', '\uE00A', 'l']); // Ctrl+Alt+L, pressed in the field
    assert.equal(await field.property('value'), 'Ctrl+Alt+L');
    await app.clickText('[data-testid=desktop-settings] button', 'Save');
    await waitFor(() => app.session.findByText('[data-testid=desktop-settings] button', 'Remove'), 'the saved shortcut');
    // Under X11 (Xvfb) the combination is taken: no note saying it failed.
    assert.equal((await app.findAll('[data-testid=shortcut-note]')).length, 0);
    // Wednesdays, by keyboard: three steps down from "No note".
    await app.session.execute('document.getElementById("note-day").focus()');
    await app.session.keys('\uE015', '\uE015', '\uE015');
    await waitFor(async () => !(await (await app.find('#note-time')).property('disabled')), 'the time to choose');
    await waitFor(async () => (await app.invoke('get_loop_reminders', { today: today() })).prefs.day === 2, 'Wednesdays kept');
    await sleep(800); // let the window repaint the choice before the picture
    await app.screenshot('desktop-settings');
    await assertAccessible(app, 'Settings: on this computer');
  } finally {
    await app.quit();
  }
});

/** Presses the button `label` in the open favour whose text has `what`. */
async function pressInLoop(app, what, label) {
  const pressed = await app.session.execute(
    `const li = [...document.querySelectorAll('[data-testid=open-loop]')].find((l) => l.textContent.includes(arguments[0]));
     const b = li && [...li.querySelectorAll('button')].find((x) => x.textContent.trim() === arguments[1]);
     if (b) { b.focus(); b.click(); }
     return !!b;`,
    [what, label],
  );
  assert.ok(pressed, `${label} for “${what}”`);
}

test('an open favour can wait for the weekly note, or be left out of it', async () => {
  const app = await App.launch(tempJournal('loop-reminders'));
  try {
    const kim = await app.invoke('add_person', { input: { name: 'Kim', relationship: 'friend', notes: '' } });
    await app.invoke('add_exchange', { input: exchange(kim.id, 'received', 'brought soup when I was ill', { occurred_on: daysBefore(40) }) });
    await app.invoke('add_exchange', { input: exchange(kim.id, 'received', 'lent me a drill', { occurred_on: daysBefore(50) }) });
    await app.reload();
    await app.nav('Open loops');
    await waitFor(async () => (await app.findAll('[data-testid=loop-reminders]')).length === 2, 'two open favours');
    await pressInLoop(app, 'soup', 'Remind me later');
    await waitFor(() => app.session.findByText('[data-testid=open-loop]', 'Not in the weekly note until'), 'the favour set aside');
    await pressInLoop(app, 'drill', 'No need');
    await waitFor(async () => (await app.texts('[data-testid=loop-reminders]')).every((t) => t.includes('Not in the weekly note')), 'both set aside');
    await app.restart();
    await app.nav('Open loops');
    await waitFor(async () => (await (await app.find('h1')).text()) === 'Open loops', 'Open loops again');
    const kept = await waitFor(async () => {
      const t = await app.texts('[data-testid=loop-reminders]');
      return t.length === 2 && t.every((x) => x.includes('Remind me again')) && t;
    }, 'the choices kept after a restart');
    assert.ok(kept.some((t) => t.includes('until')));
    await app.screenshot('desktop-loop-reminders');
    await assertAccessible(app, 'Open loops with reminder choices');
  } finally {
    await app.quit();
  }
});
