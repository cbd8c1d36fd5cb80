// SAKIP di layar ponsel 360 px: inspektur membuka pohon kinerja 2026,
// membuka simpul sampai sasaran yang merah, membuka bukti berkas
// realisasinya, lalu mengunduh LKjIP PDF dan memeriksa (pdftotext) bahwa
// nama instansi ada di halaman pertama.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';

const URL = process.env.KINERJA_URL;

async function tanpaGulirMendatar(page) {
  const lebar = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(lebar <= 360, `${page.url()}: lebar halaman ${lebar} px`);
}

test('inspektur: pohon kinerja sampai simpul merah, bukti, LKjIP PDF (360 px)', async () => {
  assert.ok(URL, 'KINERJA_URL wajib');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    await page.goto(`${URL}/masuk`);
    await page.fill('#username', 'inspektur');
    await page.fill('#sandi', 'kinerja-demo');
    await page.click('button:has-text("Masuk")');
    await page.waitForURL(/\/instansi\//);
    await page.click('header a:has-text("SAKIP")');
    await page.waitForURL(/\/sakip\/\d{4}$/);
    // Demo SAKIP diisi untuk tahun anggaran demo (2026).
    const dasar = page.url().replace(/\/\d{4}$/, '');
    await page.goto(`${dasar}/2026`);
    await tanpaGulirMendatar(page);
    // Tujuan terbuka; sasaran tertutup sampai disentuh.
    const merah = page.locator('details[data-warna="merah"]').first();
    assert.equal(await merah.getAttribute('id'), 'simpul-S2.2');
    assert.equal(await merah.evaluate((d) => d.open), false);
    await merah.locator(':scope > summary').click();
    assert.equal(await merah.evaluate((d) => d.open), true);
    const bukti = merah.locator(':scope > .isi-simpul a.bukti').first();
    assert.ok(await bukti.isVisible(), 'tautan bukti terlihat sesudah dibuka');
    await tanpaGulirMendatar(page);
    await page.screenshot({ path: process.env.KINERJA_SCREENSHOT_SAKIP || '/tmp/kinerja-pohon.png', fullPage: true });
    // Bukti berkas di penyimpanan bukti: gambar, bagi pembaca instansi ini.
    const href = await bukti.getAttribute('href');
    assert.match(href, /\/api\/v1\/instansi\/[^/]+\/bukti\/[^/]+$/);
    const r = await page.request.get(`${URL}${href}`);
    assert.equal(r.status(), 200);
    assert.match(r.headers()['content-type'], /^image\//);
    // Program merah: kegiatan dan sub kegiatan di halamannya sendiri.
    // Sasaran merah sendiri juga cocok `details > summary`: sebut programnya.
    const program = page.locator('[id="simpul-1.03.02"]');
    assert.equal(await program.getAttribute('data-warna'), 'merah');
    await program.locator(':scope > summary').click();
    await program.locator('a:has-text("Kegiatan dan sub kegiatan")').click();
    await page.waitForURL(/\/program\//);
    assert.ok(await page.locator('details[id^="simpul-1.03.02.1"]').count() >= 2);
    await tanpaGulirMendatar(page);
    // LKjIP PDF: PDF dengan nama instansi di halaman pertama.
    await page.goto(`${dasar}/2026`);
    const pdf = await page.request.get(`${URL}${await page.getAttribute('#lkjip-pdf', 'href')}`);
    assert.equal(pdf.status(), 200);
    const isi = await pdf.body();
    assert.equal(isi.subarray(0, 4).toString(), '%PDF');
    const berkas = join(mkdtempSync(join(tmpdir(), 'lkjip-')), 'lkjip.pdf');
    writeFileSync(berkas, isi);
    const teks = execFileSync('pdftotext', ['-f', '1', '-l', '1', berkas, '-']).toString();
    assert.match(teks, /Pemerintah Provinsi Maluku/);
  } finally {
    await browser.close();
  }
});
