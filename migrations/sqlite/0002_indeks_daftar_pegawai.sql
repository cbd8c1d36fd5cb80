-- Daftar pegawai urut nama tanpa pengurutan sementara, dan hitungan pegawai
-- aktif per unit lewat indeks penutup (pohon unit pada 100.000 pegawai).
DROP INDEX pegawai_nama;
CREATE INDEX pegawai_nama ON pegawai (instansi_id, nama_cari, id);
CREATE INDEX pegawai_status_unit ON pegawai (instansi_id, status, unit_id);
