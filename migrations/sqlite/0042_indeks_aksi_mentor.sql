-- Aksi perubahan (isu 13): proyek yang dibimbing seorang mentor. Satu pernyataan per berkas (Citus).
CREATE INDEX aksi_perubahan_mentor ON aksi_perubahan (instansi_id, mentor_pegawai_id);
