// The explainer, end to end: the release build served under a sub-path, driven in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowser, openPage, paste, fillBox, readFindings, verdict, sample, artifacts, root } from './harness.mjs';

const shared = useBrowser();

// Every real sample, with what a person must see: verdict, codes, status and registry.
const SAMPLES = [
  ['01-acr458-challenge-powershell.txt', 'errors', [['CONNECTIVITY_CHALLENGE_ERROR', null, 'devopsacicontregistry.azurecr.io']]],
  ['02-acr645-challenge-old-docker-version-line.txt', 'errors', [['CONNECTIVITY_CHALLENGE_ERROR', null, 'nimblecr.azurecr.io']]],
  // az acr login's "Could not connect to the registry login server", then the health check's code.
  ['05-acr756-login-fails-then-challenge-timestamp.txt', 'errors', [['LOGIN_SERVER_UNREACHABLE', null, 'readitpravacr.azurecr.io'], ['CONNECTIVITY_CHALLENGE_ERROR', null, 'readitpravacr.azurecr.io']]],
  ['07-azuredocs95654-ssl-error-timestamp.txt', 'errors', [['CONNECTIVITY_SSL_ERROR', null, 'sbaksdemoregistry.azurecr.io']]],
  ['08-azurecli9598-notary-command-error-quoted.txt', 'errors', [['NOTARY_COMMAND_ERROR', null, null]]],
  ['09-acr490-ignore-errors-challenge-helm-notary.txt', 'errors', [
    // The Helm warning is a note (a false positive): after the problems.
    ['CONNECTIVITY_CHALLENGE_ERROR', null, 'asthub.azurecr.io'], ['NOTARY_VERSION_ERROR', null, null], ['HELM_COMMAND_ERROR', null, null]]],
  ['12-azuredocs85239-acr-login-refresh-token-403-warning-prefix.txt', 'errors', [['CONNECTIVITY_REFRESH_TOKEN_ERROR', '403', 'foo.azurecr.io']]],
  // The DNS failure comes first: the unreachable login server is its consequence.
  ['13-nishio-notes-dns-error-misspelt-registry.txt', 'errors', [['CONNECTIVITY_DNS_ERROR', null, 'kouchouaiacr.azurecr.io'], ['LOGIN_SERVER_UNREACHABLE', null, 'kouchouaiacr.azurecr.io']]],
  ['15-akeesari-acr-login-docker-command-error-windows-pipe.txt', 'errors', [['DOCKER_COMMAND_ERROR', null, null]]],
  ['16-azurecli-pr33117-before-crash-after-all-ok.txt', 'crash', [['CLI_CRASH', null, null]]],
  ['21-azurecli24886-refresh-token-429-pipeline-warning.txt', 'errors', [['CONNECTIVITY_REFRESH_TOKEN_ERROR', '429', '<redacted>.azurecr.io']]],
  ['25-azuretre324-not-logged-in-no-error-code.txt', 'not-logged-in', [['AZ_LOGIN_REQUIRED', null, null]]],
];

