-- Aksi perubahan (isu 13): riwayat progres satu proyek. Satu pernyataan per berkas (Citus).
CREATE INDEX progres_aksi_tonggak ON progres_aksi (instansi_id, aksi_id, dibuat_pada);
