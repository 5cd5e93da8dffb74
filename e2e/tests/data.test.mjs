// Settings → Data in the real window: export to JSON, import that file into a fresh journal,
// a bad file refused with nothing changed, and backups made, listed and restored.
//
// A native file dialog cannot be driven through WebDriver: the debug build the tests drive
// answers its next dialog from a file beside the journal (see src-tauri/src/files.rs), and
// the window only ever sees the token the shell hands out for it.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { App, assertAccessible, dialogAnswers, exchange, repoRoot, sleep, tempJournal, waitFor } from '../lib/index.mjs';

const supplyPath = async (app, path) => writeFileSync(dialogAnswers(app.db), `${path}\n`);

async function openData(app) {
  await app.nav('Settings');
  await waitFor(() => app.find('[data-testid=data-settings]'), 'the Data section');
  await app.session.execute('document.querySelector("[data-testid=data-settings]").scrollIntoView()');
}

async function startFresh(app) {
  await app.clickText('button', 'Start my journal');
  await waitFor(async () => (await app.findAll('dialog[open]')).length === 1, 'the log');
  await app.clickText('dialog[open] button', 'Close');
  await waitFor(async () => (await app.findAll('dialog[open]')).length === 0, 'the log to close');
}

test('export to JSON, then import it into a fresh journal; a bad file changes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'recip-e2e-data-'));
  const exported = join(dir, 'my-journal.json');

  const first = await App.launch();
  try {
    const sam = await first.invoke('add_person', { input: { name: 'Sam Rivera', relationship: 'friend', notes: '' } });
    await first.invoke('add_exchange', { input: exchange(sam.id, 'received', 'lent me a ladder for the weekend') });
    await first.reload();
    await openData(first);
    // A folder that does not exist: the message says so and no file is left behind.
    await supplyPath(first, join(dir, 'no-such-folder', 'x.json'));
    await first.clickText('button', 'Export as JSON');
    const refused = await waitFor(() => first.find('[data-testid=export-error]'), 'the export problem');
    assert.match(await refused.text(), /Nothing was exported: cannot write .*x\.json/);
    await supplyPath(first, exported);
    await first.clickText('button', 'Export as JSON');
    const done = await waitFor(() => first.find('[data-testid=export-done]'), 'the export message');
    assert.match(await done.text(), /Saved 1 person, 1 exchange and 0 check-ins to .*my-journal\.json/);
    assert.ok(existsSync(exported));
    assert.equal(JSON.parse(readFileSync(exported, 'utf8')).format, 'reciprocity-journal');
  } finally {
    await first.quit();
  }

  const app = await App.launch();
  try {
    await startFresh(app);
    await openData(app);
    await supplyPath(app, exported);
    await app.clickText('button', 'Choose a file to import');
    await waitFor(async () => (await (await app.find('#import-format')).property('value')) === 'json', 'the format found');
    await app.screenshot('data-import-chosen');
    await app.clickText('[data-testid=import] button[type=submit]', 'Import');
    const summary = await waitFor(() => app.find('[data-testid=import-summary]'), 'the import summary');
    const text = await summary.text();
    assert.match(text, /Imported: 2 added, 0 updated/);
    assert.match(text, /People\s*1\s*0\s*0/);
    assert.match(text, /Exchanges\s*1\s*0\s*0/);
    await app.screenshot('data-import-summary');
    await assertAccessible(app, 'Settings → Data with an import summary');

    await app.nav('Timeline');
    const entry = await waitFor(() => app.session.findByText('[data-testid=entry]', 'lent me a ladder'), 'the imported entry');
    assert.match(await entry.text(), /You received from Sam Rivera/);

    // Importing the same file again changes nothing.
    await openData(app);
    await supplyPath(app, exported);
    await app.clickText('button', 'Choose a file to import');
    await waitFor(async () => (await (await app.find('#import-format')).property('value')) === 'json', 'the format found');
    await app.clickText('[data-testid=import] button[type=submit]', 'Import');
    await waitFor(
      async () => /already in your journal/.test(await (await app.find('[data-testid=import-summary]')).text()),
      'the second summary',
    );

    // A truncated file: the message names the file, and nothing is changed.
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, readFileSync(exported, 'utf8').slice(0, 200));
    await supplyPath(app, bad);
    await app.clickText('button', 'Choose a file to import');
    await waitFor(async () => (await (await app.find('#import-format')).property('value')) === 'json', 'the format found');
    await app.clickText('[data-testid=import] button[type=submit]', 'Import');
    const problem = await waitFor(() => app.find('[data-testid=import-error]'), 'the import problem');
    const message = await problem.text();
    assert.match(message, /could not be imported/);
    assert.match(message, /broken\.json/);
    assert.match(message, /line|byte|column/);
    await app.screenshot('data-import-error');
    await assertAccessible(app, 'Settings → Data with an import problem');
    assert.equal((await app.invoke('list_exchanges', { filter: {} })).length, 1);
    assert.equal((await app.invoke('list_people', { include_archived: true })).length, 1);

    // A Daylio export with a mood of its own: it is placed on the scale before the import.
    await supplyPath(app, join(repoRoot, 'tests', 'fixtures', 'daylio.csv'));
    await app.clickText('button', 'Choose another file');
    await waitFor(() => app.find('#mood-0-0'), 'the question about “so-so”');
    assert.equal(await (await app.find('#import-format')).property('value'), 'daylio');
    const submit = await app.find('[data-testid=import] button[type=submit]');
    assert.equal(await submit.property('disabled'), true, 'nothing is imported before the mood is placed');
    await (await app.find('label[for=mood-0-0]')).click();
    await app.session.execute('document.querySelector("[data-testid=import]").scrollIntoView()');
    await sleep(300);
    await app.screenshot('data-import-daylio');
    await assertAccessible(app, 'Settings → Data placing a Daylio mood');
    await submit.click();
    await waitFor(
      async () => /Check-ins\s*3\s*0\s*0/.test(await (await app.find('[data-testid=import-summary]')).text()),
      'three check-ins added',
    );
    const checkins = await app.invoke('list_checkins', { since: null, until: null });
    assert.deepEqual(checkins.map((c) => c.mood).sort(), [0, 1, 2]);
  } finally {
    await app.quit();
  }
});

