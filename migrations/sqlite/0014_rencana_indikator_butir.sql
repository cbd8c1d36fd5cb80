-- Indikator per butir. Satu pernyataan per berkas (kebiasaan Citus).
CREATE INDEX rencana_indikator_butir ON rencana_indikator (instansi_id, rencana_id, butir_id, urutan);
