-- Repositori inovasi tanpa kata cari: terbaru dulu lewat indeks (tahun
-- menurun, kosong terakhir), bukan mengurutkan seluruh tabel. Satu
-- pernyataan per berkas (Citus).
CREATE INDEX inovasi_tahun_turun ON inovasi (tahun DESC NULLS LAST, id DESC);
