// The built UI must not contain any http(s) URL to load.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../lib/app.mjs';
import { remoteUrls } from '../lib/dist-urls.mjs';

test('the built ui/dist loads nothing from a network', () => {
  const dist = join(repoRoot, 'ui', 'dist');
  assert.ok(existsSync(join(dist, 'index.html')), 'ui/dist is built');
  assert.ok(existsSync(join(dist, 'assets')), 'ui/dist holds the real build, not a placeholder');
  assert.deepEqual(remoteUrls(dist), []);
});

test('the check catches a remote script, stylesheet or fetch', () => {
  const dist = mkdtempSync(join(tmpdir(), 'recip-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<script src="http://cdn.example.com/x.js"></script>');
  writeFileSync(join(dist, 'assets', 'a.css'), '@import url(https://fonts.example.com/f.css);');
  writeFileSync(join(dist, 'assets', 'a.js'), 'fetch("https://api.example.com/track");const ns="http://www.w3.org/2000/svg";');
  assert.deepEqual(
    remoteUrls(dist).map((f) => f.url).sort(),
    ['http://cdn.example.com/x.js', 'https://api.example.com/track', 'https://fonts.example.com/f.css'],
  );
});
