-- Aksi perubahan (isu 13): proyek milik seorang alumni. Satu pernyataan per berkas (Citus).
CREATE INDEX aksi_perubahan_pegawai ON aksi_perubahan (instansi_id, pegawai_id);
