// The page as everyone meets it: axe-core (run in the page) finds nothing in each state a person
// reaches; the whole flow works from the keyboard; phones do not scroll sideways; dark mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowser, openPage, paste, sample, artifacts, entraToken, root, fillIn } from './harness.mjs';
import { FRONT, DOH } from './ports.mjs';

const shared = useBrowser();
const axeSource = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), 'node_modules/axe-core/axe.min.js'), 'utf8');
const samples = fs.readdirSync(path.join(root, 'core/tests/fixtures/real')).filter((f) => f.endsWith('.txt'));

/** axe-core's violations on the page as it is, one line each. */
async function violations(page) {
  // Evaluated by the test driver, not by a <script> (the page's CSP rightly refuses those).
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('axe-core finds nothing: empty, every real sample, French, dark', async () => {
  for (const [locale, scheme] of [['en-US', 'light'], ['fr-FR', 'light'], ['en-US', 'dark']]) {
    const { page, context } = await openPage(shared.browser, shared.base, { locale });
    // French comes with its texts (fetched when chosen): the page is checked once it is French.
    if (locale === 'fr-FR') await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await violations(page), [], `empty page, ${locale}, ${scheme}`);
    for (const name of samples) {
      await paste(page, sample(name));
      await page.locator('[data-testid=finding] details, [data-testid=finding]').first().waitFor();
      assert.deepEqual(await violations(page), [], `${name}, ${locale}, ${scheme}`);
    }
    await context.close();
  }
});

