-- Nilai seminar proyek perubahan (0–100, teks desimal); kualifikasinya
-- dihitung dari pita lembaga pelatihan (isu 13). Satu pernyataan per berkas (Citus).
ALTER TABLE aksi_perubahan ADD COLUMN nilai_seminar TEXT;
