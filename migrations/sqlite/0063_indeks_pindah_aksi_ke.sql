-- Aksi perubahan (isu 13): dari proyek lanjutan ke proyek sebelum pindah
-- (riwayat di halaman proyek). Satu pernyataan per berkas (Citus).
CREATE INDEX pindah_aksi_ke ON pindah_aksi (ke_instansi_id, ke_aksi_id);
