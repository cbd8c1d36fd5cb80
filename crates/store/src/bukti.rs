//! Metadata bukti (berkas unggahan) dan rujukannya. Isi berkas ada di
//! penyimpanan bukti (`app::bukti`), dicari dengan SHA-256-nya.

use crate::{Hasil, Koneksi};
use serde::Serialize;
use sqlx::AnyPool;

#[derive(Debug, Clone, sqlx::FromRow, Serialize, PartialEq, Eq)]
pub struct Bukti {
    pub instansi_id: String,
    pub id: String,
    /// SHA-256 bita yang diterima (heksadesimal huruf kecil).
    pub sha256: String,
    pub ukuran: i64,
    /// Jenis yang dikenali dari isi, bukan dari nama atau klien.
    pub jenis_mime: String,
    /// Nama berkas yang sudah dibersihkan (tanpa jalur, tanpa karakter kendali).
    pub nama_asli: String,
    pub pengunggah_id: String,
    pub dibuat_pada: String,
    pub lebar: Option<i64>,
    pub tinggi: Option<i64>,
    /// Kunci salinan kecil (foto, maks. 1600 px), dikodekan ulang tanpa
    /// metadata. Sejak ADR 0017 diturunkan dari `sha256` dan ditetapkan saat
    /// unggah; berkasnya dibuat saat pertama diminta. Baris lama: SHA-256 isi
    /// salinannya.
    pub sha256_kecil: Option<String>,
    /// `None` sampai salinannya dibuat.
    pub ukuran_kecil: Option<i64>,
    pub jenis_mime_kecil: Option<String>,
    /// Gambar mini (256 px).
    pub sha256_mini: Option<String>,
    pub ukuran_mini: Option<i64>,
    pub jenis_mime_mini: Option<String>,
}

const KOLOM: &str = "instansi_id, id, sha256, ukuran, jenis_mime, nama_asli, pengunggah_id, dibuat_pada, \
    lebar, tinggi, sha256_kecil, ukuran_kecil, jenis_mime_kecil, sha256_mini, ukuran_mini, jenis_mime_mini";

pub async fn tambah(k: &mut Koneksi, b: &Bukti) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO bukti ({KOLOM}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
    ))
    .bind(&b.instansi_id)
    .bind(&b.id)
    .bind(&b.sha256)
    .bind(b.ukuran)
    .bind(&b.jenis_mime)
    .bind(&b.nama_asli)
    .bind(&b.pengunggah_id)
    .bind(&b.dibuat_pada)
    .bind(b.lebar)
    .bind(b.tinggi)
    .bind(&b.sha256_kecil)
    .bind(b.ukuran_kecil)
    .bind(&b.jenis_mime_kecil)
    .bind(&b.sha256_mini)
    .bind(b.ukuran_mini)
    .bind(&b.jenis_mime_mini)
    .execute(k)
    .await?;
    Ok(())
}

/// Mencatat ukuran dan jenis salinan foto setelah dibuat (ADR 0017).
/// Idempoten: pembuat kedua menulis nilai yang sama.
pub async fn catat_salinan(
    pool: &AnyPool,
    instansi_id: &str,
    id: &str,
    ukuran_kecil: i64,
    jenis_mime_kecil: &str,
    ukuran_mini: i64,
    jenis_mime_mini: &str,
) -> Hasil<()> {
    sqlx::query(
        "UPDATE bukti SET ukuran_kecil = $3, jenis_mime_kecil = $4, ukuran_mini = $5, jenis_mime_mini = $6 \
         WHERE instansi_id = $1 AND id = $2",
    )
    .bind(instansi_id)
    .bind(id)
    .bind(ukuran_kecil)
    .bind(jenis_mime_kecil)
    .bind(ukuran_mini)
    .bind(jenis_mime_mini)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn ambil(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<Option<Bukti>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM} FROM bukti WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(instansi_id)
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

/// Unggahan satu pengguna, terbaru dulu.
pub async fn daftar_pengunggah(
    pool: &AnyPool,
    instansi_id: &str,
    pengunggah_id: &str,
    batas: i64,
) -> Hasil<Vec<Bukti>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM} FROM bukti WHERE instansi_id = $1 AND pengunggah_id = $2 \
         ORDER BY dibuat_pada DESC, id DESC LIMIT {}",
        batas.clamp(1, 1000)
    ))
    .bind(instansi_id)
    .bind(pengunggah_id)
    .fetch_all(pool)
    .await?)
}

/// Jumlah rekaman yang merujuk satu bukti.
pub async fn jumlah_rujukan(k: &mut Koneksi, instansi_id: &str, bukti_id: &str) -> Hasil<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM bukti_rujukan WHERE instansi_id = $1 AND bukti_id = $2",
    )
    .bind(instansi_id)
    .bind(bukti_id)
    .fetch_one(k)
    .await?;
    Ok(n)
}

