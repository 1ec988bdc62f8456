// The field app's service worker: keeps the app's own files, so the app opens with no network
// once it has been opened once. The service writes the release's version and the list of files
// in, each with its hash, when it sends this file (site.web.FieldAppShell): a new release is a new worker, which
// fetches the whole new set before it takes over, and then deletes the old one.
// Calls to the API are never answered from here: the outbox (IndexedDB) is what works offline.

const VERSION = "__VERSION__";
const SHELL = ["__SHELL__"];
const CACHE = `urbanorder-app-${VERSION}`;
const PREFIX = 'urbanorder-app-';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // no-cache: revalidated with the service, so a copy in the HTTP cache from an older release
      // is never kept; integrity: a file whose bytes are not this release's fails the install.
      .then((cache) => cache.addAll(SHELL.map(([path, integrity]) => new Request(path, { cache: 'no-cache', integrity }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith('/app/')) return;
  const key = request.mode === 'navigate' ? '/app/' : url.pathname;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      .then((kept) => kept ?? fetch(request)),
  );
});
