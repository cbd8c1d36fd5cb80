-- Akun (isu 11): sandi yang diatur ulang oleh orang lain (atasan, admin BKD,
-- super admin) adalah sandi sementara; pemiliknya wajib menggantinya sebelum
-- memakai aplikasi. 1 = wajib ganti; dikosongkan saat pemilik mengganti
-- sandinya sendiri (halaman akun atau tautan surel).
ALTER TABLE pengguna ADD COLUMN wajib_ganti_sandi BIGINT NOT NULL DEFAULT 0;
