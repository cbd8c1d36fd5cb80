//! Akun pengguna, peran, sesi, token API dan pembatasan percobaan masuk.

use crate::{Hasil, Koneksi};
use serde::Serialize;
use sqlx::AnyPool;

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Pengguna {
    pub instansi_id: String,
    pub id: String,
    pub username: String,
    pub nama: String,
    pub pegawai_id: Option<String>,
    #[serde(skip)]
    pub hash_sandi: String,
    pub aktif: i64,
    pub bahasa: String,
    pub versi: i64,
    pub dibuat_pada: String,
    pub diubah_pada: String,
}

const KOLOM: &str = "instansi_id, id, username, nama, pegawai_id, hash_sandi, aktif, bahasa, versi, dibuat_pada, diubah_pada";

pub async fn sisipkan_pengguna(k: &mut Koneksi, p: &Pengguna, peran: &[String]) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO pengguna (instansi_id, id, username, nama, pegawai_id, hash_sandi, aktif, bahasa, versi, dibuat_pada, diubah_pada) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&p.instansi_id)
    .bind(&p.id)
    .bind(&p.username)
    .bind(&p.nama)
    .bind(&p.pegawai_id)
    .bind(&p.hash_sandi)
    .bind(p.aktif)
    .bind(&p.bahasa)
    .bind(p.versi)
    .bind(&p.dibuat_pada)
    .bind(&p.diubah_pada)
    .execute(&mut *k)
    .await?;
    sqlx::query(
        "INSERT INTO login_global (username, instansi_id, pengguna_id) VALUES ($1, $2, $3)",
    )
    .bind(&p.username)
    .bind(&p.instansi_id)
    .bind(&p.id)
    .execute(&mut *k)
    .await?;
    for r in peran {
        sqlx::query(
            "INSERT INTO peran_pengguna (instansi_id, pengguna_id, peran) VALUES ($1, $2, $3)",
        )
        .bind(&p.instansi_id)
        .bind(&p.id)
        .bind(r)
        .execute(&mut *k)
        .await?;
    }
    Ok(())
}

/// Mencari akun untuk masuk: nama pengguna atau NIP, nasional.
pub async fn pengguna_untuk_masuk(pool: &AnyPool, username: &str) -> Hasil<Option<Pengguna>> {
    let lokasi: Option<(String, String)> =
        sqlx::query_as("SELECT instansi_id, pengguna_id FROM login_global WHERE username = $1")
            .bind(username)
            .fetch_optional(pool)
            .await?;
    match lokasi {
        Some((i, id)) => pengguna(pool, &i, &id).await,
        None => Ok(None),
    }
}

pub async fn pengguna(pool: &AnyPool, instansi_id: &str, id: &str) -> Hasil<Option<Pengguna>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM} FROM pengguna WHERE instansi_id = $1 AND id = $2"
    ))
    .bind(instansi_id)
    .bind(id)
    .fetch_optional(pool)
    .await?)
}

pub async fn pengguna_pegawai(
    pool: &AnyPool,
    instansi_id: &str,
    pegawai_id: &str,
) -> Hasil<Option<Pengguna>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM} FROM pengguna WHERE instansi_id = $1 AND pegawai_id = $2"
    ))
    .bind(instansi_id)
    .bind(pegawai_id)
    .fetch_optional(pool)
    .await?)
}

pub async fn pengguna_pegawai_tx(
    k: &mut Koneksi,
    instansi_id: &str,
    pegawai_id: &str,
) -> Hasil<Option<Pengguna>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM} FROM pengguna WHERE instansi_id = $1 AND pegawai_id = $2"
    ))
    .bind(instansi_id)
    .bind(pegawai_id)
    .fetch_optional(k)
    .await?)
}

pub async fn daftar_pengguna(pool: &AnyPool, instansi_id: &str) -> Hasil<Vec<Pengguna>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM} FROM pengguna WHERE instansi_id = $1 ORDER BY username"
    ))
    .bind(instansi_id)
    .fetch_all(pool)
    .await?)
}

pub async fn jumlah_pengguna(pool: &AnyPool) -> Hasil<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM pengguna")
        .fetch_one(pool)
        .await?;
    Ok(n)
}

