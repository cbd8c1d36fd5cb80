-- SAKIP (isu 10): IKU per sasaran. Satu pernyataan per berkas (Citus).
CREATE INDEX sakip_iku_sasaran ON sakip_iku (instansi_id, sasaran_id);
