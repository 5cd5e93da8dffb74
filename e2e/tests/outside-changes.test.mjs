// The CLI and the app share the journal: what `recip` writes while the window is open shows
// when the window regains focus.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { App, appBinary, waitFor } from '../lib/index.mjs';

const recip = process.env.RECIPROCITY_CLI ?? join(appBinary, '..', 'recip');

test('what the CLI writes appears when the window regains focus', async () => {
  const app = await App.launch();
  try {
    await app.invoke('add_person', { input: { name: 'Ana', relationship: 'colleague', notes: '' } });
    await app.reload();
    await app.nav('Timeline');
    await waitFor(() => app.session.findByText('.empty', 'once you log the first one'), 'the empty timeline');

    execFileSync(recip, ['log', 'received', 'Ana', 'covered my shift on Friday'], {
      env: { ...process.env, RECIPROCITY_DB: app.db },
    });
    await app.session.execute("window.dispatchEvent(new Event('focus'))");
    const entry = await waitFor(() => app.session.findByText('[data-testid=entry]', 'covered my shift'), 'the CLI’s entry');
    assert.match(await entry.text(), /You received from Ana/);
  } finally {
    await app.quit();
  }
});
