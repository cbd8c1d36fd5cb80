-- Awalan pegawai_daftar (0007); satu pernyataan per berkas (kebiasaan Citus).
DROP INDEX pegawai_nama;