test('every real sample shows its findings and verdict', async () => {
  const { context, page, errors } = await openPage(shared.browser, shared.base);
  for (const [name, expectedVerdict, expected] of SAMPLES) {
    await paste(page, sample(name));
    assert.equal(await verdict(page), expectedVerdict, name);
    const found = await readFindings(page);
    assert.deepEqual(found.map((f) => [f.code, f.status, f.registry]), expected, name);
    await page.screenshot({ path: path.join(artifacts, `sample-${name.replace('.txt', '')}.png`), fullPage: true });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a finding explains the case and gives fixes with the registry filled in', async () => {
  const { context, page } = await openPage(shared.browser, shared.base);
  await paste(page, 'An error occurred: CONNECTIVITY_FORBIDDEN_ERROR\nLooks like you don\'t have access to registry \'contosoprod.azurecr.io\'. To see configured firewall rules, run \'az acr show --query networkRuleSet --name contosoprod\'.\n');
  const card = page.locator('[data-testid=finding]');
  const commands = await card.locator('[data-testid=command] code').allInnerTexts();
  assert.ok(commands.includes('az acr network-rule add -n contosoprod --ip-address <your-public-ip>'), commands.join('\n'));
  // The tier, public access and rules are checked first: an IP rule counts only on Premium with public access on.
  assert.match(commands[0], /^az acr show -n contosoprod --query "\{sku:sku\.name, public:publicNetworkAccess/);
  const doc = await card.locator('[data-testid=doc-link]').getAttribute('href');
  assert.ok(doc.endsWith('#connectivity_forbidden_error'), doc);

  // The 429 of an old CLI is told as throttling, not as a permission problem.
  await paste(page, sample('21-azurecli24886-refresh-token-429-pipeline-warning.txt'));
  const text = (await readFindings(page))[0].text;
  assert.match(text, /throttling, not a permission problem/);
  assert.match(text, /HTTP 429/);

  // Docker's own words are shown as the real cause.
  await paste(page, sample('15-akeesari-acr-login-docker-command-error-windows-pipe.txt'));
  const docker = await page.locator('[data-testid=finding] .tool-output pre').innerText();
  assert.match(docker, /open \/\/\.\/pipe\/docker_engine/);

  // The run summary names the checks that passed and what the CLI version implies.
  await paste(page, sample('21-azurecli24886-refresh-token-429-pipeline-warning.txt'));
  await paste(page, sample('01-acr458-challenge-powershell.txt'));
  const summary = await page.locator('[data-testid=run-summary]').innerText();
  assert.match(summary, /devopsacicontregistry\.azurecr\.io resolves to 52\.168\.114\.0/);
  assert.match(summary, /Before 2\.46\.0, throttling was reported as CONNECTIVITY_REFRESH_TOKEN_ERROR with code 429/);
  assert.match(summary, /stopped at CONNECTIVITY_CHALLENGE_ERROR/);
  // The probe form offers the pasted registry.
  await page.click('[data-testid=use-pasted-registry]');
  assert.equal(await page.inputValue('[data-testid=registry-input]'), 'devopsacicontregistry.azurecr.io');
  await context.close();
});

test('a deep link opens that reference entry', async () => {
  const { context, page } = await openPage(shared.browser, shared.base, { hash: '#connectivity_dns_error' });
  const entry = page.locator('[data-testid=reference-entry][data-code=CONNECTIVITY_DNS_ERROR]');
  await entry.waitFor();
  await page.waitForFunction(() => document.querySelector('#connectivity_dns_error')?.classList.contains('target'));
  assert.equal(await entry.locator('details').evaluate((d) => d.open), true);
  await page.waitForFunction(() => {
    const r = document.querySelector('#connectivity_dns_error').getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
  // The CLI's 20 titles, and 24 of ours (2 for the CLI's silent cases, 22 for other tools).
  const codes = await page.$$eval('[data-testid=reference-entry]', (es) => es.map((e) => e.dataset.code));
  assert.equal(codes.length, 44);
  assert.equal(new Set(codes).size, 44, 'one entry per code');
  await page.screenshot({ path: path.join(artifacts, 'deep-link.png') });

  // Changing the hash moves to another entry without a reload.
  await page.evaluate(() => { window.location.hash = '#cmk_error'; });
  await page.waitForFunction(() => document.querySelector('#cmk_error')?.classList.contains('target'));
  await context.close();
});

test('reference search filters the codes', async () => {
  const { context, page } = await openPage(shared.browser, shared.base);
  // The reference is one folded entry point; a search opens it as a person does.
  assert.equal(await page.locator('[data-testid=reference][open]').count(), 0);
  assert.equal(await page.locator('[data-testid=reference-entry]:visible').count(), 0);
  await page.click('[data-testid=reference] > summary');
  await page.fill('[data-testid=reference-search]', 'throttl');
  const codes = await page.$$eval('[data-testid=reference-entry]', (e) => e.map((x) => x.dataset.code));
  assert.ok(codes.includes('CONNECTIVITY_TOOMANYREQUESTS_ERROR'), codes.join());
  assert.ok(!codes.includes('DOCKER_COMMAND_ERROR'), codes.join());
  await context.close();
});

test('the language follows the browser, switches, and is remembered', async () => {
  const { context, page } = await openPage(shared.browser, shared.base, { locale: 'fr-FR' });
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await paste(page, sample('13-nishio-notes-dns-error-misspelt-registry.txt'));
  assert.match(await page.locator('[data-testid=finding][data-code=CONNECTIVITY_DNS_ERROR]').innerText(), /Le nom du registre ne se résout pas/);
  await page.screenshot({ path: path.join(artifacts, 'french.png'), fullPage: true });

  await page.click('[data-testid=lang-en]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.locator('[data-testid=finding][data-code=CONNECTIVITY_DNS_ERROR]').innerText(), /did not resolve from this machine/);
  await page.reload();
  await page.waitForSelector('[data-testid=paste-input]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  // Only the language is stored, never the paste.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  assert.equal(stored, '{"acr-doctor.lang":"en"}');
  await context.close();
});

test('fixes follow the facts: none the card\'s own reasoning rules out', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  const commands = () => page.$$eval('[data-testid=finding] .command code', (cs) => cs.map((c) => c.textContent));
  // The kubelet pulled (shared/beyond/28): this machine's sign-in and Docker's credentials are not the cluster's.
  await paste(page, fs.readFileSync(path.join(root, 'core/tests/fixtures/beyond/28-k8s-dockershim-manifest-unknown-missing-tag.txt'), 'utf8'));
  const k = await commands();
  assert.ok(k.length > 0);
  assert.deepEqual(k.filter((c) => /^(az acr login|docker logout|docker login|az login)\b/.test(c)), [], k.join('\n'));
  // A refresh token refused with 403 (the network rules): signing in again will not help.
  await paste(page, sample('12-azuredocs85239-acr-login-refresh-token-403-warning-prefix.txt'));
  const f = await commands();
  assert.ok(f.length > 0 && !f.includes('az login'), f.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('problems counted once, and where to start, visible without scrolling at 1280×900', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  await page.setViewportSize({ width: 1280, height: 900 });
  // 05: the login's message and the check-health title it leads to are one failure.
  await paste(page, sample('05-acr756-login-fails-then-challenge-timestamp.txt'));
  assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-errors'), '1');
  assert.match(await page.locator('[data-testid=verdict] h2').innerText(), /^1 error$/);
  const roles = await page.$$eval('[data-testid=finding]', (cards) => cards.map((c) => [c.dataset.code, c.dataset.role]));
  assert.deepEqual(roles, [['LOGIN_SERVER_UNREACHABLE', 'error'], ['CONNECTIVITY_CHALLENGE_ERROR', 'consequence']]);
  assert.match(await page.locator('[data-testid=consequence-of]').innerText(), /LOGIN_SERVER_UNREACHABLE/);
  const startHere = async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.locator('[data-testid=start-here]').boundingBox();
    assert.ok(box && box.y + box.height <= 900, `start-here ends at ${box && box.y + box.height}px`);
    return page.locator('[data-testid=start-here]').innerText();
  };
  const first = await startHere();
  assert.match(first, /LOGIN_SERVER_UNREACHABLE/);
  assert.match(first, /readitpravacr/, 'the first action names their registry');
  await page.screenshot({ path: path.join(artifacts, 'start-here-05.png') });
  // 09: the Helm warning is a grey note, not an error; the start is the challenge.
  await paste(page, sample('09-acr490-ignore-errors-challenge-helm-notary.txt'));
  const helm = page.locator('[data-testid=finding][data-code=HELM_COMMAND_ERROR]');
  assert.equal(await helm.getAttribute('data-role'), 'note');
  assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-errors'), '2');
  assert.match(await startHere(), /CONNECTIVITY_CHALLENGE_ERROR/);
  await page.screenshot({ path: path.join(artifacts, 'start-here-09.png') });
  // A card gives its fixes first; the rest is folded.
  const order = await page.$eval('[data-testid=finding]', (c) => [...c.children].map((e) => e.className || e.tagName));
  assert.ok(order.indexOf('fixes') < order.indexOf('about'), order.join());
  assert.equal(await page.locator('[data-testid=finding] details.about[open]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a first visit: Credentials and Settings folded, the placeholder whole at 320 px', async () => {
  const { page, context } = await openPage(shared.browser, shared.base);
  assert.equal(await page.locator('details.probe-credentials[open], details.probe-settings[open]').count(), 0);
  assert.equal(await page.locator('[data-testid=entra-token-input]').isVisible(), false);
  await page.setViewportSize({ width: 320, height: 700 });
  // The placeholder fits the box: no word cut by the box's edge (it wraps, it is not clipped).
  const fits = await page.$eval('[data-testid=paste-input]', (box) => {
    // The placeholder laid out as the empty box lays it out (its own white-space and width).
    const style = getComputedStyle(box);
    const width = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const probe = document.createElement('div');
    Object.assign(probe.style, { position: 'absolute', visibility: 'hidden', whiteSpace: style.whiteSpace, width: `${width}px`, font: style.font, lineHeight: style.lineHeight, overflowWrap: style.overflowWrap });
    const text = document.createElement('span');
    text.textContent = box.placeholder;
    probe.append(text);
    document.body.append(probe);
    const { width: used } = text.getBoundingClientRect();
    const needed = probe.scrollHeight;
    probe.remove();
    return used <= width + 0.5 && needed <= box.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  });
  assert.ok(fits, 'the placeholder fits the box at 320 px');
  await context.close();
});

test('unrelated text is unrecognised: a Python traceback with no Azure CLI in it is no CLI crash', async () => {
  const { context, page, errors } = await openPage(shared.browser, shared.base);
  await paste(page, [
    'Traceback (most recent call last):',
    '  File "/home/me/analysis/run.py", line 12, in <module>',
    '    df = pd.read_csv("data/input.csv")',
    '  File "/usr/lib/python3/dist-packages/pandas/io/parsers/readers.py", line 912, in read_csv',
    '    return _read(filepath_or_buffer, kwds)',
    "FileNotFoundError: [Errno 2] No such file or directory: 'data/input.csv'",
  ].join('\n'));
  assert.equal(await verdict(page), 'unrecognized');
  assert.equal(await page.locator('[data-testid=finding]').count(), 0);
  assert.doesNotMatch(await page.locator('main').innerText(), /az upgrade/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('bad input: html stays text, junk and huge pastes get a clear answer', async () => {
  const { context, page, errors, requests } = await openPage(shared.browser, shared.base);
  await paste(page, '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">\nAn error occurred: CONNECTIVITY_SSL_ERROR\n<b>Unable</b> to establish a secure connection to the registry \'x1.azurecr.io\'.');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('[data-testid=finding] img').count(), 0);
  assert.equal(await page.locator('[data-testid=finding] b').count(), 0);
  assert.match(await page.locator('[data-testid=finding] .src').innerText(), /<b>Unable<\/b> to establish/);

  await paste(page, '\u0000\u0001\u0002 binary \uFFFD\uFFFD junk');
  assert.equal(await verdict(page), 'unrecognized');
  assert.match(await page.locator('[data-testid=verdict]').innerText(), /az acr check-health/);

  // 10 MiB: a build log with one error at the very end, pasted at once (as the clipboard does).
  await page.evaluate(() => {
    const line = 'x'.repeat(100) + '\n';
    const box = document.querySelector('[data-testid=paste-input]');
    box.value = line.repeat(Math.floor(10 * 1024 * 1024 / line.length)) +
      "An error occurred: CONNECTIVITY_DNS_ERROR\nFailed to reach DNS for registry 'late.azurecr.io'.\n";
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  });
  await page.waitForSelector('[data-testid=finding][data-code=CONNECTIVITY_DNS_ERROR]', { timeout: 60_000 });
  assert.equal((await readFindings(page))[0].registry, 'late.azurecr.io');
  // Still responsive.
  await page.click('[data-testid=clear]');
  await page.waitForSelector('[data-testid=verdict]', { state: 'detached' });

  // Nothing was fetched but the page itself.
  const origin = new URL(shared.base).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:')), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a value set without an input event decodes on change or with the Explain button', async () => {
  const { context, page } = await openPage(shared.browser, shared.base);
  await page.evaluate(() => {
    const box = document.querySelector('[data-testid=paste-input]');
    box.value = 'An error occurred: CMK_ERROR';
    box.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForSelector('[data-testid=finding][data-code=CMK_ERROR]');
  await page.evaluate(() => { document.querySelector('[data-testid=paste-input]').value = 'HELM_COMMAND_ERROR'; });
  await page.click('[data-testid=decode]');
  await page.waitForSelector('[data-testid=finding][data-code=HELM_COMMAND_ERROR]');
  await context.close();
});

test('a code typed alone, and a log file opened from disk', async () => {
  const { context, page } = await openPage(shared.browser, shared.base);
  await paste(page, 'connectivity_refresh_token_error');
  assert.deepEqual((await readFindings(page)).map((f) => f.code), ['CONNECTIVITY_REFRESH_TOKEN_ERROR']);

  await page.setInputFiles('[data-testid=file-input]', {
    name: 'pipeline.log',
    mimeType: 'text/plain',
    buffer: Buffer.from('2024-04-13T00:29:22.5774402Z WARNING: Unable to get AAD authorization tokens with message: Please run \'az login\' to setup account.\n'),
  });
  await page.waitForSelector('[data-testid=verdict][data-verdict=not-logged-in]');
  assert.match(await page.inputValue('[data-testid=paste-input]'), /Please run 'az login'/);

  // A file dropped anywhere on the page is read, not opened in place of the page.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['2024-05-18 06:54:20.208894 An error occurred: CONNECTIVITY_CHALLENGE_ERROR\n'], 'dropped.log', { type: 'text/plain' }));
    document.querySelector('.page-footer').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForSelector('[data-testid=finding][data-code=CONNECTIVITY_CHALLENGE_ERROR]');
  assert.match(page.url(), /\/tools\/acr-doctor\//);
  await context.close();
});

/** Everything the page shows of a report: verdict, findings, notes, run summary. */
async function shown(page) {
  return {
    verdict: await verdict(page),
    findings: await readFindings(page),
    notes: await page.locator('[data-testid=note]').allInnerTexts(),
    summary: await page.locator('[data-testid=run-summary]').allInnerTexts(),
  };
}

test('a big paste is held, read in parts, and explained as the box would explain it', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  // 3 MiB: real pastes at the start, in the middle and at the end of a build log.
  const noise = '2024-04-13T00:29:22.5774402Z Step 12/30 : RUN make build && echo done: ok\n'.repeat(15000);
  const own = (name) => `${sample(name).trimEnd()}\n`;
  const text = own('13-nishio-notes-dns-error-misspelt-registry.txt') + noise +
    own('07-azuredocs95654-ssl-error-timestamp.txt') + noise + noise +
    own('21-azurecli24886-refresh-token-429-pipeline-warning.txt');
  assert.ok(text.length > 3 * 1024 * 1024);

  // As the clipboard gives it: held, never put whole into the box.
  await paste(page, text);
  assert.match(await page.locator('[data-testid=held-notice]').innerText(), /MiB text/);
  assert.ok((await page.inputValue('[data-testid=paste-input]')).length < 100_000);
  const viaClipboard = await shown(page);
  assert.equal(viaClipboard.verdict, 'errors');
  assert.ok(viaClipboard.findings.length >= 3, JSON.stringify(viaClipboard.findings.map((f) => f.code)));

  // The same text set into the box (a script, an extension, a browser without clipboard data).
  await page.click('[data-testid=clear]');
  await page.waitForSelector('[data-testid=verdict]', { state: 'detached' });
  await page.evaluate(fillBox, text);
  await page.waitForSelector('[data-testid=verdict]');
  assert.deepEqual(await shown(page), viaClipboard);

  // Each paste on its own, small enough to stay in the box, finds what the big one found.
  const alone = [];
  for (const name of ['13-nishio-notes-dns-error-misspelt-registry.txt', '07-azuredocs95654-ssl-error-timestamp.txt', '21-azurecli24886-refresh-token-429-pipeline-warning.txt']) {
    await paste(page, sample(name));
    assert.equal(await page.locator('[data-testid=held-notice]').count(), 0);
    alone.push(...(await readFindings(page)).map((f) => f.code));
  }
  assert.deepEqual([...new Set(viaClipboard.findings.map((f) => f.code))].sort(), [...new Set(alone)].sort());
  assert.deepEqual(errors, []);
  await context.close();
});

test('a paste while a big one is still being read wins, and replaces a held text', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  await page.evaluate(() => {
    const line = '2024-04-13T00:29:22.5774402Z Step 12/30 : RUN make build && echo done: ok\n';
    const big = line.repeat(140_000) + "An error occurred: CONNECTIVITY_DNS_ERROR\nFailed to reach DNS for registry 'late.azurecr.io'.\n";
    const box = document.querySelector('[data-testid=paste-input]');
    box.focus();
    for (const t of [big, 'An error occurred: CMK_ERROR']) {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }
  });
  await page.waitForSelector('[data-testid=finding][data-code=CMK_ERROR]');
  // Long enough for the big paste's parts to have ended, had they gone on.
  await page.waitForTimeout(1500);
  assert.deepEqual((await readFindings(page)).map((f) => f.code), ['CMK_ERROR']);
  assert.equal(await page.inputValue('[data-testid=paste-input]'), 'An error occurred: CMK_ERROR');
  assert.equal(await page.locator('[data-testid=held-notice]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a big paste survives Explain pressed while it is still being copied in', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  await page.evaluate(() => {
    const line = '2024-04-13T00:29:22.5774402Z Step 12/30 : RUN make build && echo done: ok\n';
    const big = line.repeat(140_000) + "An error occurred: CONNECTIVITY_DNS_ERROR\nFailed to reach DNS for registry 'late.azurecr.io'.\n";
    const box = document.querySelector('[data-testid=paste-input]');
    box.focus();
    const data = new DataTransfer();
    data.setData('text/plain', big);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    // Explain, pressed at once (the copy goes on a slice per task), then again a little later.
    document.querySelector('[data-testid=decode]').click();
    setTimeout(() => document.querySelector('[data-testid=decode]').click(), 5);
  });
  await page.waitForSelector('[data-testid=finding][data-code=CONNECTIVITY_DNS_ERROR]', { timeout: 20000 });
  assert.equal(await page.locator('[data-testid=held-notice]').count(), 1);
  assert.ok((await page.inputValue('[data-testid=paste-input]')).startsWith('2024-04-13T00:29:22'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the way to the registry, drawn: where a paste broke, in a picture and in words', async () => {
  const { page, context } = await openPage(shared.browser, shared.base);
  const hops = () => page.$$eval('[data-testid=path-diagram][data-source=paste] li', (ls) => ls.map((l) => [l.dataset.hop, l.dataset.state]));
  await paste(page, sample('13-nishio-notes-dns-error-misspelt-registry.txt'));
  assert.deepEqual(await hops(), [
    // check-health's DNS error, and az acr login's unreachable login server.
    ['client', 'passed'], ['dns', 'failed'], ['login-server', 'failed'],
    ['exchange', 'not-reached'], ['access-token', 'not-reached'], ['data', 'not-reached'],
  ]);
  // The drawing says the same: one circle per hop, with the same state.
  assert.deepEqual(await page.$$eval('[data-testid=path-diagram] svg .hop', (gs) => gs.map((g) => g.getAttribute('class'))),
    ['hop passed', 'hop failed', 'hop failed', 'hop not-reached', 'hop not-reached', 'hop not-reached']);
  await page.locator('[data-testid=path-diagram]').screenshot({ path: path.join(artifacts, 'path-paste.png') });
  // A refresh token refused after DNS and the challenge passed.
  await paste(page, sample('12-azuredocs85239-acr-login-refresh-token-403-warning-prefix.txt'));
  // The registry answered 403: its name resolved and its /v2/ was reached.
  assert.deepEqual((await hops()).slice(1, 4), [['dns', 'passed'], ['login-server', 'passed'], ['exchange', 'failed']]);
  // Nothing to draw for a paste that shows no hop.
  await paste(page, 'hello');
  assert.equal(await page.locator('[data-testid=path-diagram]').count(), 0);
  await context.close();
});

test('a first visit offers real examples: each fills the box and is explained', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  const ids = await page.$$eval('[data-testid=example]', (bs) => bs.map((b) => b.dataset.example));
  assert.deepEqual(ids, ['check-health', 'docker', 'kubelet']);
  const expected = {
    'check-health': ['CONNECTIVITY_DNS_ERROR'],
    docker: ['MANIFEST_UNKNOWN'],
    kubelet: ['REGISTRY_UNAUTHORIZED'],
  };
  for (const id of ids) {
    await page.click(`[data-testid=example][data-example=${id}]`);
    await page.waitForSelector('[data-testid=verdict]');
    const box = await page.inputValue('[data-testid=paste-input]');
    assert.ok(box.length > 40, `${id}: the box holds the example`);
    const codes = (await readFindings(page)).map((f) => f.code);
    for (const code of expected[id]) assert.ok(codes.includes(code), `${id}: ${codes}`);
    // The focus is on the answer, as after Explain.
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'verdict');
    // Once something is explained the examples step aside; Clear brings them back.
    assert.equal(await page.locator('[data-testid=example]').count(), 0);
    await page.click('[data-testid=clear]');
    await page.waitForSelector('[data-testid=example]');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pasted kit transcript whose DNS failed: one error, the rest its consequences, in the words of the machine that ran it', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  await paste(page, [
    'acr-doctor-kit 1 https://myreg.azurecr.io',
    'dns fail 12ms error=nxdomain',
    'tcp fail 3ms error=connect',
    'v2 fail 2ms error=connect',
    'acr-doctor-kit end',
  ].join('\n'));
  assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-errors'), '1');
  const roles = await page.$$eval('[data-testid=finding]', (cards) => cards.map((c) => [c.dataset.code, c.dataset.role]));
  assert.deepEqual(roles, [['CONNECTIVITY_DNS_ERROR', 'error'], ['CONNECTIVITY_CHALLENGE_ERROR', 'consequence']]);
  assert.match(await page.locator('[data-testid=start-here]').innerText(), /CONNECTIVITY_DNS_ERROR/);
  assert.doesNotMatch(await page.locator('[data-testid=kit-result]').innerText(), /browser/i);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the box before the WebAssembly: typed while it loads, kept and explained when it is here, nothing moves', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  let release;
  const gate = new Promise((r) => { release = r; });
  await context.route(/_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(shared.base);
  // The first paint: the title, the box, the privacy line and the loading line, before any wasm.
  const early = page.locator('#first-paint [data-first-paint=paste-input]');
  await early.waitFor();
  assert.equal(await page.locator('[data-testid=paste-input]').count(), 0, 'no app control before the app');
  assert.match(await page.locator('#first-paint [role=status]').innerText(), /Loading the explainer/);
  const before = await early.boundingBox();
  // A file dropped before the app is here does not replace the page.
  assert.equal(await page.evaluate(() => {
    const drop = new DragEvent('drop', { cancelable: true, bubbles: true });
    document.body.dispatchEvent(drop);
    return drop.defaultPrevented;
  }), true);
  await early.click();
  await page.keyboard.type('An error occurred: CONNECTIVITY_DNS_ERROR');
  release();
  // The app takes over: the typed text is its first paste, explained, in the same place.
  await page.waitForSelector('[data-testid=finding][data-code=CONNECTIVITY_DNS_ERROR]');
  assert.equal(await page.locator('#first-paint').count(), 0);
  assert.equal(await page.inputValue('[data-testid=paste-input]'), 'An error occurred: CONNECTIVITY_DNS_ERROR');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'paste-input', 'the focus stays in the box');
  const after = await page.locator('[data-testid=paste-input]').boundingBox();
  assert.deepEqual([after.x, after.y, after.width, after.height].map(Math.round), [before.x, before.y, before.width, before.height].map(Math.round));
  assert.deepEqual(errors, []);
  await context.close();
});

/** A page whose WebAssembly is held back until `release()`: the first paint alone. */
async function heldBack(options, init) {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  let release;
  const gate = new Promise((r) => { release = r; });
  const requests = [];
  // The page's own requests (not the service worker's keeping of the files).
  context.on('request', (r) => { if (!r.serviceWorker()) requests.push(r.url()); });
  await context.route(/_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(shared.base);
  await page.locator('#first-paint [data-first-paint=paste-input]').waitFor();
  return { context, page, errors, requests, release };
}

test('on a phone, before the app: text typed puts the examples away as the app does, and Explain brings the loading line into view', async () => {
  const { context, page, errors, release } = await heldBack({ viewport: { width: 375, height: 667 } });
  const examples = page.locator('#first-paint .examples');
  const loading = page.locator('#first-paint .first-paint-loading');
  assert.equal(await examples.isVisible(), true, 'an empty box offers the examples');
  const inView = () => loading.evaluate((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  assert.equal(await inView(), false, 'below the box on a phone');
  await page.locator('#first-paint [data-first-paint=paste-input]').fill('An error occurred: CONNECTIVITY_DNS_ERROR');
  assert.equal(await examples.isVisible(), false, 'text in the box: no examples, as on the app');
  await page.click('#first-paint [data-first-paint=decode]');
  assert.equal(await inView(), true, 'Explain pressed: the loading line is in view');
  // Clear empties the box at once, and the examples are offered again.
  await page.click('#first-paint [data-first-paint=clear]');
  assert.equal(await examples.isVisible(), true);
  await page.locator('#first-paint [data-first-paint=paste-input]').fill('An error occurred: CONNECTIVITY_DNS_ERROR');
  release();
  await page.waitForSelector('[data-testid=finding][data-code=CONNECTIVITY_DNS_ERROR]');
  assert.equal(await page.locator('[data-testid=example]').count(), 0, 'the app, too, offers none once something is pasted');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a slow link the loading line shows how much is here; if the WebAssembly cannot be had, the page says so', async () => {
  // A slow link (Chromium's emulation; the test server sends the wasm uncompressed).
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 500_000, uploadThroughput: 500_000 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(shared.base, { waitUntil: 'commit' });
  const bar = page.locator('#first-paint .first-paint-loading progress');
  await bar.waitFor();
  // Part of it here, not all: the bar says how much.
  const part = await page.waitForFunction(() => {
    const v = document.querySelector('#first-paint progress')?.value;
    return v > 0.05 && v < 0.95 ? v : false;
  }, null, { timeout: 20_000 });
  assert.ok(await part.jsonValue() < 1);
  assert.equal(await page.locator('#first-paint .first-paint-failed').isVisible(), false);
  await page.waitForSelector('[data-testid=paste-input]', { timeout: 30_000 });
  assert.deepEqual(errors, []);
  await context.close();

  // The WebAssembly cut off on the way: no endless loading line, a clear message instead.
  const cut = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await cut.route(/_bg\.wasm$/, (route) => route.abort('connectionreset'));
  const broken = await cut.newPage();
  await broken.goto(shared.base);
  await broken.locator('#first-paint .first-paint-failed').waitFor({ state: 'visible' });
  assert.match(await broken.locator('#first-paint .first-paint-failed').innerText(), /could not be loaded/);
  assert.equal(await broken.locator('#first-paint .first-paint-loading').isVisible(), false);
  // The box still holds what was typed.
  await broken.locator('#first-paint textarea').fill('kept');
  assert.equal(await broken.locator('#first-paint textarea').inputValue(), 'kept');
  await cut.close();
});

test('without JavaScript the page says what it needs, and shows no box that cannot work', async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(shared.base);
  assert.match(await page.locator('body').innerText(), /needs JavaScript and WebAssembly/);
  assert.equal(await page.locator('textarea:visible, button:visible').count(), 0);
  await context.close();
});

test('a French visitor: the first paint is French, the French texts come beside the WebAssembly, the app starts in French', async () => {
  // Every tagline the page shows: read before each frame is painted.
  const { context, page, errors, requests, release } = await heldBack({ locale: 'fr-FR' }, () => {
    window.seenTaglines = [];
    const look = () => {
      const t = document.querySelector('.tagline')?.textContent;
      if (t && window.seenTaglines.at(-1) !== t) window.seenTaglines.push(t);
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.match(await page.locator('#first-paint [role=status]').innerText(), /Chargement/);
  assert.match(await page.locator('#first-paint [data-first-paint=decode]').innerText(), /Expliquer/);
  // Asked for while the WebAssembly is still on its way.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /acr-doctor-fr-[0-9a-f]+\.json$/.test(e.name)));
  assert.ok(requests.some((u) => /acr-doctor-fr-[0-9a-f]+\.json$/.test(u)));
  await page.locator('#first-paint [data-first-paint=paste-input]').fill('CONNECTIVITY_DNS_ERROR');
  release();
  await page.waitForSelector('[data-testid=finding][data-code=CONNECTIVITY_DNS_ERROR]');
  const taglines = await page.evaluate(() => window.seenTaglines);
  assert.ok(taglines.length >= 1);
  for (const t of taglines) assert.match(t, /Explique les erreurs/, `an English tagline was shown: ${t}`);
  assert.equal(requests.filter((u) => /acr-doctor-fr-[0-9a-f]+\.json$/.test(u)).length, 1, 'the French is fetched once');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a French visitor whose French texts are slow: the app starts in English after 2 s, and turns French when they come', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  let release;
  const gate = new Promise((r) => { release = r; });
  // The page's own requests for the file (the first paint's preload aside: with requests routed,
  // Playwright turns the browser's cache off, so a fetch cannot take the preload's answer here).
  let fetched = 0;
  await context.route(/acr-doctor-fr-[0-9a-f]+\.json$/, async (route) => {
    if (route.request().resourceType() === 'fetch') fetched += 1;
    await gate;
    await route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const started = Date.now();
  await page.goto(shared.base);
  await page.waitForSelector('[data-testid=paste-input]', { timeout: 10_000 });
  assert.ok(Date.now() - started >= 1900, 'the app waited for the French');
  assert.match(await page.locator('.tagline').innerText(), /Explains Azure Container Registry errors/);
  release();
  await page.waitForFunction(() => /Explique les erreurs/.test(document.querySelector('.tagline')?.textContent ?? ''));
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  // The app, started before the French came, waited for the start's request: fetched once.
  assert.equal(fetched, 1, 'the French is fetched once');
  assert.deepEqual(errors, []);
  await context.close();
});

test('what is done on the first paint is done on the app: the theme shown, Clear at once, a button pressed, a file dropped', async () => {
  const { context, page, errors, release } = await heldBack({}, () => localStorage.setItem('acr-doctor.theme', 'dark'));
  // The remembered theme from the first paint on, its toggle saying so.
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await page.getAttribute('#first-paint [data-first-paint=theme-toggle]', 'aria-pressed'), 'true');
  // Clear needs no app.
  const early = page.locator('#first-paint [data-first-paint=paste-input]');
  await early.fill('something typed');
  await page.click('#first-paint [data-first-paint=clear]');
  assert.equal(await early.inputValue(), '');
  // Pressed before the app is here: kept, in order, and pressed again on the app's buttons.
  await page.click('#first-paint [data-first-paint=theme-toggle]');
  await page.click('#first-paint [data-first-paint=example] >> nth=1');
  assert.deepEqual(await page.$$eval('#first-paint [data-clicked]', (bs) => bs.map((b) => [b.dataset.firstPaint, b.dataset.clicked])), [['theme-toggle', '1'], ['example', '2']]);
  release();
  await page.waitForSelector('[data-testid=finding][data-code=MANIFEST_UNKNOWN]');
  assert.match(await page.inputValue('[data-testid=paste-input]'), /manifest unknown/);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
  assert.equal(await page.getAttribute('[data-testid=theme-toggle]', 'aria-pressed'), 'false');
  assert.deepEqual(errors, []);
  await context.close();

  // A file dropped on the first paint is read by the app once it is here.
  const held = await heldBack({});
  assert.equal(await held.page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Error: CONNECTIVITY_REFRESH_TOKEN_ERROR\n'], 'az.log', { type: 'text/plain' }));
    const drop = new DragEvent('drop', { cancelable: true, bubbles: true, dataTransfer: data });
    document.querySelector('#first-paint [data-first-paint=paste-input]').dispatchEvent(drop);
    return drop.defaultPrevented;
  }), true, 'the page is not replaced by the file');
  held.release();
  await held.page.waitForSelector('[data-testid=finding][data-code=CONNECTIVITY_REFRESH_TOKEN_ERROR]');
  assert.deepEqual(held.errors, []);
  await held.context.close();
});
