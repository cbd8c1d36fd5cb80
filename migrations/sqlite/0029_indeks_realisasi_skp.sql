-- SKP (isu 11). Satu pernyataan per berkas (Citus).
CREATE INDEX realisasi_skp_skp ON realisasi_skp (instansi_id, skp_id, periode);
