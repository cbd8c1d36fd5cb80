-- Satu penerimaan aktif per peringatan dan buktinya. Satu pernyataan per berkas (kebiasaan Citus).
CREATE UNIQUE INDEX penerimaan_aktif ON penerimaan_peringatan (instansi_id, tahun, program_kode, subkegiatan_kode, kode, sidik) WHERE dicabut_pada IS NULL;
