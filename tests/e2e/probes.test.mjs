// The probes, end to end: the release page in Chromium against Debian's docker-registry behind
// the test token server (one front per fault), and dnsdist serving DoH. scripts/test.sh starts
// them (tests/services/start.sh); the ports are in tests/services/ports.sh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useBrowser, openPage, artifacts, entraToken, fillIn } from './harness.mjs';
import { FRONT, STOPPED, DOH } from './ports.mjs';

const shared = useBrowser();

/**
 * Open the page with non-secret settings in the query, type secrets, run, wait for the end.
 * The test registries are not Azure's: `trust` ticks "Send my token to …", as their owner would.
 */
async function probe({ registry, doh = DOH, entra = '', refresh = '', user = '', password = '', repository = '', tenant = '', timeout = '', trust = true, shot }) {
  const q = new URLSearchParams({ registry, doh });
  const opened = await openPage(shared.browser, `${shared.base}?${q}`);
  const { page } = opened;
  if (trust && await page.locator('[data-testid=trust-registry]').count()) await page.check('[data-testid=trust-registry]');
  if (entra) await fillIn(page, '[data-testid=entra-token-input]', entra);
  if (refresh) await fillIn(page, '[data-testid=refresh-token-input]', refresh);
  if (user) await fillIn(page, '[data-testid=username-input]', user);
  if (password) await fillIn(page, '[data-testid=password-input]', password);
  if (repository) await fillIn(page, '[data-testid=repository-input]', repository);
  if (tenant) await fillIn(page, '[data-testid=tenant-input]', tenant);
  if (timeout) await fillIn(page, '[data-testid=timeout-input]', timeout);
  const started = Date.now();
  await page.press('[data-testid=registry-input]', 'Enter');
  await page.waitForSelector('[data-testid=probe]');
  await page.waitForSelector('[data-testid=cancel-probes][disabled]', { timeout: 30_000 });
  const elapsed = Date.now() - started;
  const steps = Object.fromEntries(await page.$$eval('[data-testid=probe]', (ps) => ps.map((p) => [
    p.dataset.probe, { status: p.dataset.status, code: p.dataset.code ?? null, text: p.innerText },
  ])));
  if (shot) await page.locator('.probes').screenshot({ path: path.join(artifacts, `probe-${shot}.png`) });
  return { ...opened, steps, elapsed };
}

function expectSteps(steps, expected) {
  const got = Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, v.code ? `${v.status} ${v.code}` : v.status]));
  assert.deepEqual(got, expected);
}

test('healthy registry: every step passes, tokens are inspected, secrets stay in memory', async () => {
  const entra = entraToken();
  const { page, steps, requests, context } = await probe({ registry: `http://127.0.0.1:${FRONT.none}`, entra, shot: 'healthy' });
  expectSteps(steps, {
    dns: 'skipped', reachability: 'ok', challenge: 'ok', 'refresh-token': 'ok', 'access-token': 'ok', catalog: 'ok',
  });
  assert.match(steps.challenge.text, /realm http:\/\/127\.0\.0\.1:15001\/oauth2\/token, service acr-doctor\.test/);
  assert.match(steps['access-token'].text, /The token the registry returned\s+Kind\s+ACR access token[\s\S]*registry:catalog:\*/);
  assert.match(steps['refresh-token'].text, /Tenant\s+tenant-1/);
  // The exchange shows two tokens: each says where it came from.
  assert.match(steps['refresh-token'].text, /The token you gave\s+Kind\s+Microsoft Entra token[\s\S]*The token the registry returned\s+Kind\s+ACR refresh token/);
  // The way to the registry as the browser saw it: the data endpoint is beyond what it may read.
  assert.deepEqual(await page.$$eval('[data-testid=path-diagram][data-source=probes] li', (ls) => ls.map((l) => [l.dataset.hop, l.dataset.state])), [
    ['browser', 'passed'], ['dns', 'unknown'], ['login-server', 'passed'], ['exchange', 'passed'], ['access-token', 'passed'], ['data', 'blocked'],
  ]);
  // The secret is nowhere but in memory: not in the URL, storage, cookies or the page's text.
  const leaks = await page.evaluate((t) => [location.href, JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), document.cookie, document.body.innerText].filter((s) => s.includes(t)).length, entra);
  assert.equal(leaks, 0);
  // Every request went to the registry's origin, except the page itself.
  const origin = new URL(shared.base).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('http://127.0.0.1:15001/')), []);
  await context.close();
});

