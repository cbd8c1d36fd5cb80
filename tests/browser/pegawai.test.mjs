// Alur utama di layar ponsel 360 px: masuk, cari pegawai, ubah, lihat
// perubahan di riwayat. Chromium Debian (/usr/bin/chromium), tanpa unduhan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const URL = process.env.KINERJA_URL;

async function peramban() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

test('masuk, cari pegawai, ubah, lihat riwayat (360 px)', async () => {
  assert.ok(URL, 'KINERJA_URL wajib');
  const browser = await peramban();
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    await page.goto(`${URL}/masuk`);
    await page.fill('#username', 'admin.bkd');
    await page.fill('#sandi', 'kinerja-demo');
    await page.click('button:has-text("Masuk")');
    await page.waitForURL(/\/instansi\//);
    await page.click('text=Daftar pegawai');
    await page.fill('#cari', '199108172015022003');
    await page.click('.baris-cari button');
    const tautan = page.locator('table tbody a').first();
    const nama = (await tautan.textContent()).trim();
    await tautan.click();
    await page.waitForSelector('h1');
    assert.ok((await page.textContent('h1')).includes(nama));
    // Tombol persis: tautan kepala "Aksi perubahan" juga memuat "ubah".
    await page.click('a.tombol:text-is("Ubah")');
    // Isian salah dulu: galat tampil di samping kolom, isian tetap ada.
    await page.fill('#email', 'pegawai.dinkes@malukuprov.go.id');
    await page.fill('#telepon', 'telp 0911');
    await page.click('button:has-text("Simpan")');
    assert.match(await page.textContent('#g-telepon'), /angka/i);
    assert.equal(await page.inputValue('#email'), 'pegawai.dinkes@malukuprov.go.id');
    await page.fill('#telepon', '0911-312345');
    await page.click('button:has-text("Simpan")');
    await page.waitForSelector('dl');
    assert.ok((await page.textContent('dl')).includes('0911-312345'));
    await page.click('text=Riwayat perubahan');
    const riwayat = await page.textContent('main');
    assert.ok(riwayat.includes('telepon'), 'kolom telepon ada di riwayat');
    assert.ok(riwayat.includes('0911-312345'), 'nilai baru ada di riwayat');
    assert.ok(riwayat.includes('admin.bkd'), 'pelaku tercatat');
    await page.screenshot({ path: process.env.KINERJA_SCREENSHOT || '/tmp/kinerja-riwayat.png', fullPage: true });
    // Tidak ada gulir mendatar pada layar 360 px, di halaman mana pun yang dilalui.
    const urlRiwayat = page.url();
    for (const jalur of [urlRiwayat, urlRiwayat.replace(/\/riwayat$/, ''), urlRiwayat.replace(/\/riwayat$/, '/ubah'),
      urlRiwayat.replace(/\/pegawai\/.*$/, '/pegawai'), urlRiwayat.replace(/\/pegawai\/.*$/, '/unit')]) {
      await page.goto(jalur);
      const lebar = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(lebar <= 360, `${jalur}: lebar halaman ${lebar} px`);
    }
  } finally {
    await browser.close();
  }
});
