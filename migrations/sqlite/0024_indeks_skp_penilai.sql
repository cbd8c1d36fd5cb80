-- SKP (isu 11). Satu pernyataan per berkas (Citus).
CREATE INDEX skp_penilai ON skp (instansi_id, tahun, penilai_id);
