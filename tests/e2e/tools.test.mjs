// Every ACR error a person meets, end to end: a pod's kubectl events and a docker pull error
// pasted into the page, their findings, values and verdict, and the reference entries of the
// new codes, in English and French.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useBrowser, openPage, paste, readFindings, verdict, artifacts } from './harness.mjs';

const shared = useBrowser();

const KUBECTL = `Name:             web-7d9c5b7f4d-x2k8p
Namespace:        default
Node:             aks-nodepool1-12345678-vmss000000/10.224.0.4
Containers:
  web:
    Image:          contoso.azurecr.io/web:v2
    State:          Waiting
      Reason:       ImagePullBackOff
Events:
  Type     Reason     Age                From               Message
  ----     ------     ----               ----               -------
  Normal   Scheduled  2m                 default-scheduler  Successfully assigned default/web-7d9c5b7f4d-x2k8p to aks-nodepool1-12345678-vmss000000
  Normal   Pulling    1m (x4 over 2m)    kubelet            Pulling image "contoso.azurecr.io/web:v2"
  Warning  Failed     1m (x4 over 2m)    kubelet            Failed to pull image "contoso.azurecr.io/web:v2": failed to pull and unpack image "contoso.azurecr.io/web:v2": failed to resolve reference "contoso.azurecr.io/web:v2": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://contoso.azurecr.io/oauth2/token?scope=repository%3Aweb%3Apull&service=contoso.azurecr.io: 401 Unauthorized
  Warning  Failed     1m (x4 over 2m)    kubelet            Error: ErrImagePull
  Normal   BackOff    30s (x6 over 2m)   kubelet            Back-off pulling image "contoso.azurecr.io/web:v2"
  Warning  Failed     30s (x6 over 2m)   kubelet            Error: ImagePullBackOff
`;

const DOCKER = `$ docker pull fabrikam.azurecr.io/payments/api:2.4.1
Error response from daemon: Head "https://fabrikam.azurecr.io/v2/payments/api/manifests/2.4.1": denied: client with IP '203.0.113.42' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.
`;

async function card(page, code) {
  // The card's folded part ("more about this code") is read unfolded, as a person opening it.
  return page.$eval(`[data-testid=finding][data-code=${code}]`, (c) => {
    c.querySelectorAll('details').forEach((d) => { d.open = true; });
    return { ...c.dataset, text: c.innerText };
  });
}

test("a pod's kubectl events: the cluster sent no credentials", async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  await paste(page, KUBECTL);
  assert.equal(await verdict(page), 'errors');
  assert.deepEqual((await readFindings(page)).map((f) => f.code), ['ANONYMOUS_TOKEN_REJECTED']);
  const c = await card(page, 'ANONYMOUS_TOKEN_REJECTED');
  assert.equal(c.registry, 'contoso.azurecr.io');
  assert.equal(c.httpStatus, '401');
  assert.equal(c.repository, 'web');
  assert.equal(c.tag, 'v2');
  assert.equal(c.checkHealth, undefined, 'check-health cannot see the kubelet identity');
  assert.match(c.text, /The kubelet pulled this image/);
  assert.match(c.text, /check-health cannot see this/);
  assert.match(c.text, /az aks update -g <resource-group> -n <cluster-name> --attach-acr contoso/);
  await page.screenshot({ path: path.join(artifacts, 'tools-kubectl.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a docker pull refused by the firewall: the address the registry saw, in both languages', async () => {
  const { page, context, errors } = await openPage(shared.browser, shared.base);
  await paste(page, DOCKER);
  assert.equal(await verdict(page), 'errors');
  const c = await card(page, 'CLIENT_IP_NOT_ALLOWED');
  assert.equal(c.registry, 'fabrikam.azurecr.io');
  assert.equal(c.clientIp, '203.0.113.42');
  assert.equal(c.repository, 'payments/api');
  assert.equal(c.tag, '2.4.1');
  assert.equal(c.checkHealth, 'CONNECTIVITY_FORBIDDEN_ERROR');
  assert.match(c.text, /The registry saw the address 203\.0\.113\.42/);
  assert.match(c.text, /az acr network-rule add -n fabrikam --ip-address 203\.0\.113\.42/);
  await page.screenshot({ path: path.join(artifacts, 'tools-docker-firewall.png'), fullPage: true });

  await page.click('[data-testid=lang-fr]');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  const fr = await card(page, 'CLIENT_IP_NOT_ALLOWED');
  assert.match(fr.text, /Le registre a vu l’adresse 203\.0\.113\.42/);
  await page.screenshot({ path: path.join(artifacts, 'tools-docker-firewall-fr.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the new codes have reference entries at their anchors', async () => {
  for (const [anchor, words] of [['registry_unauthorized', /401/], ['client_ip_not_allowed', /firewall/], ['manifest_unknown', /tag/]]) {
    const { page, context } = await openPage(shared.browser, shared.base, { hash: `#${anchor}` });
    const entry = page.locator(`[data-testid=reference-entry][id=${anchor}]`);
    await entry.waitFor();
    assert.equal(await entry.getAttribute('data-code'), anchor.toUpperCase());
    // Its meaning and causes come from the about file, fetched once the page runs.
    await page.waitForFunction(() => !document.querySelector('[data-about=waiting]'));
    assert.match(await entry.innerText(), words);
    await context.close();
  }
});
