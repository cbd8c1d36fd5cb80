-- Aksi perubahan (isu 13): tonggak satu proyek, berurutan. Satu pernyataan per berkas (Citus).
CREATE INDEX tonggak_aksi_aksi ON tonggak_aksi (instansi_id, aksi_id, urutan);
