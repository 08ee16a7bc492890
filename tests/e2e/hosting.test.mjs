// Each hosting recipe sends the same headers (the ones the page's <meta> CSP cannot carry) and
// the same cache rules (a year for files named by their hash, none for index.html and sw.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root, dist, launch, openPage, paste, sample, readFindings, startNginx } from './harness.mjs';

const REQUIRED = {
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};
const read = (f) => fs.readFileSync(path.join(root, 'hosting', f), 'utf8');

const LONG = 'public, max-age=31536000, immutable';

/** Each recipe as rules: a test of a served path, and the headers it adds there. */
function fromHeadersFile(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (/^\//.test(line)) rules.push({ path: line.trim(), headers: {} });
    else if (/^\s+\S+:/.test(line)) {
      const [k, v] = line.trim().split(/:\s*/, 2);
      rules.at(-1).headers[k.toLowerCase()] = v;
    }
  }
  // A path with `*` matches any characters there.
  return rules.map(({ path: p, headers }) => ({
    matches: (url) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`).test(url),
    headers,
  }));
}
function fromStaticWebApp(text) {
  const config = JSON.parse(text);
  const lower = (h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
  const route = (r) => {
    const ext = r.match(/^\/\*\.\{(.+)\}$/);
    if (ext) return (url) => ext[1].split(',').some((e) => url.endsWith(`.${e}`));
    return (url) => url === r;
  };
  // The first route that matches applies, over the global headers.
  const routes = config.routes.map((r) => ({ matches: route(r.route), headers: lower(r.headers) }));
  return [{
    matches: () => true,
    pick: (url) => ({ ...lower(config.globalHeaders), ...routes.find((r) => r.matches(url))?.headers }),
  }];
}
function fromNginx(text) {
  // nginx picks one location; a regex location wins over the prefix `/` where it matches.
  const blocks = [...text.matchAll(/location\s+(~\s+(\S+)|\/)\s*\{([^}]*)\}/g)].map(([, , regex, body]) => ({
    regex: regex ? new RegExp(regex) : null,
    headers: Object.fromEntries([...body.matchAll(/add_header\s+(\S+)\s+"([^"]*)"\s+always;/g)].map(([, k, v]) => [k.toLowerCase(), v])),
  }));
  return [{
    matches: () => true,
    pick: (url) => (blocks.find((b) => b.regex?.test(url)) ?? blocks.find((b) => !b.regex)).headers,
  }];
}

/** The headers a recipe sends for a served path. */
function headersFor(rules, url) {
  if (rules[0].pick) return rules[0].pick(url);
  return Object.assign({}, ...rules.filter((r) => r.matches(url)).map((r) => r.headers));
}

/** The page's files: not their precompressed forms (name.br, name.gz), which a server that knows
 * them sends under the file's own URL. */
const pageFiles = (dir) => fs.readdirSync(dir).filter((f) => !/\.(br|gz)$/.test(f));

test('every hosting recipe sends, for every file of the page, the headers a meta tag cannot set, and caches only hashed files', () => {
  const files = pageFiles(path.join(root, 'dist'));
  assert.ok(files.some((f) => f.endsWith('.wasm')));
  for (const [file, parse] of [['_headers', fromHeadersFile], ['staticwebapp.config.json', fromStaticWebApp], ['nginx.conf', fromNginx]]) {
    const rules = parse(read(file));
    for (const url of ['/', ...files.map((f) => `/${f}`)]) {
      const { 'cache-control': cache, ...security } = headersFor(rules, url);
      assert.deepEqual(security, REQUIRED, `${file} ${url}`);
      const hashed = /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css|sh|ps1|json|txt)$/.test(url);
      assert.equal(cache, hashed ? LONG : 'no-cache', `${file} ${url}`);
    }
  }
});

test("the page's own CSP allows no inline script but its own, by their hashes, and frames nothing", () => {
  const html = fs.readFileSync(path.join(root, 'dist', 'index.html'), 'utf8');
  // The built page is minified: its attributes in any order, quoted only where they must be.
  const meta = html.match(/<meta [^>]*http-equiv="?Content-Security-Policy[^>]*>/)[0];
  const csp = meta.match(/content="([^"]+)"/)[1];
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.ok(!directives['script-src'].includes("'unsafe-inline'"));
  assert.ok(directives['script-src'].some((s) => /^'sha256-[A-Za-z0-9+/]{43}='$/.test(s)), 'the loader by its hash');
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'self'"]);
  assert.ok(!directives['connect-src'].includes('http:'), 'plain http only to this machine');
});

test('nginx itself, run with the recipe, sends every file its headers and type, compressed, and the page works through it', async () => {
  assert.ok(fs.existsSync('/usr/sbin/nginx'), 'scripts/setup.sh installs nginx-light');
  const served = await startNginx();
  try {
    const files = pageFiles(dist);
    const TYPE = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.sh': 'text/plain', '.ps1': 'text/plain', '.json': 'application/json', '.txt': 'text/plain' };
    for (const url of ['', ...files]) {
      // Each compressible file is sent as the browser asks: its brotli or its gzip form, made
      // at build time (scripts/precompress.mjs), whole once undone.
      const file = path.join(dist, url || 'index.html');
      if (fs.existsSync(`${file}.br`)) {
        for (const encoding of ['br', 'gzip']) {
          const res = await fetch(served.base + url, { headers: { 'accept-encoding': encoding } });
          assert.equal(res.headers.get('content-encoding'), encoding, `${url || '/'} as ${encoding}`);
          assert.equal(Number(res.headers.get('content-length')), fs.statSync(`${file}.${encoding === 'br' ? 'br' : 'gz'}`).size, `${url || '/'}: the ${encoding} form made at build time`);
          assert.ok(Buffer.from(await res.arrayBuffer()).equals(fs.readFileSync(file)), `${url || '/'} as ${encoding} arrives whole`);
        }
      }
      const res = await fetch(served.base + url);
      assert.equal(res.status, 200, url);
      const headers = Object.fromEntries(Object.keys(REQUIRED).map((k) => [k, res.headers.get(k)]));
      assert.deepEqual(headers, REQUIRED, url || '/');
      const hashed = /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css|sh|ps1|json|txt)$/.test(url);
      assert.equal(res.headers.get('cache-control'), hashed ? LONG : 'no-cache', url || '/');
      assert.equal(res.headers.get('content-type'), TYPE[path.extname(url || 'index.html')], url || '/');
      // Compressed on the wire (fetch asks for gzip or brotli and undoes it): every file of the page.
      assert.ok(['gzip', 'br'].includes(res.headers.get('content-encoding')), url || '/');
      const body = Buffer.from(await res.arrayBuffer());
      assert.ok(body.equals(fs.readFileSync(path.join(dist, url || 'index.html'))), `${url || '/'} arrives whole`);
    }
    // The page loads and explains a paste, served by nginx with those headers.
    const browser = await launch();
    try {
      const { page, errors } = await openPage(browser, served.base);
      await paste(page, sample('01-acr458-challenge-powershell.txt'));
      assert.ok((await readFindings(page)).length > 0);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  } finally {
    served.stop();
  }
});
