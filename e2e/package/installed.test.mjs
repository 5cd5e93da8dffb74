// The app as the .deb installs it (scripts/check-package.sh unpacks the package and points
// RECIPROCITY_APP at its /usr/bin/reciprocity-desktop): the release build opens its window on
// a journal the installed `recip` started, and shows what is in it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { App, waitFor } from '../lib/index.mjs';

const db = process.env.RECIPROCITY_PACKAGE_DB;

test('the installed app opens its window on a journal', { skip: !db && 'run by scripts/check-package.sh' }, async () => {
  const app = await App.launch(db);
  try {
    assert.equal(await app.session.cmd('GET', '/title'), 'Reciprocity Journal');
    await app.nav('People');
    await waitFor(async () => (await app.texts('main')).join(' ').includes('Sam Lee'), 'Sam Lee on People');
    await app.screenshot('package-people');
  } finally {
    await app.quit();
  }
});
