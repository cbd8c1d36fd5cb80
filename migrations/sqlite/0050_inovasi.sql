-- Padanan SQLite migrasi PostgreSQL 0050 (repositori inovasi, isu 12;
-- docs/adr/0018). Pencarian lewat tabel FTS5 `inovasi_fts` yang dirawat
-- pemicu dari kolom kata dasar `judul_cari`/`isi_cari`; tokenizer `unicode61`
-- tanpa pemotong imbuhan (kata dasar sudah dihitung di Rust).
-- SQLite tidak punya ALTER TABLE … ADD FOREIGN KEY: FK ditulis di dalam tabel.

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
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL
);

CREATE VIRTUAL TABLE inovasi_fts USING fts5(inovasi_id UNINDEXED, judul, isi, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER inovasi_fts_sisip AFTER INSERT ON inovasi BEGIN
    INSERT INTO inovasi_fts (inovasi_id, judul, isi) VALUES (new.id, new.judul_cari, new.isi_cari);
END;

CREATE TRIGGER inovasi_fts_ubah AFTER UPDATE OF judul_cari, isi_cari ON inovasi BEGIN
    DELETE FROM inovasi_fts WHERE inovasi_id = old.id;
    INSERT INTO inovasi_fts (inovasi_id, judul, isi) VALUES (new.id, new.judul_cari, new.isi_cari);
END;

CREATE TRIGGER inovasi_fts_hapus AFTER DELETE ON inovasi BEGIN
    DELETE FROM inovasi_fts WHERE inovasi_id = old.id;
END;

CREATE INDEX inovasi_tahun ON inovasi (tahun, id);

CREATE INDEX inovasi_wilayah ON inovasi (kode_wilayah);

CREATE INDEX inovasi_instansi ON inovasi (instansi_id);

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
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    id TEXT NOT NULL,
    inovasi_id TEXT NOT NULL REFERENCES inovasi (id),
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
    UNIQUE (instansi_id, inovasi_id),
    FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja (instansi_id, id)
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
    UNIQUE (instansi_id, replikasi_id, periode),
    FOREIGN KEY (instansi_id, replikasi_id) REFERENCES replikasi_inovasi (instansi_id, id),
    FOREIGN KEY (instansi_id, bukti_id) REFERENCES bukti (instansi_id, id)
);

CREATE INDEX replikasi_inovasi_asal ON replikasi_inovasi (inovasi_id);
