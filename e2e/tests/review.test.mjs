// The review screens on a generated journal with planted patterns (`recip demo`): flags with
// their reasons and research, dismissing that lasts, open loops, the anxiety chart moving
// with a check-in, people by balance, a person's balance over time, and reflection settings.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { App, appBinary, assertAccessible, exchange, sleep, tempJournal, waitFor } from '../lib/index.mjs';

const recip = process.env.RECIPROCITY_CLI ?? join(appBinary, '..', 'recip');

function demoJournal(label) {
  const db = tempJournal(label);
  execFileSync(recip, ['demo', '--db', db], { env: { ...process.env, RECIPROCITY_DB: db } });
  return db;
}

function cliInsights(db) {
  return JSON.parse(execFileSync(recip, ['--json', 'insights'], { env: { ...process.env, RECIPROCITY_DB: db } }).toString());
}

async function flags(app) {
  return waitFor(async () => {
    const list = await app.texts('[data-testid=insight-headline]');
    return list.length ? list : null;
  }, 'the flags on Home', 20_000);
}

test('the home shows the planted flags; why has numbers and citations; a dismissal lasts', async () => {
  const db = demoJournal('review');
  const expected = cliInsights(db);
  assert.ok(expected.length >= 3, `the demo plants flags (${expected.length})`);
  const app = await App.launch(db);
  try {
    const shown = await flags(app);
    assert.ok(shown.length >= 3);
    assert.deepEqual(shown, expected.slice(0, shown.length).map((i) => i.headline), 'the core’s flags, most pressing first');
    for (const kind of ['over_giving', 'anxiety_growing']) {
      assert.ok(expected.some((i) => i.kind === kind), `planted ${kind}`);
    }
    await app.screenshot('review-home');
    await assertAccessible(app, 'Home with flags');

    const first = (await app.findAll('[data-testid=insight]'))[0];
    await (await first.find('button[aria-expanded]')).click();
    const why = await waitFor(() => app.find('[data-testid=why]'), 'the reasons');
    await waitFor(async () => (await app.findAll('[data-testid=citation]')).length > 0, 'a citation');
    const text = await why.text();
    assert.match(text, /\d/, 'the reasons carry numbers');
    assert.match(text, /\(\d{4}\)\. .+\./, 'a full citation: authors (year). title. source');
    await app.screenshot('review-why');
    await assertAccessible(app, 'Home with the reasons for a flag');

    // Dismiss the last flag shown; it stays away after a restart.
    const victim = expected[shown.length - 1];
    const card = await app.find(`[data-testid=insight][data-id="${victim.id}"]`);
    await (await card.find('[data-testid=dismiss]')).click();
    await waitFor(async () => !(await app.texts('[data-testid=insight-headline]')).includes(victim.headline), 'the flag to go');
    await app.restart();
    const after = await flags(app);
    assert.deepEqual(after, expected.filter((i) => i.id !== victim.id).slice(0, shown.length).map((i) => i.headline));
    assert.ok(!after.includes(victim.headline), 'still dismissed after a restart');

    // Snooze the first flag until a later day (two weeks by default); it stays hidden too.
    const snoozed = await app.find('[data-testid=insight]');
    const snoozedHeadline = await (await snoozed.find('[data-testid=insight-headline]')).text();
    await (await snoozed.find('[data-testid=snooze]')).click();
    const snoozeSave = await waitFor(() => app.find('[data-testid=snooze-save]'), 'the snooze form');
    await assertAccessible(app, 'Home with the snooze form');
    await snoozeSave.click();
    await waitFor(async () => !(await app.texts('[data-testid=insight-headline]')).includes(snoozedHeadline), 'the snoozed flag to go');
    await app.restart();
    assert.ok(!(await flags(app)).includes(snoozedHeadline), 'still snoozed after a restart');
  } finally {
    await app.quit();
  }
});

