// Anggaran di layar ponsel 360 px: perencana mencoba menetapkan rencana 2027
// yang satu sub kegiatannya belum punya indikator, membaca penolakannya,
// melengkapi indikator, lalu menetapkan; dasbor 2026 menampilkan tanda merah
// beserta alasannya.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const URL = process.env.KINERJA_URL;

async function tanpaGulirMendatar(page) {
  const lebar = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(lebar <= 360, `${page.url()}: lebar halaman ${lebar} px`);
}

test('perencana: gerbang menolak, indikator dilengkapi, rencana ditetapkan, dasbor bertanda (360 px)', async () => {
  assert.ok(URL, 'KINERJA_URL wajib');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    await page.goto(`${URL}/masuk`);
    await page.fill('#username', 'perencana');
    await page.fill('#sandi', 'kinerja-demo');
    await page.click('button:has-text("Masuk")');
    await page.waitForURL(/\/instansi\//);
    await page.click('header a:has-text("Anggaran")');
    await page.waitForURL(/\/anggaran\/\d{4}$/);
    const dasar = page.url().replace(/\/\d{4}$/, '');
    await page.goto(`${dasar}/2027`);
    await tanpaGulirMendatar(page);
    // Tetapkan: ditolak gerbang, pesan menyebut sub kegiatan dan kekurangannya.
    await page.click('#tetapkan');
    const tolak = await page.textContent('#penolakan');
    assert.match(tolak, /1\.02\.02\.1\.03\.0002/);
    assert.match(tolak, /indikator keluaran/);
    await tanpaGulirMendatar(page);
    await page.click('#penolakan a:has-text("1.02.02.1.03.0002")');
    await page.waitForSelector('#form-subkegiatan');
    await tanpaGulirMendatar(page);
    await page.fill('#i0_nama', 'Jumlah Fasilitas Kesehatan yang Terhubung Sistem Informasi Kesehatan');
    await page.fill('#i0_satuan', 'Unit');
    await page.fill('#i0_target', '40');
    await page.fill('#i0_tw1', '10');
    await page.fill('#i0_tw2', '20');
    await page.fill('#i0_tw3', '30');
    await page.fill('#i0_tw4', '40');
    await page.click('#simpan');
    await page.waitForURL(/disimpan=1/);
    assert.equal(await page.inputValue('#i0_target'), '40');
    await page.goto(`${dasar}/2027`);
    await page.click('#tetapkan');
    assert.match(await page.textContent('#pesan-ok'), /Rencana 2027 ditetapkan/);
    await tanpaGulirMendatar(page);
    // Dasbor 2026: tanda merah dan alasannya, ringan untuk jaringan lambat.
    await page.goto(`${dasar}/2026/dasbor`);
    const merah = await page.textContent('#tanda-merah');
    assert.match(merah, /Uang habis, hasil tidak jelas/);
    assert.match(merah, /penyerapan 95%/);
    await tanpaGulirMendatar(page);
    const bita = await page.evaluate(() => performance.getEntriesByType('navigation')[0].transferSize);
    assert.ok(bita > 0 && bita <= 14 * 1024, `dasbor ${bita} bita terkirim`);
    await page.screenshot({ path: process.env.KINERJA_SCREENSHOT_ANGGARAN || '/tmp/kinerja-dasbor.png', fullPage: true });
  } finally {
    await browser.close();
  }
});
