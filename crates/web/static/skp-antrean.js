// Antrean luring realisasi SKP. Formulir [data-antrean] dikirim lewat API;
// entri disimpan lebih dulu di IndexedDB (dengan fotonya) sehingga tidak
// hilang bila sinyal putus, lalu dikirim ulang saat jaringan kembali.
// Kunci klien membuat kiriman ulang tidak menggandakan entri di server.
(function () {
  'use strict';
  if (!window.indexedDB || !window.fetch || !window.FormData) return;
  var en = document.documentElement.lang === 'en';
  var T = function (a, b) { return en ? b : a; };
  var panel = document.getElementById('antrean');
  var daftar = document.getElementById('antrean-isi');
  var terkirim = [];
  function db() {
    return new Promise(function (ok, gagal) {
      var r = indexedDB.open('kinerja-antrean', 1);
      r.onupgradeneeded = function () { r.result.createObjectStore('realisasi', { keyPath: 'kunci' }); };
      r.onsuccess = function () { ok(r.result); };
      r.onerror = function () { gagal(r.error); };
    });
  }
  function toko(mode, kerja) {
    return db().then(function (d) {
      return new Promise(function (ok, gagal) {
        var t = d.transaction('realisasi', mode);
        var h = kerja(t.objectStore('realisasi'));
        t.oncomplete = function () { ok(h && h.result); };
        t.onerror = function () { gagal(t.error); };
      });
    });
  }
  function semua() { return toko('readonly', function (s) { return s.getAll(); }); }
  function simpan(x) { return toko('readwrite', function (s) { s.put(x); }); }
  function hapus(k) { return toko('readwrite', function (s) { s.delete(k); }); }
  function kunci() {
    return (crypto.randomUUID && crypto.randomUUID()) || (Date.now() + '-' + Math.random().toString(16).slice(2));
  }
  function tampil() {
    return semua().then(function (isi) {
      daftar.textContent = '';
      isi.forEach(function (x) {
        var li = document.createElement('li');
        li.className = 'antrean-menunggu';
        li.textContent = x.label + ' · ' + x.isian.periode + ': ' + x.isian.realisasi + ' — ' +
          (x.galat ? T('ditolak: ', 'rejected: ') + x.galat : T('menunggu dikirim', 'waiting to be sent'));
        if (x.galat) {
          var b = document.createElement('button');
          b.type = 'button'; b.className = 'tombol kedua'; b.textContent = T('Buang', 'Discard');
          b.onclick = function () { hapus(x.kunci).then(tampil); };
          li.appendChild(b);
        }
        daftar.appendChild(li);
      });
      terkirim.forEach(function (t) {
        var li = document.createElement('li');
        li.className = 'antrean-terkirim';
        li.textContent = t + ' — ' + T('terkirim', 'sent');
        daftar.appendChild(li);
      });
      panel.hidden = isi.length === 0 && terkirim.length === 0;
    });
  }
  var jalan = false;
  function kirimSemua() {
    if (jalan) return Promise.resolve();
    jalan = true;
    return semua().then(function (isi) {
      return isi.filter(function (x) { return !x.galat; }).reduce(function (p, x) {
        return p.then(function () {
          var fd = new FormData();
          Object.keys(x.isian).forEach(function (k) { fd.append(k, x.isian[k]); });
          fd.append('kunci_klien', x.kunci);
          if (x.berkas) fd.append('bukti', x.berkas, x.nama_berkas || 'bukti');
          return fetch(x.url, { method: 'POST', body: fd, credentials: 'same-origin', headers: { 'x-csrf-token': x.csrf } })
            .then(function (r) {
              if (r.ok) { terkirim.push(x.label + ' · ' + x.isian.periode + ': ' + x.isian.realisasi); return hapus(x.kunci); }
              if (r.status >= 500 || r.status === 429) throw new Error('server');
              return r.json().then(function (j) {
                var e = j && j.error, f = e && e.fields ? Object.keys(e.fields).map(function (k) { return e.fields[k]; }).join(' ') : '';
                x.galat = ((e && e.message) || r.status) + (f ? ' ' + f : '');
                return simpan(x);
              });
            });
        });
      }, Promise.resolve());
    }).catch(function () { /* jaringan belum kembali: coba lagi nanti */ })
      .then(function () { jalan = false; return tampil(); });
  }
  var keluarSetuju = false;
  document.addEventListener('submit', function (ev) {
    var f = ev.target;
    // Keluar menghapus data situs di ponsel ini (Clear-Site-Data), termasuk
    // antrean: yang belum terkirim diperingatkan dulu.
    if (f.getAttribute && f.getAttribute('action') === '/keluar' && !keluarSetuju) {
      ev.preventDefault();
      semua().then(function (isi) {
        var n = isi.length;
        if (n === 0 || window.confirm(T(n + ' realisasi belum terkirim akan dihapus dari ponsel ini. Tetap keluar?',
          n + ' unsent result(s) will be removed from this phone. Sign out anyway?'))) {
          keluarSetuju = true; f.submit();
        }
      }, function () { keluarSetuju = true; f.submit(); });
      return;
    }
    if (!f.hasAttribute || !f.hasAttribute('data-antrean')) return;
    ev.preventDefault();
    var fd = new FormData(f), isian = {}, berkas = null;
    fd.forEach(function (v, k) {
      if (k === '_csrf') return;
      if (k === 'bukti') { if (v && v.size) berkas = v; return; }
      isian[k] = v;
    });
    var x = { kunci: kunci(), url: f.getAttribute('data-api'), csrf: fd.get('_csrf'), label: f.getAttribute('data-label') || '',
      isian: isian, berkas: berkas, nama_berkas: berkas && berkas.name };
    simpan(x).then(function () { f.reset(); return tampil(); }).then(kirimSemua);
  });
  window.addEventListener('online', kirimSemua);
  tampil().then(kirimSemua);
  if (navigator.serviceWorker) navigator.serviceWorker.register('/skp/sw.js', { scope: '/skp/' }).catch(function () {});
})();
