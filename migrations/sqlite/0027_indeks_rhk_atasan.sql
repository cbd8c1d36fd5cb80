-- SKP (isu 11). Satu pernyataan per berkas (Citus).
CREATE INDEX rhk_atasan ON rhk (instansi_id, rhk_atasan_id);
