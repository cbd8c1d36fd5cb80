-- SKP (isu 11). Satu pernyataan per berkas (Citus).
CREATE INDEX rhk_skp ON rhk (instansi_id, skp_id);
