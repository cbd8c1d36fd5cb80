//! Notifikasi dalam aplikasi, per pengguna.

use crate::{Hasil, Koneksi};
use serde::Serialize;
use sqlx::AnyPool;

#[derive(Debug, Clone, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Notifikasi {
    pub instansi_id: String,
    pub id: String,
    pub pengguna_id: String,
    pub judul: String,
    pub isi: String,
    pub tautan: Option<String>,
    pub dibuat_pada: String,
    pub dibaca_pada: Option<String>,
}

const KOLOM: &str = "instansi_id, id, pengguna_id, judul, isi, tautan, dibuat_pada, dibaca_pada";

pub async fn sisipkan(k: &mut Koneksi, n: &Notifikasi) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO notifikasi ({KOLOM}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
    ))
    .bind(&n.instansi_id)
    .bind(&n.id)
    .bind(&n.pengguna_id)
    .bind(&n.judul)
    .bind(&n.isi)
    .bind(&n.tautan)
    .bind(&n.dibuat_pada)
    .bind(&n.dibaca_pada)
    .execute(k)
    .await?;
    Ok(())
}

/// Banyak notifikasi dengan INSERT berbaris banyak (hasil satu tahap
/// kompetisi untuk ribuan peserta: satu perjalanan per potongan, bukan per baris).
pub async fn sisipkan_banyak(k: &mut Koneksi, daftar: &[Notifikasi]) -> Hasil<()> {
    use sqlx::Arguments;
    let per = crate::Backend::dari_koneksi(k).baris_per_sisip(8);
    for potong in daftar.chunks(per) {
        let mut a = sqlx::any::AnyArguments::default();
        for n in potong {
            let _ = a.add(n.instansi_id.clone());
            let _ = a.add(n.id.clone());
            let _ = a.add(n.pengguna_id.clone());
            let _ = a.add(n.judul.clone());
            let _ = a.add(n.isi.clone());
            let _ = a.add(n.tautan.clone());
            let _ = a.add(n.dibuat_pada.clone());
            let _ = a.add(n.dibaca_pada.clone());
        }
        let nilai = crate::nilai_banyak(potong.len(), 8);
        sqlx::query_with(sqlf!("INSERT INTO notifikasi ({KOLOM}) VALUES {nilai}"), a)
            .execute(&mut *k)
            .await?;
    }
    Ok(())
}

/// Notifikasi terbaru seorang pengguna (paling banyak `batas`).
pub async fn daftar(
    pool: &AnyPool,
    instansi_id: &str,
    pengguna_id: &str,
    batas: i64,
) -> Hasil<Vec<Notifikasi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM} FROM notifikasi WHERE instansi_id = $1 AND pengguna_id = $2 \
         ORDER BY dibuat_pada DESC, id DESC LIMIT {}",
        batas.clamp(1, 500)
    ))
    .bind(instansi_id)
    .bind(pengguna_id)
    .fetch_all(pool)
    .await?)
}

pub async fn jumlah_belum_dibaca(
    pool: &AnyPool,
    instansi_id: &str,
    pengguna_id: &str,
) -> Hasil<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM notifikasi WHERE instansi_id = $1 AND pengguna_id = $2 AND dibaca_pada IS NULL",
    )
    .bind(instansi_id)
    .bind(pengguna_id)
    .fetch_one(pool)
    .await?;
    Ok(n)
}

/// Menandai dibaca; `id` None: semua milik pengguna itu. Jumlah yang berubah.
pub async fn tandai_dibaca(
    pool: &AnyPool,
    instansi_id: &str,
    pengguna_id: &str,
    id: Option<&str>,
    waktu: &str,
) -> Hasil<u64> {
    let r = match id {
        Some(id) => {
            sqlx::query(
                "UPDATE notifikasi SET dibaca_pada = $4 WHERE instansi_id = $1 AND pengguna_id = $2 AND id = $3 \
                 AND dibaca_pada IS NULL",
            )
            .bind(instansi_id)
            .bind(pengguna_id)
            .bind(id)
            .bind(waktu)
            .execute(pool)
            .await?
        }
        None => {
            sqlx::query(
                "UPDATE notifikasi SET dibaca_pada = $3 WHERE instansi_id = $1 AND pengguna_id = $2 \
                 AND dibaca_pada IS NULL",
            )
            .bind(instansi_id)
            .bind(pengguna_id)
            .bind(waktu)
            .execute(pool)
            .await?
        }
    };
    Ok(r.rows_affected())
}

pub async fn ada(pool: &AnyPool, instansi_id: &str, pengguna_id: &str, id: &str) -> Hasil<bool> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM notifikasi WHERE instansi_id = $1 AND pengguna_id = $2 AND id = $3",
    )
    .bind(instansi_id)
    .bind(pengguna_id)
    .bind(id)
    .fetch_one(pool)
    .await?;
    Ok(n > 0)
}

/// Semua notifikasi yang belum dibaca (pengingat harian, lintas instansi).
pub async fn jumlah_belum_dibaca_semua(pool: &AnyPool) -> Hasil<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM notifikasi WHERE dibaca_pada IS NULL")
        .fetch_one(pool)
        .await?;
    Ok(n)
}
