// Measures the desktop window on generated 1-, 10- and 20-year journals, through tauri-driver
// and WebKitWebDriver as the end-to-end tests drive it: start to content, switching to
// Timeline, People, Patterns and the busiest person's page, Save to the entry on the
// timeline, and the memory (RSS) of the app with its WebKit processes. Prints medians, and
// the same start and memory for the floor app (benches/floor-app: Tauri with one line of HTML,
// same profile and Tauri features) with the journal app's ratios to it.
//
//   RECIPROCITY_APP=target/release/reciprocity-desktop RECIPROCITY_CLI=target/release/recip \
//     RECIPROCITY_FLOOR=target/release/reciprocity-floor \
//     xvfb-run -a node scripts/bench-app.mjs [runs]     (BENCH_YEARS=1,10,20 by default)
//
// Start is timed from the driver's request for a new window until the first screen's content
// is in the document, polled every 10 ms, and until the page's first paint with content
// (`first-contentful-paint`; the app paints nothing before its first screen is whole). The
// floor app and the journal app start in turns (floor, app, floor, app, ...), each with the
// other's window closed, so both see the same moments of a shared machine; the ratio is the
// median of each turn's ratio. Screen
// figures are taken inside the page: from the click (or the form's submit) until the screen's
// content is in the document, and until the frame after it begins (when WebKit paints it).
// Memory is the app's process and its children (WebKit's web and network processes), read
// 1.5 s after the first screen shows, for the floor and the app alike, and again after the
// screens were visited.
//
// Run it on a quiet machine and read the figures as ratios within one run (the load average
// is printed beside them); nothing here is a test.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { App, Key, Session, appBinary, sleep, tempJournal, waitFor } from '../e2e/lib/index.mjs';

const runs = Number(process.argv[2] ?? 7);
const loadBefore = loadavg();
const recip = process.env.RECIPROCITY_CLI ?? join(appBinary, '..', 'recip');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function journal(years) {
  const db = tempJournal(`bench-${years}y`);
  execFileSync(recip, ['demo', '--db', db, '--years', String(years)], { env: { ...process.env, RECIPROCITY_DB: db } });
  return db;
}

/** In the page: does `act` (a sidebar label, a person's name, or 'submit'), then waits until
 * an element matching `css` holding `text` is in the document. Answers the milliseconds to
 * that and to the start of the next frame. */
const TIMED = `
  const done = arguments[arguments.length - 1];
  const [kind, target, css, text] = arguments;
  const has = () => Array.from(document.querySelectorAll(css)).some((e) => e.textContent.includes(text));
  let t0 = 0;
  const seen = () => {
    const dom = performance.now() - t0;
    requestAnimationFrame(() => done({ dom, frame: performance.now() - t0 }));
  };
  const watch = new MutationObserver(() => {
    if (!has()) return;
    watch.disconnect();
    seen();
  });
  watch.observe(document.body, { childList: true, subtree: true, characterData: true });
  setTimeout(() => { watch.disconnect(); done({ error: 'timed out waiting for ' + css + ' ' + text }); }, 30000);
  t0 = performance.now();
  if (kind === 'submit') document.querySelector('dialog[open] form').requestSubmit();
  else Array.from(document.querySelectorAll(kind)).find((b) => b.textContent.includes(target)).click();
`;

async function timed(app, kind, target, css, text = '') {
  const r = await app.session.executeAsync(TIMED, [kind, target, css, text]);
  if (r.error) throw new Error(r.error);
  return r;
}

/** RSS in MB of the process `name` started last, with every process under it. */
function treeRssMb(name) {
  const parent = new Map();
  const starts = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(pid, fields[1]);
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).startsWith(name)) starts.push([Number(fields[19]), pid]);
    } catch {
      /* gone */
    }
  }
  const root = starts.sort((a, b) => b[0] - a[0])[0]?.[1];
  let kb = 0;
  for (const pid of parent.keys()) {
    let p = pid;
    while (p && p !== root && p !== '0' && p !== '1') p = parent.get(p);
    if (p !== root) continue;
    try {
      kb += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* gone */
    }
  }
  return kb / 1024;
}

const HOME = '[data-testid=insight], [data-testid=no-flags]';
const FLOOR = '[data-testid=floor]';

/** Opens a window of `app` (whose last one was closed) and times it from the driver's request
 * until an element matching `css` is in the document (polled every 10 ms). */
async function timedOpen(app, css) {
  await sleep(500);
  const epoch = Date.now();
  const t0 = performance.now();
  app.session = await Session.create(app.base, { 'tauri:options': { application: app.binary } });
  for (;;) {
    try {
      if (await app.session.execute(`return !!document.querySelector(${JSON.stringify(css)})`)) break;
    } catch {
      /* the page is not there yet */
    }
    if (performance.now() - t0 > 30_000) throw new Error(`timed out waiting for ${css}`);
    await sleep(10);
  }
  const content = performance.now() - t0;
  // The page's own clock: when it began, and its first paint with content in it (which can
  // come after the content is found).
  for (;;) {
    const [origin, paint] = await app.session.execute(
      "const p = performance.getEntriesByName('first-contentful-paint')[0]; return [performance.timeOrigin, p ? p.startTime : null]",
    );
    if (paint !== null) return { content, painted: origin + paint - epoch };
    if (performance.now() - t0 > 30_000) throw new Error('timed out waiting for the first paint');
    await sleep(10);
  }
}

