// WCAG 2.1 A and AA, checked by axe-core inside the real window, in the light and the dark
// theme. The window's content security policy lets no script be loaded, but WebDriver's
// execute-script runs in the page: axe's source goes in as the body of such a script.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './app.mjs';

const require = createRequire(import.meta.url);
function axePath() {
  try {
    return require.resolve('axe-core/axe.min.js');
  } catch {
    throw new Error('axe-core is not installed for the e2e suite: run `scripts/setup.sh test` (or `cd e2e && npm ci`)');
  }
}
const axeSource = readFileSync(axePath(), 'utf8');
export const axeVersion = require('axe-core/package.json').version;

/** The rules: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Each theme's page background, to be sure the switch took effect before checking. */
const BACKGROUND = { light: '#f6f2ea', dark: '#1a1917' };

/** The window in a theme, for looking into a failure (and every check with E2E_A11Y_SHOTS=1). */
async function keepScreenshot(session, screen, theme) {
  const dir = join(repoRoot, 'e2e', 'artifacts');
  mkdirSync(dir, { recursive: true });
  const name = `a11y-${screen.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${theme}.png`;
  writeFileSync(join(dir, name), await session.screenshot());
}

/** Puts axe into the page (once per page load). */
async function inject(session) {
  const present = await session.execute('return !!(window.axe && window.axe.run)');
  if (present) return;
  // Run as a function body: axe's wrapper attaches itself to `window`.
  await session.execute(`${axeSource}\n;return !!(window.axe && window.axe.run);`);
  const ok = await session.execute('return !!(window.axe && window.axe.run)');
  if (!ok) throw new Error('axe-core could not be put into the window');
}

/**
 * Sets the theme as Settings → Theme does (`applyTheme` in ui/src/lib/theme.ts: the
 * `data-theme` attribute on <html>), without leaving the screen being checked. The choice is
 * not stored, so nothing outlasts the check.
 */
async function applyTheme(session, theme) {
  await session.execute(
    `const root = document.documentElement;
     if (arguments[0] === null) root.removeAttribute('data-theme'); else root.setAttribute('data-theme', arguments[0]);`,
    [theme],
  );
  // Two frames, so styles are recomputed and painted before axe reads them.
  await session.executeAsync('const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));');
}

async function pageBackground(session) {
  return session.execute(
    `const c = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number);
     return '#' + c.map((n) => n.toString(16).padStart(2, '0')).join('');`,
  );
}

/** Runs the WCAG rules on the whole page; the violations, trimmed to what a report needs. */
async function runAxe(session) {
  const result = await session.executeAsync(
    `const done = arguments[arguments.length - 1];
     window.axe
       .run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
       .then(
         (r) => done({
           ok: r.violations.map((v) => ({
             id: v.id,
             impact: v.impact,
             help: v.help,
             nodes: v.nodes.map((n) => ({
               target: n.target.join(' '),
               html: n.html.slice(0, 160),
               data: [...n.any, ...n.all, ...n.none].map((c) => c.data).filter((d) => d && typeof d === 'object'),
               summary: n.failureSummary,
             })),
           })),
           incomplete: r.incomplete.map((v) => v.id + ' ×' + v.nodes.length + ' (' + v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ') + ')'),
         }),
         (e) => done({ err: String(e && e.stack || e) }),
       );`,
    [WCAG_TAGS],
  );
  if (result.err) throw new Error(`axe-core failed in the window: ${result.err}`);
  return result;
}

/** One line per failing element: rule, selector, and for contrast the numbers. */
export function describeViolations(violations) {
  const lines = [];
  for (const v of violations) {
    for (const n of v.nodes) {
      const c = n.data.find((d) => 'contrastRatio' in d);
      const numbers = c
        ? ` — ${c.fgColor} on ${c.bgColor}: ${c.contrastRatio}:1, needs ${c.expectedContrastRatio}, at ${c.fontSize} ${c.fontWeight}`
        : '';
      lines.push(`  [${v.theme}] ${v.id} (${v.impact}): ${n.target}${numbers}\n      ${v.help}; ${n.html}`);
    }
  }
  return lines.join('\n');
}

/**
 * Checks what the window shows now against WCAG 2.1 A and AA, in the light and then the dark
 * theme (`themes`: fewer, or 'current' for the theme shown now), and puts the theme back as
 * it was. Any violation fails the test with each element's rule, selector and numbers.
 */
export async function assertAccessible(app, screen, { themes = ['light', 'dark'] } = {}) {
  const session = app.session;
  await inject(session);
  const before = await session.execute("return document.documentElement.getAttribute('data-theme')");
  const violations = [];
  const seen = [];
  try {
    for (const theme of themes) {
      // 'current': as the window shows it (such as a theme just chosen in Settings).
      if (theme !== 'current') {
        await applyTheme(session, theme);
        const bg = await pageBackground(session);
        if (bg !== BACKGROUND[theme]) throw new Error(`${screen}: the ${theme} theme did not apply (page background ${bg})`);
      }
      const { ok, incomplete } = await runAxe(session);
      seen.push(`${theme}: ${ok.length} violations${incomplete.length ? `; for review: ${incomplete.join(', ')}` : ''}`);
      if (ok.length || process.env.E2E_A11Y_SHOTS) await keepScreenshot(session, screen, theme);
      for (const v of ok) violations.push({ ...v, theme });
    }
  } finally {
    await applyTheme(session, before);
  }
  if (process.env.E2E_DEBUG || process.env.E2E_A11Y_LOG) console.log(`# axe ${axeVersion} on ${screen}: ${seen.join('; ')}`);
  if (violations.length) {
    const count = violations.reduce((sum, v) => sum + v.nodes.length, 0);
    throw new Error(`${screen}: ${count} WCAG 2.1 A/AA violations (axe-core ${axeVersion})\n${describeViolations(violations)}`);
  }
}
