-- Padanan migrasi PostgreSQL 0051: SQLite membaca indeks (tahun, id) dari
-- migrasi 0050 secara mundur untuk "terbaru dulu"; tidak ada yang diubah.
SELECT 1;
