-- Pohon rencana: anak per induk. Satu pernyataan per berkas (kebiasaan Citus).
CREATE INDEX rencana_butir_induk ON rencana_butir (instansi_id, rencana_id, induk_id, urutan);
