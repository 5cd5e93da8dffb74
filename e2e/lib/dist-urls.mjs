// Finds http(s) URLs in the built UI. The app must load nothing from a network, and Tauri
// would give a nonce even to a `<script src="http…">` already present in the bundled HTML,
// so the built files themselves are checked.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// Text that names a URL without loading it: XML namespaces in the DOM runtime, and the
// documentation links in Svelte's error messages.
const HARMLESS = [/^http:\/\/www\.w3\.org\/(1999\/xhtml|2000\/svg|1998\/Math\/MathML|1999\/xlink|XML\/1998\/namespace|2000\/xmlns\/?)$/, /^https:\/\/svelte\.dev\/e\/[a-z_]+$/];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Every http(s) URL in `dist` that is not known to be harmless, with its file. */
export function remoteUrls(dist) {
  const found = [];
  for (const path of files(dist)) {
    const text = readFileSync(path, 'latin1');
    const isMarkupOrStyle = /\.(html?|css|svg)$/i.test(path);
    for (const m of text.matchAll(/https?:\/\/[^\s"'`)<>\\]+/gi)) {
      const url = m[0];
      // In HTML and CSS any URL can be fetched; in scripts only unknown ones are suspect.
      if (isMarkupOrStyle || !HARMLESS.some((re) => re.test(url))) found.push({ file: relative(dist, path), url });
    }
  }
  return found;
}
