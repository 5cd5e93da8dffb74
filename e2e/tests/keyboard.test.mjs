// The main flows with the keyboard alone (Tab, Shift+Tab, arrows, Enter, Esc): every stop on
// the way shows a focus ring, dialogs keep focus inside and give it back to their opener.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { App, Key, daysBefore, exchange, waitFor } from '../lib/index.mjs';

// What has focus: a name for it, whether it shows a ring (on the element, or on the label of
// a visually hidden radio) and is on screen, and whether it is inside an open dialog.
const FOCUSED = `
  const el = document.activeElement;
  if (!el || el === document.body) return { name: 'the page', ring: false, visible: false, inDialog: false, body: true };
  let shown = el;
  if (el.matches('input[type=radio], input[type=checkbox]') && getComputedStyle(el).opacity === '0' && el.labels.length) shown = el.labels[0];
  const s = getComputedStyle(shown);
  const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  const r = shown.getBoundingClientRect();
  const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].textContent) || el.textContent || el.value || '';
  return {
    name: (el.id ? '#' + el.id + ' ' : '') + el.tagName.toLowerCase() + ' “' + label.trim().replace(/\\s+/g, ' ').slice(0, 50) + '”',
    id: el.id,
    label: label.trim().replace(/\\s+/g, ' '),
    ring,
    visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
    inDialog: !!el.closest('dialog[open]'),
    programmatic: el.getAttribute('tabindex') === '-1',
  };`;

const focused = (app) => app.session.execute(FOCUSED);

/**
 * Presses Tab (or Shift+Tab) until `want(focused)` holds, at most `max` times. Every stop must
 * show a focus ring and be on screen (and stay in the open dialog when `inDialog`).
 */
async function tabTo(app, want, what, { back = false, max = 40, inDialog = false } = {}) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await app.session.keys(back ? [Key.Shift, Key.Tab] : Key.Tab);
    const f = await focused(app);
    stops.push(f.name);
    assert.ok(!f.body, `focus left for the page itself after ${stops.join(' → ')}`);
    assert.ok(f.ring, `no focus ring on ${f.name}`);
    assert.ok(f.visible, `${f.name} has focus but is not on screen`);
    if (inDialog) assert.ok(f.inDialog, `focus left the dialog for ${f.name}`);
    if (want(f)) return stops;
  }
  throw new Error(`${what} not reached with ${back ? 'Shift+' : ''}Tab in ${max} steps: ${stops.join(' → ')}`);
}

const openDialogs = async (app) => (await app.findAll('dialog[open]')).length;

