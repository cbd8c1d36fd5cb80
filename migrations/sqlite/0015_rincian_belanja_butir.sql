-- Rincian per butir. Satu pernyataan per berkas (kebiasaan Citus).
CREATE INDEX rincian_belanja_butir ON rincian_belanja (instansi_id, rencana_id, butir_id, urutan);
