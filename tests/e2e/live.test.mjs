// Real clients' outputs against the ACR double (core/tests/fixtures/live), pasted into the built
// page: each shows the findings and verdict tests/acr-double/matrix.tsv specifies, as the native
// tests read them, so the page and the core agree on every one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, openPage, paste, readFindings, verdict, artifacts } from './harness.mjs';

const shared = useBrowser();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cases = fs.readFileSync(path.join(root, 'tests/acr-double/matrix.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [client, fault, codes, want] = l.split('\t');
    return { client, fault, codes: codes === '-' ? [] : codes.split(','), want };
  });

/** The client's words below the `# ` header and its blank line. */
function output(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  let i = 0;
  while (lines[i]?.startsWith('# ')) i += 1;
  return lines.slice(i + 1).join('\n');
}

test('every real client output reads in the page as the matrix says', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  const wrong = [];
  for (const c of cases) {
    const name = `${c.client}-${c.fault}`;
    await paste(page, output(path.join(root, 'core/tests/fixtures/live', `${name}.txt`)));
    // The same codes: the page shows them in reading order (each problem, what follows from it,
    // then the notes), the matrix in the client's.
    const codes = (await readFindings(page)).map((f) => f.code);
    const got = await verdict(page);
    if (JSON.stringify([...codes].sort()) !== JSON.stringify([...c.codes].sort()) || got !== c.want) {
      wrong.push(`${name}: ${codes.join(',') || '-'} ${got} (want ${c.codes.join(',') || '-'} ${c.want})`);
    }
    if (name === 'ctr-data-untrusted' || name === 'py-sdk-firewall') {
      await page.screenshot({ path: path.join(artifacts, `live-${name}.png`), fullPage: true });
    }
  }
  assert.deepEqual(wrong, [], wrong.join('\n'));
  assert.ok(cases.length >= 80, `${cases.length} cases`);
  // A data endpoint's signed URL, pasted with its signature: a report quoting the paste's lines
  // quotes them without it.
  await paste(page, output(path.join(root, 'core/tests/fixtures/live/ctr-data-refused.txt')));
  await page.check('[data-testid=include-lines]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-markdown]')]);
  const md = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(md.includes('acrdataoff.westeurope.data.azurecr.io'), md);
  assert.ok(md.includes('sig=***'), md);
  assert.ok(!md.includes('SECRET-SAS-SIGNATURE'), 'the signature is in the report');
  assert.deepEqual(errors, []);
  await context.close();
});