test('axe-core finds nothing with probe results, and status changes are announced', async () => {
  const q = new URLSearchParams({ registry: `http://127.0.0.1:${FRONT.none}`, doh: DOH });
  const { page, context } = await openPage(shared.browser, `${shared.base}?${q}`);
  await page.check('[data-testid=trust-registry]');
  await fillIn(page, '[data-testid=entra-token-input]', entraToken());
  await page.click('[data-testid=run-probes]');
  await page.waitForSelector('[data-testid=cancel-probes][disabled]');
  assert.equal(await page.getAttribute('.probe-steps', 'aria-live'), 'polite');
  assert.deepEqual(await violations(page), []);
  // A failing run too.
  await page.fill('[data-testid=registry-input]', `http://127.0.0.1:${FRONT.deny}`);
  await page.click('[data-testid=run-probes]');
  await page.waitForSelector('[data-testid=cancel-probes][disabled]');
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test('phones: no sideways scroll at 320 and 375 px, with a real paste and probe results', async () => {
  for (const width of [320, 375]) {
    const context = await shared.browser.newContext({ viewport: { width, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(shared.base);
    await page.waitForSelector('[data-testid=paste-input]');
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(await sideways(), 0, `${width} px, empty`);
    for (const name of samples) {
      await paste(page, sample(name));
      assert.equal(await sideways(), 0, `${width} px, ${name}`);
    }
    await page.screenshot({ path: path.join(artifacts, `phone-${width}.png`) });
    await context.close();
  }
});

test('dark mode: from the system, and the toggle is remembered over the system', async () => {
  const context = await shared.browser.newContext({ colorScheme: 'dark', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  await page.goto(shared.base);
  await page.waitForSelector('[data-testid=paste-input]');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();
  assert.notEqual(dark, 'rgb(246, 247, 249)');
  assert.equal(await page.getAttribute('[data-testid=theme-toggle]', 'aria-pressed'), 'true');
  await paste(page, sample('09-acr490-ignore-errors-challenge-helm-notary.txt'));
  await page.screenshot({ path: path.join(artifacts, 'dark.png') });
  // Chosen light: the page stays light after a reload, though the system is dark.
  await page.click('[data-testid=theme-toggle]');
  assert.equal(await background(), 'rgb(246, 247, 249)');
  await page.reload();
  await page.waitForSelector('[data-testid=paste-input]');
  assert.equal(await background(), 'rgb(246, 247, 249)');
  assert.equal(await page.getAttribute('[data-testid=theme-toggle]', 'aria-pressed'), 'false');
  // And dark again, chosen this time, survives a light system.
  await page.click('[data-testid=theme-toggle]');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await page.waitForSelector('[data-testid=paste-input]');
  assert.equal(await background(), dark);
  await context.close();
});

test('a focus ring is whole: no box around a Copy or a language button cuts it', async () => {
  const { page, context } = await openPage(shared.browser, shared.base);
  await paste(page, sample('01-acr458-challenge-powershell.txt'));
  const copy = page.locator('[data-testid=finding] .command .copy').first();
  await copy.waitFor();
  for (const control of [page.locator('[data-testid=lang-fr]'), page.locator('[data-testid=lang-en]'), copy]) {
    await control.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const clipped = await control.evaluate((button) => {
      const style = getComputedStyle(button);
      const ring = parseFloat(style.outlineWidth) + Math.max(0, parseFloat(style.outlineOffset));
      if (style.outlineStyle === 'none' || !(ring > 0)) return 'no focus ring';
      const r = button.getBoundingClientRect();
      const box = { left: r.left - ring, right: r.right + ring, top: r.top - ring, bottom: r.bottom + ring };
      for (let el = button.parentElement; el && el !== document.body; el = el.parentElement) {
        const s = getComputedStyle(el);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const a = el.getBoundingClientRect();
        if (box.left < a.left || box.right > a.right || box.top < a.top || box.bottom > a.bottom) {
          return `cut by ${el.tagName}.${el.className}`;
        }
      }
      return '';
    });
    assert.equal(clipped, '', await control.getAttribute('data-testid') ?? 'copy');
  }
  await page.screenshot({ path: path.join(artifacts, 'focus-copy.png'), clip: await copy.boundingBox().then((b) => ({ x: b.x - 300, y: b.y - 20, width: b.width + 320, height: b.height + 40 })) });
  await context.close();
});

test('print: cards open, no buttons', async () => {
  const { page, context } = await openPage(shared.browser, shared.base);
  await paste(page, sample('09-acr490-ignore-errors-challenge-helm-notary.txt'));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('button:visible').count(), 0);
  assert.equal(await page.locator('[data-testid=finding]:visible').count() > 0, true);
  assert.equal(await page.locator('.reference:visible').count(), 0);
  // Printing opens every closed card part (paper cannot be clicked), and closes them after.
  const closed = () => page.locator('main details:not([open])').count();
  assert.ok(await closed() > 0);
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  assert.equal(await closed(), 0);
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  assert.ok(await closed() > 0);
  await context.close();
});

/**
 * Press Tab until the focus is on `selector` (at most `max` presses; past the last control the
 * focus leaves the page and comes back at the top); each control it stops on shows its focus.
 */
async function tabTo(page, selector, { max = 150, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const stop = await page.evaluate((sel) => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { here: el.matches(sel), outline: style.outlineStyle, width: parseFloat(style.outlineWidth), what: `${el.tagName}.${el.className}` };
    }, selector);
    if (stop.what.startsWith('BODY')) continue;
    assert.ok(stop.outline !== 'none' && stop.width >= 2, `no visible focus on ${stop.what}`);
    if (stop.here) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

test('the whole flow from the keyboard alone, with visible focus', async () => {
  const { page, context, errors } = await openPage(shared.browser, `${shared.base}?${new URLSearchParams({ doh: DOH })}`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('body').focus();
  // Paste (typed: a keyboard's paste is text arriving in the box) and Explain.
  await tabTo(page, '[data-testid=paste-input]');
  await page.keyboard.insertText(sample('13-nishio-notes-dns-error-misspelt-registry.txt'));
  await tabTo(page, '[data-testid=decode]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=finding]');
  // Explain moves the focus to the verdict: the answer, not the top of the box.
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'verdict');
  // Copy a fix.
  await tabTo(page, '[data-testid=finding] .copy');
  await page.keyboard.press('Enter');
  assert.match(await page.evaluate(() => document.activeElement.innerText), /Copied/);
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^(az|nslookup|dig|curl) /);
  // Open a card of the reference from the finding's link, then the entry itself.
  await tabTo(page, '[data-testid=finding] .to-reference');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=reference-entry].target details[open]');
  // Run the probes against the test registry, then cancel a run that hangs.
  await tabTo(page, '[data-testid=registry-input]');
  await page.keyboard.insertText(`http://127.0.0.1:${FRONT.none}`);
  await tabTo(page, '[data-testid=trust-registry]');
  await page.keyboard.press('Space');
  await tabTo(page, '[data-testid=run-probes]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=cancel-probes][disabled]');
  assert.ok(await page.locator('[data-testid=probe][data-status=ok]').count() > 0);
  await page.focus('[data-testid=registry-input]');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(`http://127.0.0.1:${FRONT.hang}`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=cancel-probes]:not([disabled])');
  await tabTo(page, '[data-testid=cancel-probes]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=cancel-probes][disabled]', { timeout: 15_000 });
  // Switch language: back to the top.
  await page.locator('body').focus();
  await tabTo(page, '[data-testid=lang-fr]');
  await page.keyboard.press('Enter');
  // French comes once its texts are fetched (a data file, not in the first load).
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.match(await page.locator('h1').innerText(), /.+/);
  // The browser logs the registry's 401 challenge itself; nothing else may be logged.
  assert.deepEqual(errors.filter((e) => !/^Failed to load resource: .* 401/.test(e)), []);
  await context.close();
});
