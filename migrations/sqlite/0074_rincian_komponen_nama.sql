-- Nama komponen K/L (lihat 0073). Satu pernyataan per berkas.
ALTER TABLE rincian_belanja ADD COLUMN komponen_nama TEXT;
