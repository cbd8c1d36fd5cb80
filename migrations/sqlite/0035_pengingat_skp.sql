-- Pengingat SKP yang sudah dikirim (isu 11): satu baris per (SKP, peristiwa,
-- kunci = `rencana` atau kode periode), dicatat di transaksi yang sama dengan
-- notifikasinya sehingga tidak pernah terkirim dua kali.
CREATE TABLE pengingat_skp (
    instansi_id TEXT NOT NULL,
    skp_id TEXT NOT NULL,
    jenis TEXT NOT NULL,
    kunci TEXT NOT NULL,
    dikirim_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, skp_id, jenis, kunci),
    FOREIGN KEY (instansi_id, skp_id) REFERENCES skp (instansi_id, id)
);
