-- Inovasi pelayanan publik (isu 12): repositori publik inovasi yang terbukti,
-- penghargaannya, replikasi oleh instansi lain beserta laporan berkalanya,
-- dan konfirmasi tahunan pemilik bahwa inovasi aslinya masih berjalan.
-- docs/adr/0018.
--
-- `inovasi`, `penghargaan_inovasi`, `konfirmasi_inovasi`, `kosakata_inovasi`
-- adalah tabel nasional kecil (±30.000 inovasi; 1.065 pemenang KIPP
-- 2014–2023) yang dicari lintas instansi oleh publik: di Citus tabel
-- rujukan. Pemilik dapat berupa instansi di Kinerja (`instansi_id`) atau
-- hanya nama (data repositori LAN 2018). `replikasi_inovasi` dan
-- `laporan_replikasi` milik instansi yang mereplikasi (instansi_id di setiap
-- kunci); rujukan ke `inovasi` (tabel rujukan) boleh ber-FK.
--
-- Pencarian: kolom `judul_cari`/`isi_cari` berisi kata dasar (pemotong
-- imbuhan Sastrawi di Rust); PostgreSQL mengindeksnya sebagai tsvector
-- `simple` (konfigurasi `indonesian` memotong berlebihan).

CREATE TABLE inovasi (
    id TEXT PRIMARY KEY,
    judul TEXT NOT NULL,
    ringkasan TEXT NOT NULL,
    masalah TEXT,
    solusi TEXT,
    hasil TEXT,
    tahapan TEXT,
    prasyarat_replikasi TEXT,
    produk TEXT,
    nama_instansi TEXT NOT NULL,
    unit_pemilik TEXT,
    instansi_id TEXT REFERENCES instansi (id),
    kode_wilayah TEXT REFERENCES wilayah (kode),
    urusan TEXT,
    jenis TEXT,
    tahun BIGINT,
    tanggal_implementasi TEXT,
    tingkat_penghargaan TEXT,
    penghargaan TEXT,
    video_url TEXT,
    sumber TEXT NOT NULL,
    masih_berjalan BIGINT,
    dikonfirmasi_tahun BIGINT,
    jumlah_replikasi BIGINT NOT NULL DEFAULT 0,
    judul_cari TEXT NOT NULL,
    isi_cari TEXT NOT NULL,
    cari tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', judul_cari), 'A') || setweight(to_tsvector('simple', isi_cari), 'B')
    ) STORED,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL
);

CREATE INDEX inovasi_cari ON inovasi USING gin (cari);

CREATE INDEX inovasi_tahun ON inovasi (tahun, id);

CREATE INDEX inovasi_wilayah ON inovasi (kode_wilayah);

CREATE INDEX inovasi_instansi ON inovasi (instansi_id);

-- Kata dasar yang pernah diindeks: kamus koreksi salah ketik.
CREATE TABLE kosakata_inovasi (
    kata TEXT PRIMARY KEY
);

CREATE TABLE penghargaan_inovasi (
    inovasi_id TEXT NOT NULL REFERENCES inovasi (id),
    id TEXT NOT NULL,
    tahun BIGINT NOT NULL,
    tingkat TEXT NOT NULL,
    label TEXT NOT NULL,
    kompetisi_id TEXT,
    dibuat_pada TEXT NOT NULL,
    PRIMARY KEY (inovasi_id, id)
);

CREATE TABLE konfirmasi_inovasi (
    inovasi_id TEXT NOT NULL REFERENCES inovasi (id),
    tahun BIGINT NOT NULL,
    masih_berjalan BIGINT NOT NULL,
    catatan TEXT NOT NULL,
    instansi_id TEXT NOT NULL,
    pengguna_id TEXT NOT NULL,
    dibuat_pada TEXT NOT NULL,
    PRIMARY KEY (inovasi_id, tahun)
);

CREATE TABLE replikasi_inovasi (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    inovasi_id TEXT NOT NULL,
    unit_id TEXT,
    penanggung_jawab TEXT NOT NULL,
    adaptasi TEXT NOT NULL,
    mulai TEXT NOT NULL,
    status TEXT NOT NULL,
    kode_wilayah TEXT,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, inovasi_id)
);

CREATE TABLE laporan_replikasi (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    replikasi_id TEXT NOT NULL,
    periode TEXT NOT NULL,
    masih_berjalan BIGINT NOT NULL,
    capaian TEXT NOT NULL,
    bukti_id TEXT,
    tautan TEXT,
    pengguna_id TEXT NOT NULL,
    dibuat_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, replikasi_id, periode)
);

CREATE INDEX replikasi_inovasi_asal ON replikasi_inovasi (inovasi_id);

ALTER TABLE replikasi_inovasi ADD FOREIGN KEY (instansi_id) REFERENCES instansi (id);

ALTER TABLE replikasi_inovasi ADD FOREIGN KEY (inovasi_id) REFERENCES inovasi (id);

ALTER TABLE replikasi_inovasi ADD FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja (instansi_id, id);

ALTER TABLE laporan_replikasi ADD FOREIGN KEY (instansi_id, replikasi_id) REFERENCES replikasi_inovasi (instansi_id, id);

ALTER TABLE laporan_replikasi ADD FOREIGN KEY (instansi_id, bukti_id) REFERENCES bukti (instansi_id, id);
