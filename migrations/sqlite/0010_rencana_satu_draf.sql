-- Paling banyak satu draf per instansi dan tahun. Satu pernyataan per berkas (kebiasaan Citus).
CREATE UNIQUE INDEX rencana_satu_draf ON rencana (instansi_id, tahun) WHERE status = 'draf';
