//! Perubahan nomenklatur Kepmendagri yang dimuat admin (tabel rujukan
//! nasional; versi dasar ditanam di crate rules).

use crate::{Hasil, Koneksi};
use serde::{Deserialize, Serialize};
use sqlx::AnyPool;

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq, utoipa::ToSchema)]
pub struct VersiNomenklatur {
    pub id: String,
    /// Nomor keputusan, mis. `900.1-861/2026`.
    pub kode: String,
    pub judul: String,
    /// Versi dasar yang diubah (`kepmendagri_900_2024` | `pemutakhiran_2027`).
    pub dasar: String,
    /// Tahun anggaran pertama yang memakai perubahan ini.
    pub berlaku_tahun: i64,
    pub tanggal_penetapan: String,
    pub jumlah_ubah: i64,
    pub jumlah_hapus: i64,
    pub sha256_berkas: String,
    pub dimuat_oleh: Option<String>,
    pub dimuat_pada: String,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize, Deserialize, PartialEq)]
pub struct BarisPerubahan {
    pub versi_id: String,
    /// `provinsi` | `kabupaten_kota`.
    pub pemda: String,
    pub kode: String,
    /// `ubah` | `hapus`.
    pub tindakan: String,
    pub nama: Option<String>,
    pub kinerja: Option<String>,
    pub indikator: Option<String>,
    pub satuan: Option<String>,
    pub spm: Option<i64>,
    pub jenis: Option<String>,
    pub urutan: i64,
}

const KOLOM_VERSI: &str = "id, kode, judul, dasar, berlaku_tahun, tanggal_penetapan, jumlah_ubah, jumlah_hapus, sha256_berkas, dimuat_oleh, dimuat_pada";

pub async fn sisipkan_versi(k: &mut Koneksi, v: &VersiNomenklatur) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO nomenklatur_versi ({KOLOM_VERSI}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
    ))
    .bind(&v.id)
    .bind(&v.kode)
    .bind(&v.judul)
    .bind(&v.dasar)
    .bind(v.berlaku_tahun)
    .bind(&v.tanggal_penetapan)
    .bind(v.jumlah_ubah)
    .bind(v.jumlah_hapus)
    .bind(&v.sha256_berkas)
    .bind(&v.dimuat_oleh)
    .bind(&v.dimuat_pada)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn sisipkan_perubahan_banyak(k: &mut Koneksi, baris: &[BarisPerubahan]) -> Hasil<()> {
    let be = crate::Backend::dari_koneksi(k);
    for potong in baris.chunks(be.baris_per_sisip(11)) {
        let sql = format!(
            "INSERT INTO nomenklatur_perubahan (versi_id, pemda, kode, tindakan, nama, kinerja, indikator, satuan, spm, jenis, urutan) VALUES {}",
            crate::nilai_banyak(potong.len(), 11)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for b in potong {
            q = q
                .bind(&b.versi_id)
                .bind(&b.pemda)
                .bind(&b.kode)
                .bind(&b.tindakan)
                .bind(&b.nama)
                .bind(&b.kinerja)
                .bind(&b.indikator)
                .bind(&b.satuan)
                .bind(b.spm)
                .bind(&b.jenis)
                .bind(b.urutan);
        }
        q.execute(&mut *k).await?;
    }
    Ok(())
}

/// Semua versi yang dimuat, urut penetapan.
pub async fn daftar_versi(pool: &AnyPool) -> Hasil<Vec<VersiNomenklatur>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_VERSI} FROM nomenklatur_versi ORDER BY tanggal_penetapan, id"
    ))
    .fetch_all(pool)
    .await?)
}

/// Perubahan yang berlaku untuk rencana bertahun `tahun` di atas `dasar`,
/// urut penetapan lalu baris berkas.
pub async fn perubahan_untuk(
    pool: &AnyPool,
    dasar: &str,
    tahun: i64,
) -> Hasil<Vec<BarisPerubahan>> {
    Ok(sqlx::query_as(
        "SELECT p.versi_id, p.pemda, p.kode, p.tindakan, p.nama, p.kinerja, p.indikator, p.satuan, p.spm, p.jenis, p.urutan \
         FROM nomenklatur_perubahan p JOIN nomenklatur_versi v ON v.id = p.versi_id \
         WHERE v.dasar = $1 AND v.berlaku_tahun <= $2 ORDER BY v.tanggal_penetapan, v.id, p.urutan",
    )
    .bind(dasar)
    .bind(tahun)
    .fetch_all(pool)
    .await?)
}

/// Perubahan dari versi-versi tertentu (patokan rencana yang ditetapkan).
pub async fn perubahan_versi(pool: &AnyPool, versi_id: &[String]) -> Hasil<Vec<BarisPerubahan>> {
    let mut semua = Vec::new();
    for id in versi_id.iter().take(100) {
        let mut x: Vec<BarisPerubahan> = sqlx::query_as(
            "SELECT versi_id, pemda, kode, tindakan, nama, kinerja, indikator, satuan, spm, jenis, urutan \
             FROM nomenklatur_perubahan WHERE versi_id = $1 ORDER BY urutan",
        )
        .bind(id)
        .fetch_all(pool)
        .await?;
        semua.append(&mut x);
    }
    Ok(semua)
}
