// Editing, deleting with Undo, searching, settling, and the person page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { App, Key, assertAccessible, daysBefore, exchange, waitFor } from '../lib/index.mjs';

async function seed(app) {
  const sam = await app.invoke('add_person', { input: { name: 'Sam Rivera', relationship: 'friend', notes: '' } });
  const ada = await app.invoke('add_person', { input: { name: 'Ada Okafor', relationship: 'colleague', notes: '' } });
  const ladder = await app.invoke('add_exchange', {
    input: exchange(sam.id, 'received', 'lent me a ladder', {
      note: 'for the gutters before the storm',
      occurred_on: daysBefore(3),
      feelings: { gratitude: 4, indebtedness: 1, pressure: null, discomfort: null, warmth: null, drained: null, expectation: null },
    }),
  });
  const review = await app.invoke('add_exchange', {
    input: exchange(ada.id, 'given', 'reviewed her slides', { note: 'quarterly planning deck', kind: 'advice', value: 2 }),
  });
  await app.invoke('add_exchange', {
    input: exchange(sam.id, 'given', 'cooked dinner for Sam', { kind: 'hospitality', value: 4, occurred_on: daysBefore(1) }),
  });
  await app.reload();
  return { sam, ada, ladder, review };
}

const entry = (app, text) => waitFor(() => app.session.findByText('[data-testid=entry]', text), `the entry “${text}”`);

test('edit an entry', async () => {
  const app = await App.launch();
  try {
    const { review } = await seed(app);
    await app.nav('Timeline');
    await app.screenshot('timeline');
    await assertAccessible(app, 'the timeline');
    await (await (await entry(app, 'reviewed her slides')).find('button[aria-label^="Edit"]')).click();
    const what = await waitFor(() => app.find('#log-what'), 'the edit form');
    await assertAccessible(app, 'the quick log editing an entry');
    assert.equal(await what.property('value'), 'reviewed her slides');
    await what.clear();
    await what.type('reviewed her slides and the budget');
    await app.session.keys(Key.Enter);
    await waitFor(async () => (await app.findAll('dialog[open]')).length === 0, 'the form to close');
    await entry(app, 'reviewed her slides and the budget');
    const stored = await app.invoke('get_exchange', { id: review.id });
    assert.equal(stored.what, 'reviewed her slides and the budget');
    assert.equal(stored.kind, 'advice');
  } finally {
    await app.quit();
  }
});

test('delete an entry and undo', async () => {
  const app = await App.launch();
  try {
    const { review } = await seed(app);
    await app.nav('Timeline');
    await (await (await entry(app, 'reviewed her slides')).find('button[aria-label^="Delete"]')).click();
    const toast = await waitFor(() => app.find('[data-testid=toast]'), 'the undo message');
    assert.match(await toast.text(), /Deleted “reviewed her slides”/);
    await waitFor(async () => !(await app.session.findByText('[data-testid=entry]', 'reviewed her slides')), 'the entry to go');
    assert.equal((await app.invoke('get_exchange', { id: review.id })).deleted_at !== null, true);
    await app.screenshot('undo');
    await assertAccessible(app, 'the timeline with an Undo message');
    await (await toast.find('button')).click();
    await entry(app, 'reviewed her slides');
    assert.equal((await app.invoke('get_exchange', { id: review.id })).deleted_at, null);
  } finally {
    await app.quit();
  }
});

test('search finds an entry by a word of its note', async () => {
  const app = await App.launch();
  try {
    await seed(app);
    await app.nav('Timeline');
    const search = await app.find('#tl-search');
    await search.click();
    await app.session.keys('gutters');
    await waitFor(async () => (await app.findAll('[data-testid=entry]')).length === 1, 'one result');
    const only = await app.texts('[data-testid=entry]');
    assert.match(only[0], /lent me a ladder/);
    await app.screenshot('search');
    await assertAccessible(app, 'the timeline searched');
    // With filters set as well.
    await app.session.execute(
      `for (const [id, v] of [['tl-direction', 'received'], ['tl-kind', 'favour']]) {
         const s = document.getElementById(id); s.value = v; s.dispatchEvent(new Event('change', { bubbles: true }));
       }`,
    );
    await waitFor(async () => (await app.findAll('[data-testid=entry]')).length === 1, 'the filtered entry');
    await assertAccessible(app, 'the timeline with filters');
    await search.clear();
    await search.type('nothingmatchesthis');
    await waitFor(() => app.session.findByText('.empty', 'Nothing matches'), 'the empty message');
    await assertAccessible(app, 'the timeline with nothing matching');
  } finally {
    await app.quit();
  }
});

