// Measures the desktop window on generated 1-, 10- and 20-year journals, through tauri-driver
// and WebKitWebDriver as the end-to-end tests drive it: restart to content, switching to
// Timeline, People, Patterns and the busiest person's page, Save to the entry on the
// timeline, and the memory (RSS) of the app with its WebKit processes. Prints medians, and
// the same start and memory for the floor app (benches/floor-app: Tauri with one line of HTML,
// same profile and Tauri features) with the journal app's ratios to it.
//
//   RECIPROCITY_APP=target/release/reciprocity-desktop RECIPROCITY_CLI=target/release/recip \
//     RECIPROCITY_FLOOR=target/release/reciprocity-floor \
//     xvfb-run -a node scripts/bench-app.mjs [runs]     (BENCH_YEARS=1,10,20 by default)
//
// Run it on a quiet machine and read the figures as ratios within one run (the load average
// is printed beside them); nothing here is a test.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { App, Key, appBinary, tempJournal, waitFor } from '../e2e/lib/index.mjs';

const runs = Number(process.argv[2] ?? 5);
const recip = process.env.RECIPROCITY_CLI ?? join(appBinary, '..', 'recip');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function journal(years) {
  const db = tempJournal(`bench-${years}y`);
  execFileSync(recip, ['demo', '--db', db, '--years', String(years)], { env: { ...process.env, RECIPROCITY_DB: db } });
  return db;
}

/** Clicks the sidebar's `label` in the page itself: one driver call, so the figure below is
 * the window's and not the driver's looking for the button. */
const go = (app, label) => () =>
  app.session.execute(
    `Array.from(document.querySelectorAll('nav button')).find((b) => b.textContent.includes(arguments[0])).click()`,
    [label],
  );

/** Milliseconds from `act` until an element matching `css` (holding `text`, when given)
 * is in the window: one script per look, so the figure is the window's, not the driver's. */
async function timed(app, act, css, text = '') {
  const look = `return Array.from(document.querySelectorAll(arguments[0])).some((e) => e.textContent.includes(arguments[1]))`;
  const t0 = performance.now();
  await act();
  while (!(await app.session.execute(look, [css, text]))) {
    if (performance.now() - t0 > 30_000) throw new Error(`timed out waiting for ${css} ${text}`);
  }
  return performance.now() - t0;
}

/** RSS in MB of the app and of every WebKit process it started. */
function rssMb(app = 'reciprocity-des') {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '';
      if (name === app || /WebKitWebProces|WebKitNetworkPr/.test(name)) kb += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    } catch {
      /* gone */
    }
  }
  return kb / 1024;
}

async function measure(years) {
  const db = journal(years);
  const busiest = JSON.parse(execFileSync(recip, ['--json', 'person', 'list'], { env: { ...process.env, RECIPROCITY_DB: db } }))
    .sort((a, b) => b.given + b.received - (a.given + a.received))[0];
  const app = await App.launch(db);
  const m = { start: [], timeline: [], people: [], patterns: [], person: [], log: [], rss: 0 };
  try {
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      await app.restart();
      await waitFor(async () => (await app.findAll('[data-testid=insight], [data-testid=no-flags]')).length > 0, 'Home', 30_000);
      m.start.push(performance.now() - t0);
      m.timeline.push(await timed(app, go(app, 'Timeline'), '[data-testid=entry]'));
      m.people.push(await timed(app, go(app, 'People'), '[data-testid=person-row]', busiest.person.name));
      m.patterns.push(await timed(app, go(app, 'Patterns'), '[data-testid=asks-panel]'));
      await app.nav('People');
      await waitFor(() => app.session.findByText('[data-testid=person-row]', busiest.person.name), 'the busiest person');
      const open = () =>
        app.session.execute(
          `Array.from(document.querySelectorAll('[data-testid=person-row]')).find((b) => b.textContent.includes(arguments[0])).click()`,
          [busiest.person.name],
        );
      m.person.push(await timed(app, open, '[data-testid=person-name]'));
      await app.nav('Timeline');
      await app.session.keys('l');
      await waitFor(() => app.find('#log-person'), 'the log');
      await app.session.keys(busiest.person.name);
      await waitFor(() => app.session.findByText('[role=option]', busiest.person.name), 'the person');
      await app.session.keys(Key.Enter, Key.Tab, `bench favour ${i}`);
      m.log.push(await timed(app, () => app.session.keys(Key.Enter), '[data-testid=entry]', `bench favour ${i}`));
    }
    m.rss = rssMb();
  } finally {
    await app.quit();
  }
  return m;
}

/** The floor app: restart until its one line shows, and its memory. */
async function measureFloor(binary) {
  const app = await App.launch(tempJournal('bench-floor'), binary);
  const m = { start: [], rss: 0 };
  try {
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      await app.restart();
      await waitFor(() => app.find('[data-testid=floor]'), 'the floor', 30_000);
      m.start.push(performance.now() - t0);
    }
    m.rss = rssMb('reciprocity-flo');
  } finally {
    await app.quit();
  }
  return m;
}

const floorBinary = process.env.RECIPROCITY_FLOOR ?? join(appBinary, '..', 'reciprocity-floor');
const floor = await measureFloor(floorBinary);
const floorStart = median(floor.start);
const rows = [];
const ratios = [];
for (const years of (process.env.BENCH_YEARS ?? '1,10,20').split(',').map(Number)) {
  const m = await measure(years);
  rows.push([`${years} y`, ...['start', 'timeline', 'people', 'patterns', 'person', 'log'].map((k) => median(m[k]).toFixed(0)), m.rss.toFixed(0)]);
  ratios.push(`${years} y: start ${(median(m.start) / floorStart).toFixed(2)}× the floor, RSS ${(m.rss / floor.rss).toFixed(2)}×`);
}
console.log(`app ${appBinary}; ${runs} runs each; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('journal | restart→Home ms | Timeline ms | People ms | Patterns ms | busiest person ms | Save→timeline ms | RSS MB');
for (const r of rows) console.log(r.join(' | '));
console.log(`floor ${floorBinary}: restart→content ${floorStart.toFixed(0)} ms, RSS ${floor.rss.toFixed(0)} MB`);
for (const r of ratios) console.log(r);