test('an ACR refresh token skips the exchange; admin credentials use Basic; a repository lists its tags', async () => {
  // Get a real refresh token from the exchange first, as az acr login --expose-token would.
  const r = await fetch(`http://127.0.0.1:${FRONT.none}/oauth2/exchange`, {
    method: 'POST', body: new URLSearchParams({ grant_type: 'access_token', service: 'acr-doctor.test', access_token: entraToken() }),
  });
  const { refresh_token: refresh } = await r.json();
  let run = await probe({ registry: `http://127.0.0.1:${FRONT.none}`, refresh });
  expectSteps(run.steps, { dns: 'skipped', reachability: 'ok', challenge: 'ok', 'refresh-token': 'skipped', 'access-token': 'ok', catalog: 'ok' });
  assert.match(run.steps.catalog.text, /catalog: hello/);
  assert.match(run.steps['access-token'].text, /The token you gave\s+Kind\s+ACR refresh token[\s\S]*The token the registry returned\s+Kind\s+ACR access token/);
  await run.context.close();

  run = await probe({ registry: `http://127.0.0.1:${FRONT.none}`, user: 'testadmin', password: 'testpassword', repository: 'hello', shot: 'admin-tags' });
  expectSteps(run.steps, { dns: 'skipped', reachability: 'ok', challenge: 'ok', 'refresh-token': 'skipped', 'access-token': 'ok', catalog: 'ok' });
  assert.match(run.steps.catalog.text, /hello tags: v1/);
  assert.match(run.steps['access-token'].text, /repository:hello:pull/);
  await run.context.close();

  run = await probe({ registry: `http://127.0.0.1:${FRONT.none}`, user: 'testadmin', password: 'wrong' });
  expectSteps(run.steps, { dns: 'skipped', reachability: 'ok', challenge: 'ok', 'refresh-token': 'skipped', 'access-token': 'error CONNECTIVITY_ACCESS_TOKEN_ERROR', catalog: 'skipped' });
  await run.context.close();

  run = await probe({ registry: `http://127.0.0.1:${FRONT.none}`, entra: entraToken(), repository: 'nope' });
  assert.equal(run.steps.catalog.status, 'warning');
  assert.match(run.steps.catalog.text, /does not exist/);
  await run.context.close();
});

