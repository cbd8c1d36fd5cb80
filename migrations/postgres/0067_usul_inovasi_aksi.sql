-- Usul proyek perubahan ke repositori inovasi (isu 13 → isu 12): alumni,
-- mentor atau BKD mengusulkan proyek yang sudah terbukti; admin instansi atau
-- operator inovasinya menerima (inovasi terbit di repositori publik) atau
-- menolak dengan catatan. Satu baris per proyek, milik instansi alumni.
-- Kebiasaan Citus: FK lewat ALTER TABLE tersendiri sesudah CREATE TABLE.
CREATE TABLE usul_inovasi_aksi (
    instansi_id TEXT NOT NULL,
    aksi_id TEXT NOT NULL,
    status TEXT NOT NULL,
    diusulkan_oleh TEXT NOT NULL,
    diusulkan_pada TEXT NOT NULL,
    catatan_usul TEXT,
    diputuskan_oleh TEXT,
    diputuskan_pada TEXT,
    catatan_keputusan TEXT,
    inovasi_id TEXT,
    versi BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (instansi_id, aksi_id)
);

ALTER TABLE usul_inovasi_aksi ADD FOREIGN KEY (instansi_id, aksi_id) REFERENCES aksi_perubahan (instansi_id, id);
