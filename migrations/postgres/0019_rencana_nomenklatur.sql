-- Versi nomenklatur yang dipatok saat rencana ditetapkan (JSON
-- {"dasar", "perubahan": [id…]}): rencana dibaca terhadap versi tahunnya,
-- tidak berubah surut ketika perubahan baru dimuat. Satu pernyataan (Citus).
ALTER TABLE rencana ADD COLUMN nomenklatur TEXT;
