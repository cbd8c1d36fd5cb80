-- Bukti (isu 7 bagian 8): metadata berkas bukti yang disimpan menurut isinya
-- (SHA-256) di penyimpanan bukti (folder DATA_DIR/bukti atau S3).
--
-- Satu baris per unggahan; unggahan yang sama (bita yang sama) berbagi satu
-- berkas. Salinan kecil (maks. 1600 px) dan mini (256 px) hanya untuk foto,
-- dikodekan ulang tanpa metadata. Berkas hidup selama ada baris yang
-- menunjuknya; baris tanpa rujukan dihapus setelah masa tenggang.
-- SQLite tidak punya ALTER TABLE … ADD FOREIGN KEY: FK ditulis di dalam tabel.
CREATE TABLE bukti (
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    ukuran BIGINT NOT NULL,
    jenis_mime TEXT NOT NULL,
    nama_asli TEXT NOT NULL,
    pengunggah_id TEXT NOT NULL,
    dibuat_pada TEXT NOT NULL,
    lebar BIGINT,
    tinggi BIGINT,
    sha256_kecil TEXT,
    ukuran_kecil BIGINT,
    jenis_mime_kecil TEXT,
    sha256_mini TEXT,
    ukuran_mini BIGINT,
    jenis_mime_mini TEXT,
    PRIMARY KEY (instansi_id, id),
    FOREIGN KEY (instansi_id, pengunggah_id) REFERENCES pengguna (instansi_id, id)
);

-- Rekaman lain (bukti SKP, realisasi anggaran, SAKIP, inovasi, aksi
-- perubahan) yang memakai satu bukti. Selama ada barisnya, bukti dan
-- berkasnya tidak dihapus.
CREATE TABLE bukti_rujukan (
    instansi_id TEXT NOT NULL,
    bukti_id TEXT NOT NULL,
    jenis_objek TEXT NOT NULL,
    objek_id TEXT NOT NULL,
    dibuat_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, bukti_id, jenis_objek, objek_id),
    FOREIGN KEY (instansi_id, bukti_id) REFERENCES bukti (instansi_id, id)
);

CREATE INDEX bukti_pengunggah ON bukti (instansi_id, pengunggah_id, dibuat_pada);

CREATE INDEX bukti_dibuat ON bukti (dibuat_pada);

CREATE INDEX bukti_sha256 ON bukti (sha256);

CREATE INDEX bukti_sha256_kecil ON bukti (sha256_kecil);

CREATE INDEX bukti_sha256_mini ON bukti (sha256_mini);