test('people by balance, a person page, patterns and a check-in that moves the anxiety chart', async () => {
  const db = demoJournal('review2');
  const app = await App.launch(db);
  try {
    await app.nav('People');
    await waitFor(async () => (await app.findAll('[data-testid=balance] svg')).length > 3, 'balance bars');
    const words = (await app.texts('[data-testid=balance]')).join(' ');
    assert.match(words, /you give more|they give more|about even/);
    await app.screenshot('review-people');
    await assertAccessible(app, 'People by balance');
    await (await app.find('label[for=sphere-workplace]')).click();
    await sleep(200);
    const rows = await app.texts('[data-testid=person-row]');
    assert.ok(rows.length > 0 && rows.every((r) => /· Work/.test(r)), 'only workplace people');
    await (await app.find('label[for=sphere-all]')).click();

    await (await app.findAll('[data-testid=person-row]'))[0].click();
    await waitFor(() => app.find('[data-testid=balance-chart] svg'), 'the balance over time');
    await waitFor(() => app.session.findByText('[data-testid=person-feelings]', 'When you'), 'the feelings');
    await app.screenshot('review-person');
    await assertAccessible(app, 'a person page with the balance over time');

    await app.nav('Patterns');
    const chart = await waitFor(() => app.find('[data-testid=anxiety-chart]'), 'the anxiety chart');
    assert.ok(chart);
    assert.match(await (await app.find('[data-testid=anxiety-state]')).text(), /steady|rising since|not enough yet/);
    await waitFor(() => app.session.findByText('[data-testid=spheres]', 'Belmi'), 'the sphere note');
    await app.screenshot('review-patterns');
    await assertAccessible(app, 'Patterns');
    // The chart's numbers as a table: one row a point, made when the table opens.
    const circles = await app.session.execute('return document.querySelectorAll("[data-testid=anxiety-chart] circle").length');
    assert.equal((await app.findAll('[data-testid=anxiety-chart] tbody tr')).length, 0, 'no rows while the table is closed');
    await (await app.find('[data-testid=anxiety-chart] summary')).click();
    await waitFor(async () => (await app.findAll('[data-testid=anxiety-chart] tbody tr')).length === circles, 'a row for each point');
    await assertAccessible(app, 'Patterns with the anxiety table open');
    // The same in the dark theme (the window keeps the choice, so put it back).
    await app.nav('Settings');
    await (await app.find('label[for=theme-dark]')).click();
    try {
      await app.nav('Patterns');
      await waitFor(() => app.find('[data-testid=anxiety-chart]'), 'the chart in the dark');
      await app.session.execute('document.getElementById("sph-h").scrollIntoView()');
      await app.screenshot('review-patterns-dark');
    } finally {
      await app.nav('Settings');
      await (await app.find('label[for=theme-system]')).click();
    }
    await app.nav('Patterns');
    await waitFor(() => app.find('[data-testid=anxiety-chart]'), 'the anxiety chart again');
    const lastBefore = await app.session.execute(
      'const p = [...document.querySelectorAll("[data-testid=anxiety-chart] circle")].pop(); return [p.getAttribute("cx"), p.getAttribute("cy")].join(",")',
    );

    await app.nav('Check-in');
    for (const id of ['ci-owing-4', 'ci-worry-4', 'ci-pressured-4']) await (await app.find(`label[for="${id}"]`)).click();
    await app.clickText('button', 'Save check-in');
    await waitFor(() => app.session.findByText('[role=status], .toast, *', 'Check-in saved'), 'the saved check-in').catch(() => sleep(500));
    await app.nav('Patterns');
    await waitFor(async () => {
      const now = await app.session.execute(
        'const p = [...document.querySelectorAll("[data-testid=anxiety-chart] circle")].pop(); return p && [p.getAttribute("cx"), p.getAttribute("cy")].join(",")',
      );
      return now && now !== lastBefore;
    }, 'the last point to move');
    const lastValue = await app.session.execute(
      'return Number([...document.querySelectorAll("[data-testid=anxiety-chart] circle")].pop().dataset.value)',
    );
    assert.ok(lastValue > 50, `today's index includes the check-in (${lastValue})`);
  } finally {
    await app.quit();
  }
});

