-- Pencarian nama/NIP (`nama_cari LIKE '%…%'`) lewat indeks trigram. pg_trgm
-- adalah ekstensi tepercaya (PostgreSQL 13+): pemilik basis data boleh
-- memasangnya tanpa superuser. Ekstensi berlaku untuk seluruh basis data,
-- maka dipasang di skema public dan kelas operatornya disebut lengkap.
-- SQLite tidak memerlukannya (lihat ADR 0002).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX pegawai_nama_trgm ON pegawai USING gin (nama_cari public.gin_trgm_ops);
