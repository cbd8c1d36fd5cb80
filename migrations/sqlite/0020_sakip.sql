-- SAKIP (isu 10): Renstra (periode lima tahun), tujuan dan sasaran strategis
-- dengan IKU dan target per tahun, tautan sasaran → program rencana tahunan,
-- unit kontributor simpul lintas unit, realisasi IKU per triwulan dengan
-- bukti, Perjanjian Kinerja berevisi, LKE dengan reviu tiga tahap.
-- Target dan realisasi: teks desimal kanonis (dihitung di Rust). docs/adr/0015.
-- SQLite tidak punya ALTER TABLE … ADD FOREIGN KEY: FK ditulis di dalam tabel.
CREATE TABLE sakip_periode (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    nama TEXT NOT NULL,
    tahun_awal BIGINT NOT NULL,
    tahun_akhir BIGINT NOT NULL,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, tahun_awal),
    FOREIGN KEY (instansi_id) REFERENCES instansi (id)
);

-- Tujuan (induk kosong) dan sasaran strategis (induk = tujuannya).
CREATE TABLE sakip_sasaran (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    periode_id TEXT NOT NULL,
    jenis TEXT NOT NULL,
    induk_id TEXT,
    kode TEXT NOT NULL,
    nama TEXT NOT NULL,
    unit_id TEXT,
    urutan BIGINT NOT NULL,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, periode_id, kode),
    FOREIGN KEY (instansi_id, periode_id) REFERENCES sakip_periode (instansi_id, id),
    FOREIGN KEY (instansi_id, induk_id) REFERENCES sakip_sasaran (instansi_id, id),
    FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja (instansi_id, id)
);

-- Indikator kinerja utama (IKU) tujuan atau sasaran.
CREATE TABLE sakip_iku (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    sasaran_id TEXT NOT NULL,
    nama TEXT NOT NULL,
    satuan TEXT,
    polaritas TEXT NOT NULL,
    rekap TEXT NOT NULL,
    baseline TEXT,
    target_akhir TEXT,
    urutan BIGINT NOT NULL,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    FOREIGN KEY (instansi_id, sasaran_id) REFERENCES sakip_sasaran (instansi_id, id)
);

-- Target IKU per tahun (target triwulan kumulatif, boleh kosong).
CREATE TABLE sakip_iku_target (
    instansi_id TEXT NOT NULL,
    iku_id TEXT NOT NULL,
    tahun BIGINT NOT NULL,
    target TEXT NOT NULL,
    target_tw1 TEXT,
    target_tw2 TEXT,
    target_tw3 TEXT,
    target_tw4 TEXT,
    PRIMARY KEY (instansi_id, iku_id, tahun),
    FOREIGN KEY (instansi_id, iku_id) REFERENCES sakip_iku (instansi_id, id)
);

-- Realisasi IKU per triwulan (menurut `rekap` IKU-nya), penjelasan, bukti.
CREATE TABLE sakip_iku_realisasi (
    instansi_id TEXT NOT NULL,
    iku_id TEXT NOT NULL,
    tahun BIGINT NOT NULL,
    triwulan BIGINT NOT NULL,
    realisasi TEXT NOT NULL,
    penjelasan TEXT,
    bukti_id TEXT,
    bukti_url TEXT,
    versi BIGINT NOT NULL DEFAULT 1,
    diubah_oleh TEXT,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, iku_id, tahun, triwulan),
    FOREIGN KEY (instansi_id, iku_id) REFERENCES sakip_iku (instansi_id, id),
    FOREIGN KEY (instansi_id, bukti_id) REFERENCES bukti (instansi_id, id)
);

-- Sasaran → program rencana tahun itu, lewat kode program (stabil lintas
-- revisi dan tahun; pohon tahun berikutnya menyalin tautan ini).
CREATE TABLE sakip_tautan (
    instansi_id TEXT NOT NULL,
    sasaran_id TEXT NOT NULL,
    tahun BIGINT NOT NULL,
    program_kode TEXT NOT NULL,
    dibuat_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, tahun, program_kode, sasaran_id),
    FOREIGN KEY (instansi_id, sasaran_id) REFERENCES sakip_sasaran (instansi_id, id)
);

