-- Pekerjaan latar dan notifikasi (isu 7).
--
-- `tugas` adalah antrean bersama semua proses: diklaim dengan UPDATE
-- bersyarat (sewa: pemegang + klaim_sampai), tanpa LISTEN/NOTIFY atau kunci
-- penasihat. Tabel ini dan `tugas_berkas` dipindai lintas instansi oleh
-- setiap pekerja, maka di Citus keduanya tabel lokal koordinator (dikecualikan
-- di tes skema); `kunci` (kunci idempotensi) unik secara nasional agar slot
-- jadwal yang sama dari beberapa proses menjadi satu tugas.
-- Waktu jadwal dan sewa dalam milidetik epoch (BIGINT) agar dibandingkan sama
-- di kedua backend.
CREATE TABLE tugas (
    id TEXT PRIMARY KEY,
    jenis TEXT NOT NULL,
    kunci TEXT NOT NULL UNIQUE,
    instansi_id TEXT,
    pengguna_id TEXT,
    status TEXT NOT NULL,
    percobaan BIGINT NOT NULL DEFAULT 0,
    maks_percobaan BIGINT NOT NULL,
    muatan TEXT NOT NULL,
    hasil TEXT,
    galat TEXT,
    jalan_setelah BIGINT NOT NULL,
    klaim_sampai BIGINT,
    pemegang TEXT,
    dibuat_pada TEXT NOT NULL,
    mulai_pada TEXT,
    selesai_pada TEXT
);
CREATE INDEX tugas_siap ON tugas (status, jalan_setelah);

-- Berkas unggahan impor latar (paling besar 10 MB), dihapus begitu tugasnya
-- selesai atau gagal.
CREATE TABLE tugas_berkas (
    tugas_id TEXT PRIMARY KEY REFERENCES tugas (id) ON DELETE CASCADE,
    isi BLOB NOT NULL
);

-- Notifikasi dalam aplikasi: tabel besar, instansi_id di setiap kunci.
-- SQLite tidak mengenal ALTER TABLE … ADD FOREIGN KEY: FK ditulis di tabelnya.
CREATE TABLE notifikasi (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    pengguna_id TEXT NOT NULL,
    judul TEXT NOT NULL,
    isi TEXT NOT NULL,
    tautan TEXT,
    dibuat_pada TEXT NOT NULL,
    dibaca_pada TEXT,
    PRIMARY KEY (instansi_id, id),
    FOREIGN KEY (instansi_id, pengguna_id) REFERENCES pengguna (instansi_id, id)
);
CREATE INDEX notifikasi_pengguna ON notifikasi (instansi_id, pengguna_id, dibuat_pada);
