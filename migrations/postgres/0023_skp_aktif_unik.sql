-- SKP (isu 11). Satu pernyataan per berkas (Citus).
CREATE UNIQUE INDEX skp_aktif_unik ON skp (instansi_id, tahun, pegawai_id) WHERE aktif = 1;
