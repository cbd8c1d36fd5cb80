-- Aksi perubahan (isu 13): proyek satu angkatan (lembaga pelatihan, lintas instansi). Satu pernyataan per berkas (Citus).
CREATE INDEX aksi_perubahan_angkatan ON aksi_perubahan (angkatan_instansi_id, angkatan_id);
