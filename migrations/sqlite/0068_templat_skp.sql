-- Templat SKP per jabatan (isu 11): BKD menyiapkan RHK dan indikator satu
-- jabatan; draf SKP baru tanpa SKP tahun lalu mendapat isinya saat periode
-- dibuka. `isi` = baris rencana (JSON) tanpa tautan ke RHK atasan.
CREATE TABLE templat_skp (
    instansi_id TEXT NOT NULL,
    jabatan_id TEXT NOT NULL,
    isi TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    diubah_oleh TEXT,
    versi BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (instansi_id, jabatan_id),
    FOREIGN KEY (instansi_id, jabatan_id) REFERENCES jabatan (instansi_id, id)
);
