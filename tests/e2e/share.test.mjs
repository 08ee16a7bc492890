// Share without secrets: the explanation copied as Markdown or downloaded as a .md file, read
// back with a real Markdown parser (marked), as the support engineer who receives it would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { marked } from 'marked';
import { useBrowser, openPage, paste, sample, entraToken, fillIn } from './harness.mjs';
import { FRONT, DOH } from './ports.mjs';

const shared = useBrowser();

async function copied(page) {
  await page.click('[data-testid=copy-markdown]');
  return page.evaluate(() => navigator.clipboard.readText());
}

test('a report after a paste and a probe run: findings, fixes, run, the steps table, and no secret', async () => {
  const entra = entraToken();
  const q = new URLSearchParams({ registry: `http://127.0.0.1:${FRONT.none}`, doh: DOH });
  const { page, context } = await openPage(shared.browser, `${shared.base}?${q}`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const text = sample('13-nishio-notes-dns-error-misspelt-registry.txt');
  await paste(page, text);
  await page.check('[data-testid=trust-registry]');
  await fillIn(page, '[data-testid=entra-token-input]', entra);
  await page.click('[data-testid=run-probes]');
  await page.waitForSelector('[data-testid=cancel-probes][disabled]');

  const md = await copied(page);
  const tokens = marked.lexer(md);
  const headings = tokens.filter((t) => t.type === 'heading').map((t) => `${t.depth} ${t.text}`);
  // The DNS error is the problem; the login's unreachable server follows from it.
  assert.match(headings[0], /^1 acr-doctor: 1 error$/);
  assert.match(md, /Follows from 2 \(CONNECTIVITY_DNS_ERROR\): fixing that fixes this\./);
  assert.ok(headings.includes('2 1. `LOGIN_SERVER_UNREACHABLE` — kouchouaiacr.azurecr.io'), headings.join('\n'));
  assert.ok(headings.includes('2 2. `CONNECTIVITY_DNS_ERROR` — kouchouaiacr.azurecr.io'), headings.join('\n'));
  // Numbered fixes, each command in its own code block inside its item.
  const fixes = tokens.filter((t) => t.type === 'list' && t.ordered);
  assert.equal(fixes.length, 2);
  assert.ok(fixes[1].items.some((i) => i.tokens.some((t) => t.type === 'code' && t.text === 'nslookup kouchouaiacr.azurecr.io')));
  // The probe steps as a table: one row per step shown on the page, with its status.
  const table = tokens.find((t) => t.type === 'table');
  const shown = await page.$$eval('[data-testid=probe]', (ps) => ps.length);
  assert.equal(table.rows.length, shown);
  assert.ok(table.rows.every((r) => ['OK', 'Skipped'].includes(r[1].text)), JSON.stringify(table.rows.map((r) => r[1].text)));
  // Nothing the person typed as a secret, no raw HTML.
  assert.ok(!md.includes(entra) && !md.includes(entra.split('.')[1]), 'the Entra token');
  assert.ok(!/eyJ[A-Za-z0-9_-]{10,}/.test(md), 'no JWT at all');
  assert.equal(tokens.filter((t) => t.type === 'html').length, 0);
  // The evidence by default: the lines each finding came from, in a code block.
  const withLines = md;
  const blocks = marked.lexer(withLines).filter((t) => t.type === 'code' && t.lang === 'text');
  assert.ok(blocks.some((b) => b.text.includes('CONNECTIVITY_DNS_ERROR')), withLines);
  // Unticked, the paste's lines stay out.
  await page.uncheck('[data-testid=include-lines]');
  assert.ok(!(await copied(page)).includes('Failed to reach DNS'), 'no paste line once unticked');
  await page.check('[data-testid=include-lines]');

  // The download is the same text.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-markdown]')]);
  assert.equal(download.suggestedFilename(), 'acr-doctor-report.md');
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), withLines);
  await context.close();
});

