// The skills survey's service worker (served at /skills/offline-sw.js, scope /skills/): keeps the
// last copy of each survey page opened or fetched (/skills/r/…) and of the site's assets, and
// answers from them when the network does not. Answers typed offline are kept and sent by the
// page's script (assets/skills-offline.js); this worker never stores a POST.
const CACHE = 'skills-offline-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/assets/')) {
    // Assets are named by their content: a copy never goes stale.
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((res) => {
            if (res.ok) caches.open(CACHE).then((cache) => cache.put(request, res.clone()));
            return res;
          }),
      ),
    );
    return;
  }
  if (!url.pathname.startsWith('/skills/r/')) return;
  event.respondWith(
    fetch(request)
      .then((res) => {
        if (res.ok) {
          const copy = res.clone();
          caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
        }
        return res;
      })
      .catch(() => caches.match(url.pathname).then((hit) => hit || Response.error())),
  );
});
