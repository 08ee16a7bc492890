// Shared by the end-to-end tests: serve the built page under a sub-path, start Debian's
// Chromium headless with traffic confined to this machine, and helpers to read the page.
import http from 'node:http';
import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import os from 'node:os';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { NGINX } from './ports.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = process.env.ACR_DOCTOR_DIST ?? path.join(root, 'dist');
export const artifacts = path.join(here, 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });

/** The page lives under a sub-path, as on any static host. */
export const SUB_PATH = '/tools/acr-doctor/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

/** A static file server for `dist` on 127.0.0.1, on a free port. */
export async function serveDist() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(SUB_PATH)) {
      res.writeHead(404).end('not under the sub-path');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(SUB_PATH.length)) || 'index.html';
    const file = path.join(dist, rel);
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { server, base: `http://127.0.0.1:${port}${SUB_PATH}` };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // No test can send traffic off this machine, whatever name the page is given.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** A fresh page (fresh storage) at the app, in a given browser language. */
export async function openPage(browser, base, { locale = 'en-US', hash = '' } = {}) {
  const context = await browser.newContext({ locale, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  /** Every console line, whatever its level: no secret may ever appear in one. */
  const consoleLines = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    consoleLines.push(m.text());
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(base + hash);
  await page.waitForSelector('[data-testid=paste-input]');
  return { context, page, errors, requests, consoleLines };
}

/**
 * Paste text as a person does: the box focused, a `paste` event carrying the text in its
 * clipboardData; where the page does not take the paste itself, the browser's own part (the
 * text into the box, an `input` event of type insertFromPaste). Then wait for its verdict: the
 * box is cleared first, so the verdict waited for is this paste's.
 */
export async function paste(page, text) {
  await page.click('[data-testid=clear]');
  await page.waitForSelector('[data-testid=verdict]', { state: 'detached' });
  await page.evaluate(dispatchPaste, text);
  if (text.trim()) await page.waitForSelector('[data-testid=verdict]');
}

/** The paste itself, run in the page (also by bench.mjs, which times it there). */
export function dispatchPaste(t) {
  const box = document.querySelector('[data-testid=paste-input]');
  box.focus();
  const data = new DataTransfer();
  data.setData('text/plain', t);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  if (box.dispatchEvent(event)) {
    box.value = t;
    box.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  }
}

/** Text set into the box as a script or an extension would, with the browser's `input` event
 * (run in the page: `page.evaluate(fillBox, text)`). */
export function fillBox(t) {
  const box = document.querySelector('[data-testid=paste-input]');
  box.value = t;
  box.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
}

/** An "Entra" token as the test token server accepts it (HS256 with the test secret). */
export function entraToken({ secret = 'acr-doctor-test-entra-secret', aud = 'https://containerregistry.azure.net', exp = 3600 } = {}) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'HS256', typ: 'JWT' });
  const body = b64({ aud, iss: 'https://sts.windows.net/tenant-1/', tid: 'tenant-1', upn: 'dev@contoso.test', iat: now, exp: now + exp });
  const sig = crypto.createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** What the page shows for the current paste. */
export async function readFindings(page) {
  // A card's folded part ("more about this code") is read unfolded, as a person opening it.
  await page.$$eval('[data-testid=finding] details', (all) => all.forEach((d) => { d.open = true; }));
  return page.$$eval('[data-testid=finding]', (cards) => cards.map((c) => ({
    code: c.dataset.code,
    status: c.dataset.httpStatus ?? null,
    registry: c.dataset.registry ?? null,
    text: c.innerText,
  })));
}

export async function verdict(page) {
  return page.getAttribute('[data-testid=verdict]', 'data-verdict');
}

/** The verbatim paste of a real sample fixture. */
export function sample(name) {
  const text = fs.readFileSync(path.join(root, 'core/tests/fixtures/real', name), 'utf8');
  return text.split('# ----- verbatim paste below this line -----\n')[1];
}

/**
 * Fill a field of the probe form as a person does: a folded section (Credentials, Settings) is
 * opened first.
 */
export async function fillIn(page, selector, value) {
  await page.$eval(selector, (el) => { const d = el.closest('details'); if (d) d.open = true; });
  await page.fill(selector, value);
}

/** One served page and one browser for a test file, closed after it. */
export function useBrowser() {
  const shared = {};
  before(async () => {
    shared.served = await serveDist();
    shared.base = shared.served.base;
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    shared.served?.server.close();
  });
  return shared;
}

/**
 * hosting/nginx.conf run by nginx itself (Debian's nginx-light): the recipe as written, but for
 * its two site-specific lines (plain HTTP on a loopback port instead of 443 with a certificate,
 * and the root), inside a minimal main configuration of the test's own.
 */
const BROTLI_STATIC = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** nginx with the hosting recipe, serving a copy of `from` (the page's dist unless told). */
export async function startNginx(from = dist) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acr-doctor-nginx-'));
  // nginx's workers run as another user: they must be able to read the copy.
  fs.chmodSync(dir, 0o755);
  const site = path.join(dir, 'site');
  fs.cpSync(from, site, { recursive: true });
  // The copy keeps the modes of what it copies: a directory made by mktemp is the owner's alone.
  fs.chmodSync(site, 0o755);
  const recipe = fs.readFileSync(path.join(root, 'hosting', 'nginx.conf'), 'utf8');
  if (!(recipe.includes('listen 443 ssl;') && recipe.includes('root /srv/acr-doctor;'))) throw new Error('the recipe lacks the two lines the test replaces');
  const server = recipe
    .replace('listen 443 ssl;', `listen 127.0.0.1:${NGINX};`)
    .replace('root /srv/acr-doctor;', `root ${site};`);
  fs.writeFileSync(path.join(dir, 'server.conf'), server);
  const temp = (name) => `${name}_temp_path ${path.join(dir, name)};`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), [
    // The recipe's brotli_static comes from a module (Debian's libnginx-mod-http-brotli-static).
    `load_module ${BROTLI_STATIC};`,
    'daemon off;', `pid ${path.join(dir, 'nginx.pid')};`, `error_log ${path.join(dir, 'error.log')};`,
    'events {}',
    `http { access_log off; ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join(' ')} include ${path.join(dir, 'server.conf')}; }`,
  ].join('\n'));
  const base = `http://127.0.0.1:${NGINX}/`;
  // Nothing may answer there yet: an answer would come from another server (one left running).
  if (await fetch(base).then(() => true, () => false)) throw new Error(`something already answers on port ${NGINX}: an nginx left running?`);
  const nginx = spawn('/usr/sbin/nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr.on('data', (d) => { stderr += d; });
  for (let i = 0; ; i++) {
    try {
      await fetch(base);
      break;
    } catch (e) {
      if (i > 100 || nginx.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { base, stop: () => { nginx.kill(); fs.rmSync(dir, { recursive: true, force: true }); } };
}
