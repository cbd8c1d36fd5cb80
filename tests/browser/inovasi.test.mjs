// Inovasi di layar ponsel 360 px (isu 12): tamu mencari "surat" di
// repositori dan membuka E-SURAT (lan-69, Kota Surabaya); operator inovasi
// Kota Ambon mendaftarkan replikasi E-PERFORMANCE (lan-68, belum
// direplikasi Ambon di demo) dan melihatnya tercantum; juri membuka
// penilaiannya di kompetisi provinsi 2026 (tahap presentasi dan wawancara
// sedang buka, ada tugas yang belum dinilai), menilai satu entri dan
// melihatnya tersimpan. Chromium Debian (/usr/bin/chromium), tanpa unduhan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const URL = process.env.KINERJA_URL;
const SANDI = 'kinerja-demo';
const KOMPETISI = 'Kompetisi Inovasi Pelayanan Publik Provinsi Maluku 2026';

async function peramban() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

async function konteks(browser) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'id-ID' });
  return { ctx, page: await ctx.newPage() };
}

async function masuk(browser, username) {
  const k = await konteks(browser);
  await k.page.goto(`${URL}/masuk`);
  await k.page.fill('#username', username);
  await k.page.fill('#sandi', SANDI);
  await k.page.click('button:has-text("Masuk")');
  await k.page.waitForLoadState();
  return k;
}

async function tanpaGulirMendatar(page) {
  const lebar = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(lebar <= 360, `${page.url()}: lebar halaman ${lebar} px`);
}

test('cari repositori, daftarkan replikasi, juri menilai (360 px)', async () => {
  assert.ok(URL, 'KINERJA_URL wajib');
  const browser = await peramban();
  try {
    // Tamu: tautan Inovasi di kepala halaman, cari "surat", buka E-SURAT.
    const tamu = await konteks(browser);
    await tamu.page.goto(`${URL}/`);
    await tamu.page.click('header a[href="/inovasi"]');
    await tamu.page.waitForSelector('#cari');
    await tamu.page.fill('#cari', 'surat');
    await tamu.page.click('.baris-cari button');
    await tamu.page.waitForSelector('#jumlah');
    assert.match(tamu.page.url(), /cari=surat/);
    await tanpaGulirMendatar(tamu.page);
    await tamu.page.screenshot({ path: '/tmp/kinerja-inovasi-cari.png', fullPage: true });
    await tamu.page.click('a[href="/inovasi/lan-69"]');
    await tamu.page.waitForSelector('#judul-inovasi');
    assert.match(await tamu.page.textContent('#judul-inovasi'), /E-SURAT/);
    assert.match(await tamu.page.textContent('#instansi'), /Kota Surabaya/);
    for (const id of ['#masalah', '#solusi', '#prasyarat']) {
      assert.ok(await tamu.page.isVisible(id), `${id} tampil`);
    }
    await tanpaGulirMendatar(tamu.page);

    // Operator inovasi Kota Ambon mendaftarkan replikasi E-PERFORMANCE.
    const ambon = await masuk(browser, 'operator.ambon');
    await ambon.page.goto(`${URL}/inovasi/lan-68`);
    const form = ambon.page.locator('#form-replikasi');
    await form.waitFor();
    await tanpaGulirMendatar(ambon.page);
    const adaptasi = `E-Performance untuk ASN Kota Ambon, terhubung ke SKP dan presensi daring (uji ${process.pid}).`;
    await form.locator('#adaptasi').fill(adaptasi);
    await form.locator('#mulai').fill('2025-07-01');
    await form.locator('#penanggung_jawab').fill('Bagian Organisasi Setda Kota Ambon');
    await form.locator('button:has-text("Daftarkan replikasi")').click();
    await ambon.page.waitForSelector('#pesan');
    assert.match(await ambon.page.textContent('#pesan'), /Replikasi terdaftar/);
    const baru = ambon.page.locator('.replikasi', { hasText: adaptasi });
    await baru.waitFor();
    assert.match(await baru.textContent(), /Pemerintah Kota Ambon/);
    assert.equal(await ambon.page.locator('#form-replikasi').count(), 0, 'sudah terdaftar');
    await tanpaGulirMendatar(ambon.page);
    await ambon.page.screenshot({ path: '/tmp/kinerja-inovasi-replikasi.png', fullPage: true });

    // Juri: kompetisi provinsi 2026 → penilaian saya → satu entri yang belum dinilai.
    const juri = await masuk(browser, 'juri');
    await juri.page.goto(`${URL}/kompetisi`);
    await tanpaGulirMendatar(juri.page);
    await juri.page.locator('.kartu a', { hasText: KOMPETISI }).first().click();
    await juri.page.waitForSelector('#penilaian-saya');
    await tanpaGulirMendatar(juri.page);
    await juri.page.click('#penilaian-saya');
    const belum = juri.page.locator('.tugas[data-dinilai="tidak"]', { has: juri.page.locator('a.tombol') }).first();
    await belum.waitFor();
    const kartu = await belum.getAttribute('id');
    await tanpaGulirMendatar(juri.page);
    await belum.locator('a.tombol').click();
    await juri.page.waitForSelector('#form-nilai');
    await tanpaGulirMendatar(juri.page);
    const skor = juri.page.locator('#form-nilai input[type=number]');
    const n = await skor.count();
    assert.ok(n >= 1, 'satu isian per kriteria rubrik');
    for (let i = 0; i < n; i++) {
      await skor.nth(i).fill(i === 0 ? '86.5' : '80');
    }
    await juri.page.fill('#catatan', 'Presentasi jelas; data sebelum-sesudah meyakinkan.');
    await juri.page.click('#simpan-nilai');
    await juri.page.waitForSelector('#pesan');
    assert.match(await juri.page.textContent('#pesan'), /Nilai tersimpan/);
    assert.equal(await juri.page.getAttribute(`#${kartu}`, 'data-dinilai'), 'ya');
    assert.match(await juri.page.textContent(`#${kartu}`), /Sudah dinilai/);
    await tanpaGulirMendatar(juri.page);
    await juri.page.screenshot({ path: '/tmp/kinerja-inovasi-nilai.png', fullPage: true });
  } finally {
    await browser.close();
  }
});
