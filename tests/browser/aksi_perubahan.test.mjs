// Aksi perubahan di layar ponsel 360 px (isu 13): alumni mengirim progres
// dengan foto, mentor memverifikasinya, dasbor BKD berubah. Data demo:
// alumni 199108172015022003 punya satu tonggak terlambat; mentornya
// 197811232005011004. Chromium Debian (/usr/bin/chromium), tanpa unduhan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const URL = process.env.KINERJA_URL;
const SANDI = 'kinerja-demo';
// PNG 8×8 yang sah (foto bukti dari "kamera").
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

async function jumlahTerlambat(page) {
  await page.goto(`${URL}/aksi-perubahan/dasbor`);
  await tanpaGulirMendatar(page);
  return Number((await page.textContent('#st-terlambat')).replace(/\D/g, ''));
}

test('alumni kirim progres berfoto, mentor verifikasi, dasbor BKD berubah (360 px)', async () => {
  assert.ok(URL, 'KINERJA_URL wajib');
  const foto = join(tmpdir(), `kinerja-bukti-${process.pid}.png`);
  writeFileSync(foto, PNG);
  const browser = await peramban();
  try {
    const bkd = await masuk(browser, 'admin.bkd');
    const sebelum = await jumlahTerlambat(bkd.page);
    assert.ok(sebelum > 0, 'demo punya proyek terlambat');

    // Alumni: proyeknya sendiri, tonggak terlambat, formulir progres + foto.
    const alumni = await masuk(browser, '199108172015022003');
    await alumni.page.goto(`${URL}/aksi-perubahan`);
    await tanpaGulirMendatar(alumni.page);
    await alumni.page.locator('.kartu a').first().click();
    await alumni.page.waitForSelector('#status-proyek');
    assert.equal((await alumni.page.textContent('#status-proyek')).trim(), 'Terlambat');
    const proyek = alumni.page.url();
    const kartu = alumni.page.locator('.kartu[id^=tonggak-]', { has: alumni.page.locator('.lencana.st-merah') })
      .filter({ has: alumni.page.locator('form') }).first();
    await kartu.locator('summary', { hasText: 'Kirim progres' }).click();
    await kartu.locator('input[name=progres_persen]').fill('100');
    await kartu.locator('textarea[name=catatan]').fill('Layanan sudah berjalan di lima unit percontohan.');
    await kartu.locator('input[type=file]').setInputFiles(foto);
    await tanpaGulirMendatar(alumni.page);
    await kartu.locator('button:has-text("Kirim")').click();
    await alumni.page.waitForSelector('.kotak-ok, .kotak-galat');
    assert.equal(await alumni.page.locator('.kotak-galat').count(), 0,
      await alumni.page.locator('main').textContent());
    assert.match(await alumni.page.textContent('.kotak-ok'), /menunggu verifikasi/);
    await alumni.page.screenshot({ path: process.env.KINERJA_SCREENSHOT_AKSI || '/tmp/kinerja-aksi-alumni.png', fullPage: true });

    // Mentor: foto tampil (salinan mini), terima progres.
    const mentor = await masuk(browser, '197811232005011004');
    await mentor.page.goto(proyek);
    const gambar = mentor.page.locator('img[src*="varian=mini"]').first();
    await gambar.waitFor();
    // Gambar dimuat sesudah elemennya ada (dan bisa `loading=lazy`): tunggu muatnya.
    await gambar.scrollIntoViewIfNeeded();
    await mentor.page.waitForFunction((g) => g.complete && g.naturalWidth > 0, await gambar.elementHandle(), { timeout: 10000 })
      .catch(() => {});
    assert.ok(await gambar.evaluate((g) => g.complete && g.naturalWidth > 0), 'foto bukti termuat');
    await tanpaGulirMendatar(mentor.page);
    await mentor.page.locator('button[value=terima]').first().click();
    await mentor.page.waitForSelector('.kotak-ok');
    assert.match(await mentor.page.textContent('.kotak-ok'), /Verifikasi tersimpan/);
    assert.notEqual((await mentor.page.textContent('#status-proyek')).trim(), 'Terlambat');

    // BKD: satu proyek terlambat lebih sedikit.
    assert.equal(await jumlahTerlambat(bkd.page), sebelum - 1);
    await bkd.page.screenshot({ path: '/tmp/kinerja-aksi-dasbor.png', fullPage: true });
  } finally {
    await browser.close();
  }
});

test('operator inovasi menerima usul proyek yang terbukti; pengaturan BKD di ponsel (360 px)', async () => {
  assert.ok(URL, 'KINERJA_URL wajib');
  const browser = await peramban();
  try {
    // BKD: pengaturan ambang dan pita kualifikasi terbaca di ponsel.
    const bkd = await masuk(browser, 'admin.bkd');
    await bkd.page.goto(`${URL}/aksi-perubahan/pengaturan`);
    await bkd.page.waitForSelector('#form-pengaturan');
    assert.equal(await bkd.page.inputValue('#hari_senyap'), '90');
    await tanpaGulirMendatar(bkd.page);

    // Operator inovasi provinsi: usul dari proyek demo yang selesai, terima.
    const op = await masuk(browser, 'operator.inovasi');
    await op.page.goto(`${URL}/aksi-perubahan/usul-inovasi`);
    const kartu = op.page.locator('.kartu[id^=usul-]').first();
    await kartu.waitFor();
    await tanpaGulirMendatar(op.page);
    const judul = (await kartu.locator('strong').first().textContent()).trim();
    await kartu.locator('button[value=terima]').click();
    await op.page.waitForSelector('.kotak-ok');
    assert.match(await op.page.textContent('.kotak-ok'), /terbit di repositori/);

    // Publik: inovasinya dapat dicari di repositori.
    await op.page.goto(`${URL}/inovasi?cari=${encodeURIComponent(judul)}`);
    await op.page.waitForSelector('#jumlah');
    assert.ok(await op.page.locator('main a', { hasText: judul }).count() > 0, `${judul} di repositori`);
    await tanpaGulirMendatar(op.page);
  } finally {
    await browser.close();
  }
});