test("the report's evidence and timestamp: for the engineer who receives it", async () => {
  const { page, context } = await openPage(shared.browser, shared.base);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await paste(page, sample('05-acr756-login-fails-then-challenge-timestamp.txt'));
  assert.equal(await page.isChecked('[data-testid=include-lines]'), true, 'evidence in by default');
  const md = await copied(page);
  // When: the timestamp the CLI printed with its error.
  assert.match(md, /^When \(as printed with the errors\): 2024-05-18 06:54:20\.208894$/m);
  // The evidence: the pasted lines each finding came from.
  const blocks = marked.lexer(md).filter((t) => t.type === 'code' && t.lang === 'text');
  assert.ok(blocks.some((b) => /Could not connect to the registry login server 'readitpravacr\.azurecr\.io'/.test(b.text)), md);
  // What was run already, and no health check offered again.
  assert.match(md, /Already run: `az acr check-health`/);
  assert.doesNotMatch(md, /az acr check-health -n readitpravacr --yes --ignore-errors/);
  // Addressed to its reader, not to the page's: no "your case", no version trivia.
  assert.doesNotMatch(md, /In your case|below, with fixes for your registry|is available from 2\.73\.0/);
  // Links whole: a full stop after a URL is outside it.
  for (const link of [...marked.parse(md).matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])) assert.doesNotMatch(link, /[.,;:]$/, link);
  await context.close();
});

test('a hostile paste cannot put markup or links into the report', async () => {
  const { page, context } = await openPage(shared.browser, shared.base);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await paste(page, [
    'Azure CLI version: 2.61.0 <img src=x onerror=alert(1)> [click](http://evil.example)',
    'An error occurred: CONNECTIVITY_DNS_ERROR',
    "Failed to reach DNS for registry '<img src=x>.azurecr.io'.",
    'Error response from daemon: pull access denied for ![t](http://evil.example/t.png), repository does not exist',
  ].join('\n'));
  await page.check('[data-testid=include-lines]');
  const md = await copied(page);
  const html = marked.parse(md);
  // Our own documentation links are the only links; no image at all.
  assert.ok(!/<img/i.test(html), html);
  const links = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
  assert.ok(links.every((l) => l.startsWith('https://learn.microsoft.com/') || l.startsWith('https://aka.ms/')), links.join('\n'));
  await context.close();
});

