// A passphrase in the real window: protect the journal from Settings, restart to the unlock
// screen, a wrong then the right passphrase, and the lock that closes the journal when the
// window is left alone.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { App, assertAccessible, exchange, sleep, tempJournal, waitFor, typeInto } from '../lib/index.mjs';

const PASSPHRASE = 'a garden of quiet words';
const WORD = 'lanternquince';

/** Every file in the journal's folder (backups included) holding `word` in the clear. */
function filesHolding(db, word) {
  const found = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (readFileSync(path).includes(word)) found.push(e.name);
    }
  };
  walk(dirname(db));
  return found;
}


test('a journal protected in Settings opens only with its passphrase, and locks when left alone', async () => {
  const db = tempJournal('passphrase');
  const app = await App.launch(db);
  try {
    const person = await app.invoke('add_person', { input: { name: 'Noor', relationship: 'friend', notes: '' } });
    await app.invoke('add_exchange', { input: exchange(person.id, 'received', `a ${WORD} from the market`), new_person: null });
    await app.reload();
    assert.ok(filesHolding(db, WORD).length > 0, 'the word is readable before protecting');

    await app.nav('Settings');
    await app.clickText('button', 'Protect this journal with a passphrase');
    await typeInto(app, '#pass-new', PASSPHRASE);
    await typeInto(app, '#pass-again', 'a different passphrase');
    await app.clickText('form button', 'Protect');
    const mismatch = await waitFor(() => app.find('[data-testid=passphrase-settings] [role=alert]'), 'the mismatch');
    assert.match(await mismatch.text(), /differ/);
    await typeInto(app, '#pass-again', PASSPHRASE);
    await app.clickText('form button', 'Protect');
    await waitFor(() => app.session.findByText('button', 'Change the passphrase'), 'the protected state');
    assert.deepEqual(filesHolding(db, WORD), []);
    await app.session.execute(`document.querySelector('[data-testid=passphrase-settings]').scrollIntoView()`);
    await app.screenshot('passphrase-settings');
    await assertAccessible(app, 'the passphrase settings');

    await app.restart();
    const unlock = await waitFor(() => app.find('[data-testid=unlock]'), 'the unlock screen');
    assert.match(await unlock.text(), /locked/);
    await app.screenshot('unlock');
    await assertAccessible(app, 'the unlock screen');

    await typeInto(app, '#unlock-passphrase', 'not my passphrase');
    await app.clickText('button', 'Unlock');
    const wrong = await waitFor(() => app.find('#unlock-error'), 'the wrong-passphrase message');
    assert.match(await wrong.text(), /does not open/);
    assert.ok(await app.find('[data-testid=unlock]'), 'still locked');

    await typeInto(app, '#unlock-passphrase', PASSPHRASE);
    await app.clickText('button', 'Unlock');
    await waitFor(() => app.find('nav'), 'the journal after unlocking');
    await app.nav('Timeline');
    await waitFor(() => app.session.findByText('main', WORD), 'the exchange on the timeline');

    // The idle lock, at its shortest: a minute without a key press, click or pointer move.
    await app.nav('Settings');
    await app.session.execute(`const s = document.getElementById('lock-after');
      s.value = '1'; s.dispatchEvent(new Event('change', { bubbles: true }));`);
    await waitFor(() => app.session.findByText('body', 'locks after a minute'), 'the lock saved');
    await sleep(60_000);
    await waitFor(() => app.find('[data-testid=unlock]'), 'the unlock screen after a minute alone', 20_000);
  } finally {
    await app.quit();
  }
});