/** Opens a window of `app` and times it (`timedOpen`), then reads its memory once the first
 * screen has settled. */
async function openAndWeigh(app, css, processName) {
  const opened = await timedOpen(app, css);
  await sleep(1500);
  return { ...opened, rss: treeRssMb(processName) };
}

async function measure(years, floor) {
  const db = journal(years);
  const busiest = JSON.parse(execFileSync(recip, ['--json', 'person', 'list'], { env: { ...process.env, RECIPROCITY_DB: db } }))
    .sort((a, b) => b.given + b.received - (a.given + a.received))[0];
  const name = busiest.person.name;
  const app = await App.launch(db);
  const keys = ['timeline', 'people', 'patterns', 'person', 'log'];
  const m = { start: [], floorStart: [], painted: [], floorPainted: [], rss: [], floorRss: [], rssAfter: 0, dom: {}, frame: {} };
  for (const k of keys) (m.dom[k] = []), (m.frame[k] = []);
  const note = (k, r) => (m.dom[k].push(r.dom), m.frame[k].push(r.frame));
  try {
    for (let i = 0; i < runs; i += 1) {
      // One window at a time: each app starts with the other's window closed.
      await app.session.delete();
      const f = await openAndWeigh(floor, FLOOR, 'reciprocity-flo');
      m.floorStart.push(f.content), m.floorPainted.push(f.painted), m.floorRss.push(f.rss);
      await floor.session.delete();
      const a = await openAndWeigh(app, HOME, 'reciprocity-des');
      m.start.push(a.content), m.painted.push(a.painted), m.rss.push(a.rss);
      note('timeline', await timed(app, 'nav button', 'Timeline', '[data-testid=entry]'));
      note('people', await timed(app, 'nav button', 'People', '[data-testid=person-row]', name));
      note('patterns', await timed(app, 'nav button', 'Patterns', '[data-testid=asks-panel]'));
      await app.nav('People');
      await waitFor(() => app.session.findByText('[data-testid=person-row]', name), 'the busiest person');
      note('person', await timed(app, '[data-testid=person-row]', name, '[data-testid=person-name]', name));
      await app.nav('Timeline');
      await waitFor(() => app.find('[data-testid=entry]'), 'the timeline');
      await app.session.keys('l');
      await waitFor(() => app.find('#log-person'), 'the log');
      await app.session.keys(name);
      await waitFor(() => app.session.findByText('[role=option]', name), 'the person');
      await app.session.keys(Key.Enter, Key.Tab, `bench favour ${i}`);
      note('log', await timed(app, 'submit', '', '[data-testid=entry]', `bench favour ${i}`));
    }
    m.rssAfter = treeRssMb('reciprocity-des');
  } finally {
    await app.quit();
  }
  return m;
}

const floorBinary = process.env.RECIPROCITY_FLOOR ?? join(appBinary, '..', 'reciprocity-floor');
const floor = await App.launch(tempJournal('bench-floor'), floorBinary);
await floor.session.delete();
const ms = (xs) => median(xs).toFixed(0);
const rows = [];
const ratios = [];
try {
  for (const years of (process.env.BENCH_YEARS ?? '1,10,20').split(',').map(Number)) {
    const m = await measure(years, floor);
    const screens = ['timeline', 'people', 'patterns', 'person', 'log'].map((k) => `${ms(m.dom[k])} / ${ms(m.frame[k])}`);
    const turns = m.start.map((t, i) => t / m.floorStart[i]);
    const paintTurns = m.painted.map((t, i) => t / m.floorPainted[i]);
    rows.push([`${years} y`, `${ms(m.start)} / ${ms(m.painted)}`, `${ms(m.floorStart)} / ${ms(m.floorPainted)}`, ...screens, median(m.rss).toFixed(0), median(m.floorRss).toFixed(0), m.rssAfter.toFixed(0)]);
    ratios.push(
      `${years} y: start to content ${median(turns).toFixed(2)}× the floor (median of ${turns.length} turns; ` +
        `${(median(m.start) / median(m.floorStart)).toFixed(2)}× as a ratio of medians), ` +
        `to the first paint ${median(paintTurns).toFixed(2)}× (${(median(m.painted) / median(m.floorPainted)).toFixed(2)}×), ` +
        `RSS ${(median(m.rss) / median(m.floorRss)).toFixed(2)}×; ` +
        `starts in turns, floor/app ms: ${m.floorStart.map((f, i) => `${f.toFixed(0)}/${m.start[i].toFixed(0)}`).join(' ')}`,
    );
  }
} finally {
  await floor.quit();
}
console.log(`app ${appBinary}; floor ${floorBinary}; ${runs} runs each; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadavg().map((l) => l.toFixed(2)).join(' ')} after`);
console.log('start: ms from the request for a window to its first content in the document / to its first paint; screens: ms to content in the document / to the next frame');
console.log('journal | start | floor start | Timeline | People | Patterns | busiest person | Save→timeline | RSS MB at Home | floor RSS MB | after the screens');
for (const r of rows) console.log(r.join(' | '));
for (const r of ratios) console.log(r);
