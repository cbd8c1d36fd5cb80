-- Aksi perubahan (isu 13): proyek yang sudah pindah bersama alumninya ke
-- instansi lain (rantai di `pindah_aksi`) tetap ada tetapi tidak lagi
-- dipantau: daftar, dasbor, ekspor dan pengingat menyaring
-- `pindah_pada IS NULL` tanpa gabungan. Satu pernyataan per berkas (Citus).
ALTER TABLE aksi_perubahan ADD COLUMN pindah_pada TEXT;
