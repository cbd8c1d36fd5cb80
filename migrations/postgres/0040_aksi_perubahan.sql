-- Aksi perubahan (isu 13): angkatan pelatihan kepemimpinan (PKN I/II, PKA,
-- PKP), peserta/alumni dan proyek perubahannya, tonggak jangka pendek,
-- menengah, panjang, progres dengan bukti dan verifikasi mentor, serta
-- pengingat yang sudah dikirim (idempoten). docs/adr/0013.
--
-- `angkatan_pelatihan` milik instansi penyelenggara (mis. Pemprov Maluku,
-- unit BPSDM); `aksi_perubahan` (satu baris = satu peserta dan proyeknya)
-- milik instansi ALUMNI, sehingga BKD daerahnya membaca satu shard. Rujukan
-- ke angkatan melintasi instansi: kolomnya (angkatan_instansi_id,
-- angkatan_id) sengaja tanpa FK (Citus tidak dapat memeriksa FK antar-shard);
-- layanan memeriksanya. `aksi_global` memetakan id proyek → instansi (seperti
-- nip_global) untuk URL /api/v1/aksi-perubahan/{id}.

-- Kebiasaan Citus: FK lewat ALTER TABLE tersendiri sesudah CREATE TABLE.

CREATE TABLE angkatan_pelatihan (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    jenis TEXT NOT NULL,
    nama TEXT NOT NULL,
    penyelenggara TEXT NOT NULL,
    unit_penyelenggara_id TEXT,
    mulai TEXT NOT NULL,
    selesai TEXT NOT NULL,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id)
);

CREATE TABLE aksi_perubahan (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    pegawai_id TEXT NOT NULL,
    angkatan_instansi_id TEXT NOT NULL,
    angkatan_id TEXT NOT NULL,
    mentor_pegawai_id TEXT,
    coach_nama TEXT,
    judul TEXT NOT NULL,
    masalah TEXT,
    tujuan TEXT,
    pemangku_kepentingan TEXT,
    kualifikasi TEXT,
    usul_inovasi BIGINT NOT NULL DEFAULT 0,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, angkatan_id, pegawai_id)
);

CREATE TABLE tonggak_aksi (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    aksi_id TEXT NOT NULL,
    urutan BIGINT NOT NULL DEFAULT 0,
    tahap TEXT NOT NULL,
    uraian TEXT NOT NULL,
    jatuh_tempo TEXT NOT NULL,
    keluaran TEXT,
    indikator TEXT,
    progres_persen TEXT NOT NULL DEFAULT '0',
    diperbarui_pada TEXT NOT NULL,
    selesai_pada TEXT,
    dibatalkan_alasan TEXT,
    rhk_id TEXT,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id)
);

CREATE TABLE progres_aksi (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    aksi_id TEXT NOT NULL,
    tonggak_id TEXT NOT NULL,
    pengguna_id TEXT NOT NULL,
    progres_persen TEXT NOT NULL,
    catatan TEXT NOT NULL,
    status TEXT NOT NULL,
    verifikator_id TEXT,
    diverifikasi_pada TEXT,
    catatan_verifikasi TEXT,
    dibuat_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id)
);

CREATE TABLE pengingat_aksi (
    instansi_id TEXT NOT NULL,
    tonggak_id TEXT NOT NULL,
    jenis TEXT NOT NULL,
    jatuh_tempo TEXT NOT NULL,
    dikirim_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, tonggak_id, jenis, jatuh_tempo)
);

CREATE TABLE aksi_global (
    id TEXT PRIMARY KEY,
    instansi_id TEXT NOT NULL
);

ALTER TABLE angkatan_pelatihan ADD FOREIGN KEY (instansi_id) REFERENCES instansi (id);

ALTER TABLE angkatan_pelatihan ADD FOREIGN KEY (instansi_id, unit_penyelenggara_id) REFERENCES unit_kerja (instansi_id, id);

ALTER TABLE aksi_perubahan ADD FOREIGN KEY (instansi_id) REFERENCES instansi (id);

ALTER TABLE aksi_perubahan ADD FOREIGN KEY (instansi_id, pegawai_id) REFERENCES pegawai (instansi_id, id);

ALTER TABLE aksi_perubahan ADD FOREIGN KEY (instansi_id, mentor_pegawai_id) REFERENCES pegawai (instansi_id, id);

ALTER TABLE tonggak_aksi ADD FOREIGN KEY (instansi_id, aksi_id) REFERENCES aksi_perubahan (instansi_id, id);

ALTER TABLE progres_aksi ADD FOREIGN KEY (instansi_id, tonggak_id) REFERENCES tonggak_aksi (instansi_id, id);

ALTER TABLE progres_aksi ADD FOREIGN KEY (instansi_id, pengguna_id) REFERENCES pengguna (instansi_id, id);

ALTER TABLE pengingat_aksi ADD FOREIGN KEY (instansi_id, tonggak_id) REFERENCES tonggak_aksi (instansi_id, id);
