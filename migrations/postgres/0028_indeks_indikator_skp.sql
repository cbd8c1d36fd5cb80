-- SKP (isu 11). Satu pernyataan per berkas (Citus).
CREATE INDEX indikator_skp_skp ON indikator_skp (instansi_id, skp_id);