pub async fn peran(pool: &AnyPool, instansi_id: &str, pengguna_id: &str) -> Hasil<Vec<String>> {
    let baris: Vec<(String,)> =
        sqlx::query_as("SELECT peran FROM peran_pengguna WHERE instansi_id = $1 AND pengguna_id = $2 ORDER BY peran")
            .bind(instansi_id)
            .bind(pengguna_id)
            .fetch_all(pool)
            .await?;
    Ok(baris.into_iter().map(|(p,)| p).collect())
}

pub async fn ganti_sandi(
    k: &mut Koneksi,
    instansi_id: &str,
    id: &str,
    hash: &str,
    waktu: &str,
) -> Hasil<()> {
    sqlx::query(
        "UPDATE pengguna SET hash_sandi = $1, versi = versi + 1, diubah_pada = $2 WHERE instansi_id = $3 AND id = $4",
    )
    .bind(hash)
    .bind(waktu)
    .bind(instansi_id)
    .bind(id)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn set_aktif(
    k: &mut Koneksi,
    instansi_id: &str,
    id: &str,
    aktif: bool,
    waktu: &str,
) -> Hasil<()> {
    sqlx::query("UPDATE pengguna SET aktif = $1, versi = versi + 1, diubah_pada = $2 WHERE instansi_id = $3 AND id = $4")
        .bind(if aktif { 1_i64 } else { 0 })
        .bind(waktu)
        .bind(instansi_id)
        .bind(id)
        .execute(k)
        .await?;
    Ok(())
}

// ---------- sesi ----------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Sesi {
    pub token_hash: String,
    pub instansi_id: String,
    pub pengguna_id: String,
    pub csrf: String,
    pub dibuat_pada: String,
    pub kedaluwarsa_pada: String,
}

pub async fn sisipkan_sesi(pool: &AnyPool, s: &Sesi) -> Hasil<()> {
    sqlx::query(
        "INSERT INTO sesi (token_hash, instansi_id, pengguna_id, csrf, dibuat_pada, kedaluwarsa_pada) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&s.token_hash)
    .bind(&s.instansi_id)
    .bind(&s.pengguna_id)
    .bind(&s.csrf)
    .bind(&s.dibuat_pada)
    .bind(&s.kedaluwarsa_pada)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn sesi(pool: &AnyPool, token_hash: &str, sekarang: &str) -> Hasil<Option<Sesi>> {
    Ok(sqlx::query_as(
        "SELECT token_hash, instansi_id, pengguna_id, csrf, dibuat_pada, kedaluwarsa_pada FROM sesi \
         WHERE token_hash = $1 AND kedaluwarsa_pada > $2",
    )
    .bind(token_hash)
    .bind(sekarang)
    .fetch_optional(pool)
    .await?)
}

pub async fn hapus_sesi(pool: &AnyPool, token_hash: &str) -> Hasil<()> {
    sqlx::query("DELETE FROM sesi WHERE token_hash = $1")
        .bind(token_hash)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn hapus_sesi_pengguna(
    k: &mut Koneksi,
    instansi_id: &str,
    pengguna_id: &str,
) -> Hasil<()> {
    sqlx::query("DELETE FROM sesi WHERE instansi_id = $1 AND pengguna_id = $2")
        .bind(instansi_id)
        .bind(pengguna_id)
        .execute(k)
        .await?;
    Ok(())
}

pub async fn hapus_sesi_kedaluwarsa(pool: &AnyPool, sekarang: &str) -> Hasil<u64> {
    Ok(sqlx::query("DELETE FROM sesi WHERE kedaluwarsa_pada <= $1")
        .bind(sekarang)
        .execute(pool)
        .await?
        .rows_affected())
}

// ---------- token API ----------

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct TokenApi {
    #[serde(skip)]
    pub token_hash: String,
    pub id: String,
    pub instansi_id: String,
    pub pengguna_id: String,
    pub nama: String,
    pub cakupan: String,
    pub dibuat_pada: String,
    pub kedaluwarsa_pada: String,
    pub dicabut_pada: Option<String>,
}

const KOLOM_TOKEN: &str = "token_hash, id, instansi_id, pengguna_id, nama, cakupan, dibuat_pada, kedaluwarsa_pada, dicabut_pada";

pub async fn sisipkan_token(k: &mut Koneksi, t: &TokenApi) -> Hasil<()> {
    sqlx::query(sqlf!(
        "INSERT INTO token_api ({KOLOM_TOKEN}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    ))
    .bind(&t.token_hash)
    .bind(&t.id)
    .bind(&t.instansi_id)
    .bind(&t.pengguna_id)
    .bind(&t.nama)
    .bind(&t.cakupan)
    .bind(&t.dibuat_pada)
    .bind(&t.kedaluwarsa_pada)
    .bind(&t.dicabut_pada)
    .execute(k)
    .await?;
    Ok(())
}

pub async fn token_berlaku(
    pool: &AnyPool,
    token_hash: &str,
    sekarang: &str,
) -> Hasil<Option<TokenApi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_TOKEN} FROM token_api WHERE token_hash = $1 AND dicabut_pada IS NULL AND kedaluwarsa_pada > $2"
    ))
    .bind(token_hash)
    .bind(sekarang)
    .fetch_optional(pool)
    .await?)
}