/// Menambah rujukan (idempoten).
pub async fn tambah_rujukan(
    k: &mut Koneksi,
    instansi_id: &str,
    bukti_id: &str,
    jenis_objek: &str,
    objek_id: &str,
) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO bukti_rujukan (instansi_id, bukti_id, jenis_objek, objek_id, dibuat_pada) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (instansi_id, bukti_id, jenis_objek, objek_id) DO NOTHING",
    )
    .bind(instansi_id)
    .bind(bukti_id)
    .bind(jenis_objek)
    .bind(objek_id)
    .bind(crate::sekarang())
    .execute(k)
    .await?;
    Ok(())
}

pub async fn hapus_rujukan(
    k: &mut Koneksi,
    instansi_id: &str,
    bukti_id: &str,
    jenis_objek: &str,
    objek_id: &str,
) -> Hasil<bool> {
    let r = sqlx::query(
        "DELETE FROM bukti_rujukan WHERE instansi_id = $1 AND bukti_id = $2 AND jenis_objek = $3 AND objek_id = $4",
    )
    .bind(instansi_id)
    .bind(bukti_id)
    .bind(jenis_objek)
    .bind(objek_id)
    .execute(k)
    .await?;
    Ok(r.rows_affected() > 0)
}

/// Menghapus satu baris bukti bila tidak ada yang merujuknya. `true` bila terhapus.
pub async fn hapus_bila_tanpa_rujukan(k: &mut Koneksi, instansi_id: &str, id: &str) -> Hasil<bool> {
    let r = sqlx::query(
        "DELETE FROM bukti WHERE instansi_id = $1 AND id = $2 AND NOT EXISTS \
         (SELECT 1 FROM bukti_rujukan r WHERE r.instansi_id = bukti.instansi_id AND r.bukti_id = bukti.id)",
    )
    .bind(instansi_id)
    .bind(id)
    .execute(k)
    .await?;
    Ok(r.rows_affected() > 0)
}

/// Bukti tanpa rujukan yang dibuat sebelum `sebelum` (semua instansi; untuk
/// pembersihan berkala, bukan jalur panas).
pub async fn yatim_sebelum(pool: &AnyPool, sebelum: &str, batas: i64) -> Hasil<Vec<Bukti>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM} FROM bukti WHERE dibuat_pada < $1 AND NOT EXISTS \
         (SELECT 1 FROM bukti_rujukan r WHERE r.instansi_id = bukti.instansi_id AND r.bukti_id = bukti.id) \
         ORDER BY dibuat_pada LIMIT {}",
        batas.clamp(1, 10_000)
    ))
    .bind(sebelum)
    .fetch_all(pool)
    .await?)
}

/// Apakah ada baris bukti (instansi mana pun) yang memakai berkas ini, sebagai
/// asli, salinan kecil atau gambar mini.
pub async fn berkas_dipakai(pool: &AnyPool, sha256: &str) -> Hasil<bool> {
    let ada: Option<(i64,)> = sqlx::query_as(
        "SELECT 1 FROM bukti WHERE sha256 = $1 OR sha256_kecil = $1 OR sha256_mini = $1 LIMIT 1",
    )
    .bind(sha256)
    .fetch_optional(pool)
    .await?;
    Ok(ada.is_some())
}

/// Jumlah baris bukti (satu instansi, atau semua).
pub async fn jumlah(pool: &AnyPool, instansi_id: Option<&str>) -> Hasil<i64> {
    let (n,): (i64,) = match instansi_id {
        Some(i) => {
            sqlx::query_as("SELECT COUNT(*) FROM bukti WHERE instansi_id = $1")
                .bind(i)
                .fetch_one(pool)
                .await?
        }
        None => {
            sqlx::query_as("SELECT COUNT(*) FROM bukti")
                .fetch_one(pool)
                .await?
        }
    };
    Ok(n)
}

/// Objek berjenis tertentu yang merujuk satu bukti (untuk jalur lihat lewat rujukan).
pub async fn objek_rujukan(
    pool: &AnyPool,
    instansi_id: &str,
    bukti_id: &str,
    jenis_objek: &str,
) -> Hasil<Vec<String>> {
    let baris: Vec<(String,)> = sqlx::query_as(
        "SELECT objek_id FROM bukti_rujukan WHERE instansi_id = $1 AND bukti_id = $2 AND jenis_objek = $3 ORDER BY objek_id LIMIT 100",
    )
    .bind(instansi_id)
    .bind(bukti_id)
    .bind(jenis_objek)
    .fetch_all(pool)
    .await?;
    Ok(baris.into_iter().map(|(x,)| x).collect())
}
