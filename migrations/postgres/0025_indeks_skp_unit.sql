-- SKP (isu 11). Satu pernyataan per berkas (Citus).
CREATE INDEX skp_unit ON skp (instansi_id, tahun, unit_id);