test('an Entra token from another tenant is flagged', async () => {
  const { steps, context } = await probe({ registry: `http://127.0.0.1:${FRONT.none}`, entra: entraToken(), tenant: 'tenant-2' });
  assert.match(steps['refresh-token'].text, /Tenant tenant-1, but the registry's is tenant-2/);
  await context.close();
});

test('registry stopped: not reachable, the rest skipped', async () => {
  const { steps, context } = await probe({ registry: `http://127.0.0.1:${STOPPED}` });
  expectSteps(steps, {
    dns: 'skipped', reachability: 'error CONNECTIVITY_CHALLENGE_ERROR', challenge: 'skipped',
    'refresh-token': 'skipped', 'access-token': 'skipped', catalog: 'skipped',
  });
  await context.close();
});

test('a port that never answers fails within the configured timeout', async () => {
  const { steps, elapsed, context } = await probe({ registry: `http://127.0.0.1:${FRONT.hang}`, timeout: '2', shot: 'timeout' });
  expectSteps(steps, {
    dns: 'skipped', reachability: 'error CONNECTIVITY_CHALLENGE_ERROR', challenge: 'skipped',
    'refresh-token': 'skipped', 'access-token': 'skipped', catalog: 'skipped',
  });
  assert.match(steps.reachability.text, /no answer within the timeout/);
  assert.ok(elapsed < 10_000, `took ${elapsed} ms`);
  await context.close();
});

test('challenge faults map to the CLI codes', async () => {
  for (const [fault, code, shot] of [
    ['deny', 'CONNECTIVITY_FORBIDDEN_ERROR', 'forbidden'],
    ['notfound', 'CONNECTIVITY_CHALLENGE_ERROR', 'notfound'],
    ['basic', 'CONNECTIVITY_AAD_LOGIN_ERROR', 'basic'],
  ]) {
    const { steps, context } = await probe({ registry: `http://127.0.0.1:${FRONT[fault]}`, entra: entraToken(), shot });
    expectSteps(steps, {
      dns: 'skipped', reachability: 'ok', challenge: `error ${code}`,
      'refresh-token': 'skipped', 'access-token': 'skipped', catalog: 'skipped',
    });
    if (fault === 'deny') assert.match(steps.challenge.text, /DENIED: client with IP '127\.0\.0\.1' is not allowed access/);
    await context.close();
  }
});

test('no CORS (like Azure): blocked, with the commands, and their output decodes in the explainer', async () => {
  const { page, steps, context } = await probe({ registry: `http://127.0.0.1:${FRONT.nocors}`, entra: entraToken(), shot: 'blocked' });
  expectSteps(steps, {
    dns: 'skipped', reachability: 'ok', challenge: 'blocked',
    'refresh-token': 'skipped', 'access-token': 'skipped', catalog: 'skipped',
  });
  const commands = await page.locator('[data-testid=probe][data-probe=challenge] [data-testid=command] code').allInnerTexts();
  assert.deepEqual(commands, [`curl -si http://127.0.0.1:${FRONT.nocors}/v2/`, 'az acr check-health -n <registry-name> --yes']);
  // The results in one block: how the run ended, its steps, the drawing, the share bar; then the
  // kit, open, with what the browser could not see said next to it.
  const order = await page.$$eval('.probes [data-testid=probe-summary], .probes .probe-steps, .probes [data-testid=path-diagram], .probes [data-testid=report-actions], .probes [data-testid=kit-hint], .probes [data-testid=kit]',
    (els) => els.map((e) => e.dataset.testid ?? e.className));
  assert.deepEqual(order, ['probe-summary', 'probe-steps', 'path-diagram', 'report-actions', 'kit-hint', 'kit']);
  assert.equal(await page.locator('[data-testid=kit]').evaluate((d) => d.open), true);
  // Each form of the kit with its run line, Copy and Download.
  await page.waitForSelector('[data-testid=kit-sh]');
  assert.equal(await page.locator('[data-testid=kit-run-sh] code').innerText(), 'sh acr-doctor-kit.sh');
  await page.click('.kit-ps > summary');
  assert.match(await page.locator('[data-testid=kit-run-ps] code').innerText(), /^powershell .*-File \.\\acr-doctor-kit\.ps1$/);
  assert.equal(await page.locator('[data-testid=kit-copy-ps]').count(), 1);
  assert.equal(await page.locator('[data-testid=kit-download-ps]').count(), 1);
  // The person runs curl and pastes its output back.
  const curl = await fetch(`http://127.0.0.1:${FRONT.nocors}/v2/`);
  const pasted = `$ curl -si http://127.0.0.1:${FRONT.nocors}/v2/\nHTTP/1.1 ${curl.status} Unauthorized\nWww-Authenticate: ${curl.headers.get('www-authenticate')}\n`;
  await page.fill('[data-testid=paste-input]', pasted);
  await page.waitForSelector('[data-testid=verdict][data-verdict=healthy]');
  await context.close();
});

test('token faults: a bad Entra token, throttling, a denied scope', async () => {
  let run = await probe({ registry: `http://127.0.0.1:${FRONT.none}`, entra: entraToken({ secret: 'not-the-right-key' }), shot: 'bad-entra' });
  expectSteps(run.steps, {
    dns: 'skipped', reachability: 'ok', challenge: 'ok',
    'refresh-token': 'error CONNECTIVITY_REFRESH_TOKEN_ERROR', 'access-token': 'skipped', catalog: 'skipped',
  });
  assert.match(run.steps['refresh-token'].text, /HTTP 401/);
  await run.context.close();

  run = await probe({ registry: `http://127.0.0.1:${FRONT.throttle}`, entra: entraToken() });
  expectSteps(run.steps, {
    dns: 'skipped', reachability: 'ok', challenge: 'ok',
    'refresh-token': 'error CONNECTIVITY_TOOMANYREQUESTS_ERROR', 'access-token': 'skipped', catalog: 'skipped',
  });
  await run.context.close();

  run = await probe({ registry: `http://127.0.0.1:${FRONT['scope-denied']}`, entra: entraToken() });
  expectSteps(run.steps, {
    dns: 'skipped', reachability: 'ok', challenge: 'ok',
    'refresh-token': 'ok', 'access-token': 'error CONNECTIVITY_ACCESS_TOKEN_ERROR', catalog: 'skipped',
  });
  await run.context.close();
});

test('DNS over HTTPS: NXDOMAIN and a private-endpoint CNAME', async () => {
  let run = await probe({ registry: 'missing', shot: 'nxdomain' });
  assert.equal(run.steps.dns.status, 'error');
  assert.equal(run.steps.dns.code, 'CONNECTIVITY_DNS_ERROR');
  assert.match(run.steps.dns.text, /NXDOMAIN/);
  await run.context.close();

  run = await probe({ registry: 'private.azurecr.io', shot: 'private' });
  assert.equal(run.steps.dns.status, 'warning');
  assert.match(run.steps.dns.text, /private\.privatelink\.azurecr\.io/);
  assert.match(run.steps.dns.text, /10\.0\.0\.5/);
  // The browser cannot reach it (and may not: the test browser resolves nothing off this machine).
  assert.equal(run.steps.reachability.status, 'error');
  await run.context.close();

  run = await probe({ registry: 'public' });
  assert.equal(run.steps.dns.status, 'ok');
  assert.match(run.steps.dns.text, /20\.1\.2\.3/);
  await run.context.close();
});

test('DNS over HTTPS: A and AAAA, the region a chain ends in, and the data endpoint asked of the same resolver', async () => {
  let run = await probe({ registry: 'regional', shot: 'data-endpoint' });
  assert.equal(run.steps.dns.status, 'ok');
  assert.match(run.steps.dns.text, /Azure region swedencentral/);
  assert.match(run.steps.dns.text, /regional\.swedencentral\.data\.azurecr\.io resolves too \(20\.1\.2\.9\)/);
  assert.match(run.steps.dns.text, /IPv6 as well: 2603:1020:1:2::4\./);
  // The three questions (A, AAAA, the data endpoint) went to the resolver typed, and nowhere else.
  const doh = run.requests.filter((u) => u.startsWith(DOH));
  assert.equal(doh.length, 3, JSON.stringify(run.requests));
  await run.context.close();

  run = await probe({ registry: 'storage' });
  assert.equal(run.steps.dns.status, 'ok');
  assert.match(run.steps.dns.text, /Azure region westeurope/);
  assert.match(run.steps.dns.text, /storage\.westeurope\.data\.azurecr\.io does not exist/);
  await run.context.close();

  // No region in the chain: no question about a data endpoint (A and AAAA only).
  run = await probe({ registry: 'public' });
  assert.equal(run.requests.filter((u) => u.startsWith(DOH)).length, 2);
  assert.match(run.steps.dns.text, /IPv4 only: no AAAA record\./);
  assert.doesNotMatch(run.steps.dns.text, /data endpoint|region/);
  await run.context.close();
});

test('a resolver that cannot be asked: the DNS step says so, and the drawing never calls DNS passed', async () => {
  const run = await probe({ registry: 'public', doh: `http://127.0.0.1:${STOPPED}/dns-query` });
  assert.equal(run.steps.dns.status, 'warning');
  assert.match(run.steps.dns.text, /could not be asked/);
  const dns = await run.page.getAttribute('[data-testid=path-diagram][data-source=probes] li[data-hop=dns]', 'data-state');
  assert.notEqual(dns, 'passed');
  await run.context.close();
});

test('a realm on another host gets no secret', async () => {
  const entra = entraToken();
  const { steps, requests, context } = await probe({ registry: `http://127.0.0.1:${FRONT['foreign-realm']}`, entra });
  expectSteps(steps, {
    dns: 'skipped', reachability: 'ok', challenge: 'ok',
    'refresh-token': 'skipped', 'access-token': 'skipped', catalog: 'skipped',
  });
  assert.match(steps['refresh-token'].text, /auth\.example\.test, another host than the registry's/);
  assert.deepEqual(requests.filter((u) => u.includes('example.test')), []);
  await context.close();
});

test('cancel stops a run', async () => {
  const q = new URLSearchParams({ registry: `http://127.0.0.1:${FRONT.hang}`, doh: DOH, timeout: '30' });
  const { page, context } = await openPage(shared.browser, `${shared.base}?${q}`);
  await page.click('[data-testid=run-probes]');
  await page.waitForSelector('[data-testid=probe][data-probe=reachability][data-status=running]');
  await page.click('[data-testid=cancel-probes]');
  await page.waitForSelector('[data-testid=cancel-probes][disabled]', { timeout: 5_000 });
  assert.equal(await page.getAttribute('[data-testid=probe][data-probe=reachability]', 'data-status'), 'skipped');
  await context.close();
});

test('the token inspector decodes a pasted token and says what is wrong', async () => {
  const { page, context } = await openPage(shared.browser, shared.base);
  await page.fill('[data-testid=token-inspector-input]', entraToken({ aud: 'https://management.core.windows.net/', exp: -120 }));
  const text = await page.locator('.token-inspector').innerText();
  assert.match(text, /Microsoft Entra token/);
  assert.match(text, /Expired 2 min ago/);
  assert.match(text, /Azure Resource Manager/);
  await page.fill('[data-testid=token-inspector-input]', 'not a token');
  assert.match(await page.locator('[data-testid=token-error]').innerText(), /Not a token: a JWT has three parts/);
  await context.close();
});
