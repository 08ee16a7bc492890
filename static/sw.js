// acr-doctor's service worker: keeps the page's own files so the page opens and explains pastes
// when the network is down. Plain JavaScript, no framework. It answers only for the page's own
// files under its scope: never a probe request, never anything from another origin.
//
// - The page itself (a navigation): from the network first, so an online visit gets the new
//   version; from the copy kept here when the network fails, marked so the page can say so.
// - On install, the page and the hashed files it names are kept at once.
// - Files named by their content hash (acr-doctor-<hash>.js, …_bg.wasm, the progress bar's
//   acr-doctor-start-<hash>.js, the kits acr-doctor-kit-<hash>.sh and .ps1, the French acr-doctor-fr-<hash>.json, what each code means acr-doctor-about-<hash>.json, the examples acr-doctor-examples-<hash>.txt): from
//   the copy kept here first (a name never changes its content); one copy per kind is kept.
'use strict';

const scope = new URL(self.registration.scope);
// One cache per copy of the page: on a shared origin (*.github.io) another page's worker under
// another path keeps its own. (A page on the same origin can still open this cache: the
// origin is the browser's unit of trust; host the page on an origin of its own where that matters.)
const CACHE = `acr-doctor:${scope.pathname}`;
const HASHED = /^(acr-doctor-|acr-doctor-start-|acr-doctor-kit-|acr-doctor-fr-|acr-doctor-about-|acr-doctor-examples-)[0-9a-f]+(_bg\.wasm|\.js|\.sh|\.ps1|\.json|\.txt)$/;
// A hashed file's kind: its name without the hash.
const kindOf = (name) => name.replace(/[0-9a-f]+(?=(_bg\.wasm|\.js|\.sh|\.ps1|\.json|\.txt)$)/, '');

// On install, keep the page and the files it names now, so a first visit already leaves a copy,
// and only those: a file an earlier version named (a kind the page no longer has) goes.
self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const response = await fetch(scope.href, { cache: 'no-cache' });
    if (!response.ok) return;
    const html = await response.clone().text();
    await cache.put(scope.href, response);
    // Every ./name index.html points at, its attribute quoted or not (a release build's HTML is
    // minified), and the loader's import.
    const names = new Set([...html.matchAll(/["'=]\.\/([^"'\s>?#/]+)/g)].map((m) => m[1]).filter((n) => HASHED.test(n)));
    await Promise.all([...names].map(async (name) => {
      const url = new URL(name, scope).href;
      const file = await fetch(url);
      if (file.ok) await cache.put(url, file);
    }));
    for (const kept of await cache.keys()) {
      const name = new URL(kept.url).pathname.slice(scope.pathname.length);
      if (name !== '' && !names.has(name)) await cache.delete(kept);
    }
  })().catch(() => {}));
});
// The cache this worker kept before caches were named by path is dropped.
self.addEventListener('activate', (event) => event.waitUntil(
  caches.delete('acr-doctor').then(() => self.clients.claim()),
));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const name = url.pathname.slice(scope.pathname.length);
  if (request.mode === 'navigate' && (name === '' || name === 'index.html')) {
    event.respondWith(page(request));
  } else if (HASHED.test(name) && !url.search) {
    event.respondWith(hashed(request, name));
  }
});

async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(scope.href, response.clone());
    return response;
  } catch (failed) {
    const kept = await cache.match(scope.href);
    if (!kept) throw failed;
    // Say where the page came from: a <meta> the page reads (not a script: the CSP holds).
    const html = (await kept.text()).replace('</head>', '<meta name="acr-doctor-from-cache" content="">\n</head>');
    return new Response(html, { headers: kept.headers });
  }
}

async function hashed(request, name) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    // The same kind under another hash is an older version: drop it.
    const kind = kindOf(name);
    for (const old of await cache.keys()) {
      const oldName = new URL(old.url).pathname.slice(scope.pathname.length);
      if (oldName !== name && HASHED.test(oldName) && kindOf(oldName) === kind) await cache.delete(old);
    }
    await cache.put(request, response.clone());
  }
  return response;
}
