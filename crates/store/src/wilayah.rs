//! Kode wilayah Kepmendagri (provinsi dan kabupaten/kota), data rujukan kecil.

use crate::Hasil;
use sqlx::AnyPool;

/// data/wilayah/provinsi_kabkota_kepmendagri_2025.csv — sumber: cahyadsn/wilayah
/// (Kepmendagri No 300.2.2-2138 Tahun 2025), MIT. Lihat data/SOURCES.md.
const CSV: &str = include_str!("../../../data/wilayah/provinsi_kabkota_kepmendagri_2025.csv");

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Wilayah {
    pub kode: String,
    pub nama: String,
    pub tingkat: String,
    pub kode_provinsi: String,
}

pub async fn isi_bila_kosong(pool: &AnyPool) -> Hasil<()> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM wilayah")
        .fetch_one(pool)
        .await?;
    if n > 0 {
        return Ok(());
    }
    let mut tx = pool.begin().await?;
    for baris in CSV.lines().skip(1) {
        let kolom: Vec<&str> = baris.split(',').collect();
        if kolom.len() != 4 {
            continue;
        }
        sqlx::query(
            "INSERT INTO wilayah (kode, nama, tingkat, kode_provinsi) VALUES ($1, $2, $3, $4)",
        )
        .bind(kolom[0])
        .bind(kolom[1])
        .bind(kolom[2])
        .bind(kolom[3])
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn cari(pool: &AnyPool, kode: &str) -> Hasil<Option<Wilayah>> {
    Ok(
        sqlx::query_as("SELECT kode, nama, tingkat, kode_provinsi FROM wilayah WHERE kode = $1")
            .bind(kode)
            .fetch_optional(pool)
            .await?,
    )
}

pub async fn dalam_provinsi(pool: &AnyPool, kode_provinsi: &str) -> Hasil<Vec<Wilayah>> {
    Ok(sqlx::query_as(
        "SELECT kode, nama, tingkat, kode_provinsi FROM wilayah WHERE kode_provinsi = $1 ORDER BY kode",
    )
    .bind(kode_provinsi)
    .fetch_all(pool)
    .await?)
}

/// Seluruh wilayah (552 baris), urut kode.
pub async fn semua(pool: &AnyPool) -> Hasil<Vec<Wilayah>> {
    Ok(
        sqlx::query_as("SELECT kode, nama, tingkat, kode_provinsi FROM wilayah ORDER BY kode")
            .fetch_all(pool)
            .await?,
    )
}
