-- Aksi perubahan (isu 13): alumni yang dimutasi ke instansi lain membawa
-- proyeknya. Baris proyek tidak dipindah (kuncinya memuat instansi; progres
-- dan bukti merujuk akun instansi lama), jadi mutasi membuat proyek lanjutan
-- di instansi tujuan dan mencatat rantainya di sini: proyek lama (instansi
-- lama) → proyek lanjutan. Rujukan ke lanjutan melintasi instansi, sengaja
-- tanpa FK (seperti angkatan). docs/adr/0014.
-- Kebiasaan Citus: FK lewat ALTER TABLE tersendiri sesudah CREATE TABLE.
CREATE TABLE pindah_aksi (
    instansi_id TEXT NOT NULL,
    aksi_id TEXT NOT NULL,
    ke_instansi_id TEXT NOT NULL,
    ke_aksi_id TEXT NOT NULL,
    tanggal TEXT NOT NULL,
    dibuat_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, aksi_id)
);

ALTER TABLE pindah_aksi ADD FOREIGN KEY (instansi_id, aksi_id) REFERENCES aksi_perubahan (instansi_id, id);
