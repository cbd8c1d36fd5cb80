// SKP di layar ponsel 360 px (isu 11): pegawai mencatat realisasi berfoto
// saat luring, kembali daring dan melihatnya terkirim; penilai memberi umpan
// balik dan rating; kalibrasi menampilkan pelanggaran kurva; finalisasi
// ditolak sampai pelanggarannya diselesaikan. Data demo: pegawai
// 199108172015022003 (Seksi Perencanaan dan Evaluasi Kesehatan Masyarakat),
// penilainya `penilai.kesmas`, atasan penilainya `kabid.kesmas`; kurva TW II
// seksi itu dilanggar (tanpa "Butuh Perbaikan"), pegawai demo belum dinilai.
// Sesudah keluar, salinan luring halaman SKP terhapus dari ponsel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const URL = process.env.KINERJA_URL;
const SANDI = 'kinerja-demo';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAcElEQVR4nA2OQREAMAjDqgQlKKkSlKAEEXlX0fbt9ZIIiRItLEasOJG/qqiiCxdTbHFF/ldNNd24mWaba/IJMmXa2IxZcyafq6GGHjzMsMMN+TYttfTiZZZdbslv0FFHHz7m2OOO/DKFCh0cJmy4kDzWFWaBszJ6PwAAAABJRU5ErkJggg==',
  'base64');

async function peramban() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

async function masuk(browser, username) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
  const page = await ctx.newPage();
  await page.goto(`${URL}/masuk`);
  await page.fill('#username', username);
  await page.fill('#sandi', SANDI);
  await page.click('button:has-text("Masuk")');
  await page.waitForLoadState();
  return { ctx, page };
}

async function tanpaGulirMendatar(page) {
  const lebar = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(lebar <= 360, `${page.url()}: lebar halaman ${lebar} px`);
}

async function kalibrasiKelompok(page, tahun) {
  await page.goto(`${URL}/skp/kalibrasi?periode=${tahun}-TW2`);
  await tanpaGulirMendatar(page);
  await page.locator('table a', { hasText: 'Seksi Perencanaan dan Evaluasi Kesehatan Masyarakat' }).first().click();
  await page.waitForSelector('#memenuhi, #pelanggaran');
}

