-- Juri per tahap (isu 12): tim evaluasi perguruan tinggi menilai proposal,
-- panel independen menilai presentasi. Daftar urutan tahap penilaian yang
-- dilayani juri, dipisah koma ("3" atau "3,4"); NULL = semua tahap penilaian.
-- Satu pernyataan per berkas (Citus).
ALTER TABLE juri_kompetisi ADD COLUMN tahap TEXT;