test('settle a received favour, and see it on the person page', async () => {
  const app = await App.launch();
  try {
    const { ladder, sam } = await seed(app);
    await app.nav('Timeline');
    const item = await entry(app, 'lent me a ladder');
    assert.match(await (await item.find('[data-testid=settlement]')).text(), /Open/);
    await (await item.find('button[aria-label^="Settle"]')).click();
    await waitFor(() => app.find('#settle-returned'), 'the settle dialog');
    await (await app.find('label[for=settle-returned]')).click();
    const by = await waitFor(() => app.find('#settle-by'), 'the returned-by choice');
    await waitFor(async () => (await by.findAll?.('option'))?.length ?? true, 'options');
    await app.session.execute(
      `const s = document.getElementById('settle-by');
       const o = [...s.options].find((o) => o.textContent.includes('cooked dinner'));
       s.value = o.value; s.dispatchEvent(new Event('change', { bubbles: true }));`,
    );
    await app.screenshot('settle');
    await assertAccessible(app, 'the settle dialog');
    await app.clickText('dialog button', 'Save');
    await waitFor(async () => (await (await (await entry(app, 'lent me a ladder')).find('[data-testid=settlement]')).text()).includes('Returned'), 'the settled entry');
    const stored = await app.invoke('get_exchange', { id: ladder.id });
    assert.equal(stored.settlement, 'returned');

    await app.nav('People');
    await app.clickText('[data-testid=person-row]', 'Sam Rivera');
    await waitFor(async () => (await (await app.find('[data-testid=person-name]')).text()) === 'Sam Rivera', 'the person page');
    const history = await waitFor(async () => {
      const t = await app.texts('[data-testid=entry]');
      return t.length === 2 ? t : null;
    }, 'Sam’s history');
    assert.ok(history.some((t) => t.includes('lent me a ladder') && t.includes('Returned')));
    assert.ok(history.some((t) => t.includes('cooked dinner for Sam')));
    await app.screenshot('person');
    await assertAccessible(app, 'a person page');
    await app.nav('People');
    await waitFor(() => app.session.findByText('[data-testid=person-row]', 'Ada Okafor'), 'the people list');
    await app.screenshot('people');
    await assertAccessible(app, 'People');
    assert.equal(sam.name, 'Sam Rivera');
  } finally {
    await app.quit();
  }
});

test('edit and archive a person', async () => {
  const app = await App.launch();
  try {
    const { ada } = await seed(app);
    await app.nav('People');
    await app.clickText('[data-testid=person-row]', 'Ada Okafor');
    await waitFor(async () => (await (await app.find('[data-testid=person-name]')).text()) === 'Ada Okafor', 'Ada’s page');
    await app.clickText('main button', 'Edit');
    const name = await waitFor(() => app.find('#pf-name'), 'the person form');
    await assertAccessible(app, 'a person page editing the person');
    await name.clear();
    await name.type('Ada N. Okafor');
    await app.clickText('main form button', 'Save');
    await waitFor(async () => (await (await app.find('[data-testid=person-name]')).text()) === 'Ada N. Okafor', 'the new name');
    await app.clickText('main button', 'Archive');
    await waitFor(async () => (await app.invoke('get_person', { id: ada.id })).archived_at !== null, 'Ada archived');
    await app.nav('People');
    await waitFor(() => app.session.findByText('[data-testid=person-row]', 'Sam Rivera'), 'the people list');
    assert.equal(await app.session.findByText('[data-testid=person-row]', 'Ada'), null, 'archived people are hidden');
    await (await app.find('.archived input')).click();
    await waitFor(() => app.session.findByText('[data-testid=person-row]', 'Ada N. Okafor'), 'Ada among archived people');
  } finally {
    await app.quit();
  }
});

test('an online friend counts as personal on their page and in the timeline filter', async () => {
  const app = await App.launch();
  try {
    const rae = await app.invoke('add_person', { input: { name: 'Rae Online', relationship: 'online', notes: '' } });
    await app.invoke('add_exchange', { input: exchange(rae.id, 'given', 'proofread her story') });
    await app.reload();
    await app.nav('People');
    await (await waitFor(() => app.session.findByText('button, a', 'Rae Online'), 'Rae in People')).click();
    await waitFor(() => app.session.findByText('p.muted', 'Personal'), 'the person page saying Personal');
    await app.nav('Timeline');
    await entry(app, 'proofread her story');
    await app.session.execute(`const s = document.querySelector('#tl-sphere');
      s.value = 'personal'; s.dispatchEvent(new Event('change', { bubbles: true }));`);
    await entry(app, 'proofread her story');
    await app.session.execute(`const s = document.querySelector('#tl-sphere');
      s.value = 'community'; s.dispatchEvent(new Event('change', { bubbles: true }));`);
    await waitFor(async () => (await app.findAll('[data-testid=entry]')).length === 0, 'no community entries');
  } finally {
    await app.quit();
  }
});