test('realisasi luring terkirim, umpan balik, rating, kurva ditolak lalu difinalkan (360 px)', async () => {
  assert.ok(URL, 'KINERJA_URL wajib');
  const foto = join(tmpdir(), `kinerja-skp-${process.pid}.png`);
  writeFileSync(foto, PNG);
  const browser = await peramban();
  try {
    // Pegawai: SKP sendiri; sinyal hilang saat mengirim realisasi berfoto.
    const pegawai = await masuk(browser, '199108172015022003');
    await pegawai.page.goto(`${URL}/skp`);
    const tahun = (await pegawai.page.textContent('h1')).match(/\d{4}/)[0];
    await pegawai.page.click('#skp-saya');
    await pegawai.page.waitForSelector('#status-skp');
    await tanpaGulirMendatar(pegawai.page);
    const skpUrl = pegawai.page.url();
    // Skrip antrean sudah dimuat sebelum sinyal hilang.
    await pegawai.page.waitForFunction(() => !!navigator.serviceWorker);
    await pegawai.ctx.setOffline(true);
    const form = pegawai.page.locator('form[data-antrean]').first();
    await pegawai.page.locator('details:has(form[data-antrean]) > summary').first().click();
    await form.locator('select[name=periode]').selectOption(`${tahun}-TW3`);
    await form.locator('input[name=realisasi]').fill('9');
    await form.locator('textarea[name=catatan]').fill('Rekap TW III dikirim dari Pulau Buru tanpa sinyal.');
    await form.locator('input[type=file]').setInputFiles(foto);
    await form.locator('button:has-text("Kirim")').click();
    const menunggu = pegawai.page.locator('#antrean .antrean-menunggu');
    await menunggu.first().waitFor();
    assert.match(await menunggu.first().textContent(), /menunggu dikirim/);
    assert.equal(await pegawai.page.isVisible('#antrean'), true, 'antrean terlihat');
    await tanpaGulirMendatar(pegawai.page);
    await pegawai.page.screenshot({ path: '/tmp/kinerja-skp-antrean.png', fullPage: true });
    // Sinyal kembali: antrean terkirim sendiri.
    await pegawai.ctx.setOffline(false);
    await pegawai.page.locator('#antrean .antrean-terkirim').first().waitFor({ timeout: 15000 });
    assert.equal(await pegawai.page.locator('#antrean .antrean-menunggu').count(), 0);
    await pegawai.page.goto(skpUrl);
    const entri = pegawai.page.locator('p[id^=real-]', { hasText: 'Triwulan III' });
    await entri.first().waitFor();
    assert.match(await entri.first().textContent(), /menunggu umpan balik/);
    assert.equal(await entri.first().locator('img[src*="varian=mini"]').count(), 1, 'foto ikut terkirim');
    // Keluar: salinan luring halaman SKP (CacheStorage) tidak tertinggal di
    // ponsel untuk orang berikutnya.
    await pegawai.page.waitForFunction(async () => (await caches.keys()).length > 0);
    await pegawai.page.locator('form[action="/keluar"] button').click();
    await pegawai.page.waitForURL(/\/masuk/);
    await pegawai.page.waitForFunction(async () => (await caches.keys()).length === 0, null, { timeout: 10000 });

    // Atasan penilai: kurva TW II dilanggar; finalisasi ditolak.
    const kabid = await masuk(browser, 'kabid.kesmas');
    await kalibrasiKelompok(kabid.page, tahun);
    assert.match(await kabid.page.textContent('#pelanggaran'), /Butuh Perbaikan/);
    await kabid.page.click('#finalkan');
    await kabid.page.waitForSelector('#galat');
    assert.match(await kabid.page.textContent('#galat'), /Kurva distribusi belum terpenuhi/);
    assert.equal(await kabid.page.locator('#final').count(), 0);
    await tanpaGulirMendatar(kabid.page);
    await kabid.page.screenshot({ path: '/tmp/kinerja-skp-kurva.png', fullPage: true });

    // Penilai: umpan balik atas realisasi yang baru, lalu rating TW II.
    const penilai = await masuk(browser, 'penilai.kesmas');
    await penilai.page.goto(`${URL}/skp/dinilai`);
    await tanpaGulirMendatar(penilai.page);
    await penilai.page.locator('table a', { hasText: 'Theresia' }).click();
    await penilai.page.waitForSelector('#status-skp');
    const baru = penilai.page.locator('p[id^=real-]', { hasText: 'Triwulan III' }).first();
    const rid = (await baru.getAttribute('id')).slice(5);
    const ub = penilai.page.locator(`form[action$="/realisasi/${rid}/umpan-balik"]`);
    await ub.locator('input[name=umpan_balik]').fill('Terima kasih; fotonya jelas.');
    await ub.locator('button[value=terima]').click();
    await penilai.page.waitForSelector('#pesan');
    assert.match(await penilai.page.textContent('#pesan'), /Umpan balik tersimpan/);
    assert.match(await penilai.page.textContent(`#real-${rid}`), /diverifikasi/);
    const baris = penilai.page.locator(`#predikat-${tahun}-TW2`);
    await baris.locator('summary').click();
    await baris.locator('select[name=rating_hasil]').selectOption('di_bawah_ekspektasi');
    await baris.locator('select[name=rating_perilaku]').selectOption('sesuai_ekspektasi');
    await baris.locator('button').click();
    await penilai.page.waitForSelector('#pesan');
    assert.match(await penilai.page.textContent(`#predikat-${tahun}-TW2`), /Butuh Perbaikan/);
    await tanpaGulirMendatar(penilai.page);

    // Kurva kini terpenuhi; finalisasi berhasil.
    await kalibrasiKelompok(kabid.page, tahun);
    await kabid.page.waitForSelector('#memenuhi');
    await kabid.page.click('#finalkan');
    await kabid.page.waitForSelector('#final');
    assert.match(await kabid.page.textContent('#pesan'), /Kurva difinalkan/);
  } finally {
    await browser.close();
  }
});
