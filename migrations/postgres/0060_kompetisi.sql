-- Kompetisi inovasi pelayanan publik (KIPP) dan putaran pemantauan
-- keberlanjutan/replikasi (PKRI), isu 12; docs/adr/0018.
--
-- Tabel lomba kecil dan dibaca lintas instansi (penyelenggara melihat semua
-- entri, juri dari mana pun melihat entri yang ditugaskan): ±3.500 entri
-- setahun secara nasional (2014–2023: 24.442 terdaftar). Di Citus tabel
-- rujukan/lokal koordinator, seperti `tugas`; `instansi_id` entri adalah
-- instansi PESERTA dan setiap kueri daftar peserta menyaringnya.
--
-- Tahap (`tahap_kompetisi.jenis`): pendaftaran, seleksi (lolos/tidak dengan
-- alasan), penilaian (rubrik berbobot, juri, nilai minimum, potongan N),
-- penetapan. `penilaian_entri` = penugasan juri + nilainya (nilai kosong =
-- belum menilai); nilai tersembunyi sampai tahapnya ditutup (layanan).

CREATE TABLE kompetisi (
    id TEXT PRIMARY KEY,
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    nama TEXT NOT NULL,
    tahun BIGINT NOT NULL,
    jenis TEXT NOT NULL,
    tanggal_acuan TEXT NOT NULL,
    status TEXT NOT NULL,
    deskripsi TEXT NOT NULL DEFAULT '',
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL
);

CREATE TABLE kelompok_kompetisi (
    kompetisi_id TEXT NOT NULL REFERENCES kompetisi (id),
    kode TEXT NOT NULL,
    nama TEXT NOT NULL,
    aturan TEXT NOT NULL,
    urutan BIGINT NOT NULL,
    PRIMARY KEY (kompetisi_id, kode)
);

CREATE TABLE tahap_kompetisi (
    kompetisi_id TEXT NOT NULL REFERENCES kompetisi (id),
    urutan BIGINT NOT NULL,
    jenis TEXT NOT NULL,
    nama TEXT NOT NULL,
    mulai TEXT NOT NULL,
    selesai TEXT NOT NULL,
    status TEXT NOT NULL,
    n_lolos BIGINT,
    nilai_minimum TEXT,
    min_juri BIGINT NOT NULL DEFAULT 0,
    penghargaan TEXT,
    tingkat_penghargaan TEXT,
    diumumkan_pada TEXT,
    versi BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (kompetisi_id, urutan)
);

CREATE TABLE kriteria_tahap (
    kompetisi_id TEXT NOT NULL,
    tahap BIGINT NOT NULL,
    kode TEXT NOT NULL,
    nama TEXT NOT NULL,
    bobot TEXT NOT NULL,
    urutan BIGINT NOT NULL,
    PRIMARY KEY (kompetisi_id, tahap, kode),
    FOREIGN KEY (kompetisi_id, tahap) REFERENCES tahap_kompetisi (kompetisi_id, urutan)
);

CREATE TABLE entri_kompetisi (
    id TEXT PRIMARY KEY,
    kompetisi_id TEXT NOT NULL REFERENCES kompetisi (id),
    kelompok TEXT NOT NULL,
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    kode_wilayah TEXT,
    judul TEXT NOT NULL,
    judul_kunci TEXT NOT NULL,
    inovasi_id TEXT REFERENCES inovasi (id),
    asal_inovasi_id TEXT REFERENCES inovasi (id),
    tanggal_implementasi TEXT,
    isi TEXT NOT NULL,
    video_url TEXT,
    boleh_direplikasi BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    tahap BIGINT NOT NULL DEFAULT 1,
    diajukan_pada TEXT,
    pembuat_id TEXT NOT NULL,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    FOREIGN KEY (kompetisi_id, kelompok) REFERENCES kelompok_kompetisi (kompetisi_id, kode)
);

CREATE UNIQUE INDEX entri_kompetisi_judul ON entri_kompetisi (kompetisi_id, instansi_id, judul_kunci);

CREATE INDEX entri_kompetisi_instansi ON entri_kompetisi (instansi_id, kompetisi_id);

CREATE INDEX entri_kompetisi_daftar ON entri_kompetisi (kompetisi_id, kelompok, status);

CREATE TABLE juri_kompetisi (
    kompetisi_id TEXT NOT NULL REFERENCES kompetisi (id),
    pengguna_instansi_id TEXT NOT NULL,
    pengguna_id TEXT NOT NULL,
    nama TEXT NOT NULL,
    afiliasi TEXT NOT NULL,
    instansi_asal_id TEXT REFERENCES instansi (id),
    wilayah_asal TEXT,
    dibuat_pada TEXT NOT NULL,
    PRIMARY KEY (kompetisi_id, pengguna_id),
    FOREIGN KEY (pengguna_instansi_id, pengguna_id) REFERENCES pengguna (instansi_id, id)
);

CREATE INDEX juri_kompetisi_pengguna ON juri_kompetisi (pengguna_id);

CREATE TABLE konflik_juri (
    kompetisi_id TEXT NOT NULL,
    pengguna_id TEXT NOT NULL,
    entri_id TEXT NOT NULL REFERENCES entri_kompetisi (id),
    alasan TEXT NOT NULL,
    dibuat_pada TEXT NOT NULL,
    PRIMARY KEY (kompetisi_id, pengguna_id, entri_id),
    FOREIGN KEY (kompetisi_id, pengguna_id) REFERENCES juri_kompetisi (kompetisi_id, pengguna_id)
);

CREATE TABLE penilaian_entri (
    kompetisi_id TEXT NOT NULL,
    tahap BIGINT NOT NULL,
    entri_id TEXT NOT NULL REFERENCES entri_kompetisi (id),
    juri_id TEXT NOT NULL,
    skor TEXT,
    catatan TEXT,
    dinilai_pada TEXT,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    PRIMARY KEY (kompetisi_id, tahap, entri_id, juri_id),
    FOREIGN KEY (kompetisi_id, juri_id) REFERENCES juri_kompetisi (kompetisi_id, pengguna_id),
    FOREIGN KEY (kompetisi_id, tahap) REFERENCES tahap_kompetisi (kompetisi_id, urutan)
);

CREATE INDEX penilaian_entri_juri ON penilaian_entri (juri_id, kompetisi_id, tahap);

CREATE TABLE hasil_tahap (
    kompetisi_id TEXT NOT NULL,
    tahap BIGINT NOT NULL,
    entri_id TEXT NOT NULL REFERENCES entri_kompetisi (id),
    keputusan TEXT NOT NULL,
    nilai TEXT,
    urutan BIGINT,
    alasan TEXT,
    diputuskan_oleh TEXT NOT NULL,
    diputuskan_pada TEXT NOT NULL,
    PRIMARY KEY (kompetisi_id, tahap, entri_id),
    FOREIGN KEY (kompetisi_id, tahap) REFERENCES tahap_kompetisi (kompetisi_id, urutan)
);
