// Service worker SKP (lingkup /skp/): halaman yang pernah dibuka tetap dapat
// dibuka saat sinyal hilang (jaringan dulu, salinan bila gagal); CSS dan
// skrip antrean dari cache. Kiriman (POST) tidak disentuh: antrean luring
// di halaman yang menyimpannya.
var CACHE = 'kinerja-skp-1';
self.addEventListener('install', function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(['__CSS__', '__JS__']); }).then(function () { return self.skipWaiting(); }));
});
self.addEventListener('activate', function (e) { e.waitUntil(self.clients.claim()); });
self.addEventListener('fetch', function (e) {
  var r = e.request;
  if (r.method !== 'GET') return;
  var u = new URL(r.url);
  if (u.origin !== location.origin) return;
  if (u.pathname === '__CSS__' || u.pathname === '__JS__') {
    e.respondWith(caches.match(r).then(function (x) { return x || fetch(r); }));
    return;
  }
  if (u.pathname.indexOf('/skp/') === 0 && r.mode === 'navigate') {
    e.respondWith(fetch(r).then(function (res) {
      if (res.ok) { var salin = res.clone(); caches.open(CACHE).then(function (c) { c.put(r, salin); }); }
      return res;
    }).catch(function () { return caches.match(r); }));
  }
});
