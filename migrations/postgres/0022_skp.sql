-- SKP (isu 11, PermenPANRB 6/2022): periode penilaian per instansi dan
-- tahun, satu SKP per pegawai per tahun per penempatan (pindah unit di tengah
-- tahun: SKP lama ditutup `aktif = 0` dengan riwayatnya, SKP baru dibuat),
-- rencana hasil kerja (RHK) yang mengintervensi RHK atasan, indikator (IKI),
-- ekspektasi perilaku BerAKHLAK, realisasi berkala dengan bukti dan umpan
-- balik, langkah alur (draf → diajukan → disetujui/dikembalikan), evaluasi
-- per periode, dan predikat organisasi + finalisasi kurva per unit.
-- docs/adr/0016.
-- Kebiasaan Citus: FK lewat ALTER TABLE tersendiri sesudah CREATE TABLE.

CREATE TABLE periode_skp (
    instansi_id TEXT NOT NULL,
    tahun BIGINT NOT NULL,
    frekuensi TEXT NOT NULL,
    ambang_kurva BIGINT NOT NULL DEFAULT 5,
    dibuka_pada TEXT NOT NULL,
    versi BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (instansi_id, tahun)
);

CREATE TABLE skp (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    pegawai_id TEXT NOT NULL,
    tahun BIGINT NOT NULL,
    unit_id TEXT NOT NULL,
    jabatan_id TEXT,
    jpt BIGINT NOT NULL DEFAULT 0,
    penilai_id TEXT,
    dasar_penilai TEXT,
    atasan_penilai_id TEXT,
    masalah_penilai TEXT,
    status TEXT NOT NULL,
    aktif BIGINT NOT NULL DEFAULT 1,
    berakhir_pada TEXT,
    alasan_berakhir TEXT,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id)
);

CREATE TABLE rhk (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    skp_id TEXT NOT NULL,
    jenis TEXT NOT NULL,
    uraian TEXT NOT NULL,
    rhk_atasan_id TEXT,
    perspektif TEXT,
    sumber_pk TEXT,
    jam_beban TEXT,
    urutan BIGINT NOT NULL DEFAULT 0,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id)
);

CREATE TABLE indikator_skp (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    rhk_id TEXT NOT NULL,
    skp_id TEXT NOT NULL,
    aspek TEXT NOT NULL,
    uraian TEXT NOT NULL,
    target TEXT NOT NULL,
    satuan TEXT NOT NULL,
    urutan BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (instansi_id, id)
);

CREATE TABLE ekspektasi_perilaku (
    instansi_id TEXT NOT NULL,
    skp_id TEXT NOT NULL,
    nilai TEXT NOT NULL,
    ekspektasi TEXT NOT NULL,
    PRIMARY KEY (instansi_id, skp_id, nilai)
);

CREATE TABLE realisasi_skp (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    skp_id TEXT NOT NULL,
    indikator_id TEXT NOT NULL,
    periode TEXT NOT NULL,
    realisasi TEXT NOT NULL,
    catatan TEXT,
    bukti_id TEXT,
    tautan TEXT,
    kunci_klien TEXT,
    pengguna_id TEXT NOT NULL,
    status TEXT NOT NULL,
    umpan_balik TEXT,
    umpan_balik_oleh TEXT,
    umpan_balik_pada TEXT,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, kunci_klien)
);

CREATE TABLE langkah_skp (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    skp_id TEXT NOT NULL,
    langkah TEXT NOT NULL,
    dari TEXT NOT NULL,
    ke TEXT NOT NULL,
    pengguna_id TEXT,
    catatan TEXT,
    pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id)
);

CREATE TABLE evaluasi_skp (
    instansi_id TEXT NOT NULL,
    skp_id TEXT NOT NULL,
    periode TEXT NOT NULL,
    rating_hasil TEXT NOT NULL,
    rating_perilaku TEXT NOT NULL,
    predikat TEXT NOT NULL,
    catatan TEXT,
    pengguna_id TEXT,
    versi BIGINT NOT NULL DEFAULT 1,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, skp_id, periode)
);

CREATE TABLE kurva_unit (
    instansi_id TEXT NOT NULL,
    periode TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    predikat_organisasi TEXT,
    difinalkan BIGINT NOT NULL DEFAULT 0,
    alasan_pengecualian TEXT,
    pengguna_id TEXT,
    versi BIGINT NOT NULL DEFAULT 1,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, periode, unit_id)
);


ALTER TABLE periode_skp ADD FOREIGN KEY (instansi_id) REFERENCES instansi (id);

ALTER TABLE skp ADD FOREIGN KEY (instansi_id) REFERENCES instansi (id);

ALTER TABLE skp ADD FOREIGN KEY (instansi_id, pegawai_id) REFERENCES pegawai (instansi_id, id);

ALTER TABLE skp ADD FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja (instansi_id, id);

ALTER TABLE skp ADD FOREIGN KEY (instansi_id, penilai_id) REFERENCES pegawai (instansi_id, id);

ALTER TABLE rhk ADD FOREIGN KEY (instansi_id, skp_id) REFERENCES skp (instansi_id, id);

ALTER TABLE rhk ADD FOREIGN KEY (instansi_id, rhk_atasan_id) REFERENCES rhk (instansi_id, id);

ALTER TABLE indikator_skp ADD FOREIGN KEY (instansi_id, rhk_id) REFERENCES rhk (instansi_id, id);

ALTER TABLE indikator_skp ADD FOREIGN KEY (instansi_id, skp_id) REFERENCES skp (instansi_id, id);

ALTER TABLE ekspektasi_perilaku ADD FOREIGN KEY (instansi_id, skp_id) REFERENCES skp (instansi_id, id);

ALTER TABLE realisasi_skp ADD FOREIGN KEY (instansi_id, skp_id) REFERENCES skp (instansi_id, id);

ALTER TABLE realisasi_skp ADD FOREIGN KEY (instansi_id, indikator_id) REFERENCES indikator_skp (instansi_id, id);

ALTER TABLE realisasi_skp ADD FOREIGN KEY (instansi_id, bukti_id) REFERENCES bukti (instansi_id, id);

ALTER TABLE langkah_skp ADD FOREIGN KEY (instansi_id, skp_id) REFERENCES skp (instansi_id, id);

ALTER TABLE evaluasi_skp ADD FOREIGN KEY (instansi_id, skp_id) REFERENCES skp (instansi_id, id);

ALTER TABLE kurva_unit ADD FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja (instansi_id, id);
