-- Halaman daftar pegawai dibaca seluruhnya dari satu indeks penutup, urut
-- nama (index-only scan): tanpa lompatan ke tabel per baris
-- (docs/tolok-ukur.md). Menggantikan pegawai_nama, yang awalannya sama
-- (migrasi 0008 membuangnya). Satu pernyataan per berkas (kebiasaan Citus).
CREATE INDEX pegawai_daftar ON pegawai (instansi_id, nama_cari, id) INCLUDE (nip, nama, gelar_depan, gelar_belakang, jenis_asn, golongan, status, unit_id, jabatan_id);
