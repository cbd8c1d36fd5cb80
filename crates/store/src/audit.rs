//! Jejak audit: siapa, kapan, apa, sebelum → sesudah; ditulis dalam transaksi
//! yang sama dengan perubahan. Pembacaan data pribadi oleh orang lain juga
//! dicatat (UU 27/2022).

use crate::Hasil;
use serde::Serialize;
use sqlx::AnyPool;

#[derive(Debug, Clone, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct CatatanAudit {
    pub instansi_id: String,
    pub id: String,
    pub waktu: String,
    pub pengguna_id: Option<String>,
    pub nama_pengguna: String,
    pub aksi: String,
    pub jenis_objek: String,
    pub objek_id: String,
    pub sebelum: Option<String>,
    pub sesudah: Option<String>,
}

const KOLOM: &str = "instansi_id, id, waktu, pengguna_id, nama_pengguna, aksi, jenis_objek, objek_id, sebelum, sesudah";

/// Hanya di dalam transaksi (lihat `app::audit::catat`).
pub async fn tulis(k: &mut crate::Transaksi<'_>, c: &CatatanAudit) -> Hasil<()> {
    sisipkan(k, c, "").await?;
    Ok(())
}

/// Banyak catatan sekaligus (impor), dalam INSERT berbaris banyak.
pub async fn tulis_banyak(k: &mut crate::Transaksi<'_>, c: &[CatatanAudit]) -> Hasil<()> {
    let be = crate::Backend::dari_koneksi(k);
    for potong in c.chunks(be.baris_per_sisip(10)) {
        let sql = format!(
            "INSERT INTO audit ({KOLOM}) VALUES {}",
            crate::nilai_banyak(potong.len(), 10)
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for c in potong {
            q = q
                .bind(&c.instansi_id)
                .bind(&c.id)
                .bind(&c.waktu)
                .bind(&c.pengguna_id)
                .bind(&c.nama_pengguna)
                .bind(&c.aksi)
                .bind(&c.jenis_objek)
                .bind(&c.objek_id)
                .bind(&c.sebelum)
                .bind(&c.sesudah);
        }
        q.execute(&mut **k).await?;
    }
    Ok(())
}

/// Menulis catatan bila id-nya belum ada (catatan baca: satu per pembaca,
/// rekaman dan hari, id-nya diturunkan dari ketiganya). `true` bila tertulis.
pub async fn tulis_sekali(k: &mut crate::Transaksi<'_>, c: &CatatanAudit) -> Hasil<bool> {
    sisipkan(k, c, " ON CONFLICT (instansi_id, id) DO NOTHING").await
}

async fn sisipkan(k: &mut crate::Transaksi<'_>, c: &CatatanAudit, akhiran: &str) -> Hasil<bool> {
    let r = sqlx::query(sqlf!(
        "INSERT INTO audit ({KOLOM}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10){akhiran}"
    ))
    .bind(&c.instansi_id)
    .bind(&c.id)
    .bind(&c.waktu)
    .bind(&c.pengguna_id)
    .bind(&c.nama_pengguna)
    .bind(&c.aksi)
    .bind(&c.jenis_objek)
    .bind(&c.objek_id)
    .bind(&c.sebelum)
    .bind(&c.sesudah)
    .execute(&mut **k)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn riwayat_objek(
    pool: &AnyPool,
    instansi_id: &str,
    jenis_objek: &str,
    objek_id: &str,
    batas: i64,
) -> Hasil<Vec<CatatanAudit>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM} FROM audit WHERE instansi_id = $1 AND jenis_objek = $2 AND objek_id = $3 \
         ORDER BY waktu DESC, id DESC LIMIT {}",
        batas.clamp(1, 1000)
    ))
    .bind(instansi_id)
    .bind(jenis_objek)
    .bind(objek_id)
    .fetch_all(pool)
    .await?)
}