test('make a backup, see it listed, and restore it after a confirmation', async () => {
  const app = await App.launch();
  try {
    const ana = await app.invoke('add_person', { input: { name: 'Ana', relationship: 'colleague', notes: '' } });
    await app.invoke('add_exchange', { input: exchange(ana.id, 'given', 'covered her Friday shift') });
    await app.reload();
    await openData(app);
    // The daily backup was made when the app opened the journal.
    await waitFor(() => app.session.findByText('[data-testid=backup-row]', 'Daily'), 'the daily backup');

    await app.clickText('button', 'Back up now');
    await waitFor(() => app.find('[data-testid=backup-done]'), 'the backup message');
    const made = await waitFor(() => app.session.findByText('[data-testid=backup-row]', 'Made by you'), 'the new backup');
    assert.match(await made.text(), /KB|bytes/);
    await app.screenshot('data-backups');
    await assertAccessible(app, 'Settings → Data with backups');

    // Something written after the backup goes away with the restore.
    await app.invoke('add_exchange', { input: exchange(ana.id, 'received', 'brought me coffee') });
    const button = await made.find('button');
    await button.click();
    const dialog = await waitFor(() => app.find('dialog[open]'), 'the confirmation');
    assert.match(await dialog.text(), /kept\s+first, as a backup/);
    await app.screenshot('data-restore-confirm');
    await assertAccessible(app, 'the restore confirmation');
    await app.clickText('dialog[open] button', 'Replace my journal');
    const done = await waitFor(() => app.find('[data-testid=backup-done]'), 'the restore message');
    assert.match(await done.text(), /Restored your journal/);
    const whats = (await app.invoke('list_exchanges', { filter: {} })).map((e) => e.what);
    assert.deepEqual(whats, ['covered her Friday shift']);
    await waitFor(() => app.session.findByText('[data-testid=backup-row]', 'Before a restore'), 'the safety backup');

    await app.nav('Timeline');
    await waitFor(() => app.session.findByText('[data-testid=entry]', 'covered her Friday shift'), 'the restored entry');
    assert.equal(await app.session.findByText('[data-testid=entry]', 'brought me coffee'), null);
  } finally {
    await app.quit();
  }
});

test('a daily backup that cannot be made is a quiet notice, and the journal still opens', async () => {
  const db = tempJournal('nobackup');
  // A file where the backups folder would go.
  writeFileSync(join(dirname(db), 'backups'), 'in the way');
  const app = await App.launch(db);
  try {
    const toast = await waitFor(() => app.session.findByText('[data-testid=toast]', 'backup could not be made'), 'the notice');
    assert.match(await toast.text(), /automatic backup/);
    const status = await app.invoke('journal_status');
    assert.equal(status.error, null);
  } finally {
    await app.quit();
  }
});
