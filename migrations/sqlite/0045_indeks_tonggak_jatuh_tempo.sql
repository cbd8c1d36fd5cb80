-- Aksi perubahan (isu 13): pengingat harian memindai tonggak menurut jatuh tempo. Satu pernyataan per berkas (Citus).
CREATE INDEX tonggak_aksi_jatuh_tempo ON tonggak_aksi (jatuh_tempo);
