-- Aksi perubahan (isu 13): angkatan dicari dengan id saja (URL), lintas instansi. Satu pernyataan per berkas (Citus).
CREATE INDEX angkatan_pelatihan_id ON angkatan_pelatihan (id);
