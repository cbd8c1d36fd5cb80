-- Padanan migrasi PostgreSQL 0003 (indeks trigram); SQLite memindai
-- `nama_cari` per instansi lewat indeks penutup, tidak ada yang perlu diubah.
SELECT 1;
