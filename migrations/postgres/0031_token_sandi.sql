-- Akun (isu 11): tautan atur ulang sandi lewat surel. Hanya SHA-256 token
-- yang disimpan; satu token berlaku per akun (permintaan baru menggantikan
-- yang lama); kedaluwarsa 30 menit; dihapus saat dipakai. Dicari dengan hash
-- token dari tautan, tanpa mengetahui instansinya, sehingga seperti `sesi`
-- dan `token_api` ini tabel pencarian global kecil (di Citus: lokal
-- koordinator), didaftar di tes skema.
CREATE TABLE token_sandi (
    token_hash TEXT PRIMARY KEY,
    instansi_id TEXT NOT NULL,
    pengguna_id TEXT NOT NULL,
    dibuat_pada TEXT NOT NULL,
    kedaluwarsa_pada TEXT NOT NULL,
    UNIQUE (instansi_id, pengguna_id)
);
