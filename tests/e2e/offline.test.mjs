// Once loaded, the page works without the network: the service worker (static/sw.js) keeps the
// page's own files, serves them when the network fails, says so, and keeps nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, paste, sample, readFindings, entraToken, fillIn } from './harness.mjs';
import { FRONT, DOH } from './ports.mjs';

const shared = useBrowser();

test('offline after one visit: the page opens, explains a paste, and says it is the kept copy', async () => {
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(shared.base);
  await page.waitForSelector('[data-testid=paste-input]');
  // One visit is enough: the worker keeps the page and its files when it installs.
  await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true), null, { timeout: 15_000 });
  assert.equal(await page.locator('[data-testid=offline-notice]').count(), 0);
  const text = sample('13-nishio-notes-dns-error-misspelt-registry.txt');
  await paste(page, text);
  const online = await readFindings(page);
  // Cut at once, with nothing loaded since that first visit.
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-testid=offline-notice]');
  await paste(page, text);
  assert.deepEqual(await readFindings(page), online);
  await context.setOffline(false);

  // A probe run while online: nothing of it is kept.
  const q = new URLSearchParams({ registry: `http://127.0.0.1:${FRONT.none}`, doh: DOH });
  await page.goto(`${shared.base}?${q}`);
  await page.check('[data-testid=trust-registry]');
  await fillIn(page, '[data-testid=entra-token-input]', entraToken());
  await page.click('[data-testid=run-probes]');
  await page.waitForSelector('[data-testid=cancel-probes][disabled]');

  await context.setOffline(true);
  for (const url of [shared.base, `${shared.base}?${q}`, `${shared.base}index.html`]) {
    await page.goto(url);
    await page.waitForSelector('[data-testid=offline-notice]');
    await paste(page, text);
    assert.deepEqual(await readFindings(page), online, url);
  }
  assert.match(await page.locator('[data-testid=offline-notice]').innerText(), /No network/);

  // Kept: the page and its hashed files, under the page's path, and nothing else.
  const kept = await page.evaluate(async () => (await (await caches.open(`acr-doctor:${new URL('.', location.href).pathname}`)).keys()).map((r) => r.url));
  const names = kept.map((u) => {
    assert.ok(u.startsWith(shared.base.replace(/\/$/, '')) || u.startsWith(new URL(shared.base).origin), u);
    return u.slice(shared.base.length);
  });
  assert.deepEqual(names.sort(), names.filter((n) => n === '' || /^(acr-doctor-|acr-doctor-start-|acr-doctor-kit-|acr-doctor-fr-|acr-doctor-about-|acr-doctor-examples-)[0-9a-f]+(_bg\.wasm|\.js|\.sh|\.ps1|\.json|\.txt)$/.test(n)).sort());
  // The files fetched only when asked for were kept at the first visit too.
  assert.equal(names.filter((n) => /^acr-doctor-kit-[0-9a-f]+\.(sh|ps1)$/.test(n)).length, 2, names.join());
  assert.equal(names.filter((n) => /^acr-doctor-fr-[0-9a-f]+\.json$/.test(n)).length, 1, names.join());
  assert.equal(names.filter((n) => /^acr-doctor-about-[0-9a-f]+\.json$/.test(n)).length, 1, names.join());
  assert.equal(names.filter((n) => /^acr-doctor-examples-[0-9a-f]+\.txt$/.test(n)).length, 1, names.join());
  // The initializer the loader imports: without it the kept page would not start.
  assert.equal(names.filter((n) => /^acr-doctor-start-[0-9a-f]+\.js$/.test(n)).length, 1, names.join());

  // Offline, a card's folded meaning and an example still come: from what the worker kept.
  // (readFindings above unfolded the cards, as a person opening them.)
  const about = page.locator('[data-testid=finding] details.about').first();
  await page.waitForFunction(() => !document.querySelector('[data-about=waiting]'));
  assert.equal(await about.evaluate((d) => d.open), true);
  assert.match(await about.innerText(), /causes/i);
  await page.click('[data-testid=clear]');
  await page.click('[data-testid=example][data-example=docker]');
  await page.waitForSelector('[data-testid=finding][data-code=MANIFEST_UNKNOWN]');
  await paste(page, text);

  // Offline, French and the kit still come: from what the worker kept.
  await page.click('[data-testid=lang-fr]');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.match(await page.locator('[data-testid=finding][data-code=CONNECTIVITY_DNS_ERROR]').innerText(), /Le nom du registre ne se résout pas/);
  await page.fill('[data-testid=registry-input]', 'contoso');
  await page.click('[data-testid=kit] summary');
  await page.waitForSelector('[data-testid=kit-sh]');
  assert.match(await page.locator('[data-testid=kit-sh]').innerText(), /^ORIGIN='https:\/\/contoso\.azurecr\.io'$/m);
  await page.click('[data-testid=lang-en]');
  assert.equal(names.filter((n) => n.endsWith('.wasm')).length, 1);
  assert.ok(names.includes(''));

  // Online again: the page comes from the network, without the notice.
  await context.setOffline(false);
  await page.goto(shared.base);
  await page.waitForSelector('[data-testid=paste-input]');
  assert.equal(await page.locator('[data-testid=offline-notice]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
