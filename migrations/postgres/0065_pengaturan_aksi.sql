-- Pengaturan pemantauan aksi perubahan per instansi (isu 13): ambang
-- senyap/berisiko yang dipakai BKD instansi alumni, dan pita kualifikasi
-- hasil seminar yang dipakai lembaga pelatihan (instansi penyelenggara).
-- Tanpa baris: bawaan aturan (90/30 hari, pita LAN [R]). Tabel kecil (satu
-- baris per instansi): tabel rujukan di Citus.
CREATE TABLE pengaturan_aksi (
    instansi_id TEXT PRIMARY KEY,
    hari_senyap BIGINT NOT NULL,
    hari_berisiko BIGINT NOT NULL,
    pita_kualifikasi TEXT NOT NULL,
    versi BIGINT NOT NULL DEFAULT 1,
    diubah_oleh TEXT,
    diubah_pada TEXT NOT NULL
);

ALTER TABLE pengaturan_aksi ADD FOREIGN KEY (instansi_id) REFERENCES instansi (id);
