// Logging by keyboard alone, the field message for an empty "what", and a restart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { App, Key, assertAccessible, waitFor } from '../lib/index.mjs';

const activeId = (app) => app.session.execute('return document.activeElement && document.activeElement.id');

test('a favour logged with the keyboard alone appears on the timeline and survives a restart', async () => {
  const app = await App.launch();
  try {
    assert.match(await (await app.find('h1')).text(), /Welcome/);
    await app.screenshot('welcome');
    await assertAccessible(app, 'the welcome screen');

    const started = Date.now();
    await app.session.keys('l');
    await waitFor(async () => (await activeId(app)) === 'log-person', 'focus in the person field');
    // A new person: type the name, pick "Add …" with Enter, keep the suggested relationship.
    await app.session.keys('Sam Rivera');
    await waitFor(() => app.session.findByText('[role=option]', 'Add “Sam Rivera”'), 'the add-person option');
    await app.session.keys(Key.Enter);
    await waitFor(async () => (await activeId(app)) === 'log-relationship', 'focus on the relationship');
    // Tab to the direction (received), Tab to "what", type, then one feeling, then Enter.
    await app.session.keys(Key.Tab);
    assert.equal(await activeId(app), 'dir-received');
    await app.session.keys(Key.Tab, 'lent me a ladder for the weekend');
    assert.equal(await activeId(app), 'log-what');
    await app.screenshot('quick-log');
    await assertAccessible(app, 'the quick log');
    await app.session.keys(Key.Enter);
    await waitFor(async () => (await app.findAll('dialog[open]')).length === 0, 'the log to close');
    const seconds = (Date.now() - started) / 1000;
    // Reported, not asserted: timings on a shared machine are noise, not behaviour.
    console.log(`keyboard log took ${seconds.toFixed(1)} s of driver time`);

    await app.nav('Timeline');
    const entry = await waitFor(() => app.session.findByText('[data-testid=entry]', 'lent me a ladder'), 'the entry');
    const text = await entry.text();
    assert.match(text, /You received/);
    assert.match(text, /Sam Rivera/);
    assert.match(text, /Open/);

    const stored = await app.invoke('list_exchanges', { filter: {} });
    assert.equal(stored.length, 1);
    assert.equal(stored[0].direction, 'received');

    await app.restart();
    await app.nav('Timeline');
    await waitFor(() => app.session.findByText('[data-testid=entry]', 'lent me a ladder'), 'the entry after a restart');
    const people = await app.invoke('list_people', { include_archived: true });
    assert.deepEqual(
      people.map((p) => [p.name, p.relationship]),
      [['Sam Rivera', 'friend']],
    );
  } finally {
    await app.quit();
  }
});

test('an empty "what" shows the message at the field and saves nothing', async () => {
  const app = await App.launch();
  try {
    await app.invoke('add_person', { input: { name: 'Ada', relationship: 'colleague', notes: '' } });
    await app.reload();
    await app.session.keys('l');
    await waitFor(async () => (await activeId(app)) === 'log-person', 'focus in the person field');
    await app.session.keys('Ada');
    await waitFor(() => app.session.findByText('[role=option]', 'Ada'), 'Ada in the list');
    await app.session.keys(Key.Enter);
    await waitFor(async () => (await activeId(app)) === 'dir-received', 'focus on the direction');
    await app.session.keys(Key.Enter);
    const message = await waitFor(() => app.find('#log-what-error'), 'the field message');
    assert.match(await message.text(), /Describe what happened/);
    assert.equal(await activeId(app), 'log-what');
    assert.equal(await (await app.find('#log-what')).attribute('aria-invalid'), 'true');
    await app.screenshot('quick-log-error');
    await assertAccessible(app, 'the quick log with a field message');
    assert.equal((await app.findAll('dialog[open]')).length, 1, 'the log stays open');
    assert.deepEqual(await app.invoke('list_exchanges', { filter: {} }), []);

    // An unknown name that was not added is refused at the person field too.
    await app.session.keys(Key.Escape);
    await waitFor(async () => (await app.findAll('dialog[open]')).length === 0, 'the log to close');
    await app.session.keys('l');
    await waitFor(async () => (await activeId(app)) === 'log-person', 'focus in the person field');
    await app.session.keys('Nobody Known', Key.Escape, Key.Tab, Key.Tab, 'a thing', Key.Enter);
    const who = await waitFor(() => app.find('#log-person-error'), 'the person message');
    assert.match(await who.text(), /No one called “Nobody Known”/);
    assert.deepEqual(await app.invoke('list_exchanges', { filter: {} }), []);
  } finally {
    await app.quit();
  }
});
