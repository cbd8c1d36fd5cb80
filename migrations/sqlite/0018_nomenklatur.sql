-- Perubahan nomenklatur yang dimuat admin (isu 9): setiap Kepmendagri
-- perubahan sebagai satu versi berisi daftar ubah/hapus. Versi dasar tetap
-- data yang ditanam di crate rules. Tabel rujukan nasional kecil (±10⁴
-- baris), tanpa instansi_id.
CREATE TABLE nomenklatur_versi (
    id TEXT PRIMARY KEY,
    kode TEXT NOT NULL UNIQUE,
    judul TEXT NOT NULL,
    dasar TEXT NOT NULL,
    berlaku_tahun BIGINT NOT NULL,
    tanggal_penetapan TEXT NOT NULL,
    jumlah_ubah BIGINT NOT NULL,
    jumlah_hapus BIGINT NOT NULL,
    sha256_berkas TEXT NOT NULL,
    dimuat_oleh TEXT,
    dimuat_pada TEXT NOT NULL
);

CREATE TABLE nomenklatur_perubahan (
    versi_id TEXT NOT NULL REFERENCES nomenklatur_versi (id),
    pemda TEXT NOT NULL,
    kode TEXT NOT NULL,
    tindakan TEXT NOT NULL,
    nama TEXT,
    kinerja TEXT,
    indikator TEXT,
    satuan TEXT,
    spm BIGINT,
    jenis TEXT,
    urutan BIGINT NOT NULL,
    PRIMARY KEY (versi_id, pemda, kode)
);
