// The service worker of one deploy ({{HASH}} is its content-hashed folder, written in by
// scripts/build-app.sh, so a new deploy is a new worker). What it does:
// - pages (and the manifest and icons): from the network; without one, the copy of that page kept last, else the app's frame
//   (index.html), which starts the app from the cache;
// - this deploy's files (/pkg/{{HASH}}/…): from the cache, kept on first use; the frame's own files are
//   kept at install. Once a new deploy's worker takes over, every other deploy's cache is deleted:
//   a page never mixes two versions;
// - a member's installed app asks it to keep every bundle it can open (the home, the agenda, their
//   area), so a page they never opened on this phone still opens offline;
// - a member's own reads (session, bookings with their .ics, sign-ups, the desks free): from the network, a copy
//   kept; without a network, that copy, and the page is told the date it was made (the app shows
//   "hors ligne"). Logging in or out deletes the copies. Writes are never queued: they go to the
//   network or fail, and the app says so.
// - a private link's page (/inscription/…, /location/…, /consultation/…, /invitation,
//   /mot-de-passe/nouveau): never kept, since its address is the secret (a shared phone must not
//   hold it); logging in or out also deletes any such page a cache still holds.
const VERSION = '{{HASH}}';
const SHELL = `kerne-shell-${VERSION}`;
const DATA = 'kerne-data';
const FRAME = ['/', '/manifest.webmanifest', '/favicon.svg', '/icon-192.png', `/pkg/${VERSION}/style.css`, `/pkg/${VERSION}/first.js`, `/pkg/${VERSION}/boot.js`];
// The reads kept for offline, by path.
// Pages whose address is a secret.
const PRIVATE = /^\/(inscription|location|consultation)\/|^\/(invitation|mot-de-passe\/nouveau)$/;
const KEPT = [/^\/api\/session$/, /^\/api\/site$/, /^\/api\/bookings$/, /^\/api\/bookings\/\d+\/ics$/, /^\/api\/me\/events$/, /^\/api\/availability$/];
// The bundles a page may ask to keep (`kerne-keep`, sent by a member's or the staff's app).
const BUNDLES = ['public', 'agenda', 'events', 'member', 'volunteer', 'staff'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(FRAME)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('kerne-shell-') && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// A member's installed app keeps every bundle it can open (their glue, wasm and the back-office's
// styles), fetched once in the background.
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.kind !== 'kerne-keep' || !Array.isArray(data.bundles)) return;
  const files = data.bundles.filter((b) => BUNDLES.includes(b)).flatMap((b) => [`${b}.js`, `${b}_bg.wasm`]);
  event.waitUntil(caches.open(SHELL).then((cache) => Promise.all(
    [...files, 'back.css'].map(async (file) => {
      const url = `/pkg/${VERSION}/${file}`;
      if (!(await cache.match(url))) {
        const response = await fetch(url);
        if (response.ok) await cache.put(url, response);
      }
    }),
  )).catch(() => {}));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (request.method !== 'GET') {
    // A login, a logout or an erased account: the kept copies belong to someone else now.
    if (/^\/api\/auth\//.test(url.pathname) || url.pathname === '/api/me') {
      event.respondWith(Promise.all([caches.delete(DATA), forgetPrivatePages()]).then(() => fetch(request)));
    }
    return;
  }
  if (request.mode === 'navigate' || FRAME.includes(url.pathname)) {
    event.respondWith(page(request));
  } else if (url.pathname.startsWith(`/pkg/${VERSION}/`)) {
    event.respondWith(asset(request));
  } else if (KEPT.some((re) => re.test(url.pathname))) {
    event.respondWith(kept(event, request, url));
  }
});

async function page(request) {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok && !PRIVATE.test(new URL(request.url).pathname)) cache.put(request, response.clone());
    return response;
  } catch (offline) {
    return (await cache.match(request, { ignoreSearch: true })) || (await cache.match('/')) || Response.error();
  }
}

async function forgetPrivatePages() {
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (PRIVATE.test(new URL(request.url).pathname)) await cache.delete(request);
    }
  }
}

async function asset(request) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

async function kept(event, request, url) {
  const cache = await caches.open(DATA);
  try {
    const response = await fetch(request);
    if (response.ok) {
      // The copy carries the time it was made, for the page's "hors ligne" notice.
      const headers = new Headers(response.headers);
      headers.set('X-Kerne-Saved', new Date().toUTCString());
      await cache.put(request, new Response(await response.clone().blob(), { status: response.status, headers }));
      if (url.pathname === '/api/bookings') keepCalendars(cache, response.clone());
    }
    return response;
  } catch (offline) {
    const copy = await cache.match(request);
    if (!copy) throw offline;
    const client = event.clientId && (await self.clients.get(event.clientId));
    if (client) client.postMessage({ kind: 'kerne-offline', saved: copy.headers.get('X-Kerne-Saved') || '' });
    return copy;
  }
}

// The .ics of every booking not cancelled, so that "add to my calendar" works offline too.
async function keepCalendars(cache, response) {
  try {
    const bookings = await response.json();
    await Promise.all(
      bookings
        .filter((b) => b.status !== 'cancelled')
        .slice(0, 30)
        .map((b) => fetch(`/api/bookings/${b.id}/ics`).then((r) => r.ok && cache.put(`/api/bookings/${b.id}/ics`, r))),
    );
  } catch (e) {
    // The list is kept; a calendar file missed is fetched again next time.
  }
}
