// A file that is not a journal gets a clear screen with the reason and the path, and is
// left exactly as it was.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { App, assertAccessible, tempJournal, waitFor } from '../lib/index.mjs';

test('a file that is not a journal is explained and left untouched', async () => {
  const db = tempJournal('notjournal');
  const content = 'shopping list: eggs, flour, tea\n'.repeat(100);
  writeFileSync(db, content);
  const app = await App.launch(db);
  try {
    const screen = await waitFor(() => app.find('[data-testid=cannot-open]'), 'the cannot-open screen');
    const text = await screen.text();
    assert.match(text, /can’t be opened/);
    assert.ok(text.includes(db), 'shows the path');
    assert.match(text, /not_a_journal/);
    await app.screenshot('cannot-open');
    await assertAccessible(app, 'the cannot-open screen');
  } finally {
    await app.quit();
  }
  assert.equal(readFileSync(db, 'utf8'), content);
});
