-- Komponen K/L (isu 9, ADR 0013 §10): pengelompokan opsional belanja RO,
-- kode tiga digit (mis. 051). Kosong untuk pemda. Satu pernyataan per berkas.
ALTER TABLE rincian_belanja ADD COLUMN komponen_kode TEXT;
