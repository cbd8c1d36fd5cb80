-- Perencanaan dan penganggaran berbasis kinerja (isu 9): rencana per
-- instansi dan tahun dengan revisi, butir (program, kegiatan, sub kegiatan),
-- indikator dan target, rincian belanja, realisasi bulanan dan triwulanan,
-- kunci periode, penerimaan peringatan, konfigurasi. Uang: BIGINT sen.
-- Kebiasaan Citus (ARCHITECTURE.md): instansi_id di setiap kunci; FK lewat
-- ALTER TABLE tersendiri sesudah CREATE TABLE; setiap indeks satu berkas.
CREATE TABLE rencana (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    tahun BIGINT NOT NULL,
    revisi BIGINT NOT NULL,
    status TEXT NOT NULL,
    dasar_id TEXT,
    alasan_perubahan TEXT,
    ditetapkan_oleh TEXT,
    ditetapkan_pada TEXT,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, tahun, revisi)
);

-- Program, kegiatan, sub kegiatan. `kunci` tetap sama di setiap revisi
-- (disalin saat perubahan) sehingga realisasi tidak terputus oleh APBD-P.
CREATE TABLE rencana_butir (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    rencana_id TEXT NOT NULL,
    kunci TEXT NOT NULL,
    tingkat TEXT NOT NULL,
    kode TEXT NOT NULL,
    nama TEXT NOT NULL,
    induk_id TEXT,
    unit_id TEXT,
    pagu_sen BIGINT,
    lokasi TEXT,
    urutan BIGINT NOT NULL,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, rencana_id, kode),
    UNIQUE (instansi_id, rencana_id, kunci)
);

-- Indikator keluaran (sub kegiatan) atau hasil (program, kegiatan); target
-- dan baseline sebagai teks desimal kanonis, target triwulan kumulatif.
CREATE TABLE rencana_indikator (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    rencana_id TEXT NOT NULL,
    butir_id TEXT NOT NULL,
    kunci TEXT NOT NULL,
    nama TEXT NOT NULL,
    nama_kunci TEXT NOT NULL,
    satuan TEXT,
    polaritas TEXT,
    baseline TEXT,
    target TEXT,
    target_tw1 TEXT,
    target_tw2 TEXT,
    target_tw3 TEXT,
    target_tw4 TEXT,
    urutan BIGINT NOT NULL,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, butir_id, nama_kunci),
    UNIQUE (instansi_id, rencana_id, kunci)
);

-- Rincian belanja per kode rekening (uang dalam sen rupiah).
CREATE TABLE rincian_belanja (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    rencana_id TEXT NOT NULL,
    butir_id TEXT NOT NULL,
    kode_rekening TEXT NOT NULL,
    uraian TEXT,
    jumlah_sen BIGINT NOT NULL,
    urutan BIGINT NOT NULL,
    dibuat_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id)
);

-- Realisasi anggaran per kode sub kegiatan dan bulan (belanja bulan itu,
-- bukan kumulatif). Menempel pada kode, bukan baris revisi.
CREATE TABLE realisasi_anggaran (
    instansi_id TEXT NOT NULL,
    tahun BIGINT NOT NULL,
    subkegiatan_kode TEXT NOT NULL,
    bulan BIGINT NOT NULL,
    jumlah_sen BIGINT NOT NULL,
    versi BIGINT NOT NULL DEFAULT 1,
    diubah_oleh TEXT,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, tahun, subkegiatan_kode, bulan)
);

-- Realisasi keluaran per indikator (kunci lintas revisi) dan triwulan, kumulatif.
CREATE TABLE realisasi_keluaran (
    instansi_id TEXT NOT NULL,
    tahun BIGINT NOT NULL,
    indikator_kunci TEXT NOT NULL,
    triwulan BIGINT NOT NULL,
    subkegiatan_kode TEXT NOT NULL,
    realisasi TEXT NOT NULL,
    bukti_id TEXT,
    bukti_url TEXT,
    diverifikasi_oleh TEXT,
    diverifikasi_pada TEXT,
    catatan_verifikasi TEXT,
    versi BIGINT NOT NULL DEFAULT 1,
    diubah_oleh TEXT,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, tahun, indikator_kunci, triwulan)
);

-- Periode yang dikunci keuangan: 'anggaran' (periode = bulan) atau
-- 'keluaran' (periode = triwulan). Tidak pernah otomatis menurut kalender.
CREATE TABLE kunci_periode (
    instansi_id TEXT NOT NULL,
    tahun BIGINT NOT NULL,
    jenis TEXT NOT NULL,
    periode BIGINT NOT NULL,
    alasan TEXT,
    dikunci_oleh TEXT,
    dikunci_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, tahun, jenis, periode)
);

-- Peringatan keselarasan yang diterima perencana dengan justifikasi.
-- `sidik` = hash bukti peringatan: bila buktinya berubah, penerimaan lama
-- tidak cocok lagi dan peringatan terbuka kembali.
CREATE TABLE penerimaan_peringatan (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    tahun BIGINT NOT NULL,
    program_kode TEXT NOT NULL,
    subkegiatan_kode TEXT NOT NULL,
    kode TEXT NOT NULL,
    sidik TEXT NOT NULL,
    alasan TEXT NOT NULL,
    diterima_oleh TEXT,
    diterima_pada TEXT NOT NULL,
    dicabut_oleh TEXT,
    dicabut_pada TEXT,
    PRIMARY KEY (instansi_id, id)
);

-- Ambang dan kelompok belanja penunjang per instansi (KonfigurasiAnggaran, JSON).
CREATE TABLE konfigurasi_anggaran (
    instansi_id TEXT NOT NULL PRIMARY KEY,
    isi TEXT NOT NULL,
    versi BIGINT NOT NULL DEFAULT 1,
    diubah_oleh TEXT,
    diubah_pada TEXT NOT NULL
);

ALTER TABLE rencana ADD FOREIGN KEY (instansi_id) REFERENCES instansi (id);

ALTER TABLE rencana_butir ADD FOREIGN KEY (instansi_id, rencana_id) REFERENCES rencana (instansi_id, id);

ALTER TABLE rencana_butir ADD FOREIGN KEY (instansi_id, induk_id) REFERENCES rencana_butir (instansi_id, id);

ALTER TABLE rencana_butir ADD FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja (instansi_id, id);

ALTER TABLE rencana_indikator ADD FOREIGN KEY (instansi_id, butir_id) REFERENCES rencana_butir (instansi_id, id);

ALTER TABLE rincian_belanja ADD FOREIGN KEY (instansi_id, butir_id) REFERENCES rencana_butir (instansi_id, id);

ALTER TABLE realisasi_anggaran ADD FOREIGN KEY (instansi_id) REFERENCES instansi (id);

ALTER TABLE realisasi_keluaran ADD FOREIGN KEY (instansi_id, bukti_id) REFERENCES bukti (instansi_id, id);

ALTER TABLE kunci_periode ADD FOREIGN KEY (instansi_id) REFERENCES instansi (id);

ALTER TABLE penerimaan_peringatan ADD FOREIGN KEY (instansi_id) REFERENCES instansi (id);

ALTER TABLE konfigurasi_anggaran ADD FOREIGN KEY (instansi_id) REFERENCES instansi (id);
