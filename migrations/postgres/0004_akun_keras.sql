-- Pengerasan akun (isu 6).
--
-- Pembatas masuk baru: per (nama pengguna, alamat) dan per alamat, dengan
-- jeda yang tumbuh, tanpa mengunci akun. Waktu disimpan sebagai milidetik
-- epoch (BIGINT) agar jeda dihitung sama di kedua backend. Isinya hanya
-- hitungan sementara, jadi tabel lama dibuat ulang.
DROP TABLE percobaan_masuk;
CREATE TABLE percobaan_masuk (
    kunci TEXT PRIMARY KEY,
    jumlah BIGINT NOT NULL,
    terakhir BIGINT NOT NULL,
    sebelumnya BIGINT NOT NULL
);

-- Rahasia server bersama (mis. kunci HMAC token CSRF formulir masuk), sama
-- untuk semua proses yang memakai basis data ini.
CREATE TABLE rahasia_server (
    kunci TEXT PRIMARY KEY,
    nilai TEXT NOT NULL
);

-- Satu akun per pegawai. Tautan ganda lama dilepas dari akun yang lebih baru
-- (akunnya tetap ada) agar indeks unik dapat dibuat.
UPDATE pengguna SET pegawai_id = NULL
WHERE pegawai_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM pengguna lain
    WHERE lain.instansi_id = pengguna.instansi_id
      AND lain.pegawai_id = pengguna.pegawai_id
      AND (lain.dibuat_pada < pengguna.dibuat_pada
           OR (lain.dibuat_pada = pengguna.dibuat_pada AND lain.id < pengguna.id))
);
CREATE UNIQUE INDEX pengguna_pegawai_unik ON pengguna (instansi_id, pegawai_id) WHERE pegawai_id IS NOT NULL;
