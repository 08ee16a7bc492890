// Each hosting recipe sends the same headers: the ones the page's <meta> CSP cannot carry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './harness.mjs';

const REQUIRED = {
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};
const read = (f) => fs.readFileSync(path.join(root, 'hosting', f), 'utf8');

function fromHeadersFile(text) {
  return Object.fromEntries(text.split('\n').filter((l) => /^\s+\S+:/.test(l))
    .map((l) => l.trim().split(/:\s*/, 2)).map(([k, v]) => [k.toLowerCase(), v]));
}
function fromStaticWebApp(text) {
  const headers = JSON.parse(text).globalHeaders;
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
function fromNginx(text) {
  return Object.fromEntries([...text.matchAll(/add_header\s+(\S+)\s+"([^"]*)"\s+always;/g)]
    .map(([, k, v]) => [k.toLowerCase(), v]));
}

test('every hosting recipe carries the headers a meta tag cannot set', () => {
  for (const [file, parse] of [['_headers', fromHeadersFile], ['staticwebapp.config.json', fromStaticWebApp], ['nginx.conf', fromNginx]]) {
    assert.deepEqual(parse(read(file)), REQUIRED, file);
  }
});

test("the page's own CSP allows no inline script but its loader, and frames nothing", () => {
  const html = fs.readFileSync(path.join(root, 'dist', 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.ok(!directives['script-src'].includes("'unsafe-inline'"));
  assert.ok(directives['script-src'].some((s) => /^'sha256-[A-Za-z0-9+/]{43}='$/.test(s)), 'the loader by its hash');
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'self'"]);
  assert.ok(!directives['connect-src'].includes('http:'), 'plain http only to this machine');
});
