-- Paling banyak satu rencana yang berlaku per instansi dan tahun. Satu pernyataan per berkas (kebiasaan Citus).
CREATE UNIQUE INDEX rencana_satu_ditetapkan ON rencana (instansi_id, tahun) WHERE status = 'ditetapkan';
