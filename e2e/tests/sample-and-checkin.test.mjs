// The sample journal from the welcome screen (a separate file), and a check-in.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { App, assertAccessible, waitFor } from '../lib/index.mjs';

test('explore the sample journal and come back to an untouched empty journal', async () => {
  const app = await App.launch();
  try {
    await app.clickText('button', 'Explore a sample journal');
    await waitFor(() => app.find('[data-testid=sample-banner]'), 'the sample banner', 30_000);
    await waitFor(async () => (await app.findAll('[data-testid=entry]')).length > 0, 'sample entries on Home');
    await app.screenshot('home');
    await assertAccessible(app, 'Home in the sample journal');
    await app.nav('Timeline');
    await waitFor(async () => (await app.findAll('[data-testid=entry]')).length === 50, 'a page of 50 sample entries');
    await app.screenshot('timeline-sample');
    await assertAccessible(app, 'the timeline of the sample journal');
    await app.clickText('main button', 'Show older entries');
    await waitFor(async () => (await app.findAll('[data-testid=entry]')).length > 50, 'the next page');
    await app.nav('People');
    await waitFor(async () => (await app.findAll('[data-testid=person-row]')).length > 5, 'sample people');
    await app.screenshot('people-sample');
    await assertAccessible(app, 'People in the sample journal');
    assert.ok(existsSync(join(dirname(app.db), 'sample-journal.sqlite3')));

    // The dark theme, chosen in Settings (the choice is kept by the window, so put it back).
    await app.nav('Settings');
    await (await app.find('label[for=theme-dark]')).click();
    try {
      await app.nav('Timeline');
      await waitFor(async () => (await app.findAll('[data-testid=entry]')).length >= 10, 'the timeline in the dark');
      await app.screenshot('timeline-dark');
    } finally {
      await app.nav('Settings');
      await (await app.find('label[for=theme-system]')).click();
    }

    await app.clickText('button', 'Back to my journal');
    await waitFor(async () => /Welcome/.test(await (await app.find('h1')).text()), 'the welcome screen again');
    assert.deepEqual(await app.invoke('list_people', { include_archived: true }), []);
  } finally {
    await app.quit();
  }
});

test('a check-in is saved and listed', async () => {
  const app = await App.launch();
  try {
    await app.invoke('add_person', { input: { name: 'Kim', relationship: 'family', notes: '' } });
    await app.reload();
    await app.nav('Check-in');
    for (const id of ['ci-mood-1', 'ci-energy--1', 'ci-owing-2', 'ci-worry-1', 'ci-pressured-0', 'ci-exhaustion-3']) {
      await (await app.find(`label[for="${id}"]`)).click();
    }
    await (await app.find('#ci-reflection')).type('Helping Kim every weekend is starting to wear on me.');
    await app.screenshot('checkin');
    await assertAccessible(app, 'Check-in with answers');
    await app.clickText('button', 'Save check-in');
    await waitFor(() => app.session.findByText('.recent li', 'wear on me'), 'the saved check-in');
    await assertAccessible(app, 'Check-in with a saved check-in');
    const [saved] = await app.invoke('list_checkins', { since: null, until: null });
    assert.equal(saved.mood, 1);
    assert.equal(saved.energy, -1);
    assert.equal(saved.exhaustion, 3);
    assert.match(saved.reflection, /wear on me/);
  } finally {
    await app.quit();
  }
});