-- Unit kontributor simpul lintas unit (crosscutting). `simpul` =
-- `sasaran:{id}` atau `butir:{kode}`.
CREATE TABLE sakip_kontributor (
    instansi_id TEXT NOT NULL,
    tahun BIGINT NOT NULL,
    simpul TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    dibuat_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, tahun, simpul, unit_id),
    FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja (instansi_id, id)
);

-- Perjanjian Kinerja per unit dan tahun, berevisi: `usulan` →
-- `disetujui` (atasan) | `dikembalikan`; revisi baru menggantikan yang
-- disetujui (`diganti`), riwayat tetap.
CREATE TABLE perjanjian_kinerja (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    tahun BIGINT NOT NULL,
    unit_id TEXT NOT NULL,
    revisi BIGINT NOT NULL,
    status TEXT NOT NULL,
    pihak_pertama_id TEXT,
    pihak_kedua_id TEXT,
    alasan_perubahan TEXT,
    catatan TEXT,
    diajukan_oleh TEXT,
    diajukan_pada TEXT,
    diputuskan_oleh TEXT,
    diputuskan_pada TEXT,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, tahun, unit_id, revisi),
    FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja (instansi_id, id)
);

-- Baris PK: indikator dan target dari pohon (IKU atau indikator rencana),
-- disalin sebagai teks agar dokumen yang disetujui tidak berubah diam-diam.
CREATE TABLE perjanjian_kinerja_baris (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    pk_id TEXT NOT NULL,
    urutan BIGINT NOT NULL,
    sumber TEXT NOT NULL,
    sumber_kunci TEXT NOT NULL,
    sasaran TEXT NOT NULL,
    indikator TEXT NOT NULL,
    satuan TEXT,
    target TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, pk_id, sumber, sumber_kunci),
    FOREIGN KEY (instansi_id, pk_id) REFERENCES perjanjian_kinerja (instansi_id, id)
);

-- Templat LKE yang dimuat admin nasional (rujukan; bawaan ada di kode).
CREATE TABLE lke_templat (
    id TEXT NOT NULL PRIMARY KEY,
    tahun BIGINT NOT NULL,
    nama TEXT NOT NULL,
    isi TEXT NOT NULL,
    dimuat_oleh TEXT,
    dimuat_pada TEXT NOT NULL
);

-- LKE satu instansi satu tahun; `templat` = salinan JSON templat saat dibuat.
-- Status: pengisian → verifikasi → penjaminan_mutu → evaluasi → selesai.
CREATE TABLE lke (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    tahun BIGINT NOT NULL,
    templat TEXT NOT NULL,
    status TEXT NOT NULL,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, tahun),
    FOREIGN KEY (instansi_id) REFERENCES instansi (id)
);

-- Jawaban mandiri per kriteria dengan bukti; kolom reviu hanya diisi evaluator.
CREATE TABLE lke_jawaban (
    instansi_id TEXT NOT NULL,
    lke_id TEXT NOT NULL,
    kriteria_kode TEXT NOT NULL,
    jawaban TEXT,
    catatan TEXT,
    bukti_id TEXT,
    bukti_url TEXT,
    jawaban_reviu TEXT,
    catatan_reviu TEXT,
    versi BIGINT NOT NULL DEFAULT 1,
    diubah_oleh TEXT,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, lke_id, kriteria_kode),
    FOREIGN KEY (instansi_id, lke_id) REFERENCES lke (instansi_id, id),
    FOREIGN KEY (instansi_id, bukti_id) REFERENCES bukti (instansi_id, id)
);

-- Riwayat reviu: tiap langkah (verifikasi, penjaminan mutu, evaluasi) dengan
-- keputusan dan komentar.
CREATE TABLE lke_reviu (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    lke_id TEXT NOT NULL,
    tahap TEXT NOT NULL,
    keputusan TEXT NOT NULL,
    komentar TEXT,
    oleh TEXT NOT NULL,
    oleh_nama TEXT,
    pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    FOREIGN KEY (instansi_id, lke_id) REFERENCES lke (instansi_id, id)
);
