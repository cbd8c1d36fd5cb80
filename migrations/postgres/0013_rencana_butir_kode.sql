-- Perbandingan biaya per satuan lintas wilayah (kode nasional). Satu pernyataan per berkas (kebiasaan Citus).
CREATE INDEX rencana_butir_kode ON rencana_butir (kode, instansi_id);