test('probes alone: a report of the steps', async () => {
  const q = new URLSearchParams({ registry: `http://127.0.0.1:${FRONT.deny}`, doh: DOH });
  const { page, context } = await openPage(shared.browser, `${shared.base}?${q}`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.check('[data-testid=trust-registry]');
  await fillIn(page, '[data-testid=entra-token-input]', entraToken());
  await page.click('[data-testid=run-probes]');
  await page.waitForSelector('[data-testid=cancel-probes][disabled]');
  const md = await copied(page);
  const tokens = marked.lexer(md);
  assert.match(tokens[0].text, /probes from the browser/);
  const table = tokens.find((t) => t.type === 'table');
  const codes = await page.$$eval('[data-testid=probe][data-code]', (ps) => ps.map((p) => p.dataset.code));
  assert.ok(codes.length > 0);
  for (const code of codes) assert.ok(table.rows.some((r) => r[2].text.includes(code)), code);
  await context.close();
});

test('a link carries codes, statuses, registries and the CLI version, and reopens the same explanation', async () => {
  const { page, context } = await openPage(shared.browser, shared.base);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // A 403 for foo.azurecr.io, from az acr login (a redacted registry would not be carried).
  const text = sample('12-azuredocs85239-acr-login-refresh-token-403-warning-prefix.txt');
  await paste(page, text);
  const before = await page.$$eval('[data-testid=finding]', (cards) => cards.map((c) => [c.dataset.code, c.dataset.httpStatus ?? null, c.dataset.registry ?? null]));
  const verdictBefore = await page.getAttribute('[data-testid=verdict]', 'data-verdict');
  await page.click('[data-testid=copy-link]');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const fragment = decodeURIComponent(new URL(link).hash);
  assert.match(fragment, /^#report=1(;(v|f)=[A-Z0-9_.,:a-z-]*)+$/, fragment);
  // Nothing of the paste but its codes and values: no word of its lines.
  for (const word of text.split(/\W+/).filter((w) => w.length > 6 && !/^[A-Z0-9_]+$/.test(w) && !w.includes('azurecr'))) {
    assert.ok(!fragment.includes(word), word);
  }

  const reopened = await openPage(shared.browser, link.replace(/^.*?#/, `${shared.base}#`));
  await reopened.page.waitForSelector('[data-testid=shared-notice]');
  assert.equal(await reopened.page.getAttribute('[data-testid=verdict]', 'data-verdict'), verdictBefore);
  const after = await reopened.page.$$eval('[data-testid=finding]', (cards) => cards.map((c) => [c.dataset.code, c.dataset.httpStatus ?? null, c.dataset.registry ?? null]));
  assert.deepEqual(after, before);
  await reopened.context.close();
  await context.close();
});

test('a hostile link reopens only what is what it claims: known codes, real statuses, plain hosts', async () => {
  const hostile = 'report=1;v=2.1.0$(id);f=CONNECTIVITY_DNS_ERROR,999,evil$(curl%20x).azurecr.io;f=<img src=x>,401,;f=CONNECTIVITY_REFRESH_TOKEN_ERROR,429,r.azurecr.io';
  const { page, context, errors } = await openPage(shared.browser, shared.base, { hash: `#${hostile}` });
  await page.waitForSelector('[data-testid=shared-notice]');
  const cards = await page.$$eval('[data-testid=finding]', (cs) => cs.map((c) => [c.dataset.code, c.dataset.httpStatus ?? null, c.dataset.registry ?? null]));
  assert.deepEqual(cards, [['CONNECTIVITY_DNS_ERROR', null, null], ['CONNECTIVITY_REFRESH_TOKEN_ERROR', '429', 'r.azurecr.io']]);
  const commands = await page.$$eval('[data-testid=finding] [data-testid=command] code', (cs) => cs.map((c) => c.textContent));
  assert.ok(commands.length > 0);
  assert.ok(commands.every((c) => !/\$\(|evil|curl x|<img/.test(c)), commands.join('\n'));
  assert.equal(await page.locator('[data-testid=finding] img').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Every token marked reads from a report, nested ones included. */
function allTokens(tokens) {
  return tokens.flatMap((t) => [t, ...allTokens([...(t.tokens ?? []), ...(t.items ?? []), ...(t.header ?? []), ...(t.rows ?? []).flat()])]);
}

test('the four hostile pastes give a report with no link, image, HTML or heading of theirs', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const pastes = [
    "An error occurred: CONNECTIVITY_DNS_ERROR\nFailed to reach DNS for registry 'x```[Run this fix](https://evil.example/fix.sh)`.azurecr.io'.",
    'Error response from daemon: pull access denied for x`` ![](https://evil.example/pixel.png) ```, repository does not exist or may require \'docker login\': denied: requested access to the resource is denied',
    'Azure CLI version: 2.61.0 `<img src=https://evil.example/p.png>`` <b>x</b>\nAn error occurred: CONNECTIVITY_CHALLENGE_ERROR\nFailed to get challenge for registry \'r.azurecr.io\'.',
    'Error response from daemon: Get "https://r.azurecr.io/v2/": unauthorized: authentication required www.evil.example x@evil.example [a]: https://evil.example\n# owned\n===\n- [ ] task',
  ];
  for (const text of pastes) {
    await paste(page, text);
    await page.check('[data-testid=include-lines]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-markdown]')]);
    const md = fs.readFileSync(await download.path(), 'utf8');
    const tokens = allTokens(marked.lexer(md));
    const foreign = tokens.filter((t) => ['image', 'html', 'del', 'em', 'blockquote', 'table'].includes(t.type)
      || (t.type === 'link' && !/^https:\/\/(learn\.microsoft\.com|aka\.ms)\//.test(t.href))
      || (t.type === 'heading' && !(t.depth === 1 ? /^acr-doctor: / : /^(\d+\. `|The run$)/).test(t.text))
      || (t.type === 'heading' && t.depth > 2));
    assert.deepEqual(foreign.map((t) => `${t.type} ${t.raw}`), [], `${text}\n---\n${md}`);
    assert.equal(tokens.filter((t) => t.type === 'heading' && t.depth === 1).length, 1, md);
    // And as HTML, the way a ticket shows it.
    const html = marked.parse(md);
    assert.ok(!/<img|<b>|evil\.example[^<]*<\/a>/i.test(html), html);
    await page.uncheck('[data-testid=include-lines]');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("Copy link carries the fragment only, never the page's own query", async () => {
  const q = new URLSearchParams({ tenant: 'contoso.onmicrosoft.com', doh: DOH, registry: 'contoso', timeout: '7' });
  const { page, context } = await openPage(shared.browser, `${shared.base}?${q}`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await paste(page, sample('13-nishio-notes-dns-error-misspelt-registry.txt'));
  await page.click('[data-testid=copy-link]');
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(link.search, '', link.href);
  assert.equal(`${link.origin}${link.pathname}`, new URL(shared.base).href.replace(/[?#].*$/, ''));
  assert.match(link.hash, /^#report=1;/);
  for (const word of ['tenant', 'contoso.onmicrosoft', 'doh', '15053', 'timeout']) assert.ok(!link.href.includes(word), word);
  await context.close();
});