pub async fn token_pengguna(
    pool: &AnyPool,
    instansi_id: &str,
    pengguna_id: &str,
) -> Hasil<Vec<TokenApi>> {
    Ok(sqlx::query_as(sqlf!(
        "SELECT {KOLOM_TOKEN} FROM token_api WHERE instansi_id = $1 AND pengguna_id = $2 ORDER BY dibuat_pada DESC"
    ))
    .bind(instansi_id)
    .bind(pengguna_id)
    .fetch_all(pool)
    .await?)
}

pub async fn token(pool: &AnyPool, id: &str) -> Hasil<Option<TokenApi>> {
    Ok(
        sqlx::query_as(sqlf!("SELECT {KOLOM_TOKEN} FROM token_api WHERE id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?,
    )
}

pub async fn cabut_token(k: &mut Koneksi, id: &str, waktu: &str) -> Hasil<bool> {
    let r = sqlx::query(
        "UPDATE token_api SET dicabut_pada = $1 WHERE id = $2 AND dicabut_pada IS NULL",
    )
    .bind(waktu)
    .bind(id)
    .execute(k)
    .await?;
    Ok(r.rows_affected() == 1)
}

// ---------- pembatasan percobaan masuk ----------

/// Mencatat satu kegagalan untuk kunci (nama pengguna atau alamat) dalam jendela
/// waktu; mengembalikan jumlah kegagalan dalam jendela itu.
pub async fn catat_gagal(
    pool: &AnyPool,
    kunci: &str,
    sekarang: &str,
    awal_jendela_baru: &str,
) -> Hasil<i64> {
    let mut tx = pool.begin().await?;
    let ada: Option<(i64, String)> =
        sqlx::query_as("SELECT jumlah, jendela_mulai FROM percobaan_masuk WHERE kunci = $1")
            .bind(kunci)
            .fetch_optional(&mut *tx)
            .await?;
    let jumlah = match ada {
        Some((n, mulai)) if mulai.as_str() > awal_jendela_baru => n + 1,
        _ => 1,
    };
    sqlx::query(
        "INSERT INTO percobaan_masuk (kunci, jumlah, jendela_mulai) VALUES ($1, $2, $3) \
         ON CONFLICT (kunci) DO UPDATE SET jumlah = excluded.jumlah, \
         jendela_mulai = CASE WHEN excluded.jumlah = 1 THEN excluded.jendela_mulai ELSE percobaan_masuk.jendela_mulai END",
    )
    .bind(kunci)
    .bind(jumlah)
    .bind(sekarang)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(jumlah)
}

pub async fn jumlah_gagal(pool: &AnyPool, kunci: &str, awal_jendela: &str) -> Hasil<i64> {
    let ada: Option<(i64, String)> =
        sqlx::query_as("SELECT jumlah, jendela_mulai FROM percobaan_masuk WHERE kunci = $1")
            .bind(kunci)
            .fetch_optional(pool)
            .await?;
    Ok(match ada {
        Some((n, mulai)) if mulai.as_str() > awal_jendela => n,
        _ => 0,
    })
}

pub async fn bersihkan_gagal(pool: &AnyPool, kunci: &str) -> Hasil<()> {
    sqlx::query("DELETE FROM percobaan_masuk WHERE kunci = $1")
        .bind(kunci)
        .execute(pool)
        .await?;
    Ok(())
}