test('log, open the timeline, settle and close dialogs with the keyboard alone', async () => {
  const app = await App.launch();
  try {
    const ada = await app.invoke('add_person', { input: { name: 'Ada Okafor', relationship: 'colleague', notes: '' } });
    await app.invoke('add_exchange', {
      input: exchange(ada.id, 'received', 'lent me a ladder', { occurred_on: daysBefore(3) }),
    });
    await app.invoke('add_exchange', { input: exchange(ada.id, 'given', 'reviewed her slides', { occurred_on: daysBefore(2) }) });
    await app.reload();
    await waitFor(() => app.session.findByText('h2', 'Recently'), 'Home');

    // Back from the page's content to the sidebar: every navigation button, then Log.
    await waitFor(async () => (await focused(app)).name.startsWith('main'), 'focus on the page’s content');
    const toLog = await tabTo(app, (f) => f.label.startsWith('Log an exchange'), 'the Log button', { back: true, max: 12 });
    for (const nav of ['Settings', 'Check-in', 'Patterns', 'Open loops', 'People', 'Timeline', 'Home']) {
      assert.ok(toLog.some((s) => s.endsWith(`“${nav}”`)), `${nav} on the way: ${toLog.join(' → ')}`);
    }

    // Log a favour: Enter opens the log, focus in Who; pick Ada; arrows switch the direction.
    await app.session.keys(Key.Enter);
    await waitFor(async () => (await focused(app)).id === 'log-person', 'focus in the person field');
    assert.equal(await openDialogs(app), 1);
    await app.session.keys('Ada');
    await waitFor(() => app.session.findByText('[role=option]', 'Ada Okafor'), 'Ada among the options');
    await app.session.keys(Key.Enter);
    await waitFor(async () => (await focused(app)).id === 'dir-received', 'focus on the direction');
    await app.session.keys(Key.ArrowRight);
    await waitFor(async () => (await focused(app)).id === 'dir-given', 'the arrow to switch the direction');
    assert.equal(await (await app.find('#dir-given')).property('checked'), true);
    await app.session.keys(Key.Tab, 'walked her dog');
    assert.equal((await focused(app)).id, 'log-what');
    // Round the whole form and back: focus stays in the dialog, every stop shows its ring.
    const round = await tabTo(app, (f) => f.id === 'log-what', 'the “what” field again', { inDialog: true, max: 40 });
    assert.ok(round.some((s) => s.includes('Save')), `the Save button on the way: ${round.join(' → ')}`);
    await app.session.keys(Key.Enter);
    await waitFor(async () => (await openDialogs(app)) === 0, 'the log to close');
    await waitFor(async () => (await focused(app)).label.startsWith('Log an exchange'), 'focus back on the Log button');
    const saved = await app.invoke('list_exchanges', { filter: {} });
    assert.ok(saved.some((e) => e.what === 'walked her dog' && e.direction === 'given' && e.person_id === ada.id));

    // To the timeline: Tab to its navigation button, Enter.
    await tabTo(app, (f) => f.label === 'Timeline', 'Timeline in the sidebar', { max: 4 });
    await app.session.keys(Key.Enter);
    await waitFor(async () => (await (await app.find('h1')).text()) === 'Timeline', 'the timeline');
    await waitFor(() => app.session.findByText('[data-testid=entry]', 'walked her dog'), 'the new entry');

    // Settle: Tab to the entry's Settle button; Esc closes the dialog and focus comes back.
    const settle = (f) => f.label === 'Settle “lent me a ladder”';
    await tabTo(app, settle, 'the Settle button', { max: 40 });
    await app.session.keys(Key.Enter);
    await waitFor(async () => (await focused(app)).id === 'settle-thanked', 'focus on the first choice');
    await app.session.keys(Key.Escape);
    await waitFor(async () => (await openDialogs(app)) === 0, 'Esc to close the settle dialog');
    await waitFor(async () => settle(await focused(app)), 'focus back on the Settle button');

    // Again, choosing “Returned” with the arrow keys and saving with Enter on Save.
    await app.session.keys(Key.Enter);
    await waitFor(async () => (await focused(app)).id === 'settle-thanked', 'the settle dialog again');
    await app.session.keys(Key.ArrowDown);
    await waitFor(async () => (await focused(app)).id === 'settle-returned', 'the arrow to move to Returned');
    await waitFor(() => app.find('#settle-by'), 'the returned-by choice');
    const toSave = await tabTo(app, (f) => f.label === 'Save', 'Save in the settle dialog', { inDialog: true, max: 6 });
    assert.ok(toSave.some((s) => s.startsWith('#settle-by')), `the returned-by choice on the way: ${toSave.join(' → ')}`);
    // On round the dialog and back to Save: focus never leaves it.
    await tabTo(app, (f) => f.label === 'Save', 'Save again', { inDialog: true, max: 10 });
    await app.session.keys(Key.Enter);
    await waitFor(async () => (await openDialogs(app)) === 0, 'the settle dialog to close');
    await waitFor(
      async () => /Returned/.test(await (await (await app.session.findByText('[data-testid=entry]', 'lent me a ladder')).find('[data-testid=settlement]')).text()),
      'the entry settled',
    );
    await waitFor(async () => settle(await focused(app)), 'focus back on the Settle button after saving');

    // The quick log from there with L: the first Esc closes the list of people it shows, the
    // second the log, and focus returns to the same button.
    await app.session.keys('l');
    await waitFor(async () => (await focused(app)).id === 'log-person', 'the log opened with L');
    await waitFor(() => app.find('[role=listbox]'), 'the list of people');
    await app.session.keys(Key.Escape);
    await waitFor(async () => (await app.findAll('[role=listbox]')).length === 0, 'Esc to close the list');
    assert.equal(await openDialogs(app), 1, 'the log stays open');
    await app.session.keys(Key.Escape);
    await waitFor(async () => (await openDialogs(app)) === 0, 'Esc to close the log');
    await waitFor(async () => settle(await focused(app)), 'focus back where the log was opened');

    // Delete with the keyboard: focus moves to the message's Undo, and Enter brings it back.
    const del = (f) => f.label === 'Delete “walked her dog”';
    await tabTo(app, del, 'the Delete button', { back: true, max: 20 });
    await app.session.keys(Key.Enter);
    await waitFor(() => app.find('[data-testid=toast]'), 'the Undo message');
    await waitFor(async () => (await focused(app)).label === 'Undo', 'focus on Undo');
    const undo = await focused(app);
    assert.ok(undo.ring && undo.visible, 'Undo shows its focus ring');
    await app.session.keys(Key.Enter);
    await waitFor(() => app.session.findByText('[data-testid=entry]', 'walked her dog'), 'the entry back');
    await waitFor(async () => !(await focused(app)).body, 'focus kept in the page');
    await tabTo(app, del, 'the restored entry’s Delete button', { max: 20 });
  } finally {
    await app.quit();
  }
});

test('a new journal: start it, close the log with one Esc, and reach the sidebar', async () => {
  const app = await App.launch();
  try {
    assert.match(await (await app.find('h1')).text(), /Welcome/);
    await tabTo(app, (f) => f.label === 'Start my journal', 'Start my journal', { max: 3 });
    await app.session.keys(Key.Enter);
    await waitFor(async () => (await focused(app)).id === 'log-person', 'the log, focus in Who');
    // Nobody to list yet: one Esc closes the log.
    await app.session.keys(Key.Escape);
    await waitFor(async () => (await openDialogs(app)) === 0, 'one Esc to close the log');
    await waitFor(async () => (await focused(app)).name.startsWith('main'), 'focus on the page’s content');
    await tabTo(app, (f) => f.label === 'Settings', 'Settings in the sidebar', { back: true, max: 3 });
    await app.session.keys(Key.Enter);
    await waitFor(async () => (await (await app.find('h1')).text()) === 'Settings', 'Settings');
    // The theme with the arrow keys, then back to the system's.
    await tabTo(app, (f) => f.id.startsWith('theme-'), 'the theme choice', { max: 10 });
    const start = (await focused(app)).id;
    await app.session.keys(Key.ArrowDown);
    await waitFor(async () => (await focused(app)).id !== start, 'the arrow to change the theme');
    const chosen = await app.session.execute("return document.documentElement.getAttribute('data-theme')");
    assert.ok(chosen === 'light' || chosen === 'dark', `a theme chosen by arrow key (${chosen})`);
    await app.session.keys(Key.ArrowUp);
    await waitFor(async () => (await focused(app)).id === start, 'back to the first choice');
  } finally {
    await app.session.execute("localStorage.removeItem('reciprocity.theme'); document.documentElement.removeAttribute('data-theme')").catch(() => {});
    await app.quit();
  }
});
