-- Organisasi, pegawai, akun, audit.
-- Aturan distribusi (Citus): setiap tabel besar membawa instansi_id di setiap
-- primary key, unique constraint dan foreign key. Tabel kecil/rujukan dan
-- tabel pencarian global (nip_global, login_global, sesi, token_api,
-- percobaan_masuk) dikecualikan dan didaftar di tes skema.

CREATE TABLE wilayah (
    kode TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    tingkat TEXT NOT NULL,
    kode_provinsi TEXT NOT NULL
);

CREATE TABLE instansi (
    id TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    jenis TEXT NOT NULL,
    kode_wilayah TEXT REFERENCES wilayah (kode),
    zona_waktu TEXT NOT NULL,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL
);

CREATE TABLE unit_kerja (
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    id TEXT NOT NULL,
    induk_id TEXT,
    nama TEXT NOT NULL,
    singkatan TEXT,
    jenis TEXT NOT NULL,
    urutan BIGINT NOT NULL DEFAULT 0,
    berlaku_mulai TEXT NOT NULL,
    berlaku_sampai TEXT,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    FOREIGN KEY (instansi_id, induk_id) REFERENCES unit_kerja (instansi_id, id)
);
CREATE INDEX unit_kerja_induk ON unit_kerja (instansi_id, induk_id);

CREATE TABLE jabatan (
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    nama TEXT NOT NULL,
    jenis TEXT NOT NULL,
    jenjang TEXT,
    kelas BIGINT,
    dibuat_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja (instansi_id, id)
);
CREATE INDEX jabatan_unit ON jabatan (instansi_id, unit_id);

CREATE TABLE pegawai (
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    id TEXT NOT NULL,
    nip TEXT,
    nama TEXT NOT NULL,
    gelar_depan TEXT,
    gelar_belakang TEXT,
    jenis_asn TEXT NOT NULL,
    tanggal_lahir TEXT,
    jenis_kelamin TEXT,
    golongan TEXT,
    unit_id TEXT NOT NULL,
    jabatan_id TEXT,
    atasan_id TEXT,
    status TEXT NOT NULL,
    email TEXT,
    telepon TEXT,
    nama_cari TEXT NOT NULL,
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, nip),
    FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja (instansi_id, id),
    FOREIGN KEY (instansi_id, jabatan_id) REFERENCES jabatan (instansi_id, id),
    FOREIGN KEY (instansi_id, atasan_id) REFERENCES pegawai (instansi_id, id)
);
CREATE INDEX pegawai_nama ON pegawai (instansi_id, nama_cari);
CREATE INDEX pegawai_unit ON pegawai (instansi_id, unit_id);
CREATE INDEX pegawai_atasan ON pegawai (instansi_id, atasan_id);

-- Riwayat penempatan: definitif, Plt. atau Plh.; pindah unit tidak menghapus masa lalu.
CREATE TABLE riwayat_jabatan (
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    id TEXT NOT NULL,
    pegawai_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    jabatan_id TEXT,
    atasan_id TEXT,
    jenis_penugasan TEXT NOT NULL,
    mulai TEXT NOT NULL,
    selesai TEXT,
    keterangan TEXT,
    PRIMARY KEY (instansi_id, id),
    FOREIGN KEY (instansi_id, pegawai_id) REFERENCES pegawai (instansi_id, id),
    FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja (instansi_id, id)
);
CREATE INDEX riwayat_jabatan_pegawai ON riwayat_jabatan (instansi_id, pegawai_id, mulai);

-- Keunikan NIP secara nasional (pegawai berpindah antar-instansi).
CREATE TABLE nip_global (
    nip TEXT PRIMARY KEY,
    instansi_id TEXT NOT NULL,
    pegawai_id TEXT NOT NULL
);

CREATE TABLE pengguna (
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    id TEXT NOT NULL,
    username TEXT NOT NULL,
    nama TEXT NOT NULL,
    pegawai_id TEXT,
    hash_sandi TEXT NOT NULL,
    aktif BIGINT NOT NULL DEFAULT 1,
    bahasa TEXT NOT NULL DEFAULT 'id',
    versi BIGINT NOT NULL DEFAULT 1,
    dibuat_pada TEXT NOT NULL,
    diubah_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, username),
    FOREIGN KEY (instansi_id, pegawai_id) REFERENCES pegawai (instansi_id, id)
);

CREATE TABLE login_global (
    username TEXT PRIMARY KEY,
    instansi_id TEXT NOT NULL,
    pengguna_id TEXT NOT NULL
);

CREATE TABLE peran_pengguna (
    instansi_id TEXT NOT NULL REFERENCES instansi (id),
    pengguna_id TEXT NOT NULL,
    peran TEXT NOT NULL,
    PRIMARY KEY (instansi_id, pengguna_id, peran),
    FOREIGN KEY (instansi_id, pengguna_id) REFERENCES pengguna (instansi_id, id)
);

CREATE TABLE sesi (
    token_hash TEXT PRIMARY KEY,
    instansi_id TEXT NOT NULL,
    pengguna_id TEXT NOT NULL,
    csrf TEXT NOT NULL,
    dibuat_pada TEXT NOT NULL,
    kedaluwarsa_pada TEXT NOT NULL
);
CREATE INDEX sesi_pengguna ON sesi (instansi_id, pengguna_id);

CREATE TABLE token_api (
    token_hash TEXT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    instansi_id TEXT NOT NULL,
    pengguna_id TEXT NOT NULL,
    nama TEXT NOT NULL,
    cakupan TEXT NOT NULL,
    dibuat_pada TEXT NOT NULL,
    kedaluwarsa_pada TEXT NOT NULL,
    dicabut_pada TEXT
);

CREATE TABLE percobaan_masuk (
    kunci TEXT PRIMARY KEY,
    jumlah BIGINT NOT NULL,
    jendela_mulai TEXT NOT NULL
);

CREATE TABLE audit (
    instansi_id TEXT NOT NULL,
    id TEXT NOT NULL,
    waktu TEXT NOT NULL,
    pengguna_id TEXT,
    nama_pengguna TEXT NOT NULL,
    aksi TEXT NOT NULL,
    jenis_objek TEXT NOT NULL,
    objek_id TEXT NOT NULL,
    sebelum TEXT,
    sesudah TEXT,
    PRIMARY KEY (instansi_id, id)
);
CREATE INDEX audit_objek ON audit (instansi_id, jenis_objek, objek_id, waktu);