test('settling an open loop removes it; the check-in day is kept in Settings', async () => {
  const db = demoJournal('review3');
  const app = await App.launch(db);
  try {
    await app.nav('Open loops');
    const loops = await waitFor(async () => {
      const l = await app.findAll('[data-testid=open-loop]');
      return l.length ? l : null;
    }, 'open loops');
    const before = loops.length;
    const what = (await app.texts('[data-testid=open-loop] .title'))[0];
    await app.screenshot('review-open-loops');
    await assertAccessible(app, 'Open loops');
    await (await loops[0].find('button')).click();
    await waitFor(async () => !(await app.texts('[data-testid=open-loop] .title')).includes(what), 'the settled loop to go');
    assert.equal((await app.findAll('[data-testid=open-loop]')).length, before - 1);

    await app.nav('Settings');
    const weekday = (new Date().getDay() + 6) % 7;
    await app.session.execute(
      `const s = document.getElementById('checkin-day'); s.value = '${weekday}'; s.dispatchEvent(new Event('change', { bubbles: true }));`,
    );
    await sleep(300);
    await app.session.execute('document.querySelector("details.advanced").open = true');
    await app.session.execute('document.querySelector("[data-testid=toast] button[aria-label=Dismiss]")?.click()');
    await app.session.execute('document.getElementById("reflect-h").scrollIntoView()');
    await app.screenshot('review-settings');
    await assertAccessible(app, 'Settings, every section, Advanced open');
    // The dark theme as chosen in Settings itself, then back to the system's.
    await (await app.find('label[for=theme-dark]')).click();
    try {
      assert.equal(await app.session.execute("return getComputedStyle(document.body).backgroundColor"), 'rgb(26, 25, 23)');
      await assertAccessible(app, 'Settings in the dark theme chosen there', { themes: ['current'] });
    } finally {
      await (await app.find('label[for=theme-system]')).click();
    }
    assert.deepEqual(await app.invoke('get_review_prefs'), { checkin_day: weekday, notify: false });
  } finally {
    await app.quit();
  }
});

test('on the check-in day Home offers a check-in, until one is saved', async () => {
  const app = await App.launch();
  try {
    const kim = await app.invoke('add_person', { input: { name: 'Kim', relationship: 'friend', notes: '' } });
    await app.invoke('add_exchange', { input: exchange(kim.id, 'received', 'brought soup when I was ill') });
    const weekday = (new Date().getDay() + 6) % 7;
    await app.invoke('save_review_prefs', { prefs: { checkin_day: weekday, notify: false } });
    await app.reload();
    await waitFor(() => app.find('[data-testid=checkin-reminder]'), 'the check-in reminder');
    await app.screenshot('review-reminder');
    await assertAccessible(app, 'Home with the check-in reminder');
    await app.clickText('[data-testid=checkin-reminder] button', 'Check in');
    await waitFor(() => app.find('#ci-reflection'), 'the check-in form');
    assert.ok((await (await app.find('[data-testid=prompt]')).text()).endsWith('?'), 'a reflection question');
    await assertAccessible(app, 'Check-in');
    await (await app.find('label[for="ci-owing-1"]')).click();
    await app.clickText('button', 'Save check-in');
    await waitFor(async () => (await app.invoke('list_checkins', { since: null, until: null })).length === 1, 'the saved check-in');
    await app.nav('Home');
    await waitFor(() => app.session.findByText('h2', 'Recently'), 'Home');
    await sleep(300);
    assert.equal((await app.findAll('[data-testid=checkin-reminder]')).length, 0, 'no reminder once checked in');
  } finally {
    await app.quit();
  }
});
