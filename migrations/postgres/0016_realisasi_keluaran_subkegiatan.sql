-- Realisasi keluaran per sub kegiatan. Satu pernyataan per berkas (kebiasaan Citus).
CREATE INDEX realisasi_keluaran_subkegiatan ON realisasi_keluaran (instansi_id, tahun, subkegiatan_kode, triwulan);
