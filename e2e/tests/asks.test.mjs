// Asks in the real window: logging one with the keyboard, "Done it" linking what you did,
// asks on the timeline, a planted favour-before-ask on Home with its sequences in "why",
// and the asks panel on Patterns.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { App, Key, appBinary, assertAccessible, tempJournal, waitFor } from '../lib/index.mjs';

const recip = process.env.RECIPROCITY_CLI ?? join(appBinary, '..', 'recip');
const activeId = (app) => app.session.execute('return document.activeElement && document.activeElement.id');

test('an ask logged by keyboard shows on the timeline, and "Done it" links what you did', async () => {
  const app = await App.launch();
  try {
    await app.invoke('add_person', { input: { name: 'Gina Marsh', relationship: 'colleague', notes: '' } });
    await app.reload();
    await app.session.keys('l');
    await waitFor(async () => (await activeId(app)) === 'log-person', 'focus in the person field');
    await app.session.keys('Gina');
    await waitFor(() => app.session.findByText('[role=option]', 'Gina Marsh'), 'Gina in the list');
    await app.session.keys(Key.Enter);
    await waitFor(async () => (await activeId(app)) === 'dir-received', 'focus on what it was');
    // Received → gave → an ask, with the arrow keys; then what was asked, and Enter.
    await app.session.keys(Key.ArrowRight, Key.ArrowRight);
    assert.equal(await activeId(app), 'dir-ask');
    await waitFor(() => app.find('#ask-to_you'), 'the ask fields');
    await app.session.keys(Key.Tab, 'cover the Saturday shift');
    assert.equal(await activeId(app), 'log-what');
    await app.screenshot('ask-form');
    await assertAccessible(app, 'the quick log for an ask');
    await app.session.keys(Key.Enter);
    await waitFor(async () => (await app.findAll('dialog[open]')).length === 0, 'the log to close');

    const [ask] = await app.invoke('list_asks', { filter: {} });
    assert.equal(ask.what, 'cover the Saturday shift');
    assert.equal(ask.direction, 'to_you');
    assert.equal(ask.answer, 'agreed');
    assert.equal(ask.followed_through, 'not_yet');

    await app.nav('Timeline');
    await app.session.execute(`const s = document.querySelector('#tl-show');
      s.value = s.options[1].value; s.dispatchEvent(new Event('change', { bubbles: true }));`);
    const item = await waitFor(() => app.session.findByText('[data-testid=ask]', 'cover the Saturday shift'), 'the ask');
    assert.match(await item.text(), /Gina Marsh asked you/);
    await assertAccessible(app, 'the timeline showing asks');
    await (await item.find('button[aria-label^="Done it"]')).click();
    const what = await waitFor(() => app.find('#log-what'), 'the log for what you did');
    assert.equal(await what.property('value'), 'cover the Saturday shift');
    await app.session.keys(Key.Enter);
    await waitFor(async () => (await app.findAll('dialog[open]')).length === 0, 'the log to close');
    const done = await app.invoke('get_ask', { id: ask.id });
    assert.equal(done.followed_through, 'yes');
    const [given] = await app.invoke('list_exchanges', { filter: { direction: 'given' } });
    assert.equal(given.fulfils, ask.id);
  } finally {
    await app.quit();
  }
});

test('a planted favour before an ask shows on Home with its sequences, and Patterns compares asks', async () => {
  const db = tempJournal('asks-demo');
  execFileSync(recip, ['demo', '--db', db], { env: { ...process.env, RECIPROCITY_DB: db } });
  const insights = JSON.parse(execFileSync(recip, ['--json', 'insights'], { env: { ...process.env, RECIPROCITY_DB: db } }).toString());
  const tactic = insights.find((i) => i.kind === 'favour_before_ask');
  assert.ok(tactic, 'the demo plants a favour before an ask');
  const app = await App.launch(db);
  try {
    await waitFor(async () => (await app.findAll('[data-testid=insight]')).length > 0, 'the flags', 20_000);
    const more = await app.session.findByText('button', 'more');
    if (more) await more.click();
    const card = await waitFor(() => app.find(`[data-testid=insight][data-id="${tactic.id}"]`), 'the favour-before-ask flag');
    await (await card.find('button[aria-expanded]')).click();
    const why = await waitFor(() => card.find('[data-testid=why]'), 'its reasons');
    const asks = `[data-testid=insight][data-id="${tactic.id}"] [data-testid=ask-evidence]`;
    await waitFor(async () => (await app.findAll(asks)).length > 0, 'the asks it rests on');
    const text = await why.text();
    assert.match(text, /\d+ days?/, 'the sequences with their gaps in days');
    await app.session.execute(
      `document.querySelector('[data-testid=insight][data-id="${tactic.id}"]').scrollIntoView({ block: 'start' })`,
    );
    await app.screenshot('ask-tactic-why');
    await assertAccessible(app, 'Home with a tactic flag open');

    await app.nav('Patterns');
    const panel = await waitFor(() => app.find('[data-testid=asks-panel]'), 'the asks panel');
    await waitFor(async () => /after a favour/.test(await panel.text()), 'the rows');
    await app.session.execute('document.querySelector("[data-testid=asks-panel]").scrollIntoView({ block: "center" })');
    await app.screenshot('ask-patterns');
    await assertAccessible(app, 'Patterns with asks');
  } finally {
    await app.quit();
  }
});
